// WCAG 2.2 AA over the window's own colours (the custom properties of app.css): every text colour
// reaches 4.5:1 on every background it is shown on, and the focus ring 3:1.
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Read from disk: the test runner hands CSS imports to its own (empty) CSS handling.
const css = readFileSync(resolve(__dirname, 'app.css'), 'utf8');

/** The `#rrggbb` value of each custom property declared in :root. */
function properties(text: string): Map<string, string> {
  const root = /:root\s*{([^}]*)}/.exec(text)?.[1] ?? '';
  return new Map([...root.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1], m[2].toLowerCase()]));
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function ratio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const colours = properties(css);
const BACKGROUNDS = ['surface', 'sidebar', 'canvas', 'hover', 'selected'];

describe('the window colours', () => {
  it('reads every colour of app.css', () => {
    expect([...colours.keys()]).toEqual(expect.arrayContaining(['text', 'muted', 'accent', ...BACKGROUNDS]));
  });

  it('computes the WCAG ratio', () => {
    expect(ratio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  const pairs: [string, string, number][] = [
    ...['text', 'muted', 'accent'].flatMap((fg) => BACKGROUNDS.map((bg): [string, string, number] => [fg, bg, 4.5])),
    ['danger-text', 'danger-soft', 4.5],
    ['danger-text', 'surface', 4.5],
    ['focus', 'surface', 3],
    ['focus', 'canvas', 3],
    ['focus', 'sidebar', 3],
    ['focus', 'selected', 3],
  ];
  it.each(pairs)('%s on %s reaches %s:1', (fg, bg, floor) => {
    const a = colours.get(fg);
    const b = colours.get(bg);
    expect(a, `--${fg} is declared`).toBeDefined();
    expect(b, `--${bg} is declared`).toBeDefined();
    expect(ratio(a!, b!)).toBeGreaterThanOrEqual(floor);
  });
});
