//! Ingest: input paths → [`Document`]s (original text, a masked view without boilerplate,
//! metadata and sentence spans), with every offset pointing into the original text.
//!
//! Cleaning never shifts offsets: boilerplate is *masked* (replaced by spaces of the same byte
//! length in [`Document::masked`]), so a span found in the masked view is a span of the file.

mod clean;
mod discover;
mod metadata;
mod sentences;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use discover::{discover, Input};
pub use metadata::Metadata;

use crate::lexicon::Lexicon;
use crate::text::Span;

/// Default upper bound on an input file's size.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Why one input could not be read. Each message names the file and the reason.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A binary file.
    #[error("{path}: skipped: binary file (NUL byte at offset {offset})")]
    Binary {
        /// The path.
        path: PathBuf,
        /// First NUL byte.
        offset: usize,
    },
    /// Not valid UTF-8 (nor UTF-16 with a byte-order mark).
    #[error("{path}: skipped: not valid UTF-8 (invalid byte at offset {offset})")]
    InvalidUtf8 {
        /// The path.
        path: PathBuf,
        /// First invalid byte.
        offset: usize,
    },
    /// An empty (or whitespace-only) file.
    #[error("{path}: skipped: empty file")]
    Empty {
        /// The path.
        path: PathBuf,
    },
    /// A file over the size limit.
    #[error("{path}: skipped: {size} bytes is over the limit of {limit} bytes (--max-bytes)")]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A directory that contains itself through symbolic links.
    #[error("{path}: skipped: symbolic link loop")]
    SymlinkLoop {
        /// The path.
        path: PathBuf,
    },
    /// Something found in a folder that is not a regular file (a FIFO, socket or device,
    /// which could block or never end) or a symbolic link to nothing.
    #[error("{path}: skipped: {what}")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is ("not a regular file (FIFO)", "broken symbolic link").
        what: String,
    },
    /// A file that is all boilerplate.
    #[error("{path}: stored without sentences: no article text after removing boilerplate")]
    NoText {
        /// The path.
        path: PathBuf,
    },
}

/// One input article, cleaned and split.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the input root, with `/` separators (`-` → `stdin`).
    pub rel_path: String,
    /// Readable, unique slug used in IRIs (`000-272e99f4a6e8b8de`).
    pub slug: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// The original text (decoded; offsets refer to it). Characters no RDF literal can carry
    /// are replaced one for one (see [`replace_unstorable`]), so `nif:isString` is this text.
    pub text: String,
    /// The same text with boilerplate replaced by spaces (same byte offsets).
    pub masked: String,
    /// Metadata found in the text.
    pub meta: Metadata,
    /// Sentence spans in order (byte offsets into `text`).
    pub sentences: Vec<Span>,
}

impl Document {
    /// The text of sentence `i` (0-based).
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences.get(i).map_or("", |s| s.slice(&self.text))
    }
}

/// SHA-256 hex of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A readable slug: lower-case ASCII letters and digits, other runs turned into one `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in unicode_normalization::UnicodeNormalization::nfkd(s) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if !unicode_normalization::char::is_combining_mark(c) {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// Decode a file's bytes: UTF-8 (a BOM is kept as text), or UTF-16 with a byte-order mark.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    let utf16 = |le: bool| -> Result<String, IngestError> {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| IngestError::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: 0,
        })
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(true);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(false);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(IngestError::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: e.valid_up_to(),
        }),
    }
}

/// Replace the characters that [`crate::rdf::clean_literal`] would drop from literals (C0
/// controls but tab, LF and CR; U+FFFE, U+FFFF) by a space or U+FFFD, one code point for one.
///
/// Without this, `nif:isString` lost those characters while every offset still counted them,
/// so each `nif:anchorOf` after one disagreed with the text at its `beginIndex`/`endIndex`.
pub fn replace_unstorable(text: String) -> String {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    };
    if !text.chars().any(bad) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c if bad(c) => ' ',
            c => c,
        })
        .collect()
}

/// Turn one file's bytes into a [`Document`]. `rel_path` names it in the graph.
///
/// A document with no article text left after cleaning is returned with no sentences; the
/// caller reports [`IngestError::NoText`] for it but still stores it.
pub fn ingest_bytes(
    path: &Path,
    rel_path: &str,
    bytes: &[u8],
    lexicon: &Lexicon,
) -> Result<Document, IngestError> {
    let text = replace_unstorable(decode(path, bytes)?);
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    let mut cleaned = clean::Cleaner::new(&text, lexicon);
    let mut meta = metadata::extract_header(&mut cleaned);
    cleaned.mask_boilerplate();
    metadata::find_title(&mut cleaned, &mut meta);
    let masked = cleaned.into_masked();
    let sentences = sentences::split(&text, &masked);
    let stem = rel_path
        .rsplit_once('.')
        .filter(|(stem, ext)| !stem.is_empty() && ext.len() <= 5 && !ext.contains('/'))
        .map_or(rel_path, |(stem, _)| stem);
    Ok(Document {
        rel_path: rel_path.to_string(),
        slug: slugify(stem),
        sha256: sha256_hex(bytes),
        text,
        masked,
        meta,
        sentences,
    })
}

/// Read and ingest one discovered input.
pub fn ingest_input(
    input: &Input,
    max_bytes: u64,
    lexicon: &Lexicon,
) -> Result<Document, IngestError> {
    let bytes = input.read(max_bytes)?;
    ingest_bytes(&input.path, &input.rel_path, &bytes, lexicon)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let lx = Lexicon::builtin().expect("lexicon");
        ingest_bytes(Path::new("t.txt"), "t.txt", text.as_bytes(), lx).expect("ingest")
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("000_272e99f4a6e8b8de"), "000-272e99f4a6e8b8de");
        assert_eq!(slugify("Zaporizhzhia — Île"), "zaporizhzhia-ile");
        assert_eq!(slugify("“”"), "x");
    }

    #[test]
    fn masking_keeps_offsets() {
        let d = doc(" date 2025-04-11 This audio is created with AI assistance\n\nU.S. envoy Steve Witkoff met Russian President Vladimir Putin in St. Petersburg on Friday. He said [talks](#) went well.\n");
        assert_eq!(d.text.len(), d.masked.len());
        assert_eq!(d.meta.date.as_deref(), Some("2025-04-11"));
        assert_eq!(
            d.sentences.len(),
            2,
            "{:?}",
            d.sentences
                .iter()
                .map(|s| s.slice(&d.text))
                .collect::<Vec<_>>()
        );
        assert!(d.sentence_text(0).starts_with("U.S. envoy"));
        assert!(d.sentence_text(0).ends_with("Friday."));
        assert!(d.masked.contains(" talks     went"));
    }

    #[test]
    fn binary_and_utf16() {
        let p = Path::new("b.bin");
        assert!(matches!(
            decode(p, b"ab\0cd"),
            Err(IngestError::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            decode(p, b"ab\xffcd"),
            Err(IngestError::InvalidUtf8 { offset: 2, .. })
        ));
        let mut u16le = vec![0xFF, 0xFE];
        for u in "Kyiv".encode_utf16() {
            u16le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(p, &u16le).expect("utf16"), "Kyiv");
    }
}
