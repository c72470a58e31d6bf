// What the History panel and the read-only views of older versions share: the edits listed so far
// (newest first, a page at a time), the named versions, and what the blueprint area shows instead of
// the live journey — the journey as it was then, or compared with then. Restoring goes through the
// session's queue like any edit, so it is one undo step and the views refresh after it.
import { toApiError, type Backend } from '../backend';
import type { Comparison } from '../bindings/Comparison';
import type { HistoryEntry } from '../bindings/HistoryEntry';
import type { Id } from '../bindings/Id';
import type { Older } from '../bindings/Older';
import type { Scene } from '../bindings/Scene';
import type { Version } from '../bindings/Version';
import type { Session } from '../session.svelte';

/** How many edits one page of the panel lists. */
export const HISTORY_PAGE = 100;

/** What the blueprint area shows instead of the live journey. */
export type Looking =
  | { kind: 'then'; older: Older; label: string; journey: Id; scene: Scene }
  | { kind: 'compare'; older: Older; label: string; journey: Id; comparison: Comparison };

export class History {
  entries = $state.raw<HistoryEntry[]>([]);
  versions = $state.raw<Version[]>([]);
  /** The session of this window's opening of the file, so its group is called "This session". */
  currentSession = $state(0);
  /** The entry the workspace is at now (the newest not undone). */
  currentSeq = $state<number | null>(null);
  /** Where the next (older) page starts, or null when every entry is listed. */
  next = $state<number | null>(null);
  /** What the blueprint area shows instead of the live journey, or null. */
  looking = $state.raw<Looking | null>(null);
  /** Why the last request failed, shown in the panel. */
  error = $state<string | null>(null);

  private readonly backend: Backend;
  private readonly session: Session;

  constructor(backend: Backend, session: Session) {
    this.backend = backend;
    this.session = session;
  }

  /** Fetches the newest page of the history and the named versions again. */
  async load() {
    try {
      const [list, versions] = await Promise.all([
        this.backend.history({ before_seq: null, limit: HISTORY_PAGE }),
        this.backend.versions(),
      ]);
      this.entries = list.entries;
      this.next = list.next_before_seq;
      this.currentSession = list.current_session;
      this.currentSeq = list.current_seq;
      this.versions = versions;
      this.error = null;
    } catch (reason) {
      this.error = toApiError(reason).message;
    }
  }

  /** Lists the next, older page after the ones shown. */
  async more() {
    if (this.next === null) return;
    try {
      const list = await this.backend.history({ before_seq: this.next, limit: HISTORY_PAGE });
      this.entries = [...this.entries, ...list.entries];
      this.next = list.next_before_seq;
    } catch (reason) {
      this.error = toApiError(reason).message;
    }
  }

  /** Names the workspace as it is now; resolves with the error message, or null when saved. */
  async saveVersion(name: string): Promise<string | null> {
    try {
      await this.backend.saveVersion(name);
      this.versions = await this.backend.versions();
      return null;
    } catch (reason) {
      return toApiError(reason).message;
    }
  }

  /** Shows journey `journey` as it was at `older`, read-only. */
  async view(older: Older, label: string, journey: Id) {
    try {
      const then = await this.backend.sceneThen(older, journey);
      this.looking = { kind: 'then', older, label, journey, scene: then.scene };
      this.error = null;
    } catch (reason) {
      this.error = toApiError(reason).message;
    }
  }

  /** Shows journey `journey` as it is now with what changed since `older` marked on it. */
  async compare(older: Older, label: string, journey: Id) {
    try {
      const comparison = await this.backend.compareWith(older, journey);
      this.looking = { kind: 'compare', older, label, journey, comparison };
      this.error = null;
    } catch (reason) {
      this.error = toApiError(reason).message;
    }
  }

  /** Asks again for what is being looked at (after an edit or when another journey is chosen). */
  async refreshLooking(journey: Id) {
    const looking = this.looking;
    if (!looking) return;
    if (looking.kind === 'then') await this.view(looking.older, looking.label, journey);
    else await this.compare(looking.older, looking.label, journey);
  }

  /** Back to the live blueprint. */
  close() {
    this.looking = null;
  }

  /**
   * Brings the workspace back to `older` (a history entry or a named version) as one undoable edit,
   * then shows the live blueprint.
   */
  async restore(older: Older) {
    const send =
      older.kind === 'history'
        ? () => this.backend.restoreHistory(older.seq)
        : older.kind === 'version'
          ? () => this.backend.restoreVersion(older.name)
          : null;
    if (!send) return;
    const result = await this.session.run(send);
    if (result) {
      this.looking = null;
      await this.load();
    }
  }
}
