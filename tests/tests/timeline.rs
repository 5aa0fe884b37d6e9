//! Allegations and search in the real window, by keyboard: a tattoo record
//! added to the example case, an allegation recorded and answered by it,
//! then the case found from the search page by a word of the tattoo's
//! meaning typed without its accent. Needs the app built with
//! `--features e2e`.

use amparo_e2e::{Desktop, run};
use serde_json::json;

#[test]
fn an_allegation_is_answered_by_a_tattoo_record_and_the_case_is_found_by_its_meaning() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.close_notice("Continue in English").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;

        window.press("Add a tattoo record").await;
        window.type_into("Where on the body", "Left wrist").await;
        window
            .type_into(
                "What it means, in the person's own words",
                "Una corona por mi mamá y por la cabalgata de los Reyes Magos",
            )
            .await;
        window.press("Save tattoo record").await;
        window.wait_for_text("Tattoos (1)").await;

        window.press("Open the allegations").await;
        window
            .wait_for_text("Criteria as reported in the press")
            .await;
        window.press("Record an allegation").await;
        window
            .type_into("Criterion", "Insignia, logos or dress")
            .await;
        window.type_into("Points claimed", "4").await;
        window
            .type_into("What the document says", "Crown tattoos on both wrists")
            .await;
        // A select answers typing: "Left" picks the tattoo record.
        let evidence = window.field("Link evidence").await;
        window.focus(&evidence).await;
        window.keys("Left").await;
        window.press("Link it").await;
        window.wait_for_text("Tattoo record: Left wrist").await;
        window.press("Save the allegation").await;
        window
            .wait_for_text("Saved: Insignia, logos or dress")
            .await;

        let cases = window.invoke("list_cases", json!({ "query": "" })).await;
        let case_id = cases[0]["id"].as_str().expect("case id").to_owned();
        let tattoos = window
            .invoke("list_tattoos", json!({ "caseId": case_id }))
            .await;
        let allegations = window
            .invoke("list_allegations", json!({ "caseId": case_id }))
            .await;
        let ours = allegations
            .as_array()
            .expect("allegations")
            .iter()
            .find(|a| a["criterion"] == "Insignia, logos or dress")
            .expect("the allegation typed in the window");
        assert_eq!(ours["points"], 4);
        assert_eq!(
            ours["answers"],
            json!([{ "kind": "tattoo", "id": tattoos[0]["id"], "paragraph": null, "page": null }])
        );

        window.press("Search").await;
        window.type_into("Words to find", "CABALGATA").await;
        window.wait_for_text("Found in 1 place.").await;
        window.press_containing("Tattoo record: Left wrist").await;
        window.wait_for_text("Tattoos (1)").await;
        window.wait_for_text("Chronology and allegations").await;
        window.quit().await;
    });
}
