//! newsgraph: news articles → a provenance-rich knowledge graph.
pub mod rdf;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod text;

pub use error::{Error, Result};
