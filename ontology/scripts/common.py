"""Shared helpers for the ontology build scripts: TSV writing and script checks."""
import os
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # ontology/


def is_latin(s: str) -> bool:
    """True if every letter in s is in the Latin script (ASCII or Latin-1/Extended)."""
    for ch in s:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if "LATIN" not in name:
                return False
    return True


def fold(s: str) -> str:
    """ASCII-fold: strip diacritics (Réunion -> Reunion)."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)
    )


def clean_cell(s: str) -> str:
    s = s.replace("\t", " ").replace("\n", " ").replace("|", "/").strip()
    return " ".join(s.split())


def join(values) -> str:
    """Join a multi-valued cell with '|', de-duplicated, order kept."""
    out, seen = [], set()
    for v in values:
        v = clean_cell(v)
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return "|".join(out)


def write_tsv(relpath: str, header, rows, comments=()):
    """Write rows (lists of str) sorted by the cells (code point order), header first."""
    path = os.path.join(ROOT, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    rows = sorted(rows, key=lambda r: [c for c in r])
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(header) + "\n")
        for c in comments:
            f.write("# " + c + "\n")
        for r in rows:
            assert len(r) == len(header), (relpath, r)
            f.write("\t".join(clean_cell(c) if "|" not in c else c for c in r) + "\n")
    print(f"wrote {relpath}: {len(rows)} rows")
