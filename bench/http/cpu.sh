#!/bin/bash
# Server CPU time per request (user+sys of the server process over the requests wrk completed),
# for gojs, node (and GOJS_BEFORE if set), interleaved over several rounds; prints each run and
# the median per runtime and target. On a shared, loaded machine requests/s swings with the load
# while CPU per request stays comparable, so node_cpu/gojs_cpu estimates the requests/s ratio of
# a saturated single-threaded server. Usage: bench/http/cpu.sh [seconds] [rounds] [conns]
DUR=${1:-5}; ROUNDS=${2:-3}; C=${3:-64}
cd "$(dirname "$0")"
GOJS=${GOJS:-/tmp/gojs-bench}
[ -n "$NOBUILD" ] || (cd ../.. && go build -o "$GOJS" ./cmd/gojs)
bins=("$GOJS" node); names=(gojs node)
[ -n "$GOJS_BEFORE" ] && { bins+=("$GOJS_BEFORE"); names+=(before); }
out=$(mktemp)
port=18500
for r in $(seq "$ROUNDS"); do
  for path in / /json; do
    for i in "${!bins[@]}"; do
      port=$((port + 1))
      PORT=$port ${bins[$i]} hello.js >/dev/null 2>&1 &
      pid=$!
      for _ in $(seq 100); do curl -s -m1 -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
      t0=$(awk '{print $14+$15}' /proc/$pid/stat)
      res=$(wrk -t2 -c"$C" -d"${DUR}"s "http://127.0.0.1:$port$path" 2>&1)
      t1=$(awk '{print $14+$15}' /proc/$pid/stat)
      kill $pid; wait $pid 2>/dev/null
      reqs=$(echo "$res" | awk '/requests in/ {print $1}')
      us=$(echo "($t1 - $t0) * 10000 / $reqs" | bc -l)
      printf '%s %s %.1f %s\n' "${names[$i]}" "$path" "$us" "$(echo "$res" | awk '/Requests\/sec/ {print $2}')" | tee -a "$out"
    done
  done
done
echo "median server CPU us/request (c=$C):"
for path in / /json; do
  line="$path"
  declare -A med
  for n in "${names[@]}"; do
    med[$n]=$(awk -v n="$n" -v p="$path" '$1==n && $2==p {print $3}' "$out" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    line="$line $n=${med[$n]}"
  done
  line="$line node/gojs=$(echo "${med[node]} / ${med[gojs]}" | bc -l | cut -c1-4)"
  [ -n "$GOJS_BEFORE" ] && line="$line node/before=$(echo "${med[node]} / ${med[before]}" | bc -l | cut -c1-4)"
  echo "$line"
done
rm -f "$out"
