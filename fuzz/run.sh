#!/usr/bin/env bash
# Runs each fuzz target for a set time from the seed corpus (regenerated from tests/vectors on
# every run) and prints one line per target: executions, corpus size, crashes. Exits non-zero
# when any target found a crash; the input is in fuzz/artifacts/<target>/ (reproduce with
# `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none <target> <file>`).
#   fuzz/run.sh SECONDS [TARGET...]      (mk/fuzz.mk: make fuzz / make test-fuzz)
# PSPKIT_FUZZ_PENDING=1 also runs the checks current main is known to fail (README, reliability).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse parse_callback config_json operation_json flow_resume money timestamp history redaction)
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || ../scripts/install/fuzz.sh
cargo fuzz build -s none >/dev/null 2>build.log || { cat build.log >&2; exit 1; }
cargo run -q -p pspkit-fuzz-common --bin gen_corpus -- corpus
mkdir -p logs
rc=0
total=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  start=$(date +%s)
  trc=0
  cargo fuzz run -s none "$t" "corpus/$t" -- -max_total_time="$seconds" -timeout=10 ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"logs/$t.log" 2>&1 || trc=$?
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "logs/$t.log" | grep -o '[0-9]*$' || echo 0)
  files=$(find "corpus/$t" -type f | wc -l)
  took=$(( $(date +%s) - start ))
  total=$(( total + took ))
  if [ "$trc" -ne 0 ]; then
    rc=1
    crash=$(grep -o "artifacts/$t/[a-z]*-[0-9a-f]*" "logs/$t.log" | tail -1 || true)
    echo "fuzz $t: FAILED after $execs executions (${took}s): ${crash:-see fuzz/logs/$t.log}"
    grep -m1 -A2 "panicked at" "logs/$t.log" >&2 || tail -20 "logs/$t.log" >&2
  else
    echo "fuzz $t: $execs executions in ${took}s, corpus $files, no crash"
  fi
done
echo "fuzz: ${#targets[@]} targets, ${total}s"
exit $rc
