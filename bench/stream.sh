#!/bin/sh
# Runs the stream benchmarks under node and gojs and prints both, so the ratio can be read off.
# Usage: bench/stream.sh [MiB] (default 1024). Builds gojs into a temp dir first.
set -e
cd "$(dirname "$0")/.."
MIB=${1:-1024}
BIN=$(mktemp -d)/gojs
go build -o "$BIN" ./cmd/gojs
echo "node: $(node bench/stream_pipeline.js "$MIB")"
echo "gojs: $("$BIN" bench/stream_pipeline.js "$MIB")"
