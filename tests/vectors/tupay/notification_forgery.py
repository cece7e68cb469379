#!/usr/bin/env python3
"""Writes notification_forgery.json: Tupay cashout notifications whose `control` verifies but
whose unsigned fields were changed, plus the config and path rules for Tupay (DESIGN §8).

The control is UPPERCASE hex HMAC-SHA256(cashoutSecret, "Be4" + external_id + "Bo7") (fact
sheet §3.5, worked example §8.3), computed here with hmac/hashlib. It covers external_id only, so
the expected events name the payout by external_id alone and list every other field as
unsigned; expected errors are typed by hand from core/src/url.rs and core/src/validate.rs.
Nothing is taken from pspkit's output. Run: python3 tests/vectors/tupay/notification_forgery.py"""
import hashlib
import hmac
import json
import os
import urllib.parse

DIR = os.path.dirname(os.path.abspath(__file__))
SECRET = "my_cashout_api_signature"
CONFIG = {"provider": "tupay", "baseUrl": "https://api-stg.tupayonline.com",
          "depositLogin": "my_x_login", "depositSecret": "my_deposit_api_signature",
          "cashoutLogin": "cashout_login", "cashoutPass": "cashout_pass", "cashoutSecret": SECRET}
FORM = {"content-type": "application/x-www-form-urlencoded"}

HEADER = "must be printable ASCII without control characters such as CR or LF (it is sent in an HTTP header)"
BLANK = "must not be empty or blank"
KEY_CTRL = "must not contain control characters such as CR or LF"
USERINFO = "must not carry userinfo (user@host): the host would be what follows the @"
QUERY = "must be scheme://host[:port][/path], without query or fragment"
HTTPS = "must use https (plain http only for localhost, 127.0.0.0/8 or [::1])"


def control(external_id, secret=SECRET):
    return hmac.new(secret.encode(), ("Be4" + external_id + "Bo7").encode("utf-8"), hashlib.sha256).hexdigest().upper()


assert control("cashoutV35381") == "753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4"


def note(pairs):
    return {"method": "POST", "url": "https://shop.pe/tupay/cashouts", "headers": FORM,
            "body": urllib.parse.urlencode(pairs)}


def refused(field, rule):
    return {"expectError": {"code": "invalid_request", "retryable": False, "message": f"{field}: {rule}"}}


def with_(**kw):
    c = dict(CONFIG)
    c.update(kw)
    return c


MINE = "cashoutV35381"
CONFIRM_MINE = {"type": "get_payout", "merchantId": MINE, "providerId": None}
cases = [
    {"name": "control verifies, cashout_id changed to another cashout's: never the order to confirm",
     "callback": note([("external_id", MINE), ("control", control(MINE)), ("cashout_id", "99999999")]),
     "expect": {"verified": True,
                "payment": {"direction": "payout", "merchantId": MINE, "providerId": None,
                            "status": {"state": "unknown", "final": False},
                            "details": {"cashoutId": "99999999", "unsignedFields": "details.cashoutId"}},
                "confirmWith": CONFIRM_MINE}},
    {"name": "every unsigned field is listed; only external_id is signed",
     "callback": note([("date", "2020-03-12 20:26:11"), ("bank_reference_id", "BR-1"), ("comments", "paid"),
                       ("external_id", MINE), ("control", control(MINE)), ("cashout_id", "60067"),
                       ("status_reason", "forged reason")]),
     "expect": {"verified": True,
                "payment": {"merchantId": MINE, "providerId": None,
                            "details": {"bankReference": "BR-1", "cashoutId": "60067", "changedAt": "2020-03-12 20:26:11",
                                        "comments": "paid", "statusReason": "forged reason",
                                        "unsignedFields": "details.bankReference,details.cashoutId,details.changedAt,details.comments,details.statusReason"}},
                "confirmWith": CONFIRM_MINE}},
    {"name": "no cashout_id at all: still confirmed by external_id",
     "callback": note([("external_id", MINE), ("control", control(MINE))]),
     "expect": {"verified": True, "payment": {"merchantId": MINE, "providerId": None},
                "confirmWith": CONFIRM_MINE}},
    {"name": "external_id changed, control left for the original -> invalid_signature",
     "callback": note([("external_id", "VICTIM-1"), ("control", control(MINE)), ("cashout_id", "60067")]),
     "expectError": {"code": "invalid_signature"}},
    {"name": "a second external_id after the signed one -> invalid_signature (the last one is read)",
     "callback": note([("external_id", MINE), ("control", control(MINE)), ("external_id", "VICTIM-1")]),
     "expectError": {"code": "invalid_signature"}},
    {"name": "a valid control for another external_id names only that external_id (the cashout_id beside it is ignored)",
     "callback": note([("external_id", "ATTACKER-1"), ("control", control("ATTACKER-1")), ("cashout_id", "60067")]),
     "expect": {"verified": True, "payment": {"merchantId": "ATTACKER-1", "providerId": None},
                "confirmWith": {"type": "get_payout", "merchantId": "ATTACKER-1", "providerId": None}}},
    {"name": "control truncated -> invalid_signature",
     "callback": note([("external_id", MINE), ("control", control(MINE)[:-2])]),
     "expectError": {"code": "invalid_signature"}},
    # ---- config and paths
    {"name": "depositLogin (the X-Login header) with CR/LF -> invalid_request",
     "config": with_(depositLogin="my_x_login\r\nX-Evil: 1"), "build": {"type": "get_deposit", "providerId": "3000000001"},
     **refused("depositLogin", HEADER)},
    {"name": "depositLogin blank -> invalid_request",
     "config": with_(depositLogin="  "), "build": {"type": "get_deposit", "providerId": "3000000001"},
     **refused("depositLogin", BLANK)},
    {"name": "depositSecret with a trailing newline -> invalid_request",
     "config": with_(depositSecret="my_deposit_api_signature\n"), "build": {"type": "get_deposit", "providerId": "3000000001"},
     **refused("depositSecret", KEY_CTRL)},
    {"name": "cashoutSecret blank -> invalid_request",
     "config": with_(cashoutSecret=" "), "build": {"type": "get_payout", "merchantId": MINE},
     **refused("cashoutSecret", BLANK)},
    {"name": "baseUrl with userinfo -> invalid_request",
     "config": with_(baseUrl="https://api-stg.tupayonline.com@evil.com"), "build": {"type": "get_deposit", "providerId": "3000000001"},
     **refused("baseUrl", USERINFO)},
    {"name": "reconciliationUrl with a query -> invalid_request",
     "config": with_(reconciliationUrl="https://merchants-api-stg.tupayonline.com/?x=1"),
     "build": {"type": "get_deposit", "providerId": "3000000001"}, **refused("reconciliationUrl", QUERY)},
    {"name": "baseUrl plain http to a public host -> invalid_request",
     "config": with_(baseUrl="http://api-stg.tupayonline.com"), "build": {"type": "get_deposit", "providerId": "3000000001"},
     **refused("baseUrl", HTTPS)},
    {"name": "deposit status on loopback http: {base}/v3/deposits/{id}",
     "config": with_(baseUrl="http://127.0.0.1:8787/tupay/"), "build": {"type": "get_deposit", "providerId": "3000000001"},
     "expectRequest": {"method": "GET", "url": "http://127.0.0.1:8787/tupay/v3/deposits/3000000001",
                       "headers": {"x-login": "my_x_login"}}},
    {"name": "deposit status for providerId '..' -> invalid_request",
     "build": {"type": "get_deposit", "providerId": ".."},
     **refused("providerId", "a Tupay deposit_id is an integer")},
]

doc = {"description": "Tupay: forged cashout notifications (control covers external_id only), header/URL config rules, path ids (DESIGN §8).",
       "config": CONFIG, "context": {"now": "2026-01-01T00:00:00Z"}, "cases": cases}
with open(os.path.join(DIR, "notification_forgery.json"), "w") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"notification_forgery.json: {len(cases)} cases")
