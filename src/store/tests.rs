//! Store semantics that must hold for whichever backend is compiled in (run them with and
//! without `--features rocksdb`): committed state survives, uncommitted changes do not, readers
//! keep what they opened while writers commit, one writer at a time, and a store written by the
//! other backend is refused with one clear message.

use super::*;
use crate::lexicon::Lexicon;

const BASE: &str = "https://example.org/id/";

/// A record for `rel_path` with `n` sentences, and one quad per sentence in its graph.
fn doc(rel_path: &str, n: usize, value: &str) -> (DocRecord, Vec<Quad>) {
    let lexicon = Lexicon::builtin().expect("lexicon");
    let text: String = (0..n)
        .map(|i| format!("Sentence number {i} is here. "))
        .collect();
    let d = crate::ingest::ingest_bytes(Path::new(rel_path), rel_path, text.as_bytes(), lexicon)
        .expect("ingest");
    assert_eq!(d.sentences.len(), n, "{text}");
    let record = DocRecord {
        doc: d,
        extraction: Extraction::default(),
        quads_hash: value.to_string(),
    };
    let graphs = GraphStore::document_graphs(BASE, &record);
    let quads = graphs[1..]
        .iter()
        .map(|g| {
            Quad::new(
                NamedNode::new_unchecked(format!("{BASE}thing/{rel_path}")),
                NamedNode::new_unchecked(format!("{BASE}value")),
                oxigraph::model::Literal::new_simple_literal(value),
                g.clone(),
            )
        })
        .collect();
    (record, quads)
}

fn sorted_quads(gs: &GraphStore) -> Vec<String> {
    let mut v: Vec<String> = gs
        .store()
        .iter()
        .map(|q| q.expect("quad").to_string())
        .collect();
    v.sort();
    v
}

/// Open for writing. Other tests of this binary spawn processes (`dot`); a child forked while
/// this test holds the lock file open shares its lock until the child execs, so a writer that
/// opens right after the previous one closed may, rarely, find the lock still held: retry for
/// up to 5 s (a real second writer is tested with `GraphStore::open` directly).
fn write(dir: &Path) -> GraphStore {
    let start = std::time::Instant::now();
    loop {
        match GraphStore::open(dir, Mode::Write, BASE) {
            Err(StoreError::Locked(_)) if start.elapsed() < std::time::Duration::from_secs(5) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            r => return r.expect("open for writing"),
        }
    }
}

/// A store at `dir` holding one committed document ("a.txt", two sentences, value "a1"), and
/// its quads.
fn committed_a1(dir: &Path) -> Vec<String> {
    let mut w = write(dir);
    w.put_new_documents(vec![doc("a.txt", 2, "a1")])
        .expect("bulk load");
    w.commit().expect("commit");
    sorted_quads(&w)
}

fn read(dir: &Path) -> GraphStore {
    GraphStore::open(dir, Mode::Read, BASE).expect("open for reading")
}

#[test]
fn committed_state_is_what_readers_and_the_next_writer_see() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    assert!(matches!(
        GraphStore::open(&dir, Mode::Read, BASE),
        Err(StoreError::Missing(_))
    ));
    let mut w = write(&dir);
    w.put_new_documents(vec![doc("a.txt", 2, "a1"), doc("b.txt", 3, "b1")])
        .expect("bulk load");
    w.commit().expect("commit");
    let committed = sorted_quads(&w);
    assert_eq!(committed.len(), 5);
    drop(w);
    let r = read(&dir);
    assert_eq!(sorted_quads(&r), committed);
    assert!(r.manifest().docs.is_empty(), "readers skip the records");
    drop(r);

    // A writer that changes things and never commits (killed, interrupted, failed) leaves
    // the committed state for readers and for the next writer.
    let mut w = write(&dir);
    assert_eq!(w.manifest().docs.len(), 2);
    let (rec, quads) = doc("a.txt", 4, "a2");
    w.put_document(rec, &quads).expect("put");
    w.remove_document("b.txt").expect("remove");
    w.put_new_documents(vec![doc("c.txt", 1, "c1")])
        .expect("bulk load");
    assert_eq!(w.len().expect("len"), 5);
    assert_ne!(sorted_quads(&w), committed);
    drop(w);
    assert_eq!(sorted_quads(&read(&dir)), committed);
    let w = write(&dir);
    assert_eq!(sorted_quads(&w), committed);
    assert_eq!(
        w.manifest().docs.keys().collect::<Vec<_>>(),
        ["a.txt", "b.txt"]
    );
    drop(w);
}

#[test]
fn a_changed_document_replaces_only_its_own_quads() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    let mut w = write(&dir);
    w.put_new_documents(vec![doc("a.txt", 3, "a1"), doc("b.txt", 2, "b1")])
        .expect("bulk load");
    w.commit().expect("commit");
    let (rec, quads) = doc("a.txt", 1, "a2");
    w.put_document(rec, &quads).expect("put");
    w.commit().expect("second commit in one session");
    drop(w);
    let got = sorted_quads(&read(&dir));
    assert_eq!(got.len(), 3, "{got:#?}");
    assert_eq!(got.iter().filter(|q| q.contains("\"a2\"")).count(), 1);
    assert_eq!(got.iter().filter(|q| q.contains("\"b1\"")).count(), 2);
    assert!(!got.iter().any(|q| q.contains("\"a1\"")));
}

#[test]
fn an_open_reader_keeps_its_state_while_a_writer_commits() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    let first = committed_a1(&dir);
    let early = read(&dir);
    for round in 0..3 {
        let mut w = write(&dir);
        w.put_new_documents(vec![doc(&format!("n{round}.txt"), 2, "n")])
            .expect("bulk load");
        w.commit().expect("commit");
        drop(w);
        assert_eq!(sorted_quads(&early), first, "after commit {round}");
    }
    assert_eq!(sorted_quads(&read(&dir)).len(), 8);
    drop(early);
    // The next commit may drop what the early reader held; the store stays readable.
    let mut w = write(&dir);
    w.put_new_documents(vec![doc("last.txt", 1, "l")])
        .expect("bulk load");
    w.commit().expect("commit");
    drop(w);
    assert_eq!(sorted_quads(&read(&dir)).len(), 9);
    #[cfg(feature = "rocksdb")]
    {
        let mut checkpoints: Vec<String> = fs::read_dir(&dir)
            .expect("ls")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("rocksdb-"))
            .collect();
        checkpoints.sort();
        assert_eq!(checkpoints, ["rocksdb-5", "rocksdb-5.readers"]);
    }
}

#[test]
fn a_second_writer_is_refused_at_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    let mut w = write(&dir);
    w.commit().expect("commit");
    let err = GraphStore::open(&dir, Mode::Write, BASE)
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::Locked(_)), "{err}");
    assert!(err
        .to_string()
        .contains("locked by another newsgraph process"));
    // Readers are not refused.
    assert_eq!(read(&dir).len().expect("len"), 0);
    drop(w);
    drop(write(&dir));
}

#[test]
fn a_store_of_the_other_backend_is_refused_with_one_clear_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    fs::create_dir_all(&dir).expect("mkdir");
    fs::write(
        dir.join("manifest.json"),
        format!(r#"{{"format_version": 1, "base": "{BASE}", "generation": 3, "docs": {{}}}}"#),
    )
    .expect("manifest");
    // What the other backend leaves for generation 3.
    #[cfg(feature = "rocksdb")]
    fs::write(dir.join("data-3.nq"), "").expect("snapshot");
    #[cfg(not(feature = "rocksdb"))]
    fs::create_dir_all(dir.join("rocksdb-3")).expect("checkpoint");
    let opens = [
        GraphStore::open(&dir, Mode::Read, BASE),
        GraphStore::open(&dir, Mode::Write, BASE),
        // `extract`'s writer, which does not load the quads, checks the backend too.
        GraphStore::open_writer(&dir, BASE, false),
    ];
    for open in opens {
        let err = open.err().expect("refused");
        assert!(matches!(err, StoreError::OtherBackend { .. }), "{err}");
        let msg = err.to_string();
        assert!(msg.contains("was written by the"), "{msg}");
        assert!(msg.contains(&dir.display().to_string()), "{msg}");
        assert_eq!(msg.lines().count(), 1);
    }
}

/// A JSON file of the store.
fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(path).expect("read")).expect("json")
}

#[test]
fn records_live_beside_a_small_manifest_and_version_1_stores_are_moved_over() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let mut gs = write(dir);
    let (r, q) = doc("a.txt", 2, "one");
    gs.put_new_documents(vec![(r, q)]).expect("put");
    gs.commit().expect("commit");
    drop(gs);
    let manifest = json(&dir.join("manifest.json"));
    assert_eq!(manifest["format_version"], FORMAT_VERSION);
    assert!(manifest.get("docs").is_none(), "{manifest}");
    let name = manifest["records"]
        .as_str()
        .expect("records named")
        .to_string();
    let records = json(&dir.join(&name));
    assert!(records.get("a.txt").is_some(), "{records}");
    // Readers do not load the records; writers do.
    assert!(read(dir).manifest().docs.is_empty());
    assert_eq!(write(dir).manifest().docs.len(), 1);

    // A version 1 store: the records inside manifest.json.
    let mut old = manifest.clone();
    old["format_version"] = serde_json::json!(1);
    old.as_object_mut().expect("object").remove("records");
    old["docs"] = records;
    fs::write(
        dir.join("manifest.json"),
        serde_json::to_vec(&old).expect("json"),
    )
    .expect("w");
    fs::remove_file(dir.join(&name)).expect("rm records");
    let mut gs = write(dir);
    assert_eq!(gs.manifest().docs.len(), 1, "version 1 records read");
    let (r, q) = doc("b.txt", 1, "two");
    gs.put_new_documents(vec![(r, q)]).expect("put");
    gs.commit().expect("commit");
    drop(gs);
    let manifest = json(&dir.join("manifest.json"));
    assert_eq!(manifest["format_version"], FORMAT_VERSION);
    assert!(manifest.get("docs").is_none());
    let gs = write(dir);
    let docs: Vec<&String> = gs.manifest().docs.keys().collect();
    assert_eq!(docs, ["a.txt", "b.txt"]);
    // Only the records of the committed generation are left.
    let left: Vec<String> = fs::read_dir(dir)
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("records-"))
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

/// `extract`'s writer on the default backend: no snapshot loaded, no quad kept, the records
/// updated, and the snapshot the caller writes is what readers then see.
#[cfg(not(feature = "rocksdb"))]
#[test]
fn a_writer_without_quads_commits_only_the_snapshot_it_is_given() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    let committed = committed_a1(&dir);

    let mut w = GraphStore::open_writer(&dir, BASE, false).expect("open without quads");
    assert_eq!(w.manifest().docs.len(), 1, "records are read");
    assert!(
        w.store().is_empty().expect("empty"),
        "the snapshot is not loaded"
    );
    assert!(matches!(w.len(), Err(StoreError::NoQuads(_))));
    let (rec, quads) = doc("b.txt", 1, "b1");
    w.put_new_documents(vec![(rec, quads.clone())])
        .expect("records only");
    assert!(w.store().is_empty().expect("empty"), "quads are not kept");
    assert!(
        matches!(w.commit(), Err(StoreError::NoQuads(_))),
        "a plain commit would dump an empty store"
    );
    let mut snapshot = w
        .start_snapshot()
        .expect("snapshot")
        .expect("default backend");
    let mut text = String::new();
    for q in committed
        .iter()
        .cloned()
        .chain(quads.iter().map(|q| q.to_string()))
    {
        text.push_str(&q);
        text.push_str(" .\n");
    }
    snapshot.write(&text).expect("write");
    w.commit_with_snapshot(Some(snapshot)).expect("commit");
    drop(w);
    let r = read(&dir);
    let mut want: Vec<String> = committed
        .into_iter()
        .chain(quads.iter().map(|q| q.to_string()))
        .collect();
    want.sort();
    assert_eq!(sorted_quads(&r), want);
    assert_eq!(write(&dir).manifest().docs.len(), 2);
}

/// `build` walks the snapshot from two threads at once (the TriG export by graph, the views
/// by document) through one [`SnapshotIndex`]: each walk reads exactly what it reads alone.
#[cfg(not(feature = "rocksdb"))]
#[test]
fn two_threads_walk_one_snapshot_index_at_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    let mut w = GraphStore::open_writer(&dir, BASE, false).expect("open without quads");
    let mut snapshot = w
        .start_snapshot()
        .expect("snapshot")
        .expect("default backend");
    let mut records = Vec::new();
    for i in 0..60 {
        let (rec, quads) = doc(&format!("d{i:02}.txt"), 3, &format!("value {i}"));
        // One graph per sentence, as documents are written: grouped by graph, with ranges.
        let mut lines: Vec<(String, String)> = quads
            .iter()
            .map(|q| (q.graph_name.to_string(), format!("{q} .\n")))
            .collect();
        lines.sort();
        let mut text = String::new();
        let mut graphs: Vec<(String, std::ops::Range<usize>)> = Vec::new();
        for (g, line) in lines {
            let start = text.len();
            text.push_str(&line);
            match graphs.last_mut() {
                Some((last, range)) if *last == g => range.end = text.len(),
                _ => graphs.push((g, start..text.len())),
            }
        }
        snapshot.write_graphs(&text, &graphs).expect("write");
        records.push((rec, quads));
    }
    w.put_new_documents(records).expect("records");
    w.commit_with_snapshot(Some(snapshot)).expect("commit");
    drop(w);
    let index = SnapshotIndex::open(&dir)
        .expect("open index")
        .expect("an indexed snapshot");
    let by_document = || {
        let mut all = String::new();
        index
            .for_each_document(|t| -> Result<(), StoreError> {
                all.push_str(t);
                Ok(())
            })
            .expect("walk documents");
        all
    };
    let by_graph = || {
        let mut all = String::new();
        index
            .for_each_graph(|g, t| -> Result<(), StoreError> {
                all.push_str(g);
                all.push_str(t);
                Ok(())
            })
            .expect("walk graphs");
        all
    };
    let (documents, graphs) = (by_document(), by_graph());
    assert_eq!(documents.lines().count(), 60 * 3, "{documents}");
    std::thread::scope(|s| {
        let a = s.spawn(|| (0..30).all(|_| by_document() == documents));
        let b = s.spawn(|| (0..30).all(|_| by_graph() == graphs));
        assert!(
            a.join().expect("thread"),
            "a walk by document read other bytes"
        );
        assert!(
            b.join().expect("thread"),
            "a walk by graph read other bytes"
        );
    });
}
