//! Hostile input: case files, templates and output folders written to
//! break avgdoc. Every test gives the exact Dutch diagnostic and exit code;
//! nothing may panic, hang, leak a case value or write outside output/.

mod common;

use common::*;

/// A datalek case, valid, with `extra` appended.
fn datalek(kenmerk: &str, ontdekt: &str, extra: &str) -> String {
    format!(
        "soort: datalek
kenmerk: {kenmerk}
ontdekt_op: {ontdekt}
soort_inbreuk: [vertrouwelijkheid]
omschrijving: Een e-mail met casusgegevens ging naar een verkeerde ontvanger.
betrokkenen:
  categorieen: [clienten]
  aantal: ongeveer 3
gegevens:
  categorieen: [namen]
  aantal: 3
gevolgen: Mogelijk kennisname door een onbevoegde.
maatregelen:
  - wat: De ontvanger is gevraagd de e-mail te verwijderen.
    genomen: 2026-10-31
risico: geen
risico_toelichting: De ontvanger is een deelnemer met geheimhoudingsplicht.
{extra}"
    )
}

fn lines_with<'a>(out: &'a str, code: &str) -> Vec<&'a str> {
    out.lines().filter(|l| l.contains(code)).collect()
}

// 1. Dates outside 1900–2200 ------------------------------------------------

#[test]
fn far_future_date_is_a_diagnostic_on_its_field() {
    let repo = TestRepo::new();
    let text = case("H-1", "").replace("ontvangen_op: 2026-11-02", "ontvangen_op: +262142-12-20");
    repo.write("cases/ver.yaml", &text);
    repo.write("cases/goed.yaml", &case("H-1b", ""));
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "DATUM-01"),
        [
            "fout[DATUM-01]: de datum in `ontvangen_op` ligt buiten 1900–2200; schrijf JJJJ-MM-DD met een jaartal van 1900 tot en met 2200"
        ],
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("cases/ver.yaml:12:15"), "{}", r.stderr);
}

#[test]
fn dates_before_1900_and_in_lists_are_refused_too() {
    let repo = TestRepo::new();
    let text = case("H-2", "").replace(
        "  ontvangstbevestiging: 2026-11-04",
        "  ontvangstbevestiging: 1899-12-31",
    );
    repo.write("cases/oud.yaml", &text);
    repo.write(
        "cases/lek.yaml",
        &datalek("H-2b", "+262142-12-20T10:00", "")
            .replace("genomen: 2026-10-31", "genomen: 9999-12-31"),
    );
    let r = repo.run(&["validate", "--vandaag", "2026-11-05", "--format", "json"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let mut msgs: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    msgs.sort();
    assert_eq!(
        msgs,
        [
            "DATUM-01 de datum in `maatregelen[0].genomen` ligt buiten 1900–2200; schrijf JJJJ-MM-DD met een jaartal van 1900 tot en met 2200",
            "DATUM-01 de datum in `ontdekt_op` ligt buiten 1900–2200; schrijf JJJJ-MM-DD met een jaartal van 1900 tot en met 2200",
            "DATUM-01 de datum in `verzonden.ontvangstbevestiging` ligt buiten 1900–2200; schrijf JJJJ-MM-DD met een jaartal van 1900 tot en met 2200",
        ]
    );
}

#[test]
fn termijn_with_a_far_date_exits_2() {
    let repo = TestRepo::new();
    for (term, start) in [
        ("avg-verzoek", "+262142-12-31"),
        ("avg-verzoek", "2201-01-01"),
        ("datalek-ap", "2201-01-01T10:00:00+01:00"),
    ] {
        let r = repo.run(&["termijn", term, "--", start]);
        assert_eq!(r.status, 2, "{term} {start}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        assert!(r.stderr.starts_with("fout: "), "{}", r.stderr);
        assert!(r.stderr.contains("buiten 1900–2200"), "{}", r.stderr);
    }
    let r = repo.run(&[
        "termijn",
        "datalek-ap",
        "--",
        "+262142-12-31T23:00:00+01:00",
    ]);
    assert_eq!(r.status, 2, "{}", r.stderr);
    let r = repo.run(&["termijn", "avg-verzoek", "--", "+262142-12-31"]);
    assert_eq!(
        r.stderr,
        "fout: `+262142-12-31` ligt buiten 1900–2200; schrijf een datum met een jaartal van 1900 tot en met 2200\n"
    );
}

// 4. Size bounds ------------------------------------------------------------

#[test]
fn a_case_file_over_the_size_limit_is_not_read() {
    let repo = TestRepo::new();
    let big = case("H-4", &format!("# {}\n", "x".repeat(1 << 20)));
    repo.write("cases/groot.yaml", &big);
    repo.write("cases/goed.yaml", &case("H-4b", ""));
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "GROOTTE-01"),
        [
            "fout[GROOTTE-01]: cases/groot.yaml: het zaakbestand is groter dan 1048576 bytes en wordt niet gelezen"
        ],
    );
}

#[test]
fn a_long_field_is_refused_by_name_and_the_limit_is_configurable() {
    let repo = TestRepo::new();
    let text = case("H-5", "").replace(
        "omschrijving: Inzage.",
        &format!("omschrijving: {}", "a".repeat(2000)),
    );
    repo.write("cases/lang.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let config = std::fs::read_to_string(repo.path().join("avgdoc.yaml")).unwrap()
        + "\ngrenzen:\n  veld_tekens: 1000\n";
    repo.write("avgdoc.yaml", &config);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "GROOTTE-02"),
        ["fout[GROOTTE-02]: het veld `omschrijving` is te lang: ten hoogste 1000 tekens"],
    );
    // The 2000 characters are not printed.
    assert!(!r.stderr.contains(&"a".repeat(100)), "{}", r.stderr);
}

#[test]
fn alias_expansion_is_counted_in_bytes() {
    let repo = TestRepo::new();
    let anchor = "x".repeat(100_000);
    let mut extra = format!("bijlagen_tekst: &groot \"{anchor}\"\nherhaald:\n");
    for _ in 0..99 {
        extra.push_str("  - *groot\n");
    }
    repo.write("cases/bom.yaml", &case("H-6", &extra));
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "GROOTTE-03"),
        [
            "fout[GROOTTE-03]: het zaakbestand is na het uitvouwen van aliassen (`*naam`) groter dan 4194304 bytes"
        ],
    );
    // A larger configured bound lets the same file through to the parser.
    let config = std::fs::read_to_string(repo.path().join("avgdoc.yaml")).unwrap()
        + "\ngrenzen:\n  totaal_bytes: 16777216\n";
    repo.write("avgdoc.yaml", &config);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert!(
        lines_with(&r.stderr, "GROOTTE-03").is_empty(),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("fout[YAML-01]: onbekend veld `bijlagen_tekst`"),
        "{}",
        r.stderr
    );
}

// 5. BSN guard --------------------------------------------------------------

#[test]
fn a_bsn_anywhere_is_an_error_naming_the_field_never_the_number() {
    let repo = TestRepo::new();
    repo.write("cases/bsn.yaml", &case("111222333", ""));
    let text = case("H-7", "").replace(
        "omschrijving: Inzage.",
        "omschrijving: Inzage, BSN 111.222.333 graag.",
    );
    repo.write("cases/bsn2.yaml", &text);
    let text = case("H-7b", "").replace("achternaam: Pietersen", "achternaam: \"111 222 333\"");
    repo.write("cases/bsn3.yaml", &text);
    for format in ["mens", "json", "github", "sarif", "gitlab"] {
        let r = repo.run(&["render", "--vandaag", "2026-11-05", "--format", format]);
        assert_eq!(r.status, 1, "{}", r.stderr);
        let mut stdout = r.stdout.clone();
        if format == "sarif" {
            // The rules' documentation (BSN-01's example number) is no case
            // value: look at the results.
            let log: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
            stdout = log["runs"][0]["results"].to_string();
            assert!(stdout.contains("BSN-01"), "{stdout}");
        }
        let all = format!("{stdout}{}", r.stderr);
        for shown in ["111222333", "111.222.333", "111 222 333"] {
            assert!(!all.contains(shown), "{format}: {all}");
        }
        assert!(!repo.path().join("output/111222333").exists());
    }
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(
        lines_with(&r.stderr, "BSN-01"),
        [
            "fout[BSN-01]: het veld `kenmerk` bevat een burgerservicenummer (BSN); een BSN hoort niet in een zaakbestand",
            "fout[BSN-01]: het veld `omschrijving` bevat een burgerservicenummer (BSN); een BSN hoort niet in een zaakbestand",
            "fout[BSN-01]: het veld `betrokkene.achternaam` bevat een burgerservicenummer (BSN); een BSN hoort niet in een zaakbestand",
        ],
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("in cases/bsn.yaml:2:10"), "{}", r.stderr);
}

#[test]
fn nine_digits_failing_the_elfproef_are_fine() {
    let repo = TestRepo::new();
    let text = case("H-8", "").replace(
        "omschrijving: Inzage.",
        "omschrijving: Inzage, dossier 111222334.",
    );
    repo.write("cases/geen.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
}

// 7. No case values in machine output ----------------------------------------

#[test]
fn machine_formats_name_the_field_not_the_value() {
    let repo = TestRepo::new();
    let text = case("H-9", "").replace("aanspreekvorm: heer", "aanspreekvorm: Jan Geheimnaam");
    repo.write("cases/waarde.yaml", &text);
    let text = case("H-9b", "").replace("deelnemers: [politie]", "deelnemers: [Piet Geheim]");
    repo.write("cases/deelnemer.yaml", &text);
    let text = case("H-9c", "").replace("soort: avg-verzoek", "soort: Klaas Geheim");
    repo.write("cases/soort.yaml", &text);
    for format in ["json", "github", "sarif", "gitlab"] {
        let r = repo.run(&["validate", "--vandaag", "2026-11-05", "--format", format]);
        assert_eq!(r.status, 1, "{}", r.stderr);
        for secret in ["Geheimnaam", "Piet Geheim", "Klaas Geheim"] {
            assert!(!r.stdout.contains(secret), "{format}: {}", r.stdout);
        }
        assert!(
            r.stdout
                .contains("onbekende waarde in `betrokkene.aanspreekvorm`; toegestaan zijn: heer, mevrouw, onbekend"),
            "{}",
            r.stdout
        );
        assert!(
            r.stdout
                .contains("onbekende deelnemer: dit id staat niet bij `deelnemers` in avgdoc.yaml"),
            "{}",
            r.stdout
        );
    }
    // People see the value in the code frame and the message.
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert!(
        r.stderr.contains("fout[YAML-01]: onbekende waarde `Jan Geheimnaam` in `betrokkene.aanspreekvorm`; toegestaan zijn: heer, mevrouw, onbekend"),
        "{}",
        r.stderr
    );
}

// 11. Smaller things -----------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_symlinked_case_file_is_a_warning() {
    let repo = TestRepo::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("zaak.yaml"), case("H-10", "")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("zaak.yaml"),
        repo.path().join("cases/link.yaml"),
    )
    .unwrap();
    repo.write("cases/goed.yaml", &case("H-10b", ""));
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "CASES-03"),
        [
            "waarschuwing[CASES-03]: cases/link.yaml is een symbolische koppeling en wordt overgeslagen"
        ],
    );
}

#[test]
fn a_very_long_line_is_not_shown_whole() {
    let repo = TestRepo::new();
    let long = "b".repeat(50_000);
    let text = case("H-11", "").replace(
        "achternaam: Pietersen",
        &format!("achternaam: Pietersen\n  onbekend_veld: {long}"),
    );
    repo.write("cases/regel.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.len() < 5_000, "{} bytes", r.stderr.len());
    assert!(
        r.stderr
            .contains("fout[YAML-01]: onbekend veld `onbekend_veld`"),
        "{}",
        r.stderr
    );
}

// 3. CSV formula injection ----------------------------------------------------

#[test]
fn register_csv_cells_cannot_be_formulas() {
    let repo = TestRepo::new();
    let text = "soort: datalek
kenmerk: H-CSV
ontdekt_op: 2026-10-30T16:10
soort_inbreuk: [vertrouwelijkheid]
omschrijving: '=HYPERLINK(\"http://x\")'
betrokkenen:
  categorieen: ['+clienten', '-medewerkers']
  aantal: '@SUM(A1)'
gegevens:
  categorieen: [\"\\tnamen\"]
  aantal: \"\\r3\"
gevolgen: '=1+1'
maatregelen:
  - wat: '-2+3'
    genomen: 2026-10-31
risico: risico
risico_toelichting: '+risico'
melding_ap:
  fase: voorlopig
  gemeld_op: 2026-10-31T10:00
  meldnummer: '=cmd|calc'
  reden_vertraging: '@niet te laat'
";
    repo.write("cases/lek.yaml", text);
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    let csv_path = repo.path().join("output/datalekregister.csv");
    assert!(csv_path.exists(), "{}", r.stderr);
    let mut rd = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(&csv_path)
        .unwrap();
    let header = rd.headers().unwrap().clone();
    let row = rd.records().next().unwrap().unwrap();
    let get = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(get("omschrijving"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(get("betrokkenen"), "'+clienten; -medewerkers");
    assert_eq!(get("aantal_betrokkenen"), "'@SUM(A1)");
    assert_eq!(get("gegevens"), "'\tnamen");
    assert_eq!(get("aantal_gegevens"), "'\r3");
    assert_eq!(get("gevolgen"), "'=1+1");
    assert_eq!(get("risico_toelichting"), "'+risico");
    assert_eq!(get("meldnummer"), "'=cmd|calc");
    assert_eq!(get("reden_vertraging"), "'@niet te laat");
    assert_eq!(get("maatregelen_genomen"), "'-2+3 (31 oktober 2026)");
    // No cell of any row starts a formula.
    for rec in csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(&csv_path)
        .unwrap()
        .records()
    {
        for cell in rec.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

// 2. Template recursion ---------------------------------------------------------

fn pdfs(repo: &TestRepo) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(repo.path().join("output"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            e.path()
                .strip_prefix(repo.path().join("output"))
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_template_that_includes_itself_is_refused_and_other_letters_render() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-REC", ""));
    repo.write(
        "templates/avg-verzoek/_vragen.md",
        "Vragen? {% include \"avg-verzoek/_vragen.md\" %}\n",
    );
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "TEMPLATE-04"),
        [
            "fout[TEMPLATE-04]: sjabloon templates/avg-verzoek/ontvangstbevestiging.md (ingebouwd) kan niet worden ingevuld: templates/avg-verzoek/_vragen.md roept zichzelf aan (recursie of een kring van includes)"
        ],
        "{}",
        r.stderr
    );
    assert_eq!(
        pdfs(&repo),
        [
            "H-REC/verzoek-deelnemer-politie.pdf",
            "privacyverklaring.pdf"
        ]
    );
    assert!(r.stderr.contains("1 zaak"), "{}", r.stderr);
}

#[test]
fn a_macro_that_calls_itself_is_refused_and_other_letters_render() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-MAC", ""));
    repo.write(
        "templates/avg-verzoek/_macros.md",
        "{% macro diep(n) %}{{ self::diep(n=n) }}{% endmacro diep %}\n",
    );
    repo.write(
        "templates/avg-verzoek/verzoek-deelnemer.md",
        "{% import \"avg-verzoek/_macros.md\" as m %}\nTekst {{ m::diep(n=1) }}\n",
    );
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "TEMPLATE-04"),
        [
            "fout[TEMPLATE-04]: sjabloon templates/avg-verzoek/verzoek-deelnemer.md kan niet worden ingevuld: macro `diep` in templates/avg-verzoek/_macros.md roept zichzelf aan (recursie of een kring van includes)"
        ],
        "{}",
        r.stderr
    );
    assert_eq!(
        pdfs(&repo),
        ["H-MAC/ontvangstbevestiging.pdf", "privacyverklaring.pdf"]
    );
}

// 6. Hermetic templates -----------------------------------------------------------

#[test]
fn templates_cannot_read_the_environment_the_clock_or_randomness() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-ENV", ""));
    repo.write(
        "templates/avg-verzoek/ontvangstbevestiging.md",
        "Geheim: {{ get_env(name=\"AVGDOC_TEST_GEHEIM\") }}\n",
    );
    repo.write(
        "templates/avg-verzoek/verzoek-deelnemer.md",
        "{% if true %}Nu: {{ now() }}{% endif %}\n",
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_avgdoc"))
        .args(["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"])
        .current_dir(repo.path())
        .env("AVGDOC_TEST_GEHEIM", "s3cr3t-token")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("s3cr3t-token"));
    assert_eq!(
        lines_with(&stderr, "TEMPLATE-05"),
        [
            "fout[TEMPLATE-05]: sjabloon templates/avg-verzoek/ontvangstbevestiging.md kan niet worden ingevuld: templates/avg-verzoek/ontvangstbevestiging.md gebruikt `get_env`; sjablonen lezen geen omgeving, klok of toeval",
            "fout[TEMPLATE-05]: sjabloon templates/avg-verzoek/verzoek-deelnemer.md kan niet worden ingevuld: templates/avg-verzoek/verzoek-deelnemer.md gebruikt `now`; sjablonen lezen geen omgeving, klok of toeval",
        ],
        "{stderr}"
    );
    assert_eq!(pdfs(&repo), ["privacyverklaring.pdf"]);
}

// 8. Symlinks in output/ ------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_symlink_at_output_or_a_case_folder_is_refused() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-LINK", ""));
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), repo.path().join("output")).unwrap();
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "WRITE-02"),
        [
            "fout[WRITE-02]: kan de uitvoermap niet gebruiken: output/ is een symbolische koppeling; avgdoc schrijft niet via een koppeling"
        ],
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);

    std::fs::remove_file(repo.path().join("output")).unwrap();
    std::fs::create_dir(repo.path().join("output")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), repo.path().join("output/H-LINK")).unwrap();
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "WRITE-01"),
        [
            "fout[WRITE-01]: kan H-LINK/ontvangstbevestiging.pdf niet schrijven: output/H-LINK is een symbolische koppeling; avgdoc schrijft niet via een koppeling",
            "fout[WRITE-01]: kan H-LINK/verzoek-deelnemer-politie.pdf niet schrijven: output/H-LINK is een symbolische koppeling; avgdoc schrijft niet via een koppeling",
        ],
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    assert!(repo.path().join("output/privacyverklaring.pdf").exists());
}

#[cfg(unix)]
#[test]
fn output_folders_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-PRIV", ""));
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    for d in ["output", "output/H-PRIV"] {
        let mode = std::fs::metadata(repo.path().join(d))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{d}");
    }
}

// 9. Leftover temp files ---------------------------------------------------------------

#[test]
fn stale_temp_files_of_a_killed_run_are_removed() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-TMP", ""));
    repo.write(
        "output/H-TMP/.avgdoc-Xy12ab.tmp",
        "halve brief met persoonsgegevens",
    );
    repo.write("output/.avgdoc-Zz99zz.tmp", "half register");
    repo.write("output/H-TMP/notities.tmp", "niet van avgdoc");
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!repo.path().join("output/H-TMP/.avgdoc-Xy12ab.tmp").exists());
    assert!(!repo.path().join("output/.avgdoc-Zz99zz.tmp").exists());
    assert!(repo.path().join("output/H-TMP/notities.tmp").exists());
}

// 10. Concurrent runs ---------------------------------------------------------------------

#[test]
fn a_second_run_on_a_locked_output_folder_stops() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-LOCK", ""));
    std::fs::create_dir_all(repo.path().join("output")).unwrap();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(repo.path().join("output/.avgdoc.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "WRITE-02"),
        [
            "fout[WRITE-02]: kan de uitvoermap niet gebruiken: een andere avgdoc-run schrijft al in deze uitvoermap; probeer het opnieuw als die klaar is"
        ],
    );
    assert!(pdfs(&repo).is_empty());
    drop(lock);
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
}

#[test]
fn two_concurrent_renders_never_interleave() {
    let repo = TestRepo::new();
    for i in 0..30 {
        repo.write(&format!("cases/c{i}.yaml"), &case(&format!("H-C{i}"), ""));
    }
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_avgdoc"))
            .args([
                "render",
                "--vandaag",
                "2026-11-05",
                "--datum",
                "2026-11-05",
                "-j",
                "1",
            ])
            .current_dir(repo.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let mut ok = 0;
    for out in [&a, &b] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => ok += 1,
            Some(1) => assert!(
                stderr.contains("fout[WRITE-02]: kan de uitvoermap niet gebruiken: een andere avgdoc-run schrijft al in deze uitvoermap"),
                "{stderr}"
            ),
            other => panic!("{other:?}: {stderr}"),
        }
    }
    assert!(ok >= 1);
    // Every letter is complete, and nothing temporary is left.
    assert_eq!(pdfs(&repo).len(), 61);
    for e in walkdir::WalkDir::new(repo.path().join("output")) {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp"), "{name}");
        if name.ends_with(".pdf") {
            let bytes = std::fs::read(e.path()).unwrap();
            assert!(
                bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"),
                "{name}"
            );
        }
    }
}

// 11. Kenmerk names Windows reserves; counts that add up -----------------------------

#[test]
fn windows_reserved_names_are_refused_as_kenmerk() {
    let repo = TestRepo::new();
    for (i, k) in ["CON", "nul", "Com1", "LPT9.txt", "ZVH-2026."]
        .iter()
        .enumerate()
    {
        repo.write(&format!("cases/w{i}.yaml"), &case(&format!("\"{k}\""), ""));
    }
    repo.write("cases/goed.yaml", &case("CONSENT-1", ""));
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let expected = "fout[KENMERK-01]: kenmerk mag alleen letters, cijfers, `.`, `-` en `_` bevatten (hoogstens 64 tekens), moet met een letter of cijfer beginnen, mag niet op een punt eindigen en is geen naam die Windows reserveert (zoals CON, NUL, COM1)";
    assert_eq!(
        lines_with(&r.stderr, "KENMERK-01"),
        [expected; 5],
        "{}",
        r.stderr
    );
}

#[test]
fn the_summary_counts_each_failed_case_once() {
    let repo = TestRepo::new();
    let text = case("111222333", "").replace(
        "omschrijving: Inzage.",
        "omschrijving: BSN 111222333 en 111.222.333",
    );
    repo.write("cases/bsn.yaml", &text);
    repo.write("cases/goed.yaml", &case("H-SUM", ""));
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr.lines().last().unwrap(),
        "2 zaken gecontroleerd: 2 fouten, 0 waarschuwingen; 3 documenten gemaakt (7 bestanden), 0 ongewijzigd; 1 zaak niet (volledig) verwerkt"
    );
}

#[cfg(unix)]
#[test]
fn operating_system_errors_are_dutch() {
    use std::os::unix::fs::PermissionsExt;
    // Root ignores file permissions; the check is meaningless then.
    let probe = tempfile::tempdir().unwrap();
    let p = probe.path().join("x");
    std::fs::write(&p, "x").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        return;
    }
    let repo = TestRepo::new();
    repo.write("cases/dicht.yaml", &case("H-OS", ""));
    std::fs::set_permissions(
        repo.path().join("cases/dicht.yaml"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(
        lines_with(&r.stderr, "CASES-02"),
        ["fout[CASES-02]: kan cases/dicht.yaml niet lezen: geen toegang"]
    );
}

#[test]
fn a_file_where_a_case_folder_belongs_is_a_dutch_write_error() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-OS2", ""));
    repo.write("output/H-OS2", "geen map");
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "WRITE-01"),
        [
            "fout[WRITE-01]: kan H-OS2/ontvangstbevestiging.pdf niet schrijven: output/H-OS2 is geen map",
            "fout[WRITE-01]: kan H-OS2/verzoek-deelnemer-politie.pdf niet schrijven: output/H-OS2 is geen map",
        ]
    );
}

#[test]
fn a_folder_where_a_letter_belongs_fails_that_letter_alone() {
    // Found only when the file is put in place (the rename, on the thread
    // that does that), after the letter was typeset and written beside it.
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("H-DIR", ""));
    repo.write("output/H-DIR/ontvangstbevestiging.pdf/inhoud", "bezet");
    let args = ["render", "--vandaag", "2026-11-05", "--datum", "2026-11-05"];
    let r = repo.run(&args);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "WRITE-01"),
        ["fout[WRITE-01]: kan H-DIR/ontvangstbevestiging.pdf niet schrijven: is een map"]
    );
    let out = repo.path().join("output/H-DIR");
    assert!(out.join("verzoek-deelnemer-politie.pdf").is_file());
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Not recorded as done: once the folder is gone, the next run makes
    // that letter, and only that one.
    std::fs::remove_dir_all(out.join("ontvangstbevestiging.pdf")).unwrap();
    let r = repo.run(&args);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(out.join("ontvangstbevestiging.pdf").is_file());
    assert!(r.stderr.contains("1 document gemaakt"), "{}", r.stderr);
}

#[test]
fn machine_formats_do_not_echo_a_kenmerk_or_a_bsn_key() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("Geheim-Kenmerk", ""));
    repo.write("cases/b.yaml", &case("Geheim-Kenmerk", ""));
    repo.write(
        "cases/c.yaml",
        &case("H-KEY", "aantekeningen:\n  \"111222333\": gezien\n"),
    );
    let r = repo.run(&["validate", "--vandaag", "2026-11-05", "--format", "json"]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(!r.stdout.contains("Geheim-Kenmerk"), "{}", r.stdout);
    assert!(!r.stdout.contains("111222333"), "{}", r.stdout);
    assert!(
        r.stdout.contains("\"message\": \"dit kenmerk komt ook voor in cases/a.yaml; de brieven zouden elkaar overschrijven\""),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("\"message\": \"een veldnaam in `aantekeningen` bevat een burgerservicenummer (BSN); een BSN hoort niet in een zaakbestand\""),
        "{}",
        r.stdout
    );
}

#[test]
fn load_text_loads_like_load() {
    let config = std::fs::read_to_string(repo_root().join("avgdoc.yaml")).unwrap();
    let ws = avgdoc::load::load_text(&config, &case("H-TXT", ""));
    assert_eq!(ws.cases.len(), 1);
    assert!(ws.report.diagnostics.is_empty());
    let far = case("H-TXT", "").replace("ontvangen_op: 2026-11-02", "ontvangen_op: +262142-12-20");
    let ws = avgdoc::load::load_text(&config, &far);
    assert!(ws.cases.is_empty());
    let codes: Vec<&str> = ws.report.diagnostics.iter().map(|d| d.code()).collect();
    assert_eq!(codes, ["DATUM-01"]);
}
