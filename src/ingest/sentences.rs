//! Sentence splitting with exact offsets: Unicode sentence bounds (UAX #29) on the masked
//! text, then repairs for abbreviations, initials, quotations and attributions.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::Span;

/// Abbreviations after which a period does not end a sentence (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "lt", "col", "capt", "sgt", "maj",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "inc", "corp", "co", "ltd", "llc",
    "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mt", "ft", "ave", "blvd", "dept", "est", "approx", "fig", "al", "e.g", "i.e",
];

/// Words that, right after a closing quotation, continue the sentence ("…!" Trump declared.).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "declared",
    "told",
    "added",
    "wrote",
    "asked",
    "stated",
    "noted",
    "warned",
    "insisted",
    "argued",
    "explained",
    "continued",
    "replied",
    "tweeted",
    "posted",
];

/// Split `masked` (the cleaned view of `text`, same offsets) into sentence spans, each trimmed
/// and never crossing a paragraph break.
pub(crate) fn split(text: &str, masked: &str) -> Vec<Span> {
    let mut raw: Vec<Span> = Vec::new();
    for (start, piece) in masked.split_sentence_bound_indices() {
        raw.push(Span::new(start, start + piece.len()));
    }
    // Merge pieces that a period of an abbreviation, an initial or a quotation split.
    // (Whether the growing sentence holds a line break is tracked, not rescanned: rescanning
    // made "Mr. Mr. Mr. …" quadratic.)
    let mut merged: Vec<Span> = Vec::new();
    let mut prev_has_newline = false;
    for span in raw {
        let next_text = span.slice(masked);
        if let Some(prev) = merged.last_mut() {
            if !prev_has_newline
                && prev.len() < MAX_SENTENCE_BYTES
                && should_join(prev.slice(masked), next_text)
            {
                prev.end = span.end;
                prev_has_newline = next_text.contains('\n');
                continue;
            }
        }
        prev_has_newline = next_text.contains('\n');
        merged.push(span);
    }
    // Trim, split at line breaks that UAX #29 kept (none expected) and drop empty pieces.
    let mut out = Vec::new();
    for span in merged {
        let mut start = span.start;
        for part in span.slice(masked).split_inclusive('\n') {
            let s = Span::new(start, start + part.len());
            start += part.len();
            if let Some(t) = trim(text, masked, s) {
                cap(text, masked, t, &mut out);
            }
        }
    }
    out
}

/// Longest sentence kept whole, in bytes. Real sentences are far shorter; a longer "sentence"
/// (a megabyte on one line with no full stop) is cut at white space, so that extraction,
/// whose work grows with the square of a sentence's length, stays fast.
pub(crate) const MAX_SENTENCE_BYTES: usize = 2048;

fn cap(text: &str, masked: &str, s: Span, out: &mut Vec<Span>) {
    let mut start = s.start;
    while s.end - start > MAX_SENTENCE_BYTES {
        // Char boundaries of the original text (masking may have spaced out a multi-byte
        // char, so the masked view has more of them).
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // Cut at the last white space (of either view) before the limit, else at the limit.
        let cut = text[start..limit]
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                i > 0 && (c.is_whitespace() || masked.as_bytes()[start + i].is_ascii_whitespace())
            })
            .map_or(limit, |(i, _)| start + i);
        if let Some(t) = trim(text, masked, Span::new(start, cut)) {
            out.push(t);
        }
        start = cut;
    }
    if let Some(t) = trim(text, masked, Span::new(start, s.end)) {
        out.push(t);
    }
}

fn trim(text: &str, masked: &str, s: Span) -> Option<Span> {
    let m = s.slice(masked);
    let lead = m.len() - m.trim_start().len();
    let trail = m.len() - m.trim_end().len();
    if lead + trail >= m.len() {
        return None;
    }
    let t = Span::new(s.start + lead, s.end - trail);
    // Must also be char boundaries of the original text (masking only wrote ASCII spaces over
    // whole chars, so boundaries agree; check anyway).
    (text.is_char_boundary(t.start) && text.is_char_boundary(t.end)).then_some(t)
}

fn last_word(s: &str) -> &str {
    s.trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("")
}

fn should_join(prev: &str, next: &str) -> bool {
    let next_trim = next.trim_start();
    if next_trim.is_empty() {
        return true;
    }
    let prev_trim = prev.trim_end();
    let word = last_word(prev_trim);
    if let Some(stem) = word.strip_suffix('.') {
        let lower = stem.to_lowercase();
        // Initials and dotted abbreviations: "U.S.", "J.", "D.C."
        let dotted = stem
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
        // A lone capital ("J.") is an initial only after a capitalized word, another initial
        // or at the start: "wrote on X. Moreau said" ends a sentence.
        if dotted && stem.chars().count() == 1 {
            let before = prev_trim[..prev_trim.len() - word.len()].trim_end();
            let prev_word = last_word(before);
            let initial_context =
                prev_word.is_empty() || prev_word.chars().next().is_some_and(char::is_uppercase);
            if !initial_context {
                return false;
            }
        }
        if ABBREVIATIONS.contains(&lower.as_str()) || (dotted && !stem.is_empty()) {
            // "… the U.S. The next day" would wrongly join; accept that for "U.S." only when
            // the next piece starts with a lower-case word or a capitalized name-like token.
            let first = next_trim.split_whitespace().next().unwrap_or("");
            let common_start = matches!(
                first,
                "The"
                    | "A"
                    | "An"
                    | "It"
                    | "He"
                    | "She"
                    | "They"
                    | "We"
                    | "I"
                    | "This"
                    | "That"
                    | "In"
                    | "On"
                    | "But"
            );
            if !(dotted && stem.chars().count() > 1 && common_start) {
                return true;
            }
        }
    }
    // Inside an open quotation: keep going until it closes.
    let opens = prev.matches('“').count();
    let closes = prev.matches('”').count();
    if opens > closes {
        return true;
    }
    if prev.matches('"').count() % 2 == 1 {
        return true;
    }
    // A closing quotation followed by an attribution: `…!” Trump declared.`
    let ends_quote = prev_trim.ends_with(['”', '"']);
    if ends_quote {
        let words: Vec<&str> = next_trim.split_whitespace().collect();
        if words.len() <= 6
            && words.iter().take(4).any(|w| {
                SPEECH_VERBS.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str())
            })
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<String> {
        split(t, t)
            .into_iter()
            .map(|s| s.slice(t).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_quotes() {
        let t = "U.S. President Donald Trump met Dr. Smith in St. Petersburg. It went well.\n“Russia has to get moving. Too many people are dying!” Trump declared. Next.";
        assert_eq!(
            sents(t),
            vec![
                "U.S. President Donald Trump met Dr. Smith in St. Petersburg.",
                "It went well.",
                "“Russia has to get moving. Too many people are dying!” Trump declared.",
                "Next."
            ]
        );
    }

    #[test]
    fn em_dash_and_paragraphs() {
        let t =
            "He came — a war that should have never happened — and left.\nTitle line\nAnother one.";
        assert_eq!(
            sents(t),
            vec![
                "He came — a war that should have never happened — and left.",
                "Title line",
                "Another one."
            ]
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_white_space() {
        let long = "word ".repeat(3000) + "end.";
        let spans = split(&long, &long);
        assert!(spans.len() >= 3, "{}", spans.len());
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE_BYTES);
            let t = s.slice(&long);
            assert!(!t.is_empty() && t == t.trim());
            assert!(t.starts_with("word") || t.starts_with("end"));
        }
        let no_space = "é".repeat(5000);
        let spans = split(&no_space, &no_space);
        let total: usize = spans.iter().map(|s| s.len()).sum();
        assert_eq!(total, no_space.len());
    }
}
