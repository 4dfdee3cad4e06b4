//! Figures written by hand in a text where a parameter should be named (`catalog check` reports them).

/// Figures written by hand in a text that should come from a parameter: digits, and Chinese numerals
/// before a unit ("满一年", "三分之二", "一半"). Placeholders and the catalog's listed names that contain
/// digits (the 12333 hotline, certificate levels...) are not figures.
pub fn hand_written_figures(text: &str, names: &[String]) -> Vec<String> {
    let mut t = String::with_capacity(text.len());
    // Drop placeholders.
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        t.push_str(&rest[..i]);
        match rest[i..].find('}') {
            Some(j) => {
                t.push(' ');
                rest = &rest[i + j + 1..];
            }
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    t.push_str(rest);
    let mut names: Vec<&String> = names.iter().collect();
    crate::order::sort_by_key(&mut names, |n| std::cmp::Reverse(n.len()));
    for n in names {
        if !n.is_empty() {
            t = t.replace(n.as_str(), " ");
        }
    }
    let chars: Vec<char> = t.chars().collect();
    let mut found = Vec::new();
    let numeral = |c: char| "一二两三四五六七八九十百千万半".contains(c);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let units = [
        "元", "年", "个月", "月", "次", "岁", "周岁", "人", "分之", "倍", "天", "日", "小时",
        "学时", "课时", "家", "名",
    ];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if digit(c) {
            let start = i;
            while i < chars.len() && (digit(chars[i]) || matches!(chars[i], '.' | ',' | '%' | '％'))
            {
                i += 1;
            }
            // 1.2万元, 2万人: the numeral after the digits belongs to the same figure.
            while i < chars.len() && "万千百亿".contains(chars[i]) {
                i += 1;
            }
            found.push(chars[start..i].iter().collect());
            continue;
        }
        if numeral(c) && (i == 0 || chars[i - 1] != '第') {
            let start = i;
            while i < chars.len() && numeral(chars[i]) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let after: String = chars[i..chars.len().min(i + 2)].iter().collect();
            let unit = units.iter().find(|u| after.starts_with(*u));
            // 一次性 is a name (一次性创业补贴), not a count.
            let is_name = after.starts_with("次性");
            if (unit.is_some() && !is_name) || run == "一半" || run.ends_with('半') && run.len() > 1
            {
                found.push(format!("{run}{}", unit.copied().unwrap_or("")));
            }
            continue;
        }
        i += 1;
    }
    found
}
