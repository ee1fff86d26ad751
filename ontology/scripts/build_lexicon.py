#!/usr/bin/env python3
"""Build the hand-compiled lexicons and the organization gazetteer (CC0, written for
this project), plus lexicon/stopwords.tsv (frequent words from PyPI `wordfreq` 3.1.1).

Writes: gazetteer/organizations.tsv, lexicon/events.tsv, lexicon/roles.tsv,
lexicon/org_cues.tsv, lexicon/stopwords.tsv, lexicon/time.tsv, boilerplate.tsv.
Usage: python3 ontology/scripts/build_lexicon.py   (after build_gazetteer.py: the
stopword filter reads gazetteer/*.tsv so that no place, demonym or organization is blocked)
"""
import os

import gender_guesser.detector as gdet
from wordfreq import top_n_list
from english_words import get_english_words_set

import organizations_data as od
from common import ROOT, join, write_tsv

# ------------------------------------------------------------ organizations
def build_orgs():
    rows = []
    for kind, lst in (("intl", od.INTL), ("news", od.NEWS), ("gov", od.GOV), ("company", od.COMPANY)):
        for name, iso2, aliases in lst:
            rows.append([name, kind, iso2, join(a for a in aliases if a != name)])
    names = [r[0] for r in rows]
    assert len(names) == len(set(names)), "duplicate organization"
    write_tsv("gazetteer/organizations.tsv", ["name", "kind", "country_iso2", "aliases"], rows,
              ["Hand-compiled for newsgraph (CC0). kind: intl | news | gov | company.",
               "Regenerate: python3 ontology/scripts/build_lexicon.py"])


# ------------------------------------------------------------ events
IRREGULAR = {  # base: (3sg, past, past participle, -ing)
    "meet": ("meets", "met", "met", "meeting"),
    "hold": ("holds", "held", "held", "holding"),
    "fly": ("flies", "flew", "flown", "flying"),
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "strike": ("strikes", "struck", "struck", "striking"),
    "shoot": ("shoots", "shot", "shot", "shooting"),
    "buy": ("buys", "bought", "bought", "buying"),
    "take over": ("takes over", "took over", "taken over", "taking over"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "set free": ("sets free", "set free", "set free", "setting free"),
    "go": ("goes", "went", "gone", "going"),
    "come": ("comes", "came", "come", "coming"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "sell": ("sells", "sold", "sold", "selling"),
    "win": ("wins", "won", "won", "winning"),
    "shut": ("shuts", "shut", "shut", "shutting"),
    "put": ("puts", "put", "put", "putting"),
    "lead": ("leads", "led", "led", "leading"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "give": ("gives", "gave", "given", "giving"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"),
    "bomb": ("bombs", "bombed", "bombed", "bombing"),
    "travel": ("travels", "traveled", "traveled", "traveling"),
    "cancel": ("cancels", "canceled", "canceled", "canceling"),
    "label": ("labels", "labeled", "labeled", "labeling"),
    "signal": ("signals", "signaled", "signaled", "signaling"),
    "rebuff": ("rebuffs", "rebuffed", "rebuffed", "rebuffing"),
    "fine": ("fines", "fined", "fined", "fining"),
    "free": ("frees", "freed", "freed", "freeing"),
    "agree": ("agrees", "agreed", "agreed", "agreeing"),
    "see": ("sees", "saw", "seen", "seeing"),
    "overrun": ("overruns", "overran", "overrun", "overrunning"),
    "undertake": ("undertakes", "undertook", "undertaken", "undertaking"),
}
# British spellings added as extra past forms
EXTRA_FORMS = {"travel": ["travelled", "travelling"], "cancel": ["cancelled", "cancelling"],
               "label": ["labelled", "labelling"], "signal": ["signalled", "signalling"]}
DOUBLE = {"ban", "plan", "stop", "drop", "slam", "grab", "ship", "swap", "rap", "nab", "snub", "kidnap"}


def inflect(base):
    if base in IRREGULAR:
        return IRREGULAR[base]
    if " " in base:  # phrasal: inflect the first word
        head, rest = base.split(" ", 1)
        return tuple(f"{f} {rest}" for f in inflect(head))
    if base in DOUBLE:
        return base + "s", base + base[-1] + "ed", base + base[-1] + "ed", base + base[-1] + "ing"
    if base.endswith("e"):
        return base + "s", base + "d", base + "d", base[:-1] + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ies", base[:-1] + "ied", base[:-1] + "ied", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es", base + "ed", base + "ed", base + "ing"
    return base + "s", base + "ed", base + "ed", base + "ing"


# (type, cameo, base verb, frame, make passive forms "was/were PP")
VERBS = [
    # Meeting
    ("Meeting", "040", "meet", "svo", False), ("Meeting", "043", "host", "svo", True),
    ("Meeting", "046", "negotiate", "svo", False), ("Meeting", "040", "hold talks", "between", False),
    ("Meeting", "040", "confer", "with", False), ("Meeting", "040", "consult", "svo", False),
    ("Meeting", "040", "sit down", "with", False), ("Meeting", "044", "gather", "svo", False),
    ("Meeting", "043", "receive", "svo", False), ("Meeting", "045", "mediate", "svo", False),
    ("Meeting", "040", "convene", "svo", False), ("Meeting", "040", "speak", "with", False),
    # Travel
    ("Travel", "042", "visit", "svo", False), ("Travel", "042", "travel", "svo", False),
    ("Travel", "042", "fly", "svo", False), ("Travel", "042", "arrive", "svo", False),
    ("Travel", "042", "go", "svo", False), ("Travel", "042", "head", "svo", False),
    ("Travel", "042", "tour", "svo", False), ("Travel", "042", "return", "svo", False),
    ("Travel", "042", "depart", "svo", False), ("Travel", "042", "land", "svo", False),
    # Statement (reporting verbs)
    ("Statement", "010", "say", "speech", False), ("Statement", "010", "tell", "speech", False),
    ("Statement", "010", "declare", "speech", False), ("Statement", "010", "confirm", "speech", False),
    ("Statement", "010", "state", "speech", False), ("Statement", "010", "add", "speech", False),
    ("Statement", "010", "note", "speech", False), ("Statement", "010", "stress", "speech", False),
    ("Statement", "010", "emphasize", "speech", False), ("Statement", "010", "emphasise", "speech", False),
    ("Statement", "010", "explain", "speech", False), ("Statement", "010", "comment", "speech", False),
    ("Statement", "010", "claim", "speech", False), ("Statement", "010", "insist", "speech", False),
    ("Statement", "010", "write", "speech", False),
    ("Statement", "010", "remark", "speech", False), ("Statement", "010", "suggest", "speech", False),
    ("Statement", "010", "argue", "speech", False), ("Statement", "010", "reiterate", "speech", False),
    ("Statement", "010", "acknowledge", "speech", False), ("Statement", "010", "admit", "speech", False),
    ("Statement", "010", "assert", "speech", False), ("Statement", "010", "recall", "speech", False),
    ("Statement", "010", "reply", "speech", False), ("Statement", "010", "respond", "speech", False),
    ("Statement", "010", "predict", "speech", False), ("Statement", "010", "estimate", "speech", False),
    ("Statement", "016", "deny", "speech", False), ("Statement", "011", "decline to comment", "speech", False),
    # Threat
    ("Threat", "130", "threaten", "svo", False), ("Threat", "130", "warn", "svo", False),
    ("Threat", "138", "vow", "svo", False), ("Threat", "130", "menace", "svo", False),
    ("Threat", "130", "issue an ultimatum", "svo", False),
    # Sanction
    ("Sanction", "163", "sanction", "svo", True), ("Sanction", "163", "impose sanctions", "svo", False),
    ("Sanction", "163", "blacklist", "svo", True), ("Sanction", "163", "embargo", "svo", True),
    ("Sanction", "163", "ban", "svo", True), ("Sanction", "163", "fine", "svo", True),
    ("Sanction", "163", "penalize", "svo", True), ("Sanction", "163", "penalise", "svo", True),
    ("Sanction", "174", "expel", "svo", True), ("Sanction", "163", "freeze assets", "svo", False),
    ("Sanction", "163", "impose tariffs", "svo", False), ("Sanction", "163", "restrict", "svo", True),
    # Rejection
    ("Rejection", "120", "reject", "svo", True), ("Rejection", "120", "refuse", "svo", False),
    ("Rejection", "120", "dismiss", "svo", True), ("Rejection", "125", "rebuff", "svo", True),
    ("Rejection", "120", "oppose", "svo", False), ("Rejection", "120", "object to", "svo", False), ("Rejection", "125", "veto", "svo", True),
    ("Rejection", "120", "turn down", "svo", False), ("Rejection", "120", "decline", "svo", False),
    ("Rejection", "120", "rule out", "svo", False), ("Rejection", "120", "snub", "svo", True),
    # PrisonerExchange
    ("PrisonerExchange", "0841", "swap", "between", False), ("PrisonerExchange", "0841", "exchange", "between", False),
    
    # Arrest
    ("Arrest", "173", "arrest", "svo", True), ("Arrest", "173", "detain", "svo", True),
    ("Arrest", "173", "charge", "svo", True), ("Arrest", "173", "indict", "svo", True),
    ("Arrest", "173", "jail", "svo", True), ("Arrest", "173", "imprison", "svo", True),
    ("Arrest", "173", "sentence", "svo", True), ("Arrest", "173", "convict", "svo", True),
    ("Arrest", "173", "apprehend", "svo", True), ("Arrest", "173", "capture", "svo", True),
    ("Arrest", "173", "kidnap", "svo", True), ("Arrest", "173", "abduct", "svo", True),
    ("Arrest", "173", "extradite", "svo", True), ("Arrest", "173", "take into custody", "svo", False),
    # Agreement
    ("Agreement", "057", "agree", "svo", False), ("Agreement", "057", "sign", "svo", True),
    ("Agreement", "057", "strike a deal", "svo", False), ("Agreement", "057", "reach an agreement", "svo", False),
    ("Agreement", "057", "reach a deal", "svo", False), ("Agreement", "057", "conclude", "svo", False),
    ("Agreement", "057", "ratify", "svo", True), ("Agreement", "057", "seal", "svo", True),
    ("Agreement", "057", "endorse a deal", "svo", False), ("Agreement", "057", "approve", "svo", True),
    ("Agreement", "030", "pledge", "svo", False),
    ("Agreement", "061", "cooperate", "with", False), ("Agreement", "057", "settle", "svo", False),
    # Attack
    ("Attack", "190", "attack", "svo", True), ("Attack", "190", "strike", "svo", False),
    ("Attack", "194", "shell", "svo", True), ("Attack", "195", "bomb", "svo", True),
    ("Attack", "190", "hit", "svo", False), ("Attack", "190", "invade", "svo", True),
    ("Attack", "190", "raid", "svo", True), ("Attack", "193", "shoot", "svo", False),
    ("Attack", "190", "target", "svo", True), ("Attack", "190", "assault", "svo", True),
    ("Attack", "190", "storm", "svo", True), ("Attack", "190", "launch an attack", "svo", False),
    ("Attack", "190", "launch a strike", "svo", False), ("Attack", "195", "launch drones", "svo", False),
    ("Attack", "195", "launch missiles", "svo", False), ("Attack", "190", "kill", "svo", True),
    ("Attack", "190", "destroy", "svo", True), ("Attack", "190", "shoot down", "svo", False),
    ("Attack", "190", "intercept", "svo", True), ("Attack", "190", "capture territory", "svo", False),
    ("Attack", "190", "seize", "svo", True), ("Attack", "190", "overrun", "svo", True),
    ("Attack", "180", "ambush", "svo", True), ("Attack", "190", "bombard", "svo", True),
    # Accusation
    ("Accusation", "112", "accuse", "svo", True), ("Accusation", "112", "blame", "svo", True),
    ("Accusation", "112", "allege", "svo", False), ("Accusation", "115", "sue", "svo", True),
    ("Accusation", "112", "implicate", "svo", True),
    ("Accusation", "116", "investigate", "svo", True), ("Accusation", "112", "fault", "svo", False),
    # Appointment
    ("Appointment", "", "appoint", "svo", True), ("Appointment", "", "name", "svo", True),
    ("Appointment", "", "nominate", "svo", True), ("Appointment", "", "elect", "svo", True),
    ("Appointment", "", "hire", "svo", True), ("Appointment", "", "promote", "svo", True),
    ("Appointment", "", "tap", "svo", True), ("Appointment", "", "choose", "svo", True),
    ("Appointment", "", "select", "svo", True), ("Appointment", "", "install", "svo", True),
    ("Appointment", "", "reappoint", "svo", True),
    
    ("Appointment", "", "resign", "svo", False), ("Appointment", "", "step down", "svo", False),
    ("Appointment", "", "succeed", "svo", False), ("Appointment", "", "sack", "svo", True),
    # Demand
    ("Demand", "100", "demand", "svo", False), ("Demand", "100", "urge", "svo", False),
    ("Demand", "100", "call on", "svo", False), ("Demand", "100", "call for", "svo", False),
    ("Demand", "100", "insist on", "svo", False), ("Demand", "100", "press", "svo", False),
    ("Demand", "100", "ask", "svo", False), ("Demand", "100", "request", "svo", False),
    ("Demand", "100", "appeal", "svo", False), ("Demand", "100", "order", "svo", False),
    ("Demand", "100", "push for", "svo", False),
    # Criticism
    ("Criticism", "111", "criticize", "svo", True), ("Criticism", "111", "criticise", "svo", True),
    ("Criticism", "111", "condemn", "svo", True), ("Criticism", "111", "denounce", "svo", True),
    ("Criticism", "111", "slam", "svo", True), ("Criticism", "111", "blast", "svo", True),
    ("Criticism", "111", "decry", "svo", False), ("Criticism", "111", "lambaste", "svo", True),
    ("Criticism", "111", "rebuke", "svo", True), ("Criticism", "111", "chastise", "svo", True),
    ("Criticism", "111", "deplore", "svo", False),
    ("Criticism", "140", "protest", "svo", False), ("Criticism", "111", "mock", "svo", False),
    # Praise
    ("Praise", "051", "praise", "svo", True), ("Praise", "051", "hail", "svo", True),
    ("Praise", "051", "commend", "svo", True), ("Praise", "051", "applaud", "svo", True),
    ("Praise", "051", "welcome", "svo", False), ("Praise", "051", "congratulate", "svo", False),
    ("Praise", "051", "thank", "svo", False), ("Praise", "051", "laud", "svo", True),
    ("Praise", "051", "endorse", "svo", True), ("Praise", "051", "support", "svo", False),
    # Acquisition
    ("Acquisition", "", "acquire", "svo", True), ("Acquisition", "", "buy", "svo", True),
    ("Acquisition", "", "take over", "svo", False), ("Acquisition", "", "purchase", "svo", True),
    ("Acquisition", "", "merge", "with", False), ("Acquisition", "", "invest", "svo", False),
    ("Acquisition", "", "sell", "svo", True), ("Acquisition", "", "divest", "svo", False),
    ("Acquisition", "", "bid for", "svo", False),
    # Announcement (incl. business / science news)
    ("Announcement", "010", "announce", "svo", True), ("Announcement", "010", "unveil", "svo", True),
    ("Announcement", "010", "launch", "svo", True), ("Announcement", "010", "publish", "svo", True),
    ("Announcement", "010", "release a statement", "svo", False), ("Announcement", "010", "discover", "svo", True),
    ("Announcement", "010", "reveal", "svo", True), ("Announcement", "010", "introduce", "svo", True),
    ("Announcement", "010", "present", "svo", False), ("Announcement", "010", "disclose", "svo", True),
    ("Announcement", "010", "issue a statement", "svo", False), ("Announcement", "010", "propose", "svo", True),
    ("Announcement", "010", "report earnings", "svo", False),
    # Ceasefire
    ("Ceasefire", "0871", "declare a ceasefire", "svo", False), ("Ceasefire", "0871", "halt strikes", "svo", False),
    ("Ceasefire", "0871", "pause strikes", "svo", False), ("Ceasefire", "0874", "withdraw", "svo", False),
    ("Ceasefire", "0871", "de-escalate", "svo", False),
    # Release
    ("Release", "0841", "release", "svo", True), ("Release", "0841", "free", "svo", True),
    ("Release", "0841", "pardon", "svo", True), ("Release", "0841", "set free", "svo", False),
    ("Release", "0841", "repatriate", "svo", True), ("Release", "0841", "hand over", "svo", False),
]
# Multiword verb forms and nouns: (type, cameo, form, pos, frame)
EXTRA_EVENT_FORMS = [
    ("Meeting", "040", "met with", "verb", "with"), ("Meeting", "040", "meet with", "verb", "with"),
    ("Meeting", "040", "meets with", "verb", "with"), ("Meeting", "040", "meeting with", "verb", "with"),
    ("Meeting", "040", "held a meeting", "verb", "between"), ("Meeting", "046", "held negotiations", "verb", "between"),
    ("Meeting", "041", "spoke by phone", "verb", "with"), ("Meeting", "041", "held a phone call", "verb", "with"),
    ("Meeting", "040", "meeting", "noun", "between"), ("Meeting", "040", "talks", "noun", "between"),
    ("Meeting", "040", "summit", "noun", "between"), ("Meeting", "046", "negotiations", "noun", "between"),
    ("Meeting", "041", "phone call", "noun", "between"), ("Meeting", "041", "call", "noun", "between"),
    ("Meeting", "040", "conversation", "noun", "between"), ("Meeting", "040", "discussions", "noun", "between"),
    ("Meeting", "040", "consultations", "noun", "between"), ("Meeting", "040", "encounter", "noun", "between"),
    ("Meeting", "040", "tete-a-tete", "noun", "between"), ("Meeting", "040", "conference", "noun", "between"),
    ("Meeting", "040", "discussed", "verb", "with"), ("Meeting", "040", "discuss", "verb", "with"),
    ("Travel", "042", "arrived in", "verb", "svo"), ("Travel", "042", "flew to", "verb", "svo"),
    ("Travel", "042", "traveled to", "verb", "svo"), ("Travel", "042", "travelled to", "verb", "svo"),
    ("Travel", "042", "went to", "verb", "svo"), ("Travel", "042", "headed to", "verb", "svo"),
    ("Travel", "042", "visit", "noun", "svo"), ("Travel", "042", "trip", "noun", "svo"),
    ("Travel", "042", "journey", "noun", "svo"), ("Travel", "042", "tour", "noun", "svo"),
    ("Travel", "042", "arrival", "noun", "svo"), ("Travel", "042", "state visit", "noun", "svo"),
    ("Statement", "010", "statement", "noun", "speech"),
    ("Statement", "010", "remarks", "noun", "speech"), ("Statement", "010", "interview", "noun", "speech"),
    ("Statement", "010", "told reporters", "verb", "speech"), ("Statement", "010", "said in a statement", "verb", "speech"),
    ("Statement", "010", "press conference", "noun", "speech"), ("Statement", "010", "briefing", "noun", "speech"),
    ("Threat", "130", "threat", "noun", "svo"), ("Threat", "130", "threats", "noun", "svo"),
    ("Threat", "130", "warning", "noun", "svo"), ("Threat", "130", "ultimatum", "noun", "svo"),
    ("Sanction", "163", "sanctions", "noun", "svo"), ("Sanction", "163", "sanction", "noun", "svo"),
    ("Sanction", "163", "embargo", "noun", "svo"), ("Sanction", "163", "tariffs", "noun", "svo"),
    ("Sanction", "163", "ban", "noun", "svo"), ("Sanction", "163", "fine", "noun", "svo"),
    ("Sanction", "163", "imposed sanctions on", "verb", "svo"), ("Sanction", "163", "slapped sanctions", "verb", "svo"),
    ("Rejection", "120", "rejection", "noun", "svo"), ("Rejection", "120", "refusal", "noun", "svo"),
    ("Rejection", "125", "veto", "noun", "svo"),
    ("PrisonerExchange", "0841", "prisoner exchange", "noun", "between"), ("PrisonerExchange", "0841", "prisoner swap", "noun", "between"),
    ("PrisonerExchange", "0841", "swap", "noun", "between"), ("PrisonerExchange", "0841", "exchange", "noun", "between"),
    ("PrisonerExchange", "0841", "exchanged prisoners", "verb", "between"), ("PrisonerExchange", "0841", "swapped prisoners", "verb", "between"),
    ("PrisonerExchange", "0841", "prisoner exchanges", "noun", "between"), ("PrisonerExchange", "0841", "POW exchange", "noun", "between"),
    ("Arrest", "173", "arrest", "noun", "svo"), ("Arrest", "173", "detention", "noun", "svo"),
    ("Arrest", "173", "charges", "noun", "svo"), ("Arrest", "173", "indictment", "noun", "svo"),
    ("Arrest", "173", "conviction", "noun", "svo"), ("Arrest", "173", "custody", "noun", "svo"),
    ("Arrest", "173", "was taken into custody", "verb", "passive"),
    ("Agreement", "057", "deal", "noun", "between"), ("Agreement", "057", "agreement", "noun", "between"),
    ("Agreement", "057", "accord", "noun", "between"), ("Agreement", "057", "treaty", "noun", "between"),
    ("Agreement", "057", "pact", "noun", "between"), ("Agreement", "057", "memorandum", "noun", "between"),
    ("Agreement", "057", "struck a deal", "verb", "svo"), ("Agreement", "057", "reached a deal", "verb", "svo"),
    ("Agreement", "057", "reached an agreement", "verb", "svo"), ("Agreement", "057", "signed a deal", "verb", "svo"),
    ("Agreement", "057", "agreed to", "verb", "svo"), ("Agreement", "057", "agreed on", "verb", "svo"),
    ("Attack", "190", "attack", "noun", "svo"), ("Attack", "190", "attacks", "noun", "svo"),
    ("Attack", "190", "strike", "noun", "svo"), ("Attack", "190", "strikes", "noun", "svo"),
    ("Attack", "195", "airstrike", "noun", "svo"), ("Attack", "195", "airstrikes", "noun", "svo"),
    ("Attack", "195", "air strike", "noun", "svo"), ("Attack", "195", "drone attack", "noun", "svo"),
    ("Attack", "195", "missile attack", "noun", "svo"), ("Attack", "195", "missile strike", "noun", "svo"),
    ("Attack", "194", "shelling", "noun", "svo"), ("Attack", "195", "bombing", "noun", "svo"),
    ("Attack", "190", "offensive", "noun", "svo"), ("Attack", "190", "invasion", "noun", "svo"),
    ("Attack", "190", "incursion", "noun", "svo"), ("Attack", "190", "assault", "noun", "svo"),
    ("Attack", "190", "raid", "noun", "svo"), ("Attack", "190", "fighting", "noun", "between"),
    ("Attack", "190", "clashes", "noun", "between"), ("Attack", "190", "launched an attack", "verb", "svo"),
    ("Accusation", "112", "accusation", "noun", "svo"), ("Accusation", "112", "accusations", "noun", "svo"),
    ("Accusation", "112", "allegations", "noun", "svo"), ("Accusation", "115", "lawsuit", "noun", "svo"),
    ("Accusation", "116", "investigation", "noun", "svo"), ("Accusation", "116", "probe", "noun", "svo"),
    ("Appointment", "", "appointment", "noun", "svo"), ("Appointment", "", "nomination", "noun", "svo"),
    ("Appointment", "", "election", "noun", "svo"), ("Appointment", "", "resignation", "noun", "svo"),
    ("Appointment", "", "was named", "verb", "passive"), ("Appointment", "", "took office", "verb", "svo"),
    ("Appointment", "", "sworn in", "verb", "passive"), ("Appointment", "", "was sworn in", "verb", "passive"),
    ("Demand", "100", "demand", "noun", "svo"), ("Demand", "100", "demands", "noun", "svo"),
    ("Demand", "100", "call for", "noun", "svo"), ("Demand", "100", "appeal", "noun", "svo"),
    ("Demand", "100", "request", "noun", "svo"),
    ("Criticism", "111", "criticism", "noun", "svo"), ("Criticism", "111", "condemnation", "noun", "svo"),
    ("Criticism", "140", "protest", "noun", "svo"), ("Criticism", "140", "protests", "noun", "svo"),
    ("Praise", "051", "praise", "noun", "svo"), ("Praise", "051", "support", "noun", "svo"),
    ("Praise", "051", "endorsement", "noun", "svo"), ("Praise", "051", "congratulations", "noun", "svo"),
    ("Acquisition", "", "acquisition", "noun", "svo"), ("Acquisition", "", "takeover", "noun", "svo"),
    ("Acquisition", "", "merger", "noun", "between"), ("Acquisition", "", "purchase", "noun", "svo"),
    ("Acquisition", "", "buyout", "noun", "svo"), ("PrisonerExchange", "0841", "in exchange for", "noun", "svo"), ("PrisonerExchange", "0841", "in return for", "noun", "svo"),
    ("Acquisition", "", "stake", "noun", "svo"), ("Acquisition", "", "bid", "noun", "svo"),
    ("Announcement", "010", "announcement", "noun", "svo"), ("Announcement", "010", "launch", "noun", "svo"),
    ("Announcement", "010", "unveiling", "noun", "svo"), ("Announcement", "010", "discovery", "noun", "svo"),
    ("Announcement", "010", "publication", "noun", "svo"), ("Announcement", "010", "released a statement", "verb", "svo"),
    ("Ceasefire", "0871", "ceasefire", "noun", "between"), ("Ceasefire", "0871", "cease-fire", "noun", "between"),
    ("Ceasefire", "0871", "truce", "noun", "between"), ("Ceasefire", "0871", "armistice", "noun", "between"),
    ("Ceasefire", "0871", "moratorium", "noun", "between"), ("Ceasefire", "0871", "pause in fighting", "noun", "between"),
    ("Ceasefire", "0871", "energy ceasefire", "noun", "between"), ("Ceasefire", "0874", "withdrawal", "noun", "svo"),
    ("Release", "0841", "release", "noun", "svo"), ("Release", "0841", "pardon", "noun", "svo"),
    ("Release", "0841", "repatriation", "noun", "svo"), ("Release", "0841", "was released", "verb", "passive"),
    ("Release", "0841", "was freed", "verb", "passive"),
]


# Verbs whose base and -s forms are mostly nouns or adjectives in news text ("the
# states", "a free vote", "press", "orders"): only the past, participle and -ing forms
# are listed for them.
NOUN_LIKE_BASE = set("""go head land state note tap storm present press order seal report add
return tour name free support claim comment request appeal release launch charge sentence
target fine ban mock thank welcome succeed raid assault attack strike hit shell bomb swap
exchange trade demand protest embargo veto sanction blacklist purchase bid for estimate
respond reply stress remark blast slam fault praise hail cooperate""".split())


def build_events():
    rows = {}

    def add(t, cameo, form, pos, frame):
        key = (form, pos)
        if key not in rows:
            rows[key] = [t, cameo, form, pos, frame]

    for t, cameo, form, pos, frame in EXTRA_EVENT_FORMS:
        add(t, cameo, form.lower(), pos, frame)
    for t, cameo, base, frame, passive in VERBS:
        s3, past, pp, ing = inflect(base)
        forms = ([] if base in NOUN_LIKE_BASE else [base, s3]) + [past, ing] + EXTRA_FORMS.get(base, [])
        if pp != past:
            forms.append(pp)
        for f in forms:
            add(t, cameo, f, "verb", frame)
        if passive:
            for aux in ("was", "were"):
                add(t, cameo, f"{aux} {pp}", "verb", "passive")
    out = list(rows.values())
    write_tsv("lexicon/events.tsv", ["type", "cameo", "form", "pos", "frame"], out,
              ["Hand-compiled for newsgraph (CC0); CAMEO codes after the CAMEO 1.1b3 codebook (Schrodt).",
               "frame: svo | between | with | passive | speech. One surface form per row, lower case.",
               "Regenerate: python3 ontology/scripts/build_lexicon.py"])


# ------------------------------------------------------------ roles
TITLES = [  # form, role  (can precede a name)
    "president", "vice president", "vice-president", "prime minister", "deputy prime minister",
    "foreign minister", "defense minister", "defence minister", "finance minister",
    "interior minister", "economy minister", "energy minister", "trade minister",
    "justice minister", "health minister", "minister", "deputy minister",
    "deputy foreign minister", "secretary of state", "secretary", "defense secretary",
    "defence secretary", "treasury secretary", "commerce secretary", "home secretary",
    "foreign secretary", "secretary-general", "secretary general", "under secretary",
    "undersecretary", "assistant secretary", "special envoy", "envoy", "ambassador",
    "chancellor", "king", "queen", "prince", "princess", "crown prince", "emir", "sheikh",
    "sultan", "pope", "cardinal", "archbishop", "bishop", "patriarch", "rabbi", "imam",
    "senator", "state senator", "representative", "congressman", "congresswoman",
    "governor", "lieutenant governor", "mayor", "deputy mayor", "speaker", "lawmaker",
    "general", "lieutenant general", "major general", "brigadier general", "colonel",
    "lieutenant colonel", "major", "captain", "lieutenant", "sergeant", "admiral",
    "vice admiral", "rear admiral", "marshal", "field marshal", "commander",
    "commander-in-chief", "chief of staff", "chief", "judge", "justice", "chief justice",
    "attorney general", "prosecutor", "prosecutor general", "detective", "inspector",
    "officer", "professor", "dr", "doctor", "coach", "manager", "director", "chairman",
    "chairwoman", "chairperson", "co-chair", "chair", "ceo", "cfo", "coo", "cto", "president-elect", "premier",
    "leader", "supreme leader", "opposition leader", "party leader", "governor-elect",
    "press secretary", "spokesperson", "spokesman", "spokeswoman", "adviser", "advisor",
    "national security adviser", "national security advisor", "deputy", "mp", "mep",
    "head", "founder", "co-founder", "chief executive", "executive director",
    "managing director", "editor-in-chief", "editor", "reporter", "correspondent",
    "analyst", "economist", "scientist", "researcher", "lawyer", "attorney",
    "negotiator", "chief negotiator", "aide", "official", "senior official", "diplomat",
    "top diplomat", "spy chief", "army chief", "commissioner", "high representative",
    "mufti", "ayatollah", "grand ayatollah", "tsar", "czar", "ombudsman", "rapporteur",
    "special rapporteur", "special representative", "special adviser", "deputy head",
    "deputy chief", "deputy director", "vice chairman", "vice chair", "board member",
    "member", "activist", "journalist", "photographer", "columnist", "anchor", "host",
    "author", "historian", "expert", "strategist", "consultant", "investor", "entrepreneur",
    "billionaire", "businessman", "businesswoman", "oligarch", "banker", "trader",
    "pilot", "soldier", "commando", "fighter", "militant", "captive", "hostage", "prisoner",
    "defendant", "suspect", "witness", "victim", "player", "striker", "midfielder",
    "goalkeeper", "champion", "singer", "actor", "actress", "director-general",
    "director general", "head of state", "head of government", "monarch", "first lady",
    "candidate", "nominee", "president of the commission",
]
# surface forms whose canonical role differs from the form itself
ROLE_CANON = {
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "advisor": "adviser",
    "defence minister": "defense minister", "defence secretary": "defense secretary",
    "vice-president": "vice president", "secretary general": "secretary-general",
    "congressman": "representative", "congresswoman": "representative",
    "chairwoman": "chair", "chairman": "chair", "chairperson": "chair", "chief executive": "ceo",
    "undersecretary": "under secretary", "czar": "tsar", "national security advisor": "national security adviser",
    "director general": "director-general", "dr": "doctor", "cease-fire": "ceasefire",
}
# roles that are descriptions rather than titles ("the envoy", "an aide")
NOUN_ONLY = {
    "official", "senior official", "aide", "diplomat", "top diplomat", "lawyer", "attorney",
    "analyst", "economist", "scientist", "researcher", "reporter", "correspondent",
    "journalist", "photographer", "columnist", "author", "historian", "expert",
    "strategist", "consultant", "investor", "entrepreneur", "billionaire", "businessman",
    "businesswoman", "oligarch", "banker", "trader", "pilot", "soldier", "commando",
    "fighter", "militant", "captive", "hostage", "prisoner", "defendant", "suspect",
    "witness", "victim", "player", "striker", "midfielder", "goalkeeper", "champion",
    "singer", "actor", "actress", "head of state", "head of government", "monarch",
    "candidate", "nominee", "member", "board member", "activist", "lawmaker", "deputy",
    "spy chief", "army chief", "negotiator", "chief negotiator", "spokesperson",
    "spokesman", "spokeswoman", "adviser", "advisor", "founder", "co-founder", "host",
    "anchor", "head", "deputy head", "manager", "editor", "officer", "leader",
    "opposition leader", "party leader", "supreme leader", "first lady",
}
HONORIFICS = [
    ("Mr.", "mister"), ("Mr", "mister"), ("Mrs.", "missus"), ("Mrs", "missus"), ("Ms.", "ms"),
    ("Ms", "ms"), ("Dr.", "doctor"), ("Sir", "sir"), ("Dame", "dame"), ("Lord", "lord"),
    ("Lady", "lady"), ("Rep.", "representative"), ("Sen.", "senator"), ("Gov.", "governor"),
    ("Lt. Gov.", "lieutenant governor"), ("Gen.", "general"), ("Lt. Gen.", "lieutenant general"),
    ("Maj. Gen.", "major general"), ("Brig. Gen.", "brigadier general"), ("Col.", "colonel"),
    ("Lt. Col.", "lieutenant colonel"), ("Maj.", "major"), ("Capt.", "captain"),
    ("Lt.", "lieutenant"), ("Sgt.", "sergeant"), ("Adm.", "admiral"), ("Cmdr.", "commander"),
    ("Prof.", "professor"), ("Rev.", "reverend"), ("Fr.", "father"), ("Hon.", "honourable"),
    ("Pres.", "president"), ("Amb.", "ambassador"), ("Sheikh", "sheikh"), ("Mme", "madame"),
    ("Mlle", "mademoiselle"), ("Herr", "herr"), ("Frau", "frau"), ("Monsignor", "monsignor"),
]


def build_roles():
    rows = {}
    for f in TITLES:
        kind = "noun" if f in NOUN_ONLY else "title"
        rows[f] = [f, ROLE_CANON.get(f, f), kind]
    for f, r in HONORIFICS:
        rows[f] = [f, r, "honorific"]
    write_tsv("lexicon/roles.tsv", ["form", "role", "kind"], list(rows.values()),
              ["Hand-compiled for newsgraph (CC0). form matched case-insensitively except honorifics.",
               "kind: title (precedes a name) | noun (a description) | honorific.",
               "Regenerate: python3 ontology/scripts/build_lexicon.py"])


# ------------------------------------------------------------ org cues
CUES_LAST = [
    "Fund", "Agency", "Council", "Committee", "Commission", "Bank", "Inc.", "Inc", "Corp.",
    "Corp", "Corporation", "Company", "Co.", "Ltd.", "Ltd", "LLC", "PLC", "plc", "AG", "SA",
    "S.A.", "GmbH", "N.V.", "NV", "AB", "ASA", "Group", "Holdings", "Holding", "Institute",
    "Party", "Army", "Navy", "Air Force", "Guard", "Guards", "Police", "Service", "Services",
    "Court", "Parliament", "Assembly", "Senate", "Congress", "Department", "Office",
    "Bureau", "Foundation", "Association", "Union", "Federation", "Organization",
    "Organisation", "Alliance", "Coalition", "Front", "Movement", "Forces", "Command",
    "Authority", "Board", "Network", "Times", "Post", "News", "Journal", "Press", "Media",
    "Television", "TV", "Radio", "Airlines", "Airways", "Air Lines", "Motors", "Technologies",
    "Technology", "Systems", "Labs", "Laboratories", "Pharmaceuticals", "Pharma", "Energy",
    "Oil", "Gas", "Petroleum", "Industries", "Enterprises", "Partners", "Capital",
    "Ventures", "Investments", "Securities", "Insurance", "Bancorp", "Trust", "Society",
    "Club", "League", "Brigade", "Battalion", "Regiment", "Division", "Corps", "Fleet",
    "Ministry", "Secretariat", "Cabinet", "Administration", "Directorate", "Inspectorate",
    "Tribunal", "Commissariat", "Centre", "Center", "Hospital", "School", "College",
    "Academy", "Observatory", "Museum", "Library", "Exchange", "Reserve", "Treasury",
    "Railways", "Railway", "Shipping", "Logistics", "Telecom", "Communications",
    "Electronics", "Software", "Engineering", "Research", "Robotics", "Aerospace", "Defense", "Defence", "Dynamics",
    "Mining", "Metals", "Steel", "Chemicals", "Foods", "Brands", "Stores", "Motor",
    "Daily", "Gazette", "Herald", "Tribune", "Telegraph", "Chronicle", "Review", "Magazine",
    "Broadcasting", "Studios", "Pictures", "Entertainment", "Games", "Sports",
    "Initiative", "Project", "Watch", "Monitor", "Mission", "Task Force", "Cartel",
    "Consortium", "Syndicate", "Cooperative", "Church", "Synod", "Diocese", "Caliphate",
    "Survey", "Force", "Athletic", "Athletico", "Unit", "Laboratory", "Laboratories", "Squad",
    "Brigade", "Battalion", "Regiment", "Rovers", "Wanderers", "Hotspur",
]
CUES_FIRST = [
    "Ministry of", "Bank of", "University of", "Department of", "Office of", "Institute of",
    "Institute for", "Council of", "Council on", "Committee on", "Committee for",
    "Commission on", "Commission for", "Court of", "Academy of", "Federation of",
    "Association of", "Union of", "League of", "Organization of", "Organisation of",
    "Agency for", "Center for", "Centre for", "Party of", "Army of", "Government of",
    "Embassy of", "Parliament of", "House of", "Board of", "Bureau of", "Church of",
    "Society of", "School of", "College of", "Museum of", "Movement for", "Alliance for",
    "Front for", "Coalition for", "Fund for", "Foundation for", "Service of",
    "Chamber of", "Assembly of", "Forces of", "People's", "National", "Federal", "Royal",
    "State", "Central", "Supreme", "Constitutional", "International", "European",
    "United", "Islamic", "Democratic", "Republican", "Communist", "Socialist", "Liberal",
    "Conservative", "Green", "Labour", "Labor",
]
CUES_ANY = ["University", "Ministry", "Embassy", "Consulate", "Government", "Chamber", "FC", "AFC"]


def build_cues():
    rows = {}
    for w in CUES_LAST:
        rows[w] = [w, "last"]
    for w in CUES_FIRST:
        rows.setdefault(w, [w, "first"])
    for w in CUES_ANY:
        rows[w] = [w, "any"]
    write_tsv("lexicon/org_cues.tsv", ["word", "position"], list(rows.values()),
              ["Hand-compiled for newsgraph (CC0). position: last | first | any (case-sensitive).",
               "A 'first' cue ending in 'of'/'for'/'on' is followed by the rest of the name.",
               "Regenerate: python3 ontology/scripts/build_lexicon.py"])


# ------------------------------------------------------------ time
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WD_ABBR = [["mon", "mon."], ["tue", "tue.", "tues", "tues."], ["wed", "wed."],
           ["thu", "thu.", "thur", "thur.", "thurs", "thurs."], ["fri", "fri."],
           ["sat", "sat."], ["sun", "sun."]]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MO_ABBR = [["jan", "jan."], ["feb", "feb."], ["mar", "mar."], ["apr", "apr."], [],
           ["jun", "jun."], ["jul", "jul."], ["aug", "aug."],
           ["sep", "sep.", "sept", "sept."], ["oct", "oct."], ["nov", "nov."], ["dec", "dec."]]
RELATIVE = [
    ("today", "0 day"), ("tonight", "0 day"), ("this morning", "0 day"),
    ("this afternoon", "0 day"), ("this evening", "0 day"), ("earlier today", "0 day"),
    ("yesterday", "-1 day"), ("last night", "-1 day"), ("yesterday's", "-1 day"),
    ("tomorrow", "+1 day"), ("the day before", "-1 day"), ("the day before yesterday", "-2 day"),
    ("the day after tomorrow", "+2 day"), ("this week", "0 week"), ("last week", "-1 week"),
    ("next week", "+1 week"), ("earlier this week", "0 week"), ("later this week", "0 week"),
    ("this month", "0 month"), ("last month", "-1 month"), ("next month", "+1 month"),
    ("earlier this month", "0 month"), ("later this month", "0 month"),
    ("this year", "0 year"), ("last year", "-1 year"), ("next year", "+1 year"),
    ("earlier this year", "0 year"), ("later this year", "0 year"),
    ("this weekend", "0 weekend"), ("last weekend", "-1 weekend"), ("next weekend", "+1 weekend"),
    ("two days ago", "-2 day"), ("three days ago", "-3 day"), ("a week ago", "-1 week"),
    ("two weeks ago", "-2 week"), ("a month ago", "-1 month"), ("a year ago", "-1 year"),
    ("this spring", "0 year"), ("this summer", "0 year"), ("this autumn", "0 year"),
    ("this fall", "0 year"), ("this winter", "0 year"),
]


def build_time():
    rows = []
    for i, d in enumerate(WEEKDAYS):
        for f in [d, d + "s"] + WD_ABBR[i]:
            rows.append([f, "weekday", str(i + 1)])
    for i, m in enumerate(MONTHS):
        for f in [m] + MO_ABBR[i]:
            rows.append([f, "month", str(i + 1)])
    for f, v in RELATIVE:
        rows.append([f, "relative", v])
    write_tsv("lexicon/time.tsv", ["form", "kind", "value"], rows,
              ["Hand-compiled for newsgraph (CC0). Forms lower case, matched case-insensitively.",
               "weekday: 1=Monday..7=Sunday; month: 1..12; relative: signed offset and unit",
               "(day | week | weekend | month | year) from the document date.",
               "Regenerate: python3 ontology/scripts/build_lexicon.py"])


# ------------------------------------------------------------ boilerplate
BOILERPLATE = [  # pattern, kind, note
    (r"(?i)This audio is created with AI assistance\.?", "line", "AI audio notice"),
    (r"(?i)Skip to (main )?content", "line", "navigation"),
    (r"(?i)Skip to navigation", "line", "navigation"),
    (r"(?i)pre-?order now.*", "line", "shop promo"),
    (r"\* indicates required", "line", "subscribe form"),
    (r"(?i)Subscribe( now| to .*)?\.?", "line", "subscribe form"),
    (r"(?i)Enter your e-?mail.*", "line", "subscribe form"),
    (r"(?i)Please,? enter (a )?(correct|valid) e-?mail address\.?", "line", "subscribe form"),
    (r"(?i)Successful+y subscribed\.?", "line", "subscribe form (incl. the 'Successfuly' misspelling)"),
    (r"(?i)Thank you for (signing up|subscribing).*", "line", "subscribe form"),
    (r"(?i)Sign up.*newsletter.*", "line", "newsletter"),
    (r"(?i)(Our|The) newsletter.*", "line", "newsletter"),
    (r"(?i)MORE NEWS:?", "line", "section header"),
    (r"(?i)(Editors'?|Editor's) Picks?", "line", "section header"),
    (r"(?i)News Feed", "line", "section header"),
    (r"(?i)(Top|Latest|Trending|Most read|Most popular) (stories|news)?", "line", "section header"),
    (r"(?i)(Related|Recommended)( articles?| stories| content| news)?:?", "line", "section header"),
    (r"(?i)Related( article| story)?:.*", "line", "related link"),
    (r"(?i)(Read|See) (more|also):.*", "line", "related link"),
    (r"(?i)Read more\.?", "line", "related link"),
    (r"(?i)Share (this|on) .*", "line", "share buttons"),
    (r"(?i)Share", "line", "share buttons"),
    (r"(?i)(Facebook|Twitter|X|LinkedIn|WhatsApp|Telegram|Email|Copy link|Print)", "line", "share buttons"),
    (r"(?i)Advertisement", "line", "ad slot"),
    (r"(?i)Sponsored( content)?", "line", "ad slot"),
    (r"(?i)Cookie.*", "line", "cookie banner"),
    (r"(?i)(We use cookies|By (continuing|using) (to use )?this (site|website)).*", "line", "cookie banner"),
    (r"(?i)Accept( all)?( cookies)?", "line", "cookie banner"),
    (r"(?i)All rights reserved.*", "line", "copyright"),
    (r"©.*", "line", "copyright"),
    (r"(?i)Copyright( ©)? \d{4}.*", "line", "copyright"),
    (r"(?i)\d{1,2}:\d{2} ?(AM|PM|a\.m\.|p\.m\.)( [A-Z]{2,4})?", "line", "time of day alone on a line"),
    (r"(?i)Original url:.*", "line", "source URL header (keep the URL as metadata)"),
    (r"<https?://\S+>", "line", "bare autolink"),
    (r"https?://\S+", "line", "bare URL alone on a line"),
    (r"(?i)Follow us on.*", "line", "social"),
    (r"(?i)Click here.*", "line", "call to action"),
    (r"(?i)Listen to this article.*", "line", "audio player"),
    (r"(?i)(Photo|Image|Picture|Video|Credit|Photograph|Illustration|Source)s?:.*", "line", "media credit line"),
    (r"(?i)(Photo|Image) (by|courtesy of) .*", "line", "media credit line"),
    (r"(?i)Watch( now| live| the video)?:?", "line", "video promo"),
    (r"(?i)Listen( now| live)?:?", "line", "audio promo"),
    (r"(?i)(Live|Breaking|Exclusive|Update|Updated|Opinion|Analysis)( news)?:?", "line", "label alone on a line"),
    (r"(?i)(Updated|Published|Posted) (on )?.{0,40}\d{4}.*", "line", "timestamp line"),
    (r"(?i)\d+ min(ute)?s? read", "line", "reading time"),
    (r"(?i)Log ?in|Sign ?in|Register|Log ?out|Sign out|Menu|Search|Home|Close", "line", "navigation"),
    (r"(?i)Back to top", "line", "navigation"),
    (r"(?i)Download (the|our) app.*", "line", "app promo"),
    (r"(?i)Support (our|independent) journalism.*", "line", "donation promo"),
    (r"(?i)(Donate|Become a (member|subscriber|patron)).*", "line", "donation promo"),
    (r"(?i)Already (a subscriber|have an account)\??.*", "line", "paywall"),
    (r"(?i)(Terms of (Use|Service)|Privacy Policy|Contact us|About us)( \|.*)?", "line", "footer"),
    (r"(?i)Loading\.\.\.|Loading…", "line", "widget"),
    (r"(?i)Comments?( \(\d+\))?", "line", "comments widget"),
    (r"(?i)Tags?:.*", "line", "tag list"),
    (r"(?i)Topics?:.*", "line", "tag list"),
    (r"(?i)(Reporting|Writing|Editing|Additional reporting) by .*", "line", "agency credit line"),
    (r"[-=_*•·]{3,}", "line", "rule / separator"),
    (r"\((?:[^()/]+) / ([^()]+)\)", "credit", "inline photo credit '(Allison Robbert / Getty Images)': mask the whole match"),
    (r"\*\*[^*]+ / [^*]+\*\*", "credit", "bold photo credit '**AP / TASS**': mask the whole match"),
    (r"(?i)\((?:Photo|Image|Credit|Photo credit)[^()]*\)", "credit", "inline '(Photo: ...)' credit"),
    (r"\[([^\]]*)\]\([^)]*\)", "markup", "markdown link: mask '[' and '](target)', keep group 1 (the link text)"),
    (r"!\[[^\]]*\]\([^)]*\)", "markup", "markdown image: mask the whole match"),
    (r"^#{1,6}[ ]", "markup", "markdown heading marker: mask the marker only, not anchored to the line"),
    (r"\*\*|__", "markup", "markdown bold markers: mask the markers only"),
]


def build_boilerplate():
    rows = {}
    for p, k, n in BOILERPLATE:
        assert p not in rows, p
        rows[p] = [p, k, n]
    path = os.path.join(ROOT, "boilerplate.tsv")
    header = ["pattern", "kind", "note"]
    # not sorted by pattern: grouped by kind, then pattern (stable, deterministic)
    order = {"line": 0, "credit": 1, "markup": 2}
    out = sorted(rows.values(), key=lambda r: (order[r[1]], r[0]))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(header) + "\n")
        f.write("# Hand-compiled for newsgraph (CC0). Rust `regex` syntax. kind=line: matches a whole\n")
        f.write("# trimmed line (the code anchors it with ^(?:...)$). kind=credit: inline span, masked whole.\n")
        f.write("# kind=markup: inline span; only the syntax is masked, capture group 1 (if any) is kept.\n")
        f.write("# Masking replaces characters with spaces so that offsets do not shift.\n")
        f.write("# Sorted by kind (line, credit, markup), then pattern. Regenerate: python3 ontology/scripts/build_lexicon.py\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    print(f"wrote boilerplate.tsv: {len(out)} rows")


# ------------------------------------------------------------ stopwords
FUNCTION = """The This That These Those It Its He She They We I You Him Her Them Us Me My Our
Your Their His Hers Who Whom Whose What Which Where When Why How Despite Although Though
However Meanwhile After Before While According Earlier Later Since In On At For But And Or
Nor If As A An Both Some Many More Most Much Few Several Each Every Either Neither Any All
No Not Nothing None Other Another Such Than Then Thus Also Yet Still Even Just Only Already
Because Unless Until Whether Within Without Among Amid Amidst Against Between Through During
Under Over Above Below From To Of With By About Into Onto Upon Across Along Around Behind
Beyond Near Toward Towards Per Via Once Here There Now So Too Very Instead Otherwise
Nevertheless Nonetheless Furthermore Moreover Therefore Hence Indeed Perhaps Maybe Also
Overall Finally Firstly Secondly Lastly Additionally Similarly Likewise Consequently
Accordingly Specifically Notably Currently Previously Recently Initially Eventually
Ultimately Reportedly Apparently Allegedly Separately Elsewhere Today Yesterday Tomorrow
Tonight Last Next First Second Third One Two Three Four Five Six Seven Eight Nine Ten
Is Are Was Were Be Been Being Has Have Had Do Does Did Would Shall Should Can Could
Might Must Let Please Yes Oh Well Mr Mrs Ms Dr""".split()
BOILER = """Related Photo Photos Video Videos Read Subscribe Editor Editors Breaking Update Updated
Exclusive Opinion Analysis Live Watch Listen Sign Share Advertisement Comments Comment Menu
Search Home Login Register Newsletter Podcast Podcasts Gallery Slideshow Sponsored Trending
Latest Popular Click Download Follow Print Email Source Credit Image Images Caption Copyright
Reuters/Getty Explainer Factbox Timeline FILE""".split()
TITLE_WORDS = """President Prime Minister Minister Secretary Chancellor Senator Governor Mayor
General Commander Spokesperson Spokesman Spokeswoman Ambassador Envoy Chairman Chairwoman
Director Chief Deputy Official Officials Advisor Adviser Aide King Queen Prince Princess
Pope Judge Justice Lawmaker Lawmakers Representative Congressman Congresswoman Speaker
Leader Foreign Defense Defence Finance Interior Special Vice Former Acting Senior Top
Colonel Major Captain Lieutenant Sergeant Admiral Professor Sen Rep Gov Gen Col Capt
Prof Lt Sgt Adm""".split()


# Words of the frequency list that are also frequent as family names: a capitalized
# occurrence in news is often a person, so they are not stopwords (filter only; this
# lists no person, and nothing of it is written out).
SURNAME_LIKE = set("""Brown White Black Green Gray Grey Young King Hall Wood Woods Stone Rice
Cook Bell Long Hill West Fox Lane Rose Hunt Bush Ford Price Ward Cox Parker Baker Hunter
Marshall Turner Carter Cooper Miller Taylor Smith Wright Mason Fisher Porter Page Rich
Little Bond Banks Walker Burns Rivers Trump Moore Hope Grant Chase Nash Sharp Sweet Strong
Love Day Bishop Knight Butler Mills Field Fields Cross Lord Noble Gates Jobs Wolf Bird
Holmes Brooks Shepherd Frank Hart Short Gross Baron Best Lamb Fry Peace Power Powers Major
Hardy Golden Snow Rock Summers Winter Spring Savage Good Case Law Chambers Booker Waters
Webb Barr Cash Steel Royal Moody Stark""".split())
# Adjectives that start names ("Scottish National Party", "Jewish Agency"): not stopwords.
NAME_STARTERS = {"Scottish", "Jewish", "Muslim", "Asian", "Catholic", "Christian",
                 "Democrats", "Republicans", "Arab", "African", "Western", "Eastern",
                 "Northern", "Southern", "New", "Old", "Great", "Grand", "Saint", "St",
                 "Inc", "Jr", "Sr", "Ii", "Iii", "Iv", "Dc", "Tv", "Pc", "Pm", "Http"}


def read_names(relpath, cols):
    out = set()
    with open(os.path.join(ROOT, relpath), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            for c in cols:
                for v in cells[c].split("|"):
                    if v:
                        out.add(v)
                        out.update(v.split())
    return out


def build_stopwords():
    protected = set()
    protected |= read_names("gazetteer/countries.tsv", [0, 2, 3, 4])
    protected |= read_names("gazetteer/places.tsv", [0])
    protected |= read_names("gazetteer/organizations.tsv", [0, 2])
    protected_lower = {p.lower() for p in protected}
    protected |= read_names("lexicon/org_cues.tsv", [0])
    protected |= SURNAME_LIKE | NAME_STARTERS
    protected_lower = {p.lower() for p in protected}
    lw = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}

    def dictionary_word(w):
        # an ordinary lower-case English word or a regular inflection of one;
        # proper nouns of the frequency list (brands, places, people) fail this
        if w in lw:
            return True
        for suf, rep in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e"), ("ies", "y"), ("ied", "y"), ("er", ""), ("est", "")):
            if w.endswith(suf) and w[: -len(suf)] + rep in lw:
                return True
        return False

    gd = gdet.Detector(case_sensitive=False)
    rows = {}

    def add(word, reason):
        rows.setdefault(word, [word, reason])

    for w in WEEKDAYS:
        add(w.capitalize(), "weekday")
    for m in MONTHS:
        add(m.capitalize(), "month")
    for w in FUNCTION:
        add(w, "function")
    for w in BOILER:
        add(w, "boilerplate")
    for w in TITLE_WORDS:
        add(w, "title")
    for w in list(rows):
        if w in NAME_STARTERS:
            del rows[w]
    n = 0
    for w in top_n_list("en", 3000):
        if not w.isalpha() or len(w) < 2 or not w.isascii():
            continue
        cap = w.capitalize()
        if cap in rows:
            continue
        if w in protected_lower:
            continue  # a country, city, demonym, organization word: do not block it
        if not dictionary_word(w):
            continue  # a proper noun in the frequency list
        if gd.get_gender(cap) != "unknown":
            continue  # a first name (also common words such as "Will", "Mark", "Rose")
        add(cap, "frequent")
        n += 1
    write_tsv("lexicon/stopwords.tsv", ["word", "reason"], list(rows.values()),
              ["Hand-compiled lists (CC0) plus the 3000 most frequent English words of PyPI wordfreq 3.1.1",
               "(word list data CC BY-SA 4.0, see SOURCES.md), capitalized, minus every word of a",
               "country/place/organization name or demonym and minus first names (gender-guesser 0.4.0).",
               "reason: function | month | weekday | frequent | boilerplate | title.",
               "Regenerate: python3 ontology/scripts/build_lexicon.py"])


if __name__ == "__main__":
    build_orgs()
    build_events()
    build_roles()
    build_cues()
    build_time()
    build_boilerplate()
    build_stopwords()
