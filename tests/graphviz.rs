//! The Graphviz views of the seeds, end to end: `newsgraph build seeds/` writes
//! `out/actors.dot` and `out/events.dot`; they parse with `dot-parser`, render with Graphviz
//! without a warning, and the edges the issue names carry tooltips quoting the seed files.
//!
//! Needs Graphviz `dot` on PATH (`.ci/run` installs it before the tests run).
#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;

use common::dot::{parse_dot, render_svg_quietly, require_dot};

/// Reverses the escaping of a quoted DOT string (`\\`, `\"`, `\n`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn attrs(alist: &dot_parser::ast::AList<(String, String)>) -> BTreeMap<String, String> {
    alist
        .elems
        .iter()
        .map(|(k, v)| (k.clone(), unescape(v)))
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The actors view as written by `build`: node id → label, and the edges with their
/// attributes, keyed by the sorted pair of endpoint labels.
struct Actors {
    edges: BTreeMap<(String, String), BTreeMap<String, String>>,
}

fn actors_view() -> Actors {
    let g = parse_dot(&read(&built_out().join("actors.dot")));
    let labels: BTreeMap<String, String> = g
        .nodes
        .set
        .values()
        .filter_map(|n| Some((n.id.clone(), attrs(&n.attr).get("label")?.clone())))
        .collect();
    let mut edges = BTreeMap::new();
    for e in &g.edges.set {
        let (Some(a), Some(b)) = (labels.get(&e.from), labels.get(&e.to)) else {
            continue;
        };
        let key = if a <= b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        assert!(
            edges.insert(key.clone(), attrs(&e.attr)).is_none(),
            "one merged edge per pair: {key:?} twice"
        );
    }
    Actors { edges }
}

impl Actors {
    fn edge(&self, a: &str, b: &str) -> &BTreeMap<String, String> {
        let key = if a <= b {
            (a.to_owned(), b.to_owned())
        } else {
            (b.to_owned(), a.to_owned())
        };
        self.edges.get(&key).unwrap_or_else(|| {
            panic!(
                "no edge {a} – {b} in the actors view; edges: {:?}",
                self.edges.keys().collect::<Vec<_>>()
            )
        })
    }
}

/// Collapses whitespace runs to one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The tooltip lines `file #n: sentence`, checked against the seed files: every quoted
/// sentence occurs in the file it names. Returns the distinct files.
fn quoted_files(tooltip: &str) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    for line in tooltip.lines() {
        if line.starts_with("(+") {
            continue; // "(+N more sentences)"
        }
        let (file, rest) = line
            .split_once(" #")
            .unwrap_or_else(|| panic!("tooltip line is not `file #n: text`: {line:?}"));
        let (n, text) = rest
            .split_once(": ")
            .unwrap_or_else(|| panic!("tooltip line is not `file #n: text`: {line:?}"));
        assert!(
            n.parse::<u64>().is_ok_and(|n| n > 0),
            "sentence number in {line:?}"
        );
        let text = text.trim_end_matches('…');
        assert!(text.len() > 20, "a real sentence is quoted: {line:?}");
        let source = squash(&read(&seeds().join(file)));
        assert!(
            source.contains(&squash(text)),
            "{file} does not contain the quoted sentence {text:?}"
        );
        files.insert(file.to_owned());
    }
    files
}

#[test]
fn both_views_parse_and_render_without_warnings() {
    require_dot();
    for view in ["actors", "events"] {
        let path = built_out().join(format!("{view}.dot"));
        let g = parse_dot(&read(&path));
        assert!(g.is_digraph);
        assert!(
            g.nodes.set.len() > 10,
            "{view}: {} nodes",
            g.nodes.set.len()
        );
        assert!(
            g.edges.set.len() > 10,
            "{view}: {} edges",
            g.edges.set.len()
        );
        let svg = render_svg_quietly(&path, &format!("{view}.dot"));
        assert!(svg.contains("<svg"), "{view}: SVG output");
        // `build` rendered the SVG itself (Graphviz is on PATH).
        let built_svg = read(&built_out().join(format!("{view}.svg")));
        assert!(built_svg.contains("<svg"), "build wrote out/{view}.svg");
    }
}

#[test]
fn witkoff_putin_edge_quotes_sentences_from_three_files() {
    let view = actors_view();
    let edge = view.edge("Steve Witkoff", "Vladimir Putin");
    let files = quoted_files(&edge["tooltip"]);
    assert!(files.len() >= 3, "Witkoff – Putin quotes {files:?}");
    assert!(edge["label"].contains("Meeting"), "{edge:?}");
    assert!(edge.contains_key("URL"), "{edge:?}");
}

#[test]
fn witkoff_dmitriev_edge_quotes_sentences_from_two_files() {
    let view = actors_view();
    let edge = view.edge("Kirill Dmitriev", "Steve Witkoff");
    let files = quoted_files(&edge["tooltip"]);
    assert!(files.len() >= 2, "Witkoff – Dmitriev quotes {files:?}");
    assert!(edge["label"].contains("Meeting"), "{edge:?}");
}

#[test]
fn karelina_petrov_exchange_appears() {
    let view = actors_view();
    let edge = view.edge("Arthur Petrov", "Ksenia Karelina");
    assert!(edge["label"].contains("PrisonerExchange"), "{edge:?}");
    let files = quoted_files(&edge["tooltip"]);
    assert!(!files.is_empty());
    assert!(
        edge["tooltip"].contains("Karelina") && edge["tooltip"].contains("Petrov"),
        "{edge:?}"
    );
}

#[test]
fn views_are_identical_run_to_run() {
    let store = built_out().join("store");
    for view in ["actors", "events"] {
        let run = || {
            bin()
                .args(["dot", "--view", view, "--store"])
                .arg(&store)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone()
        };
        let first = run();
        assert_eq!(first, run(), "{view}: two runs differ");
        assert_eq!(
            first,
            std::fs::read(built_out().join(format!("{view}.dot"))).unwrap(),
            "{view}: `newsgraph dot` and `build` write the same view of the seeds"
        );
    }
}

#[test]
fn render_without_graphviz_says_how_to_install() {
    let dir = scratch("graphviz-no-dot");
    let empty_path = dir.join("bin");
    std::fs::create_dir_all(&empty_path).unwrap();
    let out = bin()
        .env("PATH", &empty_path)
        .args(["dot", "--view", "actors", "--render", "svg", "-o"])
        .arg(dir.join("actors.dot"))
        .arg("--store")
        .arg(built_out().join("store"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("Graphviz"), "{stderr}");
    assert!(stderr.contains("apt-get install graphviz"), "{stderr}");
    assert!(stderr.contains("brew install graphviz"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The DOT file is still written.
    assert!(read(&dir.join("actors.dot")).starts_with("digraph"));
}

#[test]
fn build_without_graphviz_writes_dot_and_says_so() {
    let dir = scratch("graphviz-build-no-dot");
    let empty_path = dir.join("bin");
    std::fs::create_dir_all(&empty_path).unwrap();
    let out = dir.join("out");
    let run = bin()
        .current_dir(root())
        .env("PATH", &empty_path)
        .args(["build", "seeds/", "--quiet", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{stdout}");
    assert!(stdout.contains("install Graphviz"), "{stdout}");
    for view in ["actors", "events"] {
        assert!(read(&out.join(format!("{view}.dot"))).starts_with("digraph"));
        assert!(!out.join(format!("{view}.svg")).exists());
    }
}

/// `build` and `dot` on the default backend draw from [`graph::ViewDataBuilder`] (the
/// snapshot's quads), on RocksDB from [`graph::ViewData::load`] (SPARQL over the store): both give the same
/// DOT, on the seeds and on the fixture articles, capped and uncapped, for both views.
#[test]
fn view_data_from_quads_equals_view_data_from_the_store() {
    use newsgraph::graph;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let dir = scratch("graphviz-builder");
    let fixture_store = dir.join("fixtures");
    let s = extract(vec![fixtures], &fixture_store);
    assert!(s.documents >= 10, "{s:?}");
    let fixture_gs = open(&fixture_store);
    // The default backend's snapshot of the fixtures, read back as `build` and `dot` do (the
    // lines with a predicate the views use only).
    let from_snapshot = newsgraph::store::SnapshotIndex::open(&fixture_store)
        .expect("snapshot index")
        .map(|snap| graph::ViewData::from_snapshot(&snap).expect("from snapshot"));
    assert_eq!(
        from_snapshot.is_some(),
        cfg!(not(feature = "rocksdb")),
        "a snapshot exactly on the default backend"
    );
    for (store, snapshot) in [(seeds_store(), None), (fixture_gs.store(), from_snapshot)] {
        let from_store = graph::ViewData::load(store).expect("load");
        let mut builder = graph::ViewDataBuilder::new();
        let quads: Vec<_> = store.iter().map(|q| q.expect("quad")).collect();
        // `add` needs whole documents: give every quad at once, then the same quads again
        // (adding in several calls must merge, and adding a quad twice changes nothing).
        builder.add(&quads);
        builder.add(&quads);
        let from_quads = builder.finish();
        for view in [graph::View::Actors, graph::View::Events] {
            for max_nodes in [0, 150, 20] {
                let opts = graph::ViewOptions {
                    view,
                    max_nodes,
                    ..Default::default()
                };
                let a = graph::to_dot(&graph::build_view_from(&from_store, &opts).expect("view"));
                let b = graph::to_dot(&graph::build_view_from(&from_quads, &opts).expect("view"));
                assert!(a.len() > 1000, "{view:?}: a real graph");
                assert!(a == b, "{view:?} max_nodes {max_nodes}: DOT differs");
                if let Some(data) = &snapshot {
                    let c = graph::to_dot(&graph::build_view_from(data, &opts).expect("view"));
                    assert!(
                        a == c,
                        "{view:?} max_nodes {max_nodes}: snapshot DOT differs"
                    );
                }
            }
        }
    }
}

/// `dot` on the default backend streams its data from the snapshot, `build` makes it from the
/// quads as they are extracted: the same DOT for both views.
#[test]
fn dot_command_draws_what_build_drew() {
    let out = built_out();
    let tmp = scratch("graphviz-dot-vs-build");
    for view in ["actors", "events"] {
        let file = tmp.join(format!("{view}.dot"));
        bin()
            .args(["dot", "--view", view, "--store"])
            .arg(out.join("store"))
            .arg("-o")
            .arg(&file)
            .assert()
            .success();
        let drawn = std::fs::read_to_string(&file).expect("dot output");
        let built = std::fs::read_to_string(out.join(format!("{view}.dot"))).expect("build output");
        assert!(drawn == built, "{view}: `dot` and `build` differ");
    }
}
