//! The matching rules of `../shared/eval/README.md`, applied to [`GraphData`].

use super::gold::{EntityType, Gold, GoldEvent, GoldRole};
use super::graph::{GraphData, GraphEvent};
use super::normalize::normalize_name;
use super::report::{
    Duplicate, EntityRef, EntityScores, EventRecall, EventScores, MentionScores, MissReason,
    MissedEntity, MissedEvent, MissedMention, MissedRole, Prf, RecallScore, Report,
};
use std::collections::{BTreeMap, BTreeSet};

/// Role title synonyms: a title matches a role label containing any member of its group.
const TITLE_SYNONYMS: &[&[&str]] = &[
    &["spokesperson", "spokesman", "spokeswoman"],
    &["head", "chief", "director", "chairman"],
    &["envoy", "special envoy", "representative"],
];

/// Scores graph data against a gold file.
pub fn score(data: &GraphData, gold: &Gold) -> Report {
    let ctx = Context::new(data, gold);
    let (entities, duplicates, missed_entities, false_positives) = ctx.entities();
    let mentions = ctx.mentions();
    let (roles, missed_roles) = ctx.roles();
    let (events, missed_events) = ctx.events();
    Report {
        entities,
        duplicates,
        mentions,
        roles,
        events,
        missed_entities,
        false_positives,
        missed_roles,
        missed_events,
    }
}

/// `n / d`, or 1.0 when `d` is 0.
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn recall(total: usize, found: usize) -> RecallScore {
    RecallScore {
        total,
        found,
        recall: ratio(found, total),
    }
}

/// Collapses runs of whitespace to one space.
fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `haystack` contains `needle` as whole words (both normalized).
fn contains_words(haystack: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {haystack} ").contains(&format!(" {needle} "))
}

/// The normalized title and its synonym variants.
fn title_variants(title: &str) -> BTreeSet<String> {
    let t = normalize_name(title);
    let mut out = BTreeSet::from([t.clone()]);
    let padded = format!(" {t} ");
    for group in TITLE_SYNONYMS {
        for term in group.iter() {
            let needle = format!(" {term} ");
            if padded.contains(&needle) {
                for other in group.iter() {
                    let v = padded.replace(&needle, &format!(" {other} "));
                    out.insert(v.trim().to_string());
                }
            }
        }
    }
    out
}

struct Context<'a> {
    data: &'a GraphData,
    gold: &'a Gold,
    /// Normalized labels of every labelled graph node.
    node_keys: BTreeMap<&'a str, BTreeSet<String>>,
    /// Normalized name + aliases of each gold entity.
    gold_keys: Vec<BTreeSet<String>>,
    /// Normalized metonym → normalized country.
    metonyms: BTreeMap<String, String>,
}

impl<'a> Context<'a> {
    fn new(data: &'a GraphData, gold: &'a Gold) -> Self {
        let node_keys = data
            .entities
            .iter()
            .map(|(iri, e)| {
                (
                    iri.as_str(),
                    e.all_labels().map(|l| normalize_name(l)).collect(),
                )
            })
            .collect();
        let gold_keys = gold
            .entities
            .iter()
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(e.aliases.iter())
                    .map(|n| normalize_name(n))
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .collect();
        let metonyms = gold
            .metonyms
            .iter()
            .map(|(k, v)| (normalize_name(k), normalize_name(v)))
            .collect();
        Context {
            data,
            gold,
            node_keys,
            gold_keys,
            metonyms,
        }
    }

    /// The normalized forms a gold name stands for: itself plus the aliases of the gold entity
    /// with that canonical name (or, failing that, of gold entities having it as an alias).
    fn name_keys(&self, name: &str) -> BTreeSet<String> {
        let n = normalize_name(name);
        let mut keys = BTreeSet::from([n.clone()]);
        let canonical: Vec<usize> = (0..self.gold.entities.len())
            .filter(|&i| normalize_name(&self.gold.entities[i].name) == n)
            .collect();
        let chosen = if canonical.is_empty() {
            (0..self.gold_keys.len())
                .filter(|&i| self.gold_keys[i].contains(&n))
                .collect()
        } else {
            canonical
        };
        for i in chosen {
            keys.extend(self.gold_keys[i].iter().cloned());
        }
        keys
    }

    /// Whether a graph node has a label among `keys`.
    fn node_matches(&self, node: &str, keys: &BTreeSet<String>) -> bool {
        self.node_keys
            .get(node)
            .is_some_and(|labels| labels.iter().any(|l| keys.contains(l)))
    }

    fn entity_ref(&self, iri: &str) -> EntityRef {
        let e = self.data.entities.get(iri);
        EntityRef {
            label: e.map_or_else(String::new, |e| e.display_label().to_string()),
            types: e.map_or_else(Vec::new, |e| e.types.iter().copied().collect()),
            iri: iri
                .strip_prefix('<')
                .and_then(|i| i.strip_suffix('>'))
                .unwrap_or(iri)
                .to_string(),
        }
    }

    /// Whether a source file base name is the gold document `reference` (a file name from
    /// `documents`, or the first three characters of one).
    fn document_matches(reference: &str, file: &str) -> bool {
        if file == reference {
            return true;
        }
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        if stem == reference {
            return true;
        }
        reference.chars().count() == 3 && file.chars().take(3).eq(reference.chars())
    }

    /// Document nodes of a gold document reference.
    fn document_nodes(&self, reference: &str) -> BTreeSet<&'a str> {
        self.data
            .document_files
            .iter()
            .filter(|(_, files)| files.iter().any(|f| Self::document_matches(reference, f)))
            .map(|(d, _)| d.as_str())
            .collect()
    }

    #[allow(clippy::type_complexity)]
    fn entities(
        &self,
    ) -> (
        EntityScores,
        Vec<Duplicate>,
        Vec<MissedEntity>,
        Vec<EntityRef>,
    ) {
        // Typed graph entities and the gold entities each matches.
        let typed: Vec<(&str, &BTreeSet<EntityType>, BTreeSet<usize>)> = self
            .data
            .entities
            .iter()
            .filter(|(_, e)| !e.types.is_empty())
            .map(|(iri, e)| {
                let matched = (0..self.gold_keys.len())
                    .filter(|&i| self.node_matches(iri, &self.gold_keys[i]))
                    .collect();
                (iri.as_str(), &e.types, matched)
            })
            .collect();

        #[derive(Default)]
        struct Counts {
            graph: usize,
            matched: usize,
            optional_only: usize,
            fp: usize,
            gold: usize,
            found: usize,
        }
        let mut per_type: BTreeMap<EntityType, Counts> = BTreeMap::new();
        let mut overall = Counts::default();
        let mut false_positives = Vec::new();
        for (iri, types, matched) in &typed {
            let required = matched.iter().any(|&i| !self.gold.entities[i].optional);
            let bump = |c: &mut Counts| {
                c.graph += 1;
                if required {
                    c.matched += 1;
                } else if matched.is_empty() {
                    c.fp += 1;
                } else {
                    c.optional_only += 1;
                }
            };
            bump(&mut overall);
            for t in types.iter() {
                bump(per_type.entry(*t).or_default());
            }
            if matched.is_empty() {
                false_positives.push(self.entity_ref(iri));
            }
        }

        let mut missed = Vec::new();
        let mut duplicates = Vec::new();
        for (i, g) in self.gold.entities.iter().enumerate() {
            let matching: Vec<&(&str, &BTreeSet<EntityType>, BTreeSet<usize>)> =
                typed.iter().filter(|(_, _, m)| m.contains(&i)).collect();
            if matching.len() >= 2 {
                let mut graph_entities: Vec<EntityRef> = matching
                    .iter()
                    .map(|(iri, _, _)| self.entity_ref(iri))
                    .collect();
                graph_entities.sort();
                duplicates.push(Duplicate {
                    gold: g.name.clone(),
                    gold_type: g.entity_type,
                    graph_entities,
                });
            }
            if g.optional {
                continue;
            }
            let found = matching.iter().any(|(_, t, _)| t.contains(&g.entity_type));
            for c in [&mut overall, per_type.entry(g.entity_type).or_default()] {
                c.gold += 1;
                if found {
                    c.found += 1;
                }
            }
            if !found {
                let found_as: BTreeSet<EntityType> = matching
                    .iter()
                    .flat_map(|(_, t, _)| t.iter().copied())
                    .collect();
                missed.push(MissedEntity {
                    entity_type: g.entity_type,
                    name: g.name.clone(),
                    found_as: found_as.into_iter().collect(),
                });
            }
        }

        let prf = |c: &Counts| {
            let precision = ratio(c.matched, c.matched + c.fp);
            let recall = ratio(c.found, c.gold);
            Prf {
                graph_entities: c.graph,
                graph_matched: c.matched,
                graph_optional_only: c.optional_only,
                false_positives: c.fp,
                gold_required: c.gold,
                gold_found: c.found,
                precision,
                recall,
                f1: f1(precision, recall),
            }
        };
        let mut per_type_prf = BTreeMap::new();
        for t in EntityType::ALL {
            let c = per_type.remove(&t).unwrap_or_default();
            per_type_prf.insert(t.as_str().to_string(), prf(&c));
        }
        false_positives.sort();
        missed.sort();
        duplicates.sort();
        (
            EntityScores {
                per_type: per_type_prf,
                overall: prf(&overall),
            },
            duplicates,
            missed,
            false_positives,
        )
    }

    fn mentions(&self) -> MentionScores {
        let mut per_document: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut missed = Vec::new();
        for (i, g) in self.gold.entities.iter().enumerate() {
            if g.optional {
                continue;
            }
            let docs: BTreeSet<&String> = g.documents.iter().collect();
            for doc in docs {
                let nodes = self.document_nodes(doc);
                let found = self.data.mentions.iter().any(|(d, e)| {
                    nodes.contains(d.as_str()) && self.node_matches(e, &self.gold_keys[i])
                });
                let c = per_document.entry(doc.clone()).or_default();
                c.0 += 1;
                if found {
                    c.1 += 1;
                } else {
                    missed.push(MissedMention {
                        document: doc.clone(),
                        entity: g.name.clone(),
                    });
                }
            }
        }
        missed.sort();
        let total = per_document.values().map(|c| c.0).sum();
        let found = per_document.values().map(|c| c.1).sum();
        MentionScores {
            per_document: per_document
                .into_iter()
                .map(|(d, (t, f))| (d, recall(t, f)))
                .collect(),
            overall: recall(total, found),
            missed,
        }
    }

    /// Keys of a role's acceptable organizations, with metonyms in both directions.
    fn role_org_keys(&self, role: &GoldRole) -> BTreeSet<String> {
        let names: BTreeSet<String> = std::iter::once(&role.of)
            .chain(role.also_of.iter())
            .map(|n| normalize_name(n))
            .collect();
        let mut expanded = names.clone();
        for (metonym, country) in &self.metonyms {
            if names.contains(metonym) {
                expanded.insert(country.clone());
            }
            if names.contains(country) {
                expanded.insert(metonym.clone());
            }
        }
        // Resolve each name through the gold entities (aliases), keyed by the original spelling.
        let mut keys = BTreeSet::new();
        for n in &expanded {
            keys.extend(self.name_keys(n));
        }
        for (k, v) in &self.gold.metonyms {
            if expanded.contains(&normalize_name(k)) {
                keys.extend(self.name_keys(k));
            }
            if expanded.contains(&normalize_name(v)) {
                keys.extend(self.name_keys(v));
            }
        }
        keys
    }

    fn roles(&self) -> (RecallScore, Vec<MissedRole>) {
        let mut found = 0;
        let mut missed = Vec::new();
        for role in &self.gold.roles {
            let person = self.name_keys(&role.person);
            let orgs = self.role_org_keys(role);
            let titles = title_variants(&role.title);
            let ok = self.data.memberships.values().any(|m| {
                m.members.iter().any(|n| self.node_matches(n, &person))
                    && m.organizations.iter().any(|n| self.node_matches(n, &orgs))
                    && m.role_labels.iter().any(|l| {
                        let l = normalize_name(l);
                        titles.iter().any(|t| contains_words(&l, t))
                    })
            });
            if ok {
                found += 1;
            } else {
                missed.push(MissedRole {
                    person: role.person.clone(),
                    title: role.title.clone(),
                    of: role.of.clone(),
                    also_of: role.also_of.clone(),
                });
            }
        }
        missed.sort();
        (recall(self.gold.roles.len(), found), missed)
    }

    /// Keys matching a gold actor: its own, plus its country's when it is a metonym.
    fn actor_keys(&self, actor: &str) -> BTreeSet<String> {
        let mut keys = self.name_keys(actor);
        let n = normalize_name(actor);
        for (k, v) in &self.gold.metonyms {
            if normalize_name(k) == n {
                keys.extend(self.name_keys(v));
            }
        }
        keys
    }

    /// Whether an event is asserted in / derived from a sentence of the gold event's document
    /// whose anchor contains the evidence.
    fn at_evidence(&self, event: &GraphEvent, gold: &GoldEvent) -> bool {
        let evidence = collapse_ws(&gold.evidence);
        event.sentences.iter().any(|s| {
            let Some(sentence) = self.data.sentences.get(s) else {
                return false;
            };
            self.data
                .sentence_files(s)
                .any(|f| Self::document_matches(&gold.document, f))
                && (sentence.anchor.contains(&gold.evidence)
                    || collapse_ws(&sentence.anchor).contains(&evidence))
        })
    }

    /// Whether the gold event is found leniently / strictly, and why not.
    fn match_event(&self, gold: &GoldEvent) -> (bool, bool, Vec<MissReason>) {
        let candidates: Vec<&GraphEvent> = self
            .data
            .events
            .values()
            .filter(|e| self.at_evidence(e, gold))
            .collect();
        if candidates.is_empty() {
            return (false, false, vec![MissReason::NoEventAtEvidence]);
        }
        let typed: Vec<&GraphEvent> = candidates
            .iter()
            .copied()
            .filter(|e| {
                std::iter::once(&gold.event_type)
                    .chain(gold.also_types.iter())
                    .any(|t| e.classes.contains(t))
            })
            .collect();
        if typed.is_empty() {
            let found: BTreeSet<String> = candidates
                .iter()
                .flat_map(|e| e.classes.iter().cloned())
                .collect();
            return (
                false,
                false,
                vec![MissReason::WrongType {
                    found: found.into_iter().collect(),
                }],
            );
        }
        let actor_keys: Vec<(&String, BTreeSet<String>)> = gold
            .actors
            .iter()
            .map(|a| (a, self.actor_keys(a)))
            .collect();
        let missing_actors = |e: &GraphEvent| -> Vec<String> {
            actor_keys
                .iter()
                .filter(|(_, keys)| !e.actors.iter().any(|n| self.node_matches(n, keys)))
                .map(|(a, _)| (*a).clone())
                .collect()
        };
        let lenient: Vec<&GraphEvent> = typed
            .iter()
            .copied()
            .filter(|e| missing_actors(e).is_empty())
            .collect();
        if lenient.is_empty() {
            let best = typed
                .iter()
                .map(|e| missing_actors(e))
                .min_by_key(Vec::len)
                .unwrap_or_default();
            return (
                false,
                false,
                vec![MissReason::MissingActors { actors: best }],
            );
        }
        let place_keys = gold.place.as_ref().map(|p| self.name_keys(p));
        let strict_failures = |e: &GraphEvent| -> Vec<MissReason> {
            let mut reasons = Vec::new();
            if let (Some(place), Some(keys)) = (&gold.place, &place_keys) {
                if !e.places.iter().any(|n| self.node_matches(n, keys)) {
                    let found: BTreeSet<String> = e
                        .places
                        .iter()
                        .map(|n| {
                            self.data
                                .entities
                                .get(n)
                                .map(|x| x.display_label())
                                .filter(|l| !l.is_empty())
                                .map_or_else(|| n.clone(), str::to_string)
                        })
                        .collect();
                    reasons.push(MissReason::Place {
                        expected: place.clone(),
                        found: found.into_iter().collect(),
                    });
                }
            }
            if let Some(date) = &gold.date {
                if !e.timestamps.iter().any(|t| t.starts_with(date.as_str())) {
                    reasons.push(MissReason::Date {
                        expected: date.clone(),
                        found: e.timestamps.iter().cloned().collect(),
                    });
                }
            }
            reasons
        };
        let best = lenient
            .iter()
            .map(|e| strict_failures(e))
            .min_by_key(Vec::len)
            .unwrap_or_default();
        let strict = best.is_empty();
        (true, strict, best)
    }

    fn events(&self) -> (EventScores, Vec<MissedEvent>) {
        let mut per_type: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        let mut missed = Vec::new();
        for gold in &self.gold.events {
            let (lenient, strict, reasons) = self.match_event(gold);
            let c = per_type.entry(gold.event_type.clone()).or_default();
            c.0 += 1;
            c.1 += usize::from(lenient);
            c.2 += usize::from(strict);
            if !strict {
                missed.push(MissedEvent {
                    id: gold.id.clone(),
                    event_type: gold.event_type.clone(),
                    document: gold.document.clone(),
                    lenient_found: lenient,
                    reasons,
                });
            }
        }
        missed.sort();
        let rec = |(t, l, s): (usize, usize, usize)| EventRecall {
            total: t,
            lenient_found: l,
            strict_found: s,
            lenient_recall: ratio(l, t),
            strict_recall: ratio(s, t),
        };
        let total = per_type
            .values()
            .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
        (
            EventScores {
                per_type: per_type.into_iter().map(|(k, c)| (k, rec(c))).collect(),
                overall: rec(total),
            },
            missed,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_synonyms() {
        let v = title_variants("special envoy");
        assert!(v.contains("envoy") && v.contains("representative") && v.contains("special envoy"));
        let v = title_variants("Kremlin spokesman");
        assert!(v.contains("kremlin spokesperson") && v.contains("kremlin spokeswoman"));
        let v = title_variants("head");
        assert!(v.contains("chairman") && v.contains("director") && v.contains("chief"));
        assert!(contains_words("us special envoy", "envoy"));
        assert!(!contains_words("headmaster", "head"));
    }

    #[test]
    fn document_references() {
        assert!(Context::document_matches("003", "003_be08.txt"));
        assert!(Context::document_matches("003_be08.txt", "003_be08.txt"));
        assert!(Context::document_matches("003_be08", "003_be08.txt"));
        assert!(!Context::document_matches("003", "004_be08.txt"));
        assert!(!Context::document_matches("003_be08.txt", "003_other.txt"));
    }
}
