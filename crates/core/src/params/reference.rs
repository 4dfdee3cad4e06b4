//! A number in a rule or a benefit, written as a literal or as the id of a parameter.

use super::value::IntOrText;
use super::*;

/// A whole number in a rule: written as a number in courses' and tests' own data, or as the id of a
/// parameter in the catalog (`value = "labour.min_working_age"`), replaced by its value in force when the
/// catalog is put in force for a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Num {
    Lit(i64),
    Param(String),
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match d.deserialize_any(IntOrText)? {
            Ok(n) => Num::Lit(n),
            Err(s) => Num::Param(s),
        })
    }
}

impl Num {
    /// The number, once resolved; None for a parameter not (yet) replaced by its value: never a verdict.
    pub fn lit(&self) -> Option<i64> {
        match self {
            Num::Lit(n) => Some(*n),
            Num::Param(_) => None,
        }
    }

    pub fn param(&self) -> Option<&str> {
        match self {
            Num::Param(id) => Some(id),
            Num::Lit(_) => None,
        }
    }
}

impl From<i64> for Num {
    fn from(n: i64) -> Num {
        Num::Lit(n)
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Lit(n) => write!(f, "{n}"),
            Num::Param(id) => write!(f, "{id}"),
        }
    }
}

/// A share in a benefit: a parameter id in the catalog's files (`share = "flexible_si.share"`), the share
/// itself once in force. Written as one string either way; a string that reads as a share is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareRef {
    Lit(Share),
    Param(String),
}

impl ShareRef {
    pub fn lit(&self) -> Option<Share> {
        match self {
            ShareRef::Lit(s) => Some(*s),
            ShareRef::Param(_) => None,
        }
    }
}

impl Serialize for ShareRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ShareRef::Lit(x) => x.serialize(s),
            ShareRef::Param(id) => s.serialize_str(id),
        }
    }
}

impl<'de> Deserialize<'de> for ShareRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match Share::parse(&s) {
            Ok(x) => ShareRef::Lit(x),
            Err(_) => ShareRef::Param(s),
        })
    }
}
