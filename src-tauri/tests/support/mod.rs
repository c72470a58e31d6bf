//! Helpers for the end-to-end test: the app under WebKitWebDriver, reading the page, screenshots, and
//! the native window's title.

// Each test binary includes these helpers and uses a different part of them.
#![allow(dead_code)]

pub mod app;
pub mod blueprint;
pub mod damage;
pub mod export;
pub mod failure;
pub mod input;
pub mod manage;
pub mod page;
pub mod screenshot;
pub mod ui;
pub mod x11;

use std::future::Future;
use std::sync::{Mutex, PoisonError};

/// One scenario at a time: two WebKit apps at once on a small CI machine only make timings flaky.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Runs one end-to-end scenario on its own multi-thread runtime, after the scenarios before it.
pub fn scenario(body: impl Future<Output = ()>) {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "the end-to-end test opens a real window and needs a display; run it through \
         `cargo xtask test` (which wraps cargo test in xvfb-run), or \
         `xvfb-run -a cargo test -p throughline-app --test e2e`"
    );
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("start a tokio runtime")
        .block_on(body);
}
