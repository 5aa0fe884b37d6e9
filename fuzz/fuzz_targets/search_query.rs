//! Anything typed in the search box: the query built from it is always
//! valid FTS5, so a search answers (perhaps with nothing) and never fails.
#![no_main]

use std::cell::RefCell;

use amparo_core::Store;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static STORE: RefCell<Store> = RefCell::new({
        let mut store = Store::open_in_memory().expect("store");
        store.add_example_case().expect("the example case, to search in");
        store
    });
}

fuzz_target!(|typed: &str| {
    let _ = amparo_core::match_expression(typed);
    STORE.with(|store| {
        if let Err(e) = store.borrow().search(typed, 20) {
            panic!("{typed:?} made the search fail: {e}");
        }
    });
});
