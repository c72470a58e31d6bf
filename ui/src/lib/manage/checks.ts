// What the checks panel shows of the checks: a journey's or the workspace's, and with the findings about
// cards added in the last few minutes held back. A card typed a minute ago has no arrow, owner or link
// yet; listing it as "serves no customer step" while the room is still typing is noise, not a finding.
import type { CheckGroup } from '../bindings/CheckGroup';
import type { FindingView } from '../bindings/FindingView';
import type { Id } from '../bindings/Id';

/** Which checks the panel asks for. */
export type ChecksScope = 'journey' | 'workspace';

/** How long a card counts as just added: long enough to wire it up, short enough not to hide neglect. */
export const QUIET_MS = 5 * 60 * 1000;

/**
 * How long edits must pause before the checks are computed again: longer than the gap between key
 * presses while typing, so a whole-workspace analysis never delays the next edit.
 */
export const CHECKS_SETTLE_MS = 400;

/** The groups with recent findings held back, and how many were. */
export interface QuietChecks {
  groups: CheckGroup[];
  quiet: number;
}

/** Whether a finding is only about cards added within `windowMs` before `now`. */
export function aboutNewCards(finding: FindingView, added: ReadonlyMap<Id, number>, now: number, windowMs: number) {
  const cards = finding.subjects.filter((s) => s.journey !== null);
  return (
    cards.length > 0 &&
    cards.every((s) => {
      const at = added.get(s.id);
      return at !== undefined && now - at < windowMs;
    })
  );
}

/**
 * The groups without the findings about cards added in the last `windowMs` (all of them when `showAll`),
 * and how many were held back.
 */
export function quietNewCards(
  groups: CheckGroup[],
  added: ReadonlyMap<Id, number>,
  now: number,
  showAll: boolean,
  windowMs = QUIET_MS,
): QuietChecks {
  if (showAll || added.size === 0) return { groups, quiet: 0 };
  let quiet = 0;
  const kept = groups.map((group) => {
    const findings = group.findings.filter((f) => !aboutNewCards(f, added, now, windowMs));
    quiet += group.findings.length - findings.length;
    return findings.length === group.findings.length ? group : { ...group, findings };
  });
  return { groups: kept, quiet };
}
