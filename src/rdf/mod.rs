//! RDF mapping of extracted facts.
pub mod vocab;
