import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { fakeBackend, home } from '../test/fakeBackend';
import { cardAt, laneId, scene, stageId } from '../test/grid';

async function openApp(backend = fakeBackend()) {
  render(App, { backend });
  await screen.findByText(cardAt(1, 0).lines[0].text);
  return { backend, svg: screen.getByRole('figure') };
}

/** Presses and releases on a stage or lane heading, which selects it. */
async function pressHeading(svg: Element, x: number, y: number) {
  await fireEvent.pointerDown(svg, { clientX: x, clientY: y, button: 0 });
  await fireEvent.pointerUp(svg, { clientX: x, clientY: y, button: 0 });
}

const stageHeading = (i: number) => ({ x: scene.stages[i].header.x + 20, y: scene.stages[i].header.y + 10 });
const laneHeading = (i: number) => ({ x: scene.lanes[i].header.x + 20, y: scene.lanes[i].header.y + 10 });

describe('stages', () => {
  it('renames a stage in place with F2', async () => {
    const { backend, svg } = await openApp();
    await pressHeading(svg, stageHeading(1).x, stageHeading(1).y);
    await fireEvent.keyDown(window, { key: 'F2' });
    const field = screen.getByRole('textbox', { name: 'Rename stage' });
    expect((field as HTMLInputElement).value).toBe('Report claim');
    await fireEvent.input(field, { target: { value: 'Report the claim' } });
    await fireEvent.keyDown(field, { key: 'Enter' });
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'rename_stage',
      stage: stageId(1),
      name: 'Report the claim',
    });
  });

  it('moves a stage with Alt+→ and adds one after it with N', async () => {
    const { backend, svg } = await openApp();
    await pressHeading(svg, stageHeading(1).x, stageHeading(1).y);
    await fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true });
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'move_stage',
      stage: stageId(1),
      to: { slot: 'before', id: stageId(3) },
    });
    await fireEvent.keyDown(window, { key: 'n' });
    // The new stage is placed once the move is stored and shown.
    await vi.waitFor(() =>
      expect(backend.applyEdit).toHaveBeenLastCalledWith({
        type: 'add_stage',
        journey: home.id,
        stage: expect.any(String),
        name: 'New stage',
        to: { slot: 'before', id: stageId(2) },
      }),
    );
  });

  it('asks before deleting a stage that has cards, saying how many', async () => {
    const { backend, svg } = await openApp();
    await pressHeading(svg, stageHeading(2).x, stageHeading(2).y);
    await fireEvent.keyDown(window, { key: 'Delete' });
    const dialog = screen.getByRole('dialog', { name: 'Delete the stage “Assessment”?' });
    expect(dialog.textContent).toContain('7 cards');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Delete stage and 7 cards' }));
    expect(backend.applyEdit).toHaveBeenCalledWith({ type: 'delete_stage', stage: stageId(2) });
  });

  it('reorders a stage dragged by its heading', async () => {
    const { backend, svg } = await openApp();
    const from = stageHeading(0);
    await fireEvent.pointerDown(svg, { clientX: from.x, clientY: from.y, button: 0 });
    await fireEvent.pointerMove(svg, { clientX: scene.stages[3].x + 200, clientY: from.y });
    await fireEvent.pointerUp(svg, { clientX: scene.stages[3].x + 200, clientY: from.y });
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'move_stage',
      stage: stageId(0),
      to: { slot: 'before', id: stageId(4) },
    });
  });
});

describe('lanes', () => {
  it('adds a lane of a chosen kind below the selected one', async () => {
    const { backend, svg } = await openApp();
    await pressHeading(svg, laneHeading(3).x, laneHeading(3).y);
    const panel = screen.getByRole('complementary', { name: 'Details' });
    await fireEvent.change(within(panel).getByRole('combobox', { name: 'Kind of the new lane' }), {
      target: { value: 'support' },
    });
    await fireEvent.click(within(panel).getByRole('button', { name: 'Below ↓' }));
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'add_lane',
      journey: home.id,
      lane: expect.any(String),
      name: 'New lane',
      kind: 'support',
      to: { slot: 'before', id: laneId(4) },
    });
  });

  it("changes a lane's kind from its menu and shows why the model refuses it", async () => {
    const message = 'lane "Support processes" (Support) sits above a lane of an earlier kind';
    const backend = fakeBackend();
    const { svg } = await openApp(backend);
    backend.applyEdit.mockRejectedValueOnce({ code: 'invalid', message });
    await fireEvent.contextMenu(svg, { clientX: laneHeading(1).x, clientY: laneHeading(1).y });
    await fireEvent.click(screen.getByRole('menuitemradio', { name: /Support processes/ }));
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'update_lane',
      lane: laneId(1),
      name: 'Customer actions',
      kind: 'support',
    });
    expect((await screen.findByRole('alert')).textContent).toContain(message);
  });

  it('moves a lane with Alt+↓', async () => {
    const { backend, svg } = await openApp();
    await pressHeading(svg, laneHeading(2).x, laneHeading(2).y);
    await fireEvent.keyDown(window, { key: 'ArrowDown', altKey: true });
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'move_lane',
      lane: laneId(2),
      to: { slot: 'before', id: laneId(4) },
    });
  });
});

describe('arrows', () => {
  it('selects an arrow by clicking it and deletes it with Delete', async () => {
    const { backend, svg } = await openApp();
    const arrow = scene.arrows[0];
    await fireEvent.click(svg.querySelector(`[data-arrow="${arrow.id}"]`) as Element);
    expect(screen.getByRole('complementary', { name: 'Details' }).textContent).toContain('Flow arrow');
    await fireEvent.keyDown(window, { key: 'Backspace' });
    expect(backend.applyEdit).toHaveBeenCalledWith({ type: 'delete_links', links: [arrow.id] });
  });
});

describe('shortcut sheet', () => {
  it('opens with ? and closes with Escape', async () => {
    await openApp();
    await fireEvent.keyDown(window, { key: '?' });
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(sheet.textContent).toContain('Save the card and type the next one in the next stage');
    await fireEvent.keyDown(sheet, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
