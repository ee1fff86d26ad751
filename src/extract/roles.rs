//! Roles ("Kremlin spokesperson Dmitry Peskov", "Kirill Dmitriev, Putin's investment envoy")
//! and descriptions that stand for a person ("the Russian leader", "the envoy").

use std::collections::HashMap;

use super::mentions::role_at;
use super::tokens::{TokKind, Token};
use super::{EntityType, Mention, MentionKind, RoleFact};
use crate::lexicon::Lexicon;

/// Words that may precede a role title inside the role ("special envoy", "foreign minister").
const MODIFIERS: &[&str] = &[
    "special",
    "investment",
    "economic",
    "foreign",
    "deputy",
    "former",
    "top",
    "senior",
    "chief",
    "acting",
    "interim",
    "vice",
    "prime",
    "first",
    "presidential",
    "personal",
    "longtime",
    "lead",
    "main",
    "defense",
    "defence",
    "finance",
    "security",
    "trade",
    "national",
    "state",
    "executive",
    "general",
    "military",
    "press",
    "new",
];

fn role_ending_at(toks: &[Token], k: usize, lx: &Lexicon) -> Option<(usize, String, String)> {
    let lo = k.saturating_sub(lx.max_role_tokens.saturating_sub(1));
    (lo..=k).find_map(|s| {
        role_at(toks, s, lx)
            .filter(|r| r.0 == k)
            .map(|r| (s, r.1, r.2))
    })
}

/// Add descriptions, then find roles, for the mentions `first..` of sentence `si`.
pub fn find(
    si: usize,
    toks: &[Token],
    lx: &Lexicon,
    first: usize,
    mentions: &mut Vec<Mention>,
    roles: &mut Vec<RoleFact>,
) {
    add_descriptions(si, toks, lx, first, mentions);
    let ends: HashMap<usize, usize> = (first..mentions.len())
        .filter(|&i| mentions[i].kind != MentionKind::Description)
        .map(|i| (mentions[i].tokens.1, i))
        .collect();
    let starts: HashMap<usize, usize> = (first..mentions.len())
        .filter(|&i| mentions[i].kind != MentionKind::Description)
        .map(|i| (mentions[i].tokens.0, i))
        .collect();
    let holder_before = |k: usize| -> Option<usize> {
        if toks[k].kind == TokKind::Possessive {
            k.checked_sub(1).and_then(|p| ends.get(&p).copied())
        } else {
            ends.get(&k).copied()
        }
    };
    for p in first..mentions.len() {
        let m = &mentions[p];
        if m.etype != EntityType::Person || m.kind != MentionKind::Name {
            continue;
        }
        let (pa, pb) = m.tokens;
        // (a) titles before the name, possibly "X chief and Y's negotiator NAME" or
        //     "Y's envoy, NAME".
        let mut k = pa as isize - 1;
        if k >= 1 && toks[k as usize].text == "," {
            let before = k as usize - 1;
            if role_ending_at(toks, before, lx).is_some() {
                k -= 1;
            } else if let Some(&q) = ends.get(&before) {
                // "… special envoy for the Middle East, NAME": skip the attached phrase.
                let mut j = mentions[q].tokens.0;
                if j >= 1 && toks[j - 1].lower == "the" {
                    j -= 1;
                }
                if j >= 2
                    && matches!(toks[j - 1].lower.as_str(), "for" | "to" | "of" | "in")
                    && role_ending_at(toks, j - 2, lx).is_some()
                {
                    k = j as isize - 2;
                    mentions[q].consumed = true;
                }
            }
        }
        // "Russia's Vladimir Putin": the country qualifies the name.
        if k >= 1 && toks[k as usize].kind == TokKind::Possessive {
            if let Some(h) = holder_before(k as usize) {
                if mentions[h].etype == EntityType::Place {
                    mentions[h].consumed = true;
                }
            }
        }
        loop {
            let mut words: Vec<String> = Vec::new();
            let mut title = false;
            while k >= 0 {
                let ku = k as usize;
                if let Some((s, label, kind)) = role_ending_at(toks, ku, lx) {
                    if kind == "honorific" {
                        k = s as isize - 1;
                        continue;
                    }
                    words.insert(0, label);
                    title = true;
                    k = s as isize - 1;
                } else if title && MODIFIERS.contains(&toks[ku].lower.as_str()) {
                    words.insert(0, toks[ku].lower.clone());
                    k -= 1;
                } else {
                    break;
                }
            }
            if !title || k < 0 {
                break;
            }
            let Some(h) = holder_before(k as usize) else {
                break;
            };
            if h == p {
                break;
            }
            mentions[h].consumed = true;
            roles.push(RoleFact {
                sentence: si,
                person: p,
                holder: h,
                role: dedupe_words(&words),
            });
            let hstart = mentions[h].tokens.0;
            if hstart >= 1 && toks[hstart - 1].lower == "and" {
                k = hstart as isize - 2;
                continue;
            }
            break;
        }
        // (b) an appositive after the name: "NAME, [the] X's special envoy[,]".
        if toks.get(pb + 1).is_some_and(|t| t.text == ",") {
            let seg_start = pb + 2;
            let mut seg_end = seg_start;
            while seg_end < toks.len()
                && seg_end < seg_start + 16
                && !matches!(toks[seg_end].text.as_str(), "," | ";" | "." | "—" | ":")
            {
                seg_end += 1;
            }
            let seg = seg_start..seg_end;
            let first_word = toks.get(seg_start).map(|t| t.lower.as_str()).unwrap_or("");
            let relative = matches!(first_word, "who" | "which" | "that");
            let serves = relative
                && toks[seg.clone()]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "serves" | "served" | "is" | "was"))
                && toks[seg.clone()]
                    .iter()
                    .any(|t| t.lower == "as" || t.lower == "is" || t.lower == "was");
            if seg_start < seg_end && (!relative || serves) {
                let mut found_role = false;
                let mut r = seg_start;
                while r < seg_end {
                    let Some((re, label, kind)) = role_at(toks, r, lx) else {
                        r += 1;
                        continue;
                    };
                    if kind == "honorific" || re >= seg_end {
                        r = re + 1;
                        continue;
                    }
                    // A title right before another name belongs to that name.
                    if starts
                        .get(&(re + 1))
                        .is_some_and(|&n| mentions[n].etype == EntityType::Person)
                    {
                        r = re + 1;
                        continue;
                    }
                    let mut words = vec![label];
                    let mut k = r as isize - 1;
                    while k >= seg_start as isize
                        && MODIFIERS.contains(&toks[k as usize].lower.as_str())
                    {
                        words.insert(0, toks[k as usize].lower.clone());
                        k -= 1;
                    }
                    let mut holder = (k >= seg_start as isize)
                        .then(|| holder_before(k as usize))
                        .flatten();
                    if holder.is_none() && toks.get(re + 1).is_some_and(|t| t.lower == "of") {
                        let mut s = re + 2;
                        if toks.get(s).is_some_and(|t| t.lower == "the") {
                            s += 1;
                        }
                        holder = starts.get(&s).copied();
                    }
                    if let Some(h) = holder.filter(|&h| h != p) {
                        roles.push(RoleFact {
                            sentence: si,
                            person: p,
                            holder: h,
                            role: dedupe_words(&words),
                        });
                        found_role = true;
                    }
                    break;
                }
                if !relative && found_role {
                    for q in first..mentions.len() {
                        let (qa, _) = mentions[q].tokens;
                        if qa >= seg_start
                            && qa < seg_end
                            && mentions[q].kind != MentionKind::Description
                        {
                            mentions[q].consumed = true;
                        }
                    }
                }
            }
        }
    }
}

fn dedupe_words(words: &[String]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for w in words {
        for part in w.split(' ') {
            if out.last() != Some(&part) {
                out.push(part);
            }
        }
    }
    out.join(" ")
}

/// "the Russian leader", "the U.S. president", "the envoy", "the Putin envoy".
fn add_descriptions(
    si: usize,
    toks: &[Token],
    lx: &Lexicon,
    first: usize,
    mentions: &mut Vec<Mention>,
) {
    let starts: HashMap<usize, usize> = (first..mentions.len())
        .map(|i| (mentions[i].tokens.0, i))
        .collect();
    let mut new = Vec::new();
    for k in 0..toks.len() {
        if toks[k].lower != "the" {
            continue;
        }
        let mut r = k + 1;
        let mut holder = None;
        if let Some(&h) = starts.get(&r) {
            let hm = &mentions[h];
            let ok = matches!(hm.kind, MentionKind::Demonym | MentionKind::Name)
                && (hm.etype != EntityType::Place || hm.place_kind.is_some());
            if !ok {
                continue;
            }
            holder = Some(h);
            r = hm.tokens.1 + 1;
            if toks.get(r).is_some_and(|t| t.kind == TokKind::Possessive) {
                r += 1;
            }
        }
        let Some((re, label, kind)) = role_at(toks, r, lx) else {
            continue;
        };
        if kind == "honorific" {
            continue;
        }
        // Not a title in front of a name ("the Russian President Vladimir Putin"), nor "the
        // head of …".
        let next = toks.get(re + 1);
        if next.is_some_and(|t| {
            t.is_cap() || t.lower == "of" || t.kind == TokKind::Punct && t.text == "-"
        }) {
            continue;
        }
        if toks[r].is_cap() && holder.is_none() {
            continue;
        }
        let a = holder.map_or(r, |h| mentions[h].tokens.0);
        let span = crate::text::Span::new(toks[a].span.start, toks[re].span.end);
        let surface = toks[a..=re]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" ’s", "’s")
            .replace(" 's", "'s");
        new.push((
            holder,
            Mention {
                sentence: si,
                span,
                surface,
                etype: EntityType::Person,
                kind: MentionKind::Description,
                canonical: None,
                place_kind: None,
                org_kind: None,
                country: None,
                role_hint: Some(label),
                holder_hint: holder,
                consumed: false,
                prep: Some("the".into()),
                possessive: toks
                    .get(re + 1)
                    .is_some_and(|t| t.kind == TokKind::Possessive),
                tokens: (a, re),
                alias_of: None,
            },
        ));
    }
    for (holder, m) in new {
        if let Some(h) = holder {
            mentions[h].consumed = true;
        }
        mentions.push(m);
    }
}
