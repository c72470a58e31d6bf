// What the Future state view shows for the journey chosen in the sidebar: the journey beside its
// future state (or a future state beside its current one), or that it has none yet. Fetched again
// when the journey or the workspace changes; an answer that arrives after a newer question is dropped.
import type { Backend } from '../backend';
import { toApiError } from '../backend';
import type { FutureStateView } from '../bindings/FutureStateView';
import type { Id } from '../bindings/Id';

/** What the view shows. */
export type FutureShown =
  | { kind: 'loading' }
  | { kind: 'none'; journey: Id }
  | { kind: 'pair'; view: FutureStateView }
  | { kind: 'failed'; message: string };

export class FutureStates {
  shown = $state.raw<FutureShown>({ kind: 'loading' });
  private asked = 0;

  constructor(private readonly backend: Pick<Backend, 'futureStateOf' | 'futureState'>) {}

  /** Fetches the pair to show for `journey`. */
  async load(journey: Id): Promise<void> {
    const ask = ++this.asked;
    try {
      const future = await this.backend.futureStateOf(journey);
      const shown: FutureShown =
        future === null ? { kind: 'none', journey } : { kind: 'pair', view: await this.backend.futureState(future) };
      if (ask === this.asked) this.shown = shown;
    } catch (reason) {
      if (ask === this.asked) this.shown = { kind: 'failed', message: toApiError(reason).message };
    }
  }
}
