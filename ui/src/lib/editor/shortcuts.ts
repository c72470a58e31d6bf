// Every keyboard and mouse shortcut of the editor, worded once for the shortcut sheet (opened with ?).
// keys.ts and viewport/keys.ts implement them; their tests and this list are kept in step.

export interface Shortcut {
  /** Alternative key combinations, each shown as keycaps ("Ctrl+Shift+Z"). */
  keys: string[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Typing cards',
    shortcuts: [
      { keys: ['Double-click a cell', 'Enter'], does: 'Type a new card in the selected cell' },
      { keys: ['Enter'], does: 'Save the card and type the next one in the next stage' },
      { keys: ['Shift+Enter'], does: 'Line break in the card' },
      { keys: ['Tab', 'Shift+Tab'], does: 'Save the card and type in the next / previous lane' },
      { keys: ['Esc'], does: 'Cancel typing (nothing is saved)' },
      { keys: ['Ctrl+Z'], does: 'Save the card being typed (an empty one is dropped), then undo' },
      { keys: ['Double-click a card', 'Enter', 'F2'], does: "Edit the selected card's text" },
      { keys: ['Shift+Enter'], does: 'Type a new card under the selected card' },
    ],
  },
  {
    title: 'Selecting and moving',
    shortcuts: [
      { keys: ['←', '→'], does: 'Previous / next stage' },
      { keys: ['↑', '↓'], does: 'Card above / below, then the lane above / below' },
      { keys: ['Tab', 'Shift+Tab'], does: 'Next / previous lane' },
      { keys: ['Shift+click', 'Ctrl+click'], does: 'Add a card to the selection' },
      { keys: ['Shift+drag'], does: 'Select the cards in a box' },
      { keys: ['Ctrl+A'], does: 'Select every card' },
      { keys: ['Drag a card'], does: 'Move the selected cards to another cell or place' },
      { keys: ['Delete', 'Backspace'], does: 'Delete the selected cards, arrow, stage or lane' },
      { keys: ['Ctrl+C', 'Ctrl+X'], does: 'Copy / cut the selected cards with their details, owners, links and arrows' },
      {
        keys: ['Ctrl+V'],
        does: 'Paste into the selected cell (or the first selected card’s); other text makes one card per line',
      },
      { keys: ['Ctrl+D'], does: 'Duplicate the selected cards right after themselves' },
      { keys: ['Esc'], does: 'Clear the selection' },
    ],
  },
  {
    title: 'Markers on the selected cards',
    shortcuts: [
      { keys: ['M'], does: 'Mark or unmark a moment of truth' },
      { keys: ['1', '2', '3', '4', '5'], does: 'Emotion −2 … +2 (customer actions; 3 is neutral)' },
      { keys: ['−', '+'], does: 'Emotion one step down / up' },
      { keys: ['0'], does: 'No emotion' },
      { keys: ['P'], does: 'Mark or remove a pain point' },
      { keys: ['Shift+P'], does: 'Pain severity: low → medium → high' },
    ],
  },
  {
    title: 'Flow arrows',
    shortcuts: [
      { keys: ['Drag the ● handle'], does: 'Draw an arrow from the selected card to another' },
      { keys: ['A'], does: 'Arrow from the first selected card to the second, or to the next card in the lane' },
      { keys: ['Click an arrow'], does: 'Select it (Delete removes it)' },
    ],
  },
  {
    title: 'Stages and lanes',
    shortcuts: [
      { keys: ['Click a heading'], does: 'Select the stage or lane' },
      { keys: ['Double-click', 'Enter', 'F2'], does: 'Rename the selected stage or lane' },
      { keys: ['N', 'Shift+N'], does: 'Add a stage after / before, or a lane below / above' },
      { keys: ['Alt+←', 'Alt+→'], does: 'Move the selected stage' },
      { keys: ['Alt+↑', 'Alt+↓'], does: 'Move the selected lane (or the focused journey)' },
      { keys: ['Right-click'], does: 'More actions' },
    ],
  },
  {
    title: 'Undo and view',
    shortcuts: [
      { keys: ['Ctrl+Z'], does: 'Undo' },
      { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], does: 'Redo' },
      { keys: ['F', 'Shift+1'], does: 'Zoom to fit' },
      { keys: ['W'], does: 'Fit the width, keeping the text readable' },
      { keys: ['Z', 'Shift+2'], does: 'Zoom to the selection' },
      { keys: ['0', 'Ctrl+0'], does: 'Actual size (100 %); 0 when no card is selected' },
      { keys: ['+', '−'], does: 'Zoom in / out, when no card is selected' },
      { keys: ['Ctrl+=', 'Ctrl+−'], does: 'Zoom in / out (View menu), anywhere' },
      { keys: ['Arrows'], does: 'Pan, when nothing is selected' },
      { keys: ['Ctrl+B'], does: 'Fold the sidebar away / show it again' },
      { keys: ['?', 'F1'], does: 'Show this sheet' },
    ],
  },
  {
    title: 'Find',
    shortcuts: [
      { keys: ['Ctrl+F'], does: 'Find cards by text, notes, owner or linked names' },
      { keys: ['Enter', 'Shift+Enter'], does: 'Next / previous card found (in the find field)' },
      { keys: ['Esc'], does: 'Close the find bar and go back to the blueprint' },
    ],
  },
  {
    title: 'Presenting',
    shortcuts: [
      { keys: ['F5'], does: 'Present the journey full screen, one stage at a time, from the selected stage' },
      { keys: ['→', 'Space', 'PageDown'], does: 'Next stage' },
      { keys: ['←', 'PageUp'], does: 'Previous stage' },
      { keys: ['↓', '↑'], does: 'Into the lanes of the stage and back out' },
      { keys: ['Home', 'End'], does: 'First / last stage' },
      { keys: ['Esc'], does: 'End the presentation' },
    ],
  },
  {
    title: 'Pictures',
    shortcuts: [
      { keys: ['Ctrl+E'], does: 'Export the journey as PNG, SVG or PDF' },
      { keys: ['Drop a picture on the window'], does: 'Reopen an exported SVG or PNG as a new journey' },
    ],
  },
];
