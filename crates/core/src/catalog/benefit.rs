//! A program's benefit in words for this person, with the amount when the answers pick a table row.

use super::*;

/// "最高20万元(每人)", "保费的50%,最多100元(每人每年)", "金额以当地最新通知为准,可咨询12333".
pub fn describe_benefit(
    p: &Program,
    table_fact: Option<&FactDef>,
    facts: Option<&Facts>,
) -> (Text, Option<Yuan>) {
    let b = &p.benefit;
    let yuan = |n: &Option<Num>| n.as_ref().and_then(Num::lit).map(|n| Yuan(n.max(0) as u64));
    // An amount whose parameter has no value in force that day is not shown as a figure.
    let in_force = match b.kind {
        BenefitKind::Fixed | BenefitKind::Cap => yuan(&b.yuan).is_some(),
        BenefitKind::Share => b.share.as_ref().and_then(ShareRef::lit).is_some(),
        _ => true,
    };
    let kind = if in_force {
        b.kind
    } else {
        BenefitKind::Unknown
    };
    let (text, amount) = describe_kind(p, kind, table_fact, facts);
    if b.per_notice && amount.is_some() {
        return (
            Text::new(
                format!("{}(以当地最新通知为准)", text.zh),
                format!("{} (check the latest local notice)", text.en),
            ),
            amount,
        );
    }
    (text, amount)
}

/// A table row's amount, once in force.
fn row_yuan(r: &BenefitRow) -> Yuan {
    Yuan(r.yuan.lit().unwrap_or(0).max(0) as u64)
}

fn describe_kind(
    p: &Program,
    kind: BenefitKind,
    table_fact: Option<&FactDef>,
    facts: Option<&Facts>,
) -> (Text, Option<Yuan>) {
    let b = &p.benefit;
    let with_unit = |zh: String, en: String| match &b.unit {
        Some(u) => Text::new(format!("{zh}({})", u.zh), format!("{en} ({})", u.en)),
        None => Text::new(zh, en),
    };
    let yuan = |n: &Option<Num>| n.as_ref().and_then(Num::lit).map(|n| Yuan(n.max(0) as u64));
    match kind {
        BenefitKind::Fixed => {
            let y = yuan(&b.yuan).unwrap_or(Yuan(0));
            (with_unit(y.zh(), y.en()), Some(y))
        }
        BenefitKind::Cap => {
            let y = yuan(&b.yuan).unwrap_or(Yuan(0));
            (
                with_unit(format!("最高{}", y.zh()), format!("up to {}", y.en())),
                Some(y),
            )
        }
        BenefitKind::Share => {
            let s = b
                .share
                .as_ref()
                .and_then(ShareRef::lit)
                .map(|s| (s.zh(), s.en()))
                .unwrap_or_default();
            match yuan(&b.cap_yuan) {
                Some(cap) => (
                    with_unit(
                        format!("费用的{},最多{}", s.0, cap.zh()),
                        format!("{} of the cost, at most {}", s.1, cap.en()),
                    ),
                    Some(cap),
                ),
                None => (
                    with_unit(format!("费用的{}", s.0), format!("{} of the cost", s.1)),
                    None,
                ),
            }
        }
        BenefitKind::Table => {
            let chosen =
                facts.and_then(
                    |f| match (f.value(b.fact.as_deref().unwrap_or("")), table_fact) {
                        (Some(crate::facts::FactValue::Choice(v)), Some(def)) => b
                            .rows
                            .iter()
                            .find(|r| &r.value == v)
                            .map(|r| (r, def.choice(v).map(|c| c.label.clone()))),
                        _ => None,
                    },
                );
            match chosen {
                Some((row, label)) => {
                    let label = label.unwrap_or_else(|| Text::new(&row.value, &row.value));
                    (
                        with_unit(
                            format!("{}:{}", label.zh, row_yuan(row).zh()),
                            format!("{}: {}", label.en, row_yuan(row).en()),
                        ),
                        Some(row_yuan(row)),
                    )
                }
                None => {
                    let label = |v: &str, lang| {
                        table_fact.map_or(v.to_string(), |d| d.label(v, lang).to_string())
                    };
                    let zh: Vec<String> = b
                        .rows
                        .iter()
                        .map(|r| format!("{}{}", label(&r.value, Lang::Zh), row_yuan(r).zh()))
                        .collect();
                    let en: Vec<String> = b
                        .rows
                        .iter()
                        .map(|r| format!("{} {}", label(&r.value, Lang::En), row_yuan(r).en()))
                        .collect();
                    (with_unit(zh.join("、"), en.join(", ")), None)
                }
            }
        }
        BenefitKind::Unknown => {
            let w = p.where_to_check();
            (
                Text::new(
                    format!("金额以当地最新通知为准,可咨询{}", w.zh),
                    format!("Amount not published yet; ask {}", w.en),
                ),
                None,
            )
        }
        BenefitKind::None => (
            Text::new("服务类项目,不涉及补贴金额", "A service; no cash benefit"),
            None,
        ),
    }
}
