//! Serde types for gold files in the `newsgraph-gold/1` format (see `../shared/eval/README.md`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The only gold format version this module understands.
pub const GOLD_FORMAT: &str = "newsgraph-gold/1";

/// Errors raised while reading a gold file.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The file could not be read.
    #[error("{}: cannot read gold file: {source}", path.display())]
    Io {
        /// The gold file.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid JSON or does not have the gold structure.
    #[error("{}:{line}:{column}: invalid gold file: {message}", path.display())]
    Parse {
        /// The gold file (or the name given to [`Gold::from_json_str`]).
        path: PathBuf,
        /// 1-based line of the error (0 when unknown).
        line: usize,
        /// 1-based column of the error (0 when unknown).
        column: usize,
        /// What serde reported.
        message: String,
    },
    /// The `format` field is not [`GOLD_FORMAT`].
    #[error("{}: unsupported gold format {found:?} (expected {GOLD_FORMAT:?})", path.display())]
    Format {
        /// The gold file.
        path: PathBuf,
        /// The format found in the file.
        found: String,
    },
}

/// A whole gold file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// Format identifier, `newsgraph-gold/1`.
    pub format: String,
    /// Free-text description of the annotation.
    #[serde(default)]
    pub about: String,
    /// File name → metadata found in the text.
    #[serde(default)]
    pub documents: BTreeMap<String, GoldDocument>,
    /// Entities a reader would list.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Roles held by persons.
    #[serde(default)]
    pub roles: Vec<GoldRole>,
    /// Key events.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    /// Names that stand for a country's government (e.g. "Kremlin" → "Russia").
    #[serde(default)]
    pub metonyms: BTreeMap<String, String>,
}

/// Metadata of one gold document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldDocument {
    /// Publication date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Author, when the text names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Title, when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Original URL, when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The type of a gold entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// `schema:Person`.
    Person,
    /// `schema:Organization`.
    Organization,
    /// `schema:Place` (countries, cities, regions, named buildings).
    Place,
}

impl EntityType {
    /// All types, in report order.
    pub const ALL: [EntityType; 3] = [Self::Person, Self::Organization, Self::Place];

    /// The name used in gold files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "Person",
            Self::Organization => "Organization",
            Self::Place => "Place",
        }
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One gold entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEntity {
    /// Canonical name.
    pub name: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Other surface forms used in the articles.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Documents (3-character prefixes or file names) mentioning it.
    #[serde(default)]
    pub documents: Vec<String>,
    /// Boilerplate, credits, bylines: neither required nor penalised.
    #[serde(default)]
    pub optional: bool,
}

/// One gold role: `person` is `title` of `of`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldRole {
    /// The person holding the role.
    pub person: String,
    /// The role title ("President", "special envoy").
    pub title: String,
    /// The organization (or person, or country) the role is of.
    pub of: String,
    /// Other acceptable holders of the role.
    #[serde(default)]
    pub also_of: Vec<String>,
    /// Documents stating the role.
    #[serde(default)]
    pub documents: Vec<String>,
}

/// One gold event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    /// Identifier, unique in the file.
    pub id: String,
    /// The document (3-character prefix or file name) it comes from.
    pub document: String,
    /// Event class local name (PRODUCT.md §3), e.g. `Meeting`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Other acceptable class local names.
    #[serde(default)]
    pub also_types: Vec<String>,
    /// Entity names; all must be participants.
    #[serde(default)]
    pub actors: Vec<String>,
    /// Where it happened, when given.
    #[serde(default)]
    pub place: Option<String>,
    /// When it happened (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), when given.
    #[serde(default)]
    pub date: Option<String>,
    /// An exact substring of the sentence the event comes from.
    pub evidence: String,
}

impl Gold {
    /// Reads and parses a gold file; errors name the file and, for syntax or structure
    /// errors, serde's line and column.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, GoldError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_json_str(&text, path)
    }

    /// Parses gold JSON; `name` is used in error messages.
    pub fn from_json_str(text: &str, name: impl AsRef<Path>) -> Result<Self, GoldError> {
        let path = name.as_ref().to_path_buf();
        let gold: Gold = serde_json::from_str(text).map_err(|e| GoldError::Parse {
            path: path.clone(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        if gold.format != GOLD_FORMAT {
            return Err(GoldError::Format {
                path,
                found: gold.format,
            });
        }
        Ok(gold)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_seed_gold_file() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/eval/seeds.gold.json"
        );
        let gold = Gold::from_path(path).expect("seed gold parses");
        assert_eq!(gold.format, GOLD_FORMAT);
        assert_eq!(gold.documents.len(), 5);
        assert!(gold.entities.len() >= 10);
        assert!(gold.entities.iter().any(|e| e.optional));
        assert!(!gold.roles.is_empty());
        assert!(gold.events.iter().any(|e| !e.also_types.is_empty()));
        assert_eq!(
            gold.metonyms.get("Kremlin").map(String::as_str),
            Some("Russia")
        );
    }

    #[test]
    fn syntax_error_names_file_line_and_column() {
        let err = Gold::from_json_str(
            "{\n  \"format\": \"newsgraph-gold/1\",\n  \"entities\": [}\n",
            "g.json",
        )
        .expect_err("invalid JSON");
        match &err {
            GoldError::Parse {
                path, line, column, ..
            } => {
                assert_eq!(path, Path::new("g.json"));
                assert_eq!(*line, 3);
                assert!(*column > 0);
            }
            other => panic!("unexpected error {other:?}"),
        }
        assert!(err.to_string().starts_with("g.json:3:"), "{err}");
    }

    #[test]
    fn bad_entity_type_is_a_parse_error() {
        let text = r#"{"format":"newsgraph-gold/1","entities":[{"name":"X","type":"Thing"}]}"#;
        assert!(matches!(
            Gold::from_json_str(text, "g.json"),
            Err(GoldError::Parse { .. })
        ));
    }

    #[test]
    fn wrong_format_is_rejected() {
        let err = Gold::from_json_str(r#"{"format":"other/2"}"#, "g.json").expect_err("format");
        assert!(matches!(err, GoldError::Format { ref found, .. } if found == "other/2"));
    }

    #[test]
    fn missing_file_is_an_io_error_naming_it() {
        let err = Gold::from_path("/nonexistent/gold.json").expect_err("missing");
        assert!(err.to_string().contains("/nonexistent/gold.json"));
    }
}
