import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Toolbar from './Toolbar.svelte';

describe('the toolbar on a narrow window', () => {
  it('offers the folded view buttons in its View menu, with the toggles checked as they are', async () => {
    const onfitwidth = vi.fn();
    const onhandoffs = vi.fn();
    render(Toolbar, {
      name: 'Home insurance claim',
      persona: '',
      scale: 1,
      canUndo: false,
      canRedo: false,
      detailsOpen: true,
      handoffs: false,
      projection: false,
      onfitwidth,
      onhandoffs,
      ontitle: vi.fn(),
      onundo: vi.fn(),
      onredo: vi.fn(),
      onfit: vi.fn(),
      onprojection: vi.fn(),
      onzoomselection: vi.fn(),
      onactualsize: vi.fn(),
      onzoomout: vi.fn(),
      onzoomin: vi.fn(),
      ondetails: vi.fn(),
      onhelp: vi.fn(),
      onexport: vi.fn(),
    });
    await fireEvent.click(screen.getByTestId('toolbar-more'));
    const menu = await screen.findByRole('menu');
    const checked = (label: string) =>
      [...menu.querySelectorAll('button')].find((b) => b.textContent?.includes(label))?.getAttribute('aria-checked');
    expect(checked('Details panel')).toBe('true');
    expect(checked('Hand-offs between teams')).toBe('false');
    const fitWidth = [...menu.querySelectorAll('button')].find((b) => b.textContent?.includes('Fit width'));
    await fireEvent.click(fitWidth as HTMLElement);
    expect(onfitwidth).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
