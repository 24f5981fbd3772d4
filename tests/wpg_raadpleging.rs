//! wpg-verzoek and voorafgaande-raadpleging: terms and content rules.

mod common;

use common::*;

fn wpg(extra: &str) -> String {
    format!(
        "soort: wpg-verzoek
kenmerk: W-1
afzender: politie
betrokkene:
  achternaam: Dam
  adres: {{ straat: Kerkplein, huisnummer: \"3\", postcode: 4001 KP, plaats: Rivierstad }}
verzoek: rectificatie
ontvangen_op: 2026-04-07
omschrijving: Correctie.
{extra}"
    )
}

#[test]
fn wpg_rectificatie_term_is_four_weeks_atw() {
    // legal.md A14: 7 April 2026 + 4 weeks = 5 May (5 mei, Atw) → 6 May.
    let repo = TestRepo::new();
    repo.write("cases/w.yaml", &wpg(""));
    let r = repo.run(&["deadlines", "--today", "2026-04-20"]);
    assert!(
        r.stdout.contains("W-1") && r.stdout.contains("6 mei 2026") && r.stdout.contains("WPG-02"),
        "{}",
        r.stdout
    );
    let r = repo.run(&[
        "validate",
        "--vandaag",
        "2026-05-07",
        "--fail-on",
        "verlopen",
    ]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .contains("fout[WPG-02]: de termijn is verlopen op 6 mei 2026"),
        "{}",
        r.stderr
    );
}

#[test]
fn wpg_refusal_needs_ground_and_reasons() {
    let b = "besluit:\n  datum: 2026-04-20\n  uitkomst: afgewezen\n";
    let repo = TestRepo::new();
    repo.write("cases/w.yaml", &wpg(b));
    let r = repo.run(&["validate", "--vandaag", "2026-04-21"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("noemt een grond uit art. 27 lid 1 Wpg"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("art. 27 lid 2 Wpg"), "{}", r.stderr);
    let b = format!("{b}  weigeringsgrond: strafbare-feiten\n  motivering: Lopend onderzoek.\n");
    repo.write("cases/w.yaml", &wpg(&b));
    let r = repo.run(&["render", "--vandaag", "2026-04-21"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/W-1/besluit.pdf"));
    assert!(text.contains("Politie Eenheid Oost-Nederland"), "{text}");
    assert!(
        text.contains("(artikel 27, eerste lid, onder b, Wpg)"),
        "{text}"
    );
    assert!(text.contains("bemiddelen"), "{text}");
}

fn raadpleging(extra: &str) -> String {
    format!(
        "soort: voorafgaande-raadpleging
kenmerk: VR-1
regime: wpg
verwerking: een test
aanvrager: fg
datum: 2026-01-10
verantwoordelijkheden: a
doeleinden_en_middelen: b
maatregelen: c
fg_advies: d
{extra}"
    )
}

#[test]
fn raadpleging_needs_dpia_and_no_processing_yet() {
    let repo = TestRepo::new();
    repo.write(
        "cases/v.yaml",
        &raadpleging(
            "verwerking_gestart: true\nbijlagen: { aanvraagformulier: true, dpia: false }\n",
        ),
    );
    let r = repo.run(&["validate", "--vandaag", "2026-01-10"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains(
            "fout[RAADPL-03]: de verwerking mag niet beginnen voor de eindbrief van de AP"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("fout[RAADPL-03]: de DPIA moet mee"),
        "{}",
        r.stderr
    );
}

#[test]
fn raadpleging_letter_and_informational_advice_date() {
    let repo = TestRepo::new();
    repo.write(
        "cases/v.yaml",
        &raadpleging("verwerking_gestart: false\nbijlagen: { aanvraagformulier: true, dpia: true }\nap_ontvangen_op: 2026-01-12\n"),
    );
    // legal.md A15: Wpg/Wjsg, 10 weeks from 12 January 2026 = 23 March 2026.
    let r = repo.run(&["deadlines", "--today", "2026-01-20"]);
    assert!(
        r.stdout.contains("23 maart 2026") && r.stdout.contains("RAADPL-02"),
        "{}",
        r.stdout
    );
    let r = repo.run(&["render", "--vandaag", "2026-01-20"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/VR-1/aanbiedingsbrief.pdf"));
    assert!(text.contains("Autoriteit Persoonsgegevens Verzoek voorafgaande raadpleging Postbus 93374 2509 AJ DEN HAAG"), "{text}");
    assert!(
        text.contains("de Wet politiegegevens en de Wet justitiële en strafvorderlijke gegevens"),
        "{text}"
    );
    assert!(
        text.contains("Wij beginnen er ook niet mee voordat wij uw eindbrief hebben ontvangen."),
        "{text}"
    );
}

#[test]
fn raadpleging_advice_date_moves_while_the_ap_waits_for_information() {
    let repo = TestRepo::new();
    repo.write(
        "cases/v.yaml",
        &raadpleging(
            "verwerking_gestart: false\nbijlagen: { aanvraagformulier: true, dpia: true }\nap_ontvangen_op: 2026-01-12\nap_informatie_gevraagd_op: 2026-02-02\nap_informatie_geleverd_op: 2026-02-12\n",
        ),
    );
    // 23 March 2026 (A15) + the 10 days the AP waited = 2 April 2026.
    let r = repo.run(&["deadlines", "--today", "2026-02-20"]);
    assert!(r.stdout.contains("2 april 2026"), "{}", r.stdout);
}
