//! Reads what the evaluation needs from a store, with SPARQL over the union of all graphs.

use crate::rdf::vocab;
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};

use super::gold::EntityType;
use super::EvalError;

/// An entity (or any labelled node) of the graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphEntity {
    /// `schema:Person` / `schema:Organization` / `schema:Place` types it has.
    pub types: BTreeSet<EntityType>,
    /// `rdfs:label` values.
    pub labels: BTreeSet<String>,
    /// `skos:altLabel` values.
    pub alt_labels: BTreeSet<String>,
}

impl GraphEntity {
    /// A display name: the smallest `rdfs:label`, else the smallest `skos:altLabel`, else "".
    pub fn display_label(&self) -> &str {
        self.labels
            .iter()
            .next()
            .or_else(|| self.alt_labels.iter().next())
            .map_or("", String::as_str)
    }

    /// All labels and alternative labels.
    pub fn all_labels(&self) -> impl Iterator<Item = &String> {
        self.labels.iter().chain(self.alt_labels.iter())
    }
}

/// An `org:Membership`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphMembership {
    /// The membership node.
    pub iri: String,
    /// `org:member` values.
    pub members: BTreeSet<String>,
    /// `org:organization` values.
    pub organizations: BTreeSet<String>,
    /// Labels of its `org:role` (or the role itself when it is a literal).
    pub role_labels: BTreeSet<String>,
}

/// A `sem:Event`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphEvent {
    /// Local names of its classes in the `ng:` namespace (`Meeting`, …).
    pub classes: BTreeSet<String>,
    /// `sem:hasActor` values.
    pub actors: BTreeSet<String>,
    /// `sem:hasPlace` values.
    pub places: BTreeSet<String>,
    /// Lexical values of `sem:hasTimeStamp`.
    pub timestamps: BTreeSet<String>,
    /// Sentences it is asserted in (named graph) or `prov:wasDerivedFrom`.
    pub sentences: BTreeSet<String>,
}

/// A `nif:Sentence`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphSentence {
    /// Its document node (`nif:referenceContext`), if any.
    pub document: Option<String>,
    /// `nif:anchorOf` (empty when missing).
    pub anchor: String,
}

/// Everything the scorer reads from the store. Nodes are keyed by their N-Triples form.
#[derive(Debug, Clone, Default)]
pub struct GraphData {
    /// Every node with a type of interest or a label.
    pub entities: BTreeMap<String, GraphEntity>,
    /// Memberships by node.
    pub memberships: BTreeMap<String, GraphMembership>,
    /// Events by node.
    pub events: BTreeMap<String, GraphEvent>,
    /// Sentences by node.
    pub sentences: BTreeMap<String, GraphSentence>,
    /// Document node → base names of its source file (`ng:sourcePath`, else `dcterms:source`).
    pub document_files: BTreeMap<String, BTreeSet<String>>,
    /// (document node, entity node) pairs with a `nif:Phrase` of that document referring to it.
    pub mentions: BTreeSet<(String, String)>,
}

impl GraphData {
    /// Source file base names of a sentence's document.
    pub fn sentence_files(&self, sentence: &str) -> impl Iterator<Item = &String> {
        self.sentences
            .get(sentence)
            .and_then(|s| s.document.as_ref())
            .and_then(|d| self.document_files.get(d))
            .into_iter()
            .flatten()
    }

    /// Reads the store.
    pub fn load(store: &Store) -> Result<Self, EvalError> {
        let mut data = GraphData::default();

        for row in select(
            store,
            "entity types",
            &format!(
                "SELECT ?e ?t WHERE {{ ?e a ?t . VALUES ?t {{ <{}> <{}> <{}> }} }}",
                vocab::schema::PERSON.as_str(),
                vocab::schema::ORGANIZATION.as_str(),
                vocab::schema::PLACE.as_str()
            ),
        )? {
            let (Some(e), Some(t)) = (node(&row, "e"), node(&row, "t")) else {
                continue;
            };
            let ty = if t == vocab::schema::PERSON.to_string() {
                EntityType::Person
            } else if t == vocab::schema::ORGANIZATION.to_string() {
                EntityType::Organization
            } else {
                EntityType::Place
            };
            data.entities.entry(e).or_default().types.insert(ty);
        }

        for row in select(store, "labels", "SELECT ?e ?l ?alt WHERE { \
            { ?e rdfs:label ?l BIND(false AS ?alt) } UNION { ?e skos:altLabel ?l BIND(true AS ?alt) } }")?
        {
            let (Some(e), Some(l)) = (node(&row, "e"), lexical(&row, "l")) else { continue };
            let alt = lexical(&row, "alt").as_deref() == Some("true");
            let entity = data.entities.entry(e).or_default();
            if alt {
                entity.alt_labels.insert(l);
            } else {
                entity.labels.insert(l);
            }
        }

        for row in select(
            store,
            "documents",
            "SELECT ?d ?p WHERE { \
            { ?d ng:sourcePath ?p } UNION { ?d dcterms:source ?p } }",
        )? {
            let (Some(d), Some(p)) = (node(&row, "d"), lexical(&row, "p")) else {
                continue;
            };
            data.document_files
                .entry(d)
                .or_default()
                .insert(base_name(&p).to_string());
        }

        for row in select(
            store,
            "sentences",
            "SELECT ?s ?d ?a WHERE { ?s a nif:Sentence . \
            OPTIONAL { ?s nif:referenceContext ?d } OPTIONAL { ?s nif:anchorOf ?a } }",
        )? {
            let Some(s) = node(&row, "s") else { continue };
            let sentence = data.sentences.entry(s).or_default();
            if let Some(d) = node(&row, "d") {
                sentence.document.get_or_insert(d);
            }
            if let Some(a) = lexical(&row, "a") {
                if sentence.anchor.is_empty() {
                    sentence.anchor = a;
                }
            }
        }

        for row in select(
            store,
            "mentions",
            "SELECT DISTINCT ?d ?e WHERE { \
            ?m a nif:Phrase ; itsrdf:taIdentRef ?e . \
            { ?m nif:referenceContext ?d } UNION { ?m nif:sentence/nif:referenceContext ?d } }",
        )? {
            let (Some(d), Some(e)) = (node(&row, "d"), node(&row, "e")) else {
                continue;
            };
            data.mentions.insert((d, e));
        }

        for row in select(store, "memberships", "SELECT ?m ?member ?org ?role ?rl WHERE { \
            ?m a org:Membership . \
            OPTIONAL { ?m org:member ?member } OPTIONAL { ?m org:organization ?org } \
            OPTIONAL { ?m org:role ?role OPTIONAL { ?role rdfs:label|skos:prefLabel|skos:altLabel ?rl } } }")?
        {
            let Some(m) = node(&row, "m") else { continue };
            let membership = data.memberships.entry(m.clone()).or_default();
            membership.iri = m;
            if let Some(member) = node(&row, "member") {
                membership.members.insert(member);
            }
            if let Some(org) = node(&row, "org") {
                membership.organizations.insert(org);
            }
            if let Some(Term::Literal(l)) = row.get("role") {
                membership.role_labels.insert(l.value().to_string());
            }
            if let Some(rl) = lexical(&row, "rl") {
                membership.role_labels.insert(rl);
            }
        }

        for row in select(
            store,
            "event graphs",
            "SELECT ?e ?g WHERE { GRAPH ?g { ?e a sem:Event } }",
        )? {
            let Some(e) = node(&row, "e") else { continue };
            let event = data.events.entry(e).or_default();
            if let Some(g) = node(&row, "g") {
                if data.sentences.contains_key(&g) {
                    event.sentences.insert(g);
                }
            }
        }
        // Also events typed in the default graph only (not written by newsgraph, but possible).
        for row in select(
            store,
            "events",
            "SELECT ?e ?p ?o WHERE { ?e a sem:Event . \
            { ?e a ?o BIND(rdf:type AS ?p) } UNION { ?e sem:hasActor ?o BIND(sem:hasActor AS ?p) } \
            UNION { ?e sem:hasPlace ?o BIND(sem:hasPlace AS ?p) } \
            UNION { ?e sem:hasTimeStamp ?o BIND(sem:hasTimeStamp AS ?p) } \
            UNION { ?e prov:wasDerivedFrom ?o BIND(prov:wasDerivedFrom AS ?p) } }",
        )? {
            let (Some(e), Some(p), Some(o)) = (node(&row, "e"), row.get("p"), row.get("o")) else {
                continue;
            };
            let Term::NamedNode(p) = p else { continue };
            let event = data.events.entry(e).or_default();
            let p = p.as_ref();
            if p == oxigraph::model::vocab::rdf::TYPE {
                if let Term::NamedNode(c) = o {
                    if let Some(local) = c.as_str().strip_prefix(vocab::NG) {
                        event.classes.insert(local.to_string());
                    }
                }
            } else if p == vocab::sem::HAS_ACTOR {
                event.actors.insert(o.to_string());
            } else if p == vocab::sem::HAS_PLACE {
                event.places.insert(o.to_string());
            } else if p == vocab::sem::HAS_TIME_STAMP {
                if let Term::Literal(l) = o {
                    event.timestamps.insert(l.value().to_string());
                }
            } else if p == vocab::prov::WAS_DERIVED_FROM {
                event.sentences.insert(o.to_string());
            }
        }
        Ok(data)
    }
}

/// The last path component of a (relative) path, `/` or `\` separated.
pub fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Runs a SELECT query with the union of the named graphs as default graph.
fn select(store: &Store, what: &'static str, query: &str) -> Result<Vec<QuerySolution>, EvalError> {
    let text = format!("{}{query}", vocab::sparql_prologue());
    let mut prepared = SparqlEvaluator::new()
        .parse_query(&text)
        .map_err(|source| EvalError::QuerySyntax { what, source })?;
    prepared.dataset_mut().set_default_graph_as_union();
    let results = prepared
        .on_store(store)
        .execute()
        .map_err(|source| EvalError::Query { what, source })?;
    let QueryResults::Solutions(solutions) = results else {
        return Ok(Vec::new());
    };
    solutions
        .map(|s| s.map_err(|source| EvalError::Query { what, source }))
        .collect()
}

/// A non-literal binding in N-Triples form (the key used for nodes).
fn node(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::Literal(_) => None,
        t => Some(t.to_string()),
    }
}

/// The lexical value of a literal binding.
fn lexical(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_names() {
        assert_eq!(base_name("a/b/003_x.txt"), "003_x.txt");
        assert_eq!(base_name("a\\003_x.txt"), "003_x.txt");
        assert_eq!(base_name("003_x.txt"), "003_x.txt");
    }
}
