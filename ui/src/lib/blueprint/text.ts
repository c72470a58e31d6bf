// The text styles of a scene as SVG presentation attributes, the same values the Rust SVG writer puts
// in its stylesheet (crates/render/src/svg.rs), so text looks identical on screen and in exports.
import type { FontSpec } from '../bindings/FontSpec';
import type { TextStyles } from '../bindings/TextStyles';

/** Attributes of one kind of text (the family, `TextStyles.family`, is set once on the blueprint's
 * group: Noto Sans, which ships in assets/fonts and is loaded by fonts.css, then the fallback chain
 * the Rust side measures and exports with). */
export interface TextAttributes {
  'font-size': number;
  'font-weight': number;
  fill: string;
}

export function textAttributes(spec: FontSpec): TextAttributes {
  return { 'font-size': spec.size, 'font-weight': spec.weight, fill: spec.fill };
}

/** The name of one text style of a scene (every field of `TextStyles` but the shared family list). */
export type TextStyleName = Exclude<keyof TextStyles, 'family'>;

/** Attributes for every text style of a scene, by the style's name. */
export type SceneTextAttributes = Record<TextStyleName, TextAttributes>;

/** Attributes for every text style of a scene, by the style's name. */
export function sceneTextAttributes(styles: TextStyles): SceneTextAttributes {
  return {
    title: textAttributes(styles.title),
    subtitle: textAttributes(styles.subtitle),
    stage: textAttributes(styles.stage),
    lane: textAttributes(styles.lane),
    card: textAttributes(styles.card),
    channel: textAttributes(styles.channel),
    label: textAttributes(styles.label),
  };
}

/** A number as the Rust writer prints it in path data (rounded to hundredths, no trailing ".0"). */
export function svgNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? '0' : String(rounded);
}

/** The hand-off marker's path: a diamond centred on `at`, exactly as the Rust writer draws it. */
export function handoffDiamond(at: { x: number; y: number }): string {
  return `M${svgNumber(at.x)} ${svgNumber(at.y - 7)}l7 7l-7 7l-7-7z`;
}
