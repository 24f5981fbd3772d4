//! Content rules: a case whose letter would be legally incomplete is an
//! error naming the missing item and its article, before any rendering.

mod common;

use common::*;

fn besluit(beslissingen: &str, gegevens: &str) -> String {
    format!("besluit:\n  datum: 2026-11-20\n  beslissingen:\n{beslissingen}{gegevens}")
}

const GEGEVENS: &str =
    "  gegevens:\n    - bron: politie\n      soort: Naam\n      inhoud: P. Pietersen\n";

/// Validate one case and return stderr; asserts the exit code.
fn check(extra: &str, status: i32) -> String {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-1", extra));
    let r = repo.run(&["validate", "--vandaag", "2026-11-23"]);
    assert_eq!(r.status, status, "{}", r.stderr);
    // Nothing is rendered for a case with errors.
    if status == 1 {
        let r = repo.run(&["render", "--vandaag", "2026-11-23"]);
        assert_eq!(r.status, 1);
        assert!(!repo.path().join("output/T-1").exists());
    }
    r.stderr
}

#[test]
fn complete_besluit_is_valid() {
    let b = besluit(
        "    - recht: inzage\n      uitkomst: toegewezen\n",
        GEGEVENS,
    );
    check(&b, 0);
}

#[test]
fn every_requested_right_needs_a_decision() {
    let b = besluit(
        "    - recht: wissing\n      uitkomst: toegewezen\n      toelichting: Gewist.\n",
        GEGEVENS,
    );
    let e = check(&b, 1);
    assert!(
        e.contains(
            "fout[AVG-BESLUIT-01]: het besluit beslist niet over het gevraagde recht `inzage`"
        ),
        "{e}"
    );
    assert!(
        e.contains("fout[AVG-BESLUIT-01]: `wissing` is niet gevraagd"),
        "{e}"
    );
    assert!(e.contains("bron: art. 12 lid 3 en 4 AVG"), "{e}");
}

#[test]
fn partial_refusal_needs_exception_deelnemer_data_and_reasons() {
    let b = besluit(
        "    - recht: inzage\n      uitkomst: gedeeltelijk\n",
        GEGEVENS,
    );
    let e = check(&b, 1);
    assert!(e.contains("fout[AVG-BESLUIT-02]"), "{e}");
    assert!(e.contains("art. 41 lid 1 UAVG"), "{e}");
    let b = besluit(
        "    - recht: inzage\n      uitkomst: gedeeltelijk\n      uitzonderingen:\n        - deelnemer: politie\n          grond: artikel 41, eerste lid, onder d, UAVG\n          gegevens: het onderzoek\n",
        GEGEVENS,
    );
    let e = check(&b, 1);
    assert!(e.contains("de uitzondering mist `motivering`"), "{e}");
    assert!(e.contains("cases/a.yaml:27:11"), "{e}");
    let b = besluit(
        "    - recht: inzage\n      uitkomst: gedeeltelijk\n      uitzonderingen:\n        - deelnemer: ggz\n          grond: g\n          gegevens: d\n          motivering: m\n",
        GEGEVENS,
    );
    let e = check(&b, 1);
    assert!(e.contains("`ggz` is geen deelnemer van deze zaak"), "{e}");
}

#[test]
fn inzage_needs_a_copy_of_the_data() {
    let b = besluit("    - recht: inzage\n      uitkomst: toegewezen\n", "");
    let e = check(&b, 1);
    assert!(
        e.contains("fout[AVG-BESLUIT-03]: bij inzage hoort een kopie van de gegevens"),
        "{e}"
    );
    assert!(e.contains("art. 15 lid 1–3 AVG"), "{e}");
}

#[test]
fn other_rights_need_an_explanation() {
    let text = case(
        "T-1",
        &besluit(
            "    - recht: rectificatie\n      uitkomst: toegewezen\n",
            "",
        ),
    )
    .replace("rechten: [inzage]", "rechten: [rectificatie]");
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &text);
    let r = repo.run(&["validate", "--vandaag", "2026-11-23"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains(
            "fout[AVG-BESLUIT-04]: de beslissing over `rectificatie` mist een `toelichting`"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn late_verlenging_is_an_error_early_one_extends() {
    // Identity 2 November → first term ends 2 December 2026.
    let e = check(
        "verlenging:\n  datum: 2026-12-03\n  redenen: Veel gegevens.\n",
        1,
    );
    assert!(
        e.contains("fout[AVG-VERLENGING-01]: de verlengingsbrief van 3 december 2026 is te laat"),
        "{e}"
    );
    let repo = TestRepo::new();
    repo.write(
        "cases/a.yaml",
        &case(
            "T-1",
            "verlenging:\n  datum: 2026-11-20\n  redenen: Veel gegevens.\n",
        ),
    );
    // Past the first term but within the extension: no error.
    let r = repo.run(&["validate", "--vandaag", "2026-12-10"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = repo.run(&["termijnen", "--today", "2026-12-10"]);
    assert!(r.stdout.contains("2 februari 2027"), "{}", r.stdout);
}

#[test]
fn woo_request_needs_a_recorded_qualification() {
    let e = check("grondslag_verzoek: woo-4.1\n", 1);
    assert!(e.contains("fout[WOO-01]"), "{e}");
    let e = check(
        "grondslag_verzoek: woo-4.1\nwoo_kwalificatie: Wil zijn eigen dossier.\n",
        1,
    );
    assert!(e.contains("geen openbaarmaking"), "{e}");
    check(
        "grondslag_verzoek: woo-4.1\nwoo_kwalificatie: Besproken dat hij geen openbaarmaking wil, alleen eigen gegevens.\n",
        0,
    );
}

#[test]
fn aanvullend_besluit_follows_an_exception_of_that_deelnemer() {
    let b = besluit(
        "    - recht: inzage\n      uitkomst: toegewezen\n",
        GEGEVENS,
    );
    let extra = format!(
        "{b}aanvullend_besluit:\n  datum: 2026-11-22\n  deelnemer: politie\n  toelichting: Afgerond.\n  gegevens:\n    - bron: politie\n      soort: x\n      inhoud: y\n"
    );
    let e = check(&extra, 1);
    assert!(
        e.contains(
            "fout[AVG-AANVULLEND-01]: `politie` deed in het besluit geen beroep op een uitzondering"
        ),
        "{e}"
    );
}

#[test]
fn aanvullend_besluit_under_a_pending_bezwaar() {
    // Awb 6:19: the pending bezwaar covers the aanvullend besluit; the letter
    // says so instead of a new bezwaar clause, and keeps the AP sentence.
    let b = besluit(
        "    - recht: inzage\n      uitkomst: gedeeltelijk\n      uitzonderingen:\n        - deelnemer: politie\n          grond: artikel 41, eerste lid, onder d, UAVG\n          gegevens: het onderzoek\n          motivering: Lopend onderzoek.\n",
        GEGEVENS,
    );
    let aanvullend = format!(
        "{b}aanvullend_besluit:\n  datum: 2026-11-23\n  deelnemer: politie\n  toelichting: Afgerond.\n  gegevens:\n    - bron: politie\n      soort: x\n      inhoud: y\n"
    );
    let render = |extra: &str| {
        let repo = TestRepo::new();
        repo.write("cases/a.yaml", &case("T-1", extra));
        let r = repo.run(&["render", "--vandaag", "2026-11-23"]);
        assert_eq!(r.status, 0, "{}", r.stderr);
        pdf_text(&repo.path().join("output/T-1/aanvullend-besluit.pdf"))
    };
    let text = render(&aanvullend);
    assert!(text.contains("Dan kunt u bezwaar maken."), "{text}");
    let pending =
        format!("{aanvullend}  lopend_bezwaar: {{ kenmerk: B-7, ontvangen_op: 2026-11-21 }}\n");
    let text = render(&pending);
    assert!(!text.contains("Dan kunt u bezwaar maken."), "{text}");
    for want in [
        "Dan hoeft u geen nieuw bezwaar te maken. U maakte op 21 november 2026 al bezwaar tegen ons besluit van 20 november 2026 (ons kenmerk B-7).",
        "Daarom geldt uw bezwaar vanzelf ook voor dit besluit (artikel 6:19 Awb).",
        "U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    // A bezwaar from before the besluit cannot be against it.
    let early = pending.replace("ontvangen_op: 2026-11-21", "ontvangen_op: 2026-11-19");
    let e = check(&early, 1);
    assert!(
        e.contains(
            "fout[AVG-AANVULLEND-02]: het bezwaar kwam binnen vóór het besluit van 20 november 2026"
        ),
        "{e}"
    );
}

#[test]
fn forwarding_by_a_private_deelnemer_warns() {
    let e = check(
        "doorgezonden:\n  door: reclassering\n  ontvangen_op: 2026-11-01\n",
        0,
    );
    assert!(
        e.contains(
            "waarschuwing[AVG-DOORZEND-01]: Reclassering Nederland is geen overheidsdeelnemer"
        ),
        "{e}"
    );
    let e = check(
        "doorgezonden:\n  door: gemeente-rivierstad\n  ontvangen_op: 2026-11-05\n",
        1,
    );
    assert!(
        e.contains("fout[AVG-DOORZEND-01]: de deelnemer ontving het verzoek op 5 november 2026"),
        "{e}"
    );
}

fn notificatie(extra: &str) -> String {
    format!(
        "soort: notificatie
kenmerk: N-1
betrokkene:
  achternaam: Bos
  adres: {{ straat: Veerweg, huisnummer: \"8\", postcode: 4011 VW, plaats: Waalkade }}
aanmelding_op: 2026-01-15
in_behandeling: true
deelnemers: [politie]
{extra}"
    )
}

#[test]
fn art14_term_and_postponement() {
    let repo = TestRepo::new();
    repo.write("cases/n.yaml", &notificatie(""));
    // legal.md E20: 15 January 2026 + 1 month = Sunday 15 February → 16 February.
    let r = repo.run(&[
        "validate",
        "--vandaag",
        "2026-02-17",
        "--fail-on",
        "verlopen",
    ]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .contains("fout[AVG14-TERMIJN-01]: de termijn is verlopen op 16 februari 2026"),
        "{}",
        r.stderr
    );
    // Postponed on a recorded exception: no error, no letter, a re-check.
    let postponed = notificatie(
        "uitzonderingen:\n  - deelnemer: politie\n    grond: uavg41\n    toelichting: Lopend onderzoek.\n",
    );
    repo.write("cases/n.yaml", &postponed);
    let r = repo.run(&["validate", "--vandaag", "2026-02-17"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = repo.run(&["render", "--dry-run", "--vandaag", "2026-02-17"]);
    assert!(!r.stdout.contains("N-1/"), "{}", r.stdout);
    let r = repo.run(&["deadlines", "--today", "2026-02-17"]);
    assert!(
        r.stdout.contains("HERCONTROLE-01") && r.stdout.contains("15 april 2026"),
        "{}",
        r.stdout
    );
    let r = repo.run(&["validate", "--vandaag", "2026-04-16"]);
    assert!(
        r.stderr.contains("waarschuwing[HERCONTROLE-01]"),
        "{}",
        r.stderr
    );
    // The exception lapsed: the letter goes out after all.
    let lapsed = postponed.replace(
        "    toelichting: Lopend onderzoek.\n",
        "    toelichting: Lopend onderzoek.\n    vervallen_op: 2026-03-01\n",
    );
    repo.write("cases/n.yaml", &lapsed);
    let r = repo.run(&["render", "--vandaag", "2026-03-02", "--datum", "2026-03-02"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/N-1/notificatiebrief.pdf"));
    assert!(
        text.contains("Eerder konden wij u hierover nog niet informeren."),
        "{text}"
    );
    assert!(text.contains("Bijlage: Privacyverklaring"), "{text}");
}

#[test]
fn notificatie_exception_needs_a_deelnemer_of_the_case() {
    let e = check_case(
        &notificatie(
            "uitzonderingen:\n  - deelnemer: ggz\n    grond: onmogelijk\n    toelichting: Geen adres.\n",
        ),
        "2026-01-20",
    );
    assert!(
        e.contains("fout[AVG14-UITZONDERING-01]: `ggz` is geen deelnemer van deze zaak"),
        "{e}"
    );
}

fn check_case(text: &str, today: &str) -> String {
    let repo = TestRepo::new();
    repo.write("cases/x.yaml", text);
    let r = repo.run(&["validate", "--vandaag", today]);
    r.stderr
}

#[test]
fn refusal_on_an_exception_gets_a_recheck_date() {
    let b = besluit(
        "    - recht: inzage\n      uitkomst: gedeeltelijk\n      uitzonderingen:\n        - deelnemer: politie\n          grond: artikel 41, eerste lid, onder d, UAVG\n          gegevens: het onderzoek\n          motivering: Lopend onderzoek.\n",
        GEGEVENS,
    );
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-1", &b));
    // Besluit 20 November 2026 + 3 months = Saturday 20 February 2027 →
    // Friday 19 February (internal term: the working day before).
    let r = repo.run(&["deadlines", "--today", "2026-12-01"]);
    assert!(
        r.stdout.contains("HERCONTROLE-01") && r.stdout.contains("19 februari 2027"),
        "{}",
        r.stdout
    );
    let r = repo.run(&["validate", "--vandaag", "2027-02-22"]);
    assert!(r.stderr.contains("waarschuwing[HERCONTROLE-01]: toets opnieuw of de uitzondering in het besluit nog geldt"), "{}", r.stderr);
}

/// legal.md §2.1 (U5): with an identificatieverzoek, the EDPB reading counts
/// from receipt with the wait for identity suspended; the earlier date wins.
#[test]
fn identity_wait_suspends_from_receipt_earlier_date_wins() {
    let text = case("T-1", "")
        .replace("ontvangen_op: 2026-11-02", "ontvangen_op: 2026-11-13")
        .replace("vastgesteld_op: 2026-11-02", "vastgesteld_op: 2026-11-30")
        .replace(
            "  ontvangstbevestiging: 2026-11-04\n",
            "  identificatieverzoek: 2026-11-17\n  ontvangstbevestiging: 2026-12-01\n",
        );
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &text);
    // Seed reading: 30 November + 1 month = 30 December. EDPB reading:
    // 13 December + the 12 days strictly between 17 and 30 November =
    // Friday 25 December (Kerst) → Monday 28 December. The earlier wins.
    let r = repo.run(&["render", "--vandaag", "2026-12-01"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/T-1/ontvangstbevestiging.pdf"));
    assert!(text.contains("uiterlijk op 28 december 2026"), "{text}");
    let r = repo.run(&[
        "validate",
        "--vandaag",
        "2026-12-29",
        "--fail-on",
        "verlopen",
    ]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .contains("de termijn is verlopen op 28 december 2026"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("EDPB-richtsnoeren 01/2022 §159"),
        "{}",
        r.stderr
    );
}
