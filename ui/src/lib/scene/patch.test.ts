import { describe, expect, it } from 'vitest';
import type { Scene } from '../bindings/Scene';
import type { SceneDiff } from '../bindings/SceneDiff';
import { homeInsuranceClaim } from '../../test/fixtures';
import patchesJson from '../../test/fixtures/home-insurance-claim.patches.json?raw';
import type { SceneUpdate } from '../bindings/SceneUpdate';
import { applyList, applyPatch, followUpdate, indexChange, isEmptyPatch, shiftPath } from './patch';

/** Diffs the backend made for a run of edits on the home insurance claim, and the scene after them. */
const recorded: { steps: { edit: string; patch: SceneDiff }[]; after: Scene } = JSON.parse(patchesJson);

function nothing(journey: string): SceneDiff {
  const list = { removed: [], put: [] };
  return {
    journey,
    stages: list,
    lanes: list,
    separators: list,
    cards: list,
    shifted: [],
    arrows: list,
    shifted_arrows: [],
  };
}

describe('applyPatch', () => {
  it('turns the scene the diffs were made from into the scene after the edits', () => {
    let scene = homeInsuranceClaim;
    for (const { patch } of recorded.steps) scene = applyPatch(scene, patch);
    expect(scene).toEqual(recorded.after);
  });

  it('keeps every card, lane and arrow a diff does not name as the very same object', () => {
    let scene = homeInsuranceClaim;
    for (const { edit, patch } of recorded.steps) {
      const next = applyPatch(scene, patch);
      const named = new Set([
        ...patch.cards.put.map((p) => p.item.id),
        ...patch.shifted.map((s) => s.id),
        ...patch.cards.removed,
      ]);
      const before = new Map(scene.cards.map((c) => [c.id, c]));
      for (const card of next.cards) {
        if (!named.has(card.id)) expect(card, edit).toBe(before.get(card.id));
      }
      if (patch.lanes.put.length === 0 && patch.lanes.removed.length === 0) expect(next.lanes, edit).toBe(scene.lanes);
      const arrowsKept = patch.arrows.put.length === 0 && patch.arrows.removed.length === 0;
      if (arrowsKept && patch.shifted_arrows.length === 0) {
        expect(next.arrows, edit).toBe(scene.arrows);
      }
      if (patch.styles === undefined) expect(next.styles).toBe(scene.styles);
      scene = next;
    }
  });

  it('moves a shifted card with everything drawn on it', () => {
    const growth = recorded.steps[0].patch;
    expect(growth.shifted.length).toBeGreaterThan(0);
    const next = applyPatch(homeInsuranceClaim, growth);
    const shift = growth.shifted[0];
    const was = homeInsuranceClaim.cards.find((c) => c.id === shift.id)!;
    const now = next.cards.find((c) => c.id === shift.id)!;
    expect(now.rect.y).toBe(was.rect.y + shift.dy);
    expect(now.lines.map((l) => [l.x, l.y])).toEqual(was.lines.map((l) => [l.x + shift.dx, l.y + shift.dy]));
    expect(now.lines.map((l) => l.text)).toEqual(was.lines.map((l) => l.text));
  });

  it('gives back the same scene for an empty diff', () => {
    const empty = nothing(homeInsuranceClaim.journey);
    expect(isEmptyPatch(empty)).toBe(true);
    expect(applyPatch(homeInsuranceClaim, empty)).toBe(homeInsuranceClaim);
  });

  it('drops a persona line the diff says is gone', () => {
    const patch = { ...nothing(homeInsuranceClaim.journey), subtitle: null };
    expect(homeInsuranceClaim.subtitle).not.toBeNull();
    expect(applyPatch(homeInsuranceClaim, patch).subtitle).toBeNull();
  });
});

describe('shiftPath', () => {
  it('moves every point by whole hundredths and writes it as the router does', () => {
    const path = 'M426 207L446 207.5Q452 207.25 452 213L-3 -0.5';
    expect(shiftPath(path, 1, -0.5)).toBe('M427 206.5L447 207Q453 206.75 453 212.5L-2 -1');
    expect(shiftPath(path, 0, 0)).toBe(path);
  });
});

describe('applyList', () => {
  const key = (item: { id: string }) => item.id;
  const a = { id: 'a' };
  const b = { id: 'b' };
  const c = { id: 'c' };

  it('puts items at their places among the kept ones, in order', () => {
    const put = [
      { at: 0, item: { id: 'x' } },
      { at: 2, item: a },
    ];
    const patched = applyList([a, b, c], { removed: ['b'], put }, key);
    expect(patched.map(key)).toEqual(['x', 'c', 'a']);
    expect(patched[1]).toBe(c);
  });

  it('returns the same array when nothing changed', () => {
    const list = [a, b];
    expect(applyList(list, { removed: [], put: [] }, key)).toBe(list);
  });
});

describe('indexChange', () => {
  it('says what each recorded diff makes stale', () => {
    let scene = homeInsuranceClaim;
    const kinds = recorded.steps.map(({ patch }) => {
      const next = applyPatch(scene, patch);
      const kind = indexChange(scene, patch, next);
      scene = next;
      return kind;
    });
    expect(kinds).toEqual(recorded.steps.map(() => 'partial'));
  });

  it('asks for a whole rebuild when lanes change order, and none for an empty diff', () => {
    const swapped = { ...homeInsuranceClaim, lanes: [...homeInsuranceClaim.lanes].reverse() };
    const empty = nothing(homeInsuranceClaim.journey);
    expect(indexChange(homeInsuranceClaim, empty, swapped)).toBe('all');
    expect(indexChange(homeInsuranceClaim, empty, homeInsuranceClaim)).toBe('none');
  });
});

describe('followUpdate', () => {
  const journey = homeInsuranceClaim.journey;
  const answer = (patch: SceneDiff | null, version: number, shown: string | null = journey): SceneUpdate => ({
    result: { journey, can_undo: true, can_redo: false, described: null },
    version,
    journey: shown,
    patch,
    changed: { journeys: false, entities: false, details: [], links: false, personas: false, comments: false, opportunities: false },
  });

  it('patches the scene and takes the new number', () => {
    const next = followUpdate({ scene: homeInsuranceClaim, version: 4 }, answer(recorded.steps[0].patch, 5));
    expect(next?.version).toBe(5);
    expect(next?.scene).toEqual(applyPatch(homeInsuranceClaim, recorded.steps[0].patch));
  });

  it('asks for the whole scene when there is no diff or it is of another journey', () => {
    const current = { scene: homeInsuranceClaim, version: 4 };
    expect(followUpdate(current, answer(null, 4))).toBeNull();
    expect(followUpdate(current, answer(recorded.steps[0].patch, 5, 'another'))).toBeNull();
    expect(followUpdate(null, answer(recorded.steps[0].patch, 5))).toBeNull();
  });
});
