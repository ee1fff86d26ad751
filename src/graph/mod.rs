//! Graphviz views of the knowledge graph, with provenance on every node and edge.
//!
//! Three steps, each usable on its own:
//!
//! 1. [`build_view`] reads an Oxigraph [`Store`](oxigraph::store::Store) with SPARQL (the union
//!    of all named graphs is the default graph, as in `docs/RDF-MODEL.md`) and builds a
//!    [`ViewGraph`]: a petgraph [`DiGraph`] of plain-data [`Node`]s and [`Edge`]s, each carrying
//!    the [`Evidence`] (source file, sentence number, sentence text) that supports it.
//!    Nothing here looks at extractor internals: only the RDF contract is used.
//! 2. [`to_dot`] writes the view as DOT text (through `dot-writer`, with all attribute values
//!    escaped by this module). The output is deterministic: the same store and options give
//!    byte-identical DOT.
//! 3. [`render`] runs Graphviz `dot` on a DOT file to produce SVG or PNG.
//!
//! Two views exist ([`View`]):
//! - **actors**: people, organizations and places as nodes (shape and color by type, size by
//!   the number of mentions); edges are roles (`org:Membership`, member → organization, labeled
//!   with the role) and shared events (two participants — `sem:hasActor` or `sem:hasPlace` — of
//!   the same `sem:Event`, labeled with the event types). Parallel edges between the same pair
//!   are merged into one edge whose label combines all labels and whose evidence is the union of
//!   the supporting sentences; `weight` and `penwidth` grow with that evidence.
//! - **events**: events as nodes (label `Type\nDate`), linked to their actors, their place and
//!   their date; clustered by source document ([`Cluster::Document`]) or laid out along a
//!   date spine ([`Cluster::Date`]).
//!
//! In the SVG rendered from the DOT text, every node and edge has a tooltip listing its
//! supporting sentences (`file #n: text`) and links (`URL`) to its source file (the document's
//! `ng:sourcePath`, as stored).
//!
//! Filters ([`ViewOptions`]): event types, a date range, a minimum number of supporting
//! sentences per edge, a focus entity with a neighbourhood depth, and a limit on the number
//! of entities or events shown (the best-evidenced ones; [`DEFAULT_MAX_NODES`] in the CLI),
//! which keeps large corpora drawable. [`render`] runs Graphviz with a time limit
//! ([`DEFAULT_RENDER_TIMEOUT`]).

mod dot;
mod model;
mod render;

use std::path::PathBuf;

pub use petgraph::graph::{DiGraph, NodeIndex};

pub use self::dot::to_dot;
pub use self::model::{build_view, build_view_from, ViewData, ViewDataBuilder};
pub use self::render::{render, render_with_timeout, DEFAULT_RENDER_TIMEOUT, FORMATS};

/// Which view to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// People, organizations and places, linked by roles and shared events.
    #[default]
    Actors,
    /// Events, linked to their actors, places and dates.
    Events,
}

/// How the events view groups its event nodes (ignored by the actors view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cluster {
    /// One Graphviz cluster per source document; entities and dates stay outside clusters.
    #[default]
    Document,
    /// Events ordered along a spine of dates (one rank per date).
    Date,
}

/// What to show. `Default` gives the actors view, clustered by document, no focus, depth 1,
/// every edge (minimum evidence 1), all event types, no date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewOptions {
    /// The view to build.
    pub view: View,
    /// Grouping of the events view.
    pub cluster: Cluster,
    /// Show only the neighbourhood of this entity, matched case-insensitively (after Unicode
    /// NFKC normalization, ignoring punctuation and repeated spaces) against `rdfs:label` and
    /// `skos:altLabel`. Every matching entity is a focus.
    pub focus: Option<String>,
    /// Neighbourhood size around the focus, in entity-to-entity steps (in the events view,
    /// going through an event node does not count as a step, so depth 1 shows the focus, its
    /// events and their other actors, places and dates).
    pub depth: usize,
    /// Drop edges supported by fewer distinct sentences than this; when greater than 1, nodes
    /// left without any edge are dropped too (except the focus).
    pub min_evidence: usize,
    /// Keep only events having one of these classes (local names such as `Meeting`,
    /// compared case-insensitively). Empty: all events. Memberships are not events and are
    /// not filtered by this.
    pub types: Vec<String>,
    /// Keep only events whose `sem:hasTimeStamp` is on or after this date (`YYYY`, `YYYY-MM`
    /// or `YYYY-MM-DD`; compared on the common lexical prefix). Undated events are dropped
    /// when `since` or `until` is given.
    pub since: Option<String>,
    /// Keep only events whose `sem:hasTimeStamp` is on or before this date (see `since`).
    pub until: Option<String>,
    /// Show at most this many entities (actors view) or events (events view): the ones with
    /// the most supporting sentences (ties: by IRI); the events view then shows the actors,
    /// places and dates of the events kept. The focus is always kept. 0: no limit. Applied
    /// after all other filters. When it cuts the actors view, at most 3 edges per entity shown
    /// are kept (the best-evidenced). What was cut is recorded in [`ViewGraph::cut`] and
    /// written into the DOT (a comment and the graph title).
    pub max_nodes: usize,
}

/// The `max_nodes` that `newsgraph build` and `newsgraph dot` use unless told otherwise:
/// large enough for every view of the seeds to be complete, small enough for Graphviz to lay
/// the view out in seconds.
pub const DEFAULT_MAX_NODES: usize = 150;

impl Default for ViewOptions {
    fn default() -> Self {
        Self {
            view: View::Actors,
            cluster: Cluster::Document,
            focus: None,
            depth: 1,
            min_evidence: 1,
            types: Vec::new(),
            since: None,
            until: None,
            max_nodes: 0,
        }
    }
}

/// The kind of a node, which decides its shape and color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// A `schema:Person`.
    Person,
    /// A `schema:Organization`.
    Organization,
    /// A `schema:Place`.
    Place,
    /// A `sem:Event`.
    Event,
    /// A date (a distinct `sem:hasTimeStamp` value), in the events view.
    Date,
    /// An actor without any of the three entity types.
    Other,
}

impl NodeKind {
    /// A human-readable name of the kind (used in the legend).
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Organization => "Organization",
            NodeKind::Place => "Place",
            NodeKind::Event => "Event",
            NodeKind::Date => "Date",
            NodeKind::Other => "Other",
        }
    }
}

/// One sentence supporting a node or an edge.
///
/// Ordered by file, then sentence number, so sorted evidence reads in document order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    /// The source file, as stored in the document's `ng:sourcePath` (relative to the input
    /// root); falls back to `dcterms:source`, then to the document IRI.
    pub file: String,
    /// The 1-based sentence number (`ng:sentenceIndex`).
    pub sentence_index: u64,
    /// The sentence text (`nif:anchorOf`).
    pub text: String,
    /// The sentence IRI.
    pub sentence: String,
    /// The document IRI (`nif:referenceContext` of the sentence).
    pub document: String,
}

/// A node of a view: plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The IRI of the entity or event; for date nodes `date:` followed by the date literal.
    pub id: String,
    /// The label shown (entity: `rdfs:label`; event: types and date; date: the date).
    pub label: String,
    /// The kind of node.
    pub kind: NodeKind,
    /// For events: the local names of its classes other than `sem:Event`, sorted.
    pub types: Vec<String>,
    /// For events and dates: the (smallest) `sem:hasTimeStamp` lexical value.
    pub date: Option<String>,
    /// For entities: the number of distinct mentions (`itsrdf:taIdentRef`) in the store.
    pub mentions: usize,
    /// The supporting sentences, sorted and without duplicates: mention sentences for
    /// entities, `prov:wasDerivedFrom` sentences for events, the events' sentences for dates.
    pub evidence: Vec<Evidence>,
}

/// What an edge stands for; a merged edge can have several kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// An `org:Membership` (member → organization).
    Role,
    /// Two participants of the same event (actors view).
    SharedEvent,
    /// Event → one of its `sem:hasActor` (events view).
    Actor,
    /// Event → its `sem:hasPlace` (events view).
    Place,
    /// Event → its date (events view).
    Date,
}

/// An edge of a view: plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// What the edge stands for, sorted, without duplicates.
    pub kinds: Vec<EdgeKind>,
    /// The labels combined into this edge (role labels, event types, `actor`/`place`/`date`),
    /// sorted, without duplicates.
    pub labels: Vec<String>,
    /// False when the edge only links participants of shared events (drawn without arrow).
    pub directed: bool,
    /// The supporting sentences, sorted and without duplicates.
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// The number of distinct supporting sentences.
    pub fn weight(&self) -> usize {
        self.evidence.len()
    }

    /// The labels joined with `", "`.
    pub fn label(&self) -> String {
        self.labels.join(", ")
    }
}

/// A view built from a store, ready to be written as DOT.
///
/// Node indices follow the IRIs' sorted order (entities and events first, then dates), and
/// edges are sorted by (source, target) index, so the DOT output is deterministic.
#[derive(Debug, Clone)]
pub struct ViewGraph {
    /// The graph. Undirected-ish edges (shared events) still have a source and a target:
    /// the smaller and the greater IRI.
    pub graph: DiGraph<Node, Edge>,
    /// The view this graph was built for.
    pub view: View,
    /// The requested grouping (used by the events view).
    pub cluster: Cluster,
    /// The focus nodes, if a focus was requested.
    pub focus: Vec<NodeIndex>,
    /// What [`ViewOptions::max_nodes`] cut, if it cut anything.
    pub cut: Option<Cut>,
}

/// What the [`ViewOptions::max_nodes`] limit left out of a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// The limit.
    pub max_nodes: usize,
    /// The entities (actors view) or events (events view) shown.
    pub shown: usize,
    /// The entities or events there were before the cut (after the other filters).
    pub total: usize,
    /// The edges dropped with them.
    pub edges_dropped: usize,
}

impl Cut {
    /// One line saying what was cut, e.g. `showing the 150 best-evidenced of 2345 entities
    /// (4321 edges left out; --max-nodes 0 shows all)`.
    pub fn describe(&self, view: View) -> String {
        let what = match view {
            View::Actors => "entities",
            View::Events => "events",
        };
        format!(
            "showing the {} best-evidenced of {} {what} ({} edges left out; --max-nodes 0 shows all)",
            self.shown, self.total, self.edges_dropped
        )
    }
}

/// Errors of the Graphviz views.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// A SPARQL query on the store failed.
    #[error("querying the store for the graph view failed: {0}")]
    Query(String),
    /// Reading or writing a file failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// Reading the store's snapshot failed.
    #[error("{0}")]
    Store(#[from] crate::store::StoreError),
    /// The focus matched no entity label.
    #[error("no person, organization or place is labeled {0:?} (rdfs:label or skos:altLabel)")]
    FocusNotFound(String),
    /// Graphviz is not installed.
    #[error(
        "Graphviz `dot` was not found on PATH; install Graphviz \
         (Debian/Ubuntu: `apt-get install graphviz`, macOS: `brew install graphviz`, \
         others: https://graphviz.org/download/) or render the .dot file elsewhere"
    )]
    DotMissing,
    /// Graphviz did not finish in time and was stopped (the DOT file is still there).
    #[error(
        "Graphviz `dot` did not finish within {seconds} s on {} and was stopped; the DOT file \
         is written: draw fewer nodes (--max-nodes, --focus, --min-evidence) or run `dot` on it \
         yourself",
        file.display()
    )]
    DotTimeout {
        /// The DOT file.
        file: PathBuf,
        /// The time limit, in seconds.
        seconds: f64,
    },
    /// Graphviz ran but failed (its message), or the output format is not supported.
    #[error("Graphviz `dot` failed: {0}")]
    DotFailed(String),
}

/// The output path [`render`] writes for `dot_file` and `format`: the same path with the
/// format as extension.
pub fn rendered_path(dot_file: &std::path::Path, format: &str) -> PathBuf {
    dot_file.with_extension(format)
}

#[cfg(test)]
mod tests;
