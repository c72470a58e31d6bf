//! `throughline`: Throughline without a window, for scripts, CI and batch work.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use throughline_api::{write_export, ApiError, ExportFormat, OpenWorkspace};

mod analyze;
mod csv;
mod diff;
mod edit_stream;
mod export;
mod git_merge;
mod history;
mod merge;
mod text_form;

#[derive(Parser)]
#[command(
    name = "throughline",
    version,
    about = "Customer experience blueprints, from the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new workspace file seeded with the sample journeys.
    Init {
        /// Where to create it (must not exist yet).
        workspace: PathBuf,
    },
    /// Write a synthetic workspace of a given size, for benchmarks and tests.
    Generate {
        /// Where to create it (must not exist yet).
        workspace: PathBuf,
        /// Number of journeys.
        #[arg(long, default_value_t = 1)]
        journeys: usize,
        /// Stages per journey.
        #[arg(long, default_value_t = 12)]
        stages: usize,
        /// Cards per journey.
        #[arg(long, default_value_t = 1000)]
        cards: usize,
        /// Seed; the same seed gives the same workspace.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// People, teams, systems and processes to add, with owners and links.
        #[arg(long, default_value_t = 0)]
        entities: usize,
        /// Average links from each card to entities (with --entities).
        #[arg(long, default_value_t = 3.0)]
        links_per_card: f64,
        /// Write, as each of the journeys, the 1,500-card blueprint exports are benchmarked on
        /// (--stages and --cards are then ignored).
        #[arg(long)]
        export_benchmark: bool,
        /// Add a future state of each journey, copied as the app copies one and then changed a
        /// little (5 % of cards deleted, 10 % rewritten, 5 % added), so that the export of a future
        /// state beside its current state can be benchmarked on it.
        #[arg(long)]
        future_states: bool,
    },
    /// Check ownership, support and flow across the workspace, and ask what fails if an entity does.
    /// Exits with status 2 when a check named by --fail-on finds anything.
    Analyze {
        /// The workspace file.
        workspace: PathBuf,
        /// Limit card findings to this journey (name or id).
        #[arg(long, short)]
        journey: Option<String>,
        /// Report format.
        #[arg(long, short, value_enum, default_value_t = analyze::Format::Text)]
        format: analyze::Format,
        /// Entity (name or id) to take down and report what fails with it; repeat to take several
        /// down together (a what-if outage).
        #[arg(long)]
        impact: Vec<String>,
        /// Rank every person, team, system and process by the moments of truth and customer steps
        /// its failure alone puts at risk.
        #[arg(long)]
        criticality: bool,
        /// Checks that fail the run, comma-separated (e.g. unowned-moments,dependency-cycles), or any.
        #[arg(long, value_delimiter = ',')]
        fail_on: Vec<String>,
    },
    /// List the journeys of a workspace.
    List {
        /// The workspace file.
        workspace: PathBuf,
    },
    /// Write a journey as SVG.
    Svg {
        /// The workspace file.
        workspace: PathBuf,
        /// Journey name or id.
        #[arg(long, short)]
        journey: String,
        /// Output file (standard output when omitted); never the workspace itself.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Export journeys as PNG, SVG and/or PDF files, one per journey and format.
    Export {
        /// The workspace file.
        workspace: PathBuf,
        /// Journey name or id.
        #[arg(long, short, conflicts_with = "all", required_unless_present = "all")]
        journey: Option<String>,
        /// Every journey of the workspace.
        #[arg(long)]
        all: bool,
        /// Formats, comma-separated: png, svg, pdf.
        #[arg(long, short, default_value = "png,svg,pdf", value_delimiter = ',')]
        format: Vec<String>,
        /// Folder to write into (created if missing).
        #[arg(long, short)]
        out: PathBuf,
        /// Pixels per blueprint unit for PNG, from 1 to 4 (slides to print); --width overrides it.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        /// Replace files that already exist.
        #[arg(long)]
        force: bool,
        /// What the pictures include and how PDFs are paged.
        #[command(flatten)]
        picture: export::PictureFlags,
    },
    /// Import journeys from exported SVG or PNG pictures (they carry the journey they show) as new
    /// journeys of a workspace, each in one undoable edit.
    Import {
        /// The workspace file.
        workspace: PathBuf,
        /// The pictures.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Apply a stream of edits, printing each one's number once it is saved (for the crash test).
    #[command(hide = true)]
    EditStream(edit_stream::Args),
    /// Save a workspace as its Git-friendly text form: a folder of JSON files.
    SaveText(text_form::SaveText),
    /// Make a workspace file from a text form folder.
    OpenText(text_form::OpenText),
    /// Import cards from a CSV file into a journey (or a new one) in one undoable edit; --dry-run
    /// prints the preview of every row instead.
    ImportCsv(csv::ImportArgs),
    /// Write a journey's steps, the ownership table or the checks as a CSV file.
    ExportCsv(csv::ExportArgs),
    /// Show what changed between two versions of a workspace (files, text-form folders or
    /// FILE@version). Exits 0 when they are the same, 1 when they differ, 2 on an error.
    Diff(diff::DiffArgs),
    /// Merge two versions of a workspace made from a common base, record by record. Exits 0 when
    /// clean, 1 when conflicts were listed (each resolved to ours), 2 on an error.
    Merge(merge::MergeArgs),
    /// Make the Git repository holding a text form merge it with throughline (.gitattributes and the
    /// merge.throughline driver in its config).
    GitSetup(git_merge::GitSetupArgs),
    /// Merge one text-form file for Git (the driver git-setup registers): BASE OURS THEIRS PATH.
    MergeFile(git_merge::MergeFileArgs),
    /// List a workspace's edits, newest first: when, and what each did.
    History(history::HistoryArgs),
    /// Save or list named versions of a workspace.
    #[command(subcommand)]
    Version(history::VersionCommand),
    /// Write a journey's laid-out scene as JSON (what the app draws).
    Scene {
        /// The workspace file.
        workspace: PathBuf,
        /// Journey name or id.
        #[arg(long, short)]
        journey: String,
    },
}

/// How a run ended, for the exit status.
enum Outcome {
    /// Everything asked for was done.
    Done,
    /// `analyze --fail-on` found something.
    ChecksFailed,
    /// A command with its own exit statuses (diff, merge) ended with this one.
    Status(u8),
}

fn run(cli: Cli) -> Result<Outcome, String> {
    let fail = |e: ApiError| e.message;
    match cli.command {
        Command::Init { workspace } => {
            let ws = OpenWorkspace::create_sample(&workspace).map_err(fail)?;
            println!(
                "created {} with {} journeys",
                workspace.display(),
                ws.journeys().len()
            );
        }
        Command::Generate {
            workspace,
            journeys,
            stages,
            cards,
            seed,
            entities,
            links_per_card,
            export_benchmark,
            future_states,
        } => {
            if stages == 0 {
                return Err("--stages must be at least 1".into());
            }
            let mut model = if export_benchmark {
                throughline_api::synthetic::export_benchmarks(journeys)
            } else {
                throughline_api::synthetic::workspace(journeys, stages, cards, seed)
            };
            throughline_api::synthetic::organisation(&mut model, entities, links_per_card, seed);
            if future_states {
                // After the organisation, so each future state takes its cards' owners and links along.
                let currents: Vec<_> = model.journeys.iter().map(|j| j.id).collect();
                for (i, current) in currents.into_iter().enumerate() {
                    throughline_api::synthetic::future_state(&mut model, current, seed + i as u64)
                        .map_err(|e| format!("could not make a future state: {e}"))?;
                }
            }
            OpenWorkspace::create_from(&workspace, &model).map_err(fail)?;
            // The export benchmark's journeys have their own size, whatever --cards and --stages say.
            let (cards, stages) = match model.journeys.first() {
                Some(j) if export_benchmark => (j.steps.len(), j.stages.len()),
                _ => (cards, stages),
            };
            let futures = if future_states {
                " (and a future state of each)"
            } else {
                ""
            };
            println!(
                "created {} with {journeys} journeys{futures} of {cards} cards over {stages} stages, {entities} entities and {} links",
                workspace.display(),
                model.links.len()
            );
        }
        Command::Analyze {
            workspace,
            journey,
            format,
            impact,
            criticality,
            fail_on,
        } => {
            let ws = OpenWorkspace::open_read_only(&workspace).map_err(fail)?;
            let request = analyze::Request {
                journey,
                impact,
                criticality,
                fail_on,
                format,
            };
            if analyze::run(&ws, &request)? {
                return Ok(Outcome::ChecksFailed);
            }
        }
        Command::List { workspace } => {
            let ws = OpenWorkspace::open_read_only(&workspace).map_err(fail)?;
            for j in ws.journeys() {
                println!(
                    "{}\t{} stages\t{} cards\t{}",
                    j.name, j.stages, j.steps, j.id
                );
            }
        }
        Command::Svg {
            workspace,
            journey,
            out,
            force,
        } => {
            let ws = OpenWorkspace::open_read_only(&workspace).map_err(fail)?;
            let svg = ws
                .svg(ws.find_journey(&journey).map_err(fail)?)
                .map_err(fail)?;
            match out {
                Some(path) => write_export(&path, svg.as_bytes(), force, Some(workspace.as_path()))
                    .map_err(fail)?,
                None => write_stdout(svg.as_bytes())?,
            }
        }
        Command::Export {
            workspace,
            journey,
            all,
            format,
            out,
            scale,
            force,
            picture,
        } => {
            let ws = OpenWorkspace::open_read_only(&workspace).map_err(fail)?;
            let formats = format
                .iter()
                .map(|f| ExportFormat::parse(f))
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            let journeys = match (journey, all) {
                (Some(name), _) => vec![ws.find_journey(&name).map_err(fail)?],
                (None, _) => ws.journeys().iter().map(|j| j.id).collect(),
            };
            let options = picture.options(scale)?;
            let date = picture.date()?;
            export::run(&ws, &journeys, &formats, &out, &options, &date, force)?;
        }
        Command::Import { workspace, files } => import(&workspace, &files)?,
        Command::EditStream(args) => edit_stream::run(&args)?,
        Command::SaveText(args) => text_form::save(&args)?,
        Command::OpenText(args) => text_form::open(&args)?,
        Command::ImportCsv(args) => csv::import(args)?,
        Command::ExportCsv(args) => csv::export(args)?,
        Command::Diff(args) => return Ok(Outcome::Status(diff::run(&args))),
        Command::Merge(args) => return Ok(Outcome::Status(merge::run(&args))),
        Command::GitSetup(args) => git_merge::setup(&args)?,
        Command::MergeFile(args) => return Ok(Outcome::Status(git_merge::merge_file(&args))),
        Command::History(args) => history::history(&args)?,
        Command::Version(command) => history::version(&command)?,
        Command::Scene { workspace, journey } => {
            let ws = OpenWorkspace::open_read_only(&workspace).map_err(fail)?;
            let scene = ws
                .scene_json(ws.find_journey(&journey).map_err(fail)?)
                .map_err(fail)?;
            write_stdout(scene.as_bytes())?;
        }
    }
    Ok(Outcome::Done)
}

/// Imports each picture in turn; a picture that fails is reported and the others still imported.
fn import(workspace: &Path, files: &[PathBuf]) -> Result<(), String> {
    let mut ws = OpenWorkspace::open_for_editing(workspace).map_err(|e| e.message)?;
    let mut failed = Vec::new();
    for file in files {
        match ws.import_picture_file(file).map_err(|e| e.message) {
            Ok(done) => {
                let journey = done
                    .journey
                    .and_then(|id| ws.model().journey(id))
                    .map(|j| (j.name.clone(), j.steps.len()))
                    .unwrap_or_default();
                println!(
                    "imported \"{}\" ({} cards) into {}",
                    journey.0,
                    journey.1,
                    workspace.display()
                );
            }
            Err(message) => failed.push(message),
        }
    }
    ws.checkpoint_if_idle(std::time::Duration::ZERO)
        .map_err(|e| e.message)?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("\nthroughline: "))
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    std::io::stdout()
        .write_all(bytes)
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

fn main() -> ExitCode {
    throughline_api::use_system_fonts();
    match run(Cli::parse()) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::ChecksFailed) => ExitCode::from(2),
        Ok(Outcome::Status(status)) => ExitCode::from(status),
        Err(message) => {
            eprintln!("throughline: {message}");
            ExitCode::FAILURE
        }
    }
}
