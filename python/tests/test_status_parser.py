"""`StatusParser` and `parse_states` agree with the general `Gateway.parse` on every shape."""
from __future__ import annotations

import json

import pytest

import pspkit
from pspkit import ErrorCode, Gateway, PspError, State

OP = '{"type":"get_deposit","providerId":"PSP-1"}'
ANSWERS = [
    (200, json.dumps({"externalId": "PSP-1", "orderStatus": "Success", "amount": 10})),
    (200, json.dumps({"externalId": "PSP-1", "orderStatus": "Processing"})),
    (200, json.dumps({"externalId": "PSP-1", "orderStatus": "SomethingNew"})),
    (502, "<html><body>502 Bad Gateway</body></html>"),
    (200, "{not json"),
    (423, '{"statusDescrption": "0000-1"}'),
]


def expected(gw: Gateway, status: int, body: str) -> object:
    op = pspkit.from_json(pspkit.Operation, OP)
    try:
        return gw.parse(op, pspkit.HttpResponse(status=status, headers={}, body=body)).payment.status.state
    except PspError as e:
        return e.code


@pytest.fixture()
def gw() -> Gateway:
    return Gateway.from_json('{"provider":"paystar","depositToken":"t"}')


def test_every_shape_agrees_with_parse(gw: Gateway) -> None:
    parser = gw.status_parser(OP)
    want = [expected(gw, s, b) for s, b in ANSWERS]
    assert want[0] == State.SUCCEEDED and want[2] == State.UNKNOWN
    assert ErrorCode.TEMPORARILY_UNAVAILABLE in want
    assert pspkit.parse_states(parser, ANSWERS) == want
    assert list(pspkit.iter_states(parser, iter(ANSWERS), chunk=4)) == want
    items = parser.parse_batch([s for s, _ in ANSWERS], [b for _, b in ANSWERS])
    # A record's error code is the records' enum; pspkit.ErrorCode is its snake_case str twin.
    assert [i.summary.state if i.summary else ErrorCode(i.error_code.name.lower())  # type: ignore[union-attr]
            for i in items] == want
    assert parser.parse_states([s for s, _ in ANSWERS], [b for _, b in ANSWERS]) == [
        w if isinstance(w, State) else None for w in want]
    summary = parser.parse(*ANSWERS[0])
    assert summary == gw.parse_status(OP, *ANSWERS[0])
    assert summary.amount == "10" or summary.amount == "10.00"
    with pytest.raises(PspError):
        parser.parse(*ANSWERS[4])
    assert pspkit.parse_states(parser, []) == []


def test_a_body_holding_the_separator_is_parsed_on_its_own(gw: Gateway) -> None:
    parser = gw.status_parser(OP)
    odd = (200, '{"externalId": "PSP-1", "orderStatus": "Success"}\x1e')
    assert pspkit.parse_states(parser, [ANSWERS[0], odd]) == [
        State.SUCCEEDED, expected(gw, *odd)]


def test_malformed_input_fails_loudly(gw: Gateway) -> None:
    parser = gw.status_parser(OP)
    with pytest.raises(PspError):
        parser.parse_batch([200], [])
    with pytest.raises(PspError):
        parser.parse_text("abc {}")
    with pytest.raises(PspError):
        gw.status_parser('{"type":"nope"}')
