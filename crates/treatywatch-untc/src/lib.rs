//! Imports the UN Treaty Collection's status tables (as scraped into
//! `shared/data/untc-2015/`: `index.csv` and `treaties/C-N.csv`) into the treatywatch
//! dataset.
//!
//! * [`cell`]: dates with suffixes, and headers that declare what each suffix means.
//! * [`index`]: the list of treaties, with their UN references.
//! * [`participants`]: one alias table for states and other entities.
//! * [`import`]: a whole import, its per-file report, and the dataset files it gives.
//!
//! Nothing is dropped silently: every row that is not imported, every column that is not
//! read as an action, and every suffix read by the UN's general convention rather than
//! the table's own header is in the report.

pub mod cell;
mod files;
pub mod import;
pub mod index;
pub mod participants;

pub use files::read_paths;
pub use import::{
    Capture, Difference, FileReport, Import, Reconcile, RowNote, Table, import, merged_files,
    treaty_slug,
};
pub use index::{TreatyMeta, read_index};
pub use participants::{Participant, Participants, strip_footnotes};
