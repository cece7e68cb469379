"""`BulkReader` (the core's `pspkit::bulk`): an NDJSON file of answers read in chunks gives,
line by line, what `Gateway.parse` gives for each answer on its own."""
from __future__ import annotations

import json

from pspkit import BulkReader

CONFIG = '{"provider":"paystar","depositToken":"t"}'
OP = '{"type":"get_deposit"}'
ANSWERS = [
    {"externalId": "a-1", "orderStatus": "Success", "amount": 10.5, "currency": "USD"},
    {"externalId": "b-2", "orderStatus": "Processing", "amount": "3", "currency": "EUR"},
    {"externalId": 5},
]


def read(data: bytes, chunk: int) -> list[dict]:
    reader = BulkReader(CONFIG, OP)
    text = "".join(reader.feed(data[i : i + chunk]) for i in range(0, len(data), chunk))
    text += reader.finish()
    return [json.loads(line) for line in text.splitlines()]


def test_every_chunking_reads_each_line_as_the_single_call_does() -> None:
    data = "\n".join(json.dumps(a) for a in ANSWERS).encode()
    for chunk in (1, 5, 64, len(data)):
        items = read(data, chunk)
        assert [i["line"] for i in items] == [1, 2, 3]
        first, second, third = items
        # Expected values from the answers themselves: Success -> succeeded, USD has 2 decimals.
        assert first["outcome"]["payment"]["status"]["state"] == "succeeded"
        assert first["outcome"]["payment"]["amount"] == "10.50"
        assert second["outcome"]["payment"]["status"]["state"] == "processing"
        assert second["outcome"]["payment"]["amount"] == "3.00"
        assert third["error"]["code"] == "bad_response"


def test_a_card_number_in_an_answer_never_comes_back_whole() -> None:
    answer = {"externalId": "c-3", "orderStatus": "Failed", "externalParams": {"cardNumber": "4111111111111111"}}
    text = json.dumps(answer).encode() + b"\n"
    (item,) = read(text, 7)
    assert "4111111111111111" not in json.dumps(item)
    assert item["outcome"]["payment"]["card"]["masked"] == "411111******1111"


def test_a_bad_operation_names_its_field():
    import pytest

    from pspkit import PspError

    with pytest.raises(PspError) as err:
        BulkReader(CONFIG, '{"type":"get_deposits"}')
    assert err.value.code == "invalid_request"
    assert str(err.value).startswith("operation.type: unknown value")
