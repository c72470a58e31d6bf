// The editor's view state — what is selected and what is being typed — and every editing action the
// keyboard, the pointer, menus and panels share. Actions turn into edits sent through the Session; the
// state names records by id only, so what is drawn always comes from the store.
import type { Clip } from '../bindings/Clip';
import type { EditResult } from '../bindings/EditResult';
import type { Id } from '../bindings/Id';
import type { LaneKind } from '../bindings/LaneKind';
import { after, before, deleteSelection, dropSlot, flowLink, newId, shiftSlot } from '../edits';
import { dropChangesNothing, type DropTarget, type Hit } from '../scene/hit';
import { cellCards, laneAt, stageAt, type Cell, type SceneIndex } from '../scene/sceneIndex';
import type { Session } from '../session.svelte';
import { copyKey, pasteTarget, pastingFor, writeClip } from './clipboard';
import { markerEdit, type MarkerChange } from './markers';
import { navigate, nextCardInLane, type Direction, type Spot } from './navigation';
import { liveSelection, NOTHING, selectCards, toggleCard, type Selection } from './selection';

/** What is being typed in place. */
export type Editing =
  /** A new card going before `before` (null: at the end of the cell), not stored until committed. */
  | ({ kind: 'draft'; before: Id | null } & Cell)
  /** A card's text; `stored` is its text as stored, null while it is fetched. */
  | { kind: 'card'; id: Id; stored: string | null }
  | { kind: 'stage'; id: Id }
  | { kind: 'lane'; id: Id };

/**
 * How typing a card ends: where the next new card is typed, if anywhere; `blur` when the field lost
 * the focus to something else, which keeps whatever the user selected by that.
 */
export type Then = 'next-stage' | 'next-lane' | 'previous-lane' | 'stay' | 'blur';

/** A question the user must answer before a destructive edit. */
export interface Confirmation {
  title: string;
  message: string;
  confirm: string;
  run: () => void;
}

export class Editor {
  selection = $state.raw<Selection>(NOTHING);
  editing = $state.raw<Editing | null>(null);
  /**
   * A card whose typed text was stored with Enter and is waiting for the answer: its field stays on
   * screen as it was, refusing typing, and goes in the frame that draws the stored text, so the window
   * does not first draw a frame that only changes or removes the field.
   */
  settling = $state.raw<Editing | null>(null);
  /** The text in the in-place editor, as typed so far. */
  text = $state('');
  /** The delete waiting for the user to confirm it. */
  confirmation = $state.raw<Confirmation | null>(null);

  /**
   * The copy of the selected cards, made ahead: a copy or cut event must fill the clipboard before it
   * returns, sooner than any answer from the backend. Keyed by `copyKey`.
   */
  private prepared: { key: string; clip: Clip } | null = null;
  /** The key of the copy being made ahead, so an older answer does not replace a newer one. */
  private preparing = '';
  /** The marker edits asked for so far, one after another so each reads what the last stored. */
  private marking: Promise<void> = Promise.resolve();
  private readonly session: Session;
  /** The journey edited: fixed, so a card typed as the window moves to another journey still lands here. */
  private readonly journey: Id;
  private readonly index: () => SceneIndex;

  constructor(session: Session, journey: Id, index: () => SceneIndex) {
    this.session = session;
    this.journey = journey;
    this.index = index;
  }

  /** The selection, narrowed to what the current scene still has. */
  get live(): Selection {
    return liveSelection(this.selection, this.index());
  }

  select(selection: Selection) {
    this.selection = selection;
  }

  clear() {
    this.selection = NOTHING;
  }

  /**
   * A press on a card: selects it (or, with Shift/Ctrl, adds or removes it) and returns the cards a
   * drag from here moves — the pressed one first, then the rest of the selection.
   */
  pressCard(id: Id, additive: boolean): Id[] {
    const live = this.live;
    const selected = live.kind === 'cards' ? live.ids : [];
    if (additive) {
      this.selection = toggleCard(live, id);
      return selected.includes(id) ? [] : [id, ...selected];
    }
    if (selected.includes(id)) return [id, ...selected.filter((s) => s !== id)];
    this.selection = selectCards([id]);
    return [id];
  }

  /** Double-click: type in a cell, edit a card, rename a heading. */
  openAt(hit: Hit) {
    if (hit.kind === 'card') void this.editCard(hit.id);
    else if (hit.kind === 'cell') this.startDraft(hit, null);
    else if (hit.kind === 'stage' || hit.kind === 'lane') this.renameHeading(hit.kind, hit.id);
  }

  /** Moves the selection by keyboard: across the grid, or from a heading to the next. */
  navigate(direction: Direction) {
    const index = this.index();
    const live = this.live;
    if (live.kind === 'stage' || live.kind === 'lane') {
      this.selection = headingNeighbour(index, live, direction);
      return;
    }
    const spot: Spot | null =
      live.kind === 'cards' ? { kind: 'card', id: live.ids.at(-1) as Id } : live.kind === 'cell' ? live : null;
    if (!spot) return;
    const next = navigate(index, spot, direction);
    this.selection = next.kind === 'card' ? selectCards([next.id]) : next;
  }

  /**
   * Enter: type a new card in the selected cell — with nothing selected, in the first stage of the
   * customer lane (or the first lane) — edit the selected card, or rename the heading.
   */
  open() {
    const live = this.live;
    const { lanes, stages } = this.index().scene;
    if (live.kind === 'cell') this.startDraft(live, null);
    else if (live.kind === 'none') {
      const lane = lanes.find((l) => l.kind === 'customer') ?? lanes[0];
      if (lane && stages[0]) this.startDraft({ lane: lane.id, stage: stages[0].id }, null);
    } else this.rename();
  }

  /** F2: edit the selected card's text or rename the selected stage or lane. */
  rename() {
    const live = this.live;
    if (live.kind === 'cards') void this.editCard(live.ids[0]);
    else if (live.kind === 'stage' || live.kind === 'lane') this.renameHeading(live.kind, live.id);
  }

  /** Opens an in-place field; a field still settling gives way to it (only one is on screen). */
  private openField(editing: Editing) {
    this.settling = null;
    this.editing = editing;
  }

  /** Starts renaming a stage or lane in place. */
  renameHeading(kind: 'stage' | 'lane', id: Id) {
    const index = this.index();
    const heading = kind === 'stage' ? index.stages.get(id) : index.lanes.get(id);
    if (!heading) return;
    this.selection = { kind, id };
    this.openField({ kind, id });
    this.text = heading.name;
  }

  /** Shift+Enter: type a new card just under the selected card, or at the end of the selected cell. */
  newCardBelow() {
    const live = this.live;
    const index = this.index();
    if (live.kind === 'cell') {
      this.startDraft(live, null);
    } else if (live.kind === 'cards') {
      const card = index.cards.get(live.ids.at(-1) as Id);
      if (!card) return;
      const cards = cellCards(index, card);
      this.startDraft(card, cards[cards.indexOf(card) + 1]?.id ?? null);
    }
  }

  startDraft(cell: Cell, beforeCard: Id | null, text = '') {
    this.selection = { kind: 'cell', lane: cell.lane, stage: cell.stage };
    this.openField({ kind: 'draft', lane: cell.lane, stage: cell.stage, before: beforeCard });
    this.text = text;
  }

  /** Starts editing a card's text; its full text is fetched (the scene only has it wrapped and cut). */
  async editCard(id: Id) {
    this.selection = selectCards([id]);
    this.openField({ kind: 'card', id, stored: null });
    try {
      const step = await this.session.stepDetails(id);
      if (this.editing?.kind !== 'card' || this.editing.id !== id) return;
      this.editing = { kind: 'card', id, stored: step.text };
      this.text = step.text;
    } catch (reason) {
      this.editing = null;
      this.session.report(reason);
    }
  }

  /** Stops typing without storing anything; the selection stays where the typing was. */
  cancelEditing() {
    this.editing = null;
  }

  /** The cell the next draft goes to after typing in `cell`, or null when there is none. */
  private nextCell(cell: Cell, then: Then): Cell | null {
    const index = this.index();
    switch (then) {
      case 'next-stage': {
        const stage = stageAt(index, cell.stage, 1);
        return stage ? { lane: cell.lane, stage } : null;
      }
      case 'next-lane':
      case 'previous-lane': {
        const lane = laneAt(index, cell.lane, then === 'next-lane' ? 1 : -1);
        return lane ? { lane, stage: cell.stage } : null;
      }
      case 'stay':
      case 'blur':
        return null;
    }
  }

  /**
   * Stores the card being typed (an empty one is dropped) and at once opens the next one where `then`
   * says, so typing can go on while the edit is stored. If the store refuses the card, its text comes
   * back in a draft where it was typed, unless typing has moved on to words of its own. `draft` is the
   * draft the field was opened for; nothing happens if another has taken its place.
   */
  async commitDraft(draft: Editing, then: Then, keydownAt?: number) {
    if (draft.kind !== 'draft' || draft !== this.editing) return;
    const text = this.text;
    const next = this.nextCell(draft, then);
    const empty = text.trim() === '';
    const id = newId();
    if (next) this.startDraft(next, null);
    else {
      this.editing = null;
      if (then !== 'blur') this.selection = empty ? { kind: 'cell', ...cellOf(draft) } : selectCards([id]);
    }
    if (empty) return;
    const result = await this.session.apply(
      {
        type: 'add_step',
        journey: this.journey,
        step: id,
        lane: draft.lane,
        stage: draft.stage,
        to: before(draft.before),
        text,
      },
      keydownAt,
    );
    const current = this.editing;
    if (!result && (current === null || (current.kind === 'draft' && this.text.trim() === ''))) {
      this.startDraft(draft, draft.before, text);
    }
  }

  /**
   * Ctrl+Z while a new card is typed: the card is stored (an empty one dropped) and the newest edit
   * undone — so with nothing typed, the card typed before goes, and a typed one can come back with
   * redo. `draft` is the draft the field was opened for; nothing happens if another took its place.
   */
  undoWhileTyping(draft: Editing, keydownAt?: number): Promise<unknown> {
    if (draft.kind !== 'draft' || draft !== this.editing) return Promise.resolve();
    const stored = this.commitDraft(draft, 'stay', keydownAt);
    return Promise.all([stored, this.session.undo(keydownAt)]);
  }

  /**
   * Stores a card's edited text, if it changed, and goes on as `then` says. Stored with Enter, the
   * card's field settles (see `settling`) until the answer; `answered` runs as the answer arrives,
   * before the scene or the field changes (the window gives the keyboard back to the blueprint while the
   * field still holds its ring, and the focus change is laid out with the new text, once). If the
   * store refuses the text, the field opens again with it, unless typing has moved on to another field.
   */
  async commitCardText(editing: Editing, then: Then, keydownAt?: number, answered?: () => void) {
    if (editing.kind !== 'card' || editing !== this.editing || editing.stored === null) return;
    const text = this.text;
    this.editing = null;
    if (then === 'next-lane' || then === 'previous-lane') this.navigate(then);
    if (text === editing.stored) return;
    if (then === 'stay') this.settling = editing;
    let stored: EditResult | null = null;
    try {
      stored = await this.session.apply({ type: 'set_step_text', step: editing.id, text }, keydownAt, () => {
        if (this.settling === editing) answered?.();
      });
    } finally {
      if (this.settling === editing) this.settling = null;
    }
    if (!stored && this.editing === null) {
      this.selection = selectCards([editing.id]);
      this.openField({ ...editing });
      this.text = text;
    }
  }

  /** Renames the stage or lane being renamed (a lane keeps its kind). */
  async commitHeading(editing: Editing, keydownAt?: number) {
    if (editing !== this.editing) return;
    const name = this.text;
    const index = this.index();
    if (editing.kind === 'stage') {
      this.editing = null;
      if (name === index.stages.get(editing.id)?.name) return;
      await this.session.apply({ type: 'rename_stage', stage: editing.id, name }, keydownAt);
    } else if (editing.kind === 'lane') {
      this.editing = null;
      const lane = index.lanes.get(editing.id);
      if (!lane || name === lane.name) return;
      await this.session.apply({ type: 'update_lane', lane: lane.id, name, kind: lane.kind }, keydownAt);
    }
  }

  /** Delete: the selected cards or arrow at once; a stage or lane after confirming if it has cards. */
  async deleteSelected(keydownAt?: number) {
    const live = this.live;
    const index = this.index();
    if (live.kind === 'stage' || live.kind === 'lane') {
      this.deleteHeading(live.kind, live.id, keydownAt);
      return;
    }
    const edit = deleteSelection(live);
    if (!edit) return;
    if (live.kind === 'cards') this.selection = spotAfterDeleting(index, live.ids);
    else this.selection = NOTHING;
    await this.session.apply(edit, keydownAt);
  }

  /** Deletes a stage or lane, asking first when cards would go with it. */
  deleteHeading(kind: 'stage' | 'lane', id: Id, keydownAt?: number) {
    const index = this.index();
    const heading = kind === 'stage' ? index.stages.get(id) : index.lanes.get(id);
    if (!heading) return;
    const cards = (kind === 'stage' ? index.cardsPerStage : index.cardsPerLane).get(id) ?? 0;
    const run = () => {
      if (this.selection.kind === kind && this.selection.id === id) this.selection = NOTHING;
      const edit =
        kind === 'stage' ? { type: 'delete_stage' as const, stage: id } : { type: 'delete_lane' as const, lane: id };
      void this.session.apply(edit, keydownAt);
    };
    if (cards === 0) {
      run();
      return;
    }
    this.confirmation = {
      title: `Delete the ${kind} “${heading.name}”?`,
      message: `Its ${cards === 1 ? 'card' : `${cards} cards`} will be deleted with it. You can undo this.`,
      confirm: `Delete ${kind} and ${cards === 1 ? 'card' : `${cards} cards`}`,
      run,
    };
  }

  /**
   * M, P, digits…: changes a marker of the selected cards as one undoable edit, built from the cards
   * as stored (fetched first, so their other details stay) after the previous marker edit is stored.
   */
  mark(change: MarkerChange, keydownAt?: number): Promise<void> {
    const live = this.live;
    if (live.kind !== 'cards') return this.marking;
    const ids = live.ids;
    this.marking = this.marking.then(async () => {
      try {
        const steps = await Promise.all(ids.map((id) => this.session.stepDetails(id)));
        const edit = markerEdit(steps, change);
        if (edit) await this.session.apply(edit, keydownAt);
      } catch (reason) {
        this.session.report(reason);
      }
    });
    return this.marking;
  }

  /** A: an arrow from the first selected card to the second, or to the next card in its lane. */
  async link(keydownAt?: number) {
    const live = this.live;
    if (live.kind !== 'cards') return;
    const [from, second] = live.ids;
    const to = second ?? nextCardInLane(this.index(), from);
    if (!to) return;
    await this.session.apply(flowLink(from, to), keydownAt);
  }

  /** Draws an arrow dragged from one card's handle to another card. */
  async linkCards(from: Id, to: Id) {
    if (from !== to) await this.session.apply(flowLink(from, to));
  }

  /** Moves the dragged cards (the first is the one under the pointer) to a drop target. */
  async moveCards(ids: Id[], target: DropTarget) {
    if (ids.length === 0 || dropChangesNothing(this.index(), ids, target)) return;
    await this.session.apply({
      type: 'move_steps',
      steps: ids,
      lane: target.lane,
      stage: target.stage,
      to: before(target.before),
    });
  }

  /** Alt+arrows: moves the selected stage or lane one place. */
  async moveHeading(offset: -1 | 1, keydownAt?: number) {
    const live = this.live;
    const scene = this.index().scene;
    if (live.kind === 'stage') {
      const to = shiftSlot(
        scene.stages.map((s) => s.id),
        live.id,
        offset,
      );
      if (to) await this.session.apply({ type: 'move_stage', stage: live.id, to }, keydownAt);
    } else if (live.kind === 'lane') {
      const to = shiftSlot(
        scene.lanes.map((l) => l.id),
        live.id,
        offset,
      );
      if (to) await this.session.apply({ type: 'move_lane', lane: live.id, to }, keydownAt);
    }
  }

  /** Moves a stage or lane dragged by its heading to before `target` (null: the end). */
  async dropHeading(kind: 'stage' | 'lane', id: Id, target: Id | null) {
    const scene = this.index().scene;
    const order = (kind === 'stage' ? scene.stages : scene.lanes).map((h) => h.id);
    const to = dropSlot(order, id, target);
    if (!to) return;
    await this.session.apply(
      kind === 'stage' ? { type: 'move_stage', stage: id, to } : { type: 'move_lane', lane: id, to },
    );
  }

  /** Adds a stage next to `stage` (or at the end) and starts naming it. */
  async addStage(stage: Id | null, placeAfter: boolean, keydownAt?: number) {
    const order = this.index().scene.stages.map((s) => s.id);
    const id = newId();
    const to = stage === null ? before(null) : placeAfter ? after(order, stage) : before(stage);
    const result = await this.session.apply(
      { type: 'add_stage', journey: this.journey, stage: id, name: 'New stage', to },
      keydownAt,
    );
    if (result) this.renameHeading('stage', id);
  }

  /** Adds a lane of `kind` next to `lane` (or at the end) and starts naming it. */
  async addLane(lane: Id | null, placeAfter: boolean, kind: LaneKind, keydownAt?: number) {
    const order = this.index().scene.lanes.map((l) => l.id);
    const id = newId();
    const to = lane === null ? before(null) : placeAfter ? after(order, lane) : before(lane);
    const result = await this.session.apply(
      { type: 'add_lane', journey: this.journey, lane: id, name: 'New lane', kind, to },
      keydownAt,
    );
    if (result) this.renameHeading('lane', id);
  }

  /** N / Shift+N on a selected heading: a new stage after/before it, or a lane below/above it. */
  async addNextToHeading(placeAfter: boolean, keydownAt?: number) {
    const live = this.live;
    if (live.kind === 'stage') await this.addStage(live.id, placeAfter, keydownAt);
    if (live.kind === 'lane') {
      const kind = this.index().lanes.get(live.id)?.kind ?? 'customer';
      await this.addLane(live.id, placeAfter, kind, keydownAt);
    }
  }

  async setLaneKind(lane: Id, kind: LaneKind) {
    const band = this.index().lanes.get(lane);
    if (band && band.kind !== kind) await this.session.apply({ type: 'update_lane', lane, name: band.name, kind });
  }

  /** Makes the copy of the selected cards ahead, for the scene numbered `version`. */
  async prepareCopy(version: number) {
    const live = this.live;
    if (live.kind !== 'cards') return;
    const key = copyKey(this.journey, live.ids, version);
    if (this.prepared?.key === key || this.preparing === key) return;
    this.preparing = key;
    try {
      const clip = await this.session.copyCards(this.journey, live.ids);
      if (this.preparing === key) this.prepared = { key, clip };
    } catch {
      // Cards deleted meanwhile: the next selection prepares again, and a copy asked for now is made
      // late and reports its own failure.
      if (this.preparing === key) this.prepared = null;
    }
  }

  /**
   * Ctrl+C, Ctrl+X: fills the clipboard of a copy or cut event with the selected cards, if their copy
   * for the scene numbered `version` is ready; false when it is not (or no card is selected).
   */
  copyTo(data: Pick<DataTransfer, 'setData'>, version: number): boolean {
    const live = this.live;
    if (live.kind !== 'cards' || this.prepared?.key !== copyKey(this.journey, live.ids, version)) return false;
    this.session.copied = writeClip(data, this.prepared.clip);
    return true;
  }

  /**
   * A copy asked for before it was made ahead, or from the menu: made now and written as plain text
   * with the asynchronous clipboard; a cut then deletes the cards.
   */
  async copyLate(cut: boolean, keydownAt?: number) {
    const live = this.live;
    if (live.kind !== 'cards') return;
    try {
      const clip = await this.session.copyCards(this.journey, live.ids);
      await navigator.clipboard.writeText(clip.text);
      this.session.copied = { text: clip.text, rich: clip.rich };
    } catch (reason) {
      this.session.report(reason);
      return;
    }
    if (cut) await this.deleteSelected(keydownAt);
  }

  /**
   * Ctrl+V: pastes the clipboard's `text` — or the cards last copied in this window, while the
   * clipboard still holds the text that copy wrote — into the selected cell or the first selected
   * card's cell as one edit, then selects the new cards.
   */
  async paste(text: string, keydownAt?: number) {
    const cell = pasteTarget(this.live, this.index());
    const pasting = pastingFor(text, this.session.copied);
    if (!cell || !pasting) return;
    const steps = await this.session.paste(this.journey, cell, pasting, keydownAt);
    if (steps) this.selection = selectCards(steps);
  }

  /** Paste from the menu: reads the clipboard with the asynchronous clipboard API. */
  async pasteFromMenu() {
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      const message = 'the clipboard cannot be read from the menu here; press Ctrl+V';
      this.session.report({ code: 'invalid', message });
      return;
    }
    await this.paste(text);
  }

  /** Ctrl+D: duplicates the selected cards right after themselves as one edit and selects the copies. */
  async duplicate(keydownAt?: number) {
    const live = this.live;
    if (live.kind !== 'cards') return;
    const steps = await this.session.duplicate(this.journey, live.ids, keydownAt);
    if (steps) this.selection = selectCards(steps);
  }

  selectAll() {
    this.selection = selectCards(this.index().scene.cards.map((c) => c.id));
  }
}

function cellOf(cell: Cell): Cell {
  return { lane: cell.lane, stage: cell.stage };
}

/** Where the selection goes when `deleted` cards go: the next card left in the first one's cell, the
 * one before it, or the cell. */
function spotAfterDeleting(index: SceneIndex, deleted: Id[]): Selection {
  const first = index.cards.get(deleted[0]);
  if (!first) return NOTHING;
  const gone = new Set(deleted);
  const cards = cellCards(index, first);
  const at = cards.indexOf(first);
  const remaining = [...cards.slice(at + 1), ...cards.slice(0, at).reverse()].find((c) => !gone.has(c.id));
  return remaining ? selectCards([remaining.id]) : { kind: 'cell', lane: first.lane, stage: first.stage };
}

/** Arrow keys on a selected heading: the neighbouring heading, or into the grid. */
function headingNeighbour(
  index: SceneIndex,
  heading: { kind: 'stage' | 'lane'; id: Id },
  direction: Direction,
): Selection {
  const firstLane = index.scene.lanes[0]?.id;
  const firstStage = index.scene.stages[0]?.id;
  if (heading.kind === 'stage') {
    if (direction === 'left' || direction === 'right') {
      const id = stageAt(index, heading.id, direction === 'left' ? -1 : 1);
      return id ? { kind: 'stage', id } : heading;
    }
    if (direction === 'down' && firstLane) {
      const cards = cellCards(index, { lane: firstLane, stage: heading.id });
      return cards[0] ? selectCards([cards[0].id]) : { kind: 'cell', lane: firstLane, stage: heading.id };
    }
    return heading;
  }
  if (direction === 'up' || direction === 'down') {
    const id = laneAt(index, heading.id, direction === 'up' ? -1 : 1);
    return id ? { kind: 'lane', id } : heading;
  }
  if (direction === 'right' && firstStage) {
    const cards = cellCards(index, { lane: heading.id, stage: firstStage });
    return cards[0] ? selectCards([cards[0].id]) : { kind: 'cell', lane: heading.id, stage: firstStage };
  }
  return heading;
}
