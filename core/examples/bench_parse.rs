//! Per-call cost of `Gateway::parse` on a PayStar status answer (native Rust), the number the
//! bindings' benchmarks are compared with. A benchmark, not a test:
//! `cargo run --release -p pspkit --example bench_parse`.

use std::time::Instant;

use pspkit::{Gateway, HttpResponse, Operation, OrderRef};

const BODY: &str = r#"{"externalId":"ad66a2ff-97d1-47c5-8552-53752a51f031","orderStatus":"Success","amount":2600.00,"externalParams":{"cardToken":null,"cardStorageToken":null,"cardHolder":null,"cardNumber":null},"orderHistory":[{"time":"2025-07-28T09:29:51.339832","action":"1.1.0.0"},{"time":"2025-07-28T09:29:52.339832","action":"4.1.0.0"}]}"#;

fn main() -> Result<(), pspkit::PspError> {
    let gw = Gateway::from_json(r#"{"provider":"paystar","depositToken":"t"}"#)?;
    let op = Operation::GetDeposit(OrderRef::by_provider_id(
        "ad66a2ff-97d1-47c5-8552-53752a51f031",
    ));
    let resp = HttpResponse {
        status: 200,
        headers: Default::default(),
        body: BODY.into(),
    };
    let n = 200_000u32;
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(gw.parse(&op, std::hint::black_box(&resp))?);
        }
        best = best.min(t.elapsed().as_secs_f64() / f64::from(n) * 1e6);
    }
    println!(
        "paystar status parse ({} bytes): {best:.2} µs/call (best of 5 x {n})",
        BODY.len()
    );
    Ok(())
}
