//! Compiling a rule (criterion ids resolved, `not` pushed down to the criteria) and evaluating it in
//! three-valued logic, with the criteria that decide the outcome and the steps that would change it.

use super::explain::{sentence, step};
use super::truth::{age_band, band_or_date, truth, Truth};
use super::*;

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
pub(super) enum Node {
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

pub(super) fn compile_node(
    node: &RuleNode,
    neg: bool,
    criteria: &[Criterion],
    negated: &mut [bool],
) -> Node {
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

pub(super) fn eval(node: &Node, st: &[Status]) -> Status {
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
