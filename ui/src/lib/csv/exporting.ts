// What the CSV export dialog offers: which table, and the file name it proposes for it.
import type { CsvTable } from '../bindings/CsvTable';
import type { Id } from '../bindings/Id';

/** The tables a person can export. */
export type CsvChoice = 'steps' | 'ownership' | 'checks';

/** The table for a choice; steps (and checks, when `journeyOnly`) are those of `journey`. */
export function tableFor(choice: CsvChoice, journey: Id | null, journeyOnly: boolean): CsvTable | null {
  switch (choice) {
    case 'steps':
      return journey === null ? null : { table: 'steps', journey };
    case 'ownership':
      return { table: 'ownership' };
    case 'checks':
      return { table: 'checks', journey: journeyOnly ? journey : null };
  }
}

/** A file name for the table: "hotel-stay-steps.csv", "claims-ownership.csv", "claims-checks.csv". */
export function csvFileName(choice: CsvChoice, journeyName: string | null, workspaceName: string): string {
  const base = choice === 'steps' || (choice === 'checks' && journeyName) ? (journeyName ?? '') : workspaceName;
  const stem = base
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || 'throughline'}-${choice}.csv`;
}
