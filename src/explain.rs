//! `newsgraph explain`: everything known about one actor or event, each fact followed by its
//! source (file, sentence number, sentence text).

use std::collections::BTreeMap;
use std::fmt::Write;

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;

use crate::store::{query_store, QueryError};

fn rows(store: &Store, q: &str) -> Result<Vec<BTreeMap<String, Term>>, QueryError> {
    let mut out = Vec::new();
    if let QueryResults::Solutions(sol) = query_store(store, q)? {
        for s in sol {
            let s = s.map_err(|e| QueryError::Evaluation(e.to_string()))?;
            out.push(
                s.iter()
                    .map(|(v, t)| (v.as_str().to_string(), t.clone()))
                    .collect(),
            );
        }
    }
    Ok(out)
}

fn text(t: Option<&Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(o) => o.to_string(),
        None => String::new(),
    }
}

fn sparql_string(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn short(iri: &str) -> String {
    for (p, ns) in crate::rdf::vocab::PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}:{rest}");
        }
    }
    iri.to_string()
}

/// Find the entities or events named `name` (label, alias, or IRI) and describe them.
pub fn explain(store: &Store, name: &str) -> Result<String, QueryError> {
    let targets: Vec<String> = if name.contains("://") {
        vec![name.to_string()]
    } else {
        let q = format!(
            "SELECT DISTINCT ?e WHERE {{ {{ ?e rdfs:label ?l }} UNION {{ ?e skos:altLabel ?l }} FILTER(LCASE(STR(?l)) = LCASE({})) }} ORDER BY ?e",
            sparql_string(name)
        );
        rows(store, &q)?.iter().map(|r| text(r.get("e"))).collect()
    };
    let mut out = String::new();
    if targets.is_empty() {
        let _ = writeln!(out, "nothing named {name:?} in the store");
        return Ok(out);
    }
    for t in targets {
        let iri = format!("<{t}>");
        let labels = rows(store, &format!("SELECT DISTINCT ?l ?a ?type WHERE {{ OPTIONAL {{ {iri} rdfs:label ?l }} OPTIONAL {{ {iri} skos:altLabel ?a }} OPTIONAL {{ {iri} a ?type }} }}"))?;
        let label = labels
            .iter()
            .find_map(|r| r.get("l"))
            .map(|l| text(Some(l)))
            .unwrap_or_else(|| t.clone());
        let mut alts: Vec<String> = labels
            .iter()
            .filter_map(|r| r.get("a"))
            .map(|a| text(Some(a)))
            .collect();
        alts.sort();
        alts.dedup();
        let mut types: Vec<String> = labels
            .iter()
            .filter_map(|r| r.get("type"))
            .map(|a| short(&text(Some(a))))
            .collect();
        types.sort();
        types.dedup();
        let _ = writeln!(out, "{label}  <{t}>");
        let _ = writeln!(out, "  types: {}", types.join(", "));
        if !alts.is_empty() {
            let _ = writeln!(out, "  also known as: {}", alts.join(", "));
        }
        // Facts about it, and facts of events/memberships that involve it, by source sentence.
        let q = format!(
            "SELECT DISTINCT ?s ?p ?o ?file ?n ?text WHERE {{
               {{ GRAPH ?g {{ {iri} ?p ?o }} BIND({iri} AS ?s) FILTER(?p NOT IN (rdf:type, rdfs:label, skos:altLabel)) }}
               UNION
               {{ GRAPH ?g {{ ?s ?p {iri} . ?s a ?k }} FILTER(?k IN (sem:Event, org:Membership)) BIND({iri} AS ?o) }}
               ?g a nif:Sentence ; ng:sentenceIndex ?n ; nif:anchorOf ?text ; nif:referenceContext ?d .
               ?d ng:sourcePath ?file .
             }} ORDER BY ?file ?n ?s ?p ?o"
        );
        let facts = rows(store, &q)?;
        let mut by_source: BTreeMap<(String, u64, String), Vec<String>> = BTreeMap::new();
        for r in &facts {
            let n: u64 = text(r.get("n")).parse().unwrap_or(0);
            let key = (text(r.get("file")), n, text(r.get("text")));
            let s = text(r.get("s"));
            let fact = if s == t {
                format!("{} {}", short(&text(r.get("p"))), short(&text(r.get("o"))))
            } else {
                let what = rows(
                    store,
                    &format!("SELECT ?l WHERE {{ <{s}> rdfs:label ?l }} LIMIT 1"),
                )?;
                let l = what
                    .first()
                    .map(|w| text(w.get("l")))
                    .unwrap_or_else(|| short(&s));
                format!("{} in: {l}", short(&text(r.get("p"))))
            };
            by_source.entry(key).or_default().push(fact);
        }
        if by_source.is_empty() {
            let _ = writeln!(out, "  (no facts)");
        }
        for ((file, n, sentence), facts) in by_source {
            for f in facts {
                let _ = writeln!(out, "  - {f}");
            }
            let _ = writeln!(out, "    source: {file} sentence {n}: {sentence}");
        }
        out.push('\n');
    }
    Ok(out)
}
