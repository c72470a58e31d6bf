import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { broadband, entities, fakeBackend, home, ownershipRows } from '../../test/fakeBackend';

async function openApp() {
  const backend = fakeBackend();
  render(App, { backend });
  await screen.findByTestId('view-ownership');
  await waitFor(() => expect(backend.journeyScene).toHaveBeenCalled());
  return backend;
}

describe('ownership view', () => {
  it('filters the unowned and assigns one owner to every selected row in one edit', async () => {
    const backend = await openApp();
    await fireEvent.click(screen.getByTestId('view-ownership'));
    const view = await screen.findByTestId('ownership-view');
    await waitFor(() => expect(within(view).getAllByTestId('ownership-row').length).toBe(ownershipRows().length));
    const filter = screen.getByTestId('ownership-filter') as HTMLSelectElement;
    await fireEvent.change(filter, { target: { value: 'unowned' } });
    const unowned = ownershipRows().filter((r) => r.owner === null);
    await waitFor(() => expect(within(view).getAllByTestId('ownership-row').length).toBe(unowned.length));

    await fireEvent.click(screen.getByTestId('ownership-select-all'));
    await fireEvent.click(screen.getByTestId('assign-owner'));
    const search = screen.getByTestId('owner-search');
    await fireEvent.input(search, { target: { value: 'maria' } });
    const options = screen.getAllByTestId('owner-option');
    expect(options.map((o) => o.getAttribute('data-entity'))).toEqual([entities[1].id]);
    await fireEvent.click(options[0]);
    expect(backend.applyEdit).toHaveBeenCalledTimes(1);
    expect(backend.applyEdit).toHaveBeenCalledWith({
      type: 'set_owner',
      steps: unowned.map((r) => r.step.step),
      owner: entities[1].id,
    });
    const told = await screen.findByTestId('ownership-assigned');
    expect(told.textContent).toContain(`now owned by ${entities[1].name}`);
    await fireEvent.click(screen.getByTestId('ownership-undo'));
    await waitFor(() => expect(backend.undo).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('ownership-assigned')).toBeNull();
  });

  it('narrows the unowned to one journey and assigns a new owner typed in the picker', async () => {
    const backend = await openApp();
    await fireEvent.click(screen.getByTestId('view-ownership'));
    const view = await screen.findByTestId('ownership-view');
    await fireEvent.change(screen.getByTestId('ownership-filter'), { target: { value: 'unowned' } });
    const unowned = ownershipRows().filter((r) => r.owner === null);
    const journey = unowned[unowned.length - 1].step.journey;
    const expected = unowned.filter((r) => r.step.journey === journey);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(ownershipRows().filter((r) => r.step.journey === journey).length);
    await fireEvent.change(screen.getByTestId('ownership-journey'), { target: { value: journey } });
    await waitFor(() => expect(within(view).queryAllByTestId('ownership-row').length).toBe(expected.length));
    await fireEvent.click(screen.getByTestId('ownership-select-all'));
    await fireEvent.click(screen.getByTestId('assign-owner'));
    await fireEvent.input(screen.getByTestId('owner-search'), { target: { value: 'Night shift' } });
    const create = screen.getAllByRole('option').find((o) => o.textContent?.includes('Create “Night shift”'));
    expect(create).toBeTruthy();
    await fireEvent.click(create as HTMLElement);
    const edit = backend.applyEdit.mock.calls.at(-1)?.[0];
    expect(edit?.type).toBe('batch');
    expect(edit?.type === 'batch' && edit.edits.map((e) => e.type)).toEqual(['create_entity', 'set_owner']);
  });

  it('says when no row matches the filter', async () => {
    const backend = fakeBackend({
      ownership: async () => ({ rows: ownershipRows().map((r) => ({ ...r, owner: 'x' })), owners: [], handoffs: [] }),
    });
    render(App, { backend });
    await fireEvent.click(await screen.findByTestId('view-ownership'));
    await fireEvent.change(await screen.findByTestId('ownership-filter'), { target: { value: 'unowned' } });
    expect(await screen.findByTestId('ownership-empty')).toBeTruthy();
  });
});

describe('checks panel', () => {
  it('lists the groups with their counts and opens a finding’s card', async () => {
    const backend = await openApp();
    await fireEvent.click(screen.getByTestId('toggle-checks'));
    const panel = await screen.findByTestId('checks-panel');
    const groups = await within(panel).findAllByTestId('check-group');
    expect(groups.map((g) => g.getAttribute('data-kind'))).toEqual(['unowned_moment', 'dependency_cycle']);
    expect(within(groups[0]).getByTestId('check-count').textContent).toBe('2');
    expect(backend.checks).toHaveBeenLastCalledWith(home.id);
    await fireEvent.click(within(panel).getByTestId('checks-scope-workspace'));
    await waitFor(() => expect(backend.checks).toHaveBeenLastCalledWith(null));
  });
});

describe('entities and impact', () => {
  it('lists entities by kind and highlights what an entity’s failure touches', async () => {
    const backend = await openApp();
    await fireEvent.click(screen.getByTestId('view-entities'));
    const rows = await screen.findAllByTestId('entity-row');
    expect(rows.map((r) => r.getAttribute('data-entity'))).toEqual([
      entities[1].id,
      entities[0].id,
      entities[2].id,
      entities[3].id,
    ]);
    await fireEvent.click(within(rows[2]).getByTestId('entity-impact'));
    const panel = await screen.findByTestId('impact-panel');
    expect(panel.textContent).toContain('customer steps at risk');
    expect(backend.journeyScene).toHaveBeenLastCalledWith(broadband.id);
    await waitFor(() => expect(document.querySelectorAll('[data-impacted="true"]').length).toBe(3));
    expect([...document.querySelectorAll('.impact-marks rect')].map((r) => r.getAttribute('data-reason'))).toEqual([
      'relies_directly',
      'downstream',
      'customer_request',
    ]);
    await fireEvent.change(screen.getByTestId('impact-add'), { target: { value: entities[0].id } });
    await waitFor(() => expect(backend.impactOf).toHaveBeenLastCalledWith([entities[2].id, entities[0].id]));
    expect(screen.getByTestId('impact-down').textContent).toContain('fail');
    await fireEvent.click(screen.getByTestId('criticality-show'));
    expect((await screen.findByTestId('criticality')).querySelectorAll('tbody tr').length).toBe(entities.length);
    expect(screen.queryByRole('complementary', { name: 'Details' })).toBeNull();
    await fireEvent.click(screen.getByTestId('impact-clear'));
    expect(screen.queryByTestId('impact-panel')).toBeNull();
    expect(document.querySelectorAll('[data-impacted="true"]').length).toBe(0);
    // The details panel the impact made room for comes back.
    expect(await screen.findByRole('complementary', { name: 'Details' })).toBeTruthy();
  });

  it('links a card found by its words to an entity from the entity’s own panel', async () => {
    const backend = await openApp();
    await fireEvent.click(screen.getByTestId('view-entities'));
    const rows = await screen.findAllByTestId('entity-row');
    const system = entities[2];
    const row = rows.find((r) => r.getAttribute('data-entity') === system.id) as HTMLElement;
    await fireEvent.click(within(row).getByText(system.name));
    await fireEvent.click(await screen.findByTestId('entity-link-card'));
    await fireEvent.input(screen.getByTestId('card-picker-search'), { target: { value: 'insurer' } });
    const options = await screen.findAllByTestId('card-picker-option');
    expect(options[0].textContent).toContain('Calls insurer');
    await fireEvent.click(options[0]);
    await waitFor(() => expect(backend.applyEdit).toHaveBeenCalled());
    const edit = backend.applyEdit.mock.calls.at(-1)?.[0];
    expect(edit?.type === 'add_link' && edit.link.kind).toBe('uses');
    expect(edit?.type === 'add_link' && edit.link.to).toBe(system.id);
    expect((await screen.findByTestId('entity-linked')).textContent).toContain('Calls insurer');
  });

  it('draws an entity’s network', async () => {
    await openApp();
    await fireEvent.click(screen.getByTestId('view-entities'));
    const rows = await screen.findAllByTestId('entity-row');
    await fireEvent.click(within(rows[1]).getByTestId('entity-network'));
    await screen.findByTestId('network-view');
    expect((await screen.findAllByTestId('network-node')).length).toBe(2);
    expect(screen.getByText('+2 more not shown')).toBeTruthy();
  });
});

describe('hand-offs toggle', () => {
  it('hides and shows the hand-off markers', async () => {
    await openApp();
    const markers = () => document.querySelectorAll('path[d$="l7 7l-7 7l-7-7z"]').length;
    await waitFor(() => expect(markers()).toBeGreaterThan(0));
    await fireEvent.click(screen.getByTestId('toggle-handoffs'));
    expect(markers()).toBe(0);
    await fireEvent.click(screen.getByTestId('toggle-handoffs'));
    expect(markers()).toBeGreaterThan(0);
  });
});
