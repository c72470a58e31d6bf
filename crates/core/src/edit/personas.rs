//! Edits to the shared personas and to which personas a journey is drawn for. Personas are shared by
//! every journey, so deleting one reaches across journeys, and its inverse puts each journey's list and
//! its cards' scores back as they were.

use super::{journey_ix, EditError, Touched};
use crate::persona::{restore_feelings, set_personas, JourneyFeelings, MAX_JOURNEY_PERSONAS};
use crate::text::{clean_name, clean_text};
use crate::validate::{check_name, check_text, ValidationError};
use crate::{Id, Persona, PersonaPicture, Workspace};

use super::Edit;

fn persona_ix(ws: &Workspace, id: Id) -> Result<usize, EditError> {
    ws.personas
        .iter()
        .position(|p| p.id == id)
        .ok_or(EditError::Missing { what: "persona" })
}

/// Cleans and checks what a user typed for a persona; its name must be unique, ignoring case.
fn checked(ws: &Workspace, persona: &Persona) -> Result<Persona, EditError> {
    let name = clean_name(&persona.name);
    check_name("persona name", &name)?;
    let text = |what: &'static str, s: &str| -> Result<String, EditError> {
        let s = clean_text(s);
        check_text(what, &s)?;
        Ok(s)
    };
    let lower = name.to_lowercase();
    if ws
        .personas
        .iter()
        .any(|p| p.id != persona.id && p.name.to_lowercase() == lower)
    {
        return Err(ValidationError::DuplicatePersona { name }.into());
    }
    if let Some(picture) = &persona.picture {
        crate::persona::check_picture(picture).map_err(|reason| ValidationError::Picture {
            persona: name.clone(),
            reason,
        })?;
    }
    Ok(Persona {
        id: persona.id,
        picture: persona.picture.clone(),
        description: text("persona description", &persona.description)?,
        goals: text("persona goals", &persona.goals)?,
        needs: text("persona needs", &persona.needs)?,
        pains: text("persona pains", &persona.pains)?,
        quote: text("persona quote", &persona.quote)?,
        name,
    })
}

/// Adds a persona to the workspace.
pub(super) fn create(
    ws: &mut Workspace,
    persona: &Persona,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    if ws.persona(persona.id).is_some() {
        return Err(EditError::Exists { what: "persona" });
    }
    let persona = checked(ws, persona)?;
    t.personas.push(persona.id);
    ws.personas.push(persona.clone());
    sort(ws);
    Ok(Edit::DeletePersona {
        persona: persona.id,
    })
}

/// Replaces a persona's name and description; every journey drawn for it sees the change.
pub(super) fn update(
    ws: &mut Workspace,
    persona: &Persona,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let ix = persona_ix(ws, persona.id)?;
    // The picture has its own edit, so a changed name does not carry the picture into the undo log.
    let new = checked(
        ws,
        &Persona {
            picture: ws.personas[ix].picture.clone(),
            ..persona.clone()
        },
    )?;
    let old = std::mem::replace(&mut ws.personas[ix], new);
    sort(ws);
    t.personas.push(persona.id);
    Ok(Edit::UpdatePersona {
        persona: Persona {
            picture: None,
            ..old
        },
    })
}

/// Gives a persona a picture, or takes it away.
pub(super) fn set_picture(
    ws: &mut Workspace,
    id: Id,
    picture: Option<&PersonaPicture>,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let ix = persona_ix(ws, id)?;
    if let Some(p) = picture {
        crate::persona::check_picture(p).map_err(|reason| ValidationError::Picture {
            persona: ws.personas[ix].name.clone(),
            reason,
        })?;
    }
    let old = std::mem::replace(&mut ws.personas[ix].picture, picture.cloned());
    t.personas.push(id);
    Ok(Edit::SetPersonaPicture {
        persona: id,
        picture: old,
    })
}

/// Deletes a persona, taking it off every journey drawn for it (their cards lose its scores).
pub(super) fn delete(ws: &mut Workspace, id: Id, t: &mut Touched) -> Result<Edit, EditError> {
    let ix = persona_ix(ws, id)?;
    let mut journeys = Vec::new();
    for journey in ws.journeys.iter_mut() {
        if journey.personas.contains(&id) {
            let kept = journey
                .personas
                .iter()
                .copied()
                .filter(|p| *p != id)
                .collect();
            let before = set_personas(journey, kept);
            touch(t, &before);
            journeys.push(before);
        }
    }
    let persona = ws.personas.remove(ix);
    t.removed_personas.push(id);
    Ok(Edit::RestorePersona { persona, journeys })
}

/// Puts back a deleted persona on the journeys it was taken off, with their cards' scores.
pub(super) fn restore(
    ws: &mut Workspace,
    persona: &Persona,
    journeys: &[JourneyFeelings],
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let indices = journeys
        .iter()
        .map(|f| journey_ix(ws, f.journey))
        .collect::<Result<Vec<_>, _>>()?;
    create(ws, persona, t)?;
    for (j, feelings) in indices.into_iter().zip(journeys) {
        restore_feelings(&mut ws.journeys[j], feelings);
        touch(t, feelings);
    }
    Ok(Edit::DeletePersona {
        persona: persona.id,
    })
}

/// Sets the personas a journey is drawn for, in order (the first is the one `emotion` scores).
pub(super) fn set_journey(
    ws: &mut Workspace,
    journey: Id,
    personas: &[Id],
    t: &mut Touched,
) -> Result<Edit, EditError> {
    if personas.len() > MAX_JOURNEY_PERSONAS {
        return Err(ValidationError::TooMany {
            what: "personas on one journey",
            limit: MAX_JOURNEY_PERSONAS,
        }
        .into());
    }
    if let Some(p) = personas.iter().find(|p| ws.persona(**p).is_none()) {
        return Err(ValidationError::Dangling {
            what: "a journey's persona",
            id: *p,
        }
        .into());
    }
    let j = journey_ix(ws, journey)?;
    let before = set_personas(&mut ws.journeys[j], personas.to_vec());
    touch(t, &before);
    Ok(Edit::RestoreJourneyPersonas { feelings: before })
}

/// Puts a journey's personas and its cards' scores back exactly as they were.
pub(super) fn restore_journey(
    ws: &mut Workspace,
    feelings: &JourneyFeelings,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let j = journey_ix(ws, feelings.journey)?;
    if let Some(p) = feelings.personas.iter().find(|p| ws.persona(**p).is_none()) {
        return Err(ValidationError::Dangling {
            what: "a journey's persona",
            id: *p,
        }
        .into());
    }
    let replaced = restore_feelings(&mut ws.journeys[j], feelings);
    touch(t, feelings);
    Ok(Edit::RestoreJourneyPersonas { feelings: replaced })
}

/// Keeps the workspace's personas in the order the store reads them (by name, then id), so undo gives
/// back the same list.
fn sort(ws: &mut Workspace) {
    ws.personas
        .sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
}

fn touch(t: &mut Touched, feelings: &JourneyFeelings) {
    t.journeys.push(feelings.journey);
    t.steps.extend(feelings.steps.iter().map(|f| f.step));
    t.journey = Some(feelings.journey);
}

#[cfg(test)]
mod tests {
    use crate::edit::{apply, Edit, StepDetails};
    use crate::persona::MAX_JOURNEY_PERSONAS;
    use crate::{Id, Journey, LaneKind, Persona, PersonaScore, Step, Workspace};

    fn persona(name: &str) -> Persona {
        Persona {
            id: Id::new(),
            name: name.into(),
            description: format!("{name} stays at the hotel"),
            goals: "Sleep well".into(),
            needs: "A quiet room".into(),
            pains: "Queues at the desk".into(),
            quote: "\"I just want my key\"".into(),
            picture: None,
        }
    }

    /// A hotel stay whose guest lane has a scored card at check-in and one at breakfast.
    fn hotel() -> (Workspace, Id, [Id; 2]) {
        let mut j = Journey::from_template("Hotel stay", &["Check in", "Breakfast"]);
        let guest = j
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Customer)
            .unwrap()
            .id;
        let mut ids = [Id::new(); 2];
        for (i, stage) in j.stages.clone().iter().enumerate() {
            let mut s = Step::new(guest, stage.id, 0.0, ["Queue at desk", "Eat"][i]);
            s.emotion = Some([-2, 1][i]);
            ids[i] = s.id;
            j.steps.push(s);
        }
        let id = j.id;
        (
            Workspace {
                journeys: vec![j],
                ..Workspace::default()
            },
            id,
            ids,
        )
    }

    fn undo_and_redo(ws: &mut Workspace, edit: &Edit) {
        let before = ws.clone();
        let (_, inverse) = apply(ws, edit).unwrap();
        let after = ws.clone();
        let (_, redo) = apply(ws, &inverse).unwrap();
        assert_eq!(*ws, before, "undo of {edit:?}");
        apply(ws, &redo).unwrap();
        assert_eq!(*ws, after, "redo of {edit:?}");
    }

    #[test]
    fn personas_are_created_updated_and_each_keeps_its_scores_through_undo() {
        let (mut ws, journey, [queue, eat]) = hotel();
        let (business, family) = (persona("Business traveller"), persona("Family"));
        for p in [&business, &family] {
            undo_and_redo(&mut ws, &Edit::CreatePersona { persona: p.clone() });
        }
        undo_and_redo(
            &mut ws,
            &Edit::SetJourneyPersonas {
                journey,
                personas: vec![business.id, family.id],
            },
        );
        assert_eq!(
            ws.journeys[0].steps[0].emotion,
            Some(-2),
            "the first persona took the scores"
        );
        let mut details = StepDetails::of(ws.journeys[0].step(queue).unwrap());
        details.scores = vec![PersonaScore {
            persona: family.id,
            score: 2,
        }];
        undo_and_redo(
            &mut ws,
            &Edit::SetStepDetails {
                step: queue,
                details,
            },
        );
        undo_and_redo(
            &mut ws,
            &Edit::UpdatePersona {
                persona: Persona {
                    quote: "Fast wifi, please".into(),
                    ..business.clone()
                },
            },
        );
        undo_and_redo(
            &mut ws,
            &Edit::SetJourneyPersonas {
                journey,
                personas: vec![family.id, business.id],
            },
        );
        let j = &ws.journeys[0];
        assert_eq!(j.step(queue).unwrap().emotion, Some(2));
        assert_eq!(
            j.step(queue).unwrap().scores,
            vec![PersonaScore {
                persona: business.id,
                score: -2
            }]
        );
        assert_eq!(j.step(eat).unwrap().emotion, None);
    }

    #[test]
    fn deleting_a_persona_takes_it_off_every_journey_and_one_undo_puts_all_back() {
        let (mut ws, journey, [queue, _]) = hotel();
        let (business, family) = (persona("Business traveller"), persona("Family"));
        for p in [&business, &family] {
            apply(&mut ws, &Edit::CreatePersona { persona: p.clone() }).unwrap();
        }
        let copy = Id::new();
        apply(
            &mut ws,
            &Edit::DuplicateJourney {
                source: journey,
                journey: copy,
            },
        )
        .unwrap();
        for j in [journey, copy] {
            apply(
                &mut ws,
                &Edit::SetJourneyPersonas {
                    journey: j,
                    personas: vec![business.id, family.id],
                },
            )
            .unwrap();
        }
        let before = ws.clone();
        let (touched, inverse) = apply(
            &mut ws,
            &Edit::DeletePersona {
                persona: business.id,
            },
        )
        .unwrap();
        assert_eq!(touched.removed_personas, vec![business.id]);
        assert!(ws.journeys.iter().all(|j| j.personas == vec![family.id]));
        assert_eq!(ws.journeys[0].step(queue).unwrap().emotion, None);
        let Edit::RestorePersona { journeys, .. } = &inverse else {
            panic!("{inverse:?}")
        };
        assert_eq!(
            journeys.len(),
            2,
            "the inverse names both journeys it was on"
        );
        apply(&mut ws, &inverse).unwrap();
        assert_eq!(ws, before);
    }

    #[test]
    fn limits_and_bad_persona_edits_are_refused_and_change_nothing() {
        let (mut ws, journey, [queue, _]) = hotel();
        let many: Vec<Persona> = (0..=MAX_JOURNEY_PERSONAS)
            .map(|i| persona(&format!("Guest {i}")))
            .collect();
        for p in &many {
            apply(&mut ws, &Edit::CreatePersona { persona: p.clone() }).unwrap();
        }
        let before = ws.clone();
        let err = apply(
            &mut ws,
            &Edit::SetJourneyPersonas {
                journey,
                personas: many.iter().map(|p| p.id).collect(),
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("at most 8 personas"), "{err}");
        let twin = Persona {
            id: Id::new(),
            ..many[0].clone()
        };
        assert!(apply(&mut ws, &Edit::CreatePersona { persona: twin }).is_err());
        let stray = Id::new();
        let err = apply(
            &mut ws,
            &Edit::SetJourneyPersonas {
                journey,
                personas: vec![stray],
            },
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("a journey's persona points to {stray}, which does not exist")
        );
        let mut details = StepDetails::of(ws.journeys[0].step(queue).unwrap());
        details.scores = vec![PersonaScore {
            persona: many[0].id,
            score: 1,
        }];
        assert!(
            apply(
                &mut ws,
                &Edit::SetStepDetails {
                    step: queue,
                    details
                }
            )
            .is_err(),
            "a score for a persona the journey is not drawn for"
        );
        assert_eq!(ws, before);
    }

    /// A 1×1 PNG.
    const PNG: &str =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    fn b64(bytes: &[u8]) -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    #[test]
    fn a_picture_is_set_and_undone_on_its_own_and_bad_pictures_change_nothing() {
        use crate::{PersonaPicture, PictureFormat};
        let (mut ws, _, _) = hotel();
        let guest = persona("Night owl");
        apply(
            &mut ws,
            &Edit::CreatePersona {
                persona: guest.clone(),
            },
        )
        .unwrap();
        let png = PersonaPicture {
            format: PictureFormat::Png,
            data: PNG.into(),
        };
        undo_and_redo(
            &mut ws,
            &Edit::SetPersonaPicture {
                persona: guest.id,
                picture: Some(png.clone()),
            },
        );
        assert_eq!(ws.persona(guest.id).unwrap().picture, Some(png.clone()));
        let (_, inverse) = apply(
            &mut ws,
            &Edit::UpdatePersona {
                persona: Persona {
                    name: "Night owl guest".into(),
                    picture: None,
                    ..guest.clone()
                },
            },
        )
        .unwrap();
        assert_eq!(
            ws.persona(guest.id).unwrap().picture,
            Some(png),
            "a rename keeps the picture"
        );
        assert!(
            matches!(&inverse, Edit::UpdatePersona { persona } if persona.picture.is_none()),
            "and does not carry it into the undo log"
        );
        // SOI, then a baseline frame header of a 3×2 image, then EOI.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03, 0x01, 0x22,
            0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9,
        ];
        assert_eq!(
            crate::persona::picture_format(&jpeg),
            Ok((PictureFormat::Jpeg, 3, 2))
        );
        let before = ws.clone();
        let mut huge = vec![0u8; crate::persona::MAX_PICTURE_BYTES + 1];
        huge[..8].copy_from_slice(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        let bad = [
            (
                PictureFormat::Png,
                b64(b"GIF89a\x01\x00\x01\x00"),
                "not a PNG or JPEG",
            ),
            (PictureFormat::Png, b64(&jpeg), "is a Jpeg file, not Png"),
            (PictureFormat::Png, "not base64!".to_owned(), "not base64"),
            (PictureFormat::Png, b64(&huge), "the limit is 2097152"),
        ];
        for (format, data, says) in bad {
            let err = apply(
                &mut ws,
                &Edit::SetPersonaPicture {
                    persona: guest.id,
                    picture: Some(crate::PersonaPicture { format, data }),
                },
            )
            .unwrap_err();
            assert!(err.to_string().contains(says), "{err}");
            assert!(err.to_string().contains("Night owl guest"), "{err}");
        }
        assert_eq!(ws, before);
    }
}
