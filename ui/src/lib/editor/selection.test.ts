import { describe, expect, it } from 'vitest';
import { cardAt, laneId, scene, stageId } from '../../test/grid';
import { indexScene } from '../scene/sceneIndex';
import { addCards, liveSelection, NOTHING, selectCards, toggleCard } from './selection';

const index = indexScene(scene);

describe('selection', () => {
  it('toggles cards in and out, keeping the order they were picked in', () => {
    const one = toggleCard(NOTHING, 'a');
    expect(one).toEqual({ kind: 'cards', ids: ['a'] });
    expect(toggleCard(one, 'b')).toEqual({ kind: 'cards', ids: ['a', 'b'] });
    expect(toggleCard(toggleCard(one, 'b'), 'a')).toEqual({ kind: 'cards', ids: ['b'] });
    expect(toggleCard(one, 'a')).toEqual(NOTHING);
  });

  it('adds boxed cards after the ones already selected, once each', () => {
    expect(addCards(selectCards(['a', 'b']), ['b', 'c'])).toEqual({ kind: 'cards', ids: ['a', 'b', 'c'] });
    expect(addCards({ kind: 'stage', id: 's' }, ['c'])).toEqual({ kind: 'cards', ids: ['c'] });
  });

  it('keeps only what the scene still has', () => {
    const kept = selectCards([cardAt(1, 0).id, 'gone']);
    expect(liveSelection(kept, index)).toEqual({ kind: 'cards', ids: [cardAt(1, 0).id] });
    const all = selectCards([cardAt(1, 0).id]);
    expect(liveSelection(all, index)).toBe(all);
    expect(liveSelection({ kind: 'cell', lane: laneId(1), stage: 'gone' }, index)).toEqual(NOTHING);
    expect(liveSelection({ kind: 'stage', id: stageId(1) }, index)).toEqual({ kind: 'stage', id: stageId(1) });
    expect(liveSelection({ kind: 'lane', id: 'gone' }, index)).toEqual(NOTHING);
    expect(liveSelection({ kind: 'arrow', id: scene.arrows[0].id }, index).kind).toBe('arrow');
  });
});
