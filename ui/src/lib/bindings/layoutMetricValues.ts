// Written by the bindings test from throughline_render::LAYOUT_METRICS. Do not edit.
import type { LayoutMetrics } from './LayoutMetrics';

/** The measures the layout lays cards out with. */
export const LAYOUT_METRICS: LayoutMetrics = {"card_line_height":18.0,"card_text_inset":14.0,"lane_padding":18.0,"card_inset":14.0};
