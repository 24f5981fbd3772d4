//! `avgdoc rules` and `avgdoc explain`: every code a diagnostic can carry is
//! documented, with its source.

mod common;

use common::*;

#[test]
fn every_code_in_the_source_is_a_listed_rule() {
    let r = run_in(&repo_root(), &["rules"]);
    assert_eq!(r.status, 0);
    let listed: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    for id in &listed {
        assert!(seen.insert(*id), "{id} listed twice");
    }
    // Codes used in `Diagnostic::error("CODE"` / `::warning("CODE"` calls.
    let mut used = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(repo_root().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for part in text.split("Diagnostic::").skip(1) {
                if let Some(rest) = part
                    .strip_prefix("error(\n")
                    .or_else(|| part.strip_prefix("error("))
                    .or_else(|| part.strip_prefix("warning("))
                {
                    let rest = rest.trim_start();
                    if let Some(code) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                        used.insert(code.to_string());
                    }
                }
            }
        }
    }
    assert!(used.len() >= 8, "{used:?}");
    for code in &used {
        assert!(
            listed.contains(&code.as_str()),
            "{code} is used but not listed by `avgdoc rules`"
        );
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
