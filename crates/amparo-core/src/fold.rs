//! Folding text for search, so that "jesus" finds "Jesús" and "MAMA" finds
//! "mamá": decompose (NFD), drop the combining marks, lower-case.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// The search form of `text`.
pub(crate) fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The search form of one character: its base letter, lower-case ('Á' is
/// 'a'); a character that folds to nothing or to several stays itself.
pub fn fold_char(c: char) -> char {
    let folded = fold(&c.to_string());
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn accents_and_case_are_ignored() {
        assert_eq!(fold("Jesús MAMÁ Peña Çedille"), "jesus mama pena cedille");
    }
}
