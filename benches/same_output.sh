#!/usr/bin/env bash
# Byte-for-byte check that an optimisation did not change newsgraph's output.
#
#   benches/same_output.sh record   # with the reference build: save reference outputs
#   benches/same_output.sh check    # with the changed build: compare against them
#
# Inputs: seeds/ and tests/fixtures/articles/ (and, with CORPUS=DIR, a generated corpus too,
# e.g. CORPUS=$CARGO_TARGET_DIR/bench-corpus-1000). For each it runs `newsgraph build` into a
# temporary folder and compares graph.trig, actors.dot, events.dot, the store's manifest.json
# (documents, extractions, quad hashes), the build summary (minus its timing),
# `export --canonical` (small inputs only: RDFC-1.0 is slow on big graphs) and
# `export --format nquads` (read back from the snapshot by a new process). Graphviz is hidden
# from PATH (no SVGs).
#
# BIN=path/to/newsgraph overrides the binary (default: $CARGO_TARGET_DIR/release/newsgraph,
# built first); REF=DIR where references live (default: $CARGO_TARGET_DIR/same-output-ref).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MODE="${1:-check}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
if [ -z "${BIN:-}" ]; then
  cargo build --release --bin newsgraph >&2
  BIN="$TARGET/release/newsgraph"
fi
REF="${REF:-$TARGET/same-output-ref}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
NODOT="$WORK/bin"
mkdir -p "$NODOT"
ln -s "$BIN" "$NODOT/newsgraph"

SETS=("seeds:$ROOT/seeds" "fixtures:$ROOT/tests/fixtures/articles")
[ -n "${CORPUS:-}" ] && SETS+=("corpus-$(basename "$CORPUS"):$CORPUS")

outputs() { # name dir dest
  local name="$1" dir="$2" dest="$3" out="$WORK/out-$1"
  mkdir -p "$dest"
  env "PATH=$NODOT" "$BIN" build "$dir" --out "$out" > "$WORK/build.txt"
  head -1 "$WORK/build.txt" | sed -E 's/ in [0-9.]+s$//' > "$dest/summary.txt"
  cp "$out/graph.trig" "$out/actors.dot" "$out/events.dot" "$out/store/manifest.json" "$dest/"
  "$BIN" export --format nquads --store "$out/store" -o "$dest/graph.nq"
  if [[ "$name" != corpus-* ]]; then
    "$BIN" export --canonical --store "$out/store" -o "$dest/canonical.nq"
  fi
  rm -rf "$out"
}

status=0
for set in "${SETS[@]}"; do
  name="${set%%:*}"; dir="${set#*:}"
  case "$MODE" in
    record)
      rm -rf "${REF:?}/$name"
      outputs "$name" "$dir" "$REF/$name"
      echo "recorded $name: $(ls "$REF/$name" | tr '\n' ' ')"
      ;;
    check)
      [ -d "$REF/$name" ] || { echo "no reference for $name in $REF (run: $0 record)" >&2; exit 2; }
      outputs "$name" "$dir" "$WORK/now-$name"
      for f in "$REF/$name"/*; do
        b="$(basename "$f")"
        if cmp -s "$f" "$WORK/now-$name/$b"; then
          echo "same      $name/$b"
        else
          echo "DIFFERENT $name/$b"; status=1
        fi
      done
      ;;
    *) echo "usage: $0 record|check" >&2; exit 2 ;;
  esac
done
exit "$status"
