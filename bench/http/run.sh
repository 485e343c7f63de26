#!/bin/sh
# Benchmarks the http server of gojs against node (and FastAPI/uvicorn if installed) with wrk:
# hello-world and JSON at 64 and 1000 connections. Usage: bench/http/run.sh [seconds]
# Reports requests/s, p99 latency, errors/timeouts and peak server RSS for each runtime.
set -e
DUR=${1:-10}
cd "$(dirname "$0")"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
GOJS=${GOJS:-/tmp/gojs-bench}
(cd ../.. && go build -o "$GOJS" ./cmd/gojs)
ulimit -n 65536 2>/dev/null || true
run() { # name port-cmd...
  name=$1; shift
  PORT=$PORT "$@" > /tmp/bench_http_$name.out 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null' EXIT
  sleep 1
  if ! kill -0 $pid 2>/dev/null; then echo "$name failed to start:"; cat /tmp/bench_http_$name.out; return; fi
  for path in / /json; do
    for c in 64 1000; do
      t=2; [ $c -ge 1000 ] && t=4
      out=$(wrk -t$t -c$c -d${DUR}s --latency --timeout 5s "http://127.0.0.1:$PORT$path" 2>&1)
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      errs=$(echo "$out" | awk '/Socket errors/ {print $0}' | sed 's/.*Socket errors: //')
      rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo '?')
      printf '%-8s %-6s c=%-5s rps=%-10s p99=%-9s peakRSS=%sKB errors=[%s]\n' "$name" "$path" "$c" "$rps" "$p99" "$rss" "${errs:-none}"
    done
  done
  kill $pid; wait $pid 2>/dev/null || true
}
PORT=18081 run gojs "$GOJS" hello.js
PORT=18082 run node node hello.js
if python3 -c 'import fastapi, uvicorn' 2>/dev/null; then
  PORT=18083 run fastapi python3 -m uvicorn --port 18083 --log-level warning fastapi_app:app
fi
