// Presentation mode: the blueprint shown one stage at a time, full screen, for a room. The place shown
// is a stage (its whole column) or one lane of it; the arrow keys step through them and the rest of
// the blueprint is dimmed. Kept apart from the component so the stepping and the framing are tested.
import type { Rect } from '../bindings/Rect';
import type { Scene } from '../bindings/Scene';
import type { ViewTransform } from '../viewport/fit';

/** Where the presentation is: a stage by its position, and one of its lanes or (null) all of them. */
export interface Stop {
  stage: number;
  lane: number | null;
}

/** The first stop: the first stage, whole. */
export const FIRST: Stop = { stage: 0, lane: null };

/** Keys the presentation answers, and what they do to the stop. */
export type Step = 'next-stage' | 'previous-stage' | 'next-lane' | 'previous-lane' | 'first' | 'last';

/** The step a key asks for, or null for keys the presentation leaves alone. */
export function stepForKey(key: string, shiftKey: boolean): Step | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next-stage';
    case ' ':
      return shiftKey ? 'previous-stage' : 'next-stage';
    case 'ArrowLeft':
    case 'PageUp':
    case 'Backspace':
      return 'previous-stage';
    case 'ArrowDown':
      return 'next-lane';
    case 'ArrowUp':
      return 'previous-lane';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/**
 * The stop after `step` in a blueprint of `stages` × `lanes`. Stages stop at both ends (a clicker
 * pressed once too often does not wrap to the start); a stage keeps the lane looked at. Down from the
 * whole stage goes to its first lane, up from the first lane back to the whole stage.
 */
export function move(stop: Stop, step: Step, stages: number, lanes: number): Stop {
  const last = Math.max(0, stages - 1);
  switch (step) {
    case 'next-stage':
      return { ...stop, stage: Math.min(last, stop.stage + 1) };
    case 'previous-stage':
      return { ...stop, stage: Math.max(0, stop.stage - 1) };
    case 'first':
      return FIRST;
    case 'last':
      return { stage: last, lane: null };
    case 'next-lane':
      if (lanes === 0) return stop;
      return { ...stop, lane: stop.lane === null ? 0 : Math.min(lanes - 1, stop.lane + 1) };
    case 'previous-lane':
      return { ...stop, lane: stop.lane === null || stop.lane === 0 ? null : stop.lane - 1 };
  }
}

/**
 * What a stop shows, in scene coordinates: the stage's column from its heading to the last lane, or
 * its heading and one lane (the customer lane with the emotion band above it, the curve being the
 * point of that lane). Null when the scene has no such stage.
 */
export function stopBox(scene: Scene, stop: Stop): Rect | null {
  const stage = scene.stages[stop.stage];
  if (!stage) return null;
  const lanes = scene.lanes;
  const bottom = lanes.length ? Math.max(...lanes.map((l) => l.band.y + l.band.height)) : stage.header.y + stage.header.height;
  const lane = stop.lane === null ? null : lanes[stop.lane];
  if (!lane) return { x: stage.x, y: stage.header.y, width: stage.width, height: bottom - stage.header.y };
  const emotion = scene.emotion;
  const top =
    lane.kind === 'customer' && emotion && emotion.band.y + emotion.band.height <= lane.band.y + 0.5
      ? emotion.band.y
      : lane.band.y;
  return { x: stage.x, y: top, width: stage.width, height: lane.band.y + lane.band.height - top };
}

/**
 * The parts of the sheet around `box` to dim: up to four rectangles that together cover everything
 * of the `width` × `height` scene but the box.
 */
export function dimmed(box: Rect, width: number, height: number): Rect[] {
  const right = box.x + box.width;
  const bottom = box.y + box.height;
  return [
    { x: 0, y: 0, width, height: box.y },
    { x: 0, y: bottom, width, height: height - bottom },
    { x: 0, y: box.y, width: box.x, height: box.height },
    { x: right, y: box.y, width: width - right, height: box.height },
  ].filter((r) => r.width > 0 && r.height > 0);
}

/** What the corner caption says at a stop: "Stage 2 of 6 · Report claim", with the lane when one is shown. */
export function caption(scene: Scene, stop: Stop): string {
  const stage = scene.stages[stop.stage];
  if (!stage) return '';
  const lane = stop.lane === null ? null : scene.lanes[stop.lane];
  const where = `Stage ${stop.stage + 1} of ${scene.stages.length} · ${stage.name}`;
  return lane ? `${where} · ${lane.name}` : where;
}

/**
 * How the view shows a stop: the box whole and centred when that keeps text at least at `floor` (the
 * projection's readable zoom), else at `floor`, centred across and from the box's top, so the room can
 * read it and Down steps on to the lanes below. Never above `maxScale`.
 */
export function stopTransform(
  box: Rect,
  viewW: number,
  viewH: number,
  padding: number,
  floor: number,
  maxScale: number,
): ViewTransform {
  const fits = Math.min((viewW - 2 * padding) / box.width, (viewH - 2 * padding) / box.height);
  const k = Math.min(maxScale, Math.max(fits, floor));
  const x = (viewW - box.width * k) / 2 - box.x * k;
  const y = box.height * k <= viewH - 2 * padding ? (viewH - box.height * k) / 2 - box.y * k : padding - box.y * k;
  return { k, x, y };
}
