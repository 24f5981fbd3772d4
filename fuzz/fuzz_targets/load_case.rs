//! (a) A case file from arbitrary bytes: loading it, then every rule on it,
//! gives diagnostics, never a panic, a hang or unbounded memory. Machine
//! output of the diagnostics is rendered too (it must not panic either).
#![no_main]

use libfuzzer_sys::fuzz_target;

const CONFIG: &str = include_str!("../../avgdoc.yaml");

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is CASES-02 before any parser runs.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ws = avgdoc::load::load_text(CONFIG, text);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let checked = avgdoc::rules::check(&ws, today);
    let mut diags = ws.report.diagnostics.clone();
    for r in &checked.cases {
        diags.extend(r.diagnostics.iter().cloned());
    }
    if ws.cases.is_empty() {
        // A file that does not load always says why.
        assert!(!diags.is_empty(), "a case file that did not load gave no diagnostic");
    }
    for case in &ws.cases {
        let _ = case.case.next_deadline(today, &ws.config.as_ref().unwrap().termijnen);
    }
    let _ = avgdoc::diag::render::render(avgdoc::diag::render::Format::Json, &ws.sources, &diags);
    let _ = avgdoc::diag::render::render(avgdoc::diag::render::Format::Mens, &ws.sources, &diags);
});
