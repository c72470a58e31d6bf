//! The command line of xtask, parsed by hand: four subcommands and one flag do not justify a parser
//! crate in a tool that is compiled before anything else can run.

use std::path::PathBuf;

use crate::failure::{Failure, Result};

/// What `cargo xtask --help` prints.
pub const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  setup                       install system packages and UI dependencies, build the UI
  run [--release] [-- ARGS]   set up, then build and launch the app (ARGS go to the app,
                              e.g. -- --workspace FILE)
  test                        set up, then fmt, clippy, the UI's checks and tests, build the
                              packages, install the .deb, cargo test (the installed app
                              included), remove the .deb
  bundle                      set up, then build the .deb and .rpm (no AppImage: its tools
                              are downloaded at build time) into target/release/bundle/
  bench                       set up, then the Rust benchmarks and the start-up measurement
  bench-startup [--binary P]  set up, then only the start-up measurement, of the app binary P
                              (e.g. the installed /usr/bin/throughline-app) instead of a
                              fresh release build
  bench-ui                    set up, then key press to repaint in the real window on the
                              release build: the sample, 1,000 and 10,000 cards";

/// One task to perform.
#[derive(Debug, PartialEq, Eq)]
pub enum Task {
    /// Print the usage.
    Help,
    /// Install and build prerequisites only.
    Setup,
    /// Launch the app.
    Run {
        /// Build with `--release`.
        release: bool,
        /// Arguments passed through to the app.
        app_args: Vec<String>,
    },
    /// Run every check and test.
    Test,
    /// Build the installable packages.
    Bundle,
    /// Run all benchmarks.
    Bench,
    /// Measure key press to repaint in the real window, on the release build.
    BenchUi,
    /// Run only the whole-app start-up measurement.
    BenchStartup {
        /// The app binary to measure; a fresh release build when absent.
        binary: Option<PathBuf>,
    },
}

/// Reads the arguments after `cargo xtask`.
pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Task> {
    let Some(name) = args.next() else {
        return Ok(Task::Help);
    };
    let rest: Vec<String> = args.collect();
    let task = match name.as_str() {
        "help" | "-h" | "--help" => Task::Help,
        "setup" => Task::Setup,
        "test" => Task::Test,
        "bundle" => Task::Bundle,
        "bench" => Task::Bench,
        "bench-ui" => Task::BenchUi,
        "bench-startup" => return parse_bench_startup(rest),
        "run" => return parse_run(rest),
        other => return Err(Failure::new(format!("unknown task `{other}`\n\n{USAGE}"))),
    };
    match rest.first() {
        None => Ok(task),
        Some(extra) => Err(Failure::new(format!(
            "`{name}` takes no arguments, got `{extra}`\n\n{USAGE}"
        ))),
    }
}

/// Reads `bench-startup [--binary PATH]`.
fn parse_bench_startup(rest: Vec<String>) -> Result<Task> {
    match rest.as_slice() {
        [] => Ok(Task::BenchStartup { binary: None }),
        [flag, path] if flag == "--binary" => Ok(Task::BenchStartup {
            binary: Some(PathBuf::from(path)),
        }),
        _ => Err(Failure::new(format!(
            "`bench-startup` takes only `--binary PATH`, got `{}`\n\n{USAGE}",
            rest.join(" ")
        ))),
    }
}

/// Reads `run [--release] [-- ARGS…]`.
fn parse_run(rest: Vec<String>) -> Result<Task> {
    let mut release = false;
    let mut rest = rest.into_iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--release" => release = true,
            "--" => {
                return Ok(Task::Run {
                    release,
                    app_args: rest.collect(),
                })
            }
            other => {
                return Err(Failure::new(format!(
                    "`run` does not know `{other}`; pass app arguments after `--`\n\n{USAGE}"
                )))
            }
        }
    }
    Ok(Task::Run {
        release,
        app_args: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses a command line written as one string.
    fn parse_str(line: &str) -> Result<Task> {
        parse(line.split_whitespace().map(String::from))
    }

    #[test]
    fn no_arguments_prints_usage() {
        assert_eq!(parse_str("").unwrap(), Task::Help);
    }

    #[test]
    fn run_passes_arguments_after_the_separator_to_the_app() {
        assert_eq!(
            parse_str("run --release -- --workspace a.throughline").unwrap(),
            Task::Run {
                release: true,
                app_args: vec!["--workspace".into(), "a.throughline".into()],
            }
        );
    }

    #[test]
    fn bench_startup_measures_a_given_binary() {
        assert_eq!(
            parse_str("bench-startup").unwrap(),
            Task::BenchStartup { binary: None }
        );
        assert_eq!(
            parse_str("bench-startup --binary /usr/bin/throughline-app").unwrap(),
            Task::BenchStartup {
                binary: Some(PathBuf::from("/usr/bin/throughline-app"))
            }
        );
        assert!(parse_str("bench-startup --binary").is_err());
        assert!(parse_str("bench-startup /usr/bin/throughline-app").is_err());
    }

    #[test]
    fn unknown_tasks_and_stray_arguments_are_refused() {
        assert!(parse_str("deploy").is_err());
        assert!(parse_str("test --fast").is_err());
        assert!(parse_str("bundle --appimage").is_err());
        assert!(parse_str("run --workspace a").is_err());
        assert!(parse_str("bench-ui --sample").is_err());
    }

    #[test]
    fn bench_ui_times_the_window() {
        assert_eq!(parse_str("bench-ui").unwrap(), Task::BenchUi);
    }
}
