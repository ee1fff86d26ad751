//! Store → petgraph: the SPARQL queries and the view models.
//!
//! Everything is read from the store through the RDF contract of `docs/RDF-MODEL.md`, with the
//! union of the named graphs as default graph. All intermediate collections are ordered
//! (`BTreeMap`, or vectors sorted by their strings) so that the resulting graph, and the DOT
//! text written from it, is deterministic.
//!
//! Memory: a corpus of 10,000 articles has ~420k sentences and ~290k events. [`ViewData`]
//! keeps each sentence IRI, document IRI, event type, date and actor IRI once (interned, see
//! [`Interner`]) and refers to them by index; the view models borrow from it and only the
//! nodes and edges that are drawn get their [`Evidence`] written out.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::hash::BuildHasherDefault;

use indexmap::{IndexMap, IndexSet};
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
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

/// The properties [`ViewDataBuilder`] keeps of events and memberships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prop {
    Actor,
    Place,
    Stamp,
    Derived,
    Member,
    Organization,
    Role,
}

/// The predicate of each [`Prop`].
const PROPS: [(oxigraph::model::NamedNodeRef<'static>, Prop); 7] = [
    (vocab::sem::HAS_ACTOR, Prop::Actor),
    (vocab::sem::HAS_PLACE, Prop::Place),
    (vocab::sem::HAS_TIME_STAMP, Prop::Stamp),
    (vocab::prov::WAS_DERIVED_FROM, Prop::Derived),
    (vocab::org::MEMBER, Prop::Member),
    (vocab::org::ORGANIZATION, Prop::Organization),
    (vocab::org::ROLE, Prop::Role),
];

/// What the builder knows of one subject that has a type or a property of an event or a
/// membership; sorted into [`Raw::events`] and [`Raw::memberships`] by [`ViewDataBuilder::finish`].
#[derive(Debug, Default)]
struct SubjectAcc {
    /// Typed `sem:Event`.
    event: bool,
    /// Typed `org:Membership`.
    membership: bool,
    /// Local names of its types in the `ng:` namespace (interned).
    types: Vec<Id>,
    actors: Vec<Id>,
    places: Vec<Id>,
    stamps: Vec<Id>,
    /// `prov:wasDerivedFrom` sentences (sentence ids).
    sentences: Vec<Id>,
    members: Vec<Id>,
    organizations: Vec<Id>,
    roles: Vec<Id>,
}

impl SubjectAcc {
    /// The list a property's values go to.
    fn list(&mut self, prop: Prop) -> &mut Vec<Id> {
        match prop {
            Prop::Actor => &mut self.actors,
            Prop::Place => &mut self.places,
            Prop::Stamp => &mut self.stamps,
            Prop::Derived => &mut self.sentences,
            Prop::Member => &mut self.members,
            Prop::Organization => &mut self.organizations,
            Prop::Role => &mut self.roles,
        }
    }
}

/// Makes [`ViewData`] from quads, without a store: what `build` and `dot` use on the default
/// backend, reading the snapshot one document at a time ([`ViewData::from_snapshot`]). Give it every
/// quad of the store, each document's quads in one [`add`](Self::add) call (a sentence's
/// index, text and document, and a mention's entity and sentence, are joined within a call);
/// [`finish`](Self::finish) then gives what
/// [`ViewData::load`] would read from a store holding those quads (the two are compared in the
/// tests).
#[derive(Debug, Default)]
pub struct ViewDataBuilder {
    raw: Raw,
    /// Subjects typed `sem:Event` or `org:Membership`, or with one of their properties.
    subjects: FxHashMap<Box<str>, SubjectAcc>,
    /// (entity, mention IRI) pairs counted in [`Raw::mentions`].
    mentions_seen: FxHashSet<(Id, Box<str>)>,
}

impl ViewDataBuilder {
    /// A builder with nothing in it.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one document's quads (or any set of quads that holds, for each sentence and
    /// mention in it, all of their quads).
    pub fn add<'q>(&mut self, quads: &'q [oxigraph::model::Quad]) {
        use oxigraph::model::vocab::{rdf, rdfs};
        use vocab::{dcterms, itsrdf, ng, nif, org, schema, sem, skos};
        fn text(t: &Term) -> Cow<'_, str> {
            match t {
                Term::NamedNode(n) => Cow::Borrowed(n.as_str()),
                Term::BlankNode(b) => Cow::Owned(format!("_:{}", b.as_str())),
                Term::Literal(l) => Cow::Borrowed(l.value()),
                #[allow(unreachable_patterns)]
                other => Cow::Owned(other.to_string()),
            }
        }
        type Local<'x> = HashMap<Cow<'x, str>, Vec<Cow<'x, str>>>;
        let (mut idx, mut ctx, mut anchor, mut path, mut src): (
            Local<'q>,
            Local<'q>,
            Local<'q>,
            Local<'q>,
            Local<'q>,
        ) = Default::default();
        let (mut ident, mut in_sentence): (Local<'q>, Local<'q>) = Default::default();
        let raw = &mut self.raw;
        for q in quads {
            let subject: Cow<'_, str> = match &q.subject {
                oxigraph::model::NamedOrBlankNode::NamedNode(n) => Cow::Borrowed(n.as_str()),
                oxigraph::model::NamedOrBlankNode::BlankNode(b) => {
                    Cow::Owned(format!("_:{}", b.as_str()))
                }
            };
            let p = q.predicate.as_ref();
            let o = text(&q.object);
            let push = |m: &mut Local<'q>| {
                m.entry(subject.clone()).or_default().push(o.clone());
            };
            if p == rdf::TYPE {
                if o == sem::EVENT.as_str() {
                    subject_acc(&mut self.subjects, &subject).event = true;
                } else if o.starts_with(vocab::NG) {
                    let t = raw.strings.id(local_name(&o));
                    subject_acc(&mut self.subjects, &subject).types.push(t);
                } else if o == org::MEMBERSHIP.as_str() {
                    subject_acc(&mut self.subjects, &subject).membership = true;
                } else if o == schema::PERSON.as_str()
                    || o == schema::ORGANIZATION.as_str()
                    || o == schema::PLACE.as_str()
                {
                    let kind = match local_name(&o) {
                        "Person" => NodeKind::Person,
                        "Organization" => NodeKind::Organization,
                        _ => NodeKind::Place,
                    };
                    let entry = raw.entity_kinds.entry(subject.into_owned()).or_insert(kind);
                    *entry = (*entry).min(kind);
                }
            } else if p == rdfs::LABEL {
                raw.labels
                    .entry(subject.into_owned())
                    .or_default()
                    .insert(o.into_owned());
            } else if p == skos::ALT_LABEL {
                raw.alt_labels
                    .entry(subject.into_owned())
                    .or_default()
                    .insert(o.into_owned());
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
            } else if let Some((_, prop)) = PROPS.iter().find(|(q, _)| p == *q) {
                let id = match prop {
                    Prop::Derived => raw.sentence_id(&o),
                    _ => raw.strings.id(&o),
                };
                subject_acc(&mut self.subjects, &subject)
                    .list(*prop)
                    .push(id);
            }
        }
        // Q_SENTENCES: every combination of index, document and the optional text, path and
        // source; the smallest evidence is kept, as `Raw::load` does.
        let none: Vec<Cow<'_, str>> = Vec::new();
        let or_none = |v: Option<&Vec<Cow<'_, str>>>| -> Vec<Option<String>> {
            match v {
                Some(v) if !v.is_empty() => v.iter().map(|s| Some(s.to_string())).collect(),
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
                                        .unwrap_or_else(|| doc.to_string()),
                                    sentence_index: i.trim().parse::<u64>().unwrap_or(0),
                                    text: t.clone().unwrap_or_default(),
                                    sentence: sentence.to_string(),
                                    document: doc.to_string(),
                                };
                                raw.describe_sentence(ev);
                            }
                        }
                    }
                }
            }
        }
        // Q_MENTIONS: each distinct mention of an entity counted once.
        for (m, entities) in &ident {
            for e in entities {
                for s in in_sentence.get(m).unwrap_or(&none) {
                    let sid = raw.sentence_id(s);
                    raw.mention_sentences
                        .entry(e.to_string())
                        .or_default()
                        .push(sid);
                }
                let key = (raw.strings.id(e), Box::<str>::from(m.as_ref()));
                if self.mentions_seen.insert(key) {
                    *raw.mentions.entry(e.to_string()).or_default() += 1;
                }
            }
        }
    }

    /// The view data of every quad added.
    pub fn finish(self) -> ViewData {
        let mut raw = self.raw;
        for (subject, acc) in self.subjects {
            let (event_sentences, membership_sentences) = match (acc.event, acc.membership) {
                (true, true) => (acc.sentences.clone(), acc.sentences),
                (true, false) => (acc.sentences, Vec::new()),
                (false, _) => (Vec::new(), acc.sentences),
            };
            if acc.event {
                let info = EventInfo {
                    types: acc.types,
                    stamps: acc.stamps,
                    actors: acc.actors,
                    places: acc.places,
                    sentences: event_sentences,
                };
                raw.events.insert(subject.to_string(), info);
            }
            if acc.membership {
                let info = MembershipInfo {
                    members: acc.members,
                    organizations: acc.organizations,
                    roles: acc.roles,
                    sentences: membership_sentences,
                };
                raw.memberships.insert(subject.into(), info);
            }
        }
        raw.normalize();
        ViewData(raw)
    }
}

/// The accumulator of `subject`, made if new.
fn subject_acc<'m>(
    subjects: &'m mut FxHashMap<Box<str>, SubjectAcc>,
    subject: &str,
) -> &'m mut SubjectAcc {
    if !subjects.contains_key(subject) {
        subjects.insert(subject.into(), SubjectAcc::default());
    }
    subjects
        .get_mut(subject)
        .unwrap_or_else(|| unreachable!("inserted above"))
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
        let mut used = String::new();
        snapshot.for_each_document(|text| -> Result<(), GraphError> {
            quads.clear();
            // Only the lines whose predicate `add` reads are parsed (about 60 % of them:
            // offsets, document texts and event roles are skipped).
            used.clear();
            for line in text.split_inclusive('\n') {
                if line_may_matter(line) {
                    used.push_str(line);
                }
            }
            for q in oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
                .lenient()
                .for_slice(used.as_bytes())
            {
                quads.push(q.map_err(|e| GraphError::Query(format!("snapshot: {e}")))?);
            }
            builder.add(&quads);
            Ok(())
        })?;
        Ok(builder.finish())
    }
}

/// The predicates [`ViewDataBuilder::add`] reads.
static USED_PREDICATES: std::sync::LazyLock<FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        use oxigraph::model::vocab::{rdf, rdfs};
        use vocab::{dcterms, itsrdf, ng, nif, org, prov, sem, skos};
        [
            rdf::TYPE,
            rdfs::LABEL,
            skos::ALT_LABEL,
            ng::SENTENCE_INDEX,
            nif::REFERENCE_CONTEXT,
            nif::ANCHOR_OF,
            ng::SOURCE_PATH,
            dcterms::SOURCE,
            itsrdf::TA_IDENT_REF,
            nif::SENTENCE_PROP,
            sem::HAS_ACTOR,
            sem::HAS_PLACE,
            sem::HAS_TIME_STAMP,
            prov::WAS_DERIVED_FROM,
            org::MEMBER,
            org::ORGANIZATION,
            org::ROLE,
        ]
        .into_iter()
        .map(|p| p.as_str())
        .collect()
    });

/// False for an N-Quads line whose predicate is none of those [`ViewDataBuilder::add`] reads;
/// true for every other line, including one it cannot split (the parser then reports it).
fn line_may_matter(line: &str) -> bool {
    let rest = if let Some(iri) = line.strip_prefix('<') {
        iri.find('>').map(|i| &iri[i + 1..])
    } else if line.starts_with("_:") {
        line.find([' ', '\t']).map(|i| &line[i..])
    } else {
        None
    };
    let predicate = rest
        .map(|r| r.trim_start_matches([' ', '\t']))
        .and_then(|r| r.strip_prefix('<'))
        .and_then(|r| r.find('>').map(|i| &r[..i]));
    predicate.is_none_or(|p| USED_PREDICATES.contains(p))
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
    for e in edges.values_mut() {
        e.normalize();
    }

    edges.retain(|_, e| e.evidence.len() >= opts.min_evidence);

    let mut focus_ids = BTreeSet::new();
    if let Some(focus) = &opts.focus {
        focus_ids = raw.find_entities(focus);
        if focus_ids.is_empty() {
            return Err(GraphError::FocusNotFound(focus.clone()));
        }
        for id in &focus_ids {
            if !nodes.contains_key(id.as_str()) {
                nodes.insert(Cow::Borrowed(id), raw.entity_node(id));
            }
        }
        let keep = neighbourhood(&nodes, &edges, &focus_ids, opts.depth);
        nodes.retain(|id, _| keep.contains(id.as_ref()));
        edges.retain(|(a, b), _| keep.contains(a.as_ref()) && keep.contains(b.as_ref()));
    }

    if opts.min_evidence > 1 {
        let linked: BTreeSet<&str> = edges
            .keys()
            .flat_map(|(a, b)| [a.as_ref(), b.as_ref()])
            .collect();
        let keep: BTreeSet<String> = nodes
            .keys()
            .filter(|id| linked.contains(id.as_ref()) || focus_ids.contains(id.as_ref()))
            .map(|id| id.to_string())
            .collect();
        nodes.retain(|id, _| keep.contains(id.as_ref()));
    }

    let cut = cap(&mut nodes, &mut edges, &focus_ids, opts);
    let mut view = into_petgraph(raw, nodes, edges, &focus_ids, opts);
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
    nodes: &mut Nodes<'_>,
    edges: &mut Edges<'_>,
    focus: &BTreeSet<String>,
    opts: &ViewOptions,
) -> Option<Cut> {
    let primary = |n: &NodeAcc<'_>| match opts.view {
        View::Actors => true,
        View::Events => n.kind == NodeKind::Event,
    };
    let total = nodes.values().filter(|n| primary(n)).count();
    if opts.max_nodes == 0 || total <= opts.max_nodes {
        return None;
    }
    let mut ranked: Vec<(&str, &NodeAcc<'_>)> = nodes
        .iter()
        .filter(|(_, n)| primary(n))
        .map(|(id, n)| (id.as_ref(), n))
        .collect();
    ranked.sort_by(|(a_id, a), (b_id, b)| {
        focus
            .contains(*b_id)
            .cmp(&focus.contains(*a_id))
            .then(b.evidence.len().cmp(&a.evidence.len()))
            .then(b.mentions.cmp(&a.mentions))
            .then(a_id.cmp(b_id))
    });
    let mut keep: BTreeSet<String> = ranked
        .iter()
        .take(opts.max_nodes.max(focus.len()))
        .map(|(id, _)| (*id).to_owned())
        .collect();
    let shown = keep.len();
    if opts.view == View::Events {
        let linked: Vec<String> = edges
            .keys()
            .filter_map(|(a, b)| {
                if keep.contains(a.as_ref()) {
                    Some(b.to_string())
                } else if keep.contains(b.as_ref()) {
                    Some(a.to_string())
                } else {
                    None
                }
            })
            .collect();
        keep.extend(linked);
    }
    let before = edges.len();
    nodes.retain(|id, _| keep.contains(id.as_ref()));
    edges.retain(|(a, b), _| keep.contains(a.as_ref()) && keep.contains(b.as_ref()));
    let max_edges = opts.max_nodes.saturating_mul(MAX_EDGES_PER_NODE);
    if opts.view == View::Actors && edges.len() > max_edges {
        // The best-evidenced edges, ties by key (the edges map is ordered by key).
        let mut ranked: Vec<(&EdgeKey<'_>, usize)> =
            edges.iter().map(|(k, e)| (k, e.evidence.len())).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let strong: BTreeSet<(String, String)> = ranked
            .into_iter()
            .take(max_edges)
            .map(|((a, b), _)| (a.to_string(), b.to_string()))
            .collect();
        edges.retain(|(a, b), _| strong.contains(&(a.to_string(), b.to_string())));
    }
    Some(Cut {
        max_nodes: opts.max_nodes,
        shown,
        total,
        edges_dropped: before - edges.len(),
    })
}

/// A node while the view is made: what ranking and filtering need; [`into_petgraph`] writes
/// out the [`Node`] of each node kept.
#[derive(Debug)]
struct NodeAcc<'a> {
    kind: NodeKind,
    /// Distinct mentions (entities).
    mentions: usize,
    /// Supporting sentences (ids into [`Raw::sentences`]), sorted, without duplicates.
    evidence: Cow<'a, [Id]>,
    /// The event of an event node.
    event: Option<&'a EventInfo>,
    /// The date of a date node.
    date: Option<&'a str>,
}

/// Nodes by id, and edges by (source id, target id); in the actors view the key is the
/// sorted pair and [`EdgeAcc::reversed`] tells the drawing direction.
type Nodes<'a> = BTreeMap<Cow<'a, str>, NodeAcc<'a>>;
type EdgeKey<'a> = (Cow<'a, str>, Cow<'a, str>);
type Edges<'a> = BTreeMap<EdgeKey<'a>, EdgeAcc<'a>>;

/// An edge while it is being merged.
#[derive(Debug)]
struct EdgeAcc<'a> {
    kinds: Vec<EdgeKind>,
    labels: Vec<Cow<'a, str>>,
    /// Supporting sentences (ids into [`Raw::sentences`]); sorted and without duplicates
    /// after [`EdgeAcc::normalize`].
    evidence: Cow<'a, [Id]>,
    /// Some(reversed) once a directed fact (a role) is merged in.
    reversed: Option<bool>,
}

impl EdgeAcc<'_> {
    /// Sorts and deduplicates what merging appended.
    fn normalize(&mut self) {
        self.kinds.sort_unstable();
        self.kinds.dedup();
        self.labels.sort_unstable();
        self.labels.dedup();
        if let Cow::Owned(v) = &mut self.evidence {
            v.sort_unstable();
            v.dedup();
        }
    }
}

/// Index of a string in an [`Interner`] or of a sentence in [`Raw::sentences`].
type Id = u32;

/// Strings kept once each, referred to by index.
#[derive(Debug, Default)]
struct Interner(IndexSet<Box<str>, BuildHasherDefault<FxHasher>>);

impl Interner {
    /// The index of `s`, added if new.
    fn id(&mut self, s: &str) -> Id {
        match self.0.get_index_of(s) {
            Some(i) => i as Id,
            None => self.0.insert_full(s.into()).0 as Id,
        }
    }

    /// The string of an index.
    fn get(&self, id: Id) -> &str {
        self.0.get_index(id as usize).map_or("", |s| s)
    }
}

/// A sentence's description (its [`Evidence`] without the sentence IRI).
#[derive(Debug)]
struct SentenceInfo {
    index: u64,
    text: Box<str>,
    /// Interned.
    document: Id,
    /// Interned.
    file: Id,
}

/// What the store says, gathered by a few SPARQL queries (or by [`ViewDataBuilder`]).
#[derive(Debug, Default)]
struct Raw {
    /// Interned IRIs and literals: documents, files, event types (local names), dates, actors,
    /// places, members, organizations and roles.
    strings: Interner,
    /// Every sentence IRI met, with its description when the store has one; an [`Id`] of a
    /// sentence is its index here.
    sentences: IndexMap<Box<str>, Option<SentenceInfo>, BuildHasherDefault<FxHasher>>,
    labels: BTreeMap<String, BTreeSet<String>>,
    alt_labels: BTreeMap<String, BTreeSet<String>>,
    entity_kinds: BTreeMap<String, NodeKind>,
    /// Distinct mentions by entity.
    mentions: BTreeMap<String, usize>,
    /// Sentences of the mentions of each entity (sorted, without duplicates once normalized).
    mention_sentences: BTreeMap<String, Vec<Id>>,
    events: BTreeMap<String, EventInfo>,
    memberships: BTreeMap<String, MembershipInfo>,
}

/// An event. Interned strings, each list sorted by its strings and without duplicates once
/// normalized (sentences sorted by id).
#[derive(Debug, Default)]
struct EventInfo {
    types: Vec<Id>,
    stamps: Vec<Id>,
    actors: Vec<Id>,
    places: Vec<Id>,
    sentences: Vec<Id>,
}

/// A membership, as [`EventInfo`].
#[derive(Debug, Default)]
struct MembershipInfo {
    members: Vec<Id>,
    organizations: Vec<Id>,
    roles: Vec<Id>,
    sentences: Vec<Id>,
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
            raw.describe_sentence(Evidence {
                file,
                sentence_index: index,
                text: get(&s, "text").unwrap_or_default(),
                sentence,
                document: doc,
            });
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
        let mut mentions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for s in select(store, Q_MENTIONS)? {
            let (Some(m), Some(e)) = (get(&s, "m"), get(&s, "e")) else {
                continue;
            };
            if let Some(sentence) = get(&s, "s") {
                let sid = raw.sentence_id(&sentence);
                raw.mention_sentences
                    .entry(e.clone())
                    .or_default()
                    .push(sid);
            }
            mentions.entry(e).or_default().insert(m);
        }
        raw.mentions = mentions.into_iter().map(|(e, m)| (e, m.len())).collect();

        let sem_event = vocab::sem::EVENT.as_str();
        for s in select(store, Q_EVENT_TYPES)? {
            let (Some(ev), Some(t)) = (get(&s, "ev"), get(&s, "type")) else {
                continue;
            };
            let t = (t != sem_event).then(|| raw.strings.id(local_name(&t)));
            let info = raw.events.entry(ev).or_default();
            info.types.extend(t);
        }
        for s in select(store, Q_EVENT_PROPS)? {
            let (Some(ev), Some(p), Some(o)) = (get(&s, "ev"), get(&s, "p"), get(&s, "o")) else {
                continue;
            };
            let derived = !(p == vocab::sem::HAS_ACTOR.as_str()
                || p == vocab::sem::HAS_PLACE.as_str()
                || p == vocab::sem::HAS_TIME_STAMP.as_str());
            let o = if derived {
                raw.sentence_id(&o)
            } else {
                raw.strings.id(&o)
            };
            let info = raw.events.entry(ev).or_default();
            let list = match p.as_str() {
                p if p == vocab::sem::HAS_ACTOR.as_str() => &mut info.actors,
                p if p == vocab::sem::HAS_PLACE.as_str() => &mut info.places,
                p if p == vocab::sem::HAS_TIME_STAMP.as_str() => &mut info.stamps,
                _ => &mut info.sentences,
            };
            list.push(o);
        }
        for s in select(store, Q_MEMBERSHIPS)? {
            let (Some(m), Some(p), Some(o)) = (get(&s, "m"), get(&s, "p"), get(&s, "o")) else {
                continue;
            };
            let derived = !(p == vocab::org::MEMBER.as_str()
                || p == vocab::org::ORGANIZATION.as_str()
                || p == vocab::org::ROLE.as_str());
            let o = if derived {
                raw.sentence_id(&o)
            } else {
                raw.strings.id(&o)
            };
            let info = raw.memberships.entry(m).or_default();
            let list = match p.as_str() {
                p if p == vocab::org::MEMBER.as_str() => &mut info.members,
                p if p == vocab::org::ORGANIZATION.as_str() => &mut info.organizations,
                p if p == vocab::org::ROLE.as_str() => &mut info.roles,
                _ => &mut info.sentences,
            };
            list.push(o);
        }
        raw.normalize();
        Ok(raw)
    }

    /// The id of a sentence IRI, added (without a description) if new.
    fn sentence_id(&mut self, iri: &str) -> Id {
        match self.sentences.get_index_of(iri) {
            Some(i) => i as Id,
            None => self.sentences.insert_full(iri.into(), None).0 as Id,
        }
    }

    /// Records a sentence's description. Several descriptions of one sentence would be a
    /// contract violation; the smallest evidence is kept so that the choice does not depend on
    /// the order they are met in.
    fn describe_sentence(&mut self, ev: Evidence) {
        let id = self.sentence_id(&ev.sentence);
        if matches!(self.sentences.get_index(id as usize), Some((_, Some(_))))
            && self.evidence(id) <= ev
        {
            return;
        }
        let info = SentenceInfo {
            index: ev.sentence_index,
            text: ev.text.into(),
            document: self.strings.id(&ev.document),
            file: self.strings.id(&ev.file),
        };
        if let Some((_, slot)) = self.sentences.get_index_mut(id as usize) {
            *slot = Some(info);
        }
    }

    /// Sorts every list by its strings (sentences by id) and removes duplicates, so that the
    /// views iterate them in the same order whatever order they were read in.
    fn normalize(&mut self) {
        let strings = &self.strings;
        let by_string = |v: &mut Vec<Id>| {
            v.sort_unstable_by(|a, b| strings.get(*a).cmp(strings.get(*b)));
            v.dedup();
        };
        let by_id = |v: &mut Vec<Id>| {
            v.sort_unstable();
            v.dedup();
        };
        for info in self.events.values_mut() {
            by_string(&mut info.types);
            by_string(&mut info.stamps);
            by_string(&mut info.actors);
            by_string(&mut info.places);
            by_id(&mut info.sentences);
        }
        for info in self.memberships.values_mut() {
            by_string(&mut info.members);
            by_string(&mut info.organizations);
            by_string(&mut info.roles);
            by_id(&mut info.sentences);
        }
        for v in self.mention_sentences.values_mut() {
            by_id(v);
        }
    }

    /// The evidence of a sentence (a placeholder naming the IRI if the sentence has no
    /// description in the store).
    fn evidence(&self, sentence: Id) -> Evidence {
        match self.sentences.get_index(sentence as usize) {
            Some((iri, Some(info))) => Evidence {
                file: self.strings.get(info.file).to_owned(),
                sentence_index: info.index,
                text: info.text.to_string(),
                sentence: iri.to_string(),
                document: self.strings.get(info.document).to_owned(),
            },
            Some((iri, None)) => Evidence {
                file: iri.to_string(),
                sentence_index: 0,
                text: String::new(),
                sentence: iri.to_string(),
                document: String::new(),
            },
            None => Evidence {
                file: String::new(),
                sentence_index: 0,
                text: String::new(),
                sentence: String::new(),
                document: String::new(),
            },
        }
    }

    /// The evidence of sentences, sorted, without duplicates.
    fn evidence_list(&self, sentences: &[Id]) -> Vec<Evidence> {
        let set: BTreeSet<Evidence> = sentences.iter().map(|s| self.evidence(*s)).collect();
        set.into_iter().collect()
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
    fn entity_node(&self, iri: &str) -> NodeAcc<'_> {
        NodeAcc {
            kind: self
                .entity_kinds
                .get(iri)
                .copied()
                .unwrap_or(NodeKind::Other),
            mentions: self.mentions.get(iri).copied().unwrap_or(0),
            evidence: Cow::Borrowed(self.mention_sentences.get(iri).map_or(&[], Vec::as_slice)),
            event: None,
            date: None,
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
                types.is_empty()
                    || info
                        .types
                        .iter()
                        .any(|t| types.contains(&self.strings.get(*t).to_lowercase()))
            })
            .filter(|(_, info)| {
                if since.is_none() && until.is_none() {
                    return true;
                }
                info.stamps.iter().any(|ts| {
                    let ts = self.strings.get(*ts);
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
        let mut candidates: BTreeSet<&str> = self.entity_kinds.keys().map(String::as_str).collect();
        for ev in self.events.values() {
            candidates.extend(
                ev.actors
                    .iter()
                    .chain(&ev.places)
                    .map(|i| self.strings.get(*i)),
            );
        }
        for m in self.memberships.values() {
            candidates.extend(
                m.members
                    .iter()
                    .chain(&m.organizations)
                    .map(|i| self.strings.get(*i)),
            );
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
            .map(str::to_owned)
            .collect()
    }

    /// The types of an event joined with `", "`, or `Event`.
    fn event_types_label(&self, info: &EventInfo) -> String {
        if info.types.is_empty() {
            "Event".to_owned()
        } else {
            info.types
                .iter()
                .map(|t| self.strings.get(*t))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

/// Adds an edge fact to the accumulator.
fn add_edge<'a>(
    edges: &mut Edges<'a>,
    key: EdgeKey<'a>,
    kind: EdgeKind,
    label: Cow<'a, str>,
    evidence: &'a [Id],
    reversed: Option<bool>,
) {
    match edges.entry(key) {
        std::collections::btree_map::Entry::Vacant(v) => {
            v.insert(EdgeAcc {
                kinds: vec![kind],
                labels: vec![label],
                evidence: Cow::Borrowed(evidence),
                reversed,
            });
        }
        std::collections::btree_map::Entry::Occupied(mut o) => {
            let acc = o.get_mut();
            if !acc.kinds.contains(&kind) {
                acc.kinds.push(kind);
            }
            if !acc.labels.contains(&label) {
                acc.labels.push(label);
            }
            if !evidence.is_empty() && *acc.evidence != *evidence {
                acc.evidence.to_mut().extend_from_slice(evidence);
            }
            if acc.reversed.is_none() {
                acc.reversed = reversed;
            }
        }
    }
}

/// The actors view: entities, roles and shared events.
fn actors_model<'a>(
    raw: &'a Raw,
    events: &[(&'a String, &'a EventInfo)],
) -> (Nodes<'a>, Edges<'a>) {
    let mut nodes = Nodes::new();
    let mut edges = Edges::new();
    let add_node = |nodes: &mut Nodes<'a>, iri: &'a str| {
        if !nodes.contains_key(iri) {
            nodes.insert(Cow::Borrowed(iri), raw.entity_node(iri));
        }
    };
    for iri in raw.entity_kinds.keys() {
        add_node(&mut nodes, iri);
    }

    for m in raw.memberships.values() {
        let label = if m.roles.is_empty() {
            "member".to_owned()
        } else {
            m.roles
                .iter()
                .map(|r| raw.label(raw.strings.get(*r)))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(", ")
        };
        for member in m.members.iter().map(|i| raw.strings.get(*i)) {
            for org in m.organizations.iter().map(|i| raw.strings.get(*i)) {
                if member == org {
                    continue;
                }
                add_node(&mut nodes, member);
                add_node(&mut nodes, org);
                let (key, reversed) = if member < org {
                    ((Cow::Borrowed(member), Cow::Borrowed(org)), false)
                } else {
                    ((Cow::Borrowed(org), Cow::Borrowed(member)), true)
                };
                add_edge(
                    &mut edges,
                    key,
                    EdgeKind::Role,
                    Cow::Owned(label.clone()),
                    &m.sentences,
                    Some(reversed),
                );
            }
        }
    }

    for (_, info) in events {
        let label = raw.event_types_label(info);
        let mut participants: Vec<&'a str> = info
            .actors
            .iter()
            .chain(&info.places)
            .map(|i| raw.strings.get(*i))
            .collect();
        participants.sort_unstable();
        participants.dedup();
        for a in &participants {
            add_node(&mut nodes, a);
        }
        for (i, a) in participants.iter().enumerate() {
            for b in &participants[i + 1..] {
                add_edge(
                    &mut edges,
                    (Cow::Borrowed(*a), Cow::Borrowed(*b)),
                    EdgeKind::SharedEvent,
                    Cow::Owned(label.clone()),
                    &info.sentences,
                    None,
                );
            }
        }
    }
    (nodes, edges)
}

/// The id of a date node.
fn date_id(stamp: &str) -> String {
    format!("date:{stamp}")
}

/// The events view: events, their actors, places and dates.
fn events_model<'a>(
    raw: &'a Raw,
    events: &[(&'a String, &'a EventInfo)],
) -> (Nodes<'a>, Edges<'a>) {
    let mut nodes = Nodes::new();
    let mut edges = Edges::new();
    let mut date_evidence: BTreeMap<&'a str, Vec<Id>> = BTreeMap::new();
    for (iri, info) in events {
        nodes.insert(
            Cow::Borrowed(iri.as_str()),
            NodeAcc {
                kind: NodeKind::Event,
                mentions: 0,
                evidence: Cow::Borrowed(&info.sentences),
                event: Some(info),
                date: None,
            },
        );
        let targets = info
            .actors
            .iter()
            .map(|a| (a, EdgeKind::Actor, "actor"))
            .chain(info.places.iter().map(|p| (p, EdgeKind::Place, "place")));
        for (target, kind, label) in targets {
            let target = raw.strings.get(*target);
            if !nodes.contains_key(target) {
                nodes.insert(Cow::Borrowed(target), raw.entity_node(target));
            }
            add_edge(
                &mut edges,
                (Cow::Borrowed(iri.as_str()), Cow::Borrowed(target)),
                kind,
                Cow::Borrowed(label),
                &info.sentences,
                Some(false),
            );
        }
        for stamp in info.stamps.iter().map(|s| raw.strings.get(*s)) {
            date_evidence
                .entry(stamp)
                .or_default()
                .extend_from_slice(&info.sentences);
            add_edge(
                &mut edges,
                (Cow::Borrowed(iri.as_str()), Cow::Owned(date_id(stamp))),
                EdgeKind::Date,
                Cow::Borrowed("date"),
                &info.sentences,
                Some(false),
            );
        }
    }
    for (stamp, mut evidence) in date_evidence {
        evidence.sort_unstable();
        evidence.dedup();
        nodes.insert(
            Cow::Owned(date_id(stamp)),
            NodeAcc {
                kind: NodeKind::Date,
                mentions: 0,
                evidence: Cow::Owned(evidence),
                event: None,
                date: Some(stamp),
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
    nodes: &Nodes<'_>,
    edges: &Edges<'_>,
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

/// Writes out the [`Node`] of a node kept.
fn node_of(raw: &Raw, id: &str, acc: NodeAcc<'_>) -> Node {
    let (label, types, date) = match (acc.event, acc.date) {
        (Some(info), _) => {
            let date = info.stamps.first().map(|s| raw.strings.get(*s).to_owned());
            let mut label = raw.event_types_label(info);
            if let Some(d) = &date {
                label.push('\n');
                label.push_str(d);
            }
            let types = info
                .types
                .iter()
                .map(|t| raw.strings.get(*t).to_owned())
                .collect();
            (label, types, date)
        }
        (None, Some(stamp)) => (stamp.to_owned(), Vec::new(), Some(stamp.to_owned())),
        (None, None) => (raw.label(id), Vec::new(), None),
    };
    Node {
        id: id.to_owned(),
        label,
        kind: acc.kind,
        types,
        date,
        mentions: acc.mentions,
        evidence: raw.evidence_list(&acc.evidence),
    }
}

/// Turns the ordered maps into the petgraph, node indices in id order, edges sorted by
/// (source index, target index).
fn into_petgraph(
    raw: &Raw,
    nodes: Nodes<'_>,
    edges: Edges<'_>,
    focus_ids: &BTreeSet<String>,
    opts: &ViewOptions,
) -> ViewGraph {
    let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for (id, node) in nodes {
        let node = node_of(raw, &id, node);
        index.insert(id.into_owned(), graph.add_node(node));
    }
    let mut sorted: Vec<(NodeIndex, NodeIndex, Edge)> = edges
        .into_iter()
        .filter_map(|((a, b), acc)| {
            let (ia, ib) = (*index.get(a.as_ref())?, *index.get(b.as_ref())?);
            let (source, target) = if acc.reversed == Some(true) {
                (ib, ia)
            } else {
                (ia, ib)
            };
            let edge = Edge {
                kinds: acc.kinds,
                labels: acc.labels.into_iter().map(Cow::into_owned).collect(),
                directed: acc.reversed.is_some(),
                evidence: raw.evidence_list(&acc.evidence),
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

#[cfg(test)]
mod line_tests {
    use super::line_may_matter;

    #[test]
    fn only_lines_with_an_unread_predicate_are_skipped() {
        let read = [
            "<http://e/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/T> <http://e/g> .\n",
            "_:b0 <http://www.w3.org/2000/01/rdf-schema#label> \"x > y\" <http://e/g> .\n",
            "<http://e/s>\t<http://www.w3.org/ns/prov#wasDerivedFrom> <http://e/s1> .\n",
            // Lines it cannot split are kept, for the parser to judge.
            "garbage\n",
            "<http://e/s> \"literal\" .\n",
            "<http://e/unterminated\n",
        ];
        for line in read {
            assert!(line_may_matter(line), "{line:?}");
        }
        let skipped = [
            "<http://e/m> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://e/g> .\n",
            "_:b1 <https://w3id.org/newsgraph/ontology#trigger> \"met\" .\n",
        ];
        for line in skipped {
            assert!(!line_may_matter(line), "{line:?}");
        }
    }
}
