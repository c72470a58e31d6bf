// The clipboard of the blueprint, as pure functions: what a copy writes (plain lines for chats and
// other programs, an HTML table for spreadsheets, the table as TSV), where a paste goes, and whether
// it pastes the cards with everything about them or the clipboard's text as one card per line. The
// rich form cannot be trusted to survive the system clipboard as a custom type, so the window keeps
// the last copy beside the text it wrote and uses it while the clipboard still holds that text.
import type { Clip } from '../bindings/Clip';
import type { Pasting } from '../bindings/Pasting';
import type { SceneIndex, Cell } from '../scene/sceneIndex';
import type { Selection } from './selection';

/** The last copy made in this window: the text it put on the clipboard and its rich form. */
export interface CopiedClip {
  text: string;
  rich: string;
}

/** Writes a copy's forms to the clipboard of a copy or cut event, and returns what to remember. */
export function writeClip(data: Pick<DataTransfer, 'setData'>, clip: Clip): CopiedClip {
  data.setData('text/plain', clip.text);
  data.setData('text/html', clip.html);
  data.setData('text/tab-separated-values', clip.tsv);
  return { text: clip.text, rich: clip.rich };
}

/** Text with its line ends made alike, since the system clipboard may turn `\n` into `\r\n`. */
function normalised(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/**
 * What to paste for the clipboard's `text`: the remembered copy's rich form while the clipboard still
 * holds the text that copy wrote, else the text itself (the backend makes it cards, line by line, or
 * refuses it); null when there is nothing at all.
 */
export function pastingFor(text: string, copied: CopiedClip | null): Pasting | null {
  if (text === '') return null;
  if (copied && normalised(text) === normalised(copied.text)) return { kind: 'rich', rich: copied.rich };
  return { kind: 'text', text };
}

/** Where a paste goes: the selected cell, or the cell of the first selected card; null otherwise. */
export function pasteTarget(selection: Selection, index: SceneIndex): Cell | null {
  if (selection.kind === 'cell') return { lane: selection.lane, stage: selection.stage };
  if (selection.kind === 'cards') {
    const card = index.cards.get(selection.ids[0]);
    return card ? { lane: card.lane, stage: card.stage } : null;
  }
  return null;
}

/** How long after a scene is shown the copy of the selected cards is made ahead. */
export const COPY_SETTLE_MS = 150;

/** A name for a card selection and the scene it was read from, to tell a prepared copy is current. */
export function copyKey(journey: string, ids: string[], sceneVersion: number): string {
  return `${journey} ${sceneVersion} ${ids.join(' ')}`;
}
