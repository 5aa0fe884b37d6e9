//! The public-filing profile (Fed. R. Civ. P. 5.2, LEGAL-FORMATS.md section
//! 4): only the year of a birth date, minors by their initials, the
//! A-number masked. It rewrites every string of a packet's data model, so
//! paragraphs and captions users typed are covered as well as the fields
//! Amparo prints itself; PDF metadata and outline entries come from the
//! same strings.

use regex::{Regex, RegexBuilder};
use serde_json::Value;

use amparo_core::{MONTHS_EN, MONTHS_ES};

/// One thing to find, and what replaces it.
struct Rule {
    pattern: Regex,
    replace: Replace,
}

enum Replace {
    /// The A-number: all but its last three digits.
    ANumber(String),
    /// A birth date: its year.
    Year(String),
    /// A minor's name: their initials.
    Initials(String),
}

/// The masks of one case.
pub(crate) struct Redactor {
    rules: Vec<Rule>,
    /// The A-number's nine digits, and its eight when it starts with 0.
    a_number_digits: Vec<String>,
}

fn build(pattern: &str) -> Option<Regex> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .unicode(true)
        .build()
        .ok()
}

/// A pattern matching `name` with or without its accents, any spacing.
fn name_pattern(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push_str(r"\s+");
        }
        for c in word.chars() {
            let base = amparo_core::fold_char(c);
            let class = match base {
                'a' => "[aáàâäã]",
                'e' => "[eéèêë]",
                'i' => "[iíìîï]",
                'o' => "[oóòôöõ]",
                'u' => "[uúùûü]",
                'n' => "[nñ]",
                'c' => "[cç]",
                _ => "",
            };
            if class.is_empty() {
                out.push_str(&regex::escape(&c.to_string()));
            } else {
                out.push_str(class);
            }
        }
    }
    out
}

/// "María Elena Rivas" -> "M.E.R."; particles written in lower case are
/// left out, as courts write them: "María Elena Moreno de Rivas" ->
/// "M.E.M.R.".
pub(crate) fn initials(name: &str) -> String {
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let any_capitalised = name.split_whitespace().any(|w| capitalised(&w));
    name.split_whitespace()
        .filter(|w| !any_capitalised || capitalised(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .map(|c| format!("{c}."))
        .collect()
}

/// What people (and word processors) put between an A-number's digits:
/// spaces of any kind, dots, slashes, underscores, every hyphen and dash
/// (en, em, non-breaking, minus), and invisible zero-width characters.
const DIGIT_GAP: &str = r"[\s.\-/_\u{2010}-\u{2015}\u{2212}\u{200B}-\u{200D}\u{2060}\u{FEFF}]{0,3}";

fn a_number_pattern(digits: &str) -> String {
    let sep = DIGIT_GAP;
    let body = |d: &str| {
        d.chars()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let mut forms = vec![body(digits)];
    if let Some(short) = digits.strip_prefix('0') {
        forms.push(body(short));
    }
    format!(
        r"(?:\bA{DIGIT_GAP}[#:]?{DIGIT_GAP})?(?:{})",
        forms.join("|")
    )
}

fn date_patterns(year: i32, month: u8, day: u8) -> Vec<String> {
    let y = format!("(?:{year}|{:02})", year.rem_euclid(100));
    let m = format!("0?{month}");
    let d = format!("0?{day}");
    let sep = r"\s*[-/.]\s*";
    let en = MONTHS_EN[month as usize - 1].to_lowercase();
    let es = MONTHS_ES[month as usize - 1];
    let en_names = format!("(?:{en}|{}\\.?)", &en[..3]);
    let es_names = if month == 9 {
        "(?:septiembre|setiembre|sept?\\.?)".to_owned()
    } else {
        format!("(?:{es}|{}\\.?)", &es[..3])
    };
    let ordinal = r"(?:st|nd|rd|th|º|°|ro|o)?";
    let any_names = format!("(?:{en_names}|{es_names})");
    vec![
        // Written together, as on forms and in file names: 19980305, 05MAR1998.
        format!("{year}{month:02}{day:02}"),
        format!(r"{d}\s*{any_names}\s*{y}"),
        // "5 de marzo, 1998".
        format!(r"{d}{ordinal}\s+de\s+{es_names},\s*{y}"),
        format!("{year}{sep}{m}{sep}{d}"),
        format!("{m}{sep}{d}{sep}{y}"),
        format!("{d}{sep}{m}{sep}{y}"),
        format!(r"{en_names}\s+{d}{ordinal},?\s+{y}"),
        format!(r"{d}{ordinal}\s+(?:of\s+)?{en_names},?\s+{y}"),
        format!(r"{d}{ordinal}\s+de\s+{es_names}\s+(?:de|del)\s+{y}"),
        format!(r"{d}{ordinal}{sep}{es_names}{sep}{y}"),
        format!(r"{d}{sep}{en_names}{sep}{y}"),
        format!(r"{es_names}\s+{d},?\s+(?:de\s+|del\s+)?{y}"),
    ]
}

impl Redactor {
    /// Masks for the case's A-number (nine digits or empty), the birth
    /// dates known to the day, and names printed as initials: each name of
    /// `minors` as its own, each (name, initials) of `shown_as` as given
    /// (a first name alone as the person's full initials).
    pub(crate) fn new(
        a_number_digits: &str,
        birth_dates: &[(i32, u8, u8)],
        minors: &[String],
        shown_as: &[(String, String)],
    ) -> Self {
        let mut rules = Vec::new();
        let mut spelled = Vec::new();
        if a_number_digits.len() >= 8 {
            spelled.push(a_number_digits.to_owned());
            if let Some(short) = a_number_digits.strip_prefix('0') {
                spelled.push(short.to_owned());
            }
        }
        if a_number_digits.len() >= 8
            && let Some(pattern) = build(&a_number_pattern(a_number_digits))
        {
            let last = &a_number_digits[a_number_digits.len() - 3..];
            rules.push(Rule {
                pattern,
                replace: Replace::ANumber(format!("A-XXX-XXX-{last}")),
            });
        }
        for &(year, month, day) in birth_dates {
            if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
                continue;
            }
            for p in date_patterns(year, month, day) {
                if let Some(pattern) = build(&p) {
                    rules.push(Rule {
                        pattern,
                        replace: Replace::Year(year.to_string()),
                    });
                }
            }
        }
        // Longer names first, so "Ana María Ruiz" is masked before "Ana".
        let mut names: Vec<(&str, String)> = minors
            .iter()
            .map(|n| (n.as_str(), initials(n)))
            .chain(shown_as.iter().map(|(n, i)| (n.as_str(), i.clone())))
            .filter(|(n, _)| !n.trim().is_empty())
            .collect();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
        for (name, shown) in names {
            if let Some(pattern) = build(&format!(r"\b{}\b", name_pattern(name))) {
                rules.push(Rule {
                    pattern,
                    replace: Replace::Initials(shown),
                });
            }
        }
        Self {
            rules,
            a_number_digits: spelled,
        }
    }

    /// `text` with every mask applied.
    pub(crate) fn text(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for rule in &self.rules {
            out = replace_standalone(&rule.pattern, &out, &rule.replace);
        }
        out
    }

    /// Whether anything in `text` would be masked.
    pub(crate) fn finds(&self, text: &str) -> bool {
        self.rules
            .iter()
            .any(|rule| standalone_matches(&rule.pattern, text).next().is_some())
    }

    /// Applies the masks to every string in `value`.
    pub(crate) fn walk(&self, value: &mut Value) {
        match value {
            Value::String(s) if self.finds(s) => *s = self.text(s),
            Value::Array(items) => items.iter_mut().for_each(|v| self.walk(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.walk(v)),
            _ => {}
        }
    }

    /// Whether `text`'s digits alone, with everything between them taken
    /// out, still spell the A-number: the last net under forms no pattern
    /// foresaw ("0 1 2-3 4 5..6 7 8", a digit per table cell).
    fn digits_spell_a_number(&self, text: &str) -> bool {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        self.a_number_digits
            .iter()
            .any(|a| digits.contains(a.as_str()))
    }

    /// Masks every string in `value`, and refuses a model in which
    /// anything is still left to mask: nothing is printed half-hidden.
    pub(crate) fn mask(&self, value: &mut Value) -> Result<(), crate::error::PrintError> {
        self.walk(value);
        let mut left = Vec::new();
        self.residue(value, &mut left);
        if left.is_empty() {
            Ok(())
        } else {
            Err(crate::error::PrintError::Template(format!(
                "{} text(s) could not be masked",
                left.len()
            )))
        }
    }

    /// Every string in `value` that still holds something to mask.
    pub(crate) fn residue(&self, value: &Value, found: &mut Vec<String>) {
        match value {
            Value::String(s) if self.finds(s) || self.digits_spell_a_number(s) => {
                found.push(s.clone())
            }
            Value::Array(items) => items.iter().for_each(|v| self.residue(v, found)),
            Value::Object(map) => map.values().for_each(|v| self.residue(v, found)),
            _ => {}
        }
    }
}

impl Replace {
    fn with(&self) -> &str {
        match self {
            Self::ANumber(s) | Self::Year(s) | Self::Initials(s) => s,
        }
    }
}

/// Matches not glued to a digit on either side ("123456789" inside a longer
/// number is not the A-number, "1/5/1990" is not "11/5/1990").
fn standalone_matches<'a>(
    pattern: &'a Regex,
    text: &'a str,
) -> impl Iterator<Item = regex::Match<'a>> + 'a {
    let mut start = 0;
    std::iter::from_fn(move || {
        while start <= text.len() {
            let m = pattern.find_at(text, start)?;
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            if !glued(before) && !glued(after) && !m.as_str().is_empty() {
                start = m.end();
                return Some(m);
            }
            start = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// `text` with each match replaced, so the sentence still reads: a day
/// masked to its year takes the year's preposition ("born on March 5,
/// 1998" is "born in 1998", "el 5 de marzo de 1998" is "en 1998"), and
/// initials ending a sentence keep one full stop ("J.A.R.M.", never
/// "J.A.R.M..").
fn replace_standalone(pattern: &Regex, text: &str, replace: &Replace) -> String {
    let with = replace.with();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in standalone_matches(pattern, text) {
        out.push_str(&text[last..m.start()]);
        if matches!(replace, Replace::Year(_)) {
            for (day_word, year_word) in [
                ("on ", "in "),
                ("On ", "In "),
                ("el ", "en "),
                ("El ", "En "),
            ] {
                let glued = out.len() == day_word.len()
                    || out[..out.len().saturating_sub(day_word.len())]
                        .ends_with(char::is_whitespace);
                if out.ends_with(day_word) && glued {
                    out.truncate(out.len() - day_word.len());
                    out.push_str(year_word);
                    break;
                }
            }
        }
        out.push_str(with);
        last = m.end();
        if with.ends_with('.') && text[last..].starts_with('.') {
            last += 1;
        }
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor() -> Redactor {
        Redactor::new(
            "012345678",
            &[(1998, 3, 5)],
            &["José Ángel Rivas Moreno".into()],
            &[],
        )
    }

    #[test]
    fn the_a_number_is_masked_however_it_was_typed() {
        let r = redactor();
        for typed in [
            "A-012-345-678",
            "A012345678",
            "a# 012 345 678",
            "012345678",
            "12345678",
            "012.345.678",
            "A 12-345-678",
        ] {
            let masked = r.text(&format!("His number is {typed}."));
            assert_eq!(masked, "His number is A-XXX-XXX-678.", "{typed}");
        }
        // Another number that merely contains the digits stays.
        assert_eq!(r.text("Ref 90123456789"), "Ref 90123456789");
    }

    #[test]
    fn the_a_number_is_masked_across_dashes_slashes_and_invisible_characters() {
        let r = redactor();
        for typed in [
            "A–012–345–678",                      // en dashes
            "A—012—345—678",                      // em dashes
            "A\u{2011}012\u{2011}345\u{2011}678", // non-breaking hyphens
            "012/345/678",
            "A_012_345_678",
            "0\u{200B}1\u{200B}2345678",          // zero-width spaces
            "A\u{00A0}012\u{00A0}345\u{00A0}678", // no-break spaces
            "012\u{2212}345\u{2212}678",          // minus signs
        ] {
            let masked = r.text(&format!("His number is {typed}."));
            assert_eq!(masked, "His number is A-XXX-XXX-678.", "{typed:?}");
        }
    }

    #[test]
    fn the_last_check_reads_the_digits_alone() {
        let r = redactor();
        let model = serde_json::json!({ "cells": ["0 1 2 · 3 4 5 · 6 7 8"] });
        let mut left = Vec::new();
        r.residue(&model, &mut left);
        assert_eq!(left.len(), 1, "{left:?}");
    }

    #[test]
    fn birth_dates_keep_only_the_year_in_english_and_spanish() {
        let r = redactor();
        for typed in [
            "1998-03-05",
            "3/5/1998",
            "03/05/98",
            "05/03/1998",
            "5.3.1998",
            "March 5, 1998",
            "Mar. 5th, 1998",
            "5 March 1998",
            "5 de marzo de 1998",
            "05 de Marzo del 1998",
            "5-mar-1998",
            "marzo 5, 1998",
            "5 de marzo, 1998",
            "05MAR1998",
            "5mar98",
            "05 MARZO 1998",
            "19980305",
        ] {
            assert_eq!(r.text(&format!("born {typed}.")), "born 1998.", "{typed}");
        }
        assert_eq!(r.text("on 3/15/1998"), "on 3/15/1998");
        assert_eq!(r.text("13/5/1998"), "13/5/1998");
    }

    #[test]
    fn a_minors_full_name_becomes_initials_with_or_without_accents() {
        let r = redactor();
        assert_eq!(
            r.text("My son José Ángel Rivas Moreno and JOSE ANGEL RIVAS MORENO"),
            "My son J.Á.R.M. and J.Á.R.M."
        );
        assert_eq!(r.text("José went to school"), "José went to school");
    }

    #[test]
    fn masked_text_still_reads_as_a_sentence() {
        let r = redactor();
        assert_eq!(
            r.text("He was born on March 5, 1998."),
            "He was born in 1998."
        );
        assert_eq!(r.text("Nació el 5 de marzo de 1998."), "Nació en 1998.");
        assert_eq!(r.text("On 3/5/1998 he was born"), "In 1998 he was born");
        // "Don" is not "on".
        assert_eq!(r.text("Don 3/5/1998"), "Don 1998");
        assert_eq!(
            r.text("My son is José Ángel Rivas Moreno."),
            "My son is J.Á.R.M."
        );
    }

    #[test]
    fn initials_leave_out_particles_in_lower_case() {
        assert_eq!(initials("María Elena Moreno de Rivas"), "M.E.M.R.");
        assert_eq!(initials("Jesús Alberto Rivas Moreno"), "J.A.R.M.");
        assert_eq!(initials("ana del carmen"), "A.D.C.");
    }

    #[test]
    fn walking_a_model_leaves_no_residue() {
        let r = redactor();
        let mut model = serde_json::json!({
            "title": "Declaration re A012345678",
            "rows": [{"text": "Born March 5, 1998 to José Ángel Rivas Moreno"}],
        });
        r.walk(&mut model);
        let mut left = Vec::new();
        r.residue(&model, &mut left);
        assert!(left.is_empty(), "{left:?}");
        assert_eq!(model["rows"][0]["text"], "Born 1998 to J.Á.R.M.");
    }
}
