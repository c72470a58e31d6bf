//! The X11 windows on `$DISPLAY` as a user meets them. WebDriver only reaches the document: the app
//! sets the native window's title from Rust (reading `_NET_WM_NAME` checks what users see), and GTK
//! draws tooltips in windows of their own, shown when the real pointer rests on a control.
//! A few requests of the core X11 protocol over the display's Unix socket do this without an X
//! library or an extra system package.

use std::env;
use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;

/// `WM_NAME`, predefined by the protocol (Latin-1 titles).
const WM_NAME: u32 = 39;

/// The titles of all windows below the root window, in no particular order.
pub fn window_titles() -> io::Result<Vec<String>> {
    let mut x = Connection::to_display()?;
    let net_wm_name = x.intern_atom("_NET_WM_NAME")?;
    let mut windows = vec![x.root];
    let mut titles = Vec::new();
    while let Some(window) = windows.pop() {
        for property in [net_wm_name, WM_NAME] {
            if let Some(title) = x.string_property(window, property)? {
                titles.push(title);
                break;
            }
        }
        windows.extend(x.children(window)?);
    }
    Ok(titles)
}

/// Where a top-level window sits on the screen: x, y, width, height in pixels.
pub type Geometry = (i32, i32, u32, u32);

/// The geometry of the first top-level window whose title contains `needle`. Without a window
/// manager (as under Xvfb) top-level windows are children of the root, so their position is on screen.
pub fn window_geometry(needle: &str) -> io::Result<Option<Geometry>> {
    let mut x = Connection::to_display()?;
    let net_wm_name = x.intern_atom("_NET_WM_NAME")?;
    for window in x.children(x.root)? {
        for property in [net_wm_name, WM_NAME] {
            if let Some(title) = x.string_property(window, property)? {
                if title.contains(needle) {
                    return x.geometry(window);
                }
                break;
            }
        }
    }
    Ok(None)
}

/// Moves the pointer to (`x`, `y`) on the screen as a person moving the mouse would: the X server
/// sends the windows below it real motion events, which WebDriver's synthetic pointer does not.
pub fn move_pointer(x: i16, y: i16) -> io::Result<()> {
    let mut c = Connection::to_display()?;
    // WarpPointer: no source window, the root as destination, then a round trip so it has happened.
    let mut request = vec![41, 0];
    request.extend(request_length(24));
    request.extend(0u32.to_le_bytes());
    request.extend(c.root.to_le_bytes());
    request.extend([0; 8]);
    request.extend(x.to_le_bytes());
    request.extend(y.to_le_bytes());
    c.stream.write_all(&request)?;
    c.sync()
}

/// The shown top-level windows that bypass the window manager (`override-redirect`): GTK's tooltips
/// and open menus. A tooltip on screen is one of these.
pub fn shown_popups() -> io::Result<Vec<u32>> {
    let mut x = Connection::to_display()?;
    let mut shown = Vec::new();
    for window in x.children(x.root)? {
        // GetWindowAttributes: map-state 2 is viewable; then the override-redirect flag.
        let mut request = vec![3, 0];
        request.extend(request_length(8));
        request.extend(window.to_le_bytes());
        if let Some(reply) = x.request(&request)? {
            if reply.get(26) == Some(&2) && reply.get(27) == Some(&1) {
                shown.push(window);
            }
        }
    }
    Ok(shown)
}

/// The display number in `:99`, `:99.0` or `unix:99`.
fn display_number(display: &str) -> Option<String> {
    let (host, rest) = display.rsplit_once(':')?;
    if !(host.is_empty() || host == "unix") {
        return None;
    }
    let number = rest.split('.').next()?;
    number
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| number.to_owned())
}

/// An open connection to the X server.
struct Connection {
    /// The display's socket.
    stream: UnixStream,
    /// The first screen's root window, parent of every top-level window.
    root: u32,
}

impl Connection {
    /// Connects to the display `$DISPLAY` names.
    fn to_display() -> io::Result<Connection> {
        let display = env::var("DISPLAY").map_err(|_| invalid("DISPLAY is not set"))?;
        let number =
            display_number(&display).ok_or_else(|| invalid("DISPLAY is not a local display"))?;
        Connection::open(&number)
    }

    /// Where `window` is relative to its parent, and its size (`None` if it vanished meanwhile).
    fn geometry(&mut self, window: u32) -> io::Result<Option<Geometry>> {
        let mut request = vec![14, 0];
        request.extend(request_length(8));
        request.extend(window.to_le_bytes());
        let Some(reply) = self.request(&request)? else {
            return Ok(None);
        };
        let i16_at = |at: usize| i16::from_le_bytes([reply[at], reply[at + 1]]);
        let u16_at = |at: usize| u16::from_le_bytes([reply[at], reply[at + 1]]);
        Ok(Some((
            i32::from(i16_at(12)),
            i32::from(i16_at(14)),
            u32::from(u16_at(16)),
            u32::from(u16_at(18)),
        )))
    }

    /// Waits until the server has handled every request sent so far (GetInputFocus has a reply).
    fn sync(&mut self) -> io::Result<()> {
        let mut request = vec![43, 0];
        request.extend(request_length(4));
        self.request(&request).map(|_| ())
    }

    /// Connects to display `number`, authenticating with its MIT-MAGIC-COOKIE-1 if `XAUTHORITY`
    /// (or `~/.Xauthority`) has one, and reads the first screen's root window.
    fn open(number: &str) -> io::Result<Connection> {
        let mut stream = UnixStream::connect(format!("/tmp/.X11-unix/X{number}"))?;
        let (name, data) = cookie(number).unwrap_or_default();
        let mut setup = vec![b'l', 0];
        setup.extend(11u16.to_le_bytes());
        setup.extend(0u16.to_le_bytes());
        setup.extend(u16::try_from(name.len()).unwrap_or(0).to_le_bytes());
        setup.extend(u16::try_from(data.len()).unwrap_or(0).to_le_bytes());
        setup.extend([0, 0]);
        setup.extend(padded(&name));
        setup.extend(padded(&data));
        stream.write_all(&setup)?;
        let mut head = [0; 8];
        stream.read_exact(&mut head)?;
        let mut body = vec![0; usize::from(u16::from_le_bytes([head[6], head[7]])) * 4];
        stream.read_exact(&mut body)?;
        if head[0] != 1 {
            return Err(invalid("the X server refused the connection"));
        }
        let vendor_len = usize::from(u16::from_le_bytes([body[16], body[17]]));
        let formats = usize::from(body[21]);
        let screen = 32 + vendor_len.div_ceil(4) * 4 + 8 * formats;
        let root = u32_at(&body, screen).ok_or_else(|| invalid("short X setup reply"))?;
        Ok(Connection { stream, root })
    }

    /// The atom for `name`, created if it does not exist yet.
    fn intern_atom(&mut self, name: &str) -> io::Result<u32> {
        let mut request = vec![16, 0];
        request.extend(request_length(8 + name.len()));
        request.extend(u16::try_from(name.len()).unwrap_or(0).to_le_bytes());
        request.extend([0, 0]);
        request.extend(padded(name.as_bytes()));
        let reply = self
            .request(&request)?
            .ok_or_else(|| invalid("InternAtom failed"))?;
        u32_at(&reply, 8).ok_or_else(|| invalid("short InternAtom reply"))
    }

    /// The direct children of `window` (none if it vanished meanwhile).
    fn children(&mut self, window: u32) -> io::Result<Vec<u32>> {
        let mut request = vec![15, 0];
        request.extend(request_length(8));
        request.extend(window.to_le_bytes());
        let Some(reply) = self.request(&request)? else {
            return Ok(Vec::new());
        };
        let count = usize::from(u16::from_le_bytes([reply[16], reply[17]]));
        Ok((0..count)
            .filter_map(|i| u32_at(&reply, 32 + 4 * i))
            .collect())
    }

    /// A text property of `window`, if set.
    fn string_property(&mut self, window: u32, property: u32) -> io::Result<Option<String>> {
        let mut request = vec![20, 0];
        request.extend(request_length(24));
        for word in [window, property, 0, 0, 1024] {
            request.extend(word.to_le_bytes());
        }
        let Some(reply) = self.request(&request)? else {
            return Ok(None);
        };
        let format = usize::from(reply[1]);
        let items = u32_at(&reply, 16).unwrap_or(0) as usize;
        let bytes = reply.get(32..32 + items * format / 8).unwrap_or_default();
        Ok((format == 8 && !bytes.is_empty()).then(|| String::from_utf8_lossy(bytes).into_owned()))
    }

    /// Sends one request and reads its reply; `None` when the server answered with an error.
    /// Events are skipped (none are selected, so none should come).
    fn request(&mut self, request: &[u8]) -> io::Result<Option<Vec<u8>>> {
        self.stream.write_all(request)?;
        loop {
            let mut reply = vec![0; 32];
            self.stream.read_exact(&mut reply)?;
            match reply[0] {
                0 => return Ok(None),
                1 => {
                    let extra = u32_at(&reply, 4).unwrap_or(0) as usize * 4;
                    let mut rest = vec![0; extra];
                    self.stream.read_exact(&mut rest)?;
                    reply.extend(rest);
                    return Ok(Some(reply));
                }
                _ => continue,
            }
        }
    }
}

/// The (name, data) of the MIT-MAGIC-COOKIE-1 entry for display `number` in the Xauthority file.
fn cookie(number: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let path = env::var_os("XAUTHORITY")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".Xauthority")))?;
    let file = fs::read(path).ok()?;
    let mut at = 0;
    loop {
        at += 2; // the address family, which any local display accepts
        let _address = counted(&file, &mut at)?;
        let display = counted(&file, &mut at)?;
        let name = counted(&file, &mut at)?;
        let data = counted(&file, &mut at)?;
        if display == number.as_bytes() && name == b"MIT-MAGIC-COOKIE-1" {
            return Some((name.to_vec(), data.to_vec()));
        }
    }
}

/// The length-prefixed (big-endian u16) field of an Xauthority entry at `at`, moving `at` past it.
fn counted<'a>(file: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let len = usize::from(u16::from_be_bytes([*file.get(*at)?, *file.get(*at + 1)?]));
    let bytes = file.get(*at + 2..*at + 2 + len)?;
    *at += 2 + len;
    Some(bytes)
}

/// The request length field: the request size in 4-byte units, little-endian.
fn request_length(bytes: usize) -> [u8; 2] {
    u16::try_from(bytes.div_ceil(4))
        .unwrap_or(u16::MAX)
        .to_le_bytes()
}

/// `bytes` padded with zeros to a multiple of four.
fn padded(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    out.resize(bytes.len().div_ceil(4) * 4, 0);
    out
}

/// The little-endian u32 at `offset`, if there is one.
fn u32_at(bytes: &[u8], offset: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(offset..offset + 4)?.try_into().ok()?,
    ))
}

/// An error for a display this module cannot use.
fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}
