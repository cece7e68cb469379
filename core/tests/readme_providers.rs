#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Keeps the README's provider table equal to what `capabilities()` reports. Each provider's
//! config is taken from its own conformance vectors, so no config is invented here.
//! Regenerate with `UPDATE_README=1 cargo test -p pspkit --test readme_providers`.

use std::path::Path;

const BEGIN: &str =
    "<!-- providers:begin (generated from capabilities(); see core/tests/readme_providers.rs) -->";
const END: &str = "<!-- providers:end -->";

fn first_config(dir: &Path, provider: &str) -> Option<serde_json::Value> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        if f.is_dir() {
            if let Some(c) = first_config(&f, provider) {
                return Some(c);
            }
            continue;
        }
        if f.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f).ok()?).ok()?;
        let candidates = std::iter::once(v.get("config")).chain(
            v.get("cases")
                .and_then(|c| c.as_array())
                .into_iter()
                .flatten()
                .map(|c| c.get("config")),
        );
        for c in candidates.flatten() {
            if c.get("provider").and_then(|p| p.as_str()) == Some(provider)
                && pspkit::Gateway::from_json(&c.to_string()).is_ok()
            {
                return Some(c.clone());
            }
        }
    }
    None
}

fn table(root: &Path) -> String {
    let providers = [
        "paystar",
        "paystar_butler",
        "paystar_corefy",
        "paystar_paynet",
        "tupay",
        "dpay",
    ];
    let mut out = String::from("| provider | operations | callbacks |\n|---|---|---|\n");
    for p in providers {
        let config = first_config(&root.join("tests/vectors"), p)
            .unwrap_or_else(|| panic!("no usable {p} config in tests/vectors"));
        let caps = pspkit::Gateway::from_json(&config.to_string())
            .unwrap()
            .capabilities();
        assert_eq!(caps.provider, p);
        let ops: Vec<String> = caps.operations.iter().map(|o| format!("`{o}`")).collect();
        let cbs: Vec<String> = caps.callbacks.iter().map(|o| format!("`{o}`")).collect();
        out.push_str(&format!(
            "| `{p}` | {} | {} |\n",
            ops.join(", "),
            if cbs.is_empty() {
                "–".into()
            } else {
                cbs.join(", ")
            }
        ));
    }
    out
}

#[test]
fn readme_provider_table_matches_capabilities() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme_path = root.join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let generated = format!("{BEGIN}\n{}{END}", table(&root));
    let (start, end) = (readme.find(BEGIN), readme.find(END));
    let current = match (start, end) {
        (Some(s), Some(e)) if e > s => &readme[s..e + END.len()],
        _ => "",
    };
    if current == generated {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() && !current.is_empty() {
        std::fs::write(&readme_path, readme.replacen(current, &generated, 1)).unwrap();
        return;
    }
    panic!("README provider table is out of date; run UPDATE_README=1 cargo test -p pspkit --test readme_providers\nexpected:\n{generated}");
}
