//! Printing a statement from the store, and sealing a signed version: the
//! filing set is printed once, its PDF kept by SHA-256 beside the text as
//! signed, and every later reprint returns those stored bytes.

use amparo_core::{
    BlobStore, Citation, DerivativeKind, Error, PrintCheck, PrintCheckCode, SignedVersion,
    SigningMode, SigningRecord, Statement, Store, check_for_print, ready_for_final,
};
use sha2::{Digest, Sha256};

use crate::declaration::{Purpose, StatementPrint};
use crate::error::PrintError;

/// What stands between the statement's draft and a final print.
pub fn statement_checks(store: &Store, statement_id: &str) -> Result<Vec<PrintCheck>, PrintError> {
    let statement = store.statement(statement_id)?;
    checks_of(store, &statement)
}

fn checks_of(store: &Store, statement: &Statement) -> Result<Vec<PrintCheck>, PrintError> {
    checks_for(store, &statement.case_id, &statement.draft)
}

fn checks_for(
    store: &Store,
    case_id: &str,
    draft: &amparo_core::StatementDraft,
) -> Result<Vec<PrintCheck>, PrintError> {
    let declarant = store.declarant(&draft.declarant_id)?;
    let letters = store.exhibit_letters(case_id)?;
    let wording = store.wording_map()?;
    let exists = |cited: &Citation| store.exhibit_exists(cited).unwrap_or(false);
    let has_clause = |lang: &str| wording.contains_key(&format!("clauseOutsideUs.{lang}"));
    let mut checks = check_for_print(
        draft,
        &declarant,
        &letters,
        &exists,
        &has_clause,
        &crate::fonts::unprintable,
    );
    // Said before signing, while the caption can still change: the packet
    // refuses a declaration signed under another caption than its own.
    let packet = store.packet(case_id)?;
    if draft.caption.kind != amparo_core::CaptionKind::None
        && crate::packet::packet_caption(&packet)
            .is_some_and(|own| !crate::packet::signed_for(&draft.caption, &own))
    {
        checks.push(amparo_core::statement_check(
            PrintCheckCode::CaptionUnlikePacket,
            false,
            Vec::new(),
        ));
    }
    Ok(checks)
}

/// Prints the statement's current text: a draft (marked DRAFT on every
/// page, always allowed) or the pages to sign (refused while a check
/// blocks). Returns PDF bytes.
pub fn print_statement(
    store: &Store,
    statement_id: &str,
    purpose: Purpose,
) -> Result<Vec<u8>, PrintError> {
    let statement = store.statement(statement_id)?;
    if purpose == Purpose::Filing {
        return Err(PrintError::Core(Error::NotFound(
            "a filing set is printed from a signed version".into(),
        )));
    }
    let checks = checks_of(store, &statement)?;
    // A draft prints whatever else is missing, but never with boxes where
    // the declarant's words should be.
    let refused = match purpose {
        Purpose::ForSignature => !ready_for_final(&checks),
        _ => checks
            .iter()
            .any(|c| c.code == PrintCheckCode::UnprintableCharacters),
    };
    if refused {
        return Err(PrintError::NotReady(checks));
    }
    render(
        store,
        &statement,
        &statement.draft,
        purpose,
        None,
        Vec::new(),
    )?
    .pdf()
}

/// Renders `statement`'s current draft (for the preview).
pub fn preview_statement(
    store: &Store,
    statement_id: &str,
    purpose: Purpose,
) -> Result<crate::Pages, PrintError> {
    let statement = store.statement(statement_id)?;
    render(
        store,
        &statement,
        &statement.draft,
        purpose,
        None,
        Vec::new(),
    )
}

fn render(
    store: &Store,
    statement: &Statement,
    draft: &amparo_core::StatementDraft,
    purpose: Purpose,
    signing: Option<&SigningRecord>,
    scans: Vec<Vec<u8>>,
) -> Result<crate::Pages, PrintError> {
    let case = store.case(&statement.case_id)?;
    let declarant = store.declarant(&draft.declarant_id)?;
    let letters = store.exhibit_letters(&statement.case_id)?;
    let wording = store.wording_map()?;
    let print = StatementPrint {
        case: &case,
        declarant: &declarant,
        draft,
        letters: &letters,
        wording: &wording,
        signing,
        scans,
        scan_prefix: "scan",
        today: crate::today(),
    };
    let c = &draft.caption;
    if c.kind == amparo_core::CaptionKind::FederalCourt && c.initials {
        // Under initials, nothing printed may undo them: names, A-number
        // and birth dates are masked in the text, caption and footers.
        let declarants = store.declarants(&statement.case_id)?;
        let masks = crate::packet::case_masks(&case, &declarants, Some(c), Vec::new());
        return crate::render_declaration_masked(&print, purpose, &masks);
    }
    crate::render_declaration(&print, purpose)
}

/// Records that the statement's current text was signed, as `signing`
/// says, with scans of the signed pages (originals already kept in `blobs`
/// with their print copies). Prints the filing set, keeps its PDF in
/// `blobs`, and adds the signed version. Refused while a check blocks.
pub fn sign_statement(
    store: &mut Store,
    blobs: &BlobStore,
    statement_id: &str,
    signing: &SigningRecord,
    scans: &[String],
) -> Result<SignedVersion, PrintError> {
    // Before anything is printed or stored: a refused record leaves no PDF
    // behind in the blob store.
    amparo_core::check_signing(signing)?;
    let statement = store.statement(statement_id)?;
    let mut checked = statement.draft.clone();
    // The checks look at where it was actually signed.
    checked.place = signing.place.clone();
    let checks = checks_for(store, &statement.case_id, &checked)?;
    if !ready_for_final(&checks) {
        return Err(PrintError::NotReady(checks));
    }
    let images = scans
        .iter()
        .map(|sha| blobs.read_derivative(sha, DerivativeKind::Print))
        .collect::<Result<Vec<_>, _>>()?;
    let pdf = render(
        store,
        &statement,
        &statement.draft,
        Purpose::Filing,
        Some(signing),
        images,
    )?
    .pdf()?;
    let sha = format!("{:x}", Sha256::digest(&pdf));
    blobs.put_original(&sha, &pdf)?;
    Ok(store.add_signed_version(statement_id, &statement.draft, signing, &sha, scans)?)
}

/// The filing set of signed version `number` (from 1) of a statement,
/// exactly as stored when it was marked signed; the custody log records
/// that it was printed.
pub fn print_signed(
    store: &Store,
    blobs: &BlobStore,
    statement_id: &str,
    number: u32,
) -> Result<Vec<u8>, PrintError> {
    let statement = store.statement(statement_id)?;
    let version = statement
        .signed
        .iter()
        .find(|v| v.number == number)
        .ok_or_else(|| Error::NotFound(format!("signed version {number}")))?;
    let pdf = stored_filing_set(blobs, version)?;
    store.record_custody(
        &statement.case_id,
        amparo_core::CustodyAction::PrintedForFiling,
        &format!("statement:{statement_id}#{number}"),
        &version.pdf_sha256,
    )?;
    Ok(pdf)
}

/// The stored filing set of `version`, refused unless its bytes still hash
/// to the SHA-256 recorded when it was marked signed: a changed file is
/// never printed as what was sworn.
pub(crate) fn stored_filing_set(
    blobs: &BlobStore,
    version: &SignedVersion,
) -> Result<Vec<u8>, PrintError> {
    let mismatch = || {
        PrintError::Core(Error::CorruptDatabase(format!(
            "the stored PDF of signed version {} does not match its SHA-256",
            version.number
        )))
    };
    // A sealed file that no longer opens (altered, or another file put in
    // its place) is the same finding as bytes that no longer hash right.
    let pdf = blobs
        .read_original(&version.pdf_sha256)
        .map_err(|e| match e {
            Error::DamagedFile(_) => mismatch(),
            other => PrintError::Core(other),
        })?;
    if format!("{:x}", Sha256::digest(&pdf)) != version.pdf_sha256 {
        return Err(mismatch());
    }
    Ok(pdf)
}

/// Whether a declarant who does not read English should sign in mode B
/// only by choice: mode A is the default for them.
pub fn default_mode(reads_english: amparo_core::ReadsEnglish) -> SigningMode {
    match reads_english {
        amparo_core::ReadsEnglish::Yes => SigningMode::SignEnglish,
        _ => SigningMode::SignOriginal,
    }
}
