//! Snapshots of the merged Typst source of every example letter: the body
//! (Markdown turned into Typst markup, case text escaped) and the letter
//! frame handed to the house style as `/brief.json`. Beside the golden texts
//! (what the reader gets), these show what the house style is given, so a
//! change in escaping or structure shows up before it reaches a PDF.

use std::path::Path;

use avgdoc::load;
use avgdoc::merge::Merger;
use avgdoc::templates::TemplateSet;
use chrono::NaiveDate;

#[test]
fn merged_typst_source_of_every_example_letter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ws = load::load(root);
    assert!(!ws.report.has_errors(), "{:?}", ws.report.diagnostics);
    let config = ws.config.as_ref().unwrap();
    let templates = TemplateSet::load(root).unwrap();
    let merger = Merger::new(&templates, &mut avgdoc::diag::Sources::new()).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut count = 0;
    for cf in &ws.cases {
        for doc in cf.case.documents(config, date) {
            let merged = merger
                .merge(&templates, config, cf.case.as_ref(), &doc)
                .unwrap();
            let frame = serde_json::to_string_pretty(&merged.letter).unwrap();
            let mut text = format!("// /brief.json\n{frame}\n\n// /body.typ\n{}", merged.body);
            if let Some(b) = &merged.bijlage {
                text.push_str(&format!("\n\n// /bijlage.typ\n{b}"));
            }
            let name = format!("{}__{}", cf.case.kenmerk().value, doc.name);
            insta::with_settings!({ snapshot_path => "snapshots/merged", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(name, text);
            });
            count += 1;
        }
    }
    assert!(count >= 30, "only {count} documents");
}
