//! PRODUCT.md §6: an interrupted run (kill) leaves the store consistent and the next run
//! completes the work. `extract` is SIGKILLed at several points of a run over ~300 synthetic
//! articles (early, mid-extraction, and around the final snapshot/manifest commit); after each
//! kill the store must open, and a re-run must give exactly the quads of an uninterrupted run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const N_ARTICLES: usize = 300;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

struct Lcg(u64);
impl Lcg {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        xs[(self.0 >> 33) as usize % xs.len()]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Boris", "Carlos", "Dana", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kamala",
    "Lars", "Marta", "Nikolai", "Olga", "Pedro", "Quentin", "Rosa", "Sven", "Tariq",
];
const LAST: &[&str] = &[
    "Andersen",
    "Barros",
    "Costa",
    "Dimitrov",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Horvat",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
];
const PLACES: &[&str] = &[
    "Paris",
    "Berlin",
    "Kyiv",
    "Moscow",
    "Washington",
    "London",
    "Warsaw",
    "Rome",
    "Madrid",
    "Ankara",
    "Beijing",
    "Tokyo",
    "Brussels",
    "Vienna",
    "Geneva",
    "Istanbul",
];
const COUNTRIES: &[&str] = &[
    "France", "Germany", "Ukraine", "Russia", "Poland", "Italy", "Spain", "Turkey", "China",
    "Japan",
];
const ROLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defense Minister",
    "envoy",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

fn person(r: &mut Lcg) -> String {
    format!("{} {}", r.pick(FIRST), r.pick(LAST))
}

/// Deterministic synthetic articles, different names, places and dates in each.
fn write_articles(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut r = Lcg(42);
    for i in 0..n {
        let (a, b, c) = (person(&mut r), person(&mut r), person(&mut r));
        let (p, q) = (r.pick(PLACES), r.pick(PLACES));
        let (x, y) = (r.pick(COUNTRIES), r.pick(COUNTRIES));
        let (ra, rb) = (r.pick(ROLES), r.pick(ROLES));
        let day = r.pick(DAYS);
        let text = format!(
            "Title: Talks in {p}, part {i}\nDate: 2025-0{m}-{d:02}\n\n\
             {x}'s {ra} {a} met {y}'s {rb} {b} in {p} on {day}. \
             {a} said the talks with {b} were constructive, according to Reuters. \
             Later, {c} travelled to {q} and criticized the agreement. \
             {x} and {y} signed a ceasefire agreement in {q} on {day}, {b} said.\n",
            m = 1 + i % 9,
            d = 1 + i % 28,
        );
        std::fs::write(dir.join(format!("article-{i:03}.txt")), text).expect("write");
    }
}

fn extract(input: &Path, store: &Path) -> Command {
    let mut c = bin();
    c.arg("extract")
        .arg(input)
        .arg("--store")
        .arg(store)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn run_to_end(input: &Path, store: &Path) -> Duration {
    let start = Instant::now();
    let out = extract(input, store).output().expect("run extract");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "extract failed ({}) on {}: {err}",
        out.status,
        store.display()
    );
    assert!(!err.contains("panicked"), "{err}");
    start.elapsed()
}

/// The store's quads as sorted N-Quads lines (None when there is no store yet).
fn nquads(store: &Path) -> Option<Vec<String>> {
    let out = bin()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .output()
        .expect("run export");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    if !out.status.success() {
        assert!(err.contains("no store at"), "store does not open: {err}");
        return None;
    }
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    Some(lines)
}

/// Start extract, SIGKILL it after `after`; true if it was still running when killed.
fn kill_after(input: &Path, store: &Path, after: Duration) -> bool {
    let mut child = extract(input, store).spawn().expect("spawn extract");
    std::thread::sleep(after);
    let running = child.try_wait().expect("try_wait").is_none();
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    running
}

fn same(a: &[String], b: &[String], what: &str) {
    if a != b {
        let only_a: Vec<&String> = a.iter().filter(|x| !b.contains(x)).take(5).collect();
        let only_b: Vec<&String> = b.iter().filter(|x| !a.contains(x)).take(5).collect();
        panic!(
            "{what}: {} vs {} quads; only in reference: {only_a:#?}; only here: {only_b:#?}",
            a.len(),
            b.len()
        );
    }
}

fn half_input(all: &Path, half: &Path) {
    std::fs::create_dir_all(half).expect("mkdir");
    for i in (0..N_ARTICLES).step_by(2) {
        let name = format!("article-{i:03}.txt");
        std::fs::copy(all.join(&name), half.join(&name)).expect("copy");
    }
}

#[test]
fn sigkill_at_any_point_then_rerun_gives_the_uninterrupted_result() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    write_articles(&input, N_ARTICLES);
    // The reference: one uninterrupted run.
    let reference_store = tmp.path().join("reference");
    let t = run_to_end(&input, &reference_store);
    let reference = nquads(&reference_store).expect("reference store");
    assert!(
        reference.len() > 10 * N_ARTICLES,
        "{} quads",
        reference.len()
    );
    eprintln!("uninterrupted run: {t:?}, {} quads", reference.len());

    // Fixed early points plus fractions of the measured run time, the last ones landing in
    // the final resolve / snapshot / manifest commit.
    let mut points: Vec<Duration> = [20u64, 80, 200]
        .iter()
        .map(|&ms| Duration::from_millis(ms))
        .collect();
    for f in [0.5, 0.8, 0.9, 0.95, 0.98, 1.0] {
        points.push(t.mul_f64(f));
    }

    // 1. Fresh store, killed, then completed.
    // 2. A store already holding half of the articles (so the killed run was rewriting a
    //    committed store), killed, then completed.
    let half = tmp.path().join("half");
    half_input(&input, &half);
    let mut killed_running = 0;
    for (k, &at) in points.iter().enumerate() {
        for prefilled in [false, true] {
            let store: PathBuf = tmp.path().join(format!("s{k}-{prefilled}"));
            if prefilled {
                run_to_end(&half, &store);
            }
            if kill_after(&input, &store, at) {
                killed_running += 1;
            }
            // Whatever the kill left must open (or be absent when nothing was committed).
            let after_kill = nquads(&store);
            if prefilled {
                assert!(after_kill.is_some(), "a committed store was lost by a kill");
            }
            run_to_end(&input, &store);
            let got = nquads(&store).expect("store after re-run");
            same(
                &reference,
                &got,
                &format!("killed after {at:?} (prefilled: {prefilled})"),
            );
        }
    }
    assert!(
        killed_running >= 6,
        "only {killed_running} kills hit a running extract"
    );

    // 3. One store killed repeatedly at growing points, then completed.
    let store = tmp.path().join("repeated");
    for &at in &points {
        kill_after(&input, &store, at);
        let _ = nquads(&store);
    }
    run_to_end(&input, &store);
    same(
        &reference,
        &nquads(&store).expect("store"),
        "repeated kills",
    );
}

#[test]
fn leftover_tmp_files_do_not_matter() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    write_articles(&input, 12);
    let store = tmp.path().join("store");
    run_to_end(&input, &store);
    let before = nquads(&store).expect("store");
    // What a crash inside write_atomic leaves: half-written temporaries.
    std::fs::write(
        store.join("manifest.tmp"),
        b"{\"format_version\": 1, \"base\": ",
    )
    .expect("w");
    std::fs::write(store.join("data-2.tmp"), b"<http://a> <http://b> \"trunc").expect("w");
    std::fs::write(store.join("data-9.tmp"), b"garbage").expect("w");
    same(
        &before,
        &nquads(&store).expect("opens with *.tmp"),
        "read with tmp",
    );
    let q = bin()
        .args([
            "query",
            "ASK { ?d ng:sourcePath \"article-003.txt\" }",
            "--format",
            "json",
            "--store",
        ])
        .arg(&store)
        .output()
        .expect("query");
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stderr));
    assert!(String::from_utf8_lossy(&q.stdout).contains("true"));
    // A writer opens it too, and a new article goes in.
    std::fs::write(
        input.join("extra.txt"),
        "Olaf Scholz met Emmanuel Macron in Paris on Monday.\n",
    )
    .expect("w");
    run_to_end(&input, &store);
    let after = nquads(&store).expect("store");
    assert!(after.len() > before.len());
    assert!(after.iter().any(|l| l.contains("\"extra.txt\"")));
}
