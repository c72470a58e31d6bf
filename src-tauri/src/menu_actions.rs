//! The Edit, View and Help menus. Every item sends one event, [`EVENT`], whose payload is the item's
//! id; the UI runs the same function its keyboard shortcut or toolbar control runs. An accelerator
//! here takes its key before the page sees it, so the UI also decides, for the editing items, whether
//! the key was meant for a text field (and then has [`crate::text_editing`] do the field's own edit).
//!
//! The ids are written for TypeScript by this module's test (`UPDATE_BINDINGS=1 cargo test -p
//! throughline-app menu_actions` rewrites ui/src/lib/menubar/actions.ts), so the UI's table of
//! handlers, typed by them, cannot miss one.

use serde::Deserialize;
use tauri::menu::{MenuItem, MenuItemBuilder, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Runtime};

/// The event every item of these menus sends, with the item's id as its payload.
pub const EVENT: &str = "menu-action";

/// One menu item: its id (also the payload of [`EVENT`]), its label, its accelerator and the menu
/// it belongs to. A separator goes before it when `separated` is true.
pub struct Action {
    /// The item's id, sent as the event's payload.
    pub id: &'static str,
    /// What the menu shows.
    pub label: &'static str,
    /// The keys shown beside it, in muda's notation ("CmdOrCtrl+Z").
    pub accelerator: Option<&'static str>,
    /// The menu it is in.
    pub menu: Menu,
    /// Whether a separator goes before it.
    pub separated: bool,
}

/// The menus of the menu bar after File.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Menu {
    /// Undo, clipboard, selection, find.
    Edit,
    /// Zoom, the dock's panels, hand-offs, presenting.
    View,
    /// Shortcuts and About.
    Help,
}

impl Menu {
    /// The menu's id in the bar.
    fn id(self) -> String {
        self.title().to_lowercase()
    }

    /// The menu's title in the bar.
    fn title(self) -> &'static str {
        match self {
            Menu::Edit => "Edit",
            Menu::View => "View",
            Menu::Help => "Help",
        }
    }
}

/// One row of [`ACTIONS`].
const fn action(
    id: &'static str,
    label: &'static str,
    accelerator: Option<&'static str>,
    menu: Menu,
    separated: bool,
) -> Action {
    Action {
        id,
        label,
        accelerator,
        menu,
        separated,
    }
}

/// Every item, in menu order. Keys that type text alone (+, F, ?) are not accelerators: GTK would take
/// them from every text field; those items show a Ctrl variant or none.
pub const ACTIONS: &[Action] = &[
    action("undo", "Undo", Some("CmdOrCtrl+Z"), Menu::Edit, false),
    action("redo", "Redo", Some("CmdOrCtrl+Shift+Z"), Menu::Edit, false),
    action("cut", "Cut", Some("CmdOrCtrl+X"), Menu::Edit, true),
    action("copy", "Copy", Some("CmdOrCtrl+C"), Menu::Edit, false),
    action("paste", "Paste", Some("CmdOrCtrl+V"), Menu::Edit, false),
    action(
        "duplicate",
        "Duplicate",
        Some("CmdOrCtrl+D"),
        Menu::Edit,
        false,
    ),
    action("delete", "Delete", Some("Delete"), Menu::Edit, false),
    action(
        "select-all",
        "Select All",
        Some("CmdOrCtrl+A"),
        Menu::Edit,
        true,
    ),
    action("find", "Find…", Some("CmdOrCtrl+F"), Menu::Edit, true),
    action(
        "zoom-in",
        "Zoom In",
        Some("CmdOrCtrl+Equal"),
        Menu::View,
        false,
    ),
    action(
        "zoom-out",
        "Zoom Out",
        Some("CmdOrCtrl+Minus"),
        Menu::View,
        false,
    ),
    action("fit", "Zoom to Fit", None, Menu::View, false),
    action(
        "actual-size",
        "Actual Size (100 %)",
        Some("CmdOrCtrl+0"),
        Menu::View,
        false,
    ),
    action("panel-details", "Details", None, Menu::View, true),
    action("panel-comments", "Comments", None, Menu::View, false),
    action("panel-impact", "Impact", None, Menu::View, false),
    action("panel-checks", "Checks", None, Menu::View, false),
    action("panel-history", "History", None, Menu::View, false),
    action("panel-changes", "Changes", None, Menu::View, false),
    action("handoffs", "Hand-offs", None, Menu::View, true),
    action("present", "Present", Some("F5"), Menu::View, false),
    action(
        "shortcuts",
        "Keyboard Shortcuts",
        Some("F1"),
        Menu::Help,
        false,
    ),
    action("about", "About Throughline", None, Menu::Help, true),
];

/// The action with this id, if it is one of these menus' items.
pub fn find(id: &str) -> Option<&'static Action> {
    ACTIONS.iter().find(|a| a.id == id)
}

/// Whether one item can be chosen, as the window says: Undo greyed out with nothing to undo, Cut or
/// Delete with nothing selected.
#[derive(Deserialize, Clone, Debug)]
pub struct ItemState {
    /// The item's id, one of [`ACTIONS`].
    pub id: String,
    /// Whether it can be chosen.
    pub enabled: bool,
}

/// Greys out or brings back items of these menus as what they act on comes and goes. A greyed
/// item's accelerator is not taken from the page either, so a text field keeps its own Ctrl+Z.
#[tauri::command]
pub fn set_menu_enabled<R: Runtime>(
    app: AppHandle<R>,
    items: Vec<ItemState>,
) -> Result<(), String> {
    for state in items {
        item(&app, &state.id)?
            .set_enabled(state.enabled)
            .map_err(|e| format!("the menu item {} could not be changed: {e}", state.id))?;
    }
    Ok(())
}

/// Whether item `id` can be chosen, for the end-to-end tests (they cannot see a native menu). Only
/// debug builds answer.
#[tauri::command]
pub fn menu_item_enabled<R: Runtime>(app: AppHandle<R>, id: String) -> Result<bool, String> {
    if !cfg!(debug_assertions) {
        return Err("menu items can be read only in a debug build".into());
    }
    item(&app, &id)?.is_enabled().map_err(|e| e.to_string())
}

/// The item `id` of these menus in the window's menu bar.
fn item<R: Runtime>(app: &AppHandle<R>, id: &str) -> Result<MenuItem<R>, String> {
    let action = find(id).ok_or_else(|| format!("there is no menu item {id}"))?;
    let bar = app.menu().ok_or("the window has no menu bar")?;
    bar.get(&action.menu.id())
        .and_then(|menu| menu.as_submenu().and_then(|m| m.get(action.id)))
        .and_then(|item| item.as_menuitem().cloned())
        .ok_or_else(|| format!("the menu bar has no item {id}"))
}

/// Builds the Edit, View and Help menus, in that order.
pub fn submenus<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Vec<Submenu<R>>> {
    [Menu::Edit, Menu::View, Menu::Help]
        .into_iter()
        .map(|menu| {
            let mut builder = SubmenuBuilder::with_id(app, menu.id(), menu.title());
            for (n, a) in ACTIONS.iter().filter(|a| a.menu == menu).enumerate() {
                if a.separated && n > 0 {
                    builder = builder.separator();
                }
                let mut item = MenuItemBuilder::with_id(a.id, a.label);
                if let Some(keys) = a.accelerator {
                    item = item.accelerator(keys);
                }
                builder = builder.item(&item.build(app)?);
            }
            builder.build()
        })
        .collect()
}

/// The TypeScript the UI imports: the ids as a union type and in menu order.
#[cfg(test)]
fn typescript() -> String {
    let ids: Vec<String> = ACTIONS.iter().map(|a| format!("'{}'", a.id)).collect();
    format!(
        "// Written by src-tauri/src/menu_actions.rs's test from its ACTIONS. Do not edit.\n\n\
         /** The event the Edit, View and Help items send; the payload is the item's id. */\n\
         export const MENU_ACTION_EVENT = '{EVENT}';\n\n\
         /** Every item of the Edit, View and Help menus, in menu order. */\n\
         export const MENU_ACTIONS = [{}] as const;\n\n\
         /** The id of one of those items. */\n\
         export type MenuAction = (typeof MENU_ACTIONS)[number];\n\n\
         /** Whether one item can be chosen, as `set_menu_enabled` takes it. */\n\
         export interface MenuItemState {{\n  id: MenuAction;\n  enabled: boolean;\n}}\n",
        ids.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::path::Path;

    #[test]
    fn the_ui_gets_every_action_id_from_this_list() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/menubar/actions.ts");
        let want = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            have,
            want,
            "{} is stale: UPDATE_BINDINGS=1 cargo test -p throughline-app menu_actions",
            path.display()
        );
    }

    #[test]
    fn every_id_is_unique_and_no_accelerator_is_a_typing_key() {
        let ids: HashSet<&str> = ACTIONS.iter().map(|a| a.id).collect();
        assert_eq!(ids.len(), ACTIONS.len());
        for a in ACTIONS {
            if let Some(keys) = a.accelerator {
                let modified = keys.contains('+');
                let function_key = keys.starts_with('F') && keys[1..].parse::<u8>().is_ok();
                assert!(
                    modified || function_key || keys == "Delete",
                    "{}'s accelerator {keys} would take a typed character from text fields",
                    a.id
                );
            }
        }
    }

    #[test]
    fn every_action_has_a_handler_in_the_ui() {
        let ui = include_str!("../../ui/src/lib/menubar/handlers.ts");
        for a in ACTIONS {
            assert!(
                ui.contains(&format!("'{}':", a.id)),
                "ui/src/lib/menubar/handlers.ts has no handler for the menu item {}",
                a.id
            );
        }
    }
}
