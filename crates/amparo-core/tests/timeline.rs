//! The chronology, allegations and their answers, deadlines, and search
//! across cases, through the store.

use amparo_core::{
    AllegationDraft, AllegationStatus, CaseDraft, CustodyStatus, DeclarantDraft, DueDateDraft,
    DueKind, Error, EventDraft, EventKind, EvidenceLink, FieldProblem, Hearing, HearingKind,
    LinkKind, MATCH_END, MATCH_START, Paragraph, RememberedDate, SearchKind, StatementDraft, Store,
    TattooDraft,
};

fn case(store: &mut Store, name: &str) -> String {
    let mut d = CaseDraft::default();
    d.person.record_name = name.into();
    store.create_case(&d).expect("case").id
}

fn tattoo(store: &mut Store, case_id: &str, meaning: &str) -> String {
    let draft = TattooDraft {
        body_location: "left wrist, inside".into(),
        shows_text: "mamá".into(),
        meaning_language: "es".into(),
        meaning_original: meaning.into(),
        meaning_english: "A crown for my mother and the Three Kings".into(),
        ..TattooDraft::default()
    };
    store.create_tattoo(case_id, &draft).expect("tattoo").id
}

fn statement(store: &mut Store, case_id: &str, texts: &[&str]) -> (String, StatementDraft) {
    let declarant = store
        .create_declarant(
            case_id,
            &DeclarantDraft {
                full_name: "María Elena Moreno".into(),
                ..DeclarantDraft::default()
            },
        )
        .expect("declarant")
        .id;
    let draft = StatementDraft {
        declarant_id: declarant,
        title: "Declaration of María Elena Moreno".into(),
        language: "es".into(),
        paragraphs: texts
            .iter()
            .map(|t| Paragraph {
                original: (*t).into(),
                english: String::new(),
                exhibits: vec![],
            })
            .collect(),
        ..StatementDraft::default()
    };
    let id = store
        .create_statement(case_id, &draft)
        .expect("statement")
        .id;
    (id, draft)
}

fn link(kind: LinkKind, id: &str, paragraph: Option<u32>) -> EvidenceLink {
    EvidenceLink {
        kind,
        id: id.into(),
        paragraph,
        page: None,
    }
}

fn event(date: RememberedDate, description: &str) -> EventDraft {
    EventDraft {
        date: Some(date),
        description: description.into(),
        kind: EventKind::Other,
        ..EventDraft::default()
    }
}

#[test]
fn the_chronology_orders_mixed_precisions_and_keeps_its_sources() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    let t = tattoo(&mut store, &id, "una corona por mi mamá");
    for (date, what) in [
        (RememberedDate::day(2025, 3, 17), "hearing set"),
        (RememberedDate::year(2024).about(), "left Venezuela"),
        (RememberedDate::month(2025, 1), "CBP One appointment"),
        (RememberedDate::day(2025, 1, 1), "new year"),
        (RememberedDate::day(2025, 3, 15), "removed"),
    ] {
        store.create_event(&id, &event(date, what)).expect("event");
    }
    let mut sourced = event(RememberedDate::day(2009, 1, 6), "first crown");
    sourced.sources = vec![link(LinkKind::Tattoo, &t, None)];
    store.create_event(&id, &sourced).expect("sourced");

    let order: Vec<String> = store
        .events(&id)
        .expect("events")
        .into_iter()
        .map(|e| e.event.description)
        .collect();
    assert_eq!(
        order,
        [
            "first crown",
            "left Venezuela",
            "new year",
            "CBP One appointment",
            "removed",
            "hearing set"
        ]
    );
    let first = &store.events(&id).expect("events")[0];
    assert_eq!(first.event.sources, [link(LinkKind::Tattoo, &t, None)]);

    // No date, no description, a source from another case: named, not saved.
    let other = case(&mut store, "Someone Else");
    let theirs = tattoo(&mut store, &other, "x");
    let bad = EventDraft {
        sources: vec![link(LinkKind::Tattoo, &theirs, None)],
        ..EventDraft::default()
    };
    let Err(Error::Invalid(fields)) = store.create_event(&id, &bad) else {
        panic!("a bad event was saved");
    };
    let named: Vec<(&str, FieldProblem)> = fields
        .iter()
        .map(|f| (f.field.as_str(), f.problem))
        .collect();
    assert_eq!(
        named,
        [
            ("date", FieldProblem::Required),
            ("description", FieldProblem::Required),
            ("sources.0", FieldProblem::Unknown),
        ]
    );
    assert_eq!(store.events(&id).expect("events").len(), 6);
}

#[test]
fn dates_the_case_knows_are_offered_once() {
    let mut store = Store::open_in_memory().expect("store");
    let mut d = CaseDraft::default();
    d.person.record_name = "Rivas Moreno, Jesús".into();
    d.custody.status = CustodyStatus::Detained;
    d.custody.facility = "Otay Mesa Detention Center".into();
    d.custody.detained_since = Some(RememberedDate::day(2025, 8, 29));
    d.hearings = vec![Hearing {
        date: "2027-03-17".into(),
        court: "Otay Mesa Immigration Court".into(),
        judge: "Example".into(),
        kind: HearingKind::Individual,
        ..Hearing::default()
    }];
    let id = store.create_case(&d).expect("case").id;
    let known = store.known_dates(&id).expect("known");
    let kinds: Vec<EventKind> = known.iter().map(|k| k.event.kind).collect();
    assert_eq!(kinds, [EventKind::Detention, EventKind::Hearing]);
    assert_eq!(
        known[1].event.description,
        "Individual hearing before Immigration Judge Example"
    );
    assert_eq!(known[1].event.place, "Otay Mesa Immigration Court");

    store.create_event(&id, &known[0].event).expect("added");
    let left = store.known_dates(&id).expect("known");
    assert_eq!(left.len(), 1);
    assert!(matches!(
        store.create_event(&id, &known[0].event),
        Err(Error::InUse(_))
    ));
}

#[test]
fn allegation_links_survive_edits_and_go_with_deleted_evidence() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    let t = tattoo(&mut store, &id, "una corona por mi mamá");
    let (s, mut s_draft) = statement(&mut store, &id, &["uno", "dos", "tres"]);
    let draft = AllegationDraft {
        made_by: "ICE officer".into(),
        document: "Alien Enemy Validation Guide".into(),
        criterion: "Tattoos denoting membership".into(),
        points: Some(4),
        claim: "Crown tattoos on both wrists".into(),
        status: AllegationStatus::Answered,
        answers: vec![
            link(LinkKind::Tattoo, &t, None),
            link(LinkKind::Statement, &s, Some(3)),
            link(LinkKind::Tattoo, &t, None),
        ],
        ..AllegationDraft::default()
    };
    let a = store.create_allegation(&id, &draft).expect("allegation");
    let expected = vec![
        link(LinkKind::Tattoo, &t, None),
        link(LinkKind::Statement, &s, Some(3)),
    ];
    assert_eq!(a.allegation.answers, expected);

    // Editing the allegation, the tattoo record and the statement keeps them.
    let mut edited = a.allegation.clone();
    edited.response = "The crowns honor his parents.".into();
    store.update_allegation(&a.id, &edited).expect("edit");
    let mut t_draft = store.tattoo(&t).expect("tattoo").record;
    t_draft.why = "for his mother".into();
    store.update_tattoo(&t, &t_draft).expect("tattoo edit");
    s_draft.paragraphs[2].original = "tres, corregido".into();
    store
        .update_statement(&s, &s_draft)
        .expect("statement edit");
    let after = store.allegation(&a.id).expect("allegation");
    assert_eq!(after.allegation.answers, expected);
    assert_eq!(after.allegation.response, "The crowns honor his parents.");

    // A paragraph the statement does not have is refused, and nothing changes.
    let mut beyond = after.allegation.clone();
    beyond.answers.push(link(LinkKind::Statement, &s, Some(4)));
    let Err(Error::Invalid(fields)) = store.update_allegation(&a.id, &beyond) else {
        panic!("a link to paragraph 4 of 3 was saved");
    };
    assert_eq!(fields[0].field, "answers.2");
    assert_eq!(
        store.allegation(&a.id).expect("a").allegation.answers,
        expected
    );

    // Deleting linked evidence removes the link, and only that link.
    let mut e = event(RememberedDate::year(2012), "tattooed");
    e.sources = vec![link(LinkKind::Tattoo, &t, None)];
    let e = store.create_event(&id, &e).expect("event");
    store.delete_tattoo(&t).expect("delete tattoo");
    assert_eq!(
        store.allegation(&a.id).expect("a").allegation.answers,
        [link(LinkKind::Statement, &s, Some(3))]
    );
    assert!(store.event(&e.id).expect("event").event.sources.is_empty());
    store.delete_statement(&s).expect("delete statement");
    assert!(
        store
            .allegation(&a.id)
            .expect("a")
            .allegation
            .answers
            .is_empty()
    );
}

#[test]
fn search_finds_words_without_accents_and_follows_edits() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús Alberto");
    let t = tattoo(
        &mut store,
        &id,
        "Una corona sobre «mamá», por los Reyes Magos",
    );
    let (s, mut s_draft) = statement(&mut store, &id, &["Vivo en Capacho.", "Mi hijo maquilla."]);

    let found = store.search("MAMA", 20).expect("search");
    assert!(found.ranked);
    let hits = found.hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, SearchKind::Tattoo);
    assert_eq!(hits[0].record_id, t);
    assert_eq!(hits[0].case_name, "Rivas Moreno, Jesús Alberto");
    assert!(
        hits[0]
            .snippet
            .contains(&format!("{MATCH_START}mamá{MATCH_END}")),
        "{}",
        hits[0].snippet
    );
    assert_eq!(
        store.search("jesus rivas", 20).expect("search").hits[0].kind,
        SearchKind::Case
    );

    let hits = store.search("maquilla", 20).expect("search").hits;
    assert_eq!(
        (hits[0].kind, hits[0].paragraph),
        (SearchKind::Paragraph, Some(2))
    );
    assert_eq!(hits[0].record_id, s);

    s_draft.paragraphs[1].original = "Mi hijo es peluquero.".into();
    store.update_statement(&s, &s_draft).expect("edit");
    assert!(
        store
            .search("maquilla", 20)
            .expect("search")
            .hits
            .is_empty()
    );
    assert_eq!(store.search("peluquero", 20).expect("search").hits.len(), 1);
}

#[test]
fn anything_typed_searches_without_an_error() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    tattoo(
        &mut store,
        &id,
        "corona AND mamá (NEAR) \"reyes\" -magos ^uno *",
    );
    for typed in [
        "\"",
        "*",
        "AND",
        "-",
        "(",
        "NEAR",
        "^",
        "\"corona",
        "corona\"",
        "corona AND",
        "OR mamá",
        "NOT",
        "NEAR(corona mamá)",
        "col:corona",
        "body:mamá",
        "{body}",
        "]",
        "#$<script>",
        "'",
        "",
        "   ",
        "mamá*",
        "a-b",
        "\u{0}",
        "🙂",
    ] {
        let result = store.search(typed, 20);
        assert!(result.is_ok(), "{typed:?}: {result:?}");
    }
    assert_eq!(store.search("(NEAR", 20).expect("near").hits.len(), 1);
    assert_eq!(store.search("\"corona", 20).expect("quote").hits.len(), 1);
}

#[test]
fn a_word_in_most_of_the_text_shows_the_newest_places() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    let texts: Vec<String> = (0..1_800).map(|i| format!("corona número {i}")).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    for _ in 0..3 {
        statement(&mut store, &id, &texts);
    }
    let found = store.search("corona", 30).expect("search");
    assert!(!found.ranked);
    assert_eq!(found.matches, 5_400);
    assert_eq!(found.hits.len(), 30);
    assert_eq!(found.hits[0].paragraph, Some(1_800));
    assert_eq!(
        store.search("número 17", 30).expect("two words").hits.len(),
        30
    );
}

#[test]
fn a_deleted_case_is_not_searched_and_an_erased_one_leaves_no_index_rows() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    let mut d = store.case(&id).expect("case").to_draft();
    d.person.a_number = "A 12345678".into();
    d.notes = "Capacho festival".into();
    store.update_case(&id, &d).expect("a-number");
    tattoo(&mut store, &id, "corona");
    let (_s, _) = statement(&mut store, &id, &["Capacho"]);
    let a = AllegationDraft {
        criterion: "Insignia".into(),
        claim: "corona".into(),
        ..AllegationDraft::default()
    };
    store.create_allegation(&id, &a).expect("allegation");
    store
        .create_event(&id, &event(RememberedDate::year(2020), "Capacho"))
        .expect("event");
    for typed in ["A-012-345-678", "012345678", "a12345678"] {
        let hits = store.search(typed, 20).expect("a-number").hits;
        assert_eq!(hits.len(), 1, "{typed}");
        assert_eq!(hits[0].kind, SearchKind::Case);
    }
    assert!(store.search_rows_of_case(&id).expect("rows") > 0);

    store
        .delete_case(&id, "Rivas Moreno, Jesús")
        .expect("delete");
    assert!(store.search("capacho", 20).expect("search").hits.is_empty());
    store.restore_case(&id).expect("restore");
    assert_eq!(store.search("capacho", 20).expect("search").hits.len(), 3);

    store
        .delete_case(&id, "Rivas Moreno, Jesús")
        .expect("delete");
    store.erase_case(&id, "Rivas Moreno, Jesús").expect("erase");
    assert_eq!(store.search_rows_of_case(&id).expect("rows"), 0);
}

#[test]
fn deadlines_count_filing_days_from_the_setting_and_hand_entered_dates() {
    let mut store = Store::open_in_memory().expect("store");
    let today = amparo_core::court_today("America/Chicago");
    let in_days = |n: i64| (today + chrono::Duration::days(n)).to_string();
    let mut d = CaseDraft::default();
    d.person.record_name = "Rivas Moreno, Jesús".into();
    d.court_time_zone = "America/Chicago".into();
    d.custody.status = CustodyStatus::Free;
    d.hearings = vec![Hearing {
        date: in_days(40),
        court: "Houston".into(),
        kind: HearingKind::Individual,
        ..Hearing::default()
    }];
    let id = store.create_case(&d).expect("case").id;
    let found = store.deadlines(&id).expect("deadlines");
    assert_eq!(
        found
            .iter()
            .map(|d| (d.kind, d.days_left))
            .collect::<Vec<_>>(),
        [(DueKind::Filing, 25), (DueKind::Hearing, 40)]
    );
    store.set_filing_days_before(30).expect("setting");
    assert_eq!(store.deadlines(&id).expect("deadlines")[0].days_left, 10);
    let listed = store.list_cases("").expect("list");
    assert_eq!(listed[0].next_due.as_ref().map(|d| d.days_left), Some(10));

    store
        .add_due_date(
            &id,
            &DueDateDraft {
                date: in_days(-2),
                title: "Brief".into(),
            },
        )
        .expect("due");
    assert_eq!(store.deadlines(&id).expect("deadlines")[0].days_left, -2);
    let Err(Error::Invalid(fields)) = store.add_due_date(
        &id,
        &DueDateDraft {
            date: "2026-02-30".into(),
            title: " ".into(),
        },
    ) else {
        panic!("a bad due date was saved");
    };
    assert_eq!(fields.len(), 2);

    d.court_time_zone = "Mars/Olympus".into();
    let Err(Error::Invalid(fields)) = store.update_case(&id, &d) else {
        panic!("an unknown time zone was saved");
    };
    assert_eq!(fields[0].field, "courtTimeZone");
}
