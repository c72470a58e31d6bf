//! The one error type of xtask: a sentence for the user, printed as `xtask: <sentence>`.

use std::fmt;

/// Why a task stopped, worded for the person who ran it.
#[derive(Debug)]
pub struct Failure(String);

impl Failure {
    /// Wraps a message that already says what failed and, where possible, what to do about it.
    pub fn new(message: impl Into<String>) -> Failure {
        Failure(message.into())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every task returns this, so `?` carries a failure straight to `main`.
pub type Result<T = ()> = std::result::Result<T, Failure>;
