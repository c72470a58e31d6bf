// How a difference from an older version is drawn and told on the blueprint: the class that colours
// its outline, the tooltip with the old values, and the trail of a moved card.
import type { CardMark } from '../bindings/CardMark';
import type { FieldChange } from '../bindings/FieldChange';
import type { HeadingDiff } from '../bindings/HeadingDiff';
import type { Rect } from '../bindings/Rect';

/** Fields that only say where a card sits: a card whose changes are all these has only moved. */
const PLACE_FIELDS = new Set(['lane', 'stage', 'position']);

/** The names a person reads for a card's fields. */
const FIELD_NAMES: Record<string, string> = {
  text: 'Text',
  channel: 'Channel',
  moment_of_truth: 'Moment of truth',
  emotion: 'Emotion',
  pain_point: 'Pain point',
  pain_severity: 'Pain severity',
  fail_point: 'Fail point',
  wait_point: 'Wait point',
  notes: 'Notes',
  metrics: 'Metrics',
  owner: 'Owner',
  lane: 'Lane',
  stage: 'Stage',
  name: 'Name',
  kind: 'Kind',
  evidence: 'Evidence',
  assumption: 'Assumption',
  scores: 'Other personas',
  ties: 'Tied to',
};

/** The fields of a mark a person cares about: its words and markers, not its sort key. */
export function shownFields(fields: FieldChange[]): FieldChange[] {
  return fields.filter((f) => f.field !== 'position');
}

/** Whether a card's only change is where it sits. */
export function onlyMoved(mark: CardMark): boolean {
  return mark.moved && mark.fields.every((f) => PLACE_FIELDS.has(f.field));
}

/** The outline's class: added, removed, changed or moved. */
export function cardMarkClass(mark: CardMark): 'added' | 'removed' | 'changed' | 'moved' {
  if (mark.change === 'added' || mark.change === 'removed') return mark.change;
  return onlyMoved(mark) ? 'moved' : 'changed';
}

/** One changed field as a line: "Owner: Claims team → Support team". */
export function fieldLine(field: FieldChange): string {
  return `${FIELD_NAMES[field.field] ?? field.field}: ${field.old} → ${field.new}`;
}

/** The tooltip of a card's outline. */
export function cardMarkTitle(mark: CardMark): string {
  switch (cardMarkClass(mark)) {
    case 'added':
      return 'Added since then';
    case 'removed':
      return 'Removed since then';
    default:
      return [onlyMoved(mark) ? 'Moved since then' : 'Changed since then', ...shownFields(mark.fields).map(fieldLine)].join(
        '\n',
      );
  }
}

/** The outline's class for a stage or lane heading. */
export function headingMarkClass(mark: HeadingDiff): 'added' | 'removed' | 'changed' | 'reordered' {
  if (mark.change === 'added' || mark.change === 'removed') return mark.change;
  return mark.renamed_from === null && mark.reordered ? 'reordered' : 'changed';
}

/** The tooltip of a heading's outline. */
export function headingMarkTitle(what: 'Stage' | 'Lane', mark: HeadingDiff): string {
  if (mark.change === 'added') return `${what} added since then`;
  if (mark.change === 'removed') return `${what} removed since then`;
  const lines = [`${what} changed since then`];
  if (mark.renamed_from !== null) lines.push(`Was called “${mark.renamed_from}”`);
  if (mark.reordered) lines.push('Moved to another place');
  return lines.join('\n');
}

/** A faint curve from the middle of the cell a card came from to the card. */
export function trailPath(from: Rect, to: Rect): string {
  const x1 = from.x + from.width / 2;
  const y1 = from.y + from.height / 2;
  const x2 = to.x + to.width / 2;
  const y2 = to.y + to.height / 2;
  const bend = (x1 + x2) / 2;
  return `M${x1},${y1} C${bend},${y1} ${bend},${y2} ${x2},${y2}`;
}
