// The one door to the Rust side: every call the UI makes goes through `Backend`, so the app runs on
// Tauri's IPC in the window and on a fake in unit tests.
import { invoke } from '@tauri-apps/api/core';
import type { ApiError } from './bindings/ApiError';
import type { CheckGroup } from './bindings/CheckGroup';
import type { Edit } from './bindings/Edit';
import type { EditResult } from './bindings/EditResult';
import type { EntitySummary } from './bindings/EntitySummary';
import type { EntityUsage } from './bindings/EntityUsage';
import type { ErrorCode } from './bindings/ErrorCode';
import type { Id } from './bindings/Id';
import type { Impact } from './bindings/Impact';
import type { JourneySummary } from './bindings/JourneySummary';
import type { Link } from './bindings/Link';
import type { NetworkScene } from './bindings/NetworkScene';
import type { Ownership } from './bindings/Ownership';
import type { Scene } from './bindings/Scene';
import type { Step } from './bindings/Step';
import type { WorkspaceInfo } from './bindings/WorkspaceInfo';

/** What the UI can ask of the open workspace. Every method rejects with an `ApiError`. */
export interface Backend {
  workspaceInfo(): Promise<WorkspaceInfo>;
  listJourneys(): Promise<JourneySummary[]>;
  journeyScene(journey: Id): Promise<Scene>;
  /** One card with everything about it, for the details panel. */
  stepDetails(step: Id): Promise<Step>;
  /** Validates and commits one edit with its undo entry. */
  applyEdit(edit: Edit): Promise<EditResult>;
  undo(): Promise<EditResult>;
  redo(): Promise<EditResult>;
  /** Whether undo and redo are available (its `journey` is null). */
  editStatus(): Promise<EditResult>;
  uiPainted(): Promise<void>;
  /** Every person, team, system and process, for the entities panel and the pickers. */
  listEntities(): Promise<EntitySummary[]>;
  /** Everything that refers to an entity, shown before it is deleted. */
  entityUsage(entity: Id): Promise<EntityUsage>;
  /** Links from a card or entity to entities (performed by, uses, part of; depends on, member of). */
  linksFrom(id: Id): Promise<Link[]>;
  /** Every card with its owner, the owner summary and the hand-offs per journey. */
  ownership(): Promise<Ownership>;
  /** The checks, for one journey or (null) the whole workspace. */
  checks(journey: Id | null): Promise<CheckGroup[]>;
  /** What fails if an entity does. */
  impact(entity: Id): Promise<Impact>;
  /** An entity with its neighbours, laid out. */
  network(entity: Id): Promise<NetworkScene>;
}

const ERROR_CODES: readonly ErrorCode[] = [
  'not_found',
  'not_a_workspace',
  'newer_version',
  'invalid',
  'storage',
  'in_use',
  'cancelled',
];

/**
 * Turns whatever a call rejected with into an `ApiError`. The commands reject with one already; Tauri
 * itself rejects with a bare string (e.g. for arguments it could not decode), and JavaScript with an
 * `Error`; both become `invalid` with their text as the message.
 */
export function toApiError(reason: unknown): ApiError {
  if (typeof reason === 'object' && reason !== null) {
    const { code, message } = reason as Record<string, unknown>;
    if (typeof message === 'string' && ERROR_CODES.includes(code as ErrorCode)) {
      return { code: code as ErrorCode, message };
    }
    if (typeof message === 'string') {
      return { code: 'invalid', message };
    }
  }
  return { code: 'invalid', message: typeof reason === 'string' ? reason : String(reason) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toApiError(reason);
  }
}

/** The backend of the desktop app: the Tauri commands of `src-tauri`. */
export function tauriBackend(): Backend {
  return {
    workspaceInfo: () => call('workspace_info'),
    listJourneys: () => call('list_journeys'),
    journeyScene: (journey) => call('journey_scene', { journey }),
    stepDetails: (step) => call('step_details', { step }),
    applyEdit: (edit) => call('apply_edit', { edit }),
    undo: () => call('undo'),
    redo: () => call('redo'),
    editStatus: () => call('edit_status'),
    uiPainted: () => call('ui_painted'),
    listEntities: () => call('list_entities'),
    entityUsage: (entity) => call('entity_usage', { entity }),
    linksFrom: (id) => call('links_from', { id }),
    ownership: () => call('ownership'),
    checks: (journey) => call('checks', { journey }),
    impact: (entity) => call('impact', { entity }),
    network: (entity) => call('network', { entity }),
  };
}
