//! The guided interview: saved as it goes and found again; finished into a
//! case, the mother and a witness as declarants with drafts in her
//! language, the tattoo records and their events, all at once; and a
//! refused answer named where it was asked, with nothing made.

use amparo_core::{
    Answerer, CaseDraft, Custody, CustodyStatus, Error, FieldProblem, Hearing, HearingKind,
    HearingMode, InterviewAnswers, InterviewPerson, InterviewTattoo, LinkKind, RememberedDate,
    Store, Witness,
};

fn answers() -> InterviewAnswers {
    InterviewAnswers {
        language: "es".into(),
        answerer: Answerer {
            full_name: "María Elena Moreno de Rivas".into(),
            relationship: "la madre".into(),
            contact: "+58 414 555 0101".into(),
        },
        person: InterviewPerson {
            record_name: "Jesús Alberto Rivas Moreno".into(),
            // "No sé" to the birth date and the A-number.
            birth_date: None,
            country_of_birth: "Venezuela".into(),
            a_number: String::new(),
        },
        custody: Custody {
            status: CustodyStatus::Detained,
            facility: "South Texas ICE Processing Center".into(),
            facility_phone: "(210) 555-0134".into(),
            detainee_id: "000123".into(),
            ..Custody::default()
        },
        hearing: Some(Hearing {
            date: "2027-03-04".into(),
            time: "13:00".into(),
            court: "Pearsall".into(),
            kind: HearingKind::Individual,
            mode: HearingMode::InPerson,
            ..Hearing::default()
        }),
        tattoos: vec![InterviewTattoo {
            body_location: "la muñeca izquierda".into(),
            shows: "una corona sobre «mamá»".into(),
            made_when: Some(RememberedDate::year(2012).about()),
            made_where: "Capacho".into(),
            made_by: "Luis Contreras".into(),
            meaning: "Es por mí y por los Reyes Magos de Capacho.".into(),
            similar_others: "Sus primos".into(),
        }],
        witnesses: vec![Witness {
            full_name: "Luis Contreras".into(),
            relationship: "el tatuador".into(),
            contact: String::new(),
            topics: "que le hizo la corona en 2012 y por qué".into(),
        }],
        unknown: vec!["person.birthDate".into(), "person.aNumber".into()],
    }
}

#[test]
fn an_interview_is_saved_as_it_goes_and_found_again() {
    let mut store = Store::open_in_memory().expect("store");
    let mut partial = InterviewAnswers {
        language: "es".into(),
        ..InterviewAnswers::default()
    };
    partial.answerer.full_name = "María Elena Moreno de Rivas".into();
    let id = store
        .save_interview(None, None, "person.name", &partial)
        .expect("saved");
    partial.person.record_name = "Jesús Alberto Rivas Moreno".into();
    assert_eq!(
        store
            .save_interview(Some(&id), None, "person.birth", &partial)
            .expect("saved again"),
        id
    );
    let found = store.unfinished_interviews().expect("list");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].step, "person.birth");
    assert_eq!(found[0].answers, partial);
    assert!(
        store.list_cases("").expect("cases").is_empty(),
        "nothing made yet"
    );
    store.discard_interview(&id).expect("discard");
    assert!(store.unfinished_interviews().expect("list").is_empty());
}

#[test]
fn finishing_makes_the_case_the_declarants_their_drafts_and_the_tattoo() {
    let mut store = Store::open_in_memory().expect("store");
    let id = store
        .save_interview(None, None, "review", &answers())
        .expect("saved");
    let done = store.finish_interview(&id).expect("finished");
    assert_eq!((done.tattoos, done.witnesses), (1, 1));

    let case = store.case(&done.case_id).expect("case");
    assert_eq!(case.person.record_name, "Jesús Alberto Rivas Moreno");
    assert_eq!(case.person.a_number, "", "no A-number is guessed");
    assert_eq!(case.person.birth_date, None);
    assert_eq!(case.custody.detainee_id, "000123");
    assert_eq!(case.hearings[0].time, "13:00");

    let declarants = store.declarants(&done.case_id).expect("declarants");
    let names: Vec<&str> = declarants
        .iter()
        .map(|d| d.record.full_name.as_str())
        .collect();
    assert_eq!(names, ["María Elena Moreno de Rivas", "Luis Contreras"]);

    let mother = store.statement(&done.statement_id).expect("statement");
    assert_eq!(mother.draft.language, "es");
    assert_eq!(
        mother.draft.title_original,
        "Declaración de María Elena Moreno de Rivas"
    );
    let texts: Vec<&str> = mother
        .draft
        .paragraphs
        .iter()
        .map(|p| p.original.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Me llamo María Elena Moreno de Rivas. Soy la madre de Jesús Alberto Rivas Moreno.",
            "Jesús Alberto Rivas Moreno tiene un tatuaje en la muñeca izquierda. El tatuaje muestra una corona sobre «mamá». Se lo hizo Luis Contreras en Capacho. Cuándo se lo hizo: aproximadamente 2012.",
            "Para Jesús Alberto Rivas Moreno, este tatuaje significa: Es por mí y por los Reyes Magos de Capacho.",
            "Otras personas tienen uno parecido: Sus primos.",
        ]
    );
    assert!(
        mother.draft.paragraphs.iter().all(|p| p.english.is_empty()),
        "the translation is left for a translator"
    );
    assert_eq!(store.statements(&done.case_id).expect("list").len(), 2);

    let tattoo = &store.tattoos(&done.case_id).expect("tattoos")[0];
    assert_eq!(tattoo.record.meaning_language, "es");
    let events = store.events(&done.case_id).expect("events");
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].event.description,
        "Tattoo made (la muñeca izquierda)"
    );
    assert_eq!(events[0].event.sources[0].kind, LinkKind::Tattoo);
    assert_eq!(events[0].event.sources[0].id, tattoo.id);

    assert!(
        store.unfinished_interviews().expect("list").is_empty(),
        "a finished interview is not offered again"
    );
}

#[test]
fn a_refused_answer_is_named_where_it_was_asked_and_nothing_is_made() {
    let mut store = Store::open_in_memory().expect("store");
    let mut bad = answers();
    bad.tattoos.push(InterviewTattoo {
        body_location: "  ".into(),
        ..InterviewTattoo::default()
    });
    let id = store
        .save_interview(None, None, "review", &bad)
        .expect("saved");
    let Err(Error::Invalid(fields)) = store.finish_interview(&id) else {
        panic!("a tattoo with no place on the body was made");
    };
    assert_eq!(fields[0].field, "tattoos.1.bodyLocation");
    assert_eq!(fields[0].problem, FieldProblem::Required);
    assert!(
        store.list_cases("").expect("cases").is_empty(),
        "the case made before the refusal is undone"
    );
    assert_eq!(
        store.unfinished_interviews().expect("list").len(),
        1,
        "kept to fix"
    );

    let mut wrong = answers();
    wrong.person.a_number = "12".into();
    let id = store
        .save_interview(None, None, "review", &wrong)
        .expect("saved");
    let Err(Error::Invalid(fields)) = store.finish_interview(&id) else {
        panic!("a two-digit A-number was saved");
    };
    assert_eq!(fields[0].field, "person.aNumber");
}

#[test]
fn run_again_it_adds_a_witness_to_the_case() {
    let mut store = Store::open_in_memory().expect("store");
    let mut draft = CaseDraft::default();
    draft.person.record_name = "Jesús Alberto Rivas Moreno".into();
    draft.person.used_name = "Jesús".into();
    let case = store.create_case(&draft).expect("case");
    let more = InterviewAnswers {
        language: "en".into(),
        answerer: Answerer {
            full_name: "Ana Rivas".into(),
            relationship: "the sister".into(),
            contact: String::new(),
        },
        witnesses: vec![Witness {
            full_name: "Pedro Gómez".into(),
            relationship: "an organizer of the Three Kings festival".into(),
            contact: String::new(),
            topics: String::new(),
        }],
        ..InterviewAnswers::default()
    };
    let id = store
        .save_interview(None, Some(&case.id), "review", &more)
        .expect("saved");
    let done = store.finish_interview(&id).expect("finished");
    assert_eq!(done.case_id, case.id);
    assert_eq!(store.list_cases("").expect("cases").len(), 1, "no new case");
    let witness = store
        .statements(&case.id)
        .expect("statements")
        .into_iter()
        .find(|s| s.declarant_name == "Pedro Gómez")
        .expect("the witness's draft");
    let text = &store
        .statement(&witness.id)
        .expect("draft")
        .draft
        .paragraphs[0]
        .original;
    assert_eq!(
        text,
        "My name is Pedro Gómez. I know Jesús; I am an organizer of the Three Kings festival."
    );
}
