import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import type { CsvPreview } from '../../lib/bindings/CsvPreview';
import { csvFileName, tableFor } from '../../lib/csv/exporting';
import { nameFromFile } from '../../lib/csv/importer.svelte';
import { broadband, csvPreviewOf, fakeBackend, home } from '../../test/fakeBackend';
import { cardAt } from '../../test/grid';

const FILE = '/home/ana/Sheets/hotel_stay.csv';

/** The app on a fake backend, the next file dialogs answered with `answers`. */
async function openApp(answers: (string | null)[], overrides: Parameters<typeof fakeBackend>[0] = {}) {
  window.__throughlineDialogAnswers = [...answers];
  const menus: { importCsv?: () => void; exportCsv?: () => void } = {};
  const backend = fakeBackend({
    onMenuImportCsv: async (listener) => {
      menus.importCsv = listener;
      return () => undefined;
    },
    onMenuExportCsv: async (listener) => {
      menus.exportCsv = listener;
      return () => undefined;
    },
    ...overrides,
  });
  render(App, { backend });
  await screen.findByText(cardAt(1, 0).lines[0].text);
  return { backend, menus };
}

async function openImportFromSidebar() {
  await fireEvent.click(screen.getByRole('button', { name: 'New journey' }));
  await fireEvent.click(screen.getByRole('menuitem', { name: 'Import steps from CSV…' }));
}

afterEach(() => {
  delete window.__throughlineDialogAnswers;
});

describe('importing steps from CSV', () => {
  it('previews every row, then imports into a new journey named after the file and shows it', async () => {
    const { backend } = await openApp([FILE]);
    await openImportFromSidebar();
    await screen.findByTestId('csv-preview');
    expect(backend.csvPreview).toHaveBeenCalledWith(FILE, { kind: 'new_journey', name: 'Hotel stay' }, null);
    expect(screen.getByTestId('csv-summary').textContent).toContain('2 rows will be imported into “Hotel stay”');
    expect(screen.getByTestId('csv-row-3').dataset.status).toBe('rejected');
    expect(screen.getByTestId('csv-reason-3').textContent).toBe('emotion “great” is not a whole number from −2 to +2');
    expect(screen.getByTestId('csv-row-2').dataset.status).toBe('accepted');
    expect(screen.getByTestId('csv-new-owners').textContent).toContain('Front office');

    await fireEvent.click(screen.getByTestId('csv-only-rejected'));
    expect(screen.queryByTestId('csv-row-2')).toBeNull();

    const importButton = screen.getByTestId('csv-import') as HTMLButtonElement;
    expect(importButton.textContent).toBe('Import 2 cards');
    await fireEvent.click(importButton);
    await waitFor(() => expect(screen.queryByTestId('csv-import-dialog')).toBeNull());
    expect(backend.importCsv).toHaveBeenCalledWith(FILE, { kind: 'new_journey', name: 'Hotel stay' }, null);
    await waitFor(() => expect(backend.journeyScene).toHaveBeenLastCalledWith(broadband.id));
    expect(backend.listJourneys).toHaveBeenCalledTimes(2);
  });

  it('imports into the journey shown, and previews again when the target or name changes', async () => {
    const { backend } = await openApp([FILE]);
    await openImportFromSidebar();
    await screen.findByTestId('csv-preview');
    await fireEvent.click(screen.getByTestId('csv-target-current'));
    await waitFor(() =>
      expect(backend.csvPreview).toHaveBeenLastCalledWith(FILE, { kind: 'journey', journey: home.id }, null),
    );
    await fireEvent.click(screen.getByTestId('csv-target-new'));
    const name = screen.getByTestId('csv-journey-name') as HTMLInputElement;
    await fireEvent.change(name, { target: { value: '  ' } });
    await screen.findByText('the new journey needs a name');
    expect((screen.getByTestId('csv-import') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(name, { target: { value: 'Hotel, summer' } });
    await waitFor(() => expect((screen.getByTestId('csv-import') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId('csv-import'));
    await waitFor(() =>
      expect(backend.importCsv).toHaveBeenCalledWith(FILE, { kind: 'new_journey', name: 'Hotel, summer' }, null),
    );
  });

  it('asks for the mapping when the headers need one and sends the chosen fields', async () => {
    const unclear = (mapping: unknown): CsvPreview => ({
      ...csvPreviewOf({ kind: 'new_journey', name: 'Hotel stay' }),
      needs_mapping: true,
      columns: [
        { header: 'Phase', field: 'stage', samples: ['Book', 'Arrive'] },
        { header: 'Where', field: null, samples: ['customer'] },
        { header: 'What happens', field: 'text', samples: ['Books a room'] },
      ],
      problems: mapping ? [] : ['no column is mapped to lane'],
    });
    const { backend } = await openApp([FILE], { csvPreview: async (_p, _t, mapping) => unclear(mapping) });
    await openImportFromSidebar();
    await screen.findByTestId('csv-mapping');
    expect(screen.getByText('no column is mapped to lane')).toBeTruthy();
    expect((screen.getByTestId('csv-mapping-done') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(screen.getByTestId('csv-map-1'), { target: { value: 'lane' } });
    await waitFor(() =>
      expect(backend.csvPreview).toHaveBeenLastCalledWith(FILE, { kind: 'new_journey', name: 'Hotel stay' }, [
        'stage',
        'lane',
        'text',
      ]),
    );
    await waitFor(() => expect((screen.getByTestId('csv-mapping-done') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId('csv-mapping-done'));
    await screen.findByTestId('csv-preview');
    await fireEvent.click(screen.getByTestId('csv-import'));
    await waitFor(() =>
      expect(backend.importCsv).toHaveBeenCalledWith(FILE, { kind: 'new_journey', name: 'Hotel stay' }, [
        'stage',
        'lane',
        'text',
      ]),
    );
  });

  it('says why a file is refused, takes nothing when every row is rejected, and closes when no file is chosen', async () => {
    const { backend } = await openApp([FILE, null], {
      csvPreview: async () => {
        throw { code: 'invalid', message: `${FILE}: the file is a zip archive (an Excel .xlsx or OpenDocument workbook?), not CSV` };
      },
    });
    await openImportFromSidebar();
    expect((await screen.findByTestId('csv-error')).textContent).toContain('zip archive');
    expect((screen.getByTestId('csv-import') as HTMLButtonElement).disabled).toBe(true);
    backend.csvPreview.mockResolvedValue({ ...csvPreviewOf({ kind: 'new_journey', name: 'x' }), accepted: 0, rejected: 3 });
    await fireEvent.click(screen.getByTestId('csv-choose-file'));
    expect(screen.getByTestId('csv-import-dialog')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    window.__throughlineDialogAnswers = [null];
    await openImportFromSidebar();
    await waitFor(() => expect(screen.queryByTestId('csv-import-dialog')).toBeNull());
    expect(backend.importCsv).not.toHaveBeenCalled();
  });

  it('opens from File › Import › CSV… in the menu bar', async () => {
    const { backend, menus } = await openApp([FILE]);
    menus.importCsv?.();
    await screen.findByTestId('csv-preview');
    expect(backend.csvPreview).toHaveBeenCalled();
  });
});

describe('exporting CSV', () => {
  it('writes the chosen table where the save dialog says', async () => {
    const { backend, menus } = await openApp(['/home/ana/claims-ownership.csv']);
    menus.exportCsv?.();
    await screen.findByTestId('csv-export-dialog');
    expect((screen.getByTestId('csv-export-steps') as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByTestId('csv-export-ownership'));
    await fireEvent.click(screen.getByTestId('csv-export-save'));
    expect((await screen.findByTestId('csv-export-done')).textContent).toBe('Wrote claims-ownership.csv');
    expect(backend.exportCsv).toHaveBeenCalledWith({ table: 'ownership' }, '/home/ana/claims-ownership.csv', true);
  });

  it('proposes file names and tables for each choice', () => {
    expect(csvFileName('steps', 'Hotel stay', 'Claims')).toBe('hotel-stay-steps.csv');
    expect(csvFileName('ownership', null, 'Team maps')).toBe('team-maps-ownership.csv');
    expect(csvFileName('checks', null, '保险')).toBe('保险-checks.csv');
    expect(tableFor('steps', null, true)).toBeNull();
    expect(tableFor('checks', home.id, false)).toEqual({ table: 'checks', journey: null });
    expect(tableFor('checks', home.id, true)).toEqual({ table: 'checks', journey: home.id });
    expect(nameFromFile('C:\\Users\\ana\\hotel_stay-2024.csv')).toBe('Hotel stay 2024');
    expect(nameFromFile('/tmp/.csv')).toBe('Imported journey');
  });
});
