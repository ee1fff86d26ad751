//! PRODUCT.md §6, bad input: every kind of bad file is reported on exactly one stderr line that
//! names the file and the reason, the good article next to it is stored anyway, the exit code
//! is 2 when something failed (0 when everything was stored), and nothing panics.
//!
//! Each case runs the real binary on a fresh folder holding one good article (copied from
//! `seeds/`) and the bad input. Big inputs are generated here, never committed.
//!
//! "Unreadable" inputs: the tests run as root, for whom `chmod 000` changes nothing, so the
//! unreadable cases are a dangling symbolic link and a FIFO (opening a FIFO blocks until a
//! writer comes: before the fix in `ingest::discover`, a FIFO in the input folder hung
//! `extract` for ever).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

const GOOD: &str = "good.txt";
const SEED: &str = "seeds/000_272e99f4a6e8b8de.txt";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run newsgraph")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// What a case should give.
enum Expect {
    /// Stored, exit 0, silent stderr.
    Stored,
    /// Exit 2 and one stderr line naming `file` with `reason` in it.
    Fails {
        file: &'static str,
        reason: &'static str,
    },
    /// Stored, but reported (exit 2) with `reason`.
    StoredWithNote {
        file: &'static str,
        reason: &'static str,
    },
}

struct Run {
    dir: tempfile::TempDir,
    out: Output,
    elapsed: Duration,
}

impl Run {
    fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }
    fn stderr(&self) -> String {
        text(&self.out.stderr)
    }
}

/// A fresh input folder with the good article, `setup` adding the bad input, then `extract`.
fn extract_with(setup: impl FnOnce(&Path)) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    std::fs::copy(seed, input.join(GOOD)).expect("copy seed");
    setup(&input);
    let store = dir.path().join("store");
    let start = Instant::now();
    let out = bin()
        .arg("extract")
        .arg(&input)
        .arg("--store")
        .arg(&store)
        .arg("--quiet")
        .output()
        .expect("run extract");
    Run {
        dir,
        out,
        elapsed: start.elapsed(),
    }
}

fn ask(store: &Path, sparql: &str) -> bool {
    let out = run(&[
        "query",
        sparql,
        "--format",
        "json",
        "--store",
        store.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "query failed: {}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json results");
    v["boolean"].as_bool().expect("boolean result")
}

fn stored(store: &Path, rel: &str) -> bool {
    let lit = rel.replace('\\', "\\\\").replace('"', "\\\"");
    ask(store, &format!("ASK {{ ?d ng:sourcePath \"{lit}\" }}"))
}

/// The store's quads, through `export --format nquads`.
fn quads(store: &Path) -> Vec<Quad> {
    let out = run(&[
        "export",
        "--format",
        "nquads",
        "--store",
        store.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "export: {}", text(&out.stderr));
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&out.stdout)
        .collect::<Result<_, _>>()
        .expect("exported N-Quads parse")
}

fn mem_store(quads: &[Quad]) -> Store {
    let s = Store::new().expect("store");
    s.extend(quads.iter().cloned()).expect("load");
    s
}

fn select(store: &Store, q: &str) -> Vec<Vec<String>> {
    let mut prepared = SparqlEvaluator::new().parse_query(q).expect("query parses");
    prepared.dataset_mut().set_default_graph_as_union();
    let QueryResults::Solutions(sol) = prepared.on_store(store).execute().expect("query runs")
    else {
        panic!("not a SELECT")
    };
    let vars: Vec<String> = sol
        .variables()
        .iter()
        .map(|v| v.as_str().to_string())
        .collect();
    sol.map(|row| {
        let row = row.expect("row");
        vars.iter()
            .map(|v| match row.get(v.as_str()) {
                Some(Term::Literal(l)) => l.value().to_string(),
                Some(t) => t.to_string(),
                None => String::new(),
            })
            .collect()
    })
    .collect()
}

/// Every `nif:anchorOf` equals the document's `nif:isString` at `[beginIndex, endIndex)` in
/// code points. Returns how many anchors were checked. (Works on the quads directly: a SPARQL
/// join that carries the megabyte `isString` into every row ran out of memory.)
fn check_anchors(quads: &[Quad]) -> usize {
    const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    #[derive(Default)]
    struct Node {
        anchor: Option<String>,
        begin: Option<usize>,
        end: Option<usize>,
        context: Option<String>,
        is_string: Option<Vec<char>>,
    }
    let mut nodes: std::collections::HashMap<String, Node> = Default::default();
    for q in quads {
        let Some(local) = q.predicate.as_str().strip_prefix(NIF) else {
            continue;
        };
        let n = nodes.entry(q.subject.to_string()).or_default();
        match (local, &q.object) {
            ("anchorOf", Term::Literal(l)) => n.anchor = Some(l.value().to_string()),
            ("beginIndex", Term::Literal(l)) => n.begin = l.value().parse().ok(),
            ("endIndex", Term::Literal(l)) => n.end = l.value().parse().ok(),
            ("isString", Term::Literal(l)) => n.is_string = Some(l.value().chars().collect()),
            ("referenceContext", o) => n.context = Some(o.to_string()),
            _ => {}
        }
    }
    let mut checked = 0;
    for (id, n) in &nodes {
        let Some(anchor) = &n.anchor else { continue };
        let ctx = n
            .context
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: no context"));
        let text = nodes[ctx]
            .is_string
            .as_ref()
            .expect("context has nif:isString");
        let (b, e) = (n.begin.expect("begin"), n.end.expect("end"));
        assert!(
            b <= e && e <= text.len(),
            "{id}: [{b}, {e}) of {}",
            text.len()
        );
        let slice: String = text[b..e].iter().collect();
        assert_eq!(&slice, anchor, "anchor of {id} [{b}, {e}) is not the slice");
        checked += 1;
    }
    checked
}

/// The common assertions of §6.
fn check(case: &str, r: &Run, expect: &Expect) {
    let err = r.stderr();
    assert!(!err.contains("panicked"), "{case}: panic: {err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    match expect {
        Expect::Stored => {
            assert_eq!(
                r.out.status.code(),
                Some(0),
                "{case}: exit code; stderr: {err}"
            );
            assert!(lines.is_empty(), "{case}: unexpected stderr: {err}");
        }
        Expect::Fails { file, reason } | Expect::StoredWithNote { file, reason } => {
            assert_eq!(
                r.out.status.code(),
                Some(2),
                "{case}: exit code; stderr: {err}"
            );
            assert_eq!(lines.len(), 1, "{case}: want exactly one line, got: {err}");
            assert!(
                lines[0].contains(file),
                "{case}: line does not name {file}: {err}"
            );
            assert!(
                lines[0].contains(reason),
                "{case}: want {reason:?} in: {err}"
            );
            assert!(
                !lines[0].contains(GOOD),
                "{case}: the good file was blamed: {err}"
            );
        }
    }
    assert!(
        stored(&r.store(), GOOD),
        "{case}: the good article is not in the store"
    );
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).expect("write input");
}

#[test]
fn binary_file() {
    let r = extract_with(|d| {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend([0u8; 256]);
        write(d, "image.png", png);
    });
    check(
        "binary",
        &r,
        &Expect::Fails {
            file: "image.png",
            reason: "binary file",
        },
    );
    assert!(!stored(&r.store(), "image.png"));
}

#[test]
fn invalid_utf8() {
    let r = extract_with(|d| {
        write(
            d,
            "latin1.txt",
            b"Caf\xe9 in M\xfcnchen, said Mr. M\xfcller.\n",
        )
    });
    check(
        "invalid utf-8",
        &r,
        &Expect::Fails {
            file: "latin1.txt",
            reason: "not valid UTF-8 (invalid byte at offset 3)",
        },
    );
}

#[test]
fn utf16_le_with_bom_is_decoded() {
    let body = "President Volodymyr Zelensky met German Chancellor Olaf Scholz in Kyiv on Monday. \
                The talks in Kyiv went well, Zelensky said.\n";
    let r = extract_with(|d| {
        let mut b = vec![0xFF, 0xFE];
        b.extend(body.encode_utf16().flat_map(u16::to_le_bytes));
        write(d, "utf16.txt", b);
    });
    check("utf-16", &r, &Expect::Stored);
    assert!(stored(&r.store(), "utf16.txt"));
    let q = quads(&r.store());
    let st = mem_store(&q);
    let rows = select(
        &st,
        "SELECT ?s WHERE { ?d <https://w3id.org/newsgraph/ontology#sourcePath> \"utf16.txt\" ; \
         <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?s }",
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], body, "decoded text (no BOM, no NULs)");
    assert!(check_anchors(&q) > 0);
}

#[test]
fn windows_line_endings() {
    let seed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).expect("seed");
    let r = extract_with(|d| write(d, "crlf.txt", seed.replace('\n', "\r\n")));
    check("crlf", &r, &Expect::Stored);
    assert!(stored(&r.store(), "crlf.txt"));
    let q = quads(&r.store());
    assert!(check_anchors(&q) > 20);
    // The CRLF document gets the same sentences as the LF one, none with a stray '\r'.
    let st = mem_store(&q);
    let sentences = |p: &str| {
        select(
            &st,
            &format!(
                "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                 SELECT ?a WHERE {{ ?d <https://w3id.org/newsgraph/ontology#sourcePath> \"{p}\" .
                   ?s a nif:Sentence ; nif:referenceContext ?d ; nif:anchorOf ?a }} ORDER BY ?a"
            ),
        )
    };
    let (lf, crlf) = (sentences(GOOD), sentences("crlf.txt"));
    assert!(!crlf.is_empty());
    assert!(crlf.iter().all(|r| !r[0].contains('\r')), "{crlf:?}");
    assert_eq!(lf, crlf);
}

#[test]
fn empty_file() {
    let r = extract_with(|d| write(d, "empty.txt", ""));
    check(
        "empty",
        &r,
        &Expect::Fails {
            file: "empty.txt",
            reason: "empty file",
        },
    );
}

#[test]
fn whitespace_only_file() {
    let r = extract_with(|d| write(d, "blank.txt", " \n\t\r\n   \u{feff}\n"));
    check(
        "whitespace",
        &r,
        &Expect::Fails {
            file: "blank.txt",
            reason: "empty file",
        },
    );
}

#[test]
fn only_boilerplate() {
    let r = extract_with(|d| write(d, "boiler.txt", "Subscribe\n* indicates required\n"));
    check(
        "boilerplate",
        &r,
        &Expect::StoredWithNote {
            file: "boiler.txt",
            reason: "no article text after removing boilerplate",
        },
    );
    assert!(stored(&r.store(), "boiler.txt"), "stored without sentences");
}

#[test]
fn file_over_the_size_limit() {
    let r = extract_with(|d| {
        let f = std::fs::File::create(d.join("huge.txt")).expect("create");
        // 20 MB, sparse: the size check must not need to read it.
        f.set_len(20_000_000).expect("set_len");
    });
    check(
        "20 MB",
        &r,
        &Expect::Fails {
            file: "huge.txt",
            reason: "20000000 bytes is over the limit of 16777216 bytes",
        },
    );
}

/// A 1 MB file on one line: the seed article with its line breaks turned into spaces, repeated.
#[test]
fn one_megabyte_line() {
    let seed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).expect("seed");
    let para = seed.replace(['\n', '\r'], " ");
    let mut line = String::with_capacity(1 << 20);
    while line.len() < 1_000_000 {
        line.push_str(&para);
    }
    let r = extract_with(|d| write(d, "oneline.txt", &line));
    eprintln!(
        "1 MB single line of article text: extract took {:?}",
        r.elapsed
    );
    check("1 MB line", &r, &Expect::Stored);
    assert!(stored(&r.store(), "oneline.txt"));
    assert!(check_anchors(&quads(&r.store())) > 1000);
}

/// 1 MB on one line with no sentence end at all: one "sentence" of a megabyte. Extraction is
/// quadratic in sentence length (src/extract/events.rs scans the clause for every trigger):
/// this took 397 s (release build) before ingest cut sentences at 2 KiB; the anchors count
/// below shows the cut (hundreds of sentences, not one). Time is reported, not asserted.
#[test]
fn one_megabyte_line_without_full_stops() {
    let line = common::words_without_full_stops(1_000_000, 7);
    let r = extract_with(|d| write(d, "nostop.txt", &line));
    eprintln!("1 MB without full stops: extract took {:?}", r.elapsed);
    check("1 MB no stops", &r, &Expect::Stored);
    assert!(stored(&r.store(), "nostop.txt"));
    assert!(check_anchors(&quads(&r.store())) > 400);
}

#[test]
fn rtl_emoji_and_combining_marks() {
    let body = "التقى الرئيس محمود عباس مع Emmanuel Macron في باريس. \
                President Emmanuel Macron met José Mañana in Paris on Friday 👍🏽🇫🇷. \
                Zoë Ångström said the talks in Paris were good. \
                שלום, Benjamin Netanyahu visited Washington on Tuesday and met Joe Biden.\n";
    let r = extract_with(|d| write(d, "rtl.txt", body));
    check("rtl", &r, &Expect::Stored);
    assert!(stored(&r.store(), "rtl.txt"));
    let q = quads(&r.store());
    assert!(check_anchors(&q) > 10);
    let st = mem_store(&q);
    let names: BTreeSet<String> = select(
        &st,
        "SELECT ?l WHERE { ?x <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?l }",
    )
    .into_iter()
    .map(|r| r[0].clone())
    .collect();
    assert!(names.contains("Emmanuel Macron"), "{names:?}");
}

const QUOTED: &str = "Acme \"Best\" <Corp> \\ Ltd";

fn same_set(want: &BTreeSet<String>, got: &BTreeSet<String>, what: &str) {
    let missing: Vec<&String> = want.difference(got).take(8).collect();
    let extra: Vec<&String> = got.difference(want).take(8).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what} round trip: {} vs {} statements; missing: {missing:#?}; extra: {extra:#?}",
        want.len(),
        got.len()
    );
}

/// Exports in every format parse back with the same triples/quads, and DOT renders silently.
fn check_exports_and_dot(store: &Path) {
    let nq = quads(store);
    let all: BTreeSet<String> = nq.iter().map(|q| q.to_string()).collect();
    let triples: BTreeSet<String> = nq
        .iter()
        .map(|q| oxigraph::model::Triple::from(q.clone()).to_string())
        .collect();
    for (name, fmt) in [
        ("trig", RdfFormat::TriG),
        ("nquads", RdfFormat::NQuads),
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
        ("rdfxml", RdfFormat::RdfXml),
        (
            "jsonld",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
    ] {
        let out = run(&[
            "export",
            "--format",
            name,
            "--store",
            store.to_str().expect("utf-8"),
        ]);
        assert!(out.status.success(), "export {name}: {}", text(&out.stderr));
        let parsed: Vec<Quad> = RdfParser::from_format(fmt)
            .for_slice(&out.stdout)
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("export {name} does not parse back: {e}"));
        // TriG and N-Quads keep the named graphs; the other formats (JSON-LD included) get the
        // merged graph (src/export: Format::is_quads).
        if matches!(name, "trig" | "nquads") {
            let got: BTreeSet<String> = parsed.iter().map(|q| q.to_string()).collect();
            same_set(&all, &got, name);
        } else {
            let got: BTreeSet<String> = parsed
                .iter()
                .map(|q| oxigraph::model::Triple::from(q.clone()).to_string())
                .collect();
            same_set(&triples, &got, name);
        }
    }
    common::dot::require_dot();
    for view in ["actors", "events"] {
        let dot_file = store.with_file_name(format!("{view}.dot"));
        let out = run(&[
            "dot",
            "--view",
            view,
            "-o",
            dot_file.to_str().expect("utf-8"),
            "--store",
            store.to_str().expect("utf-8"),
        ]);
        assert!(out.status.success(), "dot {view}: {}", text(&out.stderr));
        common::dot::render_svg_quietly(&dot_file, view);
    }
}

#[test]
fn names_with_quotes_brackets_and_backslashes() {
    let body = format!(
        "{QUOTED} signed a deal with O'Brien Holdings in Dublin on Monday. \
         Chief executive Sean O'Brien met {QUOTED} chairman John {{Smith}} in London. \
         President Joe Biden met Mary O'Brien in Washington, said Reuters.\n"
    );
    // The file name carries the awkward characters too: it ends up in literals and DOT URLs.
    let name = format!("{QUOTED} & O'Brien.txt");
    let r = extract_with(|d| write(d, &name, &body));
    check("quotes", &r, &Expect::Stored);
    assert!(stored(&r.store(), &name), "path literal with quotes");
    let q = quads(&r.store());
    assert!(check_anchors(&q) > 5);
    let st = mem_store(&q);
    let labels: BTreeSet<String> = select(
        &st,
        "SELECT ?l WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
    )
    .into_iter()
    .map(|r| r[0].clone())
    .collect();
    assert!(labels.iter().any(|l| l.contains("O'Brien")), "{labels:?}");
    check_exports_and_dot(&r.store());
}

#[test]
fn dangling_symlink() {
    let r = extract_with(|d| {
        std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).expect("ln")
    });
    check(
        "dangling symlink",
        &r,
        &Expect::Fails {
            file: "dangling.txt",
            reason: "broken symbolic link",
        },
    );
}

#[test]
fn fifo_does_not_hang() {
    let r = extract_with(|d| {
        let st = Command::new("mkfifo")
            .arg(d.join("pipe.txt"))
            .status()
            .expect("mkfifo");
        assert!(st.success());
    });
    check(
        "fifo",
        &r,
        &Expect::Fails {
            file: "pipe.txt",
            reason: "not a regular file (FIFO)",
        },
    );
}

#[test]
fn symlink_loop() {
    let r = extract_with(|d| {
        let sub = d.join("loop");
        std::fs::create_dir(&sub).expect("mkdir");
        write(
            &sub,
            "inner.txt",
            "Olaf Scholz met Emmanuel Macron in Paris on Monday.\n",
        );
        // loop/a -> loop
        std::os::unix::fs::symlink(&sub, sub.join("a")).expect("ln");
    });
    check(
        "symlink loop",
        &r,
        &Expect::Fails {
            file: "loop/a",
            reason: "symbolic link loop",
        },
    );
    assert!(stored(&r.store(), "loop/inner.txt"));
}

#[test]
fn self_referencing_symlink() {
    // a -> a: the OS reports ELOOP when following it.
    let r =
        extract_with(|d| std::os::unix::fs::symlink("self.txt", d.join("self.txt")).expect("ln"));
    check(
        "self symlink",
        &r,
        &Expect::Fails {
            file: "self.txt",
            reason: "symbolic link loop",
        },
    );
}

#[test]
fn all_at_once() {
    // Every bad input in one folder: one line each, the good ones stored.
    let r = extract_with(|d| {
        write(d, "b.png", b"\x89PNG\r\n\x1a\n\0\0\0\0");
        write(d, "c.txt", b"\xff\xff");
        write(d, "e.txt", "");
        write(d, "w.txt", "  \n");
        write(d, "s.txt", "Subscribe\n* indicates required\n");
        std::os::unix::fs::symlink("missing", d.join("l.txt")).expect("ln");
        std::fs::File::create(d.join("h.txt"))
            .and_then(|f| f.set_len(17 << 20))
            .expect("big");
    });
    let err = r.stderr();
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(r.out.status.code(), Some(2));
    assert_eq!(err.lines().count(), 7, "{err}");
    for f in [
        "b.png", "c.txt", "e.txt", "w.txt", "s.txt", "l.txt", "h.txt",
    ] {
        assert_eq!(
            err.lines()
                .filter(|l| l.contains(&format!("/{f}: ")))
                .count(),
            1,
            "{f}: {err}"
        );
    }
    assert!(stored(&r.store(), GOOD));
}
