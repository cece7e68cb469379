//! `pspkit`: the core from a shell (DESIGN §2). Canonical JSON in (files or `-` for stdin),
//! result JSON on stdout. A `PspError` is printed as JSON with exit code 2; usage errors exit 64.

mod args;
mod commands;
mod vectors;

use std::process::ExitCode;

pub const EXIT_PSP_ERROR: u8 = 2;
pub const EXIT_USAGE: u8 = 64;

const USAGE: &str = "usage:
  pspkit build    --config C --op O [--now T] [--nonce N]
  pspkit parse    --config C --op O --response R
  pspkit callback --config C --request Q [--now T]
  pspkit vectors  DIR_OR_FILE...
  pspkit history  [--json] CODE...
Files may be '-' for stdin. Results are JSON on stdout; a PspError is JSON with exit code 2.";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = argv.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(EXIT_USAGE);
    };
    let result = match command.as_str() {
        "build" => commands::build(rest),
        "parse" => commands::parse(rest),
        "callback" => commands::callback(rest),
        "vectors" => vectors::run(rest),
        "history" => commands::history(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(commands::Failure::Usage(format!(
            "unknown command {other:?}"
        ))),
    };
    match result {
        Ok(code) => code,
        Err(commands::Failure::Usage(msg)) => {
            eprintln!("pspkit: {msg}\n{USAGE}");
            ExitCode::from(EXIT_USAGE)
        }
        Err(commands::Failure::Psp(err)) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&err).unwrap_or_else(|_| err.to_string())
            );
            ExitCode::from(EXIT_PSP_ERROR)
        }
    }
}
