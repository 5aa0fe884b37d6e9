//! The window's words, for the pages a family reads in its own language
//! (the family summary): the same catalogs and glossary the window shows,
//! so a thing has one name on screen and on paper. Court documents do not
//! come here: their wording is in the core's settings.

use std::collections::HashMap;
use std::sync::OnceLock;

type Catalog = HashMap<String, String>;

struct Words {
    en: Catalog,
    es: Catalog,
    glossary: HashMap<String, HashMap<String, String>>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        en: serde_json::from_str(include_str!("../../../ui/src/i18n/en.json")).unwrap_or_default(),
        es: serde_json::from_str(include_str!("../../../ui/src/i18n/es.json")).unwrap_or_default(),
        glossary: serde_json::from_str::<HashMap<String, serde_json::Value>>(include_str!(
            "../../../i18n/glossary.json"
        ))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, v)| Some((k, serde_json::from_value(v).ok()?)))
        .collect(),
    })
}

/// The message `key` in `lang` (`es`, else English), its `[[terms]]` from
/// the glossary and its `{placeholders}` from `params`. A key no catalog has
/// gives itself, as in the window.
pub(crate) fn say(lang: &str, key: &str, params: &[(&str, &str)]) -> String {
    let w = words();
    let catalog = if lang == "es" { &w.es } else { &w.en };
    let text = catalog
        .get(key)
        .or_else(|| w.en.get(key))
        .map_or(key, String::as_str);
    let mut out = terms(text, lang, &w.glossary);
    for (name, value) in params {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A choice's name as the window's catalog keys spell it (`inPerson`, in
/// `hearingMode.inPerson`).
pub(crate) fn choice_name(choice: impl serde::Serialize) -> String {
    match serde_json::to_value(choice) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// `[[hearing]]` is the glossary's word; `[[Hearing]]` the same with a
/// capital letter.
fn terms(text: &str, lang: &str, glossary: &HashMap<String, HashMap<String, String>>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start + 2..].find("]]") else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &rest[start + 2..start + 2 + len];
        let mut chars = name.chars();
        let first = chars.next().unwrap_or_default();
        let key = format!("{}{}", first.to_lowercase(), chars.as_str());
        let word = glossary
            .get(&key)
            .and_then(|e| e.get(lang).or_else(|| e.get("en")))
            .map_or(name, String::as_str);
        if first.is_uppercase() {
            let mut w = word.chars();
            if let Some(c) = w.next() {
                out.extend(c.to_uppercase());
                out.push_str(w.as_str());
            }
        } else {
            out.push_str(word);
        }
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::say;

    #[test]
    fn terms_come_from_the_glossary_with_their_capital() {
        assert_eq!(say("es", "custody.bond", &[]), "Fianza");
        assert_eq!(say("en", "custody.bond", &[]), "Bond");
        assert_eq!(
            say("es", "hearingKind.individual", &[]),
            "Audiencia individual (de fondo)"
        );
        assert_eq!(say("es", "no.such.key", &[]), "no.such.key");
    }
}
