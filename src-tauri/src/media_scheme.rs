//! `amparo-media://localhost/<kind>/<sha256>`: the only way images reach the
//! webview. It serves derivatives (thumbnails and print copies) from the
//! blob store, never originals and never file paths, and answers 404 to
//! anything outside that exact pattern (`../`, other lengths, uppercase
//! hex, extra segments, queries).
//!
//! `amparo-media://localhost/preview/<token>/<page>` serves a page of the
//! latest print preview as a PNG, rasterised on request.
//!
//! `amparo-media://localhost/pdfpage/<sha256>/<index>` serves a page of a
//! filed document's PDF as a PNG, rendered on request, so the family sees
//! the page beside its text and translation. Only the PDF of a filed
//! document of a case not deleted answers (not a signed declaration's
//! PDF, not a photo's original).

use amparo_core::{DerivativeKind, is_sha256_hex};
use tauri::http::{Request, Response, StatusCode, Uri};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use amparo_ops::Slot;

/// The scheme's name, as the UI writes it.
pub const SCHEME: &str = "amparo-media";

/// The derivative a URI names, if it names one in the accepted form.
pub fn derivative_for(uri: &Uri) -> Option<(DerivativeKind, String)> {
    if uri.query().is_some() || uri.host() != Some("localhost") {
        return None;
    }
    let rest = uri.path().strip_prefix('/')?;
    let (kind, hash) = rest.split_once('/')?;
    let kind = DerivativeKind::parse(kind)?;
    is_sha256_hex(hash).then(|| (kind, hash.to_owned()))
}

/// The preview page a URI names: a 32-hex token and a page number from 0.
pub fn preview_page_for(uri: &Uri) -> Option<(String, usize)> {
    if uri.query().is_some() || uri.host() != Some("localhost") {
        return None;
    }
    let rest = uri.path().strip_prefix("/preview/")?;
    let (token, page) = rest.split_once('/')?;
    let token_ok = token.len() == 32
        && token
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let page_ok = !page.is_empty() && page.len() <= 5 && page.bytes().all(|b| b.is_ascii_digit());
    (token_ok && page_ok).then(|| (token.to_owned(), page.parse().unwrap_or(usize::MAX)))
}

/// The document page a URI names: a PDF original's SHA-256 and a page
/// index from 0.
pub fn pdf_page_for(uri: &Uri) -> Option<(String, usize)> {
    if uri.query().is_some() || uri.host() != Some("localhost") {
        return None;
    }
    let rest = uri.path().strip_prefix("/pdfpage/")?;
    let (hash, page) = rest.split_once('/')?;
    let page_ok = !page.is_empty() && page.len() <= 5 && page.bytes().all(|b| b.is_ascii_digit());
    (is_sha256_hex(hash) && page_ok).then(|| (hash.to_owned(), page.parse().unwrap_or(usize::MAX)))
}

/// A preview page at 1.5 pixels per point: 918 x 1188 for US Letter.
const PREVIEW_SCALE: f64 = 1.5;

fn preview_png<R: Runtime>(app: &tauri::AppHandle<R>, token: &str, page: usize) -> Option<Vec<u8>> {
    let pages = app.state::<Slot>().previews().pages(token)?;
    pages.png(page, PREVIEW_SCALE)
}

/// Answers one request off the main thread.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let wanted = derivative_for(request.uri());
    let preview = preview_page_for(request.uri());
    let pdf_page = pdf_page_for(request.uri());
    tauri::async_runtime::spawn_blocking(move || {
        if let Some((hash, page)) = pdf_page {
            let png = app.state::<Slot>().pdf_page_png(&hash, page);
            responder.respond(response(png, "image/png"));
            return;
        }
        let (found, content_type) = match (wanted, preview) {
            (Some((kind, hash)), _) => {
                let slot = app.state::<Slot>();
                (
                    slot.blobs()
                        .and_then(|b| b.read_derivative(&hash, kind).ok()),
                    "image/jpeg",
                )
            }
            (None, Some((token, page))) => (preview_png(&app, &token, page), "image/png"),
            (None, None) => (None, ""),
        };
        responder.respond(response(found, content_type));
    });
}

/// What the webview may keep of an answer: nothing. A photo of the person
/// or a page of their declaration must not stay in WebKit's cache on disk
/// after the window closes (or is locked), where anyone at the laptop could
/// read it.
const NO_STORE: &str = "no-store";

/// The answer for `found` (a derivative's JPEG or a preview page's PNG),
/// or 404; never stored by the webview.
fn response(found: Option<Vec<u8>>, content_type: &str) -> Response<Vec<u8>> {
    match found {
        Some(bytes) => Response::builder()
            .status(StatusCode::OK)
            .header("Content-Type", content_type)
            .header("Cache-Control", NO_STORE)
            .body(bytes),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .header("Cache-Control", NO_STORE)
            .body(Vec::new()),
    }
    .unwrap_or_else(|_| {
        let mut empty = Response::new(Vec::new());
        *empty.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        empty
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    fn parse(uri: &str) -> Option<(DerivativeKind, String)> {
        derivative_for(&uri.parse::<Uri>().expect("uri"))
    }

    #[test]
    fn thumbnails_and_print_copies_are_served_by_hash() {
        assert_eq!(
            parse(&format!("amparo-media://localhost/thumb/{HASH}")),
            Some((DerivativeKind::Thumb, HASH.to_owned()))
        );
        assert_eq!(
            parse(&format!("amparo-media://localhost/print/{HASH}")),
            Some((DerivativeKind::Print, HASH.to_owned()))
        );
    }

    #[test]
    fn document_pages_are_served_by_hash_and_index_only() {
        let page = |uri: &str| pdf_page_for(&uri.parse::<Uri>().expect("uri"));
        assert_eq!(
            page(&format!("amparo-media://localhost/pdfpage/{HASH}/0")),
            Some((HASH.to_owned(), 0))
        );
        assert_eq!(
            page(&format!("amparo-media://localhost/pdfpage/{HASH}/199")),
            Some((HASH.to_owned(), 199))
        );
        for refused in [
            format!("amparo-media://localhost/pdfpage/{HASH}"),
            format!("amparo-media://localhost/pdfpage/{HASH}/"),
            format!("amparo-media://localhost/pdfpage/{HASH}/-1"),
            format!("amparo-media://localhost/pdfpage/{HASH}/123456"),
            format!("amparo-media://localhost/pdfpage/{HASH}/1/x"),
            format!("amparo-media://localhost/pdfpage/{HASH}/1?x=1"),
            format!("amparo-media://localhost/pdfpage/../{HASH}/1"),
            format!("amparo-media://localhost/pdfpage/{}/1", &HASH[..63]),
            format!("amparo-media://elsewhere/pdfpage/{HASH}/1"),
        ] {
            assert_eq!(page(&refused), None, "{refused}");
        }
    }

    #[test]
    fn preview_pages_are_served_by_token_and_number_only() {
        let token = "0123456789abcdef0123456789abcdef";
        let page = |uri: &str| preview_page_for(&uri.parse::<Uri>().expect("uri"));
        assert_eq!(
            page(&format!("amparo-media://localhost/preview/{token}/2")),
            Some((token.to_owned(), 2))
        );
        for bad in [
            format!("amparo-media://localhost/preview/{token}/"),
            format!("amparo-media://localhost/preview/{token}/-1"),
            format!("amparo-media://localhost/preview/{token}/1/2"),
            format!("amparo-media://localhost/preview/{}/1", &token[..31]),
            format!("amparo-media://localhost/preview/../{token}/1"),
            format!("amparo-media://localhost/preview/{token}/1?x"),
        ] {
            assert_eq!(page(&bad), None, "{bad}");
        }
    }

    #[test]
    fn nothing_served_is_ever_stored_by_the_webview() {
        for (found, content_type, status) in [
            (Some(vec![0xff, 0xd8, 0xff]), "image/jpeg", StatusCode::OK),
            (
                Some(vec![0x89, b'P', b'N', b'G']),
                "image/png",
                StatusCode::OK,
            ),
            (None, "", StatusCode::NOT_FOUND),
        ] {
            let answer = response(found, content_type);
            assert_eq!(answer.status(), status);
            let cache: Vec<_> = answer.headers().get_all("Cache-Control").iter().collect();
            assert_eq!(cache, ["no-store"], "{status}: {:?}", answer.headers());
        }
        assert_eq!(
            response(Some(vec![1]), "image/png").headers()["Content-Type"],
            "image/png"
        );
    }

    #[test]
    fn anything_else_is_refused() {
        let upper = HASH.to_uppercase();
        for uri in [
            format!("amparo-media://localhost/original/{HASH}"),
            format!("amparo-media://localhost/thumb/{}", &HASH[..63]),
            format!("amparo-media://localhost/thumb/{HASH}0"),
            format!("amparo-media://localhost/thumb/{upper}"),
            format!("amparo-media://localhost/thumb/../{HASH}"),
            format!("amparo-media://localhost/thumb/%2e%2e/{HASH}"),
            format!("amparo-media://localhost/thumb/{HASH}/x"),
            format!("amparo-media://localhost/thumb/{HASH}?x=1"),
            "amparo-media://localhost/../../etc/passwd".to_owned(),
            format!("amparo-media://elsewhere/thumb/{HASH}"),
            format!("amparo-media://thumb/{HASH}"),
            "amparo-media://localhost/".to_owned(),
        ] {
            assert_eq!(parse(&uri), None, "{uri} must be refused");
        }
    }
}
