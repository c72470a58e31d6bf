// The emotion band's curves as one list, whoever they are for, so drawing and filtering treat the
// journey's first persona (the band's main curve) like the others.
import type { EmotionBand } from '../bindings/EmotionBand';
import type { EmotionPoint } from '../bindings/EmotionPoint';
import type { Id } from '../bindings/Id';

/** One curve to draw. */
export interface DrawnCurve {
  /** Stable key for the list. */
  key: string;
  /** Whose curve it is; null for a journey that names no persona. */
  persona: Id | null;
  colour: string;
  path: string;
  points: EmotionPoint[];
}

/** The band's curves in the journey's persona order, or only `only`'s when one is chosen. */
export function bandCurves(band: EmotionBand, only: Id | null): DrawnCurve[] {
  const first = band.key[0]?.persona ?? null;
  const all: DrawnCurve[] = [
    { key: first ?? 'main', persona: first, colour: band.stroke, path: band.path, points: band.points },
    ...band.curves.map((c) => ({ key: c.persona, persona: c.persona, colour: c.colour, path: c.path, points: c.points })),
  ];
  const chosen = all.filter((c) => c.persona === only);
  return only === null || chosen.length === 0 ? all : chosen;
}
