"""errors.json: PayStar error answers normalized into the one error model."""
from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


def errors():
    c = []

    def case(name, op, response, expected):
        c.append({"name": name, "build": op, "response": response, "expectError": expected})

    case("400 0-0000 External_transaction_id is required -> invalid_request", PAYOUT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"External_transaction_id is required property",'
                   '"statusDescrption":"0-0000"}'),
         err("invalid_request", 400, "0-0000", False))
    case("400 0-0000 currency has invalide value -> invalid_request", DEPOSIT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"currency has invalide value",'
                   '"statusDescrption":"0-0000"}'),
         err("invalid_request", 400, "0-0000", False))
    case("400 1-4007 order already exists -> duplicate", PAYOUT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"order with this external_transaction_id already exists",'
                   '"statusDescrption":"1-4007"}'),
         err("duplicate", 400, "1-4007", False))
    case("400 1-4007 on a deposit -> duplicate", DEPOSIT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"order with this external_transaction_id already exists",'
                   '"statusDescrption":"1-4007"}'),
         err("duplicate", 400, "1-4007"))
    case("400 LIMITS_ERROR 0001-0 -> limit_exceeded", PAYOUT_OP,
         resp(400, '{"label":"LIMITS_ERROR","message":"Limit id: 3fa85f64-5717-4562-b3fc-2c963f66afa6 was reached",'
                   '"statusDescrption":"0001-0","externalTransactionId":null}'),
         err("limit_exceeded", 400, "0001-0", False))
    case("400 with an undocumented code -> provider_error keeping the code", PAYOUT_OP,
         resp(400, '{"label":"OTHER","message":"something","statusDescrption":"7-7777"}'),
         err("provider_error", 400, "7-7777", False))
    case("401 without body -> unauthorized", PAYOUT_OP, resp(401, "", None),
         err("unauthorized", 401, None, False))
    case("401 on a status call -> unauthorized", STATUS_OP, resp(401, "", None), err("unauthorized", 401))
    case("403 without body (key not activated / IP) -> forbidden", PAYOUT_OP, resp(403, "", None),
         err("forbidden", 403, None, False))
    case("404 order not found on a status call -> not_found", STATUS_OP, resp(404, "", None),
         err("not_found", 404, None, False))
    case("404 on payout status by merchant id -> not_found",
         {"type": "get_payout", "merchantId": "MerchID-404"}, resp(404, "Order Not Found", "text/plain"),
         err("not_found", 404))
    case("423 with 0000-1 -> temporarily_unavailable, retryable", PAYOUT_OP,
         resp(423, '{"label":"TEMPORARY_ERROR","message":"There is currently a temporary error",'
                   '"statusDescrption":"0000-1"}'),
         err("temporarily_unavailable", 423, "0000-1", True))
    case("423 without body -> temporarily_unavailable", PAYOUT_OP, resp(423, "", None),
         err("temporarily_unavailable", 423, None, True))
    case("429 -> temporarily_unavailable", DEPOSIT_OP, resp(429, "", None),
         err("temporarily_unavailable", 429, None, True))
    case("500 -> temporarily_unavailable", PAYOUT_OP, resp(500, '{"error":"internal"}'),
         err("temporarily_unavailable", 500, None, True))
    case("503 on a status call -> temporarily_unavailable", STATUS_OP, resp(503, "", None),
         err("temporarily_unavailable", 503, None, True))
    case("502 HTML page -> temporarily_unavailable", PAYOUT_OP,
         resp(502, "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                   "</body></html>", "text/html"),
         err("temporarily_unavailable", 502, None, True))
    case("499 (client closed / proxy timeout) on create -> temporarily_unavailable: outcome unknown, "
         "check status first (error page's cascading rule)", PAYOUT_OP, resp(499, "", None),
         err("temporarily_unavailable", 499, None, True))
    case("504 gateway timeout HTML -> temporarily_unavailable", DEPOSIT_OP,
         resp(504, "<html><body><h1>504 Gateway Time-out</h1></body></html>", "text/html"),
         err("temporarily_unavailable", 504, None, True))
    case("408 request timeout -> temporarily_unavailable", PAYOUT_OP, resp(408, "", None),
         err("temporarily_unavailable", 408, None, True))
    case("empty 200 body -> bad_response", PAYOUT_OP, resp(200, ""), err("bad_response", None, None, False))
    case("broken JSON 200 -> bad_response", PAYOUT_OP,
         resp(200, '{"externalId":"a30288b2-220a-4495-9bcb-6821dcc39331","orderStatus":'),
         err("bad_response", None, None, False))
    case("HTML 200 -> bad_response", STATUS_OP, resp(200, "<!DOCTYPE html><html></html>", "text/html"),
         err("bad_response"))
    case("JSON array 200 -> bad_response", STATUS_OP, resp(200, "[]"), err("bad_response"))
    case("JSON string 200 -> bad_response", STATUS_OP, resp(200, '"OK"'), err("bad_response"))
    case("400 HTML page -> bad_response", PAYOUT_OP,
         resp(400, "<html><body>Bad Request</body></html>", "text/html"), err("bad_response", 400))
    # Review: a 400 without statusDescrption is read by its documented label (paystar.md §8).
    case("400 labelled VALIDATION_ERROR. without statusDescrption -> invalid_request", DEPOSIT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"Amount is required property"}'),
         err("invalid_request", 400, None, False))
    case("400 labelled LIMITS_ERROR without statusDescrption -> limit_exceeded", PAYOUT_OP,
         resp(400, '{"label":"LIMITS_ERROR","message":"Limit id: 3f2a9c1e-0000-4000-8000-000000000001 was reached",'
                   '"externalTransactionId":null}'),
         err("limit_exceeded", 400, None, False))
    return write("errors.json",
                 "PayStar error table (fact sheet §8): 0-0000, 1-4007, 0001-0, 401, 403, 404, 423/0000-1, "
                 "plus 429, 5xx, HTML, empty and broken bodies.", c)
