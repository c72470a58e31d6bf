import { describe, expect, it } from 'vitest';
import { aboutLabel, AUTHOR_KEY, loadAuthor, newComment, saveAuthor, targetOf, timeLabel } from './comments';

function memory(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

describe('comments', () => {
  it('keeps the signing name given once, trimmed, and none before', () => {
    const storage = memory();
    expect(loadAuthor(storage)).toBeNull();
    saveAuthor('  Priya Shah ', storage);
    expect(storage.getItem(AUTHOR_KEY)).toBe('Priya Shah');
    expect(loadAuthor(storage)).toBe('Priya Shah');
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(loadAuthor(broken)).toBeNull();
  });

  it('comments on the one card or stage selected, else on the journey', () => {
    expect(targetOf({ kind: 'cards', ids: ['c1'] }, 'j')).toBe('c1');
    expect(targetOf({ kind: 'cards', ids: ['c1', 'c2'] }, 'j')).toBe('j');
    expect(targetOf({ kind: 'stage', id: 's' }, 'j')).toBe('s');
    expect(targetOf({ kind: 'lane', id: 'l' }, 'j')).toBe('j');
    expect(targetOf({ kind: 'none' }, 'j')).toBe('j');
  });

  it('writes a new comment open, signed and timed', () => {
    const c = newComment('c1', ' Ana ', 'Why twice?', 1_764_806_400_000);
    expect(c).toMatchObject({ target: 'c1', author: 'Ana', text: 'Why twice?', at: 1_764_806_400_000, resolved: false });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names what a comment is about and when it was written', () => {
    expect(aboutLabel({ kind: 'journey' })).toBe('The journey');
    expect(aboutLabel({ kind: 'stage', name: 'Wait' })).toBe('Stage Wait');
    expect(aboutLabel({ kind: 'card', text: 'Rings the bell' })).toBe('Rings the bell');
    expect(aboutLabel({ kind: 'gone' })).toMatch(/no longer/);
    expect(timeLabel(Date.UTC(2025, 11, 4, 9, 30), 'en-GB')).toMatch(/2025/);
  });
});
