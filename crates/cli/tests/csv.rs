//! `throughline import-csv` and `export-csv` as a user runs them: real files in a temporary folder,
//! exit codes, the preview table and what ends up in the workspace.

mod common;

use common::{path, text, throughline};

use std::path::Path;

/// A hospital visit, with one row in a lane the journey does not have and one emotion out of range.
const HOSPITAL: &str = "\
Stage,Lane,Text,Owner,Emotion,Moment of truth
Arrive,Customer,Checks in at reception,,0,no
Arrive,Frontstage,Receptionist prints a wristband,Reception,,
Wait,Customer,Waits to be called,,-2,yes
Wait,Cafeteria,Buys a coffee,,,
See doctor,Customer,Explains the symptoms,,5,
See doctor,Backstage,Doctor reads the history,Dr Amal Haddad,,
";

fn list(ws: &Path) -> String {
    text(&throughline(&["list", path(ws)]).stdout)
}

#[test]
fn a_dry_run_prints_the_preview_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    let csv = dir.path().join("hospital.csv");
    std::fs::write(&csv, HOSPITAL).unwrap();
    assert!(throughline(&["init", path(&ws)]).status.success());
    let before = std::fs::read(&ws).unwrap();
    let out = throughline(&[
        "import-csv",
        path(&ws),
        path(&csv),
        "--new-journey",
        "Hospital visit",
        "--dry-run",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("into \"Hospital visit\": 4 rows will be imported, 2 rejected"));
    assert!(shown.contains("row\tstatus\treason\n2\twill be imported\t\n"));
    assert!(shown.contains("5\trejected\tlane “Cafeteria” is not a lane of this journey"));
    assert!(shown.contains("6\trejected\temotion “5” is not a whole number from −2 to +2"));
    assert!(shown.contains("new stages: Arrive, Wait, See doctor"));
    assert!(shown.contains("new owners (created as teams): Reception, Dr Amal Haddad"));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn rejected_rows_stop_an_import_unless_skipped_and_an_import_adds_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    let csv = dir.path().join("hospital.csv");
    std::fs::write(&csv, HOSPITAL).unwrap();
    assert!(throughline(&["init", path(&ws)]).status.success());
    let args = [
        "import-csv",
        path(&ws),
        path(&csv),
        "--new-journey",
        "Hospital visit",
    ];
    let refused = throughline(&args);
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(
        err.contains("nothing imported: 2 of 6 rows are rejected"),
        "{err}"
    );
    assert!(
        err.contains("hospital.csv: row 5: lane “Cafeteria”"),
        "{err}"
    );
    assert!(!list(&ws).contains("Hospital visit"));

    let done = throughline(&[&args[..], &["--skip-rejected"]].concat());
    assert!(done.status.success(), "{}", text(&done.stderr));
    let said = text(&done.stdout);
    assert!(
        said.contains("imported 4 cards into \"Hospital visit\" (new journey)"),
        "{said}"
    );
    assert!(said.contains("added stages: Arrive, Wait, See doctor"));
    assert!(said.contains("created teams: Reception, Dr Amal Haddad"));
    assert!(text(&done.stderr).contains("skipped"));
    assert!(list(&ws).contains("Hospital visit\t3 stages\t4 cards"));
}

#[test]
fn unclear_headers_are_mapped_with_map_and_cards_join_an_existing_journey() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    let csv = dir.path().join("extra.csv");
    std::fs::write(
        &csv,
        "Phase;Where;What happens;Comments\nrepair;customer;Books the builder;call back\nAftercare;support;Survey is sent;\n",
    )
    .unwrap();
    assert!(throughline(&["init", path(&ws)]).status.success());
    let base = [
        "import-csv",
        path(&ws),
        path(&csv),
        "--journey",
        "home insurance claim",
    ];
    let unmapped = throughline(&base);
    assert!(!unmapped.status.success());
    assert!(text(&unmapped.stderr).contains("no column is mapped to lane"));
    let bad = throughline(&[&base[..], &["--map", "Whereabouts=lane"]].concat());
    assert!(text(&bad.stderr)
        .contains("--map \"Whereabouts=lane\": the file has no column “Whereabouts”"));
    let done = throughline(
        &[
            &base[..],
            &[
                "--map",
                "where=lane",
                "--map",
                "What happens=text",
                "--map",
                "comments=ignore",
            ],
        ]
        .concat(),
    );
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert!(text(&done.stdout).contains("imported 2 cards into \"Home insurance claim\""));
    assert!(text(&done.stdout).contains("added stages: Aftercare"));
    assert!(list(&ws).contains("Home insurance claim\t7 stages\t38 cards"));
}

#[test]
fn exports_write_csv_files_and_keep_existing_ones_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    let steps = dir.path().join("claim.csv");
    let out = throughline(&[
        "export-csv",
        path(&ws),
        "--steps",
        "Home insurance claim",
        "-o",
        path(&steps),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&steps).unwrap();
    assert!(written.starts_with("\u{FEFF}stage,lane,text,owner,channel,moment of truth"));
    assert_eq!(written.matches("\r\n").count(), 37);

    let again = throughline(&["export-csv", path(&ws), "--ownership", "-o", path(&steps)]);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&steps).unwrap(), written);
    let checks = dir.path().join("checks.csv");
    std::fs::write(&checks, "old").unwrap();
    let forced = throughline(&[
        "export-csv",
        path(&ws),
        "--checks",
        "--journey",
        "broadband installation",
        "-o",
        path(&checks),
        "--force",
    ]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(std::fs::read_to_string(&checks)
        .unwrap()
        .starts_with("\u{FEFF}finding,journey,card or entity,message\r\n"));
    let onto_workspace = throughline(&[
        "export-csv",
        path(&ws),
        "--ownership",
        "-o",
        path(&ws),
        "--force",
    ]);
    assert!(!onto_workspace.status.success());
    assert!(text(&onto_workspace.stderr).contains("is the open workspace itself"));

    // The exported steps import back into a new journey with every row accepted.
    let back = throughline(&[
        "import-csv",
        path(&ws),
        path(&steps),
        "--new-journey",
        "Claim again",
        "--dry-run",
    ]);
    assert!(text(&back.stdout).contains("0 rejected"));
}
