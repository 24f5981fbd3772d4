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
            .ends_with("1 zaak gecontroleerd: 0 fouten, 0 waarschuwingen; 2 documenten proefgezet, 0 ongewijzigd sinds de laatste render\n"),
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

// The recipes of docs/ci ----------------------------------------------------

/// A recipe file as a tree.
fn recipe(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(repo_root().join("docs/ci").join(name)).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("docs/ci/{name}: {e}"))
}

/// The lines of a `run:` or `script:` value.
fn lines(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::String(s) => s.lines().map(|l| l.trim().to_string()).collect(),
        serde_json::Value::Array(items) => items.iter().flat_map(lines).collect(),
        _ => Vec::new(),
    }
}

/// The example repository (avgdoc.yaml, cases/, templates/) in a temporary
/// folder, as a checkout in CI would have it.
fn example_checkout() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root();
    std::fs::copy(root.join("avgdoc.yaml"), dir.path().join("avgdoc.yaml")).unwrap();
    for top in ["cases", "templates"] {
        for entry in walkdir::WalkDir::new(root.join(top)) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(&root).unwrap();
            let to = dir.path().join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
    }
    dir
}

/// Run one `avgdoc …` line of a recipe in `dir`, as the shell would: the
/// avgdoc binary under test, `$VARIABLES` from `env`, `> file` and
/// `>> file` redirecting stdout. The reference date is fixed (the only
/// change to the line), so the result does not depend on the day the test
/// runs. Returns the exit code and stdout (unless redirected).
fn run_recipe_line(line: &str, dir: &std::path::Path, env: &[(&str, String)]) -> (i32, String) {
    assert!(
        !line.contains(['|', ';', '&', '`', '(']),
        "a recipe line with shell syntax this test does not run: {line}"
    );
    let expand = |word: &str| {
        let mut w = word.trim_matches('"').to_string();
        for (k, v) in env {
            w = w
                .replace(&format!("${{{k}}}"), v)
                .replace(&format!("${k}"), v);
        }
        assert!(!w.contains('$'), "unknown variable in {line}");
        w
    };
    let mut words = line.split_whitespace();
    assert_eq!(words.next(), Some("avgdoc"));
    let mut args = Vec::new();
    let mut redirect: Option<(bool, String)> = None;
    while let Some(w) = words.next() {
        match w {
            ">" | ">>" => {
                let target = expand(words.next().expect("a redirect target"));
                redirect = Some((w == ">>", target));
            }
            w => args.push(expand(w)),
        }
    }
    args.extend(["--vandaag".to_string(), "2026-11-23".to_string()]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_avgdoc"))
        .args(&args)
        .current_dir(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let status = out.status.code().unwrap_or(-1);
    assert_eq!(status, 0, "{line}:\n{stderr}");
    match redirect {
        Some((append, target)) => {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(append)
                .write(true)
                .truncate(!append)
                .open(dir.join(target))
                .unwrap();
            f.write_all(stdout.as_bytes()).unwrap();
            (status, String::new())
        }
        None => (status, stdout),
    }
}

fn pdfs_in(dir: &std::path::Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf")
        })
        .count()
}

#[test]
fn the_github_recipe_runs_on_the_example_repository() {
    let workflow = recipe("github-avgdoc.yml");
    let steps = workflow["jobs"]["avgdoc"]["steps"].as_array().unwrap();
    let checkout = example_checkout();
    let dir = checkout.path();
    let summary = dir.join("step-summary.md");
    std::fs::write(&summary, "").unwrap();
    let env = [("GITHUB_STEP_SUMMARY", summary.display().to_string())];
    let mut ran = Vec::new();
    for step in steps {
        for line in lines(&step["run"]) {
            if !line.starts_with("avgdoc ") {
                continue;
            }
            let (_, stdout) = run_recipe_line(&line, dir, &env);
            if line.contains("--format github") {
                // Annotations only, one workflow command per line.
                assert!(!stdout.is_empty(), "{line}");
                for l in stdout.lines() {
                    assert!(
                        l.starts_with("::warning ")
                            || l.starts_with("::notice ")
                            || l.starts_with("::error "),
                        "{line}: {l}"
                    );
                }
            }
            ran.push(line);
        }
    }
    assert_eq!(
        ran,
        [
            "avgdoc validate --format github",
            "avgdoc deadlines --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
            "avgdoc render",
        ]
    );
    // The deadline report is in the job summary.
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("## Termijnen op 23 november 2026\n\n| Kenmerk | Soort |"),
        "{text}"
    );
    assert!(text.contains("| ZVH-2026-"), "{text}");
    // The letters are where the upload step looks, kept 7 days.
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-artifact@"))
        })
        .expect("an upload step");
    assert_eq!(upload["with"]["retention-days"], 7);
    let path = upload["with"]["path"].as_str().unwrap();
    assert!(pdfs_in(&dir.join(path)) > 0, "no letters in {path}");
}

#[test]
fn the_gitlab_recipe_runs_on_the_example_repository() {
    let ci = recipe("gitlab-ci.yml");
    let checkout = example_checkout();
    let dir = checkout.path();
    let mut jobs = Vec::new();
    for (name, job) in ci.as_object().unwrap() {
        if name.starts_with('.') || job.get("script").is_none() {
            continue;
        }
        let mut commands = Vec::new();
        if let Some(base) = job["extends"].as_str() {
            commands.extend(lines(&ci[base]["before_script"]));
        }
        commands.extend(lines(&job["script"]));
        let mut ran = Vec::new();
        for line in commands.iter().filter(|l| l.starts_with("avgdoc ")) {
            let (_, stdout) = run_recipe_line(line, dir, &[]);
            if line == "avgdoc deadlines" {
                // The report in the job log.
                assert!(stdout.contains("ZVH-2026-"), "{stdout}");
            }
            ran.push(line.clone());
        }
        // What the job keeps is there, and nothing is kept longer than 7 days.
        let artifacts = &job["artifacts"];
        assert_eq!(artifacts["expire_in"], "7 days", "{name}");
        if let Some(report) = artifacts["reports"]["codequality"].as_str() {
            let issues = json(&std::fs::read_to_string(dir.join(report)).unwrap());
            assert!(!issues.is_empty(), "{name}: empty {report}");
            for i in &issues {
                assert!(
                    i["check_name"].is_string() && i["fingerprint"].is_string(),
                    "{i}"
                );
            }
        }
        for path in artifacts["paths"].as_array().into_iter().flatten() {
            let path = dir.join(path.as_str().unwrap());
            assert!(path.exists(), "{name}: {} missing", path.display());
            if path.is_dir() {
                assert!(pdfs_in(&path) > 0, "{name}: no letters");
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    text.starts_with("## Termijnen op 23 november 2026\n"),
                    "{text}"
                );
            }
        }
        jobs.push((name.clone(), ran));
    }
    let expected: Vec<(String, Vec<String>)> = [
        (
            "avgdoc-controle",
            vec!["avgdoc validate --format gitlab > gl-code-quality-report.json"],
        ),
        (
            "avgdoc-termijnen",
            vec![
                "avgdoc deadlines",
                "avgdoc deadlines --format markdown > termijnen.md",
            ],
        ),
        ("avgdoc-brieven", vec!["avgdoc render"]),
    ]
    .into_iter()
    .map(|(n, c)| (n.to_string(), c.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(jobs, expected);
    // The letters are made only on the default branch.
    assert_eq!(
        ci["avgdoc-brieven"]["rules"][0]["if"],
        "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    );
}

#[test]
fn init_writes_the_recipes_of_docs_ci_and_the_pre_commit_hook() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run_in(tmp.path(), &["init", "zaken"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let repo = tmp.path().join("zaken");
    for (written, source) in [
        (".github/workflows/avgdoc.yml", "docs/ci/github-avgdoc.yml"),
        (".gitlab-ci.yml", "docs/ci/gitlab-ci.yml"),
    ] {
        assert_eq!(
            std::fs::read_to_string(repo.join(written)).unwrap(),
            std::fs::read_to_string(repo_root().join(source)).unwrap(),
            "{written}"
        );
    }
    // No placeholder address: avgdoc comes from AVGDOC_GIT.
    for f in [".github/workflows/avgdoc.yml", ".gitlab-ci.yml"] {
        let text = std::fs::read_to_string(repo.join(f)).unwrap();
        assert!(
            text.contains("cargo install --locked --git \"$AVGDOC_GIT\""),
            "{f}"
        );
        assert!(!text.contains("uw-organisatie/avgdoc avgdoc"), "{f}");
    }

    // The scaffolded pre-commit hook is avgdoc's own hook, run from PATH.
    let text = std::fs::read_to_string(repo.join(".pre-commit-config.yaml")).unwrap();
    let config: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let local = &config["repos"][0]["hooks"][0];
    let text = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"], "avgdoc-validate");
    for key in ["id", "name", "entry", "files", "require_serial"] {
        assert_eq!(local[key], hook[key], "{key}");
    }
    assert_eq!(local["language"], "system");
    assert_eq!(hook["language"], "rust");
    // pre-commit passes the staged files (the default).
    assert!(local.get("pass_filenames").is_none() && hook.get("pass_filenames").is_none());
    assert_eq!(
        hook["files"],
        r"^cases/.*\.(ya?ml|csv)$|^avgdoc\.yaml$|^templates/"
    );
}
