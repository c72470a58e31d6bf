// The one dock beside the blueprint: Details, Comments, Impact and Checks share it as tabs instead of each
// taking its own column, so no combination of open panels can crush the canvas or the toolbar.

/** A panel the dock can hold. */
export type DockPanel = 'details' | 'comments' | 'impact' | 'changes' | 'checks' | 'history';

/** The order of the dock's tabs. */
export const DOCK_ORDER: readonly DockPanel[] = ['details', 'comments', 'impact', 'changes', 'checks', 'history'];

/** Each tab's name. */
export const DOCK_LABELS: Record<DockPanel, string> = {
  details: 'Details',
  comments: 'Comments',
  impact: 'Impact',
  changes: 'Changes',
  checks: 'Checks',
  history: 'History',
};

/** What the dock shows: the open panels in tab order and the one in front (null when none is open). */
export interface DockState {
  tabs: DockPanel[];
  front: DockPanel | null;
}

/**
 * The dock for the panels open now: the panel asked to be in front when it is open, else the first
 * open one, so closing the front panel brings the next one forward rather than emptying the dock.
 */
export function dockState(open: Record<DockPanel, boolean>, wanted: DockPanel): DockState {
  const tabs = DOCK_ORDER.filter((p) => open[p]);
  const front = tabs.includes(wanted) ? wanted : (tabs[0] ?? null);
  return { tabs, front };
}

/** What a panel's toolbar button does: open and bring it forward, or hide it when it is in front. */
export function toggleAction(state: DockState, panel: DockPanel): 'front' | 'close' {
  return state.front === panel ? 'close' : 'front';
}
