//! Shared helpers of the integration tests: the seeds, the binary, a store of the seeds built
//! once per test binary, and SPARQL helpers.
#![allow(dead_code, missing_docs, clippy::unwrap_used)]

pub mod dot;
pub mod sophia;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use newsgraph::pipeline::{extract_into_store, ExtractOptions};
use newsgraph::rdf::DEFAULT_BASE;
use newsgraph::store::{query_store, GraphStore, Mode};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed folder.
pub fn seeds() -> PathBuf {
    root().join("seeds")
}

/// The gold file beside the repository (`../shared/eval/seeds.gold.json`), when present.
pub fn gold() -> Option<PathBuf> {
    let p = root().join("../shared/eval/seeds.gold.json");
    p.exists().then_some(p)
}

/// The real binary, with a clean environment for color / terminal detection.
pub fn bin() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    c.env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
    c
}

/// A fresh, empty folder under the target's test tmpdir that is removed and recreated for
/// each test binary run (so nothing piles up in /tmp and failures can be inspected).
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("newsgraph-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Extract `paths` into a new store at `store_dir` through the library.
pub fn extract(paths: Vec<PathBuf>, store_dir: &Path) -> newsgraph::pipeline::Summary {
    extract_into_store(&ExtractOptions {
        paths,
        store: store_dir.to_path_buf(),
        base: DEFAULT_BASE.to_string(),
        max_bytes: 16 * 1024 * 1024,
        shard: None,
        prune: false,
        progress: false,
        keep_quads: false,
    })
    .unwrap_or_else(|e| panic!("extract into {}: {e}", store_dir.display()))
}

/// Open a store read-only.
pub fn open(store_dir: &Path) -> GraphStore {
    GraphStore::open(store_dir, Mode::Read, DEFAULT_BASE)
        .unwrap_or_else(|e| panic!("open {}: {e}", store_dir.display()))
}

/// The seeds' store, built once per test binary through the library.
pub fn seeds_store() -> &'static Store {
    static STORE: OnceLock<GraphStore> = OnceLock::new();
    STORE
        .get_or_init(|| {
            let dir = scratch(&format!("seeds-lib-{}", crate_tag())).join("store");
            let s = extract(vec![seeds()], &dir);
            assert_eq!(s.documents, 5, "five seed documents: {s:?}");
            assert!(s.errors.is_empty(), "no input errors: {:?}", s.errors);
            open(&dir)
        })
        .store()
}

/// A tag distinguishing test binaries (they may run in parallel under nextest).
fn crate_tag() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "t".into())
}

/// The output folder of `newsgraph build seeds/ --out DIR`, run once per test binary.
pub fn built_out() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = scratch(&format!("build-{}", crate_tag())).join("out");
        build_seeds(&out);
        out
    })
}

/// Run `newsgraph build seeds/ --quiet --out OUT` from the repository root; it must succeed.
pub fn build_seeds(out: &Path) {
    bin()
        .current_dir(root())
        .args(["build", "seeds/", "--quiet", "--out"])
        .arg(out)
        .assert()
        .success();
}

/// One solution: variable name → term.
pub type Row = BTreeMap<String, Term>;

/// Run a SELECT (with the project's prefixes and the union default graph).
pub fn select(store: &Store, q: &str) -> Vec<Row> {
    match query_store(store, q).unwrap_or_else(|e| panic!("{e}\n{q}")) {
        QueryResults::Solutions(sols) => sols
            .map(|s| {
                let s = s.unwrap();
                s.iter()
                    .map(|(v, t)| (v.as_str().to_string(), t.clone()))
                    .collect()
            })
            .collect(),
        _ => panic!("not a SELECT: {q}"),
    }
}

/// Run an ASK.
pub fn ask(store: &Store, q: &str) -> bool {
    match query_store(store, q).unwrap_or_else(|e| panic!("{e}\n{q}")) {
        QueryResults::Boolean(b) => b,
        _ => panic!("not an ASK: {q}"),
    }
}

/// The lexical value of a term (IRI string, literal value, blank node id).
pub fn lex(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::BlankNode(b) => b.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// Column `var` of every row, as strings, sorted.
pub fn column(rows: &[Row], var: &str) -> Vec<String> {
    let mut v: Vec<String> = rows.iter().filter_map(|r| r.get(var)).map(lex).collect();
    v.sort();
    v
}

/// Parse RDF with oxigraph, panicking with the format and the error.
pub fn parse(format: RdfFormat, bytes: &[u8]) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{format} does not parse back: {e}"))
}

/// Load quads into a fresh in-memory store.
pub fn store_of(quads: impl IntoIterator<Item = Quad>) -> Store {
    let store = Store::new().unwrap();
    for q in quads {
        store.insert(&q).unwrap();
    }
    store
}

/// Every quad of a store, as sorted N-Quads lines.
pub fn nquads_lines(store: &Store) -> Vec<String> {
    let mut v: Vec<String> = store.iter().map(|q| format!("{} .", q.unwrap())).collect();
    v.sort();
    v
}

/// About `bytes` bytes of pseudo-random news words separated by spaces, with no sentence end
/// at all (deterministic for a `seed`): one "sentence" of a megabyte, full of event triggers.
pub fn words_without_full_stops(bytes: usize, seed: u32) -> String {
    const WORDS: &[&str] = &[
        "the",
        "president",
        "met",
        "minister",
        "in",
        "Berlin",
        "on",
        "Monday",
        "and",
        "said",
        "talks",
        "with",
        "Russia",
        "would",
        "continue",
        "Olaf",
        "Scholz",
        "visited",
        "Paris",
        "economy",
        "of",
        "a",
        "new",
        "plan",
        "for",
        "energy",
        "prices",
        "officials",
        "week",
        "region",
        "budget",
        "after",
        "before",
        "its",
        "their",
        "long",
        "debate",
        "over",
        "rules",
    ];
    let mut text = String::with_capacity(bytes + 16);
    let mut x = seed;
    while text.len() < bytes {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        text.push_str(WORDS[(x >> 16) as usize % WORDS.len()]);
        text.push(' ');
    }
    text
}
