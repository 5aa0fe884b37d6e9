//! `ui/src/bindings/operations.ts`: the window's typed backend for every
//! `window` operation, generated from the catalog. The bindings test in the
//! desktop shell fails when the committed file is stale.

use std::collections::BTreeSet;
use std::fmt::Write;

use ts_rs::Config;

use crate::catalog::all;
use crate::operation::{Reach, camel_case};

/// The file's name in the bindings folder.
pub const FILE_NAME: &str = "operations.ts";

/// The TypeScript module.
pub fn module() -> String {
    let cfg = Config::new();
    let window: Vec<_> = all().filter(|op| op.reach == Reach::Window).collect();
    let types: BTreeSet<String> = window.iter().flat_map(|op| (op.types)(&cfg)).collect();
    let mut out = String::from(
        "// Generated from crates/amparo-ops/src/catalog.rs by `make bindings`; do not edit.\n\n",
    );
    for name in &types {
        let _ = writeln!(out, "import type {{ {name} }} from './{name}';");
    }
    out.push_str(
        "\n/** Sends one operation to the core: its name and its input fields. */\n\
         export type Call = (op: string, input: Record<string, unknown>) => Promise<unknown>;\n\n\
         /** Every operation the window may call, as methods. */\n\
         export interface CoreOperations {\n",
    );
    for op in &window {
        let params: Vec<String> = (op.params)(&cfg)
            .iter()
            .map(|p| format!("{}: {}", p.name, p.ts))
            .collect();
        let _ = writeln!(
            out,
            "  /** {} */\n  {}({}): Promise<{}>;",
            op.summary.trim(),
            camel_case(op.name),
            params.join(", "),
            output(&(op.output)(&cfg))
        );
    }
    out.push_str(
        "}\n\n/** The operations over `call`. */\n\
         export function coreOperations(call: Call): CoreOperations {\n  return {\n",
    );
    for op in &window {
        let names: Vec<String> = (op.params)(&cfg).into_iter().map(|p| p.name).collect();
        let _ = writeln!(
            out,
            "    {}: ({}) => call('{}', {{ {} }}) as Promise<{}>,",
            camel_case(op.name),
            names.join(", "),
            op.name,
            names.join(", "),
            output(&(op.output)(&cfg))
        );
    }
    out.push_str("  };\n}\n\n/** The name of every operation the window may call. */\nexport const windowOperations = [\n");
    for op in &window {
        let _ = writeln!(out, "  '{}',", op.name);
    }
    out.push_str("] as const;\n");
    out
}

/// `null` (Rust's `()`) is `void` to a caller.
fn output(ts: &str) -> String {
    if ts == "null" {
        "void".into()
    } else {
        ts.into()
    }
}
