//! Starts the sandbox binary on a free port (or uses `PSPKIT_SANDBOX_URL` when a sandbox is
//! already running) and stops it when dropped, even when the test fails.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

pub struct Sandbox {
    pub base: String,
    child: Option<Child>,
}

impl Sandbox {
    pub fn start() -> Sandbox {
        if let Ok(url) = std::env::var("PSPKIT_SANDBOX_URL") {
            if !url.trim().is_empty() {
                return Sandbox {
                    base: url.trim().trim_end_matches('/').to_owned(),
                    child: None,
                };
            }
        }
        // Set for integration tests; examples (the demo) need PSPKIT_SANDBOX_URL instead.
        let Some(bin) = option_env!("CARGO_BIN_EXE_pspkit-sandbox") else {
            eprintln!("PSPKIT_SANDBOX_URL is not set: start with tests/sandbox/with-sandbox.sh");
            std::process::exit(2);
        };
        let mut child = Command::new(bin)
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("start pspkit-sandbox");
        let stdout = child.stdout.take().expect("sandbox stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the sandbox's first line");
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_owned();
        Sandbox {
            base: format!("http://{addr}"),
            child: Some(child),
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(c) = &mut self.child {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}
