//! Reading the catalog document (built-in text or a pack's tree): entries that do not parse are left
//! out and reported, never a panic.

use super::*;

/// The catalog document in parts, its entries not yet read.
struct Parts<E> {
    readable: bool,
    meta: Option<E>,
    facts: Vec<E>,
    programs: Vec<E>,
    courses: Vec<Value>,
    load_errors: Vec<Value>,
    parameters: Vec<E>,
    sources: Vec<E>,
}

/// One entry of the catalog document, not yet read: a node of a JSON tree (packs, whose checksum needs the
/// tree) or its raw text (the built-in catalog).
trait Entry {
    fn read<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error>;
    /// The entry as a tree, to name it in a message when it cannot be read.
    fn tree(&self) -> Value;
}

impl Entry for &Value {
    fn read<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(*self)
    }
    fn tree(&self) -> Value {
        (*self).clone()
    }
}

impl Entry for &RawValue {
    fn read<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.get())
    }
    fn tree(&self) -> Value {
        serde_json::from_str(self.get()).unwrap_or(Value::Null)
    }
}

fn entry_label(raw: &Value, i: usize) -> (String, String) {
    let file = raw
        .get("file")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string();
    let id = raw
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("entry #{}", i + 1));
    (file, id)
}

impl Catalog {
    /// No programs and no facts: what the app holds until the built-in catalog has been read (see
    /// `state::data_ready`), so the first screen need not wait for it.
    pub fn empty() -> Catalog {
        Catalog {
            meta: Meta {
                version: String::new(),
                published: Date::ymd(2000, 1, 1),
                names: Vec::new(),
            },
            facts: Vec::new(),
            programs: Vec::new(),
            courses: Vec::new(),
            load_issues: Vec::new(),
            exclusions: Vec::new(),
            parameters: Parameters::default(),
            in_force_on: None,
            written: None,
            english_read: true,
            courses_read: true,
        }
    }

    /// The catalog built into the app, parsed once from [`CATALOG_JSON`]: for native code (the tests, the
    /// catalog tool, the app's build script). The web app carries the same catalog in the compact form instead
    /// (`compact.rs`), in a piece of its own (src/state/load.rs); calling this there would embed the JSON too.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(|| Catalog::from_json(CATALOG_JSON))
    }

    /// The built-in catalog's version, known without reading it (the web app carries the catalog itself
    /// in another form, see `compact.rs`; reading the JSON to learn its version would embed it twice).
    pub fn builtin_version() -> &'static str {
        CATALOG_VERSION.trim()
    }

    /// When the built-in catalog was published, known without reading it.
    pub fn builtin_published() -> Date {
        Date::parse(CATALOG_PUBLISHED.trim()).unwrap_or(Date::ymd(2000, 1, 1))
    }

    /// Reads the JSON document produced from catalog/ (`{meta, facts, programs, courses, load_errors}`).
    /// Unreadable entries are left out and kept as issues (see `validate`).
    pub fn from_document(doc: &Value) -> Catalog {
        let list = |key: &str| -> Vec<&Value> {
            doc.get(key)
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default()
        };
        let values = |key: &str| list(key).into_iter().cloned().collect();
        Catalog::from_parts(Parts {
            readable: !doc.is_null(),
            meta: doc.get("meta"),
            facts: list("facts"),
            programs: list("programs"),
            courses: values("courses"),
            load_errors: values("load_errors"),
            parameters: list("parameters"),
            sources: list("sources"),
        })
    }

    /// [`Catalog::from_document`] from the document's text, reading each entry straight from it rather
    /// than building the whole JSON tree first: the start-up parse of the built-in catalog takes half the time.
    pub fn from_json(json: &str) -> Catalog {
        #[derive(Default, Deserialize)]
        struct Document<'a> {
            #[serde(borrow, default)]
            meta: Option<&'a RawValue>,
            #[serde(borrow, default)]
            facts: Vec<&'a RawValue>,
            #[serde(borrow, default)]
            programs: Vec<&'a RawValue>,
            #[serde(default)]
            courses: Vec<Value>,
            #[serde(default)]
            load_errors: Vec<Value>,
            #[serde(borrow, default)]
            parameters: Vec<&'a RawValue>,
            #[serde(borrow, default)]
            sources: Vec<&'a RawValue>,
        }
        let (readable, doc) = match serde_json::from_str::<Document>(json) {
            Ok(doc) => (true, doc),
            Err(_) => (false, Document::default()),
        };
        Catalog::from_parts(Parts {
            readable,
            meta: doc.meta,
            facts: doc.facts,
            programs: doc.programs,
            courses: doc.courses,
            load_errors: doc.load_errors,
            parameters: doc.parameters,
            sources: doc.sources,
        })
    }

    fn from_parts<E: Entry>(doc: Parts<E>) -> Catalog {
        let mut load_issues = Vec::new();
        if !doc.readable {
            load_issues.push(issue(
                "catalog",
                "",
                "the catalog document is not valid JSON",
            ));
        }
        for e in &doc.load_errors {
            let file = e.get("file").and_then(Value::as_str).unwrap_or("?");
            let msg = e
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("unreadable");
            let entry = e.get("entry").and_then(Value::as_str).unwrap_or("");
            load_issues.push(issue(file, entry, msg));
        }
        let meta = match doc.meta.map(|m| m.read::<Meta>()) {
            Some(Ok(m)) => m,
            Some(Err(e)) => {
                load_issues.push(issue("catalog/meta.toml", "", format!("{e}")));
                Meta {
                    version: "0".into(),
                    published: Date::ymd(2000, 1, 1),
                    names: Vec::new(),
                }
            }
            None => {
                load_issues.push(issue(
                    "catalog/meta.toml",
                    "",
                    "missing `version` and `published`",
                ));
                Meta {
                    version: "0".into(),
                    published: Date::ymd(2000, 1, 1),
                    names: Vec::new(),
                }
            }
        };
        let mut facts = Vec::new();
        for (i, raw) in doc.facts.iter().enumerate() {
            match raw.read::<FactDef>() {
                Ok(f) => facts.push(f),
                Err(e) => {
                    let (file, id) = entry_label(&raw.tree(), i);
                    load_issues.push(issue(&file, &id, format!("cannot read this fact: {e}")));
                }
            }
        }
        let mut programs = Vec::new();
        for (i, raw) in doc.programs.iter().enumerate() {
            match raw.read::<Program>() {
                Ok(p) => programs.push(p),
                Err(e) => {
                    let (file, id) = entry_label(&raw.tree(), i);
                    load_issues.push(issue(&file, &id, format!("cannot read this program: {e}")));
                }
            }
        }
        let mut parameters = Parameters::default();
        for (i, raw) in doc.parameters.iter().enumerate() {
            match raw.read::<Parameter>() {
                Ok(p) => parameters.params.push(p),
                Err(e) => {
                    let (file, id) = entry_label(&raw.tree(), i);
                    load_issues.push(issue(
                        &file,
                        &id,
                        format!("cannot read this parameter: {e}"),
                    ));
                }
            }
        }
        for (i, raw) in doc.sources.iter().enumerate() {
            match raw.read::<Source>() {
                Ok(s) => parameters.sources.push(s),
                Err(e) => {
                    let (file, id) = entry_label(&raw.tree(), i);
                    load_issues.push(issue(&file, &id, format!("cannot read this source: {e}")));
                }
            }
        }
        Catalog::assemble(meta, facts, programs, doc.courses, load_issues, parameters)
            .in_force_when_published()
    }

    /// What every reader of a catalog works out once its entries are read (the JSON document here, the
    /// built-in compact form in `compact.rs`): each program's compiled rules and full sources, and the
    /// exclusions both ways. The values are not yet in force on any day ([`WrittenCatalog`]).
    pub(super) fn assemble(
        meta: Meta,
        facts: Vec<FactDef>,
        mut programs: Vec<Program>,
        courses: Vec<Value>,
        load_issues: Vec<CatalogIssue>,
        parameters: Parameters,
    ) -> WrittenCatalog {
        for p in &mut programs {
            p.compile(&facts);
        }
        // A program's source written as `{ id = "..." }` alone is the catalog-wide source of that id.
        for p in &mut programs {
            for s in &mut p.sources {
                if s.title.is_empty() {
                    if let Some(full) = parameters.source(&s.id) {
                        *s = full.clone();
                    }
                }
            }
        }
        let exclusions = programs
            .iter()
            .map(|p| {
                let mut ids: Vec<String> =
                    p.excludes.iter().filter(|x| **x != p.id).cloned().collect();
                for other in &programs {
                    if other.excludes.contains(&p.id)
                        && other.id != p.id
                        && !ids.contains(&other.id)
                    {
                        ids.push(other.id.clone());
                    }
                }
                ids
            })
            .collect();
        WrittenCatalog(Catalog {
            meta,
            facts,
            programs,
            courses,
            load_issues,
            exclusions,
            parameters,
            in_force_on: None,
            written: None,
            english_read: true,
            courses_read: true,
        })
    }
}
