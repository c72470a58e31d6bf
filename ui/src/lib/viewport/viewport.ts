// Pan and zoom of the canvas, on d3-zoom: drag to pan (where the editor does not claim the drag), Ctrl+wheel
// or pinch to zoom around the pointer, plain wheel to scroll, and the zoom commands of the toolbar and
// keyboard.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import { fitBoxTransform, MAX_SCALE, MIN_SCALE, revealScroll, type Box, type ViewTransform } from './fit';
import { wheelScroll, wheelZoomExponent } from './wheel';

/** The zoom controls of one canvas element. */
export interface Viewport {
  /** Shows the scene box `box` whole and centred, at most at `maxScale`. */
  fitBox(box: Box, padding: number, maxScale: number): void;
  /** Shows the scene with transform `t` (as fit-width and opening a journey work it out). */
  show(t: ViewTransform): void;
  /** Scrolls just enough to bring the scene box `box` into view with `margin` screen pixels around it. */
  reveal(box: Box, margin: number): void;
  /** Multiplies the zoom by `factor` around the centre of the view. */
  zoomBy(factor: number): void;
  /** Sets the zoom to `scale` around the centre of the view. */
  zoomTo(scale: number): void;
  /** Scrolls the view by screen pixels. */
  scrollBy(dx: number, dy: number): void;
  /** Removes every listener. */
  destroy(): void;
}

/**
 * Makes `element` pannable and zoomable. `viewSize` gives its current size; `onChange` receives every
 * new transform, which the caller applies to the drawing; `canPanFrom` says whether a mouse press may
 * start a pan (the editor keeps presses on cards and handles for dragging them).
 */
export function attachViewport(
  element: HTMLElement,
  viewSize: () => { width: number; height: number },
  onChange: (t: ViewTransform) => void,
  canPanFrom: (event: MouseEvent) => boolean = () => true,
): Viewport {
  const selection = select<HTMLElement, unknown>(element);
  const behaviour = zoom<HTMLElement, unknown>()
    .scaleExtent([MIN_SCALE, MAX_SCALE])
    .clickDistance(4)
    .extent(() => {
      const { width, height } = viewSize();
      return [
        [0, 0],
        [width, height],
      ];
    })
    .filter((event: MouseEvent | WheelEvent | TouchEvent) => {
      if (event.type === 'wheel') return event.ctrlKey;
      if (event.ctrlKey || (event as MouseEvent).button) return false;
      return !(event instanceof MouseEvent) || canPanFrom(event);
    })
    .wheelDelta((event: WheelEvent) => wheelZoomExponent(event))
    .on('zoom', (event: { transform: ViewTransform }) => {
      const { k, x, y } = event.transform;
      onChange({ k, x, y });
    });

  selection.call(behaviour).on('dblclick.zoom', null);

  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey) return;
    event.preventDefault();
    const { dx, dy } = wheelScroll(event);
    const { k } = zoomTransform(element);
    behaviour.translateBy(selection, -dx / k, -dy / k);
  };
  element.addEventListener('wheel', onWheel, { passive: false });

  return {
    fitBox(box, padding, maxScale) {
      const view = viewSize();
      const t = fitBoxTransform(box, view.width, view.height, padding, maxScale);
      behaviour.transform(selection, zoomIdentity.translate(t.x, t.y).scale(t.k));
    },
    show(t) {
      behaviour.transform(selection, zoomIdentity.translate(t.x, t.y).scale(t.k));
    },
    reveal(box, margin) {
      const view = viewSize();
      const { dx, dy } = revealScroll(box, zoomTransform(element), view.width, view.height, margin);
      if (dx === 0 && dy === 0) return;
      const { k } = zoomTransform(element);
      behaviour.translateBy(selection, -dx / k, -dy / k);
    },
    zoomBy(factor) {
      behaviour.scaleBy(selection, factor);
    },
    zoomTo(scale) {
      behaviour.scaleTo(selection, scale);
    },
    scrollBy(dx, dy) {
      const { k } = zoomTransform(element);
      behaviour.translateBy(selection, -dx / k, -dy / k);
    },
    destroy() {
      element.removeEventListener('wheel', onWheel);
      selection.on('.zoom', null);
    },
  };
}
