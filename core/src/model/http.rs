//! HTTP as plain data: the core builds requests and reads responses, the host moves the bytes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A request to send (from `build`) or one received (a callback, for `parse_callback`).
/// Header names are lower case on output; `body` is the exact text to send or that was received.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct HttpRequest {
    pub method: String,
    pub url: String,
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub body: String,
}

/// A response as received.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct HttpResponse {
    pub status: u16,
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub body: String,
}

/// Case-insensitive header lookup (hosts may send any case).
pub fn header<'a>(headers: &'a BTreeMap<String, String>, name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

impl HttpRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// The query part of `url` decoded into pairs (for GET callbacks).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        match self.url.split_once('?') {
            Some((_, q)) => crate::url::parse_form(q.split('#').next().unwrap_or("")),
            None => Vec::new(),
        }
    }
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}
