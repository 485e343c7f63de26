#!/bin/sh
# Runs the stream benchmark and its engine baseline under node and gojs and prints both, with the
# CPU seconds each used (wall-clock MB/s lies on a shared machine; compare CPU time per byte).
# Usage: bench/stream.sh [MiB for gojs] (default 256; node always moves 1024 MiB).
set -e
cd "$(dirname "$0")/.."
MIB=${1:-256}
BIN=$(mktemp -d)/gojs
go build -o "$BIN" ./cmd/gojs
T="/usr/bin/time -f %U+%Ss"
echo "node: $($T node bench/stream_pipeline.js 1024 2>&1 | tr '\n' ' ')"
echo "gojs: $($T "$BIN" bench/stream_pipeline.js "$MIB" 2>&1 | tr '\n' ' ')"
echo "node: $($T node bench/engine_calls.js 2000000 2>&1 | tr '\n' ' ')"
echo "gojs: $($T "$BIN" bench/engine_calls.js 200000 2>&1 | tr '\n' ' ')"
