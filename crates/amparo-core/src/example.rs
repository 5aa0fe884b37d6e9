//! The example case offered on first start, so a new user can see what a
//! filled-in case looks like before entering a real one. Everyone in it is
//! invented; the places and the Three Kings festival are real. Anything
//! printed from it is marked "EXAMPLE - FICTIONAL".

use chrono::{NaiveDate, TimeDelta};

use crate::case::{
    Case, CaseDraft, Custody, CustodyStatus, Hearing, HearingKind, HearingMode, Person, Transfer,
};
use crate::error::Result;
use crate::remembered_date::RememberedDate;
use crate::store::Store;

impl Store {
    /// Adds the example case, or returns it when it is already in the list.
    pub fn add_example_case(&mut self) -> Result<Case> {
        let existing = self.list_cases("")?.into_iter().find(|c| c.is_example);
        if let Some(summary) = existing {
            return self.case(&summary.id);
        }
        // Hearing dates are set from the court's day, as deadlines count them.
        let today = crate::deadline::court_today(EXAMPLE_TIME_ZONE);
        let case = self.insert_case(&example_draft(today), true)?;
        let (mother, own) = self.add_example_statements(&case.id)?;
        self.add_example_timeline(&case.id, &mother, &own)?;
        Ok(case)
    }
}

/// Pearsall, Texas.
const EXAMPLE_TIME_ZONE: &str = "America/Chicago";

fn example_draft(today: NaiveDate) -> CaseDraft {
    let in_days = |days: i64| {
        today
            .checked_add_signed(TimeDelta::days(days))
            .unwrap_or(today)
            .to_string()
    };
    CaseDraft {
        person: Person {
            record_name: "Jesús Alberto Rivas Moreno".into(),
            used_name: "Jesús Rivas".into(),
            pronouns: "he/him · él".into(),
            aliases: vec!["Jesus Alberto Rivas".into(), "Jesús A. Rivas M.".into()],
            birth_date: Some(RememberedDate::day(1994, 8, 12)),
            country_of_birth: "Venezuela".into(),
            nationality: "Venezuelan · venezolana".into(),
            languages: vec!["Spanish · español".into()],
            needs_interpreter: true,
            a_number: "A-000-111-222".into(),
        },
        custody: Custody {
            status: CustodyStatus::Detained,
            facility: "South Texas ICE Processing Center, Pearsall, TX".into(),
            // 555-01xx numbers are set aside for fiction.
            facility_phone: "(210) 555-0134".into(),
            detainee_id: "000123 (example)".into(),
            officer: "Officer (example), (210) 555-0188".into(),
            bond: "No bond set · Sin fianza".into(),
            detained_since: Some(RememberedDate::day(2025, 8, 29)),
            transfers: vec![Transfer {
                facility: "Otay Mesa Detention Center, San Diego, CA".into(),
                date: Some(RememberedDate::month(2025, 9).about()),
            }],
            removed_to: String::new(),
            removed_on: None,
        },
        hearings: vec![
            Hearing {
                date: in_days(-40),
                time: "08:30".into(),
                court: "Pearsall Immigration Court".into(),
                judge: "(example judge)".into(),
                kind: HearingKind::Master,
                mode: HearingMode::Video,
                ..Hearing::default()
            },
            Hearing {
                date: in_days(45),
                time: "13:00".into(),
                court: "Pearsall Immigration Court".into(),
                judge: "(example judge)".into(),
                kind: HearingKind::Individual,
                mode: HearingMode::InPerson,
                ..Hearing::default()
            },
        ],
        attorney: Default::default(),
        notes: "EXAMPLE - FICTIONAL · EJEMPLO - FICTICIO\n\n\
                Jesús is a makeup artist from Capacho, Táchira. His wrist tattoos, crowns \
                over \"mamá\" and \"papá\", honor his parents and the Three Kings festival he \
                performed in since childhood. They were scored as gang insignia.\n\n\
                Jesús es maquillador, de Capacho, Táchira. Sus tatuajes de coronas sobre \
                \"mamá\" y \"papá\" honran a sus padres y a la fiesta de los Reyes Magos en la \
                que participó desde niño. Los calificaron como insignias de pandilla."
            .into(),
        court_time_zone: EXAMPLE_TIME_ZONE.into(),
    }
}
