//! One fixture per rule: `tests/fixtures/<soort>/<RULE-ID>-<wat>.yaml` is a
//! case file that breaks exactly that rule. Each is validated with the
//! example `avgdoc.yaml`, and its diagnostics are snapshotted as people read
//! them (`mens`) and as tools read them (`json`). A new rule is one rule,
//! one fixture and `cargo insta review`.
//!
//! A fixture may start with `# vandaag: JJJJ-MM-DD` (the reference date;
//! default 2026-11-23).

use std::path::Path;

use avgdoc::diag::render::{Format, render};
use avgdoc::pipeline::{self, RunOptions};
use chrono::NaiveDate;

const DEFAULT_TODAY: &str = "2026-11-23";

/// Rules without a case fixture: checks on `avgdoc.yaml`, templates, files
/// and typesetting, tested end to end in `validate.rs`, `render.rs` and
/// `rules.rs`; and terms that are only computed (`avgdoc termijn`).
const NOT_BY_CASE_FIXTURE: &[&str] = &[
    "CONFIG-01",
    "CONFIG-02",
    "CONFIG-03",
    "CASES-01",
    "CASES-02",
    "CASES-03",
    "GROOTTE-01",
    "GROOTTE-02",
    "GROOTTE-03",
    "TEMPLATE-01",
    "TEMPLATE-02",
    "TEMPLATE-03",
    "TEMPLATE-04",
    "TEMPLATE-05",
    "TEMPLATE-06",
    "TYPST-01",
    "WRITE-01",
    "WRITE-02",
    "KALENDER-01",
    "KLACHT-01",
    "AVG-TERMIJN-02",
    "BEZWAAR-02",
    "BEZWAAR-06",
    "RAADPL-01",
    "RAADPL-02",
    "DATALEK-03",
    "AVG-TERMIJN-03",
    // Across files or about avgdoc.yaml: `validate.rs`, `content_rules.rs`.
    "KENMERK-02",
    "PRIVACY-01",
    "PRIVACY-02",
];

fn fixtures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The rule a fixture is for: the longest registered code its file name
/// starts with, followed by `-`.
fn rule_of(file_name: &str) -> Option<&'static str> {
    avgdoc::rules::all()
        .into_iter()
        .map(|r| r.id)
        .filter(|id| file_name.starts_with(&format!("{id}-")))
        .max_by_key(|id| id.len())
}

fn validate(case_file: &Path) -> (String, String, Vec<String>) {
    let text = std::fs::read_to_string(case_file).unwrap();
    let today = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# vandaag: "))
        .unwrap_or(DEFAULT_TODAY);
    let today = NaiveDate::parse_from_str(today.trim(), "%Y-%m-%d").unwrap();
    let repo = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("avgdoc.yaml"), repo.path().join("avgdoc.yaml")).unwrap();
    std::fs::create_dir_all(repo.path().join("cases")).unwrap();
    // validate typesets every letter: the logo avgdoc.yaml names is needed.
    std::fs::create_dir_all(repo.path().join("templates")).unwrap();
    std::fs::copy(
        root.join("templates/logo.svg"),
        repo.path().join("templates/logo.svg"),
    )
    .unwrap();
    let name = case_file.file_name().unwrap();
    std::fs::write(repo.path().join("cases").join(name), &text).unwrap();
    let opts = RunOptions {
        root: repo.path().to_path_buf(),
        output: repo.path().join("output"),
        today,
        letter_date: today,
        jobs: 1,
        base: String::new(),
        on_document: None,
    };
    let outcome = pipeline::validate(&opts);
    let diags = &outcome.report.diagnostics;
    let codes = diags.iter().map(|d| d.code().to_string()).collect();
    (
        render(Format::Mens, &outcome.sources, diags),
        render(Format::Json, &outcome.sources, diags),
        codes,
    )
}

#[test]
fn every_rule_fixture_reports_its_rule() {
    insta::glob!("fixtures/*/*.yaml", |path| {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let rule = rule_of(&file)
            .unwrap_or_else(|| panic!("{file}: the name does not start with a rule id"));
        let (mens, json, codes) = validate(path);
        assert!(
            codes.iter().any(|c| c == rule),
            "{file} does not trigger {rule}; it gives {codes:?}\n{mens}"
        );
        let soort = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy();
        let stem = file.trim_end_matches(".yaml");
        insta::with_settings!({ snapshot_path => "snapshots/fixtures", prepend_module_to_snapshot => false, snapshot_suffix => "" }, {
            insta::assert_snapshot!(format!("{soort}__{stem}__mens"), mens);
            insta::assert_snapshot!(format!("{soort}__{stem}__json"), json);
        });
    });
}

#[test]
fn every_rule_has_a_fixture() {
    let mut have = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(fixtures_dir()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            let file = entry.file_name().to_string_lossy().to_string();
            if let Some(rule) = rule_of(&file) {
                have.insert(rule);
            }
        }
    }
    let missing: Vec<&str> = avgdoc::rules::all()
        .into_iter()
        .map(|r| r.id)
        .filter(|id| !have.contains(id) && !NOT_BY_CASE_FIXTURE.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
}
