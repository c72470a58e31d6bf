// A Backend over the fixture scenes for component tests: it records the edits it is sent, answers
// like the store (the journey an edit happened in, undo now possible), and can be told to refuse.
import { vi, type Mock } from 'vitest';
import type { Backend, Start } from '../lib/backend';
import type { EditResult } from '../lib/bindings/EditResult';
import type { WorkspaceInfo } from '../lib/bindings/WorkspaceInfo';
import type { CsvField } from '../lib/bindings/CsvField';
import type { CsvPreview } from '../lib/bindings/CsvPreview';
import type { CsvTarget } from '../lib/bindings/CsvTarget';
import type { Entity } from '../lib/bindings/Entity';
import type { FindScope } from '../lib/bindings/FindScope';
import type { Found } from '../lib/bindings/Found';
import type { EntitySummary } from '../lib/bindings/EntitySummary';
import type { OwnershipRow } from '../lib/bindings/OwnershipRow';
import type { StepRef } from '../lib/bindings/StepRef';
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
        scores: [],
        evidence: [],
        assumption: card.assumption,
      };
    }
  }
  throw { code: 'not_found', message: 'that card no longer exists' };
}

/**
 * What find_cards answers over the fixture scenes: cards whose text holds `query` (literal, any case),
 * the journey on screen first, in the scenes' card order.
 */
export function findIn(query: string, journey: Id, scope: FindScope): Found {
  const needle = query.trim().toLowerCase();
  if (needle === '') return { hits: [], total: 0 };
  const order = [...scenes.values()]
    .filter((scene) => scope === 'all' || scene.journey === journey)
    .sort((a, b) => Number(b.journey === journey) - Number(a.journey === journey));
  const hits = order.flatMap((scene) =>
    scene.cards.flatMap((card) => {
      const text = card.lines.map((l) => l.text).join(' ');
      const at = text.toLowerCase().indexOf(needle);
      if (at < 0) return [];
      const snippet = { before: text.slice(0, at), matched: text.slice(at, at + needle.length), after: text.slice(at + needle.length) };
      return [{ step: card.id, journey: scene.journey, journey_name: scene.title.text, found_in: 'text' as const, snippet }];
    }),
  );
  return { hits, total: hits.length };
}

/** A few of the sample workspace's entities (ids as in the fixture scenes' chips). */
export const entities: Entity[] = [
  { id: '061c1e2e-8aba-58db-a9e2-a199df297f50', kind: 'team', name: 'Claims contact centre', description: '', owner: null },
  { id: '3193f337-f7ac-54b3-a1a1-f90c3cf2bd10', kind: 'person', name: 'Maria Okafor', description: '', owner: null },
  {
    id: 'dc72bd1d-185c-5493-ad8c-fc4e93341bf2',
    kind: 'system',
    name: 'Claims management system',
    description: '',
    owner: null,
  },
  { id: '13a52084-f9ee-5f55-86be-6001cc611fe6', kind: 'process', name: 'Settlement approval', description: '', owner: null },
];

function summaryOfEntity(entity: Entity): EntitySummary {
  return { entity, teams: [], members: [], depends_on: [], linked_steps: 0, owned_steps: 0 };
}

/** Every fixture card as the lists across journeys show it. */
export function stepRefs(): StepRef[] {
  return [...scenes.values()].flatMap((scene) =>
    scene.cards.map((card) => ({
      step: card.id,
      journey: scene.journey,
      journey_name: scene.title.text,
      stage: card.stage,
      stage_name: scene.stages.find((s) => s.id === card.stage)?.name ?? '',
      lane_name: scene.lanes.find((l) => l.id === card.lane)?.name ?? '',
      lane_kind: card.kind,
      text: card.lines.map((l) => l.text).join(' '),
      moment_of_truth: card.moment_of_truth !== null,
    })),
  );
}

/** The ownership rows of the fixtures: owners as the scenes' owner chips name them. */
export function ownershipRows(): OwnershipRow[] {
  const owners = new Map<string, string>();
  for (const scene of scenes.values()) {
    for (const card of scene.cards) {
      const chip = card.chips.find((c) => c.role === 'owner');
      if (chip) owners.set(card.id, chip.entity);
    }
  }
  return stepRefs().map((step) => ({
    step,
    owner: owners.get(step.step) ?? null,
    owner_teams: [],
    entities: [],
  }));
}

/**
 * A preview of a small hotel-stay CSV with one rejected row, as the backend makes it: into a new
 * journey it names, or into the one `target` names (the home journey here).
 */
export function csvPreviewOf(target: CsvTarget): CsvPreview {
  return {
    journey: target.kind === 'new_journey' ? target.name : home.name,
    columns: ['stage', 'lane', 'text', 'emotion'].map((header) => ({
      header,
      field: header as CsvField,
      samples: [],
    })),
    needs_mapping: false,
    problems: target.kind === 'new_journey' && target.name.trim() === '' ? ['the new journey needs a name'] : [],
    rows: [
      { row: 2, accepted: true, reason: '', stage: 'Book', lane: 'Customer actions', text: 'Books a room', owner: '' },
      {
        row: 3,
        accepted: false,
        reason: 'emotion “great” is not a whole number from −2 to +2',
        stage: 'Arrive',
        lane: 'Customer actions',
        text: 'Queues at the desk',
        owner: '',
      },
      { row: 4, accepted: true, reason: '', stage: 'Arrive', lane: 'Frontstage actions', text: 'Checks in', owner: 'Front office' },
    ],
    accepted: 2,
    rejected: 1,
    new_stages: ['Book', 'Arrive'],
    new_owners: ['Front office'],
  };
}

/** The workspace the fake opens. */
export const claimsWorkspace: WorkspaceInfo = { path: '/home/ana/Maps/Claims.throughline', name: 'Claims', read_only: false };

/**
 * The fake's start as the Rust side answers it, from the fake's own journey list and scenes: the
 * scene of `last` when it is listed, else of the first journey; `info` and `status` as given.
 */
export async function startOf(
  backend: Backend,
  { info = claimsWorkspace, status, last = null }: { info?: WorkspaceInfo; status?: EditResult; last?: Id | null } = {},
): Promise<Start> {
  const journeys = await backend.listJourneys();
  const first = journeys.find((j) => j.id === last) ?? journeys[0];
  return {
    info,
    journeys,
    status: status ?? { journey: null, can_undo: false, can_redo: false, described: null },
    // As on the Rust side, a scene that cannot be laid out is left for the window to ask for alone.
    scene: first ? await backend.journeyScene(first.id).catch(() => null) : null,
  };
}

/** Every method of the Backend as a mock, to check what was asked of it. */
export type FakeBackend = { [Method in keyof Backend]: Mock<Backend[Method]> };

/** The fake; `overrides` replace single methods. */
export function fakeBackend(overrides: Partial<Backend> = {}): FakeBackend {
  const backend: FakeBackend = {
    windowStart: vi.fn(() => startOf(backend)),
    listJourneys: vi.fn(async () => [home, broadband]),
    journeyScene: vi.fn(async (journey: Id) => {
      const scene = scenes.get(journey);
      if (!scene) throw { code: 'not_found', message: `no journey ${journey}` };
      return scene;
    }),
    stepDetails: vi.fn(async (step: Id) => stepOf(step)),
    findCards: vi.fn(async (query: string, journey: Id, scope: FindScope) => findIn(query, journey, scope)),
    applyEdit: vi.fn(async () => ({ journey: home.id, can_undo: true, can_redo: false, described: null })),
    history: vi.fn(async () => ({ entries: [], next_before_seq: null, current_session: 0, current_seq: null })),
    versions: vi.fn(async () => []),
    saveVersion: vi.fn(async (name: string) => ({ id: 1, name, at: 0, seq: null })),
    restoreHistory: vi.fn(async () => ({ journey: null, can_undo: true, can_redo: false, described: null })),
    restoreVersion: vi.fn(async () => ({ journey: null, can_undo: true, can_redo: false, described: null })),
    compareWith: vi.fn(async () => {
      throw { code: 'not_found', message: 'no older version in the fake backend' };
    }),
    sceneThen: vi.fn(async () => {
      throw { code: 'not_found', message: 'no older version in the fake backend' };
    }),
    copyCards: vi.fn(async (_journey: Id, steps: Id[]) => {
      const texts = steps.map((id) => stepOf(id).text);
      return {
        rich: `{"cards":${JSON.stringify(steps)}}`,
        text: texts.join('\n'),
        tsv: `text\n${texts.join('\n')}`,
        html: '<table></table>',
      };
    }),
    pasteCards: vi.fn(async () => ({
      result: { journey: home.id, can_undo: true, can_redo: false, described: null },
      steps: [homeInsuranceClaim.cards[0].id],
    })),
    duplicateCards: vi.fn(async (_journey: Id, steps: Id[]) => ({
      result: { journey: home.id, can_undo: true, can_redo: false, described: null },
      steps: steps.slice(0, 1),
    })),
    undo: vi.fn(async () => ({ journey: home.id, can_undo: false, can_redo: true, described: "moved 'Calls claims line'" })),
    redo: vi.fn(async () => ({ journey: home.id, can_undo: true, can_redo: false, described: "moved 'Calls claims line'" })),
    uiPainted: vi.fn(async () => undefined),
    listEntities: vi.fn(async () => entities.map(summaryOfEntity)),
    listPersonas: vi.fn(async () => []),
    listComments: vi.fn(async () => []),
    listOpportunities: vi.fn(async () => []),
    futureStateOf: vi.fn(async () => null),
    futureState: vi.fn(async () => {
      throw new Error('no future state');
    }),
    defaultAuthor: vi.fn(async () => 'Ana'),
    personaPicture: vi.fn(async () => null),
    entityUsage: vi.fn(async (entity: Id) => ({ entity, steps: stepRefs().slice(0, 2), entities: [], links: 2 })),
    linksFrom: vi.fn(async () => []),
    ownership: vi.fn(async () => ({
      rows: ownershipRows(),
      owners: [{ owner: entities[0].id, steps: 3, moments: 1, journeys: 1 }],
      handoffs: [...scenes.values()].map((s) => ({ journey: s.journey, name: s.title.text, handoffs: [] })),
    })),
    checks: vi.fn(async () => [
      {
        kind: 'unowned_moment' as const,
        title: 'Unowned moments of truth',
        slug: 'unowned-moments',
        findings: stepRefs()
          .filter((s) => s.moment_of_truth)
          .slice(0, 2)
          .map((s) => ({
            kind: 'unowned_moment' as const,
            subjects: [{ id: s.step, label: s.text, journey: s.journey, place: s.stage_name }],
          })),
      },
      { kind: 'dependency_cycle' as const, title: 'Dependency cycles', slug: 'cycles', findings: [] },
    ]),
    impactOf: vi.fn(async (down: Id[]) => {
      const steps = stepRefs().filter((s) => s.journey === broadband.id).slice(0, 3);
      const reasons = ['relies_directly', 'downstream', 'customer_request'] as const;
      const cards = steps.map((step, i) => ({ step, reason: reasons[i % 3], because: 'CRM', emotion: null }));
      return {
        asked: down,
        name: down.map((id) => entities.find((e) => e.id === id)?.name ?? '?').join(' and '),
        cards,
        moments: steps.filter((s) => s.moment_of_truth).length,
        customer_steps: steps.filter((s) => s.lane_kind === 'customer').length,
        stages: [],
        entities: [],
      };
    }),
    criticality: vi.fn(async () =>
      entities.map((e, i) => ({
        entity: e.id,
        name: e.name,
        kind: e.kind,
        moments: entities.length - i,
        customer_steps: 0,
        cards: 1,
        dependents: 0,
      })),
    ),
    network: vi.fn(async (entity: Id) => ({
      width: 400,
      height: 300,
      nodes: [
        {
          id: entity,
          kind: 'team' as const,
          journey: null,
          rect: { x: 150, y: 120, width: 100, height: 40 },
          lines: [{ text: 'Centre', x: 160, y: 145 }],
          centre: true,
        },
        {
          id: entities[1].id,
          kind: 'person' as const,
          journey: null,
          rect: { x: 150, y: 20, width: 100, height: 40 },
          lines: [{ text: entities[1].name, x: 160, y: 45 }],
          centre: false,
        },
      ],
      edges: [{ from: { x: 200, y: 60 }, to: { x: 200, y: 120 }, label: { text: 'member of', x: 205, y: 90 } }],
      more: 2,
    })),
    exportFileName: vi.fn(async (name: string, format) => `${name.toLowerCase().replace(/\W+/g, '-')}.${format}`),
    chooseExportPath: vi.fn(async (fileName: string) => ({ path: `/home/ana/Pictures/${fileName}`, overwrite: true })),
    exportJourney: vi.fn(async () => undefined),
    exportProblem: vi.fn(async () => null),
    cancelExport: vi.fn(async () => undefined),
    onExport: vi.fn(async () => () => undefined),
    importPictureFile: vi.fn(async () => ({ journey: broadband.id, can_undo: true, can_redo: false, described: null })),
    onFileDrop: vi.fn(async () => () => undefined),
    setFullscreen: vi.fn(async () => undefined),
    onMenuExport: vi.fn(async () => () => undefined),
    csvPreview: vi.fn(async (_path, target) => csvPreviewOf(target)),
    importCsv: vi.fn(async () => ({ journey: broadband.id, can_undo: true, can_redo: false, described: null })),
    exportCsv: vi.fn(async () => 2048),
    onMenuImportCsv: vi.fn(async () => () => undefined),
    onMenuExportCsv: vi.fn(async () => () => undefined),
    newWorkspace: vi.fn(async (path: string) => ({ path, name: 'New', read_only: false })),
    openWorkspace: vi.fn(async (path: string) => ({ path, name: 'Opened', read_only: false })),
    saveWorkspaceCopy: vi.fn(async () => undefined),
    openTextFolder: vi.fn(async (_dir: string, path: string) => ({ path, name: 'From text', read_only: false })),
    saveTextFolder: vi.fn(async () => undefined),
    revealWorkspace: vi.fn(async () => undefined),
    openExport: vi.fn(async () => undefined),
    revealExport: vi.fn(async () => undefined),
    recentWorkspaces: vi.fn(async () => []),
    onMenu: vi.fn(async () => () => undefined),
    onMenuAction: vi.fn(async () => () => undefined),
    editText: vi.fn(async () => undefined),
    dropTooltip: vi.fn(async () => undefined),
    setMenuEnabled: vi.fn(async () => undefined),
    appVersion: vi.fn(async () => '0.1.0'),
  };
  const replaced = Object.fromEntries(Object.entries(overrides).map(([method, fn]) => [method, vi.fn(fn)]));
  return Object.assign(backend, replaced);
}
