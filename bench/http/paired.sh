#!/bin/bash
# Runs wrk against gojs and node at the same time (two wrk processes started together), so that
# both servers see the same machine load; repeats and prints each pair and the median gojs/node
# requests/s ratio per target. On a loaded shared machine this is steadier than back-to-back
# runs. Usage: bench/http/paired.sh [seconds] [rounds] [conns]   (GOJS=binary, NOBUILD=1)
DUR=${1:-5}; ROUNDS=${2:-3}; C=${3:-64}
cd "$(dirname "$0")"
GOJS=${GOJS:-/tmp/gojs-bench}
[ -n "$NOBUILD" ] || (cd ../.. && go build -o "$GOJS" ./cmd/gojs)
PORT=18601 "$GOJS" hello.js >/dev/null 2>&1 & g=$!
PORT=18602 node hello.js >/dev/null 2>&1 & n=$!
trap 'kill $g $n 2>/dev/null' EXIT
for p in 18601 18602; do for _ in $(seq 100); do curl -s -m1 -o /dev/null "http://127.0.0.1:$p/" && break; sleep 0.1; done; done
t=1; [ "$C" -ge 1000 ] && t=2
for path in / /json; do
  ratios=()
  for r in $(seq "$ROUNDS"); do
    wrk -t$t -c"$C" -d"${DUR}"s --latency --timeout 5s "http://127.0.0.1:18601$path" > /tmp/paired_g.txt 2>&1 &
    w1=$!
    wrk -t$t -c"$C" -d"${DUR}"s --latency --timeout 5s "http://127.0.0.1:18602$path" > /tmp/paired_n.txt 2>&1 &
    w2=$!
    wait $w1 $w2
    gr=$(awk '/Requests\/sec/ {print $2}' /tmp/paired_g.txt); nr=$(awk '/Requests\/sec/ {print $2}' /tmp/paired_n.txt)
    gp=$(awk '$1=="99%" {print $2}' /tmp/paired_g.txt); np=$(awk '$1=="99%" {print $2}' /tmp/paired_n.txt)
    ge=$(awk '/Socket errors/' /tmp/paired_g.txt | sed 's/.*Socket errors: //'); ne=$(awk '/Socket errors/' /tmp/paired_n.txt | sed 's/.*Socket errors: //')
    ratio=$(echo "$gr / $nr" | bc -l | cut -c1-5)
    ratios+=("$ratio")
    echo "$path c=$C gojs rps=$gr p99=$gp errors=[${ge:-none}] | node rps=$nr p99=$np errors=[${ne:-none}] | ratio $ratio"
  done
  echo "$path c=$C median gojs/node $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
done
echo "peak RSS gojs $(awk '/VmHWM/ {print $2}' /proc/$g/status) KB, node $(awk '/VmHWM/ {print $2}' /proc/$n/status) KB"
