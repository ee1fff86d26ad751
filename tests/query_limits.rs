//! `query` at its limits, through the real binary on the seeds' store: `--timeout` on a
//! genuinely slow query, millions of rows streamed in every results format, a reader that
//! goes away (`| head -1`) for `query` and `export`, and syntax errors with line and column.
#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

use common::*;

/// A cross product of every quad with every quad: 5014² ≈ 25 million solutions on the seeds.
const MILLIONS: &str = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f }";

/// Three-way cross product, counted: ~10¹¹ combinations, hours of work, one result row.
const SLOW: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .arg("--store")
        .arg(built_out().join("store"))
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn stderr_of(child: &mut Child) -> String {
    let mut s = String::new();
    child.stderr.take().unwrap().read_to_string(&mut s).unwrap();
    s
}

/// Two slow queries, one per way `--timeout` stops a query: MILLIONS streams rows, and
/// oxigraph checks the cancellation token for every term it writes; SLOW counts a cross
/// product inside a hash join that never looks at the token, so the watchdog ends the process
/// two seconds later. Same message, same exit code.
#[test]
fn timeout_stops_a_slow_query_with_one_line_and_exit_3() {
    for query in [MILLIONS, SLOW] {
        let out = bin()
            .args([
                "query",
                query,
                "--format",
                "csv",
                "--timeout",
                "1",
                "--store",
            ])
            .arg(built_out().join("store"))
            .assert()
            .code(3)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.lines().collect::<Vec<_>>(),
            ["newsgraph: error: query stopped: it ran longer than --timeout 1 s"],
            "{query}: exactly one line on stderr"
        );
        if query == SLOW {
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                !stdout.contains(|c: char| c.is_ascii_digit()),
                "no count: {stdout:?}"
            );
        }
    }
}

#[test]
fn timeout_does_not_touch_a_quick_query() {
    bin()
        .args([
            "query",
            "ASK { ?s a sem:Event }",
            "--timeout",
            "600",
            "--store",
        ])
        .arg(built_out().join("store"))
        .assert()
        .success()
        .stdout("true\n");
}

#[test]
fn timeout_must_be_a_positive_number() {
    for bad in ["0", "-1", "soon", "NaN"] {
        let out = bin()
            .args(["query", "ASK {}", &format!("--timeout={bad}"), "--store"])
            .arg(built_out().join("store"))
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--timeout"), "{bad}: {stderr}");
    }
}

/// Millions of solutions stream in every results format: the first rows arrive while the
/// query is still running. The test reads the first 256 KiB and stops reading; the child
/// cannot have finished, since 25 million rows (gigabytes) do not fit in a pipe nobody reads,
/// so a program that gathered every row before writing would never have produced them.
/// (SPARQL JSON and XML come as one long line, hence bytes rather than lines.)
#[test]
fn millions_of_rows_stream_in_every_results_format() {
    for format in ["csv", "tsv", "json", "xml", "table"] {
        let mut child = spawn(&["query", MILLIONS, "--format", format]);
        let mut first = vec![0; 256 * 1024];
        child
            .stdout
            .take()
            .unwrap()
            .read_exact(&mut first)
            .unwrap_or_else(|e| panic!("{format}: 256 KiB of output: {e}"));
        assert_eq!(
            child.try_wait().unwrap(),
            None,
            "{format}: still running after writing 256 KiB"
        );
        let rss_kib = peak_rss_kib(child.id());
        child.kill().unwrap();
        child.wait().unwrap();
        let stderr = stderr_of(&mut child);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        let text = String::from_utf8_lossy(&first);
        assert!(
            text.matches("https://w3id.org/newsgraph/id/").count() > 1000,
            "{format}: rows of IRIs: {text:.300}"
        );
        let lines: Vec<&str> = text.lines().collect();
        match format {
            "csv" => assert_eq!(lines[0].trim_end(), "a,d"),
            "tsv" => assert_eq!(lines[0].trim_end(), "?a\t?d"),
            "json" => assert!(
                text.starts_with(r#"{"head":{"vars":["a","d"]}"#),
                "{text:.100}"
            ),
            "xml" => assert!(text.starts_with("<?xml"), "{text:.100}"),
            _ => {
                assert!(lines[0].starts_with("?a"), "{}", lines[0]);
                // Rows after the first thousand keep the columns of the first thousand.
                assert!(lines.len() > 1100, "{} lines", lines.len());
                let bar = |line: &str| line.chars().position(|c| c == '│');
                assert!(bar(lines[2]).is_some(), "{}", lines[2]);
                assert_eq!(bar(lines[1100]), bar(lines[2]), "{}", lines[1100]);
            }
        }
        // Bounded memory: far below what 25 million rows of two IRIs would take (> 4 GB).
        if let Some(kib) = rss_kib {
            assert!(kib < 1024 * 1024, "{format}: peak RSS {kib} KiB");
        }
    }
}

/// Peak resident memory of a running process (Linux), in KiB.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// `newsgraph … | head -1`: read one line, close the pipe; the program stops quietly with
/// status 0 and nothing on stderr.
#[test]
fn reader_going_away_after_one_line_is_not_an_error() {
    let runs: [&[&str]; 6] = [
        &["query", MILLIONS, "--format", "csv"],
        &["query", MILLIONS, "--format", "tsv"],
        &["query", MILLIONS, "--format", "table"],
        &["export", "--format", "nquads"],
        &["export", "--format", "trig"],
        &["export", "--canonical"],
    ];
    for args in runs {
        let mut child = spawn(args);
        let mut first = String::new();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        reader.read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{args:?}: a first line");
        drop(reader);
        let stderr = stderr_of(&mut child);
        let status = child.wait().unwrap();
        assert_eq!(stderr, "", "{args:?}: nothing on stderr");
        assert_eq!(status.code(), Some(0), "{args:?}: {status}");
    }
}

#[test]
fn syntax_error_names_line_and_column() {
    let query = "SELECT ?x\nWHERE {\n  ?x rdfs:label ?l .\n  FILTER(?l = \"a\" ?? )\n}";
    let out = bin()
        .args(["query", query, "--store"])
        .arg(built_out().join("store"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("newsgraph: error: invalid SPARQL: line 4, column 23: expected"),
        "line 4, column 23 named: {stderr}"
    );
}
