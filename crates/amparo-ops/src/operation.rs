//! What an operation is, and the macro that defines one: its name, what it
//! does, who may call it, its input fields, its output and the error codes
//! it can answer with. From that one definition come the dispatcher (the
//! window's `call` command and `amparo call`), the list `amparo call --list`
//! prints, and the UI's typed backend (`ui/src/bindings/operations.ts`).

use std::path::Path;
use std::sync::atomic::AtomicBool;

use amparo_core::{BlobStore, Store};
use serde_json::Value;
use ts_rs::Config;

use crate::error::Error;
use crate::preview::Previews;

/// Who may call an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The window, the command line and the UI's tests.
    Window,
    /// Only hosts that name files themselves: the command line, and the
    /// desktop shell after its own file dialog. Operations that read or
    /// write a path the caller gives are never reachable from the webview.
    Host,
}

/// Everything an operation may use.
pub struct Context<'a> {
    /// The open case store.
    pub store: &'a mut Store,
    /// The originals and their derivatives.
    pub blobs: &'a BlobStore,
    /// The data folder.
    pub dir: &'a Path,
    /// The pages of the latest preview, served as images by the window.
    pub previews: &'a Previews,
    /// Where long operations report how far they are (a JSON value of the
    /// operation's progress type); hosts forward it or ignore it.
    pub progress: &'a (dyn Fn(Value) + Sync),
    /// Set by the host to stop an import after the files under way.
    pub cancel: &'a AtomicBool,
}

/// One input field: its name as the window sends it, and its TypeScript type.
pub struct Param {
    /// camelCase name.
    pub name: String,
    /// TypeScript type.
    pub ts: String,
}

/// One operation, as defined in the catalog.
pub struct Operation {
    /// snake_case name, the same in the window, `amparo call` and tests.
    pub name: &'static str,
    /// What it does, in a sentence.
    pub summary: &'static str,
    /// Who may call it.
    pub reach: Reach,
    /// Error codes it answers with besides `storage`, `io` and the codes
    /// of a data folder that cannot be opened.
    pub errors: &'static [&'static str],
    /// Its input fields, in order.
    pub params: fn(&Config) -> Vec<Param>,
    /// Its output's TypeScript type.
    pub output: fn(&Config) -> String,
    /// Named TypeScript types its input and output use, to import.
    pub types: fn(&Config) -> Vec<String>,
    /// Runs it on JSON input, answering JSON.
    pub run: Run,
}

/// How an operation runs: on the open store, or on the data folder's
/// vault (unlocking, locking), which needs no open store.
#[derive(Clone, Copy)]
pub enum Run {
    /// On the unlocked store, its blobs and previews.
    Store(fn(&mut Context<'_>, Value) -> Result<Value, Error>),
    /// On the store's reading connection (catalog entries marked `reads`):
    /// answered while a long import holds the writing one.
    Read(fn(&mut Context<'_>, Value) -> Result<Value, Error>),
    /// On the slot itself.
    Slot(fn(&crate::Slot, Value) -> Result<Value, Error>),
}

/// `list_cases` → `listCases`, `case_id` → `caseId`.
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Named TypeScript types of `T`: itself when it is exported, and every
/// exported type it uses.
pub fn named_types<T: ts_rs::TS + 'static + ?Sized>(cfg: &Config, into: &mut Vec<String>) {
    struct Collect<'c> {
        cfg: &'c Config,
        names: &'c mut Vec<String>,
    }
    impl ts_rs::TypeVisitor for Collect<'_> {
        fn visit<U: ts_rs::TS + 'static + ?Sized>(&mut self) {
            if U::output_path().is_some() {
                self.names.push(U::ident(self.cfg));
            }
        }
    }
    let mut visitor = Collect { cfg, names: into };
    ts_rs::TypeVisitor::visit::<T>(&mut visitor);
    T::visit_dependencies(&mut visitor);
    T::visit_generics(&mut visitor);
}

/// Input with no fields may come as `null` or `{}`.
pub fn object(input: Value) -> Value {
    if input.is_null() {
        Value::Object(Default::default())
    } else {
        input
    }
}

/// Defines the catalog: `OPERATIONS`, one entry per operation.
///
/// ```text
/// /// What it does.
/// OPERATIONS: Store;
/// /// What it does.
/// reads list_cases(query: String) -> Vec<CaseSummary> [] = |cx| cx.store.list_cases(&query);
/// ```
///
/// `window` operations the window may call; `host` ones only the hosts
/// (they name files); `reads` are `window` operations that only read, and
/// run on the store's reading connection.
macro_rules! operations {
    ($list:ident: $run:ident; $(
        $(#[doc = $doc:literal])*
        $reach:ident $name:ident ( $($field:ident : $ty:ty),* $(,)? ) -> $out:ty
            [$($code:literal),* $(,)?]
            = |$cx:ident| $body:expr;
    )*) => {
        /// Operations in the order the catalog defines them.
        pub static $list: &[$crate::operation::Operation] = &[$(
            $crate::operation::Operation {
                name: stringify!($name),
                summary: concat!($($doc),*),
                reach: operations!(@reach $reach),
                errors: &[$($code),*],
                params: |_cfg| vec![$($crate::operation::Param {
                    name: $crate::operation::camel_case(stringify!($field)),
                    ts: <$ty as ts_rs::TS>::name(_cfg),
                }),*],
                output: |cfg| <$out as ts_rs::TS>::name(cfg),
                types: |_cfg| {
                    let mut names = Vec::new();
                    $($crate::operation::named_types::<$ty>(_cfg, &mut names);)*
                    $crate::operation::named_types::<$out>(_cfg, &mut names);
                    names
                },
                run: operations!(@run $run $reach)(|$cx, input| {
                    let _ = &$cx;
                    #[derive(serde::Deserialize)]
                    #[serde(rename_all = "camelCase", deny_unknown_fields)]
                    struct Input { $($field: $ty),* }
                    let Input { $($field),* } =
                        serde_json::from_value($crate::operation::object(input))
                            .map_err(|e| $crate::error::Error::BadInput(e.to_string()))?;
                    let output: $out = $body?;
                    serde_json::to_value(output)
                        .map_err(|e| $crate::error::Error::Output(e.to_string()))
                }),
            },
        )*];
    };
    (@reach window) => { $crate::operation::Reach::Window };
    // Reached from the window, answered from the reading connection.
    (@reach reads) => { $crate::operation::Reach::Window };
    (@run Store reads) => { $crate::operation::Run::Read };
    (@run $run:ident $reach:ident) => { $crate::operation::Run::$run };
    (@reach host) => { $crate::operation::Reach::Host };
}

pub(crate) use operations;
