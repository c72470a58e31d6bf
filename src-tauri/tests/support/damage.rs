//! What reaches the screen. The page can say when it has rendered a frame, but WebKit hands the
//! window a frame only once the window has taken the last one, and the window draws it on its own
//! clock, so a frame may reach the screen a frame or two later, merged with the next. The X server's
//! DAMAGE extension reports every rectangle drawn into a window; recording those reports with the time
//! they arrive times a key press to the pixels a person sees.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use x11rb::connection::Connection;
use x11rb::protocol::damage::{self, ConnectionExt as _, ReportLevel};
use x11rb::protocol::xproto::ConnectionExt as _;
use x11rb::protocol::Event;

/// How often the recorder looks for reports: well under a millisecond, the precision of the page's
/// own clock.
const POLL: Duration = Duration::from_micros(250);

/// One rectangle the X server reports drawn into a top-level window.
#[derive(Clone, Copy, Debug)]
pub struct Repaint {
    /// When the report arrived, in milliseconds since the Unix epoch (the page's clock, through
    /// `performance.timeOrigin`, is on the same footing).
    pub at_ms: f64,
    /// The rectangle drawn, in the window's own pixels: x, y, width, height.
    pub area: (i32, i32, i32, i32),
    /// The window's size then, to find where its web view is (below the menu bar, at its bottom).
    pub window: (i32, i32),
}

impl Repaint {
    /// Whether the rectangle drawn overlaps `rect` (x, y, width, height in the page's pixels) of a
    /// web view `view` (width, height) that fills the bottom of the window.
    pub fn overlaps(&self, rect: (f64, f64, f64, f64), view: (f64, f64)) -> bool {
        let dx = f64::from(self.window.0) - view.0;
        let dy = f64::from(self.window.1) - view.1;
        let (x, y) = (rect.0 + dx, rect.1 + dy);
        let (ax, ay, aw, ah) = self.area;
        let (ax, ay) = (f64::from(ax), f64::from(ay));
        ax < x + rect.2 && ax + f64::from(aw) > x && ay < y + rect.3 && ay + f64::from(ah) > y
    }
}

/// Records what the X server draws into the top-level windows on `$DISPLAY` until stopped.
pub struct Recorder {
    log: Arc<Mutex<Vec<Repaint>>>,
    stop: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

impl Recorder {
    /// Starts recording every top-level window shown now (the app's window must be up).
    pub fn start() -> Recorder {
        let (conn, screen) = x11rb::connect(None).expect("connect to the X display");
        conn.damage_query_version(1, 1)
            .expect("ask for DAMAGE")
            .reply()
            .expect("the X server has no DAMAGE extension");
        let root = conn.setup().roots[screen].root;
        let windows = conn
            .query_tree(root)
            .expect("list the windows")
            .reply()
            .expect("the windows")
            .children;
        for window in windows {
            // Input-only windows refuse; the refusal arrives as an error event, which is skipped.
            let id = conn.generate_id().expect("an X resource id");
            conn.damage_create(id, window, ReportLevel::RAW_RECTANGLES)
                .expect("watch a window");
        }
        conn.flush().expect("send the requests");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (log, stop) = (Arc::clone(&log), Arc::clone(&stop));
            thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    match conn.poll_for_event() {
                        Ok(Some(Event::DamageNotify(report))) => {
                            log.lock().expect("the log").push(repaint(&report));
                        }
                        Ok(Some(_)) => {}
                        Ok(None) => thread::sleep(POLL),
                        Err(error) => panic!("the X connection failed: {error}"),
                    }
                }
            })
        };
        Recorder { log, stop, thread }
    }

    /// Stops recording and returns what was drawn, oldest first.
    pub fn stop(self) -> Vec<Repaint> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().expect("the recorder ended cleanly");
        let log = self.log.lock().expect("the log");
        log.clone()
    }
}

/// A report as a [`Repaint`], timed now.
fn repaint(report: &damage::NotifyEvent) -> Repaint {
    let at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is past 1970");
    let a = report.area;
    Repaint {
        at_ms: at.as_secs_f64() * 1000.0,
        area: (
            i32::from(a.x),
            i32::from(a.y),
            i32::from(a.width),
            i32::from(a.height),
        ),
        window: (
            i32::from(report.geometry.width),
            i32::from(report.geometry.height),
        ),
    }
}
