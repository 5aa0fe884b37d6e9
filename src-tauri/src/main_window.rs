//! The main window, confined to Amparo's own pages: a navigation to any
//! other origin is refused and no new window opens. A link in user text, a
//! dropped URL or a script that slipped past the content security policy
//! cannot take the window (and the case on screen) to a web page, and no
//! second window escapes the capabilities granted to this one.

use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Runtime, Url, WebviewWindowBuilder};

/// The label of the one window, as `tauri.conf.json` and the capabilities
/// name it.
pub const LABEL: &str = "main";

/// Whether `url` is one of the app's own pages: `tauri://localhost` (Linux,
/// macOS), `http(s)://tauri.localhost` (Windows), or the dev server's
/// origin in a development build that has one (`build.devUrl`).
pub fn is_own_page(url: &Url, dev_url: Option<&Url>) -> bool {
    let bundled = match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    } && url.port().is_none()
        && url.username().is_empty()
        && url.password().is_none();
    let dev = tauri::is_dev() && dev_url.is_some_and(|dev| dev.origin() == url.origin());
    bundled || dev
}

/// Opens the main window as `tauri.conf.json` describes it (where it is
/// marked `"create": false`, so that it opens here, confined).
pub fn open<R: Runtime>(app: &AppHandle<R>) -> Result<(), Box<dyn std::error::Error>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == LABEL)
        .cloned()
        .ok_or("tauri.conf.json describes no main window")?;
    let dev_url = app.config().build.dev_url.clone();
    WebviewWindowBuilder::from_config(app, &config)?
        .on_navigation(move |url| is_own_page(url, dev_url.as_ref()))
        .on_new_window(|_, _| NewWindowResponse::Deny)
        .build()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(url: &str, dev: Option<&str>) -> bool {
        let dev: Option<Url> = dev.map(|d| d.parse().expect("dev url"));
        is_own_page(&url.parse().expect("url"), dev.as_ref())
    }

    #[test]
    fn the_apps_own_pages_are_allowed() {
        for url in [
            "tauri://localhost",
            "tauri://localhost/",
            "tauri://localhost/index.html#/cases",
            "http://tauri.localhost/",
            "https://tauri.localhost/index.html",
        ] {
            assert!(own(url, None), "{url}");
        }
    }

    #[test]
    fn every_other_origin_is_refused() {
        for url in [
            "https://example.com/",
            "http://localhost:5173/",
            "https://tauri.localhost.example.com/",
            "https://tauri.localhost:8080/",
            "https://user@tauri.localhost/",
            "tauri://elsewhere/",
            "file:///etc/passwd",
            "amparo-media://localhost/thumb/00",
            "data:text/html,<p>x</p>",
            "about:blank",
            "javascript:alert(1)",
            "blob:tauri://localhost/0",
        ] {
            assert!(!own(url, None), "{url} must be refused");
        }
    }

    #[test]
    fn a_dev_server_is_allowed_only_in_a_development_build() {
        let dev = Some("http://localhost:5173/");
        assert_eq!(
            own("http://localhost:5173/src/main.ts", dev),
            tauri::is_dev()
        );
        assert!(!own("http://localhost:5174/", dev));
        assert!(!own("https://example.com/", dev));
    }
}
