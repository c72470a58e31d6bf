// The native file dialogs (tauri-plugin-dialog) behind one small door, so every File menu action asks
// for paths the same way and the end-to-end tests can answer in place of a dialog WebDriver cannot drive.
import { open, save } from '@tauri-apps/plugin-dialog';

/** A file type offered in a dialog's filter list. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

declare global {
  interface Window {
    /**
     * The end-to-end tests' answers to the next dialogs, oldest first: a path, or null for a dialog the
     * person closed. Each dialog takes one answer; with none queued the native dialog opens.
     */
    __throughlineDialogAnswers?: (string | null)[];
  }
}

/** The next queued test answer, or `undefined` when the native dialog should open. */
function queuedAnswer(): string | null | undefined {
  const answers = window.__throughlineDialogAnswers;
  if (!Array.isArray(answers) || answers.length === 0) return undefined;
  const answer = answers.shift();
  return typeof answer === 'string' ? answer : null;
}

/** Asks for an existing file to open; null when the dialog was closed. */
export async function chooseFileToOpen(title: string, filters: FileFilter[]): Promise<string | null> {
  const answer = queuedAnswer();
  if (answer !== undefined) return answer;
  const path = await open({ title, multiple: false, directory: false, filters });
  return typeof path === 'string' ? path : null;
}

/** Asks for a folder; null when the dialog was closed. */
export async function chooseFolder(title: string): Promise<string | null> {
  const answer = queuedAnswer();
  if (answer !== undefined) return answer;
  const path = await open({ title, multiple: false, directory: true });
  return typeof path === 'string' ? path : null;
}

/**
 * Asks where to save a new file; null when the dialog was closed. The native dialogs ask before
 * replacing a file themselves.
 */
export async function chooseFileToSave(title: string, defaultPath: string, filters: FileFilter[]): Promise<string | null> {
  const answer = queuedAnswer();
  if (answer !== undefined) return answer;
  return save({ title, defaultPath, filters });
}
