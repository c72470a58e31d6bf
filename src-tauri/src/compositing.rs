//! Whether WebKit composites the page with OpenGL. On a machine without a GPU that GL is Mesa's
//! software rasteriser, which loads LLVM into the web process and compiles its shaders at start: about
//! 100 MiB of memory and 100 ms of start-up (BENCHMARKS.md) for nothing, since the page is painted on
//! the CPU either way. So without a GPU render node the app asks WebKit not to composite, unless
//! whoever runs it has set that variable themselves. Machines with a GPU keep WebKit's default.

use std::path::Path;

/// WebKitGTK's switch for compositing; `1` turns it off.
const VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Where the kernel lists GPU devices; a render node (`renderD128`…) means a GPU can draw.
const DEVICES: &str = "/dev/dri";

/// Turns WebKit's compositing off on a machine without a GPU. Called first thing in `run`, before any
/// other thread starts and before GTK or WebKit read the environment.
pub fn choose() {
    if std::env::var_os(VARIABLE).is_none() && !has_render_node(Path::new(DEVICES)) {
        std::env::set_var(VARIABLE, "1");
    }
}

/// Whether `devices` lists a GPU render node.
fn has_render_node(devices: &Path) -> bool {
    std::fs::read_dir(devices).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|name| name.starts_with("renderD"))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_node_means_a_gpu() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            !has_render_node(&dir.path().join("missing")),
            "no device folder"
        );
        assert!(!has_render_node(dir.path()), "no devices");
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(
            !has_render_node(dir.path()),
            "a display card alone does not render"
        );
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dir.path()));
    }
}
