//! Node and npm, which build the UI; checked rather than installed, since every platform installs
//! Node its own way.

use std::process::Command;

use crate::failure::{Failure, Result};
use crate::process;

/// The oldest Node major version the UI toolchain (Vite, Svelte 5) supports.
const MIN_MAJOR: u32 = 20;

/// Fails with a clear message unless `node` ≥ [`MIN_MAJOR`] and `npm` are on the PATH.
pub fn ensure() -> Result {
    let install_hint =
        format!("install Node.js {MIN_MAJOR} or newer (with npm), e.g. from https://nodejs.org");
    let version = process::output_of(Command::new("node").arg("--version"))
        .ok_or_else(|| Failure::new(format!("`node` was not found; {install_hint}")))?;
    match major(&version) {
        Some(found) if found >= MIN_MAJOR => {}
        _ => {
            return Err(Failure::new(format!(
                "Node {version} is too old; {install_hint}"
            )))
        }
    }
    if !process::succeeds(Command::new("npm").arg("--version")) {
        return Err(Failure::new(format!("`npm` was not found; {install_hint}")));
    }
    Ok(())
}

/// The major version in `node --version` output such as `v20.11.1`.
fn major(version: &str) -> Option<u32> {
    version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::major;

    #[test]
    fn reads_the_major_version() {
        assert_eq!(major("v20.20.2"), Some(20));
        assert_eq!(major("v9.1.0\n"), Some(9));
        assert_eq!(major("nonsense"), None);
    }
}
