//! End-to-end tests: a hand-built store (RDF-MODEL.md layout) scored against a small gold file.

use super::report::{MissReason, MissedEvent, MissedMention, MissedRole};
use super::*;
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;

const TRIG: &str = r#"
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix id: <https://w3id.org/newsgraph/id/> .

# ---------------------------------------------------------------- document 001
id:doc\/001-aaa {
  id:doc\/001-aaa a nif:Context, schema:NewsArticle ;
    ng:sourcePath "corpus/001_aaa.txt" ; dcterms:source "corpus/001_aaa.txt" .
}

id:doc\/001-aaa\/s1 {
  id:doc\/001-aaa\/s1 a nif:Sentence ; nif:referenceContext id:doc\/001-aaa ;
    nif:anchorOf "U.S. envoy Steve Witkoff met Vladimir Putin in St. Petersburg on Friday." .
  id:doc\/001-aaa\/m0-4 a nif:Phrase ; nif:referenceContext id:doc\/001-aaa ;
    nif:sentence id:doc\/001-aaa\/s1 ; itsrdf:taIdentRef id:place\/united-states .
  id:doc\/001-aaa\/m11-24 a nif:Phrase ; nif:referenceContext id:doc\/001-aaa ;
    itsrdf:taIdentRef id:person\/steve-witkoff .
  id:doc\/001-aaa\/m29-43 a nif:Phrase ; nif:referenceContext id:doc\/001-aaa ;
    itsrdf:taIdentRef id:person\/vladimir-putin .
  id:doc\/001-aaa\/m47-61 a nif:Phrase ; nif:referenceContext id:doc\/001-aaa ;
    itsrdf:taIdentRef id:place\/st-petersburg .
  id:doc\/001-aaa\/m65-71 a nif:Phrase ; nif:referenceContext id:doc\/001-aaa ;
    itsrdf:taIdentRef id:organization\/friday .

  id:place\/united-states a schema:Place, schema:Country ; rdfs:label "United States" ; skos:altLabel "U.S." .
  id:person\/steve-witkoff a schema:Person ; rdfs:label "Steve Witkoff" ; skos:altLabel "Witkoff" .
  id:person\/vladimir-putin a schema:Person ; rdfs:label "Vladimir Putin" ; skos:altLabel "Putin" .
  id:place\/st-petersburg a schema:Place ; rdfs:label "St. Petersburg" .
  id:organization\/friday a schema:Organization ; rdfs:label "Friday" .
  id:organization\/reuters a schema:Organization ; rdfs:label "Reuters" .

  id:membership\/steve-witkoff\/special-envoy\/donald-trump a org:Membership ;
    org:member id:person\/steve-witkoff ; org:organization id:person\/donald-trump ;
    org:role id:role\/special-envoy ; prov:wasDerivedFrom id:doc\/001-aaa\/s1 .
  id:role\/special-envoy a org:Role, skos:Concept ; rdfs:label "special envoy" .

  id:event\/meeting\/2025-04-11\/steve-witkoff--vladimir-putin a sem:Event, ng:Meeting ;
    rdfs:label "Meeting: Steve Witkoff, Vladimir Putin (2025-04-11)" ;
    sem:hasActor id:person\/steve-witkoff, id:person\/vladimir-putin ;
    sem:hasPlace id:place\/st-petersburg ;
    sem:hasTimeStamp "2025-04-11"^^xsd:date ;
    prov:wasDerivedFrom id:doc\/001-aaa\/s1 .
}

id:doc\/001-aaa\/s2 {
  id:doc\/001-aaa\/s2 a nif:Sentence ; nif:referenceContext id:doc\/001-aaa ;
    nif:anchorOf "The Kremlin said   talks were useful." .
  id:doc\/001-aaa\/m73-84 a nif:Phrase ; nif:referenceContext id:doc\/001-aaa ;
    itsrdf:taIdentRef id:organization\/kremlin .
  id:organization\/kremlin a schema:Organization ; rdfs:label "The Kremlin" .
  id:event\/001-aaa\/s2-announcement-1 a sem:Event, ng:Announcement ;
    sem:hasActor id:organization\/kremlin .
  id:membership\/vladimir-putin\/president\/russia a org:Membership ;
    org:member id:person\/vladimir-putin ; org:organization id:place\/russia ;
    org:role id:role\/president .
  id:role\/president a org:Role ; rdfs:label "President" .
  id:membership\/vladimir-putin\/head\/russia a org:Membership ;
    org:member id:person\/vladimir-putin ; org:organization id:place\/russia ;
    org:role id:role\/head .
  id:role\/head a org:Role ; rdfs:label "head" .
}

# ---------------------------------------------------------------- document 002
id:doc\/002-bbb {
  id:doc\/002-bbb a nif:Context ; dcterms:source "002_bbb.txt" .
  # Only linked to its sentence by prov:wasDerivedFrom (not asserted in the sentence graph).
  id:event\/002-bbb\/s2-rejection-1 a sem:Event, ng:Rejection ;
    sem:hasActor id:place\/russia ; prov:wasDerivedFrom id:doc\/002-bbb\/s2 .
}

id:doc\/002-bbb\/s1 {
  id:doc\/002-bbb\/s1 a nif:Sentence ; nif:referenceContext id:doc\/002-bbb ;
    nif:anchorOf "Witkoff traveled to Russia to meet Putin." .
  id:doc\/002-bbb\/m0-7 a nif:Phrase ; nif:referenceContext id:doc\/002-bbb ;
    itsrdf:taIdentRef id:person\/steve-witkoff .
  id:doc\/002-bbb\/m20-26 a nif:Phrase ; nif:sentence id:doc\/002-bbb\/s1 ;
    itsrdf:taIdentRef id:place\/russia .
  id:doc\/002-bbb\/m35-40 a nif:Phrase ; nif:referenceContext id:doc\/002-bbb ;
    itsrdf:taIdentRef id:person\/putin .
  id:place\/russia a schema:Place, schema:Country ; rdfs:label "Russia" .
  id:person\/putin a schema:Person ; rdfs:label "President Putin" ; skos:altLabel "Putin" .
  id:event\/meeting\/2025-04-11\/steve-witkoff--vladimir-putin a sem:Event, ng:Meeting ;
    sem:hasActor id:person\/steve-witkoff, id:person\/vladimir-putin .
  id:event\/002-bbb\/s1-travel-1 a sem:Event, ng:Travel ;
    sem:hasActor id:person\/steve-witkoff ; sem:hasPlace id:place\/russia .
}

id:doc\/002-bbb\/s2 {
  id:doc\/002-bbb\/s2 a nif:Sentence ; nif:referenceContext id:doc\/002-bbb ;
    nif:anchorOf "Moscow rejected the proposal, Trump's aide said at the White House." .
  id:doc\/002-bbb\/m60-71 a nif:Phrase ; nif:referenceContext id:doc\/002-bbb ;
    itsrdf:taIdentRef id:place\/white-house .
  id:person\/donald-trump a schema:Person ; rdfs:label "Donald Trump" ; skos:altLabel "Trump's" .
  id:place\/white-house a schema:Place ; rdfs:label "White House" .
  id:membership\/donald-trump\/president\/white-house a org:Membership ;
    org:member id:person\/donald-trump ; org:organization id:place\/white-house ;
    org:role id:role\/president .
}
"#;

const GOLD: &str = r#"{
  "format": "newsgraph-gold/1",
  "about": "test",
  "documents": {"001_aaa.txt": {"date": "2025-04-11"}, "002_bbb.txt": {}},
  "entities": [
    {"name": "Steve Witkoff", "type": "Person", "aliases": ["Witkoff"], "documents": ["001", "002"]},
    {"name": "Vladimir Putin", "type": "Person", "aliases": ["Putin"], "documents": ["001", "002"]},
    {"name": "Donald Trump", "type": "Person", "aliases": ["Trump"], "documents": ["002"]},
    {"name": "Kremlin", "type": "Organization", "documents": ["001"]},
    {"name": "Russia", "type": "Place", "documents": ["002"]},
    {"name": "St. Petersburg", "type": "Place", "documents": ["001"]},
    {"name": "United States", "type": "Place", "aliases": ["US"], "documents": ["001"]},
    {"name": "Ukraine", "type": "Place", "documents": ["002"]},
    {"name": "White House", "type": "Organization", "documents": ["002"]},
    {"name": "Reuters", "type": "Organization", "documents": ["001"], "optional": true}
  ],
  "roles": [
    {"person": "Steve Witkoff", "title": "envoy", "of": "Donald Trump", "documents": ["001"]},
    {"person": "Vladimir Putin", "title": "President", "of": "Kremlin", "documents": ["001"]},
    {"person": "Vladimir Putin", "title": "chairman", "of": "Russia", "documents": ["001"]},
    {"person": "Donald Trump", "title": "President", "of": "United States", "documents": ["002"]},
    {"person": "Donald Trump", "title": "spokesman", "of": "United States", "also_of": ["Ukraine"]}
  ],
  "events": [
    {"id": "001-meet", "document": "001", "type": "Meeting", "actors": ["Steve Witkoff", "Vladimir Putin"],
     "place": "St. Petersburg", "date": "2025-04-11", "evidence": "met Vladimir Putin in St. Petersburg"},
    {"id": "002-travel", "document": "002", "type": "Travel", "actors": ["Steve Witkoff"],
     "place": "Russia", "date": "2025-04", "evidence": "traveled to Russia"},
    {"id": "002-meet", "document": "002", "type": "Meeting", "actors": ["Witkoff", "Putin"],
     "place": "Moscow", "evidence": "to meet Putin"},
    {"id": "002-reject", "document": "002_bbb.txt", "type": "Rejection", "actors": ["Moscow"],
     "evidence": "Moscow rejected the proposal"},
    {"id": "001-statement", "document": "001", "type": "Statement", "also_types": ["Announcement"],
     "actors": ["Kremlin"], "evidence": "The Kremlin said talks"},
    {"id": "001-wrong-type", "document": "001", "type": "Threat", "actors": ["Kremlin"],
     "evidence": "talks were useful"},
    {"id": "002-missing-actor", "document": "002", "type": "Meeting",
     "actors": ["Steve Witkoff", "Donald Trump"], "evidence": "to meet Putin"},
    {"id": "001-none", "document": "001", "type": "Travel", "actors": ["Steve Witkoff"],
     "evidence": "not in any sentence"},
    {"id": "002-wrong-doc", "document": "002", "type": "Meeting",
     "actors": ["Steve Witkoff", "Vladimir Putin"], "evidence": "met Vladimir Putin"}
  ],
  "metonyms": {"Moscow": "Russia", "Kremlin": "Russia", "White House": "United States"}
}"#;

fn store() -> Store {
    let store = Store::new().expect("in-memory store");
    store
        .load_from_slice(RdfFormat::TriG, TRIG)
        .expect("fixture parses");
    store
}

fn gold() -> Gold {
    Gold::from_json_str(GOLD, "test.gold.json").expect("gold parses")
}

fn report() -> Report {
    evaluate(&store(), &gold()).expect("evaluation runs")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn entity_precision_recall_f1() {
    let r = report();
    let p = &r.entities.per_type["Person"];
    assert_eq!(
        (
            p.graph_entities,
            p.graph_matched,
            p.graph_optional_only,
            p.false_positives
        ),
        (4, 4, 0, 0)
    );
    assert_eq!((p.gold_required, p.gold_found), (3, 3));
    assert!(close(p.precision, 1.0) && close(p.recall, 1.0) && close(p.f1, 1.0));

    let o = &r.entities.per_type["Organization"];
    assert_eq!(
        (
            o.graph_entities,
            o.graph_matched,
            o.graph_optional_only,
            o.false_positives
        ),
        (3, 1, 1, 1)
    );
    assert_eq!((o.gold_required, o.gold_found), (2, 1));
    assert!(close(o.precision, 0.5) && close(o.recall, 0.5) && close(o.f1, 0.5));

    let pl = &r.entities.per_type["Place"];
    assert_eq!(
        (
            pl.graph_entities,
            pl.graph_matched,
            pl.graph_optional_only,
            pl.false_positives
        ),
        (4, 4, 0, 0)
    );
    assert_eq!((pl.gold_required, pl.gold_found), (4, 3));
    assert!(close(pl.precision, 1.0) && close(pl.recall, 0.75));
    assert!(close(pl.f1, 2.0 * 0.75 / 1.75));

    let all = &r.entities.overall;
    assert_eq!(
        (
            all.graph_entities,
            all.graph_matched,
            all.graph_optional_only,
            all.false_positives
        ),
        (11, 9, 1, 1)
    );
    assert_eq!((all.gold_required, all.gold_found), (9, 7));
    assert!(close(all.precision, 0.9) && close(all.recall, 7.0 / 9.0));
    assert!(close(all.f1, 2.0 * 0.9 * (7.0 / 9.0) / (0.9 + 7.0 / 9.0)));

    let fps: Vec<(&str, &str)> = r
        .false_positives
        .iter()
        .map(|e| (e.label.as_str(), e.iri.as_str()))
        .collect();
    assert_eq!(
        fps,
        [(
            "Friday",
            "https://w3id.org/newsgraph/id/organization/friday"
        )]
    );
    assert_eq!(r.false_positives[0].types, [EntityType::Organization]);

    let missed: Vec<(&str, Vec<EntityType>)> = r
        .missed_entities
        .iter()
        .map(|m| (m.name.as_str(), m.found_as.clone()))
        .collect();
    assert_eq!(
        missed,
        [
            ("White House", vec![EntityType::Place]),
            ("Ukraine", vec![])
        ]
    );
}

#[test]
fn duplicates() {
    let r = report();
    assert_eq!(r.duplicates.len(), 1);
    let d = &r.duplicates[0];
    assert_eq!(
        (d.gold.as_str(), d.gold_type),
        ("Vladimir Putin", EntityType::Person)
    );
    let labels: Vec<&str> = d.graph_entities.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["President Putin", "Vladimir Putin"]);
}

#[test]
fn mention_recall() {
    let r = report();
    let m = &r.mentions;
    assert_eq!(
        (m.per_document["001"].total, m.per_document["001"].found),
        (5, 5)
    );
    assert_eq!(
        (m.per_document["002"].total, m.per_document["002"].found),
        (6, 4)
    );
    assert_eq!((m.overall.total, m.overall.found), (11, 9));
    assert!(close(m.overall.recall, 9.0 / 11.0));
    assert_eq!(
        m.missed,
        [
            MissedMention {
                document: "002".into(),
                entity: "Donald Trump".into()
            },
            MissedMention {
                document: "002".into(),
                entity: "Ukraine".into()
            },
        ]
    );
}

#[test]
fn role_recall_with_synonyms_and_metonyms() {
    let r = report();
    assert_eq!((r.roles.total, r.roles.found), (5, 4));
    assert!(close(r.roles.recall, 0.8));
    assert_eq!(
        r.missed_roles,
        [MissedRole {
            person: "Donald Trump".into(),
            title: "spokesman".into(),
            of: "United States".into(),
            also_of: vec!["Ukraine".into()],
        }]
    );
}

#[test]
fn event_recall_lenient_and_strict() {
    let r = report();
    let by = |t: &str| {
        let e = &r.events.per_type[t];
        (e.total, e.lenient_found, e.strict_found)
    };
    assert_eq!(by("Meeting"), (4, 2, 1));
    assert_eq!(by("Travel"), (2, 1, 0));
    assert_eq!(by("Rejection"), (1, 1, 1));
    assert_eq!(by("Statement"), (1, 1, 1));
    assert_eq!(by("Threat"), (1, 0, 0));
    let all = &r.events.overall;
    assert_eq!((all.total, all.lenient_found, all.strict_found), (9, 5, 3));
    assert!(close(all.lenient_recall, 5.0 / 9.0) && close(all.strict_recall, 3.0 / 9.0));

    let missed =
        |id: &str, doc: &str, ty: &str, lenient: bool, reasons: Vec<MissReason>| MissedEvent {
            id: id.into(),
            event_type: ty.into(),
            document: doc.into(),
            lenient_found: lenient,
            reasons,
        };
    assert_eq!(
        r.missed_events,
        [
            missed(
                "001-none",
                "001",
                "Travel",
                false,
                vec![MissReason::NoEventAtEvidence]
            ),
            missed(
                "001-wrong-type",
                "001",
                "Threat",
                false,
                vec![MissReason::WrongType {
                    found: vec!["Announcement".into()]
                }]
            ),
            missed(
                "002-meet",
                "002",
                "Meeting",
                true,
                vec![MissReason::Place {
                    expected: "Moscow".into(),
                    found: vec!["St. Petersburg".into()]
                }]
            ),
            missed(
                "002-missing-actor",
                "002",
                "Meeting",
                false,
                vec![MissReason::MissingActors {
                    actors: vec!["Donald Trump".into()]
                }]
            ),
            missed(
                "002-travel",
                "002",
                "Travel",
                true,
                vec![MissReason::Date {
                    expected: "2025-04".into(),
                    found: vec![]
                }]
            ),
            missed(
                "002-wrong-doc",
                "002",
                "Meeting",
                false,
                vec![MissReason::NoEventAtEvidence]
            ),
        ]
    );
}

#[test]
fn empty_store_scores_zero_recall() {
    let r = evaluate(&Store::new().expect("store"), &gold()).expect("runs");
    assert_eq!(r.entities.overall.gold_found, 0);
    assert!(close(r.entities.overall.recall, 0.0));
    assert!(close(r.entities.overall.f1, 0.0));
    assert_eq!(r.events.overall.lenient_found, 0);
    assert_eq!(r.missed_events.len(), 9);
    assert_eq!(r.roles.found, 0);
}

#[test]
fn output_is_deterministic_and_readable() {
    let a = report();
    let b = report();
    assert_eq!(a.to_json(), b.to_json());
    assert_eq!(a.to_table(), b.to_table());
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).expect("valid JSON");
    assert_eq!(json["roles"]["found"], 4);
    assert_eq!(
        json["missed_events"][0]["reasons"][0]["reason"],
        "no_event_at_evidence"
    );
    let table = a.to_table();
    for needle in [
        "ENTITIES",
        "Organization",
        "DUPLICATES  1",
        "MISSED EVENTS  6",
        "missing actors [Donald Trump]",
        "strict only: date: expected 2025-04, found none",
        "Friday",
    ] {
        assert!(table.contains(needle), "table lacks {needle:?}:\n{table}");
    }
}

#[test]
fn seed_gold_against_empty_store() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/seeds.gold.json"
    );
    let gold = Gold::from_path(path).expect("seed gold parses");
    let r = evaluate(&Store::new().expect("store"), &gold).expect("runs");
    let required = gold.entities.iter().filter(|e| !e.optional).count();
    assert_eq!(r.entities.overall.gold_required, required);
    assert_eq!(r.missed_entities.len(), required);
    assert_eq!(r.events.overall.total, gold.events.len());
    assert_eq!(r.roles.total, gold.roles.len());
}

#[test]
#[ignore = "prints the fixture report; run with --ignored --nocapture"]
fn print_fixture_report() {
    let r = report();
    println!("{}", r.to_table());
    println!("{}", r.to_json());
}
