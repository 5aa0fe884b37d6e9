//! The packet's custody page, when chosen: for each original of the
//! exhibits, the custody log's entries about that same file (by SHA-256),
//! the case's hand-offs between devices, and whether the log verifies.
//! Only facts the log holds are printed: what was done, when, on which
//! device.

use std::collections::HashMap;

use amparo_core::{CustodyEntry, CustodyReport};

use super::data::{CustodyLine, CustodyRow, CustodySummary, VerifyRow};

/// The page's data from the checked log and the originals' rows (as the
/// verify page lists them).
pub(crate) fn custody_summary(report: &CustodyReport, originals: &[VerifyRow]) -> CustodySummary {
    let names: HashMap<&str, &str> = report
        .entries
        .iter()
        .map(|e| (e.device_key.as_str(), e.device_name.as_str()))
        .collect();
    let rows = originals
        .iter()
        .map(|o| CustodyRow {
            letter: o.letter.clone(),
            file: o.file.clone(),
            sha256: o.sha256.clone(),
            entries: report
                .entries
                .iter()
                .filter(|e| e.sha256 == o.sha256)
                .filter_map(file_line)
                .collect(),
        })
        .collect();
    let handed = report
        .entries
        .iter()
        .filter_map(|e| hand_off_line(e, &names))
        .collect();
    let devices = names.len();
    let check = if report.problems.is_empty() {
        format!(
            "Log check: {} {}, from {} {}. Each entry's hash, its link to the entry before it, and its device's signature verify.",
            report.entries.len(),
            if report.entries.len() == 1 {
                "entry"
            } else {
                "entries"
            },
            devices,
            if devices == 1 { "device" } else { "devices" },
        )
    } else {
        "Log check: the following entries do not verify.".to_owned()
    };
    CustodySummary {
        title: "Custody Log of the Originals",
        paragraphs: [
            "Each device that handled this case in Amparo keeps a log of what it did with the evidence. Every entry is signed with that device's key and linked to the entry before it, so that an entry changed afterwards, or removed from the middle of a device's log, is detected. The log begins when a file was added to the case in Amparo; it does not show where the file was before.",
            "Each original file of the exhibits is listed below with its SHA-256 and the entries logged for that same SHA-256: the time (UTC), what was done, and the device's name. Files with the same SHA-256 are the same file, byte for byte. Entries about other items of the case are counted in the log check but not listed.",
        ],
        handed_title: "The case handed on",
        handed,
        rows,
        check,
        problems: report.problems.iter().map(ToString::to_string).collect(),
    }
}

fn at(entry: &CustodyEntry) -> String {
    // "2026-11-02T14:03:55Z" prints "2026-11-02 14:03".
    let minute = entry.at.get(..16).unwrap_or(&entry.at);
    minute.replace('T', " ")
}

fn file_line(entry: &CustodyEntry) -> Option<CustodyLine> {
    let what = match entry.action.as_str() {
        "imported" => "Added to the case",
        "signed" => "Recorded as signed",
        "printedForFiling" => "Printed for filing",
        _ => return None,
    };
    Some(CustodyLine {
        when: at(entry),
        text: format!("{what} on \"{}\"", entry.device_name),
    })
}

fn hand_off_line(entry: &CustodyEntry, names: &HashMap<&str, &str>) -> Option<CustodyLine> {
    let named = |key: &str| {
        names.get(key).map_or_else(
            || "a device not in this log".to_owned(),
            |n| format!("\"{n}\""),
        )
    };
    let text = match entry.action.as_str() {
        "sent" => {
            let to = entry.item.strip_prefix("to:").unwrap_or_default();
            let whom = if to == "passphrase" {
                "whoever holds its passphrase".to_owned()
            } else {
                to.split(',').map(named).collect::<Vec<_>>().join(", ")
            };
            format!("Sent by \"{}\" to {whom}", entry.device_name)
        }
        "opened" => {
            let from = entry.item.strip_prefix("from:").unwrap_or_default();
            format!("Opened on \"{}\", from {}", entry.device_name, named(from))
        }
        _ => return None,
    };
    Some(CustodyLine {
        when: at(entry),
        text,
    })
}
