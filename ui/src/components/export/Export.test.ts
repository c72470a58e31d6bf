import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import type { ExportEvent, FileDropEvent } from '../../lib/backend';
import { broadband, fakeBackend, home } from '../../test/fakeBackend';
import { EXPORT_NOTICE_MS } from './TransferNotice.svelte';
import { cardAt, scene } from '../../test/grid';

/** The app on a fake backend whose export and drop events the test sends. */
async function openApp() {
  const events: { export?: (e: ExportEvent) => void; drop?: (e: FileDropEvent) => void } = {};
  const backend = fakeBackend({
    onExport: async (listener) => {
      events.export = listener;
      return () => undefined;
    },
    onFileDrop: async (listener) => {
      events.drop = listener;
      return () => undefined;
    },
  });
  render(App, { backend });
  await screen.findByText(cardAt(1, 0).lines[0].text);
  return { backend, events };
}

/** Opens the export dialog from the toolbar and waits for it (it is loaded on first use). */
async function openExportDialog() {
  await fireEvent.click(screen.getByTestId('export-button'));
  await screen.findByTestId('export-dialog');
}

describe('exporting', () => {
  it('exports from the toolbar with the chosen options, shows progress, and says where it went', async () => {
    const { backend, events } = await openApp();
    await openExportDialog();
    await fireEvent.click(screen.getByTestId('export-scale-2'));
    await fireEvent.click(screen.getByTestId('export-include-titleBlock'));
    await fireEvent.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(backend.exportJourney).toHaveBeenCalled());
    expect(backend.exportFileName).toHaveBeenCalledWith('Home insurance claim', 'png');
    expect(backend.chooseExportPath).toHaveBeenCalledWith('home-insurance-claim.png', 'png');
    expect(backend.exportJourney).toHaveBeenCalledWith(
      home.id,
      'png',
      expect.objectContaining({ scale: 2, title_block: false, legend: true, width: null }),
      '/home/ana/Pictures/home-insurance-claim.png',
      true,
    );
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    events.export?.({ kind: 'progress', done: 3, total: 4 });
    await waitFor(() => expect((screen.getByTestId('export-progress') as HTMLProgressElement).value).toBe(0.75));
    events.export?.({ kind: 'finished', path: '/home/ana/Pictures/home-insurance-claim.png', bytes: 1234 });
    expect((await screen.findByTestId('export-done')).textContent).toBe('Exported home-insurance-claim.png');
  });

  it('opens with Ctrl+E, exports a tiled PDF, and cancels on request', async () => {
    const { backend, events } = await openApp();
    await fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
    await screen.findByTestId('export-dialog');
    await fireEvent.click(screen.getByTestId('export-format-pdf'));
    await fireEvent.change(screen.getByTestId('export-pages'), { target: { value: 'a4' } });
    await fireEvent.click(screen.getByTestId('export-save'));
    await waitFor(() =>
      expect(backend.exportJourney).toHaveBeenCalledWith(
        home.id,
        'pdf',
        expect.objectContaining({ pages: { layout: 'tiled', paper: 'a4', landscape: true } }),
        '/home/ana/Pictures/home-insurance-claim.pdf',
        true,
      ),
    );
    await fireEvent.click(await screen.findByTestId('export-cancel'));
    expect(backend.cancelExport).toHaveBeenCalled();
    events.export?.({ kind: 'failed', error: { code: 'cancelled', message: 'the export was cancelled' } });
    expect((await screen.findByTestId('export-failed')).textContent).toContain('cancelled; no file was written');
  });

  it('stays open when the save dialog is closed, and shows a refusal to start', async () => {
    const { backend } = await openApp();
    backend.chooseExportPath.mockResolvedValueOnce(null);
    await openExportDialog();
    await fireEvent.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(backend.chooseExportPath).toHaveBeenCalled());
    expect(screen.getByTestId('export-dialog')).toBeTruthy();
    expect(backend.exportJourney).not.toHaveBeenCalled();
    backend.exportJourney.mockRejectedValueOnce({ code: 'in_use', message: 'an export is already under way' });
    await fireEvent.click(screen.getByTestId('export-save'));
    expect((await screen.findByTestId('export-failed')).textContent).toContain('an export is already under way');
  });
});

describe('dropping pictures', () => {
  it('imports a dropped PNG and shows the new journey', async () => {
    const { backend, events } = await openApp();
    events.drop?.({ kind: 'drop', paths: ['/home/ana/broadband.png'] });
    expect((await screen.findByTestId('import-done')).textContent).toBe(`Imported ${broadband.name}`);
    expect(backend.importPictureFile).toHaveBeenCalledWith('/home/ana/broadband.png');
    await waitFor(() => expect(backend.journeyScene).toHaveBeenLastCalledWith(broadband.id));
  });

  it('says why a dropped file is not imported', async () => {
    const { backend, events } = await openApp();
    events.drop?.({ kind: 'drop', paths: ['/home/ana/notes.txt'] });
    expect((await screen.findByTestId('import-failed')).textContent).toContain('only SVG and PNG pictures');
    backend.importPictureFile.mockRejectedValueOnce({ code: 'invalid', message: 'this picture carries no journey' });
    events.drop?.({ kind: 'drop', paths: ['/home/ana/photo.png'] });
    await waitFor(() =>
      expect(screen.getByTestId('import-failed').textContent).toBe('photo.png: this picture carries no journey'),
    );
    expect(screen.queryByText('this picture carries no journey')).toBeNull();
  });

});

describe('the export dialog and its notice', () => {
  it('keeps its size, and the width field in step, when 2× is chosen', async () => {
    await openApp();
    await openExportDialog();
    const dialog = screen.getByRole('dialog');
    const height = dialog.style.getPropertyValue('--dialog-height');
    expect(height).toMatch(/^\d+px$/);
    expect(dialog.classList.contains('fixed')).toBe(true);
    await fireEvent.click(screen.getByTestId('export-scale-2'));
    const width = screen.getByTestId('export-width') as HTMLInputElement;
    expect(Number(width.value)).toBe(Math.round(scene.width * 2));
    await fireEvent.click(screen.getByTestId('export-format-svg'));
    expect(screen.getByRole('dialog').style.getPropertyValue('--dialog-height')).toBe(height);
  });

  it('says what Rust says of the chosen size and does not export until it is fixed', async () => {
    const { backend } = await openApp();
    const refusal = 'The PNG width must be a whole number of pixels from 1 to 20,000.';
    vi.mocked(backend.exportProblem).mockImplementation(async (options) =>
      options.width !== null && options.width > 20_000 ? refusal : null,
    );
    await openExportDialog();
    await fireEvent.focus(screen.getByTestId('export-width'));
    await fireEvent.input(screen.getByTestId('export-width'), { target: { value: '30000' } });
    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    expect(backend.exportProblem).toHaveBeenLastCalledWith(expect.objectContaining({ width: 30_000 }));
    expect((screen.getByTestId('export-save') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('export-width'), { target: { value: '12.5' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/whole number of pixels/);
    await fireEvent.input(screen.getByTestId('export-width'), { target: { value: '3000' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await fireEvent.click(screen.getByTestId('export-save'));
    await waitFor(() =>
      expect(backend.exportJourney).toHaveBeenCalledWith(
        home.id,
        'png',
        expect.objectContaining({ width: 3000 }),
        '/home/ana/Pictures/home-insurance-claim.png',
        true,
      ),
    );
  });

  it('closes on a press beside it only while nothing was chosen', async () => {
    await openApp();
    await openExportDialog();
    await fireEvent.pointerDown(screen.getByTestId('modal-backdrop'));
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    await openExportDialog();
    await fireEvent.click(screen.getByTestId('export-scale-2'));
    await fireEvent.pointerDown(screen.getByTestId('modal-backdrop'));
    expect(screen.getByTestId('export-dialog')).toBeTruthy();
    expect(screen.getByTestId('export-kept-open').textContent).toContain('Cancel');
  });

  it('offers to open the picture or show it in its folder, and goes away on its own unless pointed at', async () => {
    const { backend, events } = await openApp();
    await openExportDialog();
    await fireEvent.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(backend.exportJourney).toHaveBeenCalled());
    vi.useFakeTimers();
    try {
      events.export?.({ kind: 'finished', path: '/home/ana/Pictures/home-insurance-claim.png', bytes: 1234 });
      await vi.advanceTimersByTimeAsync(0);
      await fireEvent.click(screen.getByTestId('export-open'));
      expect(backend.openExport).toHaveBeenCalledTimes(1);
      await fireEvent.click(screen.getByTestId('export-reveal'));
      expect(backend.revealExport).toHaveBeenCalledTimes(1);
      const notice = screen.getByTestId('export-done').closest('.notice') as HTMLElement;
      await fireEvent.mouseEnter(notice);
      await vi.advanceTimersByTimeAsync(EXPORT_NOTICE_MS + 100);
      expect(screen.getByTestId('export-done')).toBeTruthy();
      await fireEvent.mouseLeave(notice);
      (document.activeElement as HTMLElement | null)?.blur();
      await fireEvent.focusOut(notice);
      await vi.advanceTimersByTimeAsync(EXPORT_NOTICE_MS + 100);
      expect(screen.queryByTestId('export-done')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
