//! Spans and offsets shared by every stage.
//!
//! Stages work on byte offsets into the document's original text (Rust slices want bytes);
//! NIF wants Unicode code points, so [`CharIndex`] converts at the RDF edge. A [`Span`] is
//! always on `char` boundaries of the original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span; `start <= end` is the caller's promise.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The covered text, or `""` when the span is out of bounds or off a char boundary.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets of one text into Unicode code-point offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `(byte offset, char offset)` of every non-ASCII char boundary, in order; ASCII runs in
    /// between are interpolated.
    marks: Vec<(usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut chars = 0usize;
        for (b, c) in text.char_indices() {
            if !c.is_ascii() {
                marks.push((b, chars));
                marks.push((b + c.len_utf8(), chars + 1));
            }
            chars += 1;
        }
        CharIndex {
            marks,
            len_bytes: text.len(),
            len_chars: chars,
        }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        // Last mark at or before `byte`; ASCII after it is one byte per char.
        match self.marks.partition_point(|&(b, _)| b <= byte) {
            0 => byte,
            i => {
                let (b, c) = self.marks[i - 1];
                c + (byte - b)
            }
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_and_multibyte() {
        let t = "a’b — c";
        let ix = CharIndex::new(t);
        for (ci, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.char_offset(b), ci);
        }
        assert_eq!(ix.char_offset(t.len()), t.chars().count());
    }

    proptest! {
        #[test]
        fn char_offsets_agree_with_std(s in "\\PC{0,60}") {
            let ix = CharIndex::new(&s);
            for (ci, (b, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(ix.char_offset(b), ci);
            }
            prop_assert_eq!(ix.char_offset(s.len()), s.chars().count());
        }
    }
}
