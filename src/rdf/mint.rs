//! Deterministic, readable IRIs under a configurable base.

use oxigraph::model::NamedNode;

use crate::ingest::slugify;
use crate::resolve::Entity;

/// Mints IRIs under one base (which must end with `/` or `#`).
#[derive(Debug, Clone)]
pub struct Minter {
    base: String,
}

/// An invalid `--base`.
#[derive(Debug, thiserror::Error)]
#[error("invalid --base {base:?}: {reason}")]
pub struct BaseError {
    /// The base given.
    pub base: String,
    /// Why it is refused.
    pub reason: String,
}

impl Minter {
    /// A minter for `base`; `/` is appended when the base ends with neither `/` nor `#`.
    pub fn new(base: &str) -> Result<Self, BaseError> {
        let mut b = base.to_string();
        if !b.ends_with('/') && !b.ends_with('#') {
            b.push('/');
        }
        NamedNode::new(format!("{b}x")).map_err(|e| BaseError {
            base: base.into(),
            reason: e.to_string(),
        })?;
        if !b.contains(':') {
            return Err(BaseError {
                base: base.into(),
                reason: "not an absolute IRI".into(),
            });
        }
        Ok(Minter { base: b })
    }

    /// The base.
    pub fn base(&self) -> &str {
        &self.base
    }

    fn iri(&self, path: String) -> NamedNode {
        // Slugs are ASCII letters, digits and '-', so the result is always a valid IRI.
        NamedNode::new_unchecked(format!("{}{}", self.base, path))
    }

    /// The graph of the entities resolved across all documents and of the role concepts
    /// (see [`crate::rdf::entity_quads`]); also the IRI of the graph's own description.
    pub fn entities_graph(&self) -> NamedNode {
        self.iri("entities".to_string())
    }

    /// A document.
    pub fn document(&self, doc_slug: &str) -> NamedNode {
        self.iri(format!("doc/{doc_slug}"))
    }

    /// Sentence `n` (1-based) of a document; also the name of its graph.
    pub fn sentence(&self, doc_slug: &str, n: usize) -> NamedNode {
        self.iri(format!("doc/{doc_slug}/s{n}"))
    }

    /// A mention at code-point offsets.
    pub fn mention(&self, doc_slug: &str, begin: usize, end: usize) -> NamedNode {
        self.iri(format!("doc/{doc_slug}/m{begin}-{end}"))
    }

    /// An entity.
    pub fn entity(&self, e: &Entity) -> NamedNode {
        self.iri(format!("{}/{}", e.etype.slug(), e.slug))
    }

    /// A place by name (e.g. the country an organization belongs to).
    pub fn place(&self, name: &str) -> NamedNode {
        self.iri(format!("place/{}", slugify(name)))
    }

    /// A role concept.
    pub fn role(&self, label: &str) -> NamedNode {
        self.iri(format!("role/{}", slugify(label)))
    }

    /// A membership.
    pub fn membership(&self, person_slug: &str, role_slug: &str, holder: &Entity) -> NamedNode {
        self.iri(format!(
            "membership/{person_slug}/{role_slug}/{}-{}",
            holder.etype.slug(),
            holder.slug
        ))
    }

    /// An event with a date and actors: the same in every document that reports it.
    pub fn dated_event(&self, event_type: &str, date: &str, actor_slugs: &[&str]) -> NamedNode {
        self.iri(format!(
            "event/{}/{}/{}",
            slugify(event_type),
            slugify(date),
            actor_slugs.join("--")
        ))
    }

    /// An event known only from one sentence.
    pub fn sentence_event(
        &self,
        doc_slug: &str,
        n: usize,
        event_type: &str,
        k: usize,
    ) -> NamedNode {
        self.iri(format!("event/{doc_slug}/s{n}-{}-{k}", slugify(event_type)))
    }
}
