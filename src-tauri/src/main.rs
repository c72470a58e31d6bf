//! Starts the Throughline desktop app.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    throughline_app::run();
}
