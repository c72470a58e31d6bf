//! From the bytes of a file to a header row and data rows, refusing early and plainly what is not a
//! CSV a spreadsheet wrote: too large, not UTF-8, a workbook, a web page, a binary file, a quote that
//! never closes, too many rows or columns.

use thiserror::Error;

use super::cells::unescape_formula;

/// Largest CSV file read, in bytes: a 20,000-row sheet of long cards is well under it, and a file
/// past it is refused before any parsing.
pub const MAX_CSV_BYTES: usize = 20 * 1024 * 1024;

/// Most data rows one import takes (the header row not counted).
pub const MAX_CSV_ROWS: usize = 20_000;

/// Most columns a CSV may have; a steps sheet has twelve.
pub const MAX_CSV_COLUMNS: usize = 200;

/// Why a CSV file cannot be read. Nothing is imported when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CsvError {
    /// Over [`MAX_CSV_BYTES`].
    #[error("the file is {size} bytes; a CSV import takes at most {MAX_CSV_BYTES} bytes (20 MB)")]
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// No bytes, or only blank lines.
    #[error("the file is empty; its first row must name the columns (stage, lane, text, …)")]
    Empty,
    /// UTF-16 text (some spreadsheets' "Unicode text").
    #[error("the file is UTF-16 text; save it as “CSV UTF-8” and import that")]
    Utf16,
    /// Bytes that are not UTF-8.
    #[error("the file is not UTF-8 text: the byte at offset {offset} (0x{byte:02X}) is not valid UTF-8; save it as “CSV UTF-8” and import that")]
    NotUtf8 {
        /// Where the first bad byte is, counted from 0.
        offset: usize,
        /// That byte.
        byte: u8,
    },
    /// A known non-CSV format (a workbook, a PDF, a web page…).
    #[error(
        "the file is {what}, not CSV; in the spreadsheet, save or export the sheet as “CSV UTF-8”"
    )]
    NotCsv {
        /// What it looks like.
        what: &'static str,
    },
    /// A NUL byte: binary data.
    #[error("the file holds binary data (a NUL byte at offset {offset}), not CSV text")]
    Binary {
        /// Where the NUL is.
        offset: usize,
    },
    /// A quoted cell that runs to the end of the file.
    #[error("a quote opened on line {line} is never closed")]
    UnclosedQuote {
        /// The line the quote opens on, counted from 1.
        line: u64,
    },
    /// Over [`MAX_CSV_ROWS`].
    #[error(
        "the file has more than {MAX_CSV_ROWS} rows; split it and import the parts one by one"
    )]
    TooManyRows,
    /// Over [`MAX_CSV_COLUMNS`].
    #[error("the header row has {columns} columns; a CSV import takes at most {MAX_CSV_COLUMNS}")]
    TooManyColumns {
        /// How many it has.
        columns: usize,
    },
    /// Anything else the CSV reader refused.
    #[error("the file cannot be read as CSV: {0}")]
    Malformed(String),
    /// Read, but no row can be imported (or the mapping or target stops the import).
    #[error("nothing can be imported: {0}")]
    NothingToImport(String),
}

/// One data row as read, its cells with any formula-guard quote taken off.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Its row number as a spreadsheet shows it (the header is row 1).
    pub row: u32,
    /// Its cells, as many as the row had.
    pub cells: Vec<String>,
}

/// A CSV file read: its header row and data rows (entirely blank rows left out).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The header cells, trimmed; an empty one is called "column N".
    pub headers: Vec<String>,
    /// The data rows.
    pub rows: Vec<Record>,
}

/// Formats recognised by their first bytes, so a workbook or a picture gets a message that says what
/// it is instead of a complaint about its bytes.
const SIGNATURES: &[(&[u8], &str)] = &[
    (
        b"PK\x03\x04",
        "a zip archive (an Excel .xlsx or OpenDocument workbook?)",
    ),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Office document (an Excel .xls workbook?)",
    ),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xFF\xD8\xFF", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (
        b"SQLite format 3\0",
        "a SQLite database (a Throughline workspace?)",
    ),
];

/// Reads `bytes` as CSV: UTF-8 (with or without a byte order mark), cells separated by commas (or by
/// semicolons or tabs, when the header row uses those instead, as some spreadsheets write). Rows
/// shorter than the header are padded with empty cells; longer ones keep their extra cells, which
/// the preview then rejects unless they are empty.
pub fn read_table(bytes: &[u8]) -> Result<Table, CsvError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(CsvError::Utf16);
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(CsvError::NotCsv { what });
    }
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        return Err(CsvError::Binary { offset });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.valid_up_to();
            return Err(CsvError::NotUtf8 {
                offset,
                byte: bytes[offset],
            });
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let start = text.trim_start();
    if start.is_empty() {
        return Err(CsvError::Empty);
    }
    if looks_like_markup(start) {
        return Err(CsvError::NotCsv {
            what: "an HTML or XML document",
        });
    }
    let delimiter = delimiter(text);
    if let Some(line) = unclosed_quote(text.as_bytes(), delimiter) {
        return Err(CsvError::UnclosedQuote { line });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => return Err(CsvError::Empty),
            Some(r) => {
                let r = r.map_err(|e| CsvError::Malformed(e.to_string()))?;
                if r.iter().any(|c| !c.trim().is_empty()) {
                    break r;
                }
            }
        }
    };
    if header.len() > MAX_CSV_COLUMNS {
        return Err(CsvError::TooManyColumns {
            columns: header.len(),
        });
    }
    let header_record = header.position().map_or(0, |p| p.record());
    let headers: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, h)| match h.trim() {
            "" => format!("column {}", i + 1),
            h => h.to_owned(),
        })
        .collect();
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| CsvError::Malformed(e.to_string()))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_CSV_ROWS {
            return Err(CsvError::TooManyRows);
        }
        let index = record.position().map_or(0, |p| p.record());
        let mut cells: Vec<String> = record.iter().map(unescape_formula).collect();
        if cells.len() < headers.len() {
            cells.resize(headers.len(), String::new());
        }
        rows.push(Record {
            // Rows count from the header's, as a spreadsheet numbers them.
            row: u32::try_from(index - header_record + 1).unwrap_or(u32::MAX),
            cells,
        });
    }
    Ok(Table { headers, rows })
}

/// Whether the text starts like a web page or an XML document.
fn looks_like_markup(start: &str) -> bool {
    let head: String = start.chars().take(16).collect::<String>().to_lowercase();
    [
        "<!doctype",
        "<html",
        "<?xml",
        "<head",
        "<body",
        "<table",
        "<!--",
        "<svg",
    ]
    .iter()
    .any(|p| head.starts_with(p))
}

/// The separator the header row uses: a comma unless the first line has more semicolons or tabs
/// (outside quotes) than commas.
fn delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i == 0)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The line of a quoted cell that never closes, read as the CSV reader reads: a quote opens a quoted
/// cell only at the start of a cell, and `""` inside one is a quote character.
fn unclosed_quote(text: &[u8], delimiter: u8) -> Option<u64> {
    let mut line = 1u64;
    let mut opened = 0u64;
    let mut quoted = false;
    let mut cell_start = true;
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if quoted {
            if b == b'"' {
                if text.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            } else if b == b'\n' {
                line += 1;
            }
        } else if b == delimiter || b == b'\r' {
            cell_start = true;
            i += 1;
            continue;
        } else if b == b'\n' {
            line += 1;
            cell_start = true;
            i += 1;
            continue;
        } else if b == b'"' && cell_start {
            quoted = true;
            opened = line;
        }
        cell_start = false;
        i += 1;
    }
    quoted.then_some(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(t: &Table) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn reads_quoted_cells_a_bom_and_short_rows() {
        let t = read_table(
            "\u{FEFF}stage,lane,text\r\nArrive,customer,\"Says \"\"hi\"\",\nwaves\"\r\n,,\r\nLeave,customer\r\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(t.headers, vec!["stage", "lane", "text"]);
        assert_eq!(
            cells(&t),
            vec![
                vec!["Arrive", "customer", "Says \"hi\",\nwaves"],
                vec!["Leave", "customer", ""]
            ]
        );
        assert_eq!(t.rows.iter().map(|r| r.row).collect::<Vec<_>>(), vec![2, 4]);
    }

    #[test]
    fn semicolons_and_tabs_are_recognised() {
        let t = read_table(b"stage;lane;text\nA;customer;1,5 nights\n").unwrap();
        assert_eq!(cells(&t), vec![vec!["A", "customer", "1,5 nights"]]);
        let t = read_table(b"stage\tlane\ttext\nA\tcustomer\tx, y\n").unwrap();
        assert_eq!(cells(&t), vec![vec!["A", "customer", "x, y"]]);
    }

    #[test]
    fn what_is_not_csv_is_refused_with_what_it_is() {
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"".to_vec(), "empty"),
            (b"\n \n".to_vec(), "empty"),
            (b"PK\x03\x04rest".to_vec(), "zip archive"),
            (b"<!DOCTYPE html><html>".to_vec(), "HTML"),
            (b"  <html><body>".to_vec(), "HTML"),
            (b"stage,lane\nA,\0B".to_vec(), "NUL byte at offset 13"),
            (b"stage,lane\ncaf\xE9,x".to_vec(), "offset 14 (0xE9)"),
            (b"\xFF\xFEs\0".to_vec(), "UTF-16"),
            (b"stage,text\nA,\"open\nB,c\n".to_vec(), "opened on line 2"),
        ];
        for (bytes, says) in cases {
            let err = read_table(&bytes).unwrap_err().to_string();
            assert!(err.contains(says), "{err} should say {says}");
        }
    }

    #[test]
    fn limits_are_enforced() {
        let big = vec![b'a'; MAX_CSV_BYTES + 1];
        assert_eq!(
            read_table(&big),
            Err(CsvError::TooLarge {
                size: MAX_CSV_BYTES as u64 + 1
            })
        );
        let mut many = String::from("stage,lane,text\n");
        for i in 0..=MAX_CSV_ROWS {
            many.push_str(&format!("S,customer,{i}\n"));
        }
        assert_eq!(read_table(many.as_bytes()), Err(CsvError::TooManyRows));
        let wide = vec!["h"; MAX_CSV_COLUMNS + 1].join(",");
        assert!(matches!(
            read_table(wide.as_bytes()),
            Err(CsvError::TooManyColumns { .. })
        ));
    }

    #[test]
    fn quotes_inside_unquoted_cells_are_plain_characters() {
        let t = read_table(b"stage,text\nA,5\" screen\n").unwrap();
        assert_eq!(cells(&t), vec![vec!["A", "5\" screen"]]);
    }
}
