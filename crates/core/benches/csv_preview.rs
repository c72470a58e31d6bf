//! Importing a 10,000-row steps CSV: the preview of every row (target ≤ 200 ms), and building and
//! applying the import's edit in memory.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::edit::apply;
use throughline_core::sample::sample_workspace;
use throughline_core::sheet::{import, preview, CsvTarget};
use throughline_core::Id;

/// A spreadsheet of `rows` cards over 24 stages and every lane, with owners, channels, markers,
/// emotions on customer cards, pain points and notes: every column an import reads.
fn sheet(rows: usize) -> Vec<u8> {
    let lanes = [
        "evidence",
        "Customer actions",
        "frontstage",
        "Backstage",
        "support",
    ];
    let mut out = String::from(
        "Stage,Lane,Text,Owner,Channel,Moment of truth,Emotion,Pain point,Severity,Fail point,Wait point,Notes\n",
    );
    for i in 0..rows {
        let lane = lanes[i % lanes.len()];
        let emotion = if lane == "Customer actions" {
            ((i % 5) as i32 - 2).to_string()
        } else {
            String::new()
        };
        out.push_str(&format!(
            "Stage {},{lane},\"Card {i}: the customer does something, then waits\",Team {},{},{},{emotion},{},high,{},no,\"Note {i}\nsecond line\"\n",
            i / 420,
            i % 30,
            ["App", "Phone", ""][i % 3],
            if i % 7 == 0 { "yes" } else { "" },
            if i % 4 == 0 { "Slow" } else { "" },
            i % 2,
        ));
    }
    out.into_bytes()
}

fn csv(c: &mut Criterion) {
    let ws = sample_workspace().expect("the sample loads");
    let bytes = sheet(10_000);
    eprintln!("10,000-row sheet: {} bytes", bytes.len());
    let target = CsvTarget::NewJourney {
        name: "Imported".into(),
    };
    let p = preview(&ws, &bytes, &target, None).expect("the sheet reads");
    assert_eq!((p.accepted, p.rejected), (10_000, 0));
    let mut group = c.benchmark_group("csv_10k_rows");
    group.sample_size(20);
    group.bench_function("preview", |b| {
        b.iter(|| preview(&ws, &bytes, &target, None).expect("reads").accepted)
    });
    group.bench_function("import_edit_built_and_applied", |b| {
        b.iter_batched(
            || ws.clone(),
            |mut ws| {
                let (edit, _) = import(&ws, &bytes, &target, None, Id::new()).expect("imports");
                apply(&mut ws, &edit).expect("applies").0.steps.len()
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, csv);
criterion_main!(benches);
