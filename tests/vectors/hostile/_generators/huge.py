"""Hostile input for huge values."""
from .common import *  # noqa: F401,F403 (fixtures, error shapes, writers)
from .butler import B_CREATE, BT
from .corefy import CF, CF_OP
from .dpay import DP, DP_MOMO, DP_STATUS, dresp
from .paynet import PN, PN_SALE
from .paystar import PS_CREATE, PS_STATUS, PS_TOKENS
from .tupay import TP, TP_DEPOSIT


# =============================================================================================
# Huge values: a 1 MB amount must give a short typed error (only the code is checked: the vector
# format has no length matcher; see the README of this folder).
# =============================================================================================
def huge():
    mb = "1" * 1_000_000
    big = "9" * 100_000
    c = [
        {"name": "paystar create_deposit with a 1 MB amount -> invalid_request",
         "config": PS_TOKENS, "build": dict(PS_CREATE, amount=mb), "expectError": INVALID},
        {"name": "tupay create_deposit with a 1 MB amount -> invalid_request",
         "config": TP, "build": dict(TP_DEPOSIT, amount=mb), "expectError": INVALID},
        {"name": "dpay create_payout with a 100 kB amount -> invalid_request",
         "config": DP, "build": dict(DP_MOMO, amount=big), "expectError": INVALID},
        {"name": "butler create_payout with a 100 kB amount -> invalid_request",
         "config": BT, "build": dict(B_CREATE, amount=big), "expectError": INVALID},
        {"name": "corefy create_deposit with a 100 kB amount -> invalid_request",
         "config": CF, "build": dict(CF_OP, amount=big), "expectError": INVALID},
        {"name": "paynet sale with a 100 kB amount -> invalid_request",
         "config": PN, "build": dict(PN_SALE, amount=big), "expectError": INVALID},
        {"name": "paystar create with a 100 kB merchantId -> invalid_request",
         "config": PS_TOKENS, "build": dict(PS_CREATE, merchantId="M" * 100_000), "expectError": INVALID},
        {"name": "paystar status answer with a 100 kB amount -> bad_response",
         "config": PS_TOKENS, "build": PS_STATUS,
         "response": resp(200, '{"externalId":"PSP-1","orderStatus":"Success","amount":' + big + "}"),
         "expectError": BAD},
        {"name": "dpay status answer with a 100 kB amount string -> bad_response",
         "config": DP, "build": DP_STATUS,
         "response": dresp('{"status":"PAYED","payment_id":"W-1001","amount":"' + big + '","currency":"mtn-ghana.ghs"}'),
         "expectError": BAD},
    ]
    return write("huge.json", "Huge values through every provider: typed errors, never a panic or an "
                 "unbounded echo (issue 11 item 3).", PS_TOKENS, c)
