//! RDF: documents, sentences, mentions, entities, roles and events → quads under the
//! contract of `docs/RDF-MODEL.md` (PRODUCT.md §3).
//!
//! Every fact extracted from a sentence is asserted in the named graph of that sentence; the
//! document's own description lives in the graph named by the document. IRIs are minted by
//! [`mint`] from slugs, so the same input gives the same IRIs.

pub mod mint;
pub mod vocab;

use std::collections::BTreeSet;

use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, QuadRef, TermRef};

use crate::extract::{EntityType, Extraction, MentionKind, TimeKind};
use crate::ingest::Document;
use crate::resolve::{Entity, Resolved};
use crate::text::CharIndex;
use mint::Minter;
use vocab::{dcterms, itsrdf, ng, nif, org, prov, schema, sem, skos};

/// The default base of minted IRIs.
pub const DEFAULT_BASE: &str = "https://w3id.org/newsgraph/id/";

/// The event class IRI for an event type local name.
pub fn event_class(event_type: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}", vocab::NG, event_type))
}

struct Out {
    /// Each quad's N-Quads form (without the final ` .`) and where its graph name starts.
    lines: Vec<(String, usize)>,
    graph: GraphName,
    typed: Vec<(Counted, String)>,
}

impl Out {
    fn new(graph: GraphName) -> Self {
        Out {
            lines: Vec::new(),
            graph,
            typed: Vec::new(),
        }
    }

    /// Add the quad (`s`, `p`, `o`, the current graph), written straight to its N-Quads form:
    /// no owned `Quad` is made (its four terms were four allocations, freed again at once).
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Object) {
        use std::fmt::Write as _;
        let o = o.term();
        let graph_len = match &self.graph {
            GraphName::NamedNode(n) => n.as_str().len() + 3,
            _ => 0,
        };
        let object_len = match o {
            TermRef::NamedNode(n) => n.as_str().len() + 2,
            TermRef::Literal(l) => {
                l.value().len() + l.datatype().as_str().len() + l.language().map_or(0, str::len) + 8
            }
            _ => 64,
        };
        let mut line =
            String::with_capacity(s.as_str().len() + p.as_str().len() + object_len + graph_len + 8);
        let _ = write!(
            line,
            "{}",
            QuadRef::new(s.as_ref(), p, o, self.graph.as_ref())
        );
        let graph_at = match &self.graph {
            GraphName::NamedNode(n) => line.len().saturating_sub(n.as_str().len() + 2),
            _ => line.len(),
        };
        if p == rdf::TYPE {
            if let TermRef::NamedNode(t) = o {
                if let Some(c) = Counted::of_class(t) {
                    self.typed.push((c, s.as_str().to_owned()));
                }
            }
        }
        self.lines.push((line, graph_at));
    }

    fn finish(self) -> NQuads {
        sorted_nquads(self.lines, self.typed)
    }
}

/// A quad's object, lent as a term (owned or borrowed, so that call sites need not clone).
trait Object {
    fn term(&self) -> TermRef<'_>;
}

impl Object for NamedNode {
    fn term(&self) -> TermRef<'_> {
        self.as_ref().into()
    }
}

impl Object for NamedNodeRef<'_> {
    fn term(&self) -> TermRef<'_> {
        (*self).into()
    }
}

impl Object for Literal {
    fn term(&self) -> TermRef<'_> {
        self.as_ref().into()
    }
}

impl<T: Object + ?Sized> Object for &T {
    fn term(&self) -> TermRef<'_> {
        (**self).term()
    }
}

/// What the extraction summary counts, by the `rdf:type` of a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Counted {
    /// A person, an organization or a place.
    Entity,
    /// An event (`sem:Event`).
    Event,
    /// A membership (`org:Membership`).
    Membership,
}

impl Counted {
    fn of_class(class: NamedNodeRef<'_>) -> Option<Self> {
        if class == sem::EVENT {
            Some(Counted::Event)
        } else if class == org::MEMBERSHIP {
            Some(Counted::Membership)
        } else if class == schema::PERSON || class == schema::ORGANIZATION || class == schema::PLACE
        {
            Some(Counted::Entity)
        } else {
            None
        }
    }
}

/// An offset or index. `xsd:integer`, not `xsd:nonNegativeInteger`: Oxigraph's store keeps
/// every integer subtype as `xsd:integer`, so that is what queries and exports of the store
/// return; the snapshot, written from these quads and exported from directly, says the same.
fn int(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

fn entity_types(e: &Entity) -> Vec<NamedNodeRef<'static>> {
    use crate::lexicon::PlaceKind;
    match e.etype {
        EntityType::Person => vec![schema::PERSON],
        EntityType::Organization => vec![schema::ORGANIZATION],
        EntityType::Place => match e.place_kind {
            Some(PlaceKind::Country) => vec![schema::PLACE, schema::COUNTRY],
            Some(PlaceKind::City) => vec![schema::PLACE, schema::CITY],
            _ => vec![schema::PLACE],
        },
    }
}

/// Keep only characters that are valid in every RDF syntax (XML 1.0 forbids most C0 controls).
pub fn clean_literal(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() && (c as u32) < 0x20) && c != '\u{FFFE}' && c != '\u{FFFF}'
        })
        .collect()
}

/// All quads of one document. `d` is the document's index in `resolved.links`.
///
/// The quads are parsed back from [`document_quads_nquads`]'s text (what the store is loaded
/// from), so this also checks that the text is valid N-Quads.
pub fn document_quads(
    minter: &Minter,
    doc: &Document,
    ex: &Extraction,
    resolved: &Resolved,
    d: usize,
) -> Result<Vec<Quad>, RdfSyntaxError> {
    document_quads_nquads(minter, doc, ex, resolved, d).quads()
}

/// All quads of one document as N-Quads text (one line each: `quad.to_string()`, then ` .`
/// and a line feed), sorted and grouped by graph: see [`NQuads`].
pub fn document_quads_nquads(
    minter: &Minter,
    doc: &Document,
    ex: &Extraction,
    resolved: &Resolved,
    d: usize,
) -> NQuads {
    let links = &resolved.links[d];
    let ix = CharIndex::new(&doc.text);
    let doc_iri = minter.document(&doc.slug);
    let mut out = Out::new(GraphName::NamedNode(doc_iri.clone()));
    // The document.
    out.add(&doc_iri, rdf::TYPE, nif::CONTEXT);
    out.add(&doc_iri, rdf::TYPE, schema::NEWS_ARTICLE);
    out.add(
        &doc_iri,
        ng::SOURCE_PATH,
        Literal::from(clean_literal(&doc.rel_path)),
    );
    out.add(
        &doc_iri,
        dcterms::SOURCE,
        Literal::from(clean_literal(&doc.rel_path)),
    );
    out.add(&doc_iri, ng::SHA256, Literal::from(doc.sha256.clone()));
    out.add(&doc_iri, nif::BEGIN_INDEX, int(0));
    out.add(&doc_iri, nif::END_INDEX, int(ix.len_chars()));
    out.add(
        &doc_iri,
        nif::IS_STRING,
        Literal::from(clean_literal(&doc.text)),
    );
    if let Some(date) = &doc.meta.date {
        out.add(
            &doc_iri,
            schema::DATE_PUBLISHED,
            Literal::new_typed_literal(date.clone(), xsd::DATE),
        );
    }
    if let Some(t) = &doc.meta.title {
        out.add(&doc_iri, schema::HEADLINE, Literal::from(clean_literal(t)));
        out.add(&doc_iri, dcterms::TITLE, Literal::from(clean_literal(t)));
    }
    if let Some(a) = &doc.meta.author {
        out.add(&doc_iri, schema::AUTHOR, Literal::from(clean_literal(a)));
    }
    if let Some(u) = &doc.meta.url {
        match NamedNode::new(u.clone()) {
            Ok(iri) => out.add(&doc_iri, schema::URL, iri),
            Err(_) => out.add(&doc_iri, schema::URL, Literal::from(clean_literal(u))),
        }
    }
    // Sentences.
    let sent_iris: Vec<NamedNode> = (0..doc.sentences.len())
        .map(|i| minter.sentence(&doc.slug, i + 1))
        .collect();
    let graph_of = |s: usize| GraphName::NamedNode(sent_iris[s].clone());
    for (i, span) in doc.sentences.iter().enumerate() {
        out.graph = graph_of(i);
        let s = &sent_iris[i];
        out.add(s, rdf::TYPE, nif::SENTENCE);
        out.add(s, nif::REFERENCE_CONTEXT, &doc_iri);
        out.add(s, ng::SENTENCE_INDEX, int(i + 1));
        out.add(s, nif::BEGIN_INDEX, int(ix.char_offset(span.start)));
        out.add(s, nif::END_INDEX, int(ix.char_offset(span.end)));
        out.add(
            s,
            nif::ANCHOR_OF,
            Literal::from(clean_literal(span.slice(&doc.text))),
        );
    }
    let entity_iri = |e: usize| minter.entity(&resolved.entities[e]);
    // Mentions; what the entities they name are (type, label, altLabels) is asserted once,
    // in the entity graph (see [`entity_quads`]).
    for (mi, m) in ex.mentions.iter().enumerate() {
        let Some(e) = mention_entity(links, ex, mi, doc.sentences.len()) else {
            continue;
        };
        let sent = &sent_iris[m.sentence];
        out.graph = graph_of(m.sentence);
        let ent = &resolved.entities[e];
        let (b, en) = (ix.char_offset(m.span.start), ix.char_offset(m.span.end));
        let phrase = minter.mention(&doc.slug, b, en);
        out.add(&phrase, rdf::TYPE, nif::PHRASE);
        out.add(&phrase, nif::REFERENCE_CONTEXT, &doc_iri);
        out.add(&phrase, nif::SENTENCE_PROP, sent);
        out.add(&phrase, nif::BEGIN_INDEX, int(b));
        out.add(&phrase, nif::END_INDEX, int(en));
        out.add(
            &phrase,
            nif::ANCHOR_OF,
            Literal::from(clean_literal(m.span.slice(&doc.text))),
        );
        out.add(&phrase, itsrdf::TA_IDENT_REF, entity_iri(e));
        out.add(&phrase, itsrdf::TA_CLASS_REF, entity_types(ent)[0]);
    }
    // Roles.
    for r in &ex.roles {
        let Some((p, h)) = membership_of(resolved, d, r, doc.sentences.len()) else {
            continue;
        };
        out.graph = graph_of(r.sentence);
        let (pe, he) = (&resolved.entities[p], &resolved.entities[h]);
        let role = minter.role(&r.role);
        let ms = minter.membership(&pe.slug, &crate::ingest::slugify(&r.role), he);
        out.add(&ms, rdf::TYPE, org::MEMBERSHIP);
        out.add(&ms, org::MEMBER, entity_iri(p));
        out.add(&ms, org::ORGANIZATION, entity_iri(h));
        out.add(&ms, org::ROLE, role);
        out.add(
            &ms,
            rdfs::LABEL,
            Literal::from(clean_literal(&format!(
                "{} — {} of {}",
                pe.label, r.role, he.label
            ))),
        );
        out.add(&ms, prov::WAS_DERIVED_FROM, &sent_iris[r.sentence]);
    }
    // Events.
    for (k, ev) in ex.events.iter().enumerate() {
        if ev.sentence >= sent_iris.len() {
            continue;
        }
        let resolve = |ms: &[usize]| -> Vec<usize> {
            let mut v: Vec<usize> = ms
                .iter()
                .filter_map(|&m| links.get(m).copied().flatten())
                .collect();
            v.dedup();
            v
        };
        let agents = resolve(&ev.agents);
        let mut parts = resolve(&ev.participants);
        parts.retain(|p| !agents.contains(p));
        let place = ev.place.and_then(|m| links.get(m).copied().flatten());
        let actors: BTreeSet<usize> = agents
            .iter()
            .chain(&parts)
            .copied()
            .filter(|a| Some(*a) != place)
            .collect();
        if actors.is_empty() {
            continue;
        }
        out.graph = graph_of(ev.sentence);
        let slugs: Vec<&str> = actors
            .iter()
            .map(|&a| resolved.entities[a].slug.as_str())
            .collect();
        let iri = match &ev.time {
            Some(t) => minter.dated_event(&ev.event_type, &t.lexical, &slugs),
            None => minter.sentence_event(&doc.slug, ev.sentence + 1, &ev.event_type, k),
        };
        out.add(&iri, rdf::TYPE, sem::EVENT);
        out.add(&iri, rdf::TYPE, event_class(&ev.event_type));
        let names: Vec<&str> = actors
            .iter()
            .map(|&a| resolved.entities[a].label.as_str())
            .collect();
        let label = match &ev.time {
            Some(t) => format!("{}: {} ({})", ev.event_type, names.join(", "), t.lexical),
            None => format!("{}: {}", ev.event_type, names.join(", ")),
        };
        out.add(&iri, rdfs::LABEL, Literal::from(clean_literal(&label)));
        out.add(&iri, ng::TRIGGER, Literal::from(clean_literal(&ev.trigger)));
        for &a in &actors {
            out.add(&iri, sem::HAS_ACTOR, entity_iri(a));
        }
        for &a in agents.iter().filter(|a| actors.contains(a)) {
            out.add(&iri, ng::HAS_AGENT, entity_iri(a));
        }
        for &a in parts.iter().filter(|a| actors.contains(a)) {
            out.add(&iri, ng::HAS_PARTICIPANT, entity_iri(a));
        }
        if let Some(p) = place {
            out.add(&iri, sem::HAS_PLACE, entity_iri(p));
        }
        if let Some(t) = &ev.time {
            let dt = match t.kind {
                TimeKind::Date => xsd::DATE,
                TimeKind::YearMonth => xsd::G_YEAR_MONTH,
                TimeKind::Year => xsd::G_YEAR,
            };
            out.add(
                &iri,
                sem::HAS_TIME_STAMP,
                Literal::new_typed_literal(t.lexical.clone(), dt),
            );
        }
        if let Some(r) = ev.reported_by.and_then(|m| links.get(m).copied().flatten()) {
            if !actors.contains(&r) {
                out.add(&iri, ng::REPORTED_BY, entity_iri(r));
            }
        }
        out.add(&iri, prov::WAS_DERIVED_FROM, &sent_iris[ev.sentence]);
    }
    out.finish()
}

/// Quads as N-Quads text, grouped by named graph.
#[derive(Debug, Clone, Default)]
pub struct NQuads {
    /// One line per quad (`quad.to_string()`, ` .`, line feed).
    pub text: String,
    /// Each named graph's N-Quads form (`<iri>`) and the byte range of its lines in `text`,
    /// in text order (sorted by that form).
    pub graphs: Vec<(String, std::ops::Range<usize>)>,
    /// The number of quads (lines of `text`).
    pub len: usize,
    /// The subjects typed with a class the summary counts (with repeats).
    pub typed: Vec<(Counted, String)>,
}

impl NQuads {
    /// The quads of [`text`](Self::text), parsed (for a store that loads quads, not text).
    pub fn quads(&self) -> Result<Vec<Quad>, RdfSyntaxError> {
        RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(self.text.as_bytes())
            .collect()
    }
}

/// Quads sorted by graph (N-Quads form), then by their N-Quads form, duplicates dropped (two
/// quads are equal exactly when their N-Quads forms are), as N-Quads text: each graph's lines
/// are contiguous and in the order `export` writes them, so that a quad export can be
/// streamed from the snapshot. `lines` holds each quad's form and
/// where its graph name starts in it.
fn sorted_nquads(mut lines: Vec<(String, usize)>, typed: Vec<(Counted, String)>) -> NQuads {
    lines.sort_unstable_by(|(a, ga), (b, gb)| a[*ga..].cmp(&b[*gb..]).then_with(|| a.cmp(b)));
    lines.dedup_by(|a, b| a.0 == b.0);
    let mut text = String::with_capacity(lines.iter().map(|(k, _)| k.len() + 3).sum());
    let mut graphs: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for (k, g) in &lines {
        let at = text.len();
        text.push_str(k);
        text.push_str(" .\n");
        let graph = &k[*g..];
        match graphs.last_mut() {
            Some((last, r)) if last == graph => r.end = text.len(),
            _ => graphs.push((graph.to_string(), at..text.len())),
        }
    }
    NQuads {
        text,
        graphs,
        len: lines.len(),
        typed,
    }
}

/// The entity a mention names, when its quads are written: it is linked to an entity and
/// lies in a sentence of the document (`sentences` of them).
fn mention_entity(
    links: &[Option<usize>],
    ex: &Extraction,
    mi: usize,
    sentences: usize,
) -> Option<usize> {
    let e = links.get(mi).copied().flatten()?;
    (ex.mentions.get(mi)?.sentence < sentences).then_some(e)
}

/// The (person, holder) entities of a role fact that becomes an `org:Membership`.
fn membership_of(
    resolved: &Resolved,
    d: usize,
    r: &crate::extract::RoleFact,
    sentences: usize,
) -> Option<(usize, usize)> {
    let p = resolved.links.get(d)?.get(r.person).copied().flatten()?;
    let h = resolved.role_holder(d, r)?;
    (p != h && r.sentence < sentences).then_some((p, h))
}

/// The surface form of a mention that is an `skos:altLabel` of its entity: names and
/// descriptions other than the label (an organization described as "the central bank" is
/// linked, but that is not one of its names).
fn alt_label<'a>(m: &'a crate::extract::Mention, ent: &Entity) -> Option<&'a str> {
    let org_description = m.kind == MentionKind::Description && m.etype == EntityType::Organization;
    (matches!(
        m.kind,
        MentionKind::Name | MentionKind::WeakName | MentionKind::Description
    ) && !org_description
        && m.surface != ent.label)
        .then_some(m.surface.as_str())
}

/// The entity graph: every entity named in `docs` (in the order of `resolved.links`) with its
/// types, one `rdfs:label`, its `skos:altLabel`s and `ng:country`, and every role concept of
/// a membership, each asserted once, in the graph [`Minter::entities_graph`]. Resolution
/// makes these across documents; the sentences they come from are the mentions
/// (`itsrdf:taIdentRef`) and memberships, in their sentence graphs. Asserted once, a join on
/// labels or types over the union of the graphs gives one row per entity, not one per
/// sentence that names it.
pub fn entity_quads(
    minter: &Minter,
    docs: &[(&Document, &Extraction)],
    resolved: &Resolved,
) -> NQuads {
    let graph = minter.entities_graph();
    let mut out = Out::new(GraphName::NamedNode(graph.clone()));
    out.add(&graph, rdf::TYPE, ng::ENTITY_GRAPH);
    let mut named: BTreeSet<usize> = BTreeSet::new();
    let mut alt: BTreeSet<(usize, &str)> = BTreeSet::new();
    let mut roles: BTreeSet<&str> = BTreeSet::new();
    for (d, (doc, ex)) in docs.iter().enumerate() {
        let Some(links) = resolved.links.get(d) else {
            continue;
        };
        for (mi, m) in ex.mentions.iter().enumerate() {
            let Some(e) = mention_entity(links, ex, mi, doc.sentences.len()) else {
                continue;
            };
            named.insert(e);
            if let Some(a) = alt_label(m, &resolved.entities[e]) {
                alt.insert((e, a));
            }
        }
        for r in &ex.roles {
            if membership_of(resolved, d, r, doc.sentences.len()).is_some() {
                roles.insert(r.role.as_str());
            }
        }
    }
    for &e in &named {
        let ent = &resolved.entities[e];
        let eiri = minter.entity(ent);
        for t in entity_types(ent) {
            out.add(&eiri, rdf::TYPE, t);
        }
        out.add(&eiri, rdfs::LABEL, Literal::from(clean_literal(&ent.label)));
        if let Some(c) = &ent.country {
            if ent.label != *c {
                out.add(&eiri, ng::COUNTRY, minter.place(c));
            }
        }
    }
    for (e, a) in alt {
        out.add(
            &minter.entity(&resolved.entities[e]),
            skos::ALT_LABEL,
            Literal::from(clean_literal(a)),
        );
    }
    for r in roles {
        let role = minter.role(r);
        out.add(&role, rdf::TYPE, org::ROLE_CLASS);
        out.add(&role, rdf::TYPE, skos::CONCEPT);
        out.add(&role, rdfs::LABEL, Literal::from(clean_literal(r)));
    }
    out.finish()
}
