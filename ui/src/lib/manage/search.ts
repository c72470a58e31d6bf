// Search-as-you-type over entity names: the same matching in every picker and list, so a name found
// in one place is found in all of them.
import type { Entity } from '../bindings/Entity';
import type { EntityKind } from '../bindings/EntityKind';

/** A name or query folded for comparing: lower case, accents and repeated spaces removed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word of the query starts a word of (or occurs in) the name, so "cl sys" finds "Claims system". */
export function matches(name: string, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const folded = fold(name);
  return words.every((word) => folded.includes(word));
}

/**
 * The entities of the given kinds whose names match the query, best first: names starting with the
 * query, then words starting with it, then the rest, each alphabetically — so typing a name's start
 * puts it at the top where Enter picks it.
 */
export function rankEntities(entities: readonly Entity[], query: string, kinds?: readonly EntityKind[]): Entity[] {
  const q = fold(query);
  const score = (name: string): number => {
    const folded = fold(name);
    if (q === '' || folded.startsWith(q)) return 0;
    if (folded.includes(` ${q}`)) return 1;
    return 2;
  };
  return entities
    .filter((e) => (!kinds || kinds.includes(e.kind)) && matches(e.name, query))
    .map((e) => ({ e, s: score(e.name) }))
    .sort((a, b) => a.s - b.s || a.e.name.localeCompare(b.e.name))
    .map(({ e }) => e);
}

/** The entity of one of the kinds named exactly as typed (ignoring case), so "Create …" is not offered twice. */
export function exactMatch(entities: readonly Entity[], query: string, kinds?: readonly EntityKind[]): Entity | undefined {
  const q = fold(query);
  return entities.find((e) => (!kinds || kinds.includes(e.kind)) && fold(e.name) === q);
}
