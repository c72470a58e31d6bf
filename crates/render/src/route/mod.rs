//! Orthogonal routes for flow arrows on the blueprint grid. Cards sit in columns with gutters between
//! them and a strip above each lane's cards, so a route that runs vertically only in gutters (or
//! straight down a column to the next card) and horizontally only in those strips never crosses a card.
//!
//! A [`Plan`] is made in the order the layout learns its geometry: from the grid alone it knows each
//! arrow's shape, how many ports each card side needs (so cards can grow to hold them) and how many
//! tracks each lane's strip needs (so lanes can grow); once the cards have their heights it places the
//! ports and gives every run in a gutter its own track (nudging, in the `tracks` module), which says
//! how wide each gutter must be; once the columns have their widths it gives the corners of every
//! route.

use rustc_hash::FxHashMap;

use crate::scene::{Point, Rect};

pub mod check;
mod tracks;

use tracks::{assign, Run};

/// Space between neighbouring tracks in a gutter or a strip.
pub const TRACK: f64 = 6.0;
/// Room between a card's edge and the nearest track.
const EDGE: f64 = 8.0;
/// Room between a strip's top track and the lane above.
const STRIP_TOP: f64 = 4.0;
/// Space between two ports on one side of a card; ports of left sides sit half way between those of
/// right sides, so runs leaving a column and runs entering the next never share a line.
const PORT: f64 = 8.0;
/// Ports keep this far from a card's corners.
const PORT_INSET: f64 = 6.0;
/// Space between straight arrows joining the same two cards (less when too many to fit the card).
const VERTICAL_GAP: f64 = 10.0;

/// Where a card sits in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Its stage column.
    pub col: usize,
    /// Its lane.
    pub lane: usize,
    /// Its place in the column, counted from the top across all lanes.
    pub rank: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// How an arrow travels, decided by where its cards sit.
#[derive(Clone, Copy, Debug)]
enum Shape {
    /// Straight down or up the column, to the next card in another lane.
    Vertical,
    /// Out of the source's right edge, along the gutter right of the column, into the target's right
    /// edge: a card lies between them, or they share a cell.
    Detour { col: usize },
    /// Between neighbouring columns, through the gutter they share.
    Adjacent { gutter: usize, forward: bool },
    /// Along the gutter next to the source to the strip above a lane's cards, along the strip, and
    /// along the gutter next to the target.
    Across {
        exit: usize,
        entry: usize,
        lane: usize,
        forward: bool,
    },
}

impl Shape {
    /// The sides of the source and the target the arrow leaves and enters by (none for a vertical).
    fn sides(self) -> Option<(Side, Side)> {
        match self {
            Shape::Vertical => None,
            Shape::Detour { .. } => Some((Side::Right, Side::Right)),
            Shape::Adjacent { forward, .. } | Shape::Across { forward, .. } => Some(if forward {
                (Side::Right, Side::Left)
            } else {
                (Side::Left, Side::Right)
            }),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Flow {
    from: usize,
    to: usize,
    shape: Shape,
}

/// The routes of one journey's arrows, planned from the grid; see the module documentation.
#[derive(Clone, Debug)]
pub struct Plan {
    flows: Vec<Flow>,
    /// Per card and side (left, right), how many arrows leave or enter there.
    ports: Vec<[usize; 2]>,
    /// Per flow crossing several columns, its track in its lane's strip.
    strip_track: Vec<usize>,
    /// Per lane, how many tracks its strip holds.
    strip_tracks: Vec<usize>,
}

impl Plan {
    /// Plans `links` (source and target card indices) between cards at `cells` in a grid of `lanes`
    /// lanes.
    pub fn new(cells: &[Cell], links: &[(usize, usize)], lanes: usize) -> Plan {
        let flows: Vec<Flow> = links
            .iter()
            .map(|&(from, to)| Flow {
                from,
                to,
                shape: shape(cells[from], cells[to], from == to),
            })
            .collect();
        let mut ports = vec![[0; 2]; cells.len()];
        for f in &flows {
            if let Some((a, b)) = f.shape.sides() {
                ports[f.from][a as usize] += 1;
                ports[f.to][b as usize] += 1;
            }
        }
        let mut runs: Vec<Vec<(usize, Run)>> = vec![Vec::new(); lanes];
        for (i, f) in flows.iter().enumerate() {
            if let Shape::Across {
                exit, entry, lane, ..
            } = f.shape
            {
                let (lo, hi) = (exit.min(entry) as f64, exit.max(entry) as f64);
                // Shorter runs lie nearer the cards, so longer ones pass over their turns.
                runs[lane].push((
                    i,
                    Run {
                        lo,
                        hi,
                        key: (0, hi - lo),
                    },
                ));
            }
        }
        let mut strip_track = vec![0; flows.len()];
        let mut strip_tracks = vec![0; lanes];
        for (lane, lane_runs) in runs.iter().enumerate() {
            let plain: Vec<Run> = lane_runs.iter().map(|(_, r)| *r).collect();
            let t = assign(&plain, 0.0);
            for ((flow, _), track) in lane_runs.iter().zip(t.of_run) {
                strip_track[*flow] = track;
            }
            strip_tracks[lane] = t.count;
        }
        Plan {
            flows,
            ports,
            strip_track,
            strip_tracks,
        }
    }

    /// The least height `card` needs for its ports to sit apart.
    pub fn min_card_height(&self, card: usize) -> f64 {
        let most = self.ports[card][0].max(self.ports[card][1]);
        PORT * most as f64 + 2.0 * PORT_INSET
    }

    /// Room a lane needs above its cards for the tracks of its strip, at least `base`.
    pub fn strip_height(&self, lane: usize, base: f64) -> f64 {
        match self.strip_tracks[lane] {
            0 => base,
            t => base.max(EDGE + (t - 1) as f64 * TRACK + STRIP_TOP),
        }
    }

    /// Places ports and gutter tracks once cards have their final heights: `rects` are the cards'
    /// boxes (any x), `strips` per lane the y where its cards start, `origin` the y every port is
    /// aligned from, and `cols` the number of columns.
    pub fn place(&self, rects: &[Rect], strips: &[f64], origin: f64, cols: usize) -> Placed {
        let strip_y: Vec<f64> = self
            .flows
            .iter()
            .enumerate()
            .map(|(i, f)| match f.shape {
                Shape::Across { lane, .. } => {
                    strips[lane] - EDGE - self.strip_track[i] as f64 * TRACK
                }
                _ => 0.0,
            })
            .collect();
        let centre = |card: usize| rects[card].y + rects[card].height / 2.0;

        // Ports on card sides, in the order of where their runs head, so runs from one side fan out
        // without crossing; a lone arrow between level cards of neighbouring columns runs straight.
        let mut port_y = vec![[0.0; 2]; self.flows.len()];
        let mut straight = vec![false; self.flows.len()];
        let mut sides: Vec<Vec<PortEnd>> = vec![Vec::new(); 2 * rects.len()];
        for (i, f) in self.flows.iter().enumerate() {
            let Some((a, b)) = f.shape.sides() else {
                continue;
            };
            if let Shape::Adjacent { .. } = f.shape {
                let (ra, rb) = (&rects[f.from], &rects[f.to]);
                let lo = (ra.y + PORT_INSET).max(rb.y + PORT_INSET);
                let hi = (ra.y + ra.height - PORT_INSET).min(rb.y + rb.height - PORT_INSET);
                if self.ports[f.from][a as usize] == 1
                    && self.ports[f.to][b as usize] == 1
                    && lo <= hi
                {
                    let y = origin + ((lo + hi) / 2.0 - origin).round();
                    let y = y.clamp(lo, hi);
                    port_y[i] = [y, y];
                    straight[i] = true;
                    continue;
                }
            }
            let (far_a, far_b) = match f.shape {
                Shape::Across { .. } => (strip_y[i], strip_y[i]),
                _ => (centre(f.to), centre(f.from)),
            };
            let end = |flow, end, toward| PortEnd { flow, end, toward };
            sides[2 * f.from + a as usize].push(end(i, 0, far_a));
            sides[2 * f.to + b as usize].push(end(i, 1, far_b));
        }
        for (k, ends) in sides.iter_mut().enumerate() {
            if ends.is_empty() {
                continue;
            }
            ends.sort_by(|x, y| {
                x.toward
                    .total_cmp(&y.toward)
                    .then(x.flow.cmp(&y.flow))
                    .then(x.end.cmp(&y.end))
            });
            let (card, left) = (k / 2, k % 2 == Side::Left as usize);
            let offset = if left { PORT / 2.0 } else { 0.0 };
            for (e, y) in ends
                .iter()
                .zip(ports_along(rects[card], ends.len(), origin + offset))
            {
                port_y[e.flow][e.end] = y;
            }
        }

        // Runs along gutters, one per leg that is not straight.
        let mut gutter_runs: Vec<Vec<(usize, usize, Run)>> = vec![Vec::new(); cols];
        for (i, f) in self.flows.iter().enumerate() {
            let [ya, yb] = port_y[i];
            let mut leg = |gutter: usize, leg: usize, stub: f64, far: f64, family: u8| {
                gutter_runs[gutter].push((
                    i,
                    leg,
                    Run {
                        lo: stub.min(far),
                        hi: stub.max(far),
                        key: nesting(family, stub, far),
                    },
                ));
            };
            match f.shape {
                Shape::Vertical => {}
                Shape::Detour { col } => {
                    gutter_runs[col].push((
                        i,
                        0,
                        Run {
                            lo: ya.min(yb),
                            hi: ya.max(yb),
                            key: nesting(LEFT, ya.min(yb), ya.max(yb)),
                        },
                    ));
                }
                Shape::Adjacent { gutter, forward } if !straight[i] => {
                    let (left, right) = if forward { (ya, yb) } else { (yb, ya) };
                    leg(gutter, 0, left, right, BOTH);
                }
                Shape::Adjacent { .. } => {}
                Shape::Across {
                    exit,
                    entry,
                    forward,
                    ..
                } => {
                    let (exit_family, entry_family) = if forward {
                        (LEFT, RIGHT)
                    } else {
                        (RIGHT, LEFT)
                    };
                    leg(exit, 0, ya, strip_y[i], exit_family);
                    leg(entry, 1, yb, strip_y[i], entry_family);
                }
            }
        }
        let mut gutter_track = vec![[0; 2]; self.flows.len()];
        let mut gutter_tracks = vec![0; cols];
        for (g, runs) in gutter_runs.iter().enumerate() {
            let plain: Vec<Run> = runs.iter().map(|(_, _, r)| *r).collect();
            let t = assign(&plain, TRACK);
            for ((flow, leg, _), track) in runs.iter().zip(t.of_run) {
                gutter_track[*flow][*leg] = track;
            }
            gutter_tracks[g] = t.count;
        }
        Placed {
            flows: self.flows.clone(),
            port_y,
            straight,
            strip_y,
            gutter_track,
            gutter_tracks,
        }
    }
}

/// A run's family in a gutter: stubs only on its left side, on both sides, only on its right side.
/// Families lie left to right in that order, so stubs cross as few runs as they can.
const LEFT: u8 = 0;
const BOTH: u8 = 1;
const RIGHT: u8 = 2;

/// The key that nests a gutter's runs: of two runs whose stubs leave the left side, the one from
/// higher up lies further right when both head down (and further left when both head up), so neither
/// stub crosses the other run; the right side mirrors that.
fn nesting(family: u8, stub: f64, far: f64) -> (u8, f64) {
    let down = far > stub;
    let key = match (family, down) {
        (RIGHT, true) | (LEFT | BOTH, false) => stub,
        _ => -stub,
    };
    (family, key)
}

/// How an arrow between cards at `a` and `b` travels.
fn shape(a: Cell, b: Cell, same_card: bool) -> Shape {
    if a.col == b.col {
        let next = a.rank.abs_diff(b.rank) == 1;
        return if next && a.lane != b.lane && !same_card {
            Shape::Vertical
        } else {
            Shape::Detour { col: a.col }
        };
    }
    let forward = b.col > a.col;
    if a.col.abs_diff(b.col) == 1 {
        return Shape::Adjacent {
            gutter: a.col.min(b.col),
            forward,
        };
    }
    let (exit, entry) = if forward {
        (a.col, b.col - 1)
    } else {
        (a.col - 1, b.col)
    };
    // The strip of the lane the arrow travels towards: above the target when it lies below, above
    // the source otherwise, so the leg within the target's column stays short.
    let lane = if b.lane > a.lane { b.lane } else { a.lane };
    Shape::Across {
        exit,
        entry,
        lane,
        forward,
    }
}

/// `n` port positions along a card's side at y = `origin` + k·[`PORT`], clear of its corners and
/// centred on the side; evenly spread if the card is too short for them (the layout makes it tall
/// enough, see [`Plan::min_card_height`]).
fn ports_along(card: Rect, n: usize, origin: f64) -> impl Iterator<Item = f64> {
    let top = card.y + PORT_INSET;
    let bottom = card.y + card.height - PORT_INSET;
    let first = ((top - origin) / PORT).ceil();
    let last = ((bottom - origin) / PORT).floor();
    let room = (last - first + 1.0).max(0.0) as usize;
    let fits = room >= n;
    let start = first + ((room.saturating_sub(n)) / 2) as f64;
    (0..n).map(move |k| {
        if fits {
            origin + (start + k as f64) * PORT
        } else {
            card.y + card.height * (k as f64 + 1.0) / (n as f64 + 1.0)
        }
    })
}

/// One end of an arrow on a card's side, waiting for its port.
#[derive(Clone, Copy, Debug)]
struct PortEnd {
    flow: usize,
    /// 0 at the source, 1 at the target.
    end: usize,
    /// The y its first run heads for, which orders the ports along the side.
    toward: f64,
}

/// Ports and tracks of a [`Plan`] once the cards' heights are known.
#[derive(Clone, Debug)]
pub struct Placed {
    flows: Vec<Flow>,
    /// Per flow, the y of its source and target ports on card sides.
    port_y: Vec<[f64; 2]>,
    /// Per flow, whether it runs straight across its gutter.
    straight: Vec<bool>,
    /// Per flow crossing several columns, the y of its strip track.
    strip_y: Vec<f64>,
    /// Per flow, its track in the gutter of each leg.
    gutter_track: Vec<[usize; 2]>,
    /// Per gutter (numbered by the column on its left), how many tracks it holds.
    gutter_tracks: Vec<usize>,
}

/// Where a gutter lies across the scene: from the right edge of the cards on its left.
#[derive(Clone, Copy, Debug)]
pub struct Gutter {
    /// Its left edge.
    pub x: f64,
    /// Its width.
    pub width: f64,
}

impl Placed {
    /// The width a gutter needs for its tracks (0 if it has none).
    pub fn gutter_width(&self, gutter: usize) -> f64 {
        match self.gutter_tracks[gutter] {
            0 => 0.0,
            t => 2.0 * EDGE + (t - 1) as f64 * TRACK,
        }
    }

    /// The corners of every route, from source to target, given the cards' final boxes and the
    /// gutters' extents.
    pub fn routes(&self, rects: &[Rect], gutters: &[Gutter]) -> Vec<Vec<Point>> {
        let track_x = |g: usize, track: usize| {
            let gutter = gutters[g];
            let used = (self.gutter_tracks[g].max(1) - 1) as f64 * TRACK;
            gutter.x + (gutter.width - used) / 2.0 + track as f64 * TRACK
        };
        let mut verticals: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        for f in &self.flows {
            if let Shape::Vertical = f.shape {
                *verticals.entry(pair(f)).or_default() += 1;
            }
        }
        let mut nth: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        let p = |x, y| Point { x, y };
        self.flows
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let (a, b) = (&rects[f.from], &rects[f.to]);
                let [ya, yb] = self.port_y[i];
                let side_x = |r: &Rect, side: Side| match side {
                    Side::Left => r.x,
                    Side::Right => r.x + r.width,
                };
                match f.shape {
                    Shape::Vertical => {
                        let k = nth.entry(pair(f)).or_default();
                        let n = verticals[&pair(f)];
                        let spread = (n as f64 - 1.0).max(1.0);
                        let gap = VERTICAL_GAP.min((a.width - 2.0 * PORT_INSET) / spread);
                        let x = a.x + a.width / 2.0 + (*k as f64 - (n as f64 - 1.0) / 2.0) * gap;
                        *k += 1;
                        if b.y > a.y {
                            vec![p(x, a.y + a.height), p(x, b.y)]
                        } else {
                            vec![p(x, a.y), p(x, b.y + b.height)]
                        }
                    }
                    Shape::Detour { col } => {
                        let x = track_x(col, self.gutter_track[i][0]);
                        let right = |r: &Rect| r.x + r.width;
                        vec![p(right(a), ya), p(x, ya), p(x, yb), p(right(b), yb)]
                    }
                    Shape::Adjacent { gutter, forward } => {
                        let (sa, sb) = if forward {
                            (Side::Right, Side::Left)
                        } else {
                            (Side::Left, Side::Right)
                        };
                        if self.straight[i] {
                            return vec![p(side_x(a, sa), ya), p(side_x(b, sb), yb)];
                        }
                        let x = track_x(gutter, self.gutter_track[i][0]);
                        vec![
                            p(side_x(a, sa), ya),
                            p(x, ya),
                            p(x, yb),
                            p(side_x(b, sb), yb),
                        ]
                    }
                    Shape::Across {
                        exit,
                        entry,
                        forward,
                        ..
                    } => {
                        let (sa, sb) = if forward {
                            (Side::Right, Side::Left)
                        } else {
                            (Side::Left, Side::Right)
                        };
                        let x1 = track_x(exit, self.gutter_track[i][0]);
                        let x2 = track_x(entry, self.gutter_track[i][1]);
                        let yc = self.strip_y[i];
                        vec![
                            p(side_x(a, sa), ya),
                            p(x1, ya),
                            p(x1, yc),
                            p(x2, yc),
                            p(x2, yb),
                            p(side_x(b, sb), yb),
                        ]
                    }
                }
            })
            .collect()
    }
}

/// The two cards of a vertical arrow, upper first, so arrows both ways between them share a count.
fn pair(f: &Flow) -> (usize, usize) {
    (f.from.min(f.to), f.from.max(f.to))
}

/// SVG path data for a polyline with its corners rounded by up to `radius`; straight runs of zero
/// length are dropped so the corners stay clean.
pub fn rounded_path(points: &[Point], radius: f64, out: &mut String) {
    let mut pts = points
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == 0 || dist(points[i - 1], **p) > 0.01)
        .map(|(_, p)| *p)
        .peekable();
    let Some(first) = pts.next() else { return };
    // A corner takes three points of up to a dozen characters each.
    out.reserve(points.len() * 40);
    out.push('M');
    push_point(out, first);
    let mut prev = first;
    while let Some(cur) = pts.next() {
        if let Some(&next) = pts.peek() {
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
        prev = cur;
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

    fn cell(col: usize, lane: usize, rank: usize) -> Cell {
        Cell { col, lane, rank }
    }

    fn card(x: f64, y: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width: 100.0,
            height,
        }
    }

    #[test]
    fn shapes_follow_the_grid() {
        let vertical = shape(cell(2, 1, 3), cell(2, 3, 4), false);
        assert!(matches!(vertical, Shape::Vertical));
        let same_cell = shape(cell(2, 1, 3), cell(2, 1, 4), false);
        assert!(matches!(same_cell, Shape::Detour { col: 2 }));
        let card_between = shape(cell(2, 1, 3), cell(2, 3, 5), false);
        assert!(matches!(card_between, Shape::Detour { col: 2 }));
        let back = shape(cell(3, 1, 0), cell(2, 4, 0), false);
        assert!(matches!(
            back,
            Shape::Adjacent {
                gutter: 2,
                forward: false
            }
        ));
        let up_across = shape(cell(1, 4, 0), cell(5, 0, 0), false);
        assert!(matches!(
            up_across,
            Shape::Across {
                exit: 1,
                entry: 4,
                lane: 4,
                forward: true
            }
        ));
        let down_back = shape(cell(5, 0, 0), cell(1, 2, 0), false);
        assert!(matches!(
            down_back,
            Shape::Across {
                exit: 4,
                entry: 1,
                lane: 2,
                forward: false
            }
        ));
    }

    #[test]
    fn ports_sit_on_their_grid_centred_and_clear_of_the_corners() {
        let ports: Vec<f64> = ports_along(card(0.0, 100.0, 60.0), 3, 4.0).collect();
        assert_eq!(ports, vec![116.0, 124.0, 132.0]);
        let left: Vec<f64> = ports_along(card(0.0, 100.0, 60.0), 3, 4.0 + PORT / 2.0).collect();
        assert!(left.iter().all(|y| !ports.contains(y)));
        let crowded: Vec<f64> = ports_along(card(0.0, 0.0, 30.0), 5, 0.0).collect();
        assert_eq!(crowded, vec![5.0, 10.0, 15.0, 20.0, 25.0]);
    }

    #[test]
    fn plans_grow_cards_and_strips_for_what_they_carry() {
        // Four cards of one cell all flow to the card two columns on in their lane.
        let cells = [
            cell(0, 0, 0),
            cell(0, 0, 1),
            cell(0, 0, 2),
            cell(0, 0, 3),
            cell(2, 0, 0),
        ];
        let links = [(0, 4), (1, 4), (2, 4), (3, 4)];
        let plan = Plan::new(&cells, &links, 2);
        assert_eq!(plan.min_card_height(4), 4.0 * PORT + 2.0 * PORT_INSET);
        assert_eq!(plan.min_card_height(0), PORT + 2.0 * PORT_INSET);
        assert_eq!(plan.strip_height(0, 18.0), EDGE + 3.0 * TRACK + STRIP_TOP);
        assert_eq!(plan.strip_height(1, 18.0), 18.0);
    }

    #[test]
    fn routes_keep_to_gutters_strips_and_straight_lines() {
        // Column 0: cards in lanes 0 and 1; column 1: a card level with the first; column 3: one in
        // lane 1.
        let cells = [cell(0, 0, 0), cell(0, 1, 1), cell(1, 0, 0), cell(3, 1, 0)];
        let rects = [
            card(0.0, 20.0, 44.0),
            card(0.0, 120.0, 44.0),
            card(150.0, 20.0, 44.0),
            card(450.0, 120.0, 44.0),
        ];
        let links = [(0, 1), (0, 2), (1, 3), (2, 0)];
        let plan = Plan::new(&cells, &links, 2);
        let placed = plan.place(&rects, &[20.0, 120.0], 0.0, 4);
        let gutters: Vec<Gutter> = (0..4)
            .map(|g| Gutter {
                x: 100.0 + 150.0 * g as f64,
                width: 50.0,
            })
            .collect();
        let routes = placed.routes(&rects, &gutters);
        assert_eq!(
            routes[0],
            vec![Point { x: 50.0, y: 64.0 }, Point { x: 50.0, y: 120.0 }]
        );
        for route in &routes {
            for w in route.windows(2) {
                assert!(
                    w[0].x == w[1].x || w[0].y == w[1].y,
                    "orthogonal: {route:?}"
                );
            }
        }
        // The forward and the backward arrow between the level cards leave and enter apart.
        assert_eq!(routes[1].first().unwrap().x, 100.0);
        assert_eq!(routes[3].first().unwrap().x, 150.0);
        assert_ne!(routes[1].first().unwrap().y, routes[3].last().unwrap().y);
        // Across three columns: along the strip above lane 1's cards.
        assert!(routes[2].iter().any(|p| p.y == 120.0 - EDGE));
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
