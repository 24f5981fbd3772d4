//! All errors of a file at once, with "bedoelde u …?", and the YAML parser's
//! messages in Dutch (issue 11 §4). Files are loaded in process exactly as
//! `validate` loads them (`load::load_text`).

mod common;

use avgdoc::diag::render::{Format, render};
use avgdoc::load;
use common::*;

fn config() -> String {
    std::fs::read_to_string(repo_root().join("avgdoc.yaml")).unwrap()
}

/// The messages (human format's words) of loading `case` with the example
/// avgdoc.yaml.
fn messages(case: &str) -> Vec<String> {
    let ws = load::load_text(&config(), case);
    ws.report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d.code(),
                d.message_mens.as_ref().unwrap_or(&d.message)
            )
        })
        .collect()
}

const VALID: &str = "\
soort: avg-verzoek
kenmerk: ZVH-2026-0001
betrokkene:
  voorletters: K.
  achternaam: Voorbeeld
  adres:
    straat: Dijkweg
    huisnummer: \"9\"
    postcode: 4011 GH
    plaats: Waalkade
ontvangen_op: 2026-11-16
rechten: [inzage]
omschrijving: Inzage in het dossier.
";

#[test]
fn the_valid_case_loads() {
    assert_eq!(messages(VALID), Vec::<String>::new());
}

/// Three missing fields and two misspelt keys: five diagnostics in one run,
/// in the order of the file, each misspelling with its suggestion.
#[test]
fn three_missing_fields_and_two_misspelt_keys_in_one_run() {
    let case = "\
soort: avg-verzoek
kenmerk: ZVH-2026-0001
uw_kenmerck: ABC-12
betrokkene:
  voorletters: K.
  adres:
    straat: Dijkweg
    huisnummer: \"9\"
    postcode: 4011 GH
    plaats: Waalkade
rechten: [inzage]
behandlaar: M. Bakker
";
    assert_eq!(
        messages(case),
        [
            "YAML-01 verplicht veld `ontvangen_op` ontbreekt",
            "YAML-01 verplicht veld `omschrijving` ontbreekt",
            "YAML-01 onbekend veld `uw_kenmerck`; bedoelde u `uw_kenmerk`?",
            "YAML-01 verplicht veld `achternaam` ontbreekt in `betrokkene`",
            "YAML-01 onbekend veld `behandlaar`; bedoelde u `behandelaar`?",
        ]
    );
    let ws = load::load_text(&config(), case);
    insta::assert_snapshot!(render(Format::Mens, &ws.sources, &ws.report.diagnostics));
}

/// A misspelt required key is one diagnostic (the suggestion names the
/// field), not also "verplicht veld ontbreekt".
#[test]
fn a_misspelt_required_key_is_reported_once() {
    let case = VALID.replace("omschrijving:", "omschrijvng:");
    assert_eq!(
        messages(&case),
        ["YAML-01 onbekend veld `omschrijvng`; bedoelde u `omschrijving`?"]
    );
}

#[test]
fn wrong_values_of_every_kind_in_one_run() {
    let case = VALID
        .replace("rechten: [inzage]", "rechten: [inzage, wising]")
        .replace("ontvangen_op: 2026-11-16", "ontvangen_op: 2026-02-30")
        .replace(
            "  voorletters: K.",
            "  voorletters: K.\n  aanspreekvorm: mevrouww",
        )
        .replace(
            "    plaats: Waalkade",
            "    plaats: Waalkade\n    land: [NL]",
        )
        + "deelnemers:\nbesluit: 2026-11-20\n";
    assert_eq!(
        messages(&case),
        [
            "YAML-01 onbekende waarde `mevrouww` in `betrokkene.aanspreekvorm`; bedoelde u `mevrouw`?",
            "YAML-01 verkeerd soort waarde in `betrokkene.adres.land`; verwacht: tekst",
            "YAML-01 de datum in `ontvangen_op` bestaat niet",
            "YAML-01 onbekende waarde `wising` in `rechten[1]`; bedoelde u `wissing`?",
            "YAML-01 het veld `deelnemers` is leeg; verwacht: een lijst",
            "YAML-01 verkeerd soort waarde in `besluit`; verwacht: een blok met velden",
        ]
    );
    // Machine formats never carry the value from the file.
    let ws = load::load_text(&config(), &case);
    let json = render(Format::Json, &ws.sources, &ws.report.diagnostics);
    assert!(
        !json.contains("mevrouww") && !json.contains("wising"),
        "{json}"
    );
    assert!(json.contains("onbekende waarde in `rechten[1]`; bedoelde u `wissing`?"));
}

#[test]
fn avgdoc_yaml_reports_every_problem_at_once() {
    let text = config()
        .replace("  naam: mr. F. Gerritsen,", "  nam: mr. F. Gerritsen,")
        .replace(
            "ondertekenaar:\n  naam: A. Jansen\n  functie:",
            "ondertekenaar:\n  naam: A. Jansen\n  functei:",
        );
    assert!(
        text.contains("nam: mr. F.") && text.contains("functei:"),
        "the example changed"
    );
    let ws = load::load_text(&text, VALID);
    let msgs: Vec<&str> = ws
        .report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        msgs,
        [
            "onbekend veld `nam` in `fg`; bedoelde u `naam`?",
            "onbekend veld `functei` in `ondertekenaar`; bedoelde u `functie`?",
        ]
    );
}

#[test]
fn numbers_and_booleans_are_checked_in_avgdoc_yaml() {
    let text = config()
        .replace(
            "  waarschuwing_werkdagen: 5",
            "  waarschuwing_werkdagen: -1",
        )
        .replace("overheid: true", "overheid: ja");
    assert!(text.contains("werkdagen: -1"), "the example changed");
    let ws = load::load_text(&text, VALID);
    let msgs: Vec<&str> = ws
        .report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    let ja = text.matches("overheid: ja").count();
    assert!(ja >= 2, "the example changed");
    // Every deelnemer's `ja`, then the negative number: all in one run.
    assert_eq!(
        msgs[0],
        "ongeldige ja/nee-waarde in `deelnemers[0].overheid`: schrijf true of false"
    );
    assert_eq!(msgs.len(), ja + 1, "{msgs:#?}");
    assert_eq!(
        msgs[ja],
        "verkeerd soort waarde in `termijnen.waarschuwing_werkdagen`; verwacht: een geheel getal van 0 of meer"
    );
}

#[test]
fn an_unknown_soort_suggests_the_closest() {
    let case = VALID.replace("soort: avg-verzoek", "soort: raadpleging");
    assert_eq!(
        messages(&case),
        ["YAML-02 onbekende soort zaak `raadpleging`; bedoelde u `voorafgaande-raadpleging`?"]
    );
}

/// Each YAML syntax error a person is likely to make, in Dutch, at its line;
/// none shows the parser's English.
#[test]
fn parser_messages_are_dutch() {
    let cases: &[(&str, &str, usize)] = &[
        (
            "omschrijving: Inzage: het hele dossier.",
            "een dubbele punt staat hier niet op zijn plaats: zet tekst met `: ` tussen aanhalingstekens, of controleer de inspringing",
            13,
        ),
        (
            "omschrijving:\n\t- inzage",
            "een tab in de inspringing: spring in met spaties",
            14,
        ),
        (
            "omschrijving: \"Inzage in het dossier.",
            "een aanhalingsteken wordt niet gesloten: sluit de tekst af met hetzelfde teken (\" of ')",
            13,
        ),
        (
            "deelnemers: [politie, om",
            "een lijst `[…]` of blok `{…}` op één regel is niet goed gesloten of gescheiden: elke `[` hoort bij een `]`, elke `{` bij een `}`, met komma's ertussen",
            13,
        ),
        (
            "omschrijving: @inzage",
            "een waarde begint met een teken dat YAML zelf gebruikt (zoals @, `, %, |, >, !, & of *): zet de tekst tussen aanhalingstekens",
            13,
        ),
        (
            "omschrijving: \"Inzage \\q\"",
            "een ongeldige `\\` tussen dubbele aanhalingstekens: gebruik enkele aanhalingstekens, of schrijf `\\\\` voor één backslash",
            13,
        ),
        (
            "omschrijving: *tekst",
            "een alias (`*naam`) verwijst naar een anker (`&naam`) dat er niet (eerder) is",
            13,
        ),
        (
            "omschrijving: Inzage.\nomschrijving: Nog eens.",
            "dubbele sleutel: dit veld staat al eerder in hetzelfde blok",
            14,
        ),
        (
            "omschrijving: Inzage.\n---\nsoort: avg-verzoek",
            "het bestand bevat meer dan één YAML-document (`---`): zet elke zaak in een eigen bestand",
            15,
        ),
        (
            "  omschrijving: Inzage.",
            "hier verwacht avgdoc een veld (`naam: waarde`); controleer de inspringing en de dubbele punt",
            13,
        ),
    ];
    let head: String = VALID
        .lines()
        .filter(|l| !l.starts_with("omschrijving"))
        .map(|l| format!("{l}\n"))
        .collect();
    for (tail, want, line) in cases {
        let case = format!("{head}{tail}\n");
        let ws = load::load_text(&config(), &case);
        let ds = &ws.report.diagnostics;
        assert_eq!(ds.len(), 1, "{tail:?}: {ds:#?}");
        assert_eq!(ds[0].code(), "YAML-01", "{tail:?}");
        assert_eq!(ds[0].message, *want, "{tail:?}");
        assert!(ds[0].message_mens.is_none(), "{tail:?}");
        let mens = render(Format::Mens, &ws.sources, ds);
        assert!(
            mens.contains(&format!("cases/zaak.yaml:{line}:")),
            "{tail:?} not at line {line}:\n{mens}"
        );
        for english in [
            "mapping", "expected", "found", "allowed", "invalid", "while", "scanning",
        ] {
            assert!(!mens.contains(english), "{tail:?}: English in\n{mens}");
        }
    }
}

#[test]
fn an_empty_file_and_a_list_are_explained() {
    assert_eq!(
        messages(""),
        ["YAML-01 het bestand is leeg of houdt te vroeg op"]
    );
    assert_eq!(
        messages("- soort: avg-verzoek\n"),
        ["YAML-01 verwacht een blok met velden (`naam: waarde`), te beginnen met `soort:`"]
    );
    assert_eq!(
        messages("kenmerk: ZVH-2026-0001\n"),
        [
            "YAML-01 verplicht veld `soort` ontbreekt; bekend zijn: avg-verzoek, notificatie, datalek, bezwaar, wpg-verzoek, voorafgaande-raadpleging"
        ]
    );
}

#[test]
fn unknown_rule_term_and_deelnemer_suggest() {
    let r = run_in(&repo_root(), &["explain", "AVG-TERMJN-01"]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        "fout: onbekende regel `AVG-TERMJN-01`; bedoelde u `AVG-TERMIJN-01`? `avgdoc rules` toont alle regels\n"
    );
    let r = run_in(&repo_root(), &["termijn", "avg-verzoeck", "2026-01-30"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr
            .starts_with("fout: onbekende termijn `avg-verzoeck`; bedoelde u `avg-verzoek`?"),
        "{}",
        r.stderr
    );
    let case = VALID.replace(
        "rechten: [inzage]",
        "rechten: [inzage]\ndeelnemers: [politei]",
    );
    let repo = TestRepo::new();
    repo.write("cases/zaak.yaml", &case);
    let r = repo.run(&["validate", "--vandaag", "2026-11-17", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let d = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "DEELNEMER-01")
        .unwrap();
    let notes: Vec<&str> = d["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert!(notes.contains(&"bedoelde u `politie`?"), "{notes:?}");
}
