//! Entity mentions from capitalized runs, gazetteers, cues and titles.

use std::collections::HashSet;

use super::tokens::{Probe, TokKind, Token};
use super::{EntityType, Mention, MentionKind};
use crate::lexicon::{push_name_key, Lexicon, NameEntry, PlaceKind};
use crate::text::Span;

/// Lower-case particles that may sit inside a person's name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "del", "di", "du", "dos", "la", "le", "bin", "al",
    "ibn",
];
/// Connectors allowed inside a capitalized run when a capitalized word follows.
const CONNECTORS: &[&str] = &["of", "for"];
/// Nouns before "of" that make the next name a place ("the coastal town of Camaná").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "region",
    "province",
    "state",
    "district",
    "capital",
    "port",
    "island",
    "county",
    "municipality",
    "suburb",
    "outskirts",
];
/// Prepositions that make a bare capitalized word a likely place.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "across", "outside", "inside",
];

/// Names a document uses in full: the parts of every multi-word person name, so that a bare
/// "Witkoff" or a sentence-initial "Putin" is recognized.
#[derive(Debug, Default)]
pub struct DocNames {
    parts: HashSet<String>,
    /// The first pass over each sentence (see [`DocNames::find`]).
    first_pass: Vec<FirstPass>,
    /// While collecting: the words asked about in the current sentence.
    asked: Option<std::cell::RefCell<Vec<String>>>,
}

/// What the first pass (with no names) found in one sentence.
#[derive(Debug, Default)]
struct FirstPass {
    /// The sentence's mentions.
    found: Vec<Mention>,
    /// The words [`DocNames::is_person_part`] was asked about while finding them.
    asked: Vec<String>,
    /// Each capitalized run's share of `asked` and `found`; `None` when `find` changed the
    /// runs' mentions afterwards (an acronym in brackets), so that they are not the runs' own.
    runs: Option<Vec<Run>>,
}

/// One capitalized run of the first pass: its first token, and the ranges of
/// [`FirstPass::asked`] and [`FirstPass::found`] that classifying it asked and produced.
#[derive(Debug, Clone)]
struct Run {
    a: usize,
    asked: std::ops::Range<usize>,
    found: std::ops::Range<usize>,
}

/// How [`find_runs`] gets the mentions of each capitalized run.
enum RunSource<'r> {
    /// Classify every run.
    Classify,
    /// Classify every run and record what each asked and produced (the first pass).
    Record(&'r mut Vec<Run>),
    /// Reuse the first pass's mentions of the runs none of whose asked words is a name part;
    /// classify the others.
    Replay {
        runs: &'r [Run],
        asked: &'r [String],
        found: std::vec::IntoIter<Mention>,
        /// Runs and mentions of the first pass gone through.
        next_run: usize,
        taken: usize,
    },
}

impl DocNames {
    /// First pass over the document's sentences.
    pub fn collect(sentences: &[Vec<Token>], lexicon: &Lexicon) -> Self {
        let recorder = DocNames {
            asked: Some(Default::default()),
            ..DocNames::default()
        };
        let mut parts = HashSet::new();
        let mut first_pass = Vec::with_capacity(sentences.len());
        for (si, toks) in sentences.iter().enumerate() {
            let mut found = Vec::with_capacity(8);
            let mut runs = Vec::new();
            let changed = find_runs(
                si,
                toks,
                lexicon,
                &recorder,
                &mut found,
                RunSource::Record(&mut runs),
            );
            for m in &found {
                if m.etype == EntityType::Person && m.kind == MentionKind::Name {
                    let words: Vec<&str> = m
                        .surface
                        .split(' ')
                        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                        .collect();
                    if words.len() >= 2 {
                        parts.extend(words.iter().map(|w| w.to_string()));
                    }
                }
            }
            let asked = recorder
                .asked
                .as_ref()
                .map(|a| std::mem::take(&mut *a.borrow_mut()))
                .unwrap_or_default();
            first_pass.push(FirstPass {
                found,
                asked,
                runs: (!changed).then_some(runs),
            });
        }
        DocNames {
            parts,
            first_pass,
            asked: None,
        }
    }

    /// How many words were asked about so far in the current sentence (while collecting).
    fn asked_len(&self) -> usize {
        self.asked.as_ref().map_or(0, |a| a.borrow().len())
    }

    /// True when `word` is part of a full person name in the document.
    pub fn is_person_part(&self, word: &str) -> bool {
        if let Some(asked) = &self.asked {
            asked.borrow_mut().push(word.to_string());
        }
        self.parts.contains(word)
    }

    /// [`find`] with these names, for sentence `si` of the sentences given to
    /// [`DocNames::collect`]. The first pass ran the same search with no names: when none of
    /// the words it asked about is a name part, the answer is the same and is reused; else
    /// the capitalized runs whose own asked words are no name parts reuse theirs.
    pub fn find(&mut self, si: usize, toks: &[Token], lx: &Lexicon, out: &mut Vec<Mention>) {
        let Some(pass) = self.first_pass.get_mut(si) else {
            find(si, toks, lx, self, out);
            return;
        };
        if pass.asked.iter().all(|w| !self.parts.contains(w)) {
            let first = out.len();
            out.extend(std::mem::take(&mut pass.found).into_iter().map(|mut m| {
                m.alias_of = m.alias_of.map(|a| a + first);
                m
            }));
            return;
        }
        let pass = std::mem::take(pass);
        match &pass.runs {
            Some(runs) => {
                let source = RunSource::Replay {
                    runs,
                    asked: &pass.asked,
                    found: pass.found.into_iter(),
                    next_run: 0,
                    taken: 0,
                };
                find_runs(si, toks, lx, self, out, source);
            }
            None => find(si, toks, lx, self, out),
        }
    }
}

fn starts_run(t: &Token) -> bool {
    t.is_cap() || t.is_acronym()
}

/// A capitalized plural of a common noun for people ("Analysts", "Officials", "Critics"): a
/// word of `lexicon/group_nouns.tsv`, or a role word or a frequent word with an `s` (or
/// `es`) added. Such a word opening a sentence names a group, not a person.
fn is_group_plural(w: &Token, lx: &Lexicon) -> bool {
    let l = w.lower.as_str();
    if !w.is_cap() || w.is_acronym() {
        return false;
    }
    if lx.group_nouns.contains(l) {
        return true;
    }
    if l.len() < 4 || !l.ends_with('s') || l.ends_with("ss") {
        return false;
    }
    [
        l.strip_suffix('s').map(str::to_string),
        l.strip_suffix("es").map(str::to_string),
        l.strip_suffix("ies").map(|stem| format!("{stem}y")),
    ]
    .into_iter()
    .flatten()
    .any(|s| lx.role_index.contains_key(&s) || lx.frequent.contains(&s))
}

/// Find the mentions of sentence `si` and append them to `out`.
pub fn find(si: usize, toks: &[Token], lx: &Lexicon, names: &DocNames, out: &mut Vec<Mention>) {
    find_runs(si, toks, lx, names, out, RunSource::Classify);
}

/// [`find`], with the mentions of each capitalized run from `source`. True when an acronym
/// in brackets changed mentions of the runs afterwards.
fn find_runs(
    si: usize,
    toks: &[Token],
    lx: &Lexicon,
    names: &DocNames,
    out: &mut Vec<Mention>,
    mut source: RunSource,
) -> bool {
    let first_word = toks.iter().position(|t| t.is_word());
    let mut i = 0;
    while i < toks.len() {
        if !starts_run(&toks[i]) {
            i += 1;
            continue;
        }
        // Extend the capitalized run.
        let a = i;
        let mut b = i;
        loop {
            let n = b + 1;
            if n >= toks.len() {
                break;
            }
            let t = &toks[n];
            // Never across masked text, here or in the word a hyphen or connector would add.
            if t.after_mask
                || (t.kind != TokKind::Word || !starts_run(t))
                    && toks.get(n + 1).is_some_and(|x| x.after_mask)
            {
                break;
            }
            if starts_run(t) && t.kind == TokKind::Word {
                b = n;
            } else if (t.kind == TokKind::Punct
                && t.text == "-"
                && toks.get(n + 1).is_some_and(|x| {
                    // "Jean-Luc", and "Do-hyun" (a name syllable, not an English word as in
                    // "Kyiv-born")
                    x.hyphen_joined
                        && (starts_run(x)
                            || (x.is_word()
                                && x.text.chars().all(char::is_lowercase)
                                && !lx.frequent.contains(x.lower.as_str())
                                && !lx.stopwords.contains(x.lower.as_str())
                                && toks[b].is_cap()
                                && !lx.trigger_index.contains_key(x.lower.as_str())))
                }))
                || (t.kind == TokKind::Word
                    && (CONNECTORS.contains(&t.lower.as_str())
                        || PARTICLES.contains(&t.lower.as_str()))
                    && toks.get(n + 1).is_some_and(starts_run))
            {
                b = n + 1;
            } else if t.kind == TokKind::Word
                && PARTICLES.contains(&t.lower.as_str())
                && toks.get(n + 1).is_some_and(|h| h.text == "-")
                && toks
                    .get(n + 2)
                    .is_some_and(|x| x.hyphen_joined && starts_run(x))
            {
                // "Abdul-Malik al-Houthi"
                b = n + 2;
            } else {
                break;
            }
        }
        // "Washington, DC": a comma inside a gazetteer name.
        if toks.get(b + 1).is_some_and(|t| t.text == ",") && toks.get(b + 2).is_some_and(starts_run)
        {
            if let Some((k, _, _)) = gazetteer(toks, a, b + 2, lx).filter(|g| g.0 == b + 2) {
                b = k;
            }
        }
        let sentence_start = first_word == Some(a);
        match &mut source {
            RunSource::Classify => classify(si, toks, a, b, lx, names, sentence_start, out),
            RunSource::Record(runs) => {
                let (asked, found) = (names.asked_len(), out.len());
                classify(si, toks, a, b, lx, names, sentence_start, out);
                runs.push(Run {
                    a,
                    asked: asked..names.asked_len(),
                    found: found..out.len(),
                });
            }
            RunSource::Replay {
                runs,
                asked,
                found,
                next_run,
                taken,
            } => match runs.get(*next_run).filter(|r| r.a == a) {
                Some(run) => {
                    *next_run += 1;
                    // The first-pass mentions of the runs before, then this run's.
                    for _ in found.by_ref().take(run.found.start.saturating_sub(*taken)) {}
                    *taken = run.found.end;
                    let mine = found.by_ref().take(run.found.len());
                    let clean = asked
                        .get(run.asked.clone())
                        .is_some_and(|w| w.iter().all(|w| !names.parts.contains(w)));
                    if clean {
                        out.extend(mine);
                    } else {
                        for _ in mine {}
                        classify(si, toks, a, b, lx, names, sentence_start, out);
                    }
                }
                None => classify(si, toks, a, b, lx, names, sentence_start, out),
            },
        }
        i = b + 1;
    }
    // "Full Name (ACRONYM)": the acronym abbreviates the name before it.
    let start = out
        .iter()
        .position(|m| m.sentence == si)
        .unwrap_or(out.len());
    let mut changed = false;
    for j in start + 1..out.len() {
        let (prev, cur) = (&out[j - 1], &out[j]);
        let (pb, ca, cb) = (prev.tokens.1, cur.tokens.0, cur.tokens.1);
        let bracketed = ca == pb + 2
            && toks.get(pb + 1).is_some_and(|t| t.text == "(")
            && toks.get(cb + 1).is_some_and(|t| t.text == ")");
        if bracketed
            && toks[ca].is_acronym()
            && ca == cb
            && prev.kind == MentionKind::Name
            && prev.etype != EntityType::Place
        {
            // Only organizations have acronyms in brackets.
            changed = true;
            out[j - 1].etype = EntityType::Organization;
            out[j].alias_of = Some(j - 1);
            out[j].etype = EntityType::Organization;
            out[j].kind = MentionKind::Name;
        }
    }
    // Personal pronouns as subjects ("He said", "…, she told reporters").
    for (k, t) in toks.iter().enumerate() {
        if !(t.is_word() && matches!(t.lower.as_str(), "he" | "she")) {
            continue;
        }
        let subject_like = Some(k) == first_word
            || k.checked_sub(1).is_some_and(|p| {
                matches!(
                    toks[p].text,
                    "," | "and"
                        | "but"
                        | "that"
                        | "\""
                        | "”"
                        | "where"
                        | "when"
                        | "while"
                        | "after"
                        | "before"
                        | "because"
                        | "since"
                        | "if"
                        | "so"
                        | "then"
                )
            });
        if subject_like {
            out.push(mention(
                si,
                toks,
                k,
                k,
                EntityType::Person,
                MentionKind::Pronoun,
                None,
            ));
        }
    }
    changed
}

/// "the central bank", "the Commission", "the registry": a definite noun phrase that repeats
/// words of an organization named earlier in the document (ending where that name ends or
/// before its "of") stands for that organization. Appends Description mentions whose
/// `alias_of` is the most recent such name.
///
/// `words` keeps the lower-case words of the organization names seen so far, by mention
/// index, from one sentence of the document to the next: use one per document, and call this
/// for each sentence in order, once the sentence's mentions and roles are found.
pub fn org_anaphora(
    si: usize,
    toks: &[Token],
    first: usize,
    out: &mut Vec<Mention>,
    words: &mut OrgWords,
) {
    let covered = |k: usize, out: &Vec<Mention>| {
        out[first..]
            .iter()
            .any(|m| m.tokens.0 <= k && k <= m.tokens.1)
    };
    // The organization names not seen yet. A mention's type and kind are final once its
    // sentence is through `roles::find` (later sentences change only their own mentions), and
    // its surface never changes: its words are split once.
    for (i, m) in out.iter().enumerate().skip(words.scanned) {
        if m.etype == EntityType::Organization && m.kind == MentionKind::Name && m.sentence <= si {
            let w = m
                .surface
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            words.orgs.push((i, w));
        }
    }
    words.scanned = out.len();
    let orgs = &words.orgs;
    if orgs.is_empty() {
        return;
    }
    let mut k = 0;
    while k < toks.len() {
        if toks[k].lower != "the" {
            k += 1;
            continue;
        }
        let mut found = None;
        for n in (1..=3).rev() {
            let (a, b) = (k + 1, k + n);
            if b >= toks.len()
                || !(a..=b).all(|x| toks[x].is_word() && !covered(x, out) && !toks[x].is_number())
            {
                continue;
            }
            // The phrase ends the noun phrase: not "the bank account".
            if toks.get(b + 1).is_some_and(|t| {
                t.is_word() && !t.is_cap() && continues_noun_phrase(t.lower.as_str())
            }) {
                continue;
            }
            let phrase: Vec<&str> = toks[a..=b].iter().map(|t| t.lower.as_str()).collect();
            let head_ok = |w: &[String], end: usize| {
                end + 1 == w.len() || w.get(end + 1).is_some_and(|x| x == "of")
            };
            let hit = orgs
                .iter()
                .filter(|(i, w)| {
                    *i < out.len()
                        && (out[*i].sentence < si || out[*i].tokens.1 < a)
                        && w.len() > phrase.len()
                        && (0..=w.len() - phrase.len()).any(|s| {
                            w[s..s + phrase.len()]
                                .iter()
                                .zip(&phrase)
                                .all(|(x, y)| x == y)
                                && head_ok(w, s + phrase.len() - 1)
                        })
                })
                .max_by_key(|(i, _)| *i)
                .map(|(i, _)| *i);
            if let Some(h) = hit {
                found = Some((a, b, h));
                break;
            }
        }
        let Some((a, b, h)) = found else {
            k += 1;
            continue;
        };
        let mut m = mention(
            si,
            toks,
            a,
            b,
            EntityType::Organization,
            MentionKind::Description,
            None,
        );
        m.alias_of = Some(h);
        m.prep = Some("the".into());
        m.possessive = toks
            .get(b + 1)
            .is_some_and(|t| t.kind == TokKind::Possessive);
        out.push(m);
        k = b + 1;
    }
}

/// The lower-case words of a document's organization names, with their mention indices (see
/// [`org_anaphora`]).
#[derive(Debug, Default)]
pub struct OrgWords {
    /// Mentions looked at so far.
    scanned: usize,
    /// Organization names among them: mention index, lower-case words.
    orgs: Vec<(usize, Vec<String>)>,
}

/// Words that continue a noun phrase after a noun ("the bank account", "the fund manager").
pub(crate) fn continues_noun_phrase(w: &str) -> bool {
    !matches!(
        w,
        "said"
            | "says"
            | "has"
            | "had"
            | "have"
            | "is"
            | "was"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "and"
            | "or"
            | "but"
            | "in"
            | "on"
            | "at"
            | "for"
            | "to"
            | "of"
            | "with"
            | "by"
            | "from"
            | "that"
            | "which"
            | "who"
            | "as"
            | "after"
            | "before"
            | "since"
            | "also"
            | "announced"
            | "added"
            | "told"
            | "reported"
            | "noted"
            | "warned"
            | "expects"
            | "expected"
            | "plans"
            | "planned"
            | "wants"
            | "wanted"
    ) && !w.ends_with("ed")
        && !w.ends_with("ly")
}

fn mention(
    si: usize,
    toks: &[Token],
    a: usize,
    b: usize,
    etype: EntityType,
    kind: MentionKind,
    entry: Option<&NameEntry>,
) -> Mention {
    let span = Span::new(toks[a].span.start, toks[b].span.end);
    // The text as written, with any run of whitespace inside shown as one space.
    let surface =
        toks[a..=b]
            .iter()
            .enumerate()
            .fold(String::with_capacity(span.len()), |mut s, (k, t)| {
                if k > 0 && t.span.start > toks[a + k - 1].span.end {
                    s.push(' ');
                }
                s.push_str(t.text);
                s
            });
    Mention {
        sentence: si,
        span,
        surface,
        etype,
        kind,
        canonical: entry.map(|e| e.canonical.clone()),
        place_kind: entry.and_then(|e| e.place_kind),
        org_kind: entry.and_then(|e| e.org_kind.clone()),
        country: entry.and_then(|e| e.country.clone()),
        role_hint: None,
        holder_hint: None,
        consumed: false,
        prep: preceding_word(toks, a),
        possessive: toks
            .get(b + 1)
            .is_some_and(|t| t.kind == TokKind::Possessive),
        tokens: (a, b),
        alias_of: None,
    }
}

/// The word before token `a`, skipping articles ("at the White House" → "at").
fn preceding_word(toks: &[Token], a: usize) -> Option<String> {
    let mut k = a;
    while k > 0 {
        k -= 1;
        let t = &toks[k];
        if !t.is_word() {
            return None;
        }
        if !matches!(t.lower.as_str(), "the" | "a" | "an") {
            return Some(t.lower.to_string());
        }
    }
    None
}

/// Longest gazetteer match starting at `i` and ending by `b`: (last token, entry, is place).
///
/// `toks` is a whole sentence: when no gazetteer name starts with the word at `i`, the token
/// remembers it.
fn gazetteer<'l>(
    toks: &[Token],
    i: usize,
    b: usize,
    lx: &'l Lexicon,
) -> Option<(usize, &'l NameEntry, bool)> {
    let memo = &toks.get(i)?.memo.gazetteer;
    if memo.get() == Probe::None {
        return None;
    }
    gazetteer_lookup(toks, i, b, lx)
}

/// The [`crate::lexicon::name_key`] of a word token when it is its lower case (an ASCII word
/// without periods: letters, digits, `'`, `&`), without building it.
fn plain_key<'t>(t: &'t Token) -> Option<&'t str> {
    (t.is_word() && t.text.is_ascii() && !t.text.contains('.')).then_some(t.lower.as_str())
}

/// [`gazetteer`], looked up.
fn gazetteer_lookup<'l>(
    toks: &[Token],
    i: usize,
    b: usize,
    lx: &'l Lexicon,
) -> Option<(usize, &'l NameEntry, bool)> {
    // The key of `toks[i..=k]` is `name_key` of their texts joined by spaces: built one token
    // at a time, with where it ends after each token.
    let t = toks.get(i)?;
    if let Some(first) = plain_key(t) {
        if !lx.name_first_words.contains(first) {
            t.memo.gazetteer.set(Probe::None);
            return None;
        }
    }
    let mut key = String::with_capacity(64);
    push_name_key(&mut key, t.text);
    if !lx
        .name_first_words
        .contains(key.split(' ').next().unwrap_or(""))
    {
        t.memo.gazetteer.set(Probe::None);
        return None;
    }
    let max = b.min(i + lx.max_name_tokens * 2);
    if max < i {
        return None;
    }
    let mut ends = Vec::with_capacity(max + 1 - i);
    ends.push(key.len());
    for t in &toks[i + 1..=max] {
        push_name_key(&mut key, t.text);
        ends.push(key.len());
    }
    for k in (i..=max).rev() {
        if !toks[k].is_word() {
            continue;
        }
        let key = &key[..ends[k - i]];
        // Very short keys only match as written in capitals ("US", "AP"), not "Us".
        let short_ok = key.len() > 3 || toks[i].is_acronym() || k > i;
        if !short_ok {
            if let Some(e) = lx.orgs.get(key).or_else(|| lx.places.get(key)) {
                if e.canonical.chars().all(|c| !c.is_lowercase()) {
                    continue;
                }
            }
        }
        if let Some(e) = lx.places.get(key) {
            return Some((k, e, true));
        }
        if let Some(e) = lx.orgs.get(key) {
            return Some((k, e, false));
        }
    }
    None
}

/// Longest nationality adjective at `i` (up to three words: "Costa Rican", "South Korean"):
/// last token, ISO code, country name.
///
/// `toks` is a whole sentence: when no nationality adjective starts with the word at `i`, the
/// token remembers it.
fn demonym_at(toks: &[Token], i: usize, b: usize, lx: &Lexicon) -> Option<(usize, String, String)> {
    let memo = &toks.get(i)?.memo.demonym;
    if memo.get() == Probe::None {
        return None;
    }
    demonym_lookup(toks, i, b, lx)
}

/// [`demonym_at`], looked up.
fn demonym_lookup(
    toks: &[Token],
    i: usize,
    b: usize,
    lx: &Lexicon,
) -> Option<(usize, String, String)> {
    // Keys built one token at a time, as in `gazetteer`.
    const N: usize = 5;
    let max = b.min(i + N - 1);
    if i > max {
        return None;
    }
    // Every key here starts with the first word of the key of token `i` (when it has one).
    if let Some(first) = plain_key(&toks[i]) {
        if !lx.demonym_first_words.contains(first) {
            toks[i].memo.demonym.set(Probe::None);
            return None;
        }
    }
    let mut key = String::with_capacity(64);
    push_name_key(&mut key, toks[i].text);
    if !key.is_empty()
        && !lx
            .demonym_first_words
            .contains(key.split(' ').next().unwrap_or(""))
    {
        toks[i].memo.demonym.set(Probe::None);
        return None;
    }
    let mut ends = [0usize; N];
    ends[0] = key.len();
    for (n, t) in toks[i + 1..=max].iter().enumerate() {
        push_name_key(&mut key, t.text);
        ends[n + 1] = key.len();
    }
    for k in (i..=max).rev() {
        if !toks[k].is_word() {
            continue;
        }
        if let Some((iso, name)) = lx.demonym_country_key(&key[..ends[k - i]]) {
            return Some((k, iso.to_string(), name.to_string()));
        }
    }
    None
}

/// Longest role title at `i` (case-insensitive): last token index and role label.
///
/// `toks` is a whole sentence: whether a title starts at `i` is remembered in the token.
pub(crate) fn role_at(toks: &[Token], i: usize, lx: &Lexicon) -> Option<(usize, String, String)> {
    let memo = &toks.get(i)?.memo.role;
    if memo.get() == Probe::None {
        return None;
    }
    let r = role_lookup(toks, i, lx);
    memo.set(if r.is_some() {
        Probe::Some
    } else {
        Probe::None
    });
    r
}

/// [`role_at`], looked up.
fn role_lookup(toks: &[Token], i: usize, lx: &Lexicon) -> Option<(usize, String, String)> {
    if !lx
        .role_first_words
        .contains(toks.get(i)?.lower.trim_end_matches('.'))
    {
        return None;
    }
    let max = (toks.len() - 1).min(i + lx.max_role_tokens - 1);
    // The keys of every length at once, words joined by spaces (the form of
    // `Lexicon::role_index`), without and with trailing periods; then longest first.
    const MAX: usize = 16;
    if max - i >= MAX {
        return role_at_slow(toks, i, max, lx);
    }
    let words = &toks[i..=max];
    let mut key = String::with_capacity(words.iter().map(|t| t.lower.len() + 1).sum());
    let mut ends = [(0usize, 0usize); MAX];
    let mut dotted = false;
    for (n, t) in words.iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        let trimmed = t.lower.trim_end_matches('.');
        dotted |= trimmed.len() != t.lower.len();
        key.push_str(trimmed);
        ends[n].0 = key.len();
    }
    // The keys with periods, needed only when a word had one.
    let mut key_dot = String::new();
    if dotted {
        key_dot.reserve(key.capacity());
        for (n, t) in words.iter().enumerate() {
            if n > 0 {
                key_dot.push(' ');
            }
            key_dot.push_str(t.lower.as_str());
            ends[n].1 = key_dot.len();
        }
    }
    for k in (i..=max).rev() {
        let (e, ed) = ends[k - i];
        let found = lx.role_index.get(&key[..e]).or_else(|| {
            // Same key when no word of the prefix had a period.
            if dotted {
                lx.role_index.get(&key_dot[..ed])
            } else {
                None
            }
        });
        if let Some(r) = found {
            return Some((k, r.role.clone(), r.kind.clone()));
        }
    }
    None
}

/// [`role_at`] for candidates longer than its key buffer.
fn role_at_slow(
    toks: &[Token],
    i: usize,
    max: usize,
    lx: &Lexicon,
) -> Option<(usize, String, String)> {
    for k in (i..=max).rev() {
        let key: Vec<String> = toks[i..=k]
            .iter()
            .map(|t| t.lower.trim_end_matches('.').to_string())
            .collect();
        let key_dot: Vec<String> = toks[i..=k].iter().map(|t| t.lower.to_string()).collect();
        if let Some(r) = lx.roles.get(&key).or_else(|| lx.roles.get(&key_dot)) {
            return Some((k, r.role.clone(), r.kind.clone()));
        }
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn classify(
    si: usize,
    toks: &[Token],
    a: usize,
    b: usize,
    lx: &Lexicon,
    names: &DocNames,
    sentence_start: bool,
    out: &mut Vec<Mention>,
) {
    let mut i = a;
    let mut after_title = a > 0 && role_at(toks, a - 1, lx).is_some_and(|r| r.0 == a - 1);
    while i <= b {
        let t = &toks[i];
        if !t.is_word() || !starts_run(t) {
            i += 1;
            continue;
        }
        // Role titles ("President", "Special Envoy", "Foreign Minister", "Mr.").
        if let Some((k, _, _)) = role_at(toks, i, lx).filter(|r| r.0 <= b) {
            i = k + 1;
            after_title = true;
            continue;
        }
        if lx.stopwords.contains(t.lower.as_str())
            || lx.stopwords.contains(t.lower.trim_end_matches('.'))
        {
            i += 1;
            continue;
        }
        // Organization / place cue spans ("Russian Direct Investment Fund", "Grand Europe Hotel",
        // "Ministry of Defence").
        // Cues count only up to the next title ("United Nations Deputy Secretary-General X").
        let limit = (i + 1..=b)
            .find(|&r| role_at(toks, r, lx).is_some())
            .map_or(b, |r| r - 1);
        let mut cue_end = (i..=limit).rev().find(|&c| {
            toks[c].is_word()
                && (lx.org_cues.get(toks[c].text).is_some_and(|p| p != "first")
                    || lx.place_cues.contains(toks[c].text))
        });
        // "Central Bank of Nigeria", "National Bureau of Statistics": the name goes on after "of".
        if let Some(c) = cue_end {
            if c < limit && toks[c + 1].lower == "of" && lx.org_cues.contains_key(toks[c].text) {
                cue_end = Some(limit);
            }
        }
        let first_cue = lx
            .org_cues
            .get(t.text)
            .is_some_and(|p| p == "first" || p == "any")
            && limit > i;
        let mut gaz = gazetteer(toks, i, b, lx);
        // A city name right before an unknown name is a first name ("Sofia Castellanos").
        if let Some((k, e, true)) = gaz {
            let next = toks.get(k + 1).filter(|_| k < b);
            if e.place_kind == Some(PlaceKind::City)
                && next.is_some_and(|n| {
                    n.is_cap()
                        && !n.is_acronym()
                        && !lx.frequent.contains(n.lower.as_str())
                        && !lx.stopwords.contains(n.lower.as_str())
                        && gazetteer(toks, k + 1, b, lx).is_none()
                        && demonym_at(toks, k + 1, b, lx).is_none()
                        && role_at(toks, k + 1, lx).is_none()
                        && !lx.org_cues.contains_key(n.text)
                })
            {
                gaz = None;
            }
        }
        let gaz_end = gaz.map(|g| g.0);
        // "Peruvian Red Cross", "German Foreign Ministry": a nationality adjective inside an
        // organization's name.
        if let Some((d_end, _, _)) = demonym_at(toks, i, b, lx) {
            if d_end < limit {
                let org_after = gazetteer(toks, d_end + 1, b, lx)
                    .filter(|g| !g.2)
                    .map(|g| g.0);
                let cue_after = cue_end.filter(|&c| c > d_end);
                if let Some(end) = cue_after.or(org_after) {
                    out.push(mention(
                        si,
                        toks,
                        i,
                        end,
                        EntityType::Organization,
                        MentionKind::Name,
                        None,
                    ));
                    i = end + 1;
                    after_title = false;
                    continue;
                }
            }
        }
        if let Some(c) = cue_end.filter(|&c| c > i && gaz_end.is_none_or(|g| c > g)) {
            let etype = if lx.place_cues.contains(toks[c].text) {
                EntityType::Place
            } else {
                EntityType::Organization
            };
            out.push(mention(si, toks, i, c, etype, MentionKind::Name, None));
            i = c + 1;
            after_title = false;
            continue;
        }
        if first_cue && gaz_end.is_none_or(|g| limit > g) {
            out.push(mention(
                si,
                toks,
                i,
                limit,
                EntityType::Organization,
                MentionKind::Name,
                None,
            ));
            i = limit + 1;
            continue;
        }
        if let Some((k, entry, is_place)) = gaz {
            let etype = if is_place {
                EntityType::Place
            } else {
                EntityType::Organization
            };
            out.push(mention(
                si,
                toks,
                i,
                k,
                etype,
                MentionKind::Name,
                Some(entry),
            ));
            i = k + 1;
            after_title = false;
            continue;
        }
        if let Some((d_end, iso, country)) = demonym_at(toks, i, b, lx) {
            let mut m = mention(
                si,
                toks,
                i,
                d_end,
                EntityType::Place,
                MentionKind::Demonym,
                None,
            );
            m.canonical = Some(country);
            m.country = Some(iso);
            m.place_kind = Some(PlaceKind::Country);
            out.push(m);
            i = d_end + 1;
            continue;
        }
        // An unknown capitalized run: up to the next title, stopword, gazetteer name or demonym.
        let mut j = i;
        while j < b {
            let n = j + 1;
            let tn = &toks[n];
            if tn.kind == TokKind::Punct || PARTICLES.contains(&tn.lower.as_str()) {
                j = n;
                continue;
            }
            // "Kim Do-hyun": the run took in a lower-case name syllable after a hyphen, and
            // the word before that hyphen ("Do") is a name part even when it is a stopword.
            if tn.is_word() && tn.hyphen_joined && !starts_run(tn) && toks[n - 1].text == "-" {
                j = n;
                continue;
            }
            let before_syllable = n + 2 <= b
                && toks[n + 1].text == "-"
                && toks[n + 2].hyphen_joined
                && !starts_run(&toks[n + 2]);
            if !starts_run(tn)
                || CONNECTORS.contains(&tn.lower.as_str())
                || (lx.stopwords.contains(tn.lower.as_str()) && !before_syllable)
                || role_at(toks, n, lx).is_some()
                || gazetteer(toks, n, b, lx).is_some()
                || demonym_at(toks, n, b, lx).is_some()
            {
                break;
            }
            j = n;
        }
        // Split "Witkoff-Putin" when both halves are names used alone.
        let mut pieces: Vec<(usize, usize)> = Vec::with_capacity(2);
        let mut start = i;
        for k in i..=j {
            let hyphen = toks[k].kind == TokKind::Punct;
            if hyphen
                && k > start
                && k < j
                && names.is_person_part(toks[k - 1].text)
                && names.is_person_part(toks[k + 1].text)
            {
                pieces.push((start, k - 1));
                start = k + 1;
            }
        }
        pieces.push((start, j));
        for (pa, pb) in pieces {
            // Trim trailing particles / hyphens.
            let mut pb = pb;
            while pb > pa
                && !starts_run(&toks[pb])
                && !(toks[pb].hyphen_joined && toks[pb].is_word())
            {
                pb -= 1;
            }
            let words: Vec<&Token> = toks[pa..=pb]
                .iter()
                .filter(|t| t.is_word() && starts_run(t))
                .collect();
            if words.is_empty()
                || words
                    .iter()
                    .any(|w| w.text.chars().any(|c| c.is_ascii_digit()))
            {
                continue;
            }
            if words.iter().all(|w| lx.frequent.contains(w.lower.as_str())) {
                continue;
            }
            let single = words.len() == 1;
            let w = words[0];
            let prep = preceding_word(toks, pa);
            // "Seoul-based Mirae Research": what follows "<place>-based" is an organization.
            let after_based = pa >= 2
                && toks[pa - 1].lower == "based"
                && toks[pa - 1].hyphen_joined
                && toks[pa - 2].text == "-";
            // "Veldhoven-based": the word before "-based" is a place.
            let before_based = toks.get(pb + 1).is_some_and(|h| h.text == "-")
                && toks
                    .get(pb + 2)
                    .is_some_and(|x| x.hyphen_joined && x.lower == "based");
            // "Jan 15", "Sept 3": a month (abbreviated or a first name too) before a day.
            if single
                && pb == b
                && super::time::month_of(w, lx).is_some()
                && super::time::number(toks.get(pb + 1), 1, 31).is_some()
            {
                continue;
            }
            if sentence_start
                && pa == a
                && pb == b
                && single
                && !names.is_person_part(w.text)
                && is_group_plural(w, lx)
            {
                // "Analysts said …", "Officials warned …": people, not a name (but "Police
                // Colonel …" goes on into a title, and "Police" is the force).
                continue;
            }
            let locative = prep
                .as_deref()
                .is_some_and(|p| matches!(p, "in" | "near" | "outside" | "at" | "from"));
            let (etype, kind) = if before_based && !names.is_person_part(w.text) {
                (EntityType::Place, MentionKind::WeakName)
            } else if after_based && !after_title && !names.is_person_part(w.text) {
                (
                    EntityType::Organization,
                    if single {
                        MentionKind::WeakName
                    } else {
                        MentionKind::Name
                    },
                )
            } else if !single && locative && !after_title && !names.is_person_part(w.text) {
                // "in Chiang Mai", "at Le Bourget"
                (EntityType::Place, MentionKind::Name)
            } else if !single {
                (EntityType::Person, MentionKind::Name)
            } else if w.is_acronym() {
                let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
                (
                    EntityType::Organization,
                    if letters >= 3 {
                        MentionKind::Name
                    } else {
                        MentionKind::WeakName
                    },
                )
            } else if after_title || names.is_person_part(w.text) {
                (EntityType::Person, MentionKind::Name)
            } else if (prep
                .as_deref()
                .is_some_and(|p| matches!(p, "in" | "near" | "outside"))
                || (prep.as_deref() == Some("of")
                    && pa >= 2
                    && PLACE_NOUNS
                        .contains(&preceding_word(toks, pa - 1).unwrap_or_default().as_str())))
                && !sentence_start
            {
                // "in Kourou": a place the gazetteer does not know.
                (EntityType::Place, MentionKind::Name)
            } else if pa > 0 && PLACE_PREPS.contains(&toks[pa - 1].lower.as_str()) {
                (EntityType::Place, MentionKind::WeakName)
            } else {
                (EntityType::Person, MentionKind::WeakName)
            };
            if sentence_start
                && pa == a
                && single
                && kind == MentionKind::WeakName
                && lx.frequent.contains(w.lower.as_str())
            {
                continue;
            }
            out.push(mention(si, toks, pa, pb, etype, kind, None));
        }
        after_title = false;
        i = j + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn names(t: &str) -> Vec<(String, EntityType, MentionKind)> {
        let lx = Lexicon::builtin().expect("lexicon");
        let l = t.to_ascii_lowercase();
        let toks = tokenize(t, t, &l, Span::new(0, t.len()));
        let dn = DocNames::collect(std::slice::from_ref(&toks), lx);
        let mut out = Vec::new();
        find(0, &toks, lx, &dn, &mut out);
        out.into_iter()
            .map(|m| (m.surface, m.etype, m.kind))
            .collect()
    }

    #[test]
    fn titles_gazetteer_cues() {
        let got = names("Russian President Vladimir Putin met Russian Direct Investment Fund head Kirill Dmitriev at the Grand Europe Hotel in St. Petersburg.");
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            surfaces,
            vec![
                "Russian",
                "Vladimir Putin",
                "Russian Direct Investment Fund",
                "Kirill Dmitriev",
                "Grand Europe Hotel",
                "St. Petersburg"
            ]
        );
        assert_eq!(got[1].1, EntityType::Person);
        assert_eq!(got[2].1, EntityType::Organization);
        assert_eq!(got[4].1, EntityType::Place);
        assert_eq!(got[0].2, MentionKind::Demonym);
    }

    #[test]
    fn hyphen_split_and_weak() {
        let got = names(
            "Steve Witkoff and Vladimir Putin held the Witkoff-Putin meeting; Zorblat smiled.",
        );
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(
            surfaces.contains(&"Witkoff") && surfaces.contains(&"Putin"),
            "{surfaces:?}"
        );
        assert!(got
            .iter()
            .any(|g| g.0 == "Zorblat" && g.2 == MentionKind::WeakName));
    }

    #[test]
    fn hyphenated_given_name_with_a_stopword_syllable() {
        // "Do" is a stopword; "Do-hyun" is one given name.
        let got = names("Kim Do-hyun, an analyst, said the ruling was fair.");
        assert_eq!(got[0].0, "Kim Do-hyun", "{got:?}");
        assert_eq!(got[0].1, EntityType::Person);
        // An English word after a hyphen is not a name syllable.
        let got = names("The Kyiv-born economist Olena Marchenko spoke first.");
        assert!(got.iter().all(|g| !g.0.contains("born")), "{got:?}");
    }

    #[test]
    fn place_based_organization() {
        let got = names("Kim Do-hyun works at Seoul-based Mirae Research and often visits Veldhoven-based Korvan.");
        let find = |s: &str| got.iter().find(|g| g.0 == s).map(|g| (g.1, g.2));
        assert_eq!(
            find("Mirae Research"),
            Some((EntityType::Organization, MentionKind::Name)),
            "{got:?}"
        );
        assert_eq!(
            find("Veldhoven"),
            Some((EntityType::Place, MentionKind::WeakName)),
            "{got:?}"
        );
        assert_eq!(
            find("Korvan"),
            Some((EntityType::Organization, MentionKind::WeakName)),
            "{got:?}"
        );
    }

    #[test]
    fn a_month_before_a_day_is_no_name() {
        let got = names("TOKYO, Jan 15 (AP) - Ishiba met Marcos on Sept 3.");
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(surfaces, vec!["TOKYO", "AP", "Ishiba", "Marcos"], "{got:?}");
        // A first name that is also a month abbreviation stays a name.
        let got = names("Jan Kowalski met Marcos.");
        assert_eq!(got[0].0, "Jan Kowalski", "{got:?}");
    }

    #[test]
    fn a_group_plural_opening_a_sentence_is_no_name() {
        for s in [
            "Analysts said the penalty was small.",
            "Officials declined to comment.",
            "Residents fled the town.",
        ] {
            let got = names(s);
            assert!(got.is_empty(), "{s}: {got:?}");
        }
        // A single unknown word opening a sentence is still a (weak) name.
        let got = names("Zorblat said the penalty was small.");
        assert_eq!(got.len(), 1, "{got:?}");
        // So is a surname that looks like a plural, once the full name was seen.
        let lx = Lexicon::builtin().expect("lexicon");
        let sents = [
            "Maria Banks runs the fund.",
            "Banks said the fund would grow.",
        ];
        let lower: Vec<String> = sents.iter().map(|t| t.to_ascii_lowercase()).collect();
        let toks: Vec<_> = sents
            .iter()
            .zip(&lower)
            .map(|(t, l)| tokenize(t, t, l, Span::new(0, t.len())))
            .collect();
        let dn = DocNames::collect(&toks, lx);
        let mut out = Vec::new();
        find(1, &toks[1], lx, &dn, &mut out);
        assert!(out.iter().any(|m| m.surface == "Banks"), "{out:?}");
    }
}
