#!/bin/sh
# Counts what gojs executes per round trip of bench/js/net_pingpong_fixed.js (50 connections
# bouncing 64-byte messages) under valgrind (callgrind): machine instructions, and goja bytecode
# ops by kind, from the difference between a SMALL and a BIG round-trip run. The net twin of
# stream_instr.sh (see there for why GOMAXPROCS=1 and GC off, and callgrind_ops.sh's cg_run for
# the SIGILL retries): a load-independent measure for comparing two gojs builds on a shared
# machine.
#
# Usage: bench/net_instr.sh [gojs binary]   (default: build ./cmd/gojs)
# Environment: SMALL, BIG (round trips, default 2000 and 10000), TOP (op kinds listed, default 12),
# KEEP (a directory to keep the callgrind outputs in, for callgrind_annotate).
set -e
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
BIN=${1:-$DIR/gojs}
SMALL=${SMALL:-2000}
BIG=${BIG:-10000}
[ -n "$1" ] || go build -o "$BIN" ./cmd/gojs
. bench/callgrind_ops.sh
for m in "$SMALL" "$BIG"; do
  cg_run "$DIR/cg-$m.out" /dev/null "$DIR/err-$m" "TOTAL=$m GOGC=off" "$BIN" bench/js/net_pingpong_fixed.js
done
[ -z "$KEEP" ] || cp "$DIR"/cg-*.out "$KEEP"/
a=$(total "$DIR/cg-$SMALL.out")
b=$(total "$DIR/cg-$BIG.out")
RT=$((BIG - SMALL))
echo "gojs: $(( (b - a) / RT )) instructions per round trip (net_pingpong_fixed.js, $SMALL vs $BIG)"
ops_per "$DIR/cg-$SMALL.out" "$DIR/cg-$BIG.out" "$RT" "round trip"
