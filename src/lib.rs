//! newsgraph: news articles → a provenance-rich knowledge graph.
pub mod export;
pub mod rdf;
