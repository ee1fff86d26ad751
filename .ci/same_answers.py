#!/usr/bin/env python3
"""The same SPARQL questions asked of newsgraph and of other engines over its export (run by
.ci/run and .ci/virtuoso.sh); any difference in the answers fails.

Usage: same_answers.py NEWSGRAPH_BINARY STORE_DIR EXPORT_DIR [--virtuoso SPARQL_ENDPOINT_URL]

Engines: newsgraph (`query --format json`), rdflib (out/export/graph.nq in a Dataset with the
union of all graphs as default graph, like newsgraph), and Virtuoso when --virtuoso gives the
URL of a server that has bulk-loaded graph.nq (.ci/virtuoso.sh). Virtuoso's default graph
without FROM is also the union of all graphs; its own system graphs are filtered out by the
questions (every question that names ?g keeps only newsgraph's graphs).

Answers are compared as sets of rows of (kind, lexical form, datatype or language) per
variable, so that a literal and an IRI with the same text differ, and `"1"^^xsd:integer`
equals `"1"^^xsd:integer` whatever the engine's JSON encodes. Every question must also have a
non-empty answer in newsgraph, so that two empty answers never pass as "the same".
"""

import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

PREFIXES = """PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

OURS = 'FILTER(STRSTARTS(STR(?g), "https://w3id.org/newsgraph/"))'

# name -> query. Aggregates count DISTINCT or per named graph: oxigraph 0.5 evaluates the union
# default graph as a bag (oxigraph#1919), the other engines as a set.
QUESTIONS = {
    "quads in all newsgraph graphs": f"""
SELECT (COUNT(*) AS ?quads) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }}""",
    "quads per named graph": f"""
SELECT ?g (COUNT(*) AS ?quads) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }} GROUP BY ?g""",
    "named graphs, distinct subjects, distinct triples": f"""
SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?s) AS ?subjects)
       (COUNT(DISTINCT CONCAT(STR(?s), " ", STR(?p), " ", STR(?o))) AS ?triples)
WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }}""",
    # Where and when come from a subquery: with the two OPTIONALs inline, Virtuoso 7.2.5
    # (Debian's) drops 2 of the 24 rows (3 without the ?text join) that newsgraph and rdflib
    # both return — events whose facts are spread over several sentence graphs.
    "who met whom, where and when, from which sentence": """
SELECT DISTINCT ?a ?b ?place ?date ?sentence ?text WHERE {
  ?e a ng:Meeting ; sem:hasActor ?x, ?y ; prov:wasDerivedFrom ?sentence .
  ?x rdfs:label ?a . ?y rdfs:label ?b .
  FILTER(STR(?a) < STR(?b))
  ?sentence nif:anchorOf ?text .
  { SELECT DISTINCT ?e ?place ?date WHERE {
      ?e a ng:Meeting .
      OPTIONAL { ?e sem:hasPlace/rdfs:label ?place }
      OPTIONAL { ?e sem:hasTimeStamp ?date } } }
}""",
    "the Witkoff-Putin meeting's source sentences": """
SELECT DISTINCT ?sentence ?begin ?end ?text ?file WHERE {
  ?e a ng:Meeting ; sem:hasActor ?x, ?y ; prov:wasDerivedFrom ?sentence .
  ?x rdfs:label "Steve Witkoff" . ?y rdfs:label "Vladimir Putin" .
  ?sentence nif:anchorOf ?text ; nif:beginIndex ?begin ; nif:endIndex ?end ;
            nif:referenceContext ?doc .
  OPTIONAL { ?doc ng:sourcePath ?file }
}""",
    "events per type (distinct)": """
SELECT ?type (COUNT(DISTINCT ?e) AS ?events) WHERE { ?e a sem:Event, ?type . FILTER(?type != sem:Event) }
GROUP BY ?type""",
}

XSD = "http://www.w3.org/2001/XMLSchema#"


def norm_json_term(t):
    """A SPARQL JSON results term as (kind, lexical, datatype-or-lang)."""
    if t is None:
        return None
    kind = t["type"]
    if kind == "uri":
        return ("iri", t["value"], "")
    if kind == "bnode":
        return ("bnode", "", "")
    lang = t.get("xml:lang")
    if lang:
        return ("literal", t["value"], "@" + lang.lower())
    dt = t.get("datatype", XSD + "string")
    value = t["value"]
    if dt in (XSD + "integer", XSD + "long", XSD + "int"):
        dt, value = XSD + "integer", str(int(value))
    return ("literal", value, dt)


def norm_json_results(doc):
    variables = doc["head"]["vars"]
    rows = set()
    for b in doc["results"]["bindings"]:
        rows.add(tuple(norm_json_term(b.get(v)) for v in variables))
    return variables, rows


def ask_newsgraph(binary, store, query):
    out = subprocess.run([binary, "query", "--store", store, "--format", "json", query],
                         check=True, capture_output=True, text=True)
    return norm_json_results(json.loads(out.stdout))


def ask_virtuoso(endpoint, query):
    data = urllib.parse.urlencode({"query": query, "timeout": "60000"}).encode()
    req = urllib.request.Request(endpoint, data=data,
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return norm_json_results(json.loads(r.read().decode("utf-8")))


def rdflib_engine(export_dir):
    from rdflib import BNode, Dataset, Literal, URIRef

    ds = Dataset(default_union=True)
    ds.parse(os.path.join(export_dir, "graph.nq"), format="nquads")

    def term(t):
        if t is None:
            return None
        if isinstance(t, URIRef):
            return ("iri", str(t), "")
        if isinstance(t, BNode):
            return ("bnode", "", "")
        assert isinstance(t, Literal)
        if t.language:
            return ("literal", str(t), "@" + t.language.lower())
        dt = str(t.datatype) if t.datatype else XSD + "string"
        value = str(t)
        if dt in (XSD + "integer", XSD + "long", XSD + "int"):
            value = str(int(value))
        return ("literal", value, dt)

    def ask(query):
        res = ds.query(query)
        variables = [str(v) for v in res.vars]
        return variables, {tuple(term(row[v]) for v in variables) for row in res}

    return ask


def show(row):
    return " | ".join("-" if t is None else t[1] for t in row)


def main():
    args = sys.argv[1:]
    endpoint = None
    if "--virtuoso" in args:
        i = args.index("--virtuoso")
        endpoint = args[i + 1]
        del args[i:i + 2]
    binary, store, export_dir = args[:3]
    engines = {"rdflib": rdflib_engine(export_dir)}
    if endpoint:
        engines["Virtuoso"] = lambda q: ask_virtuoso(endpoint, q)
    failures = []
    for name, body in QUESTIONS.items():
        query = PREFIXES + body
        variables, ours = ask_newsgraph(binary, store, query)
        if not ours or all(all(t is None for t in row) for row in ours):
            failures.append(f"{name}: newsgraph has no answer")
            print(f"FAIL: {name}: newsgraph has no answer", flush=True)
            continue
        for engine, ask in engines.items():
            their_vars, theirs = ask(query)
            if their_vars != variables:
                msg = f"{name}: {engine} answers variables {their_vars}, newsgraph {variables}"
            elif theirs != ours:
                only_them = sorted(theirs - ours, key=str)[:5]
                only_us = sorted(ours - theirs, key=str)[:5]
                msg = (f"{name}: {engine} differs ({len(theirs)} rows vs {len(ours)}); "
                       f"only {engine}: {[show(r) for r in only_them]}; "
                       f"only newsgraph: {[show(r) for r in only_us]}")
            else:
                print(f"ok:   {name}: {len(ours)} row(s), same in {engine} and newsgraph", flush=True)
                continue
            print(f"FAIL: {msg}", flush=True)
            failures.append(msg)
        if len(ours) <= 3:
            for row in sorted(ours, key=str):
                print(f"      {show(row)}", flush=True)
    if failures:
        print(f"\n{len(failures)} question(s) answered differently:", *failures, sep="\n  ")
        sys.exit(1)
    print(f"all {len(QUESTIONS)} questions answered the same by newsgraph and "
          f"{', '.join(engines)}")


if __name__ == "__main__":
    main()
