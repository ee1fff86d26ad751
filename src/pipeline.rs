//! The stages run together: inputs → store, incrementally.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::extract::{self, Extraction};
use crate::ingest::{self, Document, IngestError, Input};
use crate::lexicon::Lexicon;
use crate::rdf::{self, mint::Minter};
use crate::resolve;
use crate::store::{DocRecord, GraphStore};

/// Options of an extract run.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Files, folders or `-`.
    pub paths: Vec<PathBuf>,
    /// Store directory.
    pub store: PathBuf,
    /// Base IRI.
    pub base: String,
    /// Largest input accepted.
    pub max_bytes: u64,
    /// `Some((i, n))`: only the inputs of shard `i` of `n` (1-based).
    pub shard: Option<(usize, usize)>,
    /// Remove documents of the store that are not among the inputs.
    pub prune: bool,
    /// Show a progress bar.
    pub progress: bool,
    /// Keep every quad in the in-memory store as well (default backend), for a caller that
    /// reads the store right after (`build`: TriG and DOT). Without it the default backend's
    /// `extract` neither loads the previous snapshot nor indexes the new quads: it writes the
    /// next snapshot from the documents' quads, which it makes anyway. RocksDB always stores
    /// them.
    pub keep_quads: bool,
}

/// What a run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Inputs found.
    pub inputs: usize,
    /// Documents added.
    pub added: usize,
    /// Documents whose facts changed.
    pub changed: usize,
    /// Documents left as they were.
    pub unchanged: usize,
    /// Documents removed (`--prune`).
    pub removed: usize,
    /// Documents in the store.
    pub documents: usize,
    /// Sentences in the store.
    pub sentences: usize,
    /// Entities in the store.
    pub entities: usize,
    /// Events in the store.
    pub events: usize,
    /// Memberships in the store.
    pub memberships: usize,
    /// Quads in the store.
    pub quads: usize,
    /// One line per input that failed (file and reason).
    pub errors: Vec<String>,
    /// Wall time.
    #[serde(skip)]
    pub elapsed: Duration,
}

/// Set by a Ctrl-C handler: stop before writing anything more.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Shard of an input: a stable hash of its relative path.
pub fn shard_of(rel_path: &str, n: usize) -> usize {
    // FNV-1a, stable across runs and platforms.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in rel_path.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    (h % n as u64) as usize + 1
}

/// The quads made by [`rdf`] did not parse back: a bug, reported rather than loaded.
fn internal_nquads(e: oxigraph::io::RdfSyntaxError) -> crate::Error {
    crate::Error::Other(format!("internal error: made an invalid N-Quads line: {e}"))
}

/// Hash of a document's quads from their N-Quads text (in text order: grouped by graph):
/// `xxh3-` and the 128-bit XXH3 of the text in hex. It only tells whether a document's
/// quads changed since the last run (not an integrity check against tampering), and XXH3
/// hashes at memory speed where SHA-256 took 7 % of a 10,000-article extract (2.6 GB of
/// N-Quads). Stores written with the earlier hashes (SHA-256, or before the entity graph)
/// have their documents rewritten once, by the next extract.
fn nquads_hash(text: &str) -> String {
    format!("xxh3-{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// Ingest and extract one input.
pub fn process(
    input: &Input,
    max_bytes: u64,
    lexicon: &Lexicon,
) -> Result<(Document, Extraction), IngestError> {
    let doc = ingest::ingest_input(input, max_bytes, lexicon)?;
    let ex = extract::extract(&doc, lexicon);
    Ok((doc, ex))
}

/// Extract `opts.paths` into the store: unchanged files change nothing, changed files
/// replace their facts, new files are added; entities are resolved across all documents.
pub fn extract_into_store(opts: &ExtractOptions) -> crate::Result<Summary> {
    let start = Instant::now();
    let lexicon = Lexicon::builtin()?;
    let minter = Minter::new(&opts.base).map_err(|e| crate::Error::Other(e.to_string()))?;
    let (mut inputs, discover_errors) = ingest::discover(&opts.paths);
    if let Some((i, n)) = opts.shard {
        inputs.retain(|inp| shard_of(&inp.rel_path, n) == i);
    }
    let mut summary = Summary {
        inputs: inputs.len(),
        ..Summary::default()
    };
    summary
        .errors
        .extend(discover_errors.iter().map(|e| e.to_string()));
    let mut gs = GraphStore::open_writer(&opts.store, minter.base(), opts.keep_quads)?;

    let bar = if opts.progress {
        let pb = indicatif::ProgressBar::new(inputs.len() as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} extracting [{bar:30}] {pos}/{len} {per_sec} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(pb)
    } else {
        None
    };
    // Parallel over documents; unchanged files (same path and bytes) are not re-extracted.
    let known: std::collections::HashMap<&str, &str> = gs
        .manifest()
        .docs
        .iter()
        .map(|(k, r)| (k.as_str(), r.doc.sha256.as_str()))
        .collect();
    enum Outcome {
        Unchanged,
        New(Box<(Document, Extraction)>),
        Failed(IngestError),
        Partial(Box<(Document, Extraction)>, IngestError),
    }
    let outcomes: Vec<(String, Outcome)> = inputs
        .par_iter()
        .map(|input| {
            if INTERRUPTED.load(Ordering::Relaxed) {
                return (
                    input.rel_path.clone(),
                    Outcome::Failed(IngestError::Io {
                        path: input.path.clone(),
                        source: std::io::Error::other("interrupted"),
                    }),
                );
            }
            let out = match input.read(opts.max_bytes) {
                Err(e) => Outcome::Failed(e),
                Ok(bytes) => {
                    let sha = ingest::sha256_hex(&bytes);
                    if known.get(input.rel_path.as_str()) == Some(&sha.as_str()) {
                        Outcome::Unchanged
                    } else {
                        match ingest::ingest_bytes(&input.path, &input.rel_path, &bytes, lexicon) {
                            Err(e) => Outcome::Failed(e),
                            Ok(doc) => {
                                let ex = extract::extract(&doc, lexicon);
                                if doc.sentences.is_empty() {
                                    let e = IngestError::NoText {
                                        path: input.path.clone(),
                                    };
                                    Outcome::Partial(Box::new((doc, ex)), e)
                                } else {
                                    Outcome::New(Box::new((doc, ex)))
                                }
                            }
                        }
                    }
                }
            };
            if let Some(b) = &bar {
                b.inc(1);
            }
            (input.rel_path.clone(), out)
        })
        .collect();
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if INTERRUPTED.load(Ordering::Relaxed) {
        return Err(crate::Error::Other(
            "interrupted: the store was left as it was".into(),
        ));
    }
    let input_paths: std::collections::HashSet<String> =
        inputs.iter().map(|i| i.rel_path.clone()).collect();
    let mut fresh: std::collections::BTreeMap<String, (Document, Extraction)> =
        std::collections::BTreeMap::new();
    for (rel, o) in outcomes {
        match o {
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::New(b) => {
                fresh.insert(rel, *b);
            }
            Outcome::Partial(b, e) => {
                summary.errors.push(e.to_string());
                fresh.insert(rel, *b);
            }
            Outcome::Failed(e) => summary.errors.push(e.to_string()),
        }
    }
    if opts.prune {
        let stale: Vec<String> = gs
            .manifest()
            .docs
            .keys()
            .filter(|k| !input_paths.contains(*k))
            .cloned()
            .collect();
        for k in stale {
            gs.remove_document(&k)?;
            summary.removed += 1;
        }
    }
    // Resolve across every document of the store (new and kept), then rewrite the documents
    // whose quads differ.
    let mut all: Vec<(String, Document, Extraction, Option<String>)> = Vec::new();
    for (k, r) in gs.manifest().docs.iter() {
        if !fresh.contains_key(k) {
            all.push((
                k.clone(),
                r.doc.clone(),
                r.extraction.clone(),
                Some(r.quads_hash.clone()),
            ));
        }
    }
    let had: std::collections::HashSet<String> = gs.manifest().docs.keys().cloned().collect();
    for (k, (d, e)) in fresh {
        all.push((k, d, e, None));
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    let pairs: Vec<(&Document, &Extraction)> = all.iter().map(|(_, d, e, _)| (d, e)).collect();
    let resolved = resolve::resolve(&pairs, lexicon);
    // The entity graph (made from every document, replaced as a whole).
    let entity = rdf::entity_quads(&minter, &pairs, &resolved);
    drop(pairs);
    // Quads are made as N-Quads text; a store that holds quads (RocksDB, or an in-memory
    // writer asked to keep them) gets them parsed back from it.
    let need_quads = gs.holds_quads();
    let entity_quads = if need_quads {
        entity.quads().map_err(internal_nquads)?
    } else {
        Vec::new()
    };
    let rdf::NQuads {
        text: entity_text,
        graphs: entity_graphs,
        len,
        typed,
    } = entity;
    // The summary's counts, from the quads as they are made (no query over the store).
    let mut counts = Counts::default();
    counts.add(len, typed);
    // Quads are made, hashed and loaded a chunk of documents at a time: bounded memory, and
    // documents new to the store go in through one bulk load per chunk. A producer thread
    // makes the next chunk's quads (in parallel) while this thread loads the last one, and
    // writes every document's N-Quads text into the next snapshot (the store holds exactly
    // the documents' quads), so the store is not dumped at the end.
    const CHUNK: usize = 128;
    type Made = Vec<(Vec<oxigraph::model::Quad>, String)>;
    let counts_ref = &mut counts;
    type Chunk = Vec<(usize, (String, Document, Extraction, Option<String>))>;
    let mut snapshot = gs.start_snapshot()?;
    if let Some(s) = snapshot.as_mut() {
        s.write_graphs(&entity_text, &entity_graphs)?;
    }
    drop(entity_text);
    let mut rest = all.into_iter().enumerate().peekable();
    // Rendezvous: at most one made chunk waits while another loads.
    let (tx, rx) = std::sync::mpsc::sync_channel::<(Chunk, Made)>(0);
    let (loaded, snapshot) = std::thread::scope(|scope| {
        let (minter, resolved, counts) = (&minter, &resolved, counts_ref);
        let producer = scope.spawn(move || -> crate::Result<_> {
            let mut snapshot = snapshot;
            while rest.peek().is_some() {
                let chunk: Chunk = rest.by_ref().take(CHUNK).collect();
                let made: Vec<(rdf::NQuads, Vec<oxigraph::model::Quad>, String)> = chunk
                    .par_iter()
                    .map(|(i, (_, doc, ex, old_hash))| {
                        let made = rdf::document_quads_nquads(minter, doc, ex, resolved, *i);
                        let h = nquads_hash(&made.text);
                        let quads = if need_quads && old_hash.as_deref() != Some(h.as_str()) {
                            made.quads().map_err(internal_nquads)?
                        } else {
                            Vec::new()
                        };
                        Ok((made, quads, h))
                    })
                    .collect::<crate::Result<_>>()?;
                let mut quads: Made = Vec::with_capacity(made.len());
                for (made, q, h) in made {
                    if let Some(s) = snapshot.as_mut() {
                        s.write_graphs(&made.text, &made.graphs)?;
                    }
                    counts.add(made.len, made.typed);
                    quads.push((q, h));
                }
                if tx.send((chunk, quads)).is_err() {
                    break;
                }
            }
            Ok(snapshot)
        });
        let load = || -> crate::Result<()> {
            for (chunk, made) in rx {
                let mut new_docs = Vec::new();
                for ((_, (k, doc, ex, old_hash)), (q, h)) in chunk.into_iter().zip(made) {
                    if old_hash.as_deref() == Some(h.as_str()) {
                        continue;
                    }
                    let record = DocRecord {
                        doc,
                        extraction: ex,
                        quads_hash: h,
                    };
                    if had.contains(&k) {
                        if old_hash.is_none() {
                            summary.changed += 1;
                        }
                        gs.put_document(record, &q)?;
                    } else {
                        summary.added += 1;
                        new_docs.push((record, q));
                    }
                }
                gs.put_new_documents(new_docs)?;
            }
            Ok(())
        };
        let loaded = load();
        let snapshot = producer
            .join()
            .unwrap_or_else(|_| Err(crate::Error::Other("quad maker panicked".into())));
        (loaded, snapshot)
    });
    loaded?;
    let snapshot = snapshot?;
    gs.replace_graph(&minter.entities_graph(), &entity_quads)?;
    drop(entity_quads);
    if INTERRUPTED.load(Ordering::Relaxed) {
        return Err(crate::Error::Other(
            "interrupted: the store was left as it was".into(),
        ));
    }
    gs.commit_with_snapshot(snapshot)?;
    summary.documents = gs.manifest().docs.len();
    summary.sentences = gs
        .manifest()
        .docs
        .values()
        .map(|r| r.doc.sentences.len())
        .sum();
    summary.quads = counts.quads;
    summary.entities = counts.entities.len();
    summary.events = counts.events.len();
    summary.memberships = counts.memberships.len();
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// The summary's entities, events, memberships and quads, counted from the quads as they are
/// made: every quad of the store is made exactly once per run (each document's graphs are its own, the entity graph
/// is made once).
#[derive(Default)]
struct Counts {
    quads: usize,
    entities: std::collections::HashSet<String>,
    events: std::collections::HashSet<String>,
    memberships: std::collections::HashSet<String>,
}

impl Counts {
    fn add(&mut self, len: usize, typed: Vec<(rdf::Counted, String)>) {
        self.quads += len;
        for (c, subject) in typed {
            match c {
                rdf::Counted::Entity => self.entities.insert(subject),
                rdf::Counted::Event => self.events.insert(subject),
                rdf::Counted::Membership => self.memberships.insert(subject),
            };
        }
    }
}
