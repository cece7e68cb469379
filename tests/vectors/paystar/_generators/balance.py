"""balance.json: PayStar balance answers."""
from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


def balance():
    c = []
    doc_200 = ('{"currency":"RUB","merchantBalance":10000,"merchantOverdraft":1000,"pipelineBalance":5000,'
               '"pipelineAvailableBalance":1000,"pipelineProcessingOrdersDeposit":0,'
               '"pipelineProcessingOrdersWithdrawals":4000}')
    c.append({
        "name": "Balance H2H: GET api host with currency query, page's 200 example",
        "build": {"type": "get_balance", "currency": "RUB"},
        "expectRequest": {
            "method": "GET", "url": API + "/api/v1/balance/merchant?currency=RUB",
            "headers": {"authorization": "Bearer " + DEP_TOKEN, "accept": "text/plain"},
            "body": "",
        },
        "response": ok(doc_200),
        "expect": {"type": "balance", "balances": [{
            "currency": "RUB", "available": "1000.00", "total": "10000.00", "overdraft": "1000.00",
            "pendingDeposits": "0.00", "pendingPayouts": "4000.00",
            "details": {"pipelineBalance": "5000.00"}}]},
    })
    c.append({
        "name": "balance with annotated decimal numbers (USD)",
        "build": {"type": "get_balance", "currency": "USD"},
        "response": ok('{"currency":"USD","merchantBalance":10000.00,"merchantOverdraft":1000.00,'
                       '"pipelineBalance":5000.00,"pipelineAvailableBalance":1000.0,'
                       '"pipelineProcessingOrdersDeposit":0.00,"pipelineProcessingOrdersWithdrawals":4000.00}'),
        "expect": {"type": "balance", "balances": [{
            "currency": "USD", "available": "1000.00", "total": "10000.00", "overdraft": "1000.00",
            "pendingDeposits": "0.00", "pendingPayouts": "4000.00"}]},
    })
    c.append({
        "name": "InstantTransfer balance (no pipelineAvailableBalance) has available null",
        "config": dict(TOKENS, baseUrl="https://baseurl.com"),
        "build": {"type": "get_balance", "currency": "USD"},
        "expectRequest": {"method": "GET", "url": "https://baseurl.com/api/v1/balance/merchant?currency=USD"},
        "response": ok('{"currency":"USD","merchantBalance":10000,"merchantOverdraft":1000,'
                       '"pipelineBalance":5000,"pipelineProcessingOrdersDeposit":0,'
                       '"pipelineProcessingOrdersWithdrawals":4000}'),
        "expect": {"type": "balance", "balances": [{
            "currency": "USD", "available": None, "total": "10000.00",
            "details": {"pipelineBalance": "5000.00"}}]},
    })
    c.append({
        "name": "balance amounts given as strings",
        "build": {"type": "get_balance", "currency": "USD"},
        "response": ok('{"currency":"USD","merchantBalance":"250.5","pipelineAvailableBalance":"100"}'),
        "expect": {"type": "balance", "balances": [{"currency": "USD", "available": "100.00",
                                                    "total": "250.50", "overdraft": None}]},
    })
    c.append({
        "name": "a balance answer without currency takes the asked currency",
        "build": {"type": "get_balance", "currency": "EUR"},
        "response": ok('{"merchantBalance":10,"pipelineAvailableBalance":5}'),
        "expect": {"type": "balance", "balances": [{"currency": "EUR", "available": "5.00", "total": "10.00"}]},
    })
    c.append({
        "name": "an api-host override moves only the balance call",
        "config": dict(TOKENS, hosts={"api": "https://api.example.com"}),
        "build": {"type": "get_balance", "currency": "USD"},
        "expectRequest": {"url": "https://api.example.com/api/v1/balance/merchant?currency=USD"},
    })
    c.append({
        "name": "payout-scope balance asks with the payout pipeline's token",
        "build": {"type": "get_balance", "currency": "USD", "scope": "payout"},
        "expectRequest": {"headers": {"authorization": "Bearer " + PAY_TOKEN}},
    })
    c.append({
        "name": "balance with depositKeys carries the deposit JWT",
        "config": KEYS,
        "build": {"type": "get_balance", "currency": "USD"},
        "expectRequest": {"headers": {"authorization": "Bearer " + jwt(DEP_KEYS["publicKey"],
                                                                         DEP_KEYS["privateKey"])}},
    })
    c.append({
        "name": "balance without currency is refused (currency is required)",
        "build": {"type": "get_balance"},
        "expectError": invalid(),
    })
    c.append({
        "name": "balance in an unknown currency is refused",
        "build": {"type": "get_balance", "currency": "XYZ"},
        "expectError": invalid(),
    })
    c.append({
        "name": "an unknown balance scope is refused",
        "build": {"type": "get_balance", "currency": "USD", "scope": "merchant"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a balance finer than the currency allows is a bad response",
        "build": {"type": "get_balance", "currency": "USD"},
        "response": ok('{"currency":"USD","merchantBalance":10.123}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a 200 HTML balance page is a bad response",
        "build": {"type": "get_balance", "currency": "USD"},
        "response": resp(200, "<html><body>Login</body></html>", "text/html"),
        "expectError": err("bad_response"),
    })
    return write("balance.json", "PayStar Balance H2H (api host) and its InstantTransfer edition.", c)
