//! The window's menu bar. It holds what a desktop user looks for there (File › New Workspace…, Open…,
//! Open Recent, Save a Copy As…, Reveal in File Manager, Import, Export, Quit). The UI does the work of
//! every item, as it does for the same item in its own workspace menu, so a choice here only tells the
//! UI which one was chosen; Open Recent is rebuilt whenever the list changes. Edit, View and Help
//! follow (menu_actions.rs).

use std::path::Path;

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use throughline_api::RecentWorkspace;

use crate::menu_actions;
use crate::workspaces::Recent;

/// The events the UI hears from the menu bar, one per item, named once here (the UI's copy is
/// ui/src/lib/files/events.ts, checked against this list by a test).
pub mod events {
    /// File › New Workspace….
    pub const NEW_WORKSPACE: &str = "menu-new-workspace";
    /// File › Open….
    pub const OPEN_WORKSPACE: &str = "menu-open-workspace";
    /// File › Open Recent › a workspace; the payload is its path. A second launch naming a file
    /// sends the same event, so both open it the same way.
    pub const OPEN_PATH: &str = "menu-open-path";
    /// File › Save a Copy As….
    pub const SAVE_COPY: &str = "menu-save-copy";
    /// File › Reveal in File Manager.
    pub const REVEAL: &str = "menu-reveal-workspace";
    /// File › Import › Picture….
    pub const IMPORT_PICTURE: &str = "menu-import-picture";
    /// File › Import › CSV… (the CSV import owns its dialog).
    pub const IMPORT_CSV: &str = "menu-import-csv";
    /// File › Export › Picture….
    pub const EXPORT_PICTURE: &str = "menu-export";
    /// File › Export › CSV… (the CSV export owns its dialog).
    pub const EXPORT_CSV: &str = "menu-export-csv";
    /// File › Import › Text folder….
    pub const IMPORT_TEXT: &str = "menu-import-text";
    /// File › Export › Text folder….
    pub const EXPORT_TEXT: &str = "menu-export-text";

    /// Every event, for the test that keeps the UI's copy in step.
    #[cfg(test)]
    pub const ALL: &[&str] = &[
        NEW_WORKSPACE,
        OPEN_WORKSPACE,
        OPEN_PATH,
        SAVE_COPY,
        REVEAL,
        IMPORT_PICTURE,
        IMPORT_CSV,
        EXPORT_PICTURE,
        EXPORT_CSV,
        IMPORT_TEXT,
        EXPORT_TEXT,
    ];
}

/// The id of the File submenu.
const FILE: &str = "file";

/// The id of File › Open Recent.
const OPEN_RECENT: &str = "open-recent";

/// What the ids of Open Recent's items start with; the rest is the workspace's path.
const RECENT_PREFIX: &str = "recent:";

/// The id of File › Quit (a plain item: the predefined quit item does nothing on Linux).
const QUIT: &str = "quit";

/// The items that only pass their event on: (id, label, event).
const ITEMS: &[(&str, &str, &str)] = &[
    ("new-workspace", "New Workspace…", events::NEW_WORKSPACE),
    ("open-workspace", "Open…", events::OPEN_WORKSPACE),
    ("save-copy", "Save a Copy As…", events::SAVE_COPY),
    ("reveal", "Reveal in File Manager", events::REVEAL),
    ("import-picture", "Picture…", events::IMPORT_PICTURE),
    ("import-text", "Text folder…", events::IMPORT_TEXT),
    ("import-csv", "CSV…", events::IMPORT_CSV),
    ("export-picture", "Picture…", events::EXPORT_PICTURE),
    ("export-text", "Text folder…", events::EXPORT_TEXT),
    ("export-csv", "CSV…", events::EXPORT_CSV),
];

/// Builds the menu bar, with Open Recent as the list stands at launch.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str| {
        let (_, label, _) = ITEMS
            .iter()
            .find(|(i, _, _)| *i == id)
            .expect("every item is listed");
        MenuItemBuilder::with_id(id, *label).build(app)
    };
    let recent = SubmenuBuilder::with_id(app, OPEN_RECENT, "Open Recent").build()?;
    let shown = app
        .try_state::<Recent>()
        .map(|r| r.shown())
        .unwrap_or_default();
    fill_recent(&recent, &shown)?;
    let import = SubmenuBuilder::new(app, "Import")
        .item(&item("import-picture")?)
        .item(&item("import-text")?)
        .item(&item("import-csv")?)
        .build()?;
    let export = SubmenuBuilder::new(app, "Export")
        .item(&item("export-picture")?)
        .item(&item("export-text")?)
        .item(&item("export-csv")?)
        .build()?;
    let file = SubmenuBuilder::with_id(app, FILE, "File")
        .item(&item("new-workspace")?)
        .item(&item("open-workspace")?)
        .item(&recent)
        .separator()
        .item(&item("save-copy")?)
        .item(&item("reveal")?)
        .separator()
        .item(&import)
        .item(&export)
        .separator()
        .text(QUIT, "Quit")
        .build()?;
    let mut bar = MenuBuilder::new(app).item(&file);
    let others = menu_actions::submenus(app)?;
    for submenu in &others {
        bar = bar.item(submenu);
    }
    bar.build()
}

/// Replaces the items of Open Recent with `list` (newest first).
fn fill_recent<R: Runtime>(menu: &Submenu<R>, list: &[RecentWorkspace]) -> tauri::Result<()> {
    for old in menu.items()? {
        menu.remove(&old)?;
    }
    if list.is_empty() {
        let none = MenuItemBuilder::with_id("recent-none", "No Recent Workspaces")
            .enabled(false)
            .build(menu.app_handle())?;
        return menu.append(&none);
    }
    for workspace in list {
        let folder = Path::new(&workspace.path)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let label = format!("{}  —  {folder}", workspace.name);
        let entry = MenuItemBuilder::with_id(format!("{RECENT_PREFIX}{}", workspace.path), label)
            .build(menu.app_handle())?;
        menu.append(&entry)?;
    }
    Ok(())
}

/// Rebuilds Open Recent after the list changed; a window without the menu bar has nothing to do.
pub fn rebuild_recent<R: Runtime>(app: &AppHandle<R>, list: &[RecentWorkspace]) {
    let recent = app
        .menu()
        .and_then(|bar| bar.get(FILE))
        .and_then(|file| file.as_submenu().and_then(|f| f.get(OPEN_RECENT)));
    if let Some(submenu) = recent.as_ref().and_then(|r| r.as_submenu()) {
        if let Err(e) = fill_recent(submenu, list) {
            eprintln!("throughline: Open Recent could not be updated: {e}");
        }
    }
}

/// Passes a menu choice on to the UI.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    let sent = if let Some(path) = id.strip_prefix(RECENT_PREFIX) {
        app.emit(events::OPEN_PATH, path)
    } else if let Some((_, _, name)) = ITEMS.iter().find(|(i, _, _)| *i == id) {
        app.emit(name, ())
    } else if let Some(action) = menu_actions::find(id) {
        app.emit(menu_actions::EVENT, action.id)
    } else if id == QUIT {
        // Every edit is already committed, so there is nothing to save first.
        app.exit(0);
        Ok(())
    } else {
        Ok(())
    };
    if let Err(e) = sent {
        eprintln!("throughline: the menu choice could not reach the window: {e}");
    }
}

/// Chooses the menu item `id` as a click on it would, for the end-to-end tests (WebDriver cannot
/// open a native menu). Only debug builds answer; the item must be in the window's menu bar.
#[tauri::command]
pub fn fire_menu_item<R: Runtime>(app: AppHandle<R>, id: String) -> Result<(), String> {
    if !cfg!(debug_assertions) {
        return Err("menu items can be fired only in a debug build".into());
    }
    let bar = app.menu().ok_or("the window has no menu bar")?;
    if !contains(&bar.items().map_err(|e| e.to_string())?, &id) {
        return Err(format!("the menu bar has no item {id}"));
    }
    on_event(&app, MenuEvent { id: id.into() });
    Ok(())
}

/// Whether `id` is among `items` or in one of their submenus.
fn contains<R: Runtime>(items: &[tauri::menu::MenuItemKind<R>], id: &str) -> bool {
    items.iter().any(|item| {
        item.id().as_ref() == id
            || item
                .as_submenu()
                .and_then(|s| s.items().ok())
                .is_some_and(|inner| contains(&inner, id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_listens_for_every_menu_event_under_the_same_name() {
        let ui = include_str!("../../ui/src/lib/files/events.ts");
        for event in events::ALL {
            assert!(
                ui.contains(&format!("'{event}'")),
                "ui/src/lib/files/events.ts lacks the menu event {event}"
            );
        }
    }

    #[test]
    fn every_item_sends_its_own_event() {
        let mut sent: Vec<&str> = ITEMS.iter().map(|(_, _, event)| *event).collect();
        sent.push(events::OPEN_PATH);
        sent.sort_unstable();
        let mut all = events::ALL.to_vec();
        all.sort_unstable();
        assert_eq!(sent, all);
    }
}
