//! Events from trigger words of `ontology/lexicon/events.tsv`, with their agents, other
//! participants, place, time and the source the claim is attributed to.

use rustc_hash::FxHashMap;

use super::mentions;
use super::time::TimeExpr;
use super::tokens::{TokKind, Token};
use super::{EntityType, EventFact, Mention, MentionKind};
use crate::lexicon::{Frame, Lexicon, PlaceKind};
use crate::text::Span;

/// Words that open a new clause.
const SUBORDINATORS: &[&str] = &[
    "citing",
    "according",
    "after",
    "before",
    "when",
    "while",
    "because",
    "although",
    "though",
    "whereas",
    "but",
    "which",
    "who",
    "whom",
    "whose",
    "saying",
    "noting",
    "adding",
    "warning",
    "calling",
    "where",
    "if",
    "unless",
    "until",
    "amid",
];
/// Prepositions that introduce a place rather than a participant.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "inside", "outside", "across", "on", "over",
    "toward", "towards",
];
/// Prepositions before the place of an event.
const LOCATIVE: &[&str] = &["in", "at", "near", "inside", "outside"];
/// Words between a light verb and its event noun ("held *a* meeting").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "this", "that", "these", "those", "two",
    "new",
];
/// Adjectives that may sit before an event noun or a group noun.
const MODIFIER_ADJ: &[&str] = &[
    "first",
    "second",
    "third",
    "latest",
    "last",
    "recent",
    "separate",
    "partial",
    "full",
    "brief",
    "direct",
    "further",
    "fresh",
    "formal",
    "informal",
    "secret",
    "private",
    "official",
    "other",
    "face-to-face",
    "bilateral",
    "high-level",
    "diplomatic",
    "military",
    "economic",
    "senior",
    "top",
    "state",
    "government",
    "several",
    "many",
    "some",
];
/// Verbs whose object noun names the event ("held talks").
const LIGHT_VERBS: &[&str] = &[
    "held",
    "hold",
    "holds",
    "holding",
    "had",
    "have",
    "has",
    "having",
    "carried",
    "conducted",
    "conduct",
    "signed",
    "sign",
    "reached",
    "reach",
    "imposed",
    "impose",
    "launched",
    "launch",
    "made",
    "make",
    "makes",
    "issued",
    "wrapped",
    "concluded",
    "attended",
    "attend",
    "joined",
    "began",
    "begin",
    "started",
    "opened",
    "completed",
    "staged",
    "led",
    "announced",
    "out",
    "up",
];
/// Nouns for groups that a nationality adjective can make an actor ("Russian officials").
const GROUP_NOUNS: &[&str] = &[
    "officials",
    "official",
    "forces",
    "troops",
    "authorities",
    "diplomats",
    "negotiators",
    "leaders",
    "delegation",
    "delegations",
    "government",
    "military",
    "side",
    "army",
    "navy",
    "police",
    "investigators",
    "prosecutors",
    "lawmakers",
    "ministers",
    "envoys",
    "counterparts",
    "soldiers",
    "regulators",
    "team",
    "teams",
    "administration",
    "movement",
    "rebels",
    "party",
    "coalition",
    "group",
    "militia",
    "fighters",
    "board",
    "ministry",
    "council",
    "committee",
    "company",
    "firm",
    "club",
    "federation",
];
/// Words between a subject and its verb: auxiliaries, adverbs, "is expected to".
const AUX_ADV: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "earlier",
    "previously",
    "again",
    "further",
    "repeatedly",
    "reportedly",
    "firmly",
    "only",
    "never",
    "not",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
    "did",
    "does",
    "do",
    "already",
    "publicly",
    "privately",
    "separately",
    "recently",
    "once",
    "still",
    "just",
    "finally",
    "initially",
    "formally",
    "officially",
    "to",
    "expected",
    "scheduled",
    "due",
    "set",
    "likely",
    "able",
    "going",
    "planned",
    "plans",
    "planning",
    "wants",
    "wanted",
    "hoped",
    "hopes",
    "sought",
    "seeks",
    "tried",
    "tries",
    "trying",
    "continue",
    "continues",
    "continued",
    "decided",
    "ready",
    "willing",
    "now",
    "immediately",
    "jointly",
    "personally",
    "directly",
    "himself",
    "herself",
    "themselves",
    "itself",
    "yesterday",
    "today",
    "on",
    "last",
    "week",
    "month",
    "year",
    "this",
    "quickly",
    "swiftly",
    "strongly",
    "sharply",
    "openly",
    "subsequently",
    "eventually",
    "ultimately",
    "apparently",
    "allegedly",
    "briefly",
    "first",
    "both",
    "all",
    "each",
    "who",
    "which",
    "that",
    "promised",
    "vowed",
    "pledged",
    "intends",
    "intended",
    "aims",
    "aimed",
    "offered",
    "prepared",
    "preparing",
    "hoping",
    "appeared",
    "seemed",
    "agreed",
    "managed",
    "failed",
    "refused",
    "declined",
];
/// Prepositions (a verb followed by one has no direct object).
const PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "on",
    "with",
    "to",
    "for",
    "from",
    "by",
    "of",
    "about",
    "over",
    "after",
    "before",
    "during",
    "since",
    "until",
    "into",
    "onto",
    "near",
    "without",
    "again",
    "and",
    "or",
    "but",
    "as",
    "that",
    "this",
    "last",
    "next",
    "later",
    "earlier",
    "yesterday",
    "today",
];
/// Words that make the event noun after them hypothetical.
const HYPOTHETICAL: &[&str] = &[
    "possible",
    "potential",
    "future",
    "proposed",
    "prospective",
    "hypothetical",
    "possibility",
    "eventual",
    "planned",
];
/// Nouns that a place name can modify without acting ("the Ukraine conflict").
const MODIFIED_NOUNS: &[&str] = &[
    "conflict",
    "war",
    "crisis",
    "border",
    "front",
    "frontline",
    "peace",
    "settlement",
    "question",
    "issue",
    "policy",
    "file",
    "dossier",
];
/// Event types that need a person among their actors.
const PERSON_EVENTS: &[&str] = &["Release", "PrisonerExchange", "Appointment"];
/// Words that make a bare "exchange" or "swap" an exchange of prisoners.
const CAPTIVE_WORDS: &[&str] = &[
    "prisoner",
    "prisoners",
    "detainee",
    "detainees",
    "captive",
    "captives",
    "hostage",
    "hostages",
    "prisoner-swap",
    "jailed",
    "detained",
    "freed",
    "released",
    "release",
];
/// Verbs that attribute a report to a source.
const REPORT_VERBS: &[&str] = &[
    "reported",
    "reports",
    "reporting",
    "cited",
    "citing",
    "cites",
    "said",
    "says",
    "quoted",
];

/// Bits of [`word_bits`]: which of the word lists above a word is in.
const SUBORDINATOR: u8 = 1;
const DETERMINER: u8 = 1 << 1;
const MODIFIER: u8 = 1 << 2;
const LIGHT_VERB: u8 = 1 << 3;
const GROUP_NOUN: u8 = 1 << 4;
const AUX: u8 = 1 << 5;
const PREPOSITION: u8 = 1 << 6;
/// The first word of an event trigger of the lexicon.
const TRIGGER_FIRST: u8 = 1 << 7;

/// The lists [`SUBORDINATORS`], [`DETERMINERS`], [`MODIFIER_ADJ`], [`LIGHT_VERBS`],
/// [`GROUP_NOUNS`], [`AUX_ADV`] and [`PREPOSITIONS`] and the lexicon's trigger first words
/// (`trigger_first`) as one map of lower-case word → bits (kept in the lexicon), so that a
/// sentence's words are looked up once ([`word_classes`]).
pub(crate) fn word_bits<S: AsRef<str>>(
    trigger_first: impl IntoIterator<Item = S>,
) -> FxHashMap<String, u8> {
    let mut m: FxHashMap<String, u8> = FxHashMap::default();
    for (list, bit) in [
        (SUBORDINATORS, SUBORDINATOR),
        (DETERMINERS, DETERMINER),
        (MODIFIER_ADJ, MODIFIER),
        (LIGHT_VERBS, LIGHT_VERB),
        (GROUP_NOUNS, GROUP_NOUN),
        (AUX_ADV, AUX),
        (PREPOSITIONS, PREPOSITION),
    ] {
        for w in list {
            *m.entry((*w).to_string()).or_default() |= bit;
        }
    }
    for w in trigger_first {
        *m.entry(w.as_ref().to_string()).or_default() |= TRIGGER_FIRST;
    }
    m
}

/// The [`word_bits`] of each token (none for punctuation and possessives: the lists hold
/// words only).
fn word_classes(toks: &[Token], lx: &Lexicon) -> Vec<u8> {
    toks.iter()
        .map(|t| {
            if t.is_word() {
                lx.event_word_bits
                    .get(t.lower.as_str())
                    .copied()
                    .unwrap_or(0)
            } else {
                0
            }
        })
        .collect()
}

fn mention_at(toks_len: usize, first: usize, mentions: &[Mention]) -> Vec<Option<usize>> {
    let mut at = vec![None; toks_len];
    // Names first, then descriptions over them.
    for pass in [false, true] {
        for (i, m) in mentions.iter().enumerate().skip(first) {
            if (m.kind == MentionKind::Description) != pass {
                continue;
            }
            for slot in at
                .iter_mut()
                .take(m.tokens.1.min(toks_len.saturating_sub(1)) + 1)
                .skip(m.tokens.0)
            {
                *slot = Some(i);
            }
        }
    }
    at
}

fn is_reporter(m: &Mention) -> bool {
    m.etype == EntityType::Organization || m.etype == EntityType::Person
}

/// True when `m` can take part in an event as an actor (not a place).
fn eligible_actor(m: &Mention) -> bool {
    if m.consumed {
        return false;
    }
    match m.etype {
        EntityType::Person | EntityType::Organization => true,
        EntityType::Place => {
            let actorish = m.kind == MentionKind::Demonym
                || matches!(
                    m.place_kind,
                    Some(PlaceKind::Country) | Some(PlaceKind::City)
                );
            actorish
                && m.kind != MentionKind::WeakName
                && !m.prep.as_deref().is_some_and(|p| PLACE_PREPS.contains(&p))
        }
    }
}

/// Find the events of sentence `si` (whose mentions start at index `first`).
pub fn find(
    si: usize,
    toks: &[Token],
    lx: &Lexicon,
    first: usize,
    mentions: &[Mention],
    times: &[TimeExpr],
    out: &mut Vec<EventFact>,
) {
    if toks.is_empty() {
        return;
    }
    let at = mention_at(toks.len(), first, mentions);
    let cls = word_classes(toks, lx);
    // All trigger hits first (longest match, not inside a name).
    struct Hit<'l> {
        trigger: &'l crate::lexicon::Trigger,
        a: usize,
        b: usize,
        /// For a noun after a light or event verb ("held talks"): where its clause's subject
        /// search starts.
        verb_at: Option<usize>,
        suppressed: bool,
    }
    let mut hits: Vec<Hit> = Vec::new();
    let mut key = String::with_capacity(64);
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_word() || at[i].is_some() {
            i += 1;
            continue;
        }
        if cls[i] & TRIGGER_FIRST == 0 {
            i += 1;
            continue;
        }
        // The look-up key: the words so far joined by single spaces (the form of
        // `Lexicon::trigger_index`).
        key.clear();
        let mut n_words = 0;
        let mut hit = None;
        let mut k = i;
        while k < toks.len()
            && n_words < lx.max_trigger_tokens
            && toks[k].is_word()
            && at[k].is_none()
        {
            if n_words > 0 {
                key.push(' ');
            }
            key.push_str(toks[k].lower.as_str());
            n_words += 1;
            // A form that is both a noun and a verb ("visit", "talks"): a noun after an article,
            // a possessive or an adjective, else a verb.
            let before = i.checked_sub(1).map(|p| &toks[p]);
            let noun_context = before.is_some_and(|b| {
                b.kind == TokKind::Possessive
                    || cls[i - 1] & (DETERMINER | MODIFIER) != 0
                    || matches!(
                        b.lower.as_str(),
                        "of" | "for" | "in" | "after" | "during" | "amid" | "before" | "with"
                    )
                    || at[i - 1].is_some()
            });
            let (v, n) = (
                lx.trigger_index.get(key.as_str()),
                lx.noun_trigger_index.get(key.as_str()),
            );
            let pick = match (v, n) {
                (Some(v), Some(n)) => Some(if noun_context { n } else { v }),
                (v, n) => v.or(n),
            };
            if let Some(tr) = pick {
                hit = Some((tr, k));
            }
            k += 1;
        }
        match hit {
            Some((trigger, b)) => {
                hits.push(Hit {
                    trigger,
                    a: i,
                    b,
                    verb_at: None,
                    suppressed: false,
                });
                i = b + 1;
            }
            None => i += 1,
        }
    }
    // Every event comes from a trigger: a sentence without one needs no sources or clauses.
    if hits.is_empty() {
        return;
    }
    // Sources: "according to X", "X reported", "X, citing …".
    let mut reporters: Vec<usize> = Vec::new();
    for (i, m) in mentions.iter().enumerate().skip(first) {
        if !is_reporter(m) || m.kind == MentionKind::Description || m.kind == MentionKind::Pronoun {
            continue;
        }
        let (a, b) = m.tokens;
        let news = m.org_kind.as_deref() == Some("news");
        let next = |k: usize| toks.get(b + k).map(|t| t.lower.as_str()).unwrap_or("");
        let reports_after = matches!(next(1), "reported" | "reports" | "cited" | "quoted")
            || (next(1) == "," && next(2) == "citing")
            || (news && REPORT_VERBS.contains(&next(1)));
        let according = (a >= 2 && toks[a - 2].lower == "according" && toks[a - 1].lower == "to")
            || (news
                && toks[..a]
                    .windows(2)
                    .rposition(|w| w[0].lower == "according" && w[1].lower == "to")
                    .is_some_and(|p| {
                        // no other actor between "according to" and the source
                        ((p + 2)..a).all(|k| {
                            at[k].is_none_or(|x| {
                                mentions[x].kind == MentionKind::Demonym
                                    || mentions[x].etype == EntityType::Place
                            })
                        })
                    }));
        if reports_after || according {
            reporters.push(i);
        }
    }
    let reported_by = reporters.first().copied();
    // Clause boundaries.
    let mut boundary = vec![false; toks.len()];
    for (i, t) in toks.iter().enumerate() {
        let next = toks.get(i + 1);
        boundary[i] = match t.kind {
            TokKind::Punct if matches!(t.text, "“" | "”" | "\"") => {
                // A quoted word or two ("decisive") does not open a clause; a quotation does.
                let quote = |k: usize| matches!(toks[k].text, "“" | "”" | "\"");
                let near_after = (i + 1..toks.len().min(i + 5)).any(quote);
                let near_before = (i.saturating_sub(4)..i).any(quote);
                !(near_after || near_before)
            }
            TokKind::Punct => matches!(t.text, ";" | ":" | "—" | "–"),
            TokKind::Possessive => false,
            TokKind::Word => {
                cls[i] & SUBORDINATOR != 0
                    || (t.lower == "as"
                        && next.is_some_and(|n| {
                            n.is_cap()
                                || matches!(n.lower.as_str(), "he" | "she" | "they" | "it" | "the")
                        }))
                    || (t.lower == "that"
                        && i > 0
                        && lx
                            .trigger_index
                            .get(toks[i - 1].lower.as_str())
                            .is_some_and(|tr| tr.frame == Frame::Speech))
                    || (t.lower == "that"
                        && i > 0
                        && REPORT_VERBS.contains(&toks[i - 1].lower.as_str()))
            }
        };
    }
    let clause_start =
        |i: usize| -> usize { (0..i).rev().find(|&k| boundary[k]).map_or(0, |k| k + 1) };
    let clause_end = |i: usize| -> usize {
        (i + 1..toks.len())
            .find(|&k| boundary[k])
            .unwrap_or(toks.len())
    };

    // Light-verb constructions: "held talks", "signed a deal", "carried out a prisoner
    // exchange", "concluded talks" — the noun carries the event, the verb gives its subject.
    for h in 0..hits.len() {
        if !hits[h].trigger.noun {
            continue;
        }
        let mut k = hits[h].a;
        let mut steps = 0;
        while k > 0 && steps < 4 {
            k -= 1;
            steps += 1;
            let t = &toks[k];
            if !t.is_word() || at[k].is_some() {
                break;
            }
            if cls[k] & (DETERMINER | MODIFIER) != 0 {
                continue;
            }
            let verb_hit = hits.iter().position(|x| x.b == k && !x.trigger.noun);
            if cls[k] & LIGHT_VERB != 0 {
                // "held talks", "concluded talks": the noun names the event.
                let particle = matches!(t.lower.as_str(), "up" | "out" | "off")
                    && k > 0
                    && toks[k - 1].is_word();
                hits[h].verb_at = Some(if particle { k - 1 } else { k });
                if let Some(v) = verb_hit {
                    hits[v].suppressed = true;
                }
            } else if verb_hit.is_some() {
                // "threatened sanctions", "rejected a truce": the verb names the event and
                // the noun is its object.
                hits[h].suppressed = true;
            }
            break;
        }
    }
    // A noun modifying another noun ("investment envoy", "ceasefire talks") is not an event.
    for h in 0..hits.len() {
        let hb = hits[h].b;
        if hits[h].trigger.noun {
            if let Some(next) = toks.get(hb + 1) {
                let next_is_noun_trigger = hits.iter().any(|x| x.a == hb + 1 && x.trigger.noun);
                if next.is_word()
                    && at[hb + 1].is_none()
                    && (next_is_noun_trigger || mentions::role_at(toks, hb + 1, lx).is_some())
                {
                    hits[h].suppressed = true;
                }
            }
        }
    }
    // Hypothetical events ("a possible meeting", "the possibility of a future meeting") did not
    // happen.
    for h in hits.iter_mut() {
        // Six tokens back: "a potential face-to-face meeting".
        // A gerund read as a verb ("a face-to-face meeting") is a noun here too.
        let lo = h.a.saturating_sub(6);
        if (h.trigger.noun || toks[h.a].lower.ends_with("ing"))
            && toks[lo..h.a]
                .iter()
                .any(|t| HYPOTHETICAL.contains(&t.lower.as_str()))
        {
            h.suppressed = true;
        }
    }
    let trigger_starts: Vec<usize> = hits.iter().filter(|h| !h.suppressed).map(|h| h.a).collect();

    let mut found: Vec<EventFact> = Vec::new();
    // An event found from a verb (not a noun such as "the Witkoff-Putin meeting"): whose subject
    // a later coordinated or participial verb shares.
    let verb_event = |e: &EventFact| {
        hits.iter()
            .any(|h| !h.trigger.noun && toks[h.a].span.start == e.trigger_span.start)
    };
    for hit in hits.iter().filter(|h| !h.suppressed) {
        let trigger = hit.trigger;
        let (ta, tb) = (hit.a, hit.b);
        // "a meeting … had been discussed", "was not discussed": a passive meeting verb has a
        // topic for its subject, not the people who met.
        if !trigger.noun
            && trigger.event_type == "Meeting"
            && toks[ta].lower.ends_with("ed")
            && toks[ta.saturating_sub(3)..ta].iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "was" | "were" | "been" | "be" | "is" | "are" | "being"
                )
            })
        {
            continue;
        }
        let subject_from = hit.verb_at.unwrap_or(ta);
        let cs = clause_start(subject_from);
        let ce = clause_end(tb);
        let is_exchange = trigger.event_type == "PrisonerExchange";
        let eligible = |m: usize| -> bool {
            let mm = &mentions[m];
            if !eligible_actor(mm) {
                return false;
            }
            // "the ongoing Ukraine conflict": a name modifying a noun is not an actor.
            if mm.etype == EntityType::Place
                && toks
                    .get(mm.tokens.1 + 1)
                    .is_some_and(|t| MODIFIED_NOUNS.contains(&t.lower.as_str()))
            {
                return false;
            }
            // A nationality adjective acts only for a group: "U.S. and Russian officials".
            if mm.kind == MentionKind::Demonym {
                let mut k = mm.tokens.1 + 1;
                while cls.get(k).is_some_and(|c| c & MODIFIER != 0) {
                    k += 1;
                }
                return cls.get(k).is_some_and(|c| c & GROUP_NOUN != 0);
            }
            true
        };

        // Agents.
        let mut agents: Vec<usize> = Vec::new();
        let mut attributed = false;
        let participial_speech =
            !trigger.noun && toks[ta].lower.ends_with("ing") && ta >= 1 && toks[ta - 1].text == ",";
        if trigger.noun && hit.verb_at.is_none() {
            // A bare noun: its agent is a possessive or a name right before it ("Moscow's
            // demands", "the Witkoff-Putin meeting"), never a distant word.
            let mut k = ta;
            while k > 0 {
                k -= 1;
                let t = &toks[k];
                if t.kind == TokKind::Possessive {
                    continue;
                }
                if let Some(m) = at[k] {
                    if (eligible(m) || mentions[m].etype != EntityType::Place)
                        && eligible_actor(&mentions[m])
                    {
                        agents.push(m);
                        // "the Witkoff-Putin meeting", "Russia and Ukraine's talks"
                        let mut j = mentions[m].tokens.0;
                        while j >= 2 && (toks[j - 1].text == "-" || toks[j - 1].lower == "and") {
                            if let Some(m2) = at[j - 2].filter(|&m2| eligible_actor(&mentions[m2]))
                            {
                                agents.push(m2);
                                j = mentions[m2].tokens.0;
                            } else {
                                break;
                            }
                        }
                    }
                    break;
                }
                if cls[k] & (DETERMINER | MODIFIER) == 0 {
                    break;
                }
            }
        } else if participial_speech {
            // "…, saying …": the subject of the main clause — the agents of the verb before,
            // else the first actor of the sentence.
            if let Some(prev) = found.iter().rev().find(|e| {
                e.trigger_span.end <= toks[ta].span.start && !e.agents.is_empty() && verb_event(e)
            }) {
                agents.extend(prev.agents.iter().copied());
            } else if let Some(m) = (first..mentions.len())
                .filter(|&m| {
                    mentions[m].tokens.1 < ta
                        && (eligible(m) || mentions[m].kind == MentionKind::Description)
                })
                .min_by_key(|&m| mentions[m].tokens.0)
            {
                agents.push(m);
            }
        } else {
            let in_time = |k: usize| times.iter().any(|t| t.first <= k && k <= t.last);
            let is_role_word = |k: usize| mentions::role_at(toks, k, lx).is_some();
            // Add `m` and the actors coordinated with it ("X and Y", "X, Y and Z").
            let add_coordinated = |m: usize, stop: usize, agents: &mut Vec<usize>| {
                agents.push(m);
                // "X and Y", "X, Y and Z" (a comma joins only inside a list that ends in "and").
                let mut seen_and = false;
                // The title of a coordinated name ("Prime Minister X and Philippine President
                // Y"): its role words and the demonym before them are skipped.
                let skip_title = |mut j: isize| -> isize {
                    while j >= stop as isize
                        && (is_role_word(j as usize)
                            || at[j as usize]
                                .is_some_and(|x| mentions[x].kind == MentionKind::Demonym))
                    {
                        j -= 1;
                    }
                    j
                };
                let mut j = skip_title(mentions[m].tokens.0 as isize - 1);
                while j >= stop as isize
                    && matches!(
                        toks[j as usize].lower.as_str(),
                        "and" | "," | "both" | "other" | "the"
                    )
                {
                    let w = toks[j as usize].lower.as_str();
                    if w == "," && !seen_and {
                        break;
                    }
                    seen_and |= w == "and";
                    j -= 1;
                    if j >= stop as isize {
                        if let Some(m2) = at[j as usize].filter(|&m2| {
                            eligible(m2) && !agents.contains(&m2) && !reporters.contains(&m2)
                        }) {
                            agents.push(m2);
                            j = skip_title(mentions[m2].tokens.0 as isize - 1);
                        } else if w == "and" && cls[j as usize] & GROUP_NOUN != 0 {
                            // "Yemen's internationally recognised government and the Houthis":
                            // the country whose group it is.
                            let lo = (j - 4).max(stop as isize);
                            let owner = (lo..j).rev().find_map(|x| {
                                let x = x as usize;
                                at[x].filter(|&m2| {
                                    toks.get(mentions[m2].tokens.1 + 1)
                                        .is_some_and(|t| t.kind == TokKind::Possessive)
                                        && eligible_actor(&mentions[m2])
                                        && !agents.contains(&m2)
                                })
                            });
                            if let Some(m2) = owner {
                                agents.push(m2);
                            }
                            break;
                        }
                    }
                }
            };
            // The subject right before the verb: skipping auxiliaries, adverbs, dates, an
            // aside between commas or dashes, and a purpose chain ("traveled to Russia to
            // meet"). A common-noun subject ("officials said") gives no agent unless a name
            // qualifies it ("Russian officials") or it is an appositive ("X, a teacher jailed").
            let scan_left =
                |from: isize, stop: usize, agents: &mut Vec<usize>, attributed: &mut bool| {
                    let mut stop = stop;
                    let mut k = from;
                    let mut jumps = 0;
                    while k >= stop as isize {
                        let ku = k as usize;
                        let t = &toks[ku];
                        if let Some(m) = at[ku] {
                            if reporters.contains(&m) {
                                if trigger.frame == Frame::Speech {
                                    *attributed = true;
                                }
                                return;
                            }
                            if eligible(m) || (mentions[m].kind == MentionKind::Description) {
                                add_coordinated(m, stop, agents);
                                return;
                            }
                            // A place after a preposition: skip the phrase ("traveled to Russia").
                            let ms = mentions[m].tokens.0;
                            let mut j = ms as isize - 1;
                            while j >= stop as isize
                                && matches!(toks[j as usize].lower.as_str(), "the" | "a" | "an")
                            {
                                j -= 1;
                            }
                            if mentions[m].etype == EntityType::Place
                                && j >= stop as isize
                                && PLACE_PREPS.contains(&toks[j as usize].lower.as_str())
                            {
                                k = j - 1;
                                continue;
                            }
                            return;
                        }
                        let w = t.lower.as_str();
                        if cls[ku] & AUX != 0 || in_time(ku) || t.kind == TokKind::Possessive {
                            k -= 1;
                            continue;
                        }
                        // Another event verb in a chain: "traveled to Russia to meet".
                        if t.is_word()
                            && hits
                                .iter()
                                .any(|h| h.a <= ku && ku <= h.b && !h.trigger.noun)
                        {
                            k -= 1;
                            continue;
                        }
                        if matches!(t.text, "," | ")" | "—" | "–") {
                            if jumps >= 2 {
                                return;
                            }
                            jumps += 1;
                            let open = if t.text == ")" { "(" } else { t.text };
                            let Some(j) = (0..ku).rev().find(|&j| toks[j].text == open) else {
                                return;
                            };
                            if t.text == "," && j < stop {
                                // "Saudi Arabia, which leads a coalition …, welcomed": the
                                // relative clause is an aside.
                                if toks
                                    .get(j + 1)
                                    .is_some_and(|x| matches!(x.lower.as_str(), "which" | "who"))
                                {
                                    stop = clause_start(j);
                                    k = j as isize - 1;
                                    continue;
                                }
                                return;
                            }
                            // "ESA and the Japan Aerospace Exploration Agency (JAXA) signed": the
                            // bracket holds the name's acronym.
                            if t.text == ")" && j >= 1 {
                                if let Some(m) = at[j - 1].filter(|&m| eligible(m)) {
                                    add_coordinated(m, stop, agents);
                                    return;
                                }
                            }
                            // "…, Steve Witkoff, met": the aside is the subject itself.
                            if let Some(m) = at[j + 1] {
                                if mentions[m].tokens.1 + 1 == ku && eligible(m) {
                                    add_coordinated(m, stop, agents);
                                    return;
                                }
                            }
                            // "…, Dr. Karim El-Masri, told": a title before the name.
                            if let Some(m) = ku.checked_sub(1).and_then(|x| at[x]) {
                                let ms = mentions[m].tokens.0;
                                // "…, former Costa Rican foreign minister NAME, praised"
                                if ms > j + 1
                                    && ms <= j + 9
                                    && mentions[m].etype == EntityType::Person
                                    && eligible(m)
                                    && (j + 1..ms).all(|x| {
                                        (toks[x].is_word() || toks[x].kind == TokKind::Possessive)
                                            && at[x].is_none_or(|o| {
                                                mentions[o].etype == EntityType::Place
                                                    || mentions[o].kind == MentionKind::Description
                                            })
                                    })
                                {
                                    agents.push(m);
                                    return;
                                }
                            }
                            k = j as isize - 1;
                            continue;
                        }
                        if !t.is_word() {
                            return;
                        }
                        // "South Korea issued a warrant and asked Interpol …": the subject of the
                        // first verb.
                        if w == "and" {
                            if let Some(m) = (stop..ku)
                                .find_map(|x| at[x])
                                .filter(|&m| eligible(m) && mentions[m].tokens.0 <= stop + 2)
                            {
                                add_coordinated(m, stop, agents);
                            } else if let Some(prev) = found.iter().rev().find(|e| {
                                e.trigger_span.end <= t.span.start
                                    && !e.agents.is_empty()
                                    && verb_event(e)
                            }) {
                                // "The IMF praised … and urged the government": the subject
                                // of the verb before.
                                agents.extend(prev.agents.iter().copied());
                            }
                            return;
                        }
                        // "the embassy said it had requested": "it" is the speaker.
                        if matches!(w, "it" | "they") && ku >= 1 {
                            // The speaker of the nearest reporting verb before ("said on Monday
                            // it had agreed").
                            if let Some(prev) = found.iter().rev().find(|e| {
                                e.trigger_span.end <= t.span.start
                                    && verb_event(e)
                                    && e.event_type == "Statement"
                                    && !e.agents.is_empty()
                            }) {
                                agents.extend(prev.agents.iter().copied());
                            }
                            return;
                        }
                        // A common-noun phrase: find where it starts.
                        let mut j = ku as isize;
                        while j >= stop as isize {
                            let tj = &toks[j as usize];
                            if let Some(m) = at[j as usize] {
                                // Nationality adjectives inside the phrase ("a German-Russian national").
                                if mentions[m].kind == MentionKind::Demonym {
                                    j = mentions[m].tokens.0 as isize - 1;
                                    continue;
                                }
                                break;
                            }
                            if !(tj.is_word() || tj.text == "-" || tj.kind == TokKind::Possessive)
                                || matches!(tj.lower.as_str(), "a" | "an" | "the")
                            {
                                break;
                            }
                            j -= 1;
                        }
                        // "X, a German-Russian national arrested": the phrase describes X.
                        let mut d = j;
                        if d >= stop as isize
                            && matches!(toks[d as usize].lower.as_str(), "a" | "an" | "the")
                        {
                            d -= 1;
                        }
                        if d >= 1 && toks[d as usize].text == "," {
                            if let Some(m) = at[d as usize - 1]
                                .filter(|&m| eligible(m) && mentions[m].etype == EntityType::Person)
                            {
                                agents.push(m);
                                return;
                            }
                        }
                        // "Russian officials said", "a Kenyan government spokesman said".
                        if cls[ku] & GROUP_NOUN != 0
                            || is_role_word(ku)
                            || cls[(j + 1).max(0) as usize..=ku]
                                .iter()
                                .any(|c| c & GROUP_NOUN != 0)
                        {
                            // Every name qualifying the group: "U.S. and Russian officials".
                            let lo = j.max(stop as isize) as usize;
                            for slot in &at[lo..=ku] {
                                if let Some(m) = slot.filter(|&m| {
                                    eligible_actor(&mentions[m])
                                        && !reporters.contains(&m)
                                        && !agents.contains(&m)
                                }) {
                                    agents.push(m);
                                }
                            }
                            if let Some(&m) = agents.first() {
                                let mut more = Vec::new();
                                add_coordinated(m, stop, &mut more);
                                for x in more {
                                    if !agents.contains(&x) {
                                        agents.push(x);
                                    }
                                }
                            }
                        }
                        return;
                    }
                };
            scan_left(subject_from as isize - 1, cs, &mut agents, &mut attributed);
            if agents.is_empty() && !attributed && cs >= 1 {
                let b = &toks[cs - 1];
                if b.text == "—" || b.text == "–" {
                    // "X — an aside — said": skip the aside.
                    if let Some(open) = (0..cs - 1).rev().find(|&k| toks[k].text == b.text) {
                        scan_left(
                            open as isize - 1,
                            clause_start(open),
                            &mut agents,
                            &mut attributed,
                        );
                    }
                } else if b.lower == "who" && cs >= 2 {
                    // "Peskov, who said …"
                    let from = if toks[cs - 2].text == "," {
                        cs as isize - 3
                    } else {
                        cs as isize - 2
                    };
                    scan_left(from, clause_start(cs - 1), &mut agents, &mut attributed);
                }
            }
        }
        if attributed {
            continue;
        }
        // Inverted attribution: "…," said Tomasz Wiśniewski.
        if agents.is_empty() && trigger.frame == Frame::Speech {
            if let Some(m) = at
                .get(tb + 1)
                .copied()
                .flatten()
                .filter(|&m| eligible(m) && mentions[m].etype == EntityType::Person)
                // "said Witkoff is expected to …" reports about Witkoff: the name must end the
                // clause ("…," said X. / "…," said X, the …).
                .filter(|&m| {
                    toks.get(mentions[m].tokens.1 + 1)
                        .is_none_or(|t| matches!(t.text, "." | "," | ";" | "—"))
                })
            {
                agents.push(m);
            }
        }
        // The right context: up to the next event word, or a comma that does not open an
        // appositive name.
        let mut right: Vec<usize> = Vec::new();
        let mut k = tb + 1;
        while k < ce {
            if trigger_starts.contains(&k) && !is_exchange {
                break;
            }
            let t = &toks[k];
            if t.text == "," {
                let appositive = at.get(k + 1).copied().flatten().is_some_and(|m| {
                    let e = mentions[m].tokens.1;
                    mentions[m].etype == EntityType::Person
                        && toks
                            .get(e + 1)
                            .is_none_or(|x| x.text == "," || x.text == ".")
                });
                if !appositive {
                    break;
                }
            }
            if let Some(m) = at[k] {
                if !right.contains(&m) {
                    right.push(m);
                }
                k = mentions[m].tokens.1.max(k) + 1;
                continue;
            }
            k += 1;
        }
        // Place: the first place after a locative preposition (or a travel destination).
        let mut place: Option<usize> = None;
        for &m in &right {
            let mm = &mentions[m];
            if mm.etype != EntityType::Place || mm.kind == MentionKind::Demonym {
                continue;
            }
            let prep = mm.prep.as_deref().unwrap_or("");
            let dest = trigger.event_type == "Travel"
                && (matches!(prep, "to" | "in" | "into") || mm.tokens.0 == tb + 1);
            if LOCATIVE.contains(&prep) || dest {
                place = Some(m);
                break;
            }
        }
        if place.is_none() {
            // "In Istanbul, the two sides met …"
            for &slot in &at[cs..ta] {
                if let Some(m) = slot {
                    let mm = &mentions[m];
                    if mm.etype == EntityType::Place
                        && mm.kind != MentionKind::Demonym
                        && LOCATIVE.contains(&mm.prep.as_deref().unwrap_or(""))
                    {
                        place = Some(m);
                    }
                }
            }
        }
        // Participants.
        let mut participants: Vec<usize> = Vec::new();
        match trigger.frame {
            Frame::Speech => {
                // "told Trump", "said Putin was …"
                let mut k = tb + 1;
                if toks.get(k).is_some_and(|t| t.lower == "that") {
                    k += 1;
                }
                if let Some(m) = at.get(k).copied().flatten().filter(|&m| eligible(m)) {
                    participants.push(m);
                }
            }
            Frame::Passive => {
                let mut k = tb + 1;
                while k < ce {
                    if toks[k].lower == "by" {
                        if let Some(m) = at.get(k + 1).copied().flatten().filter(|&m| eligible(m)) {
                            participants.push(m);
                        }
                        break;
                    }
                    k += 1;
                }
            }
            _ if trigger.noun && !is_exchange => {
                // "meeting between X and Y", "talks with X", "a meeting Witkoff held with …"
                let mut with = false;
                for &m in &right {
                    let first_tok = mentions[m].tokens.0;
                    if toks[tb + 1..first_tok].iter().any(|t| {
                        matches!(t.lower.as_str(), "between" | "with" | "among" | "of" | "by")
                    }) {
                        with = true;
                    }
                    let direct = first_tok == tb + 1 && mentions[m].etype == EntityType::Person;
                    if (with || direct)
                        && eligible(m)
                        && Some(m) != place
                        && !participants.contains(&m)
                    {
                        participants.push(m);
                    }
                }
            }
            _ => {
                for &m in &right {
                    if Some(m) != place
                        && eligible(m)
                        && !reporters.contains(&m)
                        && participants.len() < 4
                    {
                        participants.push(m);
                    }
                }
            }
        }
        if is_exchange {
            for (m, mm) in mentions.iter().enumerate().skip(first) {
                // "Witkoff's visit comes a day after … a prisoner exchange": a possessive
                // belongs to its own noun.
                if mm.etype == EntityType::Person
                    && mm.kind != MentionKind::Pronoun
                    && !mm.possessive
                    && !agents.contains(&m)
                    && !participants.contains(&m)
                    && !reporters.contains(&m)
                {
                    participants.push(m);
                }
            }
        }
        participants.retain(|p| !agents.contains(p));
        if trigger.frame == Frame::Speech && agents.is_empty() {
            continue;
        }
        let n_actors = agents.len() + participants.len();
        if n_actors == 0 {
            continue;
        }
        // A verb that says what someone did needs that someone, unless the event is what
        // happened to a named person ("Police arrested Vidal": the arrest of Vidal).
        let done_to_person = matches!(trigger.event_type.as_str(), "Arrest" | "Release")
            && participants.iter().any(|&m| {
                mentions[m].etype == EntityType::Person && mentions[m].kind == MentionKind::Name
            });
        if !trigger.noun
            && agents.is_empty()
            && matches!(trigger.frame, Frame::Svo | Frame::With)
            && !is_exchange
            && !done_to_person
            && trigger.event_type != "Meeting"
        {
            continue;
        }
        // A meeting takes two, unless one named party meets people the text does not name
        // ("met survivors", "met both delegations") or a body meets ("an African Union summit").
        if trigger.event_type == "Meeting" && n_actors < 2 {
            let only = agents
                .iter()
                .chain(&participants)
                .next()
                .map(|&m| &mentions[m]);
            let body = only.is_some_and(|m| m.etype == EntityType::Organization) && trigger.noun;
            let mut k = tb + 1;
            while toks
                .get(k)
                .is_some_and(|t| cls[k] & (DETERMINER | MODIFIER) != 0 || t.lower == "both")
            {
                k += 1;
            }
            let object = !trigger.noun
                && toks.get(k).is_some_and(|t| {
                    t.is_word()
                        && at[k].is_none()
                        && !t.is_cap()
                        && cls[k] & (PREPOSITION | AUX) == 0
                });
            if !(body || object) {
                continue;
            }
        }
        // A bare "exchange" or "swap" is of prisoners only when the sentence says so or names
        // two people ("a crypto exchange called LunaBridge" is not).
        if is_exchange {
            let persons = (first..mentions.len())
                .filter(|&m| {
                    mentions[m].etype == EntityType::Person
                        && mentions[m].kind != MentionKind::Pronoun
                })
                .count();
            if persons < 2
                && !toks
                    .iter()
                    .any(|t| CAPTIVE_WORDS.contains(&t.lower.as_str()))
            {
                continue;
            }
        }
        // An arrest names who made it or who was held.
        if trigger.event_type == "Arrest"
            && agents.is_empty()
            && !participants
                .iter()
                .any(|&m| mentions[m].etype == EntityType::Person)
        {
            continue;
        }
        // "a prisoner exchange brokered by Oman" says who was exchanged.
        let says_prisoners = toks[ta..=tb]
            .iter()
            .any(|t| CAPTIVE_WORDS.contains(&t.lower.as_str()));
        if PERSON_EVENTS.contains(&trigger.event_type.as_str())
            && !says_prisoners
            && !agents
                .iter()
                .chain(&participants)
                .any(|&m| mentions[m].etype == EntityType::Person)
        {
            continue;
        }
        // Time: nearest expression in the clause, else one opening the sentence.
        // A date right before another event noun is that event's ("The April 11 meeting
        // follows talks in Istanbul", "the April 11 peace talks"), not past a word opening
        // a clause ("on Wednesday after talks": Wednesday is the release's).
        let owned_by_other = |t: &&TimeExpr| {
            hits.iter().any(|h| {
                h.a != ta
                    && h.trigger.noun
                    && (h.a == t.last + 1
                        || (h.a == t.last + 2 && cls[t.last + 1] & SUBORDINATOR == 0))
            })
        };
        let time = times
            .iter()
            .filter(|t| t.first >= cs && t.last < ce.max(tb + 1))
            .filter(|t| !owned_by_other(t))
            .min_by_key(|t| (t.first as isize - ta as isize).unsigned_abs())
            .or_else(|| times.iter().find(|t| t.first <= 2))
            .map(|t| t.value.clone());
        found.push(EventFact {
            sentence: si,
            event_type: trigger.event_type.clone(),
            trigger: toks[ta..=tb]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" "),
            trigger_span: Span::new(toks[ta].span.start, toks[tb].span.end),
            agents,
            participants,
            place,
            time,
            reported_by: reported_by.filter(|r| Some(*r) != place),
        });
    }
    // One event per type and actor set in a sentence.
    let mut seen: FxHashMap<(String, Vec<usize>), usize> = FxHashMap::default();
    for e in found {
        let mut actors: Vec<usize> = e.agents.iter().chain(&e.participants).copied().collect();
        actors.sort_unstable();
        let key = (e.event_type.clone(), actors);
        match seen.get(&key) {
            Some(&j) => {
                let prev: &mut EventFact = &mut out[j];
                if prev.place.is_none() {
                    prev.place = e.place;
                }
                if prev.time.is_none() {
                    prev.time = e.time;
                }
            }
            None => {
                seen.insert(key, out.len());
                out.push(e);
            }
        }
    }
}
