//! Exports of journeys as files, shared by the app and the CLI: the picture in a chosen format, written so
//! that a failure never leaves a half-written file under the final name.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use throughline_core::Id;
use throughline_render::embed::{png_with_journey, svg_with_journey};
use throughline_render::export::{to_pdf, to_png};
use throughline_render::{to_svg, ExportOptions, Scene};
use ts_rs::TS;

use crate::{ApiError, ErrorCode, OpenWorkspace};

/// A picture format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Raster image.
    Png,
    /// Vector image, text kept as text.
    Svg,
    /// Document, text kept as text with the font embedded.
    Pdf,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Png => "png",
            ExportFormat::Svg => "svg",
            ExportFormat::Pdf => "pdf",
        }
    }

    /// Parses "png", "svg" or "pdf" (any case).
    pub fn parse(s: &str) -> Result<Self, ApiError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "png" => Ok(ExportFormat::Png),
            "svg" => Ok(ExportFormat::Svg),
            "pdf" => Ok(ExportFormat::Pdf),
            other => Err(ApiError::new(
                ErrorCode::Invalid,
                format!("unknown format \"{other}\"; use png, svg or pdf"),
            )),
        }
    }
}

/// Reports how far a long export has come, `(done, total)` in steps of work, and answers whether to go
/// on: returning `false` cancels the export, which then fails with [`ErrorCode::Cancelled`].
pub type Progress<'a> = &'a (dyn Fn(u32, u32) -> bool + Sync);

/// Everything one export needs, taken from the workspace at once, so the picture can be rendered on
/// another thread while the workspace goes on answering (the app keeps its window responsive this way).
pub struct ExportJob {
    scene: Scene,
    journey: String,
    format: ExportFormat,
    options: ExportOptions,
}

impl ExportJob {
    /// Renders the picture, reporting progress and stopping when asked to.
    pub fn run(&self, progress: Progress) -> Result<Vec<u8>, ApiError> {
        if !progress(0, 1) {
            return Err(cancelled());
        }
        let bytes =
            render_with_journey(&self.scene, self.format, self.options.scale, &self.journey)?;
        if !progress(1, 1) {
            return Err(cancelled());
        }
        Ok(bytes)
    }

    /// The format being written.
    pub fn format(&self) -> ExportFormat {
        self.format
    }
}

fn cancelled() -> ApiError {
    ApiError::new(ErrorCode::Cancelled, "the export was cancelled")
}

impl OpenWorkspace {
    /// Prepares an export of `journey` as `format` with `options`; [`ExportJob::run`] makes the bytes.
    pub fn export_job(
        &self,
        journey: Id,
        format: ExportFormat,
        options: &ExportOptions,
    ) -> Result<ExportJob, ApiError> {
        Ok(ExportJob {
            scene: self.scene(journey)?,
            journey: self.package_json(journey)?,
            format,
            options: options.clone(),
        })
    }

    /// The journey as a picture in `format` (`scale` applies to PNG). SVG and PNG carry the journey
    /// itself (see [`render_with_journey`]), so the picture can be imported back.
    pub fn export(
        &self,
        journey: Id,
        format: ExportFormat,
        scale: f64,
    ) -> Result<Vec<u8>, ApiError> {
        let package = self.package_json(journey)?;
        render_with_journey(&self.scene(journey)?, format, scale, &package)
    }
}

/// A laid-out scene as a picture in `format`. Separate from the workspace so several scenes can be
/// rendered on several threads at once.
pub fn render(scene: &Scene, format: ExportFormat, scale: f64) -> Result<Vec<u8>, ApiError> {
    let fail = |e: throughline_render::export::ExportError| {
        ApiError::new(ErrorCode::Invalid, e.to_string())
    };
    Ok(match format {
        ExportFormat::Svg => to_svg(scene).into_bytes(),
        ExportFormat::Png => to_png(scene, scale).map_err(fail)?,
        ExportFormat::Pdf => to_pdf(scene).map_err(fail)?,
    })
}

/// [`render`], with `journey` (a package from [`OpenWorkspace::package_json`]) embedded where the
/// format has room for it: in an SVG's `<metadata>`, in a PNG's iTXt chunk. A PDF is as [`render`]
/// makes it. The same scene and package always give the same bytes.
pub fn render_with_journey(
    scene: &Scene,
    format: ExportFormat,
    scale: f64,
    journey: &str,
) -> Result<Vec<u8>, ApiError> {
    let fail = |e: throughline_render::export::ExportError| {
        ApiError::new(ErrorCode::Invalid, e.to_string())
    };
    Ok(match format {
        ExportFormat::Svg => svg_with_journey(scene, journey).into_bytes(),
        ExportFormat::Png => png_with_journey(scene, scale, journey).map_err(fail)?,
        ExportFormat::Pdf => render(scene, format, scale)?,
    })
}

/// A file name for a journey: its name with anything awkward in a file name replaced, never empty.
pub fn file_stem(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let collapsed = cleaned
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
    if collapsed.is_empty() {
        "journey".into()
    } else {
        collapsed.chars().take(120).collect()
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so the final name
/// holds either the whole new file or what was there before. Refuses to replace a file unless `force`.
pub fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> Result<(), ApiError> {
    let shown = path.display();
    if path.exists() && !force {
        return Err(ApiError::new(
            ErrorCode::Invalid,
            format!("{shown}: a file is already there; use --force to replace it"),
        ));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let storage = |e: std::io::Error| {
        ApiError::new(ErrorCode::Storage, format!("{shown}: cannot write: {e}"))
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(storage)?;
    tmp.write_all(bytes).map_err(storage)?;
    tmp.as_file().sync_all().map_err(storage)?;
    tmp.persist(path).map_err(|e| storage(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::sample::sample_workspace;

    #[test]
    fn file_stems_are_safe_and_readable() {
        assert_eq!(file_stem("Home insurance claim"), "home-insurance-claim");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("保险 claim"), "保险-claim");
        assert_eq!(file_stem("  ///  "), "journey");
    }

    #[test]
    fn writes_replace_only_when_forced_and_leave_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svg");
        write_atomically(&path, b"one", false).unwrap();
        assert!(write_atomically(&path, b"two", false).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomically(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let missing = dir.path().join("no/such/dir/a.svg");
        assert_eq!(
            write_atomically(&missing, b"x", false).unwrap_err().code,
            ErrorCode::Storage
        );
    }

    #[test]
    fn every_format_exports_the_journey() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.journeys()[0].id;
        assert!(ws
            .export(j, ExportFormat::Svg, 1.0)
            .unwrap()
            .starts_with(b"<svg"));
        assert!(ws
            .export(j, ExportFormat::Png, 1.0)
            .unwrap()
            .starts_with(b"\x89PNG"));
        assert!(ws
            .export(j, ExportFormat::Pdf, 1.0)
            .unwrap()
            .starts_with(b"%PDF"));
        assert_eq!(ExportFormat::parse("PDF").unwrap(), ExportFormat::Pdf);
        assert!(ExportFormat::parse("gif").is_err());
    }
}
