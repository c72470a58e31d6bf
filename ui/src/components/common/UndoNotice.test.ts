import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import UndoNotice, { UNDO_NOTICE_MS } from './UndoNotice.svelte';

describe('UndoNotice', () => {
  afterEach(() => vi.useRealTimers());

  it('says what was undone in a live region and asks to go away after a few seconds', () => {
    vi.useFakeTimers();
    const ondismiss = vi.fn();
    render(UndoNotice, { message: { text: "Undid: moved 'Calls claims line'", count: 1 }, ondismiss });
    const notice = screen.getByRole('status');
    expect(notice.getAttribute('aria-live')).toBe('polite');
    expect(notice.textContent?.trim()).toBe("Undid: moved 'Calls claims line'");
    vi.advanceTimersByTime(UNDO_NOTICE_MS - 1);
    expect(ondismiss).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ondismiss).toHaveBeenCalledTimes(1);
  });
});
