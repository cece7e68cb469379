//! Delivering callbacks to the merchant: a plain HTTP/1.1 POST to a loopback address.
//!
//! The sandbox only ever calls 127.0.0.0/8, `localhost` or `[::1]`: it must never become a tool
//! that posts to arbitrary hosts. The pspkit core requires `https://` callback URLs (as real
//! providers do), and loopback has no certificate, so an `https://` loopback URL is delivered
//! over plain HTTP to the same host, port and path; `http://` loopback URLs are accepted too.

use std::time::Duration;

use serde::Serialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long the merchant gets to answer a callback.
const REPLY_TIMEOUT: Duration = Duration::from_secs(5);

/// A callback ready to send.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outgoing {
    pub provider: &'static str,
    /// The provider's order id, used to group callbacks of one order.
    pub order_id: String,
    /// `POST` with a body (PayStar) or a bare `GET` (DPay's `status_url`).
    pub method: &'static str,
    pub url: String,
    pub content_type: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// What happened when a callback was sent.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    #[serde(flatten)]
    pub callback: Outgoing,
    pub at: String,
    pub reply_status: Option<u16>,
    pub reply_body: Option<String>,
    pub error: Option<String>,
}

/// A loopback target: host for the `Host` header, address to connect to, request path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub host_header: String,
    pub connect: String,
    pub path: String,
}

/// Parses a callback URL and refuses anything that is not loopback.
pub fn loopback_target(url: &str) -> Result<Target, String> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| "callback URL must be http(s)://".to_owned())?;
    let (authority, path) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, "/"),
    };
    let path = if path.starts_with('?') {
        format!("/{path}")
    } else {
        path.to_owned()
    };
    if authority.contains('@') {
        return Err("callback URL must not carry credentials".into());
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, after) = v6
            .split_once(']')
            .ok_or_else(|| "bad IPv6 host".to_owned())?;
        (format!("[{h}]"), after.strip_prefix(':').unwrap_or("80"))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_owned(), p),
            None => (authority.to_owned(), "80"),
        }
    };
    let port: u16 = port
        .parse()
        .map_err(|_| format!("bad port in callback URL {url:?}"))?;
    let lower = host.to_ascii_lowercase();
    let loopback = lower == "localhost"
        || lower == "[::1]"
        || lower
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback());
    if !loopback {
        return Err(format!(
            "the sandbox only calls loopback addresses, not {host:?}"
        ));
    }
    let connect_host = if lower == "localhost" {
        "127.0.0.1".to_owned()
    } else {
        lower
    };
    Ok(Target {
        host_header: authority.to_owned(),
        connect: format!("{connect_host}:{port}"),
        path,
    })
}

/// Sends one callback and records the merchant's reply (or why there was none).
pub async fn deliver(callback: Outgoing, at: String) -> Delivery {
    let result = tokio::time::timeout(REPLY_TIMEOUT, send(&callback)).await;
    let (reply_status, reply_body, error) = match result {
        Ok(Ok((status, body))) => (Some(status), Some(body), None),
        Ok(Err(e)) => (None, None, Some(e)),
        Err(_) => (
            None,
            None,
            Some("merchant did not answer in time".to_owned()),
        ),
    };
    Delivery {
        callback,
        at,
        reply_status,
        reply_body,
        error,
    }
}

async fn send(callback: &Outgoing) -> Result<(u16, String), String> {
    let target = loopback_target(&callback.url)?;
    let mut stream = TcpStream::connect(&target.connect)
        .await
        .map_err(|e| format!("connect {}: {e}", target.connect))?;
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nUser-Agent: pspkit-sandbox\r\n",
        callback.method, target.path, target.host_header,
    );
    if callback.method != "GET" {
        head.push_str(&format!(
            "Content-Type: {}\r\nContent-Length: {}\r\n",
            callback.content_type,
            callback.body.len()
        ));
    }
    for (k, v) in &callback.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    stream
        .write_all(callback.body.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .await
        .map_err(|e| e.to_string())?;
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> Result<(u16, String), String> {
    let text = String::from_utf8_lossy(raw);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| "merchant's reply is not HTTP".to_owned())?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_only() {
        let t = loopback_target("https://127.0.0.1:8443/cb?x=1").unwrap();
        assert_eq!(t.connect, "127.0.0.1:8443");
        assert_eq!(t.path, "/cb?x=1");
        assert_eq!(
            loopback_target("http://localhost:9/").unwrap().connect,
            "127.0.0.1:9"
        );
        assert_eq!(loopback_target("http://[::1]:9").unwrap().path, "/");
        assert!(loopback_target("http://127.8.0.1:9/a").is_ok());
        assert!(loopback_target("https://merch.com/callback").is_err());
        assert!(loopback_target("http://10.0.0.1:80/").is_err());
        assert!(loopback_target("http://127.0.0.1.evil.com/").is_err());
        assert!(loopback_target("http://user@127.0.0.1:1/").is_err());
        assert!(loopback_target("ftp://127.0.0.1/").is_err());
    }

    #[test]
    fn reply_is_read() {
        let (s, b) = parse_reply(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK").unwrap();
        assert_eq!((s, b.as_str()), (200, "OK"));
        assert!(parse_reply(b"garbage").is_err());
    }
}
