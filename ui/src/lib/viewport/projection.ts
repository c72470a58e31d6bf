// The "Larger text for projection" setting, kept in the WebView's local storage so it survives a
// restart on the machine driving the projector.
import { loadFlag, saveFlag } from '../storedFlag';

const KEY = 'throughline.largerTextForProjection';

/** Whether larger text for projection is on (off when storage cannot be read). */
export function loadProjection(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  return loadFlag(KEY, false, storage);
}

/** Remembers the setting; a storage that refuses only loses it for the next start. */
export function saveProjection(on: boolean, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  saveFlag(KEY, on, storage);
}
