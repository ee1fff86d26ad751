//! Store: the Oxigraph store behind one API, whichever backend is compiled in.
//!
//! - Default build: Oxigraph's in-memory `Store`, persisted under the store directory as an
//!   N-Quads snapshot (`data-<generation>.nq`) plus `manifest.json`, each written atomically
//!   (temporary file, fsync, rename). The manifest names the snapshot it belongs to, so a
//!   crash at any point leaves the previous consistent pair.
//! - `--features rocksdb`: Oxigraph's RocksDB store in `<dir>/rocksdb`, with the same manifest.
//!
//! Writers take an exclusive lock on `<dir>/LOCK`; readers never wait for it (the snapshot
//! they load is always complete; RocksDB is opened read-only).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, NamedNodeRef, Quad};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};

use crate::extract::Extraction;
use crate::ingest::Document;

/// Version of the on-disk layout written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// Store errors; each message says what and where.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the write lock.
    #[error("store {0} is locked by another newsgraph process (wait for it to finish, or use another --store)")]
    Locked(PathBuf),
    /// The store was written by a newer version.
    #[error("store {path} has format version {found}, newer than this newsgraph ({supported}); upgrade newsgraph")]
    NewerVersion {
        /// The store.
        path: PathBuf,
        /// Its version.
        found: u32,
        /// Ours.
        supported: u32,
    },
    /// The store was made with another `--base`.
    #[error("store {path} uses base {found}, not {wanted}; re-extract into a new store to change the base")]
    BaseMismatch {
        /// The store.
        path: PathBuf,
        /// Its base.
        found: String,
        /// The base asked for.
        wanted: String,
    },
    /// No store at that path.
    #[error("no store at {0} (run `newsgraph build` or `newsgraph extract` first)")]
    Missing(PathBuf),
    /// A corrupt manifest or snapshot.
    #[error("store {path}: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// File-system error.
    #[error("store {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Oxigraph storage error.
    #[error("store: {0}")]
    Oxigraph(String),
}

/// A SPARQL error with its position when the parser gives one.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// Syntax error.
    #[error("invalid SPARQL: {0}")]
    Syntax(String),
    /// Evaluation error.
    #[error("query failed: {0}")]
    Evaluation(String),
}

/// What the store remembers about one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocRecord {
    /// The ingested document (text, metadata, sentences).
    pub doc: Document,
    /// Its extraction, kept so that cross-document resolution can be redone when other
    /// documents change.
    pub extraction: Extraction,
    /// Hash of the document's quads as last written.
    pub quads_hash: String,
}

/// The manifest: layout version, base IRI and every document's record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// Layout version.
    pub format_version: u32,
    /// Base of minted IRIs.
    pub base: String,
    /// Generation of the snapshot file (in-memory backend).
    pub generation: u64,
    /// Documents by relative path.
    pub docs: BTreeMap<String, DocRecord>,
}

/// Open mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read only; no lock, fails if the store does not exist.
    Read,
    /// Read-write under the writer lock; created when missing.
    Write,
}

/// The project's store.
pub struct GraphStore {
    dir: PathBuf,
    store: Store,
    manifest: Manifest,
    _lock: Option<File>,
    mode: Mode,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn ox<E: std::fmt::Display>(e: E) -> StoreError {
    StoreError::Oxigraph(e.to_string())
}

/// Write `bytes` to `path` atomically: temporary file, fsync, rename, fsync of the folder.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let tmp = path.with_extension("tmp");
    let file = File::create(&tmp).map_err(io_err(&tmp))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    write(&mut w).map_err(io_err(&tmp))?;
    let file = w.into_inner().map_err(|e| StoreError::Io {
        path: tmp.clone(),
        source: e.into_error(),
    })?;
    file.sync_all().map_err(io_err(&tmp))?;
    fs::rename(&tmp, path).map_err(io_err(path))?;
    if let Some(parent) = path.parent() {
        if let Ok(d) = File::open(parent) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

impl GraphStore {
    /// Open (or, in write mode, create) the store in `dir` for IRIs under `base`.
    pub fn open(dir: &Path, mode: Mode, base: &str) -> Result<Self, StoreError> {
        let manifest_path = dir.join("manifest.json");
        if mode == Mode::Read && !manifest_path.exists() {
            return Err(StoreError::Missing(dir.to_path_buf()));
        }
        let lock = if mode == Mode::Write {
            fs::create_dir_all(dir).map_err(io_err(dir))?;
            let lock_path = dir.join("LOCK");
            let f = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)
                .map_err(io_err(&lock_path))?;
            match f.try_lock() {
                Ok(()) => Some(f),
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked(dir.to_path_buf()))
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(StoreError::Io {
                        path: lock_path,
                        source: e,
                    })
                }
            }
        } else {
            None
        };
        let manifest = if manifest_path.exists() {
            let bytes = fs::read(&manifest_path).map_err(io_err(&manifest_path))?;
            #[derive(Deserialize)]
            struct Head {
                format_version: u32,
            }
            let head: Head = serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
                path: manifest_path.clone(),
                message: e.to_string(),
            })?;
            if head.format_version > FORMAT_VERSION {
                return Err(StoreError::NewerVersion {
                    path: dir.to_path_buf(),
                    found: head.format_version,
                    supported: FORMAT_VERSION,
                });
            }
            let m: Manifest = serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
                path: manifest_path.clone(),
                message: e.to_string(),
            })?;
            if m.base != base && mode == Mode::Write {
                return Err(StoreError::BaseMismatch {
                    path: dir.to_path_buf(),
                    found: m.base,
                    wanted: base.to_string(),
                });
            }
            m
        } else {
            Manifest {
                format_version: FORMAT_VERSION,
                base: base.to_string(),
                generation: 0,
                docs: BTreeMap::new(),
            }
        };
        let store = Self::open_backend(dir, mode, &manifest)?;
        Ok(GraphStore {
            dir: dir.to_path_buf(),
            store,
            manifest,
            _lock: lock,
            mode,
        })
    }

    #[cfg(not(feature = "rocksdb"))]
    fn open_backend(dir: &Path, _mode: Mode, manifest: &Manifest) -> Result<Store, StoreError> {
        let store = Store::new().map_err(ox)?;
        if manifest.generation > 0 {
            let path = dir.join(format!("data-{}.nq", manifest.generation));
            let bytes = fs::read(&path).map_err(io_err(&path))?;
            let mut loader = store.bulk_loader();
            loader
                .parallel_load_from_slice(RdfParser::from_format(RdfFormat::NQuads), &bytes)
                .map_err(|e| StoreError::Corrupt {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
            loader.commit().map_err(ox)?;
        }
        Ok(store)
    }

    #[cfg(feature = "rocksdb")]
    fn open_backend(dir: &Path, mode: Mode, _manifest: &Manifest) -> Result<Store, StoreError> {
        let path = dir.join("rocksdb");
        match mode {
            Mode::Write => Store::open(&path).map_err(ox),
            Mode::Read => Store::open_read_only(&path).map_err(ox),
        }
    }

    /// The Oxigraph store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize, StoreError> {
        self.store.len().map_err(ox)
    }

    /// True when the store holds no quad.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    /// The named graphs of a document: its own and one per sentence.
    fn document_graphs(base: &str, record: &DocRecord) -> Vec<NamedNode> {
        let doc = format!("{base}doc/{}", record.doc.slug);
        let mut g = vec![NamedNode::new_unchecked(doc.clone())];
        g.extend(
            (1..=record.doc.sentences.len())
                .map(|n| NamedNode::new_unchecked(format!("{doc}/s{n}"))),
        );
        g
    }

    /// Remove a document and all its facts.
    pub fn remove_document(&mut self, rel_path: &str) -> Result<bool, StoreError> {
        let Some(record) = self.manifest.docs.remove(rel_path) else {
            return Ok(false);
        };
        for g in Self::document_graphs(&self.manifest.base, &record) {
            self.store.remove_named_graph(g.as_ref()).map_err(ox)?;
        }
        Ok(true)
    }

    /// Replace a document's facts with `quads` (which must all be in its graphs).
    pub fn put_document(&mut self, record: DocRecord, quads: &[Quad]) -> Result<(), StoreError> {
        self.remove_document(&record.doc.rel_path.clone())?;
        let mut tx = self.store.start_transaction().map_err(ox)?;
        tx.extend(quads.iter());
        tx.commit().map_err(ox)?;
        self.manifest
            .docs
            .insert(record.doc.rel_path.clone(), record);
        Ok(())
    }

    /// Update a record without touching its quads (e.g. same quads, new bookkeeping).
    pub fn records_mut(&mut self) -> &mut BTreeMap<String, DocRecord> {
        &mut self.manifest.docs
    }

    /// Persist: snapshot (in-memory backend) or flush (RocksDB), then the manifest.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.mode != Mode::Write {
            return Ok(());
        }
        let old = self.manifest.generation;
        #[cfg(not(feature = "rocksdb"))]
        {
            let next = old + 1;
            let path = self.dir.join(format!("data-{next}.nq"));
            let store = &self.store;
            write_atomic(&path, |w| {
                store
                    .dump_to_writer(
                        oxigraph::io::RdfSerializer::from_format(RdfFormat::NQuads),
                        w,
                    )
                    .map(|_| ())
                    .map_err(|e| std::io::Error::other(e.to_string()))
            })?;
            self.manifest.generation = next;
        }
        #[cfg(feature = "rocksdb")]
        {
            self.store.flush().map_err(ox)?;
            self.manifest.generation = old + 1;
        }
        let manifest_path = self.dir.join("manifest.json");
        let manifest = &self.manifest;
        write_atomic(&manifest_path, |w| {
            serde_json::to_writer(w, manifest).map_err(std::io::Error::other)
        })?;
        #[cfg(not(feature = "rocksdb"))]
        if old > 0 {
            let _ = fs::remove_file(self.dir.join(format!("data-{old}.nq")));
        }
        Ok(())
    }

    /// Run a SPARQL query with the union of all graphs as default graph and the project's
    /// prefixes predeclared.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, QueryError> {
        query_store(&self.store, sparql)
    }

    /// The IRI of a vocabulary term (for tests and tools).
    pub fn term(t: NamedNodeRef<'_>) -> String {
        t.as_str().to_string()
    }
}

/// Run SPARQL against any Oxigraph store the same way [`GraphStore::query`] does.
pub fn query_store(store: &Store, sparql: &str) -> Result<QueryResults<'static>, QueryError> {
    let mut evaluator = SparqlEvaluator::new();
    for (p, ns) in crate::rdf::vocab::PREFIXES {
        evaluator = evaluator
            .with_prefix(*p, *ns)
            .map_err(|e| QueryError::Syntax(e.to_string()))?;
    }
    let mut prepared = evaluator
        .parse_query(sparql)
        .map_err(|e| QueryError::Syntax(e.to_string()))?;
    prepared.dataset_mut().set_default_graph_as_union();
    prepared
        .on_store(store)
        .execute()
        .map_err(|e| QueryError::Evaluation(e.to_string()))
}
