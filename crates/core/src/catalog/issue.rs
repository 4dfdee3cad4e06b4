//! A problem in the catalog, naming the file and the entry.

use super::*;

/// A problem in the catalog, naming the file and the entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogIssue {
    pub file: String,
    pub entry: String,
    pub message: String,
}

impl fmt::Display for CatalogIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.entry.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: [{}] {}", self.file, self.entry, self.message)
        }
    }
}

pub(super) fn issue(file: &str, entry: &str, message: impl Into<String>) -> CatalogIssue {
    CatalogIssue {
        file: file.to_string(),
        entry: entry.to_string(),
        message: message.into(),
    }
}
