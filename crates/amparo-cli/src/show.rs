//! Human-readable output of the command line (English).

use amparo_core::{Case, CaseSummary, CustodyStatus, RememberedDate};

fn custody(status: CustodyStatus) -> &'static str {
    match status {
        CustodyStatus::Unknown => "custody unknown",
        CustodyStatus::Free => "free",
        CustodyStatus::Detained => "detained",
        CustodyStatus::Removed => "removed",
    }
}

pub fn date(d: &Option<RememberedDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

pub fn case_list(cases: &[CaseSummary]) -> String {
    if cases.is_empty() {
        return "no cases\n".into();
    }
    let mut out = String::new();
    for c in cases {
        out.push_str(&format!(
            "{}  {:<13}  {}{}  ({}{})\n",
            c.id,
            if c.a_number.is_empty() {
                "-"
            } else {
                &c.a_number
            },
            c.record_name,
            if c.is_example {
                " [EXAMPLE - FICTIONAL]"
            } else {
                ""
            },
            custody(c.custody),
            c.next_hearing
                .as_deref()
                .map(|d| format!(", next hearing {d}"))
                .unwrap_or_default(),
        ));
    }
    out
}

pub fn case(c: &Case) -> String {
    let p = &c.person;
    let mut out = String::new();
    let mut line = |label: &str, value: &str| {
        if !value.is_empty() {
            out.push_str(&format!("{label:<20}{value}\n"));
        }
    };
    if c.is_example {
        line("", "EXAMPLE - FICTIONAL");
    }
    line("Id", &c.id);
    line("Name on records", &p.record_name);
    line("Name used", &p.used_name);
    line("Pronouns", &p.pronouns);
    line("Other names", &p.aliases.join("; "));
    line("A-number", &p.a_number);
    line("Born", &date(&p.birth_date));
    line("Country of birth", &p.country_of_birth);
    line("Nationality", &p.nationality);
    line("Languages", &p.languages.join(", "));
    line(
        "Interpreter",
        if p.needs_interpreter {
            "needed"
        } else {
            "not needed"
        },
    );
    line("Custody", custody(c.custody.status));
    line("Facility", &c.custody.facility);
    if c.custody.detained_since.is_some() {
        line("Detained since", &date(&c.custody.detained_since));
    }
    for t in &c.custody.transfers {
        line("Transfer", &format!("{} ({})", t.facility, date(&t.date)));
    }
    line("Removed to", &c.custody.removed_to);
    if c.custody.removed_on.is_some() {
        line("Removed on", &date(&c.custody.removed_on));
    }
    for h in &c.hearings {
        line(
            "Hearing",
            &format!("{} {} {:?} {} {}", h.date, h.time, h.kind, h.court, h.judge),
        );
    }
    line("Attorney", &c.attorney.name);
    line("Attorney EOIR ID", &c.attorney.eoir_id);
    line("Notes", &c.notes);
    line("Deleted", c.deleted_at.as_deref().unwrap_or(""));
    out
}
