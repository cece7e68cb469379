//! Bulk: an NDJSON file of PayStar status answers read through `pspkit::bulk` against a plain
//! reference (split lines, serde_json into a borrowed typed struct), in MB/s.
//! Criterion times a 10,000-answer block; then one pass over 1,000,000 generated answers
//! (about 400 MB, generated on the fly, never held) reports throughput and the peak RSS.
//! Run: `make bench-rust` (or `cargo bench -p pspkit --bench bulk`).

mod harness;

use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

use criterion::black_box;
use harness::reference::RefOrder;
use pspkit::{Gateway, Operation, OrderRef};

const STATUSES: [&str; 5] = ["Success", "Failed", "Processing", "Created", "Success"];

/// Line `i` of the generated file: a status answer like the hot-path bench's, with its own ids,
/// amount and status.
fn answer(i: u64, out: &mut Vec<u8>) {
    use std::io::Write as _;
    let status = STATUSES.get((i % 5) as usize).copied().unwrap_or("Success");
    let _ = writeln!(
        out,
        r#"{{"externalId":"ad66a2ff-97d1-47c5-8552-{i:012}","externalTransactionId":"M-{i}","orderStatus":"{status}","amount":{}.{:02},"currency":"RUB","externalParams":{{"cardToken":null,"cardStorageToken":null,"cardHolder":"JOHN WEAK","cardNumber":"123456****1234"}},"orderHistory":[{{"time":"2025-07-28T09:29:51.339832","action":"1.1.0.0"}},{{"time":"2025-07-28T09:29:52.339832","action":"4.1.3.00"}}]}}"#,
        100 + i % 9000,
        i % 100
    );
}

/// A `Read` that writes `count` answers as they are asked for: a large file without the disk.
struct Generated {
    next: u64,
    count: u64,
    buf: Vec<u8>,
    at: usize,
}

impl Read for Generated {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.buf.len() {
            if self.next == self.count {
                return Ok(0);
            }
            self.buf.clear();
            self.at = 0;
            while self.buf.len() < 64 * 1024 && self.next < self.count {
                answer(self.next, &mut self.buf);
                self.next += 1;
            }
        }
        let rest = self.buf.get(self.at..).unwrap_or_default();
        let n = rest.len().min(out.len());
        out.get_mut(..n)
            .unwrap_or_default()
            .copy_from_slice(rest.get(..n).unwrap_or_default());
        self.at += n;
        Ok(n)
    }
}

fn generated(count: u64) -> BufReader<Generated> {
    BufReader::with_capacity(
        64 * 1024,
        Generated {
            next: 0,
            count,
            buf: Vec::new(),
            at: 0,
        },
    )
}

fn status_op() -> Operation {
    Operation::GetDeposit(OrderRef::default())
}

/// pspkit: every answer through `bulk::lines`; returns (answers read, bytes).
fn pspkit_pass(gateway: &Gateway, reader: impl BufRead) -> (u64, u64) {
    let mut ok = 0;
    for item in pspkit::bulk::lines(gateway, status_op(), reader) {
        if black_box(item.outcome).is_ok() {
            ok += 1;
        }
    }
    (ok, 0)
}

/// The reference: split lines in the reader's buffer, serde_json into the borrowed struct.
fn reference_pass(mut reader: impl BufRead) -> u64 {
    let mut ok = 0;
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return ok,
            Ok(_) => {
                if black_box(serde_json::from_str::<RefOrder<'_>>(line.trim_end())).is_ok() {
                    ok += 1;
                }
            }
        }
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn main() {
    let gateway = match Gateway::from_json(r#"{"provider":"paystar","depositToken":"t"}"#) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("config: {e}");
            std::process::exit(1);
        }
    };
    const BLOCK: u64 = 10_000;
    let mut block = Vec::new();
    for i in 0..BLOCK {
        answer(i, &mut block);
    }
    let (ok, _) = pspkit_pass(&gateway, block.as_slice());
    let reference_ok = reference_pass(block.as_slice());
    if ok != BLOCK || reference_ok != BLOCK {
        eprintln!("bulk setup: pspkit read {ok}, the reference {reference_ok} of {BLOCK}");
        std::process::exit(1);
    }
    let bytes = block.len() as u64;
    let cases = vec![harness::Case {
        name: "bulk_ndjson_10k_status_answers",
        pspkit: Box::new(|| {
            black_box(pspkit_pass(&gateway, black_box(block.as_slice())));
        }),
        reference: Box::new(|| {
            black_box(reference_pass(black_box(block.as_slice())));
        }),
        reference_is: "read_line + serde_json into a borrowed typed struct",
        target: "≥ 50 MB/s",
        bytes: Some(bytes),
    }];
    harness::run("rust_bulk", cases);
    if std::env::var("PSPKIT_BENCH_ONE").is_ok() {
        return;
    }

    // One full reconciliation-sized pass, then the same input through the reference.
    let count: u64 = std::env::var("PSPKIT_BULK_ANSWERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let rss_before = peak_rss_kib();
    let mut size = 0u64;
    let mut sizer = generated(count);
    while let Ok(buf) = sizer.fill_buf() {
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        size += n as u64;
        sizer.consume(n);
    }
    let t = Instant::now();
    let (read, _) = pspkit_pass(&gateway, generated(count));
    let pspkit_ns = t.elapsed().as_nanos() as f64;
    let rss_after = peak_rss_kib();
    let t = Instant::now();
    let reference_read = reference_pass(generated(count));
    let reference_ns = t.elapsed().as_nanos() as f64;
    let mbs = |ns: f64| size as f64 / ns * 1000.0;
    println!(
        "bulk 1M: {read} of {count} answers, {:.0} MB: pspkit {:.1} s = {:.1} MB/s, reference ({reference_read}) {:.1} s = {:.1} MB/s, ratio {:.2}x; peak RSS {} KiB before, {} KiB after",
        size as f64 / 1e6,
        pspkit_ns / 1e9,
        mbs(pspkit_ns),
        reference_ns / 1e9,
        mbs(reference_ns),
        pspkit_ns / reference_ns,
        rss_before.unwrap_or(0),
        rss_after.unwrap_or(0),
    );
    let row = serde_json::json!([{
        "suite": "rust_bulk_full",
        "case": format!("bulk_ndjson_{count}_answers"),
        "pspkitNs": pspkit_ns,
        "referenceNs": reference_ns,
        "ratio": pspkit_ns / reference_ns,
        "referenceIs": "read_line + serde_json into a borrowed typed struct",
        "target": "≥ 50 MB/s, bounded memory",
        "bytes": size,
        "peakRssKib": rss_after,
        "answers": count,
    }]);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/bench/rust_bulk_full.json");
    let _ = std::fs::write(path, row.to_string());
}
