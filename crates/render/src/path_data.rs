//! Reading back the path data the router writes: every number in whole hundredths (as
//! [`crate::svg::push_num`] writes them), x and y in turn. A scene diff moves an arrow by rewriting
//! its numbers, and each arrow's bounds are read from the very text drawn, so a moved arrow's bounds
//! are exactly those the new layout gives, on the Rust side and in the window alike.

use crate::scene::Rect;

/// A coordinate of a path in whole hundredths, as [`crate::svg::push_num`] writes them; `None` for
/// text that is not such a number.
fn hundredths(number: &str) -> Option<i64> {
    let (negative, digits) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (whole, part) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() || part.len() > 2 || whole.len() > 13 {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let part: i64 = if part.is_empty() {
        0
    } else {
        format!("{part:0<2}").parse().ok()?
    };
    let n = whole * 100 + part;
    Some(if negative { -n } else { n })
}

/// `path` with every x moved by `dx` and every y by `dy` hundredths (its numbers alternate x and y),
/// written as the router writes it; `None` if it holds a number not in hundredths.
pub fn shift_path(path: &str, dx: i64, dy: i64) -> Option<String> {
    let mut out = String::with_capacity(path.len() + 8);
    let mut rest = path;
    let mut is_x = true;
    while let Some(start) = rest.find(|c: char| c == '-' || c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let len = 1 + tail[1..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(tail.len() - 1);
        let n = hundredths(&tail[..len])? + if is_x { dx } else { dy };
        crate::svg::push_num(&mut out, n as f64 / 100.0);
        is_x = !is_x;
        rest = &tail[len..];
    }
    out.push_str(rest);
    Some(out)
}

/// The numbers of `path` in order, each in whole hundredths (`None` for one that is not).
pub fn numbers(path: &str) -> impl Iterator<Item = Option<i64>> + '_ {
    path.split(|c: char| !(c == '-' || c == '.' || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(hundredths)
}

/// The box around every point of `path` (control points included, so it holds the whole curve):
/// what the window culls arrows by. Empty at the origin for a path with no numbers in hundredths.
pub fn path_bounds(path: &str) -> Rect {
    let mut numbers = numbers(path);
    let (mut left, mut top, mut right, mut bottom) = (i64::MAX, i64::MAX, i64::MIN, i64::MIN);
    while let (Some(Some(x)), Some(Some(y))) = (numbers.next(), numbers.next()) {
        (left, right) = (left.min(x), right.max(x));
        (top, bottom) = (top.min(y), bottom.max(y));
    }
    if left > right {
        return Rect {
            x: 0.0,
            y: 0.0,
            width: 0.0,
            height: 0.0,
        };
    }
    let at = |n: i64| n as f64 / 100.0;
    Rect {
        x: at(left),
        y: at(top),
        width: at(right - left),
        height: at(bottom - top),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_move_by_whole_hundredths_and_are_written_as_the_router_writes_them() {
        let path = "M426 207L446 207.5Q452 207.25 452 213L-3 -0.5";
        assert_eq!(
            shift_path(path, 100, -50).as_deref(),
            Some("M427 206.5L447 207Q453 206.75 453 212.5L-2 -1")
        );
        assert_eq!(shift_path(path, 0, 0).as_deref(), Some(path));
        assert_eq!(shift_path("M1.125 2", 1, 1), None, "not in hundredths");
        assert_eq!(hundredths("-0.05"), Some(-5));
        assert_eq!(hundredths("12.3"), Some(1230));
        assert_eq!(hundredths("."), None);
    }

    #[test]
    fn bounds_hold_every_point_and_move_with_the_path() {
        let path = "M426 207L446 207.5Q452 207.25 452 213L-3 -0.5";
        let bounds = path_bounds(path);
        assert_eq!(
            bounds,
            Rect {
                x: -3.0,
                y: -0.5,
                width: 455.0,
                height: 213.5
            }
        );
        let moved = path_bounds(&shift_path(path, 125, -50).unwrap());
        assert_eq!((moved.x, moved.y), (-1.75, -1.0));
        assert_eq!((moved.width, moved.height), (bounds.width, bounds.height));
        assert_eq!(path_bounds("").width, 0.0);
        assert_eq!(
            path_bounds("M1.125 2").width,
            0.0,
            "not the router's numbers"
        );
    }
}
