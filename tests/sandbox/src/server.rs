//! The HTTP edge: accepts connections on loopback, turns hyper requests into [`Req`], applies
//! request faults, routes to the admin API or a provider simulator, and writes the answer.

use std::collections::BTreeMap;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use crate::admin;
use crate::faults::{FaultKind, DEFAULT_DELAY_MS};
use crate::state::State;
use crate::wire::{Req, Resp};

pub type Shared = Arc<Mutex<State>>;

/// Locks the state; a poisoned lock (a panic elsewhere) still holds usable data.
pub fn lock(state: &Shared) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|p| p.into_inner())
}

/// Bodies above this are refused: nothing a provider API takes comes close.
const MAX_BODY: usize = 1 << 20;

pub async fn serve(listener: TcpListener, state: Shared) -> io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        let _ = stream.set_nodelay(true);
        let state = state.clone();
        tokio::spawn(async move {
            let kill = Arc::new(AtomicBool::new(false));
            let io = TokioIo::new(Killable {
                stream,
                kill: kill.clone(),
            });
            let service = service_fn(move |req| handle(req, state.clone(), kill.clone()));
            // Errors here are client disconnects or the `reset` fault: nothing to report.
            let _ = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(io, service)
                .await;
        });
    }
}

/// The error a service returns to make hyper drop the connection without an answer.
#[derive(Debug)]
struct ResetConnection;

impl std::fmt::Display for ResetConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection reset by the sandbox (fault)")
    }
}

impl std::error::Error for ResetConnection {}

async fn handle(
    request: hyper::Request<Incoming>,
    state: Shared,
    kill: Arc<AtomicBool>,
) -> Result<hyper::Response<Full<Bytes>>, ResetConnection> {
    let req = match read_request(request).await {
        Ok(r) => r,
        Err(resp) => return Ok(to_hyper(resp)),
    };
    if let Some(rest) = req.path.strip_prefix("/__admin") {
        let mut admin_req = req.clone();
        admin_req.path = rest.to_owned();
        return Ok(to_hyper(admin::handle(&admin_req, &state).await));
    }
    let (prefix, rest) = split_prefix(&req.path);
    let mut provider_req = req.clone();
    provider_req.path = rest;

    let fault = lock(&state)
        .faults
        .take_request(&prefix, &req.method, &provider_req.path);
    let fault_kind = fault.as_ref().map(|f| f.kind);
    match fault_kind {
        Some(FaultKind::Status423) => {
            return Ok(to_hyper(Resp::json(
                423,
                r#"{"label":"TEMPORARY_ERROR","message":"There is currently a temporary problem on the gateway side, please try again later","statusDescrption":"0000-1"}"#,
            )))
        }
        Some(FaultKind::Html500) => return Ok(to_hyper(Resp::gateway_page(500))),
        Some(FaultKind::Html502) => return Ok(to_hyper(Resp::gateway_page(502))),
        Some(FaultKind::Reset) if !fault.as_ref().is_some_and(|f| f.apply) => {
            kill.store(true, Ordering::SeqCst);
            return Err(ResetConnection);
        }
        _ => {}
    }
    let resp = lock(&state).handle(&prefix, &provider_req);
    let resp = resp.unwrap_or_else(|| Resp::text(404, format!("no provider at /{prefix}")));
    match fault {
        Some(f) if f.kind == FaultKind::Delay => {
            tokio::time::sleep(Duration::from_millis(f.ms.unwrap_or(DEFAULT_DELAY_MS))).await;
        }
        Some(f) if f.kind == FaultKind::Reset => {
            kill.store(true, Ordering::SeqCst);
            return Err(ResetConnection);
        }
        _ => {}
    }
    Ok(to_hyper(resp))
}

fn split_prefix(path: &str) -> (String, String) {
    let trimmed = path.trim_start_matches('/');
    match trimmed.split_once('/') {
        Some((p, rest)) => (p.to_owned(), format!("/{rest}")),
        None => (trimmed.to_owned(), "/".to_owned()),
    }
}

async fn read_request(request: hyper::Request<Incoming>) -> Result<Req, Resp> {
    let (parts, body) = request.into_parts();
    let mut headers = BTreeMap::new();
    for (name, value) in &parts.headers {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        headers
            .entry(name.as_str().to_ascii_lowercase())
            .and_modify(|v: &mut String| {
                v.push_str(", ");
                v.push_str(&value);
            })
            .or_insert(value);
    }
    let bytes = http_body_util::Limited::new(body, MAX_BODY)
        .collect()
        .await
        .map_err(|_| Resp::text(413, "request body too large or broken"))?
        .to_bytes();
    let body = String::from_utf8(bytes.to_vec())
        .map_err(|_| Resp::text(400, "request body is not UTF-8"))?;
    Ok(Req {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or("").to_owned(),
        headers,
        body,
    })
}

fn to_hyper(resp: Resp) -> hyper::Response<Full<Bytes>> {
    let mut builder = hyper::Response::builder().status(resp.status);
    if let Some(ct) = resp.content_type {
        builder = builder.header("content-type", ct);
    }
    for (k, v) in &resp.headers {
        builder = builder.header(k.as_str(), v.as_str());
    }
    builder
        .body(Full::new(Bytes::from(resp.body)))
        .unwrap_or_else(|_| {
            let mut fallback = hyper::Response::new(Full::new(Bytes::from_static(
                b"sandbox could not encode its answer",
            )));
            *fallback.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
            fallback
        })
}

/// A TCP stream that can be made to end with a reset (RST) instead of an orderly close:
/// once `kill` is set, reads and writes fail and dropping the stream sets `SO_LINGER` to 0,
/// which makes the kernel send RST — what a client sees when a provider's balancer drops it.
struct Killable {
    stream: TcpStream,
    kill: Arc<AtomicBool>,
}

impl Killable {
    fn killed(&self) -> bool {
        self.kill.load(Ordering::SeqCst)
    }
}

fn reset_error() -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionReset, "sandbox reset fault")
}

impl Drop for Killable {
    fn drop(&mut self) {
        if self.killed() {
            let _ = socket2::SockRef::from(&self.stream).set_linger(Some(Duration::ZERO));
        }
    }
}

impl AsyncRead for Killable {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.killed() {
            return Poll::Ready(Err(reset_error()));
        }
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Killable {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.killed() {
            return Poll::Ready(Err(reset_error()));
        }
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.killed() {
            return Poll::Ready(Err(reset_error()));
        }
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.killed() {
            return Poll::Ready(Err(reset_error()));
        }
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::split_prefix;

    #[test]
    fn prefix_split() {
        assert_eq!(
            split_prefix("/paystar/api/v1/x"),
            ("paystar".into(), "/api/v1/x".into())
        );
        assert_eq!(split_prefix("/dpay"), ("dpay".into(), "/".into()));
    }
}
