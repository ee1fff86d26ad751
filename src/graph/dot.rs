//! petgraph → DOT text, written with `dot-writer`.
//!
//! `dot-writer` writes quoted attribute values verbatim and does not escape them, so every
//! quoted value goes through [`escape`] first (see [`Set::q`]). It panics on I/O errors: it only
//! ever writes into a `Vec<u8>` here, which cannot fail. Node ids are `n{index}` (petgraph
//! indices, which follow the sorted IRIs), legend nodes `legend{k}`. `dot-writer` numbers
//! clusters itself (`cluster_0`, `cluster_1`, … in writing order: documents in file order, the
//! legend last); the legend cluster also gets `id="legend"` for the SVG.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use dot_writer::{Attributes, DotWriter, Scope};
use petgraph::visit::EdgeRef;

use super::{Cluster, Edge, EdgeKind, Evidence, Node, NodeIndex, NodeKind, View, ViewGraph};

/// At most this many sentences are listed in a tooltip.
const MAX_TOOLTIP_SENTENCES: usize = 8;
/// At most this many labels are written on an edge of the actors view (all are in its
/// tooltip).
const MAX_EDGE_LABELS: usize = 3;
/// Each sentence of a tooltip is cut to this many characters.
const MAX_SENTENCE_CHARS: usize = 300;

/// Writes a view as DOT text.
///
/// Deterministic: the same [`ViewGraph`] (hence the same store and options) always gives
/// byte-identical text. Every node and edge has a `tooltip` listing its supporting sentences
/// (`file #n: text`, at most 8, each cut to 300 characters) and, when it has evidence, a `URL`
/// pointing to its (first) source file; a `Legend` cluster shows one sample node per kind.
/// All quoted values are escaped by [`escape`]; non-ASCII text is kept as UTF-8
/// (`charset="UTF-8"`).
pub fn to_dot(view: &ViewGraph) -> String {
    let mut bytes = Vec::new();
    {
        let mut writer = DotWriter::from(&mut bytes);
        writer.set_pretty_print(true);
        let mut digraph = writer.digraph();
        write_graph_attributes(&mut digraph, view);
        match view.view {
            View::Actors => write_actors(&mut digraph, view),
            View::Events => write_events(&mut digraph, view),
        }
        write_edges(&mut digraph, view);
        write_legend(&mut digraph, view);
    }
    // Everything written is UTF-8 (Rust strings); the lossy branch cannot be taken.
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    match &view.cut {
        // dot-writer has no comments: one goes right after the opening brace.
        Some(cut) => text.replacen(
            "{\n",
            &format!("{{\n  // newsgraph: {}\n", cut.describe(view.view)),
            1,
        ),
        None => text,
    }
}

/// The graph title: the view's name, and what `max_nodes` cut if it cut anything.
fn title(view: &ViewGraph) -> String {
    let name = match view.view {
        View::Actors => "newsgraph: actors",
        View::Events => "newsgraph: events",
    };
    match &view.cut {
        Some(cut) => format!("{name}\n{}", cut.describe(view.view)),
        None => name.to_owned(),
    }
}

/// Escapes a value for a quoted DOT string (Graphviz `escString` semantics): `\` → `\\`,
/// `"` → `\"`, newline → `\n`, tab → space, other control characters dropped, and a space
/// after a final backslash (some DOT parsers cannot end a quoted string with one).
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    // Graphviz reads a final `\\` right, but simpler DOT parsers (dot-parser 0.6, found by
    // the property test) take `\\"` for a backslash and an escaped quote: a final backslash
    // is followed by a space.
    if out.ends_with('\\') {
        out.push(' ');
    }
    out
}

/// Quoted, escaped attribute values on top of `dot-writer`'s raw `set`.
trait Set: Attributes {
    /// Sets a quoted attribute, escaping the value.
    fn q(&mut self, name: &str, value: &str) -> &mut Self {
        self.set(name, &escape(value), true)
    }
    /// Sets an unquoted attribute (numbers and keywords written by this module only).
    fn raw(&mut self, name: &str, value: &str) -> &mut Self {
        self.set(name, value, false)
    }
}
impl<T: Attributes> Set for T {}

fn write_graph_attributes(digraph: &mut Scope<'_, '_>, view: &ViewGraph) {
    let layout = match view.view {
        View::Actors => "fdp",
        View::Events => "dot",
    };
    let title = title(view);
    {
        let mut graph = digraph.graph_attributes();
        graph
            .q("charset", "UTF-8")
            .q("layout", layout)
            .q("label", &title)
            .q("labelloc", "t")
            .q("fontname", "Helvetica")
            .raw("fontsize", "14")
            .raw("overlap", "false")
            .raw("splines", "true")
            .q("tooltip", &title);
        if view.view == View::Actors {
            graph.raw("K", "1.5");
        } else {
            // Top to bottom: each document cluster is a column of its events in sentence
            // order (or, by date, one row per date down a timeline).
            graph
                .q("rankdir", "TB")
                .raw("nodesep", "0.25")
                .raw("ranksep", "0.5");
        }
    }
    digraph
        .node_attributes()
        .q("fontname", "Helvetica")
        .raw("fontsize", "11")
        .q("style", "filled");
    digraph
        .edge_attributes()
        .q("fontname", "Helvetica")
        .raw("fontsize", "9")
        .q("color", "#555555")
        .q("fontcolor", "#333333");
}

/// Shape, fill color and border color of a kind of node.
fn kind_style(kind: NodeKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        NodeKind::Person => ("ellipse", "#cfe2ff", "#3d6fb6"),
        NodeKind::Organization => ("box", "#ffe0b2", "#c77700"),
        NodeKind::Place => ("hexagon", "#d4edda", "#2e7d32"),
        NodeKind::Event => ("box", "#f3e5f5", "#7b1fa2"),
        NodeKind::Date => ("note", "#fff9c4", "#9e9d24"),
        NodeKind::Other => ("ellipse", "#eeeeee", "#757575"),
    }
}

fn node_id(index: NodeIndex) -> String {
    format!("n{}", index.index())
}

/// A tooltip listing the evidence: `file #n: text` lines.
fn tooltip(evidence: &[Evidence], fallback: &str) -> String {
    if evidence.is_empty() {
        return format!("{fallback}\n(no supporting sentence in the store)");
    }
    let mut lines: Vec<String> = evidence
        .iter()
        .take(MAX_TOOLTIP_SENTENCES)
        .map(|e| {
            let text = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut cut: String = text.chars().take(MAX_SENTENCE_CHARS).collect();
            if cut.len() < text.len() {
                cut.push('…');
            }
            format!("{} #{}: {}", e.file, e.sentence_index, cut)
        })
        .collect();
    if evidence.len() > MAX_TOOLTIP_SENTENCES {
        lines.push(format!(
            "(+{} more sentences)",
            evidence.len() - MAX_TOOLTIP_SENTENCES
        ));
    }
    lines.join("\n")
}

/// The source file an element links to: that of its first evidence.
fn url(evidence: &[Evidence]) -> Option<&str> {
    evidence
        .first()
        .map(|e| e.file.as_str())
        .filter(|f| !f.is_empty())
}

fn write_node(scope: &mut Scope<'_, '_>, index: NodeIndex, node: &Node, view: &ViewGraph) {
    let (shape, fill, border) = kind_style(node.kind);
    let mut n = scope.node_named(node_id(index));
    n.q("label", &node.label)
        .q("shape", shape)
        .q("fillcolor", fill)
        .q("color", border)
        .q("tooltip", &tooltip(&node.evidence, &node.label));
    if node.kind == NodeKind::Event {
        n.q("style", "rounded,filled");
    }
    if let Some(u) = url(&node.evidence) {
        n.q("URL", u);
    }
    if matches!(
        node.kind,
        NodeKind::Person | NodeKind::Organization | NodeKind::Place | NodeKind::Other
    ) {
        // Bigger with more mentions, within bounds so that hubs do not hide their edges.
        let m = node.mentions.min(12);
        n.raw("fontsize", &(10 + m / 2).to_string())
            .raw("penwidth", &format!("{:.1}", 1.0 + m as f64 / 12.0));
    }
    if view.focus.contains(&index) {
        n.raw("peripheries", "2");
    }
}

/// The actors view: linked entities first, then the entities without any edge packed into one
/// cluster (so that they do not scatter over the drawing).
fn write_actors(digraph: &mut Scope<'_, '_>, view: &ViewGraph) {
    let g = &view.graph;
    let isolated = |i: &NodeIndex| g.neighbors_undirected(*i).next().is_none();
    for index in g.node_indices().filter(|i| !isolated(i)) {
        write_node(digraph, index, &g[index], view);
    }
    let alone: Vec<NodeIndex> = g.node_indices().filter(isolated).collect();
    if alone.is_empty() {
        return;
    }
    let label = format!("Not linked to another actor ({})", alone.len());
    let mut cluster = digraph.cluster();
    cluster
        .q("label", &label)
        .q("tooltip", &label)
        .q("style", "rounded,dashed")
        .q("color", "#bdbdbd")
        .raw("fontsize", "10");
    for index in alone {
        write_node(&mut cluster, index, &g[index], view);
    }
}

/// Invisible edges in order along `nodes` (keeps a column or a row in that order).
fn chain(scope: &mut Scope<'_, '_>, nodes: &[String], weight: u32, tooltip: &str) {
    for pair in nodes.windows(2) {
        if let [from, to] = pair {
            scope
                .edge(from.as_str(), to.as_str())
                .attributes()
                .q("style", "invis")
                .raw("weight", &weight.to_string())
                .q("tooltip", tooltip);
        }
    }
}

fn write_events(digraph: &mut Scope<'_, '_>, view: &ViewGraph) {
    let g = &view.graph;
    let is_event = |i: &NodeIndex| g[*i].kind == NodeKind::Event;
    match view.cluster {
        Cluster::Document => {
            // Events grouped by the file of their first (smallest) evidence.
            let mut by_file: BTreeMap<&str, Vec<NodeIndex>> = BTreeMap::new();
            let mut loose = Vec::new();
            for index in g.node_indices().filter(is_event) {
                match g[index].evidence.first() {
                    Some(e) => by_file.entry(e.file.as_str()).or_default().push(index),
                    None => loose.push(index),
                }
            }
            for (file, events) in &mut by_file {
                // Sentence order: by the first supporting sentence in this file.
                events.sort_by_key(|i| {
                    let first = g[*i].evidence.first();
                    (first.map_or(0, |e| e.sentence_index), *i)
                });
                let mut cluster = digraph.cluster();
                cluster
                    .q("label", file)
                    .q("tooltip", file)
                    .q("URL", file)
                    .q("style", "rounded")
                    .q("color", "#9e9e9e");
                for index in events.iter() {
                    write_node(&mut cluster, *index, &g[*index], view);
                }
                let ids: Vec<String> = events.iter().map(|i| node_id(*i)).collect();
                chain(&mut cluster, &ids, 20, &format!("{file}: sentence order"));
            }
            for index in loose {
                write_node(digraph, index, &g[index], view);
            }
            for index in g.node_indices().filter(|i| !is_event(i)) {
                write_node(digraph, index, &g[index], view);
            }
        }
        Cluster::Date => {
            for index in g.node_indices() {
                write_node(digraph, index, &g[index], view);
            }
            // One rank per date: the date node and the events of that date.
            let mut ranks: BTreeMap<&str, (Option<NodeIndex>, Vec<NodeIndex>)> = BTreeMap::new();
            for index in g.node_indices() {
                let node = &g[index];
                if let Some(date) = node.date.as_deref() {
                    let entry = ranks.entry(date).or_default();
                    if node.kind == NodeKind::Date {
                        entry.0 = Some(index);
                    } else {
                        entry.1.push(index);
                    }
                }
            }
            for (date, events) in ranks.values() {
                let mut sub = digraph.subgraph();
                sub.raw("rank", "same");
                for index in date.iter().chain(events) {
                    sub.node_named(node_id(*index));
                }
            }
            // The date spine, in date order.
            let spine: Vec<(&str, NodeIndex)> = ranks
                .iter()
                .filter_map(|(d, (date, _))| date.map(|i| (*d, i)))
                .collect();
            for pair in spine.windows(2) {
                if let [(from_d, from), (to_d, to)] = pair {
                    digraph
                        .edge(node_id(*from), node_id(*to))
                        .attributes()
                        .q("style", "bold")
                        .q("color", "#9e9d24")
                        .q("arrowhead", "none")
                        .raw("weight", "10")
                        .q("tooltip", &format!("timeline: {from_d} → {to_d}"));
                }
            }
        }
    }
}

fn write_edges(digraph: &mut Scope<'_, '_>, view: &ViewGraph) {
    let g = &view.graph;
    for edge in g.edge_references() {
        let e: &Edge = edge.weight();
        let w = e.weight();
        let mut attrs = digraph
            .edge(node_id(edge.source()), node_id(edge.target()))
            .attributes();
        match view.view {
            View::Actors => {
                // The label names at most MAX_EDGE_LABELS relations / event types (all are
                // in the tooltip) and the number of supporting sentences. No `weight`: in fdp
                // it pulls the best-evidenced hubs on top of each other.
                let mut label = e
                    .labels
                    .iter()
                    .take(MAX_EDGE_LABELS)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                if e.labels.len() > MAX_EDGE_LABELS {
                    label.push_str(", …");
                }
                if w > 1 {
                    let _ = write!(label, " ({w})");
                }
                let head = format!("{}: {}", e.label(), edge_ends(view, &edge));
                attrs
                    .q("label", &label)
                    .q("tooltip", &tooltip(&e.evidence, &head));
            }
            View::Events => {
                // Unlabeled: the line style says actor (solid), place (dashed) or date
                // (dotted), as the legend explains; the tooltip names it too.
                let head = format!("{}: {}", e.label(), edge_ends(view, &edge));
                attrs
                    .q("tooltip", &tooltip(&e.evidence, &head))
                    .raw("weight", &w.max(1).to_string());
            }
        }
        attrs.raw(
            "penwidth",
            &format!("{:.1}", 1.0 + 0.5 * (w.saturating_sub(1).min(10)) as f64),
        );
        if let Some(u) = url(&e.evidence) {
            attrs.q("URL", u);
        }
        if !e.directed {
            attrs.q("dir", "none");
        }
        if e.kinds == [EdgeKind::Place] {
            attrs.q("style", "dashed");
        } else if e.kinds == [EdgeKind::Date] {
            attrs.q("style", "dotted");
        }
    }
}

/// `source – target` labels of an edge, for tooltips.
fn edge_ends(view: &ViewGraph, edge: &petgraph::graph::EdgeReference<'_, Edge>) -> String {
    let g = &view.graph;
    let line = |i: NodeIndex| g[i].label.replace('\n', " ");
    format!("{} – {}", line(edge.source()), line(edge.target()))
}

fn write_legend(digraph: &mut Scope<'_, '_>, view: &ViewGraph) {
    let mut kinds: Vec<NodeKind> = match view.view {
        View::Actors => vec![NodeKind::Person, NodeKind::Organization, NodeKind::Place],
        View::Events => vec![
            NodeKind::Event,
            NodeKind::Person,
            NodeKind::Organization,
            NodeKind::Place,
            NodeKind::Date,
        ],
    };
    if view.graph.node_weights().any(|n| n.kind == NodeKind::Other) {
        kinds.push(NodeKind::Other);
    }
    let label = match view.view {
        View::Actors => "Legend\nedge label: roles, event types (n sentences)",
        View::Events => "Legend\nedges: solid actor, dashed place, dotted date",
    };
    let mut legend = digraph.cluster();
    legend
        .q("id", "legend")
        .q("label", label)
        .q("tooltip", label)
        .raw("fontsize", "10")
        .q("style", "rounded,dashed")
        .q("color", "#9e9e9e");
    let count = kinds.len();
    for (k, kind) in kinds.into_iter().enumerate() {
        let (shape, fill, border) = kind_style(kind);
        let mut n = legend.node_named(format!("legend{k}"));
        n.q("label", kind.name())
            .q("shape", shape)
            .q("fillcolor", fill)
            .q("color", border)
            .q("tooltip", &format!("Legend: {}", kind.name()))
            .raw("fontsize", "10");
        if kind == NodeKind::Event {
            n.q("style", "rounded,filled");
        }
    }
    if view.view == View::Actors {
        // fdp: keep the legend a compact row.
        let ids: Vec<String> = (0..count).map(|k| format!("legend{k}")).collect();
        chain(&mut legend, &ids, 1, "Legend");
    }
}
