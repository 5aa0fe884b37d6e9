//! `amparo case ...`.

use std::io::Read;

use amparo_core::{
    BlobStore, CaseDraft, CustodyStatus, Error, FieldError, RememberedDate, Result, Store,
};
use serde::Serialize;

use crate::args::{CaseCommand, CaseFields, CustodyArg, YesNo};
use crate::error::CliError;
use crate::output::emit;
use crate::show;

pub fn run(
    store: &mut Store,
    blobs: &BlobStore,
    command: &CaseCommand,
    json: bool,
) -> std::result::Result<(), CliError> {
    match command {
        CaseCommand::Send { .. }
        | CaseCommand::Open { .. }
        | CaseCommand::Verify { .. }
        | CaseCommand::Custody { .. }
        | CaseCommand::Changes { .. }
        | CaseCommand::Choose { .. } => crate::case_file_cmd::case(store, blobs, command, json),
        other => Ok(records(store, other, json)?),
    }
}

fn records(store: &mut Store, command: &CaseCommand, json: bool) -> Result<()> {
    match command {
        CaseCommand::Send { .. }
        | CaseCommand::Open { .. }
        | CaseCommand::Verify { .. }
        | CaseCommand::Custody { .. }
        | CaseCommand::Changes { .. }
        | CaseCommand::Choose { .. } => unreachable!("case files are handled by `run`"),
        CaseCommand::List { query, deleted } => {
            let cases = if *deleted {
                store.deleted_cases()?
            } else {
                store.list_cases(query.as_deref().unwrap_or(""))?
            };
            emit(json, &cases, || show::case_list(&cases))
        }
        CaseCommand::Show { id } => {
            let case = store.case(id)?;
            emit(json, &case, || show::case(&case))
        }
        CaseCommand::New { fields } => {
            let draft = apply(CaseDraft::default(), fields)?;
            let case = store.create_case(&draft)?;
            emit(json, &case, || format!("created case {}\n", case.id))
        }
        CaseCommand::Edit { id, fields } => {
            let draft = apply(store.case(id)?.to_draft(), fields)?;
            let case = store.update_case(id, &draft)?;
            emit(json, &case, || format!("saved case {}\n", case.id))
        }
        CaseCommand::Delete { id, confirm_name } => {
            store.delete_case(id, confirm_name)?;
            emit(json, &Done::new(id), || {
                format!(
                    "moved case {id} to the Deleted list (amparo case restore {id} brings it back)\n"
                )
            })
        }
        CaseCommand::Restore { id } => {
            let case = store.restore_case(id)?;
            emit(json, &case, || format!("restored case {}\n", case.id))
        }
        CaseCommand::Erase { id, confirm_name } => {
            store.erase_case(id, confirm_name)?;
            emit(json, &Done::new(id), || {
                format!("erased case {id} for good\n")
            })
        }
        CaseCommand::Example => {
            let case = store.add_example_case()?;
            emit(json, &case, || format!("example case {}\n", case.id))
        }
    }
}

#[derive(Serialize)]
struct Done<'a> {
    id: &'a str,
    ok: bool,
}

impl<'a> Done<'a> {
    fn new(id: &'a str) -> Self {
        Self { id, ok: true }
    }
}

/// Lays the command-line fields over `draft`. Dates that cannot be read are
/// reported like any other invalid field.
fn apply(mut draft: CaseDraft, f: &CaseFields) -> Result<CaseDraft> {
    if let Some(path) = &f.from_json {
        let text = if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text)?;
            text
        } else {
            std::fs::read_to_string(path)?
        };
        draft = serde_json::from_str(&text)
            .map_err(|e| Error::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    }
    let mut errors = Vec::new();
    let mut date = |typed: &Option<String>, field: &str, slot: &mut Option<RememberedDate>| {
        if let Some(typed) = typed {
            match typed.trim() {
                "" => *slot = None,
                text => match RememberedDate::parse_typed(text) {
                    Ok(d) => *slot = Some(d),
                    Err(problem) => errors.push(FieldError {
                        field: field.to_owned(),
                        problem,
                    }),
                },
            }
        }
    };
    let p = &mut draft.person;
    date(&f.born, "person.birthDate", &mut p.birth_date);
    date(
        &f.detained_since,
        "custody.detainedSince",
        &mut draft.custody.detained_since,
    );
    date(
        &f.removed_on,
        "custody.removedOn",
        &mut draft.custody.removed_on,
    );
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let set = |slot: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            slot.clone_from(v);
        }
    };
    set(&mut p.record_name, &f.name);
    set(&mut p.used_name, &f.used_name);
    set(&mut p.pronouns, &f.pronouns);
    set(&mut p.country_of_birth, &f.country_of_birth);
    set(&mut p.nationality, &f.nationality);
    set(&mut p.a_number, &f.a_number);
    if !f.aliases.is_empty() {
        p.aliases.clone_from(&f.aliases);
    }
    if !f.languages.is_empty() {
        p.languages.clone_from(&f.languages);
    }
    if let Some(yes_no) = f.interpreter {
        p.needs_interpreter = matches!(yes_no, YesNo::Yes);
    }
    let c = &mut draft.custody;
    if let Some(status) = f.custody {
        c.status = match status {
            CustodyArg::Unknown => CustodyStatus::Unknown,
            CustodyArg::Free => CustodyStatus::Free,
            CustodyArg::Detained => CustodyStatus::Detained,
            CustodyArg::Removed => CustodyStatus::Removed,
        };
    }
    set(&mut c.facility, &f.facility);
    set(&mut c.removed_to, &f.removed_to);
    set(&mut draft.attorney.name, &f.attorney);
    set(&mut draft.attorney.eoir_id, &f.attorney_eoir_id);
    set(&mut draft.notes, &f.notes);
    Ok(draft)
}
