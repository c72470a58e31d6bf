import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { OpportunityView } from '../../lib/bindings/OpportunityView';
import { newOpportunity } from '../../lib/manage/opportunities';
import OpportunityMatrix from './OpportunityMatrix.svelte';

const view: OpportunityView = {
  opportunity: { ...newOpportunity('Text the arrival time'), value: 4, effort: 5 },
  journey: { id: 'j', name: 'Boiler repair' },
  owner: null,
  addresses: [],
};

describe('the value-against-effort matrix', () => {
  it('re-rates a dot a step with the arrow keys, never off the scale', async () => {
    const onrate = vi.fn();
    const onchoose = vi.fn();
    render(OpportunityMatrix, { views: [view], chosen: null, onchoose, onrate });
    const dot = screen.getByRole('button', { name: /Text the arrival time: value 4, effort 5/ });
    await fireEvent.keyDown(dot, { key: 'ArrowUp' });
    expect(onrate).toHaveBeenLastCalledWith(view, 5, 5);
    await fireEvent.keyDown(dot, { key: 'ArrowLeft' });
    expect(onrate).toHaveBeenLastCalledWith(view, 4, 4);
    onrate.mockClear();
    await fireEvent.keyDown(dot, { key: 'ArrowRight' });
    expect(onrate).not.toHaveBeenCalled();
    expect(onchoose).toHaveBeenCalledWith(view.opportunity.id);
  });
});
