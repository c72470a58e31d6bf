//! The real app in a real window, driven over WebDriver. This does what tauri-driver does on Linux
//! (which is not installed here): start `WebKitWebDriver` with `TAURI_WEBVIEW_AUTOMATION=true`, then
//! open a session whose `webkitgtk:browserOptions` name the app binary, so WebKitWebDriver launches
//! the app and attaches to its WebView.

use std::fs::{self, File};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

/// The app binary cargo built for this test.
pub const APP: &str = env!("CARGO_BIN_EXE_throughline-app");

/// How long WebKitWebDriver may take to listen on its port.
const DRIVER_START: Duration = Duration::from_secs(10);

/// A running app with a WebDriver session on its WebView. Dropping it kills WebKitWebDriver and the
/// app (its process group), even when the test panics.
pub struct App {
    /// The WebDriver session.
    pub client: Client,
    /// The driver process; declared after `client` so it outlives it.
    driver: Driver,
}

/// Writes a synthetic workspace `<name>.throughline` into `dir` with the CLI's `generate` and the
/// given options (journeys, cards, stages, entities), for scenarios that need a large or a made-up
/// blueprint; returns its path.
pub fn generate(dir: &Path, name: &str, options: &[&str]) -> PathBuf {
    let cli = Path::new(APP).with_file_name("throughline");
    assert!(
        cli.is_file(),
        "the CLI {} is missing; build it with `cargo build -p throughline-cli`",
        cli.display()
    );
    let workspace = dir.join(format!("{name}.throughline"));
    let status = Command::new(&cli)
        .arg("generate")
        .arg(&workspace)
        .args(options)
        .status()
        .expect("run the CLI");
    assert!(status.success(), "throughline generate failed: {status}");
    workspace
}

/// Where one launch keeps its files.
pub struct Dirs {
    /// `XDG_DATA_HOME` of the app: the default workspace is created in `throughline/` below it.
    pub data: PathBuf,
    /// Directory for the driver's and the app's log.
    log: PathBuf,
}

impl Dirs {
    /// Data, config and cache directories under `root`, so the app touches nothing of the user's.
    pub fn under(root: &Path) -> Dirs {
        for dir in ["data", "config", "cache"] {
            fs::create_dir_all(root.join(dir)).expect("create the app's XDG directories");
        }
        Dirs {
            data: root.join("data"),
            log: root.join("webdriver.log"),
        }
    }

    /// The XDG variables pointing into these directories.
    pub fn environment(&self) -> [(&'static str, PathBuf); 3] {
        let root = self.data.parent().expect("data dir has a parent");
        [
            ("XDG_DATA_HOME", self.data.clone()),
            ("XDG_CONFIG_HOME", root.join("config")),
            ("XDG_CACHE_HOME", root.join("cache")),
        ]
    }
}

impl App {
    /// Launches the app with `args` and the XDG directories of `dirs`, and opens a session on it.
    pub async fn launch(args: &[&str], dirs: &Dirs) -> App {
        App::launch_binary(Path::new(APP), args, dirs, &[]).await
    }

    /// Launches `binary` (the installed app, say) with `args`, the XDG directories of `dirs` and the
    /// extra environment `env`, and opens a session on it.
    pub async fn launch_binary(
        binary: &Path,
        args: &[&str],
        dirs: &Dirs,
        env: &[(&str, &str)],
    ) -> App {
        let driver = Driver::start(dirs, env);
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "webkitgtk:browserOptions".into(),
            json!({ "binary": binary, "args": args }),
        );
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| driver.fail(&format!("WebDriver session on the app: {e}")));
        App { client, driver }
    }

    /// Launches the app on its default workspace, seeded with the sample, and waits until the first
    /// sample blueprint is drawn: where most scenarios start.
    pub async fn launch_on_sample(dirs: &Dirs) -> App {
        let app = App::launch(&[], dirs).await;
        super::page::wait_for(&app.client, "the first sample blueprint", |text| {
            text.svg_has("Home insurance claim")
        })
        .await;
        app
    }

    /// Writes a workspace file at `file` holding `journey` alone, launches the app on it and waits
    /// until its blueprint is drawn: where a scenario on a blueprint built in the test starts.
    pub async fn launch_on_journey(
        file: &Path,
        journey: throughline_api::Journey,
        dirs: &Dirs,
    ) -> App {
        let ws = throughline_api::Workspace {
            journeys: vec![journey],
            ..throughline_api::Workspace::default()
        };
        App::launch_on_workspace(file, &ws, dirs).await
    }

    /// Writes `ws` as a workspace file at `file`, launches the app on it and waits until its first
    /// journey's blueprint is drawn.
    pub async fn launch_on_workspace(
        file: &Path,
        ws: &throughline_api::Workspace,
        dirs: &Dirs,
    ) -> App {
        let name = ws.journeys[0].name.clone();
        drop(throughline_api::OpenWorkspace::create_from(file, ws).expect("write the workspace"));
        let path = file.to_str().expect("temp paths are UTF-8");
        let app = App::launch(&["--workspace", path], dirs).await;
        super::page::wait_for(&app.client, &format!("the blueprint of {name}"), |text| {
            text.svg_has(&name)
        })
        .await;
        app
    }

    /// Ends the session (WebKitWebDriver closes the app); the drop then stops the driver.
    pub async fn close(self) {
        let App { client, driver } = self;
        let _ = client.close().await;
        drop(driver);
    }
}

/// WebKitWebDriver, leader of its own process group, which the app it launches joins.
struct Driver {
    /// The WebKitWebDriver process; its pid is also its process group id.
    child: Child,
    /// Where it listens.
    port: u16,
    /// Its output and the app's, shown when a test fails.
    log: PathBuf,
}

impl Driver {
    /// Starts WebKitWebDriver on a free port with automation enabled for the app it will launch and
    /// `env` added to its environment, and waits until it listens.
    fn start(dirs: &Dirs, env: &[(&str, &str)]) -> Driver {
        let port = free_port();
        let log = File::create(&dirs.log).expect("create the WebDriver log");
        let child = Command::new("WebKitWebDriver")
            .arg(format!("--port={port}"))
            .env("TAURI_WEBVIEW_AUTOMATION", "true")
            .env("GDK_BACKEND", "x11")
            .envs(dirs.environment())
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("share the log file"))
            .stderr(log)
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "could not start WebKitWebDriver ({e}); it is in the Debian package \
                     webkit2gtk-driver, which `cargo xtask setup` installs"
                )
            });
        let driver = Driver {
            child,
            port,
            log: dirs.log.clone(),
        };
        let deadline = Instant::now() + DRIVER_START;
        while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
            if Instant::now() > deadline {
                driver.fail("WebKitWebDriver did not start listening");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    /// The WebDriver endpoint.
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Panics with `what` and the end of the driver's and app's log.
    fn fail(&self, what: &str) -> ! {
        panic!(
            "{what}\n--- end of {} ---\n{}",
            self.log.display(),
            log_tail(&self.log)
        )
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "--- end of {} ---\n{}",
                self.log.display(),
                log_tail(&self.log)
            );
        }
        let group = self.child.id();
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{group}")])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.wait();
        // The app holds its workspace's editing lock until it has exited; a relaunch before then
        // would be refused, so wait for every process of the group to be gone (at most 20 s).
        let deadline = Instant::now() + Duration::from_secs(20);
        while group_alive(group) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Whether a process of process group `group` is still running. A process whose main thread has
/// exited while others still run shows as a zombie but keeps its files (and locks) open, so it counts
/// as running until every one of its threads has exited.
fn group_alive(group: u32) -> bool {
    let Ok(entries) = fs::read_dir("/proc") else {
        return false;
    };
    entries.flatten().any(|entry| {
        stat_fields(&entry.path().join("stat"))
            .is_some_and(|f| f.len() > 2 && f[2] == group.to_string())
            && fs::read_dir(entry.path().join("task")).is_ok_and(|tasks| {
                tasks.flatten().any(|task| {
                    stat_fields(&task.path().join("stat"))
                        .is_some_and(|f| f.first().is_some_and(|s| s != "Z"))
                })
            })
    })
}

/// The fields of a `/proc/…/stat` file after the command name: state, parent pid, process group, …
fn stat_fields(path: &Path) -> Option<Vec<String>> {
    let stat = fs::read_to_string(path).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

/// The last lines of a log file, to explain a failure.
fn log_tail(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

/// A port nothing listens on right now.
fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .expect("find a free port")
        .port()
}
