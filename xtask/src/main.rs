//! `cargo xtask`: the two commands a new contributor needs, `cargo xtask run` and `cargo xtask test`,
//! plus `bench` and `bundle`. Each sets up what the build needs (system packages, Node, the built
//! UI) first, so a fresh Debian or Ubuntu machine with only Rust and Node goes from clone to running
//! app in one step.

mod bench;
mod bundle;
mod cli;
mod failure;
mod installed;
mod node;
mod paths;
mod process;
mod run;
mod setup;
mod startup;
mod system_packages;
mod test;
mod toolchain;
mod ui;

use std::process::ExitCode;

use cli::Task;

/// Parses the command line, runs the task and turns a failure into a message and a non-zero exit.
fn main() -> ExitCode {
    let outcome = cli::parse(std::env::args().skip(1)).and_then(|task| match task {
        Task::Help => {
            println!("{}", cli::USAGE);
            Ok(())
        }
        Task::Setup => setup::run(),
        Task::Run { release, app_args } => run::run(release, &app_args),
        Task::Test => test::run(),
        Task::Bench => bench::run(),
        Task::BenchUi => bench::window(),
        Task::Bundle => bundle::run(),
        Task::BenchStartup { binary } => bench::startup_only(binary.as_deref()),
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("xtask: {failure}");
            ExitCode::FAILURE
        }
    }
}
