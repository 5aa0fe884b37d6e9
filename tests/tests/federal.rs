//! The example case's packet made a federal habeas filing in the real
//! window, by keyboard: the federal profile chosen, the court of the
//! facility where he is held taken from the venue table, the caption filled
//! in with a next friend and initials, CM/ECF offered and ECAS not, and
//! "Open / Print", whose PDF carries the caption under initials. Needs the
//! app built with `--features e2e`.

use amparo_e2e::{Desktop, pdf_text, run};
use fantoccini::key::Key;
use serde_json::json;

#[test]
fn a_federal_filing_is_set_by_keyboard_and_prints_under_initials() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.open_example_packet().await;

        // The court: the first choice after the immigration court.
        let profile = window.field("Court").await;
        window.focus(&profile).await;
        window.keys(&Key::Down.to_string()).await;
        window.wait_for_text("Which federal court?").await;
        window
            .wait_for_text(
                "United States District Court for the Western District of Texas, San Antonio Division",
            )
            .await;
        window.press("Use this court").await;
        window
            .type_into("Petitioner (the person held)", "Jesús Alberto Rivas Moreno")
            .await;
        window
            .type_into(
                "Next friend, if someone petitions for the person",
                "María Elena Moreno de Rivas",
            )
            .await;
        window
            .type_into(
                "Respondents",
                "Warden, South Texas ICE Processing Center, et al.",
            )
            .await;
        window
            .type_into(
                "The filing it supports",
                "Petition for Writ of Habeas Corpus",
            )
            .await;
        let initials = window.field("The person proceeds under initials").await;
        window.focus(&initials).await;
        window.keys(" ").await;

        // A federal court is served through CM/ECF, by mail or by hand:
        // never through ECAS.
        let routes = window
            .script(
                "return Array.from(document.getElementById('packet-service-method').options).map((o) => o.value).join(',');",
            )
            .await;
        assert_eq!(routes, json!("cmecf,mail,hand"));

        window.keys(&(Key::Control + "s")).await;
        window.wait_for_text("The packet was saved.").await;
        // No case number yet: a note, not a refusal.
        window.wait_for_text("The caption has no case number").await;
        window.wait_for_text("is not signed yet").await;

        let text = pdf_text(&window.open_print().await);
        for line in [
            "UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF TEXAS",
            "SAN ANTONIO DIVISION",
            "Case No. ____________",
            "EXHIBITS IN SUPPORT OF PETITION FOR WRIT OF HABEAS CORPUS",
            "DECLARATION OF M.E.M.R. IN SUPPORT OF PETITION FOR WRIT OF HABEAS",
        ] {
            assert!(text.contains(line), "{line} missing:\n{text}");
        }
        for name in [
            "Jesús Alberto Rivas Moreno",
            "María Elena Moreno de Rivas",
            "000-111-222",
        ] {
            assert!(!text.contains(name), "{name} printed under initials");
        }
        assert!(!text.contains("CERTIFICATE OF SERVICE"), "CM/ECF serves it");
        window.quit().await;
    });
}
