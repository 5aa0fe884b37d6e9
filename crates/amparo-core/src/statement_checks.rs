//! What must be right before a statement or a packet is printed for
//! signature or for filing. Drafts print anyway, marked DRAFT; a check says
//! what stands between the draft and a final print. Statements and packets
//! share one shape: a code the window translates (with the paragraphs,
//! letters and subject it names) and the same in English for the command
//! line. A refused print carries the checks that refused it.

use serde::Serialize;
use ts_rs::TS;

use crate::declarant::Declarant;
use crate::exhibit::{Citation, ExhibitLetter};
use crate::fold::fold;
use crate::statement::StatementDraft;

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PrintCheckCode {
    /// The statement has no paragraphs.
    NoParagraphs,
    /// Where it will be signed is not known, so the clause cannot be chosen.
    NoPlaceOfSigning,
    /// Paragraphs with no text in the declarant's language.
    EmptyParagraphs,
    /// Paragraphs with no English translation.
    UntranslatedParagraphs,
    /// No translator or interpreter named.
    NoLanguageHelper,
    /// The translator or interpreter is the declarant or a close relative.
    HelperIsDeclarantOrRelative,
    /// A paragraph refers to a photo, tattoo record or document that no
    /// longer exists, or to a page its document does not have.
    MissingExhibit,
    /// A paragraph refers to an exhibit that has no letter yet.
    ExhibitWithoutLetter,
    /// The clause has no wording in the statement's language; sign the
    /// English text instead (mode B) or add the wording in settings.
    NoClauseInLanguage,
    /// An English text is read to a declarant whose language is not
    /// recorded: the certificate of interpretation could not name it.
    DeclarantLanguageUnknown,
    /// It is to be signed in another country than the one where the
    /// declarant lives, and no reason is given.
    PlaceNotWhereDeclarantLives,
    /// Paragraphs with characters that no font Amparo carries can print:
    /// they would come out as empty boxes.
    UnprintableCharacters,
    /// The packet has no exhibits.
    NoExhibits,
    /// A letter a signed statement cites would change in this order.
    PinnedLetterMoved,
    /// A signed statement in the packet cites an exhibit left out of it.
    CitedExhibitLeftOut,
    /// A statement in the packet was never signed.
    StatementNotSigned,
    /// A statement was changed after it was signed; the packet prints the
    /// signed version.
    ChangedSinceSigned,
    /// A photo that no signed statement refers to (no one swears to it).
    PhotoNotSworn,
    /// A photo's file is damaged: part of its picture is missing.
    PhotoDamaged,
    /// Foreign-language text is printed and no translator is named.
    NoTranslator,
    /// A tattoo meaning has no English translation.
    MeaningNotTranslated,
    /// A document in another language has pages with no English
    /// translation (their numbers in `paragraphs`).
    PagesNotTranslated,
    /// The certificate of service names no one served.
    NoServiceRecipient,
    /// The certificate of service names no server.
    NoServer,
    /// Public filing: something that cannot be masked (scans of signed
    /// pages showing what the profile hides).
    CannotRedact,
    /// One exhibit alone is bigger than the file size limit.
    ExhibitTooLarge,
    /// The chronology or the rebuttal table cites a record that is not in
    /// the packet.
    TableCitesOutside,
    /// The rebuttal table lists an allegation with nothing that answers it.
    AllegationUnanswered,
    /// An attorney or representative files, and the cover has no name.
    NoFilerName,
    /// An attorney or representative files without an EOIR ID.
    NoEoirId,
    /// An attorney or representative files with no Form EOIR-28 on file.
    NoNoticeOfAppearance,
    /// Service through ECAS by someone who cannot use it.
    EcasNotForServer,
    /// Service through ECAS in a federal court.
    EcasNotInFederalCourt,
    /// CM/ECF is the federal courts' system, not an immigration court's.
    CmecfNotInImmigrationCourt,
    /// A federal caption lacks a part it cannot print without (`subject`
    /// names the fields).
    CaptionIncomplete,
    /// A signed declaration was signed under another caption than the
    /// packet's; its signed pages cannot change.
    CaptionDiffers,
    /// A federal caption with no case number: a line is left for the clerk
    /// (a new petition has none yet).
    NoCaseNumber,
    /// The statement's caption is not the case's federal packet's: signed
    /// so, it could not go in that packet.
    CaptionUnlikePacket,
    /// Paper service without the address served.
    NoServiceAddress,
    /// A paper filing: the pages to sign by hand before it goes out.
    SignByHand,
    /// Filed electronically, the packet lacks the scan of the index signed
    /// by the filer under "Respectfully submitted".
    SubmissionNotSigned,
    /// Filed electronically, the packet lacks the scan of the signed
    /// certificate of service.
    ServiceNotSigned,
    /// Filed electronically, the packet lacks the scan of a signed
    /// certificate of translation (its exhibit's letter).
    TranslationNotSigned,
    /// A signed declaration in the packet has no scans of its signed
    /// pages: a court gets the declarant's real signature, not a typed one.
    SignedPagesNotScanned,
    /// PDF/A is asked for, and it cannot carry signed pages as they were
    /// signed (they are placed as the stored PDF's own pages).
    SignedPagesNotInPdfA,
    /// A PDF/A file cannot hold a filed PDF's own pages.
    DocumentPdfNotInPdfA,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintCheck {
    /// What was found.
    pub code: PrintCheckCode,
    /// True when it blocks a final print; false for a warning.
    pub blocks: bool,
    /// The statement or record concerned, by its title, when any.
    pub subject: String,
    /// The paragraph numbers concerned (from 1), when any.
    pub paragraphs: Vec<u32>,
    /// The exhibit letters concerned, when any.
    pub letters: Vec<String>,
    /// The same in English words, for the command line.
    pub message: String,
}

/// A statement's check: its paragraphs, and its English message.
pub fn statement_check(code: PrintCheckCode, blocks: bool, paragraphs: Vec<u32>) -> PrintCheck {
    let list = paragraphs
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let message = match code {
        PrintCheckCode::NoParagraphs => "the statement has no paragraphs".into(),
        PrintCheckCode::NoPlaceOfSigning => {
            "where it will be signed is not known (the country picks the perjury clause)".into()
        }
        PrintCheckCode::EmptyParagraphs => format!("paragraphs with no text: {list}"),
        PrintCheckCode::UntranslatedParagraphs => {
            format!("paragraphs with no English translation: {list}")
        }
        PrintCheckCode::NoLanguageHelper => "no translator or interpreter is named".into(),
        PrintCheckCode::HelperIsDeclarantOrRelative => {
            "the translator is the declarant or a close relative; a court may question it".into()
        }
        PrintCheckCode::MissingExhibit => {
            format!("paragraphs refer to a photo or tattoo record that was removed: {list}")
        }
        PrintCheckCode::ExhibitWithoutLetter => {
            format!("paragraphs refer to an exhibit with no letter yet: {list}")
        }
        PrintCheckCode::NoClauseInLanguage => {
            "there is no perjury clause in this language; have it signed in English (mode B)".into()
        }
        PrintCheckCode::PlaceNotWhereDeclarantLives => {
            "it is to be signed in another country than the one where the declarant lives; say why, or correct the place"
                .into()
        }
        PrintCheckCode::DeclarantLanguageUnknown => {
            "the declarant's language is not recorded; the interpreter's certificate names it"
                .into()
        }
        PrintCheckCode::UnprintableCharacters => {
            format!("paragraphs with characters no font in Amparo can print: {list}")
        }
        PrintCheckCode::CaptionUnlikePacket => {
            "the case's evidence packet is for a federal court under another caption; signed under this one, the declaration cannot go in it".into()
        }
        other => format!("{other:?}"),
    };
    PrintCheck {
        code,
        blocks,
        subject: String::new(),
        paragraphs,
        letters: Vec::new(),
        message,
    }
}

/// Checks `draft` for a final print. `exists` says whether a referenced
/// record still exists; `letters` are the case's exhibit letters; `has_clause`
/// says whether a clause exists in a language; `unprintable` gives the
/// characters of a text that no font of the printer has.
pub fn check_for_print(
    draft: &StatementDraft,
    declarant: &Declarant,
    letters: &[ExhibitLetter],
    exists: &dyn Fn(&Citation) -> bool,
    has_clause: &dyn Fn(&str) -> bool,
    unprintable: &dyn Fn(&str) -> Vec<char>,
) -> Vec<PrintCheck> {
    let mut found = Vec::new();
    let mut add = |code, blocks, paragraphs: Vec<u32>| {
        found.push(statement_check(code, blocks, paragraphs));
    };
    let numbered = |pred: &dyn Fn(&crate::statement::Paragraph) -> bool| -> Vec<u32> {
        draft
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| pred(p))
            .map(|(i, _)| i as u32 + 1)
            .collect()
    };
    if draft.paragraphs.is_empty() {
        add(PrintCheckCode::NoParagraphs, true, vec![]);
    }
    if draft.place.clause_form().is_none() {
        add(PrintCheckCode::NoPlaceOfSigning, true, vec![]);
    }
    let empty = numbered(&|p| p.original.is_empty());
    if !empty.is_empty() {
        add(PrintCheckCode::EmptyParagraphs, true, empty);
    }
    if !draft.is_english() {
        let untranslated = numbered(&|p| p.english.is_empty());
        if !untranslated.is_empty() {
            add(PrintCheckCode::UntranslatedParagraphs, true, untranslated);
        }
        if draft.helper.name.is_empty() {
            add(PrintCheckCode::NoLanguageHelper, true, vec![]);
        } else if draft.helper.is_relative
            || fold(&draft.helper.name) == fold(&declarant.record.full_name)
        {
            add(PrintCheckCode::HelperIsDeclarantOrRelative, false, vec![]);
        }
        if draft.mode == crate::statement::SigningMode::SignOriginal && !has_clause(&draft.language)
        {
            add(PrintCheckCode::NoClauseInLanguage, true, vec![]);
        }
    } else if declarant.record.reads_english == crate::ReadsEnglish::No {
        // An English text signed by someone who does not read English was
        // read to them: the interpreter certifies it, naming the language.
        if draft.helper.name.is_empty() {
            add(PrintCheckCode::NoLanguageHelper, true, vec![]);
        }
        if declarant
            .record
            .languages
            .iter()
            .all(|l| l.trim().is_empty())
        {
            add(PrintCheckCode::DeclarantLanguageUnknown, true, vec![]);
        }
    }
    if signed_away_from_home(draft, declarant) {
        add(PrintCheckCode::PlaceNotWhereDeclarantLives, true, vec![]);
    }
    let missing = numbered(&|p| p.exhibits.iter().any(|e| !exists(e)));
    if !missing.is_empty() {
        add(PrintCheckCode::MissingExhibit, true, missing);
    }
    let unlettered = numbered(&|p| {
        p.exhibits
            .iter()
            .any(|e| exists(e) && !letters.iter().any(|l| l.item == e.item))
    });
    if !unlettered.is_empty() {
        add(PrintCheckCode::ExhibitWithoutLetter, true, unlettered);
    }
    if draft.caption.kind == crate::statement::CaptionKind::FederalCourt {
        for part in draft.caption.missing_federal_parts() {
            let mut check = statement_check(PrintCheckCode::CaptionIncomplete, true, vec![]);
            check.subject = part.to_owned();
            check.message = format!(
                "the federal caption has no {}",
                crate::statement::Caption::part_name(part)
            );
            found.push(check);
        }
    }
    // Named with the characters themselves, which may be invisible or
    // look like others, so also by code point.
    let mut boxes: Vec<char> = Vec::new();
    let mut unprinted = Vec::new();
    for (i, p) in draft.paragraphs.iter().enumerate() {
        let found: Vec<char> = [&p.original, &p.english]
            .into_iter()
            .flat_map(|text| unprintable(text))
            .collect();
        if !found.is_empty() {
            unprinted.push(i as u32 + 1);
        }
        for c in found {
            if !boxes.contains(&c) {
                boxes.push(c);
            }
        }
    }
    if !unprinted.is_empty() {
        let mut check = statement_check(PrintCheckCode::UnprintableCharacters, true, unprinted);
        let named: Vec<String> = boxes
            .iter()
            .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
            .collect();
        check.message = format!("{} ({})", check.message, named.join(", "));
        found.push(check);
    }
    found
}

/// True when the place of signing is in another country than the one the
/// declarant lives in, with no reason given. A respondent held in a U.S.
/// facility signs where they are held; a country of residence that names
/// no known country is not second-guessed.
fn signed_away_from_home(draft: &StatementDraft, declarant: &Declarant) -> bool {
    let place = &draft.place;
    if !place.reason.trim().is_empty() || place.clause_form().is_none() {
        return false;
    }
    if declarant.record.is_the_person && place.us_detention_facility {
        return false;
    }
    let Some(home) = crate::countries::country_code_of(&declarant.record.country) else {
        return false;
    };
    let signs_in = if place.us_detention_facility {
        "US"
    } else {
        place.country.as_str()
    };
    let inside = |code: &str| crate::signing_place::INSIDE_US.contains(&code);
    home != signs_in && !(inside(home) && inside(signs_in))
}

/// True when nothing found blocks a final print.
pub fn ready_for_final(checks: &[PrintCheck]) -> bool {
    checks.iter().all(|c| !c.blocks)
}
