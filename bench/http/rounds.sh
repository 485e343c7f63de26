#!/bin/bash
# Interleaved rounds of run.sh's four wrk rows (hello and JSON, 64 and 1000 connections), for
# gojs and node (and GOJS_BEFORE if set), reported as medians. Each round starts fresh servers,
# runs every row against each runtime back to back, in an order that rotates from round to
# round (so no runtime always goes first after an idle pause), and reads each server's peak RSS
# (VmHWM) at the end of the round, as run.sh does over its run. Per row and runtime it keeps
# requests/s, p99, wrk's errors, the server's CPU time (user+sys) per request, and the 1-minute
# load average when the row started. The summary gives, per row, the median of each figure, the
# median of the per-round gojs/node ratios of requests/s (the issue's target is this ratio in
# the same run), and node's CPU per request over gojs's (above 1: gojs uses less CPU per request,
# which estimates the requests/s ratio of two saturated single-threaded servers whatever the load).
# Usage: bench/http/rounds.sh [seconds] [rounds]   (GOJS=binary, NOBUILD=1, GOJS_BEFORE=binary,
# LOG=file to keep the raw lines, NOFASTAPI=1 to leave FastAPI out)
set -e
DUR=${1:-10}; ROUNDS=${2:-3}
cd "$(dirname "$0")"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
GOJS=${GOJS:-/tmp/gojs-bench}
[ -n "$NOBUILD" ] || (cd ../.. && go build -o "$GOJS" ./cmd/gojs)
ulimit -n 65536 2>/dev/null || true
HZ=$(getconf CLK_TCK)
LOG=${LOG:-$(mktemp)}
: > "$LOG"
bins=("$GOJS" node); names=(gojs node)
[ -n "$GOJS_BEFORE" ] && { bins+=("$GOJS_BEFORE"); names+=(before); }
# FastAPI under uvicorn (one worker) as a third column, with the first python3 that has it, as
# run.sh picks it (NOFASTAPI=1: without it).
PY=
[ -z "$NOFASTAPI" ] && for p in python3 /usr/bin/python3; do "$p" -c 'import fastapi, uvicorn' 2>/dev/null && { PY=$p; break; }; done
[ -n "$PY" ] && { bins+=(fastapi); names+=(fastapi); }
n=${#bins[@]}
pids=()
trap 'kill ${pids[@]} 2>/dev/null' EXIT
for r in $(seq "$ROUNDS"); do
  pids=(); ports=()
  for i in "${!bins[@]}"; do
    port=$((18800 + 10 * r + i))
    if [ "${bins[$i]}" = fastapi ]; then
      "$PY" -m uvicorn --host 127.0.0.1 --port $port --log-level warning fastapi_app:app >/dev/null 2>&1 &
    else
      PORT=$port ${bins[$i]} hello.js >/dev/null 2>&1 &
    fi
    pids+=($!); ports+=($port)
    for _ in $(seq 100); do curl -s -m1 -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  done
  for path in / /json; do
    for c in 64 1000; do
      t=2; [ "$c" -ge 1000 ] && t=4
      for k in $(seq 0 $((n - 1))); do
        i=$(( (k + r) % n ))
        pid=${pids[$i]}
        load=$(cut -d' ' -f1 /proc/loadavg)
        t0=$(awk '{print $14+$15}' /proc/$pid/stat)
        out=$(wrk -t$t -c"$c" -d"${DUR}"s --latency --timeout 5s "http://127.0.0.1:${ports[$i]}$path" 2>&1)
        t1=$(awk '{print $14+$15}' /proc/$pid/stat)
        reqs=$(echo "$out" | awk '/requests in/ {print $1}')
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) v=v/1000; else if (v ~ /ms$/) v=v+0; else if (v ~ /s$/) v=v*1000; print v}')
        errs=$(echo "$out" | awk '/Socket errors/ {gsub(/,/, ""); print $4+$6+$8+$10}')
        us=$(echo "($t1 - $t0) * 1000000 / $HZ / ($reqs + 0.000001)" | bc -l)
        printf 'round=%s name=%s path=%s c=%s rps=%s p99ms=%s errors=%s cpuus=%.1f load=%s\n' \
          "$r" "${names[$i]}" "$path" "$c" "$rps" "$p99" "${errs:-0}" "$us" "$load" | tee -a "$LOG"
      done
    done
  done
  for i in "${!bins[@]}"; do
    echo "round=$r name=${names[$i]} rss_kb=$(awk '/VmHWM/ {print $2}' /proc/${pids[$i]}/status)" | tee -a "$LOG"
    kill ${pids[$i]}; wait ${pids[$i]} 2>/dev/null || true
  done
done
echo "== medians over $ROUNDS rounds of ${DUR}s (log: $LOG)"
awk -v names="${names[*]}" '
function med(s,   a, m, i, j, t) { m = split(s, a, " "); for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
  return m == 0 ? 0 : (m % 2 ? a[(m+1)/2] : (a[m/2] + a[m/2+1]) / 2) }
{ for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] } }
f["rss_kb"] != "" { rss[f["name"]] = rss[f["name"]] " " f["rss_kb"]; rr[f["round"], f["name"]] = f["rss_kb"]; delete f; next }
{ row = f["path"] " c=" f["c"]; if (!(row in seen)) { seen[row] = 1; rows[++nr] = row }
  k = row SUBSEP f["name"]; rps[k] = rps[k] " " f["rps"]; cpu[k] = cpu[k] " " f["cpuus"]; p99[k] = p99[k] " " f["p99ms"]
  err[k] += f["errors"]; ld[row] = ld[row] " " f["load"]; v[f["round"], row, f["name"]] = f["rps"]; delete f }
END {
  nn = split(names, nm, " ")
  for (q = 1; q <= nr; q++) {
    row = rows[q]; line = sprintf("%-11s", row)
    for (j = 1; j <= nn; j++) { k = row SUBSEP nm[j]
      line = line sprintf(" | %s rps=%.0f p99=%.0fms cpu=%.1fus err=%d", nm[j], med(rps[k]), med(p99[k]), med(cpu[k]), err[k]) }
    rs = ""; for (key in v) { split(key, p, SUBSEP); if (p[2] == row && p[3] == "gojs" && v[p[1], row, "node"] > 0) rs = rs " " v[key] / v[p[1], row, "node"] }
    line = line sprintf(" | gojs/node rps %.2fx (rounds:%s) node/gojs cpu %.2fx | load %s", med(rs), rs, med(cpu[row SUBSEP "node"]) / med(cpu[row SUBSEP "gojs"]), med(ld[row]))
    print line
  }
  rs = ""; for (key in rr) { split(key, p, SUBSEP); if (p[2] == "gojs" && rr[p[1], "node"] > 0) rs = rs " " rr[key] / rr[p[1], "node"] }
  line = "peak RSS"; for (j = 1; j <= nn; j++) line = line sprintf(" | %s %.1f MB", nm[j], med(rss[nm[j]]) / 1024)
  print line sprintf(" | gojs/node %.2fx (rounds:%s)", med(rs), rs)
}' "$LOG"
