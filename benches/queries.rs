//! In-process latency of the typical queries in `benches/queries/*.rq` on an existing store
//! (store opening excluded): `NEWSGRAPH_BENCH_STORE=DIR cargo bench --bench queries`.
//! Placeholders: `ACTOR` (a person's label) and `EVENT` (an event IRI) are replaced by the
//! values of `$NEWSGRAPH_BENCH_ACTOR` / `$NEWSGRAPH_BENCH_EVENT`, or else picked from the
//! store (the person in most events; the event with most source sentences).
//! Prints one line per query: `name<TAB>median_ms<TAB>min_ms<TAB>rows`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsgraph::store::{GraphStore, Mode};
use oxigraph::sparql::QueryResults;

fn rows(gs: &GraphStore, q: &str) -> (usize, Option<String>) {
    match gs.query(q).expect("query") {
        QueryResults::Solutions(s) => {
            let mut n = 0;
            let mut first = None;
            for row in s {
                let row = row.expect("row");
                if first.is_none() {
                    first = row.iter().next().map(|(_, t)| match t {
                        oxigraph::model::Term::Literal(l) => l.value().to_string(),
                        oxigraph::model::Term::NamedNode(n) => n.as_str().to_string(),
                        t => t.to_string(),
                    });
                }
                n += 1;
            }
            (n, first)
        }
        QueryResults::Boolean(_) => (1, None),
        QueryResults::Graph(g) => (g.count(), None),
    }
}

fn main() {
    let store = PathBuf::from(std::env::var("NEWSGRAPH_BENCH_STORE").unwrap_or_else(|_| {
        eprintln!("set NEWSGRAPH_BENCH_STORE to a store folder");
        std::process::exit(0)
    }));
    let runs: usize = std::env::var("NEWSGRAPH_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let t = Instant::now();
    let gs =
        GraphStore::open(&store, Mode::Read, "https://w3id.org/newsgraph/id/").expect("open store");
    eprintln!(
        "opened {} in {:.2}s",
        store.display(),
        t.elapsed().as_secs_f64()
    );
    let actor = std::env::var("NEWSGRAPH_BENCH_ACTOR").ok().unwrap_or_else(|| {
        rows(&gs, "SELECT ?l (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e sem:hasActor ?p . ?p a schema:Person ; rdfs:label ?l . ?m org:member ?p } GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1")
            .1
            .unwrap_or_default()
    });
    let event = std::env::var("NEWSGRAPH_BENCH_EVENT").ok().unwrap_or_else(|| {
        rows(&gs, "SELECT ?e (COUNT(DISTINCT ?s) AS ?n) WHERE { ?e a ng:Meeting ; prov:wasDerivedFrom ?s } GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1")
            .1
            .unwrap_or_default()
    });
    eprintln!("ACTOR = {actor:?}, EVENT = <{event}>");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/queries");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("benches/queries")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    files.sort();
    for f in files {
        let q = std::fs::read_to_string(&f)
            .expect("query file")
            .replace("ACTOR", &actor.replace('"', "\\\""))
            .replace("EVENT", &event);
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..runs {
            let t = Instant::now();
            n = rows(&gs, &q).0;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let name = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{name}\t{:.1}\t{:.1}\t{n}",
            times[times.len() / 2],
            times[0]
        );
    }
}
