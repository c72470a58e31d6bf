// The one door to the Rust side: every call the UI makes goes through `Backend`, so the app runs on
// Tauri's IPC in the window and on a fake in unit tests.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { save } from '@tauri-apps/plugin-dialog';
import type { ApiError } from './bindings/ApiError';
import type { Changed } from './bindings/Changed';
import type { CheckGroup } from './bindings/CheckGroup';
import type { CommentView } from './bindings/CommentView';
import type { OpportunityView } from './bindings/OpportunityView';
import type { FutureStateView } from './bindings/FutureStateView';
import type { Comparison } from './bindings/Comparison';
import type { HistoryList } from './bindings/HistoryList';
import type { HistoryPage } from './bindings/HistoryPage';
import type { Older } from './bindings/Older';
import type { SceneUpdate } from './bindings/SceneUpdate';
import type { ShownScene } from './bindings/ShownScene';
import { HeldScene } from './scene/heldScene';
import type { ThenScene } from './bindings/ThenScene';
import type { Version } from './bindings/Version';
import type { Clip } from './bindings/Clip';
import type { CriticalityRow } from './bindings/CriticalityRow';
import type { Edit } from './bindings/Edit';
import type { EditResult } from './bindings/EditResult';
import type { EntitySummary } from './bindings/EntitySummary';
import type { EntityUsage } from './bindings/EntityUsage';
import type { ErrorCode } from './bindings/ErrorCode';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportOptions } from './bindings/ExportOptions';
import type { Id } from './bindings/Id';
import type { FindScope } from './bindings/FindScope';
import type { Found } from './bindings/Found';
import type { Impact } from './bindings/Impact';
import type { JourneySummary } from './bindings/JourneySummary';
import type { Link } from './bindings/Link';
import type { NewWorkspace } from './bindings/NewWorkspace';
import type { RecentWorkspace } from './bindings/RecentWorkspace';
import type { NetworkScene } from './bindings/NetworkScene';
import type { Ownership } from './bindings/Ownership';
import type { Pasted } from './bindings/Pasted';
import type { Pasting } from './bindings/Pasting';
import type { PersonaSummary } from './bindings/PersonaSummary';
import type { Scene } from './bindings/Scene';
import type { Step } from './bindings/Step';
import type { WindowStart } from './bindings/WindowStart';
import type { WorkspaceInfo } from './bindings/WorkspaceInfo';
import { tauriCsvBackend, type CsvBackend } from './csv/backend';
import type { MenuEvent } from './files/events';
import { MENU_ACTION_EVENT, type MenuAction, type MenuItemState } from './menubar/actions';
import { isMenuAction, type TextEdit } from './menubar/handlers';

/**
 * An edit's, undo's or redo's answer: what happened, and what besides the shown scene it changed. An
 * answer without `changed` (a fake backend's) means anything may have changed.
 */
export type EditAnswer = EditResult & { changed?: Changed };

/** What the window draws first, its scene taken as the base of the next edits' diffs. */
export type Start = Omit<WindowStart, 'scene'> & { scene: Scene | null };

/** What the UI can ask of the open workspace. Every method rejects with an `ApiError`. */
export interface Backend extends CsvBackend {
  /**
   * What the window draws first, in one round trip: the workspace, its journeys, the undo state and
   * the scene of the journey to show (the one shown last, else the first; null with no journey or one
   * that cannot be laid out).
   */
  windowStart(): Promise<Start>;
  listJourneys(): Promise<JourneySummary[]>;
  journeyScene(journey: Id): Promise<Scene>;
  /** One card with everything about it, for the details panel. */
  stepDetails(step: Id): Promise<Step>;
  /**
   * The cards whose text, notes, owner or linked entities hold `query` (literal, any case), in the
   * journey on screen or (`all`) every journey with that one first, in reading order.
   */
  findCards(query: string, journey: Id, scope: FindScope): Promise<Found>;
  /** Validates and commits one edit with its undo entry. */
  applyEdit(edit: Edit): Promise<EditAnswer>;
  /** A page of the edit history, newest first. */
  history(page: HistoryPage): Promise<HistoryList>;
  /** The named versions, oldest first. */
  versions(): Promise<Version[]>;
  /** Names the workspace as it is now ("after workshop 2"). */
  saveVersion(name: string): Promise<Version>;
  /** Brings the workspace back to how it was just after a history entry, as one undoable edit. */
  restoreHistory(seq: number): Promise<EditResult>;
  /** Brings the workspace back to a named version, as one undoable edit. */
  restoreVersion(name: string): Promise<EditResult>;
  /** A journey as it is now, compared with an older version; nothing changes. */
  compareWith(older: Older, journey: Id): Promise<Comparison>;
  /** A journey as an older version had it, to look at; nothing changes. */
  sceneThen(older: Older, journey: Id): Promise<ThenScene>;
  /** The cards in the clipboard's forms (rich, lines, table); nothing changes. */
  copyCards(journey: Id, steps: Id[]): Promise<Clip>;
  /** Pastes a rich clip or plain text into a cell as one undoable edit; resolves with the new cards. */
  pasteCards(journey: Id, lane: Id, stage: Id, pasting: Pasting): Promise<Pasted>;
  /** Duplicates cards right after themselves as one undoable edit; resolves with the copies. */
  duplicateCards(journey: Id, steps: Id[]): Promise<Pasted>;
  undo(): Promise<EditAnswer>;
  redo(): Promise<EditAnswer>;
  uiPainted(): Promise<void>;
  /** Every person, team, system and process, for the entities panel and the pickers. */
  listEntities(): Promise<EntitySummary[]>;
  /** Every persona with the journeys drawn for it. */
  listPersonas(): Promise<PersonaSummary[]>;
  /** Every opportunity of every journey. */
  listOpportunities(): Promise<OpportunityView[]>;
  /** The future state to show for a journey: itself when it is one, else its first, else null. */
  futureStateOf(journey: Id): Promise<Id | null>;
  /** A future state beside its current state, as one scene, with what it changes. */
  futureState(journey: Id): Promise<FutureStateView>;
  /** A journey's comments, open ones first. */
  listComments(journey: Id): Promise<CommentView[]>;
  /** The name the operating system knows the person by ('' when it knows none). */
  defaultAuthor(): Promise<string>;
  /** A persona's picture as a `data:` URL, or null. */
  personaPicture(persona: Id): Promise<string | null>;
  /** Everything that refers to an entity, shown before it is deleted. */
  entityUsage(entity: Id): Promise<EntityUsage>;
  /** Links from a card or entity to entities (performed by, uses, part of; depends on, member of). */
  linksFrom(id: Id): Promise<Link[]>;
  /** Every card with its owner, the owner summary and the hand-offs per journey. */
  ownership(): Promise<Ownership>;
  /** The checks, for one journey or (null) the whole workspace. */
  checks(journey: Id | null): Promise<CheckGroup[]>;
  /** What fails if every one of these entities does (one, or several for a what-if). */
  impactOf(entities: Id[]): Promise<Impact>;
  /** Every entity ranked by the moments of truth and customer steps its failure alone puts at risk. */
  criticality(): Promise<CriticalityRow[]>;
  /** An entity with its neighbours, laid out. */
  network(entity: Id): Promise<NetworkScene>;
  /** The file name an export of a journey called `name` proposes ("home-insurance-claim.png"). */
  exportFileName(name: string, format: ExportFormat): Promise<string>;
  /**
   * Where to save an export: the native save dialog (which asks before replacing a file), or null when
   * the person closed it.
   */
  chooseExportPath(fileName: string, format: ExportFormat): Promise<ChosenPath | null>;
  /**
   * Starts exporting a journey to `path` and resolves at once; the export runs off the workspace and
   * reports through `onExport`. Rejects when another export is under way, or (unless `overwrite`) when a
   * file is already there.
   */
  exportJourney(journey: Id, format: ExportFormat, options: ExportOptions, path: string, overwrite: boolean): Promise<void>;
  /** Why an export with `options` would be refused (a size out of limits), or null when it would not. */
  exportProblem(options: ExportOptions): Promise<string | null>;
  /** Asks the export under way to stop; it then ends with a `cancelled` failure. */
  cancelExport(): Promise<void>;
  /** Calls `listener` with the progress and end of every export; resolves with the way to stop. */
  onExport(listener: (event: ExportEvent) => void): Promise<() => void>;
  /** Imports the journey an exported SVG or PNG file carries, as a new journey (one undoable edit). */
  importPictureFile(path: string): Promise<EditResult>;
  /** Calls `listener` as files are dragged over the window and dropped on it; resolves with the way to stop. */
  onFileDrop(listener: (event: FileDropEvent) => void): Promise<() => void>;
  /** Calls `listener` when File › Export… is chosen in the menu bar; resolves with the way to stop. */
  onMenuExport(listener: () => void): Promise<() => void>;
  /** Puts the window in or out of full screen, for presenting a blueprint to a room. */
  setFullscreen(on: boolean): Promise<void>;
  /**
   * Creates a workspace at `path` (`.throughline` appended when missing) and switches the window to it;
   * the old workspace stays open if that fails.
   */
  newWorkspace(path: string, start: NewWorkspace): Promise<WorkspaceInfo>;
  /** Switches the window to the workspace at `path`; the old one stays open if that fails. */
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  /** Writes a consistent copy of the open workspace to `path`; the window stays on the original. */
  saveWorkspaceCopy(path: string, overwrite: boolean): Promise<void>;
  /**
   * Creates a workspace at `path` from the canonical text form in the folder `dir` and switches the
   * window to it; the old workspace stays open if that fails.
   */
  openTextFolder(dir: string, path: string): Promise<WorkspaceInfo>;
  /** Writes the open workspace's canonical text form into the folder `dir`. */
  saveTextFolder(dir: string): Promise<void>;
  /** Shows the open workspace's file in the system's file manager. */
  revealWorkspace(): Promise<void>;
  /** Opens the file the last export wrote with the system's program for it. */
  openExport(): Promise<void>;
  /** Shows the file the last export wrote in the system's file manager. */
  revealExport(): Promise<void>;
  /** The recent workspaces, newest first, the open one included. */
  recentWorkspaces(): Promise<RecentWorkspace[]>;
  /**
   * Calls `listener` when the File-menu item behind `event` is chosen in the menu bar (with the path,
   * for Open Recent); resolves with the way to stop.
   */
  onMenu(event: MenuEvent, listener: (path: string | null) => void): Promise<() => void>;
  /** Calls `listener` with the id of each Edit, View or Help item chosen; resolves with the way to stop. */
  onMenuAction(listener: (action: MenuAction) => void): Promise<() => void>;
  /** Runs a text field's own editing command where the focus is (a menu accelerator took its key). */
  editText(edit: TextEdit): Promise<void>;
  /** Greys out or brings back Edit items of the menu bar. */
  setMenuEnabled(items: MenuItemState[]): Promise<void>;
  /** Hides the native tooltip left over an element the view switched away from (WebKitGTK keeps it). */
  dropTooltip(): Promise<void>;
  /** The app's version, for Help › About. */
  appVersion(): Promise<string>;
}

/** A path chosen for an export, and whether the person already agreed to replace a file there. */
export interface ChosenPath {
  path: string;
  overwrite: boolean;
}

/**
 * What an export reports: its progress in steps of work, the file written, or why it stopped. The
 * payloads are those of src-tauri/src/export.rs (events export-progress, export-finished,
 * export-failed).
 */
export type ExportEvent =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'finished'; path: string; bytes: number }
  | { kind: 'failed'; error: ApiError };

/** Files dragged over the window (`over` false once they leave) or dropped on it. */
export type FileDropEvent = { kind: 'hover'; over: boolean } | { kind: 'drop'; paths: string[] };

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
  const held = new HeldScene();
  /** A call that may change the workspace other than by an edit's answer (a paste, an import…). */
  function ask<T>(command: string, args?: Record<string, unknown>): Promise<T> {
    held.changing();
    return call<T>(command, args);
  }
  /** A call that only reads: the scene held stays the one to show. */
  const read = call;
  /** An edit, undo or redo: its answer patches the scene held; the result goes on to the session. */
  async function edit(command: string, args: Record<string, unknown> = {}): Promise<EditAnswer> {
    const update = await ask<SceneUpdate>(command, { ...args, have: held.have() });
    held.answered(update);
    return { ...update.result, changed: update.changed };
  }
  return {
    windowStart: async () => {
      const start = await call<WindowStart>('window_start');
      return { ...start, scene: start.scene ? held.fetched(start.scene) : null };
    },
    listJourneys: () => read('list_journeys'),
    journeyScene: async (journey) =>
      held.take(journey) ?? held.fetched(await call<ShownScene>('journey_scene', { journey })),
    stepDetails: (step) => read('step_details', { step }),
    findCards: (query, journey, scope) => read('find_cards', { query, journey, scope }),
    applyEdit: (change) => edit('apply_edit', { edit: change }),
    history: (page) => read('history', { page }),
    versions: () => read('versions'),
    saveVersion: (name) => ask('save_version', { name }),
    restoreHistory: (seq) => ask('restore_history', { seq }),
    restoreVersion: (name) => ask('restore_version', { name }),
    compareWith: (older, journey) => read('compare_with', { older, journey }),
    sceneThen: (older, journey) => read('scene_then', { older, journey }),
    copyCards: (journey, steps) => read('copy_cards', { journey, steps }),
    pasteCards: (journey, lane, stage, pasting) => ask('paste_cards', { journey, lane, stage, pasting }),
    duplicateCards: (journey, steps) => ask('duplicate_cards', { journey, steps }),
    undo: () => edit('undo'),
    redo: () => edit('redo'),
    uiPainted: () => read('ui_painted'),
    listEntities: () => read('list_entities'),
    listPersonas: () => read('list_personas'),
    listComments: (journey) => read('list_comments', { journey }),
    listOpportunities: () => read('list_opportunities'),
    futureStateOf: (journey) => read('future_state_of', { journey }),
    futureState: (journey) => read('future_state', { journey }),
    defaultAuthor: () => read('default_author'),
    personaPicture: (persona) => read('persona_picture', { persona }),
    entityUsage: (entity) => read('entity_usage', { entity }),
    linksFrom: (id) => read('links_from', { id }),
    ownership: () => read('ownership'),
    checks: (journey) => read('checks', { journey }),
    impactOf: (entities) => read('impact_of', { entities }),
    criticality: () => read('criticality'),
    network: (entity) => read('network', { entity }),
    exportFileName: (name, format) => read('export_file_name', { name, format }),
    chooseExportPath,
    exportJourney: (journey, format, options, path, overwrite) =>
      read('export_journey', { journey, format, options, path, overwrite }),
    exportProblem: (options) => read('export_problem', { options }),
    cancelExport: () => read('cancel_export'),
    onExport: listenToExports,
    importPictureFile: (path) => ask('import_picture_file', { path }),
    onFileDrop: listenToFileDrops,
    onMenuExport: (listener) => listen('menu-export', () => listener()),
    setFullscreen: (on) => getCurrentWindow().setFullscreen(on),
    ...tauriCsvBackend(ask),
    newWorkspace: (path, start) => ask('new_workspace', { path, start }),
    openWorkspace: (path) => ask('open_workspace', { path }),
    saveWorkspaceCopy: (path, overwrite) => read('save_workspace_copy', { path, overwrite }),
    openTextFolder: (dir, path) => ask('open_text_folder', { dir, path }),
    saveTextFolder: (dir) => read('save_text_folder', { dir }),
    revealWorkspace: () => read('reveal_workspace'),
    openExport: () => read('open_export'),
    revealExport: () => read('reveal_export'),
    recentWorkspaces: () => read('recent_workspaces'),
    onMenu: (event, listener) =>
      listen<unknown>(event, ({ payload }) => listener(typeof payload === 'string' ? payload : null)),
    onMenuAction: (listener) =>
      listen<unknown>(MENU_ACTION_EVENT, ({ payload }) => {
        if (isMenuAction(payload)) listener(payload);
      }),
    editText: (edit) => ask('edit_text', { edit }),
    dropTooltip: () => read('drop_tooltip'),
    setMenuEnabled: (items) => read('set_menu_enabled', { items }),
    appVersion: () => ask('app_version'),
  };
}

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
};

declare global {
  interface Window {
    /**
     * The end-to-end test's way around the native save dialog, which WebDriver cannot drive: when it is
     * set to a path, exports go there without a dialog (and a file already there is not replaced).
     */
    __throughlineExportPath?: unknown;
  }
}

async function chooseExportPath(fileName: string, format: ExportFormat): Promise<ChosenPath | null> {
  const testPath = window.__throughlineExportPath;
  if (typeof testPath === 'string') return { path: testPath, overwrite: false };
  try {
    // The native dialogs (GTK, macOS, Windows) ask before replacing a file themselves.
    const path = await save({ title: 'Export the journey', defaultPath: fileName, filters: [FILTERS[format]] });
    return path === null ? null : { path, overwrite: true };
  } catch (reason) {
    throw toApiError(reason);
  }
}

async function listenToExports(listener: (event: ExportEvent) => void): Promise<() => void> {
  const stops = await Promise.all([
    listen<{ done: number; total: number }>('export-progress', ({ payload }) =>
      listener({ kind: 'progress', ...payload }),
    ),
    listen<{ path: string; bytes: number }>('export-finished', ({ payload }) =>
      listener({ kind: 'finished', ...payload }),
    ),
    listen<unknown>('export-failed', ({ payload }) => listener({ kind: 'failed', error: toApiError(payload) })),
  ]);
  return () => stops.forEach((stop) => stop());
}

async function listenToFileDrops(listener: (event: FileDropEvent) => void): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent(({ payload }) => {
    if (payload.type === 'enter') listener({ kind: 'hover', over: true });
    else if (payload.type === 'leave') listener({ kind: 'hover', over: false });
    else if (payload.type === 'drop') listener({ kind: 'drop', paths: payload.paths });
  });
}
