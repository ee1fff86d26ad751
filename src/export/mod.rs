//! RDF export of the store: every serialization of `newsgraph export`, written in a
//! deterministic order so that two exports of the same store contents are byte-identical
//! (users diff them), plus RDFC-1.0 canonical N-Quads.
//!
//! # Order
//! Quads are written sorted by (graph, subject, predicate, object), each compared by its
//! N-Triples/N-Quads string form (the default graph first). The store's own iteration order is
//! not relied upon: oxigraph's in-memory store does not promise one.
//!
//! # Memory
//! Sorting needs the rows being sorted in memory, but never the whole store at once:
//! - quad formats ([`Format::is_quads`]) load and sort **one named graph at a time** (a
//!   sentence graph, or a document graph holding the document's text);
//! - triple formats (merged graph) first collect the **distinct subjects** (as terms), then
//!   load, sort and de-duplicate **one subject's triples at a time**, across all graphs.
//!
//! Peak memory is therefore the list of graph names or subjects plus the largest graph or
//! subject description, not the dataset — beside the store itself, which the default backend
//! holds in memory. [`export_snapshot`] avoids that: it writes the same bytes straight from a
//! default-backend snapshot, graph by graph for quad formats and by an external merge sort
//! (bounded runs in temporary files) for triple formats. [`export_canonical`] is the
//! exception: RDFC-1.0 is a whole-dataset algorithm, so it holds the full dataset (as sophia
//! terms) in memory.
//!
//! # Format notes (oxigraph 0.5.13)
//! - RDF/XML: carriage returns are written as `&#13;` (oxigraph writes them raw, and XML
//!   parsers would turn them into line feeds); literals with characters XML 1.0 cannot carry
//!   (most C0 controls, U+FFFE, U+FFFF) make the export fail with [`ExportError::Serialize`].
//! - JSON-LD: oxigraph's generic serializer ignores prefixes, so the output has no `@context`
//!   and uses absolute IRIs (valid, expanded-style JSON-LD).
//! - Literals come out as the store returns them: oxigraph's store keeps integer subtypes
//!   such as `xsd:nonNegativeInteger` as `xsd:integer`.
//!
//! # Consistency
//! Each graph (or subject) is read from a fresh store snapshot, so an export running while
//! another thread writes to the same store may mix states. newsgraph never does that (the
//! CLI exports after extraction has committed).

mod format;
pub mod sophia_conv;

#[cfg(test)]
mod roundtrip_tests;

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};

use oxigraph::io::{RdfSerializer, WriterQuadSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedOrBlankNode, Quad, Triple};
use oxigraph::store::{StorageError, Store};

pub use format::{Format, UnknownFormat};

use crate::rdf::vocab;

/// Errors raised while exporting the store.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing the output failed.
    #[error("I/O error while exporting: {0}")]
    Io(#[from] io::Error),
    /// The serializer rejected its configuration or some data (e.g. an invalid prefix IRI).
    #[error("cannot serialize RDF: {0}")]
    Serialize(String),
    /// RDFC-1.0 canonicalization failed.
    #[error("cannot canonicalize RDF: {0}")]
    Canonical(String),
    /// Reading the store failed.
    #[error("cannot read the store: {0}")]
    Store(#[from] StorageError),
    /// Reading a snapshot failed.
    #[error("{0}")]
    Snapshot(#[from] crate::store::StoreError),
}

/// Options of [`export_with`]: the prefixes declared in the output and an optional base IRI.
///
/// The default declares [`vocab::PREFIXES`] and no base.
///
/// Which formats use them (oxigraph 0.5.13): Turtle and TriG write `@prefix`/`@base` and
/// abbreviate IRIs; RDF/XML declares the prefixes as XML namespaces (and `xml:base`);
/// N-Triples and N-Quads have no prefixes; oxigraph's generic serializer ignores prefixes and
/// base for JSON-LD, which is therefore written without `@context`, with absolute IRIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    prefixes: Vec<(String, String)>,
    base_iri: Option<String>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            prefixes: vocab::PREFIXES
                .iter()
                .map(|(p, ns)| ((*p).to_owned(), (*ns).to_owned()))
                .collect(),
            base_iri: None,
        }
    }
}

impl ExportOptions {
    /// The default options: the project prefixes ([`vocab::PREFIXES`]), no base IRI.
    pub fn new() -> Self {
        Self::default()
    }

    /// Declares one more prefix, replacing any prefix of the same name.
    ///
    /// A prefix for the data base (e.g. `id:` for `https://w3id.org/newsgraph/id/`) is allowed
    /// but makes Turtle/TriG local names with escaped slashes (`id:doc\/x\/s2`), since every
    /// data IRI has a `/` after the base; [`ExportOptions::with_base_iri`] reads better.
    pub fn with_prefix(mut self, name: impl Into<String>, iri: impl Into<String>) -> Self {
        let (name, iri) = (name.into(), iri.into());
        match self.prefixes.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = iri,
            None => self.prefixes.push((name, iri)),
        }
        self
    }

    /// Sets a base IRI (e.g. the data base `https://w3id.org/newsgraph/id/`): Turtle and TriG
    /// then write `@base` and relative IRIs, RDF/XML `xml:base`.
    pub fn with_base_iri(mut self, iri: impl Into<String>) -> Self {
        self.base_iri = Some(iri.into());
        self
    }

    /// The declared prefixes, as (name, namespace IRI) pairs.
    pub fn prefixes(&self) -> &[(String, String)] {
        &self.prefixes
    }

    /// The base IRI, if any.
    pub fn base_iri(&self) -> Option<&str> {
        self.base_iri.as_deref()
    }

    fn serializer(&self, format: Format) -> Result<RdfSerializer, ExportError> {
        let mut serializer = RdfSerializer::from_format(format.to_oxigraph());
        if let Some(base) = &self.base_iri {
            serializer = serializer
                .with_base_iri(base.as_str())
                .map_err(|e| ExportError::Serialize(format!("invalid base IRI <{base}>: {e}")))?;
        }
        for (name, iri) in &self.prefixes {
            serializer = serializer
                .with_prefix(name.as_str(), iri.as_str())
                .map_err(|e| {
                    ExportError::Serialize(format!("invalid IRI <{iri}> for prefix {name}: {e}"))
                })?;
        }
        Ok(serializer)
    }
}

/// Writes the whole store to `out` in `format`, with the project prefixes
/// ([`ExportOptions::default`]).
///
/// Quad formats keep the named graphs; triple formats get the merged graph (the union of all
/// graphs, duplicates removed), where provenance survives through the `prov:wasDerivedFrom`
/// triples of the data. The output is deterministic: quads are sorted by (graph, subject,
/// predicate, object) in N-Quads string order (see the [module docs](self) for memory use).
/// `out` is buffered internally and flushed before returning.
///
/// # Errors
/// [`ExportError::Io`] when writing fails, [`ExportError::Store`] when reading the store fails,
/// [`ExportError::Serialize`] for RDF/XML literals XML 1.0 cannot carry.
pub fn export(store: &Store, format: Format, out: impl Write) -> Result<(), ExportError> {
    export_with(store, format, &ExportOptions::default(), out)
}

/// Like [`export`], with explicit prefixes and base IRI.
pub fn export_with(
    store: &Store,
    format: Format,
    options: &ExportOptions,
    out: impl Write,
) -> Result<(), ExportError> {
    let writer = XmlCrEscaper {
        inner: BufWriter::new(out),
        enabled: format == Format::RdfXml,
    };
    let mut serializer = options.serializer(format)?.for_writer(writer);
    if format.is_quads() {
        write_dataset_sorted(store, &mut serializer)?;
    } else {
        write_merged_graph_sorted(store, format, &mut serializer)?;
    }
    let mut writer = serializer.finish()?;
    writer.flush()?;
    Ok(())
}

/// Like [`export`], streamed from a default-backend snapshot without loading it into a
/// store: the same bytes as [`export`] of the store the snapshot holds.
///
/// - Quad formats (TriG, N-Quads): one named graph at a time, in memory bounded by the largest
///   graph.
/// - Triple formats (the merged graph): an external merge sort of the snapshot's triples (see
///   `write_snapshot_merged`), in memory bounded by [`RUN_BYTES`] and with temporary files
///   about the size of the snapshot.
///
/// # Errors
/// [`ExportError::Store`] / [`ExportError::Snapshot`] when the snapshot cannot be read or
/// parsed, [`ExportError::Io`] when writing (or a temporary file) fails,
/// [`ExportError::Serialize`] for RDF/XML literals XML 1.0 cannot carry.
pub fn export_snapshot(
    snapshot: &crate::store::SnapshotIndex,
    format: Format,
    out: impl Write,
) -> Result<(), ExportError> {
    let writer = XmlCrEscaper {
        inner: BufWriter::new(out),
        enabled: format == Format::RdfXml,
    };
    let mut serializer = ExportOptions::default()
        .serializer(format)?
        .for_writer(writer);
    if !format.is_quads() {
        write_snapshot_merged(snapshot, format, &mut serializer, RUN_BYTES)?;
        let mut writer = serializer.finish()?;
        writer.flush()?;
        return Ok(());
    }
    snapshot.for_each_graph(|graph, text| -> Result<(), ExportError> {
        // newsgraph wrote these quads from valid terms: the syntax is still checked, IRIs
        // are not validated again (that was a fifth of a build's time).
        for quad in oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
            .lenient()
            .for_slice(text.as_bytes())
        {
            let quad =
                quad.map_err(|e| ExportError::Serialize(format!("snapshot graph {graph}: {e}")))?;
            serializer.serialize_quad(&quad)?;
        }
        Ok(())
    })?;
    let mut writer = serializer.finish()?;
    writer.flush()?;
    Ok(())
}

/// Bytes of triple lines sorted in memory at a time (one run) by the external merge sort of
/// [`export_snapshot`].
pub const RUN_BYTES: usize = 64 << 20;

/// Triple formats from a snapshot: the union of all graphs, sorted by (subject, predicate,
/// object) N-Triples forms and de-duplicated, as [`write_merged_graph_sorted`] writes it from
/// a store, without loading the snapshot into one.
///
/// An external merge sort: the snapshot's lines, each without its graph name, are cut into
/// runs of about `run_bytes` ([`RUN_BYTES`]), each sorted, de-duplicated and written to a temporary file;
/// the runs are then merged line by line. Sorting whole N-Triples lines gives the order of
/// (subject, predicate, object) forms: a term's form never is a proper prefix of another's
/// that is followed by a character below the separating space (IRIs end with `>`, blank
/// node labels have no space, and the object comes last).
fn write_snapshot_merged<W: Write>(
    snapshot: &crate::store::SnapshotIndex,
    format: Format,
    serializer: &mut WriterQuadSerializer<W>,
    run_bytes: usize,
) -> Result<(), ExportError> {
    use std::collections::BinaryHeap;
    use std::io::BufRead;

    let dir = tempfile::Builder::new()
        .prefix("newsgraph-export-")
        .tempdir()?;
    let mut runs: Vec<std::path::PathBuf> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut bytes = 0usize;
    let mut flush_run = |lines: &mut Vec<String>| -> io::Result<()> {
        lines.sort_unstable();
        lines.dedup();
        let path = dir.path().join(format!("run-{}.nt", runs.len()));
        let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
        for l in lines.iter() {
            w.write_all(l.as_bytes())?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
        runs.push(path);
        lines.clear();
        Ok(())
    };
    snapshot.for_each_graph(|graph, text| -> Result<(), ExportError> {
        // Each line is `<s> <p> <o> <graph> .`: the triple is what comes before ` <graph> .`.
        let suffix_len = if graph.is_empty() { 2 } else { graph.len() + 3 };
        for line in text.lines() {
            let triple = line
                .len()
                .checked_sub(suffix_len)
                .and_then(|end| line.get(..end))
                .ok_or_else(|| {
                    ExportError::Serialize(format!("snapshot graph {graph}: bad line {line:?}"))
                })?;
            bytes += triple.len() + 32;
            lines.push(triple.to_owned());
            if bytes >= run_bytes {
                flush_run(&mut lines)?;
                bytes = 0;
            }
        }
        Ok(())
    })?;
    if !lines.is_empty() {
        flush_run(&mut lines)?;
    }
    drop(lines);
    // Merge: the smallest head line of all runs, repeatedly; equal lines are written once.
    let mut readers = runs
        .iter()
        .map(|p| {
            Ok(io::BufReader::with_capacity(
                1 << 18,
                std::fs::File::open(p)?,
            ))
        })
        .collect::<io::Result<Vec<_>>>()?;
    let next_line = |r: &mut io::BufReader<std::fs::File>| -> io::Result<Option<String>> {
        let mut l = String::new();
        Ok((r.read_line(&mut l)? > 0).then(|| {
            l.truncate(l.trim_end_matches('\n').len());
            l
        }))
    };
    let mut heap = BinaryHeap::new();
    for (i, r) in readers.iter_mut().enumerate() {
        if let Some(l) = next_line(r)? {
            heap.push(std::cmp::Reverse((l, i)));
        }
    }
    // Unique lines are parsed in batches (one parser per batch, not per line).
    let mut batch = String::new();
    let mut last: Option<String> = None;
    let mut parse_batch = |batch: &mut String| -> Result<(), ExportError> {
        for triple in oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NTriples)
            .lenient()
            .for_slice(batch.as_bytes())
        {
            let quad = triple.map_err(|e| ExportError::Serialize(format!("snapshot: {e}")))?;
            let triple = Triple::from(quad);
            if format == Format::RdfXml {
                check_xml_chars(&triple)?;
            }
            serializer.serialize_quad(triple.as_ref().in_graph(GraphNameRef::DefaultGraph))?;
        }
        batch.clear();
        Ok(())
    };
    while let Some(std::cmp::Reverse((line, i))) = heap.pop() {
        if let Some(l) = next_line(&mut readers[i])? {
            heap.push(std::cmp::Reverse((l, i)));
        }
        if last.as_deref() == Some(line.as_str()) {
            continue;
        }
        batch.push_str(&line);
        batch.push_str(" .\n");
        if batch.len() >= 1 << 20 {
            parse_batch(&mut batch)?;
        }
        last = Some(line);
    }
    parse_batch(&mut batch)?;
    Ok(())
}

/// Writes the store as RDFC-1.0 canonical N-Quads (W3C RDF Dataset Canonicalization, SHA-256),
/// computed by `sophia_c14n`. Lines are sorted in code-point order and blank nodes (newsgraph
/// mints none) get canonical labels, so the output depends only on the dataset.
///
/// Holds the whole dataset in memory (RDFC-1.0 is a whole-dataset algorithm).
pub fn export_canonical(store: &Store, out: impl Write) -> Result<(), ExportError> {
    let dataset = sophia_conv::store_to_sophia(store)?;
    let mut out = BufWriter::new(out);
    sophia_c14n::rdfc10::normalize(&dataset, &mut out).map_err(|e| match e {
        sophia_c14n::C14nError::Io(e) => ExportError::Io(e),
        other => ExportError::Canonical(other.to_string()),
    })?;
    out.flush()?;
    Ok(())
}

/// Writes `&#13;` for every carriage return when `enabled` (RDF/XML).
///
/// oxigraph 0.5.13's RDF/XML serializer writes U+000D raw; conforming XML parsers normalize a
/// raw CR (or CRLF) to LF, so texts with Windows line endings would not survive a round trip
/// through e.g. libxml2 or expat. In the serializer's output a CR byte can only come from a
/// literal (text content) or an attribute value, where `&#13;` is the correct escape, and a
/// 0x0D byte is never part of a multi-byte UTF-8 sequence, so a byte-level rewrite is exact.
struct XmlCrEscaper<W: Write> {
    inner: W,
    enabled: bool,
}

impl<W: Write> Write for XmlCrEscaper<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.enabled {
            return self.inner.write(buf);
        }
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|&b| b == b'\r') {
            self.inner.write_all(&rest[..i])?;
            self.inner.write_all(b"&#13;")?;
            rest = &rest[i + 1..];
        }
        self.inner.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// True for the characters XML 1.0 can carry (production `Char`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// RDF/XML cannot represent literals with characters outside XML 1.0's `Char` (most C0
/// controls, U+FFFE, U+FFFF): refuse them instead of writing ill-formed XML.
fn check_xml_chars(triple: &Triple) -> Result<(), ExportError> {
    if let oxigraph::model::Term::Literal(literal) = &triple.object {
        if let Some(c) = literal.value().chars().find(|&c| !is_xml_char(c)) {
            return Err(ExportError::Serialize(format!(
                "RDF/XML (XML 1.0) cannot represent character U+{:04X} in the literal of {} {}; \
                 use another format",
                u32::from(c),
                triple.subject,
                triple.predicate
            )));
        }
    }
    Ok(())
}

/// The N-Triples form of a subject, used as sort key.
fn subject_key(s: &NamedOrBlankNode) -> String {
    s.to_string()
}

/// The graph names of the store, sorted: default graph first, then named graphs by their
/// N-Quads form. The default graph is always listed (it may be empty).
fn sorted_graph_names(store: &Store) -> Result<Vec<GraphName>, ExportError> {
    let mut named = BTreeMap::new();
    for g in store.named_graphs() {
        let g = g?;
        named.insert(subject_key(&g), g);
    }
    let mut graphs = Vec::with_capacity(named.len() + 1);
    graphs.push(GraphName::DefaultGraph);
    graphs.extend(named.into_values().map(GraphName::from));
    Ok(graphs)
}

/// Sorts triples (or quads of one graph) by the N-Triples forms of subject, predicate, object.
fn sort_spo<T>(rows: &mut [T], spo: impl Fn(&T) -> (String, String, String)) {
    rows.sort_by_cached_key(spo);
}

/// Quad formats: one named graph at a time, each sorted by (subject, predicate, object).
fn write_dataset_sorted<W: Write>(
    store: &Store,
    serializer: &mut WriterQuadSerializer<W>,
) -> Result<(), ExportError> {
    for graph in sorted_graph_names(store)? {
        let mut quads = store
            .quads_for_pattern(None, None, None, Some(graph.as_ref()))
            .collect::<Result<Vec<Quad>, _>>()?;
        sort_spo(&mut quads, |q| {
            (
                q.subject.to_string(),
                q.predicate.to_string(),
                q.object.to_string(),
            )
        });
        for quad in &quads {
            serializer.serialize_quad(quad)?;
        }
    }
    Ok(())
}

/// Triple formats: the union of all graphs, one subject at a time, sorted and de-duplicated.
fn write_merged_graph_sorted<W: Write>(
    store: &Store,
    format: Format,
    serializer: &mut WriterQuadSerializer<W>,
) -> Result<(), ExportError> {
    let mut subjects = BTreeMap::new();
    for quad in store.iter() {
        let quad = quad?;
        let key = subject_key(&quad.subject);
        subjects.entry(key).or_insert(quad.subject);
    }
    for subject in subjects.into_values() {
        let mut triples = store
            .quads_for_pattern(Some(subject.as_ref()), None, None, None)
            .map(|q| q.map(Triple::from))
            .collect::<Result<Vec<Triple>, _>>()?;
        sort_spo(&mut triples, |t| {
            (String::new(), t.predicate.to_string(), t.object.to_string())
        });
        triples.dedup();
        for triple in &triples {
            if format == Format::RdfXml {
                check_xml_chars(triple)?;
            }
            serializer.serialize_quad(triple.as_ref().in_graph(GraphNameRef::DefaultGraph))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode, QuadRef};

    fn nn(s: &str) -> NamedNode {
        NamedNode::new_unchecked(s)
    }

    fn small_store() -> Store {
        let store = Store::new().expect("store");
        let g1 = nn("https://w3id.org/newsgraph/id/doc/a/s1");
        let g2 = nn("https://w3id.org/newsgraph/id/doc/a/s2");
        let p = nn("http://www.w3.org/2000/01/rdf-schema#label");
        let s = nn("https://w3id.org/newsgraph/id/person/x");
        let lit = Literal::new_simple_literal("X");
        // Same triple in two graphs, plus a graph-specific one.
        store
            .insert(QuadRef::new(&s, &p, &lit, &g2))
            .expect("insert");
        store
            .insert(QuadRef::new(&s, &p, &lit, &g1))
            .expect("insert");
        store
            .insert(QuadRef::new(
                &s,
                &nn("http://www.w3.org/2004/02/skos/core#altLabel"),
                &Literal::new_simple_literal("Mr X"),
                &g2,
            ))
            .expect("insert");
        store
    }

    fn export_string(store: &Store, format: Format) -> String {
        let mut buf = Vec::new();
        export(store, format, &mut buf).expect("export");
        String::from_utf8(buf).expect("utf-8")
    }

    /// Every format exported from a snapshot is byte-identical to the export of the store
    /// loaded from it; triple formats also with runs of 4 KiB (dozens of runs, the same
    /// triple in several of them).
    #[cfg(not(feature = "rocksdb"))]
    #[test]
    fn snapshot_exports_equal_store_exports() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("store");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::pipeline::extract_into_store(&crate::pipeline::ExtractOptions {
            paths: vec![root.join("seeds"), root.join("tests/fixtures/articles")],
            store: dir.clone(),
            base: crate::rdf::DEFAULT_BASE.to_string(),
            max_bytes: 1 << 24,
            shard: None,
            prune: false,
            progress: false,
            keep_quads: false,
        })
        .expect("extract");
        let snapshot = crate::store::SnapshotIndex::open(&dir)
            .expect("open snapshot")
            .expect("default backend");
        let gs = crate::store::GraphStore::open(
            &dir,
            crate::store::Mode::Read,
            crate::rdf::DEFAULT_BASE,
        )
        .expect("open store");
        for format in Format::ALL {
            let mut from_store = Vec::new();
            export(gs.store(), format, &mut from_store).expect("export store");
            let mut from_snapshot = Vec::new();
            export_snapshot(&snapshot, format, &mut from_snapshot).expect("export snapshot");
            assert!(
                from_store == from_snapshot,
                "{format:?}: the snapshot export differs from the store export"
            );
            if !format.is_quads() {
                let options = ExportOptions::default();
                let writer = XmlCrEscaper {
                    inner: BufWriter::new(Vec::new()),
                    enabled: format == Format::RdfXml,
                };
                let mut serializer = options
                    .serializer(format)
                    .expect("serializer")
                    .for_writer(writer);
                write_snapshot_merged(&snapshot, format, &mut serializer, 4096)
                    .expect("small runs");
                let small = serializer
                    .finish()
                    .expect("finish")
                    .inner
                    .into_inner()
                    .expect("flush");
                assert!(small == from_store, "{format:?}: runs of 4 KiB differ");
            }
        }
    }

    #[test]
    fn nquads_are_sorted_by_graph_then_triple() {
        let out = export_string(&small_store(), Format::NQuads);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].ends_with("<https://w3id.org/newsgraph/id/doc/a/s1> ."));
        assert!(lines[1].contains("rdf-schema#label") && lines[1].contains("/s2> ."));
        assert!(lines[2].contains("skos/core#altLabel"));
    }

    #[test]
    fn triple_formats_merge_and_deduplicate() {
        let out = export_string(&small_store(), Format::NTriples);
        assert_eq!(out.lines().count(), 2, "{out}");
        assert!(!out.contains("/s1>"));
    }

    #[test]
    fn turtle_uses_project_prefixes() {
        let out = export_string(&small_store(), Format::Turtle);
        assert!(out.starts_with("@prefix"), "{out}");
        assert!(out.contains("rdfs:label \"X\""), "{out}");
        assert!(out.contains("skos:altLabel \"Mr X\""), "{out}");
    }

    #[test]
    fn base_iri_option_relativizes() {
        let mut buf = Vec::new();
        let options = ExportOptions::new().with_base_iri("https://w3id.org/newsgraph/id/");
        export_with(&small_store(), Format::TriG, &options, &mut buf).expect("export");
        let out = String::from_utf8(buf).expect("utf-8");
        assert!(
            out.starts_with("@base <https://w3id.org/newsgraph/id/> ."),
            "{out}"
        );
        assert!(out.contains("<doc/a/s1> {"), "{out}");
    }

    #[test]
    fn invalid_prefix_is_a_serialize_error() {
        let options = ExportOptions::new().with_prefix("bad", "not an iri");
        let err = export_with(&small_store(), Format::Turtle, &options, Vec::new())
            .expect_err("must fail");
        assert!(matches!(err, ExportError::Serialize(_)), "{err}");
    }

    #[test]
    fn with_prefix_replaces_same_name() {
        let options = ExportOptions::new().with_prefix("ng", "http://example.org/ng#");
        assert_eq!(options.prefixes().len(), vocab::PREFIXES.len());
        assert!(options
            .prefixes()
            .contains(&("ng".to_owned(), "http://example.org/ng#".to_owned())));
    }

    #[test]
    fn empty_store_exports() {
        let store = Store::new().expect("store");
        for f in Format::ALL {
            let mut buf = Vec::new();
            export(&store, f, &mut buf).expect("export");
        }
        let mut buf = Vec::new();
        export_canonical(&store, &mut buf).expect("canonical");
        assert!(buf.is_empty());
    }

    #[test]
    fn io_errors_are_reported() {
        struct Failing;
        impl Write for Failing {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Err(io::Error::other("disk full"))
            }
        }
        let err = export(&small_store(), Format::NQuads, Failing).expect_err("must fail");
        assert!(matches!(err, ExportError::Io(_)), "{err}");
        let err = export_canonical(&small_store(), Failing).expect_err("must fail");
        assert!(matches!(err, ExportError::Io(_)), "{err}");
    }
}
