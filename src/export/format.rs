//! The RDF serialization formats `newsgraph export` writes.

use std::fmt;
use std::str::FromStr;

use oxigraph::io::{JsonLdProfileSet, RdfFormat};

/// An RDF serialization format supported by [`export`](super::export).
///
/// Quad formats ([`TriG`](Format::TriG), [`NQuads`](Format::NQuads)) keep the named graphs
/// (one per sentence); triple formats carry the merged graph (see [`Format::is_quads`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// TriG (Turtle with named graphs), the default export format.
    TriG,
    /// N-Quads: one quad per line.
    NQuads,
    /// Turtle (merged graph).
    Turtle,
    /// N-Triples: one triple per line (merged graph).
    NTriples,
    /// RDF/XML (merged graph).
    RdfXml,
    /// JSON-LD 1.1, written by oxigraph's streaming serializer (merged graph).
    JsonLd,
}

impl Format {
    /// Every format, in a fixed order (the order of the CLI's `--format` help).
    pub const ALL: [Format; 6] = [
        Format::TriG,
        Format::NQuads,
        Format::Turtle,
        Format::NTriples,
        Format::RdfXml,
        Format::JsonLd,
    ];

    /// The canonical name used on the command line (`trig`, `nquads`, `turtle`, `ntriples`,
    /// `rdfxml`, `jsonld`). [`FromStr`] accepts it, case-insensitively, plus a few aliases.
    pub fn name(self) -> &'static str {
        match self {
            Format::TriG => "trig",
            Format::NQuads => "nquads",
            Format::Turtle => "turtle",
            Format::NTriples => "ntriples",
            Format::RdfXml => "rdfxml",
            Format::JsonLd => "jsonld",
        }
    }

    /// The usual file extension, without the dot (`trig`, `nq`, `ttl`, `nt`, `rdf`, `jsonld`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::TriG => "trig",
            Format::NQuads => "nq",
            Format::Turtle => "ttl",
            Format::NTriples => "nt",
            Format::RdfXml => "rdf",
            Format::JsonLd => "jsonld",
        }
    }

    /// The IANA media type.
    pub fn media_type(self) -> &'static str {
        self.to_oxigraph().media_type()
    }

    /// True for formats that keep named graphs (TriG, N-Quads). The other formats receive the
    /// merged graph: the union of all named graphs, duplicate triples removed.
    pub fn is_quads(self) -> bool {
        matches!(self, Format::TriG | Format::NQuads)
    }

    /// The matching oxigraph format (JSON-LD without any profile).
    pub fn to_oxigraph(self) -> RdfFormat {
        match self {
            Format::TriG => RdfFormat::TriG,
            Format::NQuads => RdfFormat::NQuads,
            Format::Turtle => RdfFormat::Turtle,
            Format::NTriples => RdfFormat::NTriples,
            Format::RdfXml => RdfFormat::RdfXml,
            Format::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error returned by [`Format::from_str`] for an unknown format name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown RDF format {0:?} (expected one of: trig, nquads, turtle, ntriples, rdfxml, jsonld)"
)]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Parses a format name or extension, case-insensitively: `trig`; `nquads`, `n-quads`, `nq`;
    /// `turtle`, `ttl`; `ntriples`, `n-triples`, `nt`; `rdfxml`, `rdf/xml`, `rdf-xml`, `rdf`,
    /// `xml`, `owl`; `jsonld`, `json-ld`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "trig" => Ok(Format::TriG),
            "nquads" | "n-quads" | "nq" => Ok(Format::NQuads),
            "turtle" | "ttl" => Ok(Format::Turtle),
            "ntriples" | "n-triples" | "nt" => Ok(Format::NTriples),
            "rdfxml" | "rdf/xml" | "rdf-xml" | "rdf" | "xml" | "owl" => Ok(Format::RdfXml),
            "jsonld" | "json-ld" => Ok(Format::JsonLd),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
            assert_eq!(f.name().to_uppercase().parse::<Format>(), Ok(f));
            assert_eq!(f.extension().parse::<Format>(), Ok(f));
            assert_eq!(f.to_string(), f.name());
        }
    }

    #[test]
    fn aliases_and_unknown() {
        assert_eq!("N-Quads".parse::<Format>(), Ok(Format::NQuads));
        assert_eq!("json-ld".parse::<Format>(), Ok(Format::JsonLd));
        assert_eq!("RDF/XML".parse::<Format>(), Ok(Format::RdfXml));
        assert!("csv".parse::<Format>().is_err());
        assert!("".parse::<Format>().is_err());
    }

    #[test]
    fn quads_and_extensions_agree_with_oxigraph() {
        for f in Format::ALL {
            let ox = f.to_oxigraph();
            assert_eq!(f.extension(), ox.file_extension());
            // JSON-LD can hold named graphs but newsgraph writes the merged graph there.
            if f != Format::JsonLd {
                assert_eq!(f.is_quads(), ox.supports_datasets(), "{f}");
            }
        }
        assert!(!Format::JsonLd.is_quads());
    }
}
