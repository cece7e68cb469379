//! How the model crosses uniffi (feature `uniffi`, used by `bindings/uniffi`).
//!
//! The model types derive `uniffi::Record`/`uniffi::Enum` where they are defined (one definition,
//! no mirrored structs). Two of their field types need a word on how they cross:
//!
//! - [`Secret`] crosses as a string, but the host never sees a bare string: `core/uniffi.toml`
//!   maps it onto a small host class (`pspkit.Secret` in Python, `dev.pspkit.Secret` in Kotlin)
//!   whose `repr`/`toString` print `***`, so a generated record's `repr`/`toString` cannot leak a
//!   key.
//! - `BTreeMap<String, String>` (headers, extras, details) crosses as uniffi's string map (uniffi
//!   has no ordered map); the canonical JSON keeps the sorted order because it is always written
//!   by the core.

use std::collections::{BTreeMap, HashMap};

use crate::secret::Secret;

uniffi::custom_type!(Secret, String, {
    lower: |secret| secret.expose().to_owned(),
    try_lift: |text| Ok(Secret::new(text)),
});

/// A string-to-string map as it crosses the boundary.
pub type StringMap = BTreeMap<String, String>;

uniffi::custom_type!(StringMap, HashMap<String, String>, {
    remote,
    lower: |map| map.into_iter().collect(),
    try_lift: |map| Ok(map.into_iter().collect()),
});
