//! Measures how readable a scene's arrows are, from the cards' boxes and the arrows' corner points: a
//! reader loses an arrow where it runs on top of another, passes under a card it does not belong to, or
//! ends on the very point where another arrow ends. Tests hold those three figures at zero and report
//! bends and crossings, which a dense blueprint cannot avoid but a good router keeps low.

use std::collections::HashMap;

use throughline_core::Id;

use crate::scene::{Point, Rect, Scene};

/// Lengths and distances below this many pixels count as zero: routes are computed in floating point.
const EPS: f64 = 0.01;

/// What [`measure`] found in one scene.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Length, in pixels, over which segments of two different arrows lie on top of each other.
    pub overlap: f64,
    /// Segments that pass through the inside of a card that is neither end of their arrow.
    pub through_cards: usize,
    /// Pairs of arrows that touch the same card at the same point.
    pub shared_endpoints: usize,
    /// Per arrow, how often it turns.
    pub bends: Vec<usize>,
    /// Per arrow, how many segments of other arrows it crosses.
    pub crossings: Vec<usize>,
}

impl Figures {
    /// Whether every figure that must be zero is zero.
    pub fn is_clean(&self) -> bool {
        self.overlap <= EPS && self.through_cards == 0 && self.shared_endpoints == 0
    }

    /// Mean and largest of a per-arrow figure (0 for no arrows).
    pub fn mean_max(values: &[usize]) -> (f64, usize) {
        let max = values.iter().copied().max().unwrap_or(0);
        let mean = if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<usize>() as f64 / values.len() as f64
        };
        (mean, max)
    }
}

/// An axis-aligned piece of one arrow's route.
#[derive(Clone, Copy, Debug)]
struct Segment {
    arrow: usize,
    /// The fixed coordinate: y of a horizontal segment, x of a vertical one.
    at: f64,
    lo: f64,
    hi: f64,
}

/// Measures the arrows of `scene`, whose corner points are `routes` (one per arrow, in the scene's
/// order). Routes are expected to be orthogonal; a slanted segment is measured by its bounding box.
pub fn measure(scene: &Scene, routes: &[Vec<Point>]) -> Figures {
    let mut horizontal = Vec::new();
    let mut vertical = Vec::new();
    let mut bends = Vec::with_capacity(routes.len());
    for (arrow, points) in routes.iter().enumerate() {
        let points = without_repeats(points);
        bends.push(turns(&points));
        for w in points.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (a.y - b.y).abs() <= (a.x - b.x).abs() {
                horizontal.push(Segment {
                    arrow,
                    at: a.y,
                    lo: a.x.min(b.x),
                    hi: a.x.max(b.x),
                });
            } else {
                vertical.push(Segment {
                    arrow,
                    at: a.x,
                    lo: a.y.min(b.y),
                    hi: a.y.max(b.y),
                });
            }
        }
    }
    let mut crossings = vec![0; routes.len()];
    for h in &horizontal {
        for v in &vertical {
            if h.arrow != v.arrow
                && v.at > h.lo + EPS
                && v.at < h.hi - EPS
                && h.at > v.lo + EPS
                && h.at < v.hi - EPS
            {
                crossings[h.arrow] += 1;
                crossings[v.arrow] += 1;
            }
        }
    }
    Figures {
        overlap: collinear_overlap(&mut horizontal) + collinear_overlap(&mut vertical),
        through_cards: through_cards(scene, routes),
        shared_endpoints: shared_endpoints(scene, routes),
        bends,
        crossings,
    }
}

fn without_repeats(points: &[Point]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out
            .last()
            .is_none_or(|q| (q.x - p.x).abs() > EPS || (q.y - p.y).abs() > EPS)
        {
            out.push(*p);
        }
    }
    out
}

/// Corners where the route changes direction (a straight run split in two is not a bend).
fn turns(points: &[Point]) -> usize {
    points
        .windows(3)
        .filter(|w| {
            let (ax, ay) = (w[1].x - w[0].x, w[1].y - w[0].y);
            let (bx, by) = (w[2].x - w[1].x, w[2].y - w[1].y);
            (ax * by - ay * bx).abs() > EPS * (ax.hypot(ay) + bx.hypot(by))
        })
        .count()
}

/// Total length shared by segments of different arrows on one line.
fn collinear_overlap(segments: &mut [Segment]) -> f64 {
    segments.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.lo.total_cmp(&b.lo)));
    let mut total = 0.0;
    let mut start = 0;
    while start < segments.len() {
        let mut end = start + 1;
        while end < segments.len() && segments[end].at - segments[start].at <= EPS {
            end += 1;
        }
        let line = &segments[start..end];
        for (i, a) in line.iter().enumerate() {
            for b in &line[i + 1..] {
                if b.lo >= a.hi {
                    break;
                }
                if a.arrow != b.arrow {
                    total += (a.hi.min(b.hi) - b.lo).max(0.0);
                }
            }
        }
        start = end;
    }
    total
}

fn through_cards(scene: &Scene, routes: &[Vec<Point>]) -> usize {
    let mut count = 0;
    for (arrow, points) in scene.arrows.iter().zip(routes) {
        for w in points.windows(2) {
            let seg = Rect {
                x: w[0].x.min(w[1].x),
                y: w[0].y.min(w[1].y),
                width: (w[0].x - w[1].x).abs(),
                height: (w[0].y - w[1].y).abs(),
            };
            count += scene
                .cards
                .iter()
                .filter(|c| c.id != arrow.from && c.id != arrow.to)
                .filter(|c| crosses_inside(&seg, &c.rect))
                .count();
        }
    }
    count
}

/// Whether an axis-aligned segment (as a box of zero width or height) reaches the inside of `card`.
fn crosses_inside(seg: &Rect, card: &Rect) -> bool {
    seg.x < card.x + card.width - EPS
        && seg.x + seg.width > card.x + EPS
        && seg.y < card.y + card.height - EPS
        && seg.y + seg.height > card.y + EPS
}

fn shared_endpoints(scene: &Scene, routes: &[Vec<Point>]) -> usize {
    let mut ends: HashMap<Id, Vec<Point>> = HashMap::new();
    for (arrow, points) in scene.arrows.iter().zip(routes) {
        if let (Some(first), Some(last)) = (points.first(), points.last()) {
            ends.entry(arrow.from).or_default().push(*first);
            ends.entry(arrow.to).or_default().push(*last);
        }
    }
    ends.values()
        .map(|points| {
            let mut pairs = 0;
            for (i, a) in points.iter().enumerate() {
                pairs += points[i + 1..]
                    .iter()
                    .filter(|b| (a.x - b.x).hypot(a.y - b.y) < 1.0)
                    .count();
            }
            pairs
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path_data::path_bounds;
    use crate::scene::{Arrow, Card};

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    fn id(n: u32) -> Id {
        Id::derived("check-test", &n.to_string())
    }

    /// A scene holding only cards (ids 0..) at `rects` and arrows between them.
    fn scene(rects: &[Rect], arrows: &[(u32, u32)]) -> Scene {
        let mut s = crate::layout::layout(
            &throughline_core::Journey::from_template("t", &[]),
            &[],
            &crate::Fonts::embedded(),
        );
        s.cards = rects
            .iter()
            .enumerate()
            .map(|(i, r)| Card {
                id: id(i as u32),
                rect: *r,
                ..empty_card()
            })
            .collect();
        s.arrows = arrows
            .iter()
            .enumerate()
            .map(|(i, (from, to))| Arrow {
                id: id(100 + i as u32),
                from: id(*from),
                to: id(*to),
                path: String::new(),
                bounds: path_bounds(""),
                handoff: None,
            })
            .collect();
        s
    }

    fn empty_card() -> Card {
        Card {
            id: id(0),
            lane: id(0),
            stage: id(0),
            kind: throughline_core::LaneKind::Customer,
            rect: rect(0.0, 0.0),
            lines: Vec::new(),
            channel: None,
            moment_of_truth: None,
            pain_point: None,
            fail_point: None,
            wait_point: None,
            emotion: None,
            chips: Vec::new(),
            assumption: false,
            comments: None,
        }
    }

    fn rect(x: f64, y: f64) -> Rect {
        Rect {
            x,
            y,
            width: 100.0,
            height: 40.0,
        }
    }

    #[test]
    fn collinear_runs_of_two_arrows_are_measured() {
        let s = scene(&[rect(0.0, 0.0), rect(300.0, 0.0)], &[(0, 1), (0, 1)]);
        let a = vec![
            p(100.0, 10.0),
            p(150.0, 10.0),
            p(150.0, 200.0),
            p(300.0, 200.0),
        ];
        let b = vec![
            p(100.0, 30.0),
            p(150.0, 30.0),
            p(150.0, 120.0),
            p(200.0, 120.0),
            p(200.0, 200.0),
            p(300.0, 200.0),
        ];
        let f = measure(&s, &[a, b]);
        assert!((f.overlap - (90.0 + 100.0)).abs() < 1e-9, "{f:?}");
        assert_eq!(f.bends, vec![2, 4]);
        assert!(!f.is_clean());
    }

    #[test]
    fn parallel_tracks_do_not_overlap_but_can_cross() {
        let s = scene(&[rect(0.0, 0.0), rect(300.0, 0.0)], &[(0, 1), (0, 1)]);
        let a = vec![
            p(100.0, 10.0),
            p(150.0, 10.0),
            p(150.0, 200.0),
            p(300.0, 200.0),
        ];
        let b = vec![
            p(100.0, 30.0),
            p(160.0, 30.0),
            p(160.0, 120.0),
            p(300.0, 120.0),
        ];
        let f = measure(&s, &[a, b]);
        assert_eq!(f.overlap, 0.0);
        assert_eq!(
            f.crossings,
            vec![1, 1],
            "b's first run crosses a's vertical"
        );
        assert!(f.is_clean());
    }

    #[test]
    fn a_segment_through_a_third_card_is_counted_but_its_own_ends_are_not() {
        let s = scene(
            &[rect(0.0, 0.0), rect(150.0, 0.0), rect(300.0, 0.0)],
            &[(0, 2)],
        );
        let f = measure(&s, &[vec![p(100.0, 20.0), p(300.0, 20.0)]]);
        assert_eq!(f.through_cards, 1);
        let f = measure(&s, &[vec![p(100.0, 45.0), p(300.0, 45.0)]]);
        assert_eq!(f.through_cards, 0, "running just below the card's edge");
    }

    #[test]
    fn two_arrows_ending_on_one_point_of_a_card_are_counted() {
        let s = scene(
            &[rect(0.0, 0.0), rect(0.0, 100.0), rect(300.0, 0.0)],
            &[(0, 2), (1, 2)],
        );
        let a = vec![p(100.0, 20.0), p(300.0, 20.0)];
        let b = vec![
            p(100.0, 120.0),
            p(200.0, 120.0),
            p(200.0, 20.0),
            p(300.0, 20.0),
        ];
        let f = measure(&s, &[a.clone(), b]);
        assert_eq!(f.shared_endpoints, 1);
        let c = vec![
            p(100.0, 120.0),
            p(200.0, 120.0),
            p(200.0, 28.0),
            p(300.0, 28.0),
        ];
        assert_eq!(measure(&s, &[a, c]).shared_endpoints, 0);
    }

    #[test]
    fn straight_runs_split_in_two_are_not_bends() {
        assert_eq!(turns(&[p(0.0, 0.0), p(5.0, 0.0), p(10.0, 0.0)]), 0);
        assert_eq!(turns(&[p(0.0, 0.0), p(5.0, 0.0), p(5.0, 10.0)]), 1);
    }
}
