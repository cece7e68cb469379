//! The shared bench harness: every case is a pair (pspkit, a plain reference doing the same
//! work by hand), timed by criterion in one run, and — when `PSPKIT_BENCH_INSTRUCTIONS=1` —
//! counted in CPU instructions under `valgrind --tool=callgrind`. Instruction counts are the
//! figure to trust on a loaded machine: times move with whatever else runs, counts do not.
//!
//! Each run prints one line per case (pspkit, reference, ratio) and writes the rows to
//! `target/bench/<suite>.json`, which `scripts/bench/readme_table.py` turns into the README table.
#![allow(dead_code)] // each bench binary uses part of it

pub mod reference;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use criterion::{black_box, Criterion, Throughput};

/// One side of a case: runs the work once.
pub type Work<'a> = Box<dyn FnMut() + 'a>;

pub struct Case<'a> {
    /// `[a-z0-9_]` only: it is a directory name and a command-line argument.
    pub name: &'static str,
    pub pspkit: Work<'a>,
    pub reference: Work<'a>,
    /// What the reference does, in a few words (goes to the README).
    pub reference_is: &'static str,
    /// The target as text (`"≤ 2× reference"`, `"≤ 2 µs"`), for the table.
    pub target: &'static str,
    /// Bytes of input one call reads, when a throughput figure makes sense.
    pub bytes: Option<u64>,
}

/// Runs the cases of one suite, or (under callgrind) just one side of one case.
pub fn run(suite: &str, mut cases: Vec<Case<'_>>) {
    if let Ok(spec) = std::env::var("PSPKIT_BENCH_ONE") {
        return run_one(&spec, &mut cases);
    }
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let out = target_dir().join("bench");
    let mut c = Criterion::default()
        .output_directory(&out.join("criterion"))
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .without_plots();
    let count = std::env::var("PSPKIT_BENCH_INSTRUCTIONS").is_ok_and(|v| v == "1");
    let mut rows = Vec::new();
    for case in &mut cases {
        if filter.as_deref().is_some_and(|f| !case.name.contains(f)) {
            continue;
        }
        let mut group = c.benchmark_group(case.name);
        if let Some(b) = case.bytes {
            group.throughput(Throughput::Bytes(b));
        }
        group.bench_function("pspkit", |b| b.iter(|| (case.pspkit)()));
        group.bench_function("reference", |b| b.iter(|| (case.reference)()));
        group.finish();
        let p = median_ns(&out, case.name, "pspkit");
        let r = median_ns(&out, case.name, "reference");
        let (pi, ri) = if count {
            (
                instructions(case.name, "pspkit"),
                instructions(case.name, "reference"),
            )
        } else {
            (None, None)
        };
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) if b > 0.0 => Some(a / b),
            _ => None,
        };
        let row = serde_json::json!({
            "suite": suite,
            "case": case.name,
            "pspkitNs": p,
            "referenceNs": r,
            "ratio": ratio(p, r),
            "pspkitInstructions": pi,
            "referenceInstructions": ri,
            "instructionRatio": ratio(pi, ri),
            "referenceIs": case.reference_is,
            "target": case.target,
            "bytes": case.bytes,
        });
        println!("{}", summary(&row));
        rows.push(row);
    }
    if filter.is_none() || !rows.is_empty() {
        let path = out.join(format!("{suite}.json"));
        let text = serde_json::to_string_pretty(&rows).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("bench: could not write {}: {e}", path.display());
        } else {
            println!("bench: rows written to {}", path.display());
        }
    }
}

fn summary(row: &serde_json::Value) -> String {
    let f = |k: &str| row.get(k).and_then(serde_json::Value::as_f64);
    let time = |ns: Option<f64>| ns.map_or("-".to_owned(), |n| format!("{:.3} µs", n / 1000.0));
    let mut line = format!(
        "{:<32} pspkit {:>12}  reference {:>12}  ratio {}",
        row.get("case").and_then(|c| c.as_str()).unwrap_or(""),
        time(f("pspkitNs")),
        time(f("referenceNs")),
        f("ratio").map_or("-".to_owned(), |r| format!("{r:.2}x")),
    );
    if let (Some(pi), Some(ri)) = (f("pspkitInstructions"), f("referenceInstructions")) {
        line.push_str(&format!(
            "  | instructions {pi:.0} vs {ri:.0} = {:.2}x",
            pi / ri
        ));
    }
    if let (Some(b), Some(p)) = (f("bytes"), f("pspkitNs")) {
        line.push_str(&format!("  | {:.1} MB/s", b / p * 1000.0));
    }
    line
}

fn target_dir() -> PathBuf {
    if let Ok(t) = std::env::var("CARGO_TARGET_DIR") {
        return PathBuf::from(t);
    }
    // benches run with the package directory as cwd; the workspace target is one up.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or_else(|| manifest.join("target"), |p| p.join("target"))
}

fn median_ns(out: &std::path::Path, case: &str, side: &str) -> Option<f64> {
    let path = out
        .join("criterion")
        .join(case)
        .join(side)
        .join("new")
        .join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.pointer("/median/point_estimate")?.as_f64()
}

/// Instructions per call: this binary re-run under callgrind for N1 and N2 calls; the
/// difference over N2 − N1 removes start-up and set-up costs.
fn instructions(case: &str, side: &str) -> Option<f64> {
    let (n1, n2) = (100u64, 1100u64);
    let a = callgrind_total(case, side, n1)?;
    let b = callgrind_total(case, side, n2)?;
    Some((b.saturating_sub(a)) as f64 / (n2 - n1) as f64)
}

fn callgrind_total(case: &str, side: &str, n: u64) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .env("PSPKIT_BENCH_ONE", format!("{case}:{side}:{n}"))
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr
        .lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
}

fn run_one(spec: &str, cases: &mut [Case<'_>]) {
    let mut parts = spec.split(':');
    let (Some(name), Some(side), Some(n)) = (parts.next(), parts.next(), parts.next()) else {
        eprintln!("PSPKIT_BENCH_ONE is case:side:count");
        std::process::exit(2);
    };
    let n: u64 = n.parse().unwrap_or(0);
    let Some(case) = cases.iter_mut().find(|c| c.name == name) else {
        eprintln!("no case {name}");
        std::process::exit(2);
    };
    let work = if side == "pspkit" {
        &mut case.pspkit
    } else {
        &mut case.reference
    };
    for _ in 0..n {
        work();
    }
    black_box(());
}
