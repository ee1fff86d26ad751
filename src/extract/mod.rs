//! Extract: a [`Document`] → [`Extraction`] (entity mentions, roles, events, time).
//!
//! Everything is found from the text itself: capitalization, titles, organization and place
//! cues, nationality adjectives and the gazetteers and lexicons of `ontology/` (see
//! [`crate::lexicon`]). No model, no network. Mentions keep byte spans into the original text.

pub mod events;
pub mod mentions;
pub mod roles;
pub mod time;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::ingest::Document;
use crate::lexicon::{Lexicon, PlaceKind};
use crate::text::Span;

/// The three entity types of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organization.
    Organization,
    /// A place (country, city, region, named building …).
    Place,
}

impl EntityType {
    /// Lower-case name used in IRIs.
    pub fn slug(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
        }
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MentionKind {
    /// A proper name.
    Name,
    /// A name seen alone with no cue (a bare capitalized word); kept only if resolution links
    /// it to an entity named elsewhere.
    WeakName,
    /// A nationality adjective standing for its country ("Russian").
    Demonym,
    /// A description ("the Russian leader", "the envoy").
    Description,
    /// A personal pronoun at the start of a sentence.
    Pronoun,
}

/// One entity mention.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mention {
    /// Sentence index (0-based) in the document.
    pub sentence: usize,
    /// Bytes in the original text.
    pub span: Span,
    /// Surface form (the text at `span`, possessive excluded).
    pub surface: String,
    /// Entity type.
    pub etype: EntityType,
    /// Kind of mention.
    pub kind: MentionKind,
    /// Canonical name from a gazetteer (or the country of a demonym).
    pub canonical: Option<String>,
    /// Kind of gazetteer place.
    pub place_kind: Option<PlaceKind>,
    /// Gazetteer organization kind (`news`, `gov` …).
    pub org_kind: Option<String>,
    /// ISO code of the country the entity belongs to or stands for.
    pub country: Option<String>,
    /// For descriptions: the role word ("leader", "envoy").
    pub role_hint: Option<String>,
    /// For descriptions: the mention that qualifies the role ("Russian" in "the Russian leader").
    pub holder_hint: Option<usize>,
    /// Part of another mention's role phrase ("Russian" in "Russian President Vladimir
    /// Putin"): not an event argument on its own.
    pub consumed: bool,
    /// The word right before the mention, lower case ("in", "at", "to" …).
    pub prep: Option<String>,
    /// Followed by a possessive `'s`.
    pub possessive: bool,
    /// Token range `[first, last]` within its sentence.
    pub tokens: (usize, usize),
    /// The mention this one abbreviates ("JAXA" in "Japan Aerospace Exploration Agency (JAXA)").
    #[serde(default)]
    pub alias_of: Option<usize>,
}

/// A role held by a person ("Kremlin spokesperson Dmitry Peskov").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoleFact {
    /// Sentence index.
    pub sentence: usize,
    /// Mention index of the person.
    pub person: usize,
    /// Mention index of the organization, country or person the role is held for.
    pub holder: usize,
    /// Role label, lower case ("spokesperson", "special envoy").
    pub role: String,
    /// True when the text does not state the holder and extraction guessed it from context
    /// ("President Trump" in a story about the United States).
    #[serde(default)]
    pub guessed: bool,
}

/// The datatype of a time value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeKind {
    /// `xsd:date`
    Date,
    /// `xsd:gYearMonth`
    YearMonth,
    /// `xsd:gYear`
    Year,
}

/// A resolved time value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeValue {
    /// Lexical form (`2025-04-11`, `2025-04`, `2023`).
    pub lexical: String,
    /// Datatype.
    pub kind: TimeKind,
}

/// An event found in one sentence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventFact {
    /// Sentence index.
    pub sentence: usize,
    /// Event class local name (`Meeting`).
    pub event_type: String,
    /// The trigger as written.
    pub trigger: String,
    /// Bytes of the trigger.
    pub trigger_span: Span,
    /// Mention indices of agents.
    pub agents: Vec<usize>,
    /// Mention indices of other participants.
    pub participants: Vec<usize>,
    /// Mention index of the place.
    pub place: Option<usize>,
    /// When.
    pub time: Option<TimeValue>,
    /// Mention index of the source the claim is attributed to.
    pub reported_by: Option<usize>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Extraction {
    /// Mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Roles.
    pub roles: Vec<RoleFact>,
    /// Events.
    pub events: Vec<EventFact>,
}

/// Extract mentions, roles and events from a document.
pub fn extract(doc: &Document, lexicon: &Lexicon) -> Extraction {
    let doc_date = doc
        .meta
        .date
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let lower = doc.text.to_ascii_lowercase();
    let sentences: Vec<Vec<tokens::Token>> = doc
        .sentences
        .iter()
        .map(|s| tokens::tokenize(&doc.masked, &doc.text, &lower, *s))
        .collect();
    let doc_date = time::reference_date(&sentences, lexicon, doc_date);
    let mut ex = Extraction::default();
    let mut untethered = Vec::new();
    let mut names = mentions::DocNames::collect(&sentences, lexicon);
    let mut org_words = mentions::OrgWords::default();
    for (si, toks) in sentences.iter().enumerate() {
        let first = ex.mentions.len();
        names.find(si, toks, lexicon, &mut ex.mentions);
        roles::find(
            si,
            toks,
            lexicon,
            first,
            &mut ex.mentions,
            &mut ex.roles,
            &mut untethered,
        );
        mentions::org_anaphora(si, toks, first, &mut ex.mentions, &mut org_words);
        let times = time::find(toks, lexicon, doc_date);
        events::find(
            si,
            toks,
            lexicon,
            first,
            &ex.mentions,
            &times,
            &mut ex.events,
        );
    }
    roles::tether(&mut ex, untethered);
    ex
}

/// A readable listing of an extraction, sentence by sentence (for `newsgraph inspect`).
pub fn describe(doc: &Document, ex: &Extraction) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} date={:?} title={:?} author={:?} url={:?}",
        doc.rel_path, doc.meta.date, doc.meta.title, doc.meta.author, doc.meta.url
    );
    let name = |m: usize| {
        ex.mentions
            .get(m)
            .map_or(String::from("?"), |x| x.surface.clone())
    };
    for (si, span) in doc.sentences.iter().enumerate() {
        let _ = writeln!(out, "\n[{}] {}", si + 1, span.slice(&doc.text));
        for m in ex.mentions.iter().filter(|m| m.sentence == si) {
            let _ = writeln!(
                out,
                "    mention {:?} {:?} {:?}{}{}{}",
                m.surface,
                m.etype,
                m.kind,
                m.canonical
                    .as_ref()
                    .map(|c| format!(" = {c}"))
                    .unwrap_or_default(),
                if m.consumed {
                    " (in a role phrase)"
                } else {
                    ""
                },
                m.prep
                    .as_ref()
                    .map(|p| format!(" after {p:?}"))
                    .unwrap_or_default()
            );
        }
        for r in ex.roles.iter().filter(|r| r.sentence == si) {
            let _ = writeln!(
                out,
                "    role {} — {} of {}",
                name(r.person),
                r.role,
                name(r.holder)
            );
        }
        for e in ex.events.iter().filter(|e| e.sentence == si) {
            let _ = writeln!(
                out,
                "    event {} {:?}: agents [{}] participants [{}]{}{}{}",
                e.event_type,
                e.trigger,
                e.agents
                    .iter()
                    .map(|&m| name(m))
                    .collect::<Vec<_>>()
                    .join(", "),
                e.participants
                    .iter()
                    .map(|&m| name(m))
                    .collect::<Vec<_>>()
                    .join(", "),
                e.place
                    .map(|p| format!(" at {}", name(p)))
                    .unwrap_or_default(),
                e.time
                    .as_ref()
                    .map(|t| format!(" on {}", t.lexical))
                    .unwrap_or_default(),
                e.reported_by
                    .map(|r| format!(" (according to {})", name(r)))
                    .unwrap_or_default(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` ingested as a file and extracted with the built-in lexicon.
    fn extract_text(text: &str) -> Extraction {
        let lx = Lexicon::builtin().expect("lexicon");
        let doc = crate::ingest::ingest_bytes(
            std::path::Path::new("t.txt"),
            "t.txt",
            text.as_bytes(),
            lx,
        )
        .expect("ingest");
        extract(&doc, lx)
    }

    /// (event type, sorted agent surfaces) of each event of `text`.
    fn events_of(text: &str) -> Vec<(String, Vec<String>)> {
        let ex = extract_text(text);
        ex.events
            .iter()
            .map(|e| {
                let mut agents: Vec<String> = e
                    .agents
                    .iter()
                    .map(|&m| ex.mentions[m].surface.clone())
                    .collect();
                agents.sort();
                (e.event_type.clone(), agents)
            })
            .collect()
    }

    /// (event type, date) of each event of `text`.
    fn dates_of(text: &str) -> Vec<(String, Option<String>)> {
        extract_text(text)
            .events
            .into_iter()
            .map(|e| (e.event_type, e.time.map(|t| t.lexical)))
            .collect()
    }

    #[test]
    fn a_date_before_a_preposition_and_an_event_noun_stays_with_the_verb() {
        let doc = "Date: 2025-06-12\n\n";
        for s in [
            "Vidal was released on Wednesday after talks.",
            "Vidal was released on Wednesday amid protests.",
            "Vidal was released on Wednesday after the talks.",
        ] {
            let ev = dates_of(&format!("{doc}{s}"));
            assert!(
                ev.iter()
                    .any(|(ty, d)| ty == "Release" && d.as_deref() == Some("2025-06-11")),
                "{s}: {ev:?}"
            );
        }
    }

    #[test]
    fn police_is_no_name_and_an_arrest_keeps_who_was_held() {
        let ex = extract_text(
            "Date: 2025-06-12\n\nPolice arrested Maria Vidal on Monday.\n\nPolice Colonel Anucha Srisuwan spoke.",
        );
        let arrest = ex
            .events
            .iter()
            .find(|e| e.event_type == "Arrest")
            .expect("the arrest is kept");
        let names_in = |si: usize| -> Vec<&str> {
            ex.mentions
                .iter()
                .filter(|m| m.sentence == si)
                .map(|m| m.surface.as_str())
                .collect()
        };
        // "Police arrested …": the force, not a name; "Police Colonel …" keeps it (a title).
        assert_eq!(names_in(arrest.sentence), vec!["Maria Vidal"]);
        assert!(names_in(arrest.sentence + 1).contains(&"Police"));
        assert!(arrest.agents.is_empty());
        let held: Vec<&str> = arrest
            .participants
            .iter()
            .map(|&m| ex.mentions[m].surface.as_str())
            .collect();
        assert_eq!(held, vec!["Maria Vidal"]);
        // An arrest verb without a named person held or holding is no event.
        assert!(
            events_of("Date: 2025-06-12\n\nPolice arrested two men on Monday.")
                .iter()
                .all(|(ty, _)| ty != "Arrest")
        );
    }

    #[test]
    fn coordinated_subjects_keep_their_titles_apart() {
        for t in [
            "Ishiba and Marcos signed an agreement.",
            "Prime Minister Shigeru Ishiba and President Ferdinand Marcos signed an agreement.",
            "Japanese Prime Minister Shigeru Ishiba and Philippine President Ferdinand Marcos signed an agreement.",
        ] {
            let ev = events_of(t);
            assert!(
                ev.iter().any(|(ty, a)| ty == "Agreement"
                    && a.len() == 2
                    && a.iter().any(|x| x.ends_with("Marcos"))
                    && a.iter().any(|x| x.ends_with("Ishiba"))),
                "{t}: {ev:?}"
            );
        }
        // A title alone before the verb's subject joins nothing.
        let ev = events_of("The summit ended. President Ferdinand Marcos signed an agreement.");
        assert!(
            ev.iter().any(|(ty, a)| ty == "Agreement" && a.len() == 1),
            "{ev:?}"
        );
    }
}
