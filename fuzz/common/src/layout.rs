//! The byte layout of each target's input: a few selector bytes, then text. The seed generator
//! writes the same layouts, so seeds start from real vector cases.

use std::collections::BTreeMap;

use pspkit::{HttpRequest, HttpResponse};

/// `parse`: `[op index: u16 BE][status: u16 BE][content-type selector][body...]`.
pub struct ParseInput {
    pub op: usize,
    pub response: HttpResponse,
}

const CONTENT_TYPES: &[&str] = &[
    "application/json",
    "text/html",
    "application/x-www-form-urlencoded",
    "text/plain",
];

impl ParseInput {
    pub fn decode(data: &[u8]) -> Option<ParseInput> {
        let [a, b, c, d, t, body @ ..] = data else {
            return None;
        };
        let mut headers = BTreeMap::new();
        if let Some(ct) = CONTENT_TYPES.get(usize::from(*t)) {
            headers.insert("content-type".to_owned(), (*ct).to_owned());
        }
        Some(ParseInput {
            op: usize::from(u16::from_be_bytes([*a, *b])),
            response: HttpResponse {
                status: u16::from_be_bytes([*c, *d]) % 1000,
                headers,
                body: String::from_utf8_lossy(body).into_owned(),
            },
        })
    }

    pub fn encode(op: usize, response: &HttpResponse) -> Vec<u8> {
        let ct = response
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.to_ascii_lowercase());
        let t = ct
            .and_then(|ct| CONTENT_TYPES.iter().position(|c| ct.starts_with(c)))
            .unwrap_or(CONTENT_TYPES.len());
        let mut out = Vec::new();
        out.extend((op as u16).to_be_bytes());
        out.extend(response.status.to_be_bytes());
        out.push(t as u8);
        out.extend(response.body.as_bytes());
        out
    }
}

/// `parse_callback`: `[config index][flags][url] 0x00 [signature header] 0x00 [body...]`.
/// Flag bit 0: recompute the provider's real signature over the (mutated) fields; bits 1-2:
/// method (POST, GET, PUT, the seed's).
pub struct CallbackInput {
    pub config: usize,
    pub sign: bool,
    pub request: HttpRequest,
}

const METHODS: &[&str] = &["POST", "GET", "PUT", "post"];

impl CallbackInput {
    pub fn decode(data: &[u8]) -> Option<CallbackInput> {
        let [c, flags, rest @ ..] = data else {
            return None;
        };
        let mut parts = rest.splitn(3, |b| *b == 0);
        let url = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let sig = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let body = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let mut headers = BTreeMap::new();
        headers.insert("content-type".to_owned(), "application/json".to_owned());
        if !sig.is_empty() {
            headers.insert("signature".to_owned(), sig);
        }
        let method = METHODS[usize::from((flags >> 1) & 3)].to_owned();
        Some(CallbackInput {
            config: usize::from(*c),
            sign: flags & 1 == 1,
            request: HttpRequest {
                method,
                url,
                headers,
                body,
            },
        })
    }

    pub fn encode(config: usize, sign: bool, request: &HttpRequest) -> Vec<u8> {
        let m = METHODS
            .iter()
            .position(|m| *m == request.method)
            .or_else(|| {
                METHODS
                    .iter()
                    .position(|m| m.eq_ignore_ascii_case(&request.method))
            })
            .unwrap_or(0) as u8;
        let sig = request
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("signature"))
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        let mut out = vec![config as u8, u8::from(sign) | (m << 1)];
        out.extend(request.url.as_bytes());
        out.push(0);
        out.extend(sig.as_bytes());
        out.push(0);
        out.extend(request.body.as_bytes());
        out
    }
}

/// `operation_json` and `flow_resume`: `[config index][JSON text...]`.
pub fn split_selector(data: &[u8]) -> Option<(usize, String)> {
    let [c, rest @ ..] = data else {
        return None;
    };
    Some((usize::from(*c), String::from_utf8_lossy(rest).into_owned()))
}

pub fn with_selector(index: usize, text: &str) -> Vec<u8> {
    let mut out = vec![index as u8];
    out.extend(text.as_bytes());
    out
}
