//! The summary a worker takes to the service hall: the programs they can apply for, the ones that are 还差一点
//! with what is missing, one merged checklist of documents, and where to go; plus the compact text that is
//! shared or put in a QR code, and the words read aloud for one program.
//!
//! Built only from [`ProgramResult`]s and the catalog, so every amount shown is one the catalog supports;
//! an unknown amount reads "以当地最新通知为准".

use super::catalog::{BenefitKind, Catalog, Program};
use super::date::Date;
use super::lang::{Lang, Text};
use super::offices::Offices;
use super::outcome::{Group, ProgramResult};
use crate::i18n::Message as _;
use crate::text::summary_lines::{self as wording, SummaryLineText};

/// One program in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryEntry {
    pub program: String,
    pub name: Text,
    /// "可以申请" / "可能符合 — 请向…确认" / "还差一点:…".
    pub verdict: Text,
    /// The amount in words; for unknown amounts "金额以当地最新通知为准,可咨询…".
    pub benefit: Text,
    /// True when the catalog gives no amount (the benefit text then says where to check).
    pub amount_unknown: bool,
    /// For 还差一点: what the person still has to do, in order.
    pub missing: Vec<Text>,
    /// Where to apply: "爱山东App「…」", "区(市)公共就业和人才服务机构"...
    pub apply: Vec<Text>,
}

/// One document of the merged checklist and the programs that need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentItem {
    pub text: Text,
    /// Names of the programs asking for it (so the person knows why to bring it).
    pub needed_for: Vec<Text>,
}

/// Everything the summary page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub today: Date,
    pub catalog_version: String,
    pub can_apply: Vec<SummaryEntry>,
    pub almost: Vec<SummaryEntry>,
    /// De-duplicated, in the order the programs list them (programs one can apply for first).
    pub documents: Vec<DocumentItem>,
    /// Every distinct place to apply, in order of first mention.
    pub channels: Vec<Text>,
}

impl Summary {
    /// Builds the summary from the engine's results (any order; catalog order is kept).
    pub fn new(catalog: &Catalog, results: &[ProgramResult], today: Date) -> Summary {
        let mut summary = Summary {
            today,
            catalog_version: catalog.version().to_string(),
            can_apply: Vec::new(),
            almost: Vec::new(),
            documents: Vec::new(),
            channels: Vec::new(),
        };
        // Programs one can apply for come first, so their documents and channels lead the lists.
        for group in [Group::CanApply, Group::AlmostThere] {
            for r in results.iter().filter(|r| r.group == group) {
                let Some(p) = catalog.program(&r.program) else {
                    continue;
                };
                let entry = entry(p, r);
                for doc in &p.documents {
                    summary.add_document(doc, &p.name);
                }
                for c in &entry.apply {
                    if !summary.channels.iter().any(|k| same(k, c)) {
                        summary.channels.push(c.clone());
                    }
                }
                match group {
                    Group::CanApply => summary.can_apply.push(entry),
                    _ => summary.almost.push(entry),
                }
            }
        }
        summary
    }

    /// Nothing to take along yet (no answers, or nothing fits).
    pub fn is_empty(&self) -> bool {
        self.can_apply.is_empty() && self.almost.is_empty()
    }

    fn add_document(&mut self, doc: &Text, program: &Text) {
        match self.documents.iter_mut().find(|d| same(&d.text, doc)) {
            Some(item) => {
                if !item.needed_for.contains(program) {
                    item.needed_for.push(program.clone());
                }
            }
            None => self.documents.push(DocumentItem {
                text: doc.clone(),
                needed_for: vec![program.clone()],
            }),
        }
    }

    /// The summary as plain text for sharing (messages, notes): complete, one item a line.
    pub fn share_text(&self, lang: Lang, offices: &Offices) -> String {
        self.text(lang, offices, usize::MAX)
    }

    /// The summary as text of at most `max_bytes` UTF-8 bytes, for a QR code a phone camera can read.
    /// What does not fit is counted ("另有3项") rather than cut mid-line; the header and the
    /// where-to-ask line are always kept.
    pub fn compact_text(&self, lang: Lang, offices: &Offices, max_bytes: usize) -> String {
        self.text(lang, offices, max_bytes)
    }

    fn text(&self, lang: Lang, offices: &Offices, max_bytes: usize) -> String {
        let compact = max_bytes != usize::MAX;
        let head = wording::head(self.today, lang);
        let ask = wording::where_to_ask(
            &offices.city.hotline,
            bare_host(&offices.city.website),
            lang,
        );
        let mut lines: Vec<String> = Vec::new();
        let program_line = |e: &SummaryEntry, almost: bool| -> String {
            let name = e.name.get(lang);
            let amount = if compact && e.amount_unknown {
                SummaryLineText::AmountUnknown.text(lang).to_string()
            } else {
                e.benefit.get(lang).to_string()
            };
            match (almost, e.missing.first()) {
                (true, Some(m)) => wording::almost_line(name, m.get(lang), lang),
                _ => wording::program_line(name, &amount, lang),
            }
        };
        // Sections in priority order; within the byte budget, earlier lines win. The documents share one
        // line (true), programs take a line each.
        let mut sections: Vec<(String, bool, Vec<String>)> = Vec::new();
        if !self.can_apply.is_empty() {
            sections.push((
                SummaryLineText::CanApply.text(lang).into(),
                false,
                self.can_apply
                    .iter()
                    .map(|e| program_line(e, false))
                    .collect(),
            ));
        }
        if !self.almost.is_empty() {
            sections.push((
                SummaryLineText::Almost.text(lang).into(),
                false,
                self.almost.iter().map(|e| program_line(e, true)).collect(),
            ));
        }
        if !self.documents.is_empty() {
            let docs: Vec<&str> = self.documents.iter().map(|d| d.text.get(lang)).collect();
            sections.push((
                SummaryLineText::Bring.text(lang).into(),
                true,
                docs.iter().map(|d| d.to_string()).collect(),
            ));
        }
        if self.is_empty() {
            lines.push(SummaryLineText::NothingYet.text(lang).into());
        }
        let fixed = head.len() + ask.len() + 2;
        let mut used = fixed + lines.iter().map(|l| l.len() + 1).sum::<usize>();
        for (title, docs, items) in sections {
            let mut kept: Vec<String> = Vec::new();
            let more_len = 24; // room for "另有12项" / "and 12 more"
            let mut budget_left = max_bytes.saturating_sub(used + title.len() + 1 + more_len);
            for item in &items {
                let cost = item.len() + 1;
                if cost > budget_left {
                    break;
                }
                budget_left -= cost;
                kept.push(item.clone());
            }
            if kept.is_empty()
                && max_bytes != usize::MAX
                && used + title.len() + more_len > max_bytes
            {
                continue;
            }
            let dropped = items.len() - kept.len();
            let mut block = title.clone();
            if docs {
                block.push_str(&kept.join(wording::documents_sep(lang)));
                if dropped > 0 {
                    block.push_str(&wording::more_documents(dropped, lang));
                }
                lines.push(block);
            } else {
                lines.push(block);
                lines.extend(kept);
                if dropped > 0 {
                    lines.push(wording::more_programs(dropped, lang));
                }
            }
            used = fixed + lines.iter().map(|l| l.len() + 1).sum::<usize>();
        }
        let mut out = head;
        for l in lines {
            out.push('\n');
            out.push_str(&l);
        }
        out.push('\n');
        out.push_str(&ask);
        out
    }
}

fn entry(p: &Program, r: &ProgramResult) -> SummaryEntry {
    SummaryEntry {
        program: p.id.clone(),
        name: p.name.clone(),
        verdict: r.verdict.clone(),
        benefit: r.benefit.clone(),
        amount_unknown: r.amount.is_none() && p.benefit.kind == BenefitKind::Unknown,
        missing: r.steps.iter().map(|s| s.text.clone()).collect(),
        apply: p.apply.iter().map(|c| c.label()).collect(),
    }
}

/// The same item written twice ("身份证" / "身份证。" / " 身份证 "): compared without spaces and end marks.
fn same(a: &Text, b: &Text) -> bool {
    fn key(s: &str) -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .trim_end_matches(['。', '.', ';', ';'])
            .to_lowercase()
    }
    key(&a.zh) == key(&b.zh)
}

/// "https://zzhrss.zaozhuang.gov.cn/" → "zzhrss.zaozhuang.gov.cn" (shorter in a QR code, still typeable).
fn bare_host(url: &str) -> &str {
    url.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/')
}

/// What is read aloud for one program, in Mandarin: name, what it gives, the person's verdict when known,
/// what to bring and where to apply. Plain sentences, no symbols a speech engine would spell out.
pub fn read_aloud_text(p: &Program, benefit: &Text, result: Option<&ProgramResult>) -> String {
    let s = wording::read_aloud(p, benefit, result);
    // Speech engines read these marks literally or stumble on them.
    s.replace(['「', '」', '“', '”', '"'], "")
}

/// The text cut into sentences to speak one by one: Chrome stops a single long utterance after about
/// 15 seconds. 。！？； end a sentence, never '.', which would split "1.2万元" into "1." and "2万元";
/// a clause longer than 60 characters may also break at ，、 or ','.
pub fn speech_chunks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        let end = matches!(
            c,
            '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF1B}' | '!' | '?' | ';'
        ) || (matches!(c, '\u{FF0C}' | '\u{3001}' | ',') && current.chars().count() > 60);
        if end {
            let s = current.trim();
            if !s.is_empty() {
                out.push(s.to_string());
            }
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests;
