"""`import pspkit` cost (issue 14.4: ≤ 50 ms), measured in fresh interpreters.

Prints the best wall time of `python -c "import pspkit"` minus a bare `python -c pass`, and
the cumulative `-X importtime` figure of the `pspkit` package itself, best of 7 each. Also the
first `Gateway(...)` (which loads the native library) for orientation.
Run: make bench-python (or .venv/bin/python python/bench/import_time.py).
"""
from __future__ import annotations

import re
import subprocess
import sys
import time

RUNS = 7


def wall(code: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def importtime() -> float:
    best = float("inf")
    for _ in range(RUNS):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import pspkit"],
                             check=True, capture_output=True, text=True).stderr
        us = [int(m.group(1)) for m in re.finditer(r"\|\s*(\d+) \| pspkit$", err, re.M)]
        best = min(best, us[-1] / 1000 if us else float("nan"))
    return best


def main() -> None:
    bare = wall("pass")
    imp = wall("import pspkit") - bare
    first = wall("import pspkit; pspkit.Gateway({'provider': 'paystar', 'depositToken': 't'})") - bare
    records = wall("import pspkit; pspkit.Operation") - bare
    print(f"import pspkit: {imp:6.1f} ms wall over a bare interpreter; -X importtime "
          f"cumulative {importtime():6.1f} ms (target ≤ 50 ms)")
    print(f"  + first Gateway(dict) (loads the native library): {first:6.1f} ms")
    print(f"  + first typed record (loads the uniffi modules):  {records:6.1f} ms")


if __name__ == "__main__":
    main()
