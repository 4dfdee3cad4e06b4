//! A person's answers (`Facts`) and their JSON form (docs/facts-json.md).

use super::{Answer, FactDef, FactError, FactValue};
use crate::date::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A person's answers. Absent = not asked yet; `Answer::Unknown` = asked, "不清楚".
/// Serialises as the facts JSON object of docs/facts-json.md.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    answers: BTreeMap<String, Answer>,
}

impl Facts {
    pub fn new() -> Facts {
        Facts::default()
    }

    /// Records a value (no checking: use `questionnaire::answer` or `FactDef::check` for user input).
    pub fn set(&mut self, fact: impl Into<String>, value: FactValue) -> &mut Facts {
        self.answers.insert(fact.into(), Answer::Known(value));
        self
    }

    /// Records "不清楚/跳过".
    pub fn mark_unknown(&mut self, fact: impl Into<String>) -> &mut Facts {
        self.answers.insert(fact.into(), Answer::Unknown);
        self
    }

    /// Forgets the answer, so the question can be asked again.
    pub fn unset(&mut self, fact: &str) -> Option<Answer> {
        self.answers.remove(fact)
    }

    pub fn answer(&self, fact: &str) -> Option<&Answer> {
        self.answers.get(fact)
    }

    /// The known value, if any.
    pub fn value(&self, fact: &str) -> Option<&FactValue> {
        match self.answers.get(fact) {
            Some(Answer::Known(v)) => Some(v),
            _ => None,
        }
    }

    /// True once the question was answered, including "不清楚".
    pub fn is_answered(&self, fact: &str) -> bool {
        self.answers.contains_key(fact)
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.answers.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Reads facts JSON, checking every answer against the vocabulary. All problems are returned.
    pub fn from_json_checked(
        json: &str,
        vocabulary: &[FactDef],
        today: Date,
    ) -> Result<Facts, Vec<FactError>> {
        let map: BTreeMap<String, Value> =
            serde_json::from_str(json).map_err(|e| vec![FactError::Malformed(e.to_string())])?;
        let mut facts = Facts::new();
        let mut errors = Vec::new();
        for (id, raw) in map {
            match vocabulary.iter().find(|d| d.id == id) {
                None => errors.push(FactError::UnknownFact(id)),
                Some(def) => match def.parse(&raw, today) {
                    Ok(a) => {
                        facts.answers.insert(id, a);
                    }
                    Err(e) => errors.push(e),
                },
            }
        }
        if errors.is_empty() {
            Ok(facts)
        } else {
            Err(errors)
        }
    }
}

impl Serialize for Facts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.answers.len()))?;
        for (k, v) in &self.answers {
            m.serialize_entry(k, &v.to_json())?;
        }
        m.end()
    }
}

/// Lenient reading (no vocabulary at hand): strings that look like dates become dates. Unreadable values
/// (objects, floats) are refused. Use `Facts::from_json_checked` for user files.
impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Facts, D::Error> {
        let map = BTreeMap::<String, Value>::deserialize(d)?;
        let mut answers = BTreeMap::new();
        for (k, raw) in map {
            let a = Answer::from_json(&raw, None).ok_or_else(|| {
                serde::de::Error::custom(format!("fact `{k}`: not a valid answer: {raw}"))
            })?;
            answers.insert(k, a);
        }
        Ok(Facts { answers })
    }
}
