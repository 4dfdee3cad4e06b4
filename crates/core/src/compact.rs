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
    /// The texts' English; `None` when the reader goes without it (each text's English is then its Chinese).
    en: Option<&'a [u8]>,
}

impl<'a> Reader<'a> {
    /// Over what [`Writer::finish`] made: `data` (the lengths of the structure and of the Chinese text, the
    /// structure, the Chinese text, then the rest of the text) and, when wanted, the English of the texts.
    pub fn new(data: &'a [u8], en: Option<&'a [u8]>) -> Result<Reader<'a>> {
        let mut head = Reader {
            bytes: data,
            text: &[],
            zh: &[],
            en: None,
        };
        let (n, z) = (head.len()?, head.len()?);
        if n.saturating_add(z) > head.bytes.len() {
            return Err(Malformed);
        }
        let (bytes, rest) = head.bytes.split_at(n);
        let (zh, text) = rest.split_at(z);
        Ok(Reader {
            bytes,
            text,
            zh,
            en,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
            && self.text.is_empty()
            && self.zh.is_empty()
            && self.en.is_none_or(<[u8]>::is_empty)
    }

    /// Whether the texts' English is being read (see [`Reader::new`]).
    pub fn reads_english(&self) -> bool {
        self.en.is_some()
    }

    fn text_of(&mut self, stream: Stream) -> Result<String> {
        let n = usize::try_from(self.varint()?).map_err(|_| Malformed)?;
        let stream = match stream {
            Stream::Zh => &mut self.zh,
            Stream::Other => &mut self.text,
            Stream::En => self.en.as_mut().ok_or(Malformed)?,
        };
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

/// Where values are written: numbers, lengths and variants in one stream, the strings' text in others, so
/// that the text (most of the catalog) sits together and compresses as text. The texts' Chinese and English
/// each have a stream of their own: like follows like, and the English can be left apart (a Chinese screen
/// never needs it, issue 16).
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
    text: Vec<u8>,
    zh: Vec<u8>,
    en: Vec<u8>,
}

/// The streams a string's bytes go to.
#[derive(Clone, Copy)]
enum Stream {
    /// A text's Chinese.
    Zh,
    /// A text's English.
    En,
    /// Every other string: ids, addresses, numbers as written.
    Other,
}

/// What a [`Writer`] made: the data, and apart from it the English of its texts.
pub struct Written {
    pub data: Vec<u8>,
    pub english: Vec<u8>,
}

impl Writer {
    /// The structure first with its length, then the Chinese and the other strings; the English apart.
    pub fn finish(self) -> Written {
        let mut all = Writer::default();
        all.len(self.bytes.len());
        all.len(self.zh.len());
        all.bytes.extend_from_slice(&self.bytes);
        all.bytes.extend_from_slice(&self.zh);
        all.bytes.extend_from_slice(&self.text);
        Written {
            data: all.bytes,
            english: self.en,
        }
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

    fn text_of(&mut self, s: &str, stream: Stream) {
        self.len(s.len());
        match stream {
            Stream::Zh => &mut self.zh,
            Stream::En => &mut self.en,
            Stream::Other => &mut self.text,
        }
        .extend_from_slice(s.as_bytes());
    }
}

/// A value with a compact binary form.
pub trait Compact: Sized {
    fn put(&self, w: &mut Writer);
    fn take(r: &mut Reader) -> Result<Self>;
}

/// Writes a value into new buffers.
pub fn to_bytes<T: Compact>(value: &T) -> Written {
    let mut w = Writer::default();
    value.put(&mut w);
    w.finish()
}

/// Reads a value that must use all the bytes (the English too, when given).
pub fn from_bytes<T: Compact>(data: &[u8], english: Option<&[u8]>) -> Result<T> {
    let mut r = Reader::new(data, english)?;
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
        w.text_of(self, Stream::Other);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        r.text_of(Stream::Other)
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

/// The Chinese and the English of a text, each in its stream. A reader without the English gives the
/// Chinese in its place (its length is still read past).
impl Compact for Text {
    fn put(&self, w: &mut Writer) {
        w.text_of(&self.zh, Stream::Zh);
        w.text_of(&self.en, Stream::En);
    }
    fn take(r: &mut Reader) -> Result<Self> {
        let zh = r.text_of(Stream::Zh)?;
        let en = if r.reads_english() {
            r.text_of(Stream::En)?
        } else {
            r.varint()?;
            zh.clone()
        };
        Ok(Text { zh, en })
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
        let w = to_bytes(&v);
        assert_eq!(from_bytes::<T>(&w.data, Some(&w.english)), Ok(v));
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
    fn the_english_of_texts_is_apart_and_can_be_left_unread() {
        #[derive(Debug, PartialEq)]
        struct Named {
            text: Text,
            id: String,
        }
        compact_struct!(Named { text, id });
        let named = |zh: &str, en: &str, id: &str| Named {
            text: Text::new(zh, en),
            id: id.into(),
        };
        let texts = vec![
            named("新就业形态", "new forms of work", "id-1"),
            named("骑手", "rider", "id-2"),
        ];
        let w = to_bytes(&texts);
        assert_eq!(w.english, b"new forms of workrider");
        assert!(!w.data.windows(5).any(|b| b == b"rider"));
        // Without it, each text's English is its Chinese, and everything else reads as written.
        let chinese = from_bytes::<Vec<Named>>(&w.data, None).unwrap();
        assert_eq!(chinese[0], named("新就业形态", "新就业形态", "id-1"));
        assert_eq!(chinese[1], named("骑手", "骑手", "id-2"));
        assert_eq!(
            from_bytes::<Vec<Named>>(&w.data, Some(&w.english)),
            Ok(texts)
        );
        // English that is cut short, or longer than the texts, is refused.
        let cut = &w.english[..w.english.len() - 1];
        assert_eq!(from_bytes::<Vec<Named>>(&w.data, Some(cut)), Err(Malformed));
        let mut long = w.english.clone();
        long.push(b'x');
        assert_eq!(
            from_bytes::<Vec<Named>>(&w.data, Some(&long)),
            Err(Malformed)
        );
    }

    #[test]
    fn cut_short_or_padded_bytes_are_refused() {
        let w = to_bytes(&vec![String::from("失业保险"), String::from("12333")]);
        let bytes = w.data;
        for cut in 0..bytes.len() {
            assert_eq!(
                from_bytes::<Vec<String>>(&bytes[..cut], None),
                Err(Malformed),
                "cut at {cut}"
            );
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(from_bytes::<Vec<String>>(&padded, None), Err(Malformed));
        // A length far beyond the bytes left must not reserve memory for it.
        assert_eq!(
            from_bytes::<Vec<u8>>(&[0xff, 0xff, 0xff, 0x7f], None),
            Err(Malformed)
        );
        // A variant this build never writes.
        let mut some = to_bytes(&Some(1u8)).data;
        assert_eq!(some, [2, 0, 1, 1]);
        some[2] = 2;
        assert_eq!(from_bytes::<Option<u8>>(&some, None), Err(Malformed));
    }
}
