//! The network view: one entity in the middle and everything directly tied to it around it, laid out
//! here like the blueprint, so the WebView only draws boxes, lines and text it is given.

use std::f64::consts::TAU;

use serde::Serialize;
use throughline_core::Id;
use ts_rs::TS;

use crate::scene::{Point, Rect, TextLine};
use crate::wrap::wrap_clamped;
use crate::Fonts;

/// What a node of the network view is, for its colour and the click that opens it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NetworkKind {
    /// A person.
    Person,
    /// A team.
    Team,
    /// A system.
    System,
    /// A process.
    Process,
    /// A card of some journey.
    Step,
}

/// A node before layout: what to show and how it relates to the centre.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkInput {
    /// The record.
    pub id: Id,
    /// Its kind.
    pub kind: NetworkKind,
    /// Its name or card text.
    pub label: String,
    /// For a card, its journey.
    pub journey: Option<Id>,
    /// How it is tied to the centre ("uses", "owned by", …), read from the arrow's tail to its head.
    pub relation: String,
    /// Whether the arrow points from the centre to this node.
    pub outgoing: bool,
}

/// A laid-out node.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct NetworkNode {
    /// The record.
    pub id: Id,
    /// Its kind.
    pub kind: NetworkKind,
    /// For a card, its journey (so a click can open the card).
    pub journey: Option<Id>,
    /// Its box.
    pub rect: Rect,
    /// Its label, wrapped to two lines at most.
    pub lines: Vec<TextLine>,
    /// Whether it is the entity the view is about.
    pub centre: bool,
}

/// A laid-out tie between the centre and a neighbour.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct NetworkEdge {
    /// Where the arrow starts (on a box's edge).
    pub from: Point,
    /// Where it ends (its head).
    pub to: Point,
    /// What the tie means.
    pub label: TextLine,
}

/// The network view of one entity.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct NetworkScene {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// The centre first, then its neighbours clockwise from the top.
    pub nodes: Vec<NetworkNode>,
    /// One per neighbour.
    pub edges: Vec<NetworkEdge>,
    /// Neighbours left out to keep the view readable.
    pub more: u32,
}

const NODE_W: f64 = 176.0;
const NODE_H: f64 = 48.0;
const PAD: f64 = 10.0;
const MARGIN: f64 = 40.0;
const FONT_SIZE: f64 = 12.0;
const LABEL_SIZE: f64 = 10.0;
/// Most neighbours drawn; more would not fit on a circle a screen can show.
pub const MAX_NEIGHBOURS: usize = 48;

/// Where the line from the centre of `r` towards `towards` leaves the box.
fn exit(r: &Rect, towards: Point) -> Point {
    let (cx, cy) = (r.x + r.width / 2.0, r.y + r.height / 2.0);
    let (dx, dy) = (towards.x - cx, towards.y - cy);
    let sx = if dx == 0.0 {
        f64::INFINITY
    } else {
        (r.width / 2.0) / dx.abs()
    };
    let sy = if dy == 0.0 {
        f64::INFINITY
    } else {
        (r.height / 2.0) / dy.abs()
    };
    let s = sx.min(sy);
    Point {
        x: cx + dx * s,
        y: cy + dy * s,
    }
}

/// Lays out `centre` with its `neighbours` on a circle around it, sorted by relation, kind and label
/// so the same workspace always gives the same picture.
pub fn layout_network(
    centre: &NetworkInput,
    mut neighbours: Vec<NetworkInput>,
    fonts: &Fonts,
) -> NetworkScene {
    neighbours.sort_by(|a, b| {
        (&a.relation, a.kind, a.label.to_lowercase(), a.id).cmp(&(
            &b.relation,
            b.kind,
            b.label.to_lowercase(),
            b.id,
        ))
    });
    let more = neighbours.len().saturating_sub(MAX_NEIGHBOURS) as u32;
    neighbours.truncate(MAX_NEIGHBOURS);
    let n = neighbours.len();
    // A circle long enough for every box with room between them.
    let radius = ((n as f64) * (NODE_W + 16.0) / TAU).max(180.0);
    let (ox, oy) = (
        MARGIN + radius + NODE_W / 2.0,
        MARGIN + radius + NODE_H / 2.0,
    );
    let font = fonts.for_weight(400);
    let bold = fonts.for_weight(700);
    let node = |input: &NetworkInput, cx: f64, cy: f64, is_centre: bool| {
        let rect = Rect {
            x: cx - NODE_W / 2.0,
            y: cy - NODE_H / 2.0,
            width: NODE_W,
            height: NODE_H,
        };
        let f = if is_centre { bold } else { font };
        let lines = wrap_clamped(&input.label, f, FONT_SIZE, NODE_W - 2.0 * PAD, 2);
        let line_h = FONT_SIZE * 1.3;
        let top = cy - line_h * lines.len() as f64 / 2.0 + FONT_SIZE;
        let lines = lines
            .into_iter()
            .enumerate()
            .map(|(i, text)| TextLine {
                x: cx - f.width(&text, FONT_SIZE) / 2.0,
                y: top + i as f64 * line_h,
                text,
            })
            .collect();
        NetworkNode {
            id: input.id,
            kind: input.kind,
            journey: input.journey,
            rect,
            lines,
            centre: is_centre,
        }
    };
    let mut nodes = vec![node(centre, ox, oy, true)];
    let mut edges = Vec::with_capacity(n);
    for (i, input) in neighbours.iter().enumerate() {
        let angle = TAU * i as f64 / n as f64 - TAU / 4.0;
        let (cx, cy) = (ox + radius * angle.cos(), oy + radius * angle.sin());
        let placed = node(input, cx, cy, false);
        let a = exit(&nodes[0].rect, Point { x: cx, y: cy });
        let b = exit(&placed.rect, Point { x: ox, y: oy });
        let (from, to) = if input.outgoing { (a, b) } else { (b, a) };
        let mid = Point {
            x: (a.x + b.x) / 2.0,
            y: (a.y + b.y) / 2.0,
        };
        let label_w = bold.width(&input.relation, LABEL_SIZE);
        edges.push(NetworkEdge {
            from,
            to,
            label: TextLine {
                text: input.relation.clone(),
                x: mid.x - label_w / 2.0,
                y: mid.y - 3.0,
            },
        });
        nodes.push(placed);
    }
    NetworkScene {
        width: 2.0 * (MARGIN + radius) + NODE_W,
        height: 2.0 * (MARGIN + radius) + NODE_H,
        nodes,
        edges,
        more,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(label: &str, relation: &str) -> NetworkInput {
        NetworkInput {
            id: Id::new(),
            kind: NetworkKind::System,
            label: label.into(),
            journey: None,
            relation: relation.into(),
            outgoing: true,
        }
    }

    #[test]
    fn neighbours_sit_around_the_centre_without_overlapping() {
        let fonts = Fonts::embedded();
        let around: Vec<_> = (0..30)
            .map(|i| input(&format!("System {i}"), "uses"))
            .collect();
        let scene = layout_network(&input("CRM", ""), around, &fonts);
        assert_eq!(scene.nodes.len(), 31);
        assert_eq!(scene.edges.len(), 30);
        assert!(scene.nodes[0].centre);
        let page = Rect {
            x: 0.0,
            y: 0.0,
            width: scene.width,
            height: scene.height,
        };
        for (i, a) in scene.nodes.iter().enumerate() {
            assert!(page.contains(&a.rect), "node {i} is off the drawing");
            for b in &scene.nodes[i + 1..] {
                assert!(
                    !a.rect.overlaps(&b.rect),
                    "{:?} overlaps {:?}",
                    a.lines,
                    b.lines
                );
            }
        }
    }

    #[test]
    fn too_many_neighbours_are_counted_not_drawn() {
        let fonts = Fonts::embedded();
        let around: Vec<_> = (0..60).map(|i| input(&format!("S{i}"), "uses")).collect();
        let scene = layout_network(&input("CRM", ""), around, &fonts);
        assert_eq!(scene.nodes.len(), MAX_NEIGHBOURS + 1);
        assert_eq!(scene.more, 12);
    }
}
