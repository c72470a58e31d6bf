import { describe, expect, it } from 'vitest';
import { dockState, toggleAction } from './dock';

const none = { details: false, comments: false, impact: false, changes: false, checks: false, history: false };

describe('dockState', () => {
  it('is empty with no panel open', () => {
    expect(dockState(none, 'details')).toEqual({ tabs: [], front: null });
  });

  it('lists open panels in tab order and puts the wanted one in front', () => {
    const open = { ...none, details: true, impact: true, checks: true };
    expect(dockState(open, 'checks')).toEqual({ tabs: ['details', 'impact', 'checks'], front: 'checks' });
  });

  it('brings the first open panel forward when the wanted one is closed', () => {
    expect(dockState({ ...none, impact: true, checks: true }, 'details')).toEqual({
      tabs: ['impact', 'checks'],
      front: 'impact',
    });
  });
});

describe('toggleAction', () => {
  it('closes the panel in front and brings any other forward', () => {
    const state = dockState({ ...none, details: true, checks: true }, 'checks');
    expect(toggleAction(state, 'checks')).toBe('close');
    expect(toggleAction(state, 'details')).toBe('front');
    expect(toggleAction(state, 'impact')).toBe('front');
  });
});
