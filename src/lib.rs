//! newsgraph: news articles → a provenance-rich knowledge graph, offline and deterministic.
//!
//! The pipeline, one module per stage, plain data between them:
//! [`ingest`] (bytes → [`ingest::Document`]: original text, boilerplate masked without
//! shifting offsets, metadata, sentences) → [`extract`] (→ [`extract::Extraction`]: mentions,
//! roles, events, time) → [`resolve`] (all documents → [`resolve::Resolved`]: one entity per
//! real-world thing) → [`rdf`] (→ quads, one named graph per sentence, NIF offsets, PROV) →
//! [`store`] (Oxigraph, persisted) → [`export`] (RDF formats, canonical N-Quads) and
//! [`graph`] (Graphviz views). [`pipeline`] runs the stages; [`evaluate`] scores a store
//! against a gold file. The extraction data lives in `ontology/` ([`lexicon`]).

pub mod error;
pub mod evaluate;
pub mod explain;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod pipeline;
pub mod rdf;
pub mod resolve;
pub mod store;
pub mod text;

pub use error::{Error, Result};
