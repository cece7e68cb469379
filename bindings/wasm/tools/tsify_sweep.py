#!/usr/bin/env python3
"""Adds the wasm/tsify attribute line under the serde derive of every public model/config type.

One definition serves every binding (Bitwarden style): the core's own types carry
`#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]`, so the TypeScript declarations
are generated from them. Idempotent; touches only types that lack the line. `--check` lists
uncovered types and exits 1 (used by the JS tests so a new model type cannot slip past).
"""
import re
import sys
from pathlib import Path

LINE = '#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]'
# An earlier layout (with serde-wasm-bindgen options), migrated to LINE when found.
OLD_BLOCK = """#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]"""
# PspError crosses to JS as a thrown `PspError` class (js/src/errors.js), not as data.
SKIP = {"PspError"}
ROOT = Path(__file__).resolve().parents[3] / "core" / "src"


def files():
    yield from sorted((ROOT / "model").glob("*.rs"))
    yield from sorted((ROOT / "providers").glob("*/config.rs"))
    yield ROOT / "config.rs"
    yield ROOT / "secret.rs"
    yield ROOT / "error.rs"


def annotate(text):
    """The text with LINE under every uncovered type's serde derive, and those types' names."""
    text = text.replace(OLD_BLOCK, LINE)
    lines = text.split("\n")
    out, missing = [], []
    for i, line in enumerate(lines):
        out.append(line)
        if not re.match(r"\s*#\[derive\(.*\bSerialize\b.*\)\]\s*$", line):
            continue
        # Find the item this derive belongs to and whether the attribute is already there.
        j, has = i + 1, False
        while j < len(lines) and not re.match(r"\s*(pub\s|struct\s|enum\s|$)", lines[j]):
            has = has or 'feature = "wasm"' in lines[j]
            j += 1
        m = re.match(r"\s*pub (struct|enum) (\w+)", lines[j] if j < len(lines) else "")
        if m and not has and m.group(2) not in SKIP:
            missing.append(m.group(2))
            out.append(line[: len(line) - len(line.lstrip())] + LINE)
    return "\n".join(out), missing


def sweep(path, check):
    text = path.read_text()
    new, missing = annotate(text)
    if new != text and not check:
        path.write_text(new)
    return missing


def migrate_only():
    """Other folders whose types copied the attribute from their model siblings."""
    for f in sorted(ROOT.glob("**/*.rs")):
        text = f.read_text()
        if OLD_BLOCK in text:
            f.write_text(text.replace(OLD_BLOCK, LINE))


def main():
    check = "--check" in sys.argv
    missing = []
    if not check:
        migrate_only()
    for f in files():
        if f.exists():
            missing += [f"{f.relative_to(ROOT.parent)}: {t}" for t in sweep(f, check)]
    for m in missing:
        print(("uncovered " if check else "added ") + m)
    return 1 if check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
