import { describe, expect, it, vi } from 'vitest';
import { broadband, fakeBackend, home, startOf } from '../test/fakeBackend';
import { cardAt } from '../test/grid';
import { afterNextFrame } from './frames';
import { SAVING_SHOWN_AFTER_MS, Session, undoMessage } from './session.svelte';
import type { FrameTimes } from './timing';

/** Resolves once the frame after the latest round of edits is drawn: the chrome then shows that round. */
function chromeShown(): Promise<void> {
  return new Promise((resolve) => afterNextFrame(resolve));
}

async function started(backend = fakeBackend()) {
  const session = new Session(backend);
  await session.start();
  return { session, backend };
}

describe('Session', () => {
  it('opens the first journey and reads whether undo is possible', async () => {
    const fake = fakeBackend();
    fake.windowStart.mockImplementation(() =>
      startOf(fake, { status: { journey: null, can_undo: true, can_redo: false, described: null } }),
    );
    const { session, backend } = await started(fake);
    expect(session.scene?.journey).toBe(home.id);
    expect(session.canUndo).toBe(true);
    expect(backend.windowStart).toHaveBeenCalledTimes(1);
    expect(backend.journeyScene).toHaveBeenCalledTimes(1);
  });

  it('shows the scene after an edit, and fetches only what its answer says changed', async () => {
    const { session, backend } = await started();
    const [version, entities, links, details] = [
      session.sceneVersion,
      session.entitiesVersion,
      session.linksVersion,
      session.detailsVersion,
    ];
    const result = { journey: home.id, can_undo: true, can_redo: false, described: null };
    backend.applyEdit.mockResolvedValueOnce({
      ...result,
      changed: { journeys: false, entities: false, details: ['s'], links: false, personas: false, comments: false, opportunities: false },
    });
    await session.apply({ type: 'set_step_text', step: 's', text: 'new' });
    expect(backend.journeyScene).toHaveBeenCalledTimes(2);
    expect(backend.listJourneys).toHaveBeenCalledTimes(1);
    expect(session.sceneVersion).toBe(version + 1);
    // The undo button, the save status and the panels that fetch more than the scene follow a frame
    // after the blueprint; a quick save never says "Saving…".
    expect(session.detailsVersion).toBe(details);
    expect(session.save).toEqual({ kind: 'idle' });
    expect(session.canUndo).toBe(false);
    await chromeShown();
    expect([session.entitiesVersion, session.linksVersion]).toEqual([entities, links]);
    expect(session.detailsVersion).toBe(details + 1);
    expect(session.detailsChanged).toEqual(new Set(['s']));
    expect(session.save).toEqual({ kind: 'saved' });
    expect(session.canUndo).toBe(true);

    backend.applyEdit.mockResolvedValueOnce({
      ...result,
      changed: { journeys: true, entities: true, details: [], links: true, personas: true, comments: true, opportunities: true },
    });
    await session.apply({ type: 'delete_steps', steps: ['s'] });
    await chromeShown();
    expect(backend.listJourneys).toHaveBeenCalledTimes(2);
    expect([session.entitiesVersion, session.linksVersion]).toEqual([entities + 1, links + 1]);
    expect(session.detailsVersion).toBe(details + 1);

    // A persona created or put on a journey has the persona list fetched again, and no details.
    backend.applyEdit.mockResolvedValueOnce({
      ...result,
      changed: { journeys: false, entities: false, details: [], links: false, personas: true, comments: true, opportunities: true },
    });
    await session.apply({ type: 'set_journey_personas', journey: home.id, personas: [] });
    await chromeShown();
    expect([session.entitiesVersion, session.linksVersion]).toEqual([entities + 2, links + 1]);
    expect(session.detailsVersion).toBe(details + 1);

    // An answer that does not say what changed (or a refusal) has everything fetched again.
    await session.apply({ type: 'delete_links', links: ['l'] });
    await chromeShown();
    expect(backend.listJourneys).toHaveBeenCalledTimes(3);
    expect(session.detailsChanged).toBe('all');
  });

  it('runs what waits for an edit\'s answer before the scene changes, refused or not', async () => {
    const { session, backend } = await started();
    const seen: number[] = [];
    const version = session.sceneVersion;
    const answered = () => seen.push(session.sceneVersion);
    await session.apply({ type: 'set_step_text', step: 's', text: 'new' }, undefined, answered);
    backend.applyEdit.mockRejectedValueOnce({ code: 'invalid', message: 'too long' });
    await session.apply({ type: 'set_step_text', step: 's', text: 'x' }, undefined, answered);
    expect(seen).toEqual([version, version + 1]);
    expect(session.sceneVersion).toBe(version + 2);
  });

  it('reads a card only once the edits already sent are answered', async () => {
    const { session, backend } = await started();
    let answer = () => {};
    backend.applyEdit.mockImplementationOnce(
      () =>
        new Promise((resolve) =>
          (answer = () => resolve({ journey: home.id, can_undo: true, can_redo: false, described: null })),
        ),
    );
    const card = cardAt(1, 0).id;
    const stored = session.apply({ type: 'set_step_text', step: card, text: 'new' });
    const read = session.stepDetails(card);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(backend.stepDetails).not.toHaveBeenCalled();
    answer();
    await Promise.all([stored, read]);
    expect(backend.stepDetails).toHaveBeenCalledWith(card);
  });

  it('sends queued edits one after another and fetches once after the last', async () => {
    const { session, backend } = await started();
    const sent: string[] = [];
    backend.applyEdit.mockImplementation(async (edit) => {
      sent.push(edit.type);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { journey: home.id, can_undo: true, can_redo: false, described: null };
    });
    const first = session.apply({ type: 'set_step_text', step: 'a', text: '1' });
    const second = session.apply({ type: 'delete_links', links: ['l'] });
    await Promise.all([first, second]);
    expect(sent).toEqual(['set_step_text', 'delete_links']);
    expect(backend.journeyScene).toHaveBeenCalledTimes(2);
  });

  it('says "Saving…" only for an edit not stored in time, and keeps it while a newer edit is on its way', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { session, backend } = await started();
      const result = { journey: home.id, can_undo: true, can_redo: false, described: null };
      await session.apply({ type: 'set_step_text', step: 'a', text: '1' });
      let store: () => void = () => undefined;
      backend.applyEdit.mockImplementationOnce(
        () =>
          new Promise((resolve) => {
            store = () => resolve(result);
          }),
      );
      const second = session.apply({ type: 'set_step_text', step: 'a', text: '2' });
      await chromeShown();
      expect(session.canUndo).toBe(true);
      expect(session.save).toEqual({ kind: 'idle' });
      vi.advanceTimersByTime(SAVING_SHOWN_AFTER_MS);
      expect(session.save).toEqual({ kind: 'saving' });
      store();
      await second;
      await chromeShown();
      expect(session.save).toEqual({ kind: 'saved' });
      // The next quick edit leaves "Saved" as it is, even once the delay has passed.
      const third = session.apply({ type: 'set_step_text', step: 'a', text: '3' });
      expect(session.save).toEqual({ kind: 'saved' });
      await third;
      await chromeShown();
      vi.advanceTimersByTime(SAVING_SHOWN_AFTER_MS);
      expect(session.save).toEqual({ kind: 'saved' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('follows an undo into the journey it happened in', async () => {
    const { session } = await started(
      fakeBackend({ undo: vi.fn(async () => ({ journey: broadband.id, can_undo: false, can_redo: true, described: null })) }),
    );
    await session.undo();
    expect(session.scene?.journey).toBe(broadband.id);
    expect(session.shown).toBe(broadband.id);
    await chromeShown();
    expect(session.canRedo).toBe(true);
  });

  it('reports a refused edit and draws the journey again from the store', async () => {
    const { session, backend } = await started();
    backend.applyEdit.mockRejectedValueOnce({ code: 'invalid', message: 'stage name needs a name' });
    expect(await session.apply({ type: 'rename_stage', stage: 's', name: '' })).toBeNull();
    expect(session.error?.message).toBe('stage name needs a name');
    await chromeShown();
    expect(session.save).toEqual({ kind: 'failed', message: 'stage name needs a name' });
    expect(backend.journeyScene).toHaveBeenCalledTimes(2);
  });

  it('shows the neighbour when the shown journey is deleted', async () => {
    const { session, backend } = await started();
    backend.applyEdit.mockResolvedValueOnce({ journey: null, can_undo: true, can_redo: false, described: null });
    backend.listJourneys.mockResolvedValueOnce([broadband]);
    await session.apply({ type: 'delete_journey', journey: home.id });
    expect(session.shown).toBe(broadband.id);
    expect(session.scene?.journey).toBe(broadband.id);
  });

  it('shows nothing when the last journey is deleted', async () => {
    const { session, backend } = await started();
    backend.applyEdit.mockResolvedValueOnce({ journey: null, can_undo: true, can_redo: false, described: null });
    backend.listJourneys.mockResolvedValueOnce([]);
    await session.apply({ type: 'delete_journey', journey: home.id });
    expect(session.shown).toBeNull();
    expect(session.scene).toBeNull();
  });

  it('records how long an edit took to show when a key press asked for it, once measuring', async () => {
    const { session } = await started();
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      callback(0);
      return 0;
    });
    window.__throughlineTimings = undefined;
    window.__throughlineFrames = undefined;
    await session.apply({ type: 'delete_links', links: ['l'] }, performance.now());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.__throughlineTimings).toBeUndefined();
    expect(window.__throughlineFrames).toBeUndefined();
    // The benchmark puts the arrays there to start measuring.
    window.__throughlineTimings = [];
    window.__throughlineFrames = [];
    const keydownAt = performance.now() - 5;
    await session.apply({ type: 'delete_links', links: ['l'] }, keydownAt);
    await session.apply({ type: 'delete_links', links: ['l'] });
    await vi.waitFor(() => expect(window.__throughlineTimings).toHaveLength(1));
    expect(window.__throughlineTimings?.[0]).toBeGreaterThanOrEqual(5);
    // The same press on the wall clock, for finding when its frame reached the screen.
    const frames = window.__throughlineFrames as FrameTimes[] | undefined;
    expect(frames).toHaveLength(1);
    const frame = (frames as FrameTimes[])[0];
    expect(frame.keydown).toBeCloseTo(performance.timeOrigin + keydownAt, 6);
    expect(frame.frame).toBeGreaterThanOrEqual(frame.keydown);
    vi.unstubAllGlobals();
  });
});

describe('Session and the journey the user chose', () => {
  it('does not switch back to a journey an edit changed after the user opened another', async () => {
    const { session, backend } = await started();
    let store: () => void = () => undefined;
    backend.applyEdit.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          store = () => resolve({ journey: home.id, can_undo: true, can_redo: false, described: null });
        }),
    );
    const edit = session.apply({ type: 'set_step_text', step: 's', text: 'typed before leaving' });
    await session.open(broadband.id);
    store();
    await edit;
    expect(session.shown).toBe(broadband.id);
    expect(session.scene?.journey).toBe(broadband.id);
  });

  it('shows a new journey once it is created', async () => {
    const { session, backend } = await started();
    backend.applyEdit.mockResolvedValueOnce({ journey: broadband.id, can_undo: true, can_redo: false, described: null });
    await session.apply({ type: 'duplicate_journey', source: home.id, journey: broadband.id });
    expect(session.scene?.journey).toBe(broadband.id);
  });

  it('says what an undo or redo did, and nothing when it did nothing', async () => {
    const { session, backend } = await started();
    await session.undo();
    expect(session.undone).toBeNull();
    await chromeShown();
    expect(session.undone).toEqual({ text: "Undid: moved 'Calls claims line'", count: 1 });
    await session.redo();
    await chromeShown();
    expect(session.undone).toEqual({ text: "Redid: moved 'Calls claims line'", count: 2 });
    session.dismissUndone();
    backend.undo.mockResolvedValueOnce({ journey: null, can_undo: false, can_redo: false, described: null });
    await session.undo();
    await chromeShown();
    expect(session.undone).toBeNull();
    const done = { journey: null, can_undo: true, can_redo: false, described: 'deleted 2 cards' };
    expect(undoMessage('undo', done)).toBe('Undid: deleted 2 cards');
    expect(undoMessage('redo', done)).toBe('Redid: deleted 2 cards');
  });
});
