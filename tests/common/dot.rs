//! Parsing DOT text with dot-parser, the independent DOT reader of the tests.
//! Shared by tests/graphviz.rs (as `common::dot`) and src/graph/tests.rs (which includes this
//! file with `#[path]`), so it names no `newsgraph` item.
#![allow(dead_code, clippy::unwrap_used)]

/// A parsed graph: nodes, edges and their attributes as (name, value) pairs.
pub type Parsed = dot_parser::canonical::Graph<(String, String)>;

/// Parse DOT text; panics with the parser's error (and the text) when it is not DOT.
pub fn parse_dot(dot: &str) -> Parsed {
    let ast = dot_parser::ast::Graph::try_from(dot)
        .unwrap_or_else(|e| panic!("dot-parser rejects the DOT text: {e:?}\n{dot}"));
    let ast = ast.filter_map(&|(k, v)| Some((k.into(), v.into())));
    dot_parser::canonical::Graph::from(ast)
}

/// Panics unless Graphviz `dot` is on PATH (`.ci/run` installs it before the tests).
pub fn require_dot() {
    assert!(
        std::process::Command::new("dot").arg("-V").output().is_ok(),
        "Graphviz `dot` is not on PATH: install Graphviz (apt-get install graphviz / \
         brew install graphviz) to run these tests"
    );
}

/// `dot -Tsvg path`: asserts exit status 0 and nothing on stderr (no warning), naming `what`
/// in the failure; returns the SVG.
pub fn render_svg_quietly(path: &std::path::Path, what: &str) -> String {
    let out = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("run dot on {what}: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot -Tsvg {what} failed: {stderr}");
    assert!(stderr.is_empty(), "dot -Tsvg {what} warns: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
