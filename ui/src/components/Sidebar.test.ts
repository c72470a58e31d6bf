import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { broadband, fakeBackend, home, startOf } from '../test/fakeBackend';
import { cardAt } from '../test/grid';

async function openApp(backend = fakeBackend()) {
  render(App, { backend });
  await screen.findByText(cardAt(1, 0).lines[0].text);
  return { backend, nav: screen.getByRole('navigation', { name: 'Journeys' }) };
}

function item(nav: HTMLElement, name: string): HTMLElement {
  return within(nav).getByRole('button', { name: new RegExp(`^${name}`) });
}

describe('journey list', () => {
  it('says when the workspace can only be read', async () => {
    const backend = fakeBackend();
    backend.windowStart.mockImplementation(() =>
      startOf(backend, { info: { path: '/srv/shared/Claims.throughline', name: 'Claims', read_only: true } }),
    );
    await openApp(backend);
    expect(screen.getByText(/^Read-only: this file or its folder may not be written/)).toBeTruthy();
  });

  it('says nothing about writing when the workspace can be written', async () => {
    await openApp();
    expect(screen.queryByText(/Read-only/)).toBeNull();
  });

  it('hides the New journey tooltip while its menu is open, so it covers no item', async () => {
    await openApp();
    const add = screen.getByRole('button', { name: 'New journey' });
    expect(add.title).toBe('New journey');
    await fireEvent.click(add);
    expect(await screen.findByRole('menu')).toBeTruthy();
    expect(add.hasAttribute('title')).toBe(false);
    expect(add.getAttribute('aria-expanded')).toBe('true');
  });

  it('creates a journey from the blueprint template, opens it and names it in place', async () => {
    const created = { ...home, id: 'new-journey', name: 'Untitled journey' };
    const backend = fakeBackend();
    const { nav } = await openApp(backend);
    backend.applyEdit.mockImplementation(async (edit) => {
      if (edit.type === 'create_journey') created.id = edit.journey;
      return { journey: created.id, can_undo: true, can_redo: false, described: null };
    });
    backend.listJourneys.mockImplementation(async () => [home, broadband, created]);
    backend.journeyScene.mockImplementation(async () => ({
      ...(await fakeBackend().journeyScene(home.id)),
      journey: created.id,
    }));
    await fireEvent.click(screen.getByRole('button', { name: 'New journey' }));
    await fireEvent.click(screen.getByRole('menuitem', { name: 'New journey (blueprint template)' }));
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'create_journey',
      journey: expect.any(String),
      name: 'Untitled journey',
      template: 'blueprint',
    });
    const name = await within(nav).findByRole('textbox', { name: 'Journey name' });
    await fireEvent.input(name, { target: { value: 'Car insurance renewal' } });
    await fireEvent.keyDown(name, { key: 'Enter' });
    expect(backend.applyEdit).toHaveBeenLastCalledWith({
      type: 'update_journey',
      journey: created.id,
      name: 'Car insurance renewal',
      persona: created.persona,
      description: created.description,
    });
  });

  it('renames a journey with a double-click', async () => {
    const { backend, nav } = await openApp();
    await fireEvent.dblClick(item(nav, 'Broadband installation'));
    const name = within(nav).getByRole('textbox', { name: 'Journey name' });
    await fireEvent.input(name, { target: { value: 'Fibre installation' } });
    await fireEvent.keyDown(name, { key: 'Enter' });
    expect(backend.applyEdit).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'update_journey', journey: broadband.id, name: 'Fibre installation' }),
    );
  });

  it('moves the focused journey with Alt+arrows', async () => {
    const { backend, nav } = await openApp();
    await fireEvent.keyDown(item(nav, 'Broadband installation'), { key: 'ArrowUp', altKey: true });
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'move_journey',
      journey: broadband.id,
      to: { slot: 'before', id: home.id },
    });
    await fireEvent.keyDown(item(nav, 'Home insurance claim'), { key: 'ArrowDown', altKey: true });
    await waitFor(() =>
      expect(backend.applyEdit).toHaveBeenLastCalledWith({
        type: 'move_journey',
        journey: home.id,
        to: { slot: 'before', id: null },
      }),
    );
  });

  it('asks before deleting a journey, naming it and its cards', async () => {
    const { backend, nav } = await openApp();
    await fireEvent.click(within(nav).getByRole('button', { name: 'Actions for Home insurance claim' }));
    await fireEvent.click(screen.getByRole('menuitem', { name: /Delete journey/ }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the journey “Home insurance claim”?' });
    expect(dialog.textContent).toContain(`${home.steps} cards in ${home.stages} stages`);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(backend.applyEdit).not.toHaveBeenCalled();
    await fireEvent.keyDown(item(nav, 'Home insurance claim'), { key: 'Delete' });
    await fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete journey' }));
    expect(backend.applyEdit).toHaveBeenCalledWith({ type: 'delete_journey', journey: home.id });
  });

  it('duplicates a journey and shows the copy', async () => {
    const backend = fakeBackend();
    const { nav } = await openApp(backend);
    backend.applyEdit.mockResolvedValue({ journey: broadband.id, can_undo: true, can_redo: false, described: null });
    await fireEvent.click(within(nav).getByRole('button', { name: 'Actions for Home insurance claim' }));
    await fireEvent.click(screen.getByRole('menuitem', { name: 'Duplicate' }));
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'duplicate_journey',
      source: home.id,
      journey: expect.any(String),
    });
    await waitFor(() => expect(item(nav, 'Broadband installation').getAttribute('aria-current')).toBe('page'));
  });

  it("edits the journey's persona in the details panel", async () => {
    const { backend } = await openApp(
      fakeBackend({ applyEdit: vi.fn(async () => ({ journey: home.id, can_undo: true, can_redo: false, described: null })) }),
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Home insurance claim' }));
    const panel = screen.getByRole('complementary', { name: 'Details' });
    const persona = within(panel).getByRole('textbox', { name: 'Persona or segment' });
    await fireEvent.focus(persona);
    await fireEvent.input(persona, { target: { value: 'Landlord' } });
    await fireEvent.blur(persona);
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'update_journey',
      journey: home.id,
      name: home.name,
      persona: 'Landlord',
      description: home.description,
    });
  });
});

describe('folding the sidebar', () => {
  it('folds to a rail with a button and with Ctrl+B, and comes back the same two ways', async () => {
    localStorage.removeItem('throughline.sidebarOpen');
    render(App, { backend: fakeBackend() });
    await screen.findByRole('navigation', { name: 'Journeys' });
    await fireEvent.click(screen.getByTestId('sidebar-fold'));
    expect(screen.queryByRole('navigation', { name: 'Journeys' })).toBeNull();
    expect(localStorage.getItem('throughline.sidebarOpen')).toBe('off');
    await fireEvent.click(screen.getByTestId('sidebar-unfold'));
    expect(await screen.findByRole('navigation', { name: 'Journeys' })).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'b', ctrlKey: true });
    expect(screen.queryByRole('navigation', { name: 'Journeys' })).toBeNull();
    await fireEvent.keyDown(window, { key: 'b', ctrlKey: true });
    expect(await screen.findByRole('navigation', { name: 'Journeys' })).toBeTruthy();
    expect(localStorage.getItem('throughline.sidebarOpen')).toBe('on');
  });
});
