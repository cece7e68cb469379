#!/usr/bin/env python3
"""Writes the hostile-input catalogue (issue 11, "must exist" item 8) in this folder.

Each case feeds one of the four calls (build, parse, parse_callback; flows in flows.json) something
an attacker, a broken provider or a careless host could send, and expects either a typed error with
the code DESIGN §5 gives for it, or the safe result DESIGN §8 asks for. Expected values are written
by hand from DESIGN §5/§6/§8, issue 11 and the provider fact sheets (shared/providers/*.md); every
signature is computed here with Python's hashlib/hmac by the formula of that provider's own vector
generator (tests/vectors/*/_generate.py, tests/vectors/tupay/signatures.py). Nothing is taken from
pspkit's output.

Files are written with ensure_ascii=True so every control character in a case is visible as an
escape when the JSON is reviewed. Run: python3 tests/vectors/hostile/_generate.py
"""
from _generators import butler, corefy, dpay, flows, huge, paynet, paystar, tupay

if __name__ == "__main__":
    total = (paystar.paystar() + butler.butler() + corefy.corefy() + paynet.paynet() + tupay.tupay()
             + dpay.dpay() + huge.huge() + flows.flows())
    print(f"wrote {total} hostile cases")
