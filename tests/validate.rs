//! Diagnostics as staff see them: file, line, column, code, Dutch message.

mod common;

use common::*;

#[test]
fn misspelt_key_points_at_its_line_and_column() {
    let repo = TestRepo::new();
    let text = case("T-1", "").replace("ontvangen_op: 2026-11-02", "ontvangen_om: 2026-11-02");
    repo.write("cases/typo.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("fout[YAML-01]: onbekend veld `ontvangen_om`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("cases/typo.yaml:12:1"), "{}", r.stderr);
}

#[test]
fn impossible_date_points_at_the_value() {
    let repo = TestRepo::new();
    let text = case("T-2", "").replace("ontvangen_op: 2026-11-02", "ontvangen_op: 2026-02-30");
    repo.write("cases/datum.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("fout[YAML-01]: de datum in `ontvangen_op` bestaat niet"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("cases/datum.yaml:12:15"), "{}", r.stderr);
}

#[test]
fn malformed_date_points_at_the_value() {
    let repo = TestRepo::new();
    let text = case("T-2b", "").replace("ontvangen_op: 2026-11-02", "ontvangen_op: 2 november");
    repo.write("cases/datum.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("ongeldige datum in `ontvangen_op`: schrijf JJJJ-MM-DD"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("cases/datum.yaml:12:15"), "{}", r.stderr);
}

#[test]
fn unknown_deelnemer_points_at_the_id() {
    let repo = TestRepo::new();
    let text = case("T-3", "").replace(
        "deelnemers: [politie]",
        "deelnemers:\n  - politie\n  - ggd-regio",
    );
    repo.write("cases/deelnemer.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("fout[DEELNEMER-01]: onbekende deelnemer `ggd-regio`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("cases/deelnemer.yaml:20:5"),
        "{}",
        r.stderr
    );
}

#[test]
fn overdue_open_case_is_an_error_with_the_source() {
    let repo = TestRepo::new();
    repo.write("cases/laat.yaml", &case("T-4", ""));
    // Identity 2 November 2026 → deadline Wednesday 2 December 2026.
    let r = repo.run(&["validate", "--vandaag", "2026-12-03"]);
    // Reported as an error, but by default a passed deadline fails nothing:
    // the late letter is exactly what must go out now.
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("fout[AVG-TERMIJN-01]: de termijn is verlopen op 2 december 2026"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("(waarvan 1 verlopen termijn: geen afsluitcode 1 zonder --fail-on verlopen)"),
        "{}",
        r.stderr
    );
    let r = repo.run(&[
        "validate",
        "--vandaag",
        "2026-12-03",
        "--fail-on",
        "verlopen",
    ]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    // The summary does not claim otherwise.
    assert!(
        r.stderr.contains("(waarvan 1 verlopen termijn)"),
        "{}",
        r.stderr
    );
    let r = repo.run(&[
        "validate",
        "--vandaag",
        "2026-12-03",
        "--fail-on",
        "waarschuwing",
    ]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.contains("cases/laat.yaml:14:19"), "{}", r.stderr);
    assert!(r.stderr.contains("bron: art. 12 lid 3 AVG"), "{}", r.stderr);
    // The day itself is still in time, with a warning.
    let r = repo.run(&["validate", "--vandaag", "2026-12-02"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("waarschuwing[AVG-TERMIJN-01]"),
        "{}",
        r.stderr
    );
    // Closed in time: silent.
    repo.write(
        "cases/laat.yaml",
        &case("T-4", "afgehandeld_op: 2026-11-30\n"),
    );
    let r = repo.run(&["validate", "--vandaag", "2026-12-03"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("AVG-TERMIJN-01"), "{}", r.stderr);
}

#[test]
fn unsafe_and_duplicate_kenmerk() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-5", ""));
    repo.write("cases/b.yaml", &case("t-5", ""));
    repo.write("cases/c.yaml", &case("'../T-6'", ""));
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("fout[KENMERK-02]: kenmerk `t-5` komt ook voor in cases/a.yaml"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("fout[KENMERK-01]"), "{}", r.stderr);
    assert!(r.stderr.contains("cases/c.yaml:2:10"), "{}", r.stderr);
}

#[test]
fn every_bad_case_is_reported() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", "soort: avg-verzoek\nkenmerk: [\n");
    repo.write("cases/b.yaml", "soort: wob-verzoek\n");
    repo.write(
        "cases/c.yaml",
        &case("T-7", "").replace("  methode: digid", "  methode: paspoort"),
    );
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.contains("cases/a.yaml:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("onbekende soort zaak `wob-verzoek`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("onbekende waarde `paspoort` in `identiteit.methode`; toegestaan zijn: digid, balie, kopie-id"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("3 fouten"), "{}", r.stderr);
}

#[test]
fn missing_config_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(dir.path(), &["validate"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("kan avgdoc.yaml niet lezen"),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_cli_date_is_dutch_with_exit_2() {
    let r = run_in(&repo_root(), &["validate", "--vandaag", "23-11-2026"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr
            .contains("is geen geldige datum; schrijf JJJJ-MM-DD"),
        "{}",
        r.stderr
    );
    let r = run_in(&repo_root(), &["maak"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("onbekende opdracht `maak`"),
        "{}",
        r.stderr
    );
}

#[test]
fn help_is_dutch() {
    let r = run_in(&repo_root(), &["--help"]);
    assert_eq!(r.status, 0);
    assert!(r.stdout.contains("Gebruik: avgdoc"), "{}", r.stdout);
    assert!(r.stdout.contains("Opdrachten:"), "{}", r.stdout);
    assert!(r.stdout.contains("Controleer alle zaken"), "{}", r.stdout);
    let r = run_in(&repo_root(), &["render", "--help"]);
    assert!(r.stdout.contains("Map voor de brieven"), "{}", r.stdout);
    assert!(!r.stdout.contains("Options:"), "{}", r.stdout);
}

#[test]
fn diagnostics_as_json_and_github_annotations() {
    let repo = TestRepo::new();
    let text = case("T-9", "").replace("deelnemers: [politie]", "deelnemers: [ggd]");
    repo.write("cases/a.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05", "--format", "json"]);
    assert_eq!(r.status, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON on stdout");
    let d = &v[0];
    assert_eq!(d["code"], "DEELNEMER-01");
    assert_eq!(d["severity"], "fout");
    assert_eq!(d["file"], "cases/a.yaml");
    assert_eq!(d["line"], 18);
    assert_eq!(d["column"], 14);
    // Machine formats name the field, never the value (a case value may be
    // personal data).
    assert_eq!(
        d["message"],
        "onbekende deelnemer: dit id staat niet bij `deelnemers` in avgdoc.yaml"
    );
    let r = repo.run(&["validate", "--vandaag", "2026-11-05", "--format", "github"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.starts_with(
            "::error file=cases/a.yaml,line=18,endLine=18,col=14,endColumn=17,title=avgdoc (DEELNEMER-01)::onbekende deelnemer: dit id staat niet bij `deelnemers` in avgdoc.yaml%0A"
        ),
        "{}",
        r.stdout
    );
    // render keeps stdout for the annotations; the list of files goes to stderr.
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--format", "github"]);
    assert!(
        r.stdout.lines().all(|l| l.starts_with("::")),
        "{}",
        r.stdout
    );
}

/// Broken files are reported one by one, in Dutch, without a panic.
#[test]
fn hostile_files_are_reported() {
    let repo = TestRepo::new();
    repo.write("cases/leeg.yaml", "");
    repo.write("cases/lijst.yaml", "- 1\n- 2\n");
    repo.write("cases/soort.yaml", "soort: [avg-verzoek]\n");
    let mut bomb = String::from("soort: avg-verzoek\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    repo.write("cases/bom.yaml", &bomb);
    std::fs::write(repo.path().join("cases/binair.yaml"), b"\xff\xfe bad").unwrap();
    let r = repo.run(&["validate", "--vandaag", "2026-11-23"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .contains("het bestand is leeg of houdt te vroeg op"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("verwacht een blok met velden"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("verwacht tekst"), "{}", r.stderr);
    assert!(
        r.stderr.contains("te diep genest (aliassen)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("kan cases/binair.yaml niet lezen: geen geldige UTF-8-tekst"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("5 zaken gecontroleerd: 5 fouten"),
        "{}",
        r.stderr
    );
}

/// PRIVACY-01: a notificatie needs `verwerking` in avgdoc.yaml, for the
/// privacyverklaring that goes with the letter.
#[test]
fn notificatie_without_verwerking_is_privacy_01() {
    let repo = TestRepo::new();
    let config = std::fs::read_to_string(repo.path().join("avgdoc.yaml")).unwrap();
    let start = config.find("\nverwerking:").unwrap() + 1;
    let end = start + config[start..].find("\nlogo:").unwrap() + 1;
    let config = format!("{}{}", &config[..start], &config[end..]);
    repo.write("avgdoc.yaml", &config);
    repo.write(
        "cases/n.yaml",
        "soort: notificatie
kenmerk: N-9
betrokkene:
  achternaam: Oefening
  adres: { straat: Industrieweg, huisnummer: '5', postcode: 4006 IW, plaats: Rivierstad }
aanmelding_op: 2026-11-09
in_behandeling: true
deelnemers: [politie]
",
    );
    let r = repo.run(&["validate", "--vandaag", "2026-11-10"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "fout[PRIVACY-01]: de notificatiebrief gaat met de privacyverklaring: vul `verwerking` in avgdoc.yaml"
        ),
        "{}",
        r.stderr
    );
}

/// PRIVACY-02: special or criminal data in `verwerking.categorieen` need
/// their own basis (art. 9 lid 2, art. 10 AVG).
#[test]
fn special_data_without_their_basis_is_privacy_02() {
    let repo = TestRepo::new();
    let config = std::fs::read_to_string(repo.path().join("avgdoc.yaml")).unwrap();
    let start = config.find("  grondslag_bijzondere_gegevens:").unwrap();
    let end = config.find("  ontvangers:\n").unwrap();
    let config = format!("{}{}", &config[..start], &config[end..]);
    repo.write("avgdoc.yaml", &config);
    let r = repo.run(&["validate", "--vandaag", "2026-11-10"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    for expected in [
        "fout[PRIVACY-02]: `verwerking.categorieen` noemt bijzondere persoonsgegevens (zoals gezondheid of zorg): noem in `grondslag_bijzondere_gegevens` de grondslag (art. 9 lid 2 AVG en de UAVG)",
        "fout[PRIVACY-02]: `verwerking.categorieen` noemt strafrechtelijke gegevens: noem in `grondslag_strafrechtelijke_gegevens` de grondslag (art. 10 AVG en de UAVG)",
    ] {
        assert!(r.stderr.contains(expected), "{}", r.stderr);
    }
}

/// One overdue case neither stops its own letters nor anyone else's, and
/// fails render only with --fail-on verlopen; a real error still blocks.
#[test]
fn overdue_case_is_rendered_and_blocking_errors_still_fail() {
    let repo = TestRepo::new();
    repo.write("cases/laat.yaml", &case("T-LAAT", ""));
    repo.write(
        "cases/goed.yaml",
        &case("T-GOED", "")
            .replace("2026-11-02", "2026-11-30")
            .replace("2026-11-04", "2026-12-01"),
    );
    let r = repo.run(&["render", "--vandaag", "2026-12-03", "--datum", "2026-12-03"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stderr.contains("fout[AVG-TERMIJN-01]"), "{}", r.stderr);
    for k in ["T-LAAT", "T-GOED"] {
        assert!(
            repo.path()
                .join(format!("output/{k}/ontvangstbevestiging.pdf"))
                .is_file(),
            "{k}: {}",
            r.stderr
        );
    }
    let r = repo.run(&["render", "--vandaag", "2026-12-03", "--fail-on", "verlopen"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    // A warning only fails with --fail-on waarschuwing.
    let r = repo.run(&["validate", "--vandaag", "2026-12-02"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = repo.run(&[
        "validate",
        "--vandaag",
        "2026-12-02",
        "--fail-on",
        "waarschuwing",
    ]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    // An error that is no deadline still fails and still blocks its case.
    repo.write(
        "cases/fout.yaml",
        &case("T-FOUT", "").replace("omschrijving: Inzage.", "omschrijving: TODO"),
    );
    let r = repo.run(&["render", "--vandaag", "2026-12-03"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(!repo.path().join("output/T-FOUT").exists());
}

/// With `--root sub`, every format names files as seen from where avgdoc
/// was started: `sub/cases/…`, so CI annotations land on the right file.
#[test]
fn paths_are_relative_to_the_start_folder() {
    let repo = TestRepo::new();
    repo.write(
        "cases/t.yaml",
        &case("T-1", "").replace("omschrijving: Inzage.", "omschrijving: TODO"),
    );
    let parent = repo.path().parent().unwrap();
    let sub = repo.path().file_name().unwrap().to_str().unwrap();
    let run = |format: &str| {
        run_in(
            parent,
            &[
                "validate",
                "--root",
                sub,
                "--vandaag",
                "2026-11-05",
                "--format",
                format,
            ],
        )
    };
    let r = run("json");
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stdout
            .contains(&format!("\"file\": \"{sub}/cases/t.yaml\"")),
        "{}",
        r.stdout
    );
    let r = run("github");
    assert!(
        r.stdout.contains(&format!("file={sub}/cases/t.yaml")),
        "{}",
        r.stdout
    );
    let r = run("mens");
    assert!(
        r.stderr.contains(&format!("{sub}/cases/t.yaml:")),
        "{}",
        r.stderr
    );
    // A template override too.
    repo.write("templates/brief.tpy", "x");
    let r = run("json");
    assert!(
        r.stdout
            .contains(&format!("\"file\": \"{sub}/templates/brief.tpy\"")),
        "{}",
        r.stdout
    );
    // Started in the repository itself: no prefix.
    let r = repo.run(&["validate", "--vandaag", "2026-11-05", "--format", "json"]);
    assert!(
        r.stdout.contains("\"file\": \"cases/t.yaml\""),
        "{}",
        r.stdout
    );
}
