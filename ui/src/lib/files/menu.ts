// The workspace menu of the sidebar: the File menu's items for the page, so a person who never looks
// at the menu bar finds them (and the end-to-end tests can click them). Open Recent is a group of its
// own, the open workspace checked.
import type { RecentWorkspace } from '../bindings/RecentWorkspace';
import type { WorkspaceInfo } from '../bindings/WorkspaceInfo';
import type { MenuItem } from '../editor/menus';
import type { WorkspaceFiles } from './files.svelte';

/** The items whose dialogs other parts of the page own: the picture export (the journey's editor) and
 * the CSV import and export (the CSV dialogs). */
export interface PageDialogs {
  exportPicture: () => void;
  /** Whether a journey is shown, so there is something to export. */
  canExport: boolean;
  importCsv: () => void;
  exportCsv: () => void;
}

/** The folder of `path`, shortened to its last two parts ("…/team/maps"). */
export function folderOf(path: string): string {
  const parts = path.split(/[\\/]/).slice(0, -1);
  if (parts.length <= 3) return parts.join('/') || '/';
  return `…/${parts.slice(-2).join('/')}`;
}

/** The items of the workspace menu. */
export function workspaceMenu(
  files: WorkspaceFiles,
  recent: RecentWorkspace[],
  open: WorkspaceInfo,
  dialogs: PageDialogs,
): MenuItem[] {
  const items: MenuItem[] = [
    { label: 'New Workspace…', run: () => void files.newWorkspace() },
    { label: 'Open…', run: () => void files.open() },
  ];
  recent.forEach((workspace, i) =>
    items.push({
      label: workspace.name,
      keys: folderOf(workspace.path),
      checked: workspace.path === open.path,
      run: () => void files.openPath(workspace.path),
      group: i === 0,
      heading: i === 0 ? 'Open Recent' : undefined,
    }),
  );
  items.push(
    { label: 'Save a Copy As…', run: () => void files.saveCopy(), group: true },
    { label: 'Reveal in File Manager', run: () => void files.reveal() },
    { label: 'Import Picture…', run: () => void files.importPicture(), group: true },
    { label: 'Import Text Folder…', run: () => void files.importTextFolder() },
    { label: 'Import CSV…', run: dialogs.importCsv },
    { label: 'Export Picture…', run: dialogs.exportPicture, disabled: !dialogs.canExport },
    { label: 'Export Text Folder…', run: () => void files.exportTextFolder() },
    { label: 'Export CSV…', run: dialogs.exportCsv },
  );
  return items;
}
