// The events the menu bar sends, one per File-menu item. The names are defined in
// src-tauri/src/menu.rs (`events`), whose test checks that every one of them is here.

/** Event names by File-menu item. */
export const MENU_EVENTS = {
  newWorkspace: 'menu-new-workspace',
  openWorkspace: 'menu-open-workspace',
  /** Open Recent's items and a second launch naming a file; the payload is the path. */
  openPath: 'menu-open-path',
  saveCopy: 'menu-save-copy',
  reveal: 'menu-reveal-workspace',
  importPicture: 'menu-import-picture',
  exportPicture: 'menu-export',
  importTextFolder: 'menu-import-text',
  exportTextFolder: 'menu-export-text',
  /** Heard by the CSV import, which asks for its file itself. */
  importCsv: 'menu-import-csv',
  /** Heard by the CSV export, which asks for its file itself. */
  exportCsv: 'menu-export-csv',
} as const;

/** One of the menu bar's events this module handles. */
export type MenuEvent = (typeof MENU_EVENTS)[keyof typeof MENU_EVENTS];
