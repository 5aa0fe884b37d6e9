//! `amparo event`, `amparo allegation`, `amparo deadlines` and
//! `amparo search`.

use amparo_core::{
    AllegationDraft, AllegationStatus, Deadline, DueKind, Error, Event, EventDraft, EventKind,
    EvidenceLink, FieldError, FieldProblem, LinkKind, MATCH_END, MATCH_START, RememberedDate,
    Store,
};

use crate::error::CliError;
use crate::output::emit;
use crate::show::date;
use crate::timeline_args::{AllegationCommand, AllegationFields, EventCommand, EventFields};

type Result<T> = std::result::Result<T, CliError>;

pub fn event(store: &mut Store, command: &EventCommand, json: bool) -> Result<()> {
    match command {
        EventCommand::List { case_id } => {
            let events = store.events(case_id)?;
            Ok(emit(json, &events, || chronology(&events))?)
        }
        EventCommand::Add { case_id, fields } => {
            let draft = event_fields(EventDraft::default(), fields)?;
            let saved = store.create_event(case_id, &draft)?;
            Ok(emit(json, &saved, || format!("added {}\n", saved.id))?)
        }
        EventCommand::Edit { event_id, fields } => {
            let old = store.event(event_id)?.event;
            let draft = event_fields(old, fields)?;
            let saved = store.update_event(event_id, &draft)?;
            Ok(emit(json, &saved, || format!("changed {}\n", saved.id))?)
        }
        EventCommand::Known { case_id, add } => {
            let known = store.known_dates(case_id)?;
            let mut added = Vec::new();
            if *add {
                for k in &known {
                    added.push(store.create_event(case_id, &k.event)?);
                }
            }
            Ok(emit(json, &known, || {
                let mut out = String::new();
                for k in &known {
                    let verb = if *add { "added" } else { "known" };
                    out.push_str(&format!(
                        "{verb}: {}  {}  {}\n",
                        date(&k.event.date),
                        k.event.kind.as_str(),
                        k.event.description
                    ));
                }
                if known.is_empty() {
                    out.push_str("every date the case records is in the chronology\n");
                }
                out
            })?)
        }
        EventCommand::Delete { event_id } => {
            store.delete_event(event_id)?;
            Ok(emit(
                json,
                &serde_json::json!({ "deleted": event_id }),
                || format!("deleted {event_id}\n"),
            )?)
        }
    }
}

pub fn allegation(store: &mut Store, command: &AllegationCommand, json: bool) -> Result<()> {
    match command {
        AllegationCommand::List { case_id } => {
            let list = store.allegations(case_id)?;
            Ok(emit(json, &list, || {
                let mut out = String::new();
                for a in &list {
                    let d = &a.allegation;
                    out.push_str(&format!(
                        "{}  [{}] {}{}\n",
                        a.id,
                        match d.status {
                            AllegationStatus::Open => "open",
                            AllegationStatus::Answered => "answered",
                        },
                        d.criterion,
                        d.points
                            .map(|p| format!(" ({p} points claimed)"))
                            .unwrap_or_default()
                    ));
                    for line in [&d.made_by, &d.document, &d.claim, &d.response] {
                        if !line.is_empty() {
                            out.push_str(&format!("    {line}\n"));
                        }
                    }
                    if let Some(source) = &d.source {
                        out.push_str(&format!("    made in {}\n", link_text(source)));
                    }
                    for link in &d.answers {
                        out.push_str(&format!("    answered by {}\n", link_text(link)));
                    }
                }
                if list.is_empty() {
                    out.push_str("no allegations\n");
                }
                out
            })?)
        }
        AllegationCommand::Add { case_id, fields } => {
            let draft = allegation_fields(AllegationDraft::default(), fields)?;
            let saved = store.create_allegation(case_id, &draft)?;
            Ok(emit(json, &saved, || format!("added {}\n", saved.id))?)
        }
        AllegationCommand::Edit {
            allegation_id,
            fields,
            clear_answers,
        } => {
            let mut old = store.allegation(allegation_id)?.allegation;
            if *clear_answers {
                old.answers.clear();
            }
            let draft = allegation_fields(old, fields)?;
            let saved = store.update_allegation(allegation_id, &draft)?;
            Ok(emit(json, &saved, || format!("changed {}\n", saved.id))?)
        }
        AllegationCommand::Delete { allegation_id } => {
            store.delete_allegation(allegation_id)?;
            Ok(emit(
                json,
                &serde_json::json!({ "deleted": allegation_id }),
                || format!("deleted {allegation_id}\n"),
            )?)
        }
        AllegationCommand::Criteria => {
            let list = store.reported_criteria()?;
            Ok(emit(json, &list, || {
                let mut out = String::from(
                    "As reported in the press (unconfirmed against the forms); never the person's score:\n",
                );
                for c in &list {
                    out.push_str(&format!(
                        "  {}: points reported {} ({})\n",
                        c.name, c.points, c.form
                    ));
                }
                out
            })?)
        }
    }
}

pub fn deadlines(store: &Store, case_id: &str, json: bool) -> Result<()> {
    let found = store.deadlines(case_id)?;
    Ok(emit(json, &found, || {
        let mut out = String::new();
        for d in &found {
            out.push_str(&format!("{}  {:<14} {}\n", d.date, when(d), what(d)));
        }
        if found.is_empty() {
            out.push_str("no coming hearings or due dates\n");
        }
        out
    })?)
}

pub fn search(store: &Store, query: &str, limit: u32, json: bool) -> Result<()> {
    let found = store.search(query, limit)?;
    Ok(emit(json, &found, || {
        let mut out = String::new();
        for hit in &found.hits {
            let place = match (hit.paragraph, hit.page) {
                (Some(n), _) => format!("{} para. {n}", hit.title),
                (None, Some(n)) => format!("page {n} of {}", hit.title),
                (None, None) => hit.title.clone(),
            };
            let snippet = hit
                .snippet
                .replace(MATCH_START, "[")
                .replace(MATCH_END, "]")
                .replace('\n', " ");
            out.push_str(&format!(
                "{}  {}{}  {:?}: {}\n    {}\n",
                hit.case_id,
                hit.case_name,
                if hit.case_is_example {
                    " [EXAMPLE - FICTIONAL]"
                } else {
                    ""
                },
                hit.kind,
                place,
                snippet
            ));
        }
        if found.hits.is_empty() {
            out.push_str("nothing found\n");
        } else if !found.ranked {
            out.push_str(&format!(
                "{} places match; the newest are shown. Add a word to narrow the search.\n",
                found.matches
            ));
        }
        out
    })?)
}

fn chronology(events: &[Event]) -> String {
    let mut out = String::new();
    for e in events {
        let d = &e.event;
        out.push_str(&format!(
            "{:<18} {:<12} {}{}\n",
            date(&d.date),
            d.kind.as_str(),
            d.description,
            if d.place.is_empty() {
                String::new()
            } else {
                format!(" ({})", d.place)
            }
        ));
        for s in &d.sources {
            out.push_str(&format!("{:<32}source: {}\n", "", link_text(s)));
        }
    }
    if events.is_empty() {
        out.push_str("the chronology is empty\n");
    }
    out
}

fn event_fields(mut draft: EventDraft, f: &EventFields) -> Result<EventDraft> {
    let mut errors = Vec::new();
    if let Some(text) = &f.date {
        match RememberedDate::parse_typed(text) {
            Ok(d) => draft.date = Some(d),
            Err(problem) => errors.push(FieldError::new("date", problem)),
        }
    }
    if let Some(kind) = &f.kind {
        match EventKind::parse(kind.trim()) {
            Some(k) => draft.kind = k,
            None => errors.push(FieldError::new("kind", FieldProblem::Unknown)),
        }
    }
    if let Some(place) = &f.place {
        draft.place = place.clone();
    }
    if let Some(description) = &f.description {
        draft.description = description.clone();
    }
    if !f.sources.is_empty() {
        draft.sources = links(&f.sources, "sources", &mut errors);
    }
    if errors.is_empty() {
        Ok(draft)
    } else {
        Err(Error::Invalid(errors).into())
    }
}

fn allegation_fields(mut draft: AllegationDraft, f: &AllegationFields) -> Result<AllegationDraft> {
    let mut errors = Vec::new();
    let set = |target: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            *target = v.clone();
        }
    };
    set(&mut draft.criterion, &f.criterion);
    set(&mut draft.made_by, &f.made_by);
    set(&mut draft.document, &f.document);
    set(&mut draft.claim, &f.claim);
    set(&mut draft.response, &f.response);
    if f.points.is_some() {
        draft.points = f.points;
    }
    if f.answered {
        draft.status = AllegationStatus::Answered;
    }
    if f.open {
        draft.status = AllegationStatus::Open;
    }
    if let Some(typed) = &f.made_in {
        draft.source = if typed.trim().is_empty() {
            None
        } else {
            links(&[format!("document:{typed}")], "source", &mut errors).pop()
        };
        for e in errors.iter_mut().filter(|e| e.field == "source.0") {
            e.field = "source".into();
        }
    }
    let start = draft.answers.len();
    for link in links(&f.answers, "answers", &mut errors) {
        draft.answers.push(link);
    }
    // Field names count from the links already there, as the store does.
    for e in &mut errors {
        if let Some(i) = e
            .field
            .strip_prefix("answers.")
            .and_then(|i| i.parse::<usize>().ok())
        {
            e.field = format!("answers.{}", start + i);
        }
    }
    if errors.is_empty() {
        Ok(draft)
    } else {
        Err(Error::Invalid(errors).into())
    }
}

/// Reads `tattoo:ID`, `photo:ID`, `statement:ID`, `statement:ID#N`
/// (paragraph N), `document:ID` and `document:ID#N` (page N).
fn links(typed: &[String], field: &str, errors: &mut Vec<FieldError>) -> Vec<EvidenceLink> {
    let mut found = Vec::new();
    for (i, text) in typed.iter().enumerate() {
        let parsed = text.split_once(':').and_then(|(kind, rest)| {
            let kind = LinkKind::parse_typed(kind.trim())?;
            let (id, part) = match rest.split_once('#') {
                Some((id, n)) => (id, Some(n.trim().parse::<u32>().ok()?)),
                None => (rest, None),
            };
            Some(EvidenceLink {
                kind,
                id: id.trim().to_owned(),
                paragraph: part.filter(|_| kind == LinkKind::Statement),
                page: part.filter(|_| kind == LinkKind::Document),
            })
        });
        match parsed {
            Some(link) => found.push(link),
            None => errors.push(FieldError::new(
                format!("{field}.{i}"),
                FieldProblem::Unknown,
            )),
        }
    }
    found
}

fn link_text(link: &EvidenceLink) -> String {
    let kind = match link.kind {
        LinkKind::Statement => "statement",
        LinkKind::Photo => "photo",
        LinkKind::Tattoo => "tattoo record",
        LinkKind::Document => "document",
    };
    match (link.paragraph, link.page) {
        (Some(n), _) => format!("{kind} {} para. {n}", link.id),
        (None, Some(n)) => format!("{kind} {} p. {n}", link.id),
        (None, None) => format!("{kind} {}", link.id),
    }
}

fn when(d: &Deadline) -> String {
    match d.days_left {
        0 => "today".into(),
        1 => "tomorrow".into(),
        n if n < 0 => format!("overdue {}d", -n),
        n => format!("in {n} days"),
    }
}

fn what(d: &Deadline) -> String {
    match d.kind {
        DueKind::Hearing => format!("hearing, {}", d.title),
        DueKind::Filing => format!(
            "evidence due before the individual hearing, {} (confirm with the court's rules)",
            d.title
        ),
        DueKind::Other => d.title.clone(),
    }
}
