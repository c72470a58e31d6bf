import { describe, expect, it } from 'vitest';
import { homeInsuranceClaim } from '../../test/fixtures';
import { indexScene } from '../scene/sceneIndex';
import { copyKey, pasteTarget, pastingFor, writeClip } from './clipboard';
import { NOTHING, selectCards } from './selection';

const clip = { rich: '{"format":"throughline-journey"}', text: 'Calls\nWaits', tsv: 'stage\tlane', html: '<table></table>' };

describe('the clipboard', () => {
  it('writes the lines, the table and the TSV, and remembers the rich form with its text', () => {
    const written = new Map<string, string>();
    const copied = writeClip({ setData: (type, value) => written.set(type, value) }, clip);
    expect(Object.fromEntries(written)).toEqual({
      'text/plain': 'Calls\nWaits',
      'text/html': '<table></table>',
      'text/tab-separated-values': 'stage\tlane',
    });
    expect(copied).toEqual({ text: clip.text, rich: clip.rich });
  });

  it('pastes the rich form only while the clipboard holds the text that copy wrote', () => {
    const copied = { text: clip.text, rich: clip.rich };
    expect(pastingFor('Calls\nWaits', copied)).toEqual({ kind: 'rich', rich: clip.rich });
    expect(pastingFor('Calls\r\nWaits\r\n', copied)).toEqual({ kind: 'rich', rich: clip.rich });
    expect(pastingFor('Calls\nWaits a bit', copied)).toEqual({ kind: 'text', text: 'Calls\nWaits a bit' });
    expect(pastingFor('Sticky one\nSticky two', null)).toEqual({ kind: 'text', text: 'Sticky one\nSticky two' });
    expect(pastingFor('', copied)).toBeNull();
  });

  it('pastes into the selected cell or the cell of the first selected card', () => {
    const index = indexScene(homeInsuranceClaim);
    const [first, second] = homeInsuranceClaim.cards;
    expect(pasteTarget({ kind: 'cell', lane: first.lane, stage: second.stage }, index)).toEqual({
      lane: first.lane,
      stage: second.stage,
    });
    expect(pasteTarget(selectCards([second.id, first.id]), index)).toEqual({ lane: second.lane, stage: second.stage });
    expect(pasteTarget(NOTHING, index)).toBeNull();
    expect(pasteTarget({ kind: 'stage', id: first.stage }, index)).toBeNull();
  });

  it('tells a prepared copy from one of another selection or scene', () => {
    expect(copyKey('j', ['a', 'b'], 3)).toBe(copyKey('j', ['a', 'b'], 3));
    expect(copyKey('j', ['a', 'b'], 3)).not.toBe(copyKey('j', ['b', 'a'], 3));
    expect(copyKey('j', ['a'], 3)).not.toBe(copyKey('j', ['a'], 4));
  });
});
