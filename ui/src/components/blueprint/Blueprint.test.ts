import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../lib/bindings/Scene';
import type { TextStyles } from '../../lib/bindings/TextStyles';
import type { TextStyleName } from '../../lib/blueprint/text';
import { homeInsuranceClaim, homeInsuranceClaimSvg } from '../../test/fixtures';
import Blueprint from './Blueprint.svelte';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A number as the Rust writer prints it: rounded to hundredths. */
function rounded(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value) ? String(Math.round(Number(value) * 100) / 100) : value;
}

/** The fill an inline `style="fill:…"` sets, if any. */
function inlineFill(element: Element): string | undefined {
  return /^fill:\s*([^;]+);?$/.exec(element.getAttribute('style') ?? '')?.[1];
}

/**
 * One element as a comparable line: tag, attributes sorted with numbers rounded, and the text of a
 * `<text>`. A Rust text's class, and an inline fill overriding it, are replaced by the style they name,
 * which the UI sets as attributes.
 */
function signature(element: Element, styles: TextStyles): string {
  const attributes = new Map<string, string>();
  for (const { name, value } of Array.from(element.attributes)) {
    if (element.tagName === 'text' && name === 'class') {
      const style = styles[value as TextStyleName];
      attributes.set('font-size', String(style.size));
      attributes.set('font-weight', String(style.weight));
      attributes.set('fill', inlineFill(element) ?? style.fill);
    } else if (element.tagName === 'text' && name === 'style' && inlineFill(element)) {
      continue;
    } else {
      attributes.set(name, rounded(value));
    }
  }
  const sorted = [...attributes].sort(([a], [b]) => a.localeCompare(b)).map(([n, v]) => `${n}="${v}"`);
  const text = element.tagName === 'text' ? ` | ${element.textContent}` : '';
  return `${element.tagName} ${sorted.join(' ')}${text}`;
}

function rustElements(svg: string, scene: Scene): string[] {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  return Array.from(root.querySelectorAll('*'))
    .filter((e) => e.tagName !== 'style')
    .map((e) => signature(e, scene.styles));
}

function drawn(scene: Scene): Element {
  const svg = document.createElementNS(SVG_NS, 'svg');
  document.body.append(svg);
  render(Blueprint, { target: svg, props: { scene } });
  const group = svg.querySelector('g.blueprint');
  if (!group) throw new Error('Blueprint drew no group');
  return group;
}

describe('Blueprint', () => {
  it('draws the same elements, attributes, colours, text and order as the Rust SVG writer', () => {
    const scene = homeInsuranceClaim;
    const ours = Array.from(drawn(scene).querySelectorAll('*')).map((e) => signature(e, scene.styles));
    expect(ours).toEqual(rustElements(homeInsuranceClaimSvg, scene));
  });

  it('sets every text in the family list the scene carries, exactly as the Rust stylesheet does', () => {
    const family = homeInsuranceClaim.styles.family;
    expect(family.startsWith("'Noto Sans',")).toBe(true);
    expect(family.endsWith(',sans-serif')).toBe(true);
    expect(drawn(homeInsuranceClaim).getAttribute('font-family')).toBe(family);
    const rules = homeInsuranceClaimSvg.match(/font-family:[^;]*;/g) ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).toBe(`font-family:${family};`);
  });

  it('creates SVG elements, keyed by card id', () => {
    const group = drawn(homeInsuranceClaim);
    const cards = group.querySelectorAll('g[data-id]');
    expect(cards).toHaveLength(homeInsuranceClaim.cards.length);
    expect(cards[0].namespaceURI).toBe(SVG_NS);
    expect(cards[0].getAttribute('data-id')).toBe(homeInsuranceClaim.cards[0].id);
  });
});
