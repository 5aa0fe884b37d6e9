//! A remembered date typed or stored any way: what is accepted is a real
//! date, and it is stored and read back unchanged.
#![no_main]

use amparo_core::RememberedDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(date) = RememberedDate::parse_typed(text) {
        assert!(date.check().is_ok(), "{text:?} gave {date:?}");
        assert_eq!(RememberedDate::decode(&date.encode()), Some(date), "{text:?}");
    }
    if let Some(date) = RememberedDate::decode(text) {
        assert_eq!(RememberedDate::decode(&date.encode()), Some(date), "{text:?}");
    }
});
