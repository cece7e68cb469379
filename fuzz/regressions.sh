#!/usr/bin/env bash
# Runs every input in fuzz/regressions/ (named <target>-<what>) through its target with the
# pending checks on (PSPKIT_FUZZ_PENDING=1) and says which still fail. These are the findings
# of the README's reliability section that current main is known to fail; when a fix lands its
# input passes, and the check can move out of the pending toggle.   (make fuzz-regressions)
set -uo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1 PSPKIT_FUZZ_PENDING=1
cargo fuzz build -s none >/dev/null 2>build.log || { cat build.log >&2; exit 1; }
bin=target/x86_64-unknown-linux-gnu/release
fails=0
for f in regressions/*; do
  name=$(basename "$f")
  t=${name%%-*}
  if out=$("$bin/$t" "$f" 2>&1); then
    echo "fixed        $name"
  else
    fails=$((fails + 1))
    echo "still fails  $name: $(grep -m1 -A1 'panicked at' <<<"$out" | tail -1 | cut -c1-160)"
  fi
done
echo "fuzz regressions: $fails of $(ls regressions | wc -l) still fail"
