//! Tiny flag parser: `--name value` pairs plus positional arguments. No dependency needed for
//! five commands.

use std::collections::BTreeMap;

use crate::commands::Failure;

pub struct Args {
    flags: BTreeMap<String, String>,
    switches: Vec<String>,
    pub positional: Vec<String>,
}

impl Args {
    /// `valued` lists the flags that take a value; `switches` those that do not.
    pub fn parse(raw: &[String], valued: &[&str], switches: &[&str]) -> Result<Args, Failure> {
        let mut args = Args {
            flags: BTreeMap::new(),
            switches: Vec::new(),
            positional: Vec::new(),
        };
        let mut it = raw.iter();
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                if valued.contains(&name) {
                    let v = it
                        .next()
                        .ok_or_else(|| Failure::Usage(format!("--{name} needs a value")))?;
                    args.flags.insert(name.to_owned(), v.clone());
                } else if switches.contains(&name) {
                    args.switches.push(name.to_owned());
                } else {
                    return Err(Failure::Usage(format!("unknown option --{name}")));
                }
            } else {
                args.positional.push(a.clone());
            }
        }
        Ok(args)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.flags.get(name).map(String::as_str)
    }

    pub fn require(&self, name: &str) -> Result<&str, Failure> {
        self.get(name)
            .ok_or_else(|| Failure::Usage(format!("--{name} is required")))
    }

    pub fn has(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

/// Reads a file, or stdin for `-`.
pub fn read_input(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| Failure::Usage(format!("cannot read stdin: {e}")))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| Failure::Usage(format!("cannot read {path}: {e}")))
    }
}
