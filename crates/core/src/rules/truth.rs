//! The truth of one criterion's test for one person, and what to ask to decide it (an age band stands
//! in for a birth date).

use super::*;

/// The truth of a criterion's own test, with the value it was computed from.
#[derive(Clone, Debug)]
pub(super) enum Truth {
    Known(bool),
    Unknown,
    /// The fact does not apply (its `ask_if` fails, e.g. a graduation date for someone without a degree):
    /// the test cannot hold.
    NotApplicable,
    /// An age test decided by the age band the person gave instead of a birth date: it holds (or fails)
    /// for every age of the band, from `lo` to `hi` (inclusive; None: open on that side).
    Band {
        holds: bool,
        lo: Option<i64>,
        hi: Option<i64>,
    },
}

impl Truth {
    pub(super) fn status(&self) -> Status {
        match self {
            Truth::Known(b) | Truth::Band { holds: b, .. } => Status::from_bool(*b),
            Truth::Unknown => Status::Unknown,
            Truth::NotApplicable => Status::Failed,
        }
    }
}

pub(super) fn truth(
    c: &Criterion,
    def: Option<&FactDef>,
    vocabulary: &[FactDef],
    facts: &Facts,
    today: Date,
    depth: u8,
) -> Truth {
    // A question that does not apply is a "no", not an open question, even if an old answer is still
    // stored (the person changed the answer it depends on). Checking this first also keeps evaluation
    // monotone: adding an answer never turns a decided criterion back into an unknown one.
    if let (Some(ask_if), true) = (def.and_then(|d| d.ask_if.as_ref()), depth < 4) {
        let parent = vocabulary.iter().find(|d| d.id == ask_if.fact);
        if let Truth::Known(false) | Truth::Band { holds: false, .. } | Truth::NotApplicable =
            truth(ask_if, parent, vocabulary, facts, today, depth + 1)
        {
            return Truth::NotApplicable;
        }
    }
    match facts.answer(&c.fact) {
        Some(Answer::Known(v)) => match c.holds(v, today) {
            Some(b) => Truth::Known(b),
            None => Truth::Unknown,
        },
        // `answered` is the one test that can say something about "不清楚".
        Some(Answer::Unknown) if c.test == TestKind::Answered => Truth::Known(false),
        _ => band_truth(c, vocabulary, facts).unwrap_or(Truth::Unknown),
    }
}

/// The age band that stands in for the birth date an age test is on: the vocabulary index of the
/// `choice` fact whose `age_of` names it. None for other tests.
pub(super) fn age_band(c: &Criterion, vocabulary: &[FactDef]) -> Option<usize> {
    if !matches!(c.test, TestKind::AgeBetween | TestKind::AgeBelow) {
        return None;
    }
    vocabulary
        .iter()
        .position(|d| d.age_of.as_deref() == Some(c.fact.as_str()))
}

/// An age test on a birth date that is not known, decided from the age band answered instead: only when
/// the test holds for every age of the band or for none (a band that straddles a limit decides nothing).
pub(super) fn band_truth(c: &Criterion, vocabulary: &[FactDef], facts: &Facts) -> Option<Truth> {
    let band = &vocabulary[age_band(c, vocabulary)?];
    let Some(FactValue::Choice(v)) = facts.value(&band.id) else {
        return None;
    };
    let (lo, hi) = band.choice(v)?.ages()?;
    let holds = band_holds(c, lo, hi)?;
    Some(Truth::Band { holds, lo, hi })
}

/// Whether an age test holds for every age from `lo` to `hi` (Some(true)), for none (Some(false)), or for
/// some only (None). Limits as `Criterion::holds` reads them; an unresolved `age_below` limit decides nothing.
pub fn band_holds(c: &Criterion, lo: Option<i64>, hi: Option<i64>) -> Option<bool> {
    let (min, max) = match c.test {
        TestKind::AgeBetween => (c.min_n(), c.max_n()),
        TestKind::AgeBelow => (None, Some(c.value_n()? - 1)),
        _ => return None,
    };
    let (lo, hi) = (lo.unwrap_or(i64::MIN), hi.unwrap_or(i64::MAX));
    let (min, max) = (min.unwrap_or(i64::MIN), max.unwrap_or(i64::MAX));
    if lo > hi {
        return None;
    }
    if lo >= min && hi <= max {
        Some(true)
    } else if hi < min || lo > max {
        Some(false)
    } else {
        None
    }
}

/// What to ask so that an undecided age test gets decided: the age band while it is not answered (one
/// tap instead of a date), the birth date when the band given straddles the test's limit, nothing when
/// the band was answered 不清楚 (whoever does not know their age band does not know the date either).
pub(super) fn band_or_date(
    band: usize,
    date: Option<usize>,
    vocabulary: &[FactDef],
    facts: &Facts,
) -> Option<usize> {
    match facts.answer(&vocabulary[band].id) {
        None => Some(band),
        Some(Answer::Known(_)) => date,
        Some(Answer::Unknown) => None,
    }
}

/// For a test on a fact that is not known yet (an `ask_if`): the fact to ask to decide it — the fact
/// itself, or for an age test the age band or the birth date (see `band_or_date`). Some(Ok(b)) when it is
/// already decided (by an answer or by the band), Some(Err(fi)) the fact to ask, None when nothing can
/// decide it any more (answered 不清楚).
pub fn decide_or_ask(
    c: &Criterion,
    vocabulary: &[FactDef],
    facts: &Facts,
    today: Date,
) -> Option<Result<bool, usize>> {
    match facts.answer(&c.fact) {
        Some(Answer::Known(v)) => return c.holds(v, today).map(Ok),
        Some(Answer::Unknown) if age_band(c, vocabulary).is_none() => return None,
        _ => {}
    }
    if let Some(Truth::Band { holds, .. }) = band_truth(c, vocabulary, facts) {
        return Some(Ok(holds));
    }
    let date = vocabulary.iter().position(|d| d.id == c.fact);
    match age_band(c, vocabulary) {
        Some(bi) => band_or_date(bi, date, vocabulary, facts)
            .filter(|fi| !facts.is_answered(&vocabulary[*fi].id))
            .map(Err),
        None => date.map(Err),
    }
}
