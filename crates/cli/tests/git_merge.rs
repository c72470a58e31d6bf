//! `git merge` of a text form with Throughline registered as the merge driver, run with the real `git`
//! in a temporary repository: two branches edit different cards, different fields of one card, and one
//! field of one card. The first two merge clean, the third reports one conflict, and after each the
//! merged folder opens.

mod common;

use common::{path, text, throughline};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `program` in `dir` with no global or system Git configuration.
fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .expect("the command runs")
}

fn git(repo: &Path, args: &[&str]) -> Output {
    let out = run(repo, "git", args);
    assert!(
        out.status.success(),
        "git {}: {}{}",
        args.join(" "),
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

/// Runs `throughline` in `dir` with no global or system Git configuration, for the commands that run
/// `git`.
fn throughline_git(dir: &Path, args: &[&str]) -> Output {
    run(dir, env!("CARGO_BIN_EXE_throughline"), args)
}

/// The first journey file of the text form in `map`.
fn journey_file(map: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(map.join("journeys"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.remove(0)
}

fn card(map: &Path, index: usize) -> Value {
    let json: Value = serde_json::from_slice(&std::fs::read(journey_file(map)).unwrap()).unwrap();
    json["cards"][index].clone()
}

/// Sets one field of one card of the first journey the way the text form writes it, and commits.
fn edit_and_commit(repo: &Path, map: &Path, index: usize, field: &str, value: &str) {
    let file = journey_file(map);
    let mut json: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    json["cards"][index][field] = Value::from(value);
    std::fs::write(&file, serde_json::to_string_pretty(&json).unwrap() + "\n").unwrap();
    git(
        repo,
        &["commit", "-q", "-am", &format!("{field} of card {index}")],
    );
}

/// Branches `a` and `b` from main, each with one edit; merges `a` into `b` and returns git's output.
fn branches_merged(
    repo: &Path,
    map: &Path,
    name: &str,
    a: (usize, &str, &str),
    b: (usize, &str, &str),
) -> Output {
    git(
        repo,
        &["checkout", "-q", "-b", &format!("{name}-a"), "main"],
    );
    edit_and_commit(repo, map, a.0, a.1, a.2);
    git(
        repo,
        &["checkout", "-q", "-b", &format!("{name}-b"), "main"],
    );
    edit_and_commit(repo, map, b.0, b.1, b.2);
    run(repo, "git", &["merge", "--no-edit", &format!("{name}-a")])
}

/// The merged folder opens as a workspace and validates.
fn opens(dir: &Path, map: &Path, name: &str) {
    let ws = dir.join(format!("{name}.throughline"));
    let out = throughline(&["open-text", path(map), path(&ws)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = throughline(&["list", path(&ws)]);
    assert!(list.status.success(), "{}", text(&list.stderr));
}

#[test]
fn git_merges_text_forms_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["config", "user.name", "Throughline Test"]);
    git(&repo, &["config", "user.email", "test@example.com"]);
    git(&repo, &["config", "commit.gpgsign", "false"]);

    let ws = dir.path().join("ward.throughline");
    let made = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "2",
        "--cards",
        "30",
        "--stages",
        "4",
        "--entities",
        "8",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let map = repo.join("maps").join("ward");
    assert!(throughline(&["save-text", path(&ws), path(&map)])
        .status
        .success());

    let setup = throughline_git(dir.path(), &["git-setup", path(&map)]);
    assert!(setup.status.success(), "{}", text(&setup.stderr));
    let attributes = std::fs::read_to_string(repo.join(".gitattributes")).unwrap();
    assert!(
        attributes.contains("**/journeys/*.json merge=throughline"),
        "{attributes}"
    );
    let again = throughline_git(dir.path(), &["git-setup", path(&repo)]);
    assert!(text(&again.stdout).contains("already sends the text form to throughline"));
    assert_eq!(
        std::fs::read_to_string(repo.join(".gitattributes")).unwrap(),
        attributes
    );
    let driver = git(&repo, &["config", "merge.throughline.driver"]);
    assert!(text(&driver.stdout).contains("merge-file %O %A %B %P"));

    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "ward journeys"]);

    // (a) Different cards.
    let out = branches_merged(
        &repo,
        &map,
        "cards",
        (0, "notes", "Bring referral letter"),
        (5, "notes", "Porter on call"),
    );
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(card(&map, 0)["notes"], "Bring referral letter");
    assert_eq!(card(&map, 5)["notes"], "Porter on call");
    opens(dir.path(), &map, "cards");

    // (b) Different fields of one card, on neighbouring lines, which a line merge calls a conflict.
    git(&repo, &["checkout", "-q", "main"]);
    let out = branches_merged(
        &repo,
        &map,
        "fields",
        (3, "text", "Nurse checks wristband"),
        (3, "channel", "Bedside"),
    );
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(card(&map, 3)["text"], "Nurse checks wristband");
    assert_eq!(card(&map, 3)["channel"], "Bedside");
    opens(dir.path(), &map, "fields");

    // (c) One field both ways: one conflict, resolved to ours (the branch merged into), listed.
    git(&repo, &["checkout", "-q", "main"]);
    let out = branches_merged(
        &repo,
        &map,
        "field",
        (7, "notes", "Fast before surgery"),
        (7, "notes", "Light breakfast allowed"),
    );
    assert!(!out.status.success(), "{}", text(&out.stdout));
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    let conflicts: Vec<&str> = said.lines().filter(|l| l.contains("conflict: ")).collect();
    assert_eq!(conflicts.len(), 1, "{said}");
    assert!(
        conflicts[0].contains("notes of card")
            && conflicts[0].contains("ours Light breakfast allowed, theirs Fast before surgery"),
        "{said}"
    );
    let unmerged = git(&repo, &["diff", "--name-only", "--diff-filter=U"]);
    let unmerged = text(&unmerged.stdout);
    assert_eq!(unmerged.lines().count(), 1, "{unmerged}");
    assert!(unmerged.contains("maps/ward/journeys/"), "{unmerged}");
    assert_eq!(card(&map, 7)["notes"], "Light breakfast allowed");
    let file = std::fs::read_to_string(journey_file(&map)).unwrap();
    assert!(
        !file.contains("<<<<<<<"),
        "no conflict markers in a text-form file"
    );
    opens(dir.path(), &map, "field");
}
