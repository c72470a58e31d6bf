//! `throughline import-csv` and `throughline export-csv`: steps from a spreadsheet into a journey,
//! with a dry run that prints the preview; and a journey's steps, the ownership table or the checks
//! out to a CSV file.

use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args};
use throughline_api::{
    map_column, read_csv_file, ApiError, CsvField, CsvPreview, CsvTable, CsvTarget, OpenWorkspace,
};

/// Arguments of `import-csv`.
#[derive(Args, Debug)]
#[command(group(ArgGroup::new("into").required(true).args(["journey", "new_journey"])))]
pub struct ImportArgs {
    /// The workspace file.
    workspace: PathBuf,
    /// The CSV file: a header row naming the columns (stage, lane, text, and optionally owner,
    /// channel, moment of truth, emotion, pain point, severity, fail point, wait point, notes), then
    /// one row per card.
    file: PathBuf,
    /// Add the cards to this journey (name or id); stages are matched by name, missing ones added.
    #[arg(long, short)]
    journey: Option<String>,
    /// Create a journey of this name (standard blueprint lanes, the file's stages) for the cards.
    #[arg(long, value_name = "NAME")]
    new_journey: Option<String>,
    /// Which field a column fills when its header does not say (FIELD may be "ignore"); repeatable,
    /// e.g. --map "Phase=stage" --map "Comments=ignore".
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// Print the preview (every row, imported or rejected and why) and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Import the acceptable rows even when some are rejected (they are listed and left out).
    #[arg(long)]
    skip_rejected: bool,
}

/// Arguments of `export-csv`.
#[derive(Args, Debug)]
#[command(group(ArgGroup::new("table").required(true).args(["steps", "ownership", "checks"])))]
pub struct ExportArgs {
    /// The workspace file.
    workspace: PathBuf,
    /// A journey's cards (name or id), in the columns import-csv reads.
    #[arg(long, value_name = "JOURNEY")]
    steps: Option<String>,
    /// Every card of every journey with its owner and the owner's teams.
    #[arg(long)]
    ownership: bool,
    /// The checks' findings (all journeys, or the one given with --journey).
    #[arg(long)]
    checks: bool,
    /// With --checks: only this journey's cards.
    #[arg(long, short, requires = "checks")]
    journey: Option<String>,
    /// The file to write.
    #[arg(long, short)]
    out: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
}

fn fail(e: ApiError) -> String {
    e.message
}

/// The mapping the headers suggest, with the `--map` choices applied.
fn mapping(preview: &CsvPreview, map: &[String]) -> Result<Vec<Option<CsvField>>, String> {
    let headers: Vec<String> = preview.columns.iter().map(|c| c.header.clone()).collect();
    let mut mapping: Vec<Option<CsvField>> = preview.columns.iter().map(|c| c.field).collect();
    for choice in map {
        let (column, field) = choice
            .rsplit_once('=')
            .ok_or_else(|| format!("--map \"{choice}\": write it as COLUMN=FIELD"))?;
        map_column(&headers, &mut mapping, column, field)
            .map_err(|e| format!("--map \"{choice}\": {e}"))?;
    }
    Ok(mapping)
}

fn print_preview(file: &Path, p: &CsvPreview) {
    println!(
        "{} into \"{}\": {} rows will be imported, {} rejected",
        file.display(),
        p.journey,
        p.accepted,
        p.rejected
    );
    let columns: Vec<String> = p
        .columns
        .iter()
        .map(|c| {
            format!(
                "{} → {}",
                c.header,
                c.field.map_or("ignored", CsvField::label)
            )
        })
        .collect();
    println!("columns: {}", columns.join(", "));
    for problem in &p.problems {
        println!("problem: {problem}");
    }
    if !p.rows.is_empty() {
        println!("row\tstatus\treason");
    }
    for r in &p.rows {
        let status = if r.accepted {
            "will be imported"
        } else {
            "rejected"
        };
        println!("{}\t{status}\t{}", r.row, r.reason);
    }
    if !p.new_stages.is_empty() {
        println!("new stages: {}", p.new_stages.join(", "));
    }
    if !p.new_owners.is_empty() {
        println!("new owners (created as teams): {}", p.new_owners.join(", "));
    }
}

/// Runs `import-csv`.
pub fn import(args: ImportArgs) -> Result<(), String> {
    let mut ws = if args.dry_run {
        OpenWorkspace::open(&args.workspace)
    } else {
        OpenWorkspace::open_for_editing(&args.workspace)
    }
    .map_err(fail)?;
    let target = match (&args.journey, &args.new_journey) {
        (Some(name), _) => CsvTarget::Journey {
            journey: ws.find_journey(name).map_err(fail)?,
        },
        (None, Some(name)) => CsvTarget::NewJourney { name: name.clone() },
        (None, None) => unreachable!("clap requires --journey or --new-journey"),
    };
    let bytes = read_csv_file(&args.file).map_err(fail)?;
    let shown = args.file.display().to_string();
    let in_file = |e: ApiError| format!("{shown}: {}", e.message);
    let suggested = ws.csv_preview(&bytes, &target, None).map_err(in_file)?;
    let mapping = mapping(&suggested, &args.map)?;
    let preview = ws
        .csv_preview(&bytes, &target, Some(&mapping))
        .map_err(in_file)?;
    if args.dry_run {
        print_preview(&args.file, &preview);
        return Ok(());
    }
    if let Some(problem) = preview.problems.first() {
        return Err(format!("{shown}: nothing imported: {problem}"));
    }
    let rejected: Vec<String> = preview
        .rows
        .iter()
        .filter(|r| !r.accepted)
        .map(|r| format!("{shown}: row {}: {}", r.row, r.reason))
        .collect();
    if !rejected.is_empty() && !args.skip_rejected {
        return Err(format!(
            "nothing imported: {} of {} rows are rejected:\n{}\nfix them, or pass --skip-rejected to import the {} others (--dry-run shows every row)",
            rejected.len(),
            preview.rows.len(),
            rejected.join("\n"),
            preview.accepted
        ));
    }
    let done = ws
        .import_csv(&bytes, &target, Some(&mapping))
        .map_err(in_file)?;
    for line in &rejected {
        eprintln!("skipped {line}");
    }
    let name = done
        .journey
        .and_then(|id| ws.model().journey(id))
        .map(|j| j.name.clone())
        .unwrap_or_default();
    println!(
        "imported {} cards into \"{name}\"{} in {}",
        preview.accepted,
        if args.new_journey.is_some() {
            " (new journey)"
        } else {
            ""
        },
        args.workspace.display()
    );
    if !preview.new_stages.is_empty() {
        println!("added stages: {}", preview.new_stages.join(", "));
    }
    if !preview.new_owners.is_empty() {
        println!("created teams: {}", preview.new_owners.join(", "));
    }
    Ok(())
}

/// Runs `export-csv`.
pub fn export(args: ExportArgs) -> Result<(), String> {
    let ws = OpenWorkspace::open(&args.workspace).map_err(fail)?;
    let table = match (&args.steps, args.ownership) {
        (Some(name), _) => CsvTable::Steps {
            journey: ws.find_journey(name).map_err(fail)?,
        },
        (None, true) => CsvTable::Ownership,
        (None, false) => CsvTable::Checks {
            journey: match &args.journey {
                Some(name) => Some(ws.find_journey(name).map_err(fail)?),
                None => None,
            },
        },
    };
    let bytes = ws.export_csv(&table, &args.out, args.force).map_err(fail)?;
    println!("wrote {} ({bytes} bytes)", args.out.display());
    Ok(())
}
