//! Single-thread throughput (MB/s of input text) of ingest, extract and resolve on ~200
//! generated articles. The corpus is read from `$NEWSGRAPH_BENCH_CORPUS` (a folder of `.txt`
//! files, e.g. made by `cargo run --release --example gen_corpus -- --n 200 --out DIR`);
//! without it, the bench generates one with the `gen_corpus` example first.
//!
//! `cargo bench --bench stages`

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_main, Criterion, Throughput};
use newsgraph::extract::{self, Extraction};
use newsgraph::ingest::{self, Document};
use newsgraph::lexicon::Lexicon;

// The binary's allocator (src/main.rs), so that the figures are the CLI's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus_dir() -> PathBuf {
    if let Ok(d) = std::env::var("NEWSGRAPH_BENCH_CORPUS") {
        return PathBuf::from(d);
    }
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let dir = PathBuf::from(target).join("bench-corpus-200");
    if !dir.exists() {
        let status = std::process::Command::new(env!("CARGO"))
            .args([
                "run",
                "--release",
                "--example",
                "gen_corpus",
                "--",
                "--n",
                "200",
            ])
            .args(["--seed", "7", "--out"])
            .arg(&dir)
            .status()
            .expect("run gen_corpus");
        assert!(status.success(), "gen_corpus failed");
    }
    dir
}

fn load(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .take(200)
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read(&p).expect("read article"))
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let lexicon = Lexicon::builtin().expect("builtin lexicon");
    let files = load(&corpus_dir());
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let ingest_all = || -> Vec<Document> {
        files
            .iter()
            .map(|(n, b)| ingest::ingest_bytes(Path::new(n), n, b, lexicon).expect("ingest"))
            .collect()
    };
    let docs = ingest_all();
    let exs: Vec<Extraction> = docs.iter().map(|d| extract::extract(d, lexicon)).collect();

    let mut g = c.benchmark_group("stages");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::Bytes(bytes));
    g.bench_function("ingest", |b| b.iter(|| std::hint::black_box(ingest_all())));
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(extract::extract(d, lexicon));
            }
        })
    });
    g.bench_function("resolve", |b| {
        b.iter(|| {
            let pairs: Vec<(&Document, &Extraction)> = docs.iter().zip(exs.iter()).collect();
            std::hint::black_box(newsgraph::resolve::resolve(&pairs, lexicon))
        })
    });
    g.bench_function("ingest+extract+resolve", |b| {
        b.iter(|| {
            let docs = ingest_all();
            let exs: Vec<Extraction> = docs.iter().map(|d| extract::extract(d, lexicon)).collect();
            let pairs: Vec<(&Document, &Extraction)> = docs.iter().zip(exs.iter()).collect();
            std::hint::black_box(newsgraph::resolve::resolve(&pairs, lexicon).entities.len())
        })
    });
    g.finish();
}

// criterion_group! defines an undocumented public function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::stages);
}
use group::benches;
criterion_main!(benches);
