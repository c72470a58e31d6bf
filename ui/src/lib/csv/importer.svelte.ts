// The CSV import dialog's state: the file, where its cards go (a new journey or the one shown), the
// column mapping when the headers need one, and the preview the backend makes of every row. Nothing is
// written until `run`, which imports exactly what the last preview accepted, as one undoable edit.
import { toApiError } from '../backend';
import type { CsvField } from '../bindings/CsvField';
import type { CsvPreview } from '../bindings/CsvPreview';
import type { CsvTarget } from '../bindings/CsvTarget';
import type { EditResult } from '../bindings/EditResult';
import type { Id } from '../bindings/Id';
import type { JourneySummary } from '../bindings/JourneySummary';
import { chooseFileToOpen } from '../dialogs';
import type { CsvBackend, CsvMapping } from './backend';

/** Where the dialog is. */
export type ImportStep = 'choose' | 'mapping' | 'preview';

/** Where the cards go: a new journey by name, or the journey shown. */
export type TargetKind = 'new' | 'current';

/** What the importer needs of the session: the shown journey and a way to run an import through it. */
export interface ImportHost {
  readonly journeys: JourneySummary[];
  readonly shown: Id | null;
  importWith(send: () => Promise<EditResult>): Promise<JourneySummary>;
}

/** The fields a column can be mapped to, in the order the mapping lists them, with their labels. */
export const FIELDS: { field: CsvField; label: string; required: boolean }[] = [
  { field: 'stage', label: 'Stage', required: true },
  { field: 'lane', label: 'Lane', required: true },
  { field: 'text', label: 'Text', required: true },
  { field: 'owner', label: 'Owner', required: false },
  { field: 'channel', label: 'Channel', required: false },
  { field: 'moment_of_truth', label: 'Moment of truth', required: false },
  { field: 'emotion', label: 'Emotion', required: false },
  { field: 'pain_point', label: 'Pain point', required: false },
  { field: 'severity', label: 'Severity', required: false },
  { field: 'fail_point', label: 'Fail point', required: false },
  { field: 'wait_point', label: 'Wait point', required: false },
  { field: 'notes', label: 'Notes', required: false },
];

/** Rows the preview table shows at most; the counts always cover every row. */
export const SHOWN_ROWS = 300;

/** "hotel_stay-2024.csv" → "Hotel stay 2024": a journey name proposed from a file's name. */
export function nameFromFile(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? '';
  const stem = file.replace(/\.[^.]*$/, '').replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : 'Imported journey';
}

/** The file's name without its folder, for messages. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export class CsvImporter {
  step = $state<ImportStep>('choose');
  path = $state<string | null>(null);
  targetKind = $state<TargetKind>('new');
  name = $state('');
  mapping = $state<CsvMapping | null>(null);
  preview = $state.raw<CsvPreview | null>(null);
  /** A preview or import is under way. */
  busy = $state(false);
  /** Why the file could not be read or imported. */
  error = $state<string | null>(null);
  onlyRejected = $state(false);

  private readonly backend: CsvBackend;
  private readonly host: ImportHost;
  private request = 0;

  constructor(backend: CsvBackend, host: ImportHost) {
    this.backend = backend;
    this.host = host;
  }

  /** The journey shown, which "the current journey" means. */
  get current(): JourneySummary | null {
    return this.host.journeys.find((j) => j.id === this.host.shown) ?? null;
  }

  get target(): CsvTarget {
    const current = this.current;
    if (this.targetKind === 'current' && current) return { kind: 'journey', journey: current.id };
    return { kind: 'new_journey', name: this.name };
  }

  /** Whether the last preview would take at least one row, with nothing stopping the import. */
  get canImport(): boolean {
    const p = this.preview;
    return !this.busy && p !== null && p.problems.length === 0 && p.accepted > 0;
  }

  /** The rows the table shows: all or only the rejected ones, at most SHOWN_ROWS. */
  get shownRows() {
    const rows = this.preview?.rows ?? [];
    return (this.onlyRejected ? rows.filter((r) => !r.accepted) : rows).slice(0, SHOWN_ROWS);
  }

  /** Asks for the file (native dialog) and previews it; false when the dialog was closed. */
  async chooseFile(): Promise<boolean> {
    const path = await chooseFileToOpen('Import steps from CSV', [
      { name: 'CSV file', extensions: ['csv', 'txt'] },
    ]);
    if (path === null) return false;
    this.path = path;
    if (!this.name) this.name = nameFromFile(path);
    this.mapping = null;
    await this.refresh();
    if (this.preview) this.step = this.preview.needs_mapping ? 'mapping' : 'preview';
    return true;
  }

  /** Switches between a new journey and the one shown, and previews again. */
  async setTarget(kind: TargetKind) {
    this.targetKind = kind;
    await this.refresh();
  }

  /** The new journey's name is settled (field left or Enter): preview again. */
  async setName(name: string) {
    this.name = name;
    await this.refresh();
  }

  /** Maps column `column` to `field` (null ignores it) and previews again. */
  async mapColumn(column: number, field: CsvField | null) {
    const mapping = [...(this.mapping ?? this.preview?.columns.map((c) => c.field) ?? [])];
    mapping[column] = field;
    this.mapping = mapping;
    await this.refresh();
  }

  /** Fetches the preview for the current file, target and mapping; only the latest answer counts. */
  async refresh() {
    if (this.path === null) return;
    const request = ++this.request;
    this.busy = true;
    try {
      const preview = await this.backend.csvPreview(this.path, this.target, this.mapping);
      if (request !== this.request) return;
      this.preview = preview;
      this.error = null;
    } catch (reason) {
      if (request !== this.request) return;
      this.preview = null;
      this.error = toApiError(reason).message;
      this.step = 'choose';
    } finally {
      if (request === this.request) this.busy = false;
    }
  }

  /** Imports what the preview accepts; resolves with the journey it went into, or null on failure. */
  async run(): Promise<JourneySummary | null> {
    if (!this.canImport || this.path === null) return null;
    const [path, target, mapping] = [this.path, this.target, this.mapping];
    this.busy = true;
    try {
      return await this.host.importWith(() => this.backend.importCsv(path, target, mapping));
    } catch (reason) {
      this.error = toApiError(reason).message;
      return null;
    } finally {
      this.busy = false;
    }
  }
}
