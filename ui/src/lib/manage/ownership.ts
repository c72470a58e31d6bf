// The ownership table's filters and row selection, kept apart from the component so they are tested.
import type { Id } from '../bindings/Id';
import type { OwnershipRow } from '../bindings/OwnershipRow';

/** Which rows the table shows. */
export type OwnershipFilter =
  | { kind: 'all' }
  | { kind: 'unowned' }
  | { kind: 'unowned-moments' }
  | { kind: 'owner'; id: Id }
  | { kind: 'team'; id: Id };

/**
 * A filter as the value of the filter `<select>` ("all", "unowned", "owner:<id>"…), so one select holds
 * every filter and the end-to-end test can pick the fixed ones by value.
 */
export function filterValue(filter: OwnershipFilter): string {
  return 'id' in filter ? `${filter.kind}:${filter.id}` : filter.kind;
}

/** The filter a select value stands for (anything unknown shows all rows). */
export function parseFilter(value: string): OwnershipFilter {
  if (value === 'unowned' || value === 'unowned-moments') return { kind: value };
  const [kind, id] = value.split(/:(.*)/s, 2);
  if ((kind === 'owner' || kind === 'team') && id) return { kind, id };
  return { kind: 'all' };
}

/**
 * The rows a filter keeps, in the table's order, within one journey when `journey` is given (so
 * "Unowned" can be asked of one journey). A team filter keeps cards owned by the team or its members.
 */
export function filterRows(
  rows: readonly OwnershipRow[],
  filter: OwnershipFilter,
  journey: Id | null = null,
): OwnershipRow[] {
  if (journey !== null) rows = rows.filter((r) => r.step.journey === journey);
  switch (filter.kind) {
    case 'all':
      return [...rows];
    case 'unowned':
      return rows.filter((r) => r.owner === null);
    case 'unowned-moments':
      return rows.filter((r) => r.owner === null && r.step.moment_of_truth);
    case 'owner':
      return rows.filter((r) => r.owner === filter.id);
    case 'team':
      return rows.filter((r) => r.owner_teams.includes(filter.id));
  }
}

/** The selection with one card added or removed (a row's checkbox). */
export function toggleStep(selected: ReadonlySet<Id>, step: Id): Set<Id> {
  const next = new Set(selected);
  if (!next.delete(step)) next.add(step);
  return next;
}

/** Whether every shown row is selected (and there is one), for the "select all shown" checkbox. */
export function allShownSelected(selected: ReadonlySet<Id>, shown: readonly OwnershipRow[]): boolean {
  return shown.length > 0 && shown.every((r) => selected.has(r.step.step));
}

/**
 * "Select all shown" clicked: selects every shown row, or clears them when all were selected. Rows
 * hidden by the filter are dropped from the selection so an assignment only touches what is on screen.
 */
export function toggleAllShown(selected: ReadonlySet<Id>, shown: readonly OwnershipRow[]): Set<Id> {
  if (allShownSelected(selected, shown)) return new Set();
  return new Set(shown.map((r) => r.step.step));
}

/** The selected cards still shown, in table order: what "Assign owner…" assigns. */
export function selectedShown(selected: ReadonlySet<Id>, shown: readonly OwnershipRow[]): Id[] {
  return shown.filter((r) => selected.has(r.step.step)).map((r) => r.step.step);
}

/**
 * A Shift+click on a row: every shown row from the last row clicked (`anchor`) to this one is selected,
 * as in a file manager; without an anchor still shown, the row alone is toggled.
 */
export function selectRange(
  selected: ReadonlySet<Id>,
  shown: readonly OwnershipRow[],
  anchor: Id | null,
  step: Id,
): Set<Id> {
  const from = anchor === null ? -1 : shown.findIndex((r) => r.step.step === anchor);
  const to = shown.findIndex((r) => r.step.step === step);
  if (from < 0 || to < 0) return toggleStep(selected, step);
  const next = new Set(selected);
  for (const r of shown.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(r.step.step);
  return next;
}
