// A Backend over the fixture scenes for component tests: it records the edits it is sent, answers
// like the store (the journey an edit happened in, undo now possible), and can be told to refuse.
import { vi, type Mock } from 'vitest';
import type { Backend } from '../lib/backend';
import type { Id } from '../lib/bindings/Id';
import type { Scene } from '../lib/bindings/Scene';
import type { Step } from '../lib/bindings/Step';
import { broadbandInstallation, homeInsuranceClaim, summaryOf } from './fixtures';

export const home = summaryOf(homeInsuranceClaim, 'Homeowner with water damage, first claim');
export const broadband = summaryOf(broadbandInstallation, 'Small business owner moving premises');

const scenes = new Map<Id, Scene>([
  [home.id, homeInsuranceClaim],
  [broadband.id, broadbandInstallation],
]);

/** The stored record of a fixture card, as step_details would return it. */
export function stepOf(id: Id): Step {
  for (const scene of scenes.values()) {
    const card = scene.cards.find((c) => c.id === id);
    if (card) {
      return {
        id,
        lane: card.lane,
        stage: card.stage,
        position: 0,
        text: card.lines.map((l) => l.text).join(' '),
        channel: card.channel?.text ?? null,
        moment_of_truth: card.moment_of_truth !== null,
        emotion: card.emotion,
        pain_point: card.pain_point ? 'It hurts' : null,
        pain_severity: 'medium',
        fail_point: card.fail_point !== null,
        wait_point: card.wait_point !== null,
        notes: '',
        metrics: [],
        owner: null,
      };
    }
  }
  throw { code: 'not_found', message: 'that card no longer exists' };
}

/** Every method of the Backend as a mock, to check what was asked of it. */
export type FakeBackend = { [Method in keyof Backend]: Mock<Backend[Method]> };

/** The fake; `overrides` replace single methods. */
export function fakeBackend(overrides: Partial<Backend> = {}): FakeBackend {
  const backend: FakeBackend = {
    workspaceInfo: vi.fn(async () => ({ path: '/home/ana/Maps/Claims.throughline', name: 'Claims' })),
    listJourneys: vi.fn(async () => [home, broadband]),
    journeyScene: vi.fn(async (journey: Id) => {
      const scene = scenes.get(journey);
      if (!scene) throw { code: 'not_found', message: `no journey ${journey}` };
      return scene;
    }),
    stepDetails: vi.fn(async (step: Id) => stepOf(step)),
    applyEdit: vi.fn(async () => ({ journey: home.id, can_undo: true, can_redo: false })),
    undo: vi.fn(async () => ({ journey: home.id, can_undo: false, can_redo: true })),
    redo: vi.fn(async () => ({ journey: home.id, can_undo: true, can_redo: false })),
    editStatus: vi.fn(async () => ({ journey: null, can_undo: false, can_redo: false })),
    uiPainted: vi.fn(async () => undefined),
  };
  const replaced = Object.fromEntries(Object.entries(overrides).map(([method, fn]) => [method, vi.fn(fn)]));
  return Object.assign(backend, replaced);
}
