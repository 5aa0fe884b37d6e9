//! One running app, driven through WebDriver the way a keyboard user would:
//! fields are found by their visible labels, buttons by their names, and
//! they are pressed with Enter or Space.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// How long to wait for something to appear on screen.
const PATIENCE: Duration = Duration::from_secs(20);

/// The app's window in a WebDriver session.
pub struct Window {
    client: Client,
}

impl Window {
    pub(crate) async fn open(port: u16, app: &Path) -> Self {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": app.to_string_lossy() }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = String::new();
        for _ in 0..3 {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    let window = Self { client };
                    window
                        .wait_for_css("nav, [role=dialog], .store-problem, .vault-gate")
                        .await;
                    return window;
                }
                Err(e) => {
                    last_error = e.to_string();
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
        panic!("could not start the app through tauri-driver: {last_error}");
    }

    /// Unlocks Amparo from its lock screen with `password`, from the
    /// keyboard, and waits for the first screen behind it.
    pub async fn unlock(&self, password: &str) {
        self.wait_for_text("Amparo is locked").await;
        self.type_into("Password", &format!("{password}{}", Key::Enter))
            .await;
        self.wait_for_css("nav, [role=dialog], .store-problem")
            .await;
    }

    /// On a first start: presses the notice's `button` ("Continue in
    /// English") and waits until the notice is gone. The case list is drawn
    /// again as it closes (with the example case), so a key sent before then
    /// can land on a button that is about to be replaced, and be lost.
    pub async fn close_notice(&self, button: &str) {
        self.press(button).await;
        let started = Instant::now();
        while self
            .script("return document.querySelector('[role=dialog]') !== null")
            .await
            == serde_json::Value::Bool(true)
        {
            assert!(
                started.elapsed() < PATIENCE,
                "the first-start notice stayed open after {button:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// On a first start: continues in English, waits for the example case
    /// (so the list is not drawn again under the next key), and saves a
    /// new case for `record_name`, which then shows.
    pub async fn new_case_in_english(&self, record_name: &str) {
        self.close_notice("Continue in English").await;
        self.wait_for_text("EXAMPLE - FICTIONAL").await;
        self.press("New case").await;
        self.type_into("Name as on immigration records", record_name)
            .await;
        self.press("Save case").await;
    }

    /// Quits the app (ends the WebDriver session).
    pub async fn quit(self) {
        self.client.close().await.expect("quit the app");
    }

    /// The window's title.
    pub async fn title(&self) -> String {
        self.client.title().await.expect("title")
    }

    /// The visible text of the page.
    pub async fn text(&self) -> String {
        self.client
            .execute("return document.body.innerText", vec![])
            .await
            .expect("read the page")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Waits until the page shows `text`.
    pub async fn wait_for_text(&self, text: &str) {
        let started = Instant::now();
        loop {
            let page = self.text().await;
            if page.contains(text) {
                return;
            }
            if started.elapsed() > PATIENCE {
                panic!("waited {PATIENCE:?} for {text:?}; the page shows:\n{page}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until an element matches the CSS selector.
    pub async fn wait_for_css(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(found) => found,
            Err(e) => {
                let page = self.text().await;
                panic!("waited for {css}: {e}; the page shows:\n{page}")
            }
        }
    }

    /// The form control whose label contains `label`.
    pub async fn field(&self, label: &str) -> Element {
        let xpath = format!(
            "//label[contains(normalize-space(.), {})]",
            xpath_literal(label)
        );
        let label_element = self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no field labelled {label:?}: {e}"));
        let id = label_element
            .attr("for")
            .await
            .expect("label attribute")
            .unwrap_or_else(|| panic!("the label {label:?} names no control"));
        self.client
            .find(Locator::Id(&id))
            .await
            .unwrap_or_else(|e| panic!("no control #{id}: {e}"))
    }

    /// The button whose visible name is exactly `name`.
    pub async fn button(&self, name: &str) -> Element {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(name));
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no button {name:?}: {e}"))
    }

    /// Presses the button named `name` from the keyboard (focus, Enter).
    pub async fn press(&self, name: &str) {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(name));
        self.press_at(&xpath, name).await;
    }

    /// Focuses the button at `xpath` and presses Enter. The page may redraw
    /// between finding, focusing and pressing it (an answer from the core
    /// arriving in between); then it is found again.
    async fn press_at(&self, xpath: &str, what: &str) {
        for _ in 0..20 {
            let button = self
                .client
                .wait()
                .at_most(PATIENCE)
                .for_element(Locator::XPath(xpath))
                .await
                .unwrap_or_else(|e| panic!("no button {what:?}: {e}"));
            let focused = self
                .client
                .execute(
                    "arguments[0].focus(); return document.activeElement === arguments[0];",
                    vec![serde_json::to_value(&button).expect("element reference")],
                )
                .await;
            // Enter goes to this very button: if the page has redrawn it
            // since, WebDriver answers "stale" and it is found again, so a
            // key never lands on whatever else has focus.
            if let Ok(serde_json::Value::Bool(true)) = focused
                && button.send_keys(&Key::Enter.to_string()).await.is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not focus the button {what:?}");
    }

    /// Presses, from the keyboard, the button whose name contains `part`
    /// (a case in a list, named by its person and details).
    pub async fn press_containing(&self, part: &str) {
        let part_literal = xpath_literal(part);
        let xpath = format!(
            "//button[contains(normalize-space(.), {part_literal}) or contains(@aria-label, {part_literal})]"
        );
        self.press_at(&xpath, part).await;
    }

    /// Types `text` into the field labelled `label`, after what it holds.
    pub async fn type_into(&self, label: &str, text: &str) {
        let field = self.field(label).await;
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing into {label:?}: {e}"));
    }

    /// Empties the field labelled `label` and types `text` (if any).
    pub async fn replace(&self, label: &str, text: &str) {
        let field = self.field(label).await;
        self.focus(&field).await;
        // Select all and type over it, as a person would.
        self.keys(&(Key::Control + "a")).await;
        self.keys(&Key::Backspace.to_string()).await;
        if !text.is_empty() {
            field
                .send_keys(text)
                .await
                .unwrap_or_else(|e| panic!("typing into {label:?}: {e}"));
        }
    }

    /// The current value of the field labelled `label`.
    pub async fn value_of(&self, label: &str) -> String {
        self.field(label)
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// Sends keys to whatever has focus.
    pub async fn keys(&self, keys: &str) {
        let active = self.client.active_element().await.expect("focused element");
        active.send_keys(keys).await.expect("send keys");
    }

    /// Moves keyboard focus to `element`.
    pub async fn focus(&self, element: &Element) {
        self.client
            .execute(
                "arguments[0].focus(); return document.activeElement === arguments[0];",
                vec![serde_json::to_value(element).expect("element reference")],
            )
            .await
            .expect("focus");
    }

    /// Calls an operation of the app directly, as its UI would, for setting
    /// up what a test cannot do through the window (the native file picker).
    /// Catalog operations go through the window's one `call` command; the
    /// test-only `e2e_*` commands are invoked by name.
    pub async fn invoke(&self, command: &str, args: serde_json::Value) -> serde_json::Value {
        let (command, args) = if command.starts_with("e2e_") {
            (command.to_owned(), args)
        } else {
            ("call".to_owned(), json!({ "op": command, "input": args }))
        };
        let command = command.as_str();
        let answer = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
                   .then((ok) => done({ ok }), (error) => done({ error }));",
                vec![json!(command), args],
            )
            .await
            .unwrap_or_else(|e| panic!("invoke {command}: {e}"));
        if let Some(error) = answer.get("error") {
            panic!("{command} failed: {error}");
        }
        answer.get("ok").cloned().unwrap_or(serde_json::Value::Null)
    }

    /// Invokes `command` exactly as named (a plugin's `plugin:x|y` too),
    /// with no permission of its own: what a script in the page could do.
    /// The answer, or the refusal as the page receives it.
    pub async fn invoke_as_page(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let answer = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
                   .then((ok) => done({ ok }), (error) => done({ error: error ?? 'refused' }));",
                vec![json!(command), args],
            )
            .await
            .unwrap_or_else(|e| panic!("invoke {command}: {e}"));
        match answer.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(answer.get("ok").cloned().unwrap_or(serde_json::Value::Null)),
        }
    }

    /// How many windows the app has open, as WebDriver sees them.
    pub async fn window_count(&self) -> usize {
        self.client.windows().await.expect("window handles").len()
    }

    /// The address of the page the window shows.
    pub async fn address(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("current address")
            .to_string()
    }

    /// Runs a script in the page and returns its value.
    pub async fn script(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    /// Runs `script`, which calls its last argument with the answer, and
    /// gives that answer.
    pub async fn script_async(&self, script: &str) -> serde_json::Value {
        self.client
            .execute_async(script, vec![])
            .await
            .expect("script")
    }

    /// On a first start: continues in English and opens the example
    /// case's evidence packet, with its two declarations.
    pub async fn open_example_packet(&self) {
        self.close_notice("Continue in English").await;
        self.press_containing("Jesús Alberto Rivas Moreno").await;
        self.press("Open the evidence packet").await;
        self.wait_for_text("In the packet (2)").await;
    }

    /// Presses "Open / Print", waits until the PDF went to the viewer, and
    /// gives the path of the file it opened (recorded instead of opened, in
    /// `--features e2e` builds).
    pub async fn open_print(&self) -> String {
        self.press("Open / Print").await;
        self.wait_for_text("Opened in the PDF viewer. Print from there.")
            .await;
        let opened = self.invoke("e2e_opened_pdfs", json!({})).await;
        opened
            .as_array()
            .and_then(|a| a.last())
            .and_then(|p| p.as_str())
            .expect("a PDF was opened")
            .to_owned()
    }

    /// The text of the element with this id, once it exists.
    pub async fn text_of_id(&self, id: &str) -> String {
        self.wait_for_css(&format!("#{id}"))
            .await
            .text()
            .await
            .expect("element text")
    }
}

/// `text` as an XPath string literal, whatever quotes it holds.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        return format!("'{text}'");
    }
    let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
    format!("concat({})", parts.join(", \"'\", "))
}
