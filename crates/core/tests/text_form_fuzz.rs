//! Mutated text forms never crash the reader: each either reads as a valid workspace or is refused with
//! an error. `THROUGHLINE_FUZZ_CASES` sets the number of cases (500 by default, so CI stays quick).

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::Value;
use throughline_core::text_form::{from_files, to_files};
use throughline_core::{
    synthetic, validate_workspace, Entity, EntityKind, Id, Link, LinkKind, Workspace,
};

/// Small valid text forms to mutate: a generated coffee shop with an organisation, and an empty one.
fn bases() -> &'static [BTreeMap<String, Vec<u8>>] {
    static BASES: std::sync::OnceLock<Vec<BTreeMap<String, Vec<u8>>>> = std::sync::OnceLock::new();
    BASES.get_or_init(make_bases)
}

fn make_bases() -> Vec<BTreeMap<String, Vec<u8>>> {
    let mut shop = synthetic::workspace(2, 3, 8, 5);
    synthetic::organisation(&mut shop, 12, 1.5, 5);
    shop.journeys[0].name = "Coffee to go".into();
    let barista = Entity {
        id: Id::derived("fuzz", "barista"),
        kind: EntityKind::Person,
        name: "Barista".into(),
        description: "Makes the coffee".into(),
        owner: None,
    };
    let till = shop
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::System)
        .unwrap()
        .id;
    shop.links.push(Link {
        id: Id::derived("fuzz", "depends"),
        kind: LinkKind::DependsOn,
        from: barista.id,
        to: till,
    });
    shop.entities.push(barista);
    validate_workspace(&shop).unwrap();
    [
        to_files(&shop, "Corner café"),
        to_files(&Workspace::default(), ""),
    ]
    .into_iter()
    .map(|files| {
        files
            .into_iter()
            .map(|(k, v)| (k, v.into_bytes()))
            .collect()
    })
    .collect()
}

/// One way to damage a text form.
#[derive(Debug, Clone)]
enum Mutation {
    FlipByte { at: usize, bit: u8 },
    Truncate { at: usize },
    InsertBytes { at: usize, bytes: Vec<u8> },
    DeleteRange { at: usize, len: usize },
    DuplicateRecord { pick: usize },
    ChangeType { pick: usize, to: u8 },
    Nest { pick: usize, depth: usize },
    CopyFile { from: usize },
    RemoveFile,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipByte { at, bit }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::InsertBytes { at, bytes }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::DeleteRange { at, len }),
        any::<usize>().prop_map(|pick| Mutation::DuplicateRecord { pick }),
        (any::<usize>(), 0u8..6).prop_map(|(pick, to)| Mutation::ChangeType { pick, to }),
        (any::<usize>(), prop_oneof![1usize..200, 100usize..5000])
            .prop_map(|(pick, depth)| Mutation::Nest { pick, depth }),
        any::<usize>().prop_map(|from| Mutation::CopyFile { from }),
        Just(Mutation::RemoveFile),
    ]
}

/// Every leaf inside `v` (a string, number, boolean, null or empty container), so a mutation can pick
/// one.
fn values(v: &mut Value) -> Vec<&mut Value> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        let leaf = match &*v {
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            _ => true,
        };
        if leaf {
            out.push(v);
        } else {
            match v {
                Value::Array(a) => stack.extend(a.iter_mut()),
                Value::Object(o) => stack.extend(o.values_mut()),
                _ => {}
            }
        }
    }
    out
}

fn arrays(v: &mut Value) -> Vec<&mut Vec<Value>> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => out.push(a),
            Value::Object(o) => stack.extend(o.values_mut()),
            _ => {}
        }
    }
    out
}

fn mutate(files: &mut BTreeMap<String, Vec<u8>>, file: usize, m: &Mutation) {
    let keys: Vec<String> = files.keys().cloned().collect();
    let key = keys[file % keys.len()].clone();
    let bytes = files.get_mut(&key).unwrap();
    let len = bytes.len().max(1);
    let as_json = |bytes: &mut Vec<u8>, f: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_slice(bytes).unwrap();
        f(&mut v);
        *bytes = serde_json::to_vec_pretty(&v).unwrap();
    };
    match m {
        Mutation::FlipByte { at, bit } => {
            if !bytes.is_empty() {
                bytes[at % len] ^= 1 << bit;
            }
        }
        Mutation::Truncate { at } => bytes.truncate(at % len),
        Mutation::InsertBytes { at, bytes: extra } => {
            let at = at % len.min(bytes.len() + 1);
            bytes.splice(at..at, extra.iter().copied());
        }
        Mutation::DeleteRange { at, len: n } => {
            let at = at % len.min(bytes.len() + 1);
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::DuplicateRecord { pick } => as_json(bytes, &|v| {
            let mut full: Vec<&mut Vec<Value>> =
                arrays(v).into_iter().filter(|a| !a.is_empty()).collect();
            if !full.is_empty() {
                let n = full.len();
                let a = &mut full[pick % n];
                let copy = a[pick % a.len()].clone();
                a.push(copy);
            }
        }),
        Mutation::ChangeType { pick, to } => as_json(bytes, &|v| {
            let mut leaves = values(v);
            if !leaves.is_empty() {
                let n = leaves.len();
                *leaves.swap_remove(pick % n) = match to {
                    0 => Value::Null,
                    1 => Value::Bool(true),
                    2 => Value::from(-7),
                    3 => Value::from(1e300),
                    4 => Value::from("not what was expected"),
                    _ => Value::Object(Default::default()),
                };
            }
        }),
        Mutation::Nest { pick, depth } => {
            let mut v: Value = serde_json::from_slice(bytes).unwrap();
            let mut leaves = values(&mut v);
            if !leaves.is_empty() {
                let n = leaves.len();
                *leaves.swap_remove(pick % n) = Value::from("@@NEST@@");
                let text = serde_json::to_string_pretty(&v).unwrap();
                let deep = format!("{}0{}", "[".repeat(*depth), "]".repeat(*depth));
                *bytes = text.replacen("\"@@NEST@@\"", &deep, 1).into_bytes();
            }
        }
        Mutation::CopyFile { from } => {
            let source = files[&keys[from % keys.len()]].clone();
            files.insert("journeys/copy-00000000.json".into(), source);
        }
        Mutation::RemoveFile => {
            files.remove(&key);
        }
    }
}

fn cases() -> u32 {
    std::env::var("THROUGHLINE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_text_forms_read_as_valid_workspaces_or_are_refused(
        base in 0usize..2,
        file in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let mut files = bases()[base].clone();
        for m in &mutations {
            if files.is_empty() {
                break;
            }
            let parses = files.values().all(|b| serde_json::from_slice::<Value>(b).is_ok());
            let needs_json = matches!(
                m,
                Mutation::DuplicateRecord { .. } | Mutation::ChangeType { .. } | Mutation::Nest { .. }
            );
            if !needs_json || parses {
                mutate(&mut files, file, m);
            }
        }
        match from_files(&files) {
            Ok((ws, name)) => {
                prop_assert_eq!(validate_workspace(&ws), Ok(()));
                let again = to_files(&ws, &name);
                let (back, _) = from_files(&again).expect("what was read writes back readably");
                prop_assert_eq!(back, ws);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
