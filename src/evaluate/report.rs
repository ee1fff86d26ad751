//! The evaluation report: scores, the lists of misses, a text table and JSON.

use super::gold::EntityType;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The whole result of [`super::evaluate`]. All lists are sorted; output is deterministic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Entity precision / recall / F1 per type and overall.
    pub entities: EntityScores,
    /// Gold entities matched by two or more typed graph entities.
    pub duplicates: Vec<Duplicate>,
    /// Recall of entity mentions (`nif:Phrase` + `itsrdf:taIdentRef`) per gold document.
    pub mentions: MentionScores,
    /// Recall of gold roles.
    pub roles: RecallScore,
    /// Event recall per gold event type and overall, lenient and strict.
    pub events: EventScores,
    /// Every non-optional gold entity without a match of the right type.
    pub missed_entities: Vec<MissedEntity>,
    /// Every typed graph entity matching no gold entity.
    pub false_positives: Vec<EntityRef>,
    /// Every gold role without a matching membership.
    pub missed_roles: Vec<MissedRole>,
    /// Every gold event missed leniently, or found leniently but missed strictly.
    pub missed_events: Vec<MissedEvent>,
}

/// Entity scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityScores {
    /// Keyed by `Person`, `Organization`, `Place`.
    pub per_type: BTreeMap<String, Prf>,
    /// All three types together (a graph entity with several types counts once).
    pub overall: Prf,
}

/// Precision, recall and F1 with the counts behind them.
///
/// Precision = `graph_matched / (graph_matched + false_positives)`: graph entities that match
/// only optional gold entities (`graph_optional_only`) count neither way. A graph entity
/// counts under a type when it has that type; it is "matched" when it matches any gold entity
/// (of any type). Recall = `gold_found / gold_required` (non-optional gold entities of that
/// type with a match of that type). An empty denominator gives 1.0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prf {
    /// Graph entities with this type.
    pub graph_entities: usize,
    /// Of those, matching a non-optional gold entity.
    pub graph_matched: usize,
    /// Of those, matching only optional gold entities.
    pub graph_optional_only: usize,
    /// Of those, matching no gold entity.
    pub false_positives: usize,
    /// Non-optional gold entities of this type.
    pub gold_required: usize,
    /// Of those, matched by a graph entity of the right type.
    pub gold_found: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

/// A graph entity, for lists.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EntityRef {
    /// Its label (smallest `rdfs:label`, else `skos:altLabel`).
    pub label: String,
    /// Its Person / Organization / Place types.
    pub types: Vec<EntityType>,
    /// Its IRI (a blank node as `_:id`).
    pub iri: String,
}

/// A gold entity matched by several graph entities.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Duplicate {
    /// Gold canonical name.
    pub gold: String,
    /// Gold type.
    pub gold_type: EntityType,
    /// The graph entities matching it (sorted).
    pub graph_entities: Vec<EntityRef>,
}

/// A count with its recall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecallScore {
    /// Gold items.
    pub total: usize,
    /// Gold items found.
    pub found: usize,
    /// `found / total` (1.0 when `total` is 0).
    pub recall: f64,
}

/// Mention recall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionScores {
    /// Keyed by the gold document reference (e.g. `"003"`).
    pub per_document: BTreeMap<String, RecallScore>,
    /// All documents together.
    pub overall: RecallScore,
    /// Every (entity, document) pair without a mention.
    pub missed: Vec<MissedMention>,
}

/// A gold entity not mentioned (as a `nif:Phrase`) in a document that mentions it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MissedMention {
    /// Gold document reference.
    pub document: String,
    /// Gold canonical name.
    pub entity: String,
}

/// Event recall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventScores {
    /// Keyed by the gold event type.
    pub per_type: BTreeMap<String, EventRecall>,
    /// All gold events.
    pub overall: EventRecall,
}

/// Lenient and strict recall of a set of gold events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecall {
    /// Gold events.
    pub total: usize,
    /// Found with the right type, actors and sentence.
    pub lenient_found: usize,
    /// Found leniently and with the right place and date (where the gold gives them).
    pub strict_found: usize,
    /// `lenient_found / total` (1.0 when `total` is 0).
    pub lenient_recall: f64,
    /// `strict_found / total` (1.0 when `total` is 0).
    pub strict_recall: f64,
}

/// A non-optional gold entity without a match of its type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MissedEntity {
    /// Gold type.
    pub entity_type: EntityType,
    /// Gold canonical name.
    pub name: String,
    /// Types of graph entities matching it by label (non-empty = found with the wrong type).
    pub found_as: Vec<EntityType>,
}

/// A gold role without a matching membership.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MissedRole {
    /// The person.
    pub person: String,
    /// The title.
    pub title: String,
    /// The organization.
    pub of: String,
    /// Other acceptable holders.
    pub also_of: Vec<String>,
}

/// A gold event that was not found (leniently, or only strictly).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MissedEvent {
    /// Gold id.
    pub id: String,
    /// Gold type.
    pub event_type: String,
    /// Gold document reference.
    pub document: String,
    /// True when it was found leniently and only the strict match failed.
    pub lenient_found: bool,
    /// Why the best candidate failed.
    pub reasons: Vec<MissReason>,
}

/// Why a gold event was missed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum MissReason {
    /// No event is asserted in / derived from a sentence of the document containing the evidence.
    NoEventAtEvidence,
    /// Events exist at the evidence, but none has the type (or an `also_types`).
    WrongType {
        /// The `ng:` class local names found there.
        found: Vec<String>,
    },
    /// Events of the right type exist there, but none has every gold actor.
    MissingActors {
        /// Gold actors missing from the best candidate.
        actors: Vec<String>,
    },
    /// The best lenient match has no `sem:hasPlace` matching the gold place.
    Place {
        /// Gold place.
        expected: String,
        /// Labels of the places found.
        found: Vec<String>,
    },
    /// The best lenient match has no `sem:hasTimeStamp` starting with the gold date.
    Date {
        /// Gold date.
        expected: String,
        /// Time stamps found.
        found: Vec<String>,
    },
}

impl std::fmt::Display for MissReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoEventAtEvidence => f.write_str("no event at evidence"),
            Self::WrongType { found } => write!(f, "wrong type (found {})", list(found)),
            Self::MissingActors { actors } => write!(f, "missing actors [{}]", actors.join(", ")),
            Self::Place { expected, found } => {
                write!(f, "place: expected {expected}, found {}", list(found))
            }
            Self::Date { expected, found } => {
                write!(f, "date: expected {expected}, found {}", list(found))
            }
        }
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

fn types(types: &[EntityType]) -> String {
    types
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join("/")
}

impl Report {
    /// Pretty-printed JSON (`--format json`).
    pub fn to_json(&self) -> String {
        // Serializing these plain structs cannot fail (string keys, finite or non-finite floats
        // are written by serde_json as null).
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// A readable fixed-width text table (`--format table`).
    pub fn to_table(&self) -> String {
        let mut o = String::new();
        let _ = self.write_table(&mut o);
        o
    }

    fn write_table(&self, o: &mut String) -> std::fmt::Result {
        writeln!(o, "ENTITIES")?;
        writeln!(
            o,
            "  {:<14} {:>6} {:>6} {:>5} {:>5} {:>6} {:>6} {:>7} {:>7} {:>7}",
            "type", "graph", "match", "opt", "FP", "gold", "found", "P", "R", "F1"
        )?;
        let rows = self
            .entities
            .per_type
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .chain(std::iter::once(("overall", &self.entities.overall)));
        for (name, p) in rows {
            writeln!(
                o,
                "  {:<14} {:>6} {:>6} {:>5} {:>5} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3}",
                name,
                p.graph_entities,
                p.graph_matched,
                p.graph_optional_only,
                p.false_positives,
                p.gold_required,
                p.gold_found,
                p.precision,
                p.recall,
                p.f1
            )?;
        }
        writeln!(o)?;
        writeln!(o, "DUPLICATES  {}", self.duplicates.len())?;
        for d in &self.duplicates {
            let graph: Vec<String> = d
                .graph_entities
                .iter()
                .map(|e| format!("{} {}", e.label, e.iri))
                .collect();
            writeln!(o, "  {} ({}): {}", d.gold, d.gold_type, graph.join("; "))?;
        }
        writeln!(o)?;
        writeln!(o, "MENTIONS")?;
        writeln!(
            o,
            "  {:<14} {:>6} {:>6} {:>7}",
            "document", "gold", "found", "R"
        )?;
        let rows = self
            .mentions
            .per_document
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .chain(std::iter::once(("overall", &self.mentions.overall)));
        for (name, r) in rows {
            writeln!(
                o,
                "  {:<14} {:>6} {:>6} {:>7.3}",
                name, r.total, r.found, r.recall
            )?;
        }
        writeln!(o)?;
        writeln!(o, "ROLES")?;
        writeln!(o, "  {:<14} {:>6} {:>6} {:>7}", "", "gold", "found", "R")?;
        writeln!(
            o,
            "  {:<14} {:>6} {:>6} {:>7.3}",
            "roles", self.roles.total, self.roles.found, self.roles.recall
        )?;
        writeln!(o)?;
        writeln!(o, "EVENTS")?;
        writeln!(
            o,
            "  {:<18} {:>6} {:>8} {:>7} {:>10} {:>9}",
            "type", "gold", "lenient", "strict", "R lenient", "R strict"
        )?;
        let rows = self
            .events
            .per_type
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .chain(std::iter::once(("overall", &self.events.overall)));
        for (name, e) in rows {
            writeln!(
                o,
                "  {:<18} {:>6} {:>8} {:>7} {:>10.3} {:>9.3}",
                name, e.total, e.lenient_found, e.strict_found, e.lenient_recall, e.strict_recall
            )?;
        }
        writeln!(o)?;
        writeln!(o, "MISSED ENTITIES  {}", self.missed_entities.len())?;
        for m in &self.missed_entities {
            if m.found_as.is_empty() {
                writeln!(o, "  {:<13} {}", m.entity_type.as_str(), m.name)?;
            } else {
                writeln!(
                    o,
                    "  {:<13} {}  (found as {})",
                    m.entity_type.as_str(),
                    m.name,
                    types(&m.found_as)
                )?;
            }
        }
        writeln!(o)?;
        writeln!(o, "FALSE POSITIVES  {}", self.false_positives.len())?;
        for e in &self.false_positives {
            writeln!(o, "  {:<13} {}  {}", types(&e.types), e.label, e.iri)?;
        }
        writeln!(o)?;
        writeln!(o, "MISSED MENTIONS  {}", self.mentions.missed.len())?;
        for m in &self.mentions.missed {
            writeln!(o, "  {:<13} {}", m.document, m.entity)?;
        }
        writeln!(o)?;
        writeln!(o, "MISSED ROLES  {}", self.missed_roles.len())?;
        for r in &self.missed_roles {
            if r.also_of.is_empty() {
                writeln!(o, "  {}: {} of {}", r.person, r.title, r.of)?;
            } else {
                writeln!(
                    o,
                    "  {}: {} of {} (or {})",
                    r.person,
                    r.title,
                    r.of,
                    r.also_of.join(", ")
                )?;
            }
        }
        writeln!(o)?;
        writeln!(o, "MISSED EVENTS  {}", self.missed_events.len())?;
        for e in &self.missed_events {
            let reasons: Vec<String> = e.reasons.iter().map(ToString::to_string).collect();
            writeln!(
                o,
                "  {:<24} {:<16} {:<7} {}{}",
                e.id,
                e.event_type,
                e.document,
                if e.lenient_found { "strict only: " } else { "" },
                reasons.join("; ")
            )?;
        }
        Ok(())
    }
}
