//! Map keys onto the tape, as serde_json writes them: strings, and integers in decimal;
//! anything else is refused as serde_json refuses it.

use std::fmt::Display;

use serde::ser::{self, Serialize};

use super::{Result, Tape, TapeError};

/// A map key as serde_json writes one: a string, or an integer in decimal.
pub(super) struct KeySerializer<'a>(pub(super) &'a mut Tape);

impl KeySerializer<'_> {
    fn decimal(self, v: impl Display) -> Result {
        self.0.key(&v.to_string())
    }
}

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = ser::Impossible<(), TapeError>;
    type SerializeTuple = ser::Impossible<(), TapeError>;
    type SerializeTupleStruct = ser::Impossible<(), TapeError>;
    type SerializeTupleVariant = ser::Impossible<(), TapeError>;
    type SerializeMap = ser::Impossible<(), TapeError>;
    type SerializeStruct = ser::Impossible<(), TapeError>;
    type SerializeStructVariant = ser::Impossible<(), TapeError>;

    fn serialize_str(self, v: &str) -> Result {
        self.0.key(v)
    }
    fn serialize_char(self, v: char) -> Result {
        self.0.key(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(self, _n: &'static str, _i: u32, variant: &'static str) -> Result {
        self.0.key(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _n: &'static str, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.decimal(v)
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.decimal(v)
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.decimal(v)
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.decimal(v)
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.decimal(v)
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.decimal(v)
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.decimal(v)
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.decimal(v)
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.decimal(v)
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.decimal(v)
    }
    fn serialize_bool(self, _v: bool) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_f32(self, _v: f32) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_f64(self, _v: f64) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_none(self) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _v: &T) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_unit(self) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_unit_struct(self, _n: &'static str) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _n: &'static str,
        _i: u32,
        _variant: &'static str,
        _v: &T,
    ) -> Result {
        Err(TapeError::KeyNotString)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(TapeError::KeyNotString)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(TapeError::KeyNotString)
    }
    fn serialize_tuple_struct(
        self,
        _n: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(TapeError::KeyNotString)
    }
    fn serialize_tuple_variant(
        self,
        _n: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(TapeError::KeyNotString)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(TapeError::KeyNotString)
    }
    fn serialize_struct(self, _n: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(TapeError::KeyNotString)
    }
    fn serialize_struct_variant(
        self,
        _n: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(TapeError::KeyNotString)
    }
}
