//! What must be right before a packet is printed for filing. A draft
//! packet always prints (marked DRAFT); these say what stands between it
//! and one a clerk would accept. Each finding carries an English message
//! (for the command line) and a code with its letters and subject (for the
//! window to say in the user's language).

use amparo_core::{ExhibitItem, PrintCheck, PrintCheckCode};

use crate::packet::caption::{caption_differs, packet_caption, signed_for};
use crate::packet::filer::filer_checks;
use crate::packet::gather::{Body, Gathered};
use crate::packet::links::NamedLink;
use crate::packet::redact::Redactor;

fn check(
    code: PrintCheckCode,
    blocks: bool,
    letters: Vec<String>,
    subject: &str,
    message: String,
) -> PrintCheck {
    PrintCheck {
        code,
        blocks,
        subject: subject.to_owned(),
        paragraphs: Vec::new(),
        letters,
        message,
    }
}

/// Every finding about the gathered packet. `redactor` is the public
/// filing profile's, when it is on.
pub(crate) fn packet_checks(g: &Gathered, redactor: Option<&Redactor>) -> Vec<PrintCheck> {
    use PrintCheckCode as C;
    let mut found = Vec::new();
    if g.exhibits.is_empty() {
        found.push(check(
            C::NoExhibits,
            true,
            vec![],
            "",
            "the packet has no exhibits".into(),
        ));
    }
    for c in &g.conflicts {
        let pin = &c.pin;
        match &c.packet_letter {
            Some(now) => found.push(check(
                C::PinnedLetterMoved,
                true,
                vec![pin.letter.clone(), now.clone()],
                &pin.statement_title,
                format!(
                    "“{}” was signed citing Exhibit {}, which would be Exhibit {} in this order",
                    pin.statement_title, pin.letter, now
                ),
            )),
            None => found.push(check(
                C::CitedExhibitLeftOut,
                true,
                vec![pin.letter.clone()],
                &pin.statement_title,
                format!(
                    "“{}” cites Exhibit {}, which is not in the packet",
                    pin.statement_title, pin.letter
                ),
            )),
        }
    }
    if g.draft.profile == amparo_core::PacketProfile::FederalCourt {
        let c = &g.draft.caption;
        let mut missing = c.missing_federal_parts();
        if g.draft.title.trim().is_empty() && c.supports.trim().is_empty() {
            missing.push("supports");
        }
        for part in missing {
            found.push(check(
                C::CaptionIncomplete,
                true,
                vec![],
                part,
                format!(
                    "the federal caption has no {}",
                    amparo_core::Caption::part_name(part)
                ),
            ));
        }
        if c.case_number.trim().is_empty() {
            found.push(check(
                C::NoCaseNumber,
                false,
                vec![],
                "",
                "the caption has no case number: a line is left for the clerk, as for exhibits filed with a new petition".into(),
            ));
        }
    }
    let mut sworn: Vec<ExhibitItem> = Vec::new();
    for e in &g.exhibits {
        let Body::Statement {
            statement,
            declarant,
        } = &e.body
        else {
            continue;
        };
        let title = &statement.draft.title;
        match statement.signed.last() {
            None => found.push(check(
                C::StatementNotSigned,
                true,
                vec![e.letter.clone()],
                title,
                format!("“{title}” (Exhibit {}) is not signed yet", e.letter),
            )),
            Some(v) => {
                if v.draft != statement.draft {
                    found.push(check(
                        C::ChangedSinceSigned,
                        false,
                        vec![e.letter.clone()],
                        title,
                        format!(
                            "“{title}” changed after it was signed; Exhibit {} prints the signed version {}",
                            e.letter, v.number
                        ),
                    ));
                }
                sworn.extend(
                    v.draft
                        .paragraphs
                        .iter()
                        .flat_map(|p| p.exhibits.iter().map(|c| c.item.clone())),
                );
                if let Some(why) = caption_differs(&v.draft.caption, &g.draft) {
                    found.push(check(
                        C::CaptionDiffers,
                        true,
                        vec![e.letter.clone()],
                        title,
                        format!(
                            "“{title}” (Exhibit {}) was signed {why}; signed pages cannot change, so print a new version for signature with this packet's caption",
                            e.letter
                        ),
                    ));
                }
                if v.scans.is_empty() {
                    let name = &declarant.record.full_name;
                    found.push(check(
                        C::SignedPagesNotScanned,
                        true,
                        vec![e.letter.clone()],
                        name,
                        format!(
                            "Scan the signed pages of {name}'s declaration (Exhibit {})",
                            e.letter
                        ),
                    ));
                }
                // The packet prints the signed pages as stored: nothing on
                // them can be masked, so a public filing cannot carry them
                // when they show what it hides.
                if let Some(r) = redactor
                    && shows_what_is_hidden(g, r, v, declarant)
                {
                    found.push(check(
                        C::CannotRedact,
                        true,
                        vec![e.letter.clone()],
                        &v.draft.title,
                        format!(
                            "the signed pages of “{}” (Exhibit {}) show what a public filing must hide, and signed pages print as they were signed",
                            v.draft.title, e.letter
                        ),
                    ));
                }
            }
        }
    }
    // Photos no signed statement vouches for, in this packet or not.
    for pin in &g.pins {
        if let Some(item) = pin.item.as_exhibit() {
            sworn.push(item);
        }
    }
    for e in &g.exhibits {
        if let Body::Photo(p) = &e.body {
            if p.damaged {
                found.push(check(
                    C::PhotoDamaged,
                    false,
                    vec![e.letter.clone()],
                    "",
                    format!(
                        "the file of the photo in Exhibit {} is damaged: part of the picture is missing; if someone still has the photo, ask for it again",
                        e.letter
                    ),
                ));
            }
            let item = ExhibitItem {
                kind: amparo_core::ExhibitKind::Photo,
                id: p.id.clone(),
            };
            if !sworn.contains(&item) {
                found.push(check(
                    C::PhotoNotSworn,
                    false,
                    vec![e.letter.clone()],
                    "",
                    format!(
                        "no signed statement refers to the photo in Exhibit {}; someone should swear to what it shows",
                        e.letter
                    ),
                ));
            }
        }
    }
    let foreign: Vec<&crate::packet::gather::Exhibit> =
        g.exhibits.iter().filter(|e| e.has_foreign_text()).collect();
    if !foreign.is_empty() && g.draft.translator.name.trim().is_empty() {
        let letters: Vec<String> = foreign.iter().map(|e| e.letter.clone()).collect();
        found.push(check(
            C::NoTranslator,
            true,
            letters.clone(),
            "",
            format!(
                "text in another language is printed in Exhibit {}; name who translated it, for the certificate of translation",
                letters.join(", ")
            ),
        ));
    }
    for e in foreign {
        if let Body::Tattoo { tattoo, .. } = &e.body
            && tattoo.record.meaning_english.trim().is_empty()
        {
            found.push(check(
                C::MeaningNotTranslated,
                true,
                vec![e.letter.clone()],
                "",
                format!(
                    "the meaning in Exhibit {} has no English translation",
                    e.letter
                ),
            ));
        }
        if let Body::Document(d) = &e.body {
            // An excerpt needs the pages it prints translated.
            let missing: Vec<u32> = d
                .printed_pages()
                .filter(|p| p.translation.trim().is_empty())
                .map(|p| p.number)
                .collect();
            if !missing.is_empty() {
                let list: Vec<String> = missing.iter().map(u32::to_string).collect();
                found.push(PrintCheck {
                    paragraphs: missing,
                    ..check(
                        C::PagesNotTranslated,
                        true,
                        vec![e.letter.clone()],
                        "",
                        format!(
                            "Exhibit {}: no English translation yet for these pages: {}",
                            e.letter,
                            list.join(", ")
                        ),
                    )
                });
            }
        }
    }
    // typst refuses to place a stored PDF's pages in a PDF/A file, and
    // sworn pages are never typeset again.
    let signed: Vec<String> = g
        .exhibits
        .iter()
        .filter(|e| e.signed().is_some())
        .map(|e| e.letter.clone())
        .collect();
    if g.draft.pdf_a && !signed.is_empty() {
        found.push(check(
            C::SignedPagesNotInPdfA,
            true,
            signed.clone(),
            "",
            format!(
                "a PDF/A file cannot hold the signed pages of Exhibit {} as they were signed; turn off PDF/A to file this packet",
                signed.join(", ")
            ),
        ));
    }
    let pdfs: Vec<String> = g
        .exhibits
        .iter()
        .filter(|e| matches!(&e.body, Body::Document(d) if d.pdf_sha256.is_some()))
        .map(|e| e.letter.clone())
        .collect();
    if g.draft.pdf_a && !pdfs.is_empty() {
        found.push(check(
            C::DocumentPdfNotInPdfA,
            true,
            pdfs.clone(),
            "",
            format!(
                "a PDF/A file cannot hold the pages of the PDF in Exhibit {}; turn off PDF/A to file this packet",
                pdfs.join(", ")
            ),
        ));
    }
    found.extend(table_checks(g));
    let mut hand_signed = vec![
        "the signature under “Respectfully submitted” on the index".to_owned(),
        "the certificate of service".to_owned(),
    ];
    if !g.draft.translator.name.trim().is_empty() && g.exhibits.iter().any(|e| e.has_foreign_text())
    {
        hand_signed.push("the certificate of translation".to_owned());
    }
    found.extend(filer_checks(&g.case, &g.draft, &hand_signed));
    found.extend(unsigned_pages(g));
    found
}

/// Whether the signed pages of `v` show something the public-filing
/// profile hides: in its text, its title, the declarant's name, the
/// caption (the person's name and A-number) or the footer on every page.
fn shows_what_is_hidden(
    g: &Gathered,
    r: &Redactor,
    v: &amparo_core::SignedVersion,
    declarant: &amparo_core::Declarant,
) -> bool {
    // Signed under this packet's caption with initials, its pages were
    // printed under the same masks.
    if v.draft.caption.initials
        && packet_caption(&g.draft).is_some_and(|c| signed_for(&v.draft.caption, &c))
    {
        return false;
    }
    let person = &g.case.person;
    let person_shown = !person.a_number.is_empty() || r.finds(&person.record_name);
    let footer = v.draft.name_on_every_page && person_shown;
    let c = &v.draft.caption;
    let caption = match c.kind {
        amparo_core::CaptionKind::None => false,
        amparo_core::CaptionKind::ImmigrationCourt => person_shown,
        amparo_core::CaptionKind::FederalCourt => {
            r.finds(&c.petitioners) || r.finds(&c.respondents) || r.finds(&c.case_number)
        }
    };
    let text = v
        .draft
        .paragraphs
        .iter()
        .any(|p| r.finds(&p.original) || r.finds(&p.english))
        || r.finds(&declarant.record.full_name)
        || r.finds(&v.draft.title)
        || r.finds(&v.draft.title_original);
    footer || caption || text
}

/// Filed electronically, the packet carries the scan of each of its own
/// pages that someone signs: the filer's under "Respectfully submitted",
/// the certificate of service and each certificate of translation.
fn unsigned_pages(g: &Gathered) -> Vec<PrintCheck> {
    use PrintCheckCode as C;
    use amparo_core::{PacketSignature as S, ServiceMethod};
    let method = g.draft.service.method;
    if !matches!(method, ServiceMethod::Ecas | ServiceMethod::Cmecf) {
        return Vec::new();
    }
    let mut pages = Vec::new();
    // Through CM/ECF an attorney or representative signs "/s/ Name"; a
    // filer without a CM/ECF login signs by hand.
    if method == ServiceMethod::Ecas || !g.draft.filer.role.represents() {
        pages.push((
            S::Submission,
            C::SubmissionNotSigned,
            String::new(),
            None,
            "the index, signed under “Respectfully submitted”",
        ));
    }
    if method.needs_certificate() {
        pages.push((
            S::Service,
            C::ServiceNotSigned,
            String::new(),
            None,
            "the signed certificate of service",
        ));
    }
    for e in &g.exhibits {
        if e.has_foreign_text() {
            pages.push((
                S::Translation,
                C::TranslationNotSigned,
                e.item.id.clone(),
                Some(e.letter.clone()),
                "the signed certificate of translation of Exhibit",
            ));
        }
    }
    pages
        .into_iter()
        .filter(|(signature, _, item, ..)| g.draft.signed_page(*signature, item).is_none())
        .map(|(_, code, _, letter, page)| {
            let page = match &letter {
                Some(l) => format!("{page} {l}"),
                None => page.to_owned(),
            };
            check(
                code,
                true,
                letter.into_iter().collect(),
                "",
                format!("filed electronically, the packet needs the scan of {page}"),
            )
        })
        .collect()
}

/// What the chronology and the rebuttal table cite that the packet lacks,
/// and allegations they list with nothing to answer them.
fn table_checks(g: &Gathered) -> Vec<PrintCheck> {
    use PrintCheckCode as C;
    let mut found = Vec::new();
    for e in &g.exhibits {
        let cited: Vec<&NamedLink> = match &e.body {
            Body::Chronology(events) => events.iter().flat_map(|(_, links)| links).collect(),
            Body::Rebuttal(allegations) => {
                for named in allegations {
                    let a = &named.allegation.allegation;
                    if named.answers.is_empty() && a.response.trim().is_empty() {
                        found.push(check(
                            C::AllegationUnanswered,
                            false,
                            vec![e.letter.clone()],
                            &a.criterion,
                            format!(
                                "Exhibit {} lists “{}” with nothing that answers it",
                                e.letter, a.criterion
                            ),
                        ));
                    }
                }
                allegations
                    .iter()
                    .flat_map(|a| a.source.iter().chain(&a.answers))
                    .collect()
            }
            _ => continue,
        };
        let mut named: Vec<&str> = Vec::new();
        for link in cited {
            let item = link.link.packet_item();
            let inside = g.exhibits.iter().any(|x| x.item == item);
            if !inside && !named.contains(&link.name.as_str()) {
                named.push(&link.name);
                found.push(check(
                    C::TableCitesOutside,
                    false,
                    vec![e.letter.clone()],
                    &link.name,
                    format!(
                        "Exhibit {} cites {}, which is not in this packet",
                        e.letter, link.name
                    ),
                ));
            }
        }
    }
    found
}

/// A check for an exhibit too big to fit any part.
pub(crate) fn too_large(letter: &str, limit_mb: u32) -> PrintCheck {
    check(
        PrintCheckCode::ExhibitTooLarge,
        true,
        vec![letter.to_owned()],
        "",
        format!("Exhibit {letter} alone is larger than the {limit_mb} MB limit"),
    )
}

/// True when nothing blocks a final print.
pub fn packet_ready(checks: &[PrintCheck]) -> bool {
    !checks.iter().any(|c| c.blocks)
}
