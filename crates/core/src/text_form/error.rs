//! Why a text form could not be read, said so a person can find the place in the file.

use std::fmt;

/// What kind of failure it was, so clients can say "update Throughline" apart from "fix the file".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormErrorKind {
    /// Not a Throughline text form at all (another program's JSON, no `workspace.json`).
    Foreign,
    /// Written by a newer Throughline.
    Newer,
    /// A Throughline text form that is damaged, inconsistent or over a limit.
    Invalid,
}

/// A text form that could not be read: the file, the line and field where there is one, and what was
/// expected there. Nothing is returned with it, so a bad folder changes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextFormError {
    /// What kind of failure.
    pub kind: TextFormErrorKind,
    /// The file, relative to the folder (`journeys/claim-0190a1b2.json`).
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// The field, as a path (`cards[3].lane`), where known.
    pub field: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl TextFormError {
    /// An error about `file` as a whole.
    pub(crate) fn new(
        kind: TextFormErrorKind,
        file: &str,
        message: impl Into<String>,
    ) -> TextFormError {
        TextFormError {
            kind,
            file: file.to_owned(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
        }
    }

    /// An [`TextFormErrorKind::Invalid`] error about `file`.
    pub(crate) fn invalid(file: &str, message: impl Into<String>) -> TextFormError {
        TextFormError::new(TextFormErrorKind::Invalid, file, message)
    }

    /// The same error placed at `field` on `line`.
    pub(crate) fn at(mut self, line: Option<usize>, field: impl Into<String>) -> TextFormError {
        self.line = line;
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for TextFormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, ", line {l}, column {c}")?,
            (Some(l), None) => write!(f, ", line {l}")?,
            _ => {}
        }
        if let Some(field) = self.field.as_deref().filter(|p| !p.is_empty() && *p != ".") {
            write!(f, ", field {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for TextFormError {}
