//! What the window needs to draw its first screen.

use amparo_core::Preferences;
use serde::Serialize;
use ts_rs::TS;

/// The saved preferences (language, whether the first-start notice was read).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    /// The saved preferences.
    pub preferences: Preferences,
}
