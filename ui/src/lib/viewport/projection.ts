// The "Larger text for projection" setting, kept in the WebView's local storage so it survives a
// restart on the machine driving the projector.

const KEY = 'throughline.largerTextForProjection';

/** Whether larger text for projection is on (off when storage cannot be read). */
export function loadProjection(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Remembers the setting; a storage that refuses only loses it for the next start. */
export function saveProjection(on: boolean, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Nothing to tell: the setting still holds for this session.
  }
}
