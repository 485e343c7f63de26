#!/bin/sh
# Runs the stream benchmark and its engine baseline (bench/engine_calls.js) under node and gojs
# and prints the CPU time (user+sys) each spends per 64 KiB chunk (per item for the baseline). Wall
# time lies on a shared machine, and a single run's CPU time includes startup (node's ~50 ms is
# most of a 1 GiB run), so each side runs a small and a large size and the per-chunk cost is the
# difference of the two CPU times over the difference of the chunk counts.
# Usage: bench/stream.sh [MiB for gojs's large run] (default 1024; node runs 1x and 64x that: V8 spends ~0.1 us a chunk).
set -e
cd "$(dirname "$0")/.."
MIB=${1:-1024}
BIN=$(mktemp -d)/gojs
go build -o "$BIN" ./cmd/gojs
cpu() { # cpu seconds of a command
  /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'
}
perunit() { # perunit label small large units-per-arg cmd...: ns of CPU per unit
  label=$1 small=$2 large=$3 per=$4
  shift 4
  a=$(cpu "$@" "$small")
  b=$(cpu "$@" "$large")
  echo "$label $(echo "$a $b $small $large $per" | awk '{printf "%.0f", ($2 - $1) * 1e9 / (($4 - $3) * $5)}')"
}
N=$(perunit "node stream ns/chunk:" $((MIB)) $((MIB * 64)) 16 node bench/stream_pipeline.js)
G=$(perunit "gojs stream ns/chunk:" $((MIB / 4)) $((MIB)) 16 "$BIN" bench/stream_pipeline.js)
echo "$N"
echo "$G"
echo "stream ratio (node/gojs CPU per chunk): $(echo "$N $G" | awk '{printf "%.3f", $4 / $8}')x"
NE=$(perunit "node engine ns/item:" 2000000 20000000 1 node bench/engine_calls.js)
GE=$(perunit "gojs engine ns/item:" 50000 250000 1 "$BIN" bench/engine_calls.js)
echo "$NE"
echo "$GE"
echo "engine ratio (bare goja, same per-item shape): $(echo "$NE $GE" | awk '{printf "%.3f", $4 / $8}')x"
