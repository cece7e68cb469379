"""What every hostile-input file shares: the card and token fixtures, the error shapes, the case
writers and the hostile base URLs and tokens every provider must refuse."""
import json
import os

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the vectors folder
CTX = {"now": "2026-01-01T00:00:00Z"}
PAN = "4111111111111111"      # Luhn-valid test card
PAN2 = "5555555555554444"     # Luhn-valid test card
MASKED = "411111******1111"   # DESIGN §8: 6x4 at most
MASKED2 = "555555******4444"
CRLF_TOKEN = "tok\r\nX-Evil: 1"

assert all(len(m) == 16 for m in (MASKED, MASKED2))


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


assert luhn_ok(PAN) and luhn_ok(PAN2)


def err(code, **kw):
    e = {"code": code}
    e.update(kw)
    return e


INVALID = err("invalid_request", retryable=False)
BAD = err("bad_response", retryable=False)
BADSIG = err("invalid_signature", retryable=False)


def resp(status, body, ctype="application/json", headers=None):
    h = {"content-type": ctype} if ctype else {}
    h.update(headers or {})
    return {"status": status, "headers": h, "body": body}


def compact(obj) -> str:
    return json.dumps(obj, separators=(",", ":"))


def nested(depth: int, inner: str = "1") -> str:
    """A JSON array nested `depth` deep: valid JSON, far deeper than any provider documents."""
    return "[" * depth + inner + "]" * depth


def nested_obj(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def status(state, final, provider_status, **kw):
    s = {"state": state, "final": final, "providerStatus": provider_status}
    s.update(kw)
    return s


def payment(**kw):
    return {"type": "payment", "payment": kw}


def write(name, description, config, cases, kind=None):
    names = [c["name"] for c in cases]
    dupes = {n for n in names if names.count(n) > 1}
    assert not dupes, f"{name}: duplicate case names {dupes}"
    doc = {}
    if kind:
        doc["kind"] = kind
    doc.update({"description": description, "config": config, "context": CTX, "cases": cases})
    if kind == "flow":
        doc.pop("context")
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(f"{name}: {len(cases)} cases")
    return len(cases)


# Base URLs every provider must refuse (DESIGN §8: https, http on loopback only, a host, no
# userinfo, no control characters). Each is refused before anything is built.
HOSTILE_BASES = [
    ("userinfo hides the real host (http to evil.com)", "http://localhost:80@evil.com"),
    ("userinfo with a password", "https://user:pass@api.example.com"),
    ("userinfo on a loopback-looking host", "http://127.0.0.1@evil.com"),
    ("backslash before @ (parser confusion)", "https://api.example.com\\@evil.com"),
    ("empty host with a port", "https://:443"),
    ("no host at all", "https://"),
    ("NUL in the host", "https://api.example.com\u0000.evil.com"),
    ("CR/LF in the path", "https://api.example.com/\r\nX-Evil: 1"),
    ("DEL character", "https://api.example.com\u007f"),
    ("tab in the host", "https://api.\texample.com"),
    ("plain http on a public host", "http://api.example.com"),
    ("plain http on a host that only starts like loopback", "http://127.0.0.1.evil.com"),
    ("plain http on localhost as a subdomain", "http://localhost.evil.com"),
    ("a scheme other than http(s)", "ftp://api.example.com"),
    ("a port out of range", "https://api.example.com:99999"),
]


def base_url_cases(provider_label, config, op, extra_key="baseUrl"):
    out = []
    for label, url in HOSTILE_BASES:
        out.append({"name": f"{provider_label} {extra_key}: {label} -> invalid_request",
                    "config": dict(config, **{extra_key: url}),
                    "build": op, "expectError": INVALID})
    return out


def loopback_cases(provider_label, config, op, path):
    out = []
    for base in ("http://127.0.0.1:8080", "http://localhost:8080"):
        out.append({"name": f"{provider_label} baseUrl {base} (loopback) may be plain http",
                    "config": dict(config, baseUrl=base),
                    "build": op, "expectRequest": {"url": base + path}})
    return out


def token_cases(provider_label, config, field, op, header="authorization"):
    """A bearer/login value that reaches a header: no CR/LF or control characters, not blank."""
    bad = [("CR/LF header injection", CRLF_TOKEN),
           ("a bare LF", "tok\nX-Evil: 1"),
           ("NUL", "tok\u0000en"),
           ("DEL", "tok\u007fen"),
           ("blank (spaces only)", "   "),
           ("blank (tab)", "\t")]
    return [{"name": f"{provider_label} {field} with {label} is refused (it would reach the {header} header)",
             "config": dict(config, **{field: value}), "build": op, "expectError": INVALID}
            for label, value in bad]


def answer_case(name, op, response, expect=None, error=BAD):
    """A parse case: `response` answering `op`, read as the payment `expect`, else refused with `error`."""
    case = {"name": name, "build": op, "response": response}
    if expect is not None:
        case["expect"] = expect
    else:
        case["expectError"] = error
    return case
