//! Random and mutated CSV bytes against the import: the preview never panics, and whatever import it
//! promises either applies whole (every accepted row a card, the workspace valid, undo back to the
//! start) or is refused without changing anything. Cases: `THROUGHLINE_FUZZ_CASES` (256 by default).

mod common;

use std::sync::OnceLock;

use common::canonical;
use proptest::prelude::*;
use throughline_core::edit::apply;
use throughline_core::sample::sample_workspace;
use throughline_core::sheet::{import, preview, CsvField, CsvTarget};
use throughline_core::{validate_workspace, Id, Workspace};

/// Well-formed sheets the mutations start from: plain, semicolon-separated with a BOM, quoted
/// multi-line cells and formula guards, and headers that need a mapping.
const SEEDS: [&str; 4] = [
    "stage,lane,text,owner,emotion,moment of truth\nArrive,customer,Checks in,Front office,1,yes\nArrive,backstage,Room is cleaned,Housekeeping,,no\nLeave,Customer,Pays,,−2,✓\n",
    "\u{FEFF}Stage;Lane;Text;Channel;Pain point;Severity;Fail point;Wait point;Notes\nBook;evidence;Website;App;Slow;high;x;0;\"a\nb\"\nBook;support;Payment;;;low;;;\n",
    "stage,lane,text,notes\n\"Check, out\",customer,\"'=SUM(1)\",\"line \"\"one\"\"\nline two\"\nCheck out,frontstage,'-1 left,\n",
    "Phase,Swimlane,What happens,Who\nA,customer,x,Maria Okafor\nB,Kitchen,y,CRM\n,,,\n",
];

/// Bytes that matter to a CSV reader, a UTF-8 decoder or the checks.
const INTERESTING: &[u8] = b"\",;\t\n\r'=+-@x0129 \x00\xFF\xE9\xEF\xBB\xBF\xE2\x9C\x93<";

fn workspace() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| sample_workspace().expect("the sample loads"))
}

fn cases() -> u32 {
    std::env::var("THROUGHLINE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// A seed with up to 12 random edits: a byte replaced, inserted or removed.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        0..SEEDS.len(),
        prop::collection::vec((any::<usize>(), 0u8..3, any::<u8>(), any::<bool>()), 0..12),
    )
        .prop_map(|(seed, edits)| {
            let mut bytes = SEEDS[seed].as_bytes().to_vec();
            for (at, op, byte, interesting) in edits {
                let byte = if interesting {
                    INTERESTING[byte as usize % INTERESTING.len()]
                } else {
                    byte
                };
                let at = at % (bytes.len() + 1);
                match op {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.push(byte),
                }
            }
            bytes
        })
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => mutated(),
        1 => prop::collection::vec(any::<u8>(), 0..300),
        1 => prop::collection::vec(prop::sample::select(INTERESTING.to_vec()), 0..200),
    ]
}

fn field() -> impl Strategy<Value = Option<CsvField>> {
    prop::option::of(prop::sample::select(CsvField::ALL.to_vec()))
}

fn target() -> impl Strategy<Value = CsvTarget> {
    prop_oneof![
        prop::sample::select(vec![
            "Imported",
            "",
            "home insurance claim",
            "Hotel\u{FFFE}"
        ])
        .prop_map(|name| CsvTarget::NewJourney { name: name.into() }),
        (0usize..3).prop_map(|j| CsvTarget::Journey {
            journey: workspace().journeys.get(j).map_or_else(Id::new, |j| j.id),
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_bytes_preview_without_panic_and_import_whole_or_not_at_all(
        bytes in bytes(),
        target in target(),
        mapping in prop::option::of(prop::collection::vec(field(), 0..8)),
    ) {
        let start = workspace();
        let shown = preview(start, &bytes, &target, mapping.as_deref());
        let imported = import(start, &bytes, &target, mapping.as_deref(), Id::new());
        match (shown, imported) {
            (Ok(p), Ok((edit, q))) => {
                prop_assert_eq!(&p, &q, "the import takes what the preview shows");
                prop_assert!(p.problems.is_empty() && p.accepted > 0);
                let mut ws = start.clone();
                let cards_before: usize = ws.journeys.iter().map(|j| j.steps.len()).sum();
                let (_, inverse) = apply(&mut ws, &edit)
                    .map_err(|e| TestCaseError::fail(format!("a previewed import was refused: {e}")))?;
                validate_workspace(&ws).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let cards_after: usize = ws.journeys.iter().map(|j| j.steps.len()).sum();
                prop_assert_eq!(cards_after - cards_before, p.accepted as usize);
                apply(&mut ws, &inverse).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(canonical(&ws) == canonical(start), "undo returns to the start");
            }
            (Ok(p), Err(_)) => {
                prop_assert!(!p.problems.is_empty() || p.accepted == 0, "refused though the preview accepts rows");
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (Err(e), Ok(_)) => prop_assert!(false, "imported a file the preview refused: {}", e),
        }
    }
}
