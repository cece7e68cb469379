//! Model values out to JS without JSON text in between: a `serde::Serializer` that writes a
//! value as a tape of `u32` words plus one string holding every key and string value back to
//! back, which js/src/tape.js turns into the same plain object `JSON.parse` of serde_json's text
//! would give (the js tests check that over every response vector).
//!
//! Why: on the `Gateway.parse` hot path serde_json escaping the outcome into text and `JSON.parse`
//! scanning it again were a large share of a call (README, JS "Measured"). Here strings are
//! copied once, lengths are known up front, and the buffers are reused from call to call, so a
//! call allocates nothing for its output once warm. JS reads both buffers straight from wasm
//! memory ([`Tape::header`]).
//!
//! Word layout (`tag = w & 7`, `n = w >> 3`):
//! `0` null · `1` false · `2` true · `3` string of `n` UTF-16 code units (the next ones of the
//! string) · `4` object of `n` entries, each a key word then the value · `5` array of `n` items ·
//! `6` the integer `n` · `7` a number, its `f64` bits in the next two words (low, high). A key
//! word `2k + 1` is name `k` of [`Names`] (every struct field and variant name, registered the
//! first time one is written and never changed, so JS turns each into a property key once:
//! building a property from a fresh string costs a string-table lookup each time, which made a
//! decoder that sliced every key out of the text slower than `JSON.parse`); `2n` is a key of `n`
//! units in the string (map keys, which come from data). Mirrors serde_json's choices:
//! non-finite floats are `null`, map keys are strings (integers in decimal), bytes are arrays
//! of numbers.

use std::cell::RefCell;
use std::fmt::Display;

use serde::ser::{self, Serialize};

mod map_key;
mod names;

use map_key::KeySerializer;
use names::Names;

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const STRING: u32 = 3;
const OBJECT: u32 = 4;
const ARRAY: u32 = 5;
const SMALL_INT: u32 = 6;
const NUMBER: u32 = 7;
/// `n` has 29 bits.
const MAX_N: u64 = (1 << 29) - 1;

/// Why a value could not be written (serde_json would refuse the same values).
#[derive(Debug, thiserror::Error)]
pub enum TapeError {
    #[error("{0}")]
    Custom(String),
    #[error("a map key must be a string or an integer")]
    KeyNotString,
    #[error("a string, object or array is too large")]
    TooLarge,
}

impl ser::Error for TapeError {
    fn custom<T: Display>(msg: T) -> Self {
        TapeError::Custom(msg.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, TapeError>;

/// The reused output buffers. `header` is what JS reads first (see [`write`]).
#[derive(Default)]
pub struct Tape {
    words: Vec<u32>,
    text: String,
    names: Names,
    header: [u32; 8],
}

thread_local! {
    static TAPE: RefCell<Tape> = RefCell::new(Tape::default());
}

/// Writes `value` into the shared tape and returns the address of its header for
/// js/src/tape.js, which reads it before the next call into wasm: `[words address, word count,
/// text address, text bytes, names count, names text address, names text bytes, ends address]`
/// (JS reads the names it has not seen yet from the last four).
pub fn write<T: Serialize + ?Sized>(value: &T) -> Result<u32> {
    TAPE.with(|cell| {
        let mut tape = cell.borrow_mut();
        tape.words.clear();
        tape.text.clear();
        value.serialize(&mut *tape)?;
        // wasm32 addresses and lengths are 32-bit.
        tape.header = [
            tape.words.as_ptr() as usize as u32,
            tape.words.len() as u32,
            tape.text.as_ptr() as usize as u32,
            tape.text.len() as u32,
            tape.names.ends.len() as u32,
            tape.names.text.as_ptr() as usize as u32,
            tape.names.text.len() as u32,
            tape.names.ends.as_ptr() as usize as u32,
        ];
        Ok(tape.header.as_ptr() as usize as u32)
    })
}

/// How many UTF-16 code units JS will count in `s` (JS string offsets are in those units).
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

fn word(tag: u32, n: usize) -> Result<u32> {
    if n as u64 > MAX_N {
        return Err(TapeError::TooLarge);
    }
    Ok(tag | ((n as u32) << 3))
}

impl Tape {
    fn text_units(&mut self, s: &str) -> Result<usize> {
        let units = utf16_len(s);
        if units as u64 > MAX_N {
            return Err(TapeError::TooLarge);
        }
        self.text.push_str(s);
        Ok(units)
    }

    fn string(&mut self, s: &str) -> Result {
        let units = self.text_units(s)?;
        self.words.push(word(STRING, units)?);
        Ok(())
    }

    /// A key from data (a map's): `2k + 1` when it is kept as a name, else `2n`, its `n` units
    /// in the string.
    fn key(&mut self, s: &str) -> Result {
        if let Some(n) = self.names.map_key(s)? {
            self.words.push((n << 1) | 1);
            return Ok(());
        }
        let units = self.text_units(s)?;
        self.words.push((units as u32) << 1);
        Ok(())
    }

    /// A field or variant name: `2k + 1`, its number in [`Names`].
    fn name(&mut self, name: &'static str) -> Result {
        let n = self.names.number(name)?;
        self.words.push((n << 1) | 1);
        Ok(())
    }

    fn number(&mut self, v: f64) {
        if !v.is_finite() {
            self.words.push(NULL);
        } else if v >= 0.0 && v <= MAX_N as f64 && v.fract() == 0.0 && v.to_bits() >> 63 == 0 {
            self.words.push(SMALL_INT | ((v as u32) << 3));
        } else {
            let bits = v.to_bits();
            self.words
                .extend_from_slice(&[NUMBER, bits as u32, (bits >> 32) as u32]);
        }
    }

    fn unsigned(&mut self, v: u64) {
        if v <= MAX_N {
            self.words.push(SMALL_INT | ((v as u32) << 3));
        } else {
            // JSON.parse of the decimal text rounds to the nearest double, as `as` does.
            self.number(v as f64);
        }
    }

    /// Opens an object or array whose count is filled in by [`Compound::end`] (derived
    /// serializers with skipped fields and flattened maps do not know it up front).
    fn open(&mut self, tag: u32) -> Compound<'_> {
        let at = self.words.len();
        self.words.push(tag);
        Compound {
            tape: self,
            at,
            count: 0,
            tag,
        }
    }

    /// `{variant: …}`, serde_json's externally tagged form.
    fn variant(&mut self, variant: &'static str) -> Result {
        self.words.push(OBJECT | (1 << 3));
        self.name(variant)
    }
}

/// An object or array being written; `count` entries so far.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    count: usize,
    tag: u32,
}

impl Compound<'_> {
    fn end(self) -> Result {
        let w = word(self.tag, self.count)?;
        if let Some(slot) = self.tape.words.get_mut(self.at) {
            *slot = w;
        }
        Ok(())
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.tape.name(key)?;
        self.item(value)
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.words.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result {
        match u64::try_from(v) {
            Ok(u) => self.unsigned(u),
            Err(_) => self.number(v as f64),
        }
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result {
        match u64::try_from(v) {
            Ok(u) => self.unsigned(u),
            Err(_) => self.number(v as f64),
        }
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result {
        match u64::try_from(v) {
            Ok(u) => self.unsigned(u),
            Err(_) => self.number(v as f64),
        }
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result {
        // serde_json writes an f32's shortest decimal, which JS reads back as the nearest
        // double to that decimal (not to the f32): Display prints the same shortest digits.
        let v = if v.is_finite() {
            v.to_string().parse::<f64>().unwrap_or(f64::NAN)
        } else {
            f64::NAN
        };
        self.number(v);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.words.push(word(ARRAY, v.len())?);
        for &b in v {
            self.unsigned(b.into());
        }
        Ok(())
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.words.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.variant(variant)?;
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>> {
        self.variant(variant)?;
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>> {
        self.variant(variant)?;
        Ok(self.open(OBJECT))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.item(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.item(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.item(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.item(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        key.serialize(KeySerializer(self.tape))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.item(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}
