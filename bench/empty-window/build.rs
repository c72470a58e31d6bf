//! Generates the empty window's Tauri context (config and its one page) at build time.

fn main() {
    tauri_build::build()
}
