// What the CSV dialogs ask of the Rust side (src-tauri/src/csv.rs), part of the one Backend.
import { listen } from '@tauri-apps/api/event';
import type { CsvField } from '../bindings/CsvField';
import type { CsvPreview } from '../bindings/CsvPreview';
import type { CsvTable } from '../bindings/CsvTable';
import type { CsvTarget } from '../bindings/CsvTarget';
import type { EditResult } from '../bindings/EditResult';

/** For each column of the file, the field it fills, or null when it is ignored. */
export type CsvMapping = (CsvField | null)[];

/** CSV import and export. Every method rejects with an `ApiError`. */
export interface CsvBackend {
  /** What importing the CSV file at `path` into `target` would do; the suggested mapping when null. */
  csvPreview(path: string, target: CsvTarget, mapping: CsvMapping | null): Promise<CsvPreview>;
  /** Imports the rows the preview accepts, in one undoable edit. */
  importCsv(path: string, target: CsvTarget, mapping: CsvMapping | null): Promise<EditResult>;
  /** Writes a table as CSV to `path`; resolves with its size in bytes. */
  exportCsv(table: CsvTable, path: string, overwrite: boolean): Promise<number>;
  /** Calls `listener` when File › Import › CSV… is chosen; resolves with the way to stop. */
  onMenuImportCsv(listener: () => void): Promise<() => void>;
  /** Calls `listener` when File › Export › CSV… is chosen; resolves with the way to stop. */
  onMenuExportCsv(listener: () => void): Promise<() => void>;
}

/** The CSV part of the desktop app's backend, over `call` (which turns rejections into ApiErrors). */
export function tauriCsvBackend(call: <T>(command: string, args?: Record<string, unknown>) => Promise<T>): CsvBackend {
  return {
    csvPreview: (path, target, mapping) => call('csv_preview', { path, target, mapping }),
    importCsv: (path, target, mapping) => call('import_csv', { path, target, mapping }),
    exportCsv: (table, path, overwrite) => call('export_csv', { table, path, overwrite }),
    onMenuImportCsv: (listener) => listen('menu-import-csv', () => listener()),
    onMenuExportCsv: (listener) => listen('menu-export-csv', () => listener()),
  };
}
