//! The knobs of a flow (deadline, polling, backoff) and the small deterministic random source
//! that jitters the backoff.
//!
//! Jitter exists so that many hosts hit by the same outage do not all retry in the same second.
//! The core may not draw random numbers, so the host supplies a `seed` and the flow carries a
//! SplitMix64 generator in its state: the same seed and the same inputs give the same waits, and
//! a flow restored from JSON continues the same sequence.

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};

/// How a flow waits and when it gives up. Every field has a default, so `{}` is a valid value.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct FlowOptions {
    /// Seeds the backoff jitter. Give each flow its own (any random number); reuse it to replay.
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub seed: u64,
    /// Seconds after the start after which a flow that is not final stops with
    /// `needs_attention` (`deadline_passed`) instead of guessing.
    #[cfg_attr(feature = "uniffi", uniffi(default = 86400))]
    pub deadline_seconds: u64,
    /// How long to wait between status calls when the provider gives no `pollAfterSeconds`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 60))]
    pub default_poll_seconds: u64,
    /// First wait after a temporary error (423, 429, 5xx, broken answer, transport error).
    #[cfg_attr(feature = "uniffi", uniffi(default = 2))]
    pub backoff_initial_seconds: u64,
    /// Longest wait after repeated temporary errors.
    #[cfg_attr(feature = "uniffi", uniffi(default = 300))]
    pub backoff_max_seconds: u64,
    /// How many create requests one flow may send in all (re-sends happen only after the
    /// provider said `not_found` for the merchant id).
    #[cfg_attr(feature = "uniffi", uniffi(default = 3))]
    pub max_create_attempts: u32,
}

impl Default for FlowOptions {
    fn default() -> Self {
        FlowOptions {
            seed: 0,
            deadline_seconds: 86_400,
            default_poll_seconds: 60,
            backoff_initial_seconds: 2,
            backoff_max_seconds: 300,
            max_create_attempts: 3,
        }
    }
}

impl FlowOptions {
    pub fn validate(&self) -> Result<()> {
        let positive = [
            ("options.deadlineSeconds", self.deadline_seconds),
            ("options.defaultPollSeconds", self.default_poll_seconds),
            (
                "options.backoffInitialSeconds",
                self.backoff_initial_seconds,
            ),
            (
                "options.maxCreateAttempts",
                u64::from(self.max_create_attempts),
            ),
        ];
        for (field, value) in positive {
            if value == 0 {
                return Err(PspError::invalid(field, "must be at least 1"));
            }
        }
        if self.backoff_max_seconds < self.backoff_initial_seconds {
            return Err(PspError::invalid(
                "options.backoffMaxSeconds",
                "must not be less than backoffInitialSeconds",
            ));
        }
        // Keeps every time sum far from overflow (100 years is plenty for a payment).
        const CAP: u64 = 100 * 365 * 86_400;
        for (field, value) in [
            ("options.deadlineSeconds", self.deadline_seconds),
            ("options.defaultPollSeconds", self.default_poll_seconds),
            ("options.backoffMaxSeconds", self.backoff_max_seconds),
        ] {
            if value > CAP {
                return Err(PspError::invalid(field, "is unreasonably large"));
            }
        }
        Ok(())
    }

    /// The wait after the `streak`-th temporary error in a row (1-based): exponential from
    /// `backoffInitialSeconds`, capped at `backoffMaxSeconds`, with "equal jitter" — half the
    /// step fixed, the other half drawn — and never less than one second.
    pub fn backoff_seconds(&self, streak: u32, rng: &mut Rng) -> u64 {
        let doublings = streak.saturating_sub(1).min(40);
        let step = self
            .backoff_initial_seconds
            .saturating_mul(1u64 << doublings)
            .min(self.backoff_max_seconds);
        let half = step / 2;
        let drawn = rng.below(step - half + 1);
        (half + drawn).max(1)
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for jitter. Not for secrets.
/// Serialized as 16 lower-case hex digits so that JSON hosts whose numbers are doubles (JS) can
/// store the state without losing bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0). The modulo bias is irrelevant for jitter.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
}

impl Serialize for Rng {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:016x}", self.0))
    }
}

impl<'de> Deserialize<'de> for Rng {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Rng, D::Error> {
        // A visitor, so the error is raised inside the string's own read and a reader's position
        // (the field path of `input_error`) points at this field, not at the end of its object.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Rng;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<Rng, E> {
                if text.len() != 16 {
                    return Err(E::custom("rng must be 16 hex digits"));
                }
                u64::from_str_radix(text, 16)
                    .map(Rng)
                    .map_err(|_| E::custom("rng must be 16 hex digits"))
            }
        }
        d.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Reference values from the published SplitMix64 C code (seed 0), checked with Python:
        // python3 -c 'M=2**64-1
        // s=0
        // for _ in range(3):
        //   s=(s+0x9E3779B97F4A7C15)&M; z=s
        //   z=((z^(z>>30))*0xBF58476D1CE4E5B9)&M; z=((z^(z>>27))*0x94D049BB133111EB)&M
        //   print(hex(z^(z>>31)))'
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xe220a8397b1dcdaf);
        assert_eq!(r.next_u64(), 0x6e789e6aa1b965f4);
        assert_eq!(r.next_u64(), 0x06c45d188009454f);
    }

    #[test]
    fn rng_round_trips_as_hex_text() {
        let r = Rng::new(0xDEAD_BEEF_0000_0001);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, "\"deadbeef00000001\"");
        assert_eq!(serde_json::from_str::<Rng>(&json).unwrap(), r);
        assert!(serde_json::from_str::<Rng>("\"xyz\"").is_err());
        assert!(serde_json::from_str::<Rng>("12").is_err());
    }

    #[test]
    fn backoff_grows_is_capped_and_stays_within_the_jitter_band() {
        let o = FlowOptions {
            backoff_initial_seconds: 2,
            backoff_max_seconds: 60,
            ..FlowOptions::default()
        };
        let mut rng = Rng::new(7);
        for streak in 1..50u32 {
            let step = (2u64 << (streak - 1).min(40)).min(60);
            let wait = o.backoff_seconds(streak, &mut rng);
            assert!(
                wait >= (step / 2).max(1) && wait <= step,
                "{streak}: {wait}"
            );
        }
    }

    #[test]
    fn options_default_from_empty_json_and_reject_nonsense() {
        let o: FlowOptions = serde_json::from_str("{}").unwrap();
        assert_eq!(o, FlowOptions::default());
        assert!(o.validate().is_ok());
        let bad = FlowOptions {
            deadline_seconds: 0,
            ..FlowOptions::default()
        };
        assert_eq!(
            bad.validate().unwrap_err().code,
            crate::ErrorCode::InvalidRequest
        );
        let bad = FlowOptions {
            backoff_max_seconds: 1,
            ..FlowOptions::default()
        };
        assert!(bad.validate().is_err());
        assert!(serde_json::from_str::<FlowOptions>(r#"{"sede": 1}"#).is_err());
    }
}
