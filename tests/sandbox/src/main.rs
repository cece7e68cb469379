#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

//! `pspkit-sandbox`: a local HTTP emulator of the payment providers pspkit speaks.
//!
//! It checks credentials and signatures as each provider documents them, keeps orders in
//! memory, moves them through their statuses on a clock that only the admin API advances,
//! sends signed callbacks to loopback URLs, and injects faults on request. Each provider lives
//! under its own path prefix (`http://127.0.0.1:PORT/paystar`, ...) so one process serves all.
//!
//! Usage: `pspkit-sandbox [--port N]` (default 8787; `0` picks a free port). Prints
//! `listening on 127.0.0.1:PORT` once it accepts connections.

mod admin;
mod callbacks;
mod clock;
mod dpay;
mod faults;
mod paystar;
mod server;
mod state;
mod tupay;
mod wire;

use std::io::Write as _;
use std::sync::{Arc, Mutex};

use state::Simulator;

/// The simulators a fresh (or reset) sandbox starts with.
fn simulators() -> Vec<Box<dyn Simulator>> {
    vec![
        Box::new(paystar::Paystar::default()),
        Box::new(dpay::Dpay::default()),
        Box::new(tupay::Tupay::default()),
    ]
}

fn parse_port(args: &[String]) -> Result<u16, String> {
    let mut port: u16 = 8787;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                let v = it.next().ok_or("--port needs a value")?;
                port = v.parse().map_err(|_| format!("bad port {v:?}"))?;
            }
            "-h" | "--help" => {
                return Err("usage: pspkit-sandbox [--port N]   (0 = any free port)".into())
            }
            other => return Err(format!("unknown argument {other:?}; try --help")),
        }
    }
    Ok(port)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let port = match parse_port(&args) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{msg}");
            std::process::exit(64);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            std::process::exit(1);
        }
    };
    let result = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let base = format!("http://{addr}");
        let state = Arc::new(Mutex::new(state::State::new(base, simulators)));
        println!("listening on {addr}");
        let _ = std::io::stdout().flush();
        server::serve(listener, state).await
    });
    if let Err(e) = result {
        eprintln!("sandbox stopped: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::parse_port;

    #[test]
    fn ports() {
        assert_eq!(parse_port(&[]).unwrap(), 8787);
        assert_eq!(parse_port(&["--port".into(), "0".into()]).unwrap(), 0);
        assert!(parse_port(&["--port".into()]).is_err());
        assert!(parse_port(&["--bogus".into()]).is_err());
    }
}
