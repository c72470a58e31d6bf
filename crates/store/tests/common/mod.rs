//! Shared by the file tests: a small hotel-stay blueprint, a workspace file holding it, and the bytes
//! of a workspace and its write-ahead log, to prove a refused file was not touched.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use throughline_core::edit::{apply, Edit, Template};
use throughline_core::{Id, Journey, LaneKind, Step, Workspace};
use throughline_store::{wal_path, History, Store, StoreError};

/// A hotel stay: four stages, a card in the customer and frontstage lanes of each.
pub fn hotel_stay() -> Workspace {
    let mut j = Journey::from_template("Hotel stay", &["Book", "Arrive", "Stay", "Check out"]);
    j.persona = "Business traveller".into();
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (customer, front) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
    let cards = [
        (customer, 0, "Books a room online"),
        (front, 0, "Confirmation email"),
        (customer, 1, "Checks in at the desk"),
        (front, 1, "Receptionist hands over the key"),
        (customer, 2, "Orders room service"),
        (front, 2, "Waiter delivers the tray"),
        (customer, 3, "Pays the bill"),
        (front, 3, "Receipt is printed"),
    ];
    let stages: Vec<_> = j.stages.iter().map(|s| s.id).collect();
    for (i, (lane, stage, text)) in cards.into_iter().enumerate() {
        j.steps.push(Step::new(lane, stages[stage], i as f64, text));
    }
    Workspace {
        journeys: vec![j],
        entities: Vec::new(),
        links: Vec::new(),
        personas: Vec::new(),
    }
}

/// A closed workspace file at `dir/name` holding the hotel stay.
pub fn hotel_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut store = Store::create(&path).unwrap();
    store.insert_workspace(&hotel_stay()).unwrap();
    drop(store);
    path
}

/// A new workspace file at `dir/file` with one blueprint journey named `name`, created by an edit:
/// the store, the workspace as it holds it, and the journey's id.
pub fn journey_store(dir: &Path, file: &str, name: &str) -> (Store, Workspace, Id) {
    let mut store = Store::create(&dir.join(file)).unwrap();
    let mut ws = Workspace::default();
    let journey = Id::new();
    edit(
        &mut store,
        &mut ws,
        &Edit::CreateJourney {
            journey,
            name: name.into(),
            template: Template::Blueprint,
        },
    );
    (store, ws, journey)
}

/// Applies `edit` to `ws` and saves it with its undo entry; returns the edit that undoes it.
pub fn edit(store: &mut Store, ws: &mut Workspace, edit: &Edit) -> Edit {
    let (touched, inverse) = apply(ws, edit).unwrap();
    store
        .save(
            ws,
            &touched,
            History::Record {
                edit,
                inverse: &inverse,
                description: "an edit",
            },
        )
        .unwrap();
    inverse
}

/// A fingerprint of one file: its length and a hash of its bytes (`None` where there is no file).
pub type Fingerprint = Option<(u64, u64)>;

fn fingerprint(path: &Path) -> Fingerprint {
    use std::hash::{Hash, Hasher};
    let bytes = std::fs::read(path).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    Some((bytes.len() as u64, h.finish()))
}

/// Fingerprints of the workspace and of its write-ahead log.
pub fn bytes(path: &Path) -> (Fingerprint, Fingerprint) {
    (fingerprint(path), fingerprint(&wal_path(path)))
}

/// The error of an opening that must fail.
pub fn refusal<T>(opened: Result<T, StoreError>, how: &str) -> StoreError {
    match opened {
        Ok(_) => panic!("opening {how} was not refused"),
        Err(e) => e,
    }
}

/// Opens `path` both for editing and read-only, expects both refused with a message naming the
/// file, and checks that neither changed the file or its log.
pub fn refused_both_ways(path: &Path) -> StoreError {
    let before = bytes(path);
    let shown = path.display().to_string();
    let read_only = refusal(
        Store::open_read_only(path).and_then(|s| s.load()),
        "read-only",
    );
    assert!(read_only.to_string().contains(&shown), "{read_only}");
    assert_eq!(bytes(path), before, "read-only opening changed nothing");
    let editing = refusal(Store::open(path).and_then(|s| s.load()), "for editing");
    assert!(editing.to_string().contains(&shown), "{editing}");
    assert_eq!(bytes(path), before, "opening for editing changed nothing");
    assert_eq!(
        std::mem::discriminant(&read_only),
        std::mem::discriminant(&editing),
        "{read_only} / {editing}"
    );
    editing
}
