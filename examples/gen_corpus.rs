//! Synthetic news corpus for benchmarks.
//!
//! `cargo run --release --example gen_corpus -- --n 10000 --seed 42 --out DIR`
//!
//! Writes N varied English news articles (1–6 KB each) named `NNNNNN_<hex>.txt`, fully
//! determined by the seed (tiny xorshift PRNG, no external crates). Articles mix invented
//! people (some with titles), organizations with cues ("Ministry of …", "… Bank", "… Inc."),
//! real capitals and countries, dates (header ` date YYYY-MM-DD`, weekdays, "April 3"),
//! event sentences of many types, reported speech, and web boilerplate lines.

use std::fmt::Write as _;
use std::path::PathBuf;

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // splitmix64 to spread small seeds.
        let mut z = seed.wrapping_add(0x9e3779b97f4a7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        Rng((z ^ (z >> 31)) | 1)
    }
    fn next(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545f4914f6cdd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
}

const FIRST: &[&str] = &[
    "Anna",
    "Boris",
    "Carla",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hassan",
    "Ingrid",
    "Jonas",
    "Katarzyna",
    "Luis",
    "Maria",
    "Nikolai",
    "Olga",
    "Pedro",
    "Quentin",
    "Rania",
    "Stefan",
    "Tamara",
    "Umar",
    "Valentina",
    "Walter",
    "Xenia",
    "Yusuf",
    "Zofia",
    "Amara",
    "Bernard",
    "Chiara",
    "Daniel",
    "Emeka",
    "Fatima",
    "Gustav",
    "Helena",
    "Ibrahim",
    "Julia",
    "Kenji",
    "Leila",
    "Marek",
    "Nadia",
    "Oscar",
    "Priya",
    "Rafael",
    "Sofia",
    "Tomas",
    "Ursula",
    "Viktor",
    "Wanjiru",
    "Yara",
    "Zane",
    "Aleksander",
    "Beatriz",
    "Cyril",
    "Dalia",
    "Erik",
    "Freya",
    "Giorgio",
    "Hana",
    "Ivan",
    "Jakub",
    "Karim",
    "Lena",
    "Mateo",
    "Nora",
    "Oleksandr",
    "Paula",
    "Ruslan",
    "Selma",
    "Teodor",
    "Vera",
    "William",
    "Ayesha",
    "Bilal",
    "Camille",
    "Diego",
];

const LAST: &[&str] = &[
    "Abramov",
    "Bergstrom",
    "Castellano",
    "Dubois",
    "Eriksen",
    "Fontaine",
    "Gallagher",
    "Horvath",
    "Ivanenko",
    "Jankowski",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrenko",
    "Quiroga",
    "Rossetti",
    "Schneider",
    "Tkachenko",
    "Urquhart",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zielinski",
    "Andersen",
    "Bianchi",
    "Chowdhury",
    "Delacroix",
    "Esposito",
    "Fischer",
    "Grigoryan",
    "Haddad",
    "Iversen",
    "Jovanovic",
    "Kuznetsov",
    "Lombardi",
    "Mendoza",
    "Nakamura",
    "Oliveira",
    "Pavlenko",
    "Ramirez",
    "Sokolov",
    "Tanaka",
    "Ustinov",
    "Vasquez",
    "Wojcik",
    "Xu",
    "Yamamoto",
    "Zaharia",
    "Balogun",
    "Costa",
    "Demir",
    "Eze",
    "Ferrari",
    "Gomez",
    "Hoffmann",
    "Ionescu",
    "Karlsson",
    "Larsen",
    "Marchetti",
    "Nowak",
    "Ortega",
    "Popescu",
    "Reyes",
    "Santos",
    "Thorsen",
    "Vidal",
    "Kravchenko",
    "Melnyk",
    "Bondarenko",
    "Shevchuk",
    "Lysenko",
    "Hamidi",
    "Rahimi",
    "Mensah",
    "Owusu",
    "Achterberg",
];

/// Titles placed before a name ("Foreign Minister Anna Novak").
const PRE_TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defense Minister",
    "Finance Minister",
    "Senator",
    "General",
    "Ambassador",
    "Chancellor",
    "Governor",
    "Mayor",
];

/// Roles placed after a name ("Anna Novak, a spokeswoman for …").
const POST_ROLES: &[&str] = &[
    "spokeswoman",
    "spokesman",
    "chief executive",
    "chairman",
    "director",
    "adviser",
    "deputy minister",
    "chief economist",
    "head of research",
    "senior official",
];

const ORG_STEMS: &[&str] = &[
    "Northern",
    "Atlantic",
    "Continental",
    "Baltic",
    "Meridian",
    "Pacific",
    "Global",
    "United",
    "Eastern",
    "Alpine",
    "Coastal",
    "Central",
    "Sovereign",
    "Horizon",
    "Granite",
    "Silverline",
    "Redwood",
    "Harbor",
    "Summit",
    "Crescent",
    "Aurora",
    "Keystone",
    "Lakeside",
];

const ORG_SUFFIX: &[&str] = &[
    "Bank",
    "Fund",
    "Inc.",
    "Group",
    "Holdings",
    "Energy",
    "Corp.",
    "Institute",
    "Council",
    "Alliance",
    "Foundation",
    "Airlines",
    "Telecom",
    "Capital",
];

const MINISTRIES: &[&str] = &[
    "Foreign Affairs",
    "Defense",
    "Finance",
    "Energy",
    "Justice",
    "Health",
    "Trade",
    "Agriculture",
    "Interior",
    "Economy",
    "Education",
    "Infrastructure",
];

/// (capital, country, demonym)
const PLACES: &[(&str, &str, &str)] = &[
    ("Kyiv", "Ukraine", "Ukrainian"),
    ("Moscow", "Russia", "Russian"),
    ("Washington", "the United States", "American"),
    ("Berlin", "Germany", "German"),
    ("Paris", "France", "French"),
    ("London", "the United Kingdom", "British"),
    ("Warsaw", "Poland", "Polish"),
    ("Rome", "Italy", "Italian"),
    ("Madrid", "Spain", "Spanish"),
    ("Ankara", "Turkey", "Turkish"),
    ("Beijing", "China", "Chinese"),
    ("Tokyo", "Japan", "Japanese"),
    ("New Delhi", "India", "Indian"),
    ("Brasilia", "Brazil", "Brazilian"),
    ("Ottawa", "Canada", "Canadian"),
    ("Cairo", "Egypt", "Egyptian"),
    ("Riyadh", "Saudi Arabia", "Saudi"),
    ("Tehran", "Iran", "Iranian"),
    ("Nairobi", "Kenya", "Kenyan"),
    ("Pretoria", "South Africa", "South African"),
    ("Stockholm", "Sweden", "Swedish"),
    ("Oslo", "Norway", "Norwegian"),
    ("Helsinki", "Finland", "Finnish"),
    ("Vienna", "Austria", "Austrian"),
    ("Budapest", "Hungary", "Hungarian"),
    ("Bucharest", "Romania", "Romanian"),
    ("Athens", "Greece", "Greek"),
    ("Seoul", "South Korea", "South Korean"),
    ("Canberra", "Australia", "Australian"),
    ("Mexico City", "Mexico", "Mexican"),
    ("Buenos Aires", "Argentina", "Argentine"),
    ("Vilnius", "Lithuania", "Lithuanian"),
    ("Tbilisi", "Georgia", "Georgian"),
    ("Chisinau", "Moldova", "Moldovan"),
    ("Doha", "Qatar", "Qatari"),
    ("Istanbul", "Turkey", "Turkish"),
    ("Geneva", "Switzerland", "Swiss"),
    ("Brussels", "Belgium", "Belgian"),
];

const OUTLETS: &[&str] = &[
    "Reuters",
    "the Associated Press",
    "Bloomberg",
    "Axios",
    "the Financial Times",
    "Agence France-Presse",
    "Politico",
    "the BBC",
    "Interfax",
    "Al Jazeera",
];

const AGENCIES: &[&str] = &[
    "AFP",
    "Getty Images",
    "Reuters",
    "AP Photo",
    "Anadolu",
    "EPA",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const TOPICS: &[&str] = &[
    "energy security",
    "a ceasefire",
    "grain exports",
    "sanctions relief",
    "defense spending",
    "a prisoner exchange",
    "interest rates",
    "a trade agreement",
    "border security",
    "climate funding",
    "a debt restructuring",
    "reconstruction aid",
    "nuclear safety",
    "cyber attacks",
    "migration",
    "the peace talks",
    "tariffs",
    "humanitarian corridors",
];

const FILLER: &[&str] = &[
    "The talks come amid growing pressure on both sides to reach a compromise before the end of the year.",
    "Analysts said the move could reshape the regional balance of power for years to come.",
    "Markets reacted cautiously, with bond yields edging higher in early trading.",
    "Officials did not disclose further details of the discussions.",
    "The decision follows months of negotiations that repeatedly stalled over financing.",
    "Critics warned that the plan lacked clear guarantees and could be reversed.",
    "Diplomats familiar with the matter described the atmosphere as tense but constructive.",
    "The agreement still needs to be ratified by parliament.",
    "It was not immediately clear how the measures would be enforced.",
    "Observers noted that turnout at the protests had been unusually high.",
    "The figures were broadly in line with forecasts published last month.",
    "Several international observers called for an independent investigation.",
];

const BOILERPLATE: &[&str] = &[
    "Subscribe",
    "* indicates required",
    "This audio is created with AI assistance",
    "Sign up for our newsletter",
    "Read also: [The week in review](#)",
    "Share this article",
    "Advertisement",
    "We need your support. [Become a member](#)",
];

struct World {
    people: Vec<Person>,
    orgs: Vec<String>,
}

struct Person {
    name: String,
    pre_title: Option<&'static str>,
    post_role: Option<&'static str>,
    female: bool,
    country: usize,
}

fn make_world(rng: &mut Rng) -> World {
    let mut orgs = Vec::new();
    for m in MINISTRIES {
        orgs.push(format!("Ministry of {m}"));
    }
    for s in ORG_STEMS {
        for _ in 0..3 {
            let suf = rng.pick(ORG_SUFFIX);
            let o = format!("{s} {suf}");
            if !orgs.contains(&o) {
                orgs.push(o);
            }
        }
    }
    let mut people = Vec::new();
    let mut seen = std::collections::HashSet::new();
    while people.len() < 1500 {
        let f = *rng.pick(FIRST);
        let l = *rng.pick(LAST);
        let name = format!("{f} {l}");
        if !seen.insert(name.clone()) {
            continue;
        }
        let female = f.ends_with('a')
            || [
                "Ingrid", "Greta", "Leila", "Nadia", "Priya", "Helena", "Freya", "Hana", "Nora",
                "Vera", "Selma", "Camille", "Yara", "Ayesha", "Wanjiru",
            ]
            .contains(&f);
        let (pre_title, post_role) = match rng.below(10) {
            0..=3 => (Some(*rng.pick(PRE_TITLES)), None),
            4..=6 => (None, Some(*rng.pick(POST_ROLES))),
            _ => (None, None),
        };
        let post_role = post_role.map(|r| match (r, female) {
            ("spokeswoman", false) => "spokesman",
            ("spokesman", true) => "spokeswoman",
            (r, _) => r,
        });
        people.push(Person {
            name,
            pre_title,
            post_role,
            female,
            country: rng.below(PLACES.len()),
        });
    }
    World { people, orgs }
}

struct Article<'w> {
    w: &'w World,
    /// People of this article: indexes into w.people.
    cast: Vec<usize>,
    orgs: Vec<usize>,
    /// Mentioned already (second mention uses the surname / pronoun).
    introduced: Vec<bool>,
    year: u32,
    month: usize,
    day: u32,
}

impl<'w> Article<'w> {
    fn person(&mut self, rng: &mut Rng, k: usize) -> String {
        let p = &self.w.people[self.cast[k]];
        if self.introduced[k] {
            let surname = p.name.rsplit(' ').next().unwrap_or(&p.name);
            return match (p.pre_title, rng.below(3)) {
                (Some(t), 0) => format!("{t} {surname}"),
                _ => surname.to_string(),
            };
        }
        self.introduced[k] = true;
        let demonym = PLACES[p.country].2;
        match (p.pre_title, p.post_role) {
            (Some(t), _) if rng.chance(0.5) => format!("{demonym} {t} {}", p.name),
            (Some(t), _) => format!("{t} {}", p.name),
            (None, Some(r)) => {
                let o = &self.w.orgs[self.orgs[rng.below(self.orgs.len())]];
                format!(
                    "{}, {} {r} of the {o},",
                    p.name,
                    if r.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    }
                )
            }
            _ => p.name.clone(),
        }
    }

    fn org(&self, rng: &mut Rng) -> String {
        let o = &self.w.orgs[self.orgs[rng.below(self.orgs.len())]];
        if o.starts_with("Ministry") {
            let c = PLACES[rng.below(PLACES.len())].1;
            if c.starts_with("the ") {
                format!("the {o}")
            } else {
                format!("{c}'s {o}")
            }
        } else {
            format!("the {o}")
        }
    }

    fn when(&self, rng: &mut Rng) -> String {
        match rng.below(5) {
            0 => format!("on {}", rng.pick(WEEKDAYS)),
            1 => format!(
                "on {} {}",
                MONTHS[self.month],
                rng.range(1, self.day as usize)
            ),
            2 => "earlier this week".to_string(),
            3 => format!(
                "on {} {}, {}",
                MONTHS[self.month],
                rng.range(1, self.day as usize),
                self.year
            ),
            _ => format!("on {}", rng.pick(WEEKDAYS)),
        }
    }

    fn event_sentence(&mut self, rng: &mut Rng) -> String {
        let n = self.cast.len();
        let a = rng.below(n);
        let mut b = rng.below(n);
        if b == a {
            b = (a + 1) % n;
        }
        let pa = self.person(rng, a);
        let pb = self.person(rng, b);
        let place = PLACES[rng.below(PLACES.len())];
        let when = self.when(rng);
        let topic = *rng.pick(TOPICS);
        let org = self.org(rng);
        let outlet = *rng.pick(OUTLETS);
        let s = match rng.below(20) {
            0 => format!(
                "{pa} met with {pb} in {} {when} to discuss {topic}.",
                place.0
            ),
            1 => format!(
                "{pa} visited {} {when}, where talks focused on {topic}.",
                place.0
            ),
            2 => format!("\"We will not accept any deal that ignores {topic},\" {pa} said {when}."),
            3 => format!(
                "{pa} threatened to impose new tariffs on {} if talks on {topic} fail.",
                place.1
            ),
            4 => format!("{org} sanctioned three companies linked to {pb} {when}."),
            5 => format!("{pa} rejected the proposal on {topic} put forward by {pb}."),
            6 => format!(
                "Police in {} arrested {pb} {when} on suspicion of fraud, {outlet} reported.",
                place.0
            ),
            7 => format!("{pa} and {pb} agreed {when} to resume negotiations on {topic}."),
            8 => format!(
                "Forces loyal to {pa} attacked positions near {} {when}, according to {org}.",
                place.0
            ),
            9 => format!("{pa} accused {pb} of undermining efforts on {topic}."),
            10 => format!("{pa} appointed {pb} as the new head of {org} {when}."),
            11 => format!("{pa} demanded that {pb} explain the delays in {topic}."),
            12 => format!("{pa} criticized {org} for its handling of {topic}."),
            13 => format!(
                "{pa} praised {pb} for progress on {topic} during a visit to {}.",
                place.0
            ),
            14 => {
                let o2 = self.org(rng);
                format!(
                    "{} acquired {o2} in a deal worth ${} million, {outlet} reported.",
                    capitalize(&org),
                    rng.range(50, 900)
                )
            }
            15 => format!(
                "{} announced {when} that it would cut its workforce by {} percent.",
                capitalize(&org),
                rng.range(2, 30)
            ),
            16 => format!("According to {outlet}, {pa} held a phone call with {pb} about {topic}."),
            17 => format!(
                "{pa} told reporters in {} that {topic} remained the top priority.",
                place.0
            ),
            18 => format!(
                "{pa} said the {} government was ready to support {topic}, {outlet} reported.",
                place.2
            ),
            _ => format!(
                "{pa} met {pb} on the sidelines of a summit in {} {when}.",
                place.0
            ),
        };
        if self.w.people[self.cast[a]].pre_title.is_some() && rng.chance(0.1) {
            let pronoun = if self.w.people[self.cast[a]].female {
                "She"
            } else {
                "He"
            };
            return format!(
                "{} {pronoun} later said the talks had been productive.",
                capitalize(&s)
            );
        }
        capitalize(&s)
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn article(w: &World, rng: &mut Rng) -> String {
    let year = 2023 + rng.below(3) as u32;
    let month = rng.below(12);
    let day = rng.range(1, 28) as u32;
    let cast_n = rng.range(2, 6);
    let mut cast = Vec::new();
    while cast.len() < cast_n {
        let p = rng.below(w.people.len());
        let surname = |i: usize| w.people[i].name.rsplit(' ').next().unwrap_or("");
        if !cast.iter().any(|&c| surname(c) == surname(p)) {
            cast.push(p);
        }
    }
    let orgs = (0..rng.range(1, 3))
        .map(|_| rng.below(w.orgs.len()))
        .collect();
    let mut a = Article {
        w,
        introduced: vec![false; cast.len()],
        cast,
        orgs,
        year,
        month,
        day,
    };
    let target = rng.range(1000, 6000);
    let mut out = String::with_capacity(target + 512);
    let _ = write!(out, " date {year}-{:02}-{day:02}", month + 1);
    if rng.chance(0.5) {
        out.push_str(" This audio is created with AI assistance");
    }
    out.push_str("\n\n");
    if rng.chance(0.6) {
        let p = &w.people[a.cast[0]];
        let _ = writeln!(
            out,
            "Photo: {} speaks to journalists. ({} / {})\n",
            p.name,
            p.name,
            rng.pick(AGENCIES)
        );
    }
    let mut para = 0;
    while out.len() < target {
        let sentences = rng.range(1, 4);
        for i in 0..sentences {
            if i > 0 {
                out.push(' ');
            }
            if rng.chance(0.7) {
                out.push_str(&a.event_sentence(rng));
            } else {
                let filler: &&str = rng.pick(FILLER);
                out.push_str(filler);
            }
        }
        out.push_str("\n\n");
        para += 1;
        if para % 4 == 0 && rng.chance(0.5) {
            let boilerplate: &&str = rng.pick(BOILERPLATE);
            out.push_str(boilerplate);
            out.push_str("\n\n");
        }
    }
    if rng.chance(0.5) {
        out.push_str("Subscribe\n\n* indicates required\n");
    }
    out
}

fn main() {
    let mut n = 1000usize;
    let mut seed = 42u64;
    let mut outdir = PathBuf::from("corpus");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next();
        match (a.as_str(), v) {
            ("--n", Some(v)) => n = v.parse().expect("--n NUMBER"),
            ("--seed", Some(v)) => seed = v.parse().expect("--seed NUMBER"),
            ("--out", Some(v)) => outdir = PathBuf::from(v),
            _ => {
                eprintln!("usage: gen_corpus --n N --seed S --out DIR");
                std::process::exit(2);
            }
        }
    }
    std::fs::create_dir_all(&outdir).expect("create output folder");
    let mut world_rng = Rng::new(seed);
    let world = make_world(&mut world_rng);
    let mut total = 0usize;
    for i in 0..n {
        let mut rng = Rng::new(seed ^ ((i as u64 + 1).wrapping_mul(0x9e3779b97f4a7c15)));
        let text = article(&world, &mut rng);
        total += text.len();
        let name = format!("{i:06}_{:016x}.txt", rng.next());
        std::fs::write(outdir.join(name), text).expect("write article");
    }
    eprintln!("wrote {n} articles, {total} bytes, to {}", outdir.display());
}
