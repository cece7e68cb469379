#!/usr/bin/env bash
# Puts the error's text first in `PspException.message` (uniffi writes `code=..., retryable=...,
# detail=...`, so a stack trace or a log line starts with the least readable part). One exact
# line is replaced; the build fails if uniffi's output no longer has it, instead of shipping the
# old message silently.
set -euo pipefail
file="$1"
old='            get() = "code=${ `code` }, retryable=${ `retryable` }, httpStatus=${ `httpStatus` }, providerCode=${ `providerCode` }, detail=${ `detail` }"'
new='            get() = `detail` + " (" + listOfNotNull(`code`.name.lowercase(), if (`retryable`) "retryable" else null, `httpStatus`?.let { "http $it" }, `providerCode`?.let { "provider code $it" }).joinToString(", ") + ")"'
n=$(grep -cxF -- "$old" "$file" || true)
if [ "$n" != 1 ]; then
  echo "patch-generated.sh: expected the PspException message line once in $file, found $n" >&2
  exit 1
fi
python3 - "$file" "$old" "$new" <<'PY'
import sys
path, old, new = sys.argv[1:]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace(old + "\n", new + "\n", 1))
PY
