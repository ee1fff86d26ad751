//! Bulk-load rate of Oxigraph's two stores on the same N-Quads file (issue 5: quads/s into the
//! store, both backends).
//!
//! `cargo run --release --features rocksdb --example load_quads -- FILE.nq [memory|rocksdb]...`
//!
//! For each backend asked for (default: both when built with `--features rocksdb`, else
//! `memory`) it streams FILE through Oxigraph's N-Quads parser into the store's bulk loader in
//! batches of 100,000 quads, the way `newsgraph` loads a snapshot (in-memory store) or new
//! documents (both stores), and prints `backend<TAB>quads<TAB>seconds<TAB>quads/s`. It also
//! prints the parse-only rate (`parse`), the part of each figure that is not the store. The
//! RocksDB store is written into a fresh temporary folder beside FILE, removed afterwards.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::time::Instant;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use oxigraph::store::Store;

const BATCH: usize = 100_000;

/// Stream `path` in batches to `sink`; returns the number of quads.
fn stream(path: &Path, mut sink: impl FnMut(Vec<Quad>)) -> usize {
    let reader = BufReader::with_capacity(1 << 20, File::open(path).expect("open FILE"));
    let mut n = 0;
    let mut batch = Vec::with_capacity(BATCH);
    for q in RdfParser::from_format(RdfFormat::NQuads).for_reader(reader) {
        batch.push(q.expect("valid N-Quads"));
        if batch.len() == BATCH {
            n += batch.len();
            sink(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
        }
    }
    n += batch.len();
    if !batch.is_empty() {
        sink(batch);
    }
    n
}

/// Parse on one thread, bulk-load on this one (parsing and indexing overlap).
fn load(store: &Store, path: &Path) -> usize {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Quad>>(2);
    std::thread::scope(|scope| {
        let parser = scope.spawn(move || {
            stream(path, |b| {
                let _ = tx.send(b);
            })
        });
        let mut loader = store.bulk_loader();
        for batch in rx {
            loader.load_quads(batch).expect("bulk load");
        }
        loader.commit().expect("commit");
        parser.join().expect("parser thread")
    })
}

fn report(what: &str, n: usize, t: Instant) {
    let s = t.elapsed().as_secs_f64();
    println!("{what}\t{n}\t{s:.2}\t{:.0}", n as f64 / s);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        eprintln!("usage: load_quads FILE.nq [memory|rocksdb]...");
        std::process::exit(2);
    };
    let path = Path::new(&file);
    let mut backends: Vec<String> = args.collect();
    if backends.is_empty() {
        backends.push("memory".into());
        if cfg!(feature = "rocksdb") {
            backends.push("rocksdb".into());
        }
    }
    let t = Instant::now();
    let n = stream(path, drop);
    report("parse", n, t);
    for b in backends {
        match b.as_str() {
            "memory" => {
                let store = Store::new().expect("memory store");
                let t = Instant::now();
                let n = load(&store, path);
                report("memory", n, t);
                assert_eq!(store.len().expect("len"), n, "duplicate quads in FILE?");
            }
            #[cfg(feature = "rocksdb")]
            "rocksdb" => {
                let dir = tempfile::Builder::new()
                    .prefix("load_quads-")
                    .tempdir_in(path.parent().unwrap_or(Path::new(".")))
                    .expect("temporary folder");
                let store = Store::open(dir.path()).expect("RocksDB store");
                let t = Instant::now();
                let n = load(&store, path);
                store.flush().expect("flush");
                report("rocksdb", n, t);
                let t = Instant::now();
                drop(store);
                let reopened = Store::open_read_only(dir.path()).expect("reopen");
                let opened = t.elapsed().as_secs_f64();
                assert_eq!(reopened.len().expect("len"), n, "duplicate quads in FILE?");
                println!("rocksdb-reopen\t{n}\t{opened:.3}\t-");
            }
            other => {
                eprintln!("unknown backend {other} (memory, rocksdb with --features rocksdb)");
                std::process::exit(2);
            }
        }
    }
}
