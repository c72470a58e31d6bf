// On/off settings kept in the WebView's local storage, so they survive a restart on the machine they
// were chosen on (larger text on the projector's laptop, the sidebar folded on a small screen).

/** Whether the setting stored under `key` is on (`fallback` when unset or storage cannot be read). */
export function loadFlag(key: string, fallback: boolean, storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    const value = storage?.getItem(key);
    return value === 'on' ? true : value === 'off' ? false : fallback;
  } catch {
    return fallback;
  }
}

/** Remembers the setting; a storage that refuses only loses it for the next start. */
export function saveFlag(key: string, on: boolean, storage: Pick<Storage, 'setItem'> | undefined) {
  try {
    storage?.setItem(key, on ? 'on' : 'off');
  } catch {
    // Nothing to tell: the setting still holds for this session.
  }
}
