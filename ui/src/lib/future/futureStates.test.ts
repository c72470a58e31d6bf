import { describe, expect, it, vi } from 'vitest';
import type { FutureStateView } from '../bindings/FutureStateView';
import { FutureStates } from './futureStates.svelte';

const view = { future: { id: 'f', name: 'Check-in (future state)' } } as unknown as FutureStateView;

describe('future states', () => {
  it('shows the pair of a journey that has a future state, and says when one has none', async () => {
    const backend = {
      futureStateOf: vi.fn(async (journey: string) => (journey === 'now' ? 'f' : null)),
      futureState: vi.fn(async () => view),
    };
    const states = new FutureStates(backend);
    await states.load('now');
    expect(backend.futureState).toHaveBeenCalledWith('f');
    expect(states.shown).toEqual({ kind: 'pair', view });
    await states.load('other');
    expect(states.shown).toEqual({ kind: 'none', journey: 'other' });
  });

  it('keeps only the answer to the newest question, and reports a refusal in Rust’s words', async () => {
    let release: (v: string | null) => void = () => {};
    const backend = {
      futureStateOf: vi
        .fn()
        .mockImplementationOnce(() => new Promise<string | null>((r) => (release = r)))
        .mockImplementationOnce(async () => null),
      futureState: vi.fn(async () => {
        throw { code: 'invalid', message: 'that journey no longer exists' };
      }),
    };
    const states = new FutureStates(backend);
    const slow = states.load('a');
    await states.load('b');
    release('f');
    await slow;
    expect(states.shown).toEqual({ kind: 'none', journey: 'b' });
    backend.futureStateOf.mockImplementationOnce(async () => 'f');
    await states.load('c');
    expect(states.shown).toEqual({ kind: 'failed', message: 'that journey no longer exists' });
  });
});
