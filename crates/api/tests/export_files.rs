//! Exported files get names every file system takes, whatever the journey is called, and the
//! permissions any new file gets.

use std::path::Path;

use throughline_api::{
    file_stem, write_export, Edit, ExportFormat, ExportOptions, Id, OpenWorkspace, MAX_STEM_BYTES,
};
use throughline_core::synthetic;

/// A hotel stay, renamed to `name`.
fn hotel(name: &str) -> (OpenWorkspace, Id) {
    let mut ws = OpenWorkspace::in_memory(&synthetic::workspace(1, 3, 9, 5)).unwrap();
    let j = ws.journeys()[0].id;
    ws.apply(&Edit::UpdateJourney {
        journey: j,
        name: name.into(),
        persona: "Guest".into(),
        description: String::new(),
    })
    .unwrap();
    (ws, j)
}

/// Exports journey `j` of `ws` into `dir` under the name the app and the CLI propose; the path.
fn export_into(dir: &Path, ws: &OpenWorkspace, j: Id, format: ExportFormat) -> std::path::PathBuf {
    let name = ws.model().journey(j).unwrap().name.clone();
    let path = dir.join(format!("{}.{}", file_stem(&name), format.extension()));
    let bytes = ws
        .export_job(j, format, &ExportOptions::default())
        .unwrap()
        .run(&|_, _| true)
        .unwrap();
    write_export(&path, &bytes, false, None)
        .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message));
    path
}

#[test]
fn a_long_cjk_name_exports_under_a_name_the_file_system_takes() {
    let name = "酒店入住体验从预订到退房的全过程".repeat(6);
    let name: String = name.chars().take(84).collect();
    let (ws, j) = hotel(&name);
    let dir = tempfile::tempdir().unwrap();
    for format in [ExportFormat::Svg, ExportFormat::Png, ExportFormat::Pdf] {
        let path = export_into(dir.path(), &ws, j, format);
        let file = path.file_name().unwrap().to_str().unwrap();
        assert!(file.len() <= MAX_STEM_BYTES + 4, "{} bytes", file.len());
        assert!(name.starts_with(file.split('.').next().unwrap()));
    }
}

#[test]
fn reserved_device_names_are_not_used() {
    let dir = tempfile::tempdir().unwrap();
    for (name, file) in [
        ("CON", "con-journey.svg"),
        ("nul", "nul-journey.svg"),
        ("Lpt9", "lpt9-journey.svg"),
        ("  ...  ", "journey.svg"),
        (". Aux .", "aux-journey.svg"),
    ] {
        let (ws, j) = hotel(name);
        let path = export_into(dir.path(), &ws, j, ExportFormat::Svg);
        assert_eq!(path.file_name().unwrap(), file, "{name:?}");
    }
}

#[cfg(unix)]
#[test]
fn exported_files_are_readable_like_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (ws, j) = hotel("Hotel stay");
    let normal = dir.path().join("made-normally.txt");
    std::fs::write(&normal, b"x").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for format in [ExportFormat::Svg, ExportFormat::Png, ExportFormat::Pdf] {
        let path = export_into(dir.path(), &ws, j, format);
        assert_eq!(mode(&path), mode(&normal), "{format:?}");
    }
}
