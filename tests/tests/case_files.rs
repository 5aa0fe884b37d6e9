//! One hop of a case in the real window, from the keyboard: the mother's
//! Amparo sends the case to the advocate's code; the advocate adds the
//! mother after comparing the words, opens the case file, sees who sent it
//! and what it brings, and takes the case; every record arrives as sent.

use amparo_casefile::{DeviceKeys, SendTo, send_case};
use amparo_core::{BlobStore, Keys, Store, Vault};
use amparo_e2e::{Desktop, PASSWORD, run};

#[test]
fn the_advocate_adds_the_mother_and_opens_the_case_she_sent() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.wait_for_text("It is not legal advice").await;
        // Without the example case: the mother's case (the same example)
        // arrives as a new one. Left checked, the example was added here
        // too, sometimes before the list first showed "no cases".
        let example = window.field("Add a fictional example case").await;
        window.focus(&example).await;
        window.keys(" ").await;
        window.close_notice("Continue in English").await;
        window.wait_for_text("There are no cases yet").await;

        window.press("Contacts").await;
        window.wait_for_text("Your words to compare").await;
        let code = window.value_of("Your Amparo code").await;
        assert!(code.starts_with("amparo1:"), "{code}");

        // The mother's Amparo, on her own laptop.
        let laptop = tempfile::tempdir().expect("the mother's data");
        let mut store = Store::open(laptop.path(), &Keys::fixed_for_tests()).expect("store");
        let blobs = BlobStore::open(laptop.path(), &Keys::fixed_for_tests()).expect("blobs");
        let hers = DeviceKeys::of(&mut store).expect("keys");
        store.rename_device("Rosa").expect("name");
        amparo_casefile::sign_custody(&mut store).expect("custody signer");
        let case = store.add_example_case().expect("her case");
        let her_code = hers.code();
        let ana = amparo_casefile::add_contact(&mut store, "Ana", &code).expect("contact");
        let usb = tempfile::tempdir().expect("usb stick");
        let file = usb.path().join("Case-2026-12-02.amparo");
        send_case(
            &mut store,
            &blobs,
            &case.id,
            &SendTo::Contacts(vec![ana.contact]),
            &file,
        )
        .expect("send");

        // The advocate adds her, once the words match.
        window.type_into("Their name", "Rosa").await;
        window
            .type_into("Their Amparo code", &her_code.to_string())
            .await;
        window.press("Check the code").await;
        window.wait_for_text("Call Rosa").await;
        let shown = window.text().await;
        for word in her_code.fingerprint().en {
            assert!(shown.contains(&word), "{word} is shown to compare");
        }
        window.press("The words match: add").await;
        window.wait_for_text("Rosa was added.").await;

        window.press("Cases").await;
        window
            .invoke("e2e_pick_next", serde_json::json!({ "path": file }))
            .await;
        window.press("Open a case file…").await;
        window.wait_for_text("Sent by Rosa").await;
        window
            .wait_for_text("This case is not on this computer yet")
            .await;
        window.press("Open it").await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Send this case…").await;
        window.quit().await;

        let vault = Vault::unlock(desktop.data_dir(), PASSWORD).expect("unlock");
        let arrived = Store::open(desktop.data_dir(), vault.keys()).expect("store");
        let mut there = arrived.case_rows(&case.id).expect("rows");
        let mut here = store.case_rows(&case.id).expect("rows");
        let log_there = there.tables.pop().expect("custody log");
        let log_here = here.tables.pop().expect("custody log");
        assert_eq!(there, here, "every record arrives as it was sent");
        // Her entries (the statements she wrote, the sending) and the opening.
        assert_eq!(log_there.rows.len(), log_here.rows.len() + 1);
        let report = amparo_casefile::custody_report(&arrived, &case.id).expect("log");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(
            report.entries.last().map(|e| e.action.as_str()),
            Some("opened")
        );
    });
}
