//! The shape of a declaration set as `templates/parts.typ` reads it from
//! `sys.inputs.data`. Field names are the template's keys (kebab-case);
//! a key a template reads must be a field here, which
//! `template_keys` checks.

use serde::Serialize;

/// A declaration set: what `templates/declaration.typ` reads.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct DeclarationSet {
    /// The PDF's metadata title: the kind of document, never a person's
    /// name (viewers show it in title bars and recent-file lists).
    pub document_title: &'static str,
    pub example: bool,
    pub draft: bool,
    pub parts: Vec<Part>,
}

/// One part of a set, numbered "Page N of M" on its own.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(crate) enum Part {
    Declaration(DeclarationPart),
    Certificate(CertificatePart),
    Scans(ScansPart),
}

/// A declaration in one language.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct DeclarationPart {
    /// typst's language code (ISO 639) of the text.
    pub lang: &'static str,
    /// For Chinese, the region whose characters it is written in.
    pub region: Option<&'static str>,
    /// "rtl" for the Arabic script, else "ltr".
    pub dir: &'static str,
    /// "Translation" above the English text of a statement signed in
    /// another language.
    pub heading: Option<&'static str>,
    pub caption: Option<Caption>,
    pub title: String,
    pub opening: String,
    pub paragraphs: Vec<NumberedParagraph>,
    pub clause: String,
    pub executed: Executed,
    pub signature: Signature,
    pub footer: Option<String>,
    pub page_label: Option<[&'static str; 2]>,
}

/// The court caption: the court (and its division), and the two boxes
/// under it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Caption {
    pub court: String,
    pub division: Option<String>,
    pub left: Vec<String>,
    pub right: Vec<String>,
}

impl Caption {
    /// A federal court's caption (Fed. R. Civ. P. 10, LEGAL-FORMATS.md
    /// section 4): the court and division in capitals; the petitioner,
    /// through a next friend when there is one (`next_friend_line` is the
    /// setting's sentence, filled); each side with its role; the case
    /// number.
    pub fn federal(c: &amparo_core::Caption, next_friend_line: Option<String>) -> Self {
        // "et al." names more than one party on that side.
        let role = |names: &str, one: &str, many: &str| {
            if names.to_lowercase().contains("et al") {
                many.to_owned()
            } else {
                one.to_owned()
            }
        };
        let petitioner = next_friend_line.unwrap_or_else(|| format!("{},", c.petitioners.trim()));
        let division = c.division.trim();
        Self {
            court: c.court.trim().to_uppercase(),
            division: (!division.is_empty()).then(|| division.to_uppercase()),
            left: vec![
                petitioner,
                role(&c.petitioners, "Petitioner,", "Petitioners,"),
                "v.".into(),
                format!("{},", c.respondents.trim()),
                role(&c.respondents, "Respondent.", "Respondents."),
            ],
            right: vec![format!("Case No. {}", or_line(&c.case_number, 12))],
        }
    }
}

/// `typed`, or a line `width` characters long to write it on by hand
/// (the case number for the clerk, a draft's missing address), so a page
/// never prints a label with nothing after it.
pub(crate) fn or_line(typed: &str, width: usize) -> String {
    match typed.trim() {
        "" => "_".repeat(width),
        text => text.to_owned(),
    }
}

/// A numbered paragraph, its exhibit letters already in the text.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NumberedParagraph {
    pub n: usize,
    pub text: String,
}

/// "Executed on DATE at PLACE"; blank lines where not yet known.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Executed {
    pub label: String,
    pub date: Option<String>,
    pub at: &'static str,
    pub place: Option<String>,
}

/// The signature line: the name, and "[signed]" on a filing copy.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Signature {
    pub name: String,
    pub mark: Option<&'static str>,
}

/// A certificate as part of a declaration set.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct CertificatePart {
    pub lang: &'static str,
    #[serde(flatten)]
    pub certificate: Certificate,
    pub footer: Option<String>,
    pub page_label: Option<[&'static str; 2]>,
}

/// A certificate's text and who signs it (`signer-block` in parts.typ);
/// the packet prints its own certificates with the same shape.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct Certificate {
    pub title: String,
    pub text: String,
    pub signer: Signer,
    pub labels: SignerLabels,
    pub signed_on: Option<String>,
    /// Made under 28 U.S.C. § 1746: the clause and "Executed on ... at
    /// ...", which then carries the date.
    pub sworn: Option<Sworn>,
}

/// The § 1746 clause under a certificate, and where and when it was made.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Sworn {
    pub clause: String,
    pub executed: Executed,
}

/// Who signs a certificate. Address and telephone are left out where the
/// form has no line for them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Signer {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// The labels of a certificate's signature rows; a row without a label is
/// not printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SignerLabels {
    pub signature: &'static str,
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'static str>,
}

impl SignerLabels {
    /// Signature, name, address, telephone and date.
    pub fn full() -> Self {
        Self {
            signature: "Signature:",
            name: "Printed name:",
            address: Some("Address:"),
            phone: Some("Telephone:"),
            date: Some("Date:"),
        }
    }

    /// Signature, name, address and telephone: the date is on the
    /// "Executed on" line of a sworn certificate.
    pub fn sworn() -> Self {
        Self {
            date: None,
            ..Self::full()
        }
    }

    /// Signature, name and date only.
    pub fn short() -> Self {
        Self {
            address: None,
            phone: None,
            ..Self::full()
        }
    }
}

/// Scans of the signed pages, one per page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct ScansPart {
    pub lang: &'static str,
    pub title: String,
    pub images: Vec<String>,
    pub footer: Option<String>,
    pub page_label: Option<[&'static str; 2]>,
}
