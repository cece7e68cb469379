//! End-to-end: every scenario in `tests/scenarios/` through the pspkit core, against the real
//! sandbox binary on a free port, with a std-only HTTP client. Prints one line per scenario and
//! closes with `rust e2e: N passed, M failed`. `PSPKIT_E2E_VERBOSE=1` prints every step.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::runner::Runner;
use support::sandbox::Sandbox;

fn scenario_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            scenario_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

#[test]
fn scenarios_run_end_to_end() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let mut files = Vec::new();
    scenario_files(&root, &mut files);
    assert!(!files.is_empty(), "no scenarios under {}", root.display());

    let sandbox = Sandbox::start();
    let verbose = std::env::var("PSPKIT_E2E_VERBOSE").is_ok_and(|v| v == "1");
    let mut runner = Runner::new(sandbox.base.clone(), "rust".into(), verbose);
    let (mut passed, mut failed) = (0, 0);
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let scenario: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = scenario["name"].as_str().unwrap_or("?").to_owned();
        if verbose {
            println!("== {name}");
        }
        match runner.run(&scenario) {
            Ok(()) => {
                passed += 1;
                println!("ok   {name}");
            }
            Err(e) => {
                failed += 1;
                println!("FAIL {name} ({}): {e}", file.display());
            }
        }
    }
    println!("rust e2e: {passed} passed, {failed} failed");
    assert_eq!(failed, 0, "{failed} scenario(s) failed");
}
