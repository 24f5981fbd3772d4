//! CI and pre-commit: `validate BESTAND…` checks only the named files, the
//! SARIF and GitLab reports place every finding on a file, and the recipes
//! in `docs/ci/` run as written.

mod common;

use common::*;

fn json(stdout: &str) -> Vec<serde_json::Value> {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn files_of(diags: &[serde_json::Value]) -> Vec<&str> {
    let mut files: Vec<&str> = diags.iter().filter_map(|d| d["file"].as_str()).collect();
    files.dedup();
    files
}

/// A repository with one valid case and one with an error.
fn good_and_bad() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("cases/goed.yaml", &case("CI-1", ""));
    let bad = case("CI-2", "").replace("deelnemers: [politie]", "deelnemers: [ggd]");
    repo.write("cases/fout.yaml", &bad);
    repo
}

#[test]
fn validate_checks_only_the_named_case_files() {
    let repo = good_and_bad();
    let r = repo.run(&["validate", "cases/goed.yaml", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .ends_with("1 zaak gecontroleerd: 0 fouten, 0 waarschuwingen\n"),
        "{}",
        r.stderr
    );

    let r = repo.run(&[
        "validate",
        "cases/fout.yaml",
        "--vandaag",
        "2026-11-05",
        "--format",
        "json",
    ]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let diags = json(&r.stdout);
    assert_eq!(files_of(&diags), ["cases/fout.yaml"], "{}", r.stdout);
    assert_eq!(diags[0]["code"], "DEELNEMER-01", "{}", r.stdout);

    // Both, named from inside cases/ as pre-commit would from a subfolder.
    let r = run_in(
        &repo.path().join("cases"),
        &[
            "validate",
            "--root",
            "..",
            "goed.yaml",
            "fout.yaml",
            "--vandaag",
            "2026-11-05",
        ],
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("2 zaken gecontroleerd: 1 fout, 0 waarschuwingen"),
        "{}",
        r.stderr
    );
}

#[test]
fn avgdoc_yaml_or_a_template_among_the_files_checks_everything() {
    let repo = good_and_bad();
    for changed in ["avgdoc.yaml", "templates/logo.svg"] {
        let r = repo.run(&[
            "validate",
            "cases/goed.yaml",
            changed,
            "--vandaag",
            "2026-11-05",
        ]);
        assert_eq!(r.status, 1, "{changed}: {}", r.stderr);
        assert!(
            r.stderr.starts_with(&format!(
                "opmerking: {changed} {}: alles wordt gecontroleerd\n",
                if changed == "avgdoc.yaml" {
                    "geldt voor elke zaak"
                } else {
                    "is een sjabloon"
                }
            )),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr
                .contains("2 zaken gecontroleerd: 1 fout, 0 waarschuwingen"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn other_files_are_skipped_with_a_note_and_a_missing_file_is_an_error() {
    let repo = good_and_bad();
    repo.write("LEESMIJ.md", "# Zaken\n");
    let r = repo.run(&["validate", "LEESMIJ.md", "--format", "gitlab"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "[]\n");
    assert_eq!(
        r.stderr,
        "opmerking: LEESMIJ.md is geen zaakbestand, avgdoc.yaml of sjabloon en wordt overgeslagen\n\
         geen zaakbestand om te controleren\n"
    );
    let r = repo.run(&["validate", "cases/weg.yaml"]);
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert_eq!(r.stderr, "fout: cases/weg.yaml bestaat niet\n");
}

#[test]
fn a_named_case_repeating_a_kenmerk_of_an_unnamed_one_is_an_error() {
    let repo = good_and_bad();
    // "a-" sorts before "goed": the full run blames goed.yaml, a selection
    // the named file.
    repo.write("cases/a-kopie.yaml", &case("CI-1", ""));
    let r = repo.run(&[
        "validate",
        "cases/a-kopie.yaml",
        "--vandaag",
        "2026-11-05",
        "--format",
        "json",
    ]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let diags = json(&r.stdout);
    assert_eq!(diags.len(), 1, "{}", r.stdout);
    assert_eq!(diags[0]["code"], "KENMERK-02");
    assert_eq!(diags[0]["file"], "cases/a-kopie.yaml");
    assert_eq!(
        diags[0]["message"],
        "dit kenmerk komt ook voor in cases/goed.yaml; de brieven zouden elkaar overschrijven"
    );
}

#[test]
fn organisation_wide_documents_are_checked_only_with_everything() {
    let repo = good_and_bad();
    std::fs::remove_file(repo.path().join("cases/fout.yaml")).unwrap();
    let builtin =
        std::fs::read_to_string(repo_root().join("templates/privacyverklaring.md")).unwrap();
    repo.write(
        "templates/privacyverklaring.md",
        &format!("{builtin}\n{{{{ geen_variabele }}}}\n"),
    );
    let r = repo.run(&["validate", "cases/goed.yaml", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05", "--format", "json"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        files_of(&json(&r.stdout)),
        ["templates/privacyverklaring.md"],
        "{}",
        r.stdout
    );
}

#[test]
fn sarif_and_gitlab_name_files_from_the_start_folder_and_place_fileless_findings() {
    // --root sub: findings land on sub/cases/…
    let repo = TestRepo::new();
    let bad = case("CI-3", "").replace("deelnemers: [politie]", "deelnemers: [ggd]");
    repo.write("cases/fout.yaml", &bad);
    let top = repo.path().parent().unwrap();
    let sub = repo.path().file_name().unwrap().to_str().unwrap();
    let r = run_in(
        top,
        &[
            "validate",
            "--root",
            sub,
            "--vandaag",
            "2026-11-05",
            "--format",
            "sarif",
        ],
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    let log: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let loc = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        format!("{sub}/cases/fout.yaml")
    );
    assert_eq!(loc["region"]["startLine"], 18, "{}", r.stdout); // deelnemers: [ggd]

    // No avgdoc.yaml: the finding has no file; both reports put it on the
    // avgdoc.yaml that is missing, line 1.
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir(empty.path().join("cases")).unwrap();
    let r = run_in(empty.path(), &["validate", "--format", "gitlab"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let issues = json(&r.stdout);
    assert_eq!(issues.len(), 1, "{}", r.stdout);
    assert_eq!(issues[0]["check_name"], "CONFIG-01");
    assert_eq!(issues[0]["severity"], "critical");
    assert_eq!(issues[0]["location"]["path"], "avgdoc.yaml");
    assert_eq!(issues[0]["location"]["lines"]["begin"], 1);
    let r = run_in(empty.path(), &["validate", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "CONFIG-01");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "avgdoc.yaml"
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({ "startLine": 1 })
    );
}
