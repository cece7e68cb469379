"""auth.json: which credential each PayStar call carries (token or HS256 JWT)."""
from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


def auth():
    c = []
    dep_jwt = jwt(DEP_KEYS["publicKey"], DEP_KEYS["privateKey"])
    pay_jwt = jwt(PAY_KEYS["publicKey"], PAY_KEYS["privateKey"])
    c.append({
        "name": "deposit with depositKeys carries an HS256 JWT minted from publicKey/privateKey",
        "config": KEYS,
        "build": {"type": "create_deposit", "merchantId": "M-jwt-1", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "expectRequest": {"headers": {"authorization": "Bearer " + dep_jwt}},
    })
    c.append({
        "name": "payout with payoutKeys carries the JWT of the payout key pair",
        "config": KEYS,
        "build": {"type": "create_payout", "merchantId": "M-jwt-2", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectRequest": {"headers": {"authorization": "Bearer " + pay_jwt}},
    })
    c.append({
        "name": "deposit status with depositKeys uses the deposit JWT",
        "config": KEYS,
        "build": {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"},
        "expectRequest": {"headers": {"authorization": "Bearer " + dep_jwt}},
    })
    c.append({
        "name": "payout status with payoutKeys uses the payout JWT",
        "config": KEYS,
        "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
        "expectRequest": {"headers": {"authorization": "Bearer " + pay_jwt}},
    })
    odd = {"publicKey": "clé/publique+é", "privateKey": "sëcret key"}
    c.append({
        "name": "JWT payload keeps non-ASCII publicKey as UTF-8 (compact JSON)",
        "config": {"provider": "paystar", "depositKeys": odd},
        "build": {"type": "get_balance", "currency": "EUR"},
        "expectRequest": {"headers": {"authorization": "Bearer " + jwt(odd["publicKey"], odd["privateKey"])}},
    })
    c.append({
        "name": "a ready token wins over a key pair for the same pipeline",
        "config": dict(KEYS, depositToken=DEP_TOKEN),
        "build": {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"},
        "expectRequest": {"headers": {"authorization": "Bearer " + DEP_TOKEN}},
    })
    c.append({
        "name": "payout with only a deposit token is refused, never sent with the deposit key",
        "config": {"provider": "paystar", "depositToken": DEP_TOKEN},
        "build": {"type": "create_payout", "merchantId": "M-x", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectError": invalid(),
    })
    c.append({
        "name": "payout with only deposit keys is refused",
        "config": {"provider": "paystar", "depositKeys": DEP_KEYS},
        "build": {"type": "create_payout", "merchantId": "M-x", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectError": invalid(),
    })
    c.append({
        "name": "payout status with only deposit credentials is refused",
        "config": {"provider": "paystar", "depositToken": DEP_TOKEN, "depositKeys": DEP_KEYS},
        "build": {"type": "get_payout", "providerId": "11b57a18-184a-4c76-a5f1-b581a4fc1edf"},
        "expectError": invalid(),
    })
    c.append({
        "name": "deposit with only payout credentials is refused",
        "config": {"provider": "paystar", "payoutToken": PAY_TOKEN},
        "build": {"type": "create_deposit", "merchantId": "M-x", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "expectError": invalid(),
    })
    c.append({
        "name": "payout-scope balance with only deposit credentials is refused",
        "config": {"provider": "paystar", "depositToken": DEP_TOKEN},
        "build": {"type": "get_balance", "currency": "USD", "scope": "payout"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a config without credentials is refused",
        "config": {"provider": "paystar"},
        "build": {"type": "get_balance", "currency": "USD"},
        "expectError": invalid(),
    })
    c.append({
        "name": "an empty deposit token is refused",
        "config": {"provider": "paystar", "depositToken": ""},
        "build": {"type": "get_balance", "currency": "USD"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a key pair with an empty privateKey is refused",
        "config": {"provider": "paystar", "payoutKeys": {"publicKey": "pk", "privateKey": ""}},
        "build": {"type": "get_payout", "providerId": "11b57a18-184a-4c76-a5f1-b581a4fc1edf"},
        "expectError": invalid(),
    })
    c.append({
        "name": "an unknown config field is refused",
        "config": dict(TOKENS, depositSecret="x"),
        "build": {"type": "get_balance", "currency": "USD"},
        "expectError": invalid(),
    })
    return write("auth.json",
                 "PayStar auth: bearer tokens vs HS256 JWTs minted from publicKey/privateKey (expected JWTs "
                 "computed with Python hmac), separate deposit and payout pipelines.", c, config=KEYS)
