//! What the window needs to draw its first screen.

use amparo_core::Preferences;
use serde::Serialize;
use ts_rs::TS;

/// The saved preferences (language, whether the first-start notice was
/// read, the idle lock, the text size), and the choices to offer.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    /// The saved preferences.
    pub preferences: Preferences,
    /// The idle times, in minutes, after which the window may lock itself
    /// (0: never).
    pub lock_after_choices: Vec<u32>,
    /// The window's sizes, in percent of the normal one.
    pub text_size_choices: Vec<u32>,
}
