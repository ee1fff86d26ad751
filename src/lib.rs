//! newsgraph: news articles → a provenance-rich knowledge graph.
pub mod graph;
pub mod rdf;
