//! Runs every flow vector file (`tests/vectors/flows/`, top-level `"kind": "flow"`) through the
//! lifecycle driver's public API (`pspkit::flow::vectors::run_flow_file`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

#[test]
fn every_flow_vector_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let flow_files: Vec<_> = files
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            pspkit::conformance::is_flow_file(&text).then_some((p, text))
        })
        .collect();
    assert!(
        !flow_files.is_empty(),
        "no flow vectors under {}",
        root.display()
    );
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut failures = Vec::new();
    for (path, text) in &flow_files {
        let report = pspkit::flow::vectors::run_flow_file(text);
        passed += report.passed();
        failed += report.failed();
        if let Some(e) = &report.file_error {
            failures.push(format!("{}: {e}", path.display()));
        }
        for c in report.cases.iter().filter(|c| c.failure.is_some()) {
            failures.push(format!(
                "{} / {}: {}",
                path.display(),
                c.name,
                c.failure.as_deref().unwrap_or("")
            ));
        }
    }
    println!("rust flows: {passed} passed, {failed} failed");
    assert!(
        failures.is_empty(),
        "{} flow vector cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}
