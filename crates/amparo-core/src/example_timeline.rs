//! The example case's chronology and the allegation his tattoos drew, each
//! resting on the example statements. Detention is added from what the case
//! records; the transfer and the hearings are left for the user to add with
//! one click.

use crate::allegation::{AllegationDraft, AllegationStatus};
use crate::error::Result;
use crate::evidence_link::{EvidenceLink, LinkKind};
use crate::remembered_date::RememberedDate;
use crate::store::Store;
use crate::timeline::{EventDraft, EventKind};

fn paragraph(statement: &str, n: u32) -> EvidenceLink {
    EvidenceLink {
        kind: LinkKind::Statement,
        id: statement.to_owned(),
        paragraph: Some(n),
        page: None,
    }
}

impl Store {
    pub(crate) fn add_example_timeline(
        &mut self,
        case_id: &str,
        mother: &str,
        own: &str,
    ) -> Result<()> {
        let events = [
            (
                RememberedDate::month(2024, 6).about(),
                EventKind::Other,
                "Capacho, Táchira, Venezuela",
                "Left Venezuela",
                vec![paragraph(mother, 2)],
            ),
            (
                RememberedDate::day(2025, 1, 10),
                EventKind::Appointment,
                "San Ysidro port of entry",
                "Presented himself with a CBP One appointment",
                vec![paragraph(own, 2)],
            ),
            (
                RememberedDate::month(2025, 2),
                EventKind::Interview,
                "Otay Mesa Detention Center, San Diego, CA",
                "Passed his credible fear interview",
                vec![paragraph(own, 2)],
            ),
        ];
        for (date, kind, place, description, sources) in events {
            self.create_event(
                case_id,
                &EventDraft {
                    date: Some(date),
                    place: place.into(),
                    kind,
                    description: description.into(),
                    sources,
                    origin: String::new(),
                },
            )?;
        }
        if let Some(detained) = self
            .known_dates(case_id)?
            .into_iter()
            .find(|k| k.event.origin == "detained")
        {
            self.create_event(case_id, &detained.event)?;
        }
        self.create_allegation(
            case_id,
            &AllegationDraft {
                made_by: "ICE officer (example)".into(),
                document: "Alien Enemy Validation Guide (example)".into(),
                document_date: Some(RememberedDate::month(2025, 8)),
                source: None,
                criterion: "Tattoos denoting membership".into(),
                points: Some(4),
                claim: "Two crown tattoos, one on each wrist, scored as Tren de Aragua insignia."
                    .into(),
                response: "The crowns stand over the words \"mamá\" and \"papá\": they honor his \
                           parents and the Three Kings festival of Capacho, where he paraded as a \
                           king from the age of seven."
                    .into(),
                status: AllegationStatus::Answered,
                answers: vec![
                    paragraph(mother, 3),
                    paragraph(mother, 5),
                    paragraph(own, 3),
                ],
            },
        )?;
        self.create_allegation(
            case_id,
            &AllegationDraft {
                made_by: "ICE officer (example)".into(),
                document: "Alien Enemy Validation Guide (example)".into(),
                document_date: Some(RememberedDate::month(2025, 8)),
                source: None,
                criterion: "Social-media posts".into(),
                points: Some(2),
                claim: "A photo of him wearing a crown.".into(),
                response: String::new(),
                status: AllegationStatus::Open,
                answers: Vec::new(),
            },
        )?;
        Ok(())
    }
}
