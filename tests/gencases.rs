//! The benchmark's case generator (`examples/gencases.rs`): its cases are
//! valid, of every kind, spread over years, and the same for the same seed.

#[allow(dead_code)]
#[path = "../examples/gencases.rs"]
mod gencases;

mod common;

use chrono::NaiveDate;
use common::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn generated_cases_are_valid_of_every_kind_and_yield_the_counted_letters() {
    let repo = tempfile::tempdir().unwrap();
    let (cases, docs) = gencases::write_repo(
        repo.path(),
        None,
        Some(150),
        3,
        date("2026-11-23"),
        date("2024-01-02"),
    )
    .unwrap();
    assert_eq!(cases, 150);
    let case_files = files(&repo.path().join("cases"));
    assert_eq!(case_files.len(), 150);
    for soort in [
        "avg-verzoek",
        "notificatie",
        "datalek",
        "bezwaar",
        "wpg-verzoek",
        "voorafgaande-raadpleging",
    ] {
        let n = case_files
            .iter()
            .filter(|(_, text)| {
                String::from_utf8_lossy(text).starts_with(&format!("soort: {soort}\n"))
            })
            .count();
        assert!(n > 0, "no {soort} among the generated cases");
    }

    let r = run_in(
        repo.path(),
        &[
            "render",
            "--dry-run",
            "--vandaag",
            "2026-11-23",
            "--datum",
            "2026-11-23",
        ],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let listed: Vec<&str> = r.stdout.lines().collect();
    let letters = listed.iter().filter(|l| l.contains('/')).count();
    assert_eq!(
        letters, docs,
        "the generator counts the letters render makes"
    );
    let org: Vec<&str> = listed
        .iter()
        .copied()
        .filter(|l| !l.contains('/'))
        .collect();
    assert_eq!(org[0], "privacyverklaring");
    let months: Vec<&str> = org[1..]
        .iter()
        .map(|name| {
            let month = name
                .strip_prefix("datalekregister-")
                .unwrap_or_else(|| panic!("{name}"));
            assert!(
                month.len() == 7 && month.as_bytes()[4] == b'-',
                "a register per month: {name}"
            );
            month
        })
        .collect();
    assert!(
        months.windows(2).all(|w| w[0] < w[1]),
        "one register per month, in order: {months:?}"
    );
    for year in ["2024-", "2025-", "2026-"] {
        assert!(
            months.iter().any(|m| m.starts_with(year)),
            "breaches spread over the years: {months:?}"
        );
    }
    assert!(months.len() > 3, "and over the months: {months:?}");
    assert!(
        r.stderr.contains("150 zaken gecontroleerd: 0 fouten"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_same_seed_gives_the_same_repository() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let today = date("2026-11-23");
    let from = date("2024-01-02");
    let na = gencases::write_repo(a.path(), Some(60), None, 9, today, from).unwrap();
    let nb = gencases::write_repo(b.path(), Some(60), None, 9, today, from).unwrap();
    gencases::write_repo(c.path(), Some(60), None, 10, today, from).unwrap();
    assert_eq!(na, nb);
    assert!(na.1 >= 60, "stops once the cases yield 60 letters: {na:?}");
    assert_eq!(files(a.path()), files(b.path()));
    assert_ne!(files(a.path()), files(c.path()));
}
