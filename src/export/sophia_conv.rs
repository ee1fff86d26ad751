//! Conversion of oxigraph terms and quads to sophia terms, for `sophia_c14n` and for the
//! isomorphism checks of the tests (public for tests/interop.rs). Terms are built directly:
//! both libraries hold already-validated IRIs, language tags and blank node ids, so no
//! re-parsing is needed.

use std::collections::BTreeSet;

use oxigraph::model::{GraphNameRef, NamedOrBlankNodeRef, QuadRef, TermRef};
use oxigraph::store::Store;
use sophia_api::quad::Spog;
use sophia_api::term::{BnodeId, IriRef, LanguageTag, SimpleTerm};
use sophia_api::MownStr;

use super::ExportError;

/// A sophia quad with owned terms.
pub type SophiaQuad = Spog<SimpleTerm<'static>>;

/// A sophia dataset (a set, as `sophia_c14n` requires).
pub type SophiaDataset = BTreeSet<SophiaQuad>;

fn owned(s: &str) -> MownStr<'static> {
    MownStr::from(s.to_owned())
}

fn iri(s: &str) -> SimpleTerm<'static> {
    SimpleTerm::Iri(IriRef::new_unchecked(owned(s)))
}

fn subject(s: NamedOrBlankNodeRef<'_>) -> Result<SimpleTerm<'static>, ExportError> {
    #[allow(unreachable_patterns)] // a triple-term variant exists with oxigraph's rdf-12 feature
    match s {
        NamedOrBlankNodeRef::NamedNode(n) => Ok(iri(n.as_str())),
        NamedOrBlankNodeRef::BlankNode(b) => Ok(SimpleTerm::BlankNode(BnodeId::new_unchecked(
            owned(b.as_str()),
        ))),
        _ => Err(ExportError::Canonical(format!(
            "unsupported subject {s} (RDF 1.2 terms)"
        ))),
    }
}

/// Converts an oxigraph term to a sophia [`SimpleTerm`].
pub fn term(t: TermRef<'_>) -> Result<SimpleTerm<'static>, ExportError> {
    #[allow(unreachable_patterns)] // a triple-term variant exists with oxigraph's rdf-12 feature
    match t {
        TermRef::NamedNode(n) => Ok(iri(n.as_str())),
        TermRef::BlankNode(b) => Ok(SimpleTerm::BlankNode(BnodeId::new_unchecked(owned(
            b.as_str(),
        )))),
        TermRef::Literal(l) => Ok(match l.language() {
            Some(lang) => SimpleTerm::LiteralLanguage(
                owned(l.value()),
                LanguageTag::new_unchecked(owned(lang)),
                None,
            ),
            None => SimpleTerm::LiteralDatatype(
                owned(l.value()),
                IriRef::new_unchecked(owned(l.datatype().as_str())),
            ),
        }),
        _ => Err(ExportError::Canonical(format!(
            "unsupported term {t} (RDF 1.2 terms)"
        ))),
    }
}

/// Converts an oxigraph quad to a sophia quad (`None` graph = default graph).
pub fn quad(q: QuadRef<'_>) -> Result<SophiaQuad, ExportError> {
    let graph = match q.graph_name {
        GraphNameRef::DefaultGraph => None,
        GraphNameRef::NamedNode(n) => Some(iri(n.as_str())),
        GraphNameRef::BlankNode(b) => Some(SimpleTerm::BlankNode(BnodeId::new_unchecked(owned(
            b.as_str(),
        )))),
    };
    Ok((
        [
            subject(q.subject)?,
            iri(q.predicate.as_str()),
            term(q.object)?,
        ],
        graph,
    ))
}

/// Loads the whole store as a sophia dataset.
pub fn store_to_sophia(store: &Store) -> Result<SophiaDataset, ExportError> {
    let mut dataset = SophiaDataset::new();
    for q in store.iter() {
        let q = q?;
        dataset.insert(quad(q.as_ref())?);
    }
    Ok(dataset)
}
