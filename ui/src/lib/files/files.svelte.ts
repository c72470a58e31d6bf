// The workspace files as the window handles them: New, Open, Open Recent, Save a Copy As and Reveal,
// the same actions whether chosen in the menu bar or in the workspace menu of the sidebar. A switch
// waits for the edits under way to be stored, then asks the backend to open the other file (which
// keeps the old one open if that fails), then hands over to `onSwitched` to reload the window.
import { toApiError, type Backend } from '../backend';
import type { NewWorkspace } from '../bindings/NewWorkspace';
import type { RecentWorkspace } from '../bindings/RecentWorkspace';
import type { WorkspaceInfo } from '../bindings/WorkspaceInfo';
import { chooseFileToOpen, chooseFileToSave, chooseFolder, type FileFilter } from '../dialogs';
import { MENU_EVENTS } from './events';

/** The file type every workspace dialog offers. */
export const WORKSPACE_FILTER: FileFilter = { name: 'Throughline workspace', extensions: ['throughline'] };

/** A short message about the last file action, for the notice at the bottom of the window. */
export type FilesNotice = { kind: 'done' | 'failed'; message: string };

/** What the files need of the window. */
export interface FilesHost {
  /** The workspace open now, if one is. */
  current(): WorkspaceInfo | null;
  /** Import › Picture…: imports the exported picture at `path` into the open workspace. */
  importPicture(path: string): void;
  /** Resolves once every edit sent so far is stored, so none lands in the next workspace. */
  idle(): Promise<void>;
  /** Reloads everything from the workspace just opened; `startedAt` is when the switch was asked. */
  switched(info: WorkspaceInfo, startedAt: number): Promise<void>;
}

export class WorkspaceFiles {
  /** The recent workspaces, newest first, the open one included. */
  recent = $state.raw<RecentWorkspace[]>([]);
  /** Where the new workspace goes, while the person chooses what it starts with. */
  pendingNew = $state<string | null>(null);
  /** A switch under way. */
  busy = $state(false);
  notice = $state.raw<FilesNotice | null>(null);

  private readonly backend: Backend;
  private readonly host: FilesHost;

  constructor(backend: Backend, host: FilesHost) {
    this.backend = backend;
    this.host = host;
  }

  /** Handles the menu bar's File items; returns the ways to stop listening. */
  listen(): Promise<() => void>[] {
    const { backend } = this;
    return [
      backend.onMenu(MENU_EVENTS.newWorkspace, () => void this.newWorkspace()),
      backend.onMenu(MENU_EVENTS.openWorkspace, () => void this.open()),
      backend.onMenu(MENU_EVENTS.openPath, (path) => void (path && this.openPath(path))),
      backend.onMenu(MENU_EVENTS.saveCopy, () => void this.saveCopy()),
      backend.onMenu(MENU_EVENTS.reveal, () => void this.reveal()),
      backend.onMenu(MENU_EVENTS.importPicture, () => void this.importPicture()),
      backend.onMenu(MENU_EVENTS.importTextFolder, () => void this.importTextFolder()),
      backend.onMenu(MENU_EVENTS.exportTextFolder, () => void this.exportTextFolder()),
    ];
  }

  /** Fetches the recent list again (after a switch, and when a menu opens). */
  async refreshRecent() {
    try {
      this.recent = await this.backend.recentWorkspaces();
    } catch {
      // The list is a convenience; the menu then shows the one last fetched.
    }
  }

  /** New Workspace…: where to save it, then (in a dialog) what it starts with. */
  async newWorkspace() {
    const path = await this.ask(() => chooseFileToSave('New workspace', 'Untitled.throughline', [WORKSPACE_FILTER]));
    if (path) this.pendingNew = path;
  }

  /** Creates the workspace chosen in `newWorkspace` with `start`, and switches to it. */
  async createNew(start: NewWorkspace) {
    const path = this.pendingNew;
    this.pendingNew = null;
    if (path) await this.switchWith(() => this.backend.newWorkspace(path, start));
  }

  cancelNew() {
    this.pendingNew = null;
  }

  /** Open…: a workspace file chosen in the open dialog. */
  async open() {
    const path = await this.ask(() => chooseFileToOpen('Open a workspace', [WORKSPACE_FILTER]));
    if (path) await this.openPath(path);
  }

  /** Opens the workspace at `path` (Open Recent, a second launch): a file that is gone is refused and dropped from the list. */
  async openPath(path: string) {
    await this.switchWith(() => this.backend.openWorkspace(path));
  }

  /** Save a Copy As…: a consistent copy of the open workspace; the window stays on this one. */
  async saveCopy() {
    const info = this.host.current();
    if (!info) return;
    const path = await this.ask(() =>
      chooseFileToSave('Save a copy of the workspace', `${info.name} copy.throughline`, [WORKSPACE_FILTER]),
    );
    if (!path) return;
    try {
      await this.host.idle();
      // The native dialog has asked before replacing a file.
      await this.backend.saveWorkspaceCopy(path, true);
      this.notice = { kind: 'done', message: `A copy of ${info.name} was saved as ${path}` };
    } catch (reason) {
      this.notice = { kind: 'failed', message: toApiError(reason).message };
    }
  }

  /** Import › Picture…: an SVG or PNG exported by Throughline, chosen in the open dialog. */
  async importPicture() {
    if (!this.host.current()) return;
    const path = await this.ask(() =>
      chooseFileToOpen('Import a picture exported by Throughline', [
        { name: 'Exported picture', extensions: ['svg', 'png'] },
      ]),
    );
    if (path) this.host.importPicture(path);
  }

  /**
   * Import › Text folder…: a folder in the canonical text form (a Git checkout), then where to save
   * the workspace made from it, which the window then switches to.
   */
  async importTextFolder() {
    const dir = await this.ask(() => chooseFolder('Import a workspace from its text folder'));
    if (!dir) return;
    const name = dir.split(/[\\/]/).filter(Boolean).at(-1) ?? 'Imported';
    const path = await this.ask(() =>
      chooseFileToSave('Save the imported workspace as', `${name}.throughline`, [WORKSPACE_FILTER]),
    );
    if (path) await this.switchWith(() => this.backend.openTextFolder(dir, path));
  }

  /** Export › Text folder…: the open workspace's canonical text form, written into a folder. */
  async exportTextFolder() {
    const info = this.host.current();
    if (!info) return;
    const dir = await this.ask(() => chooseFolder('Export the workspace as a text folder'));
    if (!dir) return;
    try {
      await this.host.idle();
      await this.backend.saveTextFolder(dir);
      this.notice = { kind: 'done', message: `${info.name} was written as text into ${dir}` };
    } catch (reason) {
      this.notice = { kind: 'failed', message: toApiError(reason).message };
    }
  }

  /** Reveal in File Manager. */
  async reveal() {
    try {
      await this.backend.revealWorkspace();
    } catch (reason) {
      this.notice = { kind: 'failed', message: toApiError(reason).message };
    }
  }

  dismissNotice() {
    this.notice = null;
  }

  /** Runs a dialog; a dialog that fails to open is reported, not thrown. */
  private async ask(dialog: () => Promise<string | null>): Promise<string | null> {
    try {
      return await dialog();
    } catch (reason) {
      this.notice = { kind: 'failed', message: toApiError(reason).message };
      return null;
    }
  }

  private async switchWith(open: () => Promise<WorkspaceInfo>) {
    if (this.busy) return;
    this.busy = true;
    const startedAt = performance.now();
    try {
      await this.host.idle();
      const info = await open();
      this.notice = null;
      await this.host.switched(info, startedAt);
    } catch (reason) {
      this.notice = { kind: 'failed', message: toApiError(reason).message };
    } finally {
      this.busy = false;
      await this.refreshRecent();
    }
  }
}
