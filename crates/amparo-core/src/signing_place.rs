//! Where a declaration is signed, and so which form of the 28 U.S.C. § 1746
//! clause it carries: the wording depends on where it is signed, not on who
//! signs (LEGAL-FORMATS.md section 1).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::countries::COUNTRIES;

/// The United States and the territories, possessions and commonwealths
/// where a declaration takes form 2: the 50 states and DC (`US`), Puerto
/// Rico, Guam, the U.S. Virgin Islands, the Northern Mariana Islands,
/// American Samoa and the U.S. Minor Outlying Islands.
pub const INSIDE_US: &[&str] = &["US", "PR", "GU", "VI", "MP", "AS", "UM"];

/// Where a statement is (or will be) signed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SigningPlace {
    /// The place as it is printed after "at" ("Capacho, Táchira, Venezuela").
    pub place: String,
    /// ISO 3166-1 alpha-2 code of the country; empty while unknown.
    pub country: String,
    /// Signed in a U.S. immigration detention facility.
    pub us_detention_facility: bool,
    /// Why it is signed away from the country where the declarant lives
    /// (a visit, a consulate), so a reader does not doubt the place.
    pub reason: String,
}

/// The two forms of the § 1746 clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ClauseForm {
    /// Signed outside the United States: "... under the laws of the United
    /// States of America ...".
    OutsideUs,
    /// Signed inside the United States, its territories, possessions or
    /// commonwealths, or in a U.S. detention facility.
    InsideUs,
}

impl SigningPlace {
    /// The clause form this place calls for, or `None` while the country is
    /// unknown (which blocks a final print).
    pub fn clause_form(&self) -> Option<ClauseForm> {
        if self.us_detention_facility || INSIDE_US.contains(&self.country.as_str()) {
            Some(ClauseForm::InsideUs)
        } else if is_country_code(&self.country) {
            Some(ClauseForm::OutsideUs)
        } else {
            None
        }
    }
}

/// True for an ISO 3166-1 alpha-2 code.
pub fn is_country_code(code: &str) -> bool {
    COUNTRIES.binary_search_by(|(c, _)| (*c).cmp(code)).is_ok()
}

/// The English name of a country code, or the code itself.
pub fn country_name(code: &str) -> &str {
    COUNTRIES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .map(|i| COUNTRIES[i].1)
        .unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(country: &str) -> SigningPlace {
        SigningPlace {
            country: country.into(),
            ..SigningPlace::default()
        }
    }

    #[test]
    fn each_place_inside_the_united_states_takes_form_2() {
        for (code, what) in [
            ("US", "the 50 states and DC"),
            ("PR", "Puerto Rico"),
            ("GU", "Guam"),
            ("VI", "U.S. Virgin Islands"),
            ("MP", "Northern Mariana Islands"),
            ("AS", "American Samoa"),
            ("UM", "U.S. Minor Outlying Islands"),
        ] {
            assert_eq!(at(code).clause_form(), Some(ClauseForm::InsideUs), "{what}");
        }
    }

    #[test]
    fn a_us_detention_facility_takes_form_2_whatever_the_country_field_says() {
        let mut place = at("");
        place.us_detention_facility = true;
        assert_eq!(place.clause_form(), Some(ClauseForm::InsideUs));
    }

    #[test]
    fn places_abroad_take_form_1() {
        for code in ["VE", "SV", "MX", "CO", "GT", "HN", "CU", "VG", "CA"] {
            assert_eq!(
                at(code).clause_form(),
                Some(ClauseForm::OutsideUs),
                "{code}"
            );
        }
    }

    #[test]
    fn an_unknown_country_has_no_form() {
        for code in ["", "XX", "us", "Venezuela"] {
            assert_eq!(at(code).clause_form(), None, "{code:?}");
        }
    }

    #[test]
    fn the_country_list_is_sorted_for_lookup() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(country_name("VE"), "Venezuela");
    }
}
