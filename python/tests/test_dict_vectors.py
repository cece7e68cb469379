"""Every non-flow vector again through the dict-first API (`Gateway(dict)`, dicts in and out)."""
from __future__ import annotations

from typing import Any, Dict

import pytest

from vector_runner import run_case_dicts, vector_cases, vectors_dir

CASES = [(i, f, c) for i, f, c in vector_cases(vectors_dir()) if f.get("kind") != "flow"]


def test_there_are_cases() -> None:
    assert len(CASES) > 100


@pytest.mark.parametrize("file,case", [(f, c) for _, f, c in CASES], ids=[i for i, _, _ in CASES])
def test_vector_dicts(file: Dict[str, Any], case: Dict[str, Any]) -> None:
    run_case_dicts(file, case)
