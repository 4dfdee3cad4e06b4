//! What the core's unit tests share: the date they are pinned to and the people they check against.

use crate::date::Date;
use crate::facts::{FactValue, Facts};

/// The day the built-in catalog's expectations in the unit tests were written for.
pub fn today() -> Date {
    Date::ymd(2026, 11, 26)
}

/// A ride-hailing driver registered in Zaozhuang, as in the end-to-end test.
pub fn driver() -> Facts {
    let mut f = Facts::new();
    f.set(
        "platform_work",
        FactValue::Multi(vec!["ride_hailing".into()]),
    )
    .set(
        "platform_registered_local",
        FactValue::Choice("zaozhuang".into()),
    )
    .set("platform_manager", FactValue::Bool(false))
    .set("employment_registered", FactValue::Bool(true))
    .set("birth_date", FactValue::Date(Date::ymd(1988, 5, 1)));
    f
}
