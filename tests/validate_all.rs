//! `validate` finds everything `render` would: every document of every valid
//! case is merged and typeset (without writing), so a broken template, a
//! broken house style or a missing logo fails validation, and template
//! errors point at the template's line in every format.

mod common;

use common::*;

fn repo_with_case() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("cases/t.yaml", &case("T-1", ""));
    repo
}

fn json(r: &Run) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&r.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
        .as_array()
        .unwrap()
        .clone()
}

const VANDAAG: &[&str] = &["--vandaag", "2026-11-05"];

fn validate(repo: &TestRepo, format: &str) -> Run {
    let mut args = vec!["validate", "--format", format];
    args.extend(VANDAAG);
    repo.run(&args)
}

#[test]
fn valid_repository_validates_and_writes_nothing() {
    let repo = repo_with_case();
    let r = validate(&repo, "mens");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!repo.path().join("output").exists());
}

#[test]
fn tera_syntax_error_points_at_template_line_in_every_format() {
    let repo = repo_with_case();
    let text =
        std::fs::read_to_string(repo_root().join("templates/avg-verzoek/ontvangstbevestiging.md"))
            .unwrap();
    // Line 8 of the file gets an unclosed tag.
    let broken = text.replacen(
        "Op {{ verzoek.ontvangen_op }}",
        "Op {{ verzoek.ontvangen_op ",
        1,
    );
    repo.write("templates/avg-verzoek/ontvangstbevestiging.md", &broken);
    let line = broken
        .lines()
        .position(|l| l.starts_with("Op {{ verzoek.ontvangen_op "))
        .unwrap()
        + 1;

    let r = validate(&repo, "json");
    assert_eq!(r.status, 1, "{}", r.stderr);
    let d = json(&r)
        .into_iter()
        .find(|d| d["code"] == "TEMPLATE-01")
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert_eq!(
        d["file"], "templates/avg-verzoek/ontvangstbevestiging.md",
        "{d}"
    );
    assert_eq!(d["line"], line, "{d}");
    assert!(d["column"].as_u64().unwrap() > 1, "{d}");

    let r = validate(&repo, "mens");
    assert!(
        r.stderr.contains(&format!(
            "templates/avg-verzoek/ontvangstbevestiging.md:{line}:"
        )),
        "{}",
        r.stderr
    );
    let r = validate(&repo, "github");
    assert!(
        r.stdout
            .contains("file=templates/avg-verzoek/ontvangstbevestiging.md")
            && r.stdout.contains(&format!("line={line}")),
        "{}",
        r.stdout
    );
}

#[test]
fn unknown_variable_points_at_its_use() {
    let repo = repo_with_case();
    let text =
        std::fs::read_to_string(repo_root().join("templates/avg-verzoek/ontvangstbevestiging.md"))
            .unwrap();
    let broken = text.replacen(
        "{{ verzoek.ontvangen_op }}",
        "{{ verzoek.ontvangen_opp }}",
        1,
    );
    repo.write("templates/avg-verzoek/ontvangstbevestiging.md", &broken);
    let line = broken
        .lines()
        .position(|l| l.contains("verzoek.ontvangen_opp"))
        .unwrap()
        + 1;
    let r = validate(&repo, "json");
    assert_eq!(r.status, 1, "{}", r.stderr);
    let d = json(&r)
        .into_iter()
        .find(|d| d["code"] == "TEMPLATE-01")
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert_eq!(
        d["file"], "templates/avg-verzoek/ontvangstbevestiging.md",
        "{d}"
    );
    assert_eq!(d["line"], line, "{d}");
}

#[test]
fn broken_house_style_fails_validation() {
    let repo = repo_with_case();
    let text = std::fs::read_to_string(repo_root().join("templates/brief.typ")).unwrap();
    repo.write("templates/brief.typ", &format!("{text}\n#let x = (\n"));
    let r = validate(&repo, "json");
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        json(&r)
            .iter()
            .any(|d| d["code"] == "TYPST-01" && d["file"] == "templates/brief.typ"),
        "{}",
        r.stdout
    );
}

#[test]
fn missing_logo_fails_validation() {
    let repo = repo_with_case();
    std::fs::remove_file(repo.path().join("templates/logo.svg")).unwrap();
    let r = validate(&repo, "json");
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        json(&r)
            .iter()
            .any(|d| d["code"] == "CONFIG-03" && d["file"] == "avgdoc.yaml"),
        "{}",
        r.stdout
    );
}

#[test]
fn misnamed_override_is_a_warning_with_a_suggestion() {
    let repo = repo_with_case();
    let text = std::fs::read_to_string(repo_root().join("templates/brief.typ")).unwrap();
    repo.write("templates/brief.tpy", &text);
    let r = validate(&repo, "json");
    assert_eq!(r.status, 0, "{}", r.stderr);
    let d = json(&r)
        .into_iter()
        .find(|d| d["code"] == "TEMPLATE-06")
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert_eq!(d["severity"], "waarschuwing", "{d}");
    assert_eq!(d["file"], "templates/brief.tpy", "{d}");
    let notes = d["notes"].to_string();
    assert!(notes.contains("bedoelde u templates/brief.typ?"), "{d}");
}
