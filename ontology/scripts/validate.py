#!/usr/bin/env python3
"""Validate every TSV under ontology/: UTF-8, header line '#col\tcol...', the right
number of cells per row, no empty key, no duplicate key, sorted rows, allowed enum values.
Exit status 1 on any problem. Usage: python3 ontology/scripts/validate.py
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# file: (key columns, {column: allowed values}, sorted?)
SPEC = {
    "gazetteer/countries.tsv": ([0], {}, True),
    "gazetteer/places.tsv": ([0], {1: {"city", "region", "sea", "geo"}}, True),
    "gazetteer/organizations.tsv": ([0], {1: {"intl", "news", "gov", "company"}}, True),
    "lexicon/events.tsv": ([2, 3], {
        0: {"Meeting", "Travel", "Statement", "Threat", "Sanction", "Rejection", "PrisonerExchange",
            "Arrest", "Agreement", "Attack", "Accusation", "Appointment", "Demand", "Criticism",
            "Praise", "Acquisition", "Announcement", "Ceasefire", "Release"},
        3: {"verb", "noun"}, 4: {"svo", "between", "with", "passive", "speech"}}, True),
    "lexicon/roles.tsv": ([0], {2: {"title", "noun", "honorific"}}, True),
    "lexicon/org_cues.tsv": ([0], {1: {"first", "last", "any"}}, True),
    "lexicon/stopwords.tsv": ([0], {1: {"function", "month", "weekday", "frequent", "boilerplate", "title"}}, True),
    "lexicon/time.tsv": ([0], {1: {"weekday", "month", "relative"}}, True),
    "boilerplate.tsv": ([0], {1: {"line", "credit", "markup"}}, False),
}


def main():
    bad = 0
    for rel, (keys, enums, must_sort) in SPEC.items():
        path = os.path.join(ROOT, rel)
        text = open(path, "rb").read().decode("utf-8")
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        header = lines[0]
        if not header.startswith("#"):
            print(f"{rel}: no '#' header"); bad += 1; continue
        ncol = len(header[1:].split("\t"))
        seen, rows = set(), []
        for i, line in enumerate(lines[1:], 2):
            if line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != ncol:
                print(f"{rel}:{i}: {len(cells)} cells, want {ncol}: {line!r}"); bad += 1; continue
            key = tuple(cells[k] for k in keys)
            if any(not k.strip() for k in key):
                print(f"{rel}:{i}: empty key"); bad += 1
            if key in seen:
                print(f"{rel}:{i}: duplicate key {key}"); bad += 1
            seen.add(key)
            for c, allowed in enums.items():
                if cells[c] not in allowed:
                    print(f"{rel}:{i}: bad value {cells[c]!r} in column {c}"); bad += 1
            for c in cells:
                if c != c.strip() or "||" in c or c.startswith("|") or c.endswith("|"):
                    print(f"{rel}:{i}: untidy cell {c!r}"); bad += 1
            rows.append(cells)
        if must_sort and rows != sorted(rows):
            print(f"{rel}: rows not sorted"); bad += 1
        if rel == "boilerplate.tsv":
            for cells in rows:
                try:
                    re.compile(cells[0])
                except re.error as e:
                    print(f"{rel}: pattern {cells[0]!r} does not compile: {e}"); bad += 1
        print(f"{rel}: {len(rows)} rows, {ncol} columns")
    print("OK" if not bad else f"{bad} problem(s)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
