//! Writes screenshots of the real window into a folder (default
//! docs/screenshots): the password and recovery words of a first start, the
//! lock, the first-start notice, the case list and page, the case form
//! with validation messages in English and Spanish, a gallery of a few
//! hundred photos, a tattoo record, a statement (editor, preview, the
//! perjury notice before signing), the evidence packet (exhibits, who
//! files and serves it, preview), the chronology, the allegations and a search. Needs the `e2e`
//! build of the app.

use std::path::{Path, PathBuf};
use std::time::Duration;

use amparo_e2e::{Desktop, run};
use serde_json::json;

fn main() {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("docs/screenshots"));
    std::fs::create_dir_all(&out).expect("screenshot folder");
    run(|| async {
        let desktop = Desktop::start_without_vault();
        let shot = |name: &str| save(&desktop, &out, name);
        let window = desktop.launch_locked().await;
        window
            .wait_for_text("Protect this information with a password")
            .await;
        window
            .field("Language")
            .await
            .select_by_value("es")
            .await
            .expect("choose Spanish");
        window.wait_for_text("Proteja esta información").await;
        settle().await;
        shot("vault-create-es.png");
        window.type_into("Contraseña", "corona de mamá").await;
        window
            .type_into("Repita la contraseña", "corona de mamá")
            .await;
        window.press("Proteger con esta contraseña").await;
        window.wait_for_text("Sus palabras de recuperación").await;
        settle().await;
        shot("vault-words-es.png");
        let words = window
            .script("return Array.from(document.querySelectorAll('ol.words li')).map((li) => li.textContent).join(' ');")
            .await;
        window
            .type_into(
                "Escriba aquí las 12 palabras",
                words.as_str().expect("words"),
            )
            .await;
        window.press("Comprobar y seguir").await;
        window.wait_for_text("Antes de empezar").await;
        settle().await;
        shot("first-start.png");

        window.close_notice("Continue in English").await;
        window.wait_for_text("EXAMPLE - FICTIONAL").await;
        settle().await;
        shot("case-list-en.png");

        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Needs an interpreter").await;
        settle().await;
        shot("case-page-en.png");
        window.press("Cases").await;

        window.press("New case").await;
        window
            .type_into("Name as on immigration records", "María José Peña")
            .await;
        window.type_into("A-number", "A-12-345").await;
        window.type_into("Year", "2031").await;
        window.press("Save case").await;
        window.wait_for_text("Nothing was saved").await;
        settle().await;
        shot("case-form-en.png");

        let language = window.field("Language").await;
        language
            .select_by_value("es")
            .await
            .expect("choose Spanish");
        window.wait_for_text("Guardar caso").await;
        settle().await;
        shot("case-form-es.png");
        language
            .select_by_value("en")
            .await
            .expect("back to English");
        window.press("Cancel").await;
        window.press("Leave and discard changes").await;

        // A gallery with a few hundred photos, and a tattoo record.
        let photos = tempfile::tempdir().expect("photo folder");
        let paths: Vec<String> = (0..240).map(|i| festival_photo(photos.path(), i)).collect();
        let cases = window.invoke("list_cases", json!({ "query": "" })).await;
        let case_id = cases[0]["id"].as_str().expect("example case").to_owned();
        window
            .invoke(
                "e2e_import_paths",
                json!({ "caseId": case_id, "paths": paths }),
            )
            .await;
        window.press("Cases").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Photos (240)").await;
        window
            .script("document.getElementById('photos-title').scrollIntoView(); return 1")
            .await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        shot("gallery-en.png");

        window.press_containing("Photo 1 of 240").await;
        window
            .type_into(
                "What the photo shows",
                "Inside of his left wrist: the crown over “mamá”",
            )
            .await;
        window
            .type_into("Who took it", "María Moreno (his mother)")
            .await;
        window.press("Save").await;
        window.press("Record a tattoo shown in this photo").await;
        window
            .type_into("Where on the body", "Inside of the left wrist")
            .await;
        window.type_into("Words or letters in it", "mamá").await;
        window
            .type_into("Images in it", "A crown with three points over the word")
            .await;
        window
            .type_into("Where it was made", "Capacho, Táchira, Venezuela")
            .await;
        window
            .type_into("Who made it", "Luis Contreras, tattoo artist in Capacho")
            .await;
        window
            .type_into("Language of the explanation", "Spanish")
            .await;
        window
            .type_into(
                "What it means, in the person's own words",
                "La corona es por mi mamá, la reina de mi casa, y por los Reyes Magos de Capacho, \
                 la fiesta en la que salí desde los siete años.",
            )
            .await;
        window
            .type_into(
                "What it means, in English",
                "The crown is for my mom, the queen of my home, and for the Three Kings of \
                 Capacho, the festival I performed in since I was seven.",
            )
            .await;
        window
            .type_into(
                "Cultural, religious or community context",
                "Capacho's Three Kings festival (Reyes Magos), every January 6.",
            )
            .await;
        settle().await;
        shot("tattoo-form-en.png");
        window.press("Save tattoo record").await;
        window
            .wait_for_text("Inside of the left wrist (mamá)")
            .await;
        window.press("Close").await;
        window.wait_for_text("Tattoos (1)").await;
        window
            .script("document.getElementById('tattoos-title').scrollIntoView(); return 1")
            .await;
        settle().await;
        shot("tattoo-record-en.png");

        // The mother's statement: Spanish beside English, then the preview.
        window
            .press("Declaration of María Elena Moreno de Rivas")
            .await;
        window.wait_for_text("Paragraphs").await;
        window
            .script("document.getElementById('paragraphs-title').scrollIntoView(); return 1")
            .await;
        settle().await;
        shot("statement-editor-en.png");
        window.press("Preview pages").await;
        window.wait_for_css("img[alt='Page 1 of 3']").await;
        window
            .script("document.getElementById('print-title').scrollIntoView(); return 1")
            .await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        shot("statement-preview-en.png");
        window.press("Mark signed…").await;
        window.wait_for_text("Firmar una declaración").await;
        settle().await;
        shot("statement-sign-notice.png");
        window.press("Cancel").await;
        window.press("More").await;
        window.press("Printed wording").await;
        window.wait_for_text("Printed legal wording").await;
        settle().await;
        shot("wording-en.png");

        // The evidence packet: its exhibits in order, then its preview.
        window.press("Cases").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.press("Open the evidence packet").await;
        window.wait_for_text("In the packet").await;
        settle().await;
        shot("packet-en.png");
        // Who files it and who serves it.
        window
            .script("document.getElementById('packet-filer-role').scrollIntoView(); return 1")
            .await;
        settle().await;
        shot("packet-filer-en.png");
        window.press("Preview pages").await;
        window.wait_for_css("img[alt^='Page 1 of']").await;
        window
            .script("document.getElementById('packet-print').scrollIntoView(); return 1")
            .await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        shot("packet-preview-en.png");
        // For a federal court: the caption, and the court of the facility
        // where he is held (not saved).
        window
            .field("Court")
            .await
            .select_by_value("federalCourt")
            .await
            .expect("the federal profile");
        window.wait_for_text("Which federal court?").await;
        window
            .script("document.getElementById('packet-venue-title').scrollIntoView(); return 1")
            .await;
        settle().await;
        shot("packet-federal-en.png");

        // The chronology, then the allegations with what answers them.
        window.press("Cases").await;
        window.wait_for_text("Leave without saving?").await;
        window.press("Leave and discard changes").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window
            .script("document.getElementById('deadlines-title').scrollIntoView(); return 1")
            .await;
        settle().await;
        shot("deadlines-en.png");
        window.press("Open the chronology").await;
        window.wait_for_text("Dates the case already knows").await;
        settle().await;
        shot("chronology-en.png");
        window.press("Back to the case").await;
        window.press("Open the allegations").await;
        window
            .wait_for_text("Criteria as reported in the press")
            .await;
        settle().await;
        shot("allegations-en.png");
        let language = window.field("Language").await;
        language
            .select_by_value("es")
            .await
            .expect("choose Spanish");
        window.wait_for_text("Acusaciones y sus respuestas").await;
        settle().await;
        shot("allegations-es.png");
        // The case in Spanish, "¿Qué sigue?" at its top.
        window.press("Casos").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("¿Qué sigue?").await;
        settle().await;
        shot("case-next-steps-es.png");
        window.press("Abrir las acusaciones").await;
        window.wait_for_text("Acusaciones y sus respuestas").await;
        language
            .select_by_value("en")
            .await
            .expect("back to English");
        window.wait_for_text("Allegations and their answers").await;
        window.press("Search").await;
        window.type_into("Words to find", "mama").await;
        window.wait_for_text("Found in").await;
        settle().await;
        shot("search-en.png");

        // Contacts in Spanish: this Amparo's code and the words to compare;
        // then a case file from someone not yet in the contacts, checked
        // and shown before anything is kept.
        let language = window.field("Language").await;
        language
            .select_by_value("es")
            .await
            .expect("choose Spanish");
        window.press("Contactos").await;
        window.wait_for_text("Sus palabras para comparar").await;
        let code = window.value_of("Su código de Amparo").await;
        settle().await;
        shot("contacts-es.png");
        let laptop = tempfile::tempdir().expect("another Amparo");
        let file = laptop.path().join("Case-2026-12-02.amparo");
        let (case_id, statement_id) = {
            let keys = amparo_core::Keys::fixed_for_tests();
            let mut store = amparo_core::Store::open(laptop.path(), &keys).expect("store");
            let blobs = amparo_core::BlobStore::open(laptop.path(), &keys).expect("blobs");
            amparo_casefile::DeviceKeys::of(&mut store).expect("keys");
            store.rename_device("Rosa").expect("name");
            let case = store.add_example_case().expect("case");
            let card = amparo_casefile::add_contact(&mut store, "Ana", &code).expect("contact");
            amparo_casefile::send_case(
                &mut store,
                &blobs,
                &case.id,
                &amparo_casefile::SendTo::Contacts(vec![card.contact]),
                &file,
            )
            .expect("send");
            let statement = store.statements(&case.id).expect("statements")[0]
                .id
                .clone();
            (case.id, statement)
        };
        window.press("Casos").await;
        window
            .invoke("e2e_pick_next", serde_json::json!({ "path": file }))
            .await;
        window.press("Abrir un archivo de caso…").await;
        window
            .wait_for_text("Enviado por alguien que no está en sus contactos")
            .await;
        settle().await;
        shot("open-case-file-es.png");
        window.press("Abrirlo").await;
        window.wait_for_text("Enviar este caso…").await;

        // The same statement's first paragraph and the case's notes are
        // changed both here and on the other laptop, which sends the case
        // again: both versions wait side by side on the case's page.
        edit_here(&window, &case_id, &statement_id).await;
        let again = laptop.path().join("Case-2026-12-03.amparo");
        {
            let keys = amparo_core::Keys::fixed_for_tests();
            let mut store = amparo_core::Store::open(laptop.path(), &keys).expect("store");
            let blobs = amparo_core::BlobStore::open(laptop.path(), &keys).expect("blobs");
            let mut statement = store.statement(&statement_id).expect("statement").draft;
            statement.paragraphs[0].original =
                "Mi hijo se tatuó las coronas a los doce años, en Capacho, por su papá y por mí."
                    .into();
            store
                .update_statement(&statement_id, &statement)
                .expect("statement");
            let mut case = store.case(&case_id).expect("case").to_draft();
            case.notes = "La audiencia se movió al 14 de enero.".into();
            store.update_case(&case_id, &case).expect("case");
            let ana = store.contacts().expect("contacts").remove(0);
            amparo_casefile::send_case(
                &mut store,
                &blobs,
                &case_id,
                &amparo_casefile::SendTo::Contacts(vec![ana]),
                &again,
            )
            .expect("send again");
        }
        window.press("Casos").await;
        window
            .invoke("e2e_pick_next", serde_json::json!({ "path": again }))
            .await;
        window.press("Abrir un archivo de caso…").await;
        window
            .wait_for_text("Cambiado aquí y también por quien lo envió")
            .await;
        window.press("Abrirlo").await;
        window.wait_for_text("Cambios para elegir").await;
        settle().await;
        shot("changes-es.png");
        window.press("Casos").await;
        language
            .select_by_value("en")
            .await
            .expect("back to English");
        window.wait_for_text("Cases").await;

        window.keys(&(fantoccini::key::Key::Control + "l")).await;
        window.wait_for_text("Amparo is locked").await;
        settle().await;
        shot("vault-locked-en.png");
        window.quit().await;
    });
}

/// Changes the case's notes and the statement's first paragraph in the
/// window's own store, as its user would have.
async fn edit_here(window: &amparo_e2e::Window, case_id: &str, statement_id: &str) {
    let case = window.invoke("get_case", json!({ "id": case_id })).await;
    let draft = json!({
        "person": case["person"],
        "custody": case["custody"],
        "hearings": case["hearings"],
        "attorney": case["attorney"],
        "notes": "Llamar al consulado el lunes.",
        "courtTimeZone": case["courtTimeZone"],
    });
    window
        .invoke("update_case", json!({ "id": case_id, "draft": draft }))
        .await;
    let statement = window
        .invoke("get_statement", json!({ "id": statement_id }))
        .await;
    // A statement is its draft's fields and a few of its own.
    let mut draft = statement.clone();
    if let Some(fields) = draft.as_object_mut() {
        for own in [
            "id",
            "caseId",
            "createdAt",
            "updatedAt",
            "isDraft",
            "signed",
        ] {
            fields.remove(own);
        }
    }
    draft["paragraphs"][0]["original"] =
        json!("Se tatuó las coronas cuando tenía doce años, por sus padres.");
    window
        .invoke(
            "update_statement",
            json!({ "id": statement_id, "draft": draft }),
        )
        .await;
}

/// A colourful stand-in photo (stripes and a disc), different for each `i`.
fn festival_photo(dir: &Path, i: u32) -> String {
    let hue = |k: u32| ((i * 37 + k * 85) % 200 + 40) as u8;
    let image = image::RgbImage::from_fn(800, 600, |x, y| {
        let (dx, dy) = (x as i32 - 400, y as i32 - 300);
        // The disc's size makes every photo different.
        let radius = 40 + i as i32;
        if dx * dx + dy * dy < radius * radius {
            image::Rgb([hue(0), hue(1) / 2, 40])
        } else if (x / 50 + i).is_multiple_of(2) {
            image::Rgb([hue(2), hue(0), hue(1)])
        } else {
            image::Rgb([240, 235, 220])
        }
    });
    let path = dir.join(format!("festival-{i:03}.jpg"));
    image.save(&path).expect("write photo");
    path.to_string_lossy().into_owned()
}

/// Lets the page finish painting before the screen is read.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(400)).await;
}

fn save(desktop: &Desktop, dir: &Path, name: &str) {
    let path = dir.join(name);
    desktop.screenshot(&path);
    println!("wrote {}", path.display());
}
