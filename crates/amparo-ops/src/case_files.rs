//! Case files from the window and `amparo call`: this device's code, its
//! contacts, sending a case and opening one.

use std::path::Path;

use amparo_casefile::{DeviceKeys, Mode, MyCode, Opened, SendTo, Sent};

use crate::error::Error;
use crate::files;
use crate::operation::Context;

/// Writes a case file of `case_id` inside `folder`, for the contacts
/// `contact_ids` or, with `passphrase`, for whoever is told it.
pub fn send(
    cx: &mut Context<'_>,
    case_id: &str,
    contact_ids: &[String],
    passphrase: Option<String>,
    folder: &Path,
) -> Result<Sent, Error> {
    let to = match passphrase {
        Some(passphrase) => {
            amparo_print::check_counsel_passphrase(&passphrase)?;
            SendTo::Passphrase(passphrase)
        }
        None => {
            if contact_ids.is_empty() {
                return Err(
                    amparo_core::Error::Invalid(vec![amparo_core::FieldError::new(
                        "contacts",
                        amparo_core::FieldProblem::Required,
                    )])
                    .into(),
                );
            }
            SendTo::Contacts(amparo_casefile::chosen(cx.store, contact_ids)?)
        }
    };
    let out = files::case_file_name(folder, &files::today());
    Ok(amparo_casefile::send_case(
        cx.store, cx.blobs, case_id, &to, &out,
    )?)
}

/// Checks, previews or opens the case file at `path`.
pub fn open(
    cx: &mut Context<'_>,
    path: &Path,
    passphrase: Option<String>,
    mode: Mode,
) -> Result<Opened, Error> {
    Ok(amparo_casefile::open_case_file(
        cx.store,
        cx.blobs,
        path,
        passphrase.as_deref(),
        mode,
    )?)
}

/// Renames this device; its custody entries carry the new name from now on.
pub fn rename_device(cx: &mut Context<'_>, name: &str) -> Result<MyCode, Error> {
    DeviceKeys::of(cx.store)?;
    cx.store.rename_device(name)?;
    amparo_casefile::sign_custody(cx.store)?;
    Ok(MyCode::from(&DeviceKeys::of(cx.store)?))
}
