import { afterEach, describe, expect, it, vi } from 'vitest';
import { WARM_AFTER_MS, WARM_GAP_MS, WARM_WHEN_QUIET_MS, warmLazyParts } from './lazy';

/** Loaders that note when each starts and finish when the test says. */
function parts(...names: string[]) {
  const started: string[] = [];
  const finish: Record<string, () => void> = {};
  const loaders = names.map((name) => () => {
    started.push(name);
    return new Promise<void>((resolve, reject) => {
      finish[name] = name.startsWith('broken') ? () => reject(new Error(name)) : resolve;
    });
  });
  return { started, finish, loaders };
}

describe('warmLazyParts', () => {
  afterEach(() => vi.useRealTimers());

  it('fetches the parts one at a time after the first paint, going on past one that fails', async () => {
    vi.useFakeTimers();
    const { started, finish, loaders } = parts('ownership', 'broken network', 'export');
    warmLazyParts(loaders);
    await vi.advanceTimersByTimeAsync(WARM_AFTER_MS - 1);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['ownership']);
    // The next part waits for the one being built, then for the pause.
    await vi.advanceTimersByTimeAsync(WARM_GAP_MS * 5);
    expect(started).toEqual(['ownership']);
    finish.ownership();
    await vi.advanceTimersByTimeAsync(WARM_GAP_MS - 1);
    expect(started).toEqual(['ownership']);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['ownership', 'broken network']);
    finish['broken network']();
    await vi.advanceTimersByTimeAsync(WARM_GAP_MS);
    expect(started).toEqual(['ownership', 'broken network', 'export']);
  });

  it('waits while the user types or points', async () => {
    vi.useFakeTimers();
    const { started, finish, loaders } = parts('ownership', 'export');
    warmLazyParts(loaders);
    await vi.advanceTimersByTimeAsync(WARM_AFTER_MS - 100);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'm' }));
    await vi.advanceTimersByTimeAsync(WARM_WHEN_QUIET_MS - 1);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['ownership']);
    finish.ownership();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await vi.advanceTimersByTimeAsync(WARM_WHEN_QUIET_MS - 1);
    expect(started).toEqual(['ownership']);
    window.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(WARM_WHEN_QUIET_MS - 1);
    expect(started).toEqual(['ownership']);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['ownership', 'export']);
  });
});
