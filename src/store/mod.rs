//! Store: the Oxigraph store behind one API, whichever backend is compiled in.
//!
//! - Default build: Oxigraph's in-memory `Store`, persisted under the store directory as an
//!   N-Quads snapshot (`data-<generation>.nq`) plus `manifest.json`, each written atomically
//!   (temporary file, fsync, rename). The manifest names the snapshot it belongs to, so a
//!   crash at any point leaves the previous consistent pair.
//! - `--features rocksdb`: Oxigraph's RocksDB store, with the same manifest. The writer works
//!   in `<dir>/rocksdb`; each commit flushes it and takes a RocksDB checkpoint of it into
//!   `<dir>/rocksdb-<generation>` (hard links to the immutable table files, so it costs little)
//!   before the manifest names that generation. Readers open the checkpoint the manifest names,
//!   read-only: nobody ever writes to it, so a reader is never disturbed by a writer (RocksDB
//!   does not support a read-only instance over a database another process writes). A writer
//!   marks `<dir>/rocksdb.dirty` before its first change; a writer that finds the mark (its
//!   predecessor was killed or interrupted before committing) first restores the working
//!   database from the committed checkpoint. A reader holds a shared lock on
//!   `<dir>/rocksdb-<generation>.readers`; a writer removes an old checkpoint only when it can
//!   take that lock exclusively.
//!
//! Writers take an exclusive lock on `<dir>/LOCK`; readers never wait for it (what they open is
//! always a complete committed state).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

#[cfg(not(feature = "rocksdb"))]
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Quad};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};

use crate::extract::Extraction;
use crate::ingest::Document;

/// Version of the on-disk layout written by this build (2: the documents' records moved out
/// of `manifest.json` into `records-<generation>.json`; version 1 stores are read and
/// rewritten as version 2 by the next writer).
pub const FORMAT_VERSION: u32 = 2;

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
    /// The store was written by the other storage backend.
    #[error("store {path} was written by {found}, but this newsgraph uses {ours}; use a build with the same backend, or re-extract into a new store")]
    OtherBackend {
        /// The store.
        path: PathBuf,
        /// The backend that wrote it.
        found: &'static str,
        /// The backend compiled in.
        ours: &'static str,
    },
    /// Oxigraph storage error.
    #[error("store: {0}")]
    Oxigraph(String),
    /// A quad operation on a writer opened without its quads
    /// ([`GraphStore::open_writer`] with `with_quads` false).
    #[error("store {0}: this writer was opened without its quads (a bug in newsgraph)")]
    NoQuads(PathBuf),
}

/// Name of the in-memory backend in messages.
const MEMORY_BACKEND: &str = "the default in-memory backend (snapshot data-<generation>.nq)";
/// Name of the RocksDB backend in messages.
const ROCKSDB_BACKEND: &str = "the RocksDB backend (--features rocksdb)";

/// A SPARQL error with its position when the parser gives one.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// Syntax error.
    #[error("invalid SPARQL: {0}")]
    Syntax(String),
    /// Evaluation error.
    #[error("query failed: {0}")]
    Evaluation(String),
    /// The query's cancellation token was cancelled before evaluation began
    /// ([`GraphStore::query_cancellable`]).
    #[error("query cancelled")]
    Cancelled,
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
///
/// On disk, `manifest.json` holds the first three fields and names the file of the
/// documents' records, `records-<generation>.json`, which only writers read (they re-resolve
/// across documents): a reader's open does not grow with the records (369 MB of JSON for
/// 10,000 articles). Stores written before the split keep the records inside
/// `manifest.json` (`docs`); they are read from there and moved out at the next commit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// Layout version.
    pub format_version: u32,
    /// Base of minted IRIs.
    pub base: String,
    /// Generation of the snapshot file (in-memory backend).
    pub generation: u64,
    /// Documents by relative path.
    #[serde(default, skip_serializing)]
    pub docs: BTreeMap<String, DocRecord>,
    /// The file of the records, beside `manifest.json` (absent in older stores).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<String>,
}

/// The records file of a generation.
fn records_file(generation: u64) -> String {
    format!("records-{generation}.json")
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
    /// The writer lock (`<dir>/LOCK`, exclusive) or, for a RocksDB reader, the shared lock on
    /// the checkpoint it reads. Declared after `store` so that it is released after the store
    /// is closed.
    _lock: Option<File>,
    mode: Mode,
    /// Changes since the last commit (or open).
    #[cfg_attr(feature = "rocksdb", allow(dead_code))]
    dirty: bool,
    /// RocksDB: the working database has been marked dirty since the last commit (or open).
    #[cfg(feature = "rocksdb")]
    marked: bool,
    /// False for a default-backend writer opened without its quads: `store` stays empty,
    /// quad operations only update the records, and the caller writes the snapshot.
    holds_quads: bool,
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
        Self::open_with(dir, mode, base, true)
    }

    /// Open a writer. With `with_quads` false and the default (in-memory) backend, the
    /// snapshot is not loaded and quads given to [`put_document`](Self::put_document) and
    /// the like are not kept in memory, only the records: for a caller that writes every
    /// quad of the next snapshot itself and commits with
    /// [`commit_with_snapshot`](Self::commit_with_snapshot) (`extract`, which then neither
    /// loads nor indexes millions of quads it does not read). RocksDB writers always hold
    /// their quads.
    pub fn open_writer(dir: &Path, base: &str, with_quads: bool) -> Result<Self, StoreError> {
        Self::open_with(
            dir,
            Mode::Write,
            base,
            with_quads || cfg!(feature = "rocksdb"),
        )
    }

    fn open_with(dir: &Path, mode: Mode, base: &str, with_quads: bool) -> Result<Self, StoreError> {
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
        // A reader may find that the state the manifest named has just been replaced by a
        // writer's commit (RocksDB: the old checkpoint removed); it then reads the manifest
        // again. Writers hold the lock, so nothing moves under them.
        let mut attempts = 0;
        let (manifest, store, reader_lock) = loop {
            let manifest = Self::read_manifest(dir, mode, base)?;
            let backend = if with_quads {
                Self::open_backend(dir, mode, &manifest)?
            } else {
                #[cfg(not(feature = "rocksdb"))]
                Self::check_memory_backend(dir, &manifest)?;
                Some((Store::new().map_err(ox)?, None))
            };
            match backend {
                Some((store, reader_lock)) => break (manifest, store, reader_lock),
                None if attempts < 20 => attempts += 1,
                None => {
                    return Err(StoreError::Corrupt {
                        path: dir.to_path_buf(),
                        message: "the committed state named by manifest.json keeps vanishing"
                            .into(),
                    })
                }
            }
        };
        Ok(GraphStore {
            dir: dir.to_path_buf(),
            store,
            manifest,
            _lock: lock.or(reader_lock),
            mode,
            dirty: false,
            #[cfg(feature = "rocksdb")]
            marked: false,
            holds_quads: with_quads,
        })
    }

    /// Read `<dir>/manifest.json` (a new, empty manifest when there is none).
    fn read_manifest(dir: &Path, mode: Mode, base: &str) -> Result<Manifest, StoreError> {
        let manifest_path = dir.join("manifest.json");
        let bytes = match fs::read(&manifest_path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if mode == Mode::Read {
                    return Err(StoreError::Missing(dir.to_path_buf()));
                }
                return Ok(Manifest {
                    format_version: FORMAT_VERSION,
                    base: base.to_string(),
                    generation: 0,
                    docs: BTreeMap::new(),
                    records: None,
                });
            }
            Err(e) => return Err(io_err(&manifest_path)(e)),
        };
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
        let corrupt = |e: serde_json::Error| StoreError::Corrupt {
            path: manifest_path.clone(),
            message: e.to_string(),
        };
        let mut m: Manifest = if mode == Mode::Read {
            // Readers never look at the document records (they are for writers, which
            // re-resolve); in an older store that keeps them in the manifest, skipping them
            // saves most of the parse time and memory.
            #[derive(Deserialize)]
            struct ReadHead {
                format_version: u32,
                base: String,
                generation: u64,
                #[serde(default)]
                records: Option<String>,
            }
            let h: ReadHead = serde_json::from_slice(&bytes).map_err(corrupt)?;
            Manifest {
                format_version: h.format_version,
                base: h.base,
                generation: h.generation,
                docs: BTreeMap::new(),
                records: h.records,
            }
        } else {
            // Version 1 kept `docs` here; version 2 names a records file, read below.
            serde_json::from_slice(&bytes).map_err(corrupt)?
        };
        drop(bytes);
        if mode == Mode::Write {
            if let Some(name) = &m.records {
                if name.contains(['/', '\\']) || name.starts_with('.') {
                    return Err(StoreError::Corrupt {
                        path: manifest_path.clone(),
                        message: format!("records file {name:?} is not a plain file name"),
                    });
                }
                let path = dir.join(name);
                let bytes = fs::read(&path).map_err(io_err(&path))?;
                m.docs = serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
            }
        }
        if m.base != base && mode == Mode::Write {
            return Err(StoreError::BaseMismatch {
                path: dir.to_path_buf(),
                found: m.base,
                wanted: base.to_string(),
            });
        }
        Ok(m)
    }

    /// The in-memory store of the committed generation (`None` never happens here: nothing
    /// moves a snapshot a reader is about to load, a writer only deletes the previous one).
    #[cfg(not(feature = "rocksdb"))]
    fn open_backend(
        dir: &Path,
        _mode: Mode,
        manifest: &Manifest,
    ) -> Result<Option<(Store, Option<File>)>, StoreError> {
        if manifest.generation == 0 {
            return Ok(Some((Store::new().map_err(ox)?, None)));
        }
        if let Some(store) = take_cached(dir, manifest.generation) {
            return Ok(Some((store, None)));
        }
        Self::check_memory_backend(dir, manifest)?;
        let path = dir.join(format!("data-{}.nq", manifest.generation));
        Ok(Some((load_snapshot(&path)?, None)))
    }

    /// A store written by the RocksDB backend is refused by the default one.
    #[cfg(not(feature = "rocksdb"))]
    fn check_memory_backend(dir: &Path, manifest: &Manifest) -> Result<(), StoreError> {
        let g = manifest.generation;
        if g > 0
            && !dir.join(format!("data-{g}.nq")).exists()
            && rocks_path::snapshot(dir, g).exists()
        {
            return Err(StoreError::OtherBackend {
                path: dir.to_path_buf(),
                found: ROCKSDB_BACKEND,
                ours: MEMORY_BACKEND,
            });
        }
        Ok(())
    }

    /// A writer gets the working database (restored from the committed checkpoint when its
    /// predecessor left it dirty); a reader gets the committed checkpoint, read-only, with a
    /// shared lock on it (`None`: the checkpoint was removed meanwhile, read the manifest
    /// again).
    #[cfg(feature = "rocksdb")]
    fn open_backend(
        dir: &Path,
        mode: Mode,
        manifest: &Manifest,
    ) -> Result<Option<(Store, Option<File>)>, StoreError> {
        let generation = manifest.generation;
        let snapshot = rocks_path::snapshot(dir, generation);
        if generation > 0
            && !snapshot.exists()
            && dir.join(format!("data-{generation}.nq")).exists()
        {
            return Err(StoreError::OtherBackend {
                path: dir.to_path_buf(),
                found: MEMORY_BACKEND,
                ours: ROCKSDB_BACKEND,
            });
        }
        match mode {
            Mode::Read => {
                let lock_path = rocks_path::readers(dir, generation);
                let lock = match File::open(&lock_path) {
                    Ok(f) => f,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                    Err(e) => return Err(io_err(&lock_path)(e)),
                };
                lock.lock_shared().map_err(io_err(&lock_path))?;
                if !snapshot.exists() {
                    return Ok(None);
                }
                let store = Store::open_read_only(&snapshot).map_err(ox)?;
                Ok(Some((store, Some(lock))))
            }
            Mode::Write => {
                let work = rocks_path::working(dir);
                let marker = rocks_path::dirty(dir);
                if generation == 0 {
                    // Nothing was ever committed: whatever is there is a killed first run's.
                    remove_dir_if_exists(&work)?;
                } else if marker.exists() || !work.exists() {
                    if !snapshot.exists() {
                        return Err(StoreError::Corrupt {
                            path: snapshot,
                            message: "the committed RocksDB checkpoint is missing".into(),
                        });
                    }
                    restore_checkpoint(&snapshot, &work)?;
                }
                if marker.exists() {
                    fs::remove_file(&marker).map_err(io_err(&marker))?;
                    sync_dir(dir);
                }
                remove_old_checkpoints(dir, generation)?;
                Ok(Some((Store::open(&work).map_err(ox)?, None)))
            }
        }
    }

    /// RocksDB: before the first change after an open or a commit, record that the working
    /// database no longer matches the committed checkpoint.
    #[cfg(feature = "rocksdb")]
    fn will_write(&mut self) -> Result<(), StoreError> {
        if !self.marked {
            let marker = rocks_path::dirty(&self.dir);
            let f = File::create(&marker).map_err(io_err(&marker))?;
            f.sync_all().map_err(io_err(&marker))?;
            sync_dir(&self.dir);
            self.marked = true;
        }
        Ok(())
    }

    #[cfg(not(feature = "rocksdb"))]
    fn will_write(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    /// True when the Oxigraph store holds the quads (false for an in-memory writer opened
    /// without them, see [`open_writer`](Self::open_writer): it writes only the snapshot).
    pub fn holds_quads(&self) -> bool {
        self.holds_quads
    }

    /// The Oxigraph store (empty for a writer opened without quads: see
    /// [`open_writer`](Self::open_writer)).
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
        if !self.holds_quads {
            return Err(StoreError::NoQuads(self.dir.clone()));
        }
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
        if !self.manifest.docs.contains_key(rel_path) {
            return Ok(false);
        }
        self.will_write()?;
        let Some(record) = self.manifest.docs.remove(rel_path) else {
            return Ok(false);
        };
        self.dirty = true;
        if self.holds_quads {
            for g in Self::document_graphs(&self.manifest.base, &record) {
                self.store.remove_named_graph(g.as_ref()).map_err(ox)?;
            }
        }
        Ok(true)
    }

    /// Replace a document's facts with `quads` (which must all be in its graphs).
    pub fn put_document(&mut self, record: DocRecord, quads: &[Quad]) -> Result<(), StoreError> {
        self.remove_document(&record.doc.rel_path.clone())?;
        self.will_write()?;
        self.dirty = true;
        if self.holds_quads {
            let mut tx = self.store.start_transaction().map_err(ox)?;
            tx.extend(quads.iter());
            tx.commit().map_err(ox)?;
        }
        self.manifest
            .docs
            .insert(record.doc.rel_path.clone(), record);
        Ok(())
    }

    /// Add documents that are not in the store yet, with their quads, in one bulk load
    /// (much cheaper than one transaction per document). A record whose path is already in
    /// the store is replaced as [`put_document`](Self::put_document) would.
    pub fn put_new_documents(
        &mut self,
        batch: Vec<(DocRecord, Vec<Quad>)>,
    ) -> Result<(), StoreError> {
        let mut records = Vec::with_capacity(batch.len());
        let mut all = Vec::with_capacity(batch.iter().map(|(_, q)| q.len()).sum());
        for (record, quads) in batch {
            if self.manifest.docs.contains_key(&record.doc.rel_path) {
                self.put_document(record, &quads)?;
            } else {
                all.extend(quads);
                records.push(record);
            }
        }
        if all.is_empty() && records.is_empty() {
            return Ok(());
        }
        self.will_write()?;
        self.dirty = true;
        if self.holds_quads {
            let mut loader = self.store.bulk_loader();
            loader.load_quads(all).map_err(ox)?;
            loader.commit().map_err(ox)?;
        }
        for record in records {
            self.manifest
                .docs
                .insert(record.doc.rel_path.clone(), record);
        }
        Ok(())
    }

    /// Replace the named graph `graph` (one that belongs to no document, such as the entity
    /// graph) with `quads`, which must all be in it.
    pub fn replace_graph(&mut self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        self.will_write()?;
        self.dirty = true;
        if !self.holds_quads {
            return Ok(());
        }
        self.store.remove_named_graph(graph.as_ref()).map_err(ox)?;
        let mut tx = self.store.start_transaction().map_err(ox)?;
        tx.extend(quads.iter());
        tx.commit().map_err(ox)
    }

    /// Update a record without touching its quads (e.g. same quads, new bookkeeping).
    pub fn records_mut(&mut self) -> &mut BTreeMap<String, DocRecord> {
        self.dirty = true;
        &mut self.manifest.docs
    }

    /// Start the next N-Quads snapshot, to be written by the caller while it loads documents
    /// (in-memory backend; `None` with RocksDB, which needs no snapshot). Handed to
    /// [`commit_with_snapshot`](Self::commit_with_snapshot), it replaces the dump of the whole
    /// store that [`commit`](Self::commit) makes; the caller must write every quad of the
    /// store into it (every document's quads, whether loaded now or before).
    pub fn start_snapshot(&self) -> Result<Option<SnapshotWriter>, StoreError> {
        if cfg!(feature = "rocksdb") || self.mode != Mode::Write {
            return Ok(None);
        }
        let next = self.manifest.generation + 1;
        let tmp = self.dir.join(format!("data-{next}.nq.part"));
        let file = File::create(&tmp).map_err(io_err(&tmp))?;
        Ok(Some(SnapshotWriter {
            w: Some(BufWriter::with_capacity(1 << 20, file)),
            tmp,
            generation: next,
            written: 0,
            index: Some(Vec::new()),
        }))
    }

    /// [`commit`](Self::commit) with a snapshot written by the caller (see
    /// [`start_snapshot`](Self::start_snapshot)); `None` is a plain commit.
    pub fn commit_with_snapshot(
        &mut self,
        snapshot: Option<SnapshotWriter>,
    ) -> Result<(), StoreError> {
        if self.mode != Mode::Write {
            return Ok(());
        }
        let Some(mut snapshot) = snapshot else {
            return self.commit();
        };
        if snapshot.generation != self.manifest.generation + 1 {
            return Err(StoreError::Oxigraph(
                "snapshot started for another generation".into(),
            ));
        }
        let tmp = snapshot.tmp.clone();
        let w = snapshot.w.take().ok_or_else(|| StoreError::Io {
            path: tmp.clone(),
            source: std::io::Error::other("snapshot already closed"),
        })?;
        let file = w.into_inner().map_err(|e| StoreError::Io {
            path: tmp.clone(),
            source: e.into_error(),
        })?;
        file.sync_all().map_err(io_err(&tmp))?;
        // The graph index, sorted by graph: `offset<TAB>length<TAB><graph>` per line.
        let index_path = self.dir.join(format!("data-{}.idx", snapshot.generation));
        match snapshot.index.take() {
            Some(mut index) => {
                index.sort_by(|a, b| a.graph.cmp(&b.graph).then(a.offset.cmp(&b.offset)));
                write_atomic(&index_path, |w| {
                    use std::io::Write as _;
                    for e in &index {
                        writeln!(w, "{}\t{}\t{}", e.offset, e.len, e.graph)?;
                    }
                    Ok(())
                })?;
            }
            None => {
                let _ = fs::remove_file(&index_path);
            }
        }
        let path = self.dir.join(format!("data-{}.nq", snapshot.generation));
        fs::rename(&tmp, &path).map_err(io_err(&path))?;
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        self.commit_manifest(snapshot.generation)
    }

    /// Persist: snapshot (in-memory backend) or flush (RocksDB), then the manifest.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.mode != Mode::Write {
            return Ok(());
        }
        if !self.holds_quads {
            // A dump of the empty in-memory store would lose every quad.
            return Err(StoreError::NoQuads(self.dir.clone()));
        }
        let next = self.manifest.generation + 1;
        #[cfg(not(feature = "rocksdb"))]
        {
            let path = self.dir.join(format!("data-{next}.nq"));
            // A dump has no graph index; one left by a crashed commit would not match it.
            let _ = fs::remove_file(self.dir.join(format!("data-{next}.idx")));
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
        }
        #[cfg(feature = "rocksdb")]
        {
            // Flush, then checkpoint the working database into the next generation's
            // (immutable) folder; readers switch to it once the manifest names it.
            self.store.flush().map_err(ox)?;
            let snapshot = rocks_path::snapshot(&self.dir, next);
            remove_dir_if_exists(&snapshot)?;
            self.store.backup(&snapshot).map_err(ox)?;
            sync_tree(&snapshot)?;
            let readers = rocks_path::readers(&self.dir, next);
            File::create(&readers).map_err(io_err(&readers))?;
            sync_dir(&self.dir);
        }
        self.commit_manifest(next)
    }

    /// Second half of a commit, once the data of generation `next` is safe: the manifest,
    /// then the old snapshot goes.
    fn commit_manifest(&mut self, next: u64) -> Result<(), StoreError> {
        let old = self.manifest.generation;
        let old_records = self.manifest.records.take();
        // The records first (a crash before the manifest names them leaves a file that the
        // next commit overwrites), then the manifest that names them.
        let records = records_file(next);
        let records_path = self.dir.join(&records);
        let docs = &self.manifest.docs;
        write_atomic(&records_path, |w| {
            serde_json::to_writer(w, docs).map_err(std::io::Error::other)
        })?;
        self.manifest.generation = next;
        self.manifest.records = Some(records);
        self.manifest.format_version = FORMAT_VERSION;
        let manifest_path = self.dir.join("manifest.json");
        let manifest = &self.manifest;
        write_atomic(&manifest_path, |w| {
            serde_json::to_writer(w, manifest).map_err(std::io::Error::other)
        })?;
        if let Some(r) = old_records.filter(|r| Some(r) != self.manifest.records.as_ref()) {
            let _ = fs::remove_file(self.dir.join(r));
        }
        #[cfg(not(feature = "rocksdb"))]
        if old > 0 {
            let _ = fs::remove_file(self.dir.join(format!("data-{old}.nq")));
            let _ = fs::remove_file(self.dir.join(format!("data-{old}.idx")));
        }
        #[cfg(feature = "rocksdb")]
        let _ = old;
        #[cfg(feature = "rocksdb")]
        {
            let marker = rocks_path::dirty(&self.dir);
            if marker.exists() {
                fs::remove_file(&marker).map_err(io_err(&marker))?;
                sync_dir(&self.dir);
            }
            self.marked = false;
            remove_old_checkpoints(&self.dir, self.manifest.generation)?;
        }
        self.dirty = false;
        Ok(())
    }

    /// Run a SPARQL query with the union of all graphs as default graph and the project's
    /// prefixes predeclared.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, QueryError> {
        query_store(&self.store, sparql)
    }

    /// [`GraphStore::query`] that stops when `token` is cancelled (e.g. by a timer thread):
    /// evaluation, and the iteration over its results, then fail with oxigraph's
    /// `QueryEvaluationError::Cancelled` (see [`QueryError::Cancelled`]).
    pub fn query_cancellable(
        &self,
        sparql: &str,
        token: CancellationToken,
    ) -> Result<QueryResults<'static>, QueryError> {
        query_store_with(&self.store, sparql, Some(token))
    }
}

#[cfg(not(feature = "rocksdb"))]
impl Drop for GraphStore {
    /// A writer closed right after a commit hands its in-memory store to the next reader of
    /// the same store in this process (`build` reads what it just extracted), which then
    /// does not reload the snapshot it would get the very same quads from.
    fn drop(&mut self) {
        if self.mode == Mode::Write
            && !self.dirty
            && self.holds_quads
            && self.manifest.generation > 0
        {
            put_cached(&self.dir, self.manifest.generation, self.store.clone());
        }
    }
}

/// The store last closed by a writer: (folder, generation, store). One slot, taken by the
/// first reader of that generation.
#[cfg(not(feature = "rocksdb"))]
static CLOSED: std::sync::Mutex<Option<(PathBuf, u64, Store)>> = std::sync::Mutex::new(None);

#[cfg(not(feature = "rocksdb"))]
fn put_cached(dir: &Path, generation: u64, store: Store) {
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if let Ok(mut slot) = CLOSED.lock() {
        *slot = Some((dir, generation, store));
    }
}

#[cfg(not(feature = "rocksdb"))]
fn take_cached(dir: &Path, generation: u64) -> Option<Store> {
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut slot = CLOSED.lock().ok()?;
    match slot.take() {
        Some((d, g, s)) if d == dir && g == generation => Some(s),
        // Another store or an older generation: useless from now on.
        _ => None,
    }
}

/// Load an N-Quads snapshot into a new in-memory store: a parser thread streams the file
/// (no copy of it in memory) and hands batches to the bulk loader on this thread, so that
/// parsing and indexing overlap.
#[cfg(not(feature = "rocksdb"))]
fn load_snapshot(path: &Path) -> Result<Store, StoreError> {
    const BATCH: usize = 100_000;
    let store = Store::new().map_err(ox)?;
    let file = File::open(path).map_err(io_err(path))?;
    let corrupt = |message: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        message,
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Quad>>(2);
    std::thread::scope(|scope| {
        let parser = scope.spawn(move || -> Result<(), String> {
            let reader = std::io::BufReader::with_capacity(1 << 20, file);
            let mut batch = Vec::with_capacity(BATCH);
            // newsgraph wrote the snapshot from valid terms: the syntax is still checked, IRIs
            // are not validated again.
            for q in RdfParser::from_format(RdfFormat::NQuads)
                .lenient()
                .for_reader(reader)
            {
                batch.push(q.map_err(|e| e.to_string())?);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    if tx.send(full).is_err() {
                        return Ok(());
                    }
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
            Ok(())
        });
        let mut loader = store.bulk_loader().with_num_threads(1);
        let mut load_result = Ok(());
        for batch in rx {
            if let Err(e) = loader.load_quads(batch) {
                load_result = Err(ox(e));
                break;
            }
        }
        let parsed = parser
            .join()
            .map_err(|_| corrupt("snapshot parser panicked".into()))?;
        parsed.map_err(corrupt)?;
        load_result?;
        loader.commit().map_err(ox)
    })?;
    Ok(store)
}

/// A SPARQL syntax error with its position spelled out: spargebra writes `error at 4:23:
/// expected …` (line and column from 1); this gives `line 4, column 23: expected …`.
fn syntax_error(e: impl std::fmt::Display) -> QueryError {
    let text = e.to_string();
    let positioned = text
        .strip_prefix("error at ")
        .and_then(|rest| rest.split_once(": "))
        .and_then(|(pos, what)| {
            let (line, column) = pos.split_once(':')?;
            line.parse::<u32>().ok()?;
            column.parse::<u32>().ok()?;
            Some(format!("line {line}, column {column}: {what}"))
        });
    QueryError::Syntax(positioned.unwrap_or(text))
}

/// A snapshot being written by the caller: see [`GraphStore::start_snapshot`]. Dropped
/// without a commit, its temporary file is removed.
pub struct SnapshotWriter {
    w: Option<BufWriter<File>>,
    tmp: PathBuf,
    generation: u64,
    /// Bytes written so far.
    written: u64,
    /// The graph index (see [`SnapshotIndex`]); `None` once text without graph ranges was
    /// written.
    index: Option<Vec<IndexEntry>>,
}

/// A committed snapshot of the default backend with its graph index, read without loading
/// it into a store: quad exports stream from it, one named graph at a time, in the order
/// [`crate::export`] writes them, in memory bounded by the largest graph.
pub struct SnapshotIndex {
    path: PathBuf,
    /// Read with seek + read: locked, as `build` walks the snapshot from two threads.
    file: Option<std::sync::Mutex<File>>,
    entries: Vec<IndexEntry>,
}

impl SnapshotIndex {
    /// The committed snapshot of the store in `dir` and its graph index; `Ok(None)` when
    /// there is none to stream (the RocksDB backend, or a snapshot written without an index).
    ///
    /// # Errors
    /// As [`GraphStore::open`] in read mode: no store, a newer format, a store of the other
    /// backend, unreadable or corrupt files.
    pub fn open(dir: &Path) -> Result<Option<Self>, StoreError> {
        if cfg!(feature = "rocksdb") {
            return Ok(None);
        }
        for _ in 0..20 {
            let manifest = GraphStore::read_manifest(dir, Mode::Read, "")?;
            let g = manifest.generation;
            if g == 0 {
                return Ok(Some(SnapshotIndex {
                    path: dir.to_path_buf(),
                    file: None,
                    entries: Vec::new(),
                }));
            }
            let data = dir.join(format!("data-{g}.nq"));
            let idx = dir.join(format!("data-{g}.idx"));
            if !data.exists() && rocks_path::snapshot(dir, g).exists() {
                return Err(StoreError::OtherBackend {
                    path: dir.to_path_buf(),
                    found: ROCKSDB_BACKEND,
                    ours: MEMORY_BACKEND,
                });
            }
            // Open both before a writer's next commit may remove them.
            let (file, text) = match (File::open(&data), fs::read_to_string(&idx)) {
                (Ok(f), Ok(t)) => (f, t),
                (Ok(_), Err(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                    if GraphStore::read_manifest(dir, Mode::Read, "")?.generation == g {
                        return Ok(None);
                    }
                    continue;
                }
                (Err(e), _) | (_, Err(e)) if e.kind() == std::io::ErrorKind::NotFound => continue,
                (Err(e), _) => return Err(io_err(&data)(e)),
                (_, Err(e)) => return Err(io_err(&idx)(e)),
            };
            let corrupt = |line: &str| StoreError::Corrupt {
                path: idx.clone(),
                message: format!("bad index line {line:?}"),
            };
            let mut entries = Vec::new();
            for line in text.lines() {
                let mut parts = line.splitn(3, '\t');
                let (Some(o), Some(l), Some(graph)) = (parts.next(), parts.next(), parts.next())
                else {
                    return Err(corrupt(line));
                };
                let (Ok(offset), Ok(len)) = (o.parse(), l.parse()) else {
                    return Err(corrupt(line));
                };
                entries.push(IndexEntry {
                    graph: graph.to_string(),
                    offset,
                    len,
                });
            }
            return Ok(Some(SnapshotIndex {
                path: data,
                file: Some(std::sync::Mutex::new(file)),
                entries,
            }));
        }
        Err(StoreError::Corrupt {
            path: dir.to_path_buf(),
            message: "the snapshot named by manifest.json keeps vanishing".into(),
        })
    }

    /// Append bytes `offset..offset + len` of the snapshot to `buf`.
    fn read_range(
        &self,
        file: &std::sync::Mutex<File>,
        offset: u64,
        len: u64,
        buf: &mut Vec<u8>,
    ) -> Result<(), StoreError> {
        use std::io::{Read as _, Seek as _};
        let mut file = file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        file.seek(std::io::SeekFrom::Start(offset))
            .map_err(io_err(&self.path))?;
        let start = buf.len();
        buf.resize(start + len as usize, 0);
        file.read_exact(&mut buf[start..])
            .map_err(io_err(&self.path))
    }

    /// `buf` as text.
    fn utf8<'a>(&self, buf: &'a [u8]) -> Result<&'a str, StoreError> {
        std::str::from_utf8(buf).map_err(|e| StoreError::Corrupt {
            path: self.path.clone(),
            message: e.to_string(),
        })
    }

    /// Call `f` with the N-Quads text of each document of the snapshot (its own graph and
    /// its sentence graphs, which the snapshot writes together) and with the entity graph,
    /// in snapshot order: each call holds every quad of a document's sentences and mentions
    /// (what [`crate::graph::ViewDataBuilder::add`] needs), in memory bounded by the largest
    /// document.
    ///
    /// # Errors
    /// A read error of the snapshot, or `f`'s error.
    pub fn for_each_document<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(&str) -> Result<(), E>,
    ) -> Result<(), E> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        /// `<…/doc/SLUG/s12>` and `<…/doc/SLUG>` → `<…/doc/SLUG>`.
        fn document_of(graph: &str) -> &str {
            let body = graph.strip_suffix('>').unwrap_or(graph);
            match body.rsplit_once("/s") {
                Some((doc, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => doc,
                _ => body,
            }
        }
        let mut by_offset: Vec<&IndexEntry> = self.entries.iter().collect();
        by_offset.sort_by_key(|e| e.offset);
        let mut buf = Vec::new();
        let mut i = 0;
        while i < by_offset.len() {
            let doc = document_of(&by_offset[i].graph);
            let mut j = i + 1;
            while j < by_offset.len()
                && document_of(&by_offset[j].graph) == doc
                && by_offset[j].offset == by_offset[j - 1].offset + by_offset[j - 1].len
            {
                j += 1;
            }
            let start = by_offset[i].offset;
            let end = by_offset[j - 1].offset + by_offset[j - 1].len;
            buf.clear();
            self.read_range(file, start, end - start, &mut buf)?;
            f(self.utf8(&buf)?)?;
            i = j;
        }
        Ok(())
    }

    /// Call `f` with each named graph's N-Quads form and its lines (N-Quads text, sorted),
    /// graphs in the order of their N-Quads forms.
    ///
    /// # Errors
    /// A read error of the snapshot, or `f`'s error.
    pub fn for_each_graph<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(&str, &str) -> Result<(), E>,
    ) -> Result<(), E> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut buf = Vec::new();
        let mut i = 0;
        while i < self.entries.len() {
            let graph = &self.entries[i].graph;
            let mut j = i;
            buf.clear();
            while j < self.entries.len() && self.entries[j].graph == *graph {
                let e = &self.entries[j];
                self.read_range(file, e.offset, e.len, &mut buf)?;
                j += 1;
            }
            let text = self.utf8(&buf)?;
            if j - i > 1 {
                // The same graph in several documents' text: one sorted block.
                let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
                lines.sort_unstable();
                lines.dedup();
                f(graph, &lines.concat())?;
            } else {
                f(graph, text)?;
            }
            i = j;
        }
        Ok(())
    }
}

/// One named graph's lines in a snapshot: its N-Quads form and their byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IndexEntry {
    graph: String,
    offset: u64,
    len: u64,
}

impl SnapshotWriter {
    /// Append N-Quads text (whole lines). A snapshot written with `write` has no graph index
    /// (quad exports then read the store).
    pub fn write(&mut self, nquads: &str) -> Result<(), StoreError> {
        self.index = None;
        self.append(nquads)
    }

    /// Append N-Quads text whose named graphs are `graphs` (each graph's N-Quads form and the
    /// byte range of its lines in `nquads`, as [`crate::rdf::NQuads`] gives them), recorded
    /// in the snapshot's graph index.
    pub fn write_graphs(
        &mut self,
        nquads: &str,
        graphs: &[(String, std::ops::Range<usize>)],
    ) -> Result<(), StoreError> {
        if let Some(index) = &mut self.index {
            index.extend(graphs.iter().map(|(g, r)| IndexEntry {
                graph: g.clone(),
                offset: self.written + r.start as u64,
                len: (r.end - r.start) as u64,
            }));
        }
        self.append(nquads)
    }

    fn append(&mut self, nquads: &str) -> Result<(), StoreError> {
        use std::io::Write as _;
        self.written += nquads.len() as u64;
        match &mut self.w {
            Some(w) => w.write_all(nquads.as_bytes()).map_err(io_err(&self.tmp)),
            None => Ok(()),
        }
    }
}

impl Drop for SnapshotWriter {
    fn drop(&mut self) {
        if self.w.take().is_some() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Where the RocksDB backend keeps its files (also used by the default build, to recognise a
/// RocksDB store).
mod rocks_path {
    use std::path::{Path, PathBuf};

    /// The writer's working database.
    #[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
    pub(super) fn working(dir: &Path) -> PathBuf {
        dir.join("rocksdb")
    }

    /// The checkpoint of a committed generation.
    pub(super) fn snapshot(dir: &Path, generation: u64) -> PathBuf {
        dir.join(format!("rocksdb-{generation}"))
    }

    /// The file readers of a checkpoint hold a shared lock on.
    #[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
    pub(super) fn readers(dir: &Path, generation: u64) -> PathBuf {
        dir.join(format!("rocksdb-{generation}.readers"))
    }

    /// Present while the working database holds uncommitted changes.
    #[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
    pub(super) fn dirty(dir: &Path) -> PathBuf {
        dir.join("rocksdb.dirty")
    }
}

/// fsync a folder (so that renames and new entries in it are durable); best effort.
#[cfg(feature = "rocksdb")]
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(feature = "rocksdb")]
fn remove_dir_if_exists(path: &Path) -> Result<(), StoreError> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err(path)(e)),
    }
}

/// fsync every file of a folder, then the folder.
#[cfg(feature = "rocksdb")]
fn sync_tree(dir: &Path) -> Result<(), StoreError> {
    for entry in fs::read_dir(dir).map_err(io_err(dir))? {
        let path = entry.map_err(io_err(dir))?.path();
        if path.is_file() {
            File::open(&path)
                .and_then(|f| f.sync_all())
                .map_err(io_err(&path))?;
        }
    }
    sync_dir(dir);
    Ok(())
}

/// Replace the working database `work` by a copy of the checkpoint `snapshot`: table and blob
/// files (immutable in RocksDB) are hard-linked, the rest (manifest, WAL, options) copied.
/// The copy is made beside and renamed into place, so a crash leaves either the old working
/// database (still marked dirty) or the restored one.
#[cfg(feature = "rocksdb")]
fn restore_checkpoint(snapshot: &Path, work: &Path) -> Result<(), StoreError> {
    let tmp = work.with_extension("restore");
    remove_dir_if_exists(&tmp)?;
    fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
    for entry in fs::read_dir(snapshot).map_err(io_err(snapshot))? {
        let entry = entry.map_err(io_err(snapshot))?;
        let name = entry.file_name();
        let name_str = name.to_string_lossy();
        // RocksDB's info logs and lock file belong to whoever opens the folder.
        if name_str.starts_with("LOG") || name_str == "LOCK" || !entry.path().is_file() {
            continue;
        }
        let to = tmp.join(&name);
        let immutable = name_str.ends_with(".sst") || name_str.ends_with(".blob");
        if !(immutable && fs::hard_link(entry.path(), &to).is_ok()) {
            fs::copy(entry.path(), &to).map_err(io_err(&to))?;
        }
    }
    sync_tree(&tmp)?;
    remove_dir_if_exists(work)?;
    fs::rename(&tmp, work).map_err(io_err(work))?;
    if let Some(parent) = work.parent() {
        sync_dir(parent);
    }
    Ok(())
}

/// Remove the checkpoints of generations other than `keep` (and their reader lock files),
/// except those a reader still holds; they go at a later commit.
#[cfg(feature = "rocksdb")]
fn remove_old_checkpoints(dir: &Path, keep: u64) -> Result<(), StoreError> {
    let mut old = std::collections::BTreeSet::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir))? {
        let name = entry.map_err(io_err(dir))?.file_name();
        let name = name.to_string_lossy();
        let Some(rest) = name.strip_prefix("rocksdb-") else {
            continue;
        };
        let number = rest.strip_suffix(".readers").unwrap_or(rest);
        if let Ok(g) = number.parse::<u64>() {
            if g != keep {
                old.insert(g);
            }
        }
    }
    for g in old {
        let lock_path = rocks_path::readers(dir, g);
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_err(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {
                remove_dir_if_exists(&rocks_path::snapshot(dir, g))?;
                fs::remove_file(&lock_path).map_err(io_err(&lock_path))?;
            }
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(e)) => return Err(io_err(&lock_path)(e)),
        }
    }
    Ok(())
}

/// Run SPARQL against any Oxigraph store the same way [`GraphStore::query`] does.
pub fn query_store(store: &Store, sparql: &str) -> Result<QueryResults<'static>, QueryError> {
    query_store_with(store, sparql, None)
}

fn query_store_with(
    store: &Store,
    sparql: &str,
    token: Option<CancellationToken>,
) -> Result<QueryResults<'static>, QueryError> {
    let mut evaluator = SparqlEvaluator::new();
    if let Some(token) = token {
        evaluator = evaluator.with_cancellation_token(token);
    }
    for (p, ns) in crate::rdf::vocab::PREFIXES {
        evaluator = evaluator
            .with_prefix(*p, *ns)
            .map_err(|e| QueryError::Syntax(e.to_string()))?;
    }
    let mut prepared = evaluator.parse_query(sparql).map_err(syntax_error)?;
    prepared.dataset_mut().set_default_graph_as_union();
    prepared.on_store(store).execute().map_err(|e| match e {
        oxigraph::sparql::QueryEvaluationError::Cancelled => QueryError::Cancelled,
        e => QueryError::Evaluation(e.to_string()),
    })
}

#[cfg(test)]
mod tests;
