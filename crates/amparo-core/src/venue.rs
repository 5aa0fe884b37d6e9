//! Where a habeas petition is filed: only in the district of confinement,
//! against the immediate custodian (LEGAL-FORMATS.md section 4, Rumsfeld v.
//! Padilla). The facility decides the district and division. The table is
//! a starting point for the filer to confirm with the court's own rules:
//! facilities open and close, and a county's division can change. A
//! facility not in it is asked for, never guessed.

use serde::Serialize;
use ts_rs::TS;

use crate::fold::fold;

/// The federal court where a person held at a facility files for habeas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Venue {
    /// The facility as the table names it.
    pub facility: String,
    /// The court as a caption prints it.
    pub court: String,
    /// Its division, or empty for a district without divisions.
    pub division: String,
    /// Always true: the filer confirms it with the court's rules.
    pub confirm: bool,
}

/// (words the facility's name holds, facility, district court, division).
const VENUES: &[(&[&str], &str, &str, &str)] = &[
    (
        &["south texas", "pearsall"],
        "South Texas ICE Processing Center, Pearsall, Texas",
        "United States District Court for the Western District of Texas",
        "San Antonio Division",
    ),
    (
        &["karnes"],
        "Karnes County Immigration Processing Center, Karnes City, Texas",
        "United States District Court for the Western District of Texas",
        "San Antonio Division",
    ),
    (
        &["dilley"],
        "Dilley Immigration Processing Center, Dilley, Texas",
        "United States District Court for the Western District of Texas",
        "San Antonio Division",
    ),
    (
        &["hutto"],
        "T. Don Hutto Detention Center, Taylor, Texas",
        "United States District Court for the Western District of Texas",
        "Austin Division",
    ),
    (
        &["el paso"],
        "El Paso Service Processing Center, El Paso, Texas",
        "United States District Court for the Western District of Texas",
        "El Paso Division",
    ),
    (
        &["port isabel"],
        "Port Isabel Service Processing Center, Los Fresnos, Texas",
        "United States District Court for the Southern District of Texas",
        "Brownsville Division",
    ),
    (
        &["montgomery processing", "conroe"],
        "Montgomery Processing Center, Conroe, Texas",
        "United States District Court for the Southern District of Texas",
        "Houston Division",
    ),
    (
        &["houston contract"],
        "Houston Contract Detention Facility, Houston, Texas",
        "United States District Court for the Southern District of Texas",
        "Houston Division",
    ),
    (
        &["bluebonnet"],
        "Bluebonnet Detention Facility, Anson, Texas",
        "United States District Court for the Northern District of Texas",
        "Abilene Division",
    ),
    (
        &["stewart"],
        "Stewart Detention Center, Lumpkin, Georgia",
        "United States District Court for the Middle District of Georgia",
        "Columbus Division",
    ),
    (
        &["folkston"],
        "Folkston ICE Processing Center, Folkston, Georgia",
        "United States District Court for the Southern District of Georgia",
        "Waycross Division",
    ),
    (
        &["lasalle", "la salle", "jena", "central louisiana"],
        "Central Louisiana ICE Processing Center, Jena, Louisiana",
        "United States District Court for the Western District of Louisiana",
        "Alexandria Division",
    ),
    (
        &["richwood"],
        "Richwood Correctional Center, Monroe, Louisiana",
        "United States District Court for the Western District of Louisiana",
        "Monroe Division",
    ),
    (
        &["adelanto"],
        "Adelanto ICE Processing Center, Adelanto, California",
        "United States District Court for the Central District of California",
        "Eastern Division",
    ),
    (
        &["otay mesa"],
        "Otay Mesa Detention Center, San Diego, California",
        "United States District Court for the Southern District of California",
        "",
    ),
    (
        &["northwest ice", "tacoma"],
        "Northwest ICE Processing Center, Tacoma, Washington",
        "United States District Court for the Western District of Washington",
        "Tacoma Division",
    ),
    (
        &["krome"],
        "Krome North Service Processing Center, Miami, Florida",
        "United States District Court for the Southern District of Florida",
        "Miami Division",
    ),
    (
        &["broward transitional"],
        "Broward Transitional Center, Pompano Beach, Florida",
        "United States District Court for the Southern District of Florida",
        "Fort Lauderdale Division",
    ),
    (
        &["elizabeth"],
        "Elizabeth Contract Detention Facility, Elizabeth, New Jersey",
        "United States District Court for the District of New Jersey",
        "Newark Vicinage",
    ),
    (
        &["delaney hall"],
        "Delaney Hall, Newark, New Jersey",
        "United States District Court for the District of New Jersey",
        "Newark Vicinage",
    ),
    (
        &["moshannon"],
        "Moshannon Valley Processing Center, Philipsburg, Pennsylvania",
        "United States District Court for the Western District of Pennsylvania",
        "Johnstown Division",
    ),
];

/// The court for a person held at `facility` (as typed on the case), if
/// the table knows the facility.
pub fn venue_for(facility: &str) -> Option<Venue> {
    let typed = fold(facility);
    if typed.trim().is_empty() {
        return None;
    }
    VENUES
        .iter()
        .find(|(words, ..)| words.iter().any(|w| typed.contains(w)))
        .map(|(_, facility, court, division)| Venue {
            facility: (*facility).to_owned(),
            court: (*court).to_owned(),
            division: (*division).to_owned(),
            confirm: true,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facility_is_found_however_it_was_typed() {
        for typed in [
            "South Texas ICE Processing Center, Pearsall, TX",
            "SOUTH TEXAS ICE PROCESSING CENTER",
            "Centro de detención de Pearsall",
        ] {
            let v = venue_for(typed).expect(typed);
            assert_eq!(v.division, "San Antonio Division");
            assert!(v.court.contains("Western District of Texas"));
            assert!(v.confirm);
        }
        assert_eq!(
            venue_for("Stewart Detention Center").map(|v| v.division),
            Some("Columbus Division".into())
        );
    }

    #[test]
    fn a_facility_not_in_the_table_is_asked_for() {
        assert_eq!(venue_for(""), None);
        assert_eq!(venue_for("a county jail somewhere"), None);
    }
}
