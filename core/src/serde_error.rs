//! Turns serde's messages into ones safe to show: serde may quote the offending value, which could
//! be a secret or a card number, so only the category and position are kept.

// Used by the PayStar and CoreFy readers; a one-provider build of another compiles it out.
#[cfg_attr(
    not(any(feature = "paystar", feature = "paystar_corefy")),
    allow(dead_code)
)]
pub fn describe(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let msg = e.to_string();
    // serde names missing/unknown fields and unknown variants in backticks; those names are safe.
    let named = msg.split('`').nth(1).filter(|_| {
        msg.starts_with("missing field")
            || msg.starts_with("unknown variant")
            || msg.starts_with("unknown field")
    });
    let kind = if msg.starts_with("missing field") {
        "missing field"
    } else if msg.starts_with("unknown variant") {
        "unknown value"
    } else if msg.starts_with("unknown field") {
        "unknown field"
    } else {
        match e.classify() {
            Category::Syntax | Category::Eof => "malformed JSON",
            Category::Data => "wrong type or value",
            Category::Io => "read error",
        }
    };
    match named {
        Some(name) => format!("{kind} `{name}` (line {} column {})", e.line(), e.column()),
        None => format!("{kind} (line {} column {})", e.line(), e.column()),
    }
}
