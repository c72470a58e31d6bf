//! The text form on disk: save → open → save is byte-identical, what the folder holds besides the text
//! form is left alone, Git merges two people's edits to different cards, and bad folders are refused
//! naming the file.

use std::path::Path;
use std::process::Command;

use throughline_api::{
    create_workspace_file, open_text, save_text, Edit, ErrorCode, OpenWorkspace, TextSaved,
};
use throughline_core::sample::sample_workspace;
use throughline_core::synthetic;
use throughline_core::text_form::canonical;
use throughline_core::Workspace;

/// Every file under `dir` (relative path → bytes), `.git` left out.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().unwrap() == ".git" {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn organised() -> Workspace {
    let mut ws = synthetic::workspace(4, 5, 60, 3);
    synthetic::organisation(&mut ws, 40, 2.0, 3);
    ws
}

#[test]
fn save_open_save_is_byte_identical_and_the_workspace_file_matches() {
    for (model, name) in [
        (sample_workspace().unwrap(), "Sample"),
        (organised(), "Generated"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("text");
        let saved = save_text(&model, name, &text, false).unwrap();
        assert_eq!(saved.written, model.journeys.len() + 2);
        let first = snapshot(&text);
        let (back, back_name) = open_text(&text).unwrap();
        assert_eq!(back_name, name);
        assert_eq!(back, canonical(&model));
        let again = save_text(&back, &back_name, &text, false).unwrap();
        assert_eq!(
            again,
            TextSaved {
                written: 0,
                unchanged: first.len(),
                removed: 0
            }
        );
        assert_eq!(snapshot(&text), first);
        // Into a workspace file and out again: still the same bytes.
        let file = dir.path().join("copy.throughline");
        create_workspace_file(&file, &back, false).unwrap();
        let copy = OpenWorkspace::open(&file).unwrap();
        let text2 = dir.path().join("text2");
        save_text(copy.model(), name, &text2, false).unwrap();
        assert_eq!(snapshot(&text2), first);
    }
}

#[test]
fn saving_removes_gone_journeys_and_leaves_everything_else_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("repo");
    std::fs::create_dir_all(text.join(".git")).unwrap();
    std::fs::write(text.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
    save_text(ws.model(), "Team", &text, false).unwrap();
    std::fs::write(text.join("README.md"), "our maps\n").unwrap();
    std::fs::write(text.join("journeys/.gitkeep"), "").unwrap();
    let gone = ws.model().journeys[0].clone();
    ws.apply(&Edit::DeleteJourney { journey: gone.id }).unwrap();
    let saved = save_text(ws.model(), "Team", &text, false).unwrap();
    assert_eq!(saved.removed, 1);
    assert_eq!(saved.written, 0, "no other file changed: {saved:?}");
    let files: Vec<String> = snapshot(&text).into_iter().map(|(p, _)| p).collect();
    assert!(files.contains(&"README.md".to_owned()));
    assert!(files.contains(&"journeys/.gitkeep".to_owned()));
    assert!(!files
        .iter()
        .any(|f| f.contains(&throughline_core::text_form::slug(&gone.name))));
    assert_eq!(
        std::fs::read_to_string(text.join(".git/HEAD")).unwrap(),
        "ref: refs/heads/main\n"
    );
    let (back, _) = open_text(&text).unwrap();
    assert_eq!(back, canonical(ws.model()));
}

#[test]
fn a_folder_holding_something_else_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let model = sample_workspace().unwrap();
    std::fs::write(dir.path().join("thesis.docx"), "mine").unwrap();
    let err = save_text(&model, "S", dir.path(), false).unwrap_err();
    assert!(err.message.contains("--force"), "{}", err.message);
    assert!(!dir.path().join("workspace.json").exists());
    save_text(&model, "S", dir.path(), true).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("thesis.docx")).unwrap(),
        b"mine"
    );
    let other = tempfile::tempdir().unwrap();
    std::fs::write(
        other.path().join("workspace.json"),
        "{\"format\":\"vscode\"}",
    )
    .unwrap();
    let err = save_text(&model, "S", other.path(), false).unwrap_err();
    assert!(
        err.message.contains("not a Throughline text form"),
        "{}",
        err.message
    );
    let newer = tempfile::tempdir().unwrap();
    save_text(&model, "S", newer.path(), false).unwrap();
    let head = newer.path().join("workspace.json");
    let bumped = std::fs::read_to_string(&head)
        .unwrap()
        .replace("\"version\": 1", "\"version\": 9");
    std::fs::write(&head, bumped).unwrap();
    let err = save_text(&model, "S", newer.path(), false).unwrap_err();
    assert_eq!(err.code, ErrorCode::NewerVersion);
    let err = open_text(newer.path()).unwrap_err();
    assert_eq!(err.code, ErrorCode::NewerVersion);
    assert!(err.message.contains("newer Throughline"), "{}", err.message);
}

#[test]
fn bad_folders_are_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = open_text(dir.path()).unwrap_err();
    assert!(
        err.message.contains("has no workspace.json"),
        "{}",
        err.message
    );
    assert_eq!(err.code, ErrorCode::NotAWorkspace);
    let err = open_text(&dir.path().join("nowhere")).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    save_text(&sample_workspace().unwrap(), "S", dir.path(), false).unwrap();
    std::fs::write(dir.path().join("journeys/notes.txt"), "hello").unwrap();
    let err = open_text(dir.path()).unwrap_err();
    assert!(
        err.message.contains("journeys/notes.txt"),
        "{}",
        err.message
    );
    std::fs::remove_file(dir.path().join("journeys/notes.txt")).unwrap();
    std::fs::write(
        dir.path().join("entities.json"),
        "{\n  \"entities\": 3\n}\n",
    )
    .unwrap();
    let err = open_text(dir.path()).unwrap_err();
    assert!(
        err.message.contains("entities.json, line 2"),
        "{}",
        err.message
    );
    assert!(err.message.contains("field entities"), "{}", err.message);
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .output()
        .expect("git runs")
}

#[test]
fn git_merges_two_peoples_edits_to_different_cards_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let model = sample_workspace().unwrap();
    save_text(&model, "Team", repo, false).unwrap();
    assert!(git(repo, &["init", "-q", "-b", "main"]).status.success());
    git(repo, &["add", "."]);
    assert!(git(repo, &["commit", "-q", "-m", "base"]).status.success());

    let journey = model.journeys[0].id;
    let cards: Vec<_> = model.journeys[0].steps.iter().map(|s| s.id).collect();
    let edited = |card, text: &str| {
        let mut ws = OpenWorkspace::in_memory(&model).unwrap();
        ws.apply(&Edit::SetStepText {
            step: card,
            text: text.into(),
        })
        .unwrap();
        ws.model().clone()
    };
    let (first, last) = (cards[0], cards[cards.len() - 1]);
    git(repo, &["checkout", "-q", "-b", "ana"]);
    save_text(&edited(first, "Ana's wording"), "Team", repo, false).unwrap();
    let diff = git(repo, &["diff", "--numstat"]);
    assert_eq!(
        String::from_utf8_lossy(&diff.stdout)
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>(),
        ["1", "1"],
        "one changed field is one changed line"
    );
    git(repo, &["commit", "-q", "-am", "ana"]);
    git(repo, &["checkout", "-q", "main"]);
    save_text(&edited(last, "Ben's wording"), "Team", repo, false).unwrap();
    git(repo, &["commit", "-q", "-am", "ben"]);
    let merge = git(repo, &["merge", "-q", "--no-edit", "ana"]);
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stdout)
    );
    let (merged, _) = open_text(repo).unwrap();
    let text = |card| {
        merged
            .journey(journey)
            .unwrap()
            .step(card)
            .unwrap()
            .text
            .clone()
    };
    assert_eq!(text(first), "Ana's wording");
    assert_eq!(text(last), "Ben's wording");
}
