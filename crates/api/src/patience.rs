//! Opening a workspace that another process is about to let go of. A window quit a moment ago may
//! still be closing its file (WebKit takes its time to shut down) when the app is started again on the
//! same workspace; refusing it as "already open" then is wrong, so the app asks again for a moment.

use std::time::{Duration, Instant};

use crate::{ApiError, ErrorCode};

/// How long the app waits for another process to let go of a workspace at start-up: longer than a
/// window takes to close, short enough that two windows on one file are told so at once.
pub const OPEN_PATIENCE: Duration = Duration::from_secs(2);

/// Runs `open` until it does not fail with "in use", or `patience` has passed; then gives what the last
/// attempt gave. Any other failure is given at once.
pub fn retry_while_in_use<T>(
    patience: Duration,
    mut open: impl FnMut() -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let until = Instant::now() + patience;
    let mut pause = Duration::from_millis(25);
    loop {
        match open() {
            Err(e) if e.code == ErrorCode::InUse && Instant::now() < until => {
                std::thread::sleep(pause.min(until.saturating_duration_since(Instant::now())));
                pause = (pause * 2).min(Duration::from_millis(200));
            }
            done => return done,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_use() -> ApiError {
        ApiError::new(ErrorCode::InUse, "open in another window")
    }

    #[test]
    fn a_workspace_let_go_of_a_moment_later_opens() {
        let mut tries = 0;
        let opened = retry_while_in_use(Duration::from_secs(2), || {
            tries += 1;
            if tries < 3 {
                Err(in_use())
            } else {
                Ok("open")
            }
        });
        assert_eq!(opened.unwrap(), "open");
        assert_eq!(tries, 3);
    }

    #[test]
    fn a_workspace_kept_open_is_refused_once_patience_runs_out() {
        let started = Instant::now();
        let mut tries = 0;
        let opened: Result<(), _> = retry_while_in_use(Duration::from_millis(120), || {
            tries += 1;
            Err(in_use())
        });
        assert_eq!(opened.unwrap_err().code, ErrorCode::InUse);
        assert!(tries >= 2, "asked again before giving up");
        assert!(started.elapsed() >= Duration::from_millis(120));
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn other_failures_are_given_at_once() {
        let mut tries = 0;
        let opened: Result<(), _> = retry_while_in_use(Duration::from_secs(2), || {
            tries += 1;
            Err(ApiError::new(ErrorCode::NotAWorkspace, "not a workspace"))
        });
        assert_eq!(opened.unwrap_err().code, ErrorCode::NotAWorkspace);
        assert_eq!(tries, 1);
    }
}
