import { describe, expect, it } from 'vitest';
import type { Scene } from '../bindings/Scene';
import { broadbandInstallation, homeInsuranceClaim } from '../../test/fixtures';
import { sameValue, shareScene } from './share';

/** A deep copy, as a new scene from the backend would be. */
function fresh(scene: Scene): Scene {
  return JSON.parse(JSON.stringify(scene));
}

describe('sameValue', () => {
  it('compares JSON values structurally', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
  });
});

describe('shareScene', () => {
  it('keeps every unchanged part of the previous scene, down to the same arrays', () => {
    const previous = homeInsuranceClaim;
    const next = shareScene(previous, fresh(previous));
    expect(next.cards).toBe(previous.cards);
    expect(next.lanes).toBe(previous.lanes);
    expect(next.arrows).toBe(previous.arrows);
    expect(next.styles).toBe(previous.styles);
    expect(next.colours).toBe(previous.colours);
  });

  it('replaces only the cards that changed', () => {
    const previous = homeInsuranceClaim;
    const changed = fresh(previous);
    changed.cards[3].lines[0].text = 'New words';
    const next = shareScene(previous, changed);
    expect(next.cards).not.toBe(previous.cards);
    expect(next.cards[3]).toBe(changed.cards[3]);
    expect(next.cards.filter((c, i) => c === previous.cards[i])).toHaveLength(previous.cards.length - 1);
  });

  it('shares nothing with the scene of another journey', () => {
    const next = fresh(broadbandInstallation);
    expect(shareScene(homeInsuranceClaim, next)).toBe(next);
    expect(shareScene(null, next)).toBe(next);
  });
});
