#!/bin/bash
# Counts what the gojs http server executes per request under valgrind (callgrind): machine
# instructions and goja bytecode ops by kind, over N requests after a warm-up of W (the counters
# are zeroed with callgrind_control between the two). Load-independent: on a shared machine the
# wall and CPU times swing by 2-3x, these repeat to about 1% (compare builds with them, not
# gojs with node). The load is client.js under node: C keep-alive connections, one request in
# flight each.
# Usage: bench/http/instr.sh [gojs binary] [path]   Environment: N (default 3000), W (1000), C (16), TOP (15).
set -e
cd "$(dirname "$0")"
command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
BIN=${1:-/tmp/gojs-instr}
P=${2:-/}
N=${N:-3000}; W=${W:-1000}; C=${C:-16}
[ -n "$1" ] || (cd ../.. && go build -o "$BIN" ./cmd/gojs)
DIR=$(mktemp -d)
PORT=${PORT:-18700}
# A run can die with SIGILL (valgrind does not know RDTSCP, which a contended Go runtime lock
# reads): then it is repeated.
for try in 1 2 3 4 5; do
  GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off PORT=$PORT valgrind --tool=callgrind \
    --callgrind-out-file="$DIR/cg.out" "$BIN" hello.js >"$DIR/out" 2>"$DIR/err" &
  pid=$!
  up=
  for _ in $(seq 600); do
    kill -0 $pid 2>/dev/null || break
    curl -s -m2 -o /dev/null "http://127.0.0.1:$PORT/" && { up=1; break; }
    sleep 0.2
  done
  ok=
  [ -n "$up" ] && node client.js $PORT "$W" "$C" "$P" && callgrind_control -z $pid >/dev/null 2>&1 &&
    node client.js $PORT "$N" "$C" "$P" && callgrind_control -d $pid >/dev/null 2>&1 && ok=1 || ok=
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
  [ -n "$ok" ] && break
  grep -q SIGILL "$DIR/err" || { tail -20 "$DIR/err" >&2; exit 1; }
done
f=$(ls "$DIR"/cg.out.* | sort | head -1)
. ../callgrind_ops.sh
total=$(total "$f")
echo "gojs $P: $(( total / N )) instructions per request (N=$N, C=$C)"
ops "$f" | awk -v n="$N" -v top="${TOP:-15}" '
  { t += $1 / n; printf "%10.1f %s\n", $1 / n, $2 | "sort -rn | head -" top }
  END {
    close("sort -rn | head -" top)
    printf "%10.1f bytecode ops per request in all\n", t
  }'
[ -n "$KEEP" ] && cp "$f" "$KEEP"
rm -rf "$DIR"
