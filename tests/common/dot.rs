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
