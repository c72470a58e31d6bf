import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { fakeBackend, home, stepOf } from '../test/fakeBackend';
import { broadbandInstallation } from '../test/fixtures';
import { cardAt, laneId, middleOf, scene, stageId } from '../test/grid';
import type { Id } from '../lib/bindings/Id';
import type { Step } from '../lib/bindings/Step';

/** The app on the fake backend, once the first journey is drawn. */
async function openApp(backend = fakeBackend()) {
  render(App, { backend });
  await screen.findByText(cardAt(1, 0).lines[0].text);
  return { backend, svg: screen.getByRole('figure') };
}

/** A press and release at a scene point (scene and client coordinates are the same in tests). */
async function clickAt(svg: Element, point: { x: number; y: number }, extra: MouseEventInit = {}) {
  const at = { clientX: point.x, clientY: point.y, button: 0, ...extra };
  await fireEvent.pointerDown(svg, at);
  await fireEvent.pointerUp(svg, at);
  await fireEvent.click(svg, at);
}

/**
 * A card's text typed in its field and stored with Enter, with the store's answer held back until
 * `answer` is called: the field is settling meanwhile.
 */
async function storeTextAnsweredLater(text: string) {
  const backend = fakeBackend();
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  backend.applyEdit.mockImplementationOnce(async () => {
    await answered;
    return { journey: home.id, can_undo: true, can_redo: false, described: null };
  });
  const { svg } = await openApp(backend);
  const card = cardAt(3, 1);
  await fireEvent.dblClick(svg, { clientX: middleOf(card).x, clientY: middleOf(card).y });
  const field = await screen.findByRole('textbox', { name: 'Card text' });
  await fireEvent.input(field, { target: { value: text } });
  await fireEvent.keyDown(field, { key: 'Enter' });
  return { backend, card, field, answer };
}

/**
 * Has the fake store keep the details it is sent for card `id`, as the real one does; returns the card
 * as kept so far.
 */
function keepDetails(backend: ReturnType<typeof fakeBackend>, id: Id): () => Step {
  let kept = stepOf(id);
  backend.applyEdit.mockImplementation(async (edit) => {
    if (edit.type === 'set_step_details' && edit.step === id) {
      kept = { ...kept, ...edit.details, change: edit.details.change ?? undefined };
    }
    return { journey: home.id, can_undo: true, can_redo: false, described: null };
  });
  return () => kept;
}

/** The empty spot under the support lane's cards in a stage. */
function emptySpot(stage: number) {
  const band = scene.lanes[4].band;
  return { clientX: scene.stages[stage].x + 100, clientY: band.y + band.height - 8 };
}

describe('typing cards', () => {
  it('stores a typed card with Enter and opens the next one in the next stage', async () => {
    const { backend, svg } = await openApp();
    await fireEvent.dblClick(svg, emptySpot(0));
    const draft = screen.getByRole('textbox', { name: 'New card in Support processes · Discover damage' });
    await fireEvent.input(draft, { target: { value: 'Phone system routes the call' } });
    await fireEvent.keyDown(draft, { key: 'Enter' });
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'add_step',
      journey: home.id,
      step: expect.any(String),
      lane: laneId(4),
      stage: stageId(0),
      to: { slot: 'before', id: null },
      text: 'Phone system routes the call',
    });
    const next = await screen.findByRole('textbox', { name: 'New card in Support processes · Report claim' });
    expect((next as HTMLTextAreaElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(next));
  });

  it('keeps a line break typed with Shift+Enter and moves to the next lane with Tab', async () => {
    const { backend, svg } = await openApp();
    await fireEvent.dblClick(svg, { clientX: 300, clientY: 620 });
    const draft = screen.getByRole('textbox', { name: 'New card in Customer actions · Discover damage' });
    await fireEvent.keyDown(draft, { key: 'Enter', shiftKey: true });
    expect(backend.applyEdit).not.toHaveBeenCalled();
    await fireEvent.input(draft, { target: { value: 'Two\nlines' } });
    await fireEvent.keyDown(draft, { key: 'Tab' });
    expect(backend.applyEdit).toHaveBeenCalledWith(expect.objectContaining({ type: 'add_step', text: 'Two\nlines' }));
    expect(
      await screen.findByRole('textbox', { name: 'New card in Frontstage actions · Discover damage' }),
    ).toBeTruthy();
  });

  it('drops an empty draft on Ctrl+Z and undoes the card before it, saying what it undid', async () => {
    const { backend, svg } = await openApp();
    await fireEvent.dblClick(svg, emptySpot(0));
    const draft = screen.getByRole('textbox', { name: /New card/ });
    await fireEvent.keyDown(draft, { key: 'z', ctrlKey: true });
    expect(screen.queryByRole('textbox', { name: /New card/ })).toBeNull();
    expect(backend.applyEdit).not.toHaveBeenCalled();
    await waitFor(() => expect(backend.undo).toHaveBeenCalledTimes(1));
    const notice = screen.getByTestId('undo-notice');
    expect(notice.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(notice.textContent?.trim()).toBe("Undid: moved 'Calls claims line'"));
  });

  it('stores a typed draft on Ctrl+Z, then undoes it', async () => {
    const { backend, svg } = await openApp();
    const order: string[] = [];
    backend.applyEdit.mockImplementation(async () => {
      order.push('add');
      return { journey: home.id, can_undo: true, can_redo: false, described: null };
    });
    backend.undo.mockImplementation(async () => {
      order.push('undo');
      return { journey: home.id, can_undo: false, can_redo: true, described: "added 'Calls claims line'" };
    });
    await fireEvent.dblClick(svg, emptySpot(0));
    const draft = screen.getByRole('textbox', { name: /New card/ });
    await fireEvent.input(draft, { target: { value: 'Calls claims line' } });
    await fireEvent.keyDown(draft, { key: 'z', ctrlKey: true });
    expect(backend.applyEdit).toHaveBeenCalledWith(expect.objectContaining({ type: 'add_step', text: 'Calls claims line' }));
    await waitFor(() => expect(order).toEqual(['add', 'undo']));
    await waitFor(() =>
      expect(screen.getByTestId('undo-notice').textContent?.trim()).toBe("Undid: added 'Calls claims line'"),
    );
    expect(screen.queryByRole('textbox', { name: /New card/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('application')));
  });

  it('stores nothing when typing is cancelled with Escape', async () => {
    const { backend, svg } = await openApp();
    await fireEvent.dblClick(svg, emptySpot(0));
    const draft = screen.getByRole('textbox', { name: /New card/ });
    await fireEvent.input(draft, { target: { value: 'Never mind' } });
    await fireEvent.keyDown(draft, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: /New card/ })).toBeNull();
    expect(backend.applyEdit).not.toHaveBeenCalled();
  });

  it('stores a card being typed when another journey is opened, and stays there', async () => {
    const { backend, svg } = await openApp();
    await fireEvent.dblClick(svg, emptySpot(0));
    await fireEvent.input(screen.getByRole('textbox', { name: /New card/ }), { target: { value: 'Half a thought' } });
    const nav = screen.getByRole('navigation', { name: 'Journeys' });
    await fireEvent.click(within(nav).getByRole('button', { name: /^Broadband installation/ }));
    await screen.findByText(broadbandInstallation.cards[0].lines[0].text);
    await waitFor(() =>
      expect(backend.applyEdit).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'add_step', journey: home.id, text: 'Half a thought' }),
      ),
    );
    expect(screen.queryByText(cardAt(1, 0).lines[0].text)).toBeNull();
  });

  it("edits a card's text in place and stores it with Enter", async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(3, 1);
    await fireEvent.dblClick(svg, { clientX: middleOf(card).x, clientY: middleOf(card).y });
    const field = await screen.findByRole('textbox', { name: 'Card text' });
    expect((field as HTMLTextAreaElement).value).toBe(stepOf(card.id).text);
    await fireEvent.input(field, { target: { value: 'Claim logged by the triage desk' } });
    await fireEvent.keyDown(field, { key: 'Enter' });
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'set_step_text',
      step: card.id,
      text: 'Claim logged by the triage desk',
    });
  });

  it('keeps the stored text on screen, unchanged and refusing typing, until the answer, with the keyboard and its ring back on the blueprint', async () => {
    const { field, answer } = await storeTextAnsweredLater('Claim logged by the triage desk');
    expect(screen.getByRole('textbox', { name: 'Card text' })).toBe(field);
    // Nothing about the field changes at Enter, not even where the keyboard is; typing is refused.
    expect((field as HTMLTextAreaElement).readOnly).toBe(false);
    expect(document.activeElement).toBe(field);
    const typed = new InputEvent('beforeinput', { inputType: 'insertText', data: 'x', cancelable: true, bubbles: true });
    field.dispatchEvent(typed);
    expect(typed.defaultPrevented).toBe(true);
    expect((field as HTMLTextAreaElement).value).toBe('Claim logged by the triage desk');
    // The blueprint's keyboard ring stays on while the field settles, and the blueprint takes the
    // keyboard before the field goes, so the ring never goes off in between.
    const canvas = screen.getByRole('application');
    expect(canvas.classList.contains('typing')).toBe(true);
    let fieldWhenFocused: boolean | null = null;
    canvas.addEventListener('focus', () => (fieldWhenFocused = field.isConnected && canvas.classList.contains('typing')));
    answer();
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Card text' })).toBeNull());
    expect(document.activeElement).toBe(canvas);
    expect(fieldWhenFocused).toBe(true);
    expect(canvas.classList.contains('typing')).toBe(false);
  });

  it('gives a key pressed while the stored text settles to the blueprint, with the keyboard', async () => {
    const { backend, card, field, answer } = await storeTextAnsweredLater('Claim logged by the triage desk');
    await fireEvent.keyDown(field, { key: 'm' });
    expect(document.activeElement).toBe(screen.getByRole('application'));
    answer();
    await waitFor(() =>
      expect(backend.applyEdit).toHaveBeenCalledWith({
        type: 'set_step_details',
        step: card.id,
        details: expect.objectContaining({ moment_of_truth: !stepOf(card.id).moment_of_truth }),
      }),
    );
    expect(backend.applyEdit.mock.calls[0][0]).toEqual({
      type: 'set_step_text',
      step: card.id,
      text: 'Claim logged by the triage desk',
    });
  });
});

describe('selecting and deleting', () => {
  it('deletes every selected card with one delete_steps', async () => {
    const { backend, svg } = await openApp();
    const [a, b] = [cardAt(1, 0), cardAt(2, 3)];
    await clickAt(svg, middleOf(a));
    await clickAt(svg, middleOf(b), { shiftKey: true });
    await fireEvent.keyDown(window, { key: 'Delete' });
    expect(backend.applyEdit).toHaveBeenCalledWith({ type: 'delete_steps', steps: [a.id, b.id] });
  });

  it('moves the selection with the arrow keys and draws an arrow to the next card in the lane with A', async () => {
    const { backend, svg } = await openApp();
    await clickAt(svg, middleOf(cardAt(1, 0, 1)));
    await fireEvent.keyDown(window, { key: 'ArrowUp' });
    await fireEvent.keyDown(window, { key: 'a' });
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'add_link',
      link: { id: expect.any(String), kind: 'flow', from: cardAt(1, 0, 0).id, to: cardAt(1, 1, 0).id },
    });
  });

  it('moves dragged cards to the cell they are dropped on', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(3, 1);
    const from = middleOf(card);
    await fireEvent.pointerDown(svg, { clientX: from.x, clientY: from.y, button: 0 });
    await fireEvent.pointerMove(svg, { clientX: 300, clientY: 1250 });
    const ghost = screen.getByTestId('drag-ghost');
    expect(ghost.getAttribute('transform')).toBe(`translate(${300 - from.x} ${1250 - from.y})`);
    expect(ghost.textContent).toContain(card.lines[0].text);
    await fireEvent.pointerUp(svg, { clientX: 300, clientY: 1250 });
    expect(screen.queryByTestId('drag-ghost')).toBeNull();
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'move_steps',
      steps: [card.id],
      lane: laneId(4),
      stage: stageId(0),
      to: { slot: 'before', id: null },
    });
  });
});

describe('clipboard', () => {
  /** A clipboard event as WebKit sends it, over a clipboard held in `data`. */
  function clipboardEvent(type: string, data: Map<string, string>): Event {
    const event = new Event(type, { bubbles: true, cancelable: true });
    const clipboardData = {
      setData: (format: string, value: string) => data.set(format, value),
      getData: (format: string) => data.get(format) ?? '',
    };
    Object.defineProperty(event, 'clipboardData', { value: clipboardData });
    return event;
  }

  it('copies the selected cards and pastes them back whole while the clipboard holds their text', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(1, 0);
    await clickAt(svg, middleOf(card));
    await waitFor(() => expect(backend.copyCards).toHaveBeenCalledWith(home.id, [card.id]));
    const clip = await backend.copyCards.mock.results[0].value;
    const data = new Map<string, string>();
    const before = clipboardEvent('beforecopy', data);
    document.body.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(true);
    document.body.dispatchEvent(clipboardEvent('copy', data));
    expect(data.get('text/plain')).toBe(stepOf(card.id).text);
    expect(data.get('text/html')).toBe(clip.html);

    document.body.dispatchEvent(clipboardEvent('paste', data));
    await waitFor(() =>
      expect(backend.pasteCards).toHaveBeenCalledWith(home.id, card.lane, card.stage, { kind: 'rich', rich: clip.rich }),
    );
    // The pasted card is selected (its copy is made ahead), so the next paste goes into its cell.
    const [pasted] = (await backend.pasteCards.mock.results[0].value).steps;
    await waitFor(() => expect(backend.copyCards).toHaveBeenLastCalledWith(home.id, [pasted]));
    const into = scene.cards.find((c) => c.id === pasted)!;
    data.set('text/plain', 'Sticky one\nSticky two');
    document.body.dispatchEvent(clipboardEvent('paste', data));
    await waitFor(() =>
      expect(backend.pasteCards).toHaveBeenLastCalledWith(home.id, into.lane, into.stage, {
        kind: 'text',
        text: 'Sticky one\nSticky two',
      }),
    );
  });

  it('cuts as a copy and one delete_steps', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(2, 3);
    await clickAt(svg, middleOf(card));
    await waitFor(() => expect(backend.copyCards).toHaveBeenCalledWith(home.id, [card.id]));
    await backend.copyCards.mock.results[0].value;
    const data = new Map<string, string>();
    document.body.dispatchEvent(clipboardEvent('cut', data));
    expect(data.get('text/plain')).toBe(stepOf(card.id).text);
    await waitFor(() => expect(backend.applyEdit).toHaveBeenCalledWith({ type: 'delete_steps', steps: [card.id] }));
  });

  it('duplicates the selected cards with Ctrl+D', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(2, 3);
    await clickAt(svg, middleOf(card));
    await fireEvent.keyDown(window, { key: 'd', ctrlKey: true });
    await waitFor(() => expect(backend.duplicateCards).toHaveBeenCalledWith(home.id, [card.id]));
  });
});

describe('undo', () => {
  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z', async () => {
    const { backend } = await openApp();
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(backend.undo).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Redo' }).hasAttribute('disabled')).toBe(false));
    await fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(backend.redo).toHaveBeenCalledTimes(1);
  });

  it("leaves Ctrl+Z to the field of a stored card's text", async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(3, 1);
    await fireEvent.dblClick(svg, { clientX: middleOf(card).x, clientY: middleOf(card).y });
    const field = await screen.findByRole('textbox', { name: 'Card text' });
    await fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    expect(backend.undo).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Card text' })).toBe(field);
  });
});

describe('marker keys', () => {
  it('marks the selected card a moment of truth with M, as one set_step_details keeping its details', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(1, 0);
    await clickAt(svg, middleOf(card));
    await fireEvent.keyDown(screen.getByRole('application'), { key: 'm' });
    const stored = stepOf(card.id);
    await waitFor(() =>
      expect(backend.applyEdit).toHaveBeenCalledWith({
        type: 'set_step_details',
        step: card.id,
        details: expect.objectContaining({ moment_of_truth: !stored.moment_of_truth, notes: stored.notes }),
      }),
    );
  });

  it('scores emotion with a digit and offers the markers in the card menu', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(1, 0);
    await clickAt(svg, middleOf(card));
    await fireEvent.keyDown(screen.getByRole('application'), { key: '5' });
    await waitFor(() =>
      expect(backend.applyEdit).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'set_step_details', details: expect.objectContaining({ emotion: 2 }) }),
      ),
    );
    await fireEvent.contextMenu(svg, { clientX: middleOf(card).x, clientY: middleOf(card).y });
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: /moment of truth/ })).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: /pain point/ })).toBeTruthy();
    expect(within(menu).getByRole('menuitemradio', { name: /\+2 very positive/ })).toBeTruthy();
  });
});

describe('details panel', () => {
  it('stores a changed detail as one set_step_details with all the details', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(1, 0);
    await clickAt(svg, middleOf(card));
    const panel = screen.getByRole('complementary', { name: 'Details' });
    const moment = await within(panel).findByRole('checkbox', { name: /Moment of truth/ });
    await fireEvent.click(moment);
    const stored = stepOf(card.id);
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'set_step_details',
      step: card.id,
      details: {
        channel: stored.channel,
        moment_of_truth: !stored.moment_of_truth,
        emotion: stored.emotion,
        pain_point: stored.pain_point,
        pain_severity: stored.pain_severity,
        fail_point: stored.fail_point,
        wait_point: stored.wait_point,
        notes: stored.notes,
        metrics: [],
        scores: [],
        evidence: [],
        assumption: stored.assumption,
        change: null,
      },
    });
  });

  it('keeps the choices sent while the card was being fetched again', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(1, 0);
    await clickAt(svg, middleOf(card));
    const panel = screen.getByRole('complementary', { name: 'Details' });
    const moment = await within(panel).findByRole('checkbox', { name: /Moment of truth/ });
    // The store keeps what it is sent; the fetch after the first choice answers late, with the card
    // as it was before any choice.
    const before = stepOf(card.id);
    const kept = keepDetails(backend, card.id);
    backend.stepDetails.mockImplementation(async () => kept());
    let answerLate = () => {};
    backend.stepDetails.mockImplementationOnce(() => new Promise((resolve) => (answerLate = () => resolve(before))));
    await fireEvent.click(moment);
    await waitFor(() => expect(backend.stepDetails).toHaveBeenCalledTimes(2));
    await fireEvent.click(within(panel).getByRole('checkbox', { name: /Fail point/ }));
    answerLate();
    await tick();
    await fireEvent.click(within(panel).getByRole('checkbox', { name: /Wait point/ }));
    expect(backend.applyEdit).toHaveBeenLastCalledWith(
      expect.objectContaining({
        details: expect.objectContaining({ moment_of_truth: true, fail_point: true, wait_point: true }),
      }),
    );
  });

  it('keeps a date being typed when the card is fetched again meanwhile', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(1, 0);
    await clickAt(svg, middleOf(card));
    const panel = screen.getByRole('complementary', { name: 'Details' });
    await within(panel).findByRole('checkbox', { name: /Moment of truth/ });
    const kept = keepDetails(backend, card.id);
    let answerLate = () => {};
    backend.stepDetails.mockImplementationOnce((step) => {
      const asStored = kept();
      expect(step).toBe(card.id);
      return new Promise((resolve) => (answerLate = () => resolve(asStored)));
    });
    await fireEvent.click(within(panel).getByRole('button', { name: '+ Add insight' }));
    const finding = await within(panel).findByRole('textbox', { name: 'Insight 1' });
    await fireEvent.input(finding, { target: { value: 'Half wait over 40 minutes' } });
    await fireEvent.change(finding);
    await waitFor(() => expect(backend.stepDetails).toHaveBeenCalledTimes(2));
    const date = within(panel).getByRole('textbox', { name: 'Insight 1 date' }) as HTMLInputElement;
    await fireEvent.input(date, { target: { value: '2026-0' } });
    answerLate();
    await tick();
    expect(date.value).toBe('2026-0');
    expect(within(panel).getByRole('textbox', { name: 'Insight 1 date' })).toBe(date);
  });

  it('marks a card as an assumption, and attaches an insight once it says something', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(1, 0);
    await clickAt(svg, middleOf(card));
    const panel = screen.getByRole('complementary', { name: 'Details' });
    await fireEvent.click(await within(panel).findByRole('checkbox', { name: /Assumption/ }));
    expect(backend.applyEdit).toHaveBeenLastCalledWith(
      expect.objectContaining({ step: card.id, details: expect.objectContaining({ assumption: true, evidence: [] }) }),
    );
    const calls = backend.applyEdit.mock.calls.length;
    await fireEvent.click(within(panel).getByRole('button', { name: '+ Add insight' }));
    // A blank insight is not sent: nothing backs the card yet.
    expect(backend.applyEdit.mock.calls.length).toBe(calls);
    const finding = await within(panel).findByRole('textbox', { name: 'Insight 1' });
    await fireEvent.input(finding, { target: { value: '"I had to call twice"' } });
    await fireEvent.change(within(panel).getByRole('combobox', { name: 'Insight 1 source' }), {
      target: { value: 'support_tickets' },
    });
    expect(backend.applyEdit).toHaveBeenLastCalledWith(
      expect.objectContaining({
        details: expect.objectContaining({
          evidence: [{ text: '"I had to call twice"', source: 'support_tickets', date: null, reference: '' }],
        }),
      }),
    );
  });
});

describe('a refused edit', () => {
  it('shows the reason and draws the journey again from the store', async () => {
    const message = 'card text is 5200 characters long; the limit is 5000';
    const { backend, svg } = await openApp(
      fakeBackend({ applyEdit: vi.fn().mockRejectedValue({ code: 'invalid', message }) }),
    );
    const scenesBefore = backend.journeyScene.mock.calls.length;
    await fireEvent.dblClick(svg, emptySpot(0));
    const draft = screen.getByRole('textbox', { name: /New card/ });
    await fireEvent.input(draft, { target: { value: 'x'.repeat(5200) } });
    await fireEvent.keyDown(draft, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain(message);
    expect(backend.journeyScene.mock.calls.length).toBe(scenesBefore + 1);
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Save status' }).textContent).toContain(`Not saved — ${message}`),
    );
    const restored = await screen.findByRole('textbox', { name: 'New card in Support processes · Discover damage' });
    expect((restored as HTMLTextAreaElement).value).toHaveLength(5200);
  });

  it("opens a card's field again with the refused text, and the keyboard in it", async () => {
    const message = 'card text is 5200 characters long; the limit is 5000';
    const backend = fakeBackend();
    const { svg } = await openApp(backend);
    const card = cardAt(3, 1);
    await fireEvent.dblClick(svg, { clientX: middleOf(card).x, clientY: middleOf(card).y });
    const field = await screen.findByRole('textbox', { name: 'Card text' });
    backend.applyEdit.mockRejectedValueOnce({ code: 'invalid', message });
    await fireEvent.input(field, { target: { value: 'y'.repeat(5200) } });
    await fireEvent.keyDown(field, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain(message);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Card text' })).not.toBe(field));
    const reopened = screen.getByRole('textbox', { name: 'Card text' }) as HTMLTextAreaElement;
    expect(reopened.value).toBe('y'.repeat(5200));
    expect(reopened.readOnly).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(reopened));
  });
});

describe('the Edit menu', () => {
  /** The Edit items the menu bar was last told can be chosen. */
  const offered = (backend: ReturnType<typeof fakeBackend>) =>
    vi
      .mocked(backend.setMenuEnabled)
      .mock.lastCall?.[0].filter((item) => item.enabled)
      .map((item) => item.id);

  it('greys out what has nothing to act on and offers it back with a selection or a text field', async () => {
    const { backend, svg } = await openApp();
    await waitFor(() => expect(offered(backend)).toEqual([]));
    await clickAt(svg, middleOf(cardAt(1, 0)));
    await waitFor(() => expect(offered(backend)).toEqual(['cut', 'copy', 'duplicate', 'delete']));
    await fireEvent.dblClick(svg, emptySpot(0));
    const draft = screen.getByRole('textbox', { name: 'New card in Support processes · Discover damage' });
    await fireEvent.focusIn(draft);
    await waitFor(() => expect(offered(backend)).toEqual(['undo', 'redo', 'cut', 'copy', 'delete']));
  });
});

describe('comments panel', () => {
  it('posts a comment on the selected card, signed with the name the system gives', async () => {
    const { backend, svg } = await openApp();
    const card = cardAt(1, 0);
    await clickAt(svg, middleOf(card));
    await fireEvent.click(screen.getByTestId('toggle-comments'));
    const panel = await screen.findByRole('complementary', { name: 'Comments' });
    const name = within(panel).getByRole('textbox', { name: 'Your name' }) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Ana'));
    const post = within(panel).getByRole('button', { name: 'Comment' }) as HTMLButtonElement;
    expect(post.disabled).toBe(true);
    await fireEvent.input(within(panel).getByRole('textbox', { name: 'New comment' }), {
      target: { value: 'Why does the guest call twice?' },
    });
    await fireEvent.click(post);
    expect(backend.applyEdit).toHaveBeenLastCalledWith({
      type: 'put_comment',
      journey: expect.any(String),
      comment: expect.objectContaining({
        target: card.id,
        author: 'Ana',
        text: 'Why does the guest call twice?',
        resolved: false,
      }),
    });
  });
});
