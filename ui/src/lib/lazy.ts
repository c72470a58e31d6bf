// The views, panels and dialogs the window does not need to paint its first blueprint. Each is its own
// chunk, loaded on first use, so the start-up parses and builds only the editor; once the first
// blueprint is painted they are fetched in the background, so a tab opened later shows at once.

/** Loaders of the parts left out of the first bundle; each resolves to the component's module. */
export const lazy = {
  ownership: () => import('../components/manage/OwnershipView.svelte'),
  entities: () => import('../components/manage/EntitiesView.svelte'),
  opportunities: () => import('../components/opportunities/OpportunitiesView.svelte'),
  future: () => import('../components/future/FutureStateView.svelte'),
  personas: () => import('../components/manage/PersonasView.svelte'),
  network: () => import('../components/manage/NetworkView.svelte'),
  snapshot: () => import('../components/history/SnapshotView.svelte'),
  changes: () => import('../components/history/ChangesPanel.svelte'),
  historyPanel: () => import('../components/history/HistoryPanel.svelte'),
  saveVersion: () => import('../components/history/SaveVersionDialog.svelte'),
  compare: () => import('../components/history/CompareDialog.svelte'),
  about: () => import('../components/common/AboutDialog.svelte'),
  newWorkspace: () => import('../components/files/NewWorkspaceDialog.svelte'),
  exportDialog: () => import('../components/export/ExportDialog.svelte'),
  shortcuts: () => import('../components/common/ShortcutSheet.svelte'),
  comments: () => import('../components/comments/CommentsPanel.svelte'),
  impact: () => import('../components/manage/ImpactPanel.svelte'),
} as const;

/** How long after the first paint the background fetch starts, leaving the first frames to the user. */
export const WARM_AFTER_MS = 500;

/**
 * How long keyboard and pointer must have rested before a part is fetched in the background. The
 * page builds a part on its only thread, and the first to bring a stylesheet with container queries
 * (the ownership view's) has WebKit lay out the whole page again: 70–115 ms on the sample, about half
 * a second on 10,000 cards. A key press meanwhile would wait as long.
 */
export const WARM_WHEN_QUIET_MS = 400;

/** The pause between two parts fetched in the background, so each is built in a task of its own. */
export const WARM_GAP_MS = 30;

// Not the wheel: with a wheel listener added here too, the page was blocked once for about half a
// second on a 10,000-card journey (WebKit works out again where the page takes the wheel).
const INPUT = ['keydown', 'pointerdown'] as const;

/**
 * Fetches every lazy part (or those of `loaders`) in the background, one at a time, once the first
 * blueprint is on screen and whenever the user is not typing or pointing; a part that fails
 * to load is left to load on first use.
 */
export function warmLazyParts(loaders: ReadonlyArray<() => Promise<unknown>> = Object.values(lazy)) {
  const waiting = [...loaders];
  let lastInput = -Infinity;
  const noted = () => (lastInput = Date.now());
  INPUT.forEach((name) => window.addEventListener(name, noted, { capture: true, passive: true }));
  const next = () => {
    const rested = Date.now() - lastInput;
    if (rested < WARM_WHEN_QUIET_MS) {
      setTimeout(next, WARM_WHEN_QUIET_MS - rested);
      return;
    }
    const load = waiting.shift();
    if (!load) {
      INPUT.forEach((name) => window.removeEventListener(name, noted, { capture: true }));
      return;
    }
    void load()
      .catch(() => undefined)
      .then(() => setTimeout(next, WARM_GAP_MS));
  };
  setTimeout(next, WARM_AFTER_MS);
}
