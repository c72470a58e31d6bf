// What jsdom lacks and the components use: element size observation (bind:clientWidth) and pointer
// capture. Sizes stay 0 in tests, so nothing is fitted, zoomed or culled there, and scene coordinates
// equal client coordinates.
class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= ResizeObserverStub;
Element.prototype.setPointerCapture ??= () => undefined;
Element.prototype.releasePointerCapture ??= () => undefined;
