import { afterEach, describe, expect, it } from 'vitest';
import { clickReturnsKeyboard, keepsKeyboard } from './focus';

function add(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

describe('focus after a click', () => {
  afterEach(() => document.body.replaceChildren());

  it('goes back to the blueprint from tabs, journey buttons and the page', () => {
    const host = add('<button id="tab">Blueprint</button><nav data-own-keys><button id="j">Claims</button></nav>');
    expect(keepsKeyboard(host.querySelector('#tab'))).toBe(false);
    expect(keepsKeyboard(host.querySelector('#j'))).toBe(false);
    expect(keepsKeyboard(document.body)).toBe(false);
    expect(keepsKeyboard(null)).toBe(false);
  });

  it('stays in text fields, open dialogs and menus', () => {
    const host = add(`
      <input id="input" /><textarea id="area"></textarea><select id="select"></select>
      <div id="editable" contenteditable="true"></div>
      <div role="dialog"><button id="in-dialog">Export</button></div>
      <div role="menu"><button id="in-menu">New journey</button></div>
      <button id="opener" aria-haspopup="menu" aria-expanded="true">Workspace</button>`);
    for (const id of ['input', 'area', 'select', 'in-dialog', 'in-menu', 'opener']) {
      expect(keepsKeyboard(host.querySelector(`#${id}`)), id).toBe(true);
    }
    const editable = host.querySelector<HTMLElement>('#editable');
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(keepsKeyboard(editable)).toBe(true);
  });

  it('is left where it is after Enter or Space on a focused button', () => {
    const host = add('<button id="tab">Blueprint</button>');
    const tab = host.querySelector('#tab');
    expect(clickReturnsKeyboard({ detail: 1, landedIn: tab }, tab)).toBe(true);
    expect(clickReturnsKeyboard({ detail: 0, landedIn: tab }, tab)).toBe(false);
  });

  it('is left to a menu item whose menu has gone by the time the click is handled', () => {
    const host = add('<div role="menu"><button id="item" role="menuitem">New journey</button></div>');
    const item = host.querySelector('#item');
    host.querySelector('[role="menu"]')?.remove();
    expect(clickReturnsKeyboard({ detail: 1, landedIn: item }, document.body)).toBe(false);
  });

  it('stays with an open modal dialog after a press on its backdrop', () => {
    const host = add('<div id="backdrop"></div><div role="dialog" aria-modal="true"><button>Export</button></div>');
    const backdrop = host.querySelector('#backdrop');
    expect(clickReturnsKeyboard({ detail: 1, landedIn: backdrop }, document.body)).toBe(false);
  });
});
