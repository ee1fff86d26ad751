//! The crate error: one variant per stage, each wrapping that stage's typed error.

use std::path::PathBuf;

/// Anything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or decoding one input file.
    #[error(transparent)]
    Ingest(#[from] crate::ingest::IngestError),
    /// The store (open, lock, load, write).
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// A SPARQL query.
    #[error(transparent)]
    Query(#[from] crate::store::QueryError),
    /// Lexicon or ontology data.
    #[error("lexicon {file}: {message}")]
    Lexicon {
        /// The data file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// Any other I/O on a path.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Something else, described.
    #[error("{0}")]
    Other(String),
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
