import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { broadband, fakeBackend } from './test/fakeBackend';
import { broadbandInstallation, homeInsuranceClaim } from './test/fixtures';

function journeyButton(name: string): HTMLElement {
  const nav = screen.getByRole('navigation', { name: 'Journeys' });
  return within(nav).getByRole('button', { name: new RegExp(`^${name}`) });
}

/** The first line of the scene's first card, as drawn. */
async function findCardText(text: string): Promise<Element> {
  const element = await screen.findByText(text);
  expect(element.tagName).toBe('text');
  expect(element.closest('svg')).not.toBeNull();
  return element;
}

describe('App', () => {
  it('lists the journeys of the workspace and selects the first', async () => {
    render(App, { backend: fakeBackend() });
    expect(await screen.findByText('Claims')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Journeys' });
    const buttons = within(nav)
      .getAllByRole('button')
      .filter((b) => b.querySelector('.name'));
    expect(buttons.map((b) => b.querySelector('.name')?.textContent)).toEqual([
      'Home insurance claim',
      'Broadband installation',
    ]);
    expect(buttons[0].textContent).toContain(`${homeInsuranceClaim.cards.length} cards`);
    await waitFor(() => expect(journeyButton('Home insurance claim').getAttribute('aria-current')).toBe('page'));
    expect(journeyButton('Broadband installation').getAttribute('aria-current')).toBeNull();
  });

  it("draws the first journey's cards as SVG text", async () => {
    render(App, { backend: fakeBackend() });
    for (const card of homeInsuranceClaim.cards.slice(0, 5)) {
      await findCardText(card.lines[0].text);
    }
    expect(screen.getByRole('heading', { name: 'Home insurance claim' })).toBeTruthy();
    expect(screen.getByText('36 cards · 6 stages', { selector: 'footer *' })).toBeTruthy();
  });

  it('loads and shows another journey when it is clicked', async () => {
    const backend = fakeBackend();
    render(App, { backend });
    await findCardText(homeInsuranceClaim.cards[0].lines[0].text);
    await fireEvent.click(journeyButton('Broadband installation'));
    expect(backend.journeyScene).toHaveBeenLastCalledWith(broadband.id);
    await findCardText(broadbandInstallation.cards[0].lines[0].text);
    expect(screen.queryByText(homeInsuranceClaim.cards[0].lines[0].text)).toBeNull();
    expect(journeyButton('Broadband installation').getAttribute('aria-current')).toBe('page');
    expect(journeyButton('Home insurance claim').getAttribute('aria-current')).toBeNull();
  });

  it('opens the export dialog when File › Export… is chosen, from any view', async () => {
    const backend = fakeBackend();
    let choose: () => void = () => undefined;
    backend.onMenuExport.mockImplementation(async (listener: () => void) => {
      choose = listener;
      return () => undefined;
    });
    render(App, { backend });
    await findCardText(homeInsuranceClaim.cards[0].lines[0].text);
    await fireEvent.click(screen.getByTestId('view-ownership'));
    choose();
    expect(await screen.findByTestId('export-save')).toBeTruthy();
    expect(screen.getByTestId('view-blueprint').getAttribute('aria-pressed')).toBe('true');
  });

  it('reports the first paint once', async () => {
    const backend = fakeBackend();
    render(App, { backend });
    await waitFor(() => expect(backend.uiPainted).toHaveBeenCalledTimes(1));
    await fireEvent.click(journeyButton('Broadband installation'));
    await findCardText(broadbandInstallation.cards[0].lines[0].text);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.uiPainted).toHaveBeenCalledTimes(1);
  });

  it('shows why the workspace could not be opened', async () => {
    const message = '/home/ana/notes.txt: not a Throughline workspace (file is not a database)';
    const backend = fakeBackend({
      windowStart: vi.fn(async () => {
        throw { code: 'not_a_workspace', message };
      }),
    });
    render(App, { backend });
    expect(await screen.findByRole('heading', { name: 'This workspace could not be opened' })).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open another workspace…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New workspace…' })).toBeTruthy();
    expect(screen.getByText(/Or start Throughline with/).textContent).toBe(
      'Or start Throughline with --workspace PATH to open another file.',
    );
    expect(backend.listJourneys).not.toHaveBeenCalled();
  });

  it('shows a journey that cannot be drawn in a banner and keeps the rest working', async () => {
    const backend = fakeBackend();
    render(App, { backend });
    await findCardText(homeInsuranceClaim.cards[0].lines[0].text);
    vi.mocked(backend.journeyScene).mockRejectedValueOnce({ code: 'storage', message: 'database is locked' });
    await fireEvent.click(journeyButton('Broadband installation'));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('database is locked');
    expect(screen.getByText(homeInsuranceClaim.cards[0].lines[0].text)).toBeTruthy();
    expect(journeyButton('Home insurance claim').getAttribute('aria-current')).toBe('page');
    await fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await fireEvent.click(journeyButton('Broadband installation'));
    await findCardText(broadbandInstallation.cards[0].lines[0].text);
  });

  it('asks for a journey when the first one cannot be drawn', async () => {
    const backend = fakeBackend();
    vi.mocked(backend.journeyScene).mockRejectedValue({ code: 'not_found', message: 'no such journey' });
    render(App, { backend });
    expect((await screen.findByRole('alert')).textContent).toContain('no such journey');
    expect(screen.getByText('Choose a journey to open it.')).toBeTruthy();
    expect(journeyButton('Home insurance claim').getAttribute('aria-current')).toBeNull();
    expect(backend.uiPainted).not.toHaveBeenCalled();
  });

  it('zooms with the toolbar buttons and the keyboard', async () => {
    render(App, { backend: fakeBackend() });
    await findCardText(homeInsuranceClaim.cards[0].lines[0].text);
    const zoom = screen.getByRole('group', { name: 'Zoom' });
    const level = within(zoom).getByLabelText('Zoom level');
    expect(level.textContent).toBe('100 %');
    await fireEvent.click(within(zoom).getByRole('button', { name: 'Zoom in' }));
    expect(level.textContent).toBe('125 %');
    await fireEvent.keyDown(window, { key: '-' });
    expect(level.textContent).toBe('100 %');
    await fireEvent.click(within(zoom).getByRole('button', { name: 'Zoom out' }));
    expect(level.textContent).toBe('80 %');
    await fireEvent.click(within(zoom).getByRole('button', { name: '100 %' }));
    expect(level.textContent).toBe('100 %');
    expect(within(zoom).getByRole('button', { name: 'Zoom to fit' }).title).toBe('Zoom to fit (F or Shift+1)');
  });

  it('drops the native tooltip of the control that switched the view, and only then', async () => {
    const backend = fakeBackend();
    render(App, { backend });
    await findCardText(homeInsuranceClaim.cards[0].lines[0].text);
    expect(backend.dropTooltip).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('view-entities'));
    await waitFor(() => expect(backend.dropTooltip).toHaveBeenCalledTimes(1));
    await fireEvent.click(screen.getByTestId('view-entities'));
    await fireEvent.click(screen.getByTestId('view-blueprint'));
    await waitFor(() => expect(backend.dropTooltip).toHaveBeenCalledTimes(2));
  });

  it('gives the keyboard back to the blueprint after a click on a journey or a tab', async () => {
    render(App, { backend: fakeBackend() });
    await findCardText(homeInsuranceClaim.cards[0].lines[0].text);
    const canvas = () => screen.getByRole('application');
    const other = journeyButton('Broadband installation');
    other.focus();
    await fireEvent.click(other, { detail: 1 });
    await findCardText(broadbandInstallation.cards[0].lines[0].text);
    await waitFor(() => expect(document.activeElement).toBe(canvas()));
    const tab = screen.getByTestId('view-blueprint');
    tab.focus();
    await fireEvent.click(tab, { detail: 1 });
    await waitFor(() => expect(document.activeElement).toBe(canvas()));
    await fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(await screen.findByRole('textbox', { name: /^New card in/ })).toBeTruthy();
  });

  it('leaves the keyboard on a button pressed with Enter', async () => {
    render(App, { backend: fakeBackend() });
    await findCardText(homeInsuranceClaim.cards[0].lines[0].text);
    const tab = screen.getByTestId('view-blueprint');
    tab.focus();
    await fireEvent.click(tab, { detail: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(tab);
  });

  it('offers Fit width and remembers larger text for projection', async () => {
    localStorage.clear();
    render(App, { backend: fakeBackend() });
    await findCardText(homeInsuranceClaim.cards[0].lines[0].text);
    expect(screen.getByTestId('fit-width').title).toContain('(W)');
    const larger = screen.getByTestId('toggle-projection');
    expect(larger.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(larger);
    expect(larger.getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem('throughline.largerTextForProjection')).toBe('on');
  });
});
