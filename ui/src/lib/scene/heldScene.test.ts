import { describe, expect, it } from 'vitest';
import type { Scene } from '../bindings/Scene';
import type { SceneDiff } from '../bindings/SceneDiff';
import type { SceneUpdate } from '../bindings/SceneUpdate';
import { homeInsuranceClaim } from '../../test/fixtures';
import patchesJson from '../../test/fixtures/home-insurance-claim.patches.json?raw';
import { HeldScene, NO_SCENE } from './heldScene';

const recorded: { steps: { edit: string; patch: SceneDiff }[]; after: Scene } = JSON.parse(patchesJson);
const journey = homeInsuranceClaim.journey;

function update(patch: SceneDiff | null, version: number): SceneUpdate {
  return {
    result: { journey, can_undo: true, can_redo: false, described: null },
    version,
    journey,
    patch,
    changed: { journeys: false, entities: false, details: [], links: false, personas: false, comments: false, opportunities: false },
  };
}

/** The calls the Tauri backend makes for an edit followed by the session's fetch of the scene. */
function edit(held: HeldScene, patch: SceneDiff | null, version: number): Scene | null {
  held.changing();
  held.answered(update(patch, version));
  return held.take(journey);
}

describe('HeldScene', () => {
  it('hands the patched scene to the fetch right after each edit, numbered as the backend said', () => {
    const held = new HeldScene();
    expect(held.have()).toBe(NO_SCENE);
    held.fetched({ version: 1, scene: homeInsuranceClaim });
    let scene: Scene | null = null;
    recorded.steps.forEach(({ patch }, i) => {
      scene = edit(held, patch, i + 2);
      expect(held.have()).toBe(i + 2);
    });
    expect(scene).toEqual(recorded.after);
  });

  it('hands the patched scene to every fetch until a call that may change the workspace comes between', () => {
    const held = new HeldScene();
    held.fetched({ version: 1, scene: homeInsuranceClaim });
    held.changing();
    held.answered(update(recorded.steps[0].patch, 2));
    const patched = held.take(journey);
    expect(patched).not.toBeNull();
    expect(held.take(journey)).toBe(patched);
    held.changing(); // a paste, an import…
    expect(held.take(journey)).toBeNull();
  });

  it('drops the scene when an answer has no patch, and never hands out another journey', () => {
    const held = new HeldScene();
    held.fetched({ version: 1, scene: homeInsuranceClaim });
    expect(edit(held, null, 2)).toBeNull();
    expect(held.have()).toBe(NO_SCENE);
    held.fetched({ version: 3, scene: homeInsuranceClaim });
    held.changing();
    held.answered(update(recorded.steps[0].patch, 4));
    expect(held.take('another journey')).toBeNull();
    expect(held.take(journey)).not.toBeNull();
  });
});
