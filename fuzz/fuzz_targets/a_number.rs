//! An A-number typed any way: accepted only as nine digits, and the
//! digits read back as the same number.
#![no_main]

use amparo_core::ANumber;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|typed: &str| {
    if let Ok(number) = ANumber::parse(typed) {
        let digits = number.digits();
        assert_eq!(digits.len(), 9, "{typed:?}");
        assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{typed:?}");
        let again = ANumber::parse(&number.to_string()).expect("its own form parses");
        assert_eq!(again, number, "{typed:?}");
    }
});
