//! Interoperability on the real seeds: every export read back by a second, independent RDF
//! implementation (sophia) is isomorphic to the store; the canonical export equals RDFC-1.0
//! recomputed from sophia's reading of the N-Quads export; SPARQL results written by the CLI
//! are read back by oxigraph's results parsers and match the library's answers.
#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use common::sophia::{read_quads, read_triples, SQuad, STriple};
use common::*;
use newsgraph::export::{export, export_canonical, sophia_conv, Format};
use oxigraph::io::RdfFormat;
use oxigraph::model::GraphName;
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use sophia_isomorphism::{isomorphic_datasets, isomorphic_graphs};

fn expected_dataset() -> BTreeSet<SQuad> {
    sophia_conv::store_to_sophia(seeds_store()).unwrap()
}

fn expected_graph() -> BTreeSet<STriple> {
    expected_dataset().into_iter().map(|(t, _)| t).collect()
}

fn export_bytes(format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    export(seeds_store(), format, &mut out).unwrap();
    out
}

#[test]
fn sophia_reads_the_quad_exports_as_the_stores_dataset() {
    let expected = expected_dataset();
    assert!(expected.len() > 1000);
    for format in [Format::TriG, Format::NQuads] {
        let bytes = export_bytes(format);
        let text = std::str::from_utf8(&bytes).unwrap();
        let parsed = read_quads(format.name(), text);
        assert_eq!(parsed.len(), expected.len(), "{format:?}: quad count");
        assert!(
            isomorphic_datasets(&expected, &parsed).unwrap(),
            "{format:?}: not isomorphic to the store"
        );
    }
}

#[test]
fn sophia_reads_the_triple_exports_as_the_merged_graph() {
    let expected = expected_graph();
    for format in [Format::Turtle, Format::NTriples, Format::RdfXml] {
        let bytes = export_bytes(format);
        let text = std::str::from_utf8(&bytes).unwrap();
        let parsed = read_triples(format.name(), text);
        assert_eq!(parsed.len(), expected.len(), "{format:?}: triple count");
        assert!(
            isomorphic_graphs(&expected, &parsed).unwrap(),
            "{format:?}: not isomorphic to the merged graph"
        );
    }
}

#[test]
fn jsonld_is_json_and_oxigraph_reads_the_merged_graph() {
    let bytes = export_bytes(Format::JsonLd);
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON-LD is JSON");
    assert!(v.is_object() || v.is_array());
    let parsed: BTreeSet<STriple> = parse(
        RdfFormat::JsonLd {
            profile: Default::default(),
        },
        &bytes,
    )
    .iter()
    .map(|q| sophia_conv::quad(q.as_ref()).unwrap().0)
    .collect();
    assert_eq!(parsed, expected_graph());
}

#[test]
fn canonical_export_equals_rdfc10_recomputed_from_sophias_reading() {
    let mut canonical = Vec::new();
    export_canonical(seeds_store(), &mut canonical).unwrap();
    let nq = export_bytes(Format::NQuads);
    let parsed = read_quads("nquads", std::str::from_utf8(&nq).unwrap());
    let mut recomputed = Vec::new();
    sophia_c14n::rdfc10::normalize(&parsed, &mut recomputed).unwrap();
    assert!(
        canonical == recomputed,
        "export --canonical differs from RDFC-1.0 of the N-Quads export"
    );
    let text = String::from_utf8(canonical).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]),
        "canonical lines sorted, unique"
    );
    assert_eq!(lines.len(), seeds_store().len().unwrap());
    // The CLI writes the same bytes.
    let dir = scratch("interop-canonical");
    let store = dir.join("store");
    extract(vec![seeds()], &store);
    let cli = bin()
        .args(["export", "--canonical", "--store"])
        .arg(&store)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        cli == text.as_bytes(),
        "CLI --canonical = library export_canonical"
    );
}

/// The line formats are sorted by (graph, subject, predicate, object) in N-Quads term order
/// (the documented order of `export`), without duplicates.
#[test]
fn line_exports_are_sorted_and_duplicate_free() {
    for (format, rdf) in [
        (Format::NQuads, RdfFormat::NQuads),
        (Format::NTriples, RdfFormat::NTriples),
    ] {
        let bytes = export_bytes(format);
        let keys: Vec<[String; 4]> = parse(rdf, &bytes)
            .iter()
            .map(|q| {
                let g = match &q.graph_name {
                    GraphName::DefaultGraph => String::new(),
                    g => g.to_string(),
                };
                [
                    g,
                    q.subject.to_string(),
                    q.predicate.to_string(),
                    q.object.to_string(),
                ]
            })
            .collect();
        let bad = keys.windows(2).position(|w| w[0] >= w[1]);
        assert!(
            bad.is_none(),
            "{format:?}: not sorted / duplicate at line {:?}: {:?}",
            bad,
            bad.map(|i| &keys[i..i + 2])
        );
        let again = export_bytes(format);
        assert!(bytes == again, "{format:?}: two exports differ");
    }
}

#[test]
fn trig_and_turtle_use_the_project_prefixes() {
    for format in [Format::TriG, Format::Turtle] {
        let text = String::from_utf8(export_bytes(format)).unwrap();
        for (p, ns) in newsgraph::rdf::vocab::PREFIXES {
            if text.contains(ns) || text.contains(&format!(" {p}:")) {
                assert!(
                    text.contains(&format!("@prefix {p}: <{ns}>"))
                        || text.contains(&format!("PREFIX {p}: <{ns}>")),
                    "{format:?}: prefix {p} declared"
                );
            }
        }
    }
}

fn parse_results(format: QueryResultsFormat, bytes: &[u8]) -> BTreeSet<Vec<String>> {
    match QueryResultsParser::from_format(format)
        .for_reader(bytes)
        .unwrap()
    {
        ReaderQueryResultsParserOutput::Solutions(sols) => sols
            .map(|s| {
                let s = s.unwrap();
                s.iter().map(|(_, t)| t.to_string()).collect()
            })
            .collect(),
        ReaderQueryResultsParserOutput::Boolean(_) => panic!("boolean"),
    }
}

#[test]
fn cli_results_formats_read_back_by_oxigraph_match_the_library() {
    let q = "SELECT ?e ?label ?d WHERE { ?e a sem:Event ; rdfs:label ?label OPTIONAL { ?e sem:hasTimeStamp ?d } }";
    let expected: BTreeSet<Vec<String>> = select(seeds_store(), q)
        .into_iter()
        .map(|r| {
            ["e", "label", "d"]
                .iter()
                .filter_map(|v| r.get(*v).map(|t| t.to_string()))
                .collect()
        })
        .collect();
    assert!(!expected.is_empty());
    let dir = scratch("interop-results");
    let store = dir.join("store");
    extract(vec![seeds()], &store);
    for (name, format) in [
        ("json", QueryResultsFormat::Json),
        ("xml", QueryResultsFormat::Xml),
        ("tsv", QueryResultsFormat::Tsv),
    ] {
        let out = bin()
            .args(["query", q, "--format", name, "--store"])
            .arg(&store)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(parse_results(format, &out), expected, "{name} results");
    }
}
