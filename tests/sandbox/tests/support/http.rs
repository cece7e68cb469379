//! A tiny HTTP/1.1 client and callback receiver on `std::net` only: enough for the e2e runner
//! to talk to the sandbox on loopback before any language's Client exists.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::time::Duration;

use pspkit::{HttpRequest, HttpResponse};

/// Why no answer came back: the runner reports these as the error code `transport`.
#[derive(Debug)]
pub struct TransportError(pub String);

struct Url {
    host: String,
    path: String,
}

fn split_url(url: &str) -> Result<Url, TransportError> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| TransportError(format!("only http:// is supported here: {url}")))?;
    let (host, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, "/"),
    };
    Ok(Url {
        host: host.to_owned(),
        path: path.to_owned(),
    })
}

/// Sends `req` and waits at most `timeout` for each read.
pub fn send(req: &HttpRequest, timeout: Duration) -> Result<HttpResponse, TransportError> {
    let url = split_url(&req.url)?;
    let addr = url
        .host
        .to_socket_addrs()
        .map_err(|e| TransportError(e.to_string()))?
        .next()
        .ok_or_else(|| TransportError("no address".into()))?;
    let mut stream =
        TcpStream::connect_timeout(&addr, timeout).map_err(|e| TransportError(e.to_string()))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|_| stream.set_write_timeout(Some(timeout)))
        .map_err(|e| TransportError(e.to_string()))?;
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: {}\r\n",
        req.method, url.path, url.host
    );
    for (k, v) in &req.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !req.body.is_empty() || req.method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", req.body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    stream
        .write_all(head.as_bytes())
        .and_then(|_| stream.write_all(req.body.as_bytes()))
        .map_err(|e| TransportError(e.to_string()))?;
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .map_err(|e| TransportError(format!("{:?}: {e}", e.kind())))?;
    parse_response(&raw)
}

fn parse_head(text: &str) -> (String, BTreeMap<String, String>) {
    let mut lines = text.split("\r\n");
    let first = lines.next().unwrap_or("").to_owned();
    let mut headers = BTreeMap::new();
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
    (first, headers)
}

fn parse_response(raw: &[u8]) -> Result<HttpResponse, TransportError> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| TransportError("connection closed before the answer's head".into()))?;
    let (first, headers) = parse_head(&String::from_utf8_lossy(&raw[..split]));
    let status = first
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| TransportError(format!("bad status line {first:?}")))?;
    let mut body = raw[split + 4..].to_vec();
    if let Some(len) = headers
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok())
    {
        if body.len() < len {
            return Err(TransportError("connection closed mid-body".into()));
        }
        body.truncate(len);
    }
    Ok(HttpResponse {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// Reads one request from an accepted connection (head + `Content-Length` body).
pub fn read_request(stream: &mut TcpStream, port: u16) -> Option<HttpRequest> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    let split = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let (first, headers) = parse_head(&String::from_utf8_lossy(&raw[..split]));
    let mut parts = first.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let len: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = raw[split + 4..].to_vec();
    while body.len() < len {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&buf[..n]);
    }
    Some(HttpRequest {
        method,
        url: format!("https://127.0.0.1:{port}{path}"),
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

pub fn write_reply(stream: &mut TcpStream, status: u16, body: &str) {
    let _ = write!(
        stream,
        "HTTP/1.1 {status} X\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// A loopback listener on a free port.
pub fn listen() -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind callback receiver");
    let port = listener.local_addr().expect("local addr").port();
    (listener, port)
}
