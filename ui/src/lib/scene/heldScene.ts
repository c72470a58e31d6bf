// The scene the window has, as the backend numbered it, held by the Tauri backend so that an edit,
// undo or redo answers with what changed in it instead of the window fetching the whole scene again.
// The patched scene is handed out to the window's fetches of that journey until a call that may change
// the workspace otherwise (a paste, an import, a switch of workspace) comes between: then the next fetch
// goes to the backend. Calls that only read (the journey list, a card's details, the checks) leave it
// the one to show. A version the backend does not recognise, or an answer without a patch, drops the
// held scene; the next fetch renumbers it.
import type { Id } from '../bindings/Id';
import type { Scene } from '../bindings/Scene';
import type { SceneUpdate } from '../bindings/SceneUpdate';
import type { ShownScene } from '../bindings/ShownScene';
import { followUpdate, type NumberedScene } from './patch';

/** The version sent when the window holds no numbered scene: the backend never issues it. */
export const NO_SCENE = Number.MAX_SAFE_INTEGER;

export class HeldScene {
  private held: NumberedScene | null = null;
  /** Whether the held scene is the workspace as it is now (no changing call since it was patched). */
  private current = false;

  /** Notes a call that may change the workspace other than through an edit's answer. */
  changing() {
    this.current = false;
  }

  /** The version of the scene held, for the backend to diff against. */
  have(): number {
    return this.held?.version ?? NO_SCENE;
  }

  /** Takes a scene fetched whole, with its number. */
  fetched(shown: ShownScene): Scene {
    this.held = { scene: shown.scene, version: shown.version };
    this.current = true;
    return shown.scene;
  }

  /** Takes an edit's answer: the held scene patched, or dropped when it cannot be. */
  answered(update: SceneUpdate) {
    this.held = followUpdate(this.held, update);
    this.current = this.held !== null;
  }

  /** The held scene of `journey`, when it is still the workspace as it is now. */
  take(journey: Id): Scene | null {
    return this.current && this.held?.scene.journey === journey ? this.held.scene : null;
  }
}
