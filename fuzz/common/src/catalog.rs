//! Every valid config and every operation the conformance vectors use, read once.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use pspkit::{Gateway, GatewayConfig, Operation};
use serde_json::Value;

/// Config field names whose values are secrets (tokens, passwords, signing keys).
pub const SECRET_KEYS: &[&str] = &[
    "secret",
    "depositToken",
    "payoutToken",
    "callbackKey",
    "privateKey",
    "merchantControl",
    "depositSecret",
    "cashoutPass",
    "cashoutSecret",
    "reconciliationPassword",
];

/// Secrets that only sign or authenticate and so never go into a request in clear (tokens and
/// passwords do go into headers and bodies by design).
pub const SIGNING_KEYS: &[&str] = &[
    "secret",
    "callbackKey",
    "privateKey",
    "merchantControl",
    "depositSecret",
    "cashoutSecret",
];

/// Secrets shorter than this are not searched for: a one-letter secret "occurs" everywhere.
pub const MIN_SECRET_LEN: usize = 6;

pub struct Catalog {
    /// Valid configs, deduplicated, in the order first seen (files sorted by path).
    pub configs: Vec<GatewayConfig>,
    /// (index into `configs`, operation) for every `build` and flow `create` of the vectors.
    pub ops: Vec<(usize, Operation)>,
}

pub fn vectors_dir() -> PathBuf {
    match std::env::var_os("PSPKIT_VECTORS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors"),
    }
}

pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load(&vectors_dir()))
}

/// Every `*.json` under `dir`, sorted, with its parsed content.
pub fn vector_files(dir: &Path) -> Vec<(PathBuf, Value)> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let v = serde_json::from_str(&text).ok()?;
            Some((p, v))
        })
        .collect()
}

impl Catalog {
    pub fn load(dir: &Path) -> Catalog {
        let mut cat = Catalog {
            configs: Vec::new(),
            ops: Vec::new(),
        };
        for (_, file) in vector_files(dir) {
            let file_config = file.get("config").cloned();
            let cases = file.get("cases").and_then(Value::as_array).cloned();
            for case in cases.unwrap_or_default() {
                let config = case.get("config").cloned().or_else(|| file_config.clone());
                let Some(ci) = config.and_then(|c| cat.config_index(&c)) else {
                    continue;
                };
                for key in ["build", "create"] {
                    let Some(op) = case.get(key) else { continue };
                    if let Ok(op) = serde_json::from_value::<Operation>(op.clone()) {
                        if !cat.ops.iter().any(|(i, o)| *i == ci && *o == op) {
                            cat.ops.push((ci, op));
                        }
                    }
                }
            }
        }
        assert!(
            !cat.configs.is_empty() && !cat.ops.is_empty(),
            "no vectors found under {} (set PSPKIT_VECTORS)",
            dir.display()
        );
        cat
    }

    /// The index of a config (added when new); `None` when the gateway refuses it.
    pub fn config_index(&mut self, json: &Value) -> Option<usize> {
        let config: GatewayConfig = serde_json::from_value(json.clone()).ok()?;
        if let Some(i) = self.configs.iter().position(|c| *c == config) {
            return Some(i);
        }
        Gateway::new(config.clone()).ok()?;
        self.configs.push(config);
        Some(self.configs.len() - 1)
    }

    pub fn find_config(&self, json: &Value) -> Option<usize> {
        let config: GatewayConfig = serde_json::from_value(json.clone()).ok()?;
        self.configs.iter().position(|c| *c == config)
    }

    pub fn find_op(&self, config: usize, op: &Value) -> Option<usize> {
        let op: Operation = serde_json::from_value(op.clone()).ok()?;
        self.ops.iter().position(|(i, o)| *i == config && *o == op)
    }

    pub fn config(&self, i: usize) -> &GatewayConfig {
        &self.configs[i % self.configs.len()]
    }
}

/// The secret values of a config (see [`SECRET_KEYS`]), long enough to search for.
pub fn secrets_of(config: &GatewayConfig, keys: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(v) = serde_json::to_value(config) {
        collect_secrets(&v, keys, &mut out);
    }
    out
}

pub fn collect_secrets(v: &Value, keys: &[&str], out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x {
                    Value::String(s) if keys.contains(&k.as_str()) => {
                        if s.len() >= MIN_SECRET_LEN && !out.contains(s) {
                            out.push(s.clone());
                        }
                    }
                    _ => collect_secrets(x, keys, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_secrets(x, keys, out)),
        _ => {}
    }
}
