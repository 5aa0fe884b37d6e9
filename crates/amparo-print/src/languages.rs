//! The languages a declarant may speak, as a print needs them: the English
//! name a certificate prints, and how typst sets the text (its ISO 639
//! code, a region that picks the Chinese glyph standard, and direction).
//!
//! Statements carry a BCP 47 code ("es", "fa", "zh-Hant"). A code not
//! listed here prints as itself and is set left to right; a declarant's
//! language recorded as a free word ("Arabic") also prints as itself.

/// How a language prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Language {
    /// The statement's code.
    pub code: &'static str,
    /// The English name, as certificates print it.
    pub name: &'static str,
    /// typst's `text(lang:)`: hyphenation, quotes and line breaking.
    pub lang: &'static str,
    /// typst's `text(region:)`: for Chinese, which glyph standard
    /// (the templates set traditional characters for TW, HK and MO).
    pub region: Option<&'static str>,
    /// Written right to left. Set explicitly, because typst's defaults
    /// differ from the scripts people use: it takes Punjabi for Shahmukhi
    /// (right to left) where Gurmukhi runs left to right, and does not
    /// know Dari.
    pub rtl: bool,
}

const fn ltr(code: &'static str, name: &'static str, lang: &'static str) -> Language {
    Language {
        code,
        name,
        lang,
        region: None,
        rtl: false,
    }
}

const fn rtl(code: &'static str, name: &'static str, lang: &'static str) -> Language {
    Language {
        rtl: true,
        ..ltr(code, name, lang)
    }
}

const fn chinese(code: &'static str, name: &'static str, region: &'static str) -> Language {
    Language {
        region: Some(region),
        ..ltr(code, name, "zh")
    }
}

/// Every language Amparo prints, by code.
pub(crate) const LANGUAGES: &[Language] = &[
    ltr("en", "English", "en"),
    ltr("es", "Spanish", "es"),
    ltr("pt", "Portuguese", "pt"),
    ltr("fr", "French", "fr"),
    ltr("ht", "Haitian Creole", "ht"),
    ltr("quc", "K'iche'", "quc"),
    ltr("mam", "Mam", "mam"),
    ltr("qu", "Quechua", "qu"),
    ltr("vi", "Vietnamese", "vi"),
    ltr("ru", "Russian", "ru"),
    rtl("ar", "Arabic", "ar"),
    rtl("fa", "Persian (Farsi)", "fa"),
    rtl("prs", "Dari", "prs"),
    rtl("ps", "Pashto", "ps"),
    rtl("ur", "Urdu", "ur"),
    chinese("zh", "Chinese", "CN"),
    chinese("zh-Hans", "Chinese (Simplified)", "CN"),
    chinese("zh-CN", "Chinese (Simplified)", "CN"),
    chinese("zh-Hant", "Chinese (Traditional)", "TW"),
    chinese("zh-TW", "Chinese (Traditional)", "TW"),
    chinese("zh-HK", "Chinese (Traditional)", "HK"),
    ltr("pa", "Punjabi", "pa"),
    ltr("hi", "Hindi", "hi"),
    ltr("ti", "Tigrinya", "ti"),
    ltr("am", "Amharic", "am"),
];

/// The language with code `code`, compared without regard to case.
pub(crate) fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(code.trim()))
}

/// The English name of a language code, as certificates print it; a code
/// not known, or a language written out as a word, prints as it is.
pub fn language_name(code: &str) -> String {
    language(code).map_or(code, |l| l.name).to_owned()
}

/// How text in `code` is set: typst's language code, region and
/// direction. Unknown codes are set as English is.
pub(crate) fn setting(code: &str) -> &'static Language {
    language(code).unwrap_or(&LANGUAGES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_scripts_are_the_arabic_ones() {
        let rtl: Vec<&str> = LANGUAGES.iter().filter(|l| l.rtl).map(|l| l.code).collect();
        assert_eq!(rtl, ["ar", "fa", "prs", "ps", "ur"]);
    }

    #[test]
    fn certificates_name_languages_not_codes() {
        assert_eq!(language_name("fa"), "Persian (Farsi)");
        assert_eq!(language_name("zh-hant"), "Chinese (Traditional)");
        assert_eq!(language_name("ti"), "Tigrinya");
        assert_eq!(language_name("Arabic"), "Arabic");
    }
}
