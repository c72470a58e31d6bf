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
const WARM_AFTER_MS = 500;

/** Fetches every lazy part in the background, once the first blueprint is on screen. */
export function warmLazyParts() {
  setTimeout(() => {
    for (const load of Object.values(lazy)) void load().catch(() => undefined);
  }, WARM_AFTER_MS);
}
