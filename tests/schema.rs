//! The JSON Schemas (`avgdoc schema`, `schemas/`): generated from the types,
//! checked in for this example repository, written by `avgdoc init`, named
//! on the first line of every file staff edit, and every example, scaffold
//! and valid fixture passes an independent validator (the `jsonschema`
//! crate, formats included).

mod common;

use std::path::Path;

use avgdoc::kinds::{KINDS, NewCase};
use avgdoc::schema;
use common::*;
use serde_json::Value;

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema is a valid draft-07 schema")
}

/// The YAML text as the JSON value an editor's validator sees.
fn as_json(text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).expect("YAML parses")
}

/// Every schema error of `text` against schema `name`, one per line.
fn errors(name: &str, text: &str) -> Vec<String> {
    let schema = schema::by_name(name).unwrap();
    let instance = as_json(text);
    validator(schema)
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn soort_of(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("soort:"))
        .map(|s| s.split('#').next().unwrap().trim().to_string())
        .expect("a case file has a soort")
}

fn yaml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    out.sort();
    out
}

#[test]
fn checked_in_schemas_are_the_generated_ones() {
    let mut names = Vec::new();
    for (rel, text) in schema::files() {
        let on_disk = std::fs::read_to_string(repo_root().join(&rel))
            .unwrap_or_else(|_| panic!("{rel} missing: run `cargo run -- schema --schrijf`"));
        assert!(
            on_disk == text,
            "{rel} differs from the generated schema: run `cargo run -- schema --schrijf`"
        );
        names.push(rel);
    }
    // No stale schema of a kind that is gone.
    let mut present: Vec<String> = std::fs::read_dir(repo_root().join("schemas"))
        .unwrap()
        .map(|e| format!("schemas/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    present.sort();
    names.sort();
    assert_eq!(present, names);
}

#[test]
fn every_example_and_the_config_pass_their_schema() {
    let config = std::fs::read_to_string(repo_root().join("avgdoc.yaml")).unwrap();
    assert_eq!(errors("config", &config), Vec::<String>::new());
    let cases = yaml_files(&repo_root().join("cases"));
    assert!(cases.len() >= KINDS.len());
    for path in cases {
        let text = std::fs::read_to_string(&path).unwrap();
        let errs = errors(&soort_of(&text), &text);
        assert!(errs.is_empty(), "{}: {errs:#?}", path.display());
    }
}

#[test]
fn every_scaffold_passes_its_schema() {
    let config = avgdoc::scaffold::INIT_FILES
        .iter()
        .find(|(rel, _)| *rel == "avgdoc.yaml")
        .unwrap()
        .1;
    // TODO markers are text: the schema allows them, INVUL-01 does not.
    assert_eq!(errors("config", config), Vec::<String>::new());
    let new = NewCase {
        kenmerk: "ZVH-2026-0001".into(),
        vandaag: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        nu: "10:30".into(),
    };
    for kind in KINDS {
        let text = kind.scaffold(&new);
        assert_eq!(
            errors(kind.soort(), &text),
            Vec::<String>::new(),
            "{}",
            kind.soort()
        );
    }
}

/// Fixtures of shape errors (YAML-*) and of the guards that run before the
/// shape is read (a date out of range) are invalid on purpose.
fn meant_to_be_valid(file_name: &str) -> bool {
    !file_name.starts_with("YAML-") && !file_name.starts_with("DATUM-01-")
}

#[test]
fn every_valid_fixture_passes_its_schema() {
    let mut checked = 0;
    for path in yaml_files(&repo_root().join("tests/fixtures")) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !meant_to_be_valid(&name) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let errs = errors(&soort_of(&text), &text);
        assert!(errs.is_empty(), "{name}: {errs:#?}");
        checked += 1;
    }
    assert!(checked > 60, "only {checked} fixtures checked");
}

#[test]
fn shape_fixtures_fail_their_schema() {
    let path = repo_root().join("tests/fixtures/algemeen/YAML-01-onbekend-veld.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let errs = errors("avg-verzoek", &text);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("rechten")), "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("recht")), "{errs:#?}");
}

/// The first line of every file staff edit names its schema, by a path
/// relative to the file that exists in the repository.
#[test]
fn files_name_their_schema_on_the_first_line() {
    let root = repo_root();
    let first = |text: &str| text.lines().next().unwrap_or("").to_string();
    let config = std::fs::read_to_string(root.join("avgdoc.yaml")).unwrap();
    assert_eq!(
        first(&config),
        "# yaml-language-server: $schema=schemas/avgdoc.schema.json"
    );
    let init = avgdoc::scaffold::INIT_FILES[0];
    assert_eq!(init.0, "avgdoc.yaml");
    assert_eq!(first(init.1), first(&config));
    for path in yaml_files(&root.join("cases")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let line = first(&text);
        assert_eq!(
            line,
            schema::modeline(&soort_of(&text), 2),
            "{}",
            path.display()
        );
        let target = line.split_once("$schema=").unwrap().1;
        assert!(
            path.parent().unwrap().join(target).is_file(),
            "{}: {target} does not exist",
            path.display()
        );
    }
    let new = NewCase {
        kenmerk: "ZVH-2026-0001".into(),
        vandaag: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        nu: "10:30".into(),
    };
    for kind in KINDS {
        assert_eq!(
            first(&kind.scaffold(&new)),
            "# yaml-language-server: $schema=../../schemas/".to_string()
                + kind.soort()
                + ".schema.json"
        );
    }
}

/// Staff read the descriptions in their editor: every field has one, in
/// Dutch (no English doc comment leaks through).
#[test]
fn every_field_has_a_dutch_description() {
    fn walk(v: &Value, path: &str, missing: &mut Vec<String>, english: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(d)) = m.get("description") {
                    let padded = format!(" {} ", d.to_lowercase());
                    if [
                        " the ", " and ", " when ", " which ", " with ", " for ", " this ",
                    ]
                    .iter()
                    .any(|w| padded.contains(w))
                    {
                        english.push(format!("{path}: {d}"));
                    }
                }
                if let Some(Value::Object(props)) = m.get("properties") {
                    for (k, p) in props {
                        if p.get("description").is_none() {
                            missing.push(format!("{path}.{k}"));
                        }
                    }
                }
                for (k, child) in m {
                    walk(child, &format!("{path}/{k}"), missing, english);
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    walk(child, &format!("{path}/{i}"), missing, english);
                }
            }
            _ => {}
        }
    }
    for name in schema::names() {
        let (mut missing, mut english) = (Vec::new(), Vec::new());
        walk(
            schema::by_name(name).unwrap(),
            name,
            &mut missing,
            &mut english,
        );
        assert!(missing.is_empty(), "without a description: {missing:#?}");
        assert!(english.is_empty(), "in English: {english:#?}");
    }
}

#[test]
fn schema_command_prints_lists_and_suggests() {
    let r = run_in(&repo_root(), &["schema", "avg-verzoek"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        std::fs::read_to_string(repo_root().join("schemas/avg-verzoek.schema.json")).unwrap()
    );
    let r = run_in(&repo_root(), &["schema", "config"]);
    assert_eq!(
        r.stdout,
        std::fs::read_to_string(repo_root().join("schemas/avgdoc.schema.json")).unwrap()
    );
    let r = run_in(&repo_root(), &["schema"]);
    assert_eq!(r.status, 0);
    assert!(
        r.stdout
            .contains("  avg-verzoek                schemas/avg-verzoek.schema.json\n"),
        "{}",
        r.stdout
    );
    let r = run_in(&repo_root(), &["schema", "avg-verzoeck"]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        "fout: onbekend schema `avg-verzoeck`; bedoelde u `avg-verzoek`?\n\
         Bekende schema's: config, avg-verzoek, notificatie, datalek, bezwaar, wpg-verzoek, voorafgaande-raadpleging.\n"
    );
}

#[test]
fn init_writes_the_schemas_and_schrijf_updates_them() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run_in(tmp.path(), &["init", "zaken"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let repo = tmp.path().join("zaken");
    for (rel, text) in schema::files() {
        assert_eq!(
            std::fs::read_to_string(repo.join(&rel)).unwrap(),
            text,
            "{rel}"
        );
    }
    // An outdated schema file is brought up to date by `schema --schrijf`.
    std::fs::write(repo.join("schemas/datalek.schema.json"), "{}").unwrap();
    let r = run_in(&repo, &["schema", "--schrijf"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(repo.join("schemas/datalek.schema.json")).unwrap(),
        schema::text(schema::by_name("datalek").unwrap())
    );
    // `new` writes a case whose first line finds that schema.
    let r = run_in(&repo, &["new", "datalek"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let written = repo.join(r.stdout.trim().trim_start_matches("geschreven: "));
    let text = std::fs::read_to_string(&written).unwrap();
    let target = text
        .lines()
        .next()
        .unwrap()
        .split_once("$schema=")
        .unwrap()
        .1;
    assert!(written.parent().unwrap().join(target).is_file());
}
