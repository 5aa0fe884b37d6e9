//! Who files the packet and who serves it (LEGAL-FORMATS.md section 3a):
//! the cover's filer block, the "Respectfully submitted" block, the
//! certificate of service, and the routes that are not open to them. Only
//! an attorney or accredited representative, or the respondent, can serve
//! through ECAS; anyone else serves on paper at the DHS office's address.

use amparo_core::{
    Applications, Case, CustodyStatus, FilerRole, PacketDraft, PacketProfile, PrintCheck,
    PrintCheckCode, ServiceMethod, fill,
};

use crate::declaration::long_date;
use crate::packet::data::Submitted;
use crate::set_data::{Certificate, Signer, SignerLabels, or_line};

/// The role printed under the filer's signature (section 3a): the person
/// is the respondent in immigration court and the petitioner in a federal
/// habeas case.
fn role_line(role: FilerRole, profile: PacketProfile) -> &'static str {
    match (role, profile) {
        (FilerRole::ProSe, PacketProfile::ImmigrationCourt) => "Respondent, pro se",
        (FilerRole::ProSe, PacketProfile::FederalCourt) => "Petitioner, pro se",
        (FilerRole::Attorney, PacketProfile::ImmigrationCourt) => "Attorney for Respondent",
        (FilerRole::Attorney, PacketProfile::FederalCourt) => "Attorney for Petitioner",
        (FilerRole::AccreditedRepresentative, _) => "Accredited Representative",
    }
}

/// The name the filer signs with: pro se, the respondent's record name;
/// otherwise the name typed, or the attorney of record's.
pub(crate) fn filer_name(case: &Case, d: &PacketDraft) -> String {
    match d.filer.role {
        FilerRole::ProSe => case.person.record_name.trim().to_owned(),
        _ if d.filer.name.trim().is_empty() => case.attorney.name.trim().to_owned(),
        _ => d.filer.name.trim().to_owned(),
    }
}

fn eoir_id(case: &Case, d: &PacketDraft) -> String {
    if d.filer.eoir_id.trim().is_empty() {
        case.attorney.eoir_id.trim().to_owned()
    } else {
        d.filer.eoir_id.trim().to_owned()
    }
}

/// The cover's top-left block: for a representative, name, firm, address,
/// phone, email and EOIR ID; pro se, the respondent's name, A-number,
/// address (the facility's when detained) and "Pro se".
pub(crate) fn filer_lines(case: &Case, d: &PacketDraft) -> Vec<String> {
    let f = &d.filer;
    let mut lines = vec![filer_name(case, d)];
    match f.role {
        FilerRole::ProSe => {
            // The A-number identifies a respondent to the immigration
            // court; a federal petition is found by its case number.
            if d.profile == PacketProfile::ImmigrationCourt && !case.person.a_number.is_empty() {
                lines.push(case.person.a_number.clone());
            }
            if case.custody.status == CustodyStatus::Detained && !case.custody.facility.is_empty() {
                lines.push(case.custody.facility.clone());
            }
        }
        _ => {
            if d.profile == PacketProfile::FederalCourt && !f.bar_number.trim().is_empty() {
                lines.push(format!("Bar No. {}", f.bar_number.trim()));
            }
            lines.push(f.firm.clone());
        }
    }
    lines.extend(f.address.lines().map(str::to_owned));
    lines.push(f.phone.clone());
    lines.push(f.email.clone());
    match f.role {
        FilerRole::ProSe => lines.push("Pro se".to_owned()),
        _ if d.profile == PacketProfile::ImmigrationCourt => {
            let id = eoir_id(case, d);
            if !id.is_empty() {
                lines.push(format!("EOIR ID: {id}"));
            }
        }
        _ => {}
    }
    lines.retain(|l| !l.trim().is_empty());
    lines.iter().map(|l| l.trim().to_owned()).collect()
}

/// "his", "her" or "their", from the pronouns the person gives.
pub(crate) fn possessive(pronouns: &str) -> &'static str {
    let first = pronouns
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    match first.as_str() {
        "he" | "him" | "his" | "él" | "el" => "his",
        "she" | "her" | "hers" | "ella" => "her",
        _ => "their",
    }
}

/// The cover's title naming what the evidence supports (section 3a):
/// "RESPONDENT'S SUBMISSION OF EVIDENCE IN SUPPORT OF HIS APPLICATION FOR
/// ASYLUM, WITHHOLDING OF REMOVAL, AND PROTECTION UNDER THE CONVENTION
/// AGAINST TORTURE". Without any chosen, the submission alone.
pub(crate) fn submission_title(case: &Case, a: &Applications) -> String {
    let mut relief: Vec<String> = Vec::new();
    if a.asylum {
        relief.push("ASYLUM".into());
    }
    if a.withholding {
        relief.push("WITHHOLDING OF REMOVAL".into());
    }
    if a.torture_convention {
        relief.push("PROTECTION UNDER THE CONVENTION AGAINST TORTURE".into());
    }
    let mut wanted = Vec::new();
    if !relief.is_empty() {
        wanted.push(relief);
    }
    if a.bond {
        wanted.push(vec!["BOND".into()]);
    }
    if !a.other.trim().is_empty() {
        wanted.push(vec![a.other.trim().to_uppercase()]);
    }
    let base = "RESPONDENT'S SUBMISSION OF EVIDENCE".to_owned();
    if wanted.is_empty() {
        return base;
    }
    let noun = if wanted.len() == 1 {
        "APPLICATION"
    } else {
        "APPLICATIONS"
    };
    let items: Vec<String> = wanted.into_iter().map(series).collect();
    format!(
        "{base} IN SUPPORT OF {} {noun} FOR {}",
        possessive(&case.person.pronouns).to_uppercase(),
        series(items)
    )
}

/// "A", "A AND B", "A, B, AND C".
fn series(items: Vec<String>) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} AND {b}"),
        [rest @ .., last] => format!("{}, AND {last}", rest.join(", ")),
    }
}

/// Who signs the certificate of service.
pub(crate) fn server_name(case: &Case, d: &PacketDraft) -> String {
    if d.service.by_filer {
        filer_name(case, d)
    } else {
        d.service.server_name.trim().to_owned()
    }
}

/// A date as printed, or a line to write it on.
fn date_or_line(iso: &str) -> String {
    if iso.is_empty() {
        or_line("", 12)
    } else {
        long_date(iso, "en")
    }
}

/// The certificate of service, in the first person of whoever serves.
pub(crate) fn service_certificate(
    case: &Case,
    d: &PacketDraft,
    title: &str,
    word: &dyn Fn(&str) -> String,
) -> Certificate {
    let s = &d.service;
    let date = date_or_line(&s.date);
    let document = format!("“{title}”");
    let name = or_line(&server_name(case, d), 24);
    let recipient = or_line(&s.recipient, 24);
    let method = if s.method == ServiceMethod::Hand {
        "hand delivery"
    } else {
        "first-class mail"
    };
    let address = s
        .address
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let address = or_line(&address, 40);
    let text = match (s.method, d.profile) {
        (ServiceMethod::Ecas, _) => fill(
            &word("serviceEcas.en"),
            &[("date", &date), ("document", &document)],
        ),
        (_, PacketProfile::ImmigrationCourt) => fill(
            &word("serviceOpla.en"),
            &[
                ("name", &name),
                ("date", &date),
                ("document", &document),
                ("address", &address),
                ("method", method),
            ],
        ),
        (_, PacketProfile::FederalCourt) => fill(
            &word("serviceCertificate.en"),
            &[
                ("date", &date),
                ("document", &document),
                ("recipient", &recipient),
                ("address", &address),
                ("method", method),
            ],
        ),
    };
    Certificate {
        title: "Certificate of Service".into(),
        text,
        signer: Signer {
            name,
            address: None,
            phone: None,
        },
        labels: SignerLabels::short(),
        signed_on: (!s.date.is_empty()).then(|| long_date(&s.date, "en")),
        sworn: None,
    }
}

/// The filer's "Respectfully submitted" block, dated as served.
pub(crate) fn submitted(case: &Case, d: &PacketDraft, word: &dyn Fn(&str) -> String) -> Submitted {
    let name = filer_name(case, d);
    let federal = d.profile == PacketProfile::FederalCourt;
    let bar = d.filer.bar_number.trim();
    // An attorney filing through CM/ECF signs "/s/ Name" (LEGAL-FORMATS.md
    // section 4); anyone else signs by hand.
    let e_signed = d.service.method == ServiceMethod::Cmecf && d.filer.role.represents();
    Submitted {
        title: "Signature of the Filer",
        text: word("respectfullySubmitted.en"),
        bar_number: (federal && !bar.is_empty()).then(|| format!("Bar No. {bar}")),
        e_signature: (e_signed && !name.is_empty()).then(|| format!("/s/ {name}")),
        name,
        role: role_line(d.filer.role, d.profile),
        signed_on: (!d.service.date.is_empty()).then(|| long_date(&d.service.date, "en")),
        scan: None,
    }
}

fn check(code: PrintCheckCode, blocks: bool, subject: &str, message: String) -> PrintCheck {
    PrintCheck {
        code,
        blocks,
        subject: subject.to_owned(),
        paragraphs: Vec::new(),
        letters: Vec::new(),
        message,
    }
}

/// What stands between the filer and service as set and a filing: a
/// route that is not open to who serves, a missing name or address.
/// `hand_signed` names the pages to sign by hand before a paper filing.
pub(crate) fn filer_checks(
    case: &Case,
    d: &PacketDraft,
    hand_signed: &[String],
) -> Vec<PrintCheck> {
    use PrintCheckCode as C;
    let mut found = Vec::new();
    let f = &d.filer;
    if f.role.represents() {
        if filer_name(case, d).is_empty() {
            found.push(check(
                C::NoFilerName,
                true,
                "",
                "the cover does not say which attorney or representative files it".into(),
            ));
        }
        // An EOIR ID is the immigration court's; a federal court knows
        // the attorney by bar admission and CM/ECF login.
        if d.profile == PacketProfile::ImmigrationCourt && eoir_id(case, d).is_empty() {
            found.push(check(
                C::NoEoirId,
                true,
                "",
                "an attorney or accredited representative files with their EOIR ID".into(),
            ));
        }
        if d.profile == PacketProfile::ImmigrationCourt && !f.eoir28_on_file {
            found.push(check(
                C::NoNoticeOfAppearance,
                false,
                "",
                "no Form EOIR-28 is on file: the court will not know the attorney or representative appears for the respondent".into(),
            ));
        }
    }
    let s = &d.service;
    let server = server_name(case, d);
    if !s.by_filer && server.is_empty() {
        found.push(check(
            C::NoServer,
            true,
            "",
            "the certificate of service does not say who served it".into(),
        ));
    }
    match (s.method, d.profile) {
        (ServiceMethod::Ecas, PacketProfile::FederalCourt) => found.push(check(
            C::EcasNotInFederalCourt,
            true,
            "",
            "ECAS is the immigration court's system; a federal court is served another way".into(),
        )),
        // Through ECAS only the filer serves: an attorney or accredited
        // representative (Case Portal), or the respondent (Respondent Access).
        (ServiceMethod::Ecas, PacketProfile::ImmigrationCourt) if !s.by_filer => {
            found.push(check(
                C::EcasNotForServer,
                true,
                &server,
                format!(
                    "{server} cannot serve through ECAS: only an attorney, an accredited representative or the respondent can. {server} can serve on paper instead, by mail or by hand, at the DHS office's address"
                ),
            ));
        }
        (ServiceMethod::Mail | ServiceMethod::Hand, profile) => {
            if s.address.trim().is_empty() {
                found.push(check(
                    C::NoServiceAddress,
                    true,
                    "",
                    "the certificate of service needs the address of the DHS office that was served".into(),
                ));
            }
            if profile == PacketProfile::FederalCourt && s.recipient.trim().is_empty() {
                found.push(check(
                    C::NoServiceRecipient,
                    true,
                    "",
                    "the certificate of service does not say who was served".into(),
                ));
            }
        }
        (ServiceMethod::Ecas, PacketProfile::ImmigrationCourt) => {}
        (ServiceMethod::Cmecf, PacketProfile::ImmigrationCourt) => found.push(check(
            C::CmecfNotInImmigrationCourt,
            true,
            "",
            "CM/ECF is the federal courts' system; an immigration court is served through ECAS or on paper".into(),
        )),
        // Filing through CM/ECF serves every registered party, and then no
        // certificate of service is required (Fed. R. Civ. P. 5(b)(2)(E),
        // 5(d)(1)(B)).
        (ServiceMethod::Cmecf, PacketProfile::FederalCourt) => {}
    }
    let on_paper = matches!(s.method, ServiceMethod::Mail | ServiceMethod::Hand);
    if on_paper && !hand_signed.is_empty() {
        found.push(check(
            C::SignByHand,
            false,
            "",
            format!(
                "before it goes out on paper, sign by hand: {}",
                hand_signed.join("; ")
            ),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::series;

    #[test]
    fn lists_read_as_english_lists() {
        let s = |v: &[&str]| series(v.iter().map(|x| (*x).to_owned()).collect());
        assert_eq!(s(&["ASYLUM"]), "ASYLUM");
        assert_eq!(s(&["ASYLUM", "BOND"]), "ASYLUM AND BOND");
        assert_eq!(s(&["A", "B", "C"]), "A, B, AND C");
    }
}
