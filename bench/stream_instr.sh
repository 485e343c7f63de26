#!/bin/sh
# Counts what gojs executes per 64 KiB chunk of a streaming script (default
# bench/stream_pipeline.js) under valgrind (callgrind): machine instructions, and goja bytecode
# ops by kind (the calls that goja's interpreter loop makes to each op's exec), from the
# difference between a SMALL and a BIG MiB run. A load-independent measure for a shared machine,
# where wall and CPU time swing by 2-3x: use it to compare two gojs builds (the op counts are
# exact and repeat to the op; the instruction counts to about 0.5%), not gojs with node.
#
# The two runs go one after the other with GOMAXPROCS=1 and GC off: in parallel, or with more
# than one P, the runs' background work (start-up compiling on other goroutines, idle Ps
# spinning) differs between sizes and the difference could come out negative.
#
# Usage: bench/stream_instr.sh [gojs binary] [script]   (default: build ./cmd/gojs; '' builds too)
# Environment: SMALL, BIG (MiB, default 8 and 40), TOP (op kinds listed, default 12), KEEP (a
# directory to keep the callgrind outputs in, for callgrind_annotate). PER=item: the script's
# argument is a count of items (the bench/js workloads' N), SMALL and BIG default to 20000 and
# 100000 and the counts are per item.
set -e
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
BIN=${1:-$DIR/gojs}
SCRIPT=${2:-bench/stream_pipeline.js}
if [ "$PER" = item ]; then
  SMALL=${SMALL:-20000}
  BIG=${BIG:-100000}
  UNIT=item
  CHUNKS=$((BIG - SMALL))
else
  SMALL=${SMALL:-8}
  BIG=${BIG:-40}
  UNIT=chunk
  CHUNKS=$(( (BIG - SMALL) * 16 ))
fi
[ -n "$1" ] || go build -o "$BIN" ./cmd/gojs
# (cg_run repeats a run that died with SIGILL: see callgrind_ops.sh)
. bench/callgrind_ops.sh
for m in "$SMALL" "$BIG"; do
  cg_run "$DIR/cg-$m.out" /dev/null "$DIR/err-$m" "GOGC=off" "$BIN" "$SCRIPT" "$m"
done
[ -z "$KEEP" ] || cp "$DIR"/cg-*.out "$KEEP"/
a=$(total "$DIR/cg-$SMALL.out")
b=$(total "$DIR/cg-$BIG.out")
if [ "$UNIT" = item ]; then
  echo "gojs: $(( (b - a) / CHUNKS )) instructions per item ($SCRIPT, $SMALL vs $BIG)"
else
  echo "gojs: $(( (b - a) / CHUNKS )) instructions per chunk ($SCRIPT, $SMALL vs $BIG MiB)"
fi
ops_per "$DIR/cg-$SMALL.out" "$DIR/cg-$BIG.out" "$CHUNKS" "$UNIT"
