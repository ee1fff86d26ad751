//! PRODUCT.md §6: a store locked by another process, a store from a newer version.
//!
//! While one `extract` holds the writer lock, a second `extract` on the same store fails at
//! once (exit 1, one "locked" line) and `query` keeps working on the last committed snapshot.
//! A manifest with a newer `format_version` gives one clear "newer" line and exit 1.

mod common;

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn extract_cmd(input: &Path, store: &Path) -> Command {
    let mut c = bin();
    c.arg("extract")
        .arg(input)
        .arg("--store")
        .arg(store)
        .arg("--quiet");
    c
}

fn query(store: &Path, sparql: &str) -> Output {
    bin()
        .args(["query", sparql, "--format", "csv", "--store"])
        .arg(store)
        .output()
        .expect("run query")
}

fn article(i: usize) -> String {
    const P: &[&str] = &["Anna Novak", "Boris Petrov", "Carlos Costa", "Dana Fischer"];
    const C: &[&str] = &["Paris", "Berlin", "Warsaw", "Rome", "Madrid"];
    format!(
        "Foreign Minister {} met President {} in {} on Monday, part {i}. \
         {} said the talks in {} were constructive, according to Reuters.\n",
        P[i % 4],
        P[(i + 1) % 4],
        C[i % 5],
        P[(i + 2) % 4],
        C[(i + 3) % 5]
    )
}

/// Work that keeps an `extract` busy for seconds even in a release build: a megabyte with no
/// sentence end (cut into 2 KiB sentences, each full of event triggers) and many articles.
fn write_long_input(dir: &Path) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let big = common::words_without_full_stops(1_000_000, 1);
    std::fs::write(dir.join("big.txt"), big).expect("write");
    for i in 0..200 {
        std::fs::write(dir.join(format!("a{i:03}.txt")), article(i)).expect("write");
    }
}

fn start_long_extract(input: &Path, store: &Path) -> Child {
    extract_cmd(input, store)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn extract")
}

/// True once `child` holds a `flock` (it takes none but the store's writer lock).
fn wait_for_flock(child: &mut Child, limit: Duration) -> bool {
    let pid = child.id().to_string();
    let t0 = Instant::now();
    while t0.elapsed() < limit && still_running(child) {
        let locks = std::fs::read_to_string("/proc/locks").unwrap_or_default();
        if locks.lines().any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.len() > 4 && f[1] == "FLOCK" && f[4] == pid
        }) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

fn still_running(c: &mut Child) -> bool {
    c.try_wait().expect("try_wait").is_none()
}

#[test]
fn second_writer_is_refused_and_readers_see_the_last_snapshot() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    // A committed snapshot with two small articles.
    let first = tmp.path().join("first");
    std::fs::create_dir_all(&first).expect("mkdir");
    for i in 0..2 {
        std::fs::write(first.join(format!("a{i:03}.txt")), article(i)).expect("write");
    }
    let out = extract_cmd(&first, &store).output().expect("extract");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let count_docs = "SELECT (COUNT(?d) AS ?n) WHERE { ?d ng:sourcePath ?p }";
    let before = query(&store, count_docs);
    assert!(before.status.success());
    assert!(
        text(&before.stdout).contains("\n2"),
        "{}",
        text(&before.stdout)
    );

    // The long writer (the same two articles plus much more).
    let long = tmp.path().join("long");
    write_long_input(&long);
    let mut writer = start_long_extract(&long, &store);
    // Wait until it holds the lock (Linux: its flock shows in /proc/locks), then try a second
    // writer.
    assert!(
        wait_for_flock(&mut writer, Duration::from_secs(60)),
        "the long extract never took the lock"
    );
    let start = Instant::now();
    let out = extract_cmd(&first, &store)
        .output()
        .expect("second extract");
    let took = start.elapsed();
    assert!(
        still_running(&mut writer),
        "the long extract ended too early for this test"
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "want one line: {err}");
    assert!(
        err.contains("is locked by another newsgraph process"),
        "{err}"
    );
    assert!(
        err.contains(&store.display().to_string()),
        "names the store: {err}"
    );
    assert!(!err.contains("panicked"));
    assert!(
        took < Duration::from_secs(5),
        "not refused at once: {took:?}"
    );

    // Readers are not blocked and see the last committed snapshot.
    let start = Instant::now();
    let during = query(&store, count_docs);
    assert!(during.status.success(), "{}", text(&during.stderr));
    assert_eq!(text(&during.stdout), text(&before.stdout));
    let ask = query(&store, "ASK { ?d ng:sourcePath \"a001.txt\" }");
    assert!(ask.status.success(), "{}", text(&ask.stderr));
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(
        still_running(&mut writer),
        "the long extract ended during the reads"
    );

    // The writer finishes normally; afterwards everything is there.
    let out = writer.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let after = query(&store, count_docs);
    assert!(
        text(&after.stdout).contains("\n201"),
        "{}",
        text(&after.stdout)
    );
    // (Lock release is checked by lock_of_a_killed_writer_is_released; re-extracting here
    // would re-resolve the megabyte document, minutes in a debug build.)
}

#[test]
fn lock_of_a_killed_writer_is_released() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    let long = tmp.path().join("long");
    write_long_input(&long);
    let mut writer = start_long_extract(&long, &store);
    std::thread::sleep(Duration::from_millis(300));
    writer.kill().expect("kill");
    let _ = writer.wait();
    let small = tmp.path().join("small");
    std::fs::create_dir_all(&small).expect("mkdir");
    std::fs::write(small.join("x.txt"), article(3)).expect("write");
    let out = extract_cmd(&small, &store).output().expect("extract");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn set_format_version(store: &Path, v: u32) {
    let path = store.join("manifest.json");
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read manifest")).expect("json");
    m["format_version"] = serde_json::json!(v);
    std::fs::write(&path, serde_json::to_vec(&m).expect("json")).expect("write manifest");
}

#[test]
fn newer_format_version_is_refused_with_one_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    std::fs::write(input.join("a.txt"), article(1)).expect("write");
    let store = tmp.path().join("store");
    let out = extract_cmd(&input, &store).output().expect("extract");
    assert!(out.status.success(), "{}", text(&out.stderr));
    set_format_version(&store, 999);
    let s = store.to_str().expect("utf-8");
    let runs: Vec<(&str, Output)> = vec![
        (
            "extract",
            extract_cmd(&input, &store).output().expect("run"),
        ),
        ("query", query(&store, "ASK { ?s ?p ?o }")),
        (
            "export",
            bin()
                .args(["export", "--format", "nquads", "--store", s])
                .output()
                .expect("run"),
        ),
        (
            "dot",
            bin().args(["dot", "--store", s]).output().expect("run"),
        ),
    ];
    for (what, out) in runs {
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert_eq!(err.lines().count(), 1, "{what}: want one line: {err}");
        assert!(err.contains("format version 999"), "{what}: {err}");
        assert!(err.contains("newer"), "{what}: {err}");
        assert!(err.contains(s), "{what}: names the store: {err}");
        assert!(out.stdout.is_empty(), "{what}: wrote output anyway");
    }
    // The refused writer changed nothing.
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(store.join("manifest.json")).expect("read"))
            .expect("json");
    assert_eq!(m["format_version"], 999);
}

#[test]
fn corrupt_manifest_is_one_line_not_a_panic() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    std::fs::write(input.join("a.txt"), article(2)).expect("write");
    let store = tmp.path().join("store");
    assert!(extract_cmd(&input, &store).status().expect("run").success());
    std::fs::write(
        store.join("manifest.json"),
        b"{\"format_version\": 1, \"base\": ",
    )
    .expect("w");
    for out in [
        query(&store, "ASK { ?s ?p ?o }"),
        extract_cmd(&input, &store).output().expect("run"),
    ] {
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("manifest.json"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
