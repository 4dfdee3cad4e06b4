//! Why a backup file was refused, as data; the wording is in `text::errors`.

/// Which store a bad record was found in (for the refusal message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Answers,
    Saved,
    TrainingEvents,
    Settings,
    LearningRecord,
}

/// Why a backup file was refused. Every refusal happens before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Over [`MAX_BACKUP_BYTES`]; not even parsed.
    TooLarge { bytes: usize },
    /// Not valid UTF-8 JSON, or cut off part way (an interrupted download or copy).
    NotJson,
    /// JSON, but not a 乐业通 backup (another app's file, or a document of another kind).
    WrongFormat,
    /// Written by a newer format version this build cannot read.
    UnsupportedVersion { found: String },
    /// A format version no LeYe ever wrote (0, negative, a fraction, text): the file was made or edited
    /// by something else.
    UnknownVersion { found: String },
    /// The records do not match their checksum: the file was edited or damaged.
    ChecksumMismatch,
    /// A record has the wrong shape, an over-long string or an impossible value.
    BadRecord {
        section: Section,
        index: usize,
        problem: String,
    },
}
