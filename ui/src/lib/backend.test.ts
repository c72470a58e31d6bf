import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { tauriBackend, toApiError } from './backend';
import type { SceneDiff } from './bindings/SceneDiff';
import type { SceneUpdate } from './bindings/SceneUpdate';
import { NO_SCENE } from './scene/heldScene';
import { homeInsuranceClaim } from '../test/fixtures';

/** An edit's answer from the backend, with `patch` (null: fetch the scene whole). */
function answer(patch: SceneDiff | null, version = 8): SceneUpdate {
  return {
    result: { journey: 'j-1', can_undo: true, can_redo: false, described: null },
    version,
    journey: patch?.journey ?? null,
    patch,
    changed: { journeys: false, entities: false, details: [], links: false, personas: false, comments: false, opportunities: false },
  };
}

/** A diff that changes nothing. */
function empty(journey: string): SceneDiff {
  const list = { removed: [], put: [] };
  return { journey, stages: list, lanes: list, separators: list, cards: list, shifted: [], arrows: list, shifted_arrows: [] };
}

afterEach(() => clearMocks());

describe('tauriBackend', () => {
  it('calls the commands by name with camelCase arguments', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((command, args) => {
      calls.push([command, args]);
      if (command === 'list_journeys') return [];
      if (command === 'journey_scene') return { version: 7, scene: { journey: 'j-1' } };
      if (['apply_edit', 'undo', 'redo'].includes(command)) return answer(null);
      return null;
    });
    const backend = tauriBackend();
    await backend.listJourneys();
    await backend.journeyScene('j-1');
    await backend.applyEdit({ type: 'delete_steps', steps: ['s-1'] });
    await backend.stepDetails('s-2');
    await backend.undo();
    await backend.redo();
    await backend.uiPainted();
    expect(calls.map(([command]) => command)).toEqual([
      'list_journeys',
      'journey_scene',
      'apply_edit',
      'step_details',
      'undo',
      'redo',
      'ui_painted',
    ]);
    expect(calls[1][1]).toEqual({ journey: 'j-1' });
    expect(calls[2][1]).toEqual({ edit: { type: 'delete_steps', steps: ['s-1'] }, have: 7 });
    expect(calls[3][1]).toEqual({ step: 's-2' });
    expect(calls[4][1]).toEqual({ have: NO_SCENE });
  });

  it('takes the scene of the start as the base of the next edit, in one round trip', async () => {
    const commands: [string, unknown][] = [];
    const status = { journey: null, can_undo: true, can_redo: false, described: null };
    const info = { path: '/srv/maps/Dentist.throughline', name: 'Dentist', read_only: false };
    mockIPC((command, args) => {
      commands.push([command, args]);
      if (command === 'window_start') return { info, journeys: [], status, scene: { version: 4, scene: homeInsuranceClaim } };
      return answer(empty(homeInsuranceClaim.journey), 5);
    });
    const backend = tauriBackend();
    const start = await backend.windowStart();
    expect(start).toEqual({ info, journeys: [], status, scene: homeInsuranceClaim });
    expect(await backend.journeyScene(homeInsuranceClaim.journey)).toBe(homeInsuranceClaim);
    await backend.applyEdit({ type: 'delete_steps', steps: ['s-1'] });
    expect(commands.map(([command]) => command)).toEqual(['window_start', 'apply_edit']);
    expect(commands[1][1]).toEqual({ edit: { type: 'delete_steps', steps: ['s-1'] }, have: 4 });
  });

  it('answers the fetch after an edit from the patch it answered with, without asking again', async () => {
    const commands: string[] = [];
    mockIPC((command) => {
      commands.push(command);
      if (command === 'journey_scene') return { version: 1, scene: homeInsuranceClaim };
      return answer(empty(homeInsuranceClaim.journey), 2);
    });
    const backend = tauriBackend();
    await backend.journeyScene(homeInsuranceClaim.journey);
    const result = await backend.applyEdit({ type: 'delete_steps', steps: ['s-1'] });
    expect(result.can_undo).toBe(true);
    expect(await backend.journeyScene(homeInsuranceClaim.journey)).toBe(homeInsuranceClaim);
    expect(commands).toEqual(['journey_scene', 'apply_edit']);
    // Reads leave the patched scene the one to show; a call that can change the workspace does not.
    await backend.listJourneys();
    expect(await backend.journeyScene(homeInsuranceClaim.journey)).toBe(homeInsuranceClaim);
    expect(commands).toEqual(['journey_scene', 'apply_edit', 'list_journeys']);
    await backend.duplicateCards(homeInsuranceClaim.journey, ['s-2']);
    await backend.journeyScene(homeInsuranceClaim.journey);
    expect(commands).toEqual(['journey_scene', 'apply_edit', 'list_journeys', 'duplicate_cards', 'journey_scene']);
  });

  it('rejects with the ApiError a command returned', async () => {
    const error = { code: 'not_a_workspace', message: '/tmp/x.throughline: not a Throughline workspace' };
    mockIPC(() => {
      throw error;
    });
    await expect(tauriBackend().windowStart()).rejects.toEqual(error);
  });

  it('turns any other rejection into an ApiError', async () => {
    mockIPC(() => {
      throw 'invalid args `journey` for command `journey_scene`';
    });
    await expect(tauriBackend().journeyScene('nope')).rejects.toEqual({
      code: 'invalid',
      message: 'invalid args `journey` for command `journey_scene`',
    });
  });
});

describe('toApiError', () => {
  it('keeps an ApiError as it is', () => {
    expect(toApiError({ code: 'storage', message: 'disk full' })).toEqual({ code: 'storage', message: 'disk full' });
    expect(toApiError({ code: 'in_use', message: 'open in another window' })).toEqual({
      code: 'in_use',
      message: 'open in another window',
    });
  });

  it('keeps the message of an Error or of an unknown code', () => {
    expect(toApiError(new Error('boom'))).toEqual({ code: 'invalid', message: 'boom' });
    expect(toApiError({ code: 'weird', message: 'odd' })).toEqual({ code: 'invalid', message: 'odd' });
  });

  it('describes anything else', () => {
    expect(toApiError(undefined)).toEqual({ code: 'invalid', message: 'undefined' });
    expect(toApiError(42)).toEqual({ code: 'invalid', message: '42' });
  });
});
