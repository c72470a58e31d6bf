// The export dialog's choices as a plain form, what it starts with, whether it can be sent, and how it
// becomes the `ExportOptions` the Rust side renders with. Pure, so the dialog's logic is tested here.
import type { ExportFormat } from '../bindings/ExportFormat';
import type { ExportOptions } from '../bindings/ExportOptions';
import type { Paper } from '../bindings/Paper';
import { LIMITS } from '../bindings/limitValues';

/** The widest PNG the renderer makes. */
export const MAX_PNG_WIDTH = LIMITS.max_png_side;
/** PNG scales offered, in blueprint pixels per pixel. */
export const SCALES = [1, 2, 3, 4] as const;

export interface ExportForm {
  format: ExportFormat;
  /** PNG: sized by a scale or by a width in pixels. */
  size: 'scale' | 'width';
  scale: number;
  /** PNG: the width in pixels when `size` is 'width' (the height follows). */
  width: number;
  /** PNG: transparent instead of white. */
  transparent: boolean;
  /** PDF: one page fitted to the blueprint, or tiled across sheets of a paper size. */
  pages: 'fit' | Paper;
  /** PDF, tiled: sheets turned sideways. */
  landscape: boolean;
  titleBlock: boolean;
  legend: boolean;
  emotion: boolean;
  owners: boolean;
  handoffs: boolean;
  painNotes: boolean;
  /** The open comments as numbered notes; off unless asked. */
  comments: boolean;
  /** A future state drawn under its current state (only a future state offers it). */
  besideCurrent: boolean;
}

/**
 * What the dialog starts with: a PNG at 1× with everything drawn but the comments, on white; the width
 * field starts at the blueprint's own width. Hand-off markers as the toolbar currently shows them.
 */
export function defaultForm(sceneWidth: number, handoffsShown = true): ExportForm {
  return {
    format: 'png',
    size: 'scale',
    scale: 1,
    width: Math.max(1, Math.round(sceneWidth)),
    transparent: false,
    pages: 'fit',
    landscape: true,
    titleBlock: true,
    legend: true,
    emotion: true,
    owners: true,
    handoffs: handoffsShown,
    painNotes: true,
    comments: false,
    besideCurrent: false,
  };
}

/**
 * The form with the PNG sized by `scale`: the width field follows, at the blueprint's width times the
 * scale, so it says how wide the picture comes out.
 */
export function withScale(form: ExportForm, scale: number, sceneWidth: number): ExportForm {
  return { ...form, size: 'scale', scale, width: Math.max(1, Math.round(sceneWidth * scale)) };
}

/** Whether the form differs from what the dialog started with, so closing it would lose choices. */
export function formChanged(form: ExportForm, start: ExportForm): boolean {
  return (Object.keys(start) as (keyof ExportForm)[]).some((key) => form[key] !== start[key]);
}

/**
 * Why the form cannot even be turned into export options: a PNG width field that does not hold a whole
 * number of pixels. Whether the options can be exported (the size limits) is Rust's rule, asked
 * through `Backend.exportProblem`.
 */
export function inputProblem(form: ExportForm): string | null {
  if (form.format === 'png' && form.size === 'width' && !(Number.isInteger(form.width) && form.width >= 0)) {
    return 'Type the PNG width as a whole number of pixels.';
  }
  return null;
}

/** The form as the options of one export. Choices that do not apply to the format keep their defaults. */
export function toExportOptions(form: ExportForm): ExportOptions {
  const png = form.format === 'png';
  return {
    title_block: form.titleBlock,
    legend: form.legend,
    emotion: form.emotion,
    owners: form.owners,
    handoffs: form.handoffs,
    pain_notes: form.painNotes,
    comments: form.comments,
    beside_current: form.besideCurrent,
    transparent: png && form.transparent,
    scale: png && form.size === 'scale' ? form.scale : 1,
    width: png && form.size === 'width' ? form.width : null,
    pages:
      form.format === 'pdf' && form.pages !== 'fit'
        ? { layout: 'tiled', paper: form.pages, landscape: form.landscape }
        : { layout: 'fit' },
  };
}

/** The last part of a path, for messages ("Exported claim.png"). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** Whether a dropped file may be an exported picture (the import itself says when it is not). */
export function isPicturePath(path: string): boolean {
  return /\.(png|svg)$/i.test(path);
}

/** How far an export has come, 0–1. */
export function progressFraction(done: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
}
