// The open workspace as the window sees it: the journey list, the scene of the shown journey and
// whether undo/redo are possible — always as last fetched from the store, never edited locally. Edits,
// undo and redo go to the backend one at a time, in order; after the last queued one the shown journey
// is fetched again if they changed it (and the list, when it changed), so what is drawn is what is
// stored. Undo, redo and new journeys show the journey they happened in; other edits act on the shown
// journey and never switch away from the one the user has meanwhile chosen (a text committed because
// its field lost the focus to the sidebar must not pull the window back).
//
// The window's chrome (undo and redo buttons, the save status, the undo notice) follows a round of
// edits one frame after the blueprint: WebKit paints the bounding box of everything changed in a frame
// when the changes are many or close together, so a button at the top and a status at the bottom
// changing with a card in the middle would have it paint most of the window before the card shows.
// For the same reason "Saving…" shows only for edits not stored within SAVING_SHOWN_AFTER_MS: a frame
// drawn at the key press would hold back the one that draws the edit (WebKit shows the next frame only
// once the window has taken the last).
import { SvelteMap } from 'svelte/reactivity';
import { toApiError, type Backend, type EditAnswer } from './backend';
import type { ApiError } from './bindings/ApiError';
import type { Clip } from './bindings/Clip';
import type { Edit } from './bindings/Edit';
import type { EditResult } from './bindings/EditResult';
import type { Id } from './bindings/Id';
import type { JourneySummary } from './bindings/JourneySummary';
import type { Pasted } from './bindings/Pasted';
import type { Pasting } from './bindings/Pasting';
import type { Scene } from './bindings/Scene';
import type { CommentView } from './bindings/CommentView';
import type { Step } from './bindings/Step';
import type { WorkspaceInfo } from './bindings/WorkspaceInfo';
import type { CopiedClip } from './editor/clipboard';
import type { Cell } from './scene/sceneIndex';
import { afterNextFrame } from './frames';
import { shareScene } from './scene/share';
import { recordAfterPaint } from './timing';

/** How long an edit may take to be stored before the status bar says "Saving…". */
export const SAVING_SHOWN_AFTER_MS = 400;

/** Whether the latest edits are stored, for the status bar. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** What to fetch once the queued edits are done, as their answers said. */
interface Pending {
  /** The journey to show (where the last undo, redo or new journey happened), or null for the shown one. */
  follow: Id | null;
  /** Whether the journey list changed. */
  list: boolean;
  /** Whether the entities or what their summaries count changed. */
  entities: boolean;
  /** Whether links of any kind changed. */
  links: boolean;
  /** Whether the personas or the journeys each is drawn for changed. */
  personas: boolean;
  /** Whether a journey's comments or what they are about changed. */
  comments: boolean;
  /** Whether the opportunities or their owners changed. */
  opportunities: boolean;
  /** Cards whose own record changed, or `all` when an answer did not say. */
  details: Set<Id> | 'all';
  failed: ApiError | null;
  /** Keydown times of the key presses whose edits the next scene shows. */
  keydowns: number[];
}

/** Adds what an answer says it changed to `pending`; an answer that does not say changed everything. */
function note(pending: Pending, answer: EditAnswer) {
  const changed = answer.changed;
  if (!changed) {
    noteEverything(pending);
    return;
  }
  pending.list ||= changed.journeys;
  pending.entities ||= changed.entities;
  pending.links ||= changed.links;
  pending.personas ||= changed.personas;
  pending.comments ||= changed.comments;
  pending.opportunities ||= changed.opportunities;
  if (pending.details !== 'all') for (const step of changed.details) pending.details.add(step);
}

function noteEverything(pending: Pending) {
  pending.list = true;
  pending.entities = true;
  pending.links = true;
  pending.personas = true;
  pending.comments = true;
  pending.opportunities = true;
  pending.details = 'all';
}

/** What an undo or redo did, numbered so the same words twice still count as news. */
export interface UndoMessage {
  text: string;
  count: number;
}

/**
 * The words for what an undo or redo did ("Undid: moved 'Calls claims line'"), from the account the
 * backend gives; null when it did nothing.
 */
export function undoMessage(kind: 'undo' | 'redo', result: EditResult): string | null {
  if (result.described === null) return null;
  return `${kind === 'undo' ? 'Undid' : 'Redid'}: ${result.described}`;
}

function nothingPending(): Pending {
  return {
    follow: null,
    list: false,
    entities: false,
    links: false,
    personas: false,
    comments: false,
    opportunities: false,
    details: new Set(),
    failed: null,
    keydowns: [],
  };
}

export class Session {
  journeys = $state.raw<JourneySummary[]>([]);
  /** The journey chosen in the sidebar (its scene may still be loading). */
  shown = $state<Id | null>(null);
  scene = $state.raw<Scene | null>(null);
  /** Counts the scenes applied, so views that fetch more (the details panel) know to refresh. */
  sceneVersion = $state(0);
  /**
   * Counts the finished rounds of edits (edit, undo, redo), so the views over the whole workspace
   * (ownership, checks, history) know to fetch again.
   */
  version = $state(0);
  /**
   * Counts the rounds of edits that changed entities, links or personas, for the entity and persona
   * lists and the impact.
   */
  entitiesVersion = $state(0);
  /** Counts the rounds of edits that changed links, for the chips of the details panel. */
  linksVersion = $state(0);
  /** Counts the rounds of edits that changed comments or what they are about, for the comments panel. */
  commentsVersion = $state(0);
  /** Counts the rounds of edits that changed opportunities or their owners, for the cards' details. */
  opportunitiesVersion = $state(0);
  /** Counts the rounds of edits that changed cards' own records, listed in `detailsChanged`. */
  detailsVersion = $state(0);
  /** The cards the latest such round changed, or `all`. */
  detailsChanged = $state.raw<ReadonlySet<Id> | 'all'>('all');
  canUndo = $state(false);
  canRedo = $state(false);
  save = $state.raw<SaveState>({ kind: 'idle' });
  /** The latest failure to show in the banner, until dismissed. */
  error = $state.raw<ApiError | null>(null);
  /** What the latest undo or redo did ("Undid: moved 'Calls claims line'"), for the window to say. */
  undone = $state.raw<UndoMessage | null>(null);
  /**
   * When each card typed in this window was added (`Date.now()`), so the checks can hold back what is
   * only about cards the room is still wiring up.
   */
  readonly added = new SvelteMap<Id, number>();
  /**
   * The last copy made in this window, kept across journeys so a paste in another journey brings the
   * cards back with everything about them.
   */
  copied: CopiedClip | null = null;

  private readonly backend: Backend;
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private pending = nothingPending();
  private latestSceneRequest = 0;
  private onFirstScene: (() => void) | null = null;
  /** Undo and redo as the latest answer gave them; `canUndo` and `canRedo` show them with the chrome. */
  private status = { can_undo: false, can_redo: false };
  /** The save state the latest round of edits ended in; `save` shows it with the chrome. */
  private settled: SaveState = { kind: 'idle' };
  /** Cancels the chrome's update waiting for the frame that draws the latest round, if one waits. */
  private cancelChrome: (() => void) | null = null;
  /** What else waits for that update (the undo notice). */
  private withChrome: (() => void)[] = [];
  /** The timer that shows "Saving…" if edits are still on their way when it fires. */
  private savingShown: ReturnType<typeof setTimeout> | null = null;

  constructor(backend: Backend, onFirstScene?: () => void) {
    this.backend = backend;
    this.onFirstScene = onFirstScene ?? null;
  }

  /**
   * Loads the workspace: its file, journeys, undo state, and the scene of the journey shown last in it
   * (or of the first).
   */
  async start(): Promise<WorkspaceInfo> {
    const start = await this.backend.windowStart();
    this.journeys = start.journeys;
    this.takeStatus(start.status);
    this.showStatus();
    if (start.scene) {
      // Any scene asked for before this answer is older than it.
      this.latestSceneRequest += 1;
      this.shown = start.scene.journey;
      this.applyScene(start.scene);
    } else if (this.journeys[0]) {
      // A journey that could not be laid out is asked for alone, which says why.
      await this.open(this.journeys[0].id);
    }
    return start.info;
  }

  /** Resolves once every edit, undo and redo sent so far is stored and shown. */
  idle(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * Forgets everything of the workspace shown before (journeys, scene, undo state, failures) and loads
   * the one the backend has open now; `onPainted` runs once its first scene is painted.
   */
  async reload(onPainted?: () => void): Promise<WorkspaceInfo> {
    await this.idle();
    this.latestSceneRequest += 1;
    this.pending = nothingPending();
    this.cancelChrome?.();
    this.cancelChrome = null;
    this.withChrome = [];
    this.stopSavingShown();
    this.journeys = [];
    this.shown = null;
    this.scene = null;
    this.status = { can_undo: false, can_redo: false };
    this.showStatus();
    this.save = { kind: 'idle' };
    this.error = null;
    this.added.clear();
    if (onPainted) this.onFirstScene = onPainted;
    const info = await this.start();
    this.version += 1;
    return info;
  }

  /** Shows a journey: fetches its scene; on failure keeps the one shown and reports why. */
  async open(journey: Id): Promise<void> {
    const request = ++this.latestSceneRequest;
    this.shown = journey;
    try {
      const scene = await this.backend.journeyScene(journey);
      if (request === this.latestSceneRequest) this.applyScene(scene);
    } catch (reason) {
      if (request !== this.latestSceneRequest) return;
      this.error = toApiError(reason);
      this.shown = this.scene?.journey ?? null;
    }
  }

  /**
   * Sends an edit. Resolves with its result once the scene showing it is applied, or with null if it was
   * refused (the message is then in `error` and the scene is fetched again). `keydownAt` is the
   * `performance.now()` of the key press that asked for it, for the benchmark timings. `answered` runs
   * as the answer arrives, before the scene changes: what it changes in the page is then laid out with
   * the scene's change, once, instead of forcing a layout of the changed scene (focus does).
   */
  apply(edit: Edit, keydownAt?: number, answered?: () => void): Promise<EditResult | null> {
    if (edit.type === 'add_step') this.added.set(edit.step, Date.now());
    const creates =
      edit.type === 'create_journey' || edit.type === 'duplicate_journey' || edit.type === 'create_future_state';
    const send = () => this.backend.applyEdit(edit);
    return this.enqueue(answered ? () => send().finally(answered) : send, creates, keydownAt);
  }

  undo(keydownAt?: number): Promise<EditResult | null> {
    return this.tell('undo', this.enqueue(() => this.backend.undo(), true, keydownAt));
  }

  redo(keydownAt?: number): Promise<EditResult | null> {
    return this.tell('redo', this.enqueue(() => this.backend.redo(), true, keydownAt));
  }

  dismissUndone() {
    this.undone = null;
  }

  /** Says what an undo or redo did, once it is shown, with the chrome. */
  private async tell(kind: 'undo' | 'redo', done: Promise<EditResult | null>): Promise<EditResult | null> {
    const result = await done;
    const text = result ? undoMessage(kind, result) : null;
    if (text) this.afterChrome(() => (this.undone = { text, count: (this.undone?.count ?? 0) + 1 }));
    return result;
  }

  /** Runs `then` with the chrome's update if one waits for its frame, else at once. */
  private afterChrome(then: () => void) {
    if (this.cancelChrome) this.withChrome.push(then);
    else then();
  }

  /**
   * Shows the undo state and the save state of the latest round of edits (and what waits for them)
   * once the frame drawing the round's scene is on screen.
   */
  private showChromeAfterFrame() {
    this.cancelChrome?.();
    this.cancelChrome = afterNextFrame(() => {
      this.cancelChrome = null;
      this.showStatus();
      // A newer edit sent meanwhile keeps what is shown until its own round ends.
      if (this.queued === 0) {
        this.stopSavingShown();
        this.save = this.settled;
      }
      const waiting = this.withChrome;
      this.withChrome = [];
      for (const then of waiting) then();
    });
  }

  /** Says "Saving…" if the edits just sent are not all stored and shown after SAVING_SHOWN_AFTER_MS. */
  private showSavingIfSlow() {
    if (this.savingShown !== null) return;
    this.savingShown = setTimeout(() => {
      this.savingShown = null;
      if (this.queued > 0) this.save = { kind: 'saving' };
    }, SAVING_SHOWN_AFTER_MS);
  }

  private stopSavingShown() {
    if (this.savingShown !== null) clearTimeout(this.savingShown);
    this.savingShown = null;
  }

  private showStatus() {
    this.canUndo = this.status.can_undo;
    this.canRedo = this.status.can_redo;
  }

  /**
   * Imports the journey an exported SVG or PNG file carries as a new journey (one undoable edit) and
   * shows it. Resolves with the new journey, or rejects with why the file was refused (not shown in the
   * banner: the caller says it where the import was asked for).
   */
  async importPicture(path: string): Promise<JourneySummary> {
    return this.importWith(() => this.backend.importPictureFile(path));
  }

  /**
   * Runs an import the backend builds from a file (a picture, a CSV): queued like any edit, then the
   * list is fetched again and the journey it went into is shown. Resolves with that journey; rejects
   * with the failure, which is not put in the banner (the caller shows it where the import was asked).
   */
  async importWith(send: () => Promise<EditResult>): Promise<JourneySummary> {
    let failure: ApiError | null = null;
    const result = await this.enqueue(send, true, undefined, (error) => {
      failure = error;
    });
    const journey = this.journeys.find((j) => j.id === result?.journey);
    if (journey) return journey;
    throw failure ?? { code: 'not_found', message: 'the imported journey is not in the workspace' };
  }

  /**
   * Runs an edit the backend works out itself (restoring a version) through the queue like any edit:
   * one undo step, and everything shown is fetched again after it. Resolves with null when refused (the
   * message is then in `error`).
   */
  run(send: () => Promise<EditResult>): Promise<EditResult | null> {
    return this.enqueue(send, true, undefined);
  }

  /** The cards in the clipboard's forms; nothing changes. */
  copyCards(journey: Id, steps: Id[]): Promise<Clip> {
    return this.backend.copyCards(journey, steps);
  }

  /**
   * Pastes into a cell of `journey` as one edit, queued like any edit. Resolves with the new cards once
   * the scene shows them, or with null when refused (the message is then in `error`).
   */
  paste(journey: Id, cell: Cell, pasting: Pasting, keydownAt?: number): Promise<Id[] | null> {
    return this.applyBuilt(() => this.backend.pasteCards(journey, cell.lane, cell.stage, pasting), keydownAt);
  }

  /** Duplicates cards right after themselves as one edit; resolves like `paste`. */
  duplicate(journey: Id, steps: Id[], keydownAt?: number): Promise<Id[] | null> {
    return this.applyBuilt(() => this.backend.duplicateCards(journey, steps), keydownAt);
  }

  /** Runs an edit the backend builds itself (a paste, a duplicate) through the queue. */
  private async applyBuilt(send: () => Promise<Pasted>, keydownAt?: number): Promise<Id[] | null> {
    let steps: Id[] = [];
    const result = await this.enqueue(
      async () => {
        const pasted = await send();
        steps = pasted.steps;
        return pasted.result;
      },
      false,
      keydownAt,
    );
    return result ? steps : null;
  }

  /**
   * One card with everything about it, as stored. Read once the edits already sent are answered, so
   * the card read is never older than an edit the window has sent (a form filled from it, or an edit
   * built on it, would otherwise take that edit back).
   */
  async stepDetails(step: Id): Promise<Step> {
    await this.queue;
    return this.backend.stepDetails(step);
  }

  /** A journey's comments, open ones first. */
  comments(journey: Id): Promise<CommentView[]> {
    return this.backend.listComments(journey);
  }

  /** The name the operating system knows the person by, to sign a first comment with. */
  defaultAuthor(): Promise<string> {
    return this.backend.defaultAuthor();
  }

  /** Shows a failure that is not an edit's (e.g. a card that could not be fetched) in the banner. */
  report(reason: unknown) {
    this.error = toApiError(reason);
  }

  dismissError() {
    this.error = null;
  }

  /**
   * Sends an edit after those queued before it; `follow` shows the journey it happened in. Once the
   * last queued one is answered, what their answers say changed is fetched and shown.
   */
  private enqueue(
    send: () => Promise<EditAnswer>,
    follow: boolean,
    keydownAt: number | undefined,
    onFailure?: (error: ApiError) => void,
  ): Promise<EditResult | null> {
    this.queued += 1;
    this.showSavingIfSlow();
    const run = this.queue.then(async () => {
      let result: EditResult | null = null;
      try {
        const answer = await send();
        result = answer;
        this.takeStatus(answer);
        if (follow && answer.journey !== null) this.pending.follow = answer.journey;
        note(this.pending, answer);
      } catch (reason) {
        const error = toApiError(reason);
        this.pending.failed = error;
        noteEverything(this.pending);
        if (onFailure) onFailure(error);
        else this.error = error;
      }
      if (keydownAt !== undefined) this.pending.keydowns.push(keydownAt);
      this.queued -= 1;
      if (this.queued === 0) await this.refresh();
      return result;
    });
    this.queue = run;
    return run;
  }

  private takeStatus(result: EditResult) {
    this.status = { can_undo: result.can_undo, can_redo: result.can_redo };
  }

  /** Fetches what the queued edits changed and shows it. */
  private async refresh() {
    const pending = this.pending;
    this.pending = nothingPending();
    try {
      const listed = this.journeys;
      if (pending.list) this.journeys = await this.backend.listJourneys();
      const target = this.journeyToShow(pending.follow, listed);
      const request = ++this.latestSceneRequest;
      this.shown = target;
      if (target === null) {
        this.scene = null;
      } else {
        // The edits' answers already patched the scene the backend holds for the window: this fetch
        // crosses the IPC only when they could not.
        const scene = await this.backend.journeyScene(target);
        if (request === this.latestSceneRequest) this.applyScene(scene);
      }
      // The panels that fetch more than the scene ask once the scene is drawn, not before it.
      this.withChrome.push(() => this.tellViews(pending));
      this.settled = pending.failed ? { kind: 'failed', message: pending.failed.message } : { kind: 'saved' };
      for (const keydownAt of pending.keydowns) recordAfterPaint(keydownAt);
    } catch (reason) {
      const error = toApiError(reason);
      this.error = error;
      this.settled = { kind: 'failed', message: error.message };
    }
    this.showChromeAfterFrame();
    this.version += 1;
  }

  /** Tells the views that fetch more than the scene what the round of edits changed. */
  private tellViews(pending: Pending) {
    if (pending.entities || pending.links || pending.personas) this.entitiesVersion += 1;
    if (pending.links) this.linksVersion += 1;
    if (pending.comments) this.commentsVersion += 1;
    if (pending.opportunities) this.opportunitiesVersion += 1;
    if (pending.details === 'all' || pending.details.size > 0) {
      this.detailsChanged = pending.details;
      this.detailsVersion += 1;
    }
  }

  /**
   * The journey to show after edits: the one to follow, else the shown one while it exists, else the
   * one that took its place in the list (`listed` is the list before the edits).
   */
  private journeyToShow(follow: Id | null, listed: JourneySummary[]): Id | null {
    if (follow !== null) return follow;
    const current = this.shown;
    if (current !== null && this.journeys.some((j) => j.id === current)) return current;
    const place = Math.max(
      listed.findIndex((j) => j.id === current),
      0,
    );
    return this.journeys[Math.min(place, this.journeys.length - 1)]?.id ?? null;
  }

  private applyScene(scene: Scene) {
    this.scene = shareScene(this.scene, scene);
    this.shown = scene.journey;
    this.sceneVersion += 1;
    if (this.onFirstScene) {
      const report = this.onFirstScene;
      this.onFirstScene = null;
      report();
    }
  }
}
