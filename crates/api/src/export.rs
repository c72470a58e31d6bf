//! Exports of journeys as files, shared by the app and the CLI: the picture in a chosen format, written so
//! that a failure never leaves a half-written file under the final name.

use serde::{Deserialize, Serialize};
use throughline_core::Id;
use throughline_render::embed::{svg_with_journey, PNG_KEYWORD};
use throughline_render::export::{encode_png, to_png, ExportError, PngSpec};
use throughline_render::pages::to_pdf_pages;
use throughline_render::{to_svg, ExportOptions, PageLayout, Scene};
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
    name: String,
    journey: String,
    format: ExportFormat,
    options: ExportOptions,
}

impl ExportJob {
    /// Renders the picture, reporting progress and stopping when asked to.
    pub fn run(&self, progress: Progress) -> Result<Vec<u8>, ApiError> {
        render_with_journey(
            &self.scene,
            self.format,
            &self.options,
            &self.journey,
            progress,
        )
        .map_err(naming(&self.name, self.format))
    }

    /// The name of the journey being exported.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The format being written.
    pub fn format(&self) -> ExportFormat {
        self.format
    }

    /// The scene being drawn (title block, legend and left-out parts applied), for checking what an
    /// export will show without rendering it.
    pub fn scene(&self) -> &Scene {
        &self.scene
    }
}

/// Today's date in UTC as YYYY-MM-DD, for the title block of an export made now. Worked out from the
/// system clock (days since 1970 to a civil date), so no date library is needed.
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(secs / 86_400)
}

/// The proleptic Gregorian date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub(crate) fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Puts the journey and the format in a failed export's message, so that of many exports the one that
/// failed can be told ("exporting \"Hotel stay\" as PNG failed: …"). A cancellation is left as it is.
fn naming(name: &str, format: ExportFormat) -> impl Fn(ApiError) -> ApiError + '_ {
    move |e| match e.code {
        ErrorCode::Cancelled => e,
        _ => ApiError {
            message: format!(
                "exporting \"{name}\" as {} failed: {}",
                format.extension().to_uppercase(),
                e.message
            ),
            ..e
        },
    }
}

impl OpenWorkspace {
    /// The journey's name, for messages about it.
    fn journey_name(&self, journey: Id) -> String {
        self.model()
            .journey(journey)
            .map_or_else(|| journey.to_string(), |j| j.name.clone())
    }
}

fn cancelled() -> ApiError {
    ApiError::new(ErrorCode::Cancelled, "the export was cancelled")
}

impl OpenWorkspace {
    /// Prepares an export of `journey` as `format` with `options`, dated today (UTC);
    /// [`ExportJob::run`] makes the bytes.
    pub fn export_job(
        &self,
        journey: Id,
        format: ExportFormat,
        options: &ExportOptions,
    ) -> Result<ExportJob, ApiError> {
        self.export_job_dated(journey, format, options, &today_utc())
    }

    /// [`OpenWorkspace::export_job`] with the title block's `date` given, so the same journey exported
    /// twice gives the same bytes (the CLI's `--date`).
    pub fn export_job_dated(
        &self,
        journey: Id,
        format: ExportFormat,
        options: &ExportOptions,
        date: &str,
    ) -> Result<ExportJob, ApiError> {
        if let Some(problem) = options.problem() {
            return Err(ApiError::new(ErrorCode::Invalid, problem));
        }
        Ok(ExportJob {
            scene: self.export_scene(journey, options, date)?,
            name: self.journey_name(journey),
            journey: self.picture_package_json(journey, options.comments)?,
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
        let package = self.picture_package_json(journey, false)?;
        let options = ExportOptions {
            scale,
            ..ExportOptions::as_on_screen()
        };
        render_with_journey(
            &self.scene(journey)?,
            format,
            &options,
            &package,
            &|_, _| true,
        )
        .map_err(naming(&self.journey_name(journey), format))
    }
}

/// A laid-out scene as a picture in `format` (a PDF on one fitted page). Separate from the workspace so several scenes can be
/// rendered on several threads at once.
pub fn render(scene: &Scene, format: ExportFormat, scale: f64) -> Result<Vec<u8>, ApiError> {
    let fail = |e: throughline_render::export::ExportError| {
        ApiError::new(ErrorCode::Invalid, e.to_string())
    };
    Ok(match format {
        ExportFormat::Svg => to_svg(scene).into_bytes(),
        ExportFormat::Png => to_png(scene, scale).map_err(fail)?,
        ExportFormat::Pdf => to_pdf_pages(scene, PageLayout::Fit).map_err(fail)?,
    })
}

/// [`render`], with `journey` (a package from [`OpenWorkspace::package_json`]) embedded where the
/// format has room for it: in an SVG's `<metadata>`, in a PNG's iTXt chunk. `options` gives the PNG's
/// size and background and the PDF's pages (what the scene includes was decided when it was laid
/// out, see [`OpenWorkspace::export_scene`]). A PNG reports progress strip by strip, the others once
/// done; answering `false` cancels. The same scene and package always give the same bytes.
pub fn render_with_journey(
    scene: &Scene,
    format: ExportFormat,
    options: &ExportOptions,
    journey: &str,
    progress: Progress,
) -> Result<Vec<u8>, ApiError> {
    let fail = |e: ExportError| match e {
        ExportError::Cancelled => cancelled(),
        e => ApiError::new(ErrorCode::Invalid, e.to_string()),
    };
    if !progress(0, 1) {
        return Err(cancelled());
    }
    let bytes = match format {
        ExportFormat::Svg => svg_with_journey(scene, journey).into_bytes(),
        ExportFormat::Png => {
            let spec = PngSpec {
                scale: png_scale(scene, options),
                transparent: options.transparent,
                text: Some((PNG_KEYWORD, journey)),
            };
            return encode_png(scene, &spec, progress).map_err(fail);
        }
        ExportFormat::Pdf => to_pdf_pages(scene, options.pages).map_err(fail)?,
    };
    if !progress(1, 1) {
        return Err(cancelled());
    }
    Ok(bytes)
}

/// Pixels per scene unit for a PNG: from the target width when one is given, else the scale.
fn png_scale(scene: &Scene, options: &ExportOptions) -> f64 {
    match options.width {
        Some(w) if scene.width > 0.0 => f64::from(w) / scene.width,
        _ => options.scale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::sample::sample_workspace;

    #[test]
    fn a_failed_export_names_the_journey_and_the_format() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.journeys()[0].id;
        let name = ws.journeys()[0].name.clone();
        let err = ws.export(j, ExportFormat::Png, 1_000.0).unwrap_err();
        assert!(
            err.message
                .starts_with(&format!("exporting \"{name}\" as PNG failed: ")),
            "{}",
            err.message
        );
        assert!(
            err.message.contains("larger than the 20000 px limit"),
            "{}",
            err.message
        );
        let options = ExportOptions {
            scale: -1.0,
            ..ExportOptions::as_on_screen()
        };
        let err = ws
            .export_job(j, ExportFormat::Png, &options)
            .err()
            .expect("a negative scale is refused before any work");
        assert_eq!(err.code, ErrorCode::Invalid);
        assert_eq!(err.message, "The PNG scale must be from 1× to 4×.");
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

    #[test]
    fn png_size_and_background_follow_the_options_and_progress_can_cancel() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.journeys()[0].id;
        let options = ExportOptions {
            width: Some(800),
            transparent: true,
            ..ExportOptions::as_on_screen()
        };
        let job = ws.export_job(j, ExportFormat::Png, &options).unwrap();
        let png = job.run(&|_, _| true).unwrap();
        let reader = png::Decoder::new(std::io::Cursor::new(&png))
            .read_info()
            .unwrap();
        let info = reader.info();
        assert_eq!(info.width, 800);
        assert_eq!(info.color_type, png::ColorType::Rgba);
        let cancelled = job.run(&|done, _| done == 0).unwrap_err();
        assert_eq!(cancelled.code, ErrorCode::Cancelled);
    }

    #[test]
    fn dates_are_civil_dates_in_utc() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(19_000), "2022-01-08");
        assert_eq!(civil_date(20_527), "2026-03-15");
        let today = today_utc();
        assert_eq!(today.len(), 10);
        assert!(today.as_str() > "2024-01-01");
    }

    #[test]
    fn export_jobs_honour_the_options_and_the_screen_stays_plain() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.journeys()[0].id;
        let screen = ws.scene(j).unwrap();
        assert!(screen.title_block.is_none() && screen.legend.is_none());
        assert!(!ws.scene_json(j).unwrap().contains("title_block"));
        assert!(screen.cards.iter().any(|c| !c.chips.is_empty()));

        let all = ExportOptions::default();
        let job = ws
            .export_job_dated(j, ExportFormat::Svg, &all, "2025-03-14")
            .unwrap();
        let block = job.scene().title_block.as_ref().expect("a title block");
        let facts: Vec<&str> = block.facts.iter().map(|f| f.value.text.as_str()).collect();
        assert_eq!(facts, [ws.info().name.as_str(), "2025-03-14"]);
        assert!(job.scene().legend.is_some());
        let svg = String::from_utf8(job.run(&|_, _| true).unwrap()).unwrap();
        assert!(svg.contains(">2025-03-14</text>") && svg.contains(">Legend</text>"));

        let bare = ExportOptions {
            owners: false,
            handoffs: false,
            emotion: false,
            ..ExportOptions::as_on_screen()
        };
        let job = ws
            .export_job_dated(j, ExportFormat::Svg, &bare, "2025-03-14")
            .unwrap();
        let scene = job.scene();
        assert!(scene.cards.iter().all(|c| c.chips.is_empty()));
        assert!(scene.arrows.iter().all(|a| a.handoff.is_none()));
        assert!(scene.emotion.is_none() && scene.title_block.is_none() && scene.legend.is_none());
        assert!(scene.height < screen.height);
    }

    #[test]
    fn the_same_journey_exports_to_the_same_bytes_on_a_fixed_date() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.journeys()[0].id;
        let tiled = ExportOptions {
            pages: PageLayout::Tiled {
                paper: throughline_render::Paper::A3,
                landscape: true,
            },
            ..ExportOptions::default()
        };
        for (format, options) in [
            (ExportFormat::Svg, ExportOptions::default()),
            (ExportFormat::Png, ExportOptions::default()),
            (ExportFormat::Pdf, ExportOptions::default()),
            (ExportFormat::Pdf, tiled),
        ] {
            let once = |date: &str| {
                ws.export_job_dated(j, format, &options, date)
                    .unwrap()
                    .run(&|_, _| true)
                    .unwrap()
            };
            let first = once("2025-03-14");
            assert_eq!(first, once("2025-03-14"), "{format:?} {:?}", options.pages);
            if format == ExportFormat::Svg {
                assert_ne!(first, once("2025-03-15"), "the date is in the picture");
            }
        }
    }
}
