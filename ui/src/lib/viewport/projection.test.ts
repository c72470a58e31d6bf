import { describe, expect, it } from 'vitest';
import { loadProjection, saveProjection } from './projection';

describe('larger text for projection', () => {
  it('is off until turned on, and remembered', () => {
    const kept = new Map<string, string>();
    const storage = {
      getItem: (key: string) => kept.get(key) ?? null,
      setItem: (key: string, value: string) => void kept.set(key, value),
    };
    expect(loadProjection(storage)).toBe(false);
    saveProjection(true, storage);
    expect(loadProjection(storage)).toBe(true);
    saveProjection(false, storage);
    expect(loadProjection(storage)).toBe(false);
  });

  it('stays off when storage refuses', () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadProjection(refusing)).toBe(false);
    expect(() => saveProjection(true, refusing)).not.toThrow();
  });
});
