//! Masking web boilerplate without shifting offsets.

use crate::lexicon::{BoilerplateKind, Lexicon};
use crate::text::Span;

/// Builds the masked view of a text: same bytes, boilerplate turned into spaces.
pub(crate) struct Cleaner<'a> {
    text: &'a str,
    masked: Vec<u8>,
    lexicon: &'a Lexicon,
}

impl<'a> Cleaner<'a> {
    pub(crate) fn new(text: &'a str, lexicon: &'a Lexicon) -> Self {
        Cleaner {
            text,
            masked: text.as_bytes().to_vec(),
            lexicon,
        }
    }

    /// Blank a span (newlines are kept so paragraphs stay apart).
    pub(crate) fn mask(&mut self, span: Span) {
        let end = span.end.min(self.masked.len());
        for b in &mut self.masked[span.start.min(end)..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }

    /// Byte spans of the lines (without their `\n` / `\r\n`).
    pub(crate) fn lines(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, b) in self.text.bytes().enumerate() {
            if b == b'\n' {
                let end = if i > start && self.text.as_bytes()[i - 1] == b'\r' {
                    i - 1
                } else {
                    i
                };
                out.push(Span::new(start, end));
                start = i + 1;
            }
        }
        if start < self.text.len() {
            out.push(Span::new(start, self.text.len()));
        }
        out
    }

    /// The part of a line still unmasked, trimmed; `None` when nothing is left.
    pub(crate) fn content(&self, line: Span) -> Option<Span> {
        let bytes = &self.masked[line.start..line.end];
        let is_space = |b: &u8| b.is_ascii_whitespace();
        let first = bytes.iter().position(|b| !is_space(b))?;
        let last = bytes.iter().rposition(|b| !is_space(b))?;
        let mut s = Span::new(line.start + first, line.start + last + 1);
        // Trim non-ASCII whitespace and BOM too, on char boundaries of the original text.
        let t = s.slice(self.text);
        let lead = t.len()
            - t.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                .len();
        let trail = t.len()
            - t.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                .len();
        s.start += lead;
        s.end -= trail.min(s.len());
        (s.start < s.end).then_some(s)
    }

    /// The masked view of a span as text.
    pub(crate) fn view(&self, span: Span) -> &str {
        std::str::from_utf8(&self.masked[span.start..span.end]).unwrap_or("")
    }

    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Mask boilerplate lines, inline photo credits and markdown link syntax.
    pub(crate) fn mask_boilerplate(&mut self) {
        let lexicon = self.lexicon;
        for line in self.lines() {
            let Some(content) = self.content(line) else {
                continue;
            };
            let view = self.view(content).to_string();
            let trimmed = view.trim();
            let whole_line = lexicon.boilerplate_lines.is_match(trimmed);
            if whole_line || is_navigation(trimmed) {
                self.mask(content);
                continue;
            }
            for (re, kind) in &lexicon.boilerplate {
                match kind {
                    BoilerplateKind::Line => {}
                    BoilerplateKind::Credit => {
                        let spans: Vec<Span> = re
                            .find_iter(&view)
                            .map(|m| Span::new(content.start + m.start(), content.start + m.end()))
                            .collect();
                        for s in spans {
                            self.mask(s);
                        }
                    }
                    BoilerplateKind::Markup => {
                        let mut spans = Vec::new();
                        for caps in re.captures_iter(&view) {
                            let (Some(all), Some(keep)) = (caps.get(0), caps.get(1)) else {
                                continue;
                            };
                            spans.push(Span::new(
                                content.start + all.start(),
                                content.start + keep.start(),
                            ));
                            spans.push(Span::new(
                                content.start + keep.end(),
                                content.start + all.end(),
                            ));
                        }
                        for s in spans {
                            self.mask(s);
                        }
                    }
                }
            }
            // Emphasis markers (`**bold**`, `__x__`) carry no text.
            let marks: Vec<Span> = view
                .match_indices("**")
                .chain(view.match_indices("__"))
                .map(|(i, m)| Span::new(content.start + i, content.start + i + m.len()))
                .collect();
            for s in marks {
                self.mask(s);
            }
        }
    }

    pub(crate) fn into_masked(self) -> String {
        // Only ASCII spaces were written over whole chars' bytes, so this stays UTF-8; fall back
        // to the original text if that ever failed.
        String::from_utf8(self.masked).unwrap_or_else(|_| self.text.to_string())
    }
}

/// A short line without sentence punctuation: menus, buttons, section labels.
fn is_navigation(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', '!', '?', '"', '”', '’', ':', ')']);
    words <= 3 && !ends_like_sentence
}

/// True for a headline-like line: title-cased, no final punctuation.
pub(crate) fn is_title_case(line: &str) -> bool {
    if line.ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 3 || words.len() > 24 {
        return false;
    }
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    if long.is_empty() {
        return false;
    }
    let caps = long
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    caps * 10 >= long.len() * 8
}
