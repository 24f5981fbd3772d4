//! Staff start a repository and a case in one command each (`init`, `new`),
//! and CI catches every mistake before the push.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// Fill in every TODO of a scaffold as staff would.
fn fill(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l
                .replace("postcode: TODO", "postcode: 1234 AB")
                .replace("huisnummer: TODO", "huisnummer: \"1\"")
                .replace("postbus: TODO", "postbus: \"100\"")
                .replace("id: TODO", "id: gemeente")
                .replace("email: TODO", "email: privacy@voorbeeld.nl")
                .replace("telefoon: TODO", "telefoon: 0344 123 456")
                .replace("voorletters: TODO", "voorletters: J.")
                .replace("website: TODO", "website: www.voorbeeld.nl")
                .replace("functie: TODO", "functie: coördinator")
                .replace("mandaat: TODO", "mandaat: Namens het college,")
                .replace("deelnemers: []", "deelnemers: [gemeente]");
            match l.find(" # ") {
                // Placeholder values only, never the comments.
                Some(i) => format!("{}{}", l[..i].replace("TODO", "Voorbeeldtekst"), &l[i..]),
                None if l.trim_start().starts_with('#') => l,
                None => l.replace("TODO", "Voorbeeldtekst"),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn fill_file(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, fill(&text)).unwrap();
}

fn git_available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn init_new_validate_render() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let r = run_in(dir, &["init", "zaken"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let repo = dir.join("zaken");
    for f in [
        "avgdoc.yaml",
        ".gitignore",
        ".github/workflows/avgdoc.yml",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
    ] {
        assert!(repo.join(f).is_file(), "{f} missing");
    }
    assert!(repo.join("cases").is_dir());
    let gitignore = std::fs::read_to_string(repo.join(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|l| l.trim() == "output/"));
    // Every field of avgdoc.yaml has a comment.
    let config = std::fs::read_to_string(repo.join("avgdoc.yaml")).unwrap();
    assert!(config.contains("kenmerk_patroon: ZVH-{jaar}-{nnnn}"));
    for line in config
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    {
        assert!(
            line.contains(" # "),
            "avgdoc.yaml: field without a comment: {line}"
        );
    }

    let r = run_in(&repo, &["new", "avg-verzoek"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let case_path = repo.join(r.stdout.trim());
    assert!(case_path.is_file(), "{}", r.stdout);
    let year = chrono::Local::now().format("%Y").to_string();
    assert!(
        case_path.ends_with(format!("cases/{year}/ZVH-{year}-0001.yaml")),
        "{}",
        case_path.display()
    );
    let case = std::fs::read_to_string(&case_path).unwrap();
    assert!(case.contains(&format!("kenmerk: ZVH-{year}-0001")));
    for line in case.lines().filter(|l| !l.trim_start().starts_with('#')) {
        assert!(line.contains(" # "), "field without a comment: {line}");
    }

    // The TODOs fail validation with INVUL-01, in avgdoc.yaml and the case.
    let r = run_in(&repo, &["validate", "--format", "json"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let diags: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let invul: Vec<&str> = diags
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "INVUL-01")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(invul.contains(&"avgdoc.yaml"), "{}", r.stdout);
    assert!(
        invul.iter().any(|f| f.ends_with("-0001.yaml")),
        "{}",
        r.stdout
    );

    // The next case gets the next number; nothing is overwritten.
    let r = run_in(&repo, &["new", "avg-verzoek"]);
    assert!(r.stdout.trim().ends_with("-0002.yaml"), "{}", r.stdout);
    std::fs::remove_file(repo.join(r.stdout.trim())).unwrap();

    // Filled in, it validates and renders.
    fill_file(&repo.join("avgdoc.yaml"));
    fill_file(&case_path);
    let r = run_in(&repo, &["validate"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = run_in(&repo, &["render"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let letters = repo.join(format!("output/ZVH-{year}-0001"));
    assert!(
        std::fs::read_dir(&letters).unwrap().any(|e| e
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "pdf")),
        "no letter in {}",
        letters.display()
    );

    // git never shows output/.
    if git_available() {
        let git = |args: &[&str]| {
            Command::new("git")
                .args(args)
                .current_dir(&repo)
                .output()
                .unwrap()
        };
        assert!(git(&["init", "-q"]).status.success());
        let status = git(&["status", "--porcelain", "--untracked-files=all"]);
        let status = String::from_utf8_lossy(&status.stdout);
        assert!(status.contains("avgdoc.yaml"), "{status}");
        assert!(!status.contains("output"), "{status}");
    }

    // A second init leaves every file alone and says so.
    let before = std::fs::read_to_string(repo.join("avgdoc.yaml")).unwrap();
    let r = run_in(dir, &["init", "zaken"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.contains("bestaat al"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(repo.join("avgdoc.yaml")).unwrap(),
        before
    );
}

/// Every kind's scaffold parses as that kind: its only errors are the TODOs
/// (and the rules those placeholders break), never YAML-01.
#[test]
fn every_kind_scaffolds_a_parsable_case() {
    let repo = TestRepo::new();
    for soort in avgdoc::kinds::soorten() {
        let r = repo.run(&["new", soort]);
        assert_eq!(r.status, 0, "{soort}: {}", r.stderr);
        let path = repo.path().join(r.stdout.trim());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&format!("soort: {soort}")), "{text}");
        assert!(text.contains("TODO"), "{soort} has no TODO");
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        {
            assert!(
                line.contains(" # "),
                "{soort}: field without a comment: {line}"
            );
        }
    }
    let r = repo.run(&["validate", "--format", "json"]);
    let diags: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    for d in diags.as_array().unwrap() {
        assert!(
            !matches!(d["code"].as_str(), Some("YAML-01" | "YAML-02")),
            "{d}"
        );
    }
    let files: std::collections::BTreeSet<&str> = diags
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "INVUL-01")
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert_eq!(files.len(), avgdoc::kinds::soorten().len(), "{files:?}");
}

#[test]
fn new_refuses_an_unknown_kind_with_a_suggestion() {
    let repo = TestRepo::new();
    let r = repo.run(&["new", "avg-verzoke"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("bedoelde u `avg-verzoek`?"),
        "{}",
        r.stderr
    );
    let empty = tempfile::tempdir().unwrap();
    let r = run_in(empty.path(), &["new", "datalek"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("avgdoc init"), "{}", r.stderr);
}
