#!/bin/sh
# Counts what gojs executes per MiB of bench/js/net_stream_fixed.js (4 connections streaming
# 64 KiB writes to a server in the same process) under valgrind (callgrind): machine
# instructions, the server's 'data' events (reads handed to JS) and goja bytecode ops by kind,
# from the difference between a SMALL and a BIG run. The stream twin of net_instr.sh (see
# stream_instr.sh for why GOMAXPROCS=1, GC off and the SIGILL retries): a load-independent
# measure for comparing two gojs builds on a shared machine. The reads' sizes follow the
# kernel's timing, so the 'data' events per MiB (and with them the count) vary by a few per
# cent from run to run: compare builds over several runs.
#
# GC=100 counts with the collector on. Its cost is most of a stream's instructions, and it
# depends on the read-chunk pool (modules/net/chunks.go), which fills over the first ~300 MB:
# use SMALL and BIG of at least 150 and 400 then, or the count is the pool's warm-up.
#
# With STRACE=1 it counts system calls per MiB instead (strace -c -f, the same two runs, no
# valgrind, GOMAXPROCS as it is), and minor page faults per MiB (/usr/bin/time), for gojs and,
# given NODE=node, for node too.
#
# Usage: bench/net_stream_instr.sh [gojs binary]   (default: build ./cmd/gojs)
# Environment: SMALL, BIG (MB of 10^6 bytes, default 16 and 80), TOP (op kinds listed, default
# 12), KEEP (a directory to keep the callgrind outputs in, for callgrind_annotate), GC, STRACE,
# NODE.
set -e
cd "$(dirname "$0")/.."
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
BIN=${1:-$DIR/gojs}
SMALL=${SMALL:-16}
BIG=${BIG:-80}
SCRIPT=bench/js/net_stream_fixed.js
[ -n "$1" ] || go build -o "$BIN" ./cmd/gojs
# field FILE NAME: a number from the script's JSON line
field() { sed -n 's/.*"'"$2"'":\([0-9]*\).*/\1/p' "$1" | tail -n 1; }
# per_mib A B: (B - A) per MiB streamed between the two runs
per_mib() { awk -v a="$1" -v b="$2" -v ra="$RA" -v rb="$RB" 'BEGIN { printf "%.1f", (b - a) * 1048576 / (rb - ra) }'; }

if [ -n "$STRACE" ]; then
  command -v strace >/dev/null || { echo "strace is required" >&2; exit 1; }
  for who in gojs ${NODE:+node}; do
    exe=$BIN
    [ "$who" = node ] && exe=$NODE
    for m in "$SMALL" "$BIG"; do
      TOTAL_MB=$m strace -f -c -o "$DIR/st-$who-$m" "$exe" $SCRIPT >"$DIR/out-$who-$m"
    done
    RA=$(field "$DIR/out-$who-$SMALL" received)
    RB=$(field "$DIR/out-$who-$BIG" received)
    echo "$who: system calls per MiB ($SMALL vs $BIG MB), most first"
    # (strace -c's rows: % time, seconds, usecs/call, calls, [errors,] syscall)
    awk -v ra="$RA" -v rb="$RB" '
      $1 !~ /^[0-9.]+$/ || $NF == "total" { next }
      NR == FNR { s[$NF] = $4; next }
      { d = ($4 - s[$NF]) * 1048576 / (rb - ra); t += d; if (d >= 0.05) printf "%10.2f %s\n", d, $NF }
      END { printf "%10.2f in all\n", t > "/dev/stderr" }
    ' "$DIR/st-$who-$SMALL" "$DIR/st-$who-$BIG" 2>"$DIR/st-total" | sort -rn | head -n "${TOP:-12}"
    cat "$DIR/st-total"
    echo "$who: $(per_mib "$(field "$DIR/out-$who-$SMALL" reads)" "$(field "$DIR/out-$who-$BIG" reads)") 'data' events per MiB"
    # Minor page faults (runs without strace, which slows them): memory the kernel had to give.
    if [ -x /usr/bin/time ]; then
      for m in "$SMALL" "$BIG"; do
        TOTAL_MB=$m /usr/bin/time -f %R -o "$DIR/pf-$who-$m" "$exe" $SCRIPT >"$DIR/pfout-$who-$m"
      done
      RA=$(field "$DIR/pfout-$who-$SMALL" received)
      RB=$(field "$DIR/pfout-$who-$BIG" received)
      echo "$who: $(per_mib "$(tail -n 1 "$DIR/pf-$who-$SMALL")" "$(tail -n 1 "$DIR/pf-$who-$BIG")") minor page faults per MiB"
    fi
  done
  exit 0
fi

command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
. bench/callgrind_ops.sh
for m in "$SMALL" "$BIG"; do
  cg_run "$DIR/cg-$m.out" "$DIR/out-$m" "$DIR/err-$m" "TOTAL_MB=$m GOGC=${GC:-off}" "$BIN" $SCRIPT
done
[ -z "$KEEP" ] || cp "$DIR"/cg-*.out "$KEEP"/
RA=$(field "$DIR/out-$SMALL" received)
RB=$(field "$DIR/out-$BIG" received)
a=$(total "$DIR/cg-$SMALL.out")
b=$(total "$DIR/cg-$BIG.out")
echo "gojs: $(per_mib "$a" "$b") instructions per MiB (net_stream_fixed.js, $SMALL vs $BIG MB)"
# (per 'data' event too: most of the cost is per read, and the reads per MiB vary between runs)
DA=$(field "$DIR/out-$SMALL" reads)
DB=$(field "$DIR/out-$BIG" reads)
echo "gojs: $(awk -v a="$a" -v b="$b" -v da="$DA" -v db="$DB" 'BEGIN { printf "%.0f", (b - a) / (db - da) }') instructions per 'data' event"
echo "gojs: $(per_mib "$(field "$DIR/out-$SMALL" reads)" "$(field "$DIR/out-$BIG" reads)") 'data' events, $(per_mib "$(field "$DIR/out-$SMALL" writes)" "$(field "$DIR/out-$BIG" writes)") writes per MiB"
ops_per "$DIR/cg-$SMALL.out" "$DIR/cg-$BIG.out" "$(awk -v ra="$RA" -v rb="$RB" 'BEGIN { print (rb - ra) / 1048576 }')" "MiB"
