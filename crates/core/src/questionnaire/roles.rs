//! The first screen, "你是做什么的?": the roles a person picks, the facts they settle for certain and the
//! questions they put first.

use super::*;

/// The first screen, "你是做什么的?": a `multi` fact no program tests. It is asked before anything else,
/// sets the facts its choices say for certain, and puts the questions that matter to the chosen roles first.
pub const ROLE_FACT: &str = "roles";

/// What one choice of the first screen means.
pub(super) struct Role {
    /// The choice value in catalog/facts.toml.
    pub(super) value: &'static str,
    /// Facts this role settles for certain (a veteran is a veteran).
    pub(super) sets: &'static [(&'static str, bool)],
    /// Questions to ask before the others, in this order, when they still matter.
    pub(super) first: &'static [&'static str],
    /// For a `multi` fact: the choice this role rules out (a rider does platform work: not "都没有").
    pub(super) rules_out: &'static [(&'static str, &'static str)],
    /// The kind of platform work (a `PLATFORM_WORK` value) this role is. The platform roles of the first
    /// screen list every kind a person may tick, so ticking only such roles answers `PLATFORM_WORK` with
    /// exactly their kinds; ticking 其他平台工作 as well leaves it to be asked.
    pub(super) kind: Option<&'static str>,
}

/// The platform-work question the kinds of the first screen's roles answer.
pub(super) const PLATFORM_WORK: &str = "platform_work";
/// The platforms, shown on the first screen under a platform role (src/pages/check.rs).
pub const PLATFORMS: &str = "platforms";

/// The questions of a platform worker, after the kind of his work.
pub(super) const PLATFORM_FIRST: &[&str] = &[
    "platform_work",
    "platforms",
    "platform_registered_local",
    "platform_manager",
    "employment_registered",
];

const ROLES: &[Role] = &[
    Role {
        value: "food_delivery_rider",
        sets: &[],
        first: PLATFORM_FIRST,
        rules_out: &[("platform_work", "none")],
        kind: Some("food_delivery"),
    },
    Role {
        value: "ride_hailing_driver",
        sets: &[],
        first: PLATFORM_FIRST,
        rules_out: &[("platform_work", "none")],
        kind: Some("ride_hailing"),
    },
    Role {
        value: "courier",
        sets: &[],
        first: PLATFORM_FIRST,
        rules_out: &[("platform_work", "none")],
        kind: Some("courier"),
    },
    // 其他平台工作 (freight, an online shop, ...; before 2026-12 the one choice 骑手/司机/快递员).
    Role {
        value: "platform_worker",
        sets: &[],
        first: PLATFORM_FIRST,
        rules_out: &[("platform_work", "none")],
        kind: None,
    },
    Role {
        value: "graduate",
        sets: &[],
        first: &["edu_level", "work_city", "graduation_date"],
        rules_out: &[],
        kind: None,
    },
    Role {
        value: "returning_founder",
        sets: &[("returning_migrant", true)],
        first: &["business_form", "business_registered_date", "hukou_place"],
        rules_out: &[],
        kind: None,
    },
    Role {
        value: "veteran",
        sets: &[("veteran", true)],
        first: &["business_form"],
        rules_out: &[],
        kind: None,
    },
    Role {
        value: "trainee",
        sets: &[],
        first: &["cert_level", "cert_date", "cert_claimed_before"],
        rules_out: &[],
        kind: None,
    },
];

/// The platform roles of the first screen: those whose screen also shows the platforms to tick.
pub fn is_platform_role(value: &str) -> bool {
    ROLES
        .iter()
        .any(|r| r.value == value && r.first == PLATFORM_FIRST)
}

/// What the roles picked say of `PLATFORM_WORK`: its answer when every platform role picked is one kind
/// of work, None when none is picked or 其他平台工作 is (then it is asked).
pub(super) fn platform_kinds(catalog: &Catalog, picked: Option<&FactValue>) -> Option<FactValue> {
    let Some(FactValue::Multi(l)) = picked else {
        return None;
    };
    let chosen: Vec<&Role> = ROLES
        .iter()
        .filter(|r| r.first == PLATFORM_FIRST && l.iter().any(|x| x == r.value))
        .collect();
    if chosen.is_empty() || chosen.iter().any(|r| r.kind.is_none()) {
        return None;
    }
    // In the order of the question's own choices.
    let def = catalog.fact(PLATFORM_WORK)?;
    let kinds = def
        .choices
        .iter()
        .filter(|c| chosen.iter().any(|r| r.kind == Some(c.value.as_str())))
        .map(|c| c.value.clone())
        .collect();
    Some(FactValue::Multi(kinds))
}

/// The roles picked on the first screen (empty when it was not answered or answered 不清楚).
pub(super) fn roles(facts: &Facts) -> Vec<&'static Role> {
    match facts.value(ROLE_FACT) {
        Some(FactValue::Multi(picked)) => ROLES
            .iter()
            .filter(|r| picked.iter().any(|p| p == r.value))
            .collect(),
        _ => Vec::new(),
    }
}

/// What answering the first screen changes in the other facts: `(fact, Some(value))` to record,
/// `(fact, None)` to forget (a role taken back: its fact is asked again). Only facts of the vocabulary
/// whose answer is not already known otherwise are set; nothing for any other fact.
pub fn implied(
    catalog: &Catalog,
    facts: &Facts,
    fact: &str,
    value: Option<&FactValue>,
) -> Vec<(String, Option<FactValue>)> {
    if fact != ROLE_FACT {
        return Vec::new();
    }
    let picked = |v: Option<&FactValue>, role: &str| match v {
        Some(FactValue::Multi(l)) => l.iter().any(|x| x == role),
        _ => false,
    };
    let before = facts.value(ROLE_FACT);
    let mut out = Vec::new();
    // The kinds of platform work: set from the roles, or forgotten when it was set from roles taken back.
    let (was, now) = (
        platform_kinds(catalog, before),
        platform_kinds(catalog, value),
    );
    let current = facts.value(PLATFORM_WORK);
    match now {
        Some(kinds) if current != Some(&kinds) => {
            out.push((PLATFORM_WORK.to_string(), Some(kinds)));
        }
        None if was.is_some() && current == was.as_ref() => {
            out.push((PLATFORM_WORK.to_string(), None));
        }
        _ => {}
    }
    for r in ROLES {
        let (was, now) = (picked(before, r.value), picked(value, r.value));
        for &(id, b) in r.sets {
            let Some(def) = catalog.fact(id) else {
                continue;
            };
            if def.fact_type != FactType::Bool {
                continue;
            }
            let current = facts.value(id);
            if now && current != Some(&FactValue::Bool(b)) {
                out.push((id.to_string(), Some(FactValue::Bool(b))));
            } else if was && !now && current == Some(&FactValue::Bool(b)) {
                out.push((id.to_string(), None));
            }
        }
    }
    out
}

/// The choices to show for `def`: all of them, less any the roles picked on the first screen rule out.
pub fn choices_shown<'a>(def: &'a FactDef, facts: &Facts) -> Vec<&'a crate::facts::Choice> {
    let out: Vec<_> = roles(facts)
        .iter()
        .flat_map(|r| r.rules_out.iter())
        .filter(|(id, _)| *id == def.id)
        .map(|(_, v)| *v)
        .collect();
    def.choices
        .iter()
        .filter(|c| !out.contains(&c.value.as_str()))
        .collect()
}
