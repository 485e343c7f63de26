#!/bin/sh
# Counts the instructions gojs executes per 64 KiB chunk of bench/stream_pipeline.js, under
# valgrind (callgrind), from the difference between an 8 MiB and a 24 MiB run (256 chunks). A
# load-independent measure for a shared machine, where wall and CPU time swing by 2-3x: use it to
# compare two gojs builds, not gojs with node. GC is off (GOGC=off) so that collection timing does
# not add noise; parsing and compiling (partly done on other goroutines) are left out.
# Usage: bench/stream_instr.sh [gojs binary] (default: build ./cmd/gojs).
set -e
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
DIR=$(mktemp -d)
BIN=${1:-$DIR/gojs}
[ -n "$1" ] || go build -o "$BIN" ./cmd/gojs
for m in 8 24; do
  GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file="$DIR/cg-$m.out" \
    "$BIN" bench/stream_pipeline.js $m >/dev/null 2>&1 &
done
wait
excl() { # exclusive instructions of everything except the parser and compiler
  callgrind_annotate --threshold=100 "$1" | awk '
    /file:function/ { on = 1; next }
    on && /^$/ && seen { exit }
    on && /^ *[0-9,]+ / { seen = 1; n = $1; gsub(",", "", n); if ($0 !~ /parser|compil|Compile/) s += n }
    END { printf "%.0f\n", s }'
}
a=$(excl "$DIR/cg-8.out")
b=$(excl "$DIR/cg-24.out")
echo "gojs: $(( (b - a) / 256 )) instructions per chunk"
rm -rf "$DIR"
