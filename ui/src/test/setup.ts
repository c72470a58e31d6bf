// What jsdom lacks and the components use: element size observation (bind:clientWidth). Sizes stay 0
// in tests, so nothing is fitted or zoomed there.
class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= ResizeObserverStub;
