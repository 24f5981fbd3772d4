//! `avgdoc deadlines`: the report in every format, as snapshots, on the
//! example cases and on a set covering every status.

mod common;

use common::*;

/// Cases covering each status on 2026-12-01.
fn status_repo() -> TestRepo {
    let repo = TestRepo::new();
    // Identity 2 November → 2 December: within the warning margin.
    repo.write("cases/binnenkort.yaml", &case("T-BINNENKORT", ""));
    // Identity 20 October → 20 November: passed.
    repo.write(
        "cases/verlopen.yaml",
        &case("T-VERLOPEN", "")
            .replace("ontvangen_op: 2026-11-02", "ontvangen_op: 2026-10-20")
            .replace("vastgesteld_op: 2026-11-02", "vastgesteld_op: 2026-10-20")
            .replace(
                "ontvangstbevestiging: 2026-11-04",
                "ontvangstbevestiging: 2026-10-21",
            ),
    );
    // Identity 25 November → 28 December (25 December is Kerst, 26 za, 27 zo).
    repo.write(
        "cases/optijd.yaml",
        &case("T-OPTIJD", "")
            .replace("ontvangen_op: 2026-11-02", "ontvangen_op: 2026-11-24")
            .replace("vastgesteld_op: 2026-11-02", "vastgesteld_op: 2026-11-25")
            .replace(
                "ontvangstbevestiging: 2026-11-04",
                "ontvangstbevestiging: 2026-11-25",
            ),
    );
    // No identity yet: the streefdatum, one month from receipt.
    let no_id = case("T-GEEN-ID", "")
        .replace("ontvangen_op: 2026-11-02", "ontvangen_op: 2026-11-16")
        .replace(
            "identiteit:\n  vastgesteld_op: 2026-11-02\n  methode: digid\n",
            "",
        )
        .replace("verzonden:\n  ontvangstbevestiging: 2026-11-04\n", "");
    repo.write("cases/geen-id.yaml", &no_id);
    // Closed: not in the report.
    repo.write(
        "cases/klaar.yaml",
        &case("T-KLAAR", "afgehandeld_op: 2026-11-20\n"),
    );
    repo
}

#[test]
fn table() {
    let r = status_repo().run(&["deadlines", "--today", "2026-12-01"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn json() {
    let r = status_repo().run(&["deadlines", "--today", "2026-12-01", "--format", "json"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["termijnen"].as_array().unwrap().len(), 4);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn markdown() {
    let r = status_repo().run(&["termijnen", "--today", "2026-12-01", "--format", "markdown"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn examples_table() {
    let r = run_in(&repo_root(), &["deadlines", "--today", "2026-11-10"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn fail_on_sets_the_exit_code() {
    let repo = status_repo();
    let r = repo.run(&[
        "deadlines",
        "--today",
        "2026-12-01",
        "--fail-on",
        "verlopen",
    ]);
    assert_eq!(r.status, 1);
    let r = repo.run(&[
        "deadlines",
        "--today",
        "2026-11-19",
        "--fail-on",
        "verlopen",
    ]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    let r = repo.run(&[
        "deadlines",
        "--today",
        "2026-11-05",
        "--fail-on",
        "waarschuwing",
    ]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    let r = repo.run(&[
        "deadlines",
        "--today",
        "2026-11-16",
        "--fail-on",
        "waarschuwing",
    ]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    let r = repo.run(&["deadlines", "--today", "2026-12-01", "--fail-on", "soms"]);
    assert_eq!(r.status, 2);
}

#[test]
fn unreadable_case_fails_the_report() {
    let repo = status_repo();
    repo.write("cases/kapot.yaml", "soort: avg-verzoek\nkenmerk: [\n");
    let r = repo.run(&["deadlines", "--today", "2026-12-01"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("niet elke zaak kon worden gelezen"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("T-VERLOPEN"), "{}", r.stdout);
}
