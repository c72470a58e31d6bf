//! The installed package, as a person gets it from `apt-get install ./Throughline_….deb`: the
//! installed binary seeds and draws the sample journeys on first launch, opens a workspace file given as its argument (what a double-click in the file
//! manager does) and draws it; a second launch hands its file to the running window and exits; a
//! double-click on the file already open leaves that window on it; without a display it says so in
//! one line. The package registers `*.throughline` files as `application/x-throughline`, puts the app
//! in the Office menu and installs the bundled font's licence.
//!
//! `cargo xtask test` builds the packages, installs the .deb, and runs this with
//! `THROUGHLINE_INSTALLED_APP=/usr/bin/throughline-app`; without that variable every test here fails.
//! Needs a display (Xvfb) and `dbus-daemon`.

mod support;

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::app::{App, Dirs};
use support::failure::{assert_one_line_failure, run_without_display};
use support::{page, screenshot};
use throughline_api::{Edit, Id, NewWorkspace, OpenWorkspace, Slot};

/// The variable naming the installed binary.
const INSTALLED: &str = "THROUGHLINE_INSTALLED_APP";

/// The installed binary, which must exist.
fn installed_app() -> PathBuf {
    let Some(path) = std::env::var_os(INSTALLED) else {
        panic!(
            "{INSTALLED} is not set: this test checks the installed package. Run `cargo xtask test`, \
             which builds and installs the .deb and sets it, or install the .deb yourself and run \
             `{INSTALLED}=/usr/bin/throughline-app xvfb-run -a cargo test -p throughline-app --test installed`"
        )
    };
    let path = PathBuf::from(path);
    assert!(
        path.is_file(),
        "{INSTALLED} names {}, which is not there; is the package installed?",
        path.display()
    );
    path
}

/// Where the package installed its files: the folder above the binary's `bin/`.
fn prefix(binary: &Path) -> PathBuf {
    binary
        .parent()
        .and_then(Path::parent)
        .expect("the binary is in a bin/ folder")
        .to_owned()
}

#[test]
fn the_package_registers_throughline_files_and_installs_the_font_licence() {
    let usr = prefix(&installed_app());
    let desktop = usr.join("share/applications/Throughline.desktop");
    let entry =
        fs::read_to_string(&desktop).unwrap_or_else(|e| panic!("{}: {e}", desktop.display()));
    for line in [
        "Exec=throughline-app %f",
        "MimeType=application/x-throughline",
        "Categories=Office;",
        "Icon=throughline-app",
        "Name=Throughline",
    ] {
        assert!(
            entry.lines().any(|l| l.trim() == line),
            "{} lacks `{line}`:\n{entry}",
            desktop.display()
        );
    }

    let mime = usr.join("share/mime/packages/throughline.xml");
    let xml = fs::read_to_string(&mime).unwrap_or_else(|e| panic!("{}: {e}", mime.display()));
    assert!(xml.contains(r#"type="application/x-throughline""#), "{xml}");
    assert!(xml.contains(r#"pattern="*.throughline""#), "{xml}");
    let globs = usr.join("share/mime/globs2");
    let globs = fs::read_to_string(&globs).unwrap_or_else(|e| panic!("{}: {e}", globs.display()));
    assert!(
        globs
            .lines()
            .any(|l| l.ends_with("application/x-throughline:*.throughline")),
        "the MIME database was not updated with *.throughline"
    );

    let licence = usr.join("share/doc/throughline/fonts/OFL.txt");
    assert_eq!(
        fs::read(&licence).unwrap_or_else(|e| panic!("{}: {e}", licence.display())),
        include_bytes!("../../assets/fonts/OFL.txt"),
        "{} is not the licence of the bundled font",
        licence.display()
    );

    for size in ["32x32", "128x128", "256x256", "512x512"] {
        let icon = usr.join(format!(
            "share/icons/hicolor/{size}/apps/throughline-app.png"
        ));
        assert!(icon.is_file(), "{} is missing", icon.display());
    }
}

#[test]
fn the_installed_app_without_a_display_says_how_to_run_it_in_one_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let run = run_without_display(&installed_app(), tmp.path(), &[]);
    assert_one_line_failure(&run, &["no display", "xvfb-run -a throughline-app"]);
}

#[test]
fn the_installed_app_seeds_and_draws_the_sample_on_first_launch() {
    support::scenario(first_launch());
}

/// Starts the installed app with fresh folders and no file: it creates the default workspace with
/// the sample journeys and paints the first one.
async fn first_launch() {
    let binary = installed_app();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_binary(&binary, &[], &dirs, &[]).await;
    page::wait_for(&app.client, "the first sample journey", |text| {
        text.svg_has("Home insurance claim") && text.svg_has("Calls insurer's claims line")
    })
    .await;
    screenshot::save_and_check(&app.client, "installed-first-launch").await;
    app.close().await;
    let workspace = dirs.data.join("throughline").join("default.throughline");
    assert!(
        workspace.is_file(),
        "the installed app did not create {}",
        workspace.display()
    );
}

#[test]
fn the_installed_app_opens_double_clicked_files_in_one_window() {
    support::scenario(double_clicks());
}

/// Opens a hotel's journey as a double-click would, then double-clicks a coffee shop's file while
/// the window runs, then the coffee shop's file again.
async fn double_clicks() {
    let binary = installed_app();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let bus = SessionBus::start();
    let hotel = workspace(
        tmp.path(),
        "Hotel stay",
        "Hotel check-in",
        "Guest asks for a late checkout",
    );
    let coffee = workspace(
        tmp.path(),
        "Coffee shop",
        "Morning coffee",
        "Barista calls the order",
    );

    let env = [("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())];
    let app = App::launch_binary(&binary, &[path_str(&hotel)], &dirs, &env).await;
    let client = &app.client;
    page::wait_for(client, "the hotel journey given as argument", |text| {
        text.svg_has("Guest asks for a late checkout")
    })
    .await;
    screenshot::save_and_check(client, "installed-hotel-stay").await;

    // A second double-click, on another file: that launch hands it over and exits.
    let second = launch_again(&binary, &dirs, &env, &coffee);
    assert_handed_over(&second, &coffee);
    page::wait_for(
        client,
        "the coffee shop's journey in the same window",
        |text| {
            text.svg_has("Barista calls the order")
                && !text.svg_has("Guest asks for a late checkout")
        },
    )
    .await;

    // The same file again: handed over at once (its window holds it), and the window stays on it.
    let started = Instant::now();
    let again = launch_again(&binary, &dirs, &env, &coffee);
    assert_handed_over(&again, &coffee);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "handing over the open file took {:?}",
        started.elapsed()
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let text = page::wait_for(client, "the coffee shop's journey still shown", |text| {
        text.svg_has("Barista calls the order")
    })
    .await;
    assert!(
        !text.page_has("could not be opened") && !text.page_has("already open"),
        "the window complains about the file it has open:\n{}",
        text.page
    );
    screenshot::save_and_check(client, "installed-coffee-shop").await;
    app.close().await;
}

/// A workspace `<name>.throughline` in `dir` whose one journey is `journey` with the card `card`.
fn workspace(dir: &Path, name: &str, journey_name: &str, card: &str) -> PathBuf {
    let path = dir.join(format!("{name}.throughline"));
    let mut ws = OpenWorkspace::create_for_editing(&path, NewWorkspace::Blank).expect("create");
    let journey = ws.journeys()[0].id;
    ws.apply(&Edit::UpdateJourney {
        journey,
        name: journey_name.into(),
        persona: "Regular".into(),
        description: String::new(),
    })
    .expect("name the journey");
    let lane = ws.model().journeys[0].lanes[1].id;
    let stage = ws.model().journeys[0].stages[0].id;
    ws.apply(&Edit::AddStep {
        journey,
        step: Id::new(),
        lane,
        stage,
        to: Slot::Before { id: None },
        text: card.into(),
    })
    .expect("add the card");
    path
}

/// The installed binary launched on `file` the way the desktop's `Exec=throughline-app %f` does,
/// with the session bus and folders of the running window; its output.
fn launch_again(
    binary: &Path,
    dirs: &Dirs,
    env: &[(&str, &str)],
    file: &Path,
) -> std::process::Output {
    let mut command = Command::new(binary);
    command
        .arg(file)
        .envs(dirs.environment())
        .envs(env.iter().copied())
        .stdin(Stdio::null());
    let child = command.spawn().expect("launch the installed app again");
    wait_with_timeout(child, Duration::from_secs(20))
}

/// Asserts a second launch on `file` exited at once with success.
fn assert_handed_over(run: &std::process::Output, file: &Path) {
    assert!(
        run.status.success(),
        "the second launch on {} did not hand over and exit: {}; stderr:\n{}",
        file.display(),
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Waits for `child`'s output, killing it after `timeout`.
fn wait_with_timeout(mut child: Child, timeout: Duration) -> std::process::Output {
    let deadline = Instant::now() + timeout;
    while child.try_wait().expect("poll the second launch").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the second launch still runs after {} s: it opened a window of its own",
                timeout.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child
        .wait_with_output()
        .expect("read the second launch's output")
}

/// A temporary path as the `&str` WebDriver takes.
fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// A private D-Bus session bus, so the app's one-window hand-over works without the user's session;
/// stopped on drop.
struct SessionBus {
    daemon: Child,
    /// Its address, for `DBUS_SESSION_BUS_ADDRESS`.
    address: String,
}

impl SessionBus {
    /// Starts `dbus-daemon --session` and reads the address it prints.
    fn start() -> SessionBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "could not start dbus-daemon ({e}); it is in the Debian package dbus-daemon, \
                     which `cargo xtask setup` installs"
                )
            });
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().expect("dbus-daemon's stdout"))
            .read_line(&mut address)
            .expect("read the bus address");
        let address = address.trim().to_owned();
        assert!(!address.is_empty(), "dbus-daemon printed no address");
        SessionBus { daemon, address }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
