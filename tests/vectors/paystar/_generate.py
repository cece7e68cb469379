#!/usr/bin/env python3
"""Writes the PayStar conformance vectors (DESIGN §6) in this folder.

Every expected value (in `_generators/`, one module per file) is written by hand from shared/providers/paystar.md and the seed pages
(000-002), or computed here with Python's standard library (hashlib, hmac, base64, json) —
never taken from pspkit's output. Run: python3 tests/vectors/paystar/_generate.py
"""
from _generators import (auth, balance, callbacks, deposit_create, errors, history, payout_create,
                         status, validation)

if __name__ == "__main__":
    total = sum(f() for f in (deposit_create.deposit_create, payout_create.payout_create, auth.auth,
                              status.status_cases, history.history, balance.balance, errors.errors,
                              callbacks.callbacks, validation.validation))
    print(f"wrote {total} cases")
