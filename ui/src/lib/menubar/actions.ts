// Written by src-tauri/src/menu_actions.rs's test from its ACTIONS. Do not edit.

/** The event the Edit, View and Help items send; the payload is the item's id. */
export const MENU_ACTION_EVENT = 'menu-action';

/** Every item of the Edit, View and Help menus, in menu order. */
export const MENU_ACTIONS = ['undo', 'redo', 'cut', 'copy', 'paste', 'duplicate', 'delete', 'select-all', 'find', 'zoom-in', 'zoom-out', 'fit', 'actual-size', 'panel-details', 'panel-comments', 'panel-impact', 'panel-checks', 'panel-history', 'panel-changes', 'handoffs', 'present', 'shortcuts', 'about'] as const;

/** The id of one of those items. */
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** Whether one item can be chosen, as `set_menu_enabled` takes it. */
export interface MenuItemState {
  id: MenuAction;
  enabled: boolean;
}
