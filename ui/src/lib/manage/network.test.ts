import { describe, expect, it } from 'vitest';
import { NETWORK_KINDS, networkKindLabel, nodeLook } from './network';

describe('network looks', () => {
  it('gives every kind its own fill and a label', () => {
    const fills = new Set(NETWORK_KINDS.map((k) => nodeLook(k).fill));
    expect(fills.size).toBe(NETWORK_KINDS.length);
    expect(networkKindLabel('step')).toBe('Card');
    expect(networkKindLabel('system')).toBe('System');
  });
});
