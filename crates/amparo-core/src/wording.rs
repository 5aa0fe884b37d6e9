//! The legal sentences printed on declarations and certificates. Each is a
//! setting a lawyer can change: the English § 1746 clauses quote the
//! statute; everything else follows LEGAL-FORMATS.md and is marked
//! unconfirmed until a lawyer has checked it. Placeholders in braces
//! (`{name}`) are filled from the statement; the result is printed as plain
//! text, never as markup.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a sentence's default comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WordingSource {
    /// The text of 28 U.S.C. § 1746.
    Statute,
    /// Built from LEGAL-FORMATS.md; a lawyer should confirm it.
    Unconfirmed,
}

/// One printed sentence, its default and whether it was changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WordingEntry {
    /// Stable key (`clauseOutsideUs.en`).
    pub key: String,
    /// The text printed now.
    pub text: String,
    /// The built-in text.
    pub default_text: String,
    /// Where the built-in text comes from.
    pub source: WordingSource,
    /// The placeholders the text may use.
    pub placeholders: Vec<String>,
}

/// The built-in sentences: key, source, placeholders, text.
pub const DEFAULT_WORDING: &[(&str, WordingSource, &[&str], &str)] = &[
    (
        "clauseOutsideUs.en",
        WordingSource::Statute,
        &[],
        "I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.",
    ),
    (
        "clauseInsideUs.en",
        WordingSource::Statute,
        &[],
        "I declare under penalty of perjury that the foregoing is true and correct.",
    ),
    ("executedOn.en", WordingSource::Statute, &[], "Executed on"),
    (
        "opening.en",
        WordingSource::Unconfirmed,
        &["name"],
        "I, {name}, declare under penalty of perjury pursuant to 28 U.S.C. § 1746 as follows:",
    ),
    (
        "overEighteen.en",
        WordingSource::Unconfirmed,
        &[],
        "I am over the age of 18 and have personal knowledge of the facts stated herein.",
    ),
    (
        "clauseOutsideUs.es",
        WordingSource::Unconfirmed,
        &[],
        "Declaro bajo pena de perjurio, conforme a las leyes de los Estados Unidos de América, que lo anterior es verdadero y correcto.",
    ),
    (
        "clauseInsideUs.es",
        WordingSource::Unconfirmed,
        &[],
        "Declaro bajo pena de perjurio que lo anterior es verdadero y correcto.",
    ),
    (
        "executedOn.es",
        WordingSource::Unconfirmed,
        &[],
        "Firmado el",
    ),
    (
        "opening.es",
        WordingSource::Unconfirmed,
        &["name"],
        "Yo, {name}, declaro bajo pena de perjurio, conforme al 28 U.S.C. § 1746, lo siguiente:",
    ),
    (
        "overEighteen.es",
        WordingSource::Unconfirmed,
        &[],
        "Soy mayor de 18 años y tengo conocimiento personal de los hechos aquí declarados.",
    ),
    (
        "translationCertificate.en",
        WordingSource::Unconfirmed,
        &["translator", "language", "documents"],
        "I, {translator}, certify that I am competent to translate from {language} into English, and that the attached English translation of {documents} is complete, true and accurate to the best of my abilities.",
    ),
    (
        "interpretationCertificate.en",
        WordingSource::Unconfirmed,
        &["interpreter", "language", "declarant", "document", "how"],
        "I, {interpreter}, certify that I am competent to interpret between {language} and English. I read {document} to {declarant} in {language}, a language {declarant} understands, {how}. {declarant} indicated that they understood it before signing. My interpretation was true and accurate to the best of my abilities.",
    ),
    (
        "attestPhoto.en",
        WordingSource::Unconfirmed,
        &["letter", "what"],
        "Exhibit {letter} is a true and accurate photograph of {what}.",
    ),
    (
        "attestPhotoTaken.en",
        WordingSource::Unconfirmed,
        &["date"],
        "It was taken {date}.",
    ),
    (
        "attestPhotoBy.en",
        WordingSource::Unconfirmed,
        &["photographer"],
        "It was taken by {photographer}.",
    ),
    (
        "attestPhoto.es",
        WordingSource::Unconfirmed,
        &["letter", "what"],
        "El Anexo {letter} es una fotografía fiel y exacta de {what}.",
    ),
    (
        "attestPhotoTaken.es",
        WordingSource::Unconfirmed,
        &["date"],
        "Fue tomada {date}.",
    ),
    (
        "attestPhotoBy.es",
        WordingSource::Unconfirmed,
        &["photographer"],
        "La tomó {photographer}.",
    ),
    (
        "serviceEcas.en",
        WordingSource::Unconfirmed,
        &["date", "document"],
        "I certify that on {date} this {document} was served on DHS/ICE through the EOIR Courts & Appeals System (ECAS).",
    ),
    (
        "serviceOpla.en",
        WordingSource::Unconfirmed,
        &["name", "date", "document", "address", "method"],
        "I, {name}, certify that on {date} I served a copy of this {document} and all attached pages on the Department of Homeland Security, U.S. Immigration and Customs Enforcement, Office of the Principal Legal Advisor, at {address}, by {method}.",
    ),
    (
        "serviceCertificate.en",
        WordingSource::Unconfirmed,
        &["date", "document", "recipient", "address", "method"],
        "I certify that on {date} I served an identical copy of {document} on {recipient}, {address}, by {method}.",
    ),
    (
        "captionNextFriend.en",
        WordingSource::Unconfirmed,
        &["petitioner", "possessive", "nextFriend"],
        "{petitioner}, by and through {possessive} next friend {nextFriend},",
    ),
    (
        "respectfullySubmitted.en",
        WordingSource::Unconfirmed,
        &[],
        "Respectfully submitted,",
    ),
    // The family summary's "How to check": public phone lines and
    // websites, not legal text; they change, so a lawyer or advocate can
    // correct them here.
    (
        "familyCheckCourt.en",
        WordingSource::Unconfirmed,
        &[],
        "Immigration court: call the automated case information line, 1-800-898-7180 (TDD 1-800-828-1120), or go to acis.eoir.justice.gov, with the A-number at hand. It tells the next hearing's date, time and place, and the judge's decision if there is one.",
    ),
    (
        "familyCheckCourt.es",
        WordingSource::Unconfirmed,
        &[],
        "Corte de inmigración: llame a la línea automatizada de información de casos, 1-800-898-7180 (TDD 1-800-828-1120), o entre a acis.eoir.justice.gov, con el número A a mano. Allí le dicen la fecha, la hora y el lugar de la próxima audiencia, y la decisión del juez si ya la hay.",
    ),
    (
        "familyCheckLocator.en",
        WordingSource::Unconfirmed,
        &[],
        "Where a detained person is held: the ICE Online Detainee Locator, locator.ice.gov. It asks for the A-number and the country of birth, or the first and last name and the country of birth.",
    ),
    (
        "familyCheckLocator.es",
        WordingSource::Unconfirmed,
        &[],
        "Dónde está detenida una persona: el localizador de detenidos de ICE, locator.ice.gov. Pide el número A y el país de nacimiento, o el nombre, el apellido y el país de nacimiento.",
    ),
    (
        "familyCheckAgain.en",
        WordingSource::Unconfirmed,
        &[],
        "Hearings are moved, sometimes with little notice, and people are moved from one center to another. Check again a few days before each date.",
    ),
    (
        "familyCheckAgain.es",
        WordingSource::Unconfirmed,
        &[],
        "Las audiencias cambian, a veces con poco aviso, y a las personas las trasladan de un centro a otro. Vuelva a verificar unos días antes de cada fecha.",
    ),
    // The sentences a guided interview drafts statements with, around the
    // family's own answers: plain facts in their language, no legal text.
    (
        "interviewIntro.en",
        WordingSource::Unconfirmed,
        &["name", "relationship", "person"],
        "My name is {name}. I am {relationship} of {person}.",
    ),
    (
        "interviewIntro.es",
        WordingSource::Unconfirmed,
        &["name", "relationship", "person"],
        "Me llamo {name}. Soy {relationship} de {person}.",
    ),
    (
        "interviewIntroName.en",
        WordingSource::Unconfirmed,
        &["name"],
        "My name is {name}.",
    ),
    (
        "interviewIntroName.es",
        WordingSource::Unconfirmed,
        &["name"],
        "Me llamo {name}.",
    ),
    (
        "interviewTattoo.en",
        WordingSource::Unconfirmed,
        &["person", "where"],
        "{person} has a tattoo on {where}.",
    ),
    (
        "interviewTattoo.es",
        WordingSource::Unconfirmed,
        &["person", "where"],
        "{person} tiene un tatuaje en {where}.",
    ),
    (
        "interviewTattooShows.en",
        WordingSource::Unconfirmed,
        &["shows"],
        "The tattoo shows {shows}.",
    ),
    (
        "interviewTattooShows.es",
        WordingSource::Unconfirmed,
        &["shows"],
        "El tatuaje muestra {shows}.",
    ),
    (
        "interviewTattooBy.en",
        WordingSource::Unconfirmed,
        &["artist"],
        "It was made by {artist}.",
    ),
    (
        "interviewTattooBy.es",
        WordingSource::Unconfirmed,
        &["artist"],
        "Se lo hizo {artist}.",
    ),
    (
        "interviewTattooWhere.en",
        WordingSource::Unconfirmed,
        &["place"],
        "It was made in {place}.",
    ),
    (
        "interviewTattooWhere.es",
        WordingSource::Unconfirmed,
        &["place"],
        "Se lo hicieron en {place}.",
    ),
    (
        "interviewTattooMeaning.en",
        WordingSource::Unconfirmed,
        &["person", "meaning"],
        "To {person}, this tattoo means: {meaning}",
    ),
    (
        "interviewTattooMeaning.es",
        WordingSource::Unconfirmed,
        &["person", "meaning"],
        "Para {person}, este tatuaje significa: {meaning}",
    ),
    (
        "interviewTattooOthers.en",
        WordingSource::Unconfirmed,
        &["others"],
        "Others have one like it: {others}",
    ),
    (
        "interviewTattooOthers.es",
        WordingSource::Unconfirmed,
        &["others"],
        "Otras personas tienen uno parecido: {others}",
    ),
    (
        "interviewWitnessIntro.en",
        WordingSource::Unconfirmed,
        &["name", "person"],
        "My name is {name}. I know {person}.",
    ),
    (
        "interviewWitnessIntro.es",
        WordingSource::Unconfirmed,
        &["name", "person"],
        "Me llamo {name}. Conozco a {person}.",
    ),
    (
        "interviewWitnessTopics.en",
        WordingSource::Unconfirmed,
        &["topics"],
        "I can speak about this: {topics}",
    ),
    (
        "interviewWitnessTopics.es",
        WordingSource::Unconfirmed,
        &["topics"],
        "Puedo hablar sobre esto: {topics}",
    ),
    (
        "interviewTattooByIn.en",
        WordingSource::Unconfirmed,
        &["artist", "place"],
        "It was made by {artist} in {place}.",
    ),
    (
        "interviewTattooByIn.es",
        WordingSource::Unconfirmed,
        &["artist", "place"],
        "Se lo hizo {artist} en {place}.",
    ),
    (
        "interviewTattooWhen.en",
        WordingSource::Unconfirmed,
        &["when"],
        "When it was made: {when}.",
    ),
    (
        "interviewTattooWhen.es",
        WordingSource::Unconfirmed,
        &["when"],
        "Cuándo se lo hizo: {when}.",
    ),
    (
        "interviewWitnessIntroRole.en",
        WordingSource::Unconfirmed,
        &["name", "person", "relationship"],
        "My name is {name}. I know {person}; I am {relationship}.",
    ),
    (
        "interviewWitnessIntroRole.es",
        WordingSource::Unconfirmed,
        &["name", "person", "relationship"],
        "Me llamo {name}. Conozco a {person}; soy {relationship}.",
    ),
    (
        "interviewEventTattoo.en",
        WordingSource::Unconfirmed,
        &["where"],
        "Tattoo made ({where})",
    ),
];

/// The default text and placeholders of `key`, if it is a known key.
pub fn default_wording(
    key: &str,
) -> Option<(&'static str, WordingSource, &'static [&'static str])> {
    DEFAULT_WORDING
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, source, names, text)| (*text, *source, *names))
}

/// Fills `{placeholder}`s in `text` from `values`; unknown ones stay as
/// typed, so a mistake in a changed setting shows on the page.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    // One pass, so a value that itself contains "{name}" is never filled.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let value = tail.find('}').and_then(|end| {
            values
                .iter()
                .find(|(name, _)| *name == &tail[1..end])
                .map(|(_, value)| (end, *value))
        });
        match value {
            Some((end, value)) => {
                out.push_str(value);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_user_text_is_left_as_typed() {
        let text = fill(
            "I, {name}, declare",
            &[("name", "Ana {language} #read(\"/etc/passwd\")")],
        );
        assert_eq!(text, "I, Ana {language} #read(\"/etc/passwd\"), declare");
    }

    #[test]
    fn every_placeholder_a_default_uses_is_declared() {
        for (key, _, names, text) in DEFAULT_WORDING {
            let mut rest = *text;
            while let Some(start) = rest.find('{') {
                let end = rest[start..]
                    .find('}')
                    .map(|e| start + e)
                    .unwrap_or(rest.len());
                let name = &rest[start + 1..end];
                assert!(names.contains(&name), "{key} uses undeclared {{{name}}}");
                rest = &rest[end..];
            }
        }
    }
}
