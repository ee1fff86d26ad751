//! Reading RDF text with sophia, the second, independent RDF implementation of the tests.
//! Shared by tests/interop.rs (as `common::sophia`) and src/export/roundtrip_tests.rs (which
//! includes this file with `#[path]`), so it names no `newsgraph` item: formats are given by
//! their names (`Format`'s `Display`: trig, nquads, turtle, ntriples, rdfxml).
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::BTreeSet;

use sophia_api::parser::{QuadParser, TripleParser};
use sophia_api::quad::Spog;
use sophia_api::source::{QuadSource, TripleSource};
use sophia_api::term::SimpleTerm;

/// A sophia quad with owned terms (`None` graph = default graph).
pub type SQuad = Spog<SimpleTerm<'static>>;

/// A sophia triple with owned terms.
pub type STriple = [SimpleTerm<'static>; 3];

/// The quads of a `trig` or `nquads` text; panics (naming the format) when sophia rejects it.
pub fn read_quads(format: &str, text: &str) -> BTreeSet<SQuad> {
    match format {
        "trig" => sophia_turtle::parser::trig::TriGParser::new()
            .parse_str(text)
            .collect_quads(),
        "nquads" => sophia_turtle::parser::nq::NQuadsParser::new()
            .parse_str(text)
            .collect_quads(),
        other => panic!("sophia: {other} is not a quad format"),
    }
    .unwrap_or_else(|e| panic!("sophia cannot read the {format} export: {e}"))
}

/// The triples of a `turtle`, `ntriples` or `rdfxml` text; panics (naming the format) when
/// sophia rejects it.
pub fn read_triples(format: &str, text: &str) -> BTreeSet<STriple> {
    match format {
        "turtle" => sophia_turtle::parser::turtle::TurtleParser::new()
            .parse_str(text)
            .collect_triples()
            .map_err(|e| e.to_string()),
        "ntriples" => sophia_turtle::parser::nt::NTriplesParser::new()
            .parse_str(text)
            .collect_triples()
            .map_err(|e| e.to_string()),
        "rdfxml" => sophia_xml::parser::RdfXmlParser::default()
            .parse_str(text)
            .collect_triples()
            .map_err(|e| e.to_string()),
        other => panic!("sophia: {other} is not a triple format"),
    }
    .unwrap_or_else(|e| panic!("sophia cannot read the {format} export: {e}"))
}
