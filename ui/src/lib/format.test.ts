import { describe, expect, it } from 'vitest';
import { countLabel, sceneSummary, zoomLabel } from './format';

describe('format', () => {
  it('counts in singular and plural', () => {
    expect(countLabel(1, 'card')).toBe('1 card');
    expect(countLabel(0, 'card')).toBe('0 cards');
    expect(countLabel(36, 'card')).toBe('36 cards');
  });

  it('summarises a scene', () => {
    expect(sceneSummary(36, 6)).toBe('36 cards · 6 stages');
  });

  it('shows zoom as a whole percentage', () => {
    expect(zoomLabel(1)).toBe('100 %');
    expect(zoomLabel(0.7349)).toBe('73 %');
  });
});
