//! `avgdoc termijn`: the worked examples of legal.md §3 through the binary,
//! and its errors.

mod common;

use common::*;

/// (legal.md id, term id, start, expected end).
const EXAMPLES: &[(&str, &str, &str, &str)] = &[
    ("E01", "avg-verzoek", "2025-01-31", "2025-02-28"),
    ("E02", "avg-verzoek", "2028-01-31", "2028-02-29"),
    ("E03", "avg-verzoek", "2027-01-29", "2027-03-01"),
    ("E04", "avg-verzoek", "2028-01-29", "2028-02-29"),
    ("E05", "avg-verzoek", "2026-01-30", "2026-03-02"),
    ("E06", "avg-verzoek", "2028-01-30", "2028-02-29"),
    ("E07", "avg-verzoek", "2026-03-31", "2026-04-30"),
    ("E08", "avg-verzoek", "2025-08-31", "2025-09-30"),
    ("E09", "avg-verzoek", "2026-03-06", "2026-04-07"),
    ("E10", "avg-verzoek", "2026-03-03", "2026-04-03"),
    ("E11", "avg-verzoek", "2025-03-26", "2025-04-28"),
    ("E12", "avg-verzoek", "2027-03-27", "2027-04-27"),
    ("E13", "avg-verzoek", "2026-04-05", "2026-05-05"),
    ("E14", "avg-verzoek", "2027-04-06", "2027-05-07"),
    ("E15", "avg-verzoek", "2026-04-25", "2026-05-26"),
    ("E16", "avg-verzoek", "2025-11-25", "2025-12-29"),
    ("E17", "avg-verzoek", "2026-12-01", "2027-01-04"),
    ("E18", "avg-verlengd", "2026-02-10", "2026-05-11"),
    ("E19", "avg-verlengd", "2025-01-31", "2025-04-28"),
    ("E20", "art14", "2026-01-15", "2026-02-16"),
    ("E21", "ap-klacht", "2025-11-30", "2026-03-02"),
    ("A01", "bezwaartermijn", "2025-06-02", "2025-07-14"),
    ("A02", "bezwaartermijn", "2026-02-20", "2026-04-07"),
    ("A03", "bezwaartermijn", "2027-03-16", "2027-04-28"),
    ("A04", "bezwaartermijn", "2026-03-24", "2026-05-06"),
    ("A05", "bezwaartermijn", "2027-03-25", "2027-05-10"),
    ("A06", "bezwaartermijn", "2025-11-20", "2026-01-05"),
    ("A07", "bezwaar-post", "2025-07-14", "2025-07-21"),
    ("A08", "bezwaar-beslistermijn", "2025-06-02", "2025-08-25"),
    (
        "A09",
        "bezwaar-beslistermijn-advies",
        "2025-06-02",
        "2025-10-06",
    ),
    (
        "A10",
        "bezwaar-beslistermijn-verdaagd",
        "2025-06-02",
        "2025-10-06",
    ),
    ("A11", "bezwaar-beslistermijn", "2026-02-23", "2026-05-18"),
    ("A13", "wpg-inzage", "2026-04-02", "2026-05-18"),
    ("A14", "wpg-rectificatie", "2026-04-07", "2026-05-06"),
    ("A15", "vr-wpg", "2026-01-12", "2026-03-23"),
    ("I01", "deelnemers", "2025-12-19", "2025-12-31"),
    (
        "I02",
        "bezwaar-ontvangstbevestiging",
        "2027-04-13",
        "2027-04-26",
    ),
    ("I03", "hercontrole", "2025-10-31", "2026-01-30"),
    (
        "H01",
        "datalek-ap",
        "2026-01-16T16:30+01:00",
        "2026-01-19T16:30:00+01:00",
    ),
    (
        "H02",
        "datalek-ap",
        "2025-10-24T09:15:00+02:00",
        "2025-10-27T08:15:00+01:00",
    ),
    (
        "H04",
        "datalek-ap",
        "2026-03-27T09:15:00+01:00",
        "2026-03-30T10:15:00+02:00",
    ),
    (
        "H07",
        "datalek-ap",
        "2025-10-26T02:30:00+02:00",
        "2025-10-29T01:30:00+01:00",
    ),
    (
        "H08",
        "datalek-ap",
        "2025-10-26T02:30:00+01:00",
        "2025-10-29T02:30:00+01:00",
    ),
    (
        "H09",
        "datalek-deelnemers",
        "2026-03-28T10:00",
        "2026-03-29T11:00:00+02:00",
    ),
];

#[test]
fn worked_examples_through_the_binary() {
    for (id, term, start, end) in EXAMPLES {
        let r = run_in(&repo_root(), &["termijn", term, start]);
        assert_eq!(r.status, 0, "{id}: {}", r.stderr);
        assert_eq!(r.stdout, format!("{end}\n"), "{id} {term} {start}");
    }
}

#[test]
fn uitleg_names_each_step_and_article() {
    let r = run_in(
        &repo_root(),
        &["termijn", "avg-verzoek", "2026-01-30", "--uitleg"],
    );
    assert_eq!(r.status, 0);
    assert!(r.stdout.starts_with("2026-03-02\n"), "{}", r.stdout);
    assert!(
        r.stdout.contains("30 januari 2026 + 1 maand → 28 februari 2026 (art. 3 lid 1 en lid 2 onder c Vo. 1182/71)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("zaterdag → maandag 2 maart 2026 (art. 3 lid 4 Vo. 1182/71)"),
        "{}",
        r.stdout
    );
    let r = run_in(
        &repo_root(),
        &["termijn", "bezwaartermijn", "2025-11-20", "--uitleg"],
    );
    assert!(r.stdout.starts_with("2026-01-05\n"), "{}", r.stdout);
    assert!(
        r.stdout.contains("donderdag (Nieuwjaarsdag)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("art. 1 lid 1 Algemene termijnenwet"),
        "{}",
        r.stdout
    );
}

#[test]
fn json_output_has_the_documented_keys() {
    let r = run_in(
        &repo_root(),
        &["termijn", "avg-verzoek", "2026-01-30", "--format", "json"],
    );
    assert_eq!(r.status, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["term", "start", "end", "regime", "source", "steps"]);
    assert_eq!(v["end"], "2026-03-02");
    assert_eq!(v["start"], "2026-01-30");
    assert_eq!(v["regime"], "Vo. 1182/71");
    assert_eq!(v["steps"].as_array().unwrap().len(), 2);
}

#[test]
fn list_shows_every_term_id() {
    let r = run_in(&repo_root(), &["termijn", "--list"]);
    assert_eq!(r.status, 0);
    for id in [
        "avg-verzoek",
        "avg-verlengd",
        "art14",
        "datalek-ap",
        "bezwaartermijn",
        "bezwaar-beslistermijn",
        "bezwaar-beslistermijn-advies",
        "wpg-inzage",
        "wpg-rectificatie",
        "vr-avg",
        "vr-wpg",
        "ap-klacht",
    ] {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id} missing:\n{}",
            r.stdout
        );
    }
}

#[test]
fn bad_input_is_a_dutch_error_with_exit_2() {
    let r = run_in(&repo_root(), &["termijn", "avg-verzoekk", "2026-01-30"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("onbekende termijn `avg-verzoekk`"),
        "{}",
        r.stderr
    );
    let r = run_in(&repo_root(), &["termijn", "avg-verzoek", "2026-02-30"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("`2026-02-30` is geen geldige datum"),
        "{}",
        r.stderr
    );
    let r = run_in(&repo_root(), &["termijn", "datalek-ap", "2026-03-29T02:30"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("zomertijd"), "{}", r.stderr);
    let r = run_in(&repo_root(), &["termijn", "avg-verzoek"]);
    assert_eq!(r.status, 2, "{}", r.stderr);
}

#[test]
fn unknown_gelijkgestelde_dagen_warn() {
    let r = run_in(&repo_root(), &["termijn", "bezwaartermijn", "2030-03-01"]);
    assert_eq!(r.status, 0);
    assert!(r.stderr.contains("KALENDER-01"), "{}", r.stderr);
}

#[test]
fn avgdoc_yaml_sets_the_internal_terms() {
    let repo = TestRepo::new();
    // Default (14 days): I01.
    let r = repo.run(&["termijn", "deelnemers", "2025-12-19"]);
    assert_eq!(r.stdout, "2025-12-31\n", "{}", r.stderr);
    let yaml = std::fs::read_to_string(repo.path().join("avgdoc.yaml")).unwrap();
    repo.write(
        "avgdoc.yaml",
        &yaml.replace(
            "  waarschuwing_werkdagen: 5",
            "  waarschuwing_werkdagen: 5\n  deelnemers_dagen: 10\n  hercontrole_maanden: 2\n  datalek_betrokkenen_uren: 48",
        ),
    );
    // 19 December + 10 days = Monday 29 December 2025.
    let r = repo.run(&["termijn", "deelnemers", "2025-12-19"]);
    assert_eq!(r.stdout, "2025-12-29\n", "{}", r.stderr);
    // 31 October + 2 months = 31 December 2025, a Wednesday.
    let r = repo.run(&["termijn", "hercontrole", "2025-10-31"]);
    assert_eq!(r.stdout, "2025-12-31\n", "{}", r.stderr);
    let r = repo.run(&["termijn", "datalek-betrokkenen", "2026-01-16T16:30"]);
    assert_eq!(r.stdout, "2026-01-18T16:30:00+01:00\n", "{}", r.stderr);
    let r = repo.run(&["termijn", "--list"]);
    assert!(
        r.stdout
            .contains("10 dagen (ingesteld met termijnen.deelnemers_dagen)"),
        "{}",
        r.stdout
    );
}
