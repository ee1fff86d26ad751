//! End-to-end tests of the real binary on the real seeds.
#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;
use oxigraph::io::RdfFormat;
use oxigraph::model::GraphName;
use predicates::prelude::*;

const WITKOFF_SENTENCE: &str = "Steve Witkoff";

fn stdout_of(args: &[&str], store: &Path) -> String {
    let out = bin()
        .args(args)
        .arg("--store")
        .arg(store)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("stdout is UTF-8")
}

fn store_dir() -> std::path::PathBuf {
    built_out().join("store")
}

// ------------------------------------------------------------------ build

#[test]
fn build_writes_store_trig_and_prints_summary() {
    let out = scratch("cli-build").join("out");
    let assert = bin()
        .current_dir(root())
        .args(["build", "seeds/", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::is_match(
            r"(?m)^5 documents \(5 added, 0 changed, 0 unchanged, 0 removed\), \d+ sentences, \d+ entities, \d+ events, \d+ memberships, \d+ quads in ",
        ).unwrap());
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(out.join("store").is_dir(), "store/ written");
    assert!(
        out.join("store/manifest.json").is_file(),
        "store manifest written"
    );
    let trig = std::fs::read(out.join("graph.trig")).unwrap();
    assert!(!trig.is_empty());
    let quads = parse(RdfFormat::TriG, &trig);
    assert!(quads.len() > 1000, "graph.trig has {} quads", quads.len());
    // The summary's quad count is the store's.
    let n: usize = regex_capture(&stdout, r"(\d+) quads in").parse().unwrap();
    assert_eq!(n, quads.len(), "summary quad count = quads in graph.trig");
    assert!(out.join("actors.dot").is_file() && out.join("events.dot").is_file());
}

fn regex_capture(text: &str, re: &str) -> String {
    let re = regex::Regex::new(re).unwrap();
    re.captures(text)
        .unwrap_or_else(|| panic!("{re} not in {text}"))[1]
        .to_string()
}

#[test]
fn every_subcommand_help_has_an_example() {
    for sub in [
        "build", "extract", "query", "export", "dot", "explain", "evaluate",
    ] {
        bin()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
    bin()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("build"));
}

// ------------------------------------------------------------------ query

const SELECT: &str =
    "SELECT ?p ?label WHERE { ?p a schema:Person ; rdfs:label ?label } ORDER BY ?label";

#[test]
fn query_select_in_every_results_format() {
    let store = store_dir();
    // table
    let table = stdout_of(&["query", SELECT, "--format", "table"], &store);
    assert!(table.contains("Vladimir Putin"), "{table}");
    assert!(table.contains("label"), "table has a header: {table}");
    // csv
    let csv = stdout_of(&["query", SELECT, "--format", "csv"], &store);
    let mut lines = csv.lines();
    assert_eq!(lines.next().map(str::trim_end), Some("p,label"), "{csv}");
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() >= 5 && rows.iter().any(|l| l.contains("Steve Witkoff")));
    // tsv
    let tsv = stdout_of(&["query", SELECT, "--format", "tsv"], &store);
    assert_eq!(
        tsv.lines().next().map(str::trim_end),
        Some("?p\t?label"),
        "{tsv}"
    );
    assert_eq!(tsv.lines().count(), csv.lines().count());
    // json
    let json = stdout_of(&["query", SELECT, "--format", "json"], &store);
    let v: serde_json::Value = serde_json::from_str(&json).expect("SPARQL JSON parses");
    assert_eq!(v["head"]["vars"], serde_json::json!(["p", "label"]));
    let bindings = v["results"]["bindings"].as_array().unwrap();
    assert_eq!(bindings.len(), rows.len());
    // xml
    let xml = stdout_of(&["query", SELECT, "--format", "xml"], &store);
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(xml.contains("<sparql") && xml.contains("Steve Witkoff"));
}

/// The answer of an ASK query in the SPARQL JSON results format.
fn ask_json(query: &str) -> bool {
    let json = stdout_of(&["query", query, "--format", "json"], &store_dir());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["boolean"]
        .as_bool()
        .unwrap_or_else(|| panic!("no boolean: {json}"))
}

#[test]
fn query_ask() {
    assert!(ask_json(
        "ASK { ?p a schema:Person ; rdfs:label \"Vladimir Putin\" }"
    ));
    assert!(!ask_json("ASK { ?p rdfs:label \"No Such Person 123\" }"));
    let csv = stdout_of(
        &["query", "ASK { ?s a sem:Event }", "--format", "csv"],
        &store_dir(),
    );
    assert!(csv.contains("true"), "{csv}");
}

#[test]
fn query_construct_turtle_and_ntriples() {
    let store = store_dir();
    let q = "CONSTRUCT { ?e a ng:Meeting ; sem:hasActor ?a . ?a rdfs:label ?l } \
             WHERE { ?e a ng:Meeting ; sem:hasActor ?a . ?a rdfs:label ?l }";
    let ttl = stdout_of(&["query", q, "--format", "turtle"], &store);
    let t1 = parse(RdfFormat::Turtle, ttl.as_bytes());
    assert!(!t1.is_empty(), "CONSTRUCT gives triples");
    let nt = stdout_of(&["query", q, "--format", "ntriples"], &store);
    let t2 = parse(RdfFormat::NTriples, nt.as_bytes());
    let a: BTreeSet<String> = t1.iter().map(|q| q.to_string()).collect();
    let b: BTreeSet<String> = t2.iter().map(|q| q.to_string()).collect();
    assert_eq!(a, b, "turtle and ntriples carry the same triples");
}

#[test]
fn invalid_query_exits_1_with_one_line_naming_a_position() {
    let out = bin()
        .args(["query", "SELECT ?x WHERE { ?x", "--store"])
        .arg(store_dir())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line on stderr: {stderr:?}"
    );
    let has_position = predicate::str::is_match(r"(\d+:\d+|line \d+|column \d+)").unwrap();
    assert!(
        has_position.eval(&stderr),
        "stderr names a position: {stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert!(out.stdout.is_empty());
}

// ------------------------------------------------------------------ export

#[test]
fn export_every_format_parses_back() {
    let store = store_dir();
    let dir = scratch("cli-export");
    let db = open(&store);
    let n_quads = db.store().len().unwrap();
    let merged: BTreeSet<String> = db
        .store()
        .iter()
        .map(|q| {
            let q = q.unwrap();
            format!("{} {} {}", q.subject, q.predicate, q.object)
        })
        .collect();
    drop(db);
    for (name, ext, format) in [
        ("trig", "trig", RdfFormat::TriG),
        ("nquads", "nq", RdfFormat::NQuads),
        ("turtle", "ttl", RdfFormat::Turtle),
        ("ntriples", "nt", RdfFormat::NTriples),
        ("rdfxml", "rdf", RdfFormat::RdfXml),
        (
            "jsonld",
            "jsonld",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
    ] {
        let path = dir.join(format!("graph.{ext}"));
        bin()
            .args(["export", "--format", name, "-o"])
            .arg(&path)
            .arg("--store")
            .arg(&store)
            .assert()
            .success();
        let bytes = std::fs::read(&path).unwrap();
        let quads = parse(format, &bytes);
        if matches!(name, "trig" | "nquads") {
            assert_eq!(quads.len(), n_quads, "{name}: every quad");
            assert!(quads
                .iter()
                .all(|q| q.graph_name != GraphName::DefaultGraph));
        } else {
            let got: BTreeSet<String> = quads
                .iter()
                .map(|q| format!("{} {} {}", q.subject, q.predicate, q.object))
                .collect();
            assert_eq!(got.len(), quads.len(), "{name}: no duplicate triples");
            assert_eq!(got, merged, "{name}: the merged graph");
        }
        // Standard output gives the same bytes as -o.
        let stdout = stdout_of(&["export", "--format", name], &store);
        assert_eq!(stdout.as_bytes(), &bytes[..], "{name}: stdout = -o file");
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = scratch("cli-determinism");
    let mut trigs = Vec::new();
    let mut canon = Vec::new();
    for run in ["a", "b"] {
        let out = dir.join(run);
        build_seeds(&out);
        trigs.push(std::fs::read(out.join("graph.trig")).unwrap());
        let c = stdout_of(&["export", "--canonical"], &out.join("store"));
        assert!(!c.is_empty());
        parse(RdfFormat::NQuads, c.as_bytes());
        canon.push(c);
    }
    assert!(
        trigs[0] == trigs[1],
        "graph.trig differs between two builds"
    );
    assert!(
        canon[0] == canon[1],
        "export --canonical differs between two builds"
    );
}

// ------------------------------------------------------------------ explain / dot / evaluate

#[test]
fn explain_prints_sentences_with_file_names() {
    let text = stdout_of(&["explain", "Steve Witkoff"], &store_dir());
    assert!(text.contains(WITKOFF_SENTENCE));
    for file in [
        "000_272e99f4a6e8b8de.txt",
        "001_d526fdf91043ef8c.txt",
        "003_be08bd32e60089bb.txt",
    ] {
        assert!(text.contains(file), "explain names {file}:\n{text}");
    }
    // A sentence of 001, verbatim.
    assert!(
        text.contains("met with Russian President Vladimir Putin in St. Petersburg"),
        "explain prints the sentence text:\n{text}"
    );
}

#[test]
fn explain_unknown_name_says_so_without_panicking() {
    // Exit status for an unknown name is not specified (currently 0); the message must be clear.
    let out = bin()
        .args(["explain", "Nobody At All 42", "--store"])
        .arg(store_dir())
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("panicked"), "{all}");
    assert!(
        all.contains("Nobody At All 42"),
        "names what was not found: {all}"
    );
}

fn parse_dot(dot: &str) -> dot_parser::canonical::Graph<(String, String)> {
    let ast = dot_parser::ast::Graph::try_from(dot)
        .unwrap_or_else(|e| panic!("dot-parser rejects the DOT text: {e:?}"));
    let ast = ast.filter_map(&|(k, v)| Some((k.into(), v.into())));
    dot_parser::canonical::Graph::from(ast)
}

#[test]
fn dot_views_produce_dot() {
    let store = store_dir();
    for view in ["actors", "events"] {
        let dot = stdout_of(&["dot", "--view", view], &store);
        assert!(dot.trim_start().starts_with("digraph") || dot.trim_start().starts_with("graph"));
        let g = parse_dot(&dot);
        assert!(!g.nodes.set.is_empty(), "{view}: nodes");
        assert!(!g.edges.set.is_empty(), "{view}: edges");
        assert!(dot.contains("tooltip"), "{view}: tooltips");
        assert!(dot.contains("Vladimir Putin"), "{view}: Putin is drawn");
    }
}

#[test]
fn evaluate_json_parses() {
    let Some(gold) = gold() else {
        panic!("../shared/eval/seeds.gold.json is missing (the repo must sit beside ../shared)");
    };
    let json = bin()
        .args(["evaluate", "--format", "json", "--gold"])
        .arg(&gold)
        .arg("--store")
        .arg(store_dir())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&json).expect("evaluate JSON parses");
    assert!(v.get("entities").is_some(), "{v}");
}

// ------------------------------------------------------------------ incremental extract

fn graphs_by_doc(store: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let db = open(store);
    let mut by_doc: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for q in db.store().iter() {
        let q = q.unwrap();
        let g = match &q.graph_name {
            GraphName::NamedNode(n) => n.as_str().to_string(),
            other => panic!("quad outside a named graph: {other}"),
        };
        // The entity graph is listed as "(entities)".
        let doc = g
            .split("/doc/")
            .nth(1)
            .map(|rest| rest.split('/').next().unwrap().to_string())
            .or_else(|| g.ends_with("/entities").then(|| "(entities)".to_string()))
            .unwrap_or_else(|| panic!("graph {g} is not a document, sentence or entity graph"));
        by_doc.entry(doc).or_default().insert(q.to_string());
    }
    by_doc
}

#[test]
fn re_extract_unchanged_changes_nothing() {
    let dir = scratch("cli-reextract");
    let store = dir.join("store");
    bin()
        .args(["extract", "--quiet", "--store"])
        .arg(&store)
        .arg(seeds())
        .assert()
        .success()
        .stdout(predicate::str::contains("5 added"));
    let before = graphs_by_doc(&store);
    bin()
        .args(["extract", "--quiet", "--store"])
        .arg(&store)
        .arg(seeds())
        .assert()
        .success()
        .stdout(predicate::str::contains("0 added, 0 changed, 5 unchanged"));
    assert_eq!(before, graphs_by_doc(&store));
}

#[test]
fn editing_one_sentence_replaces_only_that_documents_graphs() {
    let dir = scratch("cli-edit");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for e in std::fs::read_dir(seeds()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
    }
    let store = dir.join("store");
    let extract = |expect: &str| {
        bin()
            .args(["extract", "--quiet", "--store"])
            .arg(&store)
            .arg(&input)
            .assert()
            .success()
            .stdout(predicate::str::contains(expect.to_string()));
    };
    extract("5 added");
    let before = graphs_by_doc(&store);
    let edited = "001_d526fdf91043ef8c.txt";
    let path = input.join(edited);
    let text = std::fs::read_to_string(&path).unwrap();
    let old = "The meeting took place at the city’s presidential library";
    assert!(text.contains(old));
    std::fs::write(
        &path,
        text.replace(
            old,
            "The long meeting took place at the city’s old presidential library",
        ),
    )
    .unwrap();
    extract("0 added, 1 changed, 4 unchanged");
    let after = graphs_by_doc(&store);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (doc, quads) in &before {
        if doc.starts_with("001-") {
            assert_ne!(
                quads, &after[doc],
                "{doc}: the edited document's graphs change"
            );
            assert!(after[doc]
                .iter()
                .any(|q| q.contains("The long meeting took place")));
        } else {
            let gone: Vec<_> = quads.difference(&after[doc]).take(3).collect();
            let new: Vec<_> = after[doc].difference(quads).take(3).collect();
            assert!(
                gone.is_empty() && new.is_empty(),
                "{doc} changed: -{gone:#?} +{new:#?}"
            );
        }
    }
}

// ------------------------------------------------------------------ closed stdout

/// `newsgraph … | head` closes the pipe early: the program must stop quietly (PRODUCT.md §6:
/// never a panic). The read end is closed before the child starts, so every write fails with
/// EPIPE, deterministically.
fn run_with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .arg("--store")
        .arg(store_dir())
        .env_remove("RUST_BACKTRACE")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn closed_stdout_does_not_panic_query_export() {
    for args in [
        &["query", SELECT, "--format", "csv"][..],
        &["export", "--format", "nquads"][..],
    ] {
        let (code, stderr) = run_with_closed_stdout(args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(code, Some(101), "{args:?}: exit 101 is a panic");
    }
}

#[test]
fn closed_stdout_does_not_panic_dot_explain_evaluate() {
    let gold = gold().expect("../shared/eval/seeds.gold.json");
    let gold = gold.to_str().unwrap().to_string();
    for args in [
        vec!["dot", "--view", "events"],
        vec!["explain", "Steve Witkoff"],
        vec!["evaluate", "--gold", gold.as_str()],
        vec!["evaluate", "--format", "json", "--gold", gold.as_str()],
    ] {
        let (code, stderr) = run_with_closed_stdout(&args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(code, Some(101), "{args:?}: exit 101 is a panic");
    }
}
