//! Merging one file of the text form, as Git's merge driver asks: the three versions of
//! `workspace.json`, `entities.json` or one journey file are read, merged record by record with
//! [`crate::merge`], and written back in the canonical layout. A journey file refers to entities kept
//! in `entities.json`; while it is merged those are stood in for by placeholders, so references are
//! checked for their kind within the file and the entities themselves are merged with their own file.

use std::collections::{BTreeMap, HashMap};

use super::read::journey_alone;
use super::{
    from_files, to_files, TextFormError, ENTITIES_FILE, JOURNEYS_DIR, TEXT_FORMAT, TEXT_VERSION,
    WORKSPACE_FILE,
};
use crate::merge::{merge, merge_name, Conflict, Repair};
use crate::{Entity, EntityKind, Id, LinkKind, Workspace};

/// Which file of the text form a path in a repository is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFile {
    /// `workspace.json`: format, version and name.
    Header,
    /// `entities.json`: entities and the links among them.
    Entities,
    /// `journeys/<name>.json`: one journey with its cards, flows and links.
    Journey,
}

impl TextFile {
    /// The kind of text-form file at `path` (with `/` separators, anywhere in a repository), if it is
    /// one.
    pub fn of(path: &str) -> Option<TextFile> {
        let mut parts = path.rsplit('/');
        let name = parts.next()?;
        match name {
            WORKSPACE_FILE => Some(TextFile::Header),
            ENTITIES_FILE => Some(TextFile::Entities),
            _ if name.ends_with(".json") && parts.next() == Some(JOURNEYS_DIR) => {
                Some(TextFile::Journey)
            }
            _ => None,
        }
    }
}

/// One merged file with what needed a decision.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedFile {
    /// The merged file's contents, in the canonical layout.
    pub text: String,
    /// Where the two sides disagreed.
    pub conflicts: Vec<Conflict>,
    /// What was changed to keep the rules.
    pub repairs: Vec<Repair>,
}

/// Merges three versions of the text-form file of kind `file`, named `path` in messages. An empty
/// `base` stands for a file both sides added.
pub fn merge_file(
    file: TextFile,
    path: &str,
    base: &[u8],
    ours: &[u8],
    theirs: &[u8],
) -> Result<MergedFile, TextFormError> {
    match file {
        TextFile::Header => {
            let name = |bytes: &[u8]| -> Result<String, TextFormError> {
                let files = BTreeMap::from([
                    (WORKSPACE_FILE.to_owned(), bytes.to_vec()),
                    (
                        ENTITIES_FILE.to_owned(),
                        b"{\"entities\": [], \"links\": []}".to_vec(),
                    ),
                ]);
                from_files(&files).map(|(_, n)| n).map_err(|e| at(path, e))
            };
            let (o, t) = (name(ours)?, name(theirs)?);
            let b = if base.is_empty() {
                o.clone()
            } else {
                name(base)?
            };
            let (merged, conflict) = merge_name(&b, &o, &t);
            Ok(MergedFile {
                text: to_files(&Workspace::default(), &merged)[WORKSPACE_FILE].clone(),
                conflicts: conflict.into_iter().collect(),
                repairs: Vec::new(),
            })
        }
        TextFile::Entities => {
            let read = |bytes: &[u8]| -> Result<Workspace, TextFormError> {
                if bytes.is_empty() {
                    return Ok(Workspace::default());
                }
                let header = format!(
                    "{{\"format\": \"{TEXT_FORMAT}\", \"version\": {TEXT_VERSION}, \"name\": \"merge\"}}"
                );
                let files = BTreeMap::from([
                    (WORKSPACE_FILE.to_owned(), header.into_bytes()),
                    (ENTITIES_FILE.to_owned(), bytes.to_vec()),
                ]);
                from_files(&files)
                    .map(|(ws, _)| ws)
                    .map_err(|e| at(path, e))
            };
            let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
            let m = merge(&b, &o, &t).map_err(|e| TextFormError::invalid(path, e.to_string()))?;
            Ok(MergedFile {
                text: to_files(&m.workspace, "merge")[ENTITIES_FILE].clone(),
                conflicts: m.conflicts,
                repairs: m.repairs,
            })
        }
        TextFile::Journey => {
            let read = |bytes: &[u8]| -> Result<Workspace, TextFormError> {
                if bytes.is_empty() {
                    return Ok(Workspace::default());
                }
                journey_alone(path, bytes)
            };
            let mut sides = [read(base)?, read(ours)?, read(theirs)?];
            let stand_ins = stand_ins(&sides);
            for ws in &mut sides {
                ws.entities = stand_ins.clone();
            }
            let [b, o, t] = &sides;
            let m = merge(b, o, t).map_err(|e| TextFormError::invalid(path, e.to_string()))?;
            let text = to_files(&m.workspace, "merge")
                .into_iter()
                .find(|(p, _)| p.starts_with(JOURNEYS_DIR))
                .map(|(_, text)| text)
                .ok_or_else(|| TextFormError::invalid(path, "the merge left no journey"))?;
            Ok(MergedFile {
                text,
                conflicts: m.conflicts,
                repairs: m.repairs,
            })
        }
    }
}

/// A text-form error, named by the file's path in the repository.
fn at(path: &str, mut e: TextFormError) -> TextFormError {
    e.file = path.to_owned();
    e
}

/// One placeholder for every entity a version of the journey file refers to, of the kind the
/// reference needs, the same in all three versions so the merge sees them unchanged.
fn stand_ins(sides: &[Workspace; 3]) -> Vec<Entity> {
    let mut kinds: HashMap<Id, EntityKind> = HashMap::new();
    for ws in sides {
        for s in ws.journeys.iter().flat_map(|j| &j.steps) {
            if let Some(owner) = s.owner {
                kinds.entry(owner).or_insert(EntityKind::Team);
            }
        }
        for l in &ws.links {
            let kind = match l.kind {
                LinkKind::PerformedBy => EntityKind::Team,
                LinkKind::Uses => EntityKind::System,
                LinkKind::PartOf => EntityKind::Process,
                _ => continue,
            };
            kinds.entry(l.to).or_insert(kind);
        }
    }
    let mut list: Vec<Entity> = kinds
        .into_iter()
        .map(|(id, kind)| Entity {
            id,
            kind,
            name: id.to_string(),
            description: String::new(),
            owner: None,
        })
        .collect();
    list.sort_by_key(|e| e.id);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::hotel_stay::{card, hotel_stay};
    use crate::text_form::from_files;

    fn journey_text(ws: &Workspace) -> (String, String) {
        to_files(ws, "Hotel")
            .into_iter()
            .find(|(p, _)| p.starts_with(JOURNEYS_DIR))
            .unwrap()
    }

    #[test]
    fn paths_are_told_apart_by_name_and_folder() {
        assert_eq!(TextFile::of("workspace.json"), Some(TextFile::Header));
        assert_eq!(TextFile::of("maps/entities.json"), Some(TextFile::Entities));
        assert_eq!(
            TextFile::of("maps/journeys/hotel-1a2b.json"),
            Some(TextFile::Journey)
        );
        assert_eq!(TextFile::of("package.json"), None);
        assert_eq!(TextFile::of("journeys/notes.txt"), None);
    }

    #[test]
    fn a_journey_file_merges_on_its_own_and_reads_back_with_its_entities() {
        let base = hotel_stay();
        let mut ours = base.clone();
        card(&mut ours, "Pays bill").notes = "Invoice to company".into();
        let mut theirs = base.clone();
        card(&mut theirs, "Clerk checks reservation").owner =
            Some(crate::diff::hotel_stay::named("Housekeeping"));
        let (path, b) = journey_text(&base);
        let m = merge_file(
            TextFile::Journey,
            &path,
            b.as_bytes(),
            journey_text(&ours).1.as_bytes(),
            journey_text(&theirs).1.as_bytes(),
        )
        .unwrap();
        assert!(m.conflicts.is_empty() && m.repairs.is_empty(), "{m:#?}");
        let mut expected = ours.clone();
        card(&mut expected, "Clerk checks reservation").owner =
            Some(crate::diff::hotel_stay::named("Housekeeping"));
        let mut files = to_files(&base, "Hotel");
        files.insert(path.clone(), m.text.clone());
        let (read, _) = from_files(&files).unwrap();
        assert_eq!(read, crate::text_form::canonical(&expected));
        assert_eq!(m.text, journey_text(&expected).1);
    }

    #[test]
    fn the_header_and_the_entities_merge_too() {
        let base = hotel_stay();
        let files = |ws: &Workspace, name: &str| to_files(ws, name);
        let m = merge_file(
            TextFile::Header,
            "workspace.json",
            files(&base, "Hotel")[WORKSPACE_FILE].as_bytes(),
            files(&base, "Hotel")[WORKSPACE_FILE].as_bytes(),
            files(&base, "Grand Hotel")[WORKSPACE_FILE].as_bytes(),
        )
        .unwrap();
        assert!(m.text.contains("\"name\": \"Grand Hotel\""));
        let mut ours = base.clone();
        ours.entities[0].description = "Day and night".into();
        let mut theirs = base.clone();
        theirs.entities[0].description = "Days only".into();
        let m = merge_file(
            TextFile::Entities,
            "entities.json",
            files(&base, "Hotel")[ENTITIES_FILE].as_bytes(),
            files(&ours, "Hotel")[ENTITIES_FILE].as_bytes(),
            files(&theirs, "Hotel")[ENTITIES_FILE].as_bytes(),
        )
        .unwrap();
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.text, files(&ours, "Hotel")[ENTITIES_FILE]);
    }

    #[test]
    fn a_damaged_version_is_refused_with_its_path() {
        let (path, b) = journey_text(&hotel_stay());
        let e = merge_file(TextFile::Journey, &path, b.as_bytes(), b"{", b.as_bytes()).unwrap_err();
        assert_eq!(e.file, path);
    }
}
