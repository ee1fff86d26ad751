#!/usr/bin/env bash
# CLI latency of the typical queries: process start, store open, query and CSV output.
#
#   benches/query_cli.sh BIN STORE ACTOR EVENT
#
# For each benches/queries/*.rq (ACTOR and EVENT replaced), runs `BIN query --store STORE
# --format csv` 5 times and prints: name, median ms, min ms, rows. Works on either backend
# (a RocksDB store opens in ~0.1 s; the default store loads its snapshot first, so use
# `cargo bench --bench queries` for in-process figures there).
set -euo pipefail
BIN="$1"; STORE="$2"; ACTOR="$3"; EVENT="$4"
DIR="$(cd "$(dirname "$0")" && pwd)/queries"
for f in "$DIR"/*.rq; do
  q=$(sed -e "s/ACTOR/$ACTOR/g" -e "s|EVENT|$EVENT|g" "$f")
  ts=()
  rows=0
  for _ in 1 2 3 4 5; do
    s=$(date +%s%N)
    rows=$("$BIN" query --store "$STORE" --format csv "$q" | wc -l)
    e=$(date +%s%N)
    ts+=($(( (e - s) / 1000000 )))
  done
  mapfile -t sorted < <(printf '%s\n' "${ts[@]}" | sort -n)
  printf '%s\tmedian %s ms\tmin %s ms\trows %s\n' "$(basename "$f" .rq)" "${sorted[2]}" "${sorted[0]}" "$((rows - 1))"
done
