//! Store → petgraph: the SPARQL queries and the view models.
//!
//! Everything is read from the store through the RDF contract of `docs/RDF-MODEL.md`, with the
//! union of the named graphs as default graph. All intermediate collections are ordered
//! (`BTreeMap`/`BTreeSet`) so that the resulting graph, and the DOT text written from it, is
//! deterministic.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;
use unicode_normalization::UnicodeNormalization;

use super::{
    Cut, DiGraph, Edge, EdgeKind, Evidence, GraphError, Node, NodeIndex, NodeKind, View, ViewGraph,
    ViewOptions,
};
use crate::rdf::vocab;

/// Builds the requested view from the store.
///
/// Reads entities, mentions, sentences, documents, events and memberships with SPARQL over the
/// union of all named graphs, builds the [`View::Actors`] or [`View::Events`] model, then
/// applies the filters of [`ViewOptions`] in this order: event types and date range,
/// `min_evidence` on edges, focus and depth, (when `min_evidence > 1`) removal of the
/// nodes left without edges except the focus, and last `max_nodes`.
///
/// # Errors
/// [`GraphError::Query`] when a query fails, [`GraphError::FocusNotFound`] when a focus is given
/// and no entity has that label or alternative label.
pub fn build_view(store: &Store, opts: &ViewOptions) -> Result<ViewGraph, GraphError> {
    build_view_from(&ViewData::load(store)?, opts)
}

/// What the views are made from, read from a store once: [`build_view_from`] makes any
/// number of views of it (`build` writes both views from one read of the store).
#[derive(Debug)]
pub struct ViewData(Raw);

impl ViewData {
    /// Read entities, mentions, sentences, documents, events and memberships from the store
    /// (SPARQL over the union of the named graphs).
    ///
    /// # Errors
    /// [`GraphError::Query`] when a query fails.
    pub fn load(store: &Store) -> Result<Self, GraphError> {
        Raw::load(store).map(ViewData)
    }
}

/// Makes [`ViewData`] from quads as they are made, without a store: what `build` uses on the
/// default backend, where the quads go to the snapshot and never into a store. Give it every
/// quad of the store, each document's quads in one [`add`](Self::add) call (a sentence's
/// index, text and document, and a mention's entity and sentence, are joined within a call);
/// [`finish`](Self::finish) then gives what [`ViewData::load`] would read from a store
/// holding those quads (the two are compared in the tests).
#[derive(Debug, Default)]
pub struct ViewDataBuilder {
    raw: Raw,
    /// Types of subjects typed `sem:Event` or with a type in the `ng:` namespace.
    event_types: HashMap<String, BTreeSet<String>>,
    /// Subjects typed `org:Membership`.
    membership_subjects: BTreeSet<String>,
    /// `sem:hasActor` / `sem:hasPlace` / `sem:hasTimeStamp` / `prov:wasDerivedFrom` and
    /// `org:member` / `org:organization` / `org:role` values, by subject.
    props: HashMap<String, Vec<(String, String)>>,
}

impl ViewDataBuilder {
    /// A builder with nothing in it.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one document's quads (or any set of quads that holds, for each sentence and
    /// mention in it, all of their quads).
    pub fn add(&mut self, quads: &[oxigraph::model::Quad]) {
        use oxigraph::model::vocab::{rdf, rdfs};
        use vocab::{dcterms, itsrdf, ng, nif, org, prov, schema, sem, skos};
        fn text(t: &Term) -> String {
            match t {
                Term::NamedNode(n) => n.as_str().to_owned(),
                Term::BlankNode(b) => format!("_:{}", b.as_str()),
                Term::Literal(l) => l.value().to_owned(),
                #[allow(unreachable_patterns)]
                other => other.to_string(),
            }
        }
        type Local = HashMap<String, Vec<String>>;
        let (mut idx, mut ctx, mut anchor, mut path, mut src): (Local, Local, Local, Local, Local) =
            Default::default();
        let (mut ident, mut in_sentence): (Local, Local) = Default::default();
        for q in quads {
            let subject = match &q.subject {
                oxigraph::model::NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
                oxigraph::model::NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
            };
            let p = q.predicate.as_ref();
            let o = text(&q.object);
            let push = |m: &mut Local| m.entry(subject.clone()).or_default().push(o.clone());
            if p == rdf::TYPE {
                if o == sem::EVENT.as_str() || o.starts_with(vocab::NG) {
                    self.event_types.entry(subject).or_default().insert(o);
                } else if o == org::MEMBERSHIP.as_str() {
                    self.membership_subjects.insert(subject);
                } else if o == schema::PERSON.as_str()
                    || o == schema::ORGANIZATION.as_str()
                    || o == schema::PLACE.as_str()
                {
                    let kind = match local_name(&o) {
                        "Person" => NodeKind::Person,
                        "Organization" => NodeKind::Organization,
                        _ => NodeKind::Place,
                    };
                    let entry = self.raw.entity_kinds.entry(subject).or_insert(kind);
                    *entry = (*entry).min(kind);
                }
            } else if p == rdfs::LABEL {
                self.raw.labels.entry(subject).or_default().insert(o);
            } else if p == skos::ALT_LABEL {
                self.raw.alt_labels.entry(subject).or_default().insert(o);
            } else if p == ng::SENTENCE_INDEX {
                push(&mut idx);
            } else if p == nif::REFERENCE_CONTEXT {
                push(&mut ctx);
            } else if p == nif::ANCHOR_OF {
                push(&mut anchor);
            } else if p == ng::SOURCE_PATH {
                push(&mut path);
            } else if p == dcterms::SOURCE {
                push(&mut src);
            } else if p == itsrdf::TA_IDENT_REF {
                push(&mut ident);
            } else if p == nif::SENTENCE_PROP {
                push(&mut in_sentence);
            } else if p == sem::HAS_ACTOR
                || p == sem::HAS_PLACE
                || p == sem::HAS_TIME_STAMP
                || p == prov::WAS_DERIVED_FROM
                || p == org::MEMBER
                || p == org::ORGANIZATION
                || p == org::ROLE
            {
                self.props
                    .entry(subject)
                    .or_default()
                    .push((p.as_str().to_owned(), o));
            }
        }
        // Q_SENTENCES: every combination of index, document and the optional text, path and
        // source; the smallest evidence is kept, as `Raw::load` does.
        let none: Vec<String> = Vec::new();
        let or_none = |v: Option<&Vec<String>>| -> Vec<Option<String>> {
            match v {
                Some(v) if !v.is_empty() => v.iter().cloned().map(Some).collect(),
                _ => vec![None],
            }
        };
        for (sentence, indices) in &idx {
            for doc in ctx.get(sentence).unwrap_or(&none) {
                for i in indices {
                    for t in or_none(anchor.get(sentence)) {
                        for pa in or_none(path.get(doc)) {
                            for sr in or_none(src.get(doc)) {
                                let ev = Evidence {
                                    file: pa
                                        .clone()
                                        .or_else(|| sr.clone())
                                        .unwrap_or_else(|| doc.clone()),
                                    sentence_index: i.trim().parse::<u64>().unwrap_or(0),
                                    text: t.clone().unwrap_or_default(),
                                    sentence: sentence.clone(),
                                    document: doc.clone(),
                                };
                                match self.raw.sentences.get(sentence) {
                                    Some(old) if *old <= ev => {}
                                    _ => {
                                        self.raw.sentences.insert(sentence.clone(), ev);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Q_MENTIONS.
        for (m, entities) in ident {
            for e in entities {
                for s in in_sentence.get(&m).unwrap_or(&none) {
                    self.raw
                        .mention_sentences
                        .entry(e.clone())
                        .or_default()
                        .insert(s.clone());
                }
                self.raw.mentions.entry(e).or_default().insert(m.clone());
            }
        }
    }

    /// The view data of every quad added.
    pub fn finish(self) -> ViewData {
        let mut raw = self.raw;
        let sem_event = vocab::sem::EVENT.as_str();
        for (ev, types) in &self.event_types {
            if !types.contains(sem_event) {
                continue;
            }
            let info = raw.events.entry(ev.clone()).or_default();
            for t in types.iter().filter(|t| *t != sem_event) {
                info.types.insert(local_name(t).to_owned());
            }
        }
        let (actor, place, stamp, derived) = (
            vocab::sem::HAS_ACTOR.as_str(),
            vocab::sem::HAS_PLACE.as_str(),
            vocab::sem::HAS_TIME_STAMP.as_str(),
            vocab::prov::WAS_DERIVED_FROM.as_str(),
        );
        for (subject, props) in self.props {
            if let Some(info) = raw.events.get_mut(&subject) {
                for (p, o) in &props {
                    let set = match p.as_str() {
                        p if p == actor => &mut info.actors,
                        p if p == place => &mut info.places,
                        p if p == stamp => &mut info.stamps,
                        p if p == derived => &mut info.sentences,
                        _ => continue,
                    };
                    set.insert(o.clone());
                }
            }
            if self.membership_subjects.contains(&subject) {
                let info = raw.memberships.entry(subject).or_default();
                for (p, o) in props {
                    let set = match p.as_str() {
                        p if p == vocab::org::MEMBER.as_str() => &mut info.members,
                        p if p == vocab::org::ORGANIZATION.as_str() => &mut info.organizations,
                        p if p == vocab::org::ROLE.as_str() => &mut info.roles,
                        p if p == derived => &mut info.sentences,
                        _ => continue,
                    };
                    set.insert(o);
                }
            }
        }
        for m in self.membership_subjects {
            raw.memberships.entry(m).or_default();
        }
        ViewData(raw)
    }
}

impl ViewData {
    /// Read the view data from a default-backend snapshot, one document at a time, without
    /// loading it into a store (the same data as [`ViewData::load`] of the store it holds).
    ///
    /// # Errors
    /// [`GraphError::Query`] when the snapshot cannot be read or parsed.
    pub fn from_snapshot(snapshot: &crate::store::SnapshotIndex) -> Result<Self, GraphError> {
        let mut builder = ViewDataBuilder::new();
        let mut quads = Vec::new();
        snapshot.for_each_document(|text| -> Result<(), GraphError> {
            quads.clear();
            for q in oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
                .lenient()
                .for_slice(text.as_bytes())
            {
                quads.push(q.map_err(|e| GraphError::Query(format!("snapshot: {e}")))?);
            }
            builder.add(&quads);
            Ok(())
        })?;
        Ok(builder.finish())
    }
}

/// [`build_view`] from data already read.
///
/// # Errors
/// [`GraphError::FocusNotFound`] when a focus is given and no entity has that label or
/// alternative label.
pub fn build_view_from(data: &ViewData, opts: &ViewOptions) -> Result<ViewGraph, GraphError> {
    let raw = &data.0;
    let events = raw.selected_events(opts);
    let (mut nodes, mut edges) = match opts.view {
        View::Actors => actors_model(raw, &events),
        View::Events => events_model(raw, &events),
    };

    edges.retain(|_, e| e.evidence.len() >= opts.min_evidence);

    let mut focus_ids = BTreeSet::new();
    if let Some(focus) = &opts.focus {
        focus_ids = raw.find_entities(focus);
        if focus_ids.is_empty() {
            return Err(GraphError::FocusNotFound(focus.clone()));
        }
        for id in &focus_ids {
            if !nodes.contains_key(id) {
                nodes.insert(id.clone(), raw.entity_node(id));
            }
        }
        let keep = neighbourhood(&nodes, &edges, &focus_ids, opts.depth);
        nodes.retain(|id, _| keep.contains(id));
        edges.retain(|(a, b), _| keep.contains(a) && keep.contains(b));
    }

    if opts.min_evidence > 1 {
        let linked: BTreeSet<&String> = edges.keys().flat_map(|(a, b)| [a, b]).collect();
        let keep: BTreeSet<String> = nodes
            .keys()
            .filter(|id| linked.contains(id) || focus_ids.contains(*id))
            .cloned()
            .collect();
        nodes.retain(|id, _| keep.contains(id));
    }

    let cut = cap(&mut nodes, &mut edges, &focus_ids, opts);
    let mut view = into_petgraph(nodes, edges, &focus_ids, opts);
    view.cut = cut;
    Ok(view)
}

/// When `max_nodes` cuts the actors view, it also keeps at most this many edges per entity
/// shown (the best-evidenced ones), so that a large corpus does not give a hairball.
const MAX_EDGES_PER_NODE: usize = 3;

/// Applies [`ViewOptions::max_nodes`]: keeps the entities (actors view) or events (events
/// view) with the most distinct supporting sentences, ties broken by IRI, the focus always;
/// in the events view, the actors, places and dates of the kept events stay too; in the
/// actors view, at most [`MAX_EDGES_PER_NODE`] × `max_nodes` edges, the best-evidenced. Returns
/// what was cut, or `None` when nothing was.
fn cap(
    nodes: &mut Nodes,
    edges: &mut Edges,
    focus: &BTreeSet<String>,
    opts: &ViewOptions,
) -> Option<Cut> {
    let primary = |n: &Node| match opts.view {
        View::Actors => true,
        View::Events => n.kind == NodeKind::Event,
    };
    let total = nodes.values().filter(|n| primary(n)).count();
    if opts.max_nodes == 0 || total <= opts.max_nodes {
        return None;
    }
    let mut ranked: Vec<&Node> = nodes.values().filter(|n| primary(n)).collect();
    ranked.sort_by(|a, b| {
        focus
            .contains(&b.id)
            .cmp(&focus.contains(&a.id))
            .then(b.evidence.len().cmp(&a.evidence.len()))
            .then(b.mentions.cmp(&a.mentions))
            .then(a.id.cmp(&b.id))
    });
    let mut keep: BTreeSet<String> = ranked
        .iter()
        .take(opts.max_nodes.max(focus.len()))
        .map(|n| n.id.clone())
        .collect();
    let shown = keep.len();
    if opts.view == View::Events {
        let linked: Vec<String> = edges
            .keys()
            .filter_map(|(a, b)| {
                if keep.contains(a) {
                    Some(b.clone())
                } else if keep.contains(b) {
                    Some(a.clone())
                } else {
                    None
                }
            })
            .collect();
        keep.extend(linked);
    }
    let before = edges.len();
    nodes.retain(|id, _| keep.contains(id));
    edges.retain(|(a, b), _| keep.contains(a) && keep.contains(b));
    let max_edges = opts.max_nodes.saturating_mul(MAX_EDGES_PER_NODE);
    if opts.view == View::Actors && edges.len() > max_edges {
        // The best-evidenced edges, ties by key (the edges map is ordered by key).
        let mut ranked: Vec<(&(String, String), usize)> =
            edges.iter().map(|(k, e)| (k, e.evidence.len())).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let strong: BTreeSet<(String, String)> = ranked
            .into_iter()
            .take(max_edges)
            .map(|(k, _)| k.clone())
            .collect();
        edges.retain(|k, _| strong.contains(k));
    }
    Some(Cut {
        max_nodes: opts.max_nodes,
        shown,
        total,
        edges_dropped: before - edges.len(),
    })
}

/// Nodes by id, and edges by (source id, target id); in the actors view the key is the
/// sorted pair and [`EdgeAcc::reversed`] tells the drawing direction.
type Nodes = BTreeMap<String, Node>;
type Edges = BTreeMap<(String, String), EdgeAcc>;

/// An edge while it is being merged.
#[derive(Debug, Default)]
struct EdgeAcc {
    kinds: BTreeSet<EdgeKind>,
    labels: BTreeSet<String>,
    evidence: BTreeSet<Evidence>,
    /// Some(reversed) once a directed fact (a role) is merged in.
    reversed: Option<bool>,
}

/// What the store says, gathered by a few SPARQL queries.
#[derive(Debug, Default)]
struct Raw {
    sentences: HashMap<String, Evidence>,
    labels: BTreeMap<String, BTreeSet<String>>,
    alt_labels: BTreeMap<String, BTreeSet<String>>,
    entity_kinds: BTreeMap<String, NodeKind>,
    mentions: BTreeMap<String, BTreeSet<String>>,
    mention_sentences: BTreeMap<String, BTreeSet<String>>,
    events: BTreeMap<String, EventInfo>,
    memberships: BTreeMap<String, MembershipInfo>,
}

#[derive(Debug, Default)]
struct EventInfo {
    types: BTreeSet<String>,
    stamps: BTreeSet<String>,
    actors: BTreeSet<String>,
    places: BTreeSet<String>,
    sentences: BTreeSet<String>,
}

#[derive(Debug, Default)]
struct MembershipInfo {
    members: BTreeSet<String>,
    organizations: BTreeSet<String>,
    roles: BTreeSet<String>,
    sentences: BTreeSet<String>,
}

const Q_SENTENCES: &str = "SELECT DISTINCT ?s ?idx ?text ?doc ?path ?src WHERE {
  ?s ng:sentenceIndex ?idx ; nif:referenceContext ?doc .
  OPTIONAL { ?s nif:anchorOf ?text }
  OPTIONAL { ?doc ng:sourcePath ?path }
  OPTIONAL { ?doc dcterms:source ?src }
}";
const Q_ENTITIES: &str = "SELECT DISTINCT ?e ?type WHERE {
  VALUES ?type { schema:Person schema:Organization schema:Place }
  ?e a ?type .
}";
const Q_LABELS: &str = "SELECT DISTINCT ?e ?label WHERE { ?e rdfs:label ?label }";
const Q_ALT_LABELS: &str = "SELECT DISTINCT ?e ?label WHERE { ?e skos:altLabel ?label }";
const Q_MENTIONS: &str = "SELECT DISTINCT ?m ?e ?s WHERE {
  ?m itsrdf:taIdentRef ?e .
  OPTIONAL { ?m nif:sentence ?s }
}";
const Q_EVENT_TYPES: &str = "SELECT DISTINCT ?ev ?type WHERE { ?ev a sem:Event ; a ?type }";
const Q_EVENT_PROPS: &str = "SELECT DISTINCT ?ev ?p ?o WHERE {
  VALUES ?p { sem:hasActor sem:hasPlace sem:hasTimeStamp prov:wasDerivedFrom }
  ?ev a sem:Event ; ?p ?o .
}";
const Q_MEMBERSHIPS: &str = "SELECT DISTINCT ?m ?p ?o WHERE {
  VALUES ?p { org:member org:organization org:role prov:wasDerivedFrom }
  ?m a org:Membership ; ?p ?o .
}";

/// Runs a SELECT query (with the vocabulary prologue) over the union of the named graphs.
fn select(store: &Store, body: &str) -> Result<Vec<QuerySolution>, GraphError> {
    let query = format!("{}{}", vocab::sparql_prologue(), body);
    let mut prepared = SparqlEvaluator::new()
        .parse_query(&query)
        .map_err(|e| GraphError::Query(e.to_string()))?;
    prepared.dataset_mut().set_default_graph_as_union();
    match prepared
        .on_store(store)
        .execute()
        .map_err(|e| GraphError::Query(e.to_string()))?
    {
        QueryResults::Solutions(solutions) => solutions
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| GraphError::Query(e.to_string())),
        _ => Err(GraphError::Query("expected SELECT results".to_owned())),
    }
}

/// The string form of a bound variable: IRI, `_:id` for a blank node, lexical form for a
/// literal.
fn get(solution: &QuerySolution, var: &str) -> Option<String> {
    Some(match solution.get(var)? {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    })
}

/// The local name of an IRI (after the last `#` or `/`).
fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

impl Raw {
    fn load(store: &Store) -> Result<Self, GraphError> {
        let mut raw = Raw::default();

        for s in select(store, Q_SENTENCES)? {
            let (Some(sentence), Some(doc)) = (get(&s, "s"), get(&s, "doc")) else {
                continue;
            };
            let index = get(&s, "idx")
                .and_then(|i| i.trim().parse::<u64>().ok())
                .unwrap_or(0);
            let file = get(&s, "path")
                .or_else(|| get(&s, "src"))
                .unwrap_or_else(|| doc.clone());
            let ev = Evidence {
                file,
                sentence_index: index,
                text: get(&s, "text").unwrap_or_default(),
                sentence: sentence.clone(),
                document: doc,
            };
            // Several source paths for one document would be a contract violation; keep the
            // smallest evidence so that the choice does not depend on result order.
            match raw.sentences.get(&sentence) {
                Some(old) if *old <= ev => {}
                _ => {
                    raw.sentences.insert(sentence, ev);
                }
            }
        }

        for s in select(store, Q_LABELS)? {
            if let (Some(e), Some(l)) = (get(&s, "e"), get(&s, "label")) {
                raw.labels.entry(e).or_default().insert(l);
            }
        }
        for s in select(store, Q_ALT_LABELS)? {
            if let (Some(e), Some(l)) = (get(&s, "e"), get(&s, "label")) {
                raw.alt_labels.entry(e).or_default().insert(l);
            }
        }
        for s in select(store, Q_ENTITIES)? {
            let (Some(e), Some(t)) = (get(&s, "e"), get(&s, "type")) else {
                continue;
            };
            let kind = match local_name(&t) {
                "Person" => NodeKind::Person,
                "Organization" => NodeKind::Organization,
                _ => NodeKind::Place,
            };
            // Several types: Person wins over Organization over Place.
            let entry = raw.entity_kinds.entry(e).or_insert(kind);
            *entry = (*entry).min(kind);
        }
        for s in select(store, Q_MENTIONS)? {
            let (Some(m), Some(e)) = (get(&s, "m"), get(&s, "e")) else {
                continue;
            };
            if let Some(sentence) = get(&s, "s") {
                raw.mention_sentences
                    .entry(e.clone())
                    .or_default()
                    .insert(sentence);
            }
            raw.mentions.entry(e).or_default().insert(m);
        }

        let sem_event = vocab::sem::EVENT.as_str();
        for s in select(store, Q_EVENT_TYPES)? {
            let (Some(ev), Some(t)) = (get(&s, "ev"), get(&s, "type")) else {
                continue;
            };
            let info = raw.events.entry(ev).or_default();
            if t != sem_event {
                info.types.insert(local_name(&t).to_owned());
            }
        }
        for s in select(store, Q_EVENT_PROPS)? {
            let (Some(ev), Some(p), Some(o)) = (get(&s, "ev"), get(&s, "p"), get(&s, "o")) else {
                continue;
            };
            let info = raw.events.entry(ev).or_default();
            let set = match p.as_str() {
                p if p == vocab::sem::HAS_ACTOR.as_str() => &mut info.actors,
                p if p == vocab::sem::HAS_PLACE.as_str() => &mut info.places,
                p if p == vocab::sem::HAS_TIME_STAMP.as_str() => &mut info.stamps,
                _ => &mut info.sentences,
            };
            set.insert(o);
        }
        for s in select(store, Q_MEMBERSHIPS)? {
            let (Some(m), Some(p), Some(o)) = (get(&s, "m"), get(&s, "p"), get(&s, "o")) else {
                continue;
            };
            let info = raw.memberships.entry(m).or_default();
            let set = match p.as_str() {
                p if p == vocab::org::MEMBER.as_str() => &mut info.members,
                p if p == vocab::org::ORGANIZATION.as_str() => &mut info.organizations,
                p if p == vocab::org::ROLE.as_str() => &mut info.roles,
                _ => &mut info.sentences,
            };
            set.insert(o);
        }
        Ok(raw)
    }

    /// The evidence of a sentence IRI (a placeholder naming the IRI if the sentence has no
    /// description in the store).
    fn evidence(&self, sentence: &str) -> Evidence {
        self.sentences
            .get(sentence)
            .cloned()
            .unwrap_or_else(|| Evidence {
                file: sentence.to_owned(),
                sentence_index: 0,
                text: String::new(),
                sentence: sentence.to_owned(),
                document: String::new(),
            })
    }

    fn evidence_set<'a>(
        &self,
        sentences: impl IntoIterator<Item = &'a String>,
    ) -> BTreeSet<Evidence> {
        sentences.into_iter().map(|s| self.evidence(s)).collect()
    }

    /// The label of an IRI: its smallest `rdfs:label`, else its local name.
    fn label(&self, iri: &str) -> String {
        self.labels
            .get(iri)
            .and_then(|l| l.iter().next())
            .cloned()
            .unwrap_or_else(|| local_name(iri).to_owned())
    }

    /// The node of an entity (any actor, place, member or organization IRI).
    fn entity_node(&self, iri: &str) -> Node {
        let sentences = self.mention_sentences.get(iri).into_iter().flatten();
        Node {
            id: iri.to_owned(),
            label: self.label(iri),
            kind: self
                .entity_kinds
                .get(iri)
                .copied()
                .unwrap_or(NodeKind::Other),
            types: Vec::new(),
            date: None,
            mentions: self.mentions.get(iri).map_or(0, BTreeSet::len),
            evidence: self.evidence_set(sentences).into_iter().collect(),
        }
    }

    /// The events kept by the type and date filters.
    fn selected_events(&self, opts: &ViewOptions) -> Vec<(&String, &EventInfo)> {
        let types: BTreeSet<String> = opts.types.iter().map(|t| t.trim().to_lowercase()).collect();
        let since = opts.since.as_deref().map(str::trim);
        let until = opts.until.as_deref().map(str::trim);
        self.events
            .iter()
            .filter(|(_, info)| {
                types.is_empty() || info.types.iter().any(|t| types.contains(&t.to_lowercase()))
            })
            .filter(|(_, info)| {
                if since.is_none() && until.is_none() {
                    return true;
                }
                info.stamps.iter().any(|ts| {
                    since.is_none_or(|s| prefix_cmp(ts, s) != Ordering::Less)
                        && until.is_none_or(|u| prefix_cmp(ts, u) != Ordering::Greater)
                })
            })
            .collect()
    }

    /// Entities (typed or not) whose label or alternative label matches `focus` once
    /// normalized.
    fn find_entities(&self, focus: &str) -> BTreeSet<String> {
        let wanted = normalize(focus);
        let mut candidates: BTreeSet<&String> = self.entity_kinds.keys().collect();
        for ev in self.events.values() {
            candidates.extend(ev.actors.iter().chain(&ev.places));
        }
        for m in self.memberships.values() {
            candidates.extend(m.members.iter().chain(&m.organizations));
        }
        candidates
            .into_iter()
            .filter(|iri| {
                self.labels
                    .get(*iri)
                    .into_iter()
                    .chain(self.alt_labels.get(*iri))
                    .flatten()
                    .any(|l| normalize(l) == wanted)
            })
            .cloned()
            .collect()
    }
}

/// Compares a timestamp and a bound on their common prefix (`2025-04` vs `2025-04-11` are
/// equal), which orders `xsd:date`, `xsd:gYearMonth` and `xsd:gYear` lexical forms.
fn prefix_cmp(ts: &str, bound: &str) -> Ordering {
    let n = ts.chars().count().min(bound.chars().count());
    ts.chars().take(n).cmp(bound.chars().take(n))
}

/// Normalizes a name for matching: NFKC, lowercase, dashes and underscores as spaces, other
/// punctuation removed, whitespace collapsed (`"U.S."` and `"us"` match).
pub(crate) fn normalize(s: &str) -> String {
    let mapped: String = s
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            if c.is_alphanumeric() {
                Some(c)
            } else if c.is_whitespace()
                || c == '-'
                || c == '_'
                || c == '\u{2010}'
                || c == '\u{2013}'
            {
                Some(' ')
            } else {
                None
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Adds an edge fact to the accumulator.
fn add_edge(
    edges: &mut Edges,
    key: (String, String),
    kind: EdgeKind,
    label: String,
    evidence: &BTreeSet<Evidence>,
    reversed: Option<bool>,
) {
    let acc = edges.entry(key).or_default();
    acc.kinds.insert(kind);
    acc.labels.insert(label);
    acc.evidence.extend(evidence.iter().cloned());
    if acc.reversed.is_none() {
        acc.reversed = reversed;
    }
}

/// The actors view: entities, roles and shared events.
fn actors_model(raw: &Raw, events: &[(&String, &EventInfo)]) -> (Nodes, Edges) {
    let mut nodes = Nodes::new();
    let mut edges = Edges::new();
    let add_node = |nodes: &mut Nodes, iri: &String| {
        if !nodes.contains_key(iri) {
            nodes.insert(iri.clone(), raw.entity_node(iri));
        }
    };
    for iri in raw.entity_kinds.keys() {
        add_node(&mut nodes, iri);
    }

    for m in raw.memberships.values() {
        let evidence = raw.evidence_set(&m.sentences);
        let label = if m.roles.is_empty() {
            "member".to_owned()
        } else {
            m.roles
                .iter()
                .map(|r| raw.label(r))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(", ")
        };
        for member in &m.members {
            for org in &m.organizations {
                if member == org {
                    continue;
                }
                add_node(&mut nodes, member);
                add_node(&mut nodes, org);
                let (key, reversed) = if member < org {
                    ((member.clone(), org.clone()), false)
                } else {
                    ((org.clone(), member.clone()), true)
                };
                add_edge(
                    &mut edges,
                    key,
                    EdgeKind::Role,
                    label.clone(),
                    &evidence,
                    Some(reversed),
                );
            }
        }
    }

    for (_, info) in events {
        let evidence = raw.evidence_set(&info.sentences);
        let label = event_types_label(info);
        let participants: BTreeSet<&String> = info.actors.iter().chain(&info.places).collect();
        for a in &participants {
            add_node(&mut nodes, a);
        }
        let participants: Vec<&String> = participants.into_iter().collect();
        for (i, a) in participants.iter().enumerate() {
            for b in &participants[i + 1..] {
                add_edge(
                    &mut edges,
                    ((*a).clone(), (*b).clone()),
                    EdgeKind::SharedEvent,
                    label.clone(),
                    &evidence,
                    None,
                );
            }
        }
    }
    (nodes, edges)
}

/// The types of an event joined with `", "`, or `Event`.
fn event_types_label(info: &EventInfo) -> String {
    if info.types.is_empty() {
        "Event".to_owned()
    } else {
        info.types.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

/// The id of a date node.
fn date_id(stamp: &str) -> String {
    format!("date:{stamp}")
}

/// The events view: events, their actors, places and dates.
fn events_model(raw: &Raw, events: &[(&String, &EventInfo)]) -> (Nodes, Edges) {
    let mut nodes = Nodes::new();
    let mut edges = Edges::new();
    let mut date_evidence: BTreeMap<&String, BTreeSet<Evidence>> = BTreeMap::new();
    for (iri, info) in events {
        let evidence = raw.evidence_set(&info.sentences);
        let date = info.stamps.iter().next().cloned();
        let mut label = event_types_label(info);
        if let Some(d) = &date {
            label.push('\n');
            label.push_str(d);
        }
        nodes.insert(
            (*iri).clone(),
            Node {
                id: (*iri).clone(),
                label,
                kind: NodeKind::Event,
                types: info.types.iter().cloned().collect(),
                date,
                mentions: 0,
                evidence: evidence.iter().cloned().collect(),
            },
        );
        let targets = info
            .actors
            .iter()
            .map(|a| (a, EdgeKind::Actor, "actor"))
            .chain(info.places.iter().map(|p| (p, EdgeKind::Place, "place")));
        for (target, kind, label) in targets {
            if !nodes.contains_key(target) {
                nodes.insert(target.clone(), raw.entity_node(target));
            }
            add_edge(
                &mut edges,
                ((*iri).clone(), target.clone()),
                kind,
                label.to_owned(),
                &evidence,
                Some(false),
            );
        }
        for stamp in &info.stamps {
            date_evidence
                .entry(stamp)
                .or_default()
                .extend(evidence.iter().cloned());
            add_edge(
                &mut edges,
                ((*iri).clone(), date_id(stamp)),
                EdgeKind::Date,
                "date".to_owned(),
                &evidence,
                Some(false),
            );
        }
    }
    for (stamp, evidence) in date_evidence {
        let id = date_id(stamp);
        nodes.insert(
            id.clone(),
            Node {
                id,
                label: stamp.clone(),
                kind: NodeKind::Date,
                types: Vec::new(),
                date: Some(stamp.clone()),
                mentions: 0,
                evidence: evidence.into_iter().collect(),
            },
        );
    }
    (nodes, edges)
}

/// The nodes within `depth` steps of the focus, edges taken as undirected. Entering an event
/// node costs nothing but is only done from nodes less than `depth` steps away (so that the
/// event's participants are shown with it); entering any other node costs one step (0-1
/// breadth-first search).
fn neighbourhood(
    nodes: &Nodes,
    edges: &Edges,
    focus: &BTreeSet<String>,
    depth: usize,
) -> BTreeSet<String> {
    let mut adjacency: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        adjacency.entry(a).or_default().push(b);
        adjacency.entry(b).or_default().push(a);
    }
    let mut dist: BTreeMap<&str, usize> = BTreeMap::new();
    let mut queue: VecDeque<&str> = VecDeque::new();
    for f in focus {
        dist.insert(f, 0);
        queue.push_back(f);
    }
    while let Some(current) = queue.pop_front() {
        let d = dist.get(current).copied().unwrap_or(0);
        for next in adjacency.get(current).into_iter().flatten() {
            let free = nodes.get(*next).is_some_and(|n| n.kind == NodeKind::Event);
            let nd = if free { d } else { d + 1 };
            // An event is only worth showing if its participants are within reach too.
            let too_far = if free { d >= depth } else { nd > depth };
            if too_far || dist.get(next).is_some_and(|old| *old <= nd) {
                continue;
            }
            dist.insert(next, nd);
            if free {
                queue.push_front(next);
            } else {
                queue.push_back(next);
            }
        }
    }
    dist.into_keys().map(str::to_owned).collect()
}

/// Turns the ordered maps into the petgraph, node indices in id order, edges sorted by
/// (source index, target index).
fn into_petgraph(
    nodes: Nodes,
    edges: Edges,
    focus_ids: &BTreeSet<String>,
    opts: &ViewOptions,
) -> ViewGraph {
    let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for (id, node) in nodes {
        index.insert(id, graph.add_node(node));
    }
    let mut sorted: Vec<(NodeIndex, NodeIndex, Edge)> = edges
        .into_iter()
        .filter_map(|((a, b), acc)| {
            let (ia, ib) = (*index.get(&a)?, *index.get(&b)?);
            let (source, target) = if acc.reversed == Some(true) {
                (ib, ia)
            } else {
                (ia, ib)
            };
            let edge = Edge {
                kinds: acc.kinds.into_iter().collect(),
                labels: acc.labels.into_iter().collect(),
                directed: acc.reversed.is_some(),
                evidence: acc.evidence.into_iter().collect(),
            };
            Some((source, target, edge))
        })
        .collect();
    sorted.sort_by_key(|(s, t, _)| (*s, *t));
    for (s, t, e) in sorted {
        graph.add_edge(s, t, e);
    }
    let focus = focus_ids
        .iter()
        .filter_map(|id| index.get(id).copied())
        .collect();
    ViewGraph {
        graph,
        view: opts.view,
        cluster: opts.cluster,
        focus,
        cut: None,
    }
}
