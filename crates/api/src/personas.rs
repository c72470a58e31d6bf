//! The personas panel's view: every shared persona with the journeys drawn for it, so the panel can say
//! where a persona is used before it is deleted.

use serde::Serialize;
use throughline_core::{Id, Persona, PictureFormat};
use ts_rs::TS;

use crate::{ApiError, ErrorCode, OpenWorkspace};

/// A journey named in a list, with its id to open it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct JourneyRef {
    /// The journey.
    pub id: Id,
    /// Its name.
    pub name: String,
}

/// A persona with the journeys drawn for it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PersonaSummary {
    /// The persona, without its picture (fetched on its own, so the list stays light).
    pub persona: Persona,
    /// Whether it has a picture.
    pub has_picture: bool,
    /// The journeys it is on, in sidebar order.
    pub journeys: Vec<JourneyRef>,
}

impl OpenWorkspace {
    /// Every persona, by name, with the journeys drawn for it.
    pub fn personas(&self) -> Vec<PersonaSummary> {
        let ws = self.model();
        let mut out: Vec<PersonaSummary> = ws
            .personas
            .iter()
            .map(|p| PersonaSummary {
                persona: Persona {
                    picture: None,
                    ..p.clone()
                },
                has_picture: p.picture.is_some(),
                journeys: ws
                    .journeys
                    .iter()
                    .filter(|j| j.personas.contains(&p.id))
                    .map(|j| JourneyRef {
                        id: j.id,
                        name: j.name.clone(),
                    })
                    .collect(),
            })
            .collect();
        out.sort_by(|a, b| {
            (a.persona.name.to_lowercase(), a.persona.id)
                .cmp(&(b.persona.name.to_lowercase(), b.persona.id))
        });
        out
    }

    /// A persona's picture as a `data:` URL for an `<img>`, or none.
    pub fn persona_picture(&self, persona: Id) -> Result<Option<String>, ApiError> {
        let p = self
            .model()
            .persona(persona)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that persona no longer exists"))?;
        Ok(p.picture.as_ref().map(|pic| {
            let kind = match pic.format {
                PictureFormat::Png => "png",
                PictureFormat::Jpeg => "jpeg",
            };
            format!("data:image/{kind};base64,{}", pic.data)
        }))
    }
}

#[cfg(test)]
mod tests {
    use throughline_core::edit::{Edit, Template};
    use throughline_core::Id;

    use crate::OpenWorkspace;

    fn guest(name: &str) -> throughline_core::Persona {
        throughline_core::Persona::named(name)
    }

    #[test]
    fn personas_list_the_journeys_drawn_for_them_and_deleting_one_is_one_undo() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = OpenWorkspace::create_from(
            &dir.path().join("hotel.throughline"),
            &throughline_core::Workspace::default(),
        )
        .unwrap();
        let (stay, spa) = (Id::new(), Id::new());
        for (journey, name) in [(stay, "Hotel stay"), (spa, "Spa visit")] {
            ws.apply(&Edit::CreateJourney {
                journey,
                name: name.into(),
                template: Template::Blueprint,
            })
            .unwrap();
        }
        let (couple, solo) = (guest("Couple"), guest("Solo guest"));
        for p in [&solo, &couple] {
            ws.apply(&Edit::CreatePersona { persona: p.clone() })
                .unwrap();
        }
        for journey in [stay, spa] {
            ws.apply(&Edit::SetJourneyPersonas {
                journey,
                personas: vec![couple.id],
            })
            .unwrap();
        }
        let listed = ws.personas();
        assert_eq!(listed[0].persona.name, "Couple");
        let on: Vec<&str> = listed[0].journeys.iter().map(|j| j.name.as_str()).collect();
        assert_eq!(on, ["Hotel stay", "Spa visit"]);
        assert!(listed[1].journeys.is_empty());
        ws.apply(&Edit::DeletePersona { persona: couple.id })
            .unwrap();
        assert!(ws.journeys().iter().all(|j| j.personas.is_empty()));
        ws.undo().unwrap();
        assert_eq!(
            ws.personas()[0].journeys.len(),
            2,
            "one undo puts it back on both"
        );
    }
}
