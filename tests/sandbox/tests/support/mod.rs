//! Shared by the e2e test and the demo: the std-only HTTP client, the sandbox process and the
//! scenario runner.

pub mod http;
pub mod runner;
pub mod sandbox;
