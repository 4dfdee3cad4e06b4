//! Amounts and shares in words, as each language writes them: "1.2万元" / "12,000 yuan", "三分之二" /
//! "2/3". `money::Yuan` and `money::Share` keep the numbers; how they read is implemented here, on
//! those types, so callers still write `amount.zh()`.

use crate::money::{Share, Yuan};

impl Yuan {
    /// "20万元", "1.2万元", "1500元": how amounts are written on Chinese notices.
    pub fn zh(self) -> String {
        yuan_zh(self.0)
    }

    /// "200,000 yuan".
    pub fn en(self) -> String {
        yuan_en(self.0)
    }
}

impl Share {
    pub fn zh(self) -> String {
        share_zh(self.num, self.den, self.percent)
    }

    pub fn en(self) -> String {
        share_en(self.num, self.den, self.percent)
    }
}

/// "20万元", "1.2万元", "1500元": how amounts are written on Chinese notices.
fn yuan_zh(n: u64) -> String {
    if n >= 10_000 && n.is_multiple_of(1_000) {
        let wan = n / 10_000;
        let rest = (n % 10_000) / 1_000;
        if rest == 0 {
            format!("{wan}万元")
        } else {
            format!("{wan}.{rest}万元")
        }
    } else {
        format!("{n}元")
    }
}

/// "200,000 yuan".
fn yuan_en(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{out} yuan")
}

/// "50%", or a fraction in words: "三分之二".
fn share_zh(num: u32, den: u32, percent: bool) -> String {
    if percent {
        format!("{num}%")
    } else {
        format!("{}分之{}", cn_number(den), cn_number(num))
    }
}

/// "50%", "2/3".
fn share_en(num: u32, den: u32, percent: bool) -> String {
    if percent {
        format!("{num}%")
    } else {
        format!("{num}/{den}")
    }
}

/// A digit in Chinese numerals ("三"); larger numbers stay in digits.
fn cn_number(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n < 10 {
        D[n as usize].to_string()
    } else {
        n.to_string()
    }
}
