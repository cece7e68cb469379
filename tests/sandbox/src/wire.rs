//! Requests and answers as plain values: the simulators see a parsed request and return an
//! answer; only `server.rs` touches hyper. Keeping the HTTP library at the edge lets every
//! provider simulator be a synchronous function over the shared state.

use std::collections::BTreeMap;

/// A request as received, with the provider's prefix (`/paystar`) already removed from `path`.
#[derive(Debug, Clone, Default)]
pub struct Req {
    pub method: String,
    pub path: String,
    pub query: String,
    /// Lower-case names.
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// Decoded query pairs.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        pspkit::url::parse_form(&self.query)
    }

    pub fn query_value(&self, key: &str) -> Option<String> {
        self.query_pairs()
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Path split into segments, without empty ones (so a trailing slash does not matter).
    pub fn segments(&self) -> Vec<&str> {
        self.path.split('/').filter(|s| !s.is_empty()).collect()
    }
}

/// An answer. `body` is sent byte for byte; `content_type` is omitted when `None` (PayStar's
/// 401/403 come with no body and no type).
#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub content_type: Option<&'static str>,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn json(status: u16, body: impl Into<String>) -> Resp {
        Resp {
            status,
            content_type: Some("application/json; charset=utf-8"),
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn json_value(status: u16, value: &serde_json::Value) -> Resp {
        Resp::json(status, value.to_string())
    }

    pub fn empty(status: u16) -> Resp {
        Resp {
            status,
            content_type: None,
            headers: Vec::new(),
            body: String::new(),
        }
    }

    pub fn text(status: u16, body: impl Into<String>) -> Resp {
        Resp {
            status,
            content_type: Some("text/plain; charset=utf-8"),
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn html(status: u16, body: impl Into<String>) -> Resp {
        Resp {
            status,
            content_type: Some("text/html; charset=utf-8"),
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// The page a load balancer in front of a provider shows on 500/502: what clients must
    /// survive as `temporarily_unavailable`, never parse as JSON.
    pub fn gateway_page(status: u16) -> Resp {
        let title = match status {
            502 => "502 Bad Gateway",
            503 => "503 Service Temporarily Unavailable",
            _ => "500 Internal Server Error",
        };
        Resp::html(
            status,
            format!(
                "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            ),
        )
    }
}
