//! axe-core, the accessibility rules engine (from the UI's own npm
//! packages), run in the real window: the WCAG 2.1 A and AA rules, and the
//! violations it rates serious or critical, each with where it is.

use std::path::PathBuf;

use crate::Window;

/// axe-core's script, from `ui/node_modules` (`make deps` installs it).
fn axe_source() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} (`make deps` installs it): {e}",
            path.display()
        )
    })
}

/// The serious and critical violations on the screen as it is now, one
/// line each: the rule, what it asks, and the first places it fails.
pub async fn serious_violations(window: &Window) -> Vec<String> {
    window
        .script(&format!("{}\nreturn true;", axe_source()))
        .await;
    let found = window
        .script_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then((r) => done({
                 passed: r.passes.length,
                 bad: r.violations
                   .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                   .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
               }),
               (e) => done({ passed: 0, bad: [`axe could not run: ${e}`] }));",
        )
        .await;
    let mut bad: Vec<String> = found["bad"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("axe answered {found}")]);
    // A scan that passed no rule checked nothing (an empty page, or axe
    // not loaded): that is not a clean page.
    if found["passed"].as_u64().unwrap_or(0) == 0 {
        bad.push(format!("axe checked nothing: {found}"));
    }
    bad
}
