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
        return (Benefit::per_notice_text(&text), amount);
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
    let with_unit = |t: Text| Benefit::with_unit_text(t, b.unit.as_ref());
    let words = |y: Yuan| Text::new(y.zh(), y.en());
    let yuan = |n: &Option<Num>| n.as_ref().and_then(Num::lit).map(|n| Yuan(n.max(0) as u64));
    match kind {
        BenefitKind::Fixed => {
            let y = yuan(&b.yuan).unwrap_or(Yuan(0));
            (with_unit(words(y)), Some(y))
        }
        BenefitKind::Cap => {
            let y = yuan(&b.yuan).unwrap_or(Yuan(0));
            (with_unit(Benefit::cap_text(&words(y))), Some(y))
        }
        BenefitKind::Share => {
            let s = b
                .share
                .as_ref()
                .and_then(ShareRef::lit)
                .map(|s| Text::new(s.zh(), s.en()))
                .unwrap_or_default();
            let cap = yuan(&b.cap_yuan);
            (
                with_unit(Benefit::share_text(&s, cap.map(words).as_ref())),
                cap,
            )
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
                        with_unit(Benefit::row_text(&label, &words(row_yuan(row)))),
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
                        .map(|r| {
                            let amount = row_yuan(r).zh();
                            Benefit::table_row_text(&label(&r.value, Lang::Zh), &amount, Lang::Zh)
                        })
                        .collect();
                    let en: Vec<String> = b
                        .rows
                        .iter()
                        .map(|r| {
                            let amount = row_yuan(r).en();
                            Benefit::table_row_text(&label(&r.value, Lang::En), &amount, Lang::En)
                        })
                        .collect();
                    (with_unit(Benefit::table_text(&zh, &en)), None)
                }
            }
        }
        BenefitKind::Unknown => {
            let w = p.where_to_check();
            (Benefit::unknown_text(&w), None)
        }
        BenefitKind::None => (Benefit::none_text(), None),
    }
}
