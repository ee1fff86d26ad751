//! Tests of the Graphviz views on a small store written by hand after `docs/RDF-MODEL.md`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::store::Store;

use super::dot::escape;
use super::*;
use crate::rdf::vocab::{itsrdf, ng, nif, org, prov, schema, sem, skos};
use oxigraph::model::vocab::{rdf, rdfs, xsd};

const BASE: &str = "https://w3id.org/newsgraph/id/";
const WEIRD_LABEL: &str = "The \"Quoted\" <Org> back\\slash\nZürich Ünion";

fn iri(path: &str) -> NamedNode {
    NamedNode::new(format!("{BASE}{path}")).unwrap()
}

/// Builds the quads of the test store: 2 documents, 3 sentences, 4 entities (one with a
/// hostile label), 2 events (one reported in both documents), 1 membership.
fn quads() -> Vec<Quad> {
    let mut q = Vec::new();
    let mut add = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term, g: &NamedNode| {
        q.push(Quad::new(
            s.clone(),
            p.into_owned(),
            o,
            GraphName::NamedNode(g.clone()),
        ));
    };
    let lit = |s: &str| Term::Literal(Literal::new_simple_literal(s));
    let int = |n: u64| {
        Term::Literal(Literal::new_typed_literal(
            n.to_string(),
            xsd::NON_NEGATIVE_INTEGER,
        ))
    };
    let date = |d: &str, t| Term::Literal(Literal::new_typed_literal(d, t));
    let node = |n: &NamedNode| Term::NamedNode(n.clone());

    let docs = [("doc/001-a", "001_a.txt"), ("doc/002-b", "002_b.txt")];
    for (d, path) in docs {
        let doc = iri(d);
        add(&doc, rdf::TYPE, node(&NamedNode::from(nif::CONTEXT)), &doc);
        add(
            &doc,
            rdf::TYPE,
            node(&NamedNode::from(schema::NEWS_ARTICLE)),
            &doc,
        );
        add(&doc, ng::SOURCE_PATH, lit(path), &doc);
    }
    let sentences = [
        (
            "doc/001-a",
            1,
            "Steve Witkoff met Vladimir Putin in St. Petersburg on Friday.",
        ),
        (
            "doc/001-a",
            2,
            "Witkoff, the \"special envoy\" of The Quoted Org, spoke.\nThen left.",
        ),
        (
            "doc/002-b",
            1,
            "Putin and Witkoff met in St. Petersburg; Putin told the Org – “no”.",
        ),
    ];
    for (d, n, text) in sentences {
        let s = iri(&format!("{d}/s{n}"));
        add(&s, rdf::TYPE, node(&NamedNode::from(nif::SENTENCE)), &s);
        add(&s, nif::REFERENCE_CONTEXT, node(&iri(d)), &s);
        add(&s, ng::SENTENCE_INDEX, int(n), &s);
        add(&s, nif::ANCHOR_OF, lit(text), &s);
    }
    let s1 = iri("doc/001-a/s1");
    let s2 = iri("doc/001-a/s2");
    let s3 = iri("doc/002-b/s1");

    let witkoff = iri("person/steve-witkoff");
    let putin = iri("person/vladimir-putin");
    let weird = iri("organization/the-quoted-org");
    let spb = iri("place/st-petersburg");
    let entities = [
        (&witkoff, schema::PERSON, "Steve Witkoff", Some("Witkoff")),
        (&putin, schema::PERSON, "Vladimir Putin", Some("Putin")),
        (&weird, schema::ORGANIZATION, WEIRD_LABEL, None),
        (
            &spb,
            schema::PLACE,
            "St. Petersburg",
            Some("Санкт-Петербург"),
        ),
    ];
    // Mentions: (entity, sentence, begin).
    let mentions = [
        (&witkoff, &s1, 0),
        (&putin, &s1, 18),
        (&spb, &s1, 36),
        (&witkoff, &s2, 100),
        (&weird, &s2, 140),
        (&putin, &s3, 200),
        (&witkoff, &s3, 210),
        (&spb, &s3, 230),
        (&putin, &s3, 250),
    ];
    for (e, s, begin) in mentions {
        let doc_path = s.as_str().rsplit_once('/').unwrap().0.to_owned();
        let m = NamedNode::new(format!("{doc_path}/m{begin}-{}", begin + 5)).unwrap();
        add(&m, rdf::TYPE, node(&NamedNode::from(nif::PHRASE)), s);
        add(&m, nif::SENTENCE_PROP, node(s), s);
        add(&m, itsrdf::TA_IDENT_REF, node(e), s);
        for (ent, ty, label, alt) in entities {
            if ent == e {
                add(e, rdf::TYPE, node(&NamedNode::from(ty)), s);
                add(e, rdfs::LABEL, lit(label), s);
                if let Some(alt) = alt {
                    add(e, skos::ALT_LABEL, lit(alt), s);
                }
            }
        }
    }

    // Membership: Witkoff is special envoy of the weird organization (sentence s2).
    let m = iri("membership/steve-witkoff/special-envoy/the-quoted-org");
    let role = iri("role/special-envoy");
    add(&m, rdf::TYPE, node(&NamedNode::from(org::MEMBERSHIP)), &s2);
    add(&m, org::MEMBER, node(&witkoff), &s2);
    add(&m, org::ORGANIZATION, node(&weird), &s2);
    add(&m, org::ROLE, node(&role), &s2);
    add(&m, prov::WAS_DERIVED_FROM, node(&s2), &s2);
    add(
        &role,
        rdf::TYPE,
        node(&NamedNode::from(org::ROLE_CLASS)),
        &s2,
    );
    add(&role, rdfs::LABEL, lit("special envoy"), &s2);

    // Event 1: a meeting reported in both documents (one IRI, asserted in each sentence graph).
    let e1 = iri("event/meeting/2025-04-11/steve-witkoff--vladimir-putin");
    for s in [&s1, &s3] {
        add(&e1, rdf::TYPE, node(&NamedNode::from(sem::EVENT)), s);
        add(&e1, rdf::TYPE, node(&NamedNode::from(ng::MEETING)), s);
        add(&e1, sem::HAS_ACTOR, node(&witkoff), s);
        add(&e1, sem::HAS_ACTOR, node(&putin), s);
        add(&e1, sem::HAS_PLACE, node(&spb), s);
        add(&e1, sem::HAS_TIME_STAMP, date("2025-04-11", xsd::DATE), s);
        add(&e1, prov::WAS_DERIVED_FROM, node(s), s);
    }
    // Event 2: a statement by Putin to the weird organization, in document 2 only.
    let e2 = iri("event/doc/002-b/s1-statement-1");
    let statement = NamedNode::new(format!("{}Statement", ng::NS)).unwrap();
    add(&e2, rdf::TYPE, node(&NamedNode::from(sem::EVENT)), &s3);
    add(&e2, rdf::TYPE, node(&statement), &s3);
    add(&e2, sem::HAS_ACTOR, node(&putin), &s3);
    add(&e2, sem::HAS_ACTOR, node(&weird), &s3);
    add(
        &e2,
        sem::HAS_TIME_STAMP,
        date("2025-05", xsd::G_YEAR_MONTH),
        &s3,
    );
    add(&e2, prov::WAS_DERIVED_FROM, node(&s3), &s3);
    q
}

fn store_from(quads: &[Quad]) -> Store {
    let store = Store::new().unwrap();
    for quad in quads {
        store.insert(quad).unwrap();
    }
    store
}

fn store() -> Store {
    store_from(&quads())
}

fn node_index(view: &ViewGraph, path: &str) -> NodeIndex {
    let id = format!("{BASE}{path}");
    view.graph
        .node_indices()
        .find(|i| view.graph[*i].id == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

/// Edges as (source label, target label) → (labels, evidence count, directed), using
/// short names.
fn edge_table(view: &ViewGraph) -> BTreeMap<(String, String), (Vec<String>, usize, bool)> {
    let short = |i: NodeIndex| {
        let id = &view.graph[i].id;
        id.rsplit('/').next().unwrap_or(id).to_owned()
    };
    view.graph
        .edge_indices()
        .map(|e| {
            let (a, b) = view.graph.edge_endpoints(e).unwrap();
            let w = &view.graph[e];
            (
                (short(a), short(b)),
                (w.labels.clone(), w.weight(), w.directed),
            )
        })
        .collect()
}

fn actors(opts: ViewOptions) -> ViewGraph {
    build_view(&store(), &opts).unwrap()
}

fn s(x: &str) -> String {
    x.to_owned()
}

#[test]
fn actors_view_nodes_edges_and_evidence() {
    let view = actors(ViewOptions::default());
    assert_eq!(view.graph.node_count(), 4);
    let w = &view.graph[node_index(&view, "person/steve-witkoff")];
    assert_eq!(w.kind, NodeKind::Person);
    assert_eq!(w.label, "Steve Witkoff");
    assert_eq!(w.mentions, 3);
    assert_eq!(w.evidence.len(), 3);
    assert_eq!(w.evidence[0].file, "001_a.txt");
    assert_eq!(w.evidence[0].sentence_index, 1);
    let weird = &view.graph[node_index(&view, "organization/the-quoted-org")];
    assert_eq!(weird.kind, NodeKind::Organization);
    assert_eq!(weird.label, WEIRD_LABEL);
    assert_eq!(
        view.graph[node_index(&view, "place/st-petersburg")].kind,
        NodeKind::Place
    );

    let edges = edge_table(&view);
    let meeting = (vec![s("Meeting")], 2, false);
    let expected: BTreeMap<_, _> = [
        ((s("steve-witkoff"), s("vladimir-putin")), meeting.clone()),
        ((s("steve-witkoff"), s("st-petersburg")), meeting.clone()),
        ((s("vladimir-putin"), s("st-petersburg")), meeting),
        // Undirected edges go from the smaller to the greater IRI ("person/…" < "place/…");
        // the role edge points from the member to the organization.
        (
            (s("steve-witkoff"), s("the-quoted-org")),
            (vec![s("special envoy")], 1, true),
        ),
        (
            (s("the-quoted-org"), s("vladimir-putin")),
            (vec![s("Statement")], 1, false),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(edges, expected);
}

#[test]
fn parallel_edges_are_merged() {
    // A second fact between Witkoff and the organization: they meet (event in s3).
    let mut quads = quads();
    let e3 = iri("event/doc/002-b/s1-meeting-2");
    let g = GraphName::NamedNode(iri("doc/002-b/s1"));
    for (p, o) in [
        (rdf::TYPE, Term::from(NamedNode::from(sem::EVENT))),
        (rdf::TYPE, Term::from(NamedNode::from(ng::MEETING))),
        (sem::HAS_ACTOR, Term::from(iri("person/steve-witkoff"))),
        (
            sem::HAS_ACTOR,
            Term::from(iri("organization/the-quoted-org")),
        ),
        (prov::WAS_DERIVED_FROM, Term::from(iri("doc/002-b/s1"))),
    ] {
        quads.push(Quad::new(e3.clone(), p.into_owned(), o, g.clone()));
    }
    let view = build_view(&store_from(&quads), &ViewOptions::default()).unwrap();
    let edges = edge_table(&view);
    assert_eq!(edges.len(), 5, "{edges:?}");
    assert_eq!(
        edges[&(s("steve-witkoff"), s("the-quoted-org"))],
        (vec![s("Meeting"), s("special envoy")], 2, true)
    );
}

#[test]
fn events_view_clusters_by_document() {
    let opts = ViewOptions {
        view: View::Events,
        ..ViewOptions::default()
    };
    let view = build_view(&store(), &opts).unwrap();
    // 2 events, 4 entities, 2 dates.
    assert_eq!(view.graph.node_count(), 8);
    assert_eq!(view.graph.edge_count(), 7);
    let e1 = node_index(
        &view,
        "event/meeting/2025-04-11/steve-witkoff--vladimir-putin",
    );
    assert_eq!(view.graph[e1].label, "Meeting\n2025-04-11");
    assert_eq!(view.graph[e1].evidence.len(), 2);
    let e2 = node_index(&view, "event/doc/002-b/s1-statement-1");
    assert_eq!(view.graph[e2].label, "Statement\n2025-05");

    let dot = to_dot(&view);
    let body = |name: &str| {
        let start = dot.find(&format!("subgraph {name} {{")).unwrap();
        let end = start + dot[start..].find("\n  }").unwrap();
        dot[start..end].to_owned()
    };
    let c0 = body("cluster_0");
    let c1 = body("cluster_1");
    assert!(c0.contains("label=\"001_a.txt\""), "{c0}");
    assert!(c0.contains(&format!("n{} [", e1.index())), "{c0}");
    assert!(!c0.contains(&format!("n{} [", e2.index())), "{c0}");
    assert!(c1.contains("label=\"002_b.txt\""), "{c1}");
    assert!(c1.contains(&format!("n{} [", e2.index())), "{c1}");
    // Entities stay outside the clusters; the legend is the last cluster.
    let witkoff = node_index(&view, "person/steve-witkoff");
    assert!(!c0.contains(&format!("n{} [", witkoff.index())));
    assert!(!c1.contains(&format!("n{} [", witkoff.index())));
    assert!(body("cluster_2").contains("label=\"Legend\\n"));
    assert_dot_is_valid(&dot);
}

#[test]
fn events_view_by_date_has_ranks_and_spine() {
    let opts = ViewOptions {
        view: View::Events,
        cluster: Cluster::Date,
        ..ViewOptions::default()
    };
    let view = build_view(&store(), &opts).unwrap();
    let dot = to_dot(&view);
    assert_eq!(dot.matches("rank=same").count(), 2, "{dot}");
    assert!(dot.contains("timeline: 2025-04-11 → 2025-05"));
    assert_dot_is_valid(&dot);
}

#[test]
fn focus_and_depth() {
    // Matched on an alternative label, case- and punctuation-insensitively.
    for name in ["  st.   PETERSBURG ", "САНКТ-ПЕТЕРБУРГ", "st petersburg"] {
        let view = actors(ViewOptions {
            focus: Some(name.to_owned()),
            ..ViewOptions::default()
        });
        assert_eq!(view.graph.node_count(), 3, "{name}");
        assert_eq!(view.graph.edge_count(), 3, "{name}");
        assert_eq!(view.focus, vec![node_index(&view, "place/st-petersburg")]);
    }
    let view = actors(ViewOptions {
        focus: Some("St. Petersburg".to_owned()),
        depth: 2,
        ..ViewOptions::default()
    });
    assert_eq!(view.graph.node_count(), 4);
    assert_eq!(view.graph.edge_count(), 5);
    let view = actors(ViewOptions {
        focus: Some("St. Petersburg".to_owned()),
        depth: 0,
        ..ViewOptions::default()
    });
    assert_eq!(view.graph.node_count(), 1);

    // Events view: depth 1 = the focus, its events, and their actors, places, dates.
    let view = actors(ViewOptions {
        view: View::Events,
        focus: Some("the quoted ORG backslash  zürich ünion".to_owned()),
        ..ViewOptions::default()
    });
    let ids: Vec<&str> = view
        .graph
        .node_weights()
        .map(|n| n.id.rsplit('/').next().unwrap_or(&n.id))
        .collect();
    assert_eq!(
        ids,
        [
            "date:2025-05",
            "s1-statement-1",
            "the-quoted-org",
            "vladimir-putin"
        ]
    );

    let err = build_view(
        &store(),
        &ViewOptions {
            focus: Some("Nobody".to_owned()),
            ..ViewOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err, GraphError::FocusNotFound(_)), "{err}");
}

#[test]
fn min_evidence_drops_weak_edges_and_isolated_nodes() {
    let view = actors(ViewOptions {
        min_evidence: 2,
        ..ViewOptions::default()
    });
    assert_eq!(view.graph.edge_count(), 3);
    assert_eq!(view.graph.node_count(), 3);
    assert!(view.graph.edge_weights().all(|e| e.weight() >= 2));
    // The focus stays even when isolated.
    let view = actors(ViewOptions {
        min_evidence: 2,
        focus: Some("the \"quoted\" <org> back\\slash zürich ünion".to_owned()),
        ..ViewOptions::default()
    });
    assert_eq!(view.graph.node_count(), 1);
    assert_eq!(view.graph.edge_count(), 0);
}

#[test]
fn type_and_date_filters() {
    let view = actors(ViewOptions {
        types: vec![s("statement")],
        ..ViewOptions::default()
    });
    let mut labels: Vec<String> = view.graph.edge_weights().map(Edge::label).collect();
    labels.sort();
    assert_eq!(labels, ["Statement", "special envoy"]);

    let events = |since: Option<&str>, until: Option<&str>| {
        let view = actors(ViewOptions {
            view: View::Events,
            since: since.map(str::to_owned),
            until: until.map(str::to_owned),
            ..ViewOptions::default()
        });
        view.graph
            .node_weights()
            .filter(|n| n.kind == NodeKind::Event)
            .count()
    };
    assert_eq!(events(None, None), 2);
    assert_eq!(events(Some("2025-05-01"), None), 1);
    assert_eq!(events(None, Some("2025-04")), 1);
    assert_eq!(events(Some("2025-04-12"), Some("2025-04-30")), 0);
    assert_eq!(events(Some("2025"), Some("2025")), 2);
}

#[test]
fn dot_is_deterministic_and_escaped() {
    let view = actors(ViewOptions::default());
    let dot = to_dot(&view);
    assert_eq!(dot, to_dot(&actors(ViewOptions::default())));
    // Inserting the same quads in another order gives the same text.
    let mut reversed = quads();
    reversed.reverse();
    let other = build_view(&store_from(&reversed), &ViewOptions::default()).unwrap();
    assert_eq!(dot, to_dot(&other));

    assert!(dot.contains("charset=\"UTF-8\""));
    assert!(dot.contains(r#"label="The \"Quoted\" <Org> back\\slash\nZürich Ünion""#));
    // Tooltips: file, sentence number, sentence (inner newline folded), URL: the source path.
    assert!(dot.contains(
        r#"001_a.txt #2: Witkoff, the \"special envoy\" of The Quoted Org, spoke. Then left.""#
    ));
    assert!(dot.contains(r#"URL="001_a.txt""#));
    assert!(dot.contains("n0 ["));
    assert!(!dot.contains("node_"));
    assert_dot_is_valid(&dot);
}

#[test]
fn escape_rules() {
    assert_eq!(escape("a\\b\"c\nd\re\u{7}f\tg"), "a\\\\b\\\"c\\ndef g");
    assert_eq!(escape("Zürich – Санкт"), "Zürich – Санкт");
    // Never a backslash right before the closing quote.
    assert_eq!(escape("C:\\"), "C:\\\\ ");
    assert_eq!(escape("\\"), "\\\\ ");
}

#[test]
fn every_node_and_edge_has_tooltip_and_url() {
    for view in [View::Actors, View::Events] {
        let dot = to_dot(&actors(ViewOptions {
            view,
            ..ViewOptions::default()
        }));
        let graph = parse(&dot);
        for node in graph.nodes.set.values() {
            let attrs = attributes(&node.attr);
            assert!(attrs.contains_key("tooltip"), "{}: {attrs:?}", node.id);
            if !node.id.starts_with("legend") {
                assert!(attrs.contains_key("URL"), "{}: {attrs:?}", node.id);
            }
        }
        for edge in &graph.edges.set {
            let attrs = attributes(&edge.attr);
            assert!(attrs.contains_key("tooltip"), "{edge:?}");
        }
    }
}

#[test]
fn dot_missing_message_says_how_to_install() {
    let msg = GraphError::DotMissing.to_string();
    assert!(msg.contains("apt-get install graphviz"), "{msg}");
    assert!(msg.contains("brew install graphviz"), "{msg}");
}

#[test]
fn render_writes_svg() {
    require_dot();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.dot");
    let dot = to_dot(&actors(ViewOptions {
        view: View::Events,
        ..ViewOptions::default()
    }));
    std::fs::write(&path, dot).unwrap();
    let out = render(&path, "svg").unwrap();
    assert_eq!(out, dir.path().join("events.svg"));
    let svg = std::fs::read_to_string(out).unwrap();
    assert!(svg.contains("001_a.txt #1: Steve Witkoff met Vladimir Putin"));
    assert!(matches!(
        render(&path, "exe"),
        Err(GraphError::DotFailed(_))
    ));
}

/// dot-parser, shared with tests/graphviz.rs.
#[path = "../../tests/common/dot.rs"]
mod dot_read;
use dot_read::{parse_dot as parse, render_svg_quietly, require_dot};

fn attributes(alist: &dot_parser::ast::AList<(String, String)>) -> BTreeMap<String, String> {
    alist.elems.iter().cloned().collect()
}

/// The DOT parses with `dot-parser`, and Graphviz renders it to SVG with exit status 0 and
/// nothing on stderr (no warnings).
fn assert_dot_is_valid(dot: &str) {
    let graph = parse(dot);
    assert!(graph.is_digraph);
    require_dot();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.dot");
    std::fs::write(&path, dot).unwrap();
    render_svg_quietly(&path, &format!("of\n{dot}\n"));
}

/// A pseudo-random store of seed size (50 entities, 60 events in 5 documents, 20 memberships):
/// every view parses and renders without a Graphviz warning.
#[test]
fn seed_size_views_render_without_warnings() {
    let mut q = Vec::new();
    let lit = |s: &str| Term::Literal(Literal::new_simple_literal(s));
    let mut add = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term, g: &NamedNode| {
        q.push(Quad::new(
            s.clone(),
            p.into_owned(),
            o,
            GraphName::NamedNode(g.clone()),
        ));
    };
    let mut ents = Vec::new();
    for i in 0..50 {
        let (ty, path) = match i % 3 {
            0 => (schema::PERSON, "person"),
            1 => (schema::ORGANIZATION, "organization"),
            _ => (schema::PLACE, "place"),
        };
        ents.push((
            iri(&format!("{path}/e{i}")),
            ty,
            format!("Entity number {i} {path}"),
        ));
    }
    let mut seed = 7u64;
    let mut rnd = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let types = ["Meeting", "Statement", "Threat", "Travel", "Sanction"];
    for d in 0..5 {
        let doc = iri(&format!("doc/00{d}"));
        add(&doc, ng::SOURCE_PATH, lit(&format!("00{d}_seed.txt")), &doc);
        for n in 1..=12 {
            let s = iri(&format!("doc/00{d}/s{n}"));
            add(&s, nif::REFERENCE_CONTEXT, Term::from(doc.clone()), &s);
            add(
                &s,
                ng::SENTENCE_INDEX,
                Term::from(Literal::from(n as i64)),
                &s,
            );
            add(
                &s,
                nif::ANCHOR_OF,
                lit(&"Some long sentence text about things. ".repeat(10)),
                &s,
            );
            let a = &ents[rnd(50)];
            let b = &ents[rnd(50)];
            for (e, ty, label) in [a, b] {
                add(e, rdf::TYPE, Term::from(NamedNode::from(*ty)), &s);
                add(e, rdfs::LABEL, lit(label), &s);
                let m = iri(&format!("doc/00{d}/m{n}-{}", rnd(1000)));
                add(&m, itsrdf::TA_IDENT_REF, Term::from(e.clone()), &s);
                add(&m, nif::SENTENCE_PROP, Term::from(s.clone()), &s);
            }
            let t = types[rnd(5)];
            let ev = iri(&format!("event/{d}/{n}"));
            add(&ev, rdf::TYPE, Term::from(NamedNode::from(sem::EVENT)), &s);
            add(
                &ev,
                rdf::TYPE,
                Term::from(NamedNode::new(format!("{}{t}", ng::NS)).unwrap()),
                &s,
            );
            add(&ev, sem::HAS_ACTOR, Term::from(a.0.clone()), &s);
            add(&ev, sem::HAS_ACTOR, Term::from(b.0.clone()), &s);
            add(
                &ev,
                sem::HAS_PLACE,
                Term::from(ents[rnd(16) * 3 + 2].0.clone()),
                &s,
            );
            add(
                &ev,
                sem::HAS_TIME_STAMP,
                Term::from(Literal::new_typed_literal(
                    format!("2025-0{}-1{}", 1 + rnd(5), rnd(10)),
                    xsd::DATE,
                )),
                &s,
            );
            add(&ev, prov::WAS_DERIVED_FROM, Term::from(s.clone()), &s);
            if n % 3 == 0 {
                let m = iri(&format!("membership/{d}/{n}"));
                add(&m, org::MEMBER, Term::from(ents[rnd(17) * 3].0.clone()), &s);
                add(
                    &m,
                    org::ORGANIZATION,
                    Term::from(ents[rnd(16) * 3 + 1].0.clone()),
                    &s,
                );
                add(
                    &m,
                    rdf::TYPE,
                    Term::from(NamedNode::from(org::MEMBERSHIP)),
                    &s,
                );
                add(&m, prov::WAS_DERIVED_FROM, Term::from(s.clone()), &s);
            }
        }
    }
    let store = store_from(&q);
    for (view, cluster) in [
        (View::Actors, Cluster::Document),
        (View::Events, Cluster::Document),
        (View::Events, Cluster::Date),
    ] {
        let v = build_view(
            &store,
            &ViewOptions {
                view,
                cluster,
                ..ViewOptions::default()
            },
        )
        .unwrap();
        let dot = to_dot(&v);
        assert_dot_is_valid(&dot);
    }
    // A cut actors view keeps at most 3 edges per entity shown, the best-evidenced ones.
    let full = build_view(&store, &ViewOptions::default()).unwrap();
    let cut = build_view(
        &store,
        &ViewOptions {
            max_nodes: 10,
            ..ViewOptions::default()
        },
    )
    .unwrap();
    assert_eq!(cut.graph.node_count(), 10);
    assert!(full.graph.edge_count() > 30);
    let kept: Vec<usize> = cut.graph.edge_weights().map(Edge::weight).collect();
    assert!(!kept.is_empty() && kept.len() <= 30, "{} edges", kept.len());
    let info = cut.cut.unwrap();
    assert_eq!(info.total, full.graph.node_count());
    assert_eq!(
        info.edges_dropped,
        full.graph.edge_count() - cut.graph.edge_count()
    );
    assert_dot_is_valid(&to_dot(&cut));
}

#[test]
fn empty_store_gives_a_valid_graph_with_legend_only() {
    let empty = Store::new().unwrap();
    for view in [View::Actors, View::Events] {
        let graph = build_view(
            &empty,
            &ViewOptions {
                view,
                ..ViewOptions::default()
            },
        )
        .unwrap();
        assert_eq!(graph.graph.node_count(), 0);
        let dot = to_dot(&graph);
        assert!(dot.contains("label=\"Legend\\n"));
        assert_dot_is_valid(&dot);
    }
}

#[test]
fn max_nodes_keeps_the_best_evidenced_and_says_what_was_cut() {
    // Witkoff has 3 supporting sentences, Putin and St. Petersburg 2 (Putin has more
    // mentions), the organization 1.
    let view = actors(ViewOptions {
        max_nodes: 2,
        ..ViewOptions::default()
    });
    let ids: Vec<&str> = view
        .graph
        .node_weights()
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(ids, ["Steve Witkoff", "Vladimir Putin"]);
    assert_eq!(view.graph.edge_count(), 1);
    let cut = view.cut.unwrap();
    assert_eq!(
        cut,
        Cut {
            max_nodes: 2,
            shown: 2,
            total: 4,
            edges_dropped: 4
        }
    );
    let dot = to_dot(&view);
    let line = "showing the 2 best-evidenced of 4 entities (4 edges left out; --max-nodes 0 \
                shows all)";
    assert!(
        dot.contains(&format!("digraph {{\n  // newsgraph: {line}\n")),
        "{dot}"
    );
    assert!(
        dot.contains(&format!("label=\"newsgraph: actors\\n{line}\"")),
        "{dot}"
    );
    assert_dot_is_valid(&dot);

    // Events view: the best-evidenced event (reported in two sentences) with its actors,
    // place and date.
    let view = actors(ViewOptions {
        view: View::Events,
        max_nodes: 1,
        ..ViewOptions::default()
    });
    let mut labels: Vec<&str> = view
        .graph
        .node_weights()
        .map(|n| n.label.as_str())
        .collect();
    labels.sort_unstable();
    assert_eq!(
        labels,
        [
            "2025-04-11",
            "Meeting\n2025-04-11",
            "St. Petersburg",
            "Steve Witkoff",
            "Vladimir Putin"
        ]
    );
    assert_eq!(view.cut.map(|c| (c.shown, c.total)), Some((1, 2)));
    assert!(to_dot(&view).contains("showing the 1 best-evidenced of 2 events"));

    // The focus is kept even when it is the least evidenced; no cut at or above the size.
    let view = actors(ViewOptions {
        max_nodes: 1,
        focus: Some("the \"quoted\" <org> back\\slash zürich ünion".to_owned()),
        ..ViewOptions::default()
    });
    assert_eq!(view.graph.node_count(), 1);
    assert_eq!(view.graph[view.focus[0]].label, WEIRD_LABEL);
    for max_nodes in [0, 4, 100] {
        let view = actors(ViewOptions {
            max_nodes,
            ..ViewOptions::default()
        });
        assert!(view.cut.is_none());
        assert_eq!(view.graph.node_count(), 4);
        assert!(!to_dot(&view).contains("best-evidenced"));
    }
}

#[test]
fn unlinked_actors_are_packed_into_one_cluster() {
    // No Travel event: only the role edge Witkoff → organization is left.
    let view = actors(ViewOptions {
        types: vec![s("Travel")],
        ..ViewOptions::default()
    });
    assert_eq!(view.graph.edge_count(), 1);
    let dot = to_dot(&view);
    let start = dot.find("subgraph cluster_0 {").unwrap();
    let end = start + dot[start..].find("\n  }").unwrap();
    let cluster = &dot[start..end];
    assert!(
        cluster.contains("Not linked to another actor (2)"),
        "{cluster}"
    );
    for name in ["Vladimir Putin", "St. Petersburg"] {
        assert!(cluster.contains(&format!("label=\"{name}\"")), "{cluster}");
    }
    assert!(!cluster.contains("label=\"Steve Witkoff\""), "{cluster}");
    assert_dot_is_valid(&dot);
}

/// Replaces the hostile organization label and the text of sentence 2 of the test store.
fn hostile_quads(label: &str, sentence: &str) -> Vec<Quad> {
    let old_sentence = "Witkoff, the \"special envoy\" of The Quoted Org, spoke.\nThen left.";
    quads()
        .into_iter()
        .map(|q| match &q.object {
            Term::Literal(l) if l.value() == WEIRD_LABEL => Quad::new(
                q.subject.clone(),
                q.predicate.clone(),
                Literal::new_simple_literal(label),
                q.graph_name.clone(),
            ),
            Term::Literal(l) if l.value() == old_sentence => Quad::new(
                q.subject.clone(),
                q.predicate.clone(),
                Literal::new_simple_literal(sentence),
                q.graph_name.clone(),
            ),
            _ => q,
        })
        .collect()
}

/// What a DOT reader sees in a quoted value written by `escape` (`\\`, `\"`, `\n`).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Quotes, backslashes, angle brackets, braces, newlines, control characters and
    /// non-ASCII in names and sentences never break the DOT of either view: it parses, the
    /// label reads back as written (control characters dropped, tab as space), Graphviz
    /// renders it without a warning, and the same quads in another order give the same text.
    #[test]
    fn hostile_text_never_breaks_dot(
        label in "[a-zA-Z \"\\\\<>{}\\[\\];,=#&\n\r\t\u{7}éß漢Ж🙂\u{200b}-]{1,30}",
        sentence in "[a-zA-Z \"\\\\<>{}\\[\\];,=#&\n\r\t\u{7}éß漢Ж🙂-]{0,60}",
    ) {
        let quads = hostile_quads(&label, &sentence);
        let store = store_from(&quads);
        let mut reversed = quads.clone();
        reversed.reverse();
        let other = store_from(&reversed);
        let mut expected: String = label
            .chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if c.is_control() && c != '\n' => None,
                c => Some(c),
            })
            .collect();
        if expected.ends_with('\\') {
            expected.push(' ');
        }
        for view in [View::Actors, View::Events] {
            let opts = ViewOptions { view, ..ViewOptions::default() };
            let dot = to_dot(&build_view(&store, &opts).unwrap());
            proptest::prop_assert_eq!(&dot, &to_dot(&build_view(&other, &opts).unwrap()));
            let graph = parse(&dot);
            let labels: Vec<String> = graph
                .nodes
                .set
                .values()
                .filter_map(|n| attributes(&n.attr).get("label").map(|l| unescape(l)))
                .collect();
            proptest::prop_assert!(labels.contains(&expected), "{expected:?} not in {labels:?}");
            assert_dot_is_valid(&dot);
        }
    }
}
