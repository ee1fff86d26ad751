//! Events from trigger words of `ontology/lexicon/events.tsv`, with their agents, other
//! participants, place, time and the source the claim is attributed to.

use std::collections::HashMap;

use super::time::TimeExpr;
use super::tokens::{TokKind, Token};
use super::{EntityType, EventFact, Mention, MentionKind};
use crate::lexicon::{Frame, Lexicon, PlaceKind};
use crate::text::Span;

/// Words that open a new clause.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "because", "although", "though", "whereas", "but", "which",
    "who", "whom", "whose", "saying", "noting", "adding", "warning", "calling", "where", "if",
    "unless", "until", "amid",
];
/// Prepositions that introduce a place rather than a participant.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "inside", "outside", "across", "on", "over",
    "toward", "towards",
];
/// Prepositions before the place of an event.
const LOCATIVE: &[&str] = &["in", "at", "near", "inside", "outside"];
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
            TokKind::Punct => matches!(
                t.text.as_str(),
                ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\""
            ),
            TokKind::Possessive => false,
            TokKind::Word => {
                SUBORDINATORS.contains(&t.lower.as_str())
                    || (t.lower == "as"
                        && next.is_some_and(|n| {
                            n.is_cap()
                                || matches!(n.lower.as_str(), "he" | "she" | "they" | "it" | "the")
                        }))
                    || (t.lower == "that"
                        && i > 0
                        && lx
                            .triggers
                            .get(&vec![toks[i - 1].lower.clone()])
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

    let mut found: Vec<EventFact> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_word() || at[i].is_some() {
            i += 1;
            continue;
        }
        // Longest trigger at i.
        let mut hit = None;
        let mut words: Vec<String> = Vec::new();
        let mut idx: Vec<usize> = Vec::new();
        let mut k = i;
        while k < toks.len() && words.len() < lx.max_trigger_tokens {
            if toks[k].is_word() && at[k].is_none() {
                words.push(toks[k].lower.clone());
                idx.push(k);
                if let Some(tr) = lx.triggers.get(&words) {
                    hit = Some((tr, k));
                }
            } else {
                break;
            }
            k += 1;
        }
        let Some((trigger, tb)) = hit else {
            i += 1;
            continue;
        };
        let ta = i;
        i = tb + 1;
        let cs = clause_start(ta);
        let ce = clause_end(tb);
        let is_exchange = trigger.event_type == "PrisonerExchange";

        // Agents: nearest actor to the left within the clause, plus coordinated ones.
        let mut agents: Vec<usize> = Vec::new();
        let scan_left = |from: isize, stop: usize, agents: &mut Vec<usize>| {
            let mut k = from;
            while k >= stop as isize {
                let ku = k as usize;
                if let Some(m) =
                    at[ku].filter(|&m| eligible_actor(&mentions[m]) && !reporters.contains(&m))
                {
                    agents.push(m);
                    // coordination: "X and Y", "X, Y and Z"
                    let mut j = mentions[m].tokens.0 as isize - 1;
                    while j >= stop as isize
                        && matches!(
                            toks[j as usize].lower.as_str(),
                            "and" | "," | "both" | "other"
                        )
                    {
                        j -= 1;
                        if j >= stop as isize {
                            if let Some(m2) = at[j as usize].filter(|&m2| {
                                eligible_actor(&mentions[m2]) && !agents.contains(&m2)
                            }) {
                                agents.push(m2);
                                j = mentions[m2].tokens.0 as isize - 1;
                            }
                        }
                    }
                    return;
                }
                k -= 1;
            }
        };
        scan_left(ta as isize - 1, cs, &mut agents);
        if agents.is_empty() && cs >= 1 {
            let b = &toks[cs - 1];
            if b.text == "—" || b.text == "–" {
                // "X — an aside — said": skip the aside.
                if let Some(open) = (0..cs - 1).rev().find(|&k| toks[k].text == b.text) {
                    scan_left(open as isize - 1, clause_start(open), &mut agents);
                }
            } else if b.lower == "who" && cs >= 2 {
                scan_left(cs as isize - 2, clause_start(cs - 1), &mut agents);
            }
        }
        // Participants to the right.
        let mut participants: Vec<usize> = Vec::new();
        let mut place: Option<usize> = None;
        let right: Vec<usize> = {
            let mut v: Vec<usize> = Vec::new();
            for k in tb + 1..ce {
                if let Some(m) = at[k] {
                    if !v.contains(&m) {
                        v.push(m);
                    }
                }
            }
            v
        };
        // Place: the first place after a locative preposition (or a travel destination).
        for &m in &right {
            let mm = &mentions[m];
            if mm.etype != EntityType::Place || mm.kind == MentionKind::Demonym {
                continue;
            }
            let prep = mm.prep.as_deref().unwrap_or("");
            let dest = trigger.event_type == "Travel" && (prep == "to" || mm.tokens.0 == tb + 1);
            if LOCATIVE.contains(&prep) || dest {
                place = Some(m);
                break;
            }
        }
        if place.is_none() {
            // "In Istanbul, the two sides met …"
            for k in cs..ta {
                if let Some(m) = at[k] {
                    let mm = &mentions[m];
                    if mm.etype == EntityType::Place
                        && LOCATIVE.contains(&mm.prep.as_deref().unwrap_or(""))
                    {
                        place = Some(m);
                    }
                }
            }
        }
        match trigger.frame {
            Frame::Speech => {
                // "told Trump", "said Putin was …"
                let mut k = tb + 1;
                if toks.get(k).is_some_and(|t| t.lower == "that") {
                    k += 1;
                }
                if let Some(m) = toks
                    .get(k)
                    .and(at.get(k).copied().flatten())
                    .filter(|&m| eligible_actor(&mentions[m]))
                {
                    participants.push(m);
                }
            }
            _ if trigger.noun && !is_exchange => {
                // "meeting between X and Y", "talks with X", "a meeting Witkoff held with …"
                let mut k = tb + 1;
                let mut with = false;
                while k < ce {
                    let t = &toks[k];
                    if matches!(t.lower.as_str(), "between" | "with") {
                        with = true;
                    }
                    if let Some(m) = at[k] {
                        let direct = k == tb + 1 && mentions[m].etype == EntityType::Person;
                        if (with || direct)
                            && eligible_actor(&mentions[m])
                            && Some(m) != place
                            && !participants.contains(&m)
                        {
                            participants.push(m);
                        }
                        k = mentions[m].tokens.1 + 1;
                        continue;
                    }
                    k += 1;
                }
            }
            _ => {
                for &m in &right {
                    if Some(m) != place
                        && eligible_actor(&mentions[m])
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
                if mm.etype == EntityType::Person
                    && mm.kind != MentionKind::Pronoun
                    && !agents.contains(&m)
                    && !participants.contains(&m)
                    && !reporters.contains(&m)
                {
                    participants.push(m);
                }
            }
        }
        participants.retain(|p| !agents.contains(p));
        // A reporting verb whose agent is the source is attribution, not an event.
        if trigger.frame == Frame::Speech && agents.iter().any(|a| reporters.contains(a)) {
            continue;
        }
        if trigger.frame == Frame::Speech && agents.is_empty() {
            continue;
        }
        if agents.is_empty() && participants.is_empty() {
            continue;
        }
        // Time: nearest expression in the clause, else one opening the sentence.
        let time = times
            .iter()
            .filter(|t| t.first >= cs && t.last < ce.max(tb + 1))
            .min_by_key(|t| (t.first as isize - ta as isize).unsigned_abs())
            .or_else(|| times.iter().find(|t| t.first <= 2))
            .map(|t| t.value.clone());
        found.push(EventFact {
            sentence: si,
            event_type: trigger.event_type.clone(),
            trigger: idx
                .iter()
                .take_while(|&&x| x <= tb)
                .map(|&x| toks[x].text.as_str())
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
    let mut seen: HashMap<(String, Vec<usize>), usize> = HashMap::new();
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
