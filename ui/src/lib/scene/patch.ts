// Applies the scene diff an edit answers with to the scene the window has. Everything the diff does not
// name stays the very same object (the same arrays, when nothing in them changed), so the keyed
// `{#each}` blocks of the drawing skip it and only what changed touches the DOM. The rules mirror
// `crates/render/src/scene_diff.rs`.
import type { Arrow } from '../bindings/Arrow';
import type { ArrowShift } from '../bindings/ArrowShift';
import type { Card } from '../bindings/Card';
import type { EmotionBand } from '../bindings/EmotionBand';
import type { EmotionPatch } from '../bindings/EmotionPatch';
import type { ListPatch } from '../bindings/ListPatch';
import type { Scene } from '../bindings/Scene';
import type { SceneDiff } from '../bindings/SceneDiff';
import type { SceneUpdate } from '../bindings/SceneUpdate';
import type { Shift } from '../bindings/Shift';
import type { TextLine } from '../bindings/TextLine';

/**
 * `old` with `patch` applied: the unnamed items in their order (the same objects), with the put ones at
 * their places. Returns `old` itself when the patch is empty.
 */
export function applyList<K, T>(old: T[], patch: ListPatch<K, T>, key: (item: T) => K): T[] {
  if (patch.removed.length === 0 && patch.put.length === 0) return old;
  const gone = new Set<K>(patch.removed);
  for (const placed of patch.put) gone.add(key(placed.item));
  const kept = old.filter((item) => !gone.has(key(item)));
  const out: T[] = [];
  let k = 0;
  let p = 0;
  while (p < patch.put.length || k < kept.length) {
    if (p < patch.put.length && (patch.put[p].at <= out.length || k >= kept.length)) {
      out.push(patch.put[p].item);
      p += 1;
    } else {
      out.push(kept[k]);
      k += 1;
    }
  }
  return out;
}

function shiftLine(line: TextLine, dx: number, dy: number): TextLine {
  return { ...line, x: line.x + dx, y: line.y + dy };
}

/** `card` moved by the shift, everything drawn on it with it (the same sums as the Rust side makes). */
export function shiftCard(card: Card, shift: Shift): Card {
  const { dx, dy } = shift;
  const badge = (b: Card['fail_point']) =>
    b && { ...b, at: { x: b.at.x + dx, y: b.at.y + dy }, label: shiftLine(b.label, dx, dy) };
  return {
    ...card,
    rect: { ...card.rect, x: card.rect.x + dx, y: card.rect.y + dy },
    lines: card.lines.map((l) => shiftLine(l, dx, dy)),
    channel: card.channel && shiftLine(card.channel, dx, dy),
    moment_of_truth: shift.star ?? card.moment_of_truth,
    pain_point: card.pain_point && {
      ...card.pain_point,
      at: { x: card.pain_point.at.x + dx, y: card.pain_point.at.y + dy },
    },
    fail_point: badge(card.fail_point),
    wait_point: badge(card.wait_point),
    comments: badge(card.comments),
    chips: card.chips.map((chip) => ({
      ...chip,
      rect: { ...chip.rect, x: chip.rect.x + dx, y: chip.rect.y + dy },
      label: shiftLine(chip.label, dx, dy),
    })),
  };
}

function applyCards(old: Card[], patch: SceneDiff): Card[] {
  const cards = applyList(old, patch.cards, (c) => c.id);
  if (patch.shifted.length === 0) return cards;
  const shifts = new Map(patch.shifted.map((s) => [s.id, s]));
  return cards.map((card) => {
    const shift = shifts.get(card.id);
    return shift ? shiftCard(card, shift) : card;
  });
}

/** A path coordinate written in whole hundredths, as the router writes them (`svg::push_num`). */
function writeHundredths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const whole = Math.floor(abs / 100);
  const part = abs % 100;
  if (part === 0) return `${sign}${whole}`;
  const tens = Math.floor(part / 10);
  const units = part % 10;
  return `${sign}${whole}.${tens}${units === 0 ? '' : units}`;
}

/**
 * `path` with every x moved by `dx` and every y by `dy` (its numbers alternate x and y), written as the
 * router writes it.
 */
export function shiftPath(path: string, dx: number, dy: number): string {
  const step = [Math.round(dx * 100), Math.round(dy * 100)];
  let i = 0;
  return path.replace(/-?[0-9.]+/g, (number) => {
    const moved = Math.round(Number(number) * 100) + step[i % 2];
    i += 1;
    return writeHundredths(moved);
  });
}

/** `v` moved by `d`, both read as whole hundredths: the number the Rust side reads back from the moved path. */
function shiftHundredths(v: number, d: number): number {
  return (Math.round(v * 100) + Math.round(d * 100)) / 100;
}

/** `arrow` moved by the shift, its bounds and hand-off marker with it. */
export function shiftArrow(arrow: Arrow, shift: ArrowShift): Arrow {
  const { dx, dy } = shift;
  const b = arrow.bounds;
  return {
    ...arrow,
    path: shiftPath(arrow.path, dx, dy),
    bounds: { ...b, x: shiftHundredths(b.x, dx), y: shiftHundredths(b.y, dy) },
    handoff: arrow.handoff && { x: arrow.handoff.x + dx, y: arrow.handoff.y + dy },
  };
}

function applyArrows(old: Arrow[], patch: SceneDiff): Arrow[] {
  const arrows = applyList(old, patch.arrows, (a) => a.id);
  if (patch.shifted_arrows.length === 0) return arrows;
  const shifts = new Map(patch.shifted_arrows.map((s) => [s.id, s]));
  return arrows.map((arrow) => {
    const shift = shifts.get(arrow.id);
    return shift ? shiftArrow(arrow, shift) : arrow;
  });
}

function applyEmotion(old: EmotionBand, patch: EmotionPatch): EmotionBand {
  return {
    band: patch.band ?? old.band,
    header: patch.header ?? old.header,
    title: patch.title ?? old.title,
    ticks: patch.ticks ?? old.ticks,
    grid: patch.grid ?? old.grid,
    path: patch.path ?? old.path,
    points: applyList(old.points, patch.points, (p) => p.step),
    stroke: patch.stroke ?? old.stroke,
    curves: patch.curves ?? old.curves,
    key: patch.key ?? old.key,
  };
}

/** `value` where the diff gives one (`null` included: the part is gone), else what the scene had. */
function part<T>(given: T | undefined, had: T): T {
  return given === undefined ? had : given;
}

/**
 * The scene after `patch`, made from `scene` (the scene the diff was made against). Unchanged parts are
 * `scene`'s own objects; an empty diff gives back `scene` itself.
 */
export function applyPatch(scene: Scene, patch: SceneDiff): Scene {
  if (isEmptyPatch(patch) && patch.journey === scene.journey) return scene;
  let emotion = part(patch.emotion, scene.emotion);
  if (patch.emotion === undefined && patch.emotion_patch && scene.emotion) {
    emotion = applyEmotion(scene.emotion, patch.emotion_patch);
  }
  const next: Scene = {
    ...scene,
    journey: patch.journey,
    width: patch.width ?? scene.width,
    height: patch.height ?? scene.height,
    title: patch.title ?? scene.title,
    subtitle: part(patch.subtitle, scene.subtitle),
    stages: applyList(scene.stages, patch.stages, (s) => s.id),
    lanes: applyList(scene.lanes, patch.lanes, (l) => l.id),
    emotion,
    separators: applyList(scene.separators, patch.separators, (s) => s.kind),
    cards: applyCards(scene.cards, patch),
    arrows: applyArrows(scene.arrows, patch),
    rules: patch.rules ?? scene.rules,
    styles: patch.styles ?? scene.styles,
    colours: patch.colours ?? scene.colours,
  };
  // The export-only parts are left out of a scene that has none, as the backend sends it.
  for (const name of ['title_block', 'legend', 'pain_notes', 'comment_notes', 'states'] as const) {
    const given = patch[name];
    if (given === null) delete next[name];
    else if (given !== undefined) Object.assign(next, { [name]: given });
  }
  return next;
}

function emptyList(patch: ListPatch<unknown, unknown>): boolean {
  return patch.removed.length === 0 && patch.put.length === 0;
}

/** Whether the diff changes nothing. */
export function isEmptyPatch(patch: SceneDiff): boolean {
  const lists = [patch.stages, patch.lanes, patch.separators, patch.cards, patch.arrows];
  const parts = [
    patch.width,
    patch.height,
    patch.title,
    patch.subtitle,
    patch.emotion,
    patch.emotion_patch,
    patch.rules,
    patch.styles,
    patch.colours,
    patch.title_block,
    patch.legend,
    patch.pain_notes,
    patch.comment_notes,
    patch.states,
  ];
  return (
    lists.every(emptyList) &&
    patch.shifted.length === 0 &&
    patch.shifted_arrows.length === 0 &&
    parts.every((p) => p === undefined)
  );
}

function sameOrder(a: { id: string }[], b: { id: string }[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item.id === b[i].id));
}

/**
 * How much of the scene index (`sceneIndex.ts`) the diff that made `after` from `before` makes stale:
 * `none` when no card, stage or lane changed (only arrows, lines, the title or the emotion band did);
 * `partial` when stages and lanes kept their order, so only the changed cards, stages and lanes (and
 * the cells the cards left and entered) need doing again; `all` when a stage or lane came, went or
 * moved.
 */
export function indexChange(before: Scene, patch: SceneDiff, after: Scene): 'none' | 'partial' | 'all' {
  if (!sameOrder(before.stages, after.stages) || !sameOrder(before.lanes, after.lanes)) return 'all';
  const lists = [patch.cards, patch.stages, patch.lanes];
  return lists.every(emptyList) && patch.shifted.length === 0 ? 'none' : 'partial';
}

/** The window's scene with the number the backend gave it, the base its next edits are answered against. */
export interface NumberedScene {
  scene: Scene;
  version: number;
}

/**
 * The window's scene after an edit's answer: patched when the answer carries a diff of this very scene,
 * `null` when the whole scene must be fetched again (`shown_scene`) — the answer has no diff (the window
 * was behind, the journey is gone or the edit shows another one) or the diff is of another journey.
 */
export function followUpdate(current: NumberedScene | null, update: SceneUpdate): NumberedScene | null {
  if (!current || !update.patch || update.journey !== current.scene.journey) return null;
  return { scene: applyPatch(current.scene, update.patch), version: update.version };
}
