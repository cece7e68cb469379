//! The tape's name table: every struct field and variant name (and short map keys), numbered
//! once for the life of the module so JS makes each into a property key once.

use super::{utf16_len, Result, TapeError, MAX_N};

/// The field and variant names written so far, append-only for the life of the module: `text`
/// holds them back to back, `ends[k]` is where name `k` ends (in UTF-16 units), and `index`
/// finds a name's number by the address and length of its `&'static str`.
/// `recent` is a direct-mapped cache in front of the sorted `index` (a payment writes ~40 names),
/// indexed by a multiplicative hash of the address: names sit back to back in the data segment,
/// so the address's low bits alone put many of one payment's names in the same slot.
/// Map keys (header names of a built request, an outcome's `details`) are kept too, by their
/// text in `by_text`, up to [`MAP_KEYS`] of them and only short ones without digits: names,
/// never something data-like such as a card number, and never an unbounded number.
pub(super) struct Names {
    pub(super) text: String,
    units: usize,
    pub(super) ends: Vec<u32>,
    index: Vec<((usize, usize), u32)>,
    recent: [((usize, usize), u32); SLOTS],
    by_text: std::collections::BTreeMap<String, u32>,
}

/// How many distinct map keys are kept as names; later ones cross as text.
const MAP_KEYS: usize = 256;

/// Slots of the `recent` cache (a power of two; `slot` takes the hash's top bits).
const SLOTS: usize = 128;

/// The cache slot of the name at `at` (address, length): Fibonacci hashing of their mix.
fn slot(at: (usize, usize)) -> usize {
    let mixed = (at.0 as u64 ^ ((at.1 as u64) << 40)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - SLOTS.trailing_zeros())) as usize
}

impl Default for Names {
    fn default() -> Self {
        Names {
            text: String::new(),
            units: 0,
            ends: Vec::new(),
            index: Vec::new(),
            by_text: std::collections::BTreeMap::new(),
            // No `&'static str` lives at address 0, so these never match.
            recent: [((0, 0), 0); SLOTS],
        }
    }
}

impl Names {
    pub(super) fn number(&mut self, name: &'static str) -> Result<u32> {
        let at = (name.as_ptr() as usize, name.len());
        let slot = slot(at);
        if let Some(&(k, n)) = self.recent.get(slot) {
            if k == at && at.0 != 0 {
                return Ok(n);
            }
        }
        let n = self.lookup(name, at)?;
        if let Some(s) = self.recent.get_mut(slot) {
            *s = (at, n);
        }
        Ok(n)
    }

    fn lookup(&mut self, name: &'static str, at: (usize, usize)) -> Result<u32> {
        match self.index.binary_search_by_key(&at, |&(k, _)| k) {
            Ok(i) => Ok(self.index.get(i).map_or(0, |&(_, n)| n)),
            Err(i) => {
                let n = self.add(name)?;
                self.index.insert(i, (at, n));
                Ok(n)
            }
        }
    }

    /// The number of map key `key` when it is (or may become) a kept name.
    pub(super) fn map_key(&mut self, key: &str) -> Result<Option<u32>> {
        if let Some(&n) = self.by_text.get(key) {
            return Ok(Some(n));
        }
        if self.by_text.len() >= MAP_KEYS
            || key.len() > 40
            || key.bytes().any(|b| b.is_ascii_digit())
        {
            return Ok(None);
        }
        let n = self.add(key)?;
        self.by_text.insert(key.to_owned(), n);
        Ok(Some(n))
    }

    fn add(&mut self, name: &str) -> Result<u32> {
        let n = self.ends.len() as u32;
        if u64::from(n) >= MAX_N {
            return Err(TapeError::TooLarge);
        }
        self.units += utf16_len(name);
        self.text.push_str(name);
        self.ends.push(self.units as u32);
        Ok(n)
    }
}
