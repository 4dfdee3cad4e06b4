//! Money as whole yuan (catalog amounts are whole yuan) and shares of a cost ("50%", "2/3"): integers
//! only, so no amount is ever rounded by floating point.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An amount in whole yuan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Yuan(pub u64);

impl Yuan {
    /// The amount in 分 (fen), for exact arithmetic with payments.
    pub fn fen(self) -> u64 {
        self.0.saturating_mul(100)
    }
}

/// A share of a cost: `num/den` (50% is 1/2 written as "50%").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub num: u32,
    pub den: u32,
    /// Written as a percentage ("50%") rather than a fraction; the text layer reads it.
    pub(crate) percent: bool,
}

impl Share {
    /// Parses "50%" or "2/3". Refuses zero denominators and shares above the whole.
    pub fn parse(s: &str) -> Result<Share, String> {
        let s = s.trim();
        let bad = || format!("`{s}` is not a share: write \"50%\" or \"2/3\"");
        let (num, den, percent) = if let Some(p) = s.strip_suffix('%') {
            (p.trim().parse::<u32>().map_err(|_| bad())?, 100, true)
        } else {
            let (a, b) = s.split_once('/').ok_or_else(bad)?;
            (
                a.trim().parse::<u32>().map_err(|_| bad())?,
                b.trim().parse::<u32>().map_err(|_| bad())?,
                false,
            )
        };
        if den == 0 || num == 0 || num > den {
            return Err(format!(
                "`{s}` must be a share between 0 and the whole cost"
            ));
        }
        Ok(Share { num, den, percent })
    }

    /// The share of an amount in fen, rounded down (never promise more than the rule gives).
    pub fn of_fen(self, fen: u64) -> u64 {
        fen.saturating_mul(u64::from(self.num)) / u64::from(self.den)
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Share, D::Error> {
        let s = String::deserialize(d)?;
        Share::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_amounts_as_notices_do() {
        assert_eq!(Yuan(200_000).zh(), "20万元");
        assert_eq!(Yuan(12_000).zh(), "1.2万元");
        assert_eq!(Yuan(1_500).zh(), "1500元");
        assert_eq!(Yuan(100).zh(), "100元");
        assert_eq!(Yuan(200_000).en(), "200,000 yuan");
        assert_eq!(Yuan(1_500).en(), "1,500 yuan");
        assert_eq!(Yuan(100).en(), "100 yuan");
        assert_eq!(Yuan(15).fen(), 1500);
    }

    #[test]
    fn shares_are_exact() {
        let half = Share::parse("50%").unwrap();
        assert_eq!(half.of_fen(30_001), 15_000);
        let two_thirds = Share::parse("2/3").unwrap();
        assert_eq!(two_thirds.of_fen(300), 200);
        assert_eq!(two_thirds.zh(), "三分之二");
        assert!(Share::parse("0.5").is_err());
        assert!(Share::parse("3/2").is_err());
        assert!(Share::parse("1/0").is_err());
    }
}
