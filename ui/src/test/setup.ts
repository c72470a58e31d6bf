// What jsdom lacks and the components use: element size observation (bind:clientWidth), pointer
// capture, CSS.escape (for selectors built from ids) and scrolling into view. Sizes stay 0 in tests, so nothing is fitted, zoomed or culled there, and scene coordinates
// equal client coordinates.
import { lazy } from '../lib/lazy';

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= ResizeObserverStub;
Element.prototype.setPointerCapture ??= () => undefined;
Element.prototype.releasePointerCapture ??= () => undefined;

// Ids are UUIDs: nothing in them needs escaping in a selector.
globalThis.CSS ??= { escape: (value: string) => value } as typeof CSS;
Element.prototype.scrollIntoView ??= () => undefined;

// The parts of the window loaded on first use are fetched before the tests, as the window fetches
// them once its first blueprint is painted: a test then meets them at once, as a person would.
await Promise.all(Object.values(lazy).map((load) => load()));
