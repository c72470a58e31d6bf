import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Found } from '../bindings/Found';
import { broadband, fakeBackend, findIn, home } from '../../test/fakeBackend';
import { Session } from '../session.svelte';
import { FIND_MOVE_SETTLE_MS, Finder } from './finder.svelte';

async function opened(backend = fakeBackend()) {
  const session = new Session(backend);
  await session.start();
  const finder = new Finder(backend, session);
  finder.show();
  return { session, finder, backend };
}

describe('Finder', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('finds in the journey on screen and shows the first hit once the typing pauses', async () => {
    vi.useFakeTimers();
    const { finder, backend } = await opened();
    finder.query = 'EMAIL';
    await finder.search();
    expect(backend.findCards).toHaveBeenLastCalledWith('EMAIL', home.id, 'journey');
    expect(finder.found?.total).toBe(1);
    expect(finder.current).toBe(0);
    expect(finder.request).toBeNull();
    vi.advanceTimersByTime(FIND_MOVE_SETTLE_MS);
    expect(finder.request).toEqual({ journey: home.id, step: finder.found?.hits[0].step });
  });

  it('moves the view once for a word typed quickly, to its first hit, and at once on Enter', async () => {
    vi.useFakeTimers();
    const { session, finder } = await opened();
    await finder.setScope('all');
    finder.request = null;
    for (const query of ['e', 'em', 'ema', 'email']) {
      finder.query = query;
      await finder.search();
      vi.advanceTimersByTime(FIND_MOVE_SETTLE_MS / 3);
      expect(finder.request).toBeNull();
    }
    vi.advanceTimersByTime(FIND_MOVE_SETTLE_MS);
    expect(finder.request).toEqual({ journey: home.id, step: finder.found?.hits[0].step });
    finder.request = null;
    finder.step(1);
    expect(finder.request).toEqual({ journey: broadband.id, step: finder.found?.hits[1].step });
    expect(session.shown).toBe(broadband.id);
  });

  it('steps into another journey across all journeys, and wraps back', async () => {
    const { session, finder } = await opened();
    finder.query = 'email';
    await finder.setScope('all');
    expect(finder.found?.hits.map((h) => h.journey)).toEqual([home.id, broadband.id, broadband.id]);
    finder.step(1);
    expect(finder.request?.journey).toBe(broadband.id);
    expect(session.shown).toBe(broadband.id);
    finder.step(1);
    finder.step(1);
    expect(finder.current).toBe(0);
    finder.step(-1);
    expect(finder.current).toBe(2);
    expect(finder.hitsIn(broadband.id).size).toBe(2);
  });

  it('keeps the answer to the newest query when an older one comes back later', async () => {
    const waiting: ((found: Found) => void)[] = [];
    const backend = fakeBackend();
    backend.findCards.mockImplementation(() => new Promise((resolve) => waiting.push(resolve)));
    const { finder } = await opened(backend);
    finder.query = 'e';
    const older = finder.search();
    finder.query = 'email';
    const newer = finder.search();
    waiting[1](findIn('email', home.id, 'journey'));
    await newer;
    waiting[0](findIn('e', home.id, 'journey'));
    await older;
    expect(finder.found?.total).toBe(1);
  });

  it('says why a query is refused, and finds nothing for nothing', async () => {
    const backend = fakeBackend();
    backend.findCards.mockRejectedValueOnce({ code: 'invalid', message: 'the search text has 5001 characters' });
    const { finder } = await opened(backend);
    finder.query = 'x'.repeat(5001);
    await finder.search();
    expect(finder.error).toContain('5001');
    finder.query = '   ';
    await finder.search();
    expect(finder.error).toBeNull();
    expect(finder.found?.total).toBe(0);
    expect(finder.current).toBe(-1);
  });

  it('searches the newly shown journey when only one is searched, and forgets all on close', async () => {
    const { session, finder, backend } = await opened();
    finder.journeyShown(session.shown);
    finder.query = 'router';
    await finder.search();
    expect(finder.found?.total).toBe(0);
    await session.open(broadband.id);
    finder.journeyShown(session.shown);
    expect(backend.findCards).toHaveBeenLastCalledWith('router', broadband.id, 'journey');
    finder.close();
    expect(finder.open).toBe(false);
    expect(finder.found).toBeNull();
  });
});
