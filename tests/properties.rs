//! Property tests over arbitrary text (unicode, CRLF, NUL-free control characters, and
//! news-like words so that extraction has something to find): ingest → extract → resolve →
//! RDF never panics, every span is in bounds and on char boundaries, mention surfaces agree
//! with their spans, every IRI is valid, every `nif:anchorOf` is the text at its code-point
//! offsets, and the N-Quads serialization parses back to the same quads.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use newsgraph::extract::Extraction;
use newsgraph::ingest::{ingest_bytes, Document};
use newsgraph::lexicon::Lexicon;
use newsgraph::rdf::{clean_literal, document_quads, entity_quads, mint::Minter, DEFAULT_BASE};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use proptest::prelude::*;

const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";

/// Pieces that make extraction work: names, titles, places, triggers, abbreviations,
/// punctuation, quotes, line breaks (LF, CRLF, CR) and metadata-looking headers.
const PIECES: &[&str] = &[
    "President",
    "Vladimir Putin",
    "Putin",
    "Donald Trump",
    "Trump",
    "Steve Witkoff",
    "envoy",
    "the Russian leader",
    "Russian",
    "Ukrainian",
    "Kyiv",
    "Moscow",
    "St. Petersburg",
    "U.S.",
    "Mr.",
    "Dr.",
    "Reuters",
    "NATO",
    "the United Nations",
    "met",
    "said",
    "visited",
    "talks",
    "ceasefire",
    "according to",
    "on Friday",
    "on March 25",
    "in 2025",
    "2025-04-11",
    "He",
    "She",
    "They",
    "'s",
    "’s",
    "—",
    "–",
    "\"",
    "“",
    "”",
    "(",
    ")",
    ",",
    ".",
    "!",
    "?",
    ";",
    ":",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "Date: 2025-04-11\n",
    "Title: Talks\n",
    "Subscribe",
    "* indicates required",
    "[link](#)",
    "http://example.com/a?b=c",
    "<",
    ">",
    "\\",
    "O'Brien",
    "Acme \"Best\" <Corp> \\ Ltd",
    "Zoë",
    "José Mañana",
    "محمود عباس",
    "שלום",
    "👍🏽",
    "🇫🇷",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\u{85}",
    "\u{2028}",
];

/// Any char but NUL (a NUL makes the input "binary", tested elsewhere).
fn any_char() -> impl Strategy<Value = String> {
    any::<char>()
        .prop_filter("no NUL", |c| *c != '\0')
        .prop_map(String::from)
}

/// C0/C1 control characters other than NUL.
fn control_char() -> impl Strategy<Value = String> {
    prop_oneof![(1u32..0x20), (0x7fu32..0xa0)]
        .prop_map(|u| char::from_u32(u).map(String::from).unwrap_or_default())
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(String::from),
        2 => any_char(),
        1 => control_char(),
        1 => "[A-Z][a-z]{1,8}",
        1 => "[a-z]{1,8}",
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.7)), 0..80).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (p, space)| {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
            s
        })
    })
}

fn lexicon() -> &'static Lexicon {
    Lexicon::builtin().expect("lexicon")
}

fn check_spans(doc: &Document, ex: &Extraction) -> Result<(), TestCaseError> {
    let t = &doc.text;
    prop_assert_eq!(t.len(), doc.masked.len(), "masked view has other offsets");
    let mut prev_end = 0;
    for s in &doc.sentences {
        prop_assert!(
            s.start < s.end && s.end <= t.len(),
            "sentence {:?} of {}",
            s,
            t.len()
        );
        prop_assert!(
            t.is_char_boundary(s.start) && t.is_char_boundary(s.end),
            "{:?}",
            s
        );
        prop_assert!(s.start >= prev_end, "sentences overlap or are out of order");
        prev_end = s.end;
    }
    for m in &ex.mentions {
        let sp = m.span;
        prop_assert!(sp.start < sp.end && sp.end <= t.len(), "mention {:?}", m);
        prop_assert!(
            t.is_char_boundary(sp.start) && t.is_char_boundary(sp.end),
            "{:?}",
            m
        );
        let sentence = doc.sentences.get(m.sentence);
        prop_assert!(
            sentence.is_some_and(|s| s.contains(&sp)),
            "mention outside its sentence"
        );
        // The surface is the span's text with white space normalized.
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        prop_assert_eq!(
            squash(&m.surface),
            squash(sp.slice(t)),
            "surface {:?} vs span text {:?}",
            &m.surface,
            sp.slice(t)
        );
    }
    Ok(())
}

fn named_nodes(q: &Quad) -> Vec<&NamedNode> {
    let mut v = vec![&q.predicate];
    if let NamedOrBlankNode::NamedNode(n) = &q.subject {
        v.push(n);
    }
    if let Term::NamedNode(n) = &q.object {
        v.push(n);
    }
    if let GraphName::NamedNode(n) = &q.graph_name {
        v.push(n);
    }
    v
}

fn literal_of<'a>(quads: &'a [Quad], s: &NamedOrBlankNode, p: &str) -> Option<&'a str> {
    quads.iter().find_map(|q| match &q.object {
        Term::Literal(l) if &q.subject == s && q.predicate.as_str() == p => Some(l.value()),
        _ => None,
    })
}

fn check_quads(doc: &Document, quads: &[Quad]) -> Result<(), TestCaseError> {
    prop_assert!(!quads.is_empty());
    for q in quads {
        for n in named_nodes(q) {
            prop_assert!(
                NamedNode::new(n.as_str()).is_ok(),
                "invalid IRI <{}>",
                n.as_str()
            );
        }
    }
    let chars: Vec<char> = doc.text.chars().collect();
    let anchor = format!("{NIF}anchorOf");
    let mut checked = 0;
    for q in quads.iter().filter(|q| q.predicate.as_str() == anchor) {
        let Term::Literal(a) = &q.object else {
            return Err(TestCaseError::fail("anchorOf is not a literal"));
        };
        let num = |p: &str| -> Option<usize> {
            literal_of(quads, &q.subject, &format!("{NIF}{p}")).and_then(|v| v.parse().ok())
        };
        let (b, e) = (num("beginIndex"), num("endIndex"));
        prop_assert!(b.is_some() && e.is_some(), "anchor without offsets: {}", q);
        let (b, e) = (b.unwrap_or(0), e.unwrap_or(0));
        prop_assert!(
            b <= e && e <= chars.len(),
            "offsets [{}, {}) of {}",
            b,
            e,
            chars.len()
        );
        let slice: String = chars[b..e].iter().collect();
        // Literals drop the characters XML 1.0 cannot carry (rdf::clean_literal).
        prop_assert_eq!(a.value(), clean_literal(&slice), "anchor at [{}, {})", b, e);
        checked += 1;
    }
    prop_assert!(checked >= doc.sentences.len());
    // What a consumer sees: nif:isString is the text, so every anchor is its slice too.
    let is_string = format!("{NIF}isString");
    let stored: Vec<char> = quads
        .iter()
        .find_map(|q| match &q.object {
            Term::Literal(l) if q.predicate.as_str() == is_string => {
                Some(l.value().chars().collect())
            }
            _ => None,
        })
        .unwrap_or_default();
    prop_assert_eq!(&stored, &chars, "nif:isString is not the document text");
    // N-Quads round trip.
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in quads {
        ser.serialize_quad(q)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
    let bytes = ser
        .finish()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let parsed: Result<Vec<Quad>, _> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&bytes)
        .collect();
    let parsed = parsed.map_err(|e| TestCaseError::fail(format!("N-Quads do not parse: {e}")))?;
    let a: BTreeSet<String> = quads.iter().map(|q| q.to_string()).collect();
    let b: BTreeSet<String> = parsed.iter().map(|q| q.to_string()).collect();
    prop_assert_eq!(a, b);
    Ok(())
}

fn pipeline(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lx = lexicon();
    let Ok(doc) = ingest_bytes(Path::new("p.txt"), "p.txt", bytes, lx) else {
        return Ok(());
    };
    let ex = newsgraph::extract::extract(&doc, lx);
    check_spans(&doc, &ex)?;
    let resolved = newsgraph::resolve::resolve(&[(&doc, &ex)], lx);
    let minter = Minter::new(DEFAULT_BASE).expect("base");
    // The quads are parsed back from the N-Quads text that the store is loaded from.
    let mut quads = document_quads(&minter, &doc, &ex, &resolved, 0)
        .map_err(|e| TestCaseError::fail(format!("invalid N-Quads: {e}")))?;
    // The entity graph carries the labels and altLabels: escaping is checked on them too.
    quads.extend(
        entity_quads(&minter, &[(&doc, &ex)], &resolved)
            .quads()
            .map_err(|e| TestCaseError::fail(format!("invalid N-Quads: {e}")))?,
    );
    check_quads(&doc, &quads)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn news_like_text(s in article()) {
        pipeline(s.as_bytes())?;
    }

    #[test]
    fn any_unicode_without_nul(s in "[^\\x00]{0,300}") {
        pipeline(s.as_bytes())?;
    }

    #[test]
    fn arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..400)) {
        pipeline(&b)?;
    }

    #[test]
    fn utf16_le_with_bom(s in article()) {
        let mut b = vec![0xFF, 0xFE];
        b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        pipeline(&b)?;
    }
}

/// Several documents resolved together (cross-document resolution, shared entities).
#[test]
fn several_documents_together() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    });
    runner
        .run(&prop::collection::vec(article(), 1..5), |texts| {
            let lx = lexicon();
            let docs: Vec<Document> = texts
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    let name = format!("d{i}.txt");
                    ingest_bytes(Path::new(&name), &name, t.as_bytes(), lx).ok()
                })
                .collect();
            let exs: Vec<Extraction> = docs
                .iter()
                .map(|d| newsgraph::extract::extract(d, lx))
                .collect();
            let pairs: Vec<(&Document, &Extraction)> = docs.iter().zip(&exs).collect();
            let resolved = newsgraph::resolve::resolve(&pairs, lx);
            prop_assert_eq!(resolved.links.len(), docs.len());
            let minter = Minter::new(DEFAULT_BASE).expect("base");
            let mut graphs: HashMap<String, usize> = HashMap::new();
            for (d, (doc, ex)) in pairs.iter().enumerate() {
                check_spans(doc, ex)?;
                prop_assert_eq!(resolved.links[d].len(), ex.mentions.len());
                let quads = document_quads(&minter, doc, ex, &resolved, d)
                    .map_err(|e| TestCaseError::fail(format!("invalid N-Quads: {e}")))?;
                check_quads(doc, &quads)?;
                // No two documents write into the same named graph.
                for g in quads
                    .iter()
                    .map(|q| q.graph_name.to_string())
                    .collect::<BTreeSet<_>>()
                {
                    let owner = graphs.entry(g.clone()).or_insert(d);
                    prop_assert_eq!(*owner, d, "graph {} shared", g);
                }
            }
            Ok(())
        })
        .expect("property holds");
}
