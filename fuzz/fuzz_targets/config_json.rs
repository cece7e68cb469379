//! `Gateway::from_json` over arbitrary config text. Errors never echo the config's secrets; an
//! accepted config round-trips through JSON and its `Debug` (and the gateway's) does not depend
//! on the secrets at all. Pending (issue 11 item 4): every operation of the vectors for that
//! provider builds into a request with clean URL and headers, an https (or loopback) base URL
//! without userinfo, and no blank credential.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pspkit::{Context, Gateway, GatewayConfig};
use pspkit_fuzz_common::catalog::{collect_secrets, SECRET_KEYS};
use pspkit_fuzz_common::{catalog, check};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = serde_json::from_str::<Value>(&text).ok();
    let mut secrets = Vec::new();
    let mut public = String::new();
    // The same config with every secret replaced: what the core says about it is its own
    // wording and the public fields, which a secret's text may coincide with.
    let mut replaced = None;
    if let Some(v) = &parsed {
        collect_secrets(v, SECRET_KEYS, &mut secrets);
        public_text(v, &mut public);
        // A secret's text that the raw input carries more often than as secret values (a
        // duplicate key, another field) is public too.
        let mut values = Vec::new();
        secret_values(v, &mut values);
        for s in &secrets {
            let as_secret = values
                .iter()
                .map(|x| x.matches(s.as_str()).count())
                .sum::<usize>();
            if text.matches(s.as_str()).count() > as_secret {
                public.push_str(s);
                public.push('\u{1}');
            }
        }
        let mut r = v.clone();
        replace_secrets(&mut r);
        replaced = Some(r);
    }
    let gateway = match Gateway::from_json(&text) {
        Ok(g) => g,
        Err(e) => {
            if let Some(Err(o)) = replaced
                .as_ref()
                .map(|r| Gateway::from_json(&r.to_string()))
            {
                public.push_str(&o.message);
            }
            // A secret whose text the message holds even when that secret is another value of
            // the same length is the core's wording (or another field's), not an echo: e.g. a
            // `cashoutSecret` of "outPass: must be at most 32 ch" beside a too-long
            // `cashoutPass` (fuzz/regressions/config_json-secret-equals-wording).
            if let Some(v) = &parsed {
                for s in secrets.iter().filter(|s| e.message.contains(s.as_str())) {
                    let mut other = v.clone();
                    replace_secret_text(&mut other, s);
                    if let Err(o) = Gateway::from_json(&other.to_string()) {
                        if o.message.contains(s.as_str()) {
                            public.push_str(s);
                            public.push('\u{1}');
                        }
                    }
                }
            }
            return check::error_ok(&e, &secrets, &public);
        }
    };
    let Ok(config) = serde_json::from_str::<GatewayConfig>(&text) else {
        panic!("Gateway::from_json accepted a config GatewayConfig does not read");
    };
    check::roundtrip("config", &config);
    if let Some(Ok(other)) = replaced.map(serde_json::from_value::<GatewayConfig>) {
        assert_eq!(
            format!("{config:?}"),
            format!("{other:?}"),
            "config Debug shows a secret"
        );
        if let Ok(g) = Gateway::new(other) {
            assert_eq!(
                format!("{gateway:?}"),
                format!("{g:?}"),
                "gateway Debug shows a secret"
            );
        }
    }
    if !check::pending() {
        return;
    }
    let cat = catalog();
    let ctx = Context {
        now: Some("2026-01-01T00:00:00Z".into()),
        nonce: Some("fuzz-nonce-0001".into()),
    };
    let same = cat
        .ops
        .iter()
        .filter(|(i, _)| cat.config(*i).provider_id() == config.provider_id());
    for (_, op) in same.take(12) {
        match gateway.build(op, &ctx) {
            Ok(req) => {
                check::request_is_clean(&req, &[], "");
                check::url_is_safe(&req.url);
            }
            Err(e) => check::error_ok(&e, &secrets, &public),
        }
    }
});

fn public_text(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.push_str(k);
                out.push('\u{1}');
                if !(SECRET_KEYS.contains(&k.as_str()) && x.is_string()) {
                    public_text(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| public_text(x, out)),
        other => {
            out.push_str(&other.to_string());
            out.push_str(other.as_str().unwrap_or_default());
            out.push('\u{1}');
        }
    }
}

fn replace_secrets(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if SECRET_KEYS.contains(&k.as_str()) && x.is_string() {
                    *x = Value::String("replaced-secret-value".into());
                } else {
                    replace_secrets(x);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(replace_secrets),
        _ => {}
    }
}

/// Every secret field whose value is `secret` gets another value of as many characters ('x's,
/// or 'y's when the secret is all 'x').
fn replace_secret_text(v: &mut Value, secret: &str) {
    let fill = if secret.chars().all(|c| c == 'x') {
        'y'
    } else {
        'x'
    };
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                match x {
                    Value::String(t) if SECRET_KEYS.contains(&k.as_str()) && t == secret => {
                        *t = std::iter::repeat_n(fill, secret.chars().count()).collect();
                    }
                    _ => replace_secret_text(x, secret),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| replace_secret_text(x, secret)),
        _ => {}
    }
}

fn secret_values(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x {
                    Value::String(s) if SECRET_KEYS.contains(&k.as_str()) => out.push(s.clone()),
                    _ => secret_values(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| secret_values(x, out)),
        _ => {}
    }
}
