//! One fixture per rule: `tests/fixtures/<soort>/<RULE-ID>-<wat>.yaml` is a
//! case file that breaks exactly that rule. Each is validated with the
//! example `avgdoc.yaml`, and its diagnostics are snapshotted as people read
//! them (`mens`) and as tools read them (`json`, `sarif`, `gitlab`; the
//! SARIF and GitLab reports are also checked field by field against the
//! JSON). A new rule is one rule, one fixture and `cargo insta review`.
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

/// A fixture's diagnostics in every machine format and for people.
struct Rendered {
    mens: String,
    json: String,
    sarif: String,
    gitlab: String,
    codes: Vec<String>,
}

fn validate(case_file: &Path) -> Rendered {
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
    let opts = RunOptions::new(repo.path(), today);
    let outcome = pipeline::validate(&opts);
    let diags = &outcome.report.diagnostics;
    let codes = diags.iter().map(|d| d.code().to_string()).collect();
    // The SARIF names avgdoc's version; the snapshots should not change
    // with it.
    let sarif = render(Format::Sarif, &outcome.sources, diags).replace(
        &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
        "\"version\": \"[avgdoc-versie]\"",
    );
    Rendered {
        mens: render(Format::Mens, &outcome.sources, diags),
        json: render(Format::Json, &outcome.sources, diags),
        sarif,
        gitlab: render(Format::Gitlab, &outcome.sources, diags),
        codes,
    }
}

/// The fields GitHub code scanning requires of a SARIF 2.1.0 log, checked
/// against the same diagnostics in JSON: one result per diagnostic, each
/// with a listed rule, the right level, the message (never more: the JSON
/// message is what may be shown), a relative file and a region.
fn check_sarif(file: &str, sarif: &str, json: &[serde_json::Value]) {
    let log: serde_json::Value = serde_json::from_str(sarif).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0", "{file}");
    assert!(
        log["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0")),
        "{file}"
    );
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1, "{file}");
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "avgdoc", "{file}");
    assert!(
        driver["version"].as_str().is_some_and(|v| !v.is_empty()),
        "{file}"
    );
    let rules = driver["rules"].as_array().expect("rules");
    let mut ids = std::collections::BTreeSet::new();
    for r in rules {
        let id = r["id"].as_str().expect("rule id");
        assert!(ids.insert(id), "{file}: rule {id} listed twice");
        let rule = avgdoc::rules::find(id).expect("a registered rule");
        assert_eq!(r["shortDescription"]["text"], rule.title, "{file}");
        let full = r["fullDescription"]["text"]
            .as_str()
            .expect("fullDescription");
        assert!(
            full.contains(rule.source),
            "{file}: {id} without its source"
        );
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(
        results.len(),
        json.len(),
        "{file}: one result per diagnostic"
    );
    for (res, d) in results.iter().zip(json) {
        let id = res["ruleId"].as_str().expect("ruleId");
        assert_eq!(id, d["code"], "{file}");
        let index = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], id, "{file}: ruleIndex");
        let level = match d["severity"].as_str().unwrap() {
            "fout" => "error",
            "waarschuwing" => "warning",
            _ => "note",
        };
        assert_eq!(res["level"], level, "{file}");
        let text = res["message"]["text"].as_str().expect("message.text");
        assert!(
            text.starts_with(d["message"].as_str().unwrap()),
            "{file}: {text}"
        );
        let locations = res["locations"].as_array().expect("locations");
        assert_eq!(locations.len(), 1, "{file}");
        let loc = &locations[0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().expect("uri");
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%", "{file}");
        assert!(
            !uri.starts_with('/') && !uri.contains("://"),
            "{file}: {uri}"
        );
        assert_eq!(
            Some(uri),
            d["file"].as_str().or(Some("avgdoc.yaml")),
            "{file}: the file of the JSON diagnostic"
        );
        let region = &loc["region"];
        let start = region["startLine"].as_u64().expect("startLine");
        assert!(start >= 1, "{file}");
        if let Some(line) = d["line"].as_u64() {
            assert_eq!(start, line, "{file}");
            let (c1, l2, c2) = (
                region["startColumn"].as_u64().expect("startColumn"),
                region["endLine"].as_u64().expect("endLine"),
                region["endColumn"].as_u64().expect("endColumn"),
            );
            assert!(c1 >= 1 && l2 >= start, "{file}: {region}");
            assert!(l2 > start || c2 >= c1, "{file}: {region}");
        }
        let fp = res["partialFingerprints"]["avgdoc/v1"]
            .as_str()
            .expect("fingerprint");
        assert_eq!(fp.len(), 32, "{file}");
    }
}

/// The fields of a GitLab Code Quality issue, against the same diagnostics
/// in JSON: the description is the message, fingerprints are unique.
fn check_gitlab(file: &str, gitlab: &str, json: &[serde_json::Value]) {
    let issues: Vec<serde_json::Value> = serde_json::from_str(gitlab).expect("a JSON array");
    assert_eq!(issues.len(), json.len(), "{file}");
    let mut fingerprints = std::collections::BTreeSet::new();
    for (issue, d) in issues.iter().zip(json) {
        assert_eq!(issue["description"], d["message"], "{file}");
        assert_eq!(issue["check_name"], d["code"], "{file}");
        let fp = issue["fingerprint"].as_str().expect("fingerprint");
        assert!(
            fp.len() == 32 && fp.chars().all(|c| c.is_ascii_hexdigit()),
            "{file}"
        );
        assert!(
            fingerprints.insert(fp.to_string()),
            "{file}: fingerprint twice"
        );
        let severity = issue["severity"].as_str().expect("severity");
        assert!(
            ["blocker", "critical", "major", "minor", "info"].contains(&severity),
            "{file}: {severity}"
        );
        assert_eq!(
            issue["location"]["path"].as_str(),
            d["file"].as_str().or(Some("avgdoc.yaml")),
            "{file}"
        );
        let begin = issue["location"]["lines"]["begin"].as_u64().expect("begin");
        assert_eq!(begin, d["line"].as_u64().unwrap_or(1), "{file}");
    }
}

#[test]
fn every_rule_fixture_reports_its_rule() {
    insta::glob!("fixtures/*/*.yaml", |path| {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let rule = rule_of(&file)
            .unwrap_or_else(|| panic!("{file}: the name does not start with a rule id"));
        let Rendered {
            mens,
            json,
            sarif,
            gitlab,
            codes,
        } = validate(path);
        let items: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        check_sarif(&file, &sarif, &items);
        check_gitlab(&file, &gitlab, &items);
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
            insta::assert_snapshot!(format!("{soort}__{stem}__sarif"), sarif);
            insta::assert_snapshot!(format!("{soort}__{stem}__gitlab"), gitlab);
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
