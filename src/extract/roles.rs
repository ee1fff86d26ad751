//! Roles ("Kremlin spokesperson Dmitry Peskov", "Kirill Dmitriev, Putin's investment envoy")
//! and descriptions that stand for a person ("the Russian leader", "the envoy").

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::mentions::role_at;
use super::tokens::{TokKind, Token};
use super::{EntityType, Extraction, Mention, MentionKind, RoleFact};
use crate::lexicon::Lexicon;

/// Words that may precede a role title inside the role ("special envoy", "foreign minister").
const MODIFIERS: &[&str] = &[
    "treasury",
    "commerce",
    "interior",
    "justice",
    "health",
    "education",
    "energy",
    "economy",
    "agriculture",
    "transport",
    "culture",
    "labor",
    "labour",
    "home",
    "environment",
    "industry",
    "digital",
    "communications",
    "development",
    "fitness",
    "campaign",
    "research",
    "assistant",
    "associate",
    "regional",
    "managing",
    "head",
    "outgoing",
    "incoming",
    "current",
    "ex",
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
    "ministry",
    "government",
];
/// [`MODIFIERS`] as a hash set (membership tests in per-token loops).
static MODIFIERS_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| MODIFIERS.iter().copied().collect());

/// What the words before an untethered title say about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolderHint {
    /// Nothing: guess from the sentence or the document.
    None,
    /// "its founder", "their new head coach": an organization named before.
    OrgPronoun,
    /// "her campaign manager": a person named before.
    PersonPronoun,
    /// "a company spokeswoman", "the firm's head of research": the organization the story is
    /// about.
    OrgNoun,
    /// "his Iranian counterpart, NAME": the role of the person "his" stands for, held for the
    /// country of this nationality mention.
    Counterpart(usize),
}

/// A title found without a holder, with what the text says about the holder.
#[derive(Debug, Clone)]
pub struct Untethered {
    /// The role fact; `holder` equals `person` until tethered.
    pub fact: RoleFact,
    /// The hint.
    pub hint: HolderHint,
}

/// Common nouns that stand for the organization a story is about ("the company's CEO").
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "club",
    "bank",
    "group",
    "carrier",
    "airline",
    "lender",
    "insurer",
    "retailer",
    "startup",
    "agency",
    "charity",
    "university",
    "institute",
    "museum",
    "team",
    "network",
    "broadcaster",
    "newspaper",
    "publisher",
    "automaker",
    "manufacturer",
    "studio",
    "label",
    "league",
    "federation",
    "union",
    "organisation",
    "organization",
    "committee",
];
/// [`ORG_NOUNS`] as a hash set (membership tests in per-token loops).
static ORG_NOUNS_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| ORG_NOUNS.iter().copied().collect());

/// Occupations a nationality adjective does not hold ("the Danish fitness coach X" is Danish,
/// not Denmark's coach).
fn occupation(role: &str) -> bool {
    const WORDS: &[&str] = &[
        "coach",
        "manager",
        "ceo",
        "chief executive",
        "founder",
        "co-founder",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "professor",
        "researcher",
        "scientist",
        "player",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "captain",
        "journalist",
        "reporter",
        "author",
        "writer",
        "artist",
        "actor",
        "actress",
        "singer",
        "director",
        "economist",
        "analyst",
        "lawyer",
        "engineer",
        "astronaut",
        "businessman",
        "businesswoman",
        "entrepreneur",
        "investor",
        "billionaire",
        "tycoon",
        "executive",
    ];
    WORDS
        .iter()
        .any(|w| role == *w || role.ends_with(&format!(" {w}")))
}

/// The hint given by the words ending at token `k` (before a title).
fn hint_at(toks: &[Token], k: usize) -> HolderHint {
    let mut k = k;
    if toks[k].kind == TokKind::Possessive {
        match k.checked_sub(1) {
            Some(j) => k = j,
            None => return HolderHint::None,
        }
    }
    match toks[k].lower.as_str() {
        "its" | "their" => HolderHint::OrgPronoun,
        "his" | "her" => HolderHint::PersonPronoun,
        w if ORG_NOUNS_SET.contains(w) => HolderHint::OrgNoun,
        _ => HolderHint::None,
    }
}

/// Mention index by token index (where mentions start or end): for a token that several
/// mentions share, the last one given.
struct ByToken(Vec<Option<usize>>);

impl ByToken {
    fn new(len: usize, pairs: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut v = vec![None; len];
        for (k, i) in pairs {
            if k >= v.len() {
                v.resize(k + 1, None);
            }
            v[k] = Some(i);
        }
        ByToken(v)
    }

    fn get(&self, k: &usize) -> Option<&usize> {
        self.0.get(*k)?.as_ref()
    }
}

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
    untethered: &mut Vec<Untethered>,
) {
    add_descriptions(si, toks, lx, first, mentions);
    let ends = ByToken::new(
        toks.len(),
        (first..mentions.len())
            .filter(|&i| mentions[i].kind != MentionKind::Description)
            .map(|i| (mentions[i].tokens.1, i)),
    );
    let starts = ByToken::new(
        toks.len(),
        (first..mentions.len())
            .filter(|&i| mentions[i].kind != MentionKind::Description)
            .map(|i| (mentions[i].tokens.0, i)),
    );
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
        let mut of_holder: Option<usize> = None;
        // "…, Dr. NAME": an honorific (or an abbreviated title) between the comma and the name.
        while k >= 0 {
            match role_ending_at(toks, k as usize, lx) {
                Some((s, _, kind))
                    if kind == "honorific" || (s == k as usize && toks[s].text.ends_with('.')) =>
                {
                    k = s as isize - 1
                }
                _ => break,
            }
        }
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
                    // "the mayor of Camaná, NAME": the phrase names the holder.
                    if matches!(toks[j - 1].lower.as_str(), "of" | "for")
                        && (mentions[q].etype != EntityType::Person
                            || mentions[q].kind == MentionKind::WeakName)
                    {
                        if mentions[q].kind == MentionKind::WeakName {
                            mentions[q].kind = MentionKind::Name;
                            mentions[q].etype = if toks[j - 2].lower == "mayor"
                                || toks[j - 2].lower == "governor"
                            {
                                EntityType::Place
                            } else {
                                EntityType::Organization
                            };
                        }
                        of_holder = Some(q);
                    }
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
                if let Some((s, _label, kind)) = role_ending_at(toks, ku, lx) {
                    if kind == "honorific" {
                        k = s as isize - 1;
                        continue;
                    }
                    words.insert(0, surface_lower(&toks[s..=ku]));
                    title = true;
                    k = s as isize - 1;
                } else if title && MODIFIERS_SET.contains(toks[ku].lower.as_str()) {
                    words.insert(0, toks[ku].lower.to_string());
                    k -= 1;
                } else if title
                    && toks[ku].lower == "and"
                    && ku >= 1
                    && role_ending_at(toks, ku - 1, lx).is_some_and(|r| r.2 != "honorific")
                {
                    // "co-founder and CEO NAME": both titles are held.
                    words.insert(0, "and".to_string());
                    k -= 1;
                } else {
                    break;
                }
            }
            if !title {
                break;
            }
            // A former role is not a membership.
            if words
                .first()
                .is_some_and(|w| w == "former" || w == "ex" || w == "late")
            {
                break;
            }
            let role = dedupe_words(&words);
            // "President NAME of Ghana"
            let after_of = || -> Option<usize> {
                (toks.get(pb + 1)?.lower == "of").then_some(())?;
                let s = if toks.get(pb + 2)?.lower == "the" {
                    pb + 3
                } else {
                    pb + 2
                };
                starts
                    .get(&s)
                    .copied()
                    .filter(|&h| mentions[h].etype != EntityType::Person)
            };
            let h = (k >= 0)
                .then(|| holder_before(k as usize))
                .flatten()
                // "the Danish fitness coach NAME": a nationality, not a holder.
                .filter(|&h| !(mentions[h].kind == MentionKind::Demonym && occupation(&role)))
                .or(of_holder)
                .or_else(after_of);
            let Some(h) = h.filter(|&h| h != p) else {
                let hint = if k >= 0 {
                    hint_at(toks, k as usize)
                } else {
                    HolderHint::None
                };
                untethered.push(Untethered {
                    fact: RoleFact {
                        sentence: si,
                        person: p,
                        holder: p,
                        role,
                        guessed: false,
                    },
                    hint,
                });
                break;
            };
            // "former Scotland midfielder NAME": a past role is not a membership.
            let hs = mentions[h].tokens.0;
            if hs >= 1 && matches!(toks[hs - 1].lower.as_str(), "former" | "ex" | "late") {
                break;
            }
            // A bare capitalized word holding a title is an organization ("Nordvik chief
            // executive X").
            if mentions[h].kind == MentionKind::WeakName {
                mentions[h].kind = MentionKind::Name;
                mentions[h].etype = EntityType::Organization;
            }
            mentions[h].consumed = true;
            roles.push(RoleFact {
                sentence: si,
                person: p,
                holder: h,
                role,
                guessed: false,
            });
            if k < 0 {
                break;
            }
            // "the outgoing AU chairperson, President NAME of Ghana": a second title before.
            let ku = k as usize;
            if ku >= 1
                && toks[ku].text == ","
                && role_ending_at(toks, ku - 1, lx).is_some_and(|r| r.2 != "honorific")
            {
                k -= 1;
                continue;
            }
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
                && !matches!(toks[seg_end].text, "," | ";" | "." | "—" | ":")
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
                    // The role as written ("chairman", not the lexicon's "chair").
                    let Some((re, _, kind)) = role_at(toks, r, lx) else {
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
                    let mut words = vec![surface_lower(&toks[r..=re])];
                    let mut k = r as isize - 1;
                    while k >= seg_start as isize
                        && MODIFIERS_SET.contains(toks[k as usize].lower.as_str())
                    {
                        words.insert(0, toks[k as usize].lower.to_string());
                        k -= 1;
                    }
                    let mut holder = (k >= seg_start as isize)
                        .then(|| holder_before(k as usize))
                        .flatten();
                    if holder.is_none()
                        && toks
                            .get(re + 1)
                            .is_some_and(|t| t.lower == "of" || t.lower == "for")
                    {
                        let mut s = re + 2;
                        if toks.get(s).is_some_and(|t| t.lower == "the") {
                            s += 1;
                        }
                        // "head of Russia's sovereign wealth fund": the holder is the fund, not Russia.
                        holder = starts.get(&s).copied().filter(|&h| !mentions[h].possessive);
                    }
                    if let Some(h) = holder.filter(|&h| h != p) {
                        roles.push(RoleFact {
                            sentence: si,
                            person: p,
                            holder: h,
                            role: dedupe_words(&words),
                            guessed: false,
                        });
                        found_role = true;
                    } else if k >= seg_start as isize
                        && !words.first().is_some_and(|w| w == "former" || w == "ex")
                    {
                        // "NAME, the firm's head of research", "NAME, its founder".
                        let hint = hint_at(toks, k as usize);
                        if hint != HolderHint::None {
                            untethered.push(Untethered {
                                fact: RoleFact {
                                    sentence: si,
                                    person: p,
                                    holder: p,
                                    role: dedupe_words(&words),
                                    guessed: false,
                                },
                                hint,
                            });
                        }
                    }
                    break;
                }
                if !relative && found_role {
                    for mq in &mut mentions[first..] {
                        let (qa, _) = mq.tokens;
                        if qa >= seg_start && qa < seg_end && mq.kind != MentionKind::Description {
                            mq.consumed = true;
                        }
                    }
                }
            }
        }
        // (d) "his Iranian counterpart, NAME".
        if let Some(d) = counterpart(toks, first, mentions, p) {
            untethered.push(Untethered {
                fact: RoleFact {
                    sentence: si,
                    person: p,
                    holder: p,
                    role: String::new(),
                    guessed: false,
                },
                hint: HolderHint::Counterpart(d),
            });
        }
        // (c) "X have appointed NAME as their new head coach", "NAME joined X as CEO".
        if let Some((role, holder)) = as_role(toks, lx, first, mentions, &starts, p) {
            roles.push(RoleFact {
                sentence: si,
                person: p,
                holder,
                role,
                guessed: false,
            });
        }
    }
}

/// "his Iranian counterpart, NAME" / "her French counterpart NAME": the nationality mention.
fn counterpart(toks: &[Token], first: usize, mentions: &[Mention], p: usize) -> Option<usize> {
    let mut k = mentions[p].tokens.0.checked_sub(1)?;
    if toks[k].text == "," {
        k = k.checked_sub(1)?;
    }
    (toks[k].lower == "counterpart").then_some(())?;
    let d = (first..mentions.len())
        .find(|&i| mentions[i].kind == MentionKind::Demonym && mentions[i].tokens.1 + 1 == k)?;
    let before = mentions[d].tokens.0.checked_sub(1)?;
    matches!(toks[before].lower.as_str(), "his" | "her" | "their").then_some(d)
}

/// Verbs that give someone a post ("appointed X as", "X joined Y as").
const GIVES_POST: &[&str] = &[
    "appoint", "name", "hire", "elect", "select", "chose", "choose", "install", "confirm", "tap",
    "promot", "recruit", "join", "sign", "unveil", "nominat",
];

/// "… appointed NAME as [their] [new] head coach [of HOLDER]": the role and its holder, the
/// organization named before "as" (or after "of").
fn as_role(
    toks: &[Token],
    lx: &Lexicon,
    first: usize,
    mentions: &[Mention],
    starts: &ByToken,
    p: usize,
) -> Option<(String, usize)> {
    let (pa, pb) = mentions[p].tokens;
    let as_i = pb + 1;
    (toks.get(as_i)?.lower == "as").then_some(())?;
    let verb = toks[pa.saturating_sub(5)..as_i]
        .iter()
        .any(|t| GIVES_POST.iter().any(|v| t.lower.starts_with(v)));
    if !verb {
        return None;
    }
    let mut r = as_i + 1;
    while toks
        .get(r)
        .is_some_and(|t| matches!(t.lower.as_str(), "their" | "its" | "the" | "a" | "an"))
    {
        r += 1;
    }
    let rs = r;
    while toks
        .get(r)
        .is_some_and(|t| MODIFIERS_SET.contains(t.lower.as_str()))
        && role_at(toks, r, lx).is_none()
    {
        r += 1;
    }
    let (mut re, _, kind) = role_at(toks, r, lx)?;
    if kind == "honorific" {
        return None;
    }
    // "head coach", "chief executive officer": consecutive role words make one role.
    while let Some((e, _, _)) = role_at(toks, re + 1, lx).filter(|x| x.2 != "honorific") {
        re = e;
    }
    let role = dedupe_words(&[surface_lower(&toks[rs..=re])]);
    let of_holder = toks
        .get(re + 1)
        .filter(|t| t.lower == "of" || t.lower == "at")
        .and_then(|_| {
            let s = if toks.get(re + 2)?.lower == "the" {
                re + 3
            } else {
                re + 2
            };
            starts.get(&s).copied()
        })
        .filter(|&h| mentions[h].etype == EntityType::Organization);
    let before = (first..mentions.len())
        .filter(|&i| {
            i != p
                && mentions[i].etype == EntityType::Organization
                && mentions[i].kind == MentionKind::Name
                && mentions[i].tokens.1 < as_i
        })
        .max_by_key(|&i| mentions[i].tokens.1);
    Some((role, of_holder.or(before)?))
}

/// Role words as written, lower case ("Defence Minister" → "defence minister").
fn surface_lower(toks: &[Token]) -> String {
    let mut out = String::new();
    for t in toks.iter().filter(|t| t.is_word()) {
        if t.hyphen_joined && !out.is_empty() {
            out.push('-');
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.lower.trim_end_matches('.'));
    }
    out
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
    let starts = ByToken::new(
        toks.len(),
        (first..mentions.len()).map(|i| (mentions[i].tokens.0, i)),
    );
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
            .map(|t| t.text)
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

/// Role words held for a country ("President NAME", "Defence Minister NAME").
fn country_title(role: &str) -> bool {
    role.ends_with("president")
        || role.ends_with("minister")
        || role.ends_with("chancellor")
        || role.ends_with("senator")
        || role.ends_with("ambassador")
        || role.ends_with("secretary of state")
        || (role.ends_with("secretary") && role.contains(' ') && !role.contains("general"))
        || role.ends_with("king")
        || role.ends_with("queen")
        || role.ends_with("premier")
}

/// Titles held in a company, club or institution, guessed as the story's organization when
/// written bare ("chairman Fraser McIntyre").
fn org_title(role: &str) -> bool {
    [
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "ceo",
        "chief executive",
        "cfo",
        "coo",
        "cto",
        "coach",
        "manager",
        "director",
        "founder",
        "co-founder",
        "executive",
        "governor",
        "head",
        "chief",
        "secretary-general",
        "director-general",
        "president",
    ]
    .iter()
    .any(|w| role == *w || role.ends_with(&format!(" {w}")))
}

/// Titles too ambiguous to guess a holder for from context.
fn untetherable(role: &str) -> bool {
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "envoy",
        "official",
        "leader",
        "lawyer",
        "aide",
        "adviser",
        "advisor",
    ]
    .iter()
    .any(|w| role.ends_with(w))
}

/// Give a holder to titles written without one ("Outgoing President Gabriel Ospina", "chairman
/// Fraser McIntyre", "its founder, NAME"): what the hint points to; for country titles a country
/// named in the same sentence, else the one the document names most often; for other titles
/// the organization the document names most often, else one in the same sentence, else the
/// first one of the lede; a spokesperson speaks for the one organization of the sentence before.
pub fn tether(ex: &mut Extraction, untethered: Vec<Untethered>) {
    use std::collections::BTreeMap;
    let root = |mut i: usize| {
        while let Some(a) = ex.mentions[i].alias_of.filter(|&a| a < i) {
            i = a;
        }
        i
    };
    let is_org = |m: &Mention| m.etype == EntityType::Organization && m.kind == MentionKind::Name;
    let is_country = |m: &Mention| {
        m.kind == MentionKind::Demonym || m.place_kind == Some(crate::lexicon::PlaceKind::Country)
    };
    let mut country_count: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut org_count: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, m) in ex.mentions.iter().enumerate() {
        if is_country(m) {
            if let Some(c) = &m.canonical {
                country_count.entry(c.clone()).or_insert((0, i)).0 += 1;
            }
        } else if is_org(m) {
            let r = &ex.mentions[root(i)];
            let key = r.canonical.clone().unwrap_or_else(|| r.surface.clone());
            org_count.entry(key).or_insert((0, i)).0 += 1;
        }
    }
    let dominant = |counts: &BTreeMap<String, (usize, usize)>| -> Option<usize> {
        let mut v: Vec<&(usize, usize)> = counts.values().collect();
        v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        match v.as_slice() {
            [top, second, ..] if top.0 >= 2 && top.0 >= 3 * second.0 => Some(top.1),
            [top] if top.0 >= 2 => Some(top.1),
            _ => None,
        }
    };
    let top_country = dominant(&country_count);
    let top_org = dominant(&org_count);
    let lede_country = ex
        .mentions
        .iter()
        .position(|m| m.sentence == 0 && is_country(m));
    let lede_org = ex
        .mentions
        .iter()
        .position(|m| m.sentence <= 1 && is_org(m));
    // A person's surname: how the document refers back to them ("Trump", "Moreau").
    let last = |m: &Mention| m.surface.rsplit(' ').next().map(str::to_string);
    let mut found = Vec::new();
    for Untethered { fact: r, hint } in untethered {
        let pstart = ex.mentions[r.person].tokens.0;
        let person = r.person;
        // The nearest mention before the person in its sentence.
        let before = |pred: &dyn Fn(&Mention) -> bool| {
            ex.mentions
                .iter()
                .enumerate()
                .filter(|(i, m)| {
                    *i != person && m.sentence == r.sentence && m.tokens.1 < pstart && pred(m)
                })
                .max_by_key(|(_, m)| m.tokens.1)
                .map(|(i, _)| i)
        };
        // The first such mention of the sentence before.
        let previous = |pred: &dyn Fn(&Mention) -> bool| {
            ex.mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| r.sentence > 0 && m.sentence == r.sentence - 1 && pred(m))
                .min_by_key(|(_, m)| m.tokens.0)
                .map(|(i, _)| i)
        };
        let in_sentence = |pred: &dyn Fn(&Mention) -> bool| {
            ex.mentions
                .iter()
                .enumerate()
                .find(|(i, m)| *i != person && m.sentence == r.sentence && pred(m))
                .map(|(i, _)| i)
        };
        let is_person = |m: &Mention| {
            m.etype == EntityType::Person
                && matches!(m.kind, MentionKind::Name | MentionKind::Pronoun)
        };
        if let HolderHint::Counterpart(d) = hint {
            // The person "his" stands for, and a role that person holds in this document.
            // The subject: the first name of the sentence, else of the sentence before.
            let is_name =
                |m: &Mention| m.etype == EntityType::Person && m.kind == MentionKind::Name;
            let subject = ex
                .mentions
                .iter()
                .enumerate()
                .filter(|(i, m)| *i != person && m.sentence == r.sentence && m.tokens.1 < pstart)
                .filter(|(_, m)| is_name(m))
                .min_by_key(|(_, m)| m.tokens.0)
                .map(|(i, _)| i);
            let Some(a) = subject.or_else(|| previous(&is_name)) else {
                continue;
            };
            let key = last(&ex.mentions[a]);
            let role = ex
                .roles
                .iter()
                .chain(found.iter())
                .find(|x| key.is_some() && last(&ex.mentions[x.person]) == key)
                .map(|x| x.role.clone());
            if let Some(role) = role {
                found.push(RoleFact {
                    sentence: r.sentence,
                    person,
                    holder: d,
                    role,
                    guessed: false,
                });
            }
            continue;
        }
        let holder = match hint {
            HolderHint::OrgPronoun => before(&is_org).or_else(|| previous(&is_org)),
            HolderHint::PersonPronoun => before(&is_person).or_else(|| previous(&is_person)),
            HolderHint::OrgNoun => before(&is_org)
                .or_else(|| previous(&|m: &Mention| is_org(m) || m.kind == MentionKind::WeakName))
                .or(top_org)
                .or(lede_org),
            HolderHint::None if untetherable(&r.role) => {
                if !["spokesperson", "spokesman", "spokeswoman"]
                    .iter()
                    .any(|w| r.role.ends_with(w))
                {
                    continue;
                }
                // "China's Commerce Ministry rejected … Spokeswoman NAME said": the one
                // organization of the sentence before, if it opens that sentence.
                let orgs: Vec<usize> = ex
                    .mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| r.sentence > 0 && m.sentence == r.sentence - 1 && is_org(m))
                    .map(|(i, _)| i)
                    .collect();
                before(&is_org).or(match orgs.as_slice() {
                    [o] => {
                        let earlier = ex
                            .mentions
                            .iter()
                            .filter(|m| {
                                m.sentence == r.sentence - 1
                                    && m.tokens.0 < ex.mentions[*o].tokens.0
                                    && !is_country(m)
                            })
                            .count();
                        (earlier == 0).then_some(*o)
                    }
                    _ => None,
                })
            }
            HolderHint::None if country_title(&r.role) => {
                // The same title given with its country elsewhere in the document ("U.S.
                // President Donald Trump" … "President Trump").
                let title = r.role.rsplit(' ').next().unwrap_or("");
                let key = last(&ex.mentions[person]);
                let known = ex
                    .roles
                    .iter()
                    .find(|x| x.role.ends_with(title) && last(&ex.mentions[x.person]) == key)
                    .map(|x| x.holder);
                // A country named before the person, not as the object of "against", "toward"
                // …, nor inside another role phrase.
                let near = before(&|m: &Mention| {
                    is_country(m)
                        && !m.consumed
                        && !m.prep.as_deref().is_some_and(|p| {
                            matches!(
                                p,
                                "against"
                                    | "toward"
                                    | "towards"
                                    | "with"
                                    | "to"
                                    | "from"
                                    | "on"
                                    | "over"
                                    | "at"
                                    | "into"
                            )
                        })
                });
                // A country does not have two presidents: skip one whose title another person
                // holds in this document.
                let country_of = |i: usize| ex.mentions[i].canonical.clone();
                let taken = |c: usize| {
                    ex.roles.iter().chain(found.iter()).any(|x| {
                        x.role.ends_with(title)
                            && last(&ex.mentions[x.person]) != key
                            && country_of(x.holder).is_some()
                            && country_of(x.holder) == country_of(c)
                    })
                };
                known.or_else(|| {
                    [near, top_country, lede_country]
                        .into_iter()
                        .flatten()
                        .find(|&c| !taken(c))
                })
            }
            HolderHint::Counterpart(_) => None,
            HolderHint::None if org_title(&r.role) => {
                lede_org.or(top_org).or_else(|| in_sentence(&is_org))
            }
            HolderHint::None => None,
        };
        if let Some(h) = holder.filter(|&h| h != person) {
            // "Meridian rejected … a company spokeswoman": the bare word is the company.
            if ex.mentions[h].kind == MentionKind::WeakName {
                ex.mentions[h].kind = MentionKind::Name;
                ex.mentions[h].etype = EntityType::Organization;
            }
            found.push(RoleFact {
                sentence: r.sentence,
                person,
                holder: h,
                role: r.role,
                guessed: true,
            });
        }
    }
    ex.roles.extend(found);
}
