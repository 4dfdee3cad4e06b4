//! Eligibility rules as data: criteria (one test on one fact each) combined by all / any / not, evaluated in
//! three-valued logic so that "不清楚" can only ever lead to "needs more information", never a wrong verdict.
//!
//! Programs and courses share this format (docs/catalog-format.md). `Rule` is the owned form a course embeds;
//! `evaluate_rule` and `Rule::validate` are the public entry points for it. Programs are compiled once when
//! the catalog loads (`Compiled`), so evaluating the whole catalog does no id lookups.

use super::date::Date;
use super::facts::criterion::span_months;
use super::facts::{Answer, FactDef, FactType, FactValue, Facts};
pub use super::facts::{Criterion, TestKind};
use super::lang::{Lang, Text};
pub use super::params::Num;
use serde::{Deserialize, Serialize};

/// Three-valued result of a test or a rule, from the person's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Failed,
    Unknown,
}

impl Status {
    fn from_bool(b: bool) -> Status {
        if b {
            Status::Met
        } else {
            Status::Failed
        }
    }
    fn flip(self) -> Status {
        match self {
            Status::Met => Status::Failed,
            Status::Failed => Status::Met,
            Status::Unknown => Status::Unknown,
        }
    }
}

/// How criteria combine: a criterion id, or `{ all = [...] }`, `{ any = [...] }`, `{ not = node }`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RuleNode {
    Criterion(String),
    All(AllNode),
    Any(AnyNode),
    Not(NotNode),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllNode {
    pub all: Vec<RuleNode>,
}
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnyNode {
    pub any: Vec<RuleNode>,
}
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotNode {
    pub not: Box<RuleNode>,
}

/// An eligibility rule: criteria and how they combine (all of them when `rule` is absent).
/// Courses embed it with `#[serde(flatten)]`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Rule {
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleNode>,
}

impl Rule {
    pub fn compile(&self, vocabulary: &[FactDef]) -> Compiled {
        Compiled::new(self.criteria.clone(), self.rule.as_ref(), vocabulary)
    }

    /// Problems of this rule against the vocabulary (unknown facts, type errors, contradictions...).
    pub fn validate(&self, vocabulary: &[FactDef]) -> Vec<String> {
        validate_rule(&self.criteria, self.rule.as_ref(), vocabulary)
    }
}

/// One line of the trace: how one criterion came out for this person, as a sentence in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    pub criterion: String,
    pub fact: String,
    pub status: Status,
    pub text: Text,
    /// The fact does not apply to this person (its question is not asked, e.g. a graduation date for
    /// someone without a degree), so the criterion cannot hold. Views may fold these lines away.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
    /// This criterion decides the result: a failure on a failing path, an unknown on an undecided path,
    /// or a met condition of an eligible result. A failed alternative of a met `any` is not decisive.
    pub decisive: bool,
}

/// Something a person can do to become eligible ("完成就业登记后即可申请"), or a day from which time alone
/// fixes it (`ready_on`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub criterion: String,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready_on: Option<Date>,
}

/// The result of a rule for one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleResult {
    pub status: Status,
    /// Met, but an `uncertain` criterion does not hold: "likely eligible — confirm" at best.
    pub doubtful: bool,
    pub trace: Vec<CriterionResult>,
    /// For `Failed`: what would make it hold, when every blocking criterion can be changed; else empty.
    pub steps: Vec<Step>,
}

/// Evaluates a course's (or any) rule. Compiles on each call: cheap for a handful of criteria.
pub fn evaluate_rule(
    rule: &Rule,
    vocabulary: &[FactDef],
    facts: &Facts,
    today: Date,
) -> RuleResult {
    rule.compile(vocabulary).evaluate(vocabulary, facts, today)
}

/// A rule with criterion references resolved and `not` pushed down to the criteria, so evaluation is a
/// single pass over a small tree.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub criteria: Vec<Criterion>,
    root: Node,
    /// Criterion i sits under an odd number of `not`s: its own test must fail for the rule to hold.
    negated: Vec<bool>,
    /// Index of each criterion's fact in the vocabulary.
    fact_index: Vec<Option<usize>>,
    /// For an age test: the index of the age band that stands in for its birth date (`age_of`).
    band_index: Vec<Option<usize>>,
}

#[derive(Clone, Debug)]
enum Node {
    Leaf(usize),
    All(Vec<Node>),
    Any(Vec<Node>),
    /// A reference to no criterion (reported by validation): never decides anything.
    Broken,
}

impl Compiled {
    pub fn new(
        criteria: Vec<Criterion>,
        rule: Option<&RuleNode>,
        vocabulary: &[FactDef],
    ) -> Compiled {
        let mut negated = vec![false; criteria.len()];
        let root = match rule {
            Some(node) => compile_node(node, false, &criteria, &mut negated),
            None => Node::All((0..criteria.len()).map(Node::Leaf).collect()),
        };
        let fact_index = criteria
            .iter()
            .map(|c| vocabulary.iter().position(|d| d.id == c.fact))
            .collect();
        let band_index = criteria.iter().map(|c| age_band(c, vocabulary)).collect();
        Compiled {
            criteria,
            root,
            negated,
            fact_index,
            band_index,
        }
    }

    /// Adds a criterion that must hold in addition to the rule (used for claim deadlines).
    pub(crate) fn require(&mut self, c: Criterion, vocabulary: &[FactDef]) {
        let i = self.criteria.len();
        self.fact_index
            .push(vocabulary.iter().position(|d| d.id == c.fact));
        self.band_index.push(age_band(&c, vocabulary));
        self.criteria.push(c);
        self.negated.push(false);
        let root = std::mem::replace(&mut self.root, Node::Broken);
        self.root = match root {
            Node::All(mut v) => {
                v.push(Node::Leaf(i));
                Node::All(v)
            }
            other => Node::All(vec![other, Node::Leaf(i)]),
        };
    }

    /// The raw three-valued truth of each criterion's own test (not adjusted for `not`).
    fn truths(&self, vocabulary: &[FactDef], facts: &Facts, today: Date) -> Vec<Truth> {
        self.criteria
            .iter()
            .zip(&self.fact_index)
            .map(|(c, fi)| truth(c, fi.map(|i| &vocabulary[i]), vocabulary, facts, today, 0))
            .collect()
    }

    /// Each criterion's status as the person reads it (a failed `uncertain` one stays failed).
    fn statuses(&self, truths: &[Truth]) -> Vec<Status> {
        truths
            .iter()
            .zip(&self.negated)
            .map(|(t, neg)| if *neg { t.status().flip() } else { t.status() })
            .collect()
    }

    /// The statuses the rule combines: a failed `uncertain` criterion does not fail the rule (the doubt is
    /// reported by `doubtful`).
    fn rule_statuses(&self, truths: &[Truth]) -> Vec<Status> {
        let mut st = self.statuses(truths);
        for (s, c) in st.iter_mut().zip(&self.criteria) {
            if c.uncertain && *s == Status::Failed {
                *s = Status::Met;
            }
        }
        st
    }

    /// The overall status only (what the questionnaire needs, without rendering sentences).
    pub fn status(&self, vocabulary: &[FactDef], facts: &Facts, today: Date) -> Status {
        let st = self.rule_statuses(&self.truths(vocabulary, facts, today));
        eval(&self.root, &st)
    }

    /// Facts whose answer could still change the result (empty unless the status is Unknown).
    pub fn deciding_facts(
        &self,
        vocabulary: &[FactDef],
        facts: &Facts,
        today: Date,
        out: &mut Vec<usize>,
    ) {
        let st = self.rule_statuses(&self.truths(vocabulary, facts, today));
        if eval(&self.root, &st) != Status::Unknown {
            return;
        }
        let mut leaves = Vec::new();
        unknown_leaves(&self.root, &st, &mut leaves);
        for i in leaves {
            let fi = match self.band_index[i] {
                Some(bi) => band_or_date(bi, self.fact_index[i], vocabulary, facts),
                None => self.fact_index[i],
            };
            if let Some(fi) = fi {
                if !out.contains(&fi) {
                    out.push(fi);
                }
            }
        }
    }

    pub fn evaluate(&self, vocabulary: &[FactDef], facts: &Facts, today: Date) -> RuleResult {
        let truths = self.truths(vocabulary, facts, today);
        let shown = self.statuses(&truths);
        let st = self.rule_statuses(&truths);
        let status = eval(&self.root, &st);
        let mut decisive = vec![false; st.len()];
        mark_decisive(&self.root, &st, status, &mut decisive);
        let doubtful = status == Status::Met
            && self
                .criteria
                .iter()
                .zip(&shown)
                .any(|(c, s)| c.uncertain && *s == Status::Failed);
        let trace = self
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let def = self.fact_index[i].map(|fi| &vocabulary[fi]);
                CriterionResult {
                    criterion: c.id.clone(),
                    fact: c.fact.clone(),
                    status: shown[i],
                    text: sentence(c, def, &truths[i], facts, today),
                    not_applicable: matches!(truths[i], Truth::NotApplicable),
                    decisive: decisive[i],
                }
            })
            .collect();
        let steps = if status == Status::Failed {
            fixes(&self.root, &st, self)
                .unwrap_or_default()
                .into_iter()
                .map(|i| {
                    let c = &self.criteria[i];
                    let def = self.fact_index[i].map(|fi| &vocabulary[fi]);
                    step(c, def, facts, today)
                })
                .collect()
        } else {
            Vec::new()
        };
        RuleResult {
            status,
            doubtful,
            trace,
            steps,
        }
    }
}

fn compile_node(node: &RuleNode, neg: bool, criteria: &[Criterion], negated: &mut [bool]) -> Node {
    match node {
        RuleNode::Criterion(id) => match criteria.iter().position(|c| &c.id == id) {
            Some(i) => {
                negated[i] = neg;
                Node::Leaf(i)
            }
            None => Node::Broken,
        },
        // De Morgan: not(all) = any(not), not(any) = all(not).
        RuleNode::All(n) => {
            let kids = n
                .all
                .iter()
                .map(|k| compile_node(k, neg, criteria, negated))
                .collect();
            if neg {
                Node::Any(kids)
            } else {
                Node::All(kids)
            }
        }
        RuleNode::Any(n) => {
            let kids = n
                .any
                .iter()
                .map(|k| compile_node(k, neg, criteria, negated))
                .collect();
            if neg {
                Node::All(kids)
            } else {
                Node::Any(kids)
            }
        }
        RuleNode::Not(n) => compile_node(&n.not, !neg, criteria, negated),
    }
}

fn eval(node: &Node, st: &[Status]) -> Status {
    match node {
        Node::Leaf(i) => st[*i],
        Node::Broken => Status::Unknown,
        Node::All(kids) => {
            let mut acc = Status::Met;
            for k in kids {
                match eval(k, st) {
                    Status::Failed => return Status::Failed,
                    Status::Unknown => acc = Status::Unknown,
                    Status::Met => {}
                }
            }
            acc
        }
        Node::Any(kids) => {
            let mut acc = Status::Failed;
            for k in kids {
                match eval(k, st) {
                    Status::Met => return Status::Met,
                    Status::Unknown => acc = Status::Unknown,
                    Status::Failed => {}
                }
            }
            acc
        }
    }
}

/// Marks the criteria that explain a node's status `s` (see `CriterionResult::decisive`).
fn mark_decisive(node: &Node, st: &[Status], s: Status, out: &mut [bool]) {
    match node {
        Node::Leaf(i) => out[*i] = st[*i] == s,
        Node::Broken => {}
        Node::All(kids) | Node::Any(kids) => {
            for k in kids {
                let ks = eval(k, st);
                // In an `all` that failed, the failed parts explain it; in an `any` that failed, every part
                // does; otherwise the parts sharing the node's status.
                let explains = match (node, s) {
                    (Node::Any(_), Status::Failed) => true,
                    _ => ks == s,
                };
                if explains {
                    mark_decisive(k, st, ks, out);
                }
            }
        }
    }
}

/// Leaves whose answer could change an Unknown node: inside an undecided `all` nothing has failed and
/// inside an undecided `any` nothing holds, so every unknown child matters.
fn unknown_leaves(node: &Node, st: &[Status], out: &mut Vec<usize>) {
    match node {
        Node::Leaf(i) => {
            if st[*i] == Status::Unknown {
                out.push(*i)
            }
        }
        Node::Broken => {}
        Node::All(kids) | Node::Any(kids) => {
            for k in kids {
                if eval(k, st) == Status::Unknown {
                    unknown_leaves(k, st, out);
                }
            }
        }
    }
}

/// For a failed node: the changeable criteria that would make it hold, or None if something blocking
/// cannot be changed by the person.
fn fixes(node: &Node, st: &[Status], c: &Compiled) -> Option<Vec<usize>> {
    match node {
        Node::Leaf(i) => match st[*i] {
            Status::Failed => {
                let crit = &c.criteria[*i];
                let changeable =
                    !c.negated[*i] && (crit.change.is_some() || crit.test == TestKind::AtLeastAgo);
                changeable.then(|| vec![*i])
            }
            _ => Some(Vec::new()),
        },
        Node::Broken => None,
        Node::All(kids) => {
            let mut out = Vec::new();
            for k in kids {
                if eval(k, st) == Status::Failed {
                    out.extend(fixes(k, st, c)?);
                }
            }
            Some(out)
        }
        Node::Any(kids) => kids
            .iter()
            .filter_map(|k| fixes(k, st, c))
            .min_by_key(Vec::len),
    }
}

/// The truth of a criterion's own test, with the value it was computed from.
#[derive(Clone, Debug)]
enum Truth {
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
    fn status(&self) -> Status {
        match self {
            Truth::Known(b) | Truth::Band { holds: b, .. } => Status::from_bool(*b),
            Truth::Unknown => Status::Unknown,
            Truth::NotApplicable => Status::Failed,
        }
    }
}

fn truth(
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
fn age_band(c: &Criterion, vocabulary: &[FactDef]) -> Option<usize> {
    if !matches!(c.test, TestKind::AgeBetween | TestKind::AgeBelow) {
        return None;
    }
    vocabulary
        .iter()
        .position(|d| d.age_of.as_deref() == Some(c.fact.as_str()))
}

/// An age test on a birth date that is not known, decided from the age band answered instead: only when
/// the test holds for every age of the band or for none (a band that straddles a limit decides nothing).
fn band_truth(c: &Criterion, vocabulary: &[FactDef], facts: &Facts) -> Option<Truth> {
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
fn band_or_date(
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

/// Placeholder names allowed in criterion sentences.
pub const PLACEHOLDERS: &[&str] = &[
    "value",
    "year",
    "date",
    "age",
    "years_ago",
    "months_ago",
    "short",
    "ready_on",
];

/// Values of the placeholders for one criterion and one person.
#[derive(Default)]
struct Vars {
    value: Option<Text>,
    year: Option<String>,
    date: Option<String>,
    age: Option<Text>,
    years_ago: Option<String>,
    months_ago: Option<String>,
    short: Option<String>,
    ready_on: Option<String>,
}

impl Vars {
    fn new(c: &Criterion, def: Option<&FactDef>, facts: &Facts, today: Date) -> Vars {
        let mut v = Vars::default();
        let Some(value) = facts.value(&c.fact) else {
            return v;
        };
        v.value = Some(match value {
            FactValue::Bool(b) => {
                if *b {
                    Text::new("是", "yes")
                } else {
                    Text::new("否", "no")
                }
            }
            FactValue::Int(n) => Text::new(n.to_string(), n.to_string()),
            FactValue::Date(d) => Text::new(d.to_string(), d.to_string()),
            FactValue::Choice(ch) => match def.and_then(|d| d.choice(ch)) {
                Some(choice) => choice.label.clone(),
                None => Text::new(ch.clone(), ch.clone()),
            },
            FactValue::Multi(list) => {
                let label = |lang| -> Vec<&str> {
                    list.iter()
                        .map(|x| def.map_or(x.as_str(), |d| d.label(x, lang)))
                        .collect()
                };
                Text::new(label(Lang::Zh).join("、"), label(Lang::En).join(", "))
            }
        });
        match value {
            FactValue::Int(n) => {
                if let (TestKind::AtLeast, Some(need)) = (c.test, c.value_n()) {
                    if need > *n {
                        v.short = Some((need - n).to_string());
                    }
                }
            }
            FactValue::Date(d) => {
                v.year = Some(d.year().to_string());
                v.date = Some(d.to_string());
                let age = d.age_on(today).to_string();
                v.age = Some(Text::new(age.clone(), age));
                v.years_ago = Some((d.whole_months_until(today) / 12).to_string());
                v.months_ago = Some(d.whole_months_until(today).to_string());
                if let Some(m) = span_months(c) {
                    let edge = d.add_months(m);
                    match c.test {
                        TestKind::AtLeastAgo => {
                            v.ready_on = Some(edge.to_string());
                            if edge > today {
                                // Round up: waiting "0 months" while the day is still ahead would mislead.
                                let whole = today.whole_months_until(edge);
                                let left = if today.add_months(whole) < edge {
                                    whole + 1
                                } else {
                                    whole
                                };
                                v.short = Some(left.to_string());
                            }
                        }
                        TestKind::Within => v.ready_on = Some(edge.to_string()),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        v
    }

    fn get(&self, name: &str, lang: Lang) -> Option<&str> {
        match name {
            "value" => self.value.as_ref().map(|t| t.get(lang)),
            "year" => self.year.as_deref(),
            "date" => self.date.as_deref(),
            "age" => self.age.as_ref().map(|t| t.get(lang)),
            "years_ago" => self.years_ago.as_deref(),
            "months_ago" => self.months_ago.as_deref(),
            "short" => self.short.as_deref(),
            "ready_on" => self.ready_on.as_deref(),
            _ => None,
        }
    }

    fn fill(&self, template: &Text) -> Text {
        Text::new(
            fill(&template.zh, self, Lang::Zh),
            fill(&template.en, self, Lang::En),
        )
    }
}

fn fill(t: &str, vars: &Vars, lang: Lang) -> String {
    if !t.contains('{') {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len() + 8);
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                let name = &after[..j];
                match vars.get(name, lang) {
                    Some(v) => out.push_str(v),
                    None if PLACEHOLDERS.contains(&name) => {}
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Placeholder names used in a text that do not exist (for validation).
pub fn unknown_placeholders(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else { break };
        let name = &after[..j];
        // Parameters (`{skill_subsidy.max_claims}`) are checked with the catalog's parameters.
        if !PLACEHOLDERS.contains(&name) && !super::params::is_parameter_name(name) {
            out.push(name.to_string());
        }
        rest = &after[j + 1..];
    }
    out
}

/// Fills a template, computing placeholder values only when it has any (most sentences have none).
fn render(
    template: &Text,
    c: &Criterion,
    def: Option<&FactDef>,
    facts: &Facts,
    today: Date,
) -> Text {
    if template.zh.contains('{') || template.en.contains('{') {
        Vars::new(c, def, facts, today).fill(template)
    } else {
        template.clone()
    }
}

/// `{age}` for an age band: "16到24" / "16 to 24", "不到16" / "under 16", "满50" / "50 or older", so that
/// "你{age}岁" and "You are {age}" read as with an exact age.
fn band_age(lo: Option<i64>, hi: Option<i64>) -> Text {
    match (lo.filter(|l| *l > 0), hi) {
        (Some(l), Some(h)) if l == h => Text::new(l.to_string(), l.to_string()),
        (Some(l), Some(h)) => Text::new(format!("{l}到{h}"), format!("{l} to {h}")),
        (None, Some(h)) => Text::new(format!("不到{}", h + 1), format!("under {}", h + 1)),
        (Some(l), None) => Text::new(format!("满{l}"), format!("{l} or older")),
        (None, None) => Text::new("", ""),
    }
}

fn sentence(c: &Criterion, def: Option<&FactDef>, t: &Truth, facts: &Facts, today: Date) -> Text {
    match t {
        Truth::Known(true) => render(&c.met, c, def, facts, today),
        Truth::Known(false) => render(&c.failed, c, def, facts, today),
        Truth::Band { holds, lo, hi } => {
            let vars = Vars {
                age: Some(band_age(*lo, *hi)),
                ..Vars::default()
            };
            vars.fill(if *holds { &c.met } else { &c.failed })
        }
        Truth::NotApplicable => {
            if c.failed.zh.contains('{') || c.failed.en.contains('{') {
                let q = def.map_or_else(|| Text::new(&c.fact, &c.fact), |d| d.question.clone());
                Text::new(
                    format!("不符合此条件(不适用于你的情况:{})", q.zh),
                    format!("Not met (does not apply to you: {})", q.en),
                )
            } else {
                c.failed.clone()
            }
        }
        Truth::Unknown => match &c.unknown {
            Some(u) => render(u, c, def, facts, today),
            None => {
                let q = def.map_or_else(|| Text::new(&c.fact, &c.fact), |d| d.question.clone());
                Text::new(
                    format!("还需要知道:{}", q.zh),
                    format!("Still needed: {}", q.en),
                )
            }
        },
    }
}

fn step(c: &Criterion, def: Option<&FactDef>, facts: &Facts, today: Date) -> Step {
    let vars = Vars::new(c, def, facts, today);
    let ready_on = match (c.test, facts.value(&c.fact), span_months(c)) {
        (TestKind::AtLeastAgo, Some(FactValue::Date(d)), Some(m)) => Some(d.add_months(m)),
        _ => None,
    };
    let text = match (&c.change, ready_on) {
        (Some(t), _) => vars.fill(t),
        (None, Some(d)) => Text::new(
            format!("到{d}即满足此条件"),
            format!("You will meet this condition on {d}"),
        ),
        (None, None) => c.failed.clone(),
    };
    Step {
        criterion: c.id.clone(),
        text,
        ready_on,
    }
}

// ------------------------------------------------------------------------------------------ validation

/// Checks criteria and their combination against the vocabulary. Messages name the criterion.
pub fn validate_rule(
    criteria: &[Criterion],
    rule: Option<&RuleNode>,
    vocabulary: &[FactDef],
) -> Vec<String> {
    let mut issues = Vec::new();
    for (i, c) in criteria.iter().enumerate() {
        let name = if c.id.is_empty() {
            format!("criterion #{}", i + 1)
        } else {
            format!("criterion `{}`", c.id)
        };
        if c.id.is_empty() {
            issues.push(format!("{name}: missing `id`"));
        } else if criteria[..i].iter().any(|o| o.id == c.id) {
            issues.push(format!("{name}: duplicate criterion id"));
        }
        for (what, t) in [("met", &c.met), ("failed", &c.failed)] {
            check_text(&mut issues, &format!("{name}: `{what}`"), t);
        }
        for (what, t) in [("unknown", &c.unknown), ("change", &c.change)] {
            if let Some(t) = t {
                check_text(&mut issues, &format!("{name}: `{what}`"), t);
            }
        }
        issues.extend(
            validate_test(c, vocabulary)
                .into_iter()
                .map(|m| format!("{name}: {m}")),
        );
    }
    if let Some(node) = rule {
        let mut used = vec![0u32; criteria.len()];
        check_node(node, criteria, &mut used, &mut issues);
        for (c, n) in criteria.iter().zip(&used) {
            match n {
                0 => issues.push(format!(
                    "criterion `{}` is not used in `rule`: it would never be checked",
                    c.id
                )),
                1 => {}
                _ => issues.push(format!(
                    "criterion `{}` is used {n} times in `rule`: use it once",
                    c.id
                )),
            }
        }
    }
    // Contradictions: an `all` whose direct criteria on one fact can never hold together.
    let mut negated = vec![false; criteria.len()];
    let root = match rule {
        Some(n) => compile_node(n, false, criteria, &mut negated),
        None => Node::All((0..criteria.len()).map(Node::Leaf).collect()),
    };
    contradictions(&root, criteria, &negated, vocabulary, &mut issues);
    issues
}

/// Both languages present (a missing translation is a bug the person would see).
pub fn check_text(issues: &mut Vec<String>, what: &str, t: &Text) {
    if t.zh.trim().is_empty() {
        issues.push(format!("{what}: Chinese text (zh) is missing"));
    }
    if t.en.trim().is_empty() {
        issues.push(format!("{what}: English text (en) is missing"));
    }
    for name in unknown_placeholders(&t.zh)
        .into_iter()
        .chain(unknown_placeholders(&t.en))
    {
        issues.push(format!(
            "{what}: unknown placeholder {{{name}}} (allowed: {})",
            PLACEHOLDERS.join(", ")
        ));
    }
}

/// Checks one test against its fact: type, parameters and choice values.
pub fn validate_test(c: &Criterion, vocabulary: &[FactDef]) -> Vec<String> {
    use TestKind::*;
    let mut out = Vec::new();
    let Some(def) = vocabulary.iter().find(|d| d.id == c.fact) else {
        return vec![format!(
            "unknown fact `{}` (not in catalog/facts.toml)",
            c.fact
        )];
    };
    if let Some(want) = c.test.fact_type() {
        if want != def.fact_type {
            out.push(format!(
                "test `{}` needs a {} fact, but `{}` is {}",
                c.test.name(),
                want.name(),
                def.id,
                def.fact_type.name()
            ));
            return out;
        }
    }
    let needs_values = matches!(c.test, In | NotIn | AnyOf | AllOf | NoneOf);
    if needs_values {
        if c.values.is_empty() {
            out.push(format!(
                "test `{}` needs a non-empty `values` list",
                c.test.name()
            ));
        }
        for v in &c.values {
            if def.choice(v).is_none() {
                let allowed: Vec<&str> = def.choices.iter().map(|c| c.value.as_str()).collect();
                out.push(format!(
                    "`{v}` is not a choice of `{}` (choices: {})",
                    def.id,
                    allowed.join(", ")
                ));
            }
        }
    } else if !c.values.is_empty() {
        out.push(format!("`values` is not used by test `{}`", c.test.name()));
    }
    match c.test {
        AtLeast | AtMost | Below | AgeBelow if c.value.is_none() => {
            out.push(format!("test `{}` needs `value`", c.test.name()));
        }
        // Parameters are checked for existence and unit by the catalog; numbers only where both are known.
        Between | AgeBetween if c.min.is_none() && c.max.is_none() => {
            out.push(format!("test `{}` needs `min` and/or `max`", c.test.name()))
        }
        Between | AgeBetween => {
            if let (Some(a), Some(b)) = (c.min_n(), c.max_n()) {
                if a > b {
                    out.push(format!("`min` {a} is above `max` {b}: this can never hold"))
                }
            }
        }
        Within | AtLeastAgo => match (&c.years, &c.months) {
            (None, None) => out.push(format!(
                "test `{}` needs `years` or `months`",
                c.test.name()
            )),
            (Some(_), Some(_)) => out.push("give either `years` or `months`, not both".to_string()),
            (Some(n), None) | (None, Some(n)) if n.lit().is_some_and(|n| n <= 0) => {
                out.push(format!("the span must be positive (got {n})"))
            }
            _ => {}
        },
        OnOrAfter | OnOrBefore if c.date.is_none() => {
            out.push(format!("test `{}` needs `date`", c.test.name()));
        }
        _ => {}
    }
    let stray = |present: bool, key: &str, out: &mut Vec<String>| {
        if present {
            out.push(format!("`{key}` is not used by test `{}`", c.test.name()));
        }
    };
    stray(
        c.value.is_some() && !matches!(c.test, AtLeast | AtMost | Below | AgeBelow),
        "value",
        &mut out,
    );
    stray(
        (c.min.is_some() || c.max.is_some()) && !matches!(c.test, Between | AgeBetween),
        "min/max",
        &mut out,
    );
    stray(
        (c.years.is_some() || c.months.is_some()) && !matches!(c.test, Within | AtLeastAgo),
        "years/months",
        &mut out,
    );
    stray(
        c.date.is_some() && !matches!(c.test, OnOrAfter | OnOrBefore),
        "date",
        &mut out,
    );
    out
}

fn check_node(node: &RuleNode, criteria: &[Criterion], used: &mut [u32], issues: &mut Vec<String>) {
    match node {
        RuleNode::Criterion(id) => match criteria.iter().position(|c| &c.id == id) {
            Some(i) => used[i] += 1,
            None => issues.push(format!(
                "`rule` refers to `{id}`, which is not a criterion of this entry"
            )),
        },
        RuleNode::All(n) if n.all.is_empty() => issues.push("`rule`: an empty `all` list".into()),
        RuleNode::Any(n) if n.any.is_empty() => {
            issues.push("`rule`: an empty `any` list: it can never hold".into())
        }
        RuleNode::All(AllNode { all: kids }) | RuleNode::Any(AnyNode { any: kids }) => {
            for k in kids {
                check_node(k, criteria, used, issues)
            }
        }
        RuleNode::Not(n) => check_node(&n.not, criteria, used, issues),
    }
}

/// Reports sets of criteria in one `all` that can never hold together, and single criteria that can never
/// hold (a range outside the fact's limits).
fn contradictions(
    node: &Node,
    criteria: &[Criterion],
    negated: &[bool],
    vocabulary: &[FactDef],
    issues: &mut Vec<String>,
) {
    let kids: Vec<&Node> = match node {
        Node::All(k) | Node::Any(k) => k.iter().collect(),
        _ => return,
    };
    for k in &kids {
        contradictions(k, criteria, negated, vocabulary, issues);
    }
    let leaves: Vec<usize> = kids
        .iter()
        .filter_map(|k| {
            if let Node::Leaf(i) = k {
                Some(*i)
            } else {
                None
            }
        })
        .collect();
    // Under `any` only single criteria are checked; under `all` criteria on the same fact are combined.
    let groups: Vec<Vec<usize>> = if matches!(node, Node::All(_)) {
        let mut facts: Vec<&str> = leaves.iter().map(|i| criteria[*i].fact.as_str()).collect();
        facts.dedup();
        let mut seen = Vec::new();
        facts
            .into_iter()
            .filter(|f| {
                let new = !seen.contains(f);
                seen.push(*f);
                new
            })
            .map(|f| {
                leaves
                    .iter()
                    .copied()
                    .filter(|i| criteria[*i].fact == f)
                    .collect()
            })
            .collect()
    } else {
        leaves.iter().map(|i| vec![*i]).collect()
    };
    for g in groups {
        if g.iter().any(|i| negated[*i]) {
            continue;
        }
        let Some(def) = vocabulary.iter().find(|d| d.id == criteria[g[0]].fact) else {
            continue;
        };
        if !satisfiable(&g, criteria, def) {
            let ids: Vec<String> = g.iter().map(|i| format!("`{}`", criteria[*i].id)).collect();
            if g.len() == 1 {
                issues.push(format!(
                    "criterion {} can never hold for any answer to `{}`",
                    ids[0], def.id
                ));
            } else {
                issues.push(format!(
                    "criteria {} contradict each other: no answer to `{}` meets all of them",
                    ids.join(" and "),
                    def.id
                ));
            }
        }
    }
    // A criterion whose question is only asked under a condition (`ask_if`) that its `all` siblings rule
    // out can never hold: e.g. a graduation date next to "education is senior high".
    if matches!(node, Node::All(_)) {
        for &i in leaves.iter().filter(|i| !negated[**i]) {
            let Some(cond) = vocabulary
                .iter()
                .find(|d| d.id == criteria[i].fact)
                .and_then(|d| d.ask_if.as_ref())
            else {
                continue;
            };
            let Some(parent) = vocabulary.iter().find(|d| d.id == cond.fact) else {
                continue;
            };
            let siblings: Vec<usize> = leaves
                .iter()
                .copied()
                .filter(|j| !negated[*j] && criteria[*j].fact == cond.fact)
                .collect();
            if siblings.is_empty() {
                continue;
            }
            let mut together: Vec<Criterion> =
                siblings.iter().map(|j| criteria[*j].clone()).collect();
            together.push(cond.clone());
            let all: Vec<usize> = (0..together.len()).collect();
            if !satisfiable(&all, &together, parent) {
                let ids: Vec<String> = siblings
                    .iter()
                    .map(|j| format!("`{}`", criteria[*j].id))
                    .collect();
                issues.push(format!(
                    "criterion `{}` can never hold: `{}` is only asked when its `ask_if` on `{}` holds, which {} rule out",
                    criteria[i].id,
                    criteria[i].fact,
                    cond.fact,
                    ids.join(" and ")
                ));
            }
        }
    }
}

/// Whether some answer to `def` meets every criterion in `group` (all on that fact).
fn satisfiable(group: &[usize], criteria: &[Criterion], def: &FactDef) -> bool {
    use TestKind::*;
    let cs: Vec<&Criterion> = group.iter().map(|i| &criteria[*i]).collect();
    if cs
        .iter()
        .any(|c| c.test.fact_type().is_some_and(|t| t != def.fact_type))
    {
        return true; // type errors are reported elsewhere
    }
    match def.fact_type {
        FactType::Bool => {
            !(cs.iter().any(|c| c.test == IsTrue) && cs.iter().any(|c| c.test == IsFalse))
        }
        FactType::Choice => def.choices.iter().any(|ch| {
            cs.iter().all(|c| match c.test {
                In => c.values.contains(&ch.value),
                NotIn => !c.values.contains(&ch.value),
                _ => true,
            })
        }),
        FactType::Multi => {
            // A set meeting all: take every value required by all_of, plus one value per any_of; none_of
            // forbids values. Satisfiable iff required values are not forbidden and each any_of has an
            // allowed value.
            let forbidden: Vec<&String> = cs
                .iter()
                .filter(|c| c.test == NoneOf)
                .flat_map(|c| &c.values)
                .collect();
            let all_ok = cs
                .iter()
                .filter(|c| c.test == AllOf)
                .flat_map(|c| &c.values)
                .all(|v| !forbidden.contains(&v));
            let any_ok = cs
                .iter()
                .filter(|c| c.test == AnyOf)
                .all(|c| c.values.iter().any(|v| !forbidden.contains(&v)));
            all_ok && any_ok
        }
        FactType::Int => {
            let (mut lo, mut hi) = (def.min.unwrap_or(i64::MIN), def.max.unwrap_or(i64::MAX));
            for c in &cs {
                match c.test {
                    AtLeast => lo = lo.max(c.value_n().unwrap_or(i64::MIN)),
                    AtMost => hi = hi.min(c.value_n().unwrap_or(i64::MAX)),
                    Below => hi = hi.min(c.value_n().map_or(i64::MAX, |v| v - 1)),
                    Between => {
                        lo = lo.max(c.min_n().unwrap_or(i64::MIN));
                        hi = hi.min(c.max_n().unwrap_or(i64::MAX));
                    }
                    _ => {}
                }
            }
            lo <= hi
        }
        FactType::Date => {
            // In "months before today": within N means age <= N, at_least_ago M means age >= M.
            let (mut lo, mut hi) = (i64::MIN, i64::MAX);
            let (mut age_lo, mut age_hi) = (i64::MIN, i64::MAX);
            let (mut after, mut before) = (None::<Date>, None::<Date>);
            for c in &cs {
                let span = span_months(c).map(i64::from);
                match c.test {
                    Within => hi = hi.min(span.unwrap_or(i64::MAX)),
                    AtLeastAgo => lo = lo.max(span.unwrap_or(i64::MIN)),
                    AgeBelow => age_hi = age_hi.min(c.value_n().map_or(i64::MAX, |v| v - 1)),
                    AgeBetween => {
                        age_lo = age_lo.max(c.min_n().unwrap_or(i64::MIN));
                        age_hi = age_hi.min(c.max_n().unwrap_or(i64::MAX));
                    }
                    OnOrAfter => after = after.max(c.date),
                    OnOrBefore => {
                        before = Some(
                            before.map_or(c.date.unwrap_or(Date::ymd(9999, 12, 31)), |b| {
                                b.min(c.date.unwrap_or(b))
                            }),
                        )
                    }
                    _ => {}
                }
            }
            let future_ok = !def.not_future || hi >= 0;
            lo <= hi
                && age_lo <= age_hi
                && future_ok
                && !matches!((after, before), (Some(a), Some(b)) if a > b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vec<FactDef> {
        serde_json::from_str(
            r#"[
            {"id":"registered","type":"bool","question":{"zh":"就业登记了吗?","en":"Registered?"}},
            {"id":"edu","type":"choice","question":{"zh":"学历?","en":"Education?"},
             "choices":[{"value":"high","label":{"zh":"高中","en":"High school"}},{"value":"bachelor","label":{"zh":"本科","en":"Bachelor"}}]},
            {"id":"grad","type":"date","question":{"zh":"毕业时间?","en":"Graduated?"},"not_future":true,
             "ask_if":{"fact":"edu","test":"in","values":["bachelor"]}},
            {"id":"months","type":"int","question":{"zh":"月数?","en":"Months?"},"min":0,"max":600}
            ]"#,
        )
        .unwrap()
    }

    fn crit(json: &str) -> Criterion {
        let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
        let m = v.as_object_mut().unwrap();
        m.entry("met")
            .or_insert(serde_json::json!({"zh":"符合","en":"met"}));
        m.entry("failed")
            .or_insert(serde_json::json!({"zh":"不符合","en":"failed"}));
        serde_json::from_value(v).unwrap()
    }

    fn today() -> Date {
        Date::ymd(2026, 11, 26)
    }

    #[test]
    fn fills_values_into_sentences() {
        let c = crit(
            r#"{"id":"g5","fact":"grad","test":"within","years":5,
            "failed":{"zh":"你{year}年毕业,已超过5年","en":"You graduated in {year}, more than 5 years ago"}}"#,
        );
        let rule = Rule {
            criteria: vec![c],
            rule: None,
        };
        let mut f = Facts::new();
        f.set("grad", FactValue::Date(Date::ymd(2019, 7, 1)));
        let r = evaluate_rule(&rule, &vocab(), &f, today());
        assert_eq!(r.status, Status::Failed);
        assert_eq!(r.trace[0].text.zh, "你2019年毕业,已超过5年");
        assert_eq!(
            r.trace[0].text.en,
            "You graduated in 2019, more than 5 years ago"
        );
    }

    #[test]
    fn unknown_only_matters_when_it_could_change_the_result() {
        let rule = Rule {
            criteria: vec![
                crit(r#"{"id":"reg","fact":"registered","test":"is_true"}"#),
                crit(r#"{"id":"m","fact":"months","test":"at_least","value":12}"#),
            ],
            rule: None,
        };
        let v = vocab();
        let mut f = Facts::new();
        assert_eq!(
            evaluate_rule(&rule, &v, &f, today()).status,
            Status::Unknown
        );
        f.set("registered", FactValue::Bool(false));
        // One failed part decides an `all`, whatever the unknown part would say.
        assert_eq!(evaluate_rule(&rule, &v, &f, today()).status, Status::Failed);
        f.set("registered", FactValue::Bool(true))
            .mark_unknown("months");
        let r = evaluate_rule(&rule, &v, &f, today());
        assert_eq!(r.status, Status::Unknown);
        assert_eq!(r.trace[1].text.zh, "还需要知道:月数?");
    }

    #[test]
    fn steps_say_how_far_away_eligibility_is() {
        let rule = Rule {
            criteria: vec![
                crit(
                    r#"{"id":"reg","fact":"registered","test":"is_true","change":{"zh":"完成就业登记后即可申请","en":"Register first"}}"#,
                ),
                crit(
                    r#"{"id":"m","fact":"months","test":"at_least","value":12,
                  "change":{"zh":"再缴满{short}个月失业保险","en":"Pay {short} more months"}}"#,
                ),
            ],
            rule: None,
        };
        let mut f = Facts::new();
        f.set("registered", FactValue::Bool(false))
            .set("months", FactValue::Int(9));
        let r = evaluate_rule(&rule, &vocab(), &f, today());
        let texts: Vec<&str> = r.steps.iter().map(|s| s.text.zh.as_str()).collect();
        assert_eq!(texts, ["完成就业登记后即可申请", "再缴满3个月失业保险"]);
    }

    #[test]
    fn no_steps_when_a_blocking_criterion_cannot_change() {
        let rule = Rule {
            criteria: vec![
                crit(
                    r#"{"id":"reg","fact":"registered","test":"is_true","change":{"zh":"去登记","en":"Register"}}"#,
                ),
                crit(r#"{"id":"edu","fact":"edu","test":"in","values":["bachelor"]}"#),
            ],
            rule: None,
        };
        let mut f = Facts::new();
        f.set("registered", FactValue::Bool(false))
            .set("edu", FactValue::Choice("high".into()));
        assert!(evaluate_rule(&rule, &vocab(), &f, today()).steps.is_empty());
    }

    #[test]
    fn not_and_any_combine_in_three_valued_logic() {
        let rule: Rule = serde_json::from_value(serde_json::json!({
            "criteria": [
                {"id":"reg","fact":"registered","test":"is_true","met":{"zh":"a","en":"a"},"failed":{"zh":"b","en":"b"}},
                {"id":"m","fact":"months","test":"at_least","value":12,"met":{"zh":"a","en":"a"},"failed":{"zh":"b","en":"b"}}
            ],
            "rule": {"any": [{"not": "reg"}, "m"]}
        }))
        .unwrap();
        let v = vocab();
        let mut f = Facts::new();
        f.set("registered", FactValue::Bool(false));
        let r = evaluate_rule(&rule, &v, &f, today());
        assert_eq!((r.status, r.trace[0].status), (Status::Met, Status::Met));
        f.set("registered", FactValue::Bool(true));
        assert_eq!(
            evaluate_rule(&rule, &v, &f, today()).status,
            Status::Unknown
        );
        f.set("months", FactValue::Int(3));
        assert_eq!(evaluate_rule(&rule, &v, &f, today()).status, Status::Failed);
    }

    #[test]
    fn a_question_that_does_not_apply_is_a_no() {
        let rule = Rule {
            criteria: vec![crit(
                r#"{"id":"g","fact":"grad","test":"within","years":2}"#,
            )],
            rule: None,
        };
        let v = vocab();
        let mut f = Facts::new();
        assert_eq!(
            evaluate_rule(&rule, &v, &f, today()).status,
            Status::Unknown
        );
        f.set("edu", FactValue::Choice("high".into()));
        let r = evaluate_rule(&rule, &v, &f, today());
        assert_eq!(r.status, Status::Failed);
        assert_eq!(r.trace[0].text.zh, "不符合");
    }

    #[test]
    fn validation_finds_type_errors_unknown_facts_and_contradictions() {
        let v = vocab();
        let bad = |json: &str| validate_rule(&[crit(json)], None, &v).join("\n");
        assert!(bad(r#"{"id":"x","fact":"nope","test":"is_true"}"#).contains("unknown fact `nope`"));
        assert!(
            bad(r#"{"id":"x","fact":"registered","test":"within","years":1}"#)
                .contains("needs a date fact")
        );
        assert!(
            bad(r#"{"id":"x","fact":"edu","test":"in","values":["phd"]}"#)
                .contains("`phd` is not a choice")
        );
        assert!(
            bad(r#"{"id":"x","fact":"months","test":"at_least","value":700}"#)
                .contains("can never hold")
        );
        assert!(bad(r#"{"id":"x","fact":"months","test":"at_least"}"#).contains("needs `value`"));
        let both = [
            crit(r#"{"id":"a","fact":"months","test":"at_least","value":12}"#),
            crit(r#"{"id":"b","fact":"months","test":"at_most","value":6}"#),
        ];
        assert!(validate_rule(&both, None, &v)
            .join("\n")
            .contains("contradict"));
        let rule: RuleNode = serde_json::from_str(r#"{"any":["a","c"]}"#).unwrap();
        let msgs = validate_rule(&both, Some(&rule), &v).join("\n");
        assert!(
            msgs.contains("refers to `c`") && msgs.contains("`b` is not used"),
            "{msgs}"
        );
        let gated = [
            crit(r#"{"id":"hs","fact":"edu","test":"in","values":["high"]}"#),
            crit(r#"{"id":"g","fact":"grad","test":"within","years":2}"#),
        ];
        assert!(validate_rule(&gated, None, &v)
            .join("\n")
            .contains("criterion `g` can never hold"));
        let fine = [
            crit(r#"{"id":"ba","fact":"edu","test":"in","values":["bachelor"]}"#),
            crit(r#"{"id":"g","fact":"grad","test":"within","years":2}"#),
        ];
        assert!(
            validate_rule(&fine, None, &v).is_empty(),
            "{:?}",
            validate_rule(&fine, None, &v)
        );
        let mut missing = crit(r#"{"id":"a","fact":"registered","test":"is_true"}"#);
        missing.met.en.clear();
        missing.failed.zh = "你{yeer}年".into();
        let msgs = validate_rule(&[missing], None, &v).join("\n");
        assert!(
            msgs.contains("English text (en) is missing") && msgs.contains("{yeer}"),
            "{msgs}"
        );
    }
}
