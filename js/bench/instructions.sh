#!/bin/sh
# Instructions per call of Gateway.parse and Gateway.build and of their plain-JS references
# (js/bench/count.mjs), counted by callgrind over node: a run of K calls minus a run of none,
# over K. The machine's load does not move them, but V8's background compiles do, by tens of
# percent between runs: read them beside the wall times. Needs valgrind.
set -e
cd "$(dirname "$0")/.."
# Long warm-up and long run: with 3,000 of each, V8's tier-up compiles land in the counted run
# and one figure moved between 50k and 138k for the same parse. Even warmed, V8's JIT and GC
# move a whole process's count by up to ~400M instructions between identical runs (seen
# 2026-12-06: the K=0 run gave 2.77G and 3.20G), which at K=20,000 is ±20k per call and once
# gave pspkit 25k vs the reference's 26k; 100,000 counted calls keep that to about ±4k.
K=${K:-100000}
export WARM=${WARM:-20000}
count() { W=$1 K=$2 valgrind --tool=callgrind --callgrind-out-file=/dev/null --smc-check=all-non-file \
  node bench/count.mjs 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
per() { a=$(count "$1" 0); b=$(count "$1" "$K"); echo $(( (b - a) / K )); }
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }
w=$(per wasm); j=$(per js)
echo "parse instructions/call: pspkit Gateway.parse $w, plain JS $j, ratio $(ratio "$w" "$j")x"
w=$(per wasm-build); j=$(per js-build)
echo "build instructions/call: pspkit Gateway.build $w, plain JS $j, ratio $(ratio "$w" "$j")x"
