//! The command line: clap derive; the doc comments are the help text. One library call per
//! subcommand.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand, ValueEnum};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults};

use newsgraph::export::{self, Format};
use newsgraph::graph;
use newsgraph::pipeline::{self, ExtractOptions, Summary};
use newsgraph::rdf::DEFAULT_BASE;
use newsgraph::store::{self, GraphStore, Mode};

/// newsgraph — news articles to a knowledge graph with sentence-level provenance.
///
/// Offline and deterministic: extracts people, organizations, places, roles and events,
/// keeps for every fact its file, sentence and character offsets, stores them in an embedded
/// Oxigraph store, answers SPARQL, exports RDF and draws Graphviz views.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// A human table (solutions) — the default on a terminal.
    Table,
    /// SPARQL results CSV.
    Csv,
    /// SPARQL results TSV.
    Tsv,
    /// SPARQL results JSON.
    Json,
    /// SPARQL results XML.
    Xml,
    /// Turtle (CONSTRUCT / DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT / DESCRIBE).
    Ntriples,
    /// RDF/XML (CONSTRUCT / DESCRIBE).
    Rdfxml,
    /// JSON-LD (CONSTRUCT / DESCRIBE).
    Jsonld,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: extract PATHS into OUT/store, export OUT/graph.trig, write
    /// OUT/actors.dot and OUT/events.dot (and their SVGs when Graphviz `dot` is installed).
    ///
    /// The DOT views show at most --max-nodes entities / events (the best-evidenced ones);
    /// Graphviz is stopped after --render-timeout seconds (the DOT files stay).
    ///
    /// Example: newsgraph build seeds/ --out out/
    Build {
        /// Files or folders (recursively); `-` reads standard input.
        #[arg(default_value = "seeds/")]
        paths: Vec<PathBuf>,
        /// Output folder.
        #[arg(long, default_value = "out/")]
        out: PathBuf,
        /// DOT views: at most this many entities (actors) or events (events), those with the
        /// most supporting sentences; 0 draws everything.
        #[arg(long, default_value_t = graph::DEFAULT_MAX_NODES)]
        max_nodes: usize,
        /// Stop Graphviz after this many seconds per SVG.
        #[arg(long, default_value_t = graph::DEFAULT_RENDER_TIMEOUT.as_secs())]
        render_timeout: u64,
        #[command(flatten)]
        common: ExtractArgs,
    },
    /// Extract files into the store. Unchanged files change nothing; a changed file replaces
    /// its facts; new files are added.
    ///
    /// Example: newsgraph extract seeds/ more-articles/ --store out/store
    Extract {
        /// Files or folders (recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Store folder.
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        /// Only shard I of N of the inputs (by a stable hash of their paths), e.g. `2/8`.
        #[arg(long, value_parser = parse_shard)]
        shard: Option<(usize, usize)>,
        /// Remove from the store the documents that are not among the inputs.
        #[arg(long)]
        prune: bool,
        #[command(flatten)]
        common: ExtractArgs,
    },
    /// Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE). The default graph is the
    /// union of all graphs; prefixes ng, schema, sem, org, nif, itsrdf, prov, skos, rdf, rdfs,
    /// owl, xsd, dcterms are predeclared.
    ///
    /// Example: newsgraph query 'SELECT ?who ?label WHERE { ?e a ng:Meeting ; sem:hasActor ?who . ?who rdfs:label ?label }'
    Query {
        /// The query text.
        query: Option<String>,
        /// Read the query from a file.
        #[arg(long, short = 'f')]
        file: Option<PathBuf>,
        /// Output format (default: table on a terminal, else csv for solutions; turtle for graphs).
        #[arg(long, value_enum)]
        format: Option<QueryFormat>,
        /// Store folder.
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        /// Stop the query (evaluation and output) after this many seconds, with a one-line
        /// message and exit code 3.
        #[arg(long, value_name = "SECONDS", value_parser = parse_timeout)]
        timeout: Option<f64>,
    },
    /// Export the whole graph. Quad formats keep one named graph per sentence; triple formats
    /// carry the merged graph (provenance through prov:wasDerivedFrom). Output is sorted, so
    /// identical stores give identical files.
    ///
    /// Example: newsgraph export --format nquads -o out/graph.nq
    Export {
        /// trig, nquads, turtle, ntriples, rdfxml or jsonld.
        #[arg(long, default_value = "trig")]
        format: String,
        /// RDFC-1.0 canonical N-Quads.
        #[arg(long)]
        canonical: bool,
        /// Output file (default: standard output).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Store folder.
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
    },
    /// Write a Graphviz DOT view of the graph; every node and edge has a tooltip with its
    /// source sentences.
    ///
    /// Example: newsgraph dot --view actors --focus Witkoff --depth 1 -o witkoff.dot --render svg
    Dot {
        /// actors or events.
        #[arg(long, default_value = "actors")]
        view: String,
        /// Events view: cluster by `document` or `date`.
        #[arg(long, default_value = "document")]
        cluster: String,
        /// Only the neighbourhood of this actor (label or alias).
        #[arg(long)]
        focus: Option<String>,
        /// Depth of the neighbourhood.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Drop edges supported by fewer sentences.
        #[arg(long, default_value_t = 1)]
        min_evidence: usize,
        /// Only these event types (repeatable), e.g. --type Meeting.
        #[arg(long = "type")]
        types: Vec<String>,
        /// Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Only events on or before this date.
        #[arg(long)]
        until: Option<String>,
        /// Output file (default: standard output).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// At most this many entities (actors view) or events (events view), those with the
        /// most supporting sentences; 0 draws everything.
        #[arg(long, default_value_t = graph::DEFAULT_MAX_NODES)]
        max_nodes: usize,
        /// Also render with Graphviz: svg or png (needs -o).
        #[arg(long)]
        render: Option<String>,
        /// Stop Graphviz after this many seconds.
        #[arg(long, default_value_t = graph::DEFAULT_RENDER_TIMEOUT.as_secs())]
        render_timeout: u64,
        /// Store folder.
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
    },
    /// Everything known about one actor or event, each fact with its source: file, sentence
    /// number and sentence text.
    ///
    /// Example: newsgraph explain "Steve Witkoff"
    Explain {
        /// A name (label or alias, case-insensitive) or an IRI.
        name: String,
        /// Store folder.
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
    },
    /// Show what extraction finds in one file, sentence by sentence (mentions, roles, events),
    /// without touching any store. `--json` dumps the stage outputs.
    ///
    /// Example: newsgraph inspect seeds/001_d526fdf91043ef8c.txt
    Inspect {
        /// The file.
        path: PathBuf,
        /// Dump the Document and Extraction as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score the store against a gold annotation (format newsgraph-gold/1).
    ///
    /// Example: newsgraph evaluate --gold ../shared/eval/seeds.gold.json
    Evaluate {
        /// The gold file.
        #[arg(long)]
        gold: PathBuf,
        /// table or json.
        #[arg(long, default_value = "table")]
        format: String,
        /// Store folder.
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
    },
}

/// Options shared by `build` and `extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Base of minted IRIs.
    #[arg(long, default_value = DEFAULT_BASE)]
    pub base: String,
    /// Largest input file accepted, in bytes.
    #[arg(long, default_value_t = newsgraph::ingest::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, e.g. 1/4")?;
    let i: usize = i.parse().map_err(|_| "I must be a number")?;
    let n: usize = n.parse().map_err(|_| "N must be a number")?;
    if n == 0 || i == 0 || i > n {
        return Err("need 1 <= I <= N".into());
    }
    Ok((i, n))
}

fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t.is_finite() && t > 0.0 && t < 1e9 => Ok(t),
        _ => Err("expected a positive number of seconds, e.g. 30 or 0.5".into()),
    }
}

/// Exit code of a query stopped by `--timeout`.
pub const EXIT_TIMEOUT: u8 = 3;

/// Cancel `token` after `seconds`. Oxigraph checks the token as it reads the store and
/// produces terms; should the query be somewhere that does not check it (a long sort, a
/// blocked output), the process is ended two seconds later with the same message and code.
fn arm_timeout(seconds: f64, token: CancellationToken) {
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs_f64(seconds));
        token.cancel();
        std::thread::sleep(Duration::from_secs(2));
        eprintln!("newsgraph: error: {}", timeout_message(seconds));
        std::process::exit(i32::from(EXIT_TIMEOUT));
    });
}

fn timeout_message(seconds: f64) -> String {
    format!("query stopped: it ran longer than --timeout {seconds} s")
}

/// Whether `e` comes from writing to a reader that went away (`| head`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn print_errors(s: &Summary) {
    for e in &s.errors {
        eprintln!("newsgraph: {e}");
    }
}

fn exit_for(s: &Summary) -> ExitCode {
    if s.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn extract_options(
    paths: Vec<PathBuf>,
    store: PathBuf,
    shard: Option<(usize, usize)>,
    prune: bool,
    c: &ExtractArgs,
    keep_quads: bool,
) -> ExtractOptions {
    ExtractOptions {
        paths,
        store,
        base: c.base.clone(),
        max_bytes: c.max_bytes,
        shard,
        prune,
        progress: !c.quiet && std::io::stderr().is_terminal(),
        keep_quads,
    }
}

/// Extract, and print the inputs that failed.
fn run_extract(opts: &ExtractOptions) -> anyhow::Result<Summary> {
    let s = pipeline::extract_into_store(opts)?;
    print_errors(&s);
    Ok(s)
}

fn summary_line(s: &Summary) -> String {
    format!(
        "{} documents ({} added, {} changed, {} unchanged, {} removed), {} sentences, {} entities, {} events, {} memberships, {} quads in {:.2}s",
        s.documents, s.added, s.changed, s.unchanged, s.removed, s.sentences, s.entities, s.events, s.memberships, s.quads,
        s.elapsed.as_secs_f64()
    )
}

fn create(path: &Path) -> anyhow::Result<std::io::BufWriter<std::fs::File>> {
    if let Some(p) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(p)
            .with_context(|| format!("{}: cannot create folder", p.display()))?;
    }
    let f =
        std::fs::File::create(path).with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(std::io::BufWriter::new(f))
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build {
            paths,
            out,
            max_nodes,
            render_timeout,
            common,
        } => {
            let store_dir = out.join("store");
            let trig = out.join("graph.trig");
            // Default backend: the quads go to the snapshot only, never into a store; then the
            // TriG streams from the snapshot while the DOT views' data is read from it, one
            // document at a time, side by side. Reading after the extraction, not while it
            // runs, keeps the documents' records and the views' data out of memory at the same
            // time. RocksDB: both are read from the store, side by side.
            let rocksdb = cfg!(feature = "rocksdb");
            let opts = extract_options(paths, store_dir.clone(), None, false, &common, rocksdb);
            let s = run_extract(&opts)?;
            let snapshot = store::SnapshotIndex::open(&store_dir)?;
            let gs = match &snapshot {
                Some(_) => None,
                None => Some(GraphStore::open(&store_dir, Mode::Read, &common.base)?),
            };
            // The TriG export and the DOT views (and their SVG renderings) only read: they
            // run side by side.
            let draw = |data: &graph::ViewData| -> anyhow::Result<(Vec<String>, bool)> {
                let mut rendered = Vec::new();
                let mut dot_missing = false;
                for (name, view) in [
                    ("actors", graph::View::Actors),
                    ("events", graph::View::Events),
                ] {
                    let opts = graph::ViewOptions {
                        view,
                        max_nodes,
                        ..Default::default()
                    };
                    let g = graph::build_view_from(data, &opts)?;
                    let path = out.join(format!("{name}.dot"));
                    std::fs::write(&path, graph::to_dot(&g))
                        .with_context(|| format!("{}: cannot write", path.display()))?;
                    if let Some(cut) = &g.cut {
                        eprintln!("newsgraph: {}: {}", path.display(), cut.describe(view));
                    }
                    let timeout = std::time::Duration::from_secs(render_timeout);
                    match graph::render_with_timeout(&path, "svg", timeout) {
                        Ok(p) => rendered.push(p.display().to_string()),
                        Err(graph::GraphError::DotMissing) => dot_missing = true,
                        Err(e) => eprintln!("newsgraph: {e}"),
                    }
                }
                Ok((rendered, dot_missing))
            };
            let (exported, data, drawn) = std::thread::scope(|scope| {
                let export = scope.spawn(|| -> anyhow::Result<()> {
                    let mut w = create(&trig)?;
                    match (&snapshot, &gs) {
                        (Some(snap), _) => export::export_snapshot(snap, Format::TriG, &mut w)?,
                        (None, Some(gs)) => export::export(gs.store(), Format::TriG, &mut w)?,
                        (None, None) => {}
                    }
                    w.flush()?;
                    Ok(())
                });
                let data = match (&snapshot, &gs) {
                    (Some(snap), _) => graph::ViewData::from_snapshot(snap),
                    (None, Some(gs)) => graph::ViewData::load(gs.store()),
                    (None, None) => Err(graph::GraphError::Query("no store to draw".into())),
                }
                .map_err(anyhow::Error::from);
                let drawn = data
                    .as_ref()
                    .map_err(|e| anyhow::anyhow!("{e}"))
                    .and_then(draw);
                let exported = export
                    .join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("the TriG export panicked")));
                (exported, data, drawn)
            });
            exported?;
            let data = data?;
            let (rendered, dot_missing) = drawn?;
            emit(&format!("{}\n", summary_line(&s)))?;
            emit(&format!(
                "wrote {}, {}, {}, {}{}{}\n",
                store_dir.display(),
                trig.display(),
                out.join("actors.dot").display(),
                out.join("events.dot").display(),
                if rendered.is_empty() {
                    String::new()
                } else {
                    format!(", {}", rendered.join(", "))
                },
                if dot_missing {
                    " (install Graphviz for SVG renderings: apt-get install graphviz / brew \
                     install graphviz)"
                } else {
                    ""
                }
            ))?;
            // The process ends now: freeing millions of in-memory quads one allocation at a
            // time took over a minute at 10,000 articles. Everything is written and
            // committed; a RocksDB reader is closed properly.
            if !rocksdb {
                std::mem::forget(gs);
                std::mem::forget(data);
            }
            Ok(exit_for(&s))
        }
        Command::Extract {
            paths,
            store,
            shard,
            prune,
            common,
        } => {
            let opts = extract_options(paths, store, shard, prune, &common, false);
            let s = run_extract(&opts)?;
            emit(&format!("{}\n", summary_line(&s)))?;
            Ok(exit_for(&s))
        }
        Command::Query {
            query,
            file,
            format,
            store,
            timeout,
        } => {
            let text = match (query, file) {
                (Some(q), None) => q,
                (None, Some(f)) => std::fs::read_to_string(&f)
                    .with_context(|| format!("{}: cannot read query", f.display()))?,
                (Some(_), Some(_)) => {
                    bail!("give the query either as an argument or with --file, not both")
                }
                (None, None) => bail!("no query: give it as an argument or with --file"),
            };
            let gs = GraphStore::open(&store, Mode::Read, DEFAULT_BASE)?;
            let token = CancellationToken::new();
            if let Some(seconds) = timeout {
                arm_timeout(seconds, token.clone());
            }
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let outcome = gs
                .query_cancellable(&text, token.clone())
                .map_err(anyhow::Error::from)
                .and_then(|results| write_results(results, format, &mut out))
                .and_then(|()| Ok(out.flush()?));
            match (outcome, timeout) {
                (Ok(()), _) => Ok(ExitCode::SUCCESS),
                (Err(_), Some(seconds)) if token.is_cancelled() => {
                    eprintln!("newsgraph: error: {}", timeout_message(seconds));
                    Ok(ExitCode::from(EXIT_TIMEOUT))
                }
                (Err(e), _) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
                (Err(e), _) => Err(e),
            }
        }
        Command::Export {
            format,
            canonical,
            output,
            store,
        } => {
            let fmt: Format = format.parse()?;
            // The default backend exports from the snapshot, without loading it into a
            // store (quad formats stream it; triple formats merge-sort it on disk).
            let snapshot = if !canonical {
                store::SnapshotIndex::open(&store)?
            } else {
                None
            };
            let gs = match snapshot {
                Some(_) => None,
                None => Some(GraphStore::open(&store, Mode::Read, DEFAULT_BASE)?),
            };
            let mut w: Box<dyn Write> = match &output {
                Some(p) => Box::new(create(p)?),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            let written = match (&snapshot, &gs) {
                (Some(snap), _) => export::export_snapshot(snap, fmt, &mut w),
                (None, Some(gs)) if canonical => export::export_canonical(gs.store(), &mut w),
                (None, Some(gs)) => export::export(gs.store(), fmt, &mut w),
                (None, None) => Ok(()), // not reached: without a snapshot the store is open
            };
            match written
                .map_err(anyhow::Error::from)
                .and_then(|()| Ok(w.flush()?))
            {
                Err(e) if output.is_none() && is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
                other => other.map(|()| ExitCode::SUCCESS),
            }
        }
        Command::Dot {
            view,
            cluster,
            focus,
            depth,
            min_evidence,
            types,
            since,
            until,
            max_nodes,
            output,
            render,
            render_timeout,
            store,
        } => {
            // Default backend: the view data streams from the snapshot, one document at a
            // time, without loading the store.
            let data = match store::SnapshotIndex::open(&store)? {
                Some(snapshot) => graph::ViewData::from_snapshot(&snapshot)?,
                None => graph::ViewData::load(
                    GraphStore::open(&store, Mode::Read, DEFAULT_BASE)?.store(),
                )?,
            };
            let view = match view.as_str() {
                "actors" => graph::View::Actors,
                "events" => graph::View::Events,
                v => bail!("unknown view {v:?}: use actors or events"),
            };
            let cluster = match cluster.as_str() {
                "document" => graph::Cluster::Document,
                "date" => graph::Cluster::Date,
                c => bail!("unknown cluster {c:?}: use document or date"),
            };
            let opts = graph::ViewOptions {
                view,
                cluster,
                focus,
                depth,
                min_evidence,
                types,
                since,
                until,
                max_nodes,
            };
            let g = graph::build_view_from(&data, &opts)?;
            if let Some(cut) = &g.cut {
                eprintln!("newsgraph: {}", cut.describe(view));
            }
            let dot = graph::to_dot(&g);
            match &output {
                Some(p) => {
                    std::fs::write(p, &dot)
                        .with_context(|| format!("{}: cannot write", p.display()))?;
                    if let Some(fmt) = render {
                        let timeout = std::time::Duration::from_secs(render_timeout);
                        let r = graph::render_with_timeout(p, &fmt, timeout)?;
                        eprintln!("rendered {}", r.display());
                    }
                }
                None => {
                    if render.is_some() {
                        bail!("--render needs -o FILE");
                    }
                    emit(&dot)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { name, store } => {
            let gs = GraphStore::open(&store, Mode::Read, DEFAULT_BASE)?;
            let text = newsgraph::explain::explain(gs.store(), &name)?;
            emit(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Inspect { path, json } => {
            let lexicon = newsgraph::lexicon::Lexicon::builtin()?;
            let input = newsgraph::ingest::Input {
                path: path.clone(),
                rel_path: path.display().to_string(),
            };
            let (doc, ex) =
                pipeline::process(&input, newsgraph::ingest::DEFAULT_MAX_BYTES, lexicon)?;
            if json {
                emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(
                        &serde_json::json!({ "document": doc, "extraction": ex })
                    )?
                ))?;
            } else {
                emit(&newsgraph::extract::describe(&doc, &ex))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Evaluate {
            gold,
            format,
            store,
        } => {
            let gs = GraphStore::open(&store, Mode::Read, DEFAULT_BASE)?;
            let g = newsgraph::evaluate::Gold::from_path(&gold)?;
            let report = newsgraph::evaluate::evaluate(gs.store(), &g)?;
            match format.as_str() {
                "json" => emit(&format!("{}\n", report.to_json()))?,
                "table" => emit(&report.to_table())?,
                f => bail!("unknown format {f:?}: use table or json"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Write to standard output; a reader that went away (`| head`) is not an error.
fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn term_text(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

fn write_results(
    results: QueryResults<'_>,
    format: Option<QueryFormat>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let tty = std::io::stdout().is_terminal();
    match results {
        QueryResults::Graph(triples) => {
            let fmt = match format {
                None | Some(QueryFormat::Turtle) | Some(QueryFormat::Table) => RdfFormat::Turtle,
                Some(QueryFormat::Ntriples) => RdfFormat::NTriples,
                Some(QueryFormat::Rdfxml) => RdfFormat::RdfXml,
                Some(QueryFormat::Jsonld) => RdfFormat::JsonLd { profile: Default::default() },
                Some(f) => bail!("--format {f:?} is for SELECT/ASK results; use turtle, ntriples, rdfxml or jsonld for CONSTRUCT/DESCRIBE"),
            };
            let mut ser = RdfSerializer::from_format(fmt);
            for (p, ns) in newsgraph::rdf::vocab::PREFIXES {
                ser = ser.with_prefix(*p, *ns)?;
            }
            let mut w = ser.for_writer(out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?;
        }
        QueryResults::Boolean(b) => match format {
            None | Some(QueryFormat::Table) => writeln!(out, "{b}")?,
            Some(f) => {
                let rf = results_format(f)?;
                QueryResultsSerializer::from_format(rf).serialize_boolean_to_writer(out, b)?;
            }
        },
        QueryResults::Solutions(solutions) => {
            let format = format.unwrap_or(if tty {
                QueryFormat::Table
            } else {
                QueryFormat::Csv
            });
            if format == QueryFormat::Table {
                write_table(solutions, out)?;
            } else {
                let rf = results_format(format)?;
                let mut w = QueryResultsSerializer::from_format(rf)
                    .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
                for s in solutions {
                    w.serialize(&s?)?;
                }
                w.finish()?;
            }
        }
    }
    Ok(())
}

/// Rows of the table whose cells set the column widths; later rows are written as they come
/// (a cell wider than its column pushes the rest of its line right), so that a query with
/// millions of solutions is never held in memory.
const TABLE_WIDTH_ROWS: usize = 1000;

/// Widest cell of the table, in characters; longer values end with `…`.
const TABLE_MAX_CELL: usize = 80;

fn write_table(
    solutions: oxigraph::sparql::QuerySolutionIter<'_>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let vars: Vec<String> = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_string())
        .collect();
    let cell = |c: String| -> String {
        if c.chars().count() > TABLE_MAX_CELL {
            c.chars()
                .take(TABLE_MAX_CELL - 1)
                .map(|ch| if ch == '\n' { ' ' } else { ch })
                .chain(['…'])
                .collect()
        } else {
            c.replace('\n', " ")
        }
    };
    let mut solutions = solutions.map(|s| -> anyhow::Result<Vec<String>> {
        let s = s?;
        Ok(vars
            .iter()
            .map(|v| cell(s.get(v.as_str()).map(term_text).unwrap_or_default()))
            .collect())
    });
    let mut head = Vec::new();
    for row in solutions.by_ref().take(TABLE_WIDTH_ROWS) {
        head.push(row?);
    }
    let mut widths: Vec<usize> = vars.iter().map(|v| v.chars().count() + 1).collect();
    for r in &head {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let text = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join(" │ ");
        writeln!(out, "{text}")
    };
    let header: Vec<String> = vars.iter().map(|v| format!("?{v}")).collect();
    line(out, &header)?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("─┼─")
    )?;
    let mut n = 0usize;
    for r in head {
        line(out, &r)?;
        n += 1;
    }
    for r in solutions {
        line(out, &r?)?;
        n += 1;
    }
    writeln!(out, "({n} rows)")?;
    Ok(())
}

fn results_format(f: QueryFormat) -> anyhow::Result<QueryResultsFormat> {
    Ok(match f {
        QueryFormat::Csv => QueryResultsFormat::Csv,
        QueryFormat::Tsv => QueryResultsFormat::Tsv,
        QueryFormat::Json => QueryResultsFormat::Json,
        QueryFormat::Xml => QueryResultsFormat::Xml,
        other => {
            bail!("--format {other:?} is for CONSTRUCT/DESCRIBE; use table, csv, tsv, json or xml")
        }
    })
}
