#!/usr/bin/env python3
"""Writes headers_urls.json: DPay's header and URL rules (DESIGN §8). `client` is the DPAY_CLIENT
header; `secret` only keys DPAY_SECURE; `baseUrl` starts every URL. Expected errors typed by hand
from core/src/url.rs and core/src/validate.rs; the signature of the accepted request computed
here with hashlib/base64 (fact sheet formula: base64(md5(salt + base64(sha1(body)) + salt))).
Nothing is taken from pspkit's output. Run: python3 tests/vectors/dpay/headers_urls.py"""
import base64
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT, SECRET = "1043", "kassa_secret_8f3b"
CONFIG = {"provider": "dpay", "client": CLIENT, "secret": SECRET}
S = {"type": "get_payout", "merchantId": "W-1"}

HEADER = "must be printable ASCII without control characters such as CR or LF (it is sent in an HTTP header)"
BLANK = "must not be empty or blank"
KEY_CTRL = "must not contain control characters such as CR or LF"
USERINFO = "must not carry userinfo (user@host): the host would be what follows the @"
NO_HOST = "must have a host"
CHARS = "must not contain spaces, control characters or backslashes"
PORT = "must have a port from 1 to 65535 after the colon"


def secure(body, salt=SECRET):
    inner = base64.b64encode(hashlib.sha1(body.encode()).digest()).decode()
    return base64.b64encode(hashlib.md5((salt + inner + salt).encode()).digest()).decode()


def refused(field, rule):
    return {"expectError": {"code": "invalid_request", "retryable": False, "message": f"{field}: {rule}"}}


def with_(**kw):
    c = dict(CONFIG)
    c.update(kw)
    return c


cases = [
    {"name": "client with CR/LF -> invalid_request (it is the DPAY_CLIENT header)",
     "config": with_(client="1043\r\nX-Evil: 1"), "build": S, **refused("client", HEADER)},
    {"name": "client blank -> invalid_request", "config": with_(client="   "), "build": S, **refused("client", BLANK)},
    {"name": "client with NUL -> invalid_request", "config": with_(client="1043\u0000"), "build": S, **refused("client", HEADER)},
    {"name": "secret blank -> invalid_request", "config": with_(secret="  "), "build": S, **refused("secret", BLANK)},
    {"name": "secret with a trailing newline -> invalid_request", "config": with_(secret=SECRET + "\n"), "build": S,
     **refused("secret", KEY_CTRL)},
    {"name": "baseUrl with userinfo -> invalid_request", "config": with_(baseUrl="http://localhost:80@evil.com"),
     "build": S, **refused("baseUrl", USERINFO)},
    {"name": "baseUrl without a host -> invalid_request", "config": with_(baseUrl="https://:443"),
     "build": S, **refused("baseUrl", NO_HOST)},
    {"name": "baseUrl with DEL -> invalid_request", "config": with_(baseUrl="https://api.dpay.africa\u007f"),
     "build": S, **refused("baseUrl", CHARS)},
    {"name": "baseUrl with a port out of range -> invalid_request", "config": with_(baseUrl="https://api.dpay.africa:70000"),
     "build": S, **refused("baseUrl", PORT)},
    {"name": "loopback http (the sandbox): status goes to {base}/api/payment/status, signed",
     "config": with_(baseUrl="http://127.0.0.1:8787/dpay"), "build": S,
     "expectRequest": {"method": "POST", "url": "http://127.0.0.1:8787/dpay/api/payment/status",
                       "headers": {"dpay_client": CLIENT, "dpay_secure": secure('{"payment_id":"W-1"}')},
                       "body": '{"payment_id":"W-1"}'}},
]

doc = {"description": "DPay: the DPAY_CLIENT header value, the signing secret and baseUrl checked where the config is read (DESIGN §8).",
       "config": CONFIG, "context": {"now": "2026-01-01T00:00:00Z"}, "cases": cases}
with open(os.path.join(HERE, "headers_urls.json"), "w") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"headers_urls.json: {len(cases)} cases")
