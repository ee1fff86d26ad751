//! newsgraph: news articles → a provenance-rich knowledge graph.
pub mod evaluate;
pub mod rdf;
