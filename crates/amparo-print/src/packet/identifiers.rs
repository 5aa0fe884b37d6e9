//! Which pages of a packet show who the person is: counsel's export says so
//! (issue: initials mean initials). A page's own text is searched for the
//! person's and the next friend's names (a first name too), the A-number
//! and full birth dates, as the public-filing masks would find them;
//! pages that place pictures (photos, scans, signed pages as stored) cannot
//! be read that way, so they are listed apart, for counsel's own eyes.

use crate::packet::gather::Gathered;
use crate::packet::masks::{case_masks, photo_minors};
use crate::render::Pages;

/// The printed label of each page: the packet's prefix, padded number.
fn labels(g: &Gathered, pages: &Pages) -> Vec<String> {
    let (prefix, width) = g.draft.page_numbering();
    (0..pages.count())
        .map(|i| {
            let n = pages.number_range(i..i + 1).0.to_string();
            let pad = "0".repeat(width.saturating_sub(n.len()));
            format!("{prefix}{pad}{n}")
        })
        .collect()
}

/// "4, 9–15, 20": runs of pages next to each other as ranges.
fn ranges(indexes: &[usize], labels: &[String], repeat_prefix: bool, prefix: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < indexes.len() {
        let mut j = i;
        while j + 1 < indexes.len() && indexes[j + 1] == indexes[j] + 1 {
            j += 1;
        }
        let first = &labels[indexes[i]];
        let last = &labels[indexes[j]];
        out.push(if i == j {
            first.clone()
        } else if repeat_prefix {
            format!("{first}–{last}")
        } else {
            format!("{first}–{}", last.strip_prefix(prefix).unwrap_or(last))
        });
        i = j + 1;
    }
    if out.is_empty() {
        "none".into()
    } else {
        out.join(", ")
    }
}

/// The note counsel's export carries, in English.
pub(crate) fn identifier_note(g: &Gathered, pages: &Pages) -> String {
    let caption = amparo_core::Caption {
        kind: amparo_core::CaptionKind::FederalCourt,
        initials: true,
        ..g.draft.caption.clone()
    };
    let finder = case_masks(&g.case, &g.declarants, Some(&caption), photo_minors(g));
    let mut shown = Vec::new();
    let mut pictures = Vec::new();
    for (i, (text, picture)) in pages.page_contents().into_iter().enumerate() {
        if finder.finds(&text) {
            shown.push(i);
        } else if picture {
            pictures.push(i);
        }
    }
    let labels = labels(g, pages);
    let (prefix, _) = g.draft.page_numbering();
    let repeat = g.draft.output != amparo_core::FilingOutput::Appendix;
    let look = if pictures.is_empty() {
        ""
    } else {
        " Look at each before filing under initials or as a public filing."
    };
    format!(
        "Pages of the packet that show identifiers\n\n\
         In their text, the full name or first name of the person or of the next friend, \
         the A-number or a full date of birth: {}.\n\n\
         Pictures that cannot be searched (photos, scans, and signed declarations placed as \
         they were signed): {}.{look}\n",
        ranges(&shown, &labels, repeat, &prefix),
        ranges(&pictures, &labels, repeat, &prefix),
    )
}

#[cfg(test)]
mod tests {
    use super::ranges;

    #[test]
    fn pages_next_to_each_other_read_as_ranges() {
        let labels: Vec<String> = (1..=20).map(|n| format!("App. {n}")).collect();
        assert_eq!(
            ranges(&[3, 8, 9, 10, 14], &labels, false, "App. "),
            "App. 4, App. 9–11, App. 15"
        );
        let bates: Vec<String> = (1..=5).map(|n| format!("R-{n:06}")).collect();
        assert_eq!(ranges(&[0, 1], &bates, true, "R-"), "R-000001–R-000002");
        assert_eq!(ranges(&[], &bates, true, "R-"), "none");
    }
}
