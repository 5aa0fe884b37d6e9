//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

pub use crate::timeline_args::{AllegationCommand, EventCommand};

/// Amparo: document a case of detention or deportation, offline.
#[derive(Debug, Parser)]
#[command(name = "amparo", version, about)]
pub struct Args {
    /// The data folder (default: AMPARO_DATA_DIR, then ~/.local/share/amparo).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print results, and errors, as JSON.
    #[arg(long, global = true)]
    pub json: bool,
    /// Make any new vault with a cost far too low for real use, so test
    /// suites that create many vaults run fast. Never for real data.
    #[arg(long, global = true, hide = true)]
    pub weak_kdf_for_tests: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
// Parsed once per run: the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Call any operation by name with JSON input, as the window does
    /// (`amparo call --list` lists them with their input).
    Call {
        /// List every operation with its input and output.
        #[arg(long, conflicts_with = "operation")]
        list: bool,
        /// The operation's name (`list_cases`, `create_tattoo` ...).
        #[arg(required_unless_present = "list")]
        operation: Option<String>,
        /// Its input as JSON (`{"caseId": "..."}`), or `-` to read it from
        /// standard input; none for an operation without fields.
        input: Option<String>,
    },
    /// Answer operations as JSON lines on standard input and output
    /// (`{"id": 1, "op": "list_cases", "input": {"query": ""}}`), for programs.
    /// It starts locked; send `unlock` (or `create_vault`) first, or set
    /// AMPARO_PASSPHRASE.
    Serve,
    /// The vault that encrypts the data folder: make it, change its
    /// passphrase, or open it with the recovery words. Other commands ask
    /// for the passphrase (or read AMPARO_PASSPHRASE).
    Vault {
        #[command(subcommand)]
        command: VaultCommand,
    },
    /// Create, read, change and delete cases.
    Case {
        #[command(subcommand)]
        command: CaseCommand,
    },
    /// The people this Amparo sends case files to, and its own code.
    Contact {
        #[command(subcommand)]
        command: ContactCommand,
    },
    /// File photos in a case, and list them.
    Photo {
        #[command(subcommand)]
        command: PhotoCommand,
    },
    /// File documents (PDFs) in a case, list them, and read their text.
    Document {
        #[command(subcommand)]
        command: DocumentCommand,
    },
    /// The people who give statements in a case.
    Declarant {
        #[command(subcommand)]
        command: DeclarantCommand,
    },
    /// Statements: write them (as JSON), check them, mark them signed.
    Statement {
        #[command(subcommand)]
        command: StatementCommand,
    },
    /// Give a photo, tattoo record or document its exhibit letter.
    Exhibit {
        #[command(subcommand)]
        command: ExhibitCommand,
    },
    /// Print documents as PDF.
    Print {
        #[command(subcommand)]
        command: PrintCommand,
    },
    /// The case's evidence packet: what goes in, in what order, and how it
    /// prints (see `print packet`).
    Packet {
        #[command(subcommand)]
        command: PacketCommand,
    },
    /// Hand a case to counsel: the packet, the originals named by exhibit
    /// letter, and SHA256SUMS.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// The legal sentences printed on declarations and certificates: list
    /// them, or change one (a lawyer's job; an empty text restores the
    /// built-in one).
    Wording {
        #[command(subcommand)]
        command: WordingCommand,
    },
    /// The case's chronology: what happened when, and what it rests on.
    Event {
        #[command(subcommand)]
        command: EventCommand,
    },
    /// What the government claims, and the evidence that answers it.
    Allegation {
        #[command(subcommand)]
        command: AllegationCommand,
    },
    /// The case's coming hearings and due dates, in the court's time zone.
    Deadlines {
        /// The case id.
        case_id: String,
    },
    /// Search every case (names, A-numbers, statements in both languages,
    /// captions, tattoo records, notes, events, allegations). Accents and
    /// case do not matter.
    Search {
        /// The words to find.
        query: String,
        /// At most this many places.
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Copy the database and stored files into a new folder, with SHA256SUMS.
    Backup {
        /// The folder to create (it must not exist, or be empty).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Replace the data with a backup once it verifies; the replaced data
    /// is kept aside (the latest only).
    Restore {
        /// The backup folder.
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
    },
    /// Show the data the last restore replaced, kept in case the backup was
    /// the wrong one; it holds every case it had, erased ones included.
    Replaced {
        /// Delete it for good.
        #[arg(long)]
        delete: bool,
    },
}

/// Vault commands.
#[derive(Debug, Subcommand)]
pub enum VaultCommand {
    /// Whether the data folder has a vault.
    Status,
    /// Make the vault (moving an older version's plain data in) and print
    /// the recovery words, once: copy them on paper.
    Create,
    /// Change the passphrase (AMPARO_PASSPHRASE, then AMPARO_NEW_PASSPHRASE,
    /// or asked).
    ChangePassphrase,
    /// Open the vault with the recovery words (read from standard input)
    /// and set a new passphrase (AMPARO_NEW_PASSPHRASE, or asked).
    Recover,
}

/// Case commands.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// List cases, most recently changed first.
    List {
        /// Only cases whose name, alias or A-number matches.
        #[arg(long, short)]
        query: Option<String>,
        /// List the Deleted cases instead.
        #[arg(long)]
        deleted: bool,
    },
    /// Show one case.
    Show {
        /// The case id.
        id: String,
    },
    /// Create a case.
    New {
        #[command(flatten)]
        fields: CaseFields,
    },
    /// Change a case: only the fields given change.
    Edit {
        /// The case id.
        id: String,
        #[command(flatten)]
        fields: CaseFields,
    },
    /// Move a case to the Deleted list (it can be restored).
    Delete {
        /// The case id.
        id: String,
        /// The case's name, typed to confirm.
        #[arg(long, value_name = "NAME")]
        confirm_name: String,
    },
    /// Bring a case back from the Deleted list.
    Restore {
        /// The case id.
        id: String,
    },
    /// Erase a case in the Deleted list for good.
    Erase {
        /// The case id.
        id: String,
        /// The case's name, typed to confirm.
        #[arg(long, value_name = "NAME")]
        confirm_name: String,
    },
    /// Add the fictional example case.
    Example,
    /// Write the case as a case file for contacts (`amparo contact add`),
    /// signed by this Amparo and encrypted to them (and to this Amparo); or,
    /// with --passphrase, to a passphrase (AMPARO_FILE_PASSPHRASE, or asked)
    /// for someone who has no Amparo yet.
    Send {
        /// The case id.
        id: String,
        /// A contact's name or id (repeat for several).
        #[arg(
            long = "to",
            value_name = "CONTACT",
            required_unless_present = "passphrase"
        )]
        to: Vec<String>,
        /// Encrypt to a passphrase instead of to contacts.
        #[arg(long, conflicts_with = "to")]
        passphrase: bool,
        /// The case file to write (it must not exist).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Check a case file and take its case: new here, or what is new in a
    /// case already here. What only the sender changed is taken; what was
    /// changed here too keeps both versions until one is chosen (`amparo
    /// case changes`). A file sent to a passphrase reads it from
    /// AMPARO_FILE_PASSPHRASE, or asks.
    Open {
        /// The case file.
        file: PathBuf,
        /// Only say what opening it would bring.
        #[arg(long)]
        dry_run: bool,
    },
    /// Check a case file without taking anything: who signed it, what it
    /// holds, and that every item matches its signed list.
    Verify {
        /// The case file.
        file: PathBuf,
    },
    /// The case's custody log: who filed, wrote, signed, sent and opened
    /// what, and when; every entry's hash, chain and signature checked.
    Custody {
        /// The case id.
        id: String,
    },
    /// What case files brought that was also changed here: both versions,
    /// field by field, to choose one with `amparo case choose`.
    Changes {
        /// The case id.
        id: String,
    },
    /// Keep one version of something changed both here and in a case file.
    Choose {
        /// The change's id (from `amparo case changes`).
        change: String,
        /// Which version to keep.
        #[arg(long, value_enum)]
        keep: KeepArg,
    },
}

/// Which version to keep, on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KeepArg {
    /// The version on this computer.
    Here,
    /// The case file's version.
    Theirs,
}

/// Contact commands.
#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Show this Amparo's code (to send) and its fingerprint words (to read
    /// aloud); --rename sets the name its case files carry.
    Me {
        /// A new name for this Amparo.
        #[arg(long, value_name = "NAME")]
        rename: Option<String>,
    },
    /// Add someone by their Amparo code: compare the fingerprint words it
    /// prints with theirs, on the phone.
    Add {
        /// The name to know them by ("Legal aid office, Ana").
        #[arg(long)]
        name: String,
        /// Their Amparo code.
        code: String,
    },
    /// List contacts with their fingerprint words.
    List,
    /// Remove a contact.
    Remove {
        /// The contact's id.
        id: String,
    },
}

/// Document commands.
#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// File documents in a case: each PDF as one document (a PDF that is
    /// encrypted, damaged, carries JavaScript or is over the limits is
    /// refused with its reason; the others are filed); or photos or scans
    /// of paper pages, in the order given, as the pages of one document,
    /// to put in order (`document page`) and then file (`document file`).
    Add {
        /// The case id.
        #[arg(long = "case", value_name = "ID")]
        case_id: String,
        /// The PDF files, or the photos of one document's pages in order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// What kind of paper: identity, government, court,
        /// countryConditions, publication, letter, medical, schoolOrWork,
        /// other.
        #[arg(
            long,
            default_value = "other",
            value_parser = clap::builder::PossibleValuesParser::new(
                amparo_core::DocumentKind::ALL.map(amparo_core::DocumentKind::as_str)
            )
        )]
        kind: String,
        /// Its title (default: the file's name).
        #[arg(long, default_value = "")]
        title: String,
        /// Who issued or wrote it.
        #[arg(long, default_value = "")]
        issued_by: String,
        /// Its language, a code such as "es" (default "en").
        #[arg(long, default_value = "en")]
        language: String,
        /// The date it bears: 2019-03-05, 2019-03, 2019 or "about 2019".
        #[arg(long)]
        dated: Option<String>,
    },
    /// List a case's documents.
    List {
        /// The case id.
        #[arg(long = "case", value_name = "ID")]
        case_id: String,
    },
    /// A document's details and pages.
    Show {
        /// The document id.
        id: String,
    },
    /// The text of a document's pages (or of one page).
    Text {
        /// The document id.
        id: String,
        /// Only this page (from 1).
        #[arg(long)]
        page: Option<u32>,
    },
    /// Save the English translation of a page of a document in another
    /// language (from --text, or a UTF-8 file with --file).
    Translate {
        /// The document id.
        id: String,
        /// The page (from 1).
        #[arg(long)]
        page: u32,
        /// The translation.
        #[arg(long, conflicts_with = "file", required_unless_present = "file")]
        text: Option<String>,
        /// A text file holding the translation.
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Correct the text read from a page (from --text, or a UTF-8 file
    /// with --file).
    Correct {
        /// The document id.
        id: String,
        /// The page (from 1).
        #[arg(long)]
        page: u32,
        /// The page's text.
        #[arg(long, conflicts_with = "file", required_unless_present = "file")]
        text: Option<String>,
        /// A text file holding it.
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Turn, move or remove a page of a document not yet filed.
    Page {
        /// The document id.
        id: String,
        /// The page (from 1).
        #[arg(long)]
        page: u32,
        /// What to do with it.
        #[arg(value_enum)]
        action: PageAction,
    },
    /// File a photographed document: its pages, their order and turns are
    /// settled for good.
    File {
        /// The document id.
        id: String,
    },
    /// Read the text of the pages that have none (scans, photos of paper)
    /// with OCR. Progress goes to standard error; a page that cannot be
    /// read fails alone; Ctrl+C stops, keeping every page read so far.
    Read {
        /// The document id.
        id: String,
    },
    /// The limits PDFs are filed under; change them with the options.
    Limits {
        /// Largest file, in megabytes.
        #[arg(long)]
        megabytes: Option<u32>,
        /// Most pages.
        #[arg(long)]
        pages: Option<u32>,
    },
}

/// What to do with a page of a document being put together.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PageAction {
    /// A quarter turn clockwise.
    TurnRight,
    /// A quarter turn counterclockwise.
    TurnLeft,
    /// One place towards page 1.
    Up,
    /// One place towards the end.
    Down,
    /// Take it out of the document.
    Remove,
}

/// Photo commands.
#[derive(Debug, Subcommand)]
pub enum PhotoCommand {
    /// Import image files (JPEG, PNG, WebP, TIFF) into a case. Progress goes
    /// to standard error; a bad file fails alone.
    Import {
        /// The case id.
        #[arg(long = "case", value_name = "ID")]
        case_id: String,
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List a case's photos in filing order.
    List {
        /// The case id.
        #[arg(long = "case", value_name = "ID")]
        case_id: String,
    },
}

/// Case fields that can be set from the command line. `--from-json` reads a
/// whole draft (the JSON of `case show --json`, or a part of it) first; the
/// other flags then change single fields.
#[derive(Debug, ClapArgs, Default)]
pub struct CaseFields {
    /// A case draft as JSON (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub from_json: Option<PathBuf>,
    /// Name as on DHS/EOIR records.
    #[arg(long)]
    pub name: Option<String>,
    /// Name the person uses.
    #[arg(long)]
    pub used_name: Option<String>,
    /// Pronouns.
    #[arg(long)]
    pub pronouns: Option<String>,
    /// Another spelling or alias (repeat for several; replaces the list).
    #[arg(long = "alias", value_name = "ALIAS")]
    pub aliases: Vec<String>,
    /// Date of birth: 1994-08-12, 1994-08 or 1994; "about 1994" if approximate.
    #[arg(long, value_name = "DATE")]
    pub born: Option<String>,
    /// Country of birth.
    #[arg(long)]
    pub country_of_birth: Option<String>,
    /// Nationality.
    #[arg(long)]
    pub nationality: Option<String>,
    /// A language the person speaks (repeat for several; replaces the list).
    #[arg(long = "language", value_name = "LANGUAGE")]
    pub languages: Vec<String>,
    /// Whether an interpreter is needed.
    #[arg(long, value_name = "YES|NO")]
    pub interpreter: Option<YesNo>,
    /// A-number, typed in any common way.
    #[arg(long)]
    pub a_number: Option<String>,
    /// Custody status.
    #[arg(long, value_enum)]
    pub custody: Option<CustodyArg>,
    /// Detention facility.
    #[arg(long)]
    pub facility: Option<String>,
    /// Detained since (same forms as --born).
    #[arg(long, value_name = "DATE")]
    pub detained_since: Option<String>,
    /// Country the person was removed to.
    #[arg(long)]
    pub removed_to: Option<String>,
    /// Date of removal (same forms as --born).
    #[arg(long, value_name = "DATE")]
    pub removed_on: Option<String>,
    /// Attorney of record.
    #[arg(long)]
    pub attorney: Option<String>,
    /// The attorney's EOIR ID.
    #[arg(long)]
    pub attorney_eoir_id: Option<String>,
    /// Free notes.
    #[arg(long)]
    pub notes: Option<String>,
}

/// Yes or no.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum YesNo {
    /// Yes.
    Yes,
    /// No.
    No,
}

/// Custody status on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CustodyArg {
    /// Not known.
    Unknown,
    /// Not detained.
    Free,
    /// Detained.
    Detained,
    /// Removed from the United States.
    Removed,
}

/// Declarant commands.
#[derive(Debug, Subcommand)]
pub enum DeclarantCommand {
    /// List a case's declarants.
    List {
        /// The case id.
        #[arg(long = "case", value_name = "ID")]
        case_id: String,
    },
    /// Add a declarant to a case.
    Add {
        /// The case id.
        #[arg(long = "case", value_name = "ID")]
        case_id: String,
        /// Full name as it will be printed and signed.
        #[arg(long)]
        name: String,
        /// Relationship to the person ("mother", "tattoo artist").
        #[arg(long, default_value = "")]
        relationship: String,
        /// Age in years.
        #[arg(long)]
        age: Option<u16>,
        /// City of residence.
        #[arg(long, default_value = "")]
        city: String,
        /// Country of residence.
        #[arg(long, default_value = "")]
        country: String,
        /// A language they speak (repeat for several).
        #[arg(long = "language", value_name = "LANGUAGE")]
        languages: Vec<String>,
        /// Whether they read English.
        #[arg(long, value_name = "YES|NO")]
        reads_english: Option<YesNo>,
        /// The declarant is the person the case is about.
        #[arg(long)]
        is_the_person: bool,
    },
}

/// Statement commands.
#[derive(Debug, Subcommand)]
pub enum StatementCommand {
    /// List a case's statements.
    List {
        /// The case id.
        #[arg(long = "case", value_name = "ID")]
        case_id: String,
    },
    /// Show a statement: its paragraphs side by side and what to fix before
    /// a final print.
    Show {
        /// The statement id.
        id: String,
    },
    /// Create a statement from JSON (the `draft` part of `statement show --json`).
    New {
        /// The case id.
        #[arg(long = "case", value_name = "ID")]
        case_id: String,
        /// The statement as JSON (`-` for standard input).
        #[arg(long, value_name = "FILE")]
        from_json: PathBuf,
    },
    /// Replace a statement's text from JSON. Signed versions stay as signed.
    Edit {
        /// The statement id.
        id: String,
        /// The statement as JSON (`-` for standard input).
        #[arg(long, value_name = "FILE")]
        from_json: PathBuf,
    },
    /// Record that the declarant signed the current text: when, where, and
    /// scans or photos of the signed pages. The filing set is printed and
    /// kept; reprints return it byte for byte.
    Sign {
        /// The statement id.
        id: String,
        /// The day it was signed, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        on: String,
        /// The place, as printed after "at".
        #[arg(long)]
        place: String,
        /// The country's two-letter ISO code (VE, US, SV ...).
        #[arg(long, value_name = "CODE")]
        country: String,
        /// Signed in a U.S. immigration detention facility.
        #[arg(long)]
        us_detention_facility: bool,
        /// Why it was signed in another country than the one where the
        /// declarant lives (a visit, a consulate).
        #[arg(long, value_name = "TEXT", default_value = "")]
        place_reason: String,
        /// A scan or photo of the signed pages (repeat for several).
        #[arg(long = "scan", value_name = "FILE")]
        scans: Vec<PathBuf>,
    },
}

/// Exhibit commands.
#[derive(Debug, Subcommand)]
pub enum ExhibitCommand {
    /// Give a photo, tattoo record or document the next free letter of its
    /// case (or show the one it has).
    #[command(group(clap::ArgGroup::new("record").required(true)))]
    Letter {
        /// A photo id.
        #[arg(long, group = "record")]
        photo: Option<String>,
        /// A tattoo record id.
        #[arg(long, group = "record")]
        tattoo: Option<String>,
        /// A document id.
        #[arg(long, group = "record")]
        document: Option<String>,
    },
}

/// Print commands.
#[derive(Debug, Subcommand)]
pub enum PrintCommand {
    /// A declaration set as PDF: a draft, the pages to sign, or the stored
    /// filing set of a signed version.
    Declaration {
        /// The statement id.
        statement_id: String,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// What to print (default: the last signed version if there is one
        /// and the text has not changed since, else a draft).
        #[arg(long, value_enum)]
        purpose: Option<PurposeArg>,
        /// Which signed version (1, 2 ...), for `--purpose filing`.
        #[arg(long, value_name = "N")]
        version: Option<u32>,
    },
    /// The case's evidence packet as PDF; over the size limit, as parts
    /// FILE_Part1.pdf, FILE_Part2.pdf ...; or as separate files with
    /// --output. The options apply to this print only; `packet set` keeps
    /// settings.
    Packet {
        /// The case id.
        case_id: String,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Immigration court cover, or federal caption.
        #[arg(long, value_enum)]
        profile: Option<ProfileArg>,
        /// Public filing: year of birth only, minors by initials, A-number
        /// masked, no GPS.
        #[arg(long)]
        public: bool,
        /// Print even if checks block, marked DRAFT on every page.
        #[arg(long, conflicts_with = "to_sign")]
        draft: bool,
        /// Only the pages someone signs by hand (the index, each
        /// certificate), to sign and scan before filing through ECAS.
        #[arg(long)]
        to_sign: bool,
        /// Text before each page number, such as R- (Bates numbering).
        #[arg(long, value_name = "TEXT")]
        prefix: Option<String>,
        /// The largest file the court accepts, in MB.
        #[arg(long, value_name = "MB")]
        limit_mb: Option<u32>,
        /// Write PDF/A-2b.
        #[arg(long)]
        pdf_a: bool,
        /// One file; an appendix numbered App. 1, App. 2 ...; or separate
        /// files for CM/ECF (FILE - Index of Exhibits.pdf, FILE - Exhibit A
        /// - Declaration.pdf ...).
        #[arg(long, value_enum)]
        output: Option<OutputArg>,
    },
}

/// How a packet print is cut into files.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputArg {
    /// One file (split in parts over the size limit).
    OneFile,
    /// One file, numbered App. 1, App. 2 ...
    Appendix,
    /// The index of exhibits, then one file per exhibit.
    SeparateFiles,
}

/// Packet commands.
#[derive(Debug, Subcommand)]
pub enum PacketCommand {
    /// The packet as JSON (exhibits in order, cover, service, profile),
    /// with its letters and what stands before a filing print.
    Show {
        /// The case id.
        case_id: String,
    },
    /// Replace the packet with the JSON in FILE (as `packet show` gives its
    /// `packet` field).
    Set {
        /// The case id.
        case_id: String,
        /// The JSON file.
        #[arg(long, value_name = "FILE")]
        from_json: PathBuf,
    },
}

/// Export commands.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// One encrypted file, DIR.zip.age, for counsel: opened with the `age`
    /// command and the passphrase printed once (tell it by phone).
    Counsel {
        /// The case id.
        case_id: String,
        /// The export's name: DIR.zip.age is written (with --plain, the
        /// folder DIR, which must not exist or be empty, and DIR.zip).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Also hand over originals whose files carry a GPS position.
        #[arg(long)]
        include_gps: bool,
        /// Encrypt to your own passphrase (at least 8 characters) instead of
        /// one Amparo makes: read from AMPARO_COUNSEL_PASSPHRASE, else asked
        /// twice.
        #[arg(long, conflicts_with = "plain")]
        own_passphrase: bool,
        /// NOT ENCRYPTED: a plain folder and .zip, readable by anyone who
        /// gets them (a lost USB stick, a forwarded email).
        #[arg(long)]
        plain: bool,
    },
}

/// Which court a packet is for.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ProfileArg {
    /// Immigration court cover page.
    Immigration,
    /// Federal district court caption.
    Federal,
}

/// What a declaration print is for.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum PurposeArg {
    /// Marked DRAFT on every page.
    Draft,
    /// The pages the declarant signs.
    ForSignature,
    /// The stored filing set of a signed version.
    Filing,
}

/// Printed wording commands.
#[derive(Debug, Subcommand)]
pub enum WordingCommand {
    /// Every printed sentence, where its default comes from, and its text.
    List,
    /// Change one sentence by its key (see `wording list`).
    Set {
        /// The key, such as `opening.es`.
        key: String,
        /// The new text; placeholders in braces as listed.
        text: String,
    },
}
