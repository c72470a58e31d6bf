//! Orthogonal routes for flow arrows. Cards sit in columns with gutters between them and a padding strip
//! at the top of every lane, so a route that travels vertically only in gutters and horizontally only in
//! a lane's top strip never crosses a card.

use crate::scene::{Point, Rect};

/// Where a route may travel: the gutters at column boundaries and the strip at a lane's top.
pub struct Corridors {
    /// x of the gutter at the right of the source card's column.
    pub gutter_after_source: f64,
    /// x of the gutter at the left of the target card's column.
    pub gutter_before_target: f64,
    /// y of the free strip at the top of the target's lane.
    pub target_lane_strip: f64,
}

/// The corner points of a route from `from` to `to`.
///
/// Leaves the source at the middle of its right edge. A target in the same column is entered from its
/// right edge through the gutter; a target in the next column from its left edge through the shared
/// gutter; any other target through the top strip of its lane.
pub fn route(from: &Rect, to: &Rect, from_col: usize, to_col: usize, c: &Corridors) -> Vec<Point> {
    let start = Point {
        x: from.x + from.width,
        y: from.y + from.height / 2.0,
    };
    let ty = to.y + to.height / 2.0;
    let p = |x, y| Point { x, y };
    if from_col == to_col {
        return vec![
            start,
            p(c.gutter_after_source, start.y),
            p(c.gutter_after_source, ty),
            p(to.x + to.width, ty),
        ];
    }
    if to_col == from_col + 1 {
        return vec![
            start,
            p(c.gutter_after_source, start.y),
            p(c.gutter_after_source, ty),
            p(to.x, ty),
        ];
    }
    vec![
        start,
        p(c.gutter_after_source, start.y),
        p(c.gutter_after_source, c.target_lane_strip),
        p(c.gutter_before_target, c.target_lane_strip),
        p(c.gutter_before_target, ty),
        p(to.x, ty),
    ]
}

/// SVG path data for a polyline with its corners rounded by up to `radius`; straight runs of zero
/// length are dropped so the corners stay clean.
pub fn rounded_path(points: &[Point], radius: f64, out: &mut String) {
    let pts: Vec<Point> = points
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == 0 || dist(points[i - 1], **p) > 0.01)
        .map(|(_, p)| *p)
        .collect();
    let Some(first) = pts.first() else { return };
    out.push('M');
    push_point(out, *first);
    for i in 1..pts.len() {
        let (prev, cur) = (pts[i - 1], pts[i]);
        if let Some(&next) = pts.get(i + 1) {
            let r = radius.min(dist(prev, cur) / 2.0).min(dist(cur, next) / 2.0);
            let a = toward(cur, prev, r);
            let b = toward(cur, next, r);
            out.push('L');
            push_point(out, a);
            out.push('Q');
            push_point(out, cur);
            out.push(' ');
            push_point(out, b);
        } else {
            out.push('L');
            push_point(out, cur);
        }
    }
}

fn dist(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

fn toward(from: Point, to: Point, r: f64) -> Point {
    let d = dist(from, to);
    if d == 0.0 {
        return from;
    }
    Point {
        x: from.x + (to.x - from.x) * r / d,
        y: from.y + (to.y - from.y) * r / d,
    }
}

fn push_point(out: &mut String, p: Point) {
    crate::svg::push_num(out, p.x);
    out.push(' ');
    crate::svg::push_num(out, p.y);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64) -> Rect {
        Rect {
            x,
            y,
            width: 100.0,
            height: 40.0,
        }
    }

    #[test]
    fn routes_use_only_gutters_and_strips() {
        let c = Corridors {
            gutter_after_source: 120.0,
            gutter_before_target: 360.0,
            target_lane_strip: 5.0,
        };
        let pts = route(&rect(10.0, 100.0), &rect(370.0, 300.0), 0, 3, &c);
        assert_eq!(pts.first().unwrap().x, 110.0);
        assert_eq!(pts.last().unwrap().x, 370.0);
        for w in pts.windows(2) {
            assert!(w[0].x == w[1].x || w[0].y == w[1].y, "orthogonal");
        }
        assert!(pts.iter().any(|p| p.y == 5.0));
    }

    #[test]
    fn rounded_paths_start_at_the_first_point() {
        let mut d = String::new();
        let pts = [
            Point { x: 0.0, y: 0.0 },
            Point { x: 10.0, y: 0.0 },
            Point { x: 10.0, y: 10.0 },
        ];
        rounded_path(&pts, 4.0, &mut d);
        assert_eq!(d, "M0 0L6 0Q10 0 10 4L10 10");
    }
}
