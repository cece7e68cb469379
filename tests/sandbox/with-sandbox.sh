#!/usr/bin/env bash
# Starts the sandbox on a free loopback port, runs the given command with PSPKIT_SANDBOX_URL set,
# and stops the sandbox afterwards whatever happens (success, failure, Ctrl-C).
#   tests/sandbox/with-sandbox.sh <command> [args...]
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q -p pspkit-sandbox
bin="${CARGO_TARGET_DIR:-target}/debug/pspkit-sandbox"
log="$(mktemp)"
"$bin" --port 0 >"$log" 2>&1 &
pid=$!
stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT
trap 'exit 130' INT TERM
addr=""
for _ in $(seq 1 200); do
  addr="$(sed -n 's/^listening on //p' "$log" | head -n 1)"
  [ -n "$addr" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "pspkit-sandbox exited before listening:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.05
done
if [ -z "$addr" ]; then
  echo "pspkit-sandbox did not start listening within 10 s" >&2
  exit 1
fi
export PSPKIT_SANDBOX_URL="http://$addr"
echo "sandbox listening at $PSPKIT_SANDBOX_URL (pid $pid)"
"$@"
