//! The checks of one program: ids, dates, rule, benefit and channels.

use super::*;

impl Catalog {
    pub(super) fn validate_program(&self, p: &Program, today: Date, out: &mut Vec<CatalogIssue>) {
        let mut m: Vec<String> = Vec::new();
        if !valid_id(&p.id, '-') {
            m.push("id must be lowercase ASCII letters, digits and `-`".into());
        }
        check_text(&mut m, "`name`", &p.name);
        check_text(&mut m, "`summary`", &p.summary);
        for (i, k) in p.keywords.iter().enumerate() {
            if k.trim().is_empty() || k.trim() != k {
                m.push(format!(
                    "keyword #{} is blank or has spaces around it",
                    i + 1
                ));
            } else if k.split_whitespace().count() > 1 {
                m.push(format!(
                    "keyword `{k}` is more than one word: search matches word by word, so split it"
                ));
            } else if p.keywords[..i]
                .iter()
                .any(|o| o.to_lowercase() == k.to_lowercase())
            {
                m.push(format!("keyword `{k}` is listed twice"));
            }
        }
        if p.automatic && p.is_for_employers() {
            m.push(
                "`automatic` is for what a person gets without applying, not an employer measure"
                    .into(),
            );
        }
        if p.plan_clause.trim().is_empty() {
            m.push("`plan_clause` is missing (e.g. \"二、(二)6\")".into());
        }
        if p.departments.is_empty() {
            m.push("`departments` is empty: name who runs it, as the plan does".into());
        }
        for (i, d) in p.departments.iter().enumerate() {
            check_text(&mut m, &format!("department #{}", i + 1), d);
        }
        for (i, d) in p.documents.iter().enumerate() {
            check_text(&mut m, &format!("document #{}", i + 1), d);
        }
        if p.sources.is_empty() {
            m.push(
                "no `sources`: every entry needs at least one source with its confidence".into(),
            );
        }
        for (i, s) in p.sources.iter().enumerate() {
            if p.sources[..i].iter().any(|o| o.id == s.id) {
                m.push(format!("duplicate source id `{}`", s.id));
            }
            if s.title.trim().is_empty() {
                m.push(format!("source `{}` has no title", s.id));
            }
        }
        self.validate_benefit(p, &mut m);
        if p.is_for_employers() {
            if !p.criteria.is_empty() {
                m.push("an employer entry is never asked about: leave `criteria` empty".into());
            }
        } else {
            m.extend(validate_rule(&p.criteria, p.rule.as_ref(), &self.facts));
            if p.criteria.is_empty() && p.kind != Kind::Service {
                m.push("no `criteria`: only services open to everyone may have none".into());
            }
        }
        if !p.rules_complete && p.confirm_with.is_none() {
            m.push(
                "`rules_complete = false` needs `confirm_with` (where a person confirms the rest)"
                    .into(),
            );
        }
        if p.apply.is_empty() {
            m.push("no `apply` channel: say how and where to apply".into());
        }
        for c in p.apply.iter().chain(&p.confirm_with) {
            self.validate_channel(c, &mut m);
        }
        if let (Some(a), Some(b)) = (p.effective_from, p.effective_until) {
            if a > b {
                m.push(format!(
                    "`effective_from` {a} is after `effective_until` {b}"
                ));
            }
        }
        if p.effective_from.is_none() {
            m.push("no `effective_from`: give the first day the program applies (the plan's date for a plan-only entry)".into());
        }
        match (p.effective_until, p.open_ended) {
            (None, false) => m.push(
                "give `effective_until`, or `open_ended = true` when the sources set no end".into(),
            ),
            (Some(_), true) => {
                m.push("`effective_until` and `open_ended = true` contradict each other".into())
            }
            _ => {}
        }
        if p.review_by.is_none() {
            m.push(
                "no `review_by`: the day this entry must be checked against its sources again"
                    .into(),
            );
        }
        if let Some(until) = p.effective_until {
            if until < today {
                m.push(format!("expired on {until}: update `effective_until` from a newer notice, or remove the entry"));
            }
        }
        if p.last_verified > today {
            m.push(format!(
                "`last_verified` {} is in the future",
                p.last_verified
            ));
        }
        for x in &p.excludes {
            match self.program(x) {
                None => m.push(format!(
                    "`excludes` names `{x}`, which is not in the catalog"
                )),
                Some(o) if o.id == p.id => m.push("a program cannot exclude itself".into()),
                Some(o) if !o.excludes.contains(&p.id) => m.push(format!(
                    "`excludes` `{x}` is one-sided: add \"{}\" to the `excludes` of `{x}` ({})",
                    p.id, o.file
                )),
                _ => {}
            }
        }
        for (i, w) in p.windows.iter().enumerate() {
            if p.windows[..i].iter().any(|o| o.id == w.id)
                || p.criteria.iter().any(|c| c.id == w.id)
            {
                m.push(format!(
                    "window `{}`: its id is already used in this entry",
                    w.id
                ));
            }
            check_text(&mut m, &format!("window `{}`", w.id), &w.text);
            match (&w.fact, w.from, w.until) {
                (Some(f), None, None) => {
                    match self.fact(f) {
                        Some(d) if d.fact_type == FactType::Date => {}
                        Some(_) => m.push(format!("window `{}`: `{f}` is not a date fact", w.id)),
                        None => m.push(format!("window `{}`: unknown fact `{f}`", w.id)),
                    }
                    match (&w.years, &w.months) {
                        (Some(n), None) | (None, Some(n)) if n.lit().is_none_or(|n| n > 0) => {}
                        _ => m.push(format!(
                            "window `{}`: give a positive `years` or `months`",
                            w.id
                        )),
                    }
                }
                (None, from, until) if from.is_some() || until.is_some() => {
                    if let (Some(a), Some(b)) = (from, until) {
                        if a > b {
                            m.push(format!(
                                "window `{}`: `from` {a} is after `until` {b}",
                                w.id
                            ));
                        }
                    }
                    if w.years.is_some() || w.months.is_some() {
                        m.push(format!(
                            "window `{}`: `years`/`months` only go with `fact`",
                            w.id
                        ));
                    }
                }
                _ => m.push(format!(
                    "window `{}`: give either `fact` + `months`/`years`, or `from`/`until`",
                    w.id
                )),
            }
        }
        out.extend(m.into_iter().map(|msg| issue(&p.file, &p.id, msg)));
    }

    fn validate_benefit(&self, p: &Program, m: &mut Vec<String>) {
        let b = &p.benefit;
        let has_amount =
            b.yuan.is_some() || b.cap_yuan.is_some() || !b.rows.is_empty() || b.share.is_some();
        match b.kind {
            BenefitKind::Fixed | BenefitKind::Cap => match &b.yuan {
                Some(n) if n.lit().is_none_or(|n| n > 0) => {}
                _ => m.push("benefit: `fixed` and `cap` need `yuan` > 0".into()),
            },
            BenefitKind::Share => {
                if b.share.is_none() {
                    m.push("benefit: `share` needs `share = \"50%\"` or \"2/3\"".into());
                }
            }
            BenefitKind::Table => match b.fact.as_deref().map(|f| (f, self.fact(f))) {
                Some((_, Some(def))) if def.fact_type == FactType::Choice => {
                    if b.rows.is_empty() {
                        m.push("benefit: `table` needs `rows`".into());
                    }
                    for r in &b.rows {
                        if def.choice(&r.value).is_none() {
                            m.push(format!(
                                "benefit: row `{}` is not a choice of `{}`",
                                r.value, def.id
                            ));
                        }
                    }
                }
                Some((f, Some(_))) => {
                    m.push(format!("benefit: table fact `{f}` must be a choice fact"))
                }
                Some((f, None)) => m.push(format!("benefit: unknown fact `{f}`")),
                None => m.push("benefit: `table` needs `fact` (a choice fact) and `rows`".into()),
            },
            BenefitKind::Unknown | BenefitKind::None => {
                if has_amount {
                    m.push("benefit: an `unknown`/`none` benefit cannot carry amounts".into());
                }
            }
        }
        if !matches!(b.kind, BenefitKind::Unknown | BenefitKind::None) {
            match &b.source {
                None => m.push("benefit: an amount needs `source` (a `sources` id): never state a figure without one".into()),
                Some(s) if !p.sources.iter().any(|x| &x.id == s) => {
                    m.push(format!("benefit: `source = \"{s}\"` is not one of this entry's `sources`"))
                }
                _ => {}
            }
        }
        for (what, t) in [
            ("unit", &b.unit),
            ("period", &b.period),
            ("duration", &b.duration),
            ("note", &b.note),
        ] {
            if let Some(t) = t {
                check_text(m, &format!("benefit `{what}`"), t);
            }
        }
    }

    fn validate_channel(&self, c: &Channel, m: &mut Vec<String>) {
        let needs_name = matches!(
            c.channel,
            ChannelKind::Aishandong | ChannelKind::PlatformApp | ChannelKind::Other
        );
        match &c.name {
            Some(n) => check_text(m, "channel `name`", n),
            None if needs_name => m.push(format!(
                "channel `{:?}` needs `name` (the service, app or place)",
                c.channel
            )),
            None => {}
        }
        if c.channel == ChannelKind::Website
            && c.url.as_deref().is_none_or(|u| !u.starts_with("http"))
        {
            m.push("channel `website` needs `url` starting with http".into());
        }
        if let Some(n) = &c.note {
            check_text(m, "channel `note`", n);
        }
    }
}
