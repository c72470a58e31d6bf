// Entities as the panels show them: grouped by kind, named, and the links a card may have to them.
import type { EntityKind } from '../bindings/EntityKind';
import type { EntitySummary } from '../bindings/EntitySummary';
import type { EntityUsage } from '../bindings/EntityUsage';
import type { Id } from '../bindings/Id';
import type { LinkKind } from '../bindings/LinkKind';
import { countLabel } from '../format';
import { matches } from './search';

/** Kinds in the order the entities panel lists them. */
export const ENTITY_KINDS: EntityKind[] = ['person', 'team', 'system', 'process'];

/** Who can be accountable for a card or an entity. */
export const OWNER_KINDS: EntityKind[] = ['person', 'team'];

const KIND_LABELS: Record<EntityKind, { one: string; many: string }> = {
  person: { one: 'person', many: 'People' },
  team: { one: 'team', many: 'Teams' },
  system: { one: 'system', many: 'Systems' },
  process: { one: 'process', many: 'Processes' },
};

/** "person", "system": a kind as a sentence names it ("Create “X” as a system"). */
export function kindName(kind: EntityKind): string {
  return KIND_LABELS[kind].one;
}

/** "People", "Systems": a kind as a group heading names it. */
export function kindHeading(kind: EntityKind): string {
  return KIND_LABELS[kind].many;
}

/** One kind's entities in the panel. */
export interface EntityGroup {
  kind: EntityKind;
  entities: EntitySummary[];
}

/**
 * The entities matching the search, grouped by kind in panel order and sorted by name within each —
 * kinds with no match are left out, so a search shows only what it found.
 */
export function groupEntities(entities: readonly EntitySummary[], query: string): EntityGroup[] {
  return ENTITY_KINDS.map((kind) => ({
    kind,
    entities: entities
      .filter((s) => s.entity.kind === kind && matches(s.entity.name, query))
      .sort((a, b) => a.entity.name.localeCompare(b.entity.name)),
  })).filter((g) => g.entities.length > 0);
}

/** The link a card gets to an entity of this kind: people and teams perform it, systems are used, processes contain it. */
export function cardLinkKind(kind: EntityKind): LinkKind {
  if (kind === 'system') return 'uses';
  if (kind === 'process') return 'part_of';
  return 'performed_by';
}

/** The heading of a card's link kind in the details panel. */
export function linkKindLabel(kind: LinkKind): string {
  switch (kind) {
    case 'performed_by':
      return 'Performed by';
    case 'uses':
      return 'Uses';
    case 'part_of':
      return 'Part of';
    case 'depends_on':
      return 'Depends on';
    case 'member_of':
      return 'Member of';
    default:
      return 'Flow';
  }
}

/** The link kinds a card has to entities, in the order the details panel lists them. */
export const CARD_LINK_KINDS: LinkKind[] = ['performed_by', 'uses', 'part_of'];

/** The kinds of entity a card's link kind may point to. */
export function kindsForLink(kind: LinkKind): EntityKind[] {
  if (kind === 'uses') return ['system'];
  if (kind === 'part_of') return ['process'];
  return ['person', 'team'];
}

/**
 * What deleting an entity takes with it, for the confirmation: the cards that use it by name (a few),
 * the other entities and the links, so nobody deletes a system twenty cards rely on by accident.
 */
export function usageMessage(usage: EntityUsage): string {
  const parts: string[] = [];
  if (usage.steps.length > 0) {
    const shown = usage.steps.slice(0, 3).map((s) => `“${s.text}” (${s.journey_name})`);
    const rest = usage.steps.length - shown.length;
    parts.push(
      `It is used by ${countLabel(usage.steps.length, 'card')}: ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}.`,
    );
  } else {
    parts.push('No card uses it.');
  }
  const others = usage.entities.length;
  if (others > 0) parts.push(others === 1 ? '1 other entity refers to it.' : `${others} other entities refer to it.`);
  if (usage.links > 0) parts.push(`${countLabel(usage.links, 'link')} will be removed and owners pointing at it cleared.`);
  parts.push('You can undo this with Ctrl+Z.');
  return parts.join(' ');
}

/** Entity names by id, for the tables that show owners and linked entities. */
export function namesById(entities: readonly EntitySummary[]): Map<Id, string> {
  return new Map(entities.map((s) => [s.entity.id, s.entity.name]));
}
