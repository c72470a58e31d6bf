// What ships inside Throughline under its own licence, for Help › About: the font both renderers use
// and the main libraries compiled into the app.

export interface Bundled {
  name: string;
  what: string;
  licence: string;
}

export const BUNDLED: Bundled[] = [
  { name: 'Noto Sans', what: 'the font of the blueprint and its exports', licence: 'SIL Open Font License 1.1' },
  { name: 'Tauri', what: 'the desktop window', licence: 'MIT or Apache-2.0' },
  { name: 'Svelte', what: 'the user interface', licence: 'MIT' },
  { name: 'd3-zoom', what: 'panning and zooming', licence: 'ISC' },
  { name: 'SQLite (rusqlite)', what: 'the workspace file', licence: 'Public domain (SQLite), MIT (rusqlite)' },
  { name: 'petgraph', what: 'the workspace graph', licence: 'MIT or Apache-2.0' },
  { name: 'resvg, usvg, svg2pdf', what: 'PNG and PDF export', licence: 'MIT or Apache-2.0' },
];
