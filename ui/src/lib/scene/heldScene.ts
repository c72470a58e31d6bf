// The scene the window has, as the backend numbered it, held by the Tauri backend so that an edit,
// undo or redo answers with what changed in it instead of the window fetching the whole scene again.
// The patched scene is handed out only to the very next call, and only when it asks for that journey:
// any other call in between (a paste, a journey list, a switch of workspace) may have changed what the
// scene should be, so the next fetch goes to the backend. A version the backend does not recognise,
// or an answer without a patch, drops the held scene; the next fetch renumbers it.
import type { Id } from '../bindings/Id';
import type { Scene } from '../bindings/Scene';
import type { SceneUpdate } from '../bindings/SceneUpdate';
import type { ShownScene } from '../bindings/ShownScene';
import { followUpdate, type NumberedScene } from './patch';

/** The version sent when the window holds no numbered scene: the backend never issues it. */
export const NO_SCENE = Number.MAX_SAFE_INTEGER;

export class HeldScene {
  private held: NumberedScene | null = null;
  private calls = 0;
  private patchedAt = -1;

  /** Notes that a call to the backend starts. */
  calling() {
    this.calls += 1;
  }

  /** The version of the scene held, for the backend to diff against. */
  have(): number {
    return this.held?.version ?? NO_SCENE;
  }

  /** Takes a scene fetched whole, with its number. */
  fetched(shown: ShownScene): Scene {
    this.held = { scene: shown.scene, version: shown.version };
    return shown.scene;
  }

  /** Takes an edit's answer: the held scene patched, or dropped when it cannot be. */
  answered(update: SceneUpdate) {
    this.held = followUpdate(this.held, update);
    if (this.held) this.patchedAt = this.calls;
  }

  /** The patched scene of `journey`, when the call asking is the first since the patch. */
  take(journey: Id): Scene | null {
    const fresh = this.held !== null && this.patchedAt === this.calls - 1 && this.held.scene.journey === journey;
    return fresh ? (this.held as NumberedScene).scene : null;
  }
}
