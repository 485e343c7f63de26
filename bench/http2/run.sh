#!/bin/bash
# run.sh GOJS [N] [STREAMS] [ROUNDS]: hello.js on node and on gojs (each runtime serving its own
# load over one h2c session with STREAMS streams in flight): requests/s, and the CPU time per
# request of both processes (user+sys). On a shared, loaded machine requests/s swings with the
# load while CPU per request stays comparable, so node_cpu/gojs_cpu estimates the ratio of
# requests/s each would reach alone.
GOJS=${1:-gojs}; N=${2:-50000}; S=${3:-50}; ROUNDS=${4:-3}
dir=$(dirname "$0")
tick=$(getconf CLK_TCK)
run() {
  "$1" "$dir/hello.js" server > /tmp/h2bench.port & pid=$!
  while [ ! -s /tmp/h2bench.port ]; do sleep 0.1; done
  s0=$(awk '{print $14+$15}' /proc/$pid/stat)
  out=$( { /usr/bin/time -f '%U %S' "$1" "$dir/hello.js" client "$(cat /tmp/h2bench.port)" "$N" "$S"; } 2>&1 )
  s1=$(awk '{print $14+$15}' /proc/$pid/stat)
  kill $pid; wait $pid 2>/dev/null; rm -f /tmp/h2bench.port
  rate=$(echo "$out" | head -1); ct=$(echo "$out" | tail -1 | awk '{print $1+$2}')
  us=$(echo "(($s1 - $s0) / $tick + $ct) * 1000000 / $N" | bc -l)
  printf '%s %s req/s %.1f us/req\n' "$2" "$rate" "$us"
}
for r in $(seq "$ROUNDS"); do run node node; run "$GOJS" gojs; done
