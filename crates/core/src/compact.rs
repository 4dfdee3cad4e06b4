//! A compact binary form for data the app itself wrote at build time (the built-in catalog), read without a
//! JSON parser: serde's derived readers, monomorphised for serde_json, were the largest code on the rider's
//! answer path (issue 16). Each type writes its fields in order, with no names and no tags beyond a variant
//! number; the reader is the same build's code, so there is no versioning. Data from outside the app
//! (downloaded packs, backups) stays JSON and keeps its checks.
//!
//! A struct lists its fields once with [`compact_struct!`], which destructures and builds it without `..`:
//! a field added to the type and not to the list is a compile error, not a silently dropped value.

use crate::date::Date;
use crate::lang::Text;

/// The bytes ended early or held something this build never writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed;

pub type Result<T> = std::result::Result<T, Malformed>;

/// `Compact` for a struct, its fields written in the order listed. `skip { .. }` names fields that are
/// worked out after reading (they come back as `Default::default()`).
macro_rules! compact_struct {
    ($ty:ident { $($field:ident),* $(,)? } $(skip { $($skip:ident),* $(,)? })?) => {
        impl $crate::compact::Compact for $ty {
            fn put(&self, w: &mut $crate::compact::Writer) {
                let $ty { $($field,)* $($($skip: _,)*)? } = self;
                $( $crate::compact::Compact::put($field, w); )*
            }
            fn take(r: &mut $crate::compact::Reader) -> $crate::compact::Result<Self> {
                Ok($ty {
                    $($field: $crate::compact::Compact::take(r)?,)*
                    $($($skip: Default::default(),)*)?
                })
            }
        }
    };
}
pub(crate) use compact_struct;

/// `Compact` for an enum without data, as its variant's number.
macro_rules! compact_unit_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl $crate::compact::Compact for $ty {
            fn put(&self, w: &mut $crate::compact::Writer) {
                // A variant left out of the list does not compile.
                match self { $($ty::$variant)|* => {} }
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let i = ALL.iter().position(|v| v == self).unwrap_or(0);
                w.variant(i as u8);
            }
            fn take(r: &mut $crate::compact::Reader) -> $crate::compact::Result<Self> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                Ok(ALL[usize::from(r.variant(ALL.len() as u8)?)])
            }
        }
    };
}
pub(crate) use compact_unit_enum;

/// Reads values in the order they were written.
pub struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a [u8],
    zh: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Over what [`Writer::finish`] made: the lengths of the structure and of the Chinese text, the
    /// structure, the Chinese text, then the rest of the text.
    pub fn new(all: &'a [u8]) -> Result<Reader<'a>> {
        let mut head = Reader {
            bytes: all,
            text: &[],
            zh: &[],
        };
        let (n, z) = (head.len()?, head.len()?);
        if n.saturating_add(z) > head.bytes.len() {
            return Err(Malformed);
        }
        let (bytes, rest) = head.bytes.split_at(n);
        let (zh, text) = rest.split_at(z);
        Ok(Reader { bytes, text, zh })
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty() && self.text.is_empty() && self.zh.is_empty()
    }

    fn text_of(&mut self, zh: bool) -> Result<String> {
        let n = usize::try_from(self.varint()?).map_err(|_| Malformed)?;
        let stream = if zh { &mut self.zh } else { &mut self.text };
        if n > stream.len() {
            return Err(Malformed);
        }
        let (b, rest) = stream.split_at(n);
        *stream = rest;
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|_| Malformed)
    }

    fn byte(&mut self) -> Result<u8> {
        let (&b, rest) = self.bytes.split_first().ok_or(Malformed)?;
        self.bytes = rest;
        Ok(b)
    }

    fn take_bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.bytes.len() {
            return Err(Malformed);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    /// LEB128: most numbers in the catalog (lengths, variant numbers, years) fit in one or two bytes.
    fn varint(&mut self) -> Result<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(Malformed)
    }

    /// A variant number below `count`.
    pub fn variant(&mut self, count: u8) -> Result<u8> {
        let v = self.byte()?;
        if v < count {
            Ok(v)
        } else {
            Err(Malformed)
        }
    }

    fn len(&mut self) -> Result<usize> {
        let n = usize::try_from(self.varint()?).map_err(|_| Malformed)?;
        // Every element takes at least one byte: a length beyond what is left is corrupt, and must not
        // reserve memory for it.
        if n > self.bytes.len() {
            return Err(Malformed);
        }
        Ok(n)
    }
}

/// Where values are written: numbers, lengths and variants in one stream, the strings' text in another,
/// so that the text (most of the catalog, in two languages) sits together and compresses as text.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
    text: Vec<u8>,
    zh: Vec<u8>,
}

impl Writer {
    /// Both streams in one buffer, the structure first with its length.
    pub fn finish(self) -> Vec<u8> {
        let mut all = Writer::default();
        all.len(self.bytes.len());
        all.len(self.zh.len());
        all.bytes.extend_from_slice(&self.bytes);
        all.bytes.extend_from_slice(&self.zh);
        all.bytes.extend_from_slice(&self.text);
        all.bytes
    }

    fn varint(&mut self, mut n: u64) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(b);
                return;
            }
            self.bytes.push(b | 0x80);
        }
    }

    pub fn variant(&mut self, v: u8) {
        self.bytes.push(v);
    }

    fn len(&mut self, n: usize) {
        self.varint(n as u64);
    }

    fn text_of(&mut self, s: &str, zh: bool) {
        self.len(s.len());
        if zh { &mut self.zh } else { &mut self.text }.extend_from_slice(s.as_bytes());
    }
}

/// A value with a compact binary form.
pub trait Compact: Sized {
    fn put(&self, w: &mut Writer);
    fn take(r: &mut Reader) -> Result<Self>;
}

/// Writes a value into a new buffer.
pub fn to_bytes<T: Compact>(value: &T) -> Vec<u8> {
    let mut w = Writer::default();
    value.put(&mut w);
    w.finish()
}

/// Reads a value that must use all the bytes.
pub fn from_bytes<T: Compact>(bytes: &[u8]) -> Result<T> {
    let mut r = Reader::new(bytes)?;
    let value = T::take(&mut r)?;
    if r.is_empty() {
        Ok(value)
    } else {
        Err(Malformed)
    }
}

impl Compact for bool {
    fn put(&self, w: &mut Writer) {
        w.variant(u8::from(*self));
    }
    fn take(r: &mut Reader) -> Result<Self> {
        Ok(r.variant(2)? == 1)
    }
}

impl Compact for u8 {
    fn put(&self, w: &mut Writer) {
        w.bytes.push(*self);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        r.byte()
    }
}

impl Compact for u32 {
    fn put(&self, w: &mut Writer) {
        w.varint(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Result<Self> {
        u32::try_from(r.varint()?).map_err(|_| Malformed)
    }
}

impl Compact for u64 {
    fn put(&self, w: &mut Writer) {
        w.varint(*self);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        r.varint()
    }
}

/// Zigzag, so small negative numbers stay short too.
impl Compact for i64 {
    fn put(&self, w: &mut Writer) {
        w.varint(((*self << 1) ^ (*self >> 63)) as u64);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        let n = r.varint()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }
}

impl Compact for i32 {
    fn put(&self, w: &mut Writer) {
        i64::from(*self).put(w);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        i32::try_from(i64::take(r)?).map_err(|_| Malformed)
    }
}

impl Compact for f64 {
    fn put(&self, w: &mut Writer) {
        w.bytes.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut Reader) -> Result<Self> {
        let b = r.take_bytes(8)?;
        Ok(f64::from_le_bytes(b.try_into().map_err(|_| Malformed)?))
    }
}

impl Compact for String {
    fn put(&self, w: &mut Writer) {
        w.text_of(self, false);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        r.text_of(false)
    }
}

impl<T: Compact> Compact for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.variant(0),
            Some(v) => {
                w.variant(1);
                v.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self> {
        Ok(match r.variant(2)? {
            0 => None,
            _ => Some(T::take(r)?),
        })
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.len(self.len());
        for v in self {
            v.put(w);
        }
    }
    fn take(r: &mut Reader) -> Result<Self> {
        let n = r.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::take(r)?);
        }
        Ok(out)
    }
}

impl<T: Compact> Compact for Box<T> {
    fn put(&self, w: &mut Writer) {
        (**self).put(w);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        T::take(r).map(Box::new)
    }
}

impl Compact for Date {
    fn put(&self, w: &mut Writer) {
        self.year().put(w);
        w.bytes.push(self.month());
        w.bytes.push(self.day());
    }
    fn take(r: &mut Reader) -> Result<Self> {
        let (y, m, d) = (i32::take(r)?, r.byte()?, r.byte()?);
        Date::new(y, m, d).map_err(|_| Malformed)
    }
}

/// The Chinese of every text in a stream of its own, the English in the other: brotli finds more to reuse
/// when like follows like.
impl Compact for Text {
    fn put(&self, w: &mut Writer) {
        w.text_of(&self.zh, true);
        w.text_of(&self.en, false);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        Ok(Text {
            zh: r.text_of(true)?,
            en: r.text_of(false)?,
        })
    }
}

/// A JSON tree (the catalog's courses, kept as written until the 培训 screens read them).
impl Compact for serde_json::Value {
    fn put(&self, w: &mut Writer) {
        use serde_json::Value;
        match self {
            Value::Null => w.variant(0),
            Value::Bool(b) => {
                w.variant(1);
                b.put(w);
            }
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    w.variant(2);
                    i.put(w);
                } else if let Some(u) = n.as_u64() {
                    w.variant(3);
                    u.put(w);
                } else {
                    w.variant(4);
                    n.as_f64().unwrap_or(0.0).put(w);
                }
            }
            Value::String(s) => {
                w.variant(5);
                s.put(w);
            }
            Value::Array(a) => {
                w.variant(6);
                a.put(w);
            }
            Value::Object(m) => {
                w.variant(7);
                w.len(m.len());
                for (k, v) in m {
                    k.put(w);
                    v.put(w);
                }
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Self> {
        use serde_json::Value;
        Ok(match r.variant(8)? {
            0 => Value::Null,
            1 => Value::Bool(bool::take(r)?),
            2 => Value::from(i64::take(r)?),
            3 => Value::from(u64::take(r)?),
            4 => serde_json::Number::from_f64(f64::take(r)?)
                .map(Value::Number)
                .ok_or(Malformed)?,
            5 => Value::String(String::take(r)?),
            6 => Value::Array(Vec::take(r)?),
            _ => {
                let n = r.len()?;
                let mut m = serde_json::Map::new();
                for _ in 0..n {
                    let k = String::take(r)?;
                    m.insert(k, <Value as Compact>::take(r)?);
                }
                Value::Object(m)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Compact + PartialEq + std::fmt::Debug>(v: T) {
        let bytes = to_bytes(&v);
        assert_eq!(from_bytes::<T>(&bytes), Ok(v));
    }

    #[test]
    fn numbers_strings_and_containers_read_back_as_written() {
        for n in [0i64, 1, -1, 63, -64, 64, 300, i64::MAX, i64::MIN] {
            round_trip(n);
        }
        round_trip(u64::MAX);
        round_trip(String::from("网约车司机 · ride-hailing"));
        round_trip(Some(vec![Some(true), None, Some(false)]));
        round_trip(Date::ymd(2026, 12, 7));
        round_trip(Text::new("新就业形态", "new forms of work"));
        round_trip(serde_json::json!({"id": "c1", "hours": [1, -2, 2.5], "x": null, "ok": true}));
    }

    #[test]
    fn cut_short_or_padded_bytes_are_refused() {
        let bytes = to_bytes(&vec![String::from("失业保险"), String::from("12333")]);
        for cut in 0..bytes.len() {
            assert_eq!(
                from_bytes::<Vec<String>>(&bytes[..cut]),
                Err(Malformed),
                "cut at {cut}"
            );
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(from_bytes::<Vec<String>>(&padded), Err(Malformed));
        // A length far beyond the bytes left must not reserve memory for it.
        assert_eq!(
            from_bytes::<Vec<u8>>(&[0xff, 0xff, 0xff, 0x7f]),
            Err(Malformed)
        );
        // A variant this build never writes.
        let mut some = to_bytes(&Some(1u8));
        assert_eq!(some, [2, 0, 1, 1]);
        some[2] = 2;
        assert_eq!(from_bytes::<Option<u8>>(&some), Err(Malformed));
    }
}
