//! Resolve: mentions of all documents → entities, one per real-world thing.
//!
//! Deterministic and independent of document order: documents are taken sorted by path,
//! keys are canonical names, and ties are broken by name. Cost is linear in the number of
//! mentions (hash maps keyed by name, never a pairwise comparison of documents).
//!
//! Rules, in order: gazetteer names resolve to their canonical entry ("U.S." = "US" =
//! "United States"); nationality adjectives to their country; full person names are grouped
//! by surname and first-name variants ("Artur" ≈ "Arthur"); a bare surname links to the full
//! name used in the same document, else to the only person with that surname in the corpus;
//! acronyms join the long name whose initials they are ("RDIF"); descriptions ("the Russian
//! leader", "the envoy") link to the person holding that role; a sentence-initial pronoun to
//! the first person of the previous sentence. Bare capitalized words that match nothing are
//! dropped.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::extract::{EntityType, Extraction, MentionKind};
use crate::ingest::{slugify, Document};
use crate::lexicon::{name_key, PlaceKind};

/// One resolved entity.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// Type.
    pub etype: EntityType,
    /// Canonical name (`rdfs:label`).
    pub label: String,
    /// Other surface forms (`skos:altLabel`).
    pub alt_labels: BTreeSet<String>,
    /// Slug for the IRI (`steve-witkoff`).
    pub slug: String,
    /// Gazetteer place kind.
    pub place_kind: Option<PlaceKind>,
    /// Canonical name of the country it belongs to or stands for.
    pub country: Option<String>,
}

/// The result: entities, and for each document and mention the entity it refers to.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Resolved {
    /// Entities, sorted by (type, slug).
    pub entities: Vec<Entity>,
    /// `links[d][m]` = entity of mention `m` of document `d` (input order).
    pub links: Vec<Vec<Option<usize>>>,
    /// Holders stated in the text, corpus-wide: (person entity, last word of the title) →
    /// holder entity. A holder guessed for a bare title ("President Trump") defers to these.
    pub stated_holders: BTreeMap<(usize, String), usize>,
}

impl Resolved {
    /// The holder of role `r` of document `d`: the mention's entity, or for a guessed holder the
    /// one the corpus states for that person and title, if any.
    pub fn role_holder(&self, d: usize, r: &crate::extract::RoleFact) -> Option<usize> {
        let links = self.links.get(d)?;
        let h = links.get(r.holder).copied().flatten()?;
        if !r.guessed {
            return Some(h);
        }
        let p = links.get(r.person).copied().flatten()?;
        Some(
            self.stated_holders
                .get(&(p, title_key(&r.role)))
                .copied()
                .unwrap_or(h),
        )
    }
}

/// The word a title is known by ("deputy treasury secretary" → "secretary").
fn title_key(role: &str) -> String {
    role.rsplit(' ').next().unwrap_or(role).to_string()
}

/// Synonym groups for role words used by descriptions.
fn role_matches(hint: &str, role: &str) -> bool {
    let group = |w: &str| -> &'static [&'static str] {
        match w {
            "leader" => &[
                "president",
                "prime minister",
                "leader",
                "chancellor",
                "king",
                "premier",
                "head",
                "chief",
            ],
            "president" => &["president"],
            "spokesperson" | "spokesman" | "spokeswoman" => {
                &["spokesperson", "spokesman", "spokeswoman"]
            }
            _ => &[],
        }
    };
    let g = group(hint);
    if g.is_empty() {
        role.split(' ').any(|w| w == hint) || role == hint
    } else {
        g.iter().any(|x| role.contains(x))
    }
}

fn first_name_variant(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
    if a.len() == 1 || b.len() == 1 {
        return a.chars().next() == b.chars().next();
    }
    edit_distance(a, b) <= 1 && a.chars().next() == b.chars().next() && a.len().min(b.len()) >= 4
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The longest organization name of `orgs` that `short` abbreviates: its first words
/// ("Nordvik" → "Nordvik Systems") or, when `any_suffix`, its last words ("Treasury
/// Department" → "U.S. Treasury Department", "Commission" → "European Commission").
fn longer_org<'a>(orgs: &[&'a str], short: &str, any_suffix: bool) -> Option<&'a str> {
    let prefix = format!("{short} ");
    let suffix = format!(" {short}");
    let several = any_suffix;
    orgs.iter()
        .copied()
        .filter(|o| o.starts_with(&prefix) || (several && o.ends_with(&suffix)))
        .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').filter(|w| !w.is_empty()).collect()
}

#[derive(Default)]
struct Builder {
    keys: HashMap<(EntityType, String), usize>,
    entities: Vec<Entity>,
    counts: Vec<BTreeMap<String, usize>>,
}

impl Builder {
    fn get(&mut self, etype: EntityType, key: String, label: &str) -> usize {
        if let Some(&i) = self.keys.get(&(etype, key.clone())) {
            return i;
        }
        let i = self.entities.len();
        self.entities.push(Entity {
            etype,
            label: label.to_string(),
            alt_labels: BTreeSet::new(),
            slug: String::new(),
            place_kind: None,
            country: None,
        });
        self.counts.push(BTreeMap::new());
        self.keys.insert((etype, key), i);
        i
    }
}

/// Resolve the mentions of `docs` (any order; output follows input order).
pub fn resolve(docs: &[(&Document, &Extraction)], lexicon: &crate::lexicon::Lexicon) -> Resolved {
    let mut b = Builder::default();
    let mut links: Vec<Vec<Option<usize>>> = docs
        .iter()
        .map(|(_, e)| vec![None; e.mentions.len()])
        .collect();
    // Process documents in path order so that ties do not depend on input order.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&x, &y| docs[x].0.rel_path.cmp(&docs[y].0.rel_path));

    // 1. Gazetteer names, demonyms, cue names, full person names.
    // Person full names: surname key → clusters of (first name, entity).
    let mut surnames: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    let mut full: Vec<(usize, usize, String)> = Vec::new();
    // Organization names of each document, for short forms ("Nordvik" for "Nordvik Systems").
    let doc_orgs: Vec<Vec<&str>> = docs
        .iter()
        .map(|(_, e)| {
            let mut v: Vec<&str> = e
                .mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Name && m.etype == EntityType::Organization)
                .map(|m| m.canonical.as_deref().unwrap_or(&m.surface))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    for &d in &order {
        let ex = docs[d].1;
        for (mi, m) in ex.mentions.iter().enumerate() {
            let ent = match (m.kind, m.etype) {
                // Nationality adjectives wait until every named place is known.
                (MentionKind::Demonym, _) => None,
                (MentionKind::Name, et) if m.canonical.is_some() => {
                    m.canonical.as_ref().map(|c| b.get(et, name_key(c), c))
                }
                (MentionKind::Name, EntityType::Person) if words(&m.surface).len() >= 2 => {
                    full.push((d, mi, m.surface.clone()));
                    None
                }
                (MentionKind::Name, EntityType::Organization | EntityType::Place) => {
                    // A one-word organization that heads a longer one ("Police" after "Royal
                    // Thai Police") is that one.
                    let head = m.etype == EntityType::Organization
                        && m.surface.chars().all(char::is_alphabetic);
                    Some(
                        match longer_org(&doc_orgs[d], &m.surface, head || m.surface.contains(' '))
                        {
                            Some(l) => b.get(EntityType::Organization, name_key(l), l),
                            None => b.get(m.etype, name_key(&m.surface), &m.surface),
                        },
                    )
                }
                _ => None,
            };
            if let Some(e) = ent {
                if m.place_kind.is_some() {
                    b.entities[e].place_kind = m.place_kind;
                }
                if let Some(iso) = &m.country {
                    if let Some(c) = lexicon.country_names.get(iso) {
                        if m.place_kind != Some(PlaceKind::Country) {
                            b.entities[e].country = Some(c.clone());
                        }
                    }
                }
                links[d][mi] = Some(e);
            }
        }
    }
    // A full name that ends a longer one in the same document is that person ("Duque
    // Arango" after "Valentina Duque Arango").
    let mut longer: HashMap<(usize, String), String> = HashMap::new();
    for (d, _, s) in &full {
        for (d2, _, l) in &full {
            if d == d2 && l.len() > s.len() && l.ends_with(&format!(" {s}")) {
                let e = longer.entry((*d, s.clone())).or_insert_with(|| l.clone());
                if l.len() > e.len() {
                    *e = l.clone();
                }
            }
        }
    }
    // Full person names, clustered by surname and first-name variant.
    for (d, mi, surface) in &full {
        let counted = longer.get(&(*d, surface.clone())).unwrap_or(surface);
        let surface = counted;
        let w = words(surface);
        let (first, last) = (w[0], w[w.len() - 1]);
        let key = last.to_lowercase();
        let clusters = surnames.entry(key.clone()).or_default();
        let e = match clusters.iter().find(|(f, _)| first_name_variant(f, first)) {
            Some((_, e)) => *e,
            None => {
                let e = b.get(
                    EntityType::Person,
                    format!("{key}|{}", first.to_lowercase()),
                    surface,
                );
                clusters.push((first.to_string(), e));
                e
            }
        };
        *b.counts[e].entry(surface.clone()).or_default() += 1;
        links[*d][*mi] = Some(e);
    }
    // Nationality adjectives: the country when it is named somewhere, or when the adjective
    // holds a role or takes part in an event ("Russian President", "Russian officials met");
    // a country known only from "a German-Russian citizen" is not made an entity.
    for &d in &order {
        let ex = docs[d].1;
        let mut used: std::collections::HashSet<usize> =
            ex.roles.iter().map(|r| r.holder).collect();
        for e in &ex.events {
            used.extend(e.agents.iter().chain(&e.participants).copied());
        }
        for (mi, m) in ex.mentions.iter().enumerate() {
            if m.kind != MentionKind::Demonym {
                continue;
            }
            let Some(c) = &m.canonical else { continue };
            let key = (EntityType::Place, name_key(c));
            let e = match b.keys.get(&key) {
                Some(&e) => Some(e),
                None if used.contains(&mi) => Some(b.get(EntityType::Place, key.1.clone(), c)),
                None => None,
            };
            if let Some(e) = e {
                b.entities[e].place_kind = Some(PlaceKind::Country);
                links[d][mi] = Some(e);
            }
        }
    }
    // Acronyms: "RDIF" joins "Russian Direct Investment Fund".
    let mut initials: HashMap<String, usize> = HashMap::new();
    for (i, e) in b.entities.iter().enumerate() {
        if e.etype == EntityType::Organization {
            let ws: Vec<&str> = e
                .label
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            if ws.len() >= 2 {
                let ini: String = ws.iter().filter_map(|w| w.chars().next()).collect();
                initials.entry(ini.to_lowercase()).or_insert(i);
            }
        }
    }
    let mut redirect: HashMap<usize, usize> = HashMap::new();
    for (i, e) in b.entities.iter().enumerate() {
        if e.etype == EntityType::Organization
            && e.label
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            if let Some(&long) = initials.get(&name_key(&e.label)) {
                if long != i {
                    redirect.insert(i, long);
                }
            }
        }
    }
    // "Japan Aerospace Exploration Agency (JAXA)": the acronym in brackets is the same entity.
    for (d, (_, ex)) in docs.iter().enumerate() {
        for (mi, m) in ex.mentions.iter().enumerate() {
            if let (Some(target), Some(a)) = (m.alias_of, links[d][mi]) {
                if let Some(t) = links[d].get(target).copied().flatten() {
                    if a != t {
                        redirect.insert(a, t);
                    }
                }
            }
        }
    }
    for l in links.iter_mut().flatten() {
        if let Some(e) = l {
            let mut r = *e;
            let mut hops = 0;
            while let Some(&n) = redirect.get(&r) {
                r = n;
                hops += 1;
                if hops > 8 {
                    break;
                }
            }
            *l = Some(r);
        }
    }
    // 2. Bare surnames and weak names.
    for &d in &order {
        let ex = docs[d].1;
        for (mi, m) in ex.mentions.iter().enumerate() {
            if links[d][mi].is_some()
                || !matches!(m.kind, MentionKind::Name | MentionKind::WeakName)
            {
                continue;
            }
            let w = words(&m.surface);
            let key = w.last().map(|s| s.to_lowercase()).unwrap_or_default();
            // Same document first: the closest full name before (or after) with that surname.
            let mut cand: Option<usize> = None;
            let mut best_dist = usize::MAX;
            for (mj, other) in ex.mentions.iter().enumerate() {
                let Some(e) = links[d][mj] else { continue };
                if b.entities[e].etype != EntityType::Person
                    || mj == mi
                    || other.kind != MentionKind::Name
                {
                    continue;
                }
                let ow = words(&other.surface);
                if ow.len() >= 2
                    && (ow[ow.len() - 1].eq_ignore_ascii_case(&key)
                        || (w.len() == 1 && ow[0] == w[0]))
                {
                    let dist = if mj < mi { mi - mj } else { (mj - mi) * 2 };
                    if dist < best_dist {
                        best_dist = dist;
                        cand = Some(e);
                    }
                }
            }
            if cand.is_none() && m.etype == EntityType::Person {
                if let Some(cl) = surnames.get(&key) {
                    if cl.len() == 1 {
                        cand = Some(cl[0].1);
                    }
                }
            }
            if cand.is_none() && m.kind == MentionKind::WeakName {
                // A bare word that names a known organization or place, or starts the name
                // of an organization of the same document.
                let k = name_key(&m.surface);
                cand = [EntityType::Organization, EntityType::Place]
                    .iter()
                    .find_map(|t| b.keys.get(&(*t, k.clone())).copied())
                    .or_else(|| {
                        // A bare capitalized head noun ("the Commission said") names the
                        // organization of the document that ends with it.
                        let head = m.prep.as_deref() == Some("the")
                            || (m.tokens.0 >= 1 && m.surface.chars().all(char::is_alphabetic));
                        // Not an adjective before a noun ("African wars").
                        let modifier = docs[d]
                            .0
                            .text
                            .get(m.span.end..)
                            .and_then(|r| r.strip_prefix(' '))
                            .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
                            .is_some_and(|w| {
                                w.chars().next().is_some_and(char::is_lowercase)
                                    && crate::extract::mentions::continues_noun_phrase(w)
                            });
                        if modifier {
                            return None;
                        }
                        let l = longer_org(&doc_orgs[d], &m.surface, head)?;
                        b.keys
                            .get(&(EntityType::Organization, name_key(l)))
                            .copied()
                    });
            }
            let e = match (cand, m.kind) {
                (Some(e), _) => Some(e),
                (None, MentionKind::Name) => {
                    Some(b.get(m.etype, format!("{}|", name_key(&m.surface)), &m.surface))
                }
                _ => None,
            };
            if let Some(e) = e {
                if b.entities[e].etype == EntityType::Person {
                    *b.counts[e].entry(m.surface.clone()).or_default() += 0;
                }
                links[d][mi] = Some(e);
            }
        }
    }
    // 3. Descriptions and pronouns, within each document (then corpus-wide for descriptions).
    let mut corpus_roles: Vec<(usize, String, usize)> = Vec::new();
    for &d in &order {
        let ex = docs[d].1;
        for r in &ex.roles {
            if let (Some(p), Some(h)) = (links[d][r.person], links[d][r.holder]) {
                corpus_roles.push((p, r.role.clone(), h));
            }
        }
    }
    for &d in &order {
        let ex = docs[d].1;
        let doc_roles: Vec<(usize, String, usize, usize)> = ex
            .roles
            .iter()
            .filter_map(|r| {
                Some((
                    links[d][r.person]?,
                    r.role.clone(),
                    links[d][r.holder]?,
                    r.person,
                ))
            })
            .collect();
        for (mi, m) in ex.mentions.iter().enumerate() {
            match m.kind {
                // "the central bank" after "the Central Bank of Nigeria": that organization.
                MentionKind::Description if m.etype == EntityType::Organization => {
                    links[d][mi] = m.alias_of.filter(|&a| a < mi).and_then(|a| links[d][a]);
                }
                MentionKind::Description => {
                    let hint = m.role_hint.as_deref().unwrap_or("");
                    let holder = m.holder_hint.and_then(|h| links[d][h]);
                    let fits = |role: &str, h: usize| {
                        role_matches(hint, role)
                            && holder.is_none_or(|x| {
                                x == h
                                    || b.entities[x].label
                                        == b.entities[h].country.clone().unwrap_or_default()
                            })
                    };
                    // Most recent in the document before the description, else any in the document.
                    let mut best: Option<(usize, usize)> = None;
                    for (p, role, h, pm) in &doc_roles {
                        if fits(role, *h) {
                            let before = ex.mentions[*pm].span.start < m.span.start;
                            let score = if before {
                                m.span.start - ex.mentions[*pm].span.start
                            } else {
                                usize::MAX / 2 + ex.mentions[*pm].span.start
                            };
                            if best.is_none_or(|(s, _)| score < s) {
                                best = Some((score, *p));
                            }
                        }
                    }
                    let mut cand = best.map(|b| b.1);
                    if cand.is_none() {
                        let mut set: BTreeSet<usize> = corpus_roles
                            .iter()
                            .filter(|(_, r, h)| fits(r, *h))
                            .map(|x| x.0)
                            .collect();
                        if set.len() == 1 {
                            cand = set.pop_first();
                        }
                    }
                    links[d][mi] = cand;
                }
                MentionKind::Pronoun => {
                    // The subject-most person before it in the same sentence, else the first
                    // person of one of the two sentences before (a resolved pronoun counts).
                    let candidate = |s: usize, before: Option<usize>| {
                        ex.mentions
                            .iter()
                            .enumerate()
                            .filter(|(j, x)| {
                                x.sentence == s
                                    && x.etype == EntityType::Person
                                    && !x.consumed
                                    && before.is_none_or(|b| x.span.start < b)
                                    && *j != mi
                                    && links[d][*j]
                                        .is_some_and(|e| b.entities[e].etype == EntityType::Person)
                            })
                            .min_by_key(|(_, x)| x.span.start)
                            .and_then(|(j, _)| links[d][j])
                    };
                    let same = candidate(m.sentence, Some(m.span.start));
                    let prev = same.or_else(|| {
                        (m.sentence.saturating_sub(2)..m.sentence)
                            .rev()
                            .find_map(|s| candidate(s, None))
                    });
                    links[d][mi] = prev;
                }
                _ => {}
            }
        }
    }
    // Labels: most frequent full form for people; aliases from every name mention.
    for (e, counts) in b.counts.iter().enumerate() {
        if let Some((label, _)) = counts.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))) {
            b.entities[e].label = label.clone();
        }
    }
    for (d, (_, ex)) in docs.iter().enumerate() {
        for (mi, m) in ex.mentions.iter().enumerate() {
            if let Some(e) = links[d][mi] {
                let org_description =
                    m.kind == MentionKind::Description && m.etype == EntityType::Organization;
                if matches!(
                    m.kind,
                    MentionKind::Name | MentionKind::WeakName | MentionKind::Description
                ) && !org_description
                    && m.surface != b.entities[e].label
                {
                    b.entities[e].alt_labels.insert(m.surface.clone());
                }
            }
        }
    }
    // Only entities something links to; sorted, with unique slugs.
    let mut used = vec![false; b.entities.len()];
    for e in links.iter().flatten().flatten() {
        used[*e] = true;
    }
    let mut keep: Vec<usize> = (0..b.entities.len()).filter(|&i| used[i]).collect();
    keep.sort_by(|&x, &y| {
        let (a, c) = (&b.entities[x], &b.entities[y]);
        (a.etype, slugify(&a.label), &a.label).cmp(&(c.etype, slugify(&c.label), &c.label))
    });
    let mut remap = vec![None; b.entities.len()];
    let mut entities = Vec::with_capacity(keep.len());
    let mut slugs: HashMap<(EntityType, String), usize> = HashMap::new();
    for (new, &old) in keep.iter().enumerate() {
        let mut e = b.entities[old].clone();
        let base = slugify(&e.label);
        let n = slugs.entry((e.etype, base.clone())).or_insert(0);
        *n += 1;
        e.slug = if *n == 1 { base } else { format!("{base}-{n}") };
        remap[old] = Some(new);
        entities.push(e);
    }
    for l in links.iter_mut().flatten() {
        *l = l.and_then(|e| remap[e]);
    }
    let mut stated_holders = BTreeMap::new();
    for &d in &order {
        for r in docs[d].1.roles.iter().filter(|r| !r.guessed) {
            if let (Some(Some(p)), Some(Some(h))) = (
                links[d].get(r.person).copied(),
                links[d].get(r.holder).copied(),
            ) {
                if p != h {
                    stated_holders.entry((p, title_key(&r.role))).or_insert(h);
                }
            }
        }
    }
    Resolved {
        entities,
        links,
        stated_holders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants() {
        assert!(first_name_variant("Artur", "Arthur"));
        assert!(!first_name_variant("Mark", "Marc") || edit_distance("mark", "marc") == 1);
        assert!(!first_name_variant("Ivan", "Igor"));
        assert!(role_matches("leader", "president"));
        assert!(role_matches("envoy", "special envoy"));
    }
}
