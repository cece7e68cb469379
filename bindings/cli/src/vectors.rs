//! `pspkit vectors DIR...`: every vector file under the given folders (or the files given)
//! (request/response vectors and flow vectors alike) through the Rust API; failures on stderr, the closing line `rust: N passed, M failed` on stdout.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::commands::Failure;

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
    Ok(())
}

pub fn run(raw: &[String]) -> Result<ExitCode, Failure> {
    if raw.is_empty() {
        return Err(Failure::Usage(
            "vectors needs at least one folder or file".into(),
        ));
    }
    let mut files = Vec::new();
    for r in raw {
        collect(Path::new(r), &mut files)?;
    }
    let (mut passed, mut failed) = (0usize, 0usize);
    for f in &files {
        let text = std::fs::read_to_string(f)
            .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", f.display())))?;
        let report = if pspkit::conformance::is_flow_file(&text) {
            pspkit::flow::vectors::run_flow_file(&text)
        } else {
            pspkit::conformance::run_vector_file(&text)
        };
        passed += report.passed();
        failed += report.failed();
        if let Some(e) = &report.file_error {
            eprintln!("FAIL {}: {e}", f.display());
        }
        for c in report.cases.iter().filter(|c| c.failure.is_some()) {
            eprintln!(
                "FAIL {} / {}: {}",
                f.display(),
                c.name,
                c.failure.as_deref().unwrap_or("")
            );
        }
    }
    println!("rust: {passed} passed, {failed} failed");
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
