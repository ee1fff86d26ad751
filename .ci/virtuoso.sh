#!/usr/bin/env bash
# Load newsgraph's N-Quads export into a real Virtuoso and ask it the questions of
# .ci/same_answers.py; fail if any answer differs from newsgraph's (or rdflib's). Run by .ci/run.
#
#   .ci/virtuoso.sh NEWSGRAPH_BINARY STORE_DIR EXPORT_DIR
#
# Needs Debian's virtuoso-opensource (virtuoso-t, isql-vt) and python3 with rdflib. Starts a
# private server (own ini and database in a temporary folder, listening on 127.0.0.1 only —
# not the system service), bulk-loads EXPORT_DIR/graph.nq with ld_dir + rdf_loader_run (the
# N-Quads keep their named graphs), queries it over its SPARQL endpoint, and stops it.
# Environment: NG_VIRTUOSO_PORT (SQL port, default 21111; HTTP is that + 1).
set -euo pipefail

BIN=$(realpath "$1")
STORE=$(realpath "$2")
EXPORT=$(realpath "$3")
HERE=$(cd "$(dirname "$0")" && pwd)
SQL_PORT=${NG_VIRTUOSO_PORT:-21111}
HTTP_PORT=$((SQL_PORT + 1))
[ -s "$EXPORT/graph.nq" ] || { echo "virtuoso.sh: $EXPORT/graph.nq is missing" >&2; exit 1; }

VDIR=$(mktemp -d /tmp/ng-virtuoso.XXXXXX)
VPID=
cleanup() {
    if [ -n "$VPID" ] && kill -0 "$VPID" 2>/dev/null; then
        kill "$VPID" 2>/dev/null || true
        wait "$VPID" 2>/dev/null || true
    fi
    rm -rf "$VDIR"
}
trap cleanup EXIT

cat >"$VDIR/virtuoso.ini" <<EOF
[Database]
DatabaseFile    = $VDIR/virtuoso.db
ErrorLogFile    = $VDIR/virtuoso.log
LockFile        = $VDIR/virtuoso.lck
TransactionFile = $VDIR/virtuoso.trx
xa_persistent_file = $VDIR/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = $VDIR/virtuoso-temp.db
TransactionFile = $VDIR/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort          = 127.0.0.1:$SQL_PORT
DisableUnixSocket   = 1
CheckpointInterval  = 0
CaseMode            = 2
DirsAllowed         = ., $EXPORT
NumberOfBuffers     = 10000
MaxDirtyBuffers     = 6000
ThreadsPerQuery     = 2
MaxQueryMem         = 500M

[HTTPServer]
ServerPort          = 127.0.0.1:$HTTP_PORT
ServerRoot          = /var/lib/virtuoso-opensource-7/vsp
ServerThreads       = 4
MaxClientConnections = 4
Charset             = UTF-8

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 120
MaxQueryCostEstimationTime = 120
EOF

isql() { isql-vt "127.0.0.1:$SQL_PORT" dba dba "$@"; }

t0=$(date +%s)
virtuoso-t +configfile "$VDIR/virtuoso.ini" +foreground >"$VDIR/stdout.log" 2>&1 &
VPID=$!
# A new database takes a few seconds to create; wait until it answers SQL and HTTP.
for _ in $(seq 1 120); do
    if isql exec="select 1;" >/dev/null 2>&1 \
        && python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$HTTP_PORT/sparql?query=ASK%7B%7D', timeout=2)" 2>/dev/null; then
        break
    fi
    kill -0 "$VPID" 2>/dev/null || { cat "$VDIR/stdout.log" "$VDIR/virtuoso.log" 2>/dev/null; echo "virtuoso-t exited" >&2; exit 1; }
    sleep 1
done
isql exec="select 1;" >/dev/null 2>&1 || { tail -n 30 "$VDIR/virtuoso.log"; echo "Virtuoso did not start" >&2; exit 1; }
virtuoso-t +version 2>&1 | grep -m1 -i version || true
echo "Virtuoso up on 127.0.0.1:$SQL_PORT (SPARQL http://127.0.0.1:$HTTP_PORT/sparql) in $(($(date +%s) - t0))s"

# Bulk load: the third argument of ld_dir is only the graph of triple files; N-Quads keep theirs.
t1=$(date +%s)
isql exec="ld_dir('$EXPORT', 'graph.nq', 'urn:newsgraph:default'); rdf_loader_run(); checkpoint;" >"$VDIR/load.log" 2>&1 \
    || { cat "$VDIR/load.log"; echo "Virtuoso bulk load failed" >&2; exit 1; }
isql exec="select ll_file, ll_state, ll_error from DB.DBA.LOAD_LIST;" | tee "$VDIR/load_list.txt" | grep -F graph.nq
if isql exec="select count(*) from DB.DBA.LOAD_LIST where ll_error is not null or ll_state <> 2;" \
    | grep -qE '^\s*[1-9][0-9]*\s*$'; then
    cat "$VDIR/load_list.txt"
    echo "Virtuoso did not load graph.nq cleanly" >&2
    exit 1
fi
echo "bulk-loaded $EXPORT/graph.nq ($(wc -l <"$EXPORT/graph.nq") lines) in $(($(date +%s) - t1))s"

python3 "$HERE/same_answers.py" "$BIN" "$STORE" "$EXPORT" --virtuoso "http://127.0.0.1:$HTTP_PORT/sparql"

isql -K >/dev/null 2>&1 || true # shutdown
for _ in $(seq 1 30); do kill -0 "$VPID" 2>/dev/null || break; sleep 1; done
if kill -0 "$VPID" 2>/dev/null; then
    echo "Virtuoso did not shut down; killing it"
fi
echo "Virtuoso stopped; $(($(date +%s) - t0))s in all"
