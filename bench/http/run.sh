#!/bin/bash
# Benchmarks the http server of gojs against node (and FastAPI/uvicorn if installed) with wrk:
# hello-world and JSON at 64 and 1000 connections. Usage: bench/http/run.sh [seconds]
# All servers run at once and each wrk configuration runs against each runtime back to back, so
# the runtimes of one row see the same machine load. Reports requests/s, p99 latency, wrk's
# socket errors/timeouts, the server's CPU time (user+sys) over the row and the requests it completed per
# CPU-second (wrk shares the cores with the servers, so this is the load-independent number), and the
# server's peak RSS (VmHWM, over the whole run).
# GOJS_BEFORE=/path/to/older/gojs adds a column for an older build (not rebuilt), for before/after.
set -e
DUR=${1:-10}
cd "$(dirname "$0")"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
# FastAPI: the first python3 on PATH that has it, else Debian's (installing its packages if missing).
PY=
for p in python3 /usr/bin/python3; do "$p" -c 'import fastapi, uvicorn' 2>/dev/null && { PY=$p; break; }; done
if [ -z "$PY" ] && [ -z "$NOFASTAPI" ] && command -v apt-get >/dev/null; then
  apt-get install -y python3-fastapi python3-uvicorn >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y python3-fastapi python3-uvicorn >/dev/null 2>&1; }
  /usr/bin/python3 -c 'import fastapi, uvicorn' 2>/dev/null && PY=/usr/bin/python3
fi
HZ=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$1/stat; } # user+sys ticks of a process
GOJS=${GOJS:-/tmp/gojs-bench}
(cd ../.. && go build -o "$GOJS" ./cmd/gojs)
ulimit -n 65536 2>/dev/null || true
names=(); ports=(); pids=()
start() { # name port cmd...
  local name=$1 port=$2; shift 2
  PORT=$port "$@" > /tmp/bench_http_$name.out 2>&1 &
  local pid=$!
  for i in $(seq 100); do curl -s -m1 -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  if ! kill -0 $pid 2>/dev/null; then echo "$name failed to start:"; cat /tmp/bench_http_$name.out; return; fi
  names+=("$name"); ports+=("$port"); pids+=("$pid")
}
trap 'kill ${pids[@]} 2>/dev/null' EXIT
start gojs 18081 "$GOJS" hello.js
[ -n "$GOJS_BEFORE" ] && start before 18084 "$GOJS_BEFORE" hello.js
start node 18082 node hello.js
if [ -n "$PY" ]; then
  start fastapi 18083 "$PY" -m uvicorn --port 18083 --log-level warning fastapi_app:app
fi
for path in / /json; do
  for c in 64 1000; do
    t=2; [ $c -ge 1000 ] && t=4
    for i in "${!names[@]}"; do
      t0=$(cpu ${pids[$i]})
      out=$(wrk -t$t -c$c -d${DUR}s --latency --timeout 5s "http://127.0.0.1:${ports[$i]}$path" 2>&1)
      t1=$(cpu ${pids[$i]})
      reqs=$(echo "$out" | awk '/requests in/ {print $1}')
      cpus=$(echo "($t1 - $t0) / $HZ" | bc -l)
      rpc=$(echo "$reqs / ($cpus + 0.000001)" | bc -l | cut -d. -f1)
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      errs=$(echo "$out" | awk '/Socket errors/ {print $0}' | sed 's/.*Socket errors: //')
      printf '%-8s %-6s c=%-5s rps=%-10s p99=%-9s cpu=%5.2fs req/cpu-s=%-7s errors=[%s]\n' "${names[$i]}" "$path" "$c" "$rps" "$p99" "$cpus" "$rpc" "${errs:-none}"
    done
  done
done
for i in "${!names[@]}"; do
  echo "${names[$i]} peak RSS $(awk '/VmHWM/ {print $2}' /proc/${pids[$i]}/status) KB"
done
