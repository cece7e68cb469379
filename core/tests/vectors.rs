#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Runs every shared conformance vector file under `tests/vectors/` (DESIGN §6) through the
//! public API: request/response vectors through `Gateway`, flow vectors (`"kind": "flow"`)
//! through the lifecycle driver.

mod common;

use common::vector_files;
use std::path::Path;

#[test]
fn every_vector_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    assert!(
        !files.is_empty(),
        "no vector files under {}",
        root.display()
    );
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut failures = Vec::new();
    let mut flow_files = 0usize;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let report = if pspkit::conformance::is_flow_file(&text) {
            flow_files += 1;
            pspkit::flow::vectors::run_flow_file(&text)
        } else {
            pspkit::conformance::run_vector_file(&text)
        };
        passed += report.passed();
        failed += report.failed();
        if let Some(e) = &report.file_error {
            failures.push(format!("{}: {e}", f.display()));
        }
        for c in report.cases.iter().filter(|c| c.failure.is_some()) {
            failures.push(format!(
                "{} / {}: {}",
                f.display(),
                c.name,
                c.failure.as_deref().unwrap_or("")
            ));
        }
    }
    assert!(flow_files > 0, "no flow vectors under {}", root.display());
    println!("rust: {passed} passed, {failed} failed");
    assert!(
        failures.is_empty(),
        "{} vector cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
