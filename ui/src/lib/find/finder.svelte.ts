// Find (Ctrl+F) as the window runs it: the query, its scope, the latest answer and the current hit.
// Every keystroke asks the backend again (it answers in a few milliseconds); only the newest answer is
// kept, and the count and marks follow at once. Stepping to a hit asks the blueprint to select it and
// bring it into view, switching journey first when the hit is in another one; while the query is
// typed, the view moves to the first hit only once the typing pauses. The state lives outside the editor, which is re-created per
// journey, so the bar and its place in the hits survive the switch.
import { toApiError, type Backend } from '../backend';
import type { FindHit } from '../bindings/FindHit';
import type { FindScope } from '../bindings/FindScope';
import type { Found } from '../bindings/Found';
import type { Id } from '../bindings/Id';
import type { Session } from '../session.svelte';
import { cardsIn, Latest, stepHit } from './steps';

/** A hit for the blueprint to select and show readably once its journey is on screen. */
export interface FindRequest {
  journey: Id;
  step: Id;
}

/**
 * How long the typing must pause before the view moves to the first hit. A move repaints the whole
 * blueprint, or opens another journey, which takes from a tenth of a second to a second on a large
 * workspace: done on every keystroke, it held up the next one.
 */
export const FIND_MOVE_SETTLE_MS = 300;

/** What an answer does to the view: moves to the first hit now, once the typing pauses, or not at all. */
type Move = 'now' | 'settled' | 'stay';

export class Finder {
  /** Whether the find bar is shown. */
  open = $state(false);
  /** Counts the times the bar was asked for, so it puts the keyboard in its field each time. */
  opened = $state(0);
  query = $state('');
  scope = $state<FindScope>('journey');
  found = $state.raw<Found | null>(null);
  /** The query `found` (or `error`) answers, which the typing may already have moved past. */
  answered = $state('');
  /** Index of the current hit in `found.hits`, or -1. */
  current = $state(-1);
  /** Why the last query was refused (too long), shown in place of the count. */
  error = $state<string | null>(null);
  /** The hit the blueprint should show next; it clears this once shown. */
  request = $state.raw<FindRequest | null>(null);

  private readonly backend: Backend;
  private readonly session: Session;
  private readonly latest = new Latest();
  private journey: Id | null = null;
  /** The hit shown last, so typing on while the first hit stays the same card moves nothing. */
  private shown: FindHit | null = null;
  /** The move to the first hit waiting for the typing to pause. */
  private moveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(backend: Backend, session: Session) {
    this.backend = backend;
    this.session = session;
  }

  /** Shows the bar (or, when shown, gives its field the keyboard again). */
  show() {
    this.open = true;
    this.opened += 1;
  }

  /** Hides the bar and forgets the answer; an answer still on its way is dropped. */
  close() {
    this.latest.next();
    clearTimeout(this.moveTimer);
    this.open = false;
    this.found = null;
    this.current = -1;
    this.error = null;
    this.request = null;
    this.shown = null;
  }

  /** The current hit, if any. */
  get hit(): FindHit | null {
    return this.found?.hits[this.current] ?? null;
  }

  /** The cards of `journey` among the hits, for the blueprint to mark. */
  hitsIn(journey: Id): ReadonlySet<Id> {
    return cardsIn(this.found?.hits ?? [], journey);
  }

  /** Searches for the query as typed, and shows the first hit once the typing pauses. */
  search(): Promise<void> {
    return this.ask('settled');
  }

  /** Looks in the journey on screen only, or in every journey; searches again and shows the first hit. */
  setScope(scope: FindScope): Promise<void> {
    this.scope = scope;
    return this.ask('now');
  }

  /**
   * Asks again after edits, keeping the current hit when it still matches, and moving nothing on the
   * blueprint.
   */
  refresh(): Promise<void> {
    return this.ask('stay');
  }

  /**
   * Tells the finder which journey is on screen: when only that journey is searched, a switch to
   * another (from the sidebar) searches it instead.
   */
  journeyShown(journey: Id | null) {
    const before = this.journey;
    this.journey = journey;
    if (before !== null && journey !== before && this.scope === 'journey') void this.refresh();
  }

  /** Moves to the next (`by` 1) or previous (`by` -1) hit, wrapping, and shows it. */
  step(by: 1 | -1) {
    clearTimeout(this.moveTimer);
    this.current = stepHit(this.current, this.found?.hits.length ?? 0, by);
    this.showCurrent(true);
  }

  private async ask(move: Move) {
    const journey = this.session.shown;
    if (!this.open || journey === null) return;
    const ticket = this.latest.next();
    if (move !== 'stay') clearTimeout(this.moveTimer);
    const keep = this.hit?.step;
    const query = this.query;
    try {
      const found = await this.backend.findCards(query, journey, this.scope);
      if (!this.latest.isLatest(ticket)) return;
      this.answered = query;
      this.found = found;
      this.error = null;
      this.current =
        move === 'stay' ? found.hits.findIndex((h) => h.step === keep) : found.hits.length > 0 ? 0 : -1;
      if (move === 'now') this.showCurrent();
      else if (move === 'settled') this.moveTimer = setTimeout(() => this.showCurrent(), FIND_MOVE_SETTLE_MS);
    } catch (reason) {
      if (!this.latest.isLatest(ticket)) return;
      this.answered = query;
      this.found = null;
      this.current = -1;
      this.error = toApiError(reason).message;
    }
  }

  /**
   * Selects the current hit and brings it into view; as the query is typed (`always` false) nothing
   * moves while the first hit stays the card already shown, since each move repaints the blueprint.
   */
  private showCurrent(always = false) {
    const hit = this.hit;
    if (!hit) return;
    const same = this.shown?.step === hit.step && this.session.shown === hit.journey;
    if (same && !always) return;
    this.shown = hit;
    this.request = { journey: hit.journey, step: hit.step };
    if (this.session.shown !== hit.journey) void this.session.open(hit.journey);
  }
}
