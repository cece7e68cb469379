//! The README's demo: a PayStar payout from create to final, with canned provider answers —
//! build the create request, parse the answer, poll the status by merchant id, verify a signed
//! callback and confirm it. Every step is printed. No network: the "provider" is a list of
//! responses shaped exactly as PayStar documents them.

use std::collections::BTreeMap;

use pspkit::{
    Context, Gateway, HttpRequest, HttpResponse, Operation, OrderRef, Outcome, PaymentOrder,
    PspError,
};

const CONFIG: &str = r#"{"provider": "paystar",
  "payoutKeys": {"publicKey": "demo-public-key", "privateKey": "demo-private-key"}}"#;

fn main() -> Result<(), PspError> {
    let gateway = Gateway::from_json(CONFIG)?;
    let ctx = Context::at("2026-01-01T00:00:00Z");

    step("1. create the payout");
    let create = Operation::CreatePayout(PaymentOrder {
        merchant_id: "M-2".into(),
        amount: "100.00".into(),
        currency: "USD".into(),
        callback_url: Some("https://merchant.example/psp/callback".into()),
        card: Some(pspkit::CardData {
            number: Some("4111111111111111".into()),
            ..Default::default()
        }),
        ..Default::default()
    });
    let request = gateway.build(&create, &ctx)?;
    show_request(&request);

    let created = respond(
        200,
        r#"{"externalId":"a30288b2-220a-4495-9bcb-6821dcc39331","orderStatus":"Created"}"#,
    );
    show_outcome(&gateway.parse(&create, &created)?);

    step("2. the create call timed out? never re-create: ask by merchant id");
    let status = Operation::GetPayout(OrderRef::by_merchant_id("M-2"));
    show_request(&gateway.build(&status, &ctx)?);
    let processing = respond(
        200,
        r#"{"externalId":"a30288b2-220a-4495-9bcb-6821dcc39331","orderStatus":"Processing",
            "orderHistory":[{"time":"2026-01-01T00:00:01Z","action":"1.1.1.00"},{"time":"2026-01-01T00:00:02Z","action":"2.1.1.00"}]}"#,
    );
    show_outcome(&gateway.parse(&status, &processing)?);

    step("3. PayStar calls back: verify the Signature");
    let body = r#"{"externalId":"a30288b2-220a-4495-9bcb-6821dcc39331","status":"Success","amount":100,"orderType":"Withdrawal"}"#;
    let signature = pspkit::crypto::sha256_hex(
        "a30288b2-220a-4495-9bcb-6821dcc39331;Success;100;Withdrawal;demo-private-key".as_bytes(),
    );
    let callback = HttpRequest {
        method: "POST".into(),
        url: "https://merchant.example/psp/callback".into(),
        headers: BTreeMap::from([("Signature".to_owned(), signature)]),
        body: body.into(),
    };
    let event = gateway.parse_callback(&callback, &ctx)?;
    println!(
        "   verified={} claims state={} -> reply {} {:?}",
        event.verified,
        event.payment.status.state.as_str(),
        event.reply.status,
        event.reply.body
    );

    step("4. a forged callback is refused");
    let mut forged = callback.clone();
    forged.body = forged.body.replace("100", "1000");
    match gateway.parse_callback(&forged, &ctx) {
        Ok(_) => println!("   accepted (this would be a bug)"),
        Err(e) => println!("   refused: {} ({})", e.code, e.message),
    }

    step("5. confirm with the status call the callback names");
    let confirm = event.confirm_with.unwrap_or(status);
    show_request(&gateway.build(&confirm, &ctx)?);
    let success = respond(
        200,
        r#"{"externalId":"a30288b2-220a-4495-9bcb-6821dcc39331","orderStatus":"Success",
            "orderHistory":[{"time":"2026-01-01T00:00:01Z","action":"1.1.1.00"},{"time":"2026-01-01T00:05:00Z","action":"4.1.3.00"}]}"#,
    );
    show_outcome(&gateway.parse(&confirm, &success)?);

    step("6. what a failure looks like");
    let failed = respond(
        200,
        r#"{"externalId":"c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2","orderStatus":"Failed",
            "orderHistory":[{"time":"2026-01-01T00:00:01Z","action":"1.1.1.00"},{"time":"2026-01-01T00:00:02Z","action":"4.1.4.63"}]}"#,
    );
    show_outcome(&gateway.parse(&confirm, &failed)?);
    let duplicate = respond(
        400,
        r#"{"label":"VALIDATION_ERROR.","message":"order with this external_transaction_id already exists","statusDescrption":"1-4007"}"#,
    );
    match gateway.parse(&create, &duplicate) {
        Ok(_) => println!("   unexpected success"),
        Err(e) => println!(
            "   create again -> {} (retryable={}): check the status instead",
            e.code, e.retryable
        ),
    }
    Ok(())
}

fn step(title: &str) {
    println!("\n== {title}");
}

fn respond(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: BTreeMap::new(),
        body: body.into(),
    }
}

fn show_request(r: &HttpRequest) {
    let auth = r
        .header("authorization")
        .map(|a| a.chars().take(16).collect::<String>() + "…");
    println!(
        "   -> {} {}  (authorization: {})",
        r.method,
        r.url,
        auth.unwrap_or_default()
    );
    if !r.body.is_empty() {
        println!(
            "      body {}",
            r.body.replace("4111111111111111", "411111******1111")
        );
    }
}

fn show_outcome(o: &Outcome) {
    match o {
        Outcome::Payment { payment: p } => {
            println!(
                "   <- {} {} state={} final={} provider={:?}{}",
                p.provider_id.as_deref().unwrap_or("?"),
                p.amount.as_deref().unwrap_or(""),
                p.status.state.as_str(),
                p.status.is_final,
                p.status.provider_status.as_deref().unwrap_or(""),
                p.poll_after_seconds
                    .map(|s| format!(" poll again in {s}s"))
                    .unwrap_or_default(),
            );
            if let Some(r) = &p.status.reason {
                println!("      reason {} — {}", r.code, r.message);
            }
            for h in &p.history {
                println!(
                    "      history {} {}",
                    h.code,
                    h.description.as_deref().unwrap_or("")
                );
            }
        }
        Outcome::Balance { balances } => println!("   <- balances {balances:?}"),
        #[allow(unreachable_patterns)]
        other => println!("   <- {other:?}"),
    }
}
