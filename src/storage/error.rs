//! What can go wrong in storage, as data: the user's wording is the core's ([`leye_core::text::storage`]).

use leye_core::backup::BackupError;
use leye_core::i18n::Message as _;
use leye_core::lang::Lang;
use leye_core::text::storage::{self as text, StorageText};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// What went wrong in storage, with a message telling the user what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// IndexedDB cannot be used here (private mode, blocked by settings, or an open error).
    Unavailable(String),
    /// Another tab runs an older version of the app and keeps the database open.
    Blocked,
    /// The browser's database gave no answer at all when opened (no error, no "blocked"): it hangs.
    OpenTimedOut,
    /// A newer version of the app opened the database in another tab; this connection was closed.
    Closed,
    /// The database was written by a newer version of the app than this one.
    NewerVersion,
    /// The phone (or the browser's share of it) is out of space. Nothing new was written.
    QuotaExceeded,
    /// A record with this id already exists (training events are append-only).
    Duplicate,
    /// The value is too long or has the wrong shape to be stored.
    Invalid(String),
    /// A stored record could not be read back (damaged data).
    Corrupt(String),
    /// A backup file was refused; nothing was changed.
    Backup(BackupError),
    /// The entry breaks a rule checked against what is stored (zh/en: why, and what to do); nothing
    /// was saved.
    Refused(leye_core::lang::Text),
    /// Any other IndexedDB failure.
    Failed(String),
}

impl StorageError {
    /// The banner shown on every screen while the app runs on the in-memory backend.
    pub fn banner(lang: Lang) -> &'static str {
        StorageText::Banner.text(lang)
    }

    /// What to tell the person (the wording is the core's text layer: [`leye_core::text::storage`]).
    pub fn message(&self, lang: Lang) -> String {
        use StorageError::*;
        let key = match self {
            Unavailable(_) => StorageText::Unavailable,
            Blocked => StorageText::Blocked,
            OpenTimedOut => StorageText::OpenTimedOut,
            Closed => StorageText::Closed,
            NewerVersion => StorageText::NewerVersion,
            QuotaExceeded => StorageText::QuotaExceeded,
            Duplicate => StorageText::Duplicate,
            Invalid(problem) => return text::invalid(lang, problem),
            Corrupt(_) => StorageText::Corrupt,
            Backup(e) => return e.message(lang),
            Refused(why) => return why.get(lang).to_owned(),
            Failed(_) => StorageText::Failed,
        };
        key.text(lang).to_owned()
    }

    /// Maps a browser DOMException to the variant the user can act on.
    pub fn from_dom_exception(e: &web_sys::DomException) -> StorageError {
        match e.name().as_str() {
            "QuotaExceededError" => StorageError::QuotaExceeded,
            "ConstraintError" => StorageError::Duplicate,
            "VersionError" => StorageError::NewerVersion,
            "DataCloneError" | "DataError" => StorageError::Invalid(e.message()),
            name => StorageError::Failed(format!("{name}: {}", e.message())),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))?;
        match self {
            StorageError::Unavailable(d) | StorageError::Corrupt(d) | StorageError::Failed(d) => {
                write!(f, " ({d})")
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for StorageError {}

impl From<BackupError> for StorageError {
    fn from(e: BackupError) -> Self {
        StorageError::Backup(e)
    }
}

/// Maps an IndexedDB failure to the variant the user can act on.
pub(super) fn idb(e: indexed_db_futures::error::Error) -> StorageError {
    use indexed_db_futures::error::Error;
    match e {
        Error::DomException(d) => StorageError::from_dom_exception(&web_sys::DomException::from(d)),
        Error::Serialisation(_) => StorageError::Corrupt(describe_idb(&e)),
        _ => StorageError::Failed(describe_idb(&e)),
    }
}

/// The detail of an IndexedDB failure, for the developer's console and bug reports. Written out here rather
/// than with the library's own `Display`, whose value errors print an `f64`: that one use put Rust's float
/// formatting (9 KB of wasm) into the code every start-up loads (issue 16, docs/size.md).
pub(super) fn describe_idb(e: &indexed_db_futures::error::Error) -> String {
    use indexed_db_futures::error::{Error, SerialisationError};
    match e {
        Error::Serialisation(SerialisationError::SimpleValue(_)) => {
            "a stored value is not of the type expected".to_owned()
        }
        Error::Serialisation(SerialisationError::Serde(s)) => s.to_string(),
        Error::DomException(d) => describe(&web_sys::DomException::from(d.clone())),
        Error::MissingData(m) => m.to_string(),
        Error::Unknown(j) => describe(j.as_ref()),
    }
}

/// A short technical description of a thrown JS value, for error details.
pub(crate) fn describe(e: &JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}
