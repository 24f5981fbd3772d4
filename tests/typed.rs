//! A case file is parsed once: its kind's typed shape is read from the
//! guard's tree (`avgdoc::typed`). These tests hold that reading to
//! serde-saphyr's own typed parse of the same text: the same values and the
//! same spans, for the shipped example cases, every test fixture, generated
//! cases of every kind and hand-written edge cases (numbers and booleans in
//! text fields, aliases, quoting, folded text).

#[allow(dead_code)]
#[path = "../examples/gencases.rs"]
mod gencases;

use std::fmt::Debug;
use std::path::Path;

use avgdoc::diag::Sources;
use avgdoc::guard;
use avgdoc::kinds::{avg_verzoek, bezwaar, datalek, notificatie, raadpleging, wpg_verzoek};
use avgdoc::model::Grenzen;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

/// Both readings of `text` as `T`, each as its `Debug` text or its error's
/// message and span; `None` when the guard rejects the file (then neither
/// runs).
fn both<T: DeserializeOwned + Debug>(text: &str) -> Option<(String, String)> {
    let mut sources = Sources::new();
    let id = sources.add("zaak.yaml", "zaak.yaml", text.to_string());
    let tree = guard::read(&sources, id, Some(&Grenzen::default())).ok()?;
    let show = |r: Result<T, avgdoc::diag::Diagnostic>| match r {
        Ok(v) => format!("{v:?}"),
        Err(d) => format!("error {} at {:?}", d.message, d.span),
    };
    let from_tree = show(avgdoc::load::parse_tree::<T>(&sources, id, &tree));
    let from_text = show(avgdoc::load::parse::<T>(&sources, id));
    Some((from_tree, from_text))
}

/// Compare the two readings of `text` as the kind its `soort` names.
fn compare(name: &str, text: &str) -> bool {
    let soort = text
        .lines()
        .find_map(|l| l.strip_prefix("soort:"))
        .map(|s| s.trim().trim_matches(['"', '\'']).to_string());
    let pair = match soort.as_deref() {
        Some("avg-verzoek") => both::<avg_verzoek::model::AvgVerzoek>(text),
        Some("bezwaar") => both::<bezwaar::model::Bezwaar>(text),
        Some("datalek") => both::<datalek::model::Datalek>(text),
        Some("notificatie") => both::<notificatie::model::Notificatie>(text),
        Some("voorafgaande-raadpleging") => both::<raadpleging::model::Raadpleging>(text),
        Some("wpg-verzoek") => both::<wpg_verzoek::model::WpgVerzoek>(text),
        _ => return false,
    };
    let Some((from_tree, from_text)) = pair else {
        return false;
    };
    // A shape error's words may differ (serde-saphyr names its own
    // location); what must agree is that it fails, and where.
    if from_text.starts_with("error") {
        assert!(
            from_tree.starts_with("error"),
            "{name}: serde-saphyr rejects it, the tree reading does not:\n{from_tree}\n{from_text}"
        );
        return true;
    }
    assert_eq!(from_tree, from_text, "{name}");
    true
}

fn yaml_files(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn example_cases_and_fixtures_read_the_same_from_the_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    for dir in ["cases", "tests/fixtures"] {
        for (name, text) in yaml_files(&root.join(dir)) {
            compared += usize::from(compare(&name, &text));
        }
    }
    assert!(compared >= 60, "only {compared} case files compared");
}

#[test]
fn generated_cases_of_every_kind_read_the_same_from_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let from = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    gencases::write_repo(dir.path(), None, Some(600), 3, today, from).unwrap();
    let files = yaml_files(&dir.path().join("cases"));
    let compared = files.iter().filter(|(n, t)| compare(n, t)).count();
    assert_eq!(compared, 600);
}

/// The example request ZVH-2026-0388 with its house number written as
/// `huisnummer` and `top` appended to the file.
fn avg(huisnummer: &str, top: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("cases/2026/ZVH-2026-0388.yaml")).unwrap();
    assert!(text.contains("    huisnummer: \"14\"\n"));
    format!(
        "{}{top}",
        text.replace("    huisnummer: \"14\"\n", &format!("{huisnummer}\n"))
    )
}

#[test]
fn edge_cases_read_the_same_from_the_tree() {
    let cases = [
        // Numbers and booleans where text is expected keep their spelling.
        avg("    huisnummer: 007", ""),
        avg("    huisnummer: 1_000", ""),
        avg("    huisnummer: 12.50", ""),
        avg("    huisnummer: True", ""),
        avg("    huisnummer: 0x1F", ""),
        avg("    huisnummer: -3", ""),
        avg("    huisnummer: .inf", ""),
        avg("    huisnummer: 99999999999999999999999", ""),
        // Quoted and block text.
        avg("    huisnummer: \"12\"", ""),
        avg("    huisnummer: '12'", ""),
        avg("    huisnummer: >-\n      12\n      a", ""),
        // Aliases, also to a number.
        avg("    huisnummer: &nr 12", "uw_kenmerk: *nr\n"),
        avg(
            "    huisnummer: \"12\"",
            "behandelaar: &t tekst\nuw_kenmerk: *t\n",
        ),
        // Null and empty values.
        avg("    huisnummer: ~", ""),
        avg("    huisnummer:", ""),
        avg("    huisnummer: null", ""),
        // A comment after the value.
        avg("    huisnummer: 12 # bij de kerk", ""),
    ];
    let mut read = 0;
    for (i, text) in cases.iter().enumerate() {
        let Some((from_tree, from_text)) = both::<avg_verzoek::model::AvgVerzoek>(text) else {
            continue;
        };
        read += 1;
        assert_eq!(from_tree, from_text, "case {i}:\n{text}");
    }
    assert!(
        read >= 15,
        "the guard rejected {} cases",
        cases.len() - read
    );
}

/// The fast tree of `text`, when the builder gives one, is serde-saphyr's
/// tree, spans included. Returns whether it gave one.
fn same_tree(name: &str, text: &str) -> bool {
    let (fast, slow) = guard::both_trees(text, &Grenzen::default());
    let Some(fast) = fast else {
        return false;
    };
    let slow = slow
        .unwrap_or_else(|e| panic!("{name}: serde-saphyr rejects what the fast path read: {e}"));
    assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{name}");
    true
}

#[test]
fn the_fast_tree_is_serde_saphyrs_for_every_example_fixture_and_generated_case() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let from = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    gencases::write_repo(dir.path(), None, Some(600), 4, today, from).unwrap();
    let generated = yaml_files(&dir.path().join("cases"));
    let fast = generated.iter().filter(|(n, t)| same_tree(n, t)).count();
    // Every generated case takes the fast path.
    assert_eq!(fast, generated.len());
    let mut files = Vec::new();
    for dir in [root.join("cases"), root.join("tests/fixtures")] {
        files.extend(yaml_files(&dir));
    }
    let fast = files.iter().filter(|(n, t)| same_tree(n, t)).count();
    assert!(
        fast >= 60,
        "only {fast} of {} files took the fast path",
        files.len()
    );
}

#[test]
fn the_fast_tree_resolves_scalars_as_serde_saphyr_does() {
    let scalars = [
        "tekst",
        "Tekst met spaties",
        "12",
        "0",
        "-7",
        "007",
        "+12",
        "1_000",
        "12.5",
        "1e3",
        ".5",
        "-.5",
        ".inf",
        "-.inf",
        ".nan",
        "inf",
        "nan",
        "NaN",
        "Infinity",
        "0x1F",
        "0o17",
        "0b101",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "null",
        "Null",
        "NULL",
        "~",
        "",
        "2026-03-02",
        "2026-3-2",
        "2026-03-02 14:30",
        "2026-03-02T14:30:00",
        "2026-11-16T10:00",
        "2026-11-16T10:00:5",
        "2026-11-16T10:00:00Z",
        "2026-11-16t10:00",
        "2026/1187",
        "12/3",
        "1/2",
        "1 / 2",
        "14:30",
        "1:20:30",
        "1234 AB",
        "030 123 4567",
        "+31 30 123 4567",
        "12a",
        "12-a",
        "3-5",
        "€ 12",
        "#1",
        "12 # opmerking",
        "'12'",
        "\"true\"",
        "|\n  12",
        ">-\n  a\n  b",
        "9223372036854775807",
        "18446744073709551616",
        "-9223372036854775809",
        "123456789012345678",
        "-0",
        "1.",
        "1.0",
        "e",
        "E5",
        "_1",
        "Ja",
        "Nee",
        "x: y",
        "a b c",
        "é",
        "ĳ",
        "-",
        "- a",
        "[a, b]",
        "{a: b}",
        "[]",
        "{}",
    ];
    let mut fast = 0;
    for s in scalars {
        let text = format!("veld: {s}\nlijst:\n  - {s}\n");
        fast += usize::from(same_tree(s, &text));
    }
    assert!(fast >= 40, "only {fast} took the fast path");
}

#[test]
fn the_fast_tree_is_serde_saphyrs_for_odd_documents() {
    let docs = [
        "a: 1\r\nb:\r\n  - x\r\n  - 2026-03-02\r\n",
        "\u{feff}a: tekst\n",
        "---\na: 1\n...\n",
        "---\na: 1\n---\nb: 2\n",
        "a: {b: 1, c: [x, y, 3]}\n",
        "a: [ ]\nb: { }\n",
        "a:\n  - - x\n    - y\n  -\n  - ~\n",
        "a: 1\na: 2\n",
        "1: a\n",
        "? a\n: b\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 12\n",
        "<<: {a: 1}\n",
        "a:\n\tb: 1\n",
        "a: 'x''y'\nb: \"\\u00e9\\t\"\n",
        "a: |+\n  x\n\n",
        "a: >\n  x\n\n  y\n",
        "# alleen commentaar\n",
        "",
        "a: x # c\n# c\nb: y\n",
        "é: ĳ\n\"sleutel met spatie\": 1\n",
        "a: b: c\n",
        "a: -\n",
        "- a\n- b\n",
        "tekst\n",
    ];
    let mut fast = 0;
    for (i, d) in docs.iter().enumerate() {
        fast += usize::from(same_tree(&format!("document {i}"), d));
    }
    assert!(fast >= 12, "only {fast} took the fast path");
}
