#!/bin/bash
# What a server's peak RSS is made of. Starts one server (hello.js under GOJS, or under node with
# NODE=1), runs rounds.sh's four wrk rows against it (hello and JSON, 64 then 1000 connections,
# DUR seconds each), samples its RSS every 50 ms and keeps /proc/PID/smaps from the moment the
# RSS was highest. Prints VmHWM, that snapshot's RSS by kind of mapping (the binary's text,
# read-only data and data, the Go heap's 4 MiB-aligned arenas, other anonymous memory: Go's
# runtime metadata and off-heap structures, C libraries), and for gojs the collector's cycles
# (GODEBUG=gctrace=1) around the peak: live heap, goal, stacks, and how many cycles ran.
# Usage: bench/http/peak.sh [seconds]   (GOJS=binary, NODE=1, ENV="GOGC=50 ..." extra env,
# KEEP=file to keep the peak's smaps)
set -e
DUR=${1:-10}
cd "$(dirname "$0")"
GOJS=${GOJS:-/tmp/gojs-bench}
ulimit -n 65536 2>/dev/null || true
tmp=$(mktemp -d)
port=$((19500 + RANDOM % 400))
if [ -n "$NODE" ]; then bin=node; else bin=$GOJS; fi
env PORT=$port GODEBUG=gctrace=1 $ENV "$bin" hello.js >/dev/null 2>"$tmp/gc" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do curl -s -m1 -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
(
  max=0; t0=$(date +%s.%N)
  while kill -0 $pid 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0)
    if [ "${rss:-0}" -gt "$max" ]; then
      max=$rss
      cat /proc/$pid/smaps > "$tmp/smaps.new" 2>/dev/null && mv "$tmp/smaps.new" "$tmp/smaps"
      echo "$max $(grep -c "^gc " "$tmp/gc") $(echo "$(date +%s.%N) - $t0" | bc)" > "$tmp/max"
    fi
    sleep 0.05
  done
) &
sampler=$!
for path in / /json; do
  for c in 64 1000; do
    t=2; [ "$c" -ge 1000 ] && t=4
    wrk -t$t -c$c -d"${DUR}"s --timeout 5s "http://127.0.0.1:$port$path" | awk -v r="$path c=$c" '/Requests\/sec/ {print r, $2, "requests/s"}'
  done
done
echo "VmHWM $(awk '/VmHWM/ {print $2}' /proc/$pid/status) kB; threads $(awk '/Threads/ {print $2}' /proc/$pid/status)"
kill $pid; wait $pid 2>/dev/null || true
wait $sampler 2>/dev/null || true
read -r peak gcline at < "$tmp/max"
echo "sampled peak $peak kB at ${at%??????}s of the load (after gc cycle $gcline)"
[ -n "$KEEP" ] && cp "$tmp/smaps" "$KEEP"
exe=$(readlink -f "$(command -v "$bin")")
awk -v exe="$exe" '
function hex(s,   i, v) { v = 0; s = tolower(s); for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return v }
/^[0-9a-f]+-[0-9a-f]+ / {
  split($1, r, "-"); lo = hex(r[1]); hi = hex(r[2]); size = hi - lo
  name = $6; perm = $2
  if (name == exe) kind = (perm ~ /x/ ? "binary text" : (perm ~ /w/ ? "binary data" : "binary rodata"))
  else if (name != "" && name !~ /^\[/) kind = "libraries"
  else if (name == "[stack]") kind = "main thread stack"
  else if (name == "" && lastkind == "binary data" && lo == lasthi) kind = "binary bss"
  else if (name == "" && perm == "rw-p" && lo % 4194304 == 0 && size % 4194304 == 0) kind = "go heap arenas"
  else kind = "other anonymous"
  lastkind = kind; lasthi = hi
}
/^Rss:/ { rss[kind] += $2; tot += $2 }
/^AnonHugePages:/ { huge[kind] += $2 }
END { for (k in rss) printf "  %-20s %7.1f MB (huge pages %5.1f MB)\n", k, rss[k] / 1024, huge[k] / 1024 | "sort -k1"; close("sort -k1"); printf "  %-20s %7.1f MB\n", "total", tot / 1024 }' "$tmp/smaps"
if [ -z "$NODE" ]; then
  echo "gc cycles: $(grep -c '^gc ' "$tmp/gc"); cycles around the peak:"
  awk -v n="$gcline" '/^gc / { i++; if (i >= n - 2 && i <= n + 1) print "  " $0 }' "$tmp/gc"
fi
