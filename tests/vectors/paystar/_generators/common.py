"""What every PayStar vector file shares: the test credentials, the hosts and paths of the fact
sheet, JWT and callback signatures computed with the standard library, and the case shapes."""
import base64
import hashlib
import hmac
import json
import os

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the vectors folder
CTX = {"now": "2026-01-01T00:00:00Z"}

DEP_TOKEN = "dep-token-123"
PAY_TOKEN = "pay-token-456"
TOKENS = {"provider": "paystar", "depositToken": DEP_TOKEN, "payoutToken": PAY_TOKEN}
DEP_KEYS = {"publicKey": "pk_deposit_live_01", "privateKey": "sk_deposit_secret_01"}
PAY_KEYS = {"publicKey": "pk_payout_live_01", "privateKey": "sk_payout_secret_01"}
KEYS = {"provider": "paystar", "depositKeys": DEP_KEYS, "payoutKeys": PAY_KEYS}

SECURE = "https://secure.paystar.uk"
TOKEN_HOST = "https://token.paystar.uk"
INIT = "https://init.paystar.uk"
API = "https://api.paystar.uk"
DEPOSIT_PATH = "/api/v1/integration/deposit-order/"
PAYOUT_PATH = "/api/v1/integration/withdrawal-order/"


def b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(public_key: str, private_key: str) -> str:
    """HS256 JWT: header exactly {"alg":"HS256","typ":"JWT"}, payload {"publicKey":...} written
    compactly the way serde_json writes it (no spaces, UTF-8 kept as is)."""
    header = b64u(b'{"alg":"HS256","typ":"JWT"}')
    payload = b64u(
        json.dumps({"publicKey": public_key}, separators=(",", ":"), ensure_ascii=False).encode()
    )
    signing_input = f"{header}.{payload}".encode()
    sig = b64u(hmac.new(private_key.encode(), signing_input, hashlib.sha256).digest())
    return f"{header}.{payload}.{sig}"


def signature(external_id, status, amount, order_type, key) -> str:
    """Callback Signature: lowercase hex SHA-256 of externalId;status;amount;orderType;privateKey."""
    return hashlib.sha256(f"{external_id};{status};{amount};{order_type};{key}".encode()).hexdigest()


def status(state, final, provider_status, reason=None):
    return {"state": state, "final": final, "providerStatus": provider_status, "reason": reason}


def resp(status_code, body, ctype="application/json"):
    headers = {"content-type": ctype} if ctype else {}
    return {"status": status_code, "headers": headers, "body": body}


def ok(body):
    return resp(200, json.dumps(body) if not isinstance(body, str) else body)


def payment(**kw):
    return {"type": "payment", "payment": kw}


def err(code, http=None, provider_code=None, retryable=None):
    e = {"code": code}
    if retryable is not None:
        e["retryable"] = retryable
    if http is not None:
        e["httpStatus"] = http
    if provider_code is not None:
        e["providerCode"] = provider_code
    return e


def invalid():
    return {"code": "invalid_request", "retryable": False}


def write(name, description, cases, config=TOKENS):
    doc = {"description": description, "config": config, "context": CTX, "cases": cases}
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return len(cases)


def create_headers(token):
    return {
        "authorization": f"Bearer {token}",
        "content-type": "application/json",
        "accept": "text/plain",
    }


def raw(doc):
    """JSON text with amount placeholders "__x__" turned into number literals written as-is."""
    return json.dumps(doc).replace('"__', "").replace('__"', "")


# The operations the errors and validation files vary.
PAYOUT_OP = {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
             "card": {"number": "1234123412341234"}, "bankAccount": {"bankName": "SuperBank"}}
DEPOSIT_OP = {"type": "create_deposit", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
              "card": {"number": "4111111111111111"}}
STATUS_OP = {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"}
