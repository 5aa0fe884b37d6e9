//! The command line of the chronology, allegations and deadlines.

use clap::{Args as ClapArgs, Subcommand};

/// Chronology commands.
#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// The case's chronology, in order.
    List {
        /// The case id.
        case_id: String,
    },
    /// Add an event.
    Add {
        /// The case id.
        case_id: String,
        #[command(flatten)]
        fields: EventFields,
    },
    /// Change an event; only the options given change (sources, when
    /// given, replace the old ones).
    Edit {
        /// The event id.
        event_id: String,
        #[command(flatten)]
        fields: EventFields,
    },
    /// Dates the case already records (hearings, detention, transfers,
    /// removal, dated photos) that are not in the chronology yet.
    Known {
        /// The case id.
        case_id: String,
        /// Add them all to the chronology.
        #[arg(long)]
        add: bool,
    },
    /// Remove an event.
    Delete {
        /// The event id.
        event_id: String,
    },
}

/// The fields of an event.
#[derive(Debug, ClapArgs)]
pub struct EventFields {
    /// When: 2025-03-17, 2025-03 or 2025; "about 2024-05" or ~2024-05 when
    /// approximate.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// entry, appointment, interview, detention, transfer, hearing, removal,
    /// contact or other.
    #[arg(long)]
    pub kind: Option<String>,
    /// Where it happened.
    #[arg(long)]
    pub place: Option<String>,
    /// What happened.
    #[arg(long)]
    pub description: Option<String>,
    /// What it rests on: tattoo:ID, photo:ID, statement:ID, statement:ID#N
    /// for paragraph N, document:ID or document:ID#N for page N (repeat for
    /// more).
    #[arg(long = "source", value_name = "KIND:ID[#N]")]
    pub sources: Vec<String>,
}

/// Allegation commands.
#[derive(Debug, Subcommand)]
pub enum AllegationCommand {
    /// The case's allegations with the evidence that answers each.
    List {
        /// The case id.
        case_id: String,
    },
    /// Record an allegation.
    Add {
        /// The case id.
        case_id: String,
        #[command(flatten)]
        fields: AllegationFields,
    },
    /// Change an allegation; only the options given change (answers, when
    /// given, are added to the old ones).
    Edit {
        /// The allegation id.
        allegation_id: String,
        #[command(flatten)]
        fields: AllegationFields,
        /// Remove every link to evidence first.
        #[arg(long)]
        clear_answers: bool,
    },
    /// Remove an allegation (the evidence stays in the case).
    Delete {
        /// The allegation id.
        allegation_id: String,
    },
    /// The reference list of scoring criteria as reported in the press
    /// (never the person's score).
    Criteria,
}

/// The fields of an allegation.
#[derive(Debug, ClapArgs)]
pub struct AllegationFields {
    /// The criterion the document applies ("Tattoos denoting membership").
    #[arg(long)]
    pub criterion: Option<String>,
    /// The points the document claims.
    #[arg(long)]
    pub points: Option<u32>,
    /// Who made it.
    #[arg(long)]
    pub made_by: Option<String>,
    /// The document it is on.
    #[arg(long)]
    pub document: Option<String>,
    /// What the document says.
    #[arg(long)]
    pub claim: Option<String>,
    /// How the evidence answers it.
    #[arg(long)]
    pub response: Option<String>,
    /// Mark it answered.
    #[arg(long, conflicts_with = "open")]
    pub answered: bool,
    /// Mark it open.
    #[arg(long)]
    pub open: bool,
    /// Evidence that answers it: tattoo:ID, photo:ID, statement:ID,
    /// statement:ID#N for paragraph N, document:ID or document:ID#N for
    /// page N (repeat for more).
    #[arg(long = "answer", value_name = "KIND:ID[#N]")]
    pub answers: Vec<String>,
    /// The filed document that makes it, and the page: ID or ID#N (empty
    /// to clear).
    #[arg(long, value_name = "ID[#N]")]
    pub made_in: Option<String>,
}
