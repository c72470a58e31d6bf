//! Keys and clicks as a person gives them: key presses and chords, typed text, clicks at a point with
//! modifiers held, and waiting for the blueprint to have the keyboard.

use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
use fantoccini::Client;

use super::ui::wait_until;

/// Presses and releases one key, sent to whatever has the focus.
pub async fn press(client: &Client, key: char) {
    press_chord(client, &[], key).await;
}

/// Presses `key` while holding `modifiers`.
pub async fn press_chord(client: &Client, modifiers: &[Key], key: char) {
    let mut keys = KeyActions::new("keyboard".into());
    for &m in modifiers {
        keys = keys.then(KeyAction::Down { value: m.into() });
    }
    keys = keys
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    for &m in modifiers.iter().rev() {
        keys = keys.then(KeyAction::Up { value: m.into() });
    }
    client.perform_actions(keys).await.expect("press a key");
    client.release_actions().await.expect("release the keys");
    // Let the UI handle the key before the next one.
    tokio::time::sleep(Duration::from_millis(80)).await;
}

/// Types `text` character by character into whatever has the focus.
pub async fn type_text(client: &Client, text: &str) {
    let mut keys = KeyActions::new("keyboard".into());
    for c in text.chars() {
        keys = keys
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    client.perform_actions(keys).await.expect("type text");
    client.release_actions().await.expect("release the keys");
}

/// Clicks at a point of the viewport with the mouse, holding `modifiers`.
pub async fn click_at(client: &Client, at: (f64, f64), modifiers: &[Key]) {
    let mut keys = KeyActions::new("keyboard".into());
    for &m in modifiers {
        keys = keys.then(KeyAction::Down { value: m.into() });
    }
    let pad = modifiers.len();
    let mut mouse = MouseActions::new("mouse".into());
    for _ in 0..pad {
        mouse = mouse.pause(Duration::ZERO);
    }
    mouse = mouse
        .then(move_to(at))
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    for _ in 0..3 {
        keys = keys.pause(Duration::ZERO);
    }
    for &m in modifiers.iter().rev() {
        keys = keys.then(KeyAction::Up { value: m.into() });
        mouse = mouse.pause(Duration::ZERO);
    }
    let actions = fantoccini::actions::Actions::from(mouse).and(keys);
    client.perform_actions(actions).await.expect("click");
    client.release_actions().await.expect("release the inputs");
}

/// Drags with the left button from one point of the viewport to another, in ten steps as a hand
/// moves, so the page sees the moves between.
pub async fn drag(client: &Client, from: (f64, f64), to: (f64, f64)) {
    let mut mouse =
        MouseActions::new("mouse".into())
            .then(move_to(from))
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            });
    for step in 1..=10 {
        let t = f64::from(step) / 10.0;
        mouse = mouse.then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(30)),
            x: (from.0 + (to.0 - from.0) * t).round(),
            y: (from.1 + (to.1 - from.1) * t).round(),
        });
    }
    mouse = mouse.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    client.perform_actions(mouse).await.expect("drag");
    client.release_actions().await.expect("release the mouse");
}

/// A pointer move to a point of the viewport.
pub fn move_to(at: (f64, f64)) -> PointerAction {
    PointerAction::MoveTo {
        duration: None,
        x: at.0.round(),
        y: at.1.round(),
    }
}

/// Waits until the blueprint canvas has the keyboard focus.
pub async fn wait_for_focus_on_canvas(client: &Client) {
    wait_until(client, "the blueprint canvas to have the focus", || async {
        let value = client
            .execute(
                "return document.activeElement && document.activeElement.getAttribute('role') === 'application';",
                vec![],
            )
            .await
            .ok()?;
        value.as_bool()?.then_some(())
    })
    .await;
}
