// The export under way, as the window shows it: started from the export dialog, followed through the
// backend's progress events to its end (the file written, a failure, or a cancel). One at a time; the
// rendering happens on the Rust side off the workspace, so the window stays usable meanwhile.
import { toApiError, type Backend, type ChosenPath, type ExportEvent } from '../backend';
import type { ExportFormat } from '../bindings/ExportFormat';
import type { ExportOptions } from '../bindings/ExportOptions';
import type { Id } from '../bindings/Id';
import { fileNameOf } from './form';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; file: string; done: number; total: number; cancelling: boolean }
  /** Written; `problem` says why opening it or showing it in its folder failed, if it did. */
  | { kind: 'done'; file: string; path: string; bytes: number; problem?: string }
  | { kind: 'failed'; file: string; message: string; cancelled: boolean };

/** What became of pictures dropped on the window, shown beside the export's progress. */
export type ImportNotice =
  | { kind: 'importing'; file: string }
  | { kind: 'imported'; name: string }
  | { kind: 'failed'; message: string };

export class Exporter {
  state = $state.raw<ExportState>({ kind: 'idle' });

  private readonly backend: Backend;

  constructor(backend: Backend) {
    this.backend = backend;
  }

  get running(): boolean {
    return this.state.kind === 'running';
  }

  /** Follows the backend's export events; returns the way to stop. */
  listen(): Promise<() => void> {
    return this.backend.onExport((event) => this.take(event));
  }

  /** Asks where to save an export of the journey called `name`: the save dialog, proposing a file name. */
  async choosePath(name: string, format: ExportFormat): Promise<ChosenPath | null> {
    const fileName = await this.backend.exportFileName(name, format);
    return this.backend.chooseExportPath(fileName, format);
  }

  /** Starts an export to `path`; a refusal to start is shown like a failure. */
  /** Why these options cannot be exported, in the user's words, or null when they can (Rust's rule). */
  problem(options: ExportOptions): Promise<string | null> {
    return this.backend.exportProblem(options);
  }

  async start(journey: Id, format: ExportFormat, options: ExportOptions, path: string, overwrite: boolean) {
    const file = fileNameOf(path);
    if (this.running) return;
    this.state = { kind: 'running', file, done: 0, total: 1, cancelling: false };
    try {
      await this.backend.exportJourney(journey, format, options, path, overwrite);
    } catch (reason) {
      this.state = { kind: 'failed', file, message: toApiError(reason).message, cancelled: false };
    }
  }

  cancel() {
    const state = this.state;
    if (state.kind !== 'running' || state.cancelling) return;
    this.state = { ...state, cancelling: true };
    this.backend.cancelExport().catch(() => undefined);
  }

  /** Opens the file just written with the system's program for it. */
  open(): Promise<void> {
    return this.withFile(() => this.backend.openExport());
  }

  /** Shows the file just written in the file manager. */
  reveal(): Promise<void> {
    return this.withFile(() => this.backend.revealExport());
  }

  private async withFile(run: () => Promise<void>) {
    if (this.state.kind !== 'done') return;
    try {
      await run();
    } catch (reason) {
      const state = this.state;
      if (state.kind === 'done') this.state = { ...state, problem: toApiError(reason).message };
    }
  }

  /** Hides the outcome of the last export. */
  dismiss() {
    if (!this.running) this.state = { kind: 'idle' };
  }

  private take(event: ExportEvent) {
    const state = this.state;
    if (state.kind !== 'running') return;
    switch (event.kind) {
      case 'progress':
        this.state = { ...state, done: event.done, total: event.total };
        break;
      case 'finished':
        this.state = { kind: 'done', file: fileNameOf(event.path), path: event.path, bytes: event.bytes };
        break;
      case 'failed':
        this.state = {
          kind: 'failed',
          file: state.file,
          message: event.error.message,
          cancelled: event.error.code === 'cancelled',
        };
        break;
    }
  }
}
