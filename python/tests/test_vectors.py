"""Every shared vector (tests/vectors, or $PSPKIT_VECTORS) through the Python API."""
from __future__ import annotations

from typing import Any, Dict

import pytest

from vector_runner import run_case, vector_cases, vectors_dir

CASES = vector_cases(vectors_dir())


def test_vector_folder_exists() -> None:
    # Keeps pytest from exiting with 5 ("no tests") on an empty folder, and fails on a typo.
    assert vectors_dir().is_dir(), f"no such folder: {vectors_dir()}"


@pytest.mark.vector
@pytest.mark.parametrize("file,case", [(f, c) for _, f, c in CASES], ids=[i for i, _, _ in CASES])
def test_vector(file: Dict[str, Any], case: Dict[str, Any]) -> None:
    run_case(file, case)
