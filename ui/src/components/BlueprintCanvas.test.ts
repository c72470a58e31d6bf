import { render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { HeadingDiff } from '../lib/bindings/HeadingDiff';
import { NOTHING } from '../lib/editor/selection';
import { indexScene } from '../lib/scene/sceneIndex';
import { homeInsuranceClaim } from '../test/fixtures';
import BlueprintCanvas, { type CanvasRequests } from './BlueprintCanvas.svelte';

const requests: CanvasRequests = {
  select: vi.fn(),
  pressCard: vi.fn(() => []),
  clickCard: vi.fn(),
  open: vi.fn(),
  dropCards: vi.fn(),
  dropHeading: vi.fn(),
  link: vi.fn(),
  boxSelect: vi.fn(),
  menu: vi.fn(),
};

function diff(id: string, change: HeadingDiff['change'], renamed_from: string | null = null): HeadingDiff {
  return { id, change, name: 'x', renamed_from, reordered: false, fields: [] };
}

describe('the blueprint compared with an older version', () => {
  it('outlines the stages and lanes that differ on their headings, each saying what it is', () => {
    const scene = homeInsuranceClaim;
    const [stage, lane] = [scene.stages[1], scene.lanes[2]];
    const headingChanges = new Map([
      [stage.id, diff(stage.id, 'changed', 'Claim')],
      [lane.id, diff(lane.id, 'added')],
    ]);
    const { container } = render(BlueprintCanvas, {
      scene,
      index: indexScene(scene),
      selection: NOTHING,
      requests,
      headingChanges,
    });
    const marks = [...container.querySelectorAll('[data-testid="change-marks"] rect[data-heading]')];
    expect(marks.map((m) => m.getAttribute('data-heading'))).toEqual([stage.id, lane.id]);
    const [stageMark, laneMark] = marks;
    expect(stageMark.getAttribute('x')).toBe(String(stage.header.x));
    expect(stageMark.getAttribute('class')).toContain('changed');
    expect(stageMark.querySelector('title')?.textContent).toContain('Stage changed since then');
    expect(stageMark.querySelector('title')?.textContent).toContain('Was called “Claim”');
    expect(laneMark.getAttribute('y')).toBe(String(lane.header.y));
    expect(laneMark.getAttribute('class')).toContain('added');
    expect(laneMark.querySelector('title')?.textContent).toBe('Lane added since then');
  });
});
