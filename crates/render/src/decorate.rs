//! What an export adds around the blueprint: a title block above it (journey, persona, workspace,
//! date) and a legend below it (lane kinds, blueprint lines, markers, emotion scale, chips). Both are
//! laid out here, measured with the shipped font like the rest of the scene, so the SVG, PNG and PDF
//! draw them identically and the screen's scene never carries them.

use throughline_core::comment::CommentTarget;
use throughline_core::{Comment, Id, Journey, LaneKind, LineKind, Link, Severity};

use crate::font::Fonts;
use crate::layout::{chip_colours, layout_with, star, Annotations, LayoutOptions, MARGIN};
use crate::options::ExportOptions;
use crate::scene::*;
use crate::states::{side_by_side_in, SharedColumns, StateSide, StatesInput};
use crate::theme::{emotion_colour, palette, severity_colour, FontSpec, TextStyles};
use crate::wrap::{wrap_clamped, WrapCache};

/// Space between the title block, the blueprint and the legend.
const GAP: f64 = 24.0;
/// Inner padding of the title block and the legend.
const PAD: f64 = 20.0;
/// Width of the title block's coloured bar.
const ACCENT_W: f64 = 6.0;
/// Space between the facts (workspace, date) of the title block.
const FACT_GAP: f64 = 36.0;
/// Widest a fact's value is drawn before it is cut, so a long workspace name cannot crowd the title.
const FACT_MAX_W: f64 = 320.0;
/// Narrowest the journey name may be squeezed beside the facts before the facts move under it.
const MIN_TITLE_W: f64 = 280.0;
/// Height of one legend entry.
const ROW_H: f64 = 22.0;
/// Width of the sample column of a legend entry.
const SYMBOL_W: f64 = 46.0;
/// Space between a sample and its meaning.
const SYMBOL_GAP: f64 = 10.0;
/// Space between legend columns.
const COLUMN_GAP: f64 = 40.0;
/// Radius of a pain marker beside its note, as on the card.
const MARKER_R: f64 = 7.0;
/// Line height of a pain note.
const NOTE_LINE_H: f64 = 18.0;

/// What the title block says besides the journey itself. The caller supplies it, so the render crate
/// reads no clock and an export made with the same date is byte-identical.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleInfo {
    /// The workspace's name.
    pub workspace: String,
    /// The export's date, as the caller wants it shown (the app and CLI use YYYY-MM-DD).
    pub date: String,
}

/// The scene an export draws for `options`: chips and hand-offs left out when not wanted (cards then
/// laid out without chip rows, exactly as the screen would be without them), the emotion band left out
/// when not wanted, a title block in place of the screen's title lines with the blueprint laid out
/// below it, and a legend below the blueprint. Within the blueprint every position, wrapped line and
/// colour is the screen's for the same choices.
pub fn export_scene(
    journey: &Journey,
    flows: &[Link],
    notes: &Annotations,
    options: &ExportOptions,
    info: &TitleInfo,
    fonts: &Fonts,
    cache: &mut WrapCache,
) -> Scene {
    // Comments are numbered in reading order and each card with open ones carries its number;
    // without the option no card carries a comment marker at all.
    let open = if options.comments {
        throughline_core::comment::open_in_reading_order(journey)
    } else {
        Vec::new()
    };
    let filtered = Annotations {
        comments: open
            .iter()
            .enumerate()
            .filter(|(_, (_, target, _))| matches!(target, CommentTarget::Card { .. }))
            .map(|(i, (id, _, _))| (*id, (i + 1).to_string()))
            .collect(),
        ..chosen(notes, options)
    };
    let notes = &filtered;
    decorate(
        journey,
        options,
        info,
        &open,
        None,
        fonts,
        cache,
        |layout_options, cache| layout_with(journey, flows, notes, layout_options, fonts, cache),
    )
}

/// The scene an export of a future state beside its current state draws ([`crate::states::side_by_side`]): the
/// same title block and legend as [`export_scene`] around both halves, chips and hand-offs as
/// `options` say. Comments stay out: each half has its own, and the picture is about the change.
pub fn export_states_scene(
    input: &StatesInput,
    options: &ExportOptions,
    info: &TitleInfo,
    fonts: &Fonts,
    cache: &mut WrapCache,
) -> Scene {
    let current_notes = input.current.map(|c| chosen(c.notes, options));
    let future_notes = chosen(input.future.notes, options);
    let filtered = StatesInput {
        current: input
            .current
            .zip(current_notes.as_ref())
            .map(|(c, notes)| StateSide { notes, ..c }),
        future: StateSide {
            notes: &future_notes,
            ..input.future
        },
        ..*input
    };
    let layout_options = LayoutOptions {
        emotion: options.emotion,
        ..LayoutOptions::default()
    };
    let columns = SharedColumns::plan(&filtered, layout_options, fonts, cache);
    decorate(
        input.future.journey,
        options,
        info,
        &[],
        Some(columns.width()),
        fonts,
        cache,
        |layout_options, cache| side_by_side_in(&filtered, &columns, layout_options, fonts, cache),
    )
}

/// The annotations an export with `options` draws: chips and hand-offs only when chosen, the
/// personas' names always, and no comment markers (an export that shows comments numbers them).
fn chosen(notes: &Annotations, options: &ExportOptions) -> Annotations {
    Annotations {
        chips: if options.owners {
            notes.chips.clone()
        } else {
            Default::default()
        },
        handoffs: if options.handoffs {
            notes.handoffs.clone()
        } else {
            Default::default()
        },
        personas: notes.personas.clone(),
        comments: Default::default(),
    }
}

/// What both exports put around the blueprint `lay` draws: the title block above it, then the
/// legend, the pain notes and the comment notes (`open`) under it. `width` is the blueprint's width
/// when it is known without laying it out.
#[allow(clippy::too_many_arguments)]
fn decorate(
    journey: &Journey,
    options: &ExportOptions,
    info: &TitleInfo,
    open: &[(Id, CommentTarget, Vec<&Comment>)],
    width: Option<f64>,
    fonts: &Fonts,
    cache: &mut WrapCache,
    mut lay: impl FnMut(LayoutOptions, &mut WrapCache) -> Scene,
) -> Scene {
    // The block's height depends on the scene's width, which the arrows' tracks decide and a move
    // down the page does not change: the blueprint is laid out once to learn it, the block is made,
    // and the blueprint is laid out again below it.
    let mut layout_options = LayoutOptions {
        emotion: options.emotion,
        ..LayoutOptions::default()
    };
    let block = options.title_block.then(|| {
        let persona =
            (!journey.persona.is_empty()).then(|| format!("Persona: {}", journey.persona));
        let width = width.unwrap_or_else(|| lay(layout_options, cache).width);
        title_block(&journey.name, persona.as_deref(), width, info, fonts)
    });
    layout_options.top = block.as_ref().map(|b| b.rect.y + b.rect.height + GAP);
    let mut scene = lay(layout_options, cache);
    scene.title_block = block;
    if options.legend {
        let top = scene.height - MARGIN + GAP;
        let legend = legend(&scene, options, top, fonts);
        scene.height = legend.rect.y + legend.rect.height + MARGIN;
        scene.legend = Some(legend);
    }
    if options.pain_notes {
        if let Some(notes) = pain_notes(&scene, scene.height - MARGIN + GAP, fonts) {
            scene.height = notes.rect.y + notes.rect.height + MARGIN;
            scene.pain_notes = Some(notes);
        }
    }
    if !open.is_empty() {
        let notes = comment_notes(&scene, open, scene.height - MARGIN + GAP, fonts);
        scene.height = notes.rect.y + notes.rect.height + MARGIN;
        scene.comment_notes = Some(notes);
    }
    scene
}

/// The layout the blocks of notes under a blueprint share (pain points, comments): a titled frame the
/// scene's width, a marker at the left of each note and its wrapped text beside it, one note under
/// the other.
struct NoteBlock<'a> {
    scene: &'a Scene,
    font: &'a crate::font::Font,
    top: f64,
    left: f64,
    text_x: f64,
    text_w: f64,
    title: TextLine,
    /// Where the next note starts.
    y: f64,
}

impl<'a> NoteBlock<'a> {
    fn new(scene: &'a Scene, heading: &str, top: f64, fonts: &'a Fonts) -> Self {
        let s = &scene.styles;
        let left = MARGIN + PAD;
        let text_x = left + 2.0 * MARKER_R + SYMBOL_GAP;
        let title = line(heading.to_owned(), left, top + PAD + s.lane.size * 0.75);
        NoteBlock {
            scene,
            font: fonts.for_weight(s.card.weight),
            top,
            left,
            text_x,
            text_w: (scene.width - MARGIN - PAD - text_x).max(60.0),
            y: title.y + 14.0,
            title,
        }
    }

    /// The next note: `text` wrapped to at most `max_lines`, and the centre of its marker.
    fn note(&mut self, text: &str, max_lines: usize) -> (Vec<TextLine>, Point) {
        let size = self.scene.styles.card.size;
        let first = self.y + NOTE_LINE_H * 0.75;
        let lines: Vec<TextLine> = wrap_clamped(text, self.font, size, self.text_w, max_lines)
            .into_iter()
            .enumerate()
            .map(|(k, t)| line(t, self.text_x, first + k as f64 * NOTE_LINE_H))
            .collect();
        self.y += lines.len() as f64 * NOTE_LINE_H + 6.0;
        let marker = Point {
            x: self.left + MARKER_R,
            y: first - size * 0.36,
        };
        (lines, marker)
    }

    /// The frame around the notes written so far.
    fn rect(&self) -> Rect {
        Rect {
            x: MARGIN,
            y: self.top,
            width: self.scene.width - 2.0 * MARGIN,
            height: self.y - self.top + PAD - 6.0,
        }
    }
}

/// Longest a comment note is drawn, in lines: the open comments on one card rarely need more.
const MAX_COMMENT_NOTE_LINES: usize = 8;

/// The block listing the open comments from `top` down, one numbered note per journey, stage or card
/// as `open` orders them.
fn comment_notes(
    scene: &Scene,
    open: &[(Id, CommentTarget, Vec<&Comment>)],
    top: f64,
    fonts: &Fonts,
) -> CommentNotes {
    let label = &scene.styles.label;
    let label_font = fonts.for_weight(label.weight);
    let mut block = NoteBlock::new(scene, "Comments", top, fonts);
    let notes = open
        .iter()
        .enumerate()
        .map(|(i, (_, target, comments))| {
            let about = match target {
                CommentTarget::Journey => "The journey".to_owned(),
                CommentTarget::Stage { name } => format!("Stage {name}"),
                CommentTarget::Card { text } => text.clone(),
                CommentTarget::Gone => String::new(),
            };
            let said: Vec<String> = comments
                .iter()
                .map(|c| {
                    let day = throughline_core::comment::day_of(c.at);
                    format!("{} ({day}): {}", c.author, c.text.replace('\n', " "))
                })
                .collect();
            let text = format!("{about} \u{2014} {}", said.join(" \u{00b7} "));
            let (lines, at) = block.note(&text, MAX_COMMENT_NOTE_LINES);
            let number = (i + 1).to_string();
            let badge = Badge {
                at,
                label: line(
                    number.clone(),
                    at.x - label_font.width(&number, label.size) / 2.0,
                    at.y + label.size * 0.36,
                ),
            };
            CommentNote { badge, lines }
        })
        .collect();
    CommentNotes {
        rect: block.rect(),
        title: block.title.clone(),
        notes,
    }
}

/// Longest a pain note is drawn, in lines; the whole text stays in the card and the SVG tooltip.
const MAX_NOTE_LINES: usize = 4;

/// The block listing every pain point of `scene` from `top` down, or nothing when no card has one.
fn pain_notes(scene: &Scene, top: f64, fonts: &Fonts) -> Option<PainNotes> {
    let mut block = NoteBlock::new(scene, "Pain points", top, fonts);
    let notes: Vec<PainNote> = scene
        .cards
        .iter()
        .filter_map(|card| {
            let pain = card.pain_point.as_ref()?;
            let card_text = card
                .lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let text = format!("{card_text} \u{2014} {}", pain.text);
            let (lines, at) = block.note(&text, MAX_NOTE_LINES);
            let marker = PainMarker {
                at,
                colour: pain.colour.clone(),
                text: pain.text.clone(),
            };
            Some(PainNote { marker, lines })
        })
        .collect();
    if notes.is_empty() {
        return None;
    }
    Some(PainNotes {
        rect: block.rect(),
        title: block.title.clone(),
        notes,
    })
}

fn line(text: String, x: f64, y: f64) -> TextLine {
    TextLine { text, x, y }
}

fn one_line(text: &str, fonts: &Fonts, spec: &FontSpec, width: f64) -> (String, f64) {
    let font = fonts.for_weight(spec.weight);
    let text = wrap_clamped(text, font, spec.size, width, 1).remove(0);
    let w = font.width(&text, spec.size);
    (text, w)
}

fn title_block(
    name: &str,
    persona: Option<&str>,
    scene_width: f64,
    info: &TitleInfo,
    fonts: &Fonts,
) -> TitleBlock {
    let s = &TextStyles::standard();
    let (x, top) = (MARGIN, MARGIN);
    let width = scene_width - 2.0 * MARGIN;
    let text_x = x + ACCENT_W + PAD;
    let right = x + width - PAD;

    // The facts, measured first: the journey name gets what they leave.
    let facts: Vec<(String, f64, String, f64)> =
        [("WORKSPACE", &info.workspace), ("DATE", &info.date)]
            .iter()
            .map(|(caption, value)| {
                let (caption, cw) = one_line(caption, fonts, &s.label, FACT_MAX_W);
                let (value, vw) = one_line(value, fonts, &s.lane, FACT_MAX_W);
                (caption, cw, value, vw)
            })
            .collect();
    let columns: Vec<f64> = facts.iter().map(|f| f.1.max(f.3)).collect();
    let facts_w = columns.iter().sum::<f64>() + FACT_GAP * (columns.len() as f64 - 1.0);
    let beside = right - facts_w - FACT_GAP - text_x >= MIN_TITLE_W;
    let title_w = if beside {
        right - facts_w - FACT_GAP - text_x
    } else {
        right - text_x
    };

    let title_font = fonts.for_weight(s.title.weight);
    let mut y = top + PAD + s.title.size * 0.75;
    let title: Vec<TextLine> = wrap_clamped(name, title_font, s.title.size, title_w, 2)
        .into_iter()
        .enumerate()
        .map(|(k, text)| line(text, text_x, y + k as f64 * (s.title.size + 6.0)))
        .collect();
    y += (title.len().max(1) - 1) as f64 * (s.title.size + 6.0);
    let persona = persona.map(|sub| {
        y += s.subtitle.size + 12.0;
        let (text, _) = one_line(sub, fonts, &s.subtitle, title_w);
        line(text, text_x, y)
    });
    let text_bottom = y + s.title.size * 0.25;

    let (mut fx, caption_y) = if beside {
        (right - facts_w, top + PAD + s.label.size)
    } else {
        (text_x, text_bottom + 16.0 + s.label.size)
    };
    let value_y = caption_y + s.lane.size + 8.0;
    let facts = facts
        .into_iter()
        .zip(&columns)
        .map(|((caption, _, value, _), w)| {
            let fact = Fact {
                caption: line(caption, fx, caption_y),
                value: line(value, fx, value_y),
            };
            fx += w + FACT_GAP;
            fact
        })
        .collect();
    let bottom = text_bottom.max(value_y + s.lane.size * 0.3) + PAD;
    let rect = Rect {
        x,
        y: top,
        width,
        height: bottom - top,
    };
    TitleBlock {
        accent: Rect {
            width: ACCENT_W,
            ..rect
        },
        rect,
        title,
        persona,
        facts,
    }
}

/// One legend entry before it is placed: a sample drawn at (x, centre y) and its meaning.
struct Item {
    /// Width of the sample (chips are wider than the sample column).
    width: f64,
    draw: Box<dyn Fn(f64, f64) -> LegendSymbol>,
    label: String,
}

fn item(label: &str, draw: impl Fn(f64, f64) -> LegendSymbol + 'static) -> Item {
    Item {
        width: SYMBOL_W,
        draw: Box::new(draw),
        label: label.to_owned(),
    }
}

fn lane_name(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Evidence => "Physical evidence",
        LaneKind::Customer => "Customer actions",
        LaneKind::Frontstage => "Frontstage (seen by the customer)",
        LaneKind::Backstage => "Backstage (not seen)",
        LaneKind::Support => "Support processes and systems",
    }
}

/// The legend's groups for this scene and these options: lane kinds and lines that appear in the
/// blueprint, every marker, and the emotion scale and chips when they are shown.
fn sections(
    scene: &Scene,
    options: &ExportOptions,
    fonts: &Fonts,
) -> Vec<(&'static str, Vec<Item>)> {
    let s = &scene.styles;
    let mut out = Vec::new();

    let lanes: Vec<Item> = LaneKind::ALL
        .into_iter()
        .filter(|k| scene.lanes.iter().any(|l| l.kind == *k))
        .map(|kind| {
            item(lane_name(kind), move |x, cy| LegendSymbol::Lane {
                rect: Rect {
                    x,
                    y: cy - 8.0,
                    width: SYMBOL_W,
                    height: 16.0,
                },
                palette: palette(kind),
            })
        })
        .collect();
    if !lanes.is_empty() {
        out.push(("LANES", lanes));
    }

    let lines: Vec<Item> = LineKind::ALL
        .into_iter()
        .filter(|k| scene.separators.iter().any(|sep| sep.kind == *k))
        .map(|kind| {
            item(kind.label(), move |x, cy| LegendSymbol::Line {
                kind,
                x1: x,
                x2: x + SYMBOL_W,
                y: cy,
            })
        })
        .collect();
    if !lines.is_empty() {
        out.push(("LINES", lines));
    }

    let badge_font_w = |letter: &str| fonts.for_weight(s.label.weight).width(letter, s.label.size);
    let label_size = s.label.size;
    let badge = move |letter: &'static str, w: f64| {
        move |x: f64, cy: f64| {
            let at = Point {
                x: x + SYMBOL_W / 2.0,
                y: cy,
            };
            Badge {
                at,
                label: line(letter.to_owned(), at.x - w / 2.0, cy + label_size * 0.36),
            }
        }
    };
    let fail = badge("F", badge_font_w("F"));
    let wait = badge("W", badge_font_w("W"));
    let mut markers = vec![
        item("Flow from step to step", |x, cy| {
            let mut path = String::from("M");
            crate::svg::push_num(&mut path, x + 2.0);
            path.push(' ');
            crate::svg::push_num(&mut path, cy);
            path.push('H');
            crate::svg::push_num(&mut path, x + SYMBOL_W - 2.0);
            LegendSymbol::Flow { path }
        }),
        item("Moment of truth", |x, cy| LegendSymbol::MomentOfTruth {
            points: star(x + SYMBOL_W / 2.0, cy, 7.0, 3.0),
        }),
        item("Pain point: low, medium, high", |x, cy| {
            LegendSymbol::PainPoint {
                markers: [Severity::Low, Severity::Medium, Severity::High]
                    .iter()
                    .enumerate()
                    .map(|(k, sev)| PainMarker {
                        at: Point {
                            x: x + 7.0 + 16.0 * k as f64,
                            y: cy,
                        },
                        colour: severity_colour(*sev).to_owned(),
                        text: format!("{sev:?} severity").to_lowercase(),
                    })
                    .collect(),
            }
        }),
        item("Fail point", move |x, cy| LegendSymbol::Fail {
            badge: fail(x, cy),
        }),
        item("Wait point", move |x, cy| LegendSymbol::Wait {
            badge: wait(x, cy),
        }),
    ];
    if options.handoffs {
        markers.push(item("Hand-off to another team", |x, cy| {
            LegendSymbol::Handoff {
                at: Point {
                    x: x + SYMBOL_W / 2.0,
                    y: cy,
                },
            }
        }));
    }
    if scene.cards.iter().any(|c| c.assumption) {
        markers.push(item("Assumption: no evidence yet", |x, cy| {
            LegendSymbol::Assumption {
                rect: Rect {
                    x: x + 4.0,
                    y: cy - 8.0,
                    width: SYMBOL_W - 8.0,
                    height: 16.0,
                },
            }
        }));
    }
    out.push(("MARKERS", markers));

    if options.emotion && scene.emotion.is_some() {
        let scale = [
            (2, "+2 delighted"),
            (1, "+1 pleased"),
            (0, "0 neutral"),
            (-1, "-1 annoyed"),
            (-2, "-2 upset"),
        ];
        out.push((
            "EMOTION",
            scale
                .into_iter()
                .map(|(score, label)| {
                    item(label, move |x, cy| LegendSymbol::Emotion {
                        at: Point {
                            x: x + SYMBOL_W / 2.0,
                            y: cy,
                        },
                        colour: emotion_colour(score).to_owned(),
                    })
                })
                .collect(),
        ));
    }

    if options.owners {
        let chip_font = fonts.for_weight(s.label.weight);
        let chips = [
            (ChipRole::Owner, "Owner", "Accountable owner"),
            (
                ChipRole::PerformedBy,
                "Performed by",
                "Person or team doing it",
            ),
            (ChipRole::Uses, "Uses", "System it uses"),
            (ChipRole::PartOf, "Part of", "Process it belongs to"),
        ];
        out.push((
            "CHIPS",
            chips
                .into_iter()
                .map(|(role, name, meaning)| {
                    let w = chip_font.width(name, label_size) + 10.0;
                    let (fill, text) = chip_colours(role);
                    Item {
                        width: w.max(SYMBOL_W),
                        draw: Box::new(move |x, cy| LegendSymbol::Chip {
                            rect: Rect {
                                x,
                                y: cy - 7.5,
                                width: w,
                                height: 15.0,
                            },
                            label: line(name.to_owned(), x + 5.0, cy + label_size * 0.36),
                            fill: fill.to_owned(),
                            text: text.to_owned(),
                        }),
                        label: meaning.to_owned(),
                    }
                })
                .collect(),
        ));
    }
    out
}

fn legend(scene: &Scene, options: &ExportOptions, top: f64, fonts: &Fonts) -> Legend {
    let s = &scene.styles;
    let x = MARGIN;
    let width = scene.width - 2.0 * MARGIN;
    let left = x + PAD;
    let right = x + width - PAD;
    let title = line("Legend".to_owned(), left, top + PAD + s.lane.size * 0.75);
    let label_font = fonts.for_weight(s.channel.weight);
    let heading_font = fonts.for_weight(s.label.weight);

    // Columns flow left to right and wrap onto a new row when the legend is narrower than they are.
    let mut row_top = title.y + 18.0;
    let mut row_bottom = row_top;
    let mut cx = left;
    let mut sections = Vec::new();
    for (heading, items) in self::sections(scene, options, fonts) {
        let widths: Vec<f64> = items
            .iter()
            .map(|i| {
                let room = (right - left - i.width - SYMBOL_GAP).max(60.0);
                i.width + SYMBOL_GAP + one_line(&i.label, fonts, &s.channel, room).1
            })
            .collect();
        let column_w = widths
            .iter()
            .copied()
            .fold(heading_font.width(heading, s.label.size), f64::max)
            .min(right - left);
        if cx > left && cx + column_w > right {
            cx = left;
            row_top = row_bottom + 16.0;
        }
        let heading_line = line(heading.to_owned(), cx, row_top + s.label.size);
        let mut y = row_top + 18.0;
        let entries = items
            .iter()
            .map(|i| {
                let cy = y + ROW_H / 2.0;
                let label_x = cx + i.width + SYMBOL_GAP;
                let room = (cx + column_w - label_x).max(60.0);
                // A hair of room beyond the measured width: word-by-word sums round differently.
                let text =
                    wrap_clamped(&i.label, label_font, s.channel.size, room + 1.0, 1).remove(0);
                y += ROW_H;
                LegendEntry {
                    symbol: (i.draw)(cx, cy),
                    label: line(text, label_x, cy + s.channel.size * 0.36),
                }
            })
            .collect();
        row_bottom = row_bottom.max(y);
        cx += column_w + COLUMN_GAP;
        sections.push(LegendSection {
            heading: heading_line,
            entries,
        });
    }
    Legend {
        rect: Rect {
            x,
            y: top,
            width,
            height: row_bottom + PAD - 4.0 - top,
        },
        title,
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout_cached, ChipInput};
    use crate::svg::to_svg;
    use throughline_core::sample::sample_workspace;
    use throughline_core::Workspace;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        crate::svg::push_escaped(&mut out, text);
        out
    }

    fn info() -> TitleInfo {
        TitleInfo {
            workspace: "Claims team".into(),
            date: "2025-03-14".into(),
        }
    }

    /// Every owned step gets an owner chip; every other flow is a hand-off.
    fn notes(ws: &Workspace, j: &Journey) -> Annotations {
        let mut notes = Annotations::default();
        for step in &j.steps {
            if let Some(owner) = step.owner {
                notes.chips.entry(step.id).or_default().push(ChipInput {
                    entity: owner,
                    label: "Claims contact centre".into(),
                    role: ChipRole::Owner,
                });
            }
        }
        notes.handoffs = ws.flows_of(j).iter().step_by(2).map(|l| l.id).collect();
        notes
    }

    fn scene(options: &ExportOptions) -> (Scene, Workspace) {
        let ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let s = export_scene(
            j,
            &ws.flows_of(j),
            &notes(&ws, j),
            options,
            &info(),
            &Fonts::embedded(),
            &mut WrapCache::default(),
        );
        (s, ws)
    }

    fn screen(ws: &Workspace, notes: &Annotations) -> Scene {
        let j = &ws.journeys[0];
        layout_cached(
            j,
            &ws.flows_of(j),
            notes,
            &Fonts::embedded(),
            &mut WrapCache::default(),
        )
    }

    #[test]
    fn as_on_screen_is_exactly_the_screen() {
        let (export, ws) = scene(&ExportOptions::as_on_screen());
        let j = &ws.journeys[0];
        assert_eq!(export, screen(&ws, &notes(&ws, j)));
        assert!(export.cards.iter().any(|c| !c.chips.is_empty()));
        assert!(export.arrows.iter().any(|a| a.handoff.is_some()));
    }

    #[test]
    fn without_owners_cards_have_no_chips_and_close_up_as_on_screen() {
        let (export, ws) = scene(&ExportOptions {
            owners: false,
            ..ExportOptions::as_on_screen()
        });
        assert!(export.cards.iter().all(|c| c.chips.is_empty()));
        let j = &ws.journeys[0];
        let mut without = notes(&ws, j);
        without.chips.clear();
        let screen = screen(&ws, &without);
        assert_eq!(export, screen, "laid out as the screen without chips");
        let with = self::screen(&ws, &notes(&ws, j));
        assert!(export.height < with.height, "chip rows are gone");
        assert!(
            export.arrows.iter().any(|a| a.handoff.is_some()),
            "hand-offs stay"
        );
    }

    #[test]
    fn without_handoffs_arrows_have_no_markers() {
        let (export, _) = scene(&ExportOptions {
            handoffs: false,
            ..ExportOptions::default()
        });
        assert!(!export.arrows.is_empty());
        assert!(export.arrows.iter().all(|a| a.handoff.is_none()));
        assert!(export.cards.iter().any(|c| !c.chips.is_empty()));
        let legend = export.legend.unwrap();
        assert!(legend.sections.iter().all(|s| s
            .entries
            .iter()
            .all(|e| !matches!(e.symbol, LegendSymbol::Handoff { .. }))));
    }

    #[test]
    fn without_emotion_the_band_is_gone_and_the_lanes_move_up() {
        let on = ExportOptions::as_on_screen();
        let off = ExportOptions {
            emotion: false,
            ..on.clone()
        };
        let (with, _) = scene(&on);
        let (without, _) = scene(&off);
        let band = with
            .emotion
            .as_ref()
            .expect("the sample has a customer lane");
        assert!(without.emotion.is_none());
        assert!((with.height - without.height - band.band.height).abs() < 1e-9);
        assert_eq!(with.cards.len(), without.cards.len());
        let (legend, _) = scene(&ExportOptions {
            emotion: false,
            ..ExportOptions::default()
        });
        assert!(legend
            .legend
            .unwrap()
            .sections
            .iter()
            .all(|s| s.heading.text != "EMOTION"));
    }

    /// The bottom of everything the blueprint draws.
    fn blueprint_bottom(s: &Scene) -> f64 {
        s.lanes
            .iter()
            .map(|l| l.band.y + l.band.height)
            .chain(s.cards.iter().map(|c| c.rect.y + c.rect.height))
            .fold(0.0, f64::max)
    }

    fn blueprint_top(s: &Scene) -> f64 {
        s.stages
            .iter()
            .map(|st| st.header.y)
            .chain(s.lanes.iter().map(|l| l.band.y))
            .fold(f64::INFINITY, f64::min)
    }

    fn check_decorations(s: &Scene) {
        let bounds = Rect {
            x: 0.0,
            y: 0.0,
            width: s.width,
            height: s.height,
        };
        let fonts = Fonts::embedded();
        let block = s.title_block.as_ref().expect("a title block");
        let legend = s.legend.as_ref().expect("a legend");
        assert!(bounds.contains(&block.rect) && bounds.contains(&legend.rect));
        assert!(block.rect.y + block.rect.height < blueprint_top(s));
        assert!(legend.rect.y > blueprint_bottom(s));
        assert!(!block.rect.overlaps(&legend.rect));
        let width =
            |t: &TextLine, spec: &FontSpec| fonts.for_weight(spec.weight).width(&t.text, spec.size);
        let inside = |r: &Rect, t: &TextLine, spec: &FontSpec| {
            t.x >= r.x
                && t.x + width(t, spec) <= r.x + r.width + 0.5
                && t.y > r.y
                && t.y < r.y + r.height
        };
        let st = &s.styles;
        for t in &block.title {
            assert!(inside(&block.rect, t, &st.title), "{t:?}");
        }
        for f in &block.facts {
            assert!(inside(&block.rect, &f.caption, &st.label), "{f:?}");
            assert!(inside(&block.rect, &f.value, &st.lane), "{f:?}");
            for t in &block.title {
                let title = Rect {
                    x: t.x,
                    y: t.y - st.title.size,
                    width: width(t, &st.title),
                    height: st.title.size,
                };
                let value = Rect {
                    x: f.value.x,
                    y: f.caption.y - st.label.size,
                    width: width(&f.value, &st.lane).max(width(&f.caption, &st.label)),
                    height: f.value.y - f.caption.y + st.label.size,
                };
                assert!(!title.overlaps(&value), "the facts clear the title");
            }
        }
        assert!(inside(&legend.rect, &legend.title, &st.lane));
        let mut labels: Vec<Rect> = Vec::new();
        for section in &legend.sections {
            assert!(inside(&legend.rect, &section.heading, &st.label));
            for e in &section.entries {
                assert!(inside(&legend.rect, &e.label, &st.channel), "{e:?}");
                assert!(!e.label.text.ends_with('…'), "{} is cut", e.label.text);
                let r = Rect {
                    x: e.label.x,
                    y: e.label.y - st.channel.size,
                    width: width(&e.label, &st.channel),
                    height: st.channel.size,
                };
                assert!(
                    labels.iter().all(|o| !o.overlaps(&r)),
                    "{} overlaps another label",
                    e.label.text
                );
                labels.push(r);
            }
        }
    }

    #[test]
    fn every_pain_point_is_written_out_below_the_legend_inside_the_picture() {
        let (s, ws) = scene(&ExportOptions::default());
        let notes = s.pain_notes.as_ref().expect("the sample has pain points");
        let pains: Vec<&str> = ws.journeys[0]
            .steps
            .iter()
            .filter_map(|st| st.pain_point.as_deref().filter(|p| !p.is_empty()))
            .collect();
        assert!(pains.len() >= 2);
        assert_eq!(notes.notes.len(), pains.len());
        let st = &s.styles;
        let fonts = Fonts::embedded();
        let card_font = fonts.for_weight(st.card.weight);
        let legend = s.legend.as_ref().unwrap();
        assert!(notes.rect.y >= legend.rect.y + legend.rect.height);
        assert!(notes.rect.y + notes.rect.height <= s.height - MARGIN + 0.01);
        for note in &notes.notes {
            let written: Vec<&str> = note.lines.iter().map(|l| l.text.as_str()).collect();
            let written = written.join(" ");
            let card = s
                .cards
                .iter()
                .find(|c| c.pain_point.as_ref().map(|p| &p.text) == Some(&note.marker.text))
                .expect("a card with this pain point");
            assert!(written.starts_with(&card.lines[0].text), "{written}");
            assert!(written.contains(&note.marker.text), "{written}");
            for line in &note.lines {
                let right = line.x + card_font.width(&line.text, st.card.size);
                assert!(right <= notes.rect.x + notes.rect.width, "{line:?} fits");
                assert!(line.y > notes.rect.y && line.y < notes.rect.y + notes.rect.height);
            }
        }
        let svg = to_svg(&s);
        for pain in pains {
            assert!(svg.matches(&escaped(pain)).count() >= 2, "{pain} written");
        }
        let without = scene(&ExportOptions {
            pain_notes: false,
            ..ExportOptions::default()
        })
        .0;
        assert!(without.pain_notes.is_none());
        assert!(without.height < s.height);
    }

    #[test]
    fn title_block_and_legend_sit_inside_the_picture_clear_of_the_blueprint() {
        let (s, ws) = scene(&ExportOptions::default());
        check_decorations(&s);
        let block = s.title_block.as_ref().unwrap();
        assert_eq!(block.title[0].text, ws.journeys[0].name);
        assert!(block
            .persona
            .as_ref()
            .unwrap()
            .text
            .starts_with("Persona: "));
        let facts: Vec<&str> = block.facts.iter().map(|f| f.value.text.as_str()).collect();
        assert_eq!(facts, ["Claims team", "2025-03-14"]);
        let headings: Vec<&str> = s
            .legend
            .as_ref()
            .unwrap()
            .sections
            .iter()
            .map(|s| s.heading.text.as_str())
            .collect();
        assert_eq!(headings, ["LANES", "LINES", "MARKERS", "EMOTION", "CHIPS"]);

        // The blueprint below the block is the screen's, moved down as a whole.
        let screen = screen(&ws, &notes(&ws, &ws.journeys[0]));
        let dy = s.cards[0].rect.y - screen.cards[0].rect.y;
        assert!(dy > 0.0);
        for (a, b) in s.cards.iter().zip(&screen.cards) {
            assert_eq!(
                a.lines.iter().map(|l| &l.text).collect::<Vec<_>>(),
                b.lines.iter().map(|l| &l.text).collect::<Vec<_>>()
            );
            assert!((a.rect.y - b.rect.y - dy).abs() < 1e-9 && a.rect.x == b.rect.x);
        }
    }

    #[test]
    fn a_one_stage_journey_stacks_the_facts_under_the_title() {
        let mut ws = sample_workspace().unwrap();
        let j = &mut ws.journeys[0];
        let keep = j.stages[0].id;
        j.stages.truncate(1);
        j.steps.retain(|s| s.stage == keep);
        j.name =
            "A journey with a rather long name that needs two lines at least, maybe three".into();
        let j = &ws.journeys[0];
        let s = export_scene(
            j,
            &[],
            &Annotations::default(),
            &ExportOptions::default(),
            &TitleInfo {
                workspace: "A workspace whose name is long as well".into(),
                date: "2025-03-14".into(),
            },
            &Fonts::embedded(),
            &mut WrapCache::default(),
        );
        check_decorations(&s);
        let block = s.title_block.as_ref().unwrap();
        let last_title = block.title.last().unwrap().y;
        assert!(
            block.facts.iter().all(|f| f.caption.y > last_title),
            "facts below the title"
        );
        assert_eq!(block.title.len(), 2);
    }

    #[test]
    fn the_decorated_svg_parses_and_names_workspace_and_date() {
        let (s, _) = scene(&ExportOptions::default());
        let svg = to_svg(&s);
        let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("the SVG parses");
        assert!((f64::from(tree.size().height()) - s.height).abs() < 0.01);
        assert!(svg.contains(">Claims team</text>") && svg.contains(">2025-03-14</text>"));
        assert!(svg.contains(">Legend</text>") && svg.contains(">Moment of truth</text>"));
        assert_eq!(
            svg.matches(&format!(">{}</text>", s.title.text)).count(),
            1,
            "the title once"
        );
    }
}
