//! `newsgraph evaluate`: scores a store against a gold file (`newsgraph-gold/1`) with the
//! matching rules of `../shared/eval/README.md`.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use newsgraph::evaluate::{evaluate, Gold};
//! let store = oxigraph::store::Store::new()?;
//! let gold = Gold::from_path("../shared/eval/seeds.gold.json")?;
//! let report = evaluate(&store, &gold)?;
//! println!("{}", report.to_table());
//! # Ok(()) }
//! ```

pub mod gold;
pub mod graph;
pub mod normalize;
pub mod report;
pub mod score;

pub use gold::{EntityType, Gold, GoldError};
pub use normalize::normalize_name;
pub use report::Report;

use oxigraph::sparql::{QueryEvaluationError, SparqlSyntaxError};

/// Errors raised by [`evaluate`].
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file could not be read.
    #[error(transparent)]
    Gold(#[from] GoldError),
    /// An internal query did not parse (a bug).
    #[error("evaluate: query for {what} does not parse: {source}")]
    QuerySyntax {
        /// What the query reads.
        what: &'static str,
        /// The parser's error.
        #[source]
        source: SparqlSyntaxError,
    },
    /// Reading the store failed.
    #[error("evaluate: reading {what} from the store failed: {source}")]
    Query {
        /// What the query reads.
        what: &'static str,
        /// The evaluation error.
        #[source]
        source: QueryEvaluationError,
    },
}

/// Scores the store (default graph = union of its named graphs) against a gold file.
pub fn evaluate(store: &oxigraph::store::Store, gold: &Gold) -> Result<Report, EvalError> {
    let data = graph::GraphData::load(store)?;
    Ok(score::score(&data, gold))
}

#[cfg(test)]
mod tests;
