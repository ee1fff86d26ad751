//! The extraction data in `ontology/`: gazetteers, lexicons and boilerplate patterns.
//!
//! The files are compiled into the binary (`include_str!`) so that the tool needs nothing at
//! run time; their sources and licences are in `ontology/SOURCES.md`. Every table is
//! tab-separated with `#` comment lines; see each file's header for its columns.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};
// Fx hashing: the keys are short words, looked up several times per token during extraction
// (SipHash took ~12 % of it).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Kinds of gazetteer places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlaceKind {
    /// A sovereign country or territory.
    Country,
    /// A city or town.
    City,
    /// An administrative or historical region.
    Region,
    /// A sea, ocean or other body of water.
    Sea,
    /// A geographic region or continent.
    Geo,
}

/// A gazetteer entry for a place or an organization.
#[derive(Debug, Clone)]
pub struct NameEntry {
    /// Canonical name.
    pub canonical: String,
    /// Place kind, for places.
    pub place_kind: Option<PlaceKind>,
    /// Organization kind (intl, news, gov, company), for organizations.
    pub org_kind: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country it belongs to or stands for.
    pub country: Option<String>,
}

/// How an event trigger relates to its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Agent before, participants after.
    Svo,
    /// Noun: "meeting between X and Y".
    Between,
    /// "met with Y".
    With,
    /// "was appointed by X".
    Passive,
    /// Reporting verb.
    Speech,
}

/// An event trigger.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// Event class local name (`Meeting`).
    pub event_type: String,
    /// CAMEO code, when one fits.
    pub cameo: Option<String>,
    /// True for nouns.
    pub noun: bool,
    /// Argument frame.
    pub frame: Frame,
}

/// A role word.
#[derive(Debug, Clone)]
pub struct RoleWord {
    /// Canonical role label.
    pub role: String,
    /// `title` (can precede a name), `noun` (a description) or `honorific`.
    pub kind: String,
}

/// A time word.
#[derive(Debug, Clone)]
pub enum TimeWord {
    /// ISO weekday number (Monday = 1).
    Weekday(u32),
    /// Month number.
    Month(u32),
    /// Relative day offset.
    RelativeDays(i64),
}

/// What a boilerplate pattern marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoilerplateKind {
    /// A whole line.
    Line,
    /// An inline photo credit.
    Credit,
    /// Markup whose first capture group (the link text) is kept.
    Markup,
}

/// All extraction data.
#[derive(Debug)]
pub struct Lexicon {
    /// Places by [`name_key`].
    pub places: HashMap<String, NameEntry>,
    /// Organizations by [`name_key`].
    pub orgs: HashMap<String, NameEntry>,
    /// Nationality adjective ([`name_key`]) → ISO code of its country.
    pub demonyms: HashMap<String, String>,
    /// ISO code → canonical country name.
    pub country_names: HashMap<String, String>,
    /// Longest gazetteer name, in tokens.
    pub max_name_tokens: usize,
    /// Verb event triggers by lower-case token sequence.
    pub triggers: HashMap<Vec<String>, Trigger>,
    /// Noun event triggers by lower-case token sequence (a form may be both: "visit").
    pub noun_triggers: HashMap<Vec<String>, Trigger>,
    /// [`Lexicon::triggers`] keyed by its words joined with single spaces (look-ups from token
    /// slices without building a `Vec<String>`).
    pub trigger_index: HashMap<String, Trigger>,
    /// [`Lexicon::noun_triggers`] keyed by its words joined with single spaces.
    pub noun_trigger_index: HashMap<String, Trigger>,
    /// Longest trigger, in tokens.
    pub max_trigger_tokens: usize,
    /// Role words by lower-case token sequence.
    pub roles: HashMap<Vec<String>, RoleWord>,
    /// Longest role, in tokens.
    pub max_role_tokens: usize,
    /// [`Lexicon::roles`] keyed by its words joined with single spaces (look-ups from token
    /// slices without building a `Vec<String>`).
    pub role_index: HashMap<String, RoleWord>,
    /// First words of role titles (a cheap test before building a look-up key).
    pub role_first_words: HashSet<String>,
    /// First words of event triggers.
    pub trigger_first_words: HashSet<String>,
    /// The event extractor's word classes and [`Lexicon::trigger_first_words`] as one map of
    /// lower-case word → bits, so that a sentence's words are looked up once.
    pub(crate) event_word_bits: HashMap<String, u8>,
    /// First words of gazetteer names ([`name_key`] form).
    pub name_first_words: HashSet<String>,
    /// First words of [`Lexicon::demonyms`] keys ([`name_key`] form).
    pub demonym_first_words: HashSet<String>,
    /// Organization cue words (as written) → position (`last`, `first`, `any`).
    pub org_cues: HashMap<String, String>,
    /// Lower-case words that never are (or start) a name on their own.
    pub stopwords: HashSet<String>,
    /// Frequent lower-case English words: a capitalized run made only of them is not a name.
    pub frequent: HashSet<String>,
    /// Place cue words (as written): a capitalized run ending in one is a place
    /// ("Grand Europe Hotel").
    pub place_cues: HashSet<String>,
    /// Plural nouns naming groups of people ("critics", "residents"), lower case.
    pub group_nouns: HashSet<String>,
    /// Time words by lower-case form.
    pub time_words: HashMap<String, TimeWord>,
    /// True when some [`Lexicon::time_words`] entry is a [`TimeWord::RelativeDays`] (the only
    /// kind that counts in lower case).
    pub any_relative_days: bool,
    /// Boilerplate patterns.
    pub boilerplate: Vec<(Regex, BoilerplateKind)>,
    /// The [`BoilerplateKind::Line`] patterns of [`Lexicon::boilerplate`] as one set (a line
    /// is tested against all of them in one pass).
    pub boilerplate_lines: RegexSet,
}

/// Normalizes a name for lexicon look-up: lower case, periods dropped, other punctuation
/// (but hyphens, apostrophes and `&`) turned into spaces, whitespace collapsed.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_name_key(&mut out, s);
    out
}

/// Appends [`name_key`]`(s)` to `out` as if `s` followed the text keyed in `out` after a space:
/// `name_key(a + " " + b)` is `name_key(a)` then `push_name_key(.., b)`, so the keys of a run of
/// tokens can be built one token at a time.
pub fn push_name_key(out: &mut String, s: &str) {
    // The space before `s` (no effect while `out` is empty).
    let mut space = true;
    for c in s.chars() {
        if c == '.' {
            continue;
        }
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || c == '-' || c == '\'' || c == '&' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            space = true;
        }
    }
}

struct Table<'a> {
    file: &'static str,
    text: &'a str,
}

impl<'a> Table<'a> {
    fn rows(&self, columns: usize) -> Result<Vec<Vec<&'a str>>, String> {
        let mut rows = Vec::new();
        for (n, line) in self.text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cells.len() > columns {
                return Err(format!(
                    "{} line {}: {} columns, expected {columns}",
                    self.file,
                    n + 1,
                    cells.len()
                ));
            }
            cells.resize(columns, "");
            rows.push(cells);
        }
        Ok(rows)
    }
}

fn multi(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn opt(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_string())
}

fn words(s: &str) -> Vec<String> {
    // The tokenizer makes "secretary-general" three tokens: "secretary", "-", "general".
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        for (i, part) in w.split('-').enumerate() {
            if i > 0 {
                out.push("-".to_string());
            }
            if !part.is_empty() {
                out.push(part.to_lowercase());
            }
        }
    }
    out
}

macro_rules! table {
    ($path:literal) => {
        Table {
            file: $path,
            text: include_str!(concat!("../ontology/", $path)),
        }
    };
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<&'static Lexicon, crate::Error> {
        static LEXICON: LazyLock<Result<Lexicon, String>> = LazyLock::new(Lexicon::load);
        LEXICON.as_ref().map_err(|m| crate::Error::Lexicon {
            file: "ontology/".into(),
            message: m.clone(),
        })
    }

    fn load() -> Result<Lexicon, String> {
        let mut lx = Lexicon {
            places: HashMap::default(),
            orgs: HashMap::default(),
            demonyms: HashMap::default(),
            country_names: HashMap::default(),
            max_name_tokens: 1,
            triggers: HashMap::default(),
            noun_triggers: HashMap::default(),
            trigger_index: HashMap::default(),
            noun_trigger_index: HashMap::default(),
            max_trigger_tokens: 1,
            roles: HashMap::default(),
            max_role_tokens: 1,
            role_index: HashMap::default(),
            role_first_words: HashSet::default(),
            trigger_first_words: HashSet::default(),
            event_word_bits: HashMap::default(),
            name_first_words: HashSet::default(),
            demonym_first_words: HashSet::default(),
            org_cues: HashMap::default(),
            stopwords: HashSet::default(),
            frequent: HashSet::default(),
            place_cues: HashSet::default(),
            group_nouns: HashSet::default(),
            time_words: HashMap::default(),
            any_relative_days: false,
            boilerplate: Vec::new(),
            boilerplate_lines: RegexSet::empty(),
        };
        // Countries first so that their names win over same-named cities or regions.
        for r in table!("gazetteer/countries.tsv").rows(5)? {
            let (name, iso) = (r[0], r[1]);
            if name.is_empty() {
                continue;
            }
            lx.country_names.insert(iso.to_string(), name.to_string());
            let entry = NameEntry {
                canonical: name.to_string(),
                place_kind: Some(PlaceKind::Country),
                org_kind: None,
                country: opt(iso),
            };
            for alias in std::iter::once(name).chain(multi(r[2])) {
                lx.places
                    .entry(name_key(alias))
                    .or_insert_with(|| entry.clone());
            }
            for d in multi(r[3]) {
                lx.demonyms
                    .entry(name_key(d))
                    .or_insert_with(|| iso.to_string());
            }
        }
        for r in table!("gazetteer/places.tsv").rows(4)? {
            let kind = match r[1] {
                "city" => PlaceKind::City,
                "region" => PlaceKind::Region,
                "sea" => PlaceKind::Sea,
                "country" => PlaceKind::Country,
                _ => PlaceKind::Geo,
            };
            if r[0].is_empty() {
                continue;
            }
            let entry = NameEntry {
                canonical: r[0].to_string(),
                place_kind: Some(kind),
                org_kind: None,
                country: opt(r[2]),
            };
            for alias in std::iter::once(r[0]).chain(multi(r[3])) {
                lx.places
                    .entry(name_key(alias))
                    .or_insert_with(|| entry.clone());
            }
        }
        for r in table!("gazetteer/organizations.tsv").rows(4)? {
            if r[0].is_empty() {
                continue;
            }
            let entry = NameEntry {
                canonical: r[0].to_string(),
                place_kind: None,
                org_kind: opt(r[1]),
                country: opt(r[2]),
            };
            for alias in std::iter::once(r[0]).chain(multi(r[3])) {
                lx.orgs
                    .entry(name_key(alias))
                    .or_insert_with(|| entry.clone());
            }
        }
        lx.max_name_tokens = lx
            .places
            .keys()
            .chain(lx.orgs.keys())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        for r in table!("lexicon/events.tsv").rows(5)? {
            if r[0].is_empty() || r[2].is_empty() {
                continue;
            }
            let frame = match r[4] {
                "between" => Frame::Between,
                "with" => Frame::With,
                "passive" => Frame::Passive,
                "speech" => Frame::Speech,
                _ => Frame::Svo,
            };
            let key = words(r[2]);
            lx.max_trigger_tokens = lx.max_trigger_tokens.max(key.len());
            let noun = r[3] == "noun";
            let map = if noun {
                &mut lx.noun_triggers
            } else {
                &mut lx.triggers
            };
            map.entry(key).or_insert(Trigger {
                event_type: r[0].to_string(),
                cameo: opt(r[1]),
                noun,
                frame,
            });
        }
        for r in table!("lexicon/roles.tsv").rows(3)? {
            if r[0].is_empty() {
                continue;
            }
            let key = words(r[0]);
            lx.max_role_tokens = lx.max_role_tokens.max(key.len());
            lx.roles.entry(key).or_insert(RoleWord {
                role: if r[1].is_empty() { r[0] } else { r[1] }.to_lowercase(),
                kind: r[2].to_string(),
            });
        }
        for r in table!("lexicon/org_cues.tsv").rows(2)? {
            if !r[0].is_empty() {
                lx.org_cues.insert(r[0].to_string(), r[1].to_string());
            }
        }
        for r in table!("lexicon/stopwords.tsv").rows(2)? {
            if r[0].is_empty() {
                continue;
            }
            if r[1] == "frequent" {
                lx.frequent.insert(r[0].to_lowercase());
            } else {
                lx.stopwords.insert(r[0].to_lowercase());
            }
        }
        for r in table!("lexicon/place_cues.tsv").rows(1)? {
            if !r[0].is_empty() {
                lx.place_cues.insert(r[0].to_string());
            }
        }
        for r in table!("lexicon/group_nouns.tsv").rows(1)? {
            if !r[0].is_empty() {
                lx.group_nouns.insert(r[0].to_lowercase());
            }
        }
        for r in table!("lexicon/time.tsv").rows(3)? {
            let v = r[2].trim_end_matches(['d', 'D']);
            let word = match r[1] {
                "weekday" => v.parse().ok().map(TimeWord::Weekday),
                "month" => v.parse().ok().map(TimeWord::Month),
                "relative" if r[2].ends_with(['d', 'D']) => v
                    .trim_start_matches('+')
                    .parse()
                    .ok()
                    .map(TimeWord::RelativeDays),
                _ => None,
            };
            if let Some(w) = word {
                lx.time_words.insert(r[0].to_lowercase(), w);
            }
        }
        lx.any_relative_days = lx
            .time_words
            .values()
            .any(|w| matches!(w, TimeWord::RelativeDays(_)));
        lx.role_index = lx
            .roles
            .iter()
            .map(|(k, r)| (k.join(" "), r.clone()))
            .collect();
        lx.trigger_index = lx
            .triggers
            .iter()
            .map(|(k, t)| (k.join(" "), t.clone()))
            .collect();
        lx.noun_trigger_index = lx
            .noun_triggers
            .iter()
            .map(|(k, t)| (k.join(" "), t.clone()))
            .collect();
        lx.role_first_words = lx
            .roles
            .keys()
            .filter_map(|k| k.first().map(|w| w.trim_end_matches('.').to_string()))
            .collect();
        lx.trigger_first_words = lx
            .triggers
            .keys()
            .chain(lx.noun_triggers.keys())
            .filter_map(|k| k.first().cloned())
            .collect();
        lx.name_first_words = lx
            .places
            .keys()
            .chain(lx.orgs.keys())
            .filter_map(|k| k.split(' ').next().map(str::to_string))
            .collect();
        lx.demonym_first_words = lx
            .demonyms
            .keys()
            .filter_map(|k| k.split(' ').next().map(str::to_string))
            .collect();
        lx.event_word_bits = crate::extract::events::word_bits(&lx.trigger_first_words);
        for r in table!("boilerplate.tsv").rows(3)? {
            if r[0].is_empty() {
                continue;
            }
            let kind = match r[1] {
                "credit" => BoilerplateKind::Credit,
                "markup" => BoilerplateKind::Markup,
                _ => BoilerplateKind::Line,
            };
            let pattern = if kind == BoilerplateKind::Line {
                format!("^(?:{})$", r[0])
            } else {
                r[0].to_string()
            };
            let re = Regex::new(&pattern)
                .map_err(|e| format!("boilerplate.tsv: pattern {:?}: {e}", r[0]))?;
            lx.boilerplate.push((re, kind));
        }
        lx.boilerplate_lines = RegexSet::new(
            lx.boilerplate
                .iter()
                .filter(|(_, k)| *k == BoilerplateKind::Line)
                .map(|(re, _)| re.as_str()),
        )
        .map_err(|e| format!("boilerplate.tsv: line patterns: {e}"))?;
        Ok(lx)
    }

    /// The country a demonym or country-ish name stands for, as `(iso2, canonical name)`.
    pub fn demonym_country(&self, surface: &str) -> Option<(&str, &str)> {
        self.demonym_country_key(&name_key(surface))
    }

    /// [`Lexicon::demonym_country`] of a surface whose [`name_key`] is `key`.
    pub fn demonym_country_key(&self, key: &str) -> Option<(&str, &str)> {
        let iso = self.demonyms.get(key)?;
        let name = self.country_names.get(iso)?;
        Some((iso.as_str(), name.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let lx = Lexicon::builtin().expect("lexicon loads");
        assert!(lx.places.contains_key("united states"));
        assert_eq!(lx.places["us"].canonical, "United States");
        assert!(lx.demonym_country("Russian").is_some());
        assert!(!lx.triggers.is_empty());
    }

    #[test]
    fn keys_by_parts() {
        for parts in [
            &["Washington", ",", "DC"][..],
            &["(", "U.S.", ")"],
            &["St.", "Petersburg"],
            &["Jean", "-", "Luc"],
            &[",", "x"],
            &["Trump", "’s", "  a"],
            &["e\u{301}", "b"],
        ] {
            let mut key = String::new();
            for p in parts {
                push_name_key(&mut key, p);
            }
            assert_eq!(key, name_key(&parts.join(" ")), "{parts:?}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("Washington, DC"), "washington dc");
        assert_eq!(name_key("St. Petersburg"), "st petersburg");
        assert_eq!(name_key("Trump’s"), "trump's");
    }
}
