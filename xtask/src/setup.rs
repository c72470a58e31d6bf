//! `cargo xtask setup`: everything the other tasks need before cargo can build the app.

use crate::failure::Result;
use crate::process::progress;
use crate::{node, system_packages, ui};

/// Installs missing system packages, checks Node, and installs and builds the UI.
pub fn run() -> Result {
    progress("checking system packages …");
    system_packages::ensure()?;
    progress("checking Node.js …");
    node::ensure()?;
    ui::ensure_built()?;
    progress("setup done");
    Ok(())
}
