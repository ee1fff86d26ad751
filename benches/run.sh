#!/usr/bin/env bash
# End-to-end benchmark of newsgraph on generated corpora; writes benches/RESULTS.md.
#
#   benches/run.sh                 # everything (1k and 10k)
#   SIZES="1000" benches/run.sh    # only the 1k corpus
#   RUNS=5 BIG_RUNS=1 benches/run.sh
#
# Needs /usr/bin/time (apt-get install -y time); uses hyperfine when installed.
# Graphviz `dot` is hidden from newsgraph (PATH without it): rendering SVG of a graph with
# thousands of nodes takes minutes and is not what is measured here.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_TARGET_DIR="$TARGET"
SIZES="${SIZES:-1000 10000}"
RUNS="${RUNS:-3}"          # repetitions of cheap measurements (median reported)
BIG_RUNS="${BIG_RUNS:-1}"  # repetitions of the 10k build
SEED="${SEED:-42}"
WORK="$TARGET/bench-run"
RESULTS="$ROOT/benches/RESULTS.md"
mkdir -p "$WORK"

[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install -y time" >&2; exit 1; }
cargo build --release --bin newsgraph >&2
cargo build --release --example gen_corpus >&2
BIN="$TARGET/release/newsgraph"
GEN="$TARGET/release/examples/gen_corpus"

# A PATH with newsgraph but no Graphviz.
NODOT="$WORK/nodot-bin"
mkdir -p "$NODOT"
ln -sf "$BIN" "$NODOT/newsgraph"
NG=(/usr/bin/env "PATH=$NODOT" "$BIN")  # newsgraph without Graphviz

LOG="$WORK/log.txt"
: > "$LOG"
ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | \`$4\` |"); echo "| $1 | $2 | $3 | $4" >&2; }

# measure N CMD... : runs CMD N times under /usr/bin/time; sets WALL (median s), RSS (max MB),
# CPU (median user+sys s).
measure() {
  local n="$1"; shift
  local walls=() cpus=() rss=0
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" >>"$LOG" 2>&1
    read -r w m u s < "$WORK/time.txt"
    walls+=("$w"); cpus+=("$(echo "$u + $s" | bc)")
    [ "$m" -gt "$rss" ] && rss="$m"
  done
  WALL=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  CPU=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  RSS=$((rss / 1024))
}

corpus() {
  local n="$1" dir="$TARGET/bench-corpus-$1"
  [ -d "$dir" ] || "$GEN" --n "$n" --seed "$SEED" --out "$dir" >&2
  echo "$dir"
}

declare -A BUILD_WALL
for n in $SIZES; do
  C="$(corpus "$n")"
  MB=$(du -sb "$C" | awk '{printf "%.1f", $1/1e6}')
  OUT="$WORK/out-$n"
  runs="$RUNS"; [ "$n" -ge 10000 ] && runs="$BIG_RUNS"
  measure "$runs" bash -c "rm -rf '$OUT' && PATH='$NODOT' '$BIN' build '$C' --out '$OUT'"
  BUILD_WALL[$n]="$WALL"
  row "build, $n articles ($MB MB), store + TriG + 2 DOT" "${WALL} s (CPU ${CPU} s)" "${RSS} MB" \
      "newsgraph build $C --out $OUT"
  for threads in 1 all; do
    [ "$n" -ge 10000 ] && [ -z "${FULL:-}" ] && continue  # FULL=1: also on 10k
    S="$WORK/extract-$n-$threads"
    if [ "$threads" = 1 ]; then env_t="RAYON_NUM_THREADS=1"; else env_t="RAYON_NUM_THREADS=$(nproc)"; fi
    measure "$runs" bash -c "rm -rf '$S' && $env_t '$BIN' extract '$C' --store '$S'"
    rate=$(echo "$MB $WALL" | awk '{printf "%.2f", $1/$2}')
    row "extract (ingest+extract+resolve+RDF+snapshot), $n articles, $threads thread(s)" \
        "${WALL} s = ${rate} MB/s (CPU ${CPU} s)" "${RSS} MB" "$env_t newsgraph extract $C --store $S"
  done
  STORE="$OUT/store"
  measure "$RUNS" "${NG[@]}" query --store "$STORE" 'ASK {}'
  row "open the $n store (query 'ASK {}')" "${WALL} s" "${RSS} MB" "newsgraph query --store $STORE 'ASK {}'"
  if [ "$n" -ge 10000 ] || [ "$(echo $SIZES | wc -w)" = 1 ]; then
    for fmt in trig nquads turtle ntriples rdfxml jsonld; do
      measure 1 "${NG[@]}" export --store "$STORE" --format "$fmt" -o "$WORK/export-$n.$fmt"
      row "export $fmt, $n store (incl. open)" "${WALL} s" "${RSS} MB" \
          "newsgraph export --store $STORE --format $fmt -o FILE"
    done
    for view in actors events; do
      measure 1 "${NG[@]}" dot --store "$STORE" --view "$view" -o "$WORK/$view-$n.dot"
      row "dot --view $view, $n store (incl. open)" "${WALL} s" "${RSS} MB" \
          "newsgraph dot --store $STORE --view $view -o FILE"
    done
    # Query latency in process (store already open), median of 5.
    NEWSGRAPH_BENCH_STORE="$STORE" cargo bench --bench queries 2>>"$LOG" > "$WORK/queries-$n.tsv" || true
    while IFS=$'\t' read -r name med min count; do
      row "query $name, $n store (in process, median of 5)" "${med} ms (min ${min})" "-" \
          "NEWSGRAPH_BENCH_STORE=$STORE cargo bench --bench queries  # benches/queries/$name.rq, $count rows"
    done < "$WORK/queries-$n.tsv"
    if command -v hyperfine >/dev/null; then
      hyperfine -r "$RUNS" -N --export-markdown "$WORK/hyperfine-$n.md" \
        "$BIN query --store $STORE -f benches/queries/q3_date_range.rq --format csv" >>"$LOG" 2>&1 || true
    fi
  fi
done

RATIO=""
if [ -n "${BUILD_WALL[1000]:-}" ] && [ -n "${BUILD_WALL[10000]:-}" ]; then
  RATIO=$(echo "${BUILD_WALL[10000]} ${BUILD_WALL[1000]}" | awk '{printf "%.1f", $1/$2}')
fi

{
  echo "# newsgraph benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
  echo "- machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/ {print $2}') GB RAM, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- corpora: \`gen_corpus --seed $SEED\` ($SIZES articles); Graphviz hidden from PATH (no SVG rendering)"
  echo "- command: \`$0\` (RUNS=$RUNS, BIG_RUNS=$BIG_RUNS); wall time is the median of the runs"
  [ -n "$RATIO" ] && echo "- 10k build / 1k build wall time: ${RATIO}×"
  echo
  echo "| measurement | time | peak RSS | command |"
  echo "|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  for f in "$WORK"/hyperfine-*.md; do
    [ -f "$f" ] && { echo; echo "hyperfine (open + query, CLI):"; echo; cat "$f"; }
  done
  if [ -f "$ROOT/benches/NOTES.md" ]; then echo; cat "$ROOT/benches/NOTES.md"; fi
} > "$RESULTS"
echo "wrote $RESULTS" >&2
