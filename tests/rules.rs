//! `avgdoc rules` and `avgdoc explain`: every code a diagnostic can carry is
//! documented, with its source, and every id another command prints is
//! explained.

mod common;

use common::*;

fn listed_codes() -> Vec<String> {
    let r = run_in(&repo_root(), &["rules"]);
    assert_eq!(r.status, 0);
    r.stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_listed_rule_is_explained() {
    let listed = listed_codes();
    assert!(listed.len() >= 50, "{listed:?}");
    for id in &listed {
        let r = run_in(&repo_root(), &["explain", id]);
        assert_eq!(r.status, 0, "{id}: {}", r.stderr);
        assert!(r.stdout.starts_with(&format!("{id} (")), "{}", r.stdout);
        assert!(r.stdout.contains("\nBron: "), "{}", r.stdout);
    }
}

/// Every term id `deadlines` or `termijn` can print is a rule `explain`
/// knows (the ids of the old report: WPG-02, AVG-TERMIJN-02/03,
/// BEZWAAR-02/06, DATALEK-03, KLACHT-01, RAADPL-02).
#[test]
fn every_term_rule_is_explained() {
    let r = run_in(&repo_root(), &["termijn", "--list"]);
    assert_eq!(r.status, 0);
    let rules: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    for id in [
        "WPG-02",
        "AVG-TERMIJN-02",
        "AVG-TERMIJN-03",
        "BEZWAAR-02",
        "BEZWAAR-06",
        "DATALEK-03",
        "KLACHT-01",
        "RAADPL-02",
    ] {
        assert!(rules.contains(&id), "{id} is no term's rule: {rules:?}");
    }
    for id in rules {
        let r = run_in(&repo_root(), &["explain", id]);
        assert_eq!(r.status, 0, "explain {id}: {}", r.stderr);
    }
}

#[test]
fn deadlines_print_only_explained_ids() {
    let r = run_in(
        &repo_root(),
        &["deadlines", "--today", "2026-11-23", "--format", "json"],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let listed = listed_codes();
    for e in v["termijnen"].as_array().unwrap() {
        let id = e["termijn"].as_str().unwrap();
        assert!(listed.iter().any(|l| l == id), "{id} not explained");
    }
}

#[test]
fn explain_shows_source_and_example() {
    let r = run_in(&repo_root(), &["explain", "avg-termijn-01"]);
    assert_eq!(r.status, 0);
    assert!(
        r.stdout.starts_with("AVG-TERMIJN-01 (fout)"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Bron: art. 12 lid 3 AVG"), "{}", r.stdout);
    assert!(
        r.stdout.contains("uiterlijk maandag 2 maart 2026"),
        "{}",
        r.stdout
    );
    let r = run_in(&repo_root(), &["explain", "XYZ-99"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("onbekende regel `XYZ-99`"),
        "{}",
        r.stderr
    );
}
