//! The A-number (alien registration number) that DHS and EOIR file a person
//! under. People type it in many ways ("A12345678", "a-012 345 678",
//! "012-345-678"); it is kept as nine digits, eight-digit numbers gaining a
//! leading zero, and shown as `A-012-345-678`.

use crate::error::FieldProblem;

/// A valid A-number: exactly nine digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ANumber(String);

impl ANumber {
    /// Reads an A-number however it was typed. Spaces, dashes, dots and a
    /// leading "A" are ignored; what remains must be 8 or 9 digits.
    pub fn parse(typed: &str) -> Result<Self, FieldProblem> {
        let digits = Self::digits_of(typed).ok_or(FieldProblem::ANumberFormat)?;
        match digits.len() {
            8 => Ok(Self(format!("0{digits}"))),
            9 => Ok(Self(digits)),
            _ => Err(FieldProblem::ANumberFormat),
        }
    }

    /// The digits of something typed as an A-number, or `None` when it has
    /// anything else than digits, separators and a leading "A".
    pub(crate) fn digits_of(typed: &str) -> Option<String> {
        let trimmed = typed.trim();
        let rest = trimmed
            .strip_prefix(['A', 'a'])
            .unwrap_or(trimmed)
            .trim_start_matches([' ', '-', '.', '#']);
        let mut digits = String::new();
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' => {}
                _ => return None,
            }
        }
        (!digits.is_empty()).then_some(digits)
    }

    /// The nine digits, as stored.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// Reads the stored nine digits.
    pub(crate) fn from_stored(digits: &str) -> Option<Self> {
        (digits.len() == 9 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| Self(digits.to_owned()))
    }
}

impl std::fmt::Display for ANumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = &self.0;
        write!(f, "A-{}-{}-{}", &d[0..3], &d[3..6], &d[6..9])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_way_of_typing_it_gives_the_same_number() {
        for typed in [
            "A012345678",
            "a-012-345-678",
            "A 012 345 678",
            "12345678",
            "A-12345678",
            "012.345.678",
            "  A# 012345678 ",
        ] {
            let n = ANumber::parse(typed).unwrap_or_else(|_| panic!("{typed} refused"));
            assert_eq!(n.to_string(), "A-012-345-678", "typed as {typed}");
        }
    }

    #[test]
    fn wrong_lengths_and_letters_are_refused() {
        for typed in ["", "A", "1234567", "1234567890", "A12B45678", "B12345678"] {
            assert_eq!(
                ANumber::parse(typed),
                Err(FieldProblem::ANumberFormat),
                "{typed:?}"
            );
        }
    }
}
