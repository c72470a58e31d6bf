import { afterEach, describe, expect, it, vi } from 'vitest';
import { broadband, fakeBackend, home, startOf } from '../../test/fakeBackend';
import { Session } from '../session.svelte';
import { WorkspaceFiles } from './files.svelte';
import { folderOf, workspaceMenu } from './menu';

/** Files over a started session, switching the way the window does. */
async function setUp(backend = fakeBackend()) {
  const session = new Session(backend);
  await session.start();
  const switched = vi.fn(async () => {
    await session.reload();
  });
  const importPicture = vi.fn();
  const files = new WorkspaceFiles(backend, {
    current: () => ({ path: '/maps/bakery.throughline', name: 'bakery', read_only: false }),
    importPicture,
    idle: () => session.idle(),
    switched,
  });
  return { session, files, backend, switched, importPicture };
}

afterEach(() => {
  window.__throughlineDialogAnswers = undefined;
});

describe('WorkspaceFiles', () => {
  it('creates a new workspace from the path asked and the start chosen, then reloads', async () => {
    const { files, backend, switched } = await setUp();
    window.__throughlineDialogAnswers = ['/maps/clinic'];
    await files.newWorkspace();
    expect(files.pendingNew).toBe('/maps/clinic');
    expect(backend.newWorkspace).not.toHaveBeenCalled();
    await files.createNew('sample');
    expect(backend.newWorkspace).toHaveBeenCalledWith('/maps/clinic', 'sample');
    expect(switched).toHaveBeenCalledTimes(1);
    expect(files.pendingNew).toBeNull();
    expect(backend.recentWorkspaces).toHaveBeenCalled();
  });

  it('does nothing when a dialog is closed', async () => {
    const { files, backend } = await setUp();
    window.__throughlineDialogAnswers = [null, null];
    await files.newWorkspace();
    await files.open();
    expect(files.pendingNew).toBeNull();
    expect(backend.openWorkspace).not.toHaveBeenCalled();
  });

  it('waits for the edits under way before switching, and reopens the journey shown last there', async () => {
    const backend = fakeBackend();
    const { session, files } = await setUp(backend);
    const order: string[] = [];
    backend.applyEdit.mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('edit stored');
      return { journey: home.id, can_undo: true, can_redo: false, described: null };
    });
    backend.openWorkspace.mockImplementation(async (path: string) => {
      order.push('switched');
      return { path, name: 'hotel', read_only: false };
    });
    backend.windowStart.mockImplementation(() => startOf(backend, { last: broadband.id }));
    void session.apply({ type: 'set_step_text', step: 's', text: 'last words' });
    await files.openPath('/maps/hotel.throughline');
    expect(order).toEqual(['edit stored', 'switched']);
    expect(session.scene?.journey).toBe(broadband.id);
    expect(session.canUndo).toBe(false);
  });

  it('keeps the workspace shown and says why when the other cannot be opened', async () => {
    const { session, files, backend, switched } = await setUp();
    backend.openWorkspace.mockRejectedValue({
      code: 'not_found',
      message: '/maps/gone.throughline: the workspace is no longer there; it is taken off Open Recent',
    });
    await files.openPath('/maps/gone.throughline');
    expect(switched).not.toHaveBeenCalled();
    expect(files.notice).toEqual({ kind: 'failed', message: expect.stringContaining('taken off Open Recent') });
    expect(session.scene?.journey).toBe(home.id);
    expect(files.busy).toBe(false);
  });

  it('imports the picture chosen in the open dialog', async () => {
    const { files, importPicture } = await setUp();
    window.__throughlineDialogAnswers = ['/exports/hotel.svg'];
    await files.importPicture();
    expect(importPicture).toHaveBeenCalledWith('/exports/hotel.svg');
  });

  it('makes a workspace from a text folder where asked and switches to it', async () => {
    const { files, backend, switched } = await setUp();
    window.__throughlineDialogAnswers = ['/git/clinic-map', '/maps/clinic.throughline'];
    await files.importTextFolder();
    expect(backend.openTextFolder).toHaveBeenCalledWith('/git/clinic-map', '/maps/clinic.throughline');
    expect(switched).toHaveBeenCalledTimes(1);
  });

  it('writes the text form into the folder chosen', async () => {
    const { files, backend } = await setUp();
    window.__throughlineDialogAnswers = ['/git/bakery-map'];
    await files.exportTextFolder();
    expect(backend.saveTextFolder).toHaveBeenCalledWith('/git/bakery-map');
    expect(files.notice?.kind).toBe('done');
  });

  it('saves a copy where asked and says where', async () => {
    const { files, backend, switched } = await setUp();
    window.__throughlineDialogAnswers = ['/backup/bakery copy.throughline'];
    await files.saveCopy();
    expect(backend.saveWorkspaceCopy).toHaveBeenCalledWith('/backup/bakery copy.throughline', true);
    expect(files.notice?.kind).toBe('done');
    expect(files.notice?.message).toContain('/backup/bakery copy.throughline');
    expect(switched).not.toHaveBeenCalled();
  });
});

describe('workspaceMenu', () => {
  it('lists the actions with the recent workspaces as a group, the open one checked', async () => {
    const { files, backend } = await setUp();
    const recent = [
      { path: '/home/ana/maps/hotel.throughline', name: 'hotel' },
      { path: '/home/ana/maps/clinic.throughline', name: 'clinic' },
    ];
    const dialogs = { exportPicture: vi.fn(), canExport: false, importCsv: vi.fn(), exportCsv: vi.fn() };
    const items = workspaceMenu(files, recent, { ...recent[1], read_only: false }, dialogs);
    expect(items.map((i) => i.label)).toEqual([
      'New Workspace…',
      'Open…',
      'hotel',
      'clinic',
      'Save a Copy As…',
      'Reveal in File Manager',
      'Import Picture…',
      'Import Text Folder…',
      'Import CSV…',
      'Export Picture…',
      'Export Text Folder…',
      'Export CSV…',
    ]);
    expect(items[2].heading).toBe('Open Recent');
    expect(items.filter((i) => i.checked).map((i) => i.label)).toEqual(['clinic']);
    expect(items.find((i) => i.label === 'Export Picture…')?.disabled).toBe(true);
    items.find((i) => i.label === 'Import CSV…')?.run();
    expect(dialogs.importCsv).toHaveBeenCalledOnce();
    items.find((i) => i.label === 'Export CSV…')?.run();
    expect(dialogs.exportCsv).toHaveBeenCalledOnce();
    items[2].run();
    await vi.waitFor(() => expect(backend.openWorkspace).toHaveBeenCalledWith('/home/ana/maps/hotel.throughline'));
  });

  it('shortens deep folders to their last two parts', () => {
    expect(folderOf('/home/ana/team/maps/hotel.throughline')).toBe('…/team/maps');
    expect(folderOf('/srv/hotel.throughline')).toBe('/srv');
    expect(folderOf('C:\\maps\\hotel.throughline')).toBe('C:/maps');
  });
});
