//! Integration-style tests of the export module: a hand-built store following
//! `docs/RDF-MODEL.md` (two documents, several sentence graphs, hostile literals, typed
//! literals, percent-encoded IRIs, no blank nodes) is exported in every format and read back
//! by two independent implementations (oxigraph's parsers and sophia's), then compared with
//! the store's contents; determinism and canonicalization are checked too.

use std::collections::{BTreeSet, HashSet};

use oxigraph::io::RdfParser;
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{
    GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple,
};
use oxigraph::store::Store;
use sophia_isomorphism::{isomorphic_datasets, isomorphic_graphs};

use super::sophia_conv::{self, SophiaDataset};
use super::{export, export_canonical, export_with, ExportOptions, Format};
use crate::rdf::vocab::{dcterms, itsrdf, ng, nif, org, prov, schema, sem, skos};

const BASE: &str = "https://w3id.org/newsgraph/id/";

fn id(path: &str) -> NamedNode {
    NamedNode::new(format!("{BASE}{path}")).expect("valid IRI")
}

fn s(v: &str) -> Term {
    Literal::new_simple_literal(v).into()
}

fn typed(v: &str, dt: NamedNodeRef<'_>) -> Term {
    Literal::new_typed_literal(v, dt).into()
}

fn nni(v: u64) -> Term {
    typed(&v.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

/// Adds a quad; `iri` objects are given as `NamedNode`s converted with `.into()`.
fn q(out: &mut Vec<Quad>, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>, g: &NamedNode) {
    out.push(Quad::new(s.clone(), p, o.into(), g.clone()));
}

/// Text with every character class an export must survive.
const HOSTILE: &str =
    "He said \"no\" \\ then 'left'.\nTabs:\there\tand CRLF:\r\nTags <b>bold</b> & \
     &amp; ]]> \"\"\" triple quotes; émigré Zürich Łódź 北京; emoji 🇺🇦🙂👩‍👩‍👧; \
     Arabic مرحبا بالعالم and Hebrew שָׁלוֹם; combining e\u{301} a\u{308}\u{332}; \
     RTL mark \u{200F} ZWJ \u{200D} NBSP\u{A0}end\\";

/// The fixture: two documents following docs/RDF-MODEL.md, no blank nodes.
fn fixture() -> Vec<Quad> {
    let mut v = Vec::new();
    // ---- document 1
    let d1 = id("doc/001-d526fdf91043ef8c");
    q(&mut v, &d1, rdf::TYPE, nif::CONTEXT, &d1);
    q(&mut v, &d1, rdf::TYPE, schema::NEWS_ARTICLE, &d1);
    q(
        &mut v,
        &d1,
        ng::SOURCE_PATH,
        s("001_d526fdf91043ef8c.txt"),
        &d1,
    );
    q(
        &mut v,
        &d1,
        dcterms::SOURCE,
        s("001_d526fdf91043ef8c.txt"),
        &d1,
    );
    q(&mut v, &d1, ng::SHA256, s(&"ab12".repeat(16)), &d1);
    q(
        &mut v,
        &d1,
        schema::DATE_PUBLISHED,
        typed("2025-04-11", xsd::DATE),
        &d1,
    );
    q(&mut v, &d1, schema::AUTHOR, s("Gloria Nosa"), &d1);
    q(
        &mut v,
        &d1,
        schema::HEADLINE,
        s("Witkoff meets Putin: \"talks\" <in> St. Petersburg"),
        &d1,
    );
    q(
        &mut v,
        &d1,
        schema::URL,
        NamedNode::new(
            "https://example.com/news/2025/04/11/witkoff%20putin?x=1&y=%3Cz%3E#s%C3%A9ance",
        )
        .expect("iri"),
        &d1,
    );
    q(&mut v, &d1, nif::IS_STRING, s(HOSTILE), &d1);

    let s1 = id("doc/001-d526fdf91043ef8c/s1");
    q(&mut v, &s1, rdf::TYPE, nif::SENTENCE, &s1);
    q(&mut v, &s1, nif::REFERENCE_CONTEXT, d1.clone(), &s1);
    q(
        &mut v,
        &s1,
        ng::SENTENCE_INDEX,
        typed("1", xsd::INTEGER),
        &s1,
    );
    q(&mut v, &s1, nif::BEGIN_INDEX, nni(0), &s1);
    q(&mut v, &s1, nif::END_INDEX, nni(17), &s1);
    q(
        &mut v,
        &s1,
        nif::ANCHOR_OF,
        s("He said \"no\" \\ then"),
        &s1,
    );

    let s2 = id("doc/001-d526fdf91043ef8c/s2");
    let witkoff = id("person/steve-witkoff");
    let putin = id("person/vladimir-putin");
    let trump = id("person/donald-trump");
    let spb = id("place/st-petersburg");
    let sao = id("place/s%C3%A3o-paulo");
    let envoy = id("role/special-envoy");
    let membership = id("membership/steve-witkoff/special-envoy/donald-trump");
    let meeting = id("event/meeting/2025-04-11/steve-witkoff--vladimir-putin");
    let mention = id("doc/001-d526fdf91043ef8c/m60-73");
    q(&mut v, &s2, rdf::TYPE, nif::SENTENCE, &s2);
    q(&mut v, &s2, nif::REFERENCE_CONTEXT, d1.clone(), &s2);
    q(
        &mut v,
        &s2,
        ng::SENTENCE_INDEX,
        typed("2", xsd::INTEGER),
        &s2,
    );
    q(&mut v, &s2, nif::BEGIN_INDEX, nni(18), &s2);
    q(&mut v, &s2, nif::END_INDEX, nni(251), &s2);
    q(
        &mut v,
        &s2,
        nif::ANCHOR_OF,
        s("On Friday, U.S. envoy Steve Witkoff met Putin\tin\nSt. Petersburg."),
        &s2,
    );
    q(&mut v, &mention, rdf::TYPE, nif::PHRASE, &s2);
    q(&mut v, &mention, nif::REFERENCE_CONTEXT, d1.clone(), &s2);
    q(&mut v, &mention, nif::SENTENCE_PROP, s2.clone(), &s2);
    q(&mut v, &mention, nif::BEGIN_INDEX, nni(60), &s2);
    q(&mut v, &mention, nif::END_INDEX, nni(73), &s2);
    q(&mut v, &mention, nif::ANCHOR_OF, s("Steve Witkoff"), &s2);
    q(&mut v, &mention, itsrdf::TA_IDENT_REF, witkoff.clone(), &s2);
    q(&mut v, &mention, itsrdf::TA_CLASS_REF, schema::PERSON, &s2);
    q(&mut v, &witkoff, rdf::TYPE, schema::PERSON, &s2);
    q(&mut v, &witkoff, rdfs::LABEL, s("Steve Witkoff"), &s2);
    q(&mut v, &witkoff, skos::ALT_LABEL, s("Witkoff"), &s2);
    q(&mut v, &putin, rdf::TYPE, schema::PERSON, &s2);
    q(&mut v, &putin, rdfs::LABEL, s("Vladimir Putin"), &s2);
    q(&mut v, &putin, skos::ALT_LABEL, s("Путин"), &s2);
    q(&mut v, &spb, rdf::TYPE, schema::PLACE, &s2);
    q(&mut v, &spb, rdf::TYPE, schema::CITY, &s2);
    q(&mut v, &spb, rdfs::LABEL, s("St. Petersburg"), &s2);
    q(&mut v, &membership, rdf::TYPE, org::MEMBERSHIP, &s2);
    q(&mut v, &membership, org::MEMBER, witkoff.clone(), &s2);
    q(&mut v, &membership, org::ORGANIZATION, trump.clone(), &s2);
    q(&mut v, &membership, org::ROLE, envoy.clone(), &s2);
    q(&mut v, &membership, prov::WAS_DERIVED_FROM, s2.clone(), &s2);
    q(&mut v, &envoy, rdf::TYPE, org::ROLE_CLASS, &s2);
    q(&mut v, &envoy, rdf::TYPE, skos::CONCEPT, &s2);
    q(&mut v, &envoy, rdfs::LABEL, s("special envoy"), &s2);
    q(&mut v, &meeting, rdf::TYPE, sem::EVENT, &s2);
    q(&mut v, &meeting, rdf::TYPE, ng::MEETING, &s2);
    q(
        &mut v,
        &meeting,
        rdfs::LABEL,
        s("Meeting: Steve Witkoff, Vladimir Putin (2025-04-11)"),
        &s2,
    );
    q(&mut v, &meeting, ng::TRIGGER, s("met"), &s2);
    q(&mut v, &meeting, sem::HAS_ACTOR, witkoff.clone(), &s2);
    q(&mut v, &meeting, sem::HAS_ACTOR, putin.clone(), &s2);
    q(&mut v, &meeting, ng::HAS_AGENT, witkoff.clone(), &s2);
    q(&mut v, &meeting, ng::HAS_PARTICIPANT, putin.clone(), &s2);
    q(&mut v, &meeting, sem::HAS_PLACE, spb.clone(), &s2);
    q(
        &mut v,
        &meeting,
        sem::HAS_TIME_STAMP,
        typed("2025-04-11", xsd::DATE),
        &s2,
    );
    q(
        &mut v,
        &meeting,
        ng::REPORTED_BY,
        id("organization/axios"),
        &s2,
    );
    q(&mut v, &meeting, prov::WAS_DERIVED_FROM, s2.clone(), &s2);

    // ---- document 2 (same event reported again, another event with a gYearMonth)
    let d2 = id("doc/002-%C3%A9t%C3%A9-news");
    q(&mut v, &d2, rdf::TYPE, nif::CONTEXT, &d2);
    q(&mut v, &d2, rdf::TYPE, schema::NEWS_ARTICLE, &d2);
    q(&mut v, &d2, ng::SOURCE_PATH, s("002_été news.txt"), &d2);
    q(
        &mut v,
        &d2,
        schema::DATE_PUBLISHED,
        typed("2025-04-12", xsd::DATE),
        &d2,
    );
    q(
        &mut v,
        &d2,
        schema::HEADLINE,
        s("« Réunion » — وزير 🙂"),
        &d2,
    );
    q(&mut v, &d2, nif::IS_STRING, s(""), &d2);

    let t1 = id("doc/002-%C3%A9t%C3%A9-news/s1");
    q(&mut v, &t1, rdf::TYPE, nif::SENTENCE, &t1);
    q(&mut v, &t1, nif::REFERENCE_CONTEXT, d2.clone(), &t1);
    q(&mut v, &t1, nif::BEGIN_INDEX, nni(0), &t1);
    q(&mut v, &t1, nif::END_INDEX, nni(40), &t1);
    q(&mut v, &t1, nif::ANCHOR_OF, s("   "), &t1);
    // The same entity and event triples as in document 1, asserted in this sentence graph.
    q(&mut v, &witkoff, rdf::TYPE, schema::PERSON, &t1);
    q(&mut v, &witkoff, rdfs::LABEL, s("Steve Witkoff"), &t1);
    q(
        &mut v,
        &witkoff,
        skos::ALT_LABEL,
        s("Steve Witkoff's envoy \"team\""),
        &t1,
    );
    q(&mut v, &meeting, rdf::TYPE, sem::EVENT, &t1);
    q(&mut v, &meeting, sem::HAS_ACTOR, putin.clone(), &t1);
    q(&mut v, &meeting, prov::WAS_DERIVED_FROM, t1.clone(), &t1);

    let t2 = id("doc/002-%C3%A9t%C3%A9-news/s2");
    let visit = id("event/travel/2025-04/steve-witkoff");
    q(&mut v, &t2, rdf::TYPE, nif::SENTENCE, &t2);
    q(&mut v, &t2, nif::REFERENCE_CONTEXT, d2.clone(), &t2);
    q(&mut v, &t2, nif::BEGIN_INDEX, nni(41), &t2);
    q(&mut v, &t2, nif::END_INDEX, nni(99), &t2);
    q(
        &mut v,
        &t2,
        nif::ANCHOR_OF,
        s("Witkoff visited São Paulo in April 2025\\"),
        &t2,
    );
    q(&mut v, &sao, rdf::TYPE, schema::PLACE, &t2);
    q(&mut v, &sao, rdfs::LABEL, s("São Paulo"), &t2);
    q(
        &mut v,
        &sao,
        rdfs::LABEL,
        Literal::new_language_tagged_literal_unchecked("São Paulo", "pt-br"),
        &t2,
    );
    q(&mut v, &visit, rdf::TYPE, sem::EVENT, &t2);
    q(&mut v, &visit, sem::HAS_ACTOR, witkoff.clone(), &t2);
    q(&mut v, &visit, sem::HAS_PLACE, sao.clone(), &t2);
    q(
        &mut v,
        &visit,
        sem::HAS_TIME_STAMP,
        typed("2025-04", xsd::G_YEAR_MONTH),
        &t2,
    );
    q(&mut v, &visit, prov::WAS_DERIVED_FROM, t2.clone(), &t2);
    q(
        &mut v,
        &visit,
        rdfs::COMMENT,
        typed("2025", xsd::G_YEAR),
        &t2,
    );
    q(
        &mut v,
        &visit,
        rdfs::SEE_ALSO,
        NamedNode::new("https://de.wikipedia.org/wiki/Z%C3%BCrich_(Stadt)").expect("iri"),
        &t2,
    );
    v
}

fn store_from<'a>(quads: impl IntoIterator<Item = &'a Quad>) -> Store {
    let store = Store::new().expect("store");
    for quad in quads {
        store.insert(quad).expect("insert");
    }
    store
}

fn store_quads(store: &Store) -> HashSet<Quad> {
    store.iter().collect::<Result<_, _>>().expect("iterate")
}

fn union_graph(quads: &HashSet<Quad>) -> HashSet<Triple> {
    quads.iter().map(|q| Triple::from(q.clone())).collect()
}

fn export_bytes(store: &Store, format: Format) -> Vec<u8> {
    let mut buf = Vec::new();
    export(store, format, &mut buf).expect("export");
    buf
}

fn oxigraph_parse(bytes: &[u8], format: Format) -> Vec<Quad> {
    RdfParser::from_format(format.to_oxigraph())
        .for_slice(bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("oxigraph cannot read its own {format} export: {e}"))
}

fn sophia_expected_dataset(quads: &HashSet<Quad>) -> SophiaDataset {
    quads
        .iter()
        .map(|q| sophia_conv::quad(q.as_ref()).expect("convert"))
        .collect()
}

/// sophia's parsers, shared with tests/interop.rs.
#[path = "../../tests/common/sophia.rs"]
mod sophia_read;

fn sophia_expected_graph(quads: &HashSet<Quad>) -> BTreeSet<sophia_read::STriple> {
    sophia_expected_dataset(quads)
        .into_iter()
        .map(|(spo, _)| spo)
        .collect()
}

/// Parses an export with sophia; `None` for JSON-LD (sophia's JSON-LD parser is an optional,
/// heavy feature not among the project's dependencies).
fn sophia_check(bytes: &[u8], format: Format, quads: &HashSet<Quad>) -> Option<()> {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    match format {
        Format::TriG | Format::NQuads => {
            let parsed = sophia_read::read_quads(format.name(), text);
            let expected = sophia_expected_dataset(quads);
            assert_eq!(parsed.len(), expected.len(), "{format}: quad count");
            assert!(
                isomorphic_datasets(&expected, &parsed).expect("isomorphism"),
                "{format}: sophia reads a dataset not isomorphic to the store"
            );
        }
        Format::Turtle | Format::NTriples | Format::RdfXml => {
            let parsed = sophia_read::read_triples(format.name(), text);
            let expected = sophia_expected_graph(quads);
            assert_eq!(parsed.len(), expected.len(), "{format}: triple count");
            assert!(
                isomorphic_graphs(&expected, &parsed).expect("isomorphism"),
                "{format}: sophia reads a graph not isomorphic to the union graph"
            );
        }
        Format::JsonLd => return None,
    }
    Some(())
}

/// The fixture as oxigraph 0.5.13 stores it: every quad verbatim except that the store keeps
/// integer-derived datatypes (xsd:nonNegativeInteger, …) as plain xsd:integer (its
/// `numeric_encoder` stores them as one native integer type). Exports can only carry what the
/// store returns, so the round-trip tests compare with the store's contents.
fn as_stored(quad: &Quad) -> Quad {
    let mut quad = quad.clone();
    if let Term::Literal(l) = &quad.object {
        if l.datatype() == xsd::NON_NEGATIVE_INTEGER {
            quad.object = typed(l.value(), xsd::INTEGER);
        }
    }
    quad
}

#[test]
fn store_keeps_the_fixture_except_integer_subtypes() {
    let quads = fixture();
    assert!(quads.iter().any(
        |q| matches!(&q.object, Term::Literal(l) if l.datatype() == xsd::NON_NEGATIVE_INTEGER)
    ));
    let store = store_from(&quads);
    let expected: HashSet<Quad> = quads.iter().map(as_stored).collect();
    let stored = store_quads(&store);
    let missing: Vec<String> = expected
        .difference(&stored)
        .map(|q| q.to_string())
        .collect();
    let extra: Vec<String> = stored
        .difference(&expected)
        .map(|q| q.to_string())
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nextra {extra:#?}"
    );
    assert!(stored.iter().all(|q| {
        !matches!(q.subject, NamedOrBlankNode::BlankNode(_)) && !q.object.is_blank_node()
    }));
}

#[test]
fn every_format_round_trips_through_oxigraph() {
    let store = store_from(&fixture());
    let quads = store_quads(&store);
    let union = union_graph(&quads);
    assert!(
        union.len() < quads.len(),
        "fixture must contain duplicates across graphs"
    );
    for format in Format::ALL {
        let bytes = export_bytes(&store, format);
        let parsed = oxigraph_parse(&bytes, format);
        if format.is_quads() {
            let parsed_set: HashSet<Quad> = parsed.iter().cloned().collect();
            assert_eq!(
                parsed.len(),
                quads.len(),
                "{format}: no duplicate quads written"
            );
            assert_eq!(parsed_set, quads, "{format}: dataset differs");
        } else {
            assert!(
                parsed
                    .iter()
                    .all(|q| q.graph_name == GraphName::DefaultGraph),
                "{format}: triple format must carry only the default graph"
            );
            let triples: Vec<Triple> = parsed.into_iter().map(Triple::from).collect();
            let triple_set: HashSet<Triple> = triples.iter().cloned().collect();
            assert_eq!(
                triples.len(),
                union.len(),
                "{format}: duplicates not removed"
            );
            assert_eq!(triple_set, union, "{format}: merged graph differs");
        }
    }
}

#[test]
fn every_format_but_jsonld_round_trips_through_sophia() {
    let store = store_from(&fixture());
    let quads = store_quads(&store);
    let mut checked = Vec::new();
    for format in Format::ALL {
        let bytes = export_bytes(&store, format);
        if sophia_check(&bytes, format, &quads).is_some() {
            checked.push(format);
        }
    }
    assert_eq!(checked.len(), 5, "{checked:?}");
}

#[test]
fn provenance_survives_in_triple_formats() {
    let store = store_from(&fixture());
    let bytes = export_bytes(&store, Format::NTriples);
    let parsed = oxigraph_parse(&bytes, Format::NTriples);
    let meeting = Term::from(id("event/meeting/2025-04-11/steve-witkoff--vladimir-putin"));
    let sources: BTreeSet<String> = parsed
        .iter()
        .filter(|q| {
            Term::from(q.subject.clone()) == meeting && q.predicate == prov::WAS_DERIVED_FROM
        })
        .map(|q| q.object.to_string())
        .collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
}

#[test]
fn export_is_byte_identical_run_to_run_and_independent_of_insertion_order() {
    let quads = fixture();
    let forward = store_from(&quads);
    let backward = store_from(quads.iter().rev());
    // An interleaving: odd positions first, then even ones.
    let interleaved = store_from(
        quads
            .iter()
            .skip(1)
            .step_by(2)
            .chain(quads.iter().step_by(2)),
    );
    for format in Format::ALL {
        let a = export_bytes(&forward, format);
        assert_eq!(a, export_bytes(&forward, format), "{format}: run to run");
        assert_eq!(
            a,
            export_bytes(&backward, format),
            "{format}: reversed insertion"
        );
        assert_eq!(
            a,
            export_bytes(&interleaved, format),
            "{format}: interleaved insertion"
        );
    }
}

#[test]
fn line_formats_are_sorted() {
    let store = store_from(&fixture());
    for format in [Format::NQuads, Format::NTriples] {
        let text = String::from_utf8(export_bytes(&store, format)).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        // N-Triples: sorted by (subject, predicate, object) = line order, since every
        // separator is a single space after a term that cannot contain one unescaped...
        // except literals; compare parsed keys instead of raw lines.
        let keys: Vec<(String, String, String, String)> = oxigraph_parse(text.as_bytes(), format)
            .into_iter()
            .map(|q| {
                (
                    match &q.graph_name {
                        GraphName::DefaultGraph => String::new(),
                        g => g.to_string(),
                    },
                    q.subject.to_string(),
                    q.predicate.to_string(),
                    q.object.to_string(),
                )
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{format}");
        assert_eq!(lines.len(), keys.len());
    }
}

#[test]
fn base_iri_option_round_trips() {
    let store = store_from(&fixture());
    let quads = store_quads(&store);
    let options = ExportOptions::new().with_base_iri(BASE);
    for format in Format::ALL {
        let mut bytes = Vec::new();
        export_with(&store, format, &options, &mut bytes).expect("export");
        let parsed: HashSet<Quad> = oxigraph_parse(&bytes, format).into_iter().collect();
        if format.is_quads() {
            assert_eq!(parsed, quads, "{format}");
        } else {
            let triples: HashSet<Triple> = parsed.into_iter().map(Triple::from).collect();
            assert_eq!(triples, union_graph(&quads), "{format}");
        }
    }
}

#[test]
fn default_graph_triples_are_exported_first() {
    let mut quads = fixture();
    let extra = Quad::new(
        id("place/st-petersburg"),
        rdfs::COMMENT,
        s("in the default graph"),
        GraphName::DefaultGraph,
    );
    quads.push(extra.clone());
    let store = store_from(&quads);
    let text = String::from_utf8(export_bytes(&store, Format::NQuads)).expect("utf-8");
    assert!(
        text.starts_with(&format!("{} .\n", Triple::from(extra))),
        "{text}"
    );
    for format in Format::ALL {
        let bytes = export_bytes(&store, format);
        let parsed: HashSet<Quad> = oxigraph_parse(&bytes, format).into_iter().collect();
        if format.is_quads() {
            assert_eq!(parsed, store_quads(&store), "{format}");
        }
        sophia_check(&bytes, format, &store_quads(&store));
    }
}

#[test]
fn canonical_export_is_order_independent_sorted_and_parses() {
    let quads = fixture();
    let mut a = Vec::new();
    export_canonical(&store_from(&quads), &mut a).expect("canonical");
    let mut b = Vec::new();
    export_canonical(&store_from(quads.iter().rev()), &mut b).expect("canonical");
    assert_eq!(a, b);
    let text = String::from_utf8(a).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]),
        "lines sorted, no duplicates"
    );
    let expected: HashSet<Quad> = quads.iter().map(as_stored).collect();
    assert_eq!(lines.len(), expected.len());
    let parsed: HashSet<Quad> = oxigraph_parse(text.as_bytes(), Format::NQuads)
        .into_iter()
        .collect();
    assert_eq!(parsed, expected);
    let sophia = sophia_read::read_quads("nquads", &text);
    assert!(isomorphic_datasets(&sophia_expected_dataset(&expected), &sophia).expect("iso"));
}

#[test]
fn jsonld_is_plain_json_with_absolute_iris() {
    let store = store_from(&fixture());
    let bytes = export_bytes(&store, Format::JsonLd);
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
    assert!(value.is_array() || value.is_object());
}

mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        /// Any insertion order of any subset gives the same bytes as a canonical-order store.
        #[test]
        fn any_insertion_order_gives_same_bytes(
            order in Just((0..fixture().len()).collect::<Vec<usize>>()).prop_shuffle(),
            keep in proptest::collection::vec(any::<bool>(), fixture().len()),
        ) {
            let quads = fixture();
            let subset: Vec<&Quad> = order.iter().filter(|&&i| keep[i]).map(|&i| &quads[i]).collect();
            let mut sorted = subset.clone();
            sorted.sort_by_key(|q| q.to_string());
            let shuffled_store = store_from(subset.iter().copied());
            let sorted_store = store_from(sorted.iter().copied());
            for format in [Format::TriG, Format::Turtle, Format::JsonLd] {
                prop_assert_eq!(export_bytes(&shuffled_store, format), export_bytes(&sorted_store, format));
            }
            let mut a = Vec::new();
            let mut b = Vec::new();
            export_canonical(&shuffled_store, &mut a).expect("canonical");
            export_canonical(&sorted_store, &mut b).expect("canonical");
            prop_assert_eq!(a, b);
        }
    }
}
#[test]
fn rdfxml_escapes_carriage_returns() {
    let store = store_from(&fixture());
    let text = String::from_utf8(export_bytes(&store, Format::RdfXml)).expect("utf-8");
    assert!(HOSTILE.contains('\r'));
    assert!(
        !text.contains('\r'),
        "raw CR would be normalized to LF by XML parsers"
    );
    assert!(
        text.contains("CRLF:&#13;\n"),
        "CR written as a character reference"
    );
}

/// Characters outside XML 1.0 `Char`: every format but RDF/XML round-trips them; RDF/XML
/// refuses them with a typed error instead of writing ill-formed XML.
#[test]
fn control_characters_round_trip_except_in_rdfxml() {
    let g = id("doc/x/s1");
    let mut v = Vec::new();
    for (i, c) in [
        '\u{0}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1f}', '\u{7f}', '\u{fffe}', '\u{85}',
    ]
    .into_iter()
    .enumerate()
    {
        q(
            &mut v,
            &id(&format!("c{i}")),
            rdfs::LABEL,
            s(&format!("a{c}b")),
            &g,
        );
    }
    let store = store_from(&v);
    let quads = store_quads(&store);
    for format in Format::ALL {
        let mut bytes = Vec::new();
        let result = export(&store, format, &mut bytes);
        if format == Format::RdfXml {
            let err = result.expect_err("RDF/XML must refuse XML-invalid characters");
            assert!(matches!(err, super::ExportError::Serialize(_)), "{err}");
            assert!(err.to_string().contains("U+0000"), "{err}");
            continue;
        }
        result.expect("export");
        let parsed: HashSet<Triple> = oxigraph_parse(&bytes, format)
            .into_iter()
            .map(Triple::from)
            .collect();
        assert_eq!(parsed, union_graph(&quads), "{format}");
        sophia_check(&bytes, format, &quads);
    }
    // XML-valid but unusual characters (DEL, NEL) are fine in RDF/XML.
    let ok = store_from(v.iter().filter(|q| {
        matches!(&q.object, Term::Literal(l) if !l.value().contains(['\u{0}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1f}', '\u{fffe}']))
    }));
    let bytes = export_bytes(&ok, Format::RdfXml);
    let parsed: HashSet<Triple> = oxigraph_parse(&bytes, Format::RdfXml)
        .into_iter()
        .map(Triple::from)
        .collect();
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed, union_graph(&store_quads(&ok)));
}
