#!/bin/sh
# Runs the issue's Buffer benchmarks (bench/buffer_cli.js) under node and the gojs CLI, interleaved,
# ROUNDS times each, and prints per case the medians of CPU time (user+sys) and wall time per op
# with the node/gojs ratios (above 1: gojs is faster). On a shared machine go by the CPU ratio.
# Usage: bench/buffer.sh [rounds] [case ...] (default 5 rounds, every case).
set -e
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
[ $# -gt 0 ] && shift
BIN=$(mktemp -d)/gojs
go build -o "$BIN" ./cmd/gojs
CASES=${*:-$(node bench/buffer_cli.js)}
OUT=$(mktemp)
for c in $CASES; do
  case $c in
    concat*) ops=100 ;;
    *_10M) ops=1 ;;
    *) ops=40 ;;
  esac
  for r in $(seq "$ROUNDS"); do
    echo "node $(node bench/buffer_cli.js "$c" $ops)" >>"$OUT"
    echo "gojs $("$BIN" bench/buffer_cli.js "$c" $ops)" >>"$OUT"
  done
done
awk '
  function median(s,   a, n, i, j, t) {
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { w[$2 " " $1] = w[$2 " " $1] " " $4; c[$2 " " $1] = c[$2 " " $1] " " $6; seen[$2] = 1 }
  END {
    for (k in seen) {
      nc = median(c[k " node"]); gc = median(c[k " gojs"]); nw = median(w[k " node"]); gw = median(w[k " gojs"])
      printf "%-22s node cpu %8.0f us wall %8.0f us | gojs cpu %8.0f us wall %8.0f us | ratio cpu %.3gx wall %.3gx\n", k, nc, nw, gc, gw, nc / gc, nw / gw
    }
    # readUInt32LE against the same read in plain JS on the same engine (the bare-goja floor).
    if (("readUInt32LE_10M" in seen) && ("bare_read32_10M" in seen))
      printf "~ readUInt32LE_10M gojs cpu / bare_read32_10M gojs cpu = %.2fx\n",
        median(c["readUInt32LE_10M gojs"]) / median(c["bare_read32_10M gojs"])
  }' "$OUT" | sort
rm -f "$OUT" "$BIN"
