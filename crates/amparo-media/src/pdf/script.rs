//! Whether a PDF carries something meant to run when it is opened or
//! clicked. Amparo never runs it, but a court's or a lawyer's viewer
//! might: such a file is not filed as evidence.

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, MaybeRef, Object};

/// Nested dictionaries and arrays deeper than this are not followed (a
/// real PDF nests a handful; a crafted one could nest until the stack ends).
const DEPTH_MAX: u32 = 64;

/// What would run, if anything: "JavaScript" or "a program".
pub(super) fn what_would_run(pdf: &Pdf) -> Option<&'static str> {
    pdf.objects().into_iter().find_map(|object| match object {
        Object::Dict(dict) => in_dict(&dict, 0),
        Object::Stream(stream) => in_dict(stream.dict(), 0),
        Object::Array(array) => in_array(&array, 0),
        _ => None,
    })
}

fn in_dict(dict: &Dict<'_>, depth: u32) -> Option<&'static str> {
    if depth > DEPTH_MAX {
        return None;
    }
    for (key, value) in dict.entries() {
        match key.as_ref() {
            b"JS" | b"JavaScript" => return Some("JavaScript"),
            b"S" => {
                if let Some(what) = action(&value) {
                    return Some(what);
                }
            }
            _ => {}
        }
        // Referenced objects are visited on their own; only what is
        // written inline here is looked into.
        if let MaybeRef::NotRef(inner) = value {
            let found = match inner {
                Object::Dict(d) => in_dict(&d, depth + 1),
                Object::Array(a) => in_array(&a, depth + 1),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

fn in_array(array: &Array<'_>, depth: u32) -> Option<&'static str> {
    if depth > DEPTH_MAX {
        return None;
    }
    array.raw_iter().find_map(|item| match item {
        MaybeRef::NotRef(Object::Dict(d)) => in_dict(&d, depth + 1),
        MaybeRef::NotRef(Object::Array(a)) => in_array(&a, depth + 1),
        _ => None,
    })
}

/// An action's type, when it is one that runs something.
fn action(value: &MaybeRef<Object<'_>>) -> Option<&'static str> {
    match value {
        MaybeRef::NotRef(Object::Name(name)) => match name.as_ref() {
            b"JavaScript" => Some("JavaScript"),
            b"Launch" => Some("a program"),
            _ => None,
        },
        _ => None,
    }
}
