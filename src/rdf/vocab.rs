//! Vocabulary terms written by newsgraph, as `pub const` values so that a typo is a
//! compile error (after oxigraph's `oxrdf::vocab`).
//!
//! Every term here is either from a standard vocabulary (schema.org, SEM, W3C ORG, NIF 2.0,
//! ITS RDF, PROV-O, SKOS, RDFS, OWL, XSD, DCTERMS) or declared in `ontology/newsgraph.ttl`
//! (namespace [`NG`]); a test checks the latter.

use oxigraph::model::NamedNodeRef;

macro_rules! terms {
    ($(#[$m:meta])* $module:ident, $ns:expr, { $($(#[$d:meta])* $name:ident = $local:expr),* $(,)? }) => {
        $(#[$m])*
        pub mod $module {
            use super::NamedNodeRef;
            /// The namespace IRI.
            pub const NS: &str = $ns;
            $(
                $(#[$d])*
                pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
            )*
        }
    };
}

/// The project ontology namespace.
pub const NG: &str = "https://w3id.org/newsgraph/ontology#";

/// Prefixes predeclared in queries and written in exports, in a fixed order.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", NG),
    ("schema", "https://schema.org/"),
    ("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"),
    ("org", "http://www.w3.org/ns/org#"),
    (
        "nif",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    ),
    ("itsrdf", "http://www.w3.org/2005/11/its/rdf#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("dcterms", "http://purl.org/dc/terms/"),
];

/// SPARQL `PREFIX` declarations for [`PREFIXES`].
pub fn sparql_prologue() -> String {
    PREFIXES
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect()
}

terms!(
    /// schema.org terms.
    schema, "https://schema.org/", {
    /// A person.
    PERSON = "Person",
    /// An organization.
    ORGANIZATION = "Organization",
    /// A place.
    PLACE = "Place",
    /// A country (subclass of Place).
    COUNTRY = "Country",
    /// A city (subclass of Place).
    CITY = "City",
    /// A news article.
    NEWS_ARTICLE = "NewsArticle",
    /// Publication date of an article.
    DATE_PUBLISHED = "datePublished",
    /// Headline (title) of an article.
    HEADLINE = "headline",
    /// Author of an article (a literal name here).
    AUTHOR = "author",
    /// Original URL of an article.
    URL = "url",
    /// Name of a thing.
    NAME = "name",
    /// The country an entity (place, demonym) belongs to.
    CONTAINED_IN_PLACE = "containedInPlace",
});

terms!(
    /// Simple Event Model terms.
    sem, "http://semanticweb.cs.vu.nl/2009/11/sem/", {
    /// An event.
    EVENT = "Event",
    /// A participant of an event.
    HAS_ACTOR = "hasActor",
    /// Where an event happened.
    HAS_PLACE = "hasPlace",
    /// When an event happened (a literal).
    HAS_TIME_STAMP = "hasTimeStamp",
});

terms!(
    /// W3C Organization Ontology terms.
    org, "http://www.w3.org/ns/org#", {
    /// A membership (person, organization, role).
    MEMBERSHIP = "Membership",
    /// The member of a membership.
    MEMBER = "member",
    /// The organization of a membership.
    ORGANIZATION = "organization",
    /// The role of a membership.
    ROLE = "role",
    /// A role concept.
    ROLE_CLASS = "Role",
});

terms!(
    /// NIF 2.0 core terms.
    nif, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", {
    /// A document context.
    CONTEXT = "Context",
    /// A sentence.
    SENTENCE = "Sentence",
    /// A phrase (entity mention).
    PHRASE = "Phrase",
    /// Full text of a context.
    IS_STRING = "isString",
    /// Begin offset (code points).
    BEGIN_INDEX = "beginIndex",
    /// End offset (code points).
    END_INDEX = "endIndex",
    /// The covered text.
    ANCHOR_OF = "anchorOf",
    /// The context a string belongs to.
    REFERENCE_CONTEXT = "referenceContext",
    /// The sentence a phrase belongs to.
    SENTENCE_PROP = "sentence",
    /// Source URL of a context.
    SOURCE_URL = "sourceUrl",
});

terms!(
    /// ITS 2.0 RDF terms.
    itsrdf, "http://www.w3.org/2005/11/its/rdf#", {
    /// The entity a mention refers to.
    TA_IDENT_REF = "taIdentRef",
    /// The class of the entity a mention refers to.
    TA_CLASS_REF = "taClassRef",
});

terms!(
    /// PROV-O terms.
    prov, "http://www.w3.org/ns/prov#", {
    /// Derivation (fact node → sentence).
    WAS_DERIVED_FROM = "wasDerivedFrom",
    /// Attribution (reported speech: claim → source).
    WAS_ATTRIBUTED_TO = "wasAttributedTo",
});

terms!(
    /// SKOS terms.
    skos, "http://www.w3.org/2004/02/skos/core#", {
    /// Alternative label.
    ALT_LABEL = "altLabel",
    /// A concept.
    CONCEPT = "Concept",
    /// Preferred label.
    PREF_LABEL = "prefLabel",
});

terms!(
    /// Dublin Core terms.
    dcterms, "http://purl.org/dc/terms/", {
    /// Source (relative path of the input file).
    SOURCE = "source",
    /// Identifier (e.g. the SHA-256 of a file).
    IDENTIFIER = "identifier",
    /// Title.
    TITLE = "title",
    /// Creator.
    CREATOR = "creator",
    /// Date.
    DATE = "date",
});

terms!(
    /// The project ontology (`ontology/newsgraph.ttl`).
    ng, "https://w3id.org/newsgraph/ontology#", {
    /// SHA-256 of a source file's bytes (hex).
    SHA256 = "sha256",
    /// 1-based index of a sentence in its document.
    SENTENCE_INDEX = "sentenceIndex",
    /// Relative path of the source file.
    SOURCE_PATH = "sourcePath",
    /// The word or phrase that triggered an event.
    TRIGGER = "trigger",
    /// The agent (initiator) of an event; sub-property of sem:hasActor.
    HAS_AGENT = "hasAgent",
    /// Another participant (target) of an event; sub-property of sem:hasActor.
    HAS_PARTICIPANT = "hasParticipant",
    /// The source a claim is attributed to ("Axios reported").
    REPORTED_BY = "reportedBy",
    /// CAMEO code of an event class.
    CAMEO_CODE = "cameoCode",
    /// The country a nationality adjective, city or body stands for / belongs to.
    COUNTRY = "country",
    /// An event type class: Meeting.
    MEETING = "Meeting",
    /// The class of the entity graph (entities resolved across documents, role concepts).
    ENTITY_GRAPH = "EntityGraph",
});
