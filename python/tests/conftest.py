"""Prints the closing `python: N passed, M failed` line over the vector cases."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

_counts = {"passed": 0, "failed": 0}


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "vector: a DESIGN §6 conformance vector case")


def pytest_runtest_logreport(report: Any) -> None:
    if "vector" not in report.keywords:
        return
    if report.when == "call":
        _counts["passed" if report.passed else "failed"] += 1
    elif report.failed:  # setup/teardown errors count as failures too
        _counts["failed"] += 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(f"python: {_counts['passed']} passed, {_counts['failed']} failed")
    leak = sys.modules.get("test_leaks")
    if leak is not None and getattr(leak, "SUMMARY", None):
        terminalreporter.write_line(leak.SUMMARY)
