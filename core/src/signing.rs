//! What each signature in a built request was computed over, for the people who check it by
//! hand (the inspector's "Signed over", a support engineer comparing with a provider's sample).
//!
//! Every provider signer builds its message as [`Piece`]s, hashes exactly their concatenation
//! and, in the same call, hands the same pieces to [`note`]. [`capture`] collects those notes
//! while one `build` runs, so the string shown is the string hashed: there is no second copy of
//! any provider formula to drift from the first.
//!
//! The notes go to a per-thread collector rather than through a parameter of every request
//! builder: only the signer knows its message, and threading a recorder through each builder of
//! each provider would widen two dozen signatures for a diagnostic. Outside [`capture`] a note is
//! one thread-local read and renders nothing, so `build` pays nothing for it and its output is
//! the same whether or not anything listens.
//!
//! No secret is ever written to a [`SigningInput`] (DESIGN §8): an HMAC key is named
//! ([`SigningInput::key_name`]), and a secret that is part of the hashed message (PayNetEasy's
//! merchant control key, Tupay's cashout password inside a signed body, DPay's salt) stands as
//! the placeholder `<configField>` in [`SigningInput::message`] and as a piece marked `hidden`.

use std::cell::RefCell;

use serde::Serialize;

use crate::secret::Secret;

pub const HMAC_SHA256: &str = "HMAC-SHA256";
pub const SHA1: &str = "SHA-1";
pub const MD5: &str = "MD5";

pub const HEX_LOWER: &str = "lower-case hex";
pub const HEX_UPPER: &str = "upper-case hex";
pub const BASE64: &str = "Base64 of the raw digest";
pub const BASE64URL: &str = "base64url of the raw digest, no padding";

/// One signature of a built request and the exact message it was computed over.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SigningInput {
    /// The request part that carries the result: `header authorization`, `body field control`
    /// (the names the inspector uses for request parts).
    pub part: String,
    /// `HMAC-SHA256`, `SHA-1` or `MD5`.
    pub algorithm: String,
    /// How the digest is written ([`HEX_LOWER`], [`BASE64`], …).
    pub encoding: String,
    /// The config field holding the HMAC key; `None` for a plain hash. Named, never shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_name: Option<String>,
    /// The message, byte for byte, with each hidden piece as `<configField>`.
    pub message: String,
    /// The message in order: concatenated (hidden pieces as their secret) they are the bytes
    /// hashed.
    pub pieces: Vec<SigningPiece>,
    /// What the part holds around the digest, when more than the digest (`TUPAY <digest>`,
    /// `Bearer <header>.<payload>.<digest>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_as: Option<String>,
}

/// A named run of the message: a field's value as concatenated, or a secret's placeholder.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SigningPiece {
    /// What the run is, in the provider's words (`x-date`, `client_orderid`, `body`).
    pub name: String,
    /// The text as hashed, or `<configField>` for a hidden piece.
    pub text: String,
    /// A secret of the config: the text is its placeholder, not its value.
    pub hidden: bool,
}

macro_rules! described {
    ($($ty:ty => $name:literal),*) => {$(
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&crate::redact::describe($name, self))
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&crate::redact::describe($name, self))
            }
        }
    )*};
}
// Redacted like every model value: a body in a message may hold a card number (DPay payouts).
described!(SigningInput => "SigningInput", SigningPiece => "SigningPiece");

/// A run of a message as the signer hashes it.
#[derive(Clone, Copy)]
pub(crate) struct Piece<'a> {
    name: &'static str,
    bytes: &'a [u8],
    /// The config field this run is the secret of, if it is one.
    secret_of: Option<&'static str>,
}

impl<'a> Piece<'a> {
    pub(crate) fn text(name: &'static str, text: &'a str) -> Piece<'a> {
        Piece {
            name,
            bytes: text.as_bytes(),
            secret_of: None,
        }
    }

    // Each constructor serves some providers only; a one-provider build compiles out the rest.
    #[cfg_attr(not(feature = "dpay"), allow(dead_code))]
    pub(crate) fn bytes(name: &'static str, bytes: &'a [u8]) -> Piece<'a> {
        Piece {
            name,
            bytes,
            secret_of: None,
        }
    }

    /// A config secret that is part of the message (never its placeholder: this is hashed).
    #[cfg_attr(
        not(any(feature = "dpay", feature = "paystar_paynet")),
        allow(dead_code)
    )]
    pub(crate) fn secret(field: &'static str, secret: &'a Secret) -> Piece<'a> {
        Piece {
            name: field,
            bytes: secret.expose().as_bytes(),
            secret_of: Some(field),
        }
    }
}

/// The hashed message: the pieces' bytes, in order, for a hash fed one run after the other (the
/// `_of` functions of [`crate::crypto`]), so the message is never copied into one buffer.
#[cfg_attr(
    not(any(feature = "dpay", feature = "paystar_paynet", feature = "tupay")),
    allow(dead_code)
)]
pub(crate) fn parts<'p, 'a: 'p>(pieces: &'p [Piece<'a>]) -> impl Iterator<Item = &'a [u8]> + 'p {
    pieces.iter().map(|p| p.bytes)
}

/// How a signer describes its result, besides the message.
pub(crate) struct Recipe<'a> {
    pub part: &'a str,
    pub algorithm: &'static str,
    pub encoding: &'static str,
    pub key_name: Option<&'a str>,
    pub written_as: Option<String>,
}

thread_local! {
    static NOTES: RefCell<Option<Vec<SigningInput>>> = const { RefCell::new(None) };
}

/// Whether a [`capture`] is listening on this thread (signers skip rendering otherwise, and
/// one whose pieces cost something to find asks first).
pub(crate) fn listening() -> bool {
    NOTES.with(|n| n.borrow().is_some())
}

/// Records that `pieces`, concatenated, were hashed as `recipe` says. Call it with the very
/// pieces hashed; `recipe` is only called, and the pieces only rendered, inside a [`capture`].
pub(crate) fn note<'a>(recipe: impl FnOnce() -> Recipe<'a>, pieces: &[Piece<'_>]) {
    note_with(recipe, pieces, Vec::new);
}

/// [`note`] for a message that holds config secrets verbatim inside a text run (a signed body
/// carrying a password): every occurrence of each `(field, text as written)` that `masks` gives
/// is shown as the field's placeholder. The bytes are only split, never changed, so the message
/// still concatenates to what was hashed.
pub(crate) fn note_with<'a>(
    recipe: impl FnOnce() -> Recipe<'a>,
    pieces: &[Piece<'_>],
    masks: impl FnOnce() -> Vec<(&'static str, String)>,
) {
    if !listening() {
        return;
    }
    let recipe = recipe();
    let mut masks = masks();
    // A secret of the message that also stands inside a text run (a salt the body happens to
    // hold) is hidden there too.
    for p in pieces {
        if let (Some(field), Ok(text)) = (p.secret_of, std::str::from_utf8(p.bytes)) {
            masks.push((field, text.to_owned()));
        }
    }
    let mut shown = Vec::new();
    for p in pieces {
        match p.secret_of {
            Some(field) => shown.push(hidden(p.name, field)),
            None => split_masked(p.name, p.bytes, &masks, &mut shown),
        }
    }
    let input = SigningInput {
        part: recipe.part.to_owned(),
        algorithm: recipe.algorithm.to_owned(),
        encoding: recipe.encoding.to_owned(),
        key_name: recipe.key_name.map(str::to_owned),
        message: shown.iter().map(|p| p.text.as_str()).collect(),
        pieces: shown,
        written_as: recipe.written_as,
    };
    NOTES.with(|n| {
        if let Some(notes) = n.borrow_mut().as_mut() {
            notes.push(input);
        }
    });
}

fn hidden(name: &str, field: &str) -> SigningPiece {
    SigningPiece {
        name: name.to_owned(),
        text: format!("<{field}>"),
        hidden: true,
    }
}

fn split_masked(
    name: &str,
    bytes: &[u8],
    masks: &[(&'static str, String)],
    out: &mut Vec<SigningPiece>,
) {
    let text = String::from_utf8_lossy(bytes);
    let mut rest: &str = &text;
    let start = out.len();
    loop {
        let first = masks
            .iter()
            .filter(|(_, m)| !m.is_empty())
            .filter_map(|(field, m)| rest.find(m.as_str()).map(|at| (at, *field, m.len())))
            .min_by_key(|(at, _, len)| (*at, usize::MAX - len));
        let Some((at, field, len)) = first else { break };
        let (before, after) = rest.split_at(at);
        if !before.is_empty() {
            out.push(plain(name, before));
        }
        out.push(hidden(field, field));
        rest = after.get(len..).unwrap_or_default();
    }
    // An empty run (the empty body of a GET) is kept, so every part of the formula is listed.
    if !rest.is_empty() || out.len() == start {
        out.push(plain(name, rest));
    }
}

fn plain(name: &str, text: &str) -> SigningPiece {
    SigningPiece {
        name: name.to_owned(),
        text: text.to_owned(),
        hidden: false,
    }
}

/// Runs `f` (one `build`) and returns what it signed, in signing order.
pub(crate) fn capture<T>(f: impl FnOnce() -> T) -> (T, Vec<SigningInput>) {
    /// Stops listening however `f` ends, so a later `build` on this thread renders nothing.
    struct Stop(Option<Vec<SigningInput>>);
    impl Drop for Stop {
        fn drop(&mut self) {
            NOTES.with(|n| *n.borrow_mut() = self.0.take());
        }
    }
    let outer = NOTES.with(|n| n.borrow_mut().replace(Vec::new()));
    let stop = Stop(outer);
    let value = f();
    let notes = NOTES.with(|n| n.borrow_mut().take()).unwrap_or_default();
    drop(stop);
    (value, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipe() -> Recipe<'static> {
        Recipe {
            part: "header x",
            algorithm: SHA1,
            encoding: HEX_LOWER,
            key_name: None,
            written_as: None,
        }
    }

    #[test]
    fn nothing_is_recorded_outside_a_capture() {
        note(recipe, &[Piece::text("a", "b")]);
        let ((), notes) = capture(|| ());
        assert!(notes.is_empty());
    }

    #[test]
    fn secrets_become_placeholders_and_the_pieces_still_concatenate() {
        let key = Secret::new("k3y-value");
        let pieces = [
            Piece::text("id", "42"),
            Piece::secret("merchantControl", &key),
        ];
        assert_eq!(parts(&pieces).collect::<Vec<_>>().concat(), b"42k3y-value");
        let ((), notes) = capture(|| note(recipe, &pieces));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].message, "42<merchantControl>");
        assert!(notes[0].pieces[1].hidden);
        assert!(!format!("{notes:?}").contains("k3y-value"));
    }

    #[test]
    fn a_secret_inside_a_text_run_is_masked_everywhere() {
        let body = r#"{"login":"pw","pass":"pw","x":"apwb"}"#;
        let ((), notes) = capture(|| {
            note_with(recipe, &[Piece::text("body", body)], || {
                vec![("cashoutPass", "pw".to_owned())]
            });
        });
        let m = &notes[0];
        assert_eq!(
            m.message,
            r#"{"login":"<cashoutPass>","pass":"<cashoutPass>","x":"a<cashoutPass>b"}"#
        );
        assert_eq!(m.pieces.iter().filter(|p| p.hidden).count(), 3);
        assert!(!m.pieces.iter().any(|p| !p.hidden && p.text.contains("pw")));
    }

    #[test]
    fn captures_nest_and_stop() {
        let ((), outer) = capture(|| {
            note(recipe, &[Piece::text("a", "1")]);
            let ((), inner) = capture(|| note(recipe, &[Piece::text("b", "2")]));
            assert_eq!(inner.len(), 1);
            note(recipe, &[Piece::text("c", "3")]);
        });
        assert_eq!(outer.len(), 2);
        assert!(!listening());
    }
}
