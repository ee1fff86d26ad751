//! Word tokens of one sentence, with byte spans into the document text.

use std::borrow::Cow;
use std::cell::Cell;

use serde::{Deserialize, Serialize};

use crate::text::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokKind {
    /// Letters and digits (with internal periods, apostrophes, `&`).
    Word,
    /// One punctuation character.
    Punct,
    /// A possessive ending `'s` / `’s` split off a word.
    Possessive,
}

/// One token, borrowing its text from the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Bytes in the document text.
    pub span: Span,
    /// The text as written.
    pub text: &'a str,
    /// Lower case (`str::to_lowercase` of `text`).
    pub lower: Lower<'a>,
    /// Kind.
    pub kind: TokKind,
    /// True when directly attached to the previous token by a hyphen (`Kyiv-born` → `born`).
    pub hyphen_joined: bool,
    /// True when masked text (a credit, link syntax) lies between this token and the one
    /// before it: a name never runs across it.
    pub after_mask: bool,
    /// [`Token::is_cap`], computed once (it is asked many times per token).
    cap: bool,
    /// [`Token::is_acronym`], computed once.
    acronym: bool,
    /// Which lexicon look-ups starting at this token found nothing (see [`Memo`]).
    pub(crate) memo: Memo,
}

/// Remembers, per token, look-ups that depend only on the sentence's tokens and this token's
/// position and found nothing, so that asking again costs no hashing: the extractors ask the
/// same position many times (each pass over a sentence, each candidate run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Memo {
    /// Whether a role title starts here (`mentions::role_at`).
    pub(crate) role: Cell<Probe>,
    /// [`Probe::None`] when no gazetteer name starts with this word.
    pub(crate) gazetteer: Cell<Probe>,
    /// [`Probe::None`] when no nationality adjective starts with this word.
    pub(crate) demonym: Cell<Probe>,
}

/// The remembered outcome of one look-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Probe {
    /// Not asked yet.
    #[default]
    Unknown,
    /// Asked: nothing starts here.
    None,
    /// Asked: something starts here (ask in full for what).
    Some,
}

/// The lower case of a token: borrowed from the document's ASCII lower-case copy for an ASCII
/// word, owned only for a word with other letters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Lower<'a>(Cow<'a, str>);

impl Lower<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl Token<'_> {
    /// A word starting with an upper-case letter.
    pub fn is_cap(&self) -> bool {
        self.cap
    }

    /// Two or more letters, all upper case (`NATO`, `U.S.`).
    pub fn is_acronym(&self) -> bool {
        self.acronym
    }

    /// A word of digits.
    pub fn is_number(&self) -> bool {
        self.kind == TokKind::Word && self.text.chars().all(|c| c.is_ascii_digit())
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

fn is_cap(kind: TokKind, text: &str) -> bool {
    kind == TokKind::Word && text.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(kind: TokKind, text: &str) -> bool {
    if kind != TokKind::Word {
        return false;
    }
    let mut letters = 0;
    text.chars().filter(|c| c.is_alphabetic()).all(|c| {
        letters += 1;
        c.is_uppercase()
    }) && letters >= 2
}

/// `t.to_lowercase()`, borrowed from `lower` (the ASCII lower-case copy of `text`) when `t`
/// (at `sp` in `text`) is ASCII.
fn lower_of<'a>(t: &'a str, sp: Span, text: &str, lower: &'a str) -> Lower<'a> {
    if t.is_ascii() {
        if !t.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower(Cow::Borrowed(t));
        }
        if lower.len() == text.len() {
            if let Some(l) = lower.get(sp.start..sp.end) {
                return Lower(Cow::Borrowed(l));
            }
        }
    }
    Lower(Cow::Owned(t.to_lowercase()))
}

const DOTTED: &[&str] = &[
    "St", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Prof", "Inc", "Corp", "Co", "Ltd", "Mt", "Ft", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov",
    "Dec", "No", "vs",
];

/// Tokenize `masked[span]` (the masked view), reporting spans into the document.
///
/// `lower` is `text.to_ascii_lowercase()` (made once per document): the lower case of an ASCII
/// token is the same bytes of it, so most tokens need no allocation.
pub fn tokenize<'a>(masked: &str, text: &'a str, lower: &'a str, span: Span) -> Vec<Token<'a>> {
    let s = span.slice(masked);
    let bytes = s.as_bytes();
    // The char at byte `p` (always a char boundary here), ASCII first.
    let at = |p: usize| -> Option<char> {
        let &x = bytes.get(p)?;
        if x < 0x80 {
            Some(char::from(x))
        } else {
            s.get(p..)?.chars().next()
        }
    };
    // About one token per five bytes of text: one allocation for most sentences.
    let mut out: Vec<Token<'a>> = Vec::with_capacity(s.len() / 5 + 4);
    let push = |out: &mut Vec<Token<'a>>, a: usize, b: usize, kind: TokKind, joined: bool| {
        let sp = Span::new(span.start + a, span.start + b);
        let t = sp.slice(text);
        let gap_start = out.last().map_or(sp.start, |p: &Token| p.span.end);
        let after_mask = text
            .get(gap_start..sp.start)
            .is_some_and(|g| !g.trim().is_empty());
        out.push(Token {
            cap: is_cap(kind, t),
            acronym: is_acronym(kind, t),
            lower: lower_of(t, sp, text, lower),
            text: t,
            span: sp,
            kind,
            hyphen_joined: joined,
            after_mask,
            memo: Memo::default(),
        });
    };
    let mut joined_next = false;
    // `i`, `j`: byte offsets in `s`.
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            joined_next = false;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i + c.len_utf8();
            loop {
                // ASCII letters and digits first (most of a word).
                if bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                    continue;
                }
                let Some(cj) = at(j) else {
                    break;
                };
                if cj.is_alphanumeric()
                    || (!cj.is_ascii() && unicode_normalization::char::is_combining_mark(cj))
                {
                    j += cj.len_utf8();
                } else if matches!(cj, '.' | '\'' | '’' | '&')
                    && at(j + cj.len_utf8()).is_some_and(char::is_alphanumeric)
                {
                    let k = j + cj.len_utf8();
                    j = k + at(k).map_or(0, char::len_utf8);
                } else {
                    break;
                }
            }
            let mut end = j;
            let word = &s[start..end];
            // Trailing period of an abbreviation or dotted initials: "U.S.", "St."
            if at(j) == Some('.') {
                let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
                let single_cap = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if dotted || single_cap || DOTTED.contains(&word) {
                    j += 1;
                    end = j;
                }
            }
            let word = &s[start..end];
            // Possessive split: Trump's / Trump’s
            let poss = ["'s", "’s", "'S", "’S"]
                .iter()
                .find(|p| word.len() > p.len() + 1 && word.ends_with(**p));
            match poss {
                Some(p) => {
                    let cut = end - p.len();
                    push(&mut out, start, cut, TokKind::Word, joined_next);
                    push(&mut out, cut, end, TokKind::Possessive, false);
                }
                None => push(&mut out, start, end, TokKind::Word, joined_next),
            }
            joined_next = false;
            i = j;
            // A hyphen directly between two words joins them.
            if let Some(h @ ('-' | '‑')) = at(i) {
                let k = i + h.len_utf8();
                if at(k).is_some_and(char::is_alphanumeric) {
                    push(&mut out, i, k, TokKind::Punct, true);
                    joined_next = true;
                    i = k;
                }
            }
            continue;
        }
        let end = i + c.len_utf8();
        push(&mut out, i, end, TokKind::Punct, false);
        joined_next = false;
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_abbreviations_possessives() {
        let t = "U.S.-Russian envoy Trump’s St. Petersburg Kyiv-born 30-day truce.";
        let l = t.to_ascii_lowercase();
        let toks = tokenize(t, t, &l, Span::new(0, t.len()));
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            vec![
                "U.S.",
                "-",
                "Russian",
                "envoy",
                "Trump",
                "’s",
                "St.",
                "Petersburg",
                "Kyiv",
                "-",
                "born",
                "30",
                "-",
                "day",
                "truce",
                "."
            ]
        );
        assert!(toks[2].hyphen_joined);
        assert_eq!(toks[5].kind, TokKind::Possessive);
        for tok in &toks {
            assert_eq!(tok.span.slice(t), tok.text);
        }
    }
}
