//! The RDF contract (PRODUCT.md §3, docs/RDF-MODEL.md) checked on the seeds' store, built
//! through the library, with SPARQL run the way `newsgraph query` runs it (union default graph,
//! project prefixes predeclared).
#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use sha2::{Digest, Sha256};

/// Assert that a SELECT finds no violation; show the first few otherwise.
fn none(what: &str, q: &str) {
    let rows = select(seeds_store(), q);
    if !rows.is_empty() {
        let shown: Vec<String> = rows
            .iter()
            .take(8)
            .map(|r| {
                r.iter()
                    .map(|(k, v)| format!("?{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        panic!(
            "{what}: {} violation(s), e.g.\n  {}\nquery: {q}",
            rows.len(),
            shown.join("\n  ")
        );
    }
}

/// Assert that at least one node of `class` exists (so that a "no violation" check is not
/// vacuous).
fn some(class: &str) {
    assert!(
        ask(seeds_store(), &format!("ASK {{ ?x a {class} }}")),
        "no {class} in the seeds' store"
    );
}

fn int(t: &Term) -> usize {
    lex(t)
        .parse()
        .unwrap_or_else(|_| panic!("{t} is not an integer"))
}

const ENTITY_CLASSES: &str = "(schema:Person, schema:Organization, schema:Place)";

// ------------------------------------------------------------------ text anchors

#[test]
fn anchors_are_exact_code_point_slices_of_the_source_files() {
    let rows = select(
        seeds_store(),
        "SELECT ?x ?t ?b ?e ?a ?path WHERE {
           ?x a ?t FILTER(?t IN (nif:Sentence, nif:Phrase))
           ?x nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ;
              nif:referenceContext ?ctx . ?ctx ng:sourcePath ?path }",
    );
    let mut files: BTreeMap<String, Vec<char>> = BTreeMap::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut bad = Vec::new();
    for r in &rows {
        let path = lex(&r["path"]);
        let text = files.entry(path.clone()).or_insert_with(|| {
            std::fs::read_to_string(seeds().join(&path))
                .unwrap_or_else(|e| panic!("seeds/{path}: {e}"))
                .chars()
                .collect()
        });
        let (b, e) = (int(&r["b"]), int(&r["e"]));
        let anchor = lex(&r["a"]);
        let slice: Option<String> =
            (b <= e && e <= text.len()).then(|| text[b..e].iter().collect());
        if slice.as_deref() != Some(anchor.as_str()) {
            bad.push(format!(
                "{} [{b}..{e}] of {path}: anchorOf {anchor:?} but the file has {slice:?}",
                r["x"]
            ));
        }
        *counts.entry(lex(&r["t"])).or_default() += 1;
    }
    assert!(
        bad.is_empty(),
        "{} bad anchors:\n{}",
        bad.len(),
        bad[..bad.len().min(10)].join("\n")
    );
    let sentences = counts
        .get("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence")
        .copied()
        .unwrap_or(0);
    let phrases = counts
        .get("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase")
        .copied()
        .unwrap_or(0);
    assert!(sentences > 50 && phrases > 100, "{counts:?}");
    assert_eq!(files.len(), 5, "anchors in all five seeds");
    // Every sentence and phrase was checked (none lacks an offset, anchor or context).
    none(
        "sentence/phrase without offsets, anchor or document path",
        "SELECT ?x WHERE { ?x a ?t FILTER(?t IN (nif:Sentence, nif:Phrase))
           FILTER NOT EXISTS { ?x nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ;
                                  nif:referenceContext/ng:sourcePath ?p } }",
    );
}

#[test]
fn phrases_lie_inside_their_sentence() {
    some("nif:Phrase");
    none(
        "phrase outside its sentence or in another document",
        "SELECT ?p ?s WHERE { ?p a nif:Phrase ; nif:sentence ?s ; nif:beginIndex ?pb ; nif:endIndex ?pe ;
                                 nif:referenceContext ?c .
           ?s nif:beginIndex ?sb ; nif:endIndex ?se ; nif:referenceContext ?sc .
           FILTER(?pb < ?sb || ?pe > ?se || ?c != ?sc) }",
    );
}

#[test]
fn documents_record_path_and_sha256_of_their_bytes() {
    let rows = select(
        seeds_store(),
        "SELECT ?d ?path ?sha WHERE { ?d a nif:Context, schema:NewsArticle ; ng:sourcePath ?path ; ng:sha256 ?sha }",
    );
    assert_eq!(rows.len(), 5, "five documents");
    for r in rows {
        let path = lex(&r["path"]);
        let bytes = std::fs::read(seeds().join(&path)).unwrap();
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(lex(&r["sha"]), hex, "sha256 of seeds/{path}");
    }
}

// ------------------------------------------------------------------ events

#[test]
fn every_event_has_an_actor_an_ng_type_and_a_source_sentence() {
    some("sem:Event");
    none(
        "sem:Event without sem:hasActor",
        "SELECT ?e WHERE { ?e a sem:Event FILTER NOT EXISTS { ?e sem:hasActor ?a } }",
    );
    none(
        "sem:Event without a class in the ng: namespace",
        "SELECT ?e WHERE { ?e a sem:Event
           FILTER NOT EXISTS { ?e a ?c FILTER(STRSTARTS(STR(?c), STR(ng:))) } }",
    );
    none(
        "sem:Event not prov:wasDerivedFrom a nif:Sentence",
        "SELECT ?e WHERE { ?e a sem:Event
           FILTER NOT EXISTS { ?e prov:wasDerivedFrom ?s . ?s a nif:Sentence } }",
    );
    none(
        "sem:Event derived from something that is not a nif:Sentence",
        "SELECT ?e ?s WHERE { ?e a sem:Event ; prov:wasDerivedFrom ?s FILTER NOT EXISTS { ?s a nif:Sentence } }",
    );
}

#[test]
fn every_event_is_asserted_in_sentence_graphs_only() {
    none(
        "sem:Event asserted in a graph that is not a nif:Sentence",
        "SELECT ?e ?g WHERE { GRAPH ?g { ?e a sem:Event } FILTER NOT EXISTS { ?g a nif:Sentence } }",
    );
    none(
        "sem:Event not asserted in the graph of a sentence it is derived from",
        "SELECT ?e ?s WHERE { ?e a sem:Event ; prov:wasDerivedFrom ?s
           FILTER NOT EXISTS { GRAPH ?s { ?e a sem:Event } } }",
    );
    none(
        "sem:Event asserted in a sentence graph without prov:wasDerivedFrom that sentence",
        "SELECT ?e ?g WHERE { GRAPH ?g { ?e a sem:Event } FILTER NOT EXISTS { ?e prov:wasDerivedFrom ?g } }",
    );
    // The default graph is empty (RDF-MODEL.md).
    let n = select(seeds_store(), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } ");
    assert!(int(&n[0]["n"]) > 0);
    assert!(
        seeds_store()
            .quads_for_pattern(
                None,
                None,
                None,
                Some(oxigraph::model::GraphNameRef::DefaultGraph)
            )
            .next()
            .is_none(),
        "the default graph is empty"
    );
}

#[test]
fn every_fact_graph_is_a_sentence_or_a_document() {
    none(
        "named graph that is neither a nif:Sentence, a nif:Context nor the ng:EntityGraph",
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?g a ?t FILTER(?t IN (nif:Sentence, nif:Context, ng:EntityGraph)) } }",
    );
    let graphs = select(
        seeds_store(),
        "SELECT ?g WHERE { GRAPH ?g { ?g a ng:EntityGraph } }",
    );
    assert_eq!(graphs.len(), 1, "one entity graph, described in itself");
    none(
        "a fact node (event, membership, mention) asserted in the entity graph",
        "SELECT ?x WHERE { GRAPH ?g { ?g a ng:EntityGraph . ?x a ?t FILTER(?t IN (sem:Event, org:Membership, nif:Phrase, nif:Sentence)) } }",
    );
    none(
        "sentence node not described in its own graph",
        "SELECT ?s WHERE { ?s a nif:Sentence FILTER NOT EXISTS { GRAPH ?s { ?s a nif:Sentence } } }",
    );
}

#[test]
fn event_time_stamps_are_dates() {
    none(
        "sem:hasTimeStamp not xsd:date / gYearMonth / gYear",
        "SELECT ?e ?d WHERE { ?e sem:hasTimeStamp ?d FILTER(!isLiteral(?d) || DATATYPE(?d) NOT IN (xsd:date, xsd:gYearMonth, xsd:gYear)) }",
    );
    none(
        "event with more than one time stamp",
        "SELECT ?e WHERE { ?e sem:hasTimeStamp ?a, ?b FILTER(?a != ?b) }",
    );
}

#[test]
fn event_classes_are_subclasses_of_sem_event_with_cameo_codes() {
    let ontology = ontology_store();
    let used = column(
        &select(
            seeds_store(),
            "SELECT DISTINCT ?c WHERE { ?e a sem:Event, ?c FILTER(?c != sem:Event) }",
        ),
        "c",
    );
    assert!(!used.is_empty());
    for c in used {
        assert!(
            ask(
                &ontology,
                &format!("ASK {{ <{c}> rdfs:subClassOf sem:Event }}")
            ),
            "{c} is not declared rdfs:subClassOf sem:Event in ontology/newsgraph.ttl"
        );
    }
    // PRODUCT.md §3: at least these classes, each with its CAMEO code where one exists.
    for local in [
        "Meeting",
        "Travel",
        "Statement",
        "Threat",
        "Sanction",
        "Rejection",
        "PrisonerExchange",
        "Arrest",
        "Agreement",
        "Attack",
        "Accusation",
        "Appointment",
        "Demand",
        "Criticism",
        "Praise",
        "Acquisition",
        "Announcement",
    ] {
        assert!(
            ask(
                &ontology,
                &format!("ASK {{ ng:{local} a owl:Class ; rdfs:subClassOf sem:Event }}")
            ),
            "ng:{local} missing from the ontology"
        );
    }
}

// ------------------------------------------------------------------ memberships

#[test]
fn every_membership_is_complete() {
    some("org:Membership");
    none(
        "org:Membership missing member, organization, labelled role or source sentence",
        "SELECT ?m WHERE { ?m a org:Membership
           FILTER NOT EXISTS { ?m org:member ?p ; org:organization ?o ; org:role ?r ;
                                  prov:wasDerivedFrom ?s . ?r rdfs:label ?l . ?s a nif:Sentence } }",
    );
    none(
        "org:member that is not a schema:Person",
        "SELECT ?m ?p WHERE { ?m a org:Membership ; org:member ?p FILTER NOT EXISTS { ?p a schema:Person } }",
    );
    none(
        "org:Membership not asserted in the graph of its source sentence",
        "SELECT ?m ?s WHERE { ?m a org:Membership ; prov:wasDerivedFrom ?s FILTER NOT EXISTS { GRAPH ?s { ?m a org:Membership } } }",
    );
}

#[test]
#[ignore = "bug: org:organization is sometimes a schema:Person (e.g. membership/steve-witkoff/special-envoy/person-donald-trump, \
            membership/kirill-dmitriev/envoy/person-vladimir-putin); PRODUCT.md §3 says organization or country \
            (docs/RDF-MODEL.md's example shows a person: the two documents disagree)"]
fn membership_organization_is_an_organization_or_country() {
    none(
        "org:organization that is not a schema:Organization or schema:Place",
        "SELECT ?m ?o WHERE { ?m a org:Membership ; org:organization ?o
           FILTER NOT EXISTS { ?o a ?t FILTER(?t IN (schema:Organization, schema:Place)) } }",
    );
}

// ------------------------------------------------------------------ entities

fn entities_named(full: &str, short: &str) -> Vec<String> {
    let q = format!(
        "SELECT DISTINCT ?x WHERE {{ ?x a ?t FILTER(?t IN {ENTITY_CLASSES})
           ?x rdfs:label|skos:altLabel ?l
           FILTER(LCASE(STR(?l)) IN ({:?}, {:?})) }}",
        full.to_lowercase(),
        short.to_lowercase()
    );
    column(&select(seeds_store(), &q), "x")
}

#[test]
fn witkoff_putin_and_dmitriev_are_one_entity_each() {
    for (full, short) in [
        ("Steve Witkoff", "Witkoff"),
        ("Vladimir Putin", "Putin"),
        ("Kirill Dmitriev", "Dmitriev"),
    ] {
        let found = entities_named(full, short);
        assert_eq!(
            found.len(),
            1,
            "{full}: expected ONE entity, found {found:?}"
        );
        let iri = &found[0];
        assert!(
            ask(
                seeds_store(),
                &format!("ASK {{ <{iri}> a schema:Person ; rdfs:label {full:?} }}")
            ),
            "{iri} is a schema:Person labelled {full:?}"
        );
        // Mentioned in several documents, all resolved to it.
        let docs = select(
            seeds_store(),
            &format!(
                "SELECT DISTINCT ?path WHERE {{ ?m itsrdf:taIdentRef <{iri}> ; nif:referenceContext/ng:sourcePath ?path }}"
            ),
        );
        assert!(
            docs.len() >= 3,
            "{full} mentioned in {} documents only",
            docs.len()
        );
    }
}

#[test]
fn the_st_petersburg_meeting_is_one_event_from_three_documents() {
    let rows = select(
        seeds_store(),
        // DISTINCT sub-selects and EXISTS keep the join small: oxigraph 0.5's union default
        // graph repeats a triple once per sentence graph it is asserted in (oxigraph#1919).
        "SELECT ?e (GROUP_CONCAT(DISTINCT ?path; separator=\" \") AS ?paths) WHERE {
           { SELECT DISTINCT ?e WHERE {
               ?e a ng:Meeting ; sem:hasTimeStamp \"2025-04-11\"^^xsd:date .
               FILTER EXISTS { ?e sem:hasActor ?w . ?w rdfs:label \"Steve Witkoff\" }
               FILTER EXISTS { ?e sem:hasActor ?p . ?p rdfs:label \"Vladimir Putin\" }
               FILTER EXISTS { ?e sem:hasPlace ?pl . ?pl rdfs:label \"St. Petersburg\" }
               FILTER EXISTS { ?e a sem:Event }
           } }
           { SELECT DISTINCT ?e ?s WHERE { ?e prov:wasDerivedFrom ?s } }
           ?s nif:referenceContext ?doc . ?doc ng:sourcePath ?path .
           FILTER EXISTS { ?s a nif:Sentence }
         } GROUP BY ?e",
    );
    let ok = rows.iter().find(|r| {
        let p = lex(&r["paths"]);
        ["001_", "003_", "004_"].iter().all(|f| p.contains(f))
    });
    assert!(
        ok.is_some(),
        "no ng:Meeting Witkoff+Putin @ St. Petersburg 2025-04-11 derived from 001, 003 and 004; candidates: {:#?}",
        rows.iter().map(|r| format!("{} <- {}", r["e"], lex(&r["paths"]))).collect::<Vec<_>>()
    );
}

#[test]
fn entity_iris_have_exactly_one_top_type() {
    let base = newsgraph::rdf::DEFAULT_BASE;
    none(
        "entity with zero or several of schema:Person/Organization/Place",
        &format!(
            "SELECT ?x (COUNT(DISTINCT ?t) AS ?n) WHERE {{
               {{ SELECT DISTINCT ?x WHERE {{
                   {{ ?m itsrdf:taIdentRef ?x }} UNION {{ ?e sem:hasActor ?x }} UNION {{ ?e sem:hasPlace ?x }}
                   UNION {{ ?m org:member ?x }} UNION {{ ?m org:organization ?x }}
                   UNION {{ ?x ?p ?o FILTER(REGEX(STR(?x), \"^{base}(person|organization|place)/\")) }} }} }}
               OPTIONAL {{ ?x a ?t FILTER(?t IN {ENTITY_CLASSES}) }}
             }} GROUP BY ?x HAVING (COUNT(DISTINCT ?t) != 1)"
        ),
    );
    none(
        "entity IRI path disagrees with its type",
        &format!(
            "SELECT ?x ?t WHERE {{ ?x a ?t FILTER(?t IN {ENTITY_CLASSES})
               FILTER(!STRSTARTS(STR(?x), CONCAT(\"{base}\", LCASE(STRAFTER(STR(?t), \"https://schema.org/\")), \"/\"))) }}"
        ),
    );
    none(
        "entity without exactly one rdfs:label",
        &format!(
            "SELECT ?x (COUNT(DISTINCT ?l) AS ?n) WHERE {{ ?x a ?t FILTER(?t IN {ENTITY_CLASSES}) OPTIONAL {{ ?x rdfs:label ?l }} }}
             GROUP BY ?x HAVING (COUNT(DISTINCT ?l) != 1)"
        ),
    );
    none(
        "mention whose itsrdf:taClassRef is not a type of its entity",
        "SELECT ?m WHERE { ?m itsrdf:taIdentRef ?x ; itsrdf:taClassRef ?c FILTER NOT EXISTS { ?x a ?c } }",
    );
}

// ------------------------------------------------------------------ ontology

fn ontology_store() -> oxigraph::store::Store {
    let bytes = std::fs::read(root().join("ontology/newsgraph.ttl")).unwrap();
    store_of(parse(RdfFormat::Turtle, &bytes))
}

#[test]
fn every_ng_term_used_is_declared_in_the_ontology() {
    let ontology = ontology_store();
    let declared: BTreeSet<String> = column(
        &select(&ontology, "SELECT DISTINCT ?t WHERE { ?t a ?k FILTER(isIRI(?t) && STRSTARTS(STR(?t), STR(ng:))) }"),
        "t",
    )
    .into_iter()
    .collect();
    let used = column(
        &select(
            seeds_store(),
            "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?t ?p ?o } UNION { ?s ?p ?t }
               FILTER(isIRI(?t) && STRSTARTS(STR(?t), STR(ng:))) }",
        ),
        "t",
    );
    assert!(used.len() > 10, "{used:?}");
    let missing: Vec<_> = used.iter().filter(|t| !declared.contains(*t)).collect();
    assert!(
        missing.is_empty(),
        "ng: terms used but not declared in ontology/newsgraph.ttl: {missing:?}"
    );
    // And the vocabulary module's ng: terms too.
    for t in [
        newsgraph::rdf::vocab::ng::SHA256,
        newsgraph::rdf::vocab::ng::SENTENCE_INDEX,
        newsgraph::rdf::vocab::ng::SOURCE_PATH,
        newsgraph::rdf::vocab::ng::TRIGGER,
        newsgraph::rdf::vocab::ng::HAS_AGENT,
        newsgraph::rdf::vocab::ng::HAS_PARTICIPANT,
        newsgraph::rdf::vocab::ng::REPORTED_BY,
        newsgraph::rdf::vocab::ng::CAMEO_CODE,
        newsgraph::rdf::vocab::ng::COUNTRY,
        newsgraph::rdf::vocab::ng::MEETING,
    ] {
        assert!(declared.contains(t.as_str()), "{t} not declared");
    }
}

#[test]
fn ng_sub_properties_of_has_actor_are_materialized() {
    // sem:hasActor is always materialized beside ng:hasAgent / ng:hasParticipant.
    none(
        "ng:hasAgent/ng:hasParticipant without sem:hasActor",
        "SELECT ?e ?a WHERE { ?e ng:hasAgent|ng:hasParticipant ?a FILTER NOT EXISTS { ?e sem:hasActor ?a } }",
    );
}

// ------------------------------------------------------------------ SHACL shapes, in SPARQL

/// The shapes file parses and declares the node shapes this file mirrors.
#[test]
fn shapes_file_declares_the_shapes() {
    let bytes = std::fs::read(root().join("ontology/shapes.ttl")).unwrap();
    let shapes = store_of(parse(RdfFormat::Turtle, &bytes));
    for (shape, target) in [
        ("DocumentShape", "nif:Context"),
        ("SentenceShape", "nif:Sentence"),
        ("PhraseShape", "nif:Phrase"),
        ("EntityShape", "schema:Person"),
        ("EntityShape", "schema:Organization"),
        ("EntityShape", "schema:Place"),
        ("EventShape", "sem:Event"),
        ("MembershipShape", "org:Membership"),
        ("RoleShape", "org:Role"),
    ] {
        let q = format!(
            "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX ngsh: <https://w3id.org/newsgraph/shapes#>
             ASK {{ ngsh:{shape} a sh:NodeShape ; sh:targetClass {target} }}"
        );
        assert!(
            ask(&shapes, &q),
            "shapes.ttl: ngsh:{shape} targeting {target}"
        );
    }
}

const OFFSET_BAD: &str =
    "(!isLiteral(?v) || DATATYPE(?v) NOT IN (xsd:integer, xsd:nonNegativeInteger) || ?v < 0)";

#[test]
fn shapes_document() {
    some("nif:Context");
    none(
        "DocumentShape: class",
        "SELECT ?d WHERE { { ?d a nif:Context FILTER NOT EXISTS { ?d a schema:NewsArticle } }
                           UNION { ?d a schema:NewsArticle FILTER NOT EXISTS { ?d a nif:Context } }
                           UNION { ?d a nif:Context FILTER(!isIRI(?d)) } }",
    );
    none(
        "DocumentShape: ng:sourcePath / ng:sha256 exactly one, sha256 = 64 lowercase hex",
        "SELECT ?d ?np ?nh WHERE {
           { SELECT ?d (COUNT(DISTINCT ?p) AS ?np) (COUNT(DISTINCT ?h) AS ?nh)
             WHERE { ?d a nif:Context OPTIONAL { ?d ng:sourcePath ?p } OPTIONAL { ?d ng:sha256 ?h } } GROUP BY ?d }
           FILTER(?np != 1 || ?nh != 1) }",
    );
    none(
        "DocumentShape: value datatypes",
        "SELECT ?d ?v WHERE { ?d a nif:Context .
           { ?d ng:sha256 ?v FILTER(DATATYPE(?v) != xsd:string || !REGEX(?v, \"^[0-9a-f]{64}$\")) }
           UNION { ?d ng:sourcePath ?v FILTER(DATATYPE(?v) != xsd:string || STRLEN(?v) = 0) }
           UNION { ?d nif:isString ?v FILTER(DATATYPE(?v) != xsd:string) }
           UNION { ?d schema:datePublished ?v FILTER(DATATYPE(?v) NOT IN (xsd:date, xsd:gYearMonth, xsd:gYear)) }
           UNION { ?d schema:url ?v FILTER(!isIRI(?v)) } }",
    );
    none(
        "DocumentShape: at most one isString / datePublished / url",
        "SELECT ?d ?p WHERE { ?d a nif:Context ; ?p ?a, ?b
           FILTER(?p IN (nif:isString, schema:datePublished, schema:url) && ?a != ?b) }",
    );
}

#[test]
fn shapes_sentence_and_phrase() {
    some("nif:Sentence");
    for class in ["nif:Sentence", "nif:Phrase"] {
        none(
            &format!("{class}: offsets, anchorOf, referenceContext exactly once"),
            &format!(
                "SELECT ?x ?p (COUNT(DISTINCT ?v) AS ?n) WHERE {{
                   ?x a {class} .
                   VALUES ?p {{ nif:beginIndex nif:endIndex nif:anchorOf nif:referenceContext }}
                   OPTIONAL {{ ?x ?p ?v }} }} GROUP BY ?x ?p HAVING (COUNT(DISTINCT ?v) != 1)"
            ),
        );
        none(
            &format!("{class}: offsets are non-negative integers, begin < end"),
            &format!(
                "SELECT ?x ?v WHERE {{ ?x a {class} ; nif:beginIndex ?b ; nif:endIndex ?e .
                   {{ BIND(?b AS ?v) }} UNION {{ BIND(?e AS ?v) }}
                   FILTER({OFFSET_BAD} || ?b >= ?e) }}"
            ),
        );
        none(
            &format!("{class}: anchorOf is a non-empty xsd:string, context a nif:Context"),
            &format!(
                "SELECT ?x WHERE {{ ?x a {class} ; nif:anchorOf ?a ; nif:referenceContext ?c
                   FILTER(DATATYPE(?a) != xsd:string || STRLEN(?a) = 0 || NOT EXISTS {{ ?c a nif:Context }}) }}"
            ),
        );
    }
    none(
        "SentenceShape: ng:sentenceIndex at most one integer >= 1",
        "SELECT ?s WHERE { ?s a nif:Sentence ; ng:sentenceIndex ?i
           FILTER(DATATYPE(?i) != xsd:integer || ?i < 1 || EXISTS { ?s ng:sentenceIndex ?j FILTER(?j != ?i) }) }",
    );
    none(
        "PhraseShape: exactly one nif:sentence (a nif:Sentence) and one itsrdf:taIdentRef (an entity)",
        &format!(
            "SELECT ?m ?p (COUNT(DISTINCT ?v) AS ?n) WHERE {{
               ?m a nif:Phrase . VALUES ?p {{ nif:sentence itsrdf:taIdentRef }}
               OPTIONAL {{ ?m ?p ?v FILTER(
                   (?p = nif:sentence && EXISTS {{ ?v a nif:Sentence }}) ||
                   (?p = itsrdf:taIdentRef && isIRI(?v) && EXISTS {{ ?v a ?t FILTER(?t IN {ENTITY_CLASSES}) }})) }}
             }} GROUP BY ?m ?p HAVING (COUNT(DISTINCT ?v) != 1)"
        ),
    );
}

#[test]
fn shapes_entity() {
    some("schema:Person");
    none(
        "EntityShape: exactly one of Person/Organization/Place",
        &format!(
            "SELECT ?x (COUNT(DISTINCT ?t) AS ?n) WHERE {{ ?x a ?t FILTER(?t IN {ENTITY_CLASSES}) }}
             GROUP BY ?x HAVING (COUNT(DISTINCT ?t) != 1)"
        ),
    );
    none(
        "EntityShape: exactly one non-empty xsd:string rdfs:label; altLabels non-empty strings",
        &format!(
            "SELECT ?x WHERE {{ ?x a ?t FILTER(?t IN {ENTITY_CLASSES})
               FILTER(!isIRI(?x)
                 || NOT EXISTS {{ ?x rdfs:label ?l }}
                 || EXISTS {{ ?x rdfs:label ?l1, ?l2 FILTER(?l1 != ?l2) }}
                 || EXISTS {{ ?x rdfs:label|skos:altLabel ?l FILTER(DATATYPE(?l) != xsd:string || STRLEN(?l) = 0) }}) }}"
        ),
    );
}

#[test]
fn shapes_event() {
    some("sem:Event");
    none(
        "EventShape: exactly one ng: class",
        "SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE { ?e a sem:Event
           OPTIONAL { ?e a ?c FILTER(REGEX(STR(?c), \"^https://w3id\\\\.org/newsgraph/ontology#[A-Z]\")) } }
         GROUP BY ?e HAVING (COUNT(DISTINCT ?c) != 1)",
    );
    none(
        "EventShape: actors are entities, places are schema:Place, sources are sentences",
        &format!(
            "SELECT ?e ?v WHERE {{ ?e a sem:Event .
               {{ ?e sem:hasActor ?v FILTER NOT EXISTS {{ ?v a ?t FILTER(?t IN {ENTITY_CLASSES}) }} }}
               UNION {{ ?e sem:hasPlace ?v FILTER NOT EXISTS {{ ?v a schema:Place }} }}
               UNION {{ ?e prov:wasDerivedFrom ?v FILTER NOT EXISTS {{ ?v a nif:Sentence }} }}
               UNION {{ FILTER(!isIRI(?e)) BIND(?e AS ?v) }} }}"
        ),
    );
    none(
        "EventShape: ≥1 actor, ≥1 source, ≤1 time stamp of a date type",
        "SELECT ?e WHERE { ?e a sem:Event
           FILTER(NOT EXISTS { ?e sem:hasActor ?a } || NOT EXISTS { ?e prov:wasDerivedFrom ?s }
             || EXISTS { ?e sem:hasTimeStamp ?d FILTER(DATATYPE(?d) NOT IN (xsd:date, xsd:gYearMonth, xsd:gYear)) }
             || EXISTS { ?e sem:hasTimeStamp ?d1, ?d2 FILTER(?d1 != ?d2) }) }",
    );
}

#[test]
fn shapes_membership_and_role() {
    some("org:Membership");
    some("org:Role");
    none(
        "MembershipShape: exactly one member, organization, role",
        "SELECT ?m ?p (COUNT(DISTINCT ?v) AS ?n) WHERE { ?m a org:Membership .
           VALUES ?p { org:member org:organization org:role } OPTIONAL { ?m ?p ?v } }
         GROUP BY ?m ?p HAVING (COUNT(DISTINCT ?v) != 1)",
    );
    none(
        "MembershipShape: member a Person, organization an entity, role an org:Role, ≥1 source sentence",
        &format!(
            "SELECT ?m WHERE {{ ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r
               FILTER(NOT EXISTS {{ ?p a schema:Person }}
                 || NOT EXISTS {{ ?o a ?t FILTER(?t IN {ENTITY_CLASSES}) }}
                 || NOT EXISTS {{ ?r a org:Role }}
                 || NOT EXISTS {{ ?m prov:wasDerivedFrom ?s . ?s a nif:Sentence }}) }}"
        ),
    );
    none(
        "RoleShape: exactly one rdfs:label",
        "SELECT ?r (COUNT(DISTINCT ?l) AS ?n) WHERE { ?r a org:Role OPTIONAL { ?r rdfs:label ?l } }
         GROUP BY ?r HAVING (COUNT(DISTINCT ?l) != 1)",
    );
}

// ------------------------------------------------------------------ the export carries it all

/// The exported TriG, loaded into a fresh store, answers the contract the same way: the
/// counts of the main node types are equal.
#[test]
fn exported_trig_carries_the_same_contract() {
    let dir = scratch("contract-trig");
    let mut bytes = Vec::new();
    newsgraph::export::export(seeds_store(), newsgraph::export::Format::TriG, &mut bytes).unwrap();
    std::fs::write(dir.join("graph.trig"), &bytes).unwrap();
    let loaded = store_of(parse(RdfFormat::TriG, &bytes));
    let count = |s: &oxigraph::store::Store, class: &str| {
        let r = select(
            s,
            &format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {class} }}"),
        );
        int(&r[0]["n"])
    };
    for class in [
        "nif:Context",
        "nif:Sentence",
        "nif:Phrase",
        "sem:Event",
        "org:Membership",
        "schema:Person",
    ] {
        assert_eq!(
            count(seeds_store(), class),
            count(&loaded, class),
            "{class}"
        );
    }
    assert_eq!(seeds_store().len().unwrap(), loaded.len().unwrap());
}

// ------------------------------------------------------------------ query semantics

/// Entities and role concepts are described once, in the entity graph: over the union of
/// the graphs, a join on a label or a type gives one row per entity (when they were repeated
/// in every sentence graph naming the entity, "roles of a person with the organization's
/// label" ran out of memory on 1,000 generated articles).
#[test]
fn entities_and_roles_are_described_once_with_mentions_as_provenance() {
    for class in [
        "schema:Person",
        "schema:Organization",
        "schema:Place",
        "org:Role",
    ] {
        let rows = select(
            seeds_store(),
            &format!("SELECT ?x ?l WHERE {{ ?x a {class} ; rdfs:label ?l }}"),
        );
        assert!(!rows.is_empty(), "no {class}");
        let unique: BTreeSet<String> = column(&rows, "x").into_iter().collect();
        assert_eq!(rows.len(), unique.len(), "{class}: a row per entity");
    }
    none(
        "entity type or label asserted outside the entity graph",
        "SELECT ?x ?g WHERE { GRAPH ?g { ?x a ?t FILTER(?t IN (schema:Person, schema:Organization, schema:Place, org:Role)) }
           FILTER NOT EXISTS { ?g a ng:EntityGraph } }",
    );
    none(
        "altLabel asserted outside the entity graph",
        "SELECT ?x ?g WHERE { GRAPH ?g { ?x skos:altLabel ?l } FILTER NOT EXISTS { ?g a ng:EntityGraph } }",
    );
    none(
        "entity without a mention in a sentence graph",
        "SELECT ?x WHERE { ?x a ?t FILTER(?t IN (schema:Person, schema:Organization, schema:Place))
           FILTER NOT EXISTS { GRAPH ?s { ?m itsrdf:taIdentRef ?x } ?s a nif:Sentence } }",
    );
    none(
        "altLabel that no mention of the entity reads",
        "SELECT ?x ?l WHERE { ?x skos:altLabel ?l FILTER NOT EXISTS { ?m itsrdf:taIdentRef ?x ; nif:anchorOf ?a FILTER(STR(?a) = STR(?l)) } }",
    );
    none(
        "mention of an entity the entity graph does not describe",
        "SELECT ?m WHERE { ?m itsrdf:taIdentRef ?x FILTER NOT EXISTS { GRAPH ?g { ?x rdfs:label ?l } ?g a ng:EntityGraph } }",
    );
}

/// SPARQL's default graph is an RDF graph (a set): with "the union of all graphs as the
/// default graph" (PRODUCT.md §2) a triple asserted in several sentence graphs (a merged
/// event or membership reported by several sentences) must match once.
#[test]
#[ignore = "bug (upstream oxigraph 0.5, oxigraph/oxigraph#1919, fixed by #1920 in 0.6-dev): the union default graph \
            repeats a triple once per named graph holding it; on the seeds `SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }` \
            gives 4164 (= quads) instead of 4068 (merged graph): an event or membership reported by several \
            sentences is asserted in each of their graphs; newsgraph query inherits it"]
fn union_default_graph_is_a_set() {
    let all = select(seeds_store(), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let distinct = select(
        seeds_store(),
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
    );
    assert_eq!(
        int(&all[0]["n"]),
        int(&distinct[0]["n"]),
        "COUNT(*) over the union default graph counts duplicates"
    );
    let events = select(seeds_store(), "SELECT ?x WHERE { ?x a sem:Event }");
    let unique: BTreeSet<String> = column(&events, "x").into_iter().collect();
    assert_eq!(
        events.len(),
        unique.len(),
        "`?x a sem:Event` returns each event once"
    );
}
