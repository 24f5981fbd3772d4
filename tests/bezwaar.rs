//! The bezwaar kind: terms and rules of the Awb, through the binary.

mod common;

use common::*;

/// A bezwaar against a besluit sent on Monday 2 June 2025 (legal.md A01):
/// the bezwaar term ends Monday 14 July 2025, the beslistermijn six weeks
/// later, Monday 25 August 2025 (A08).
fn bezwaar(extra: &str) -> String {
    format!(
        "soort: bezwaar
kenmerk: B-1
betrokkene:
  voorletters: P.
  achternaam: Pietersen
  aanspreekvorm: heer
  adres:
    straat: Kerkstraat
    huisnummer: \"1\"
    postcode: 4001 AA
    plaats: Rivierstad
besluit:
  kenmerk: T-1
  datum: 2025-06-02
  onderwerp: inzage
ontvangen_op: 2025-07-01
gronden: Meer inzage.
behandelaar:
  naam: L. Smit
  telefoon: 0344 123 470
verzonden:
  ontvangstbevestiging: 2025-07-03
{extra}"
    )
}

fn validate(text: &str, today: &str) -> Run {
    let repo = TestRepo::new();
    repo.write("cases/b.yaml", text);
    repo.run(&["validate", "--vandaag", today])
}

#[test]
fn beslistermijn_counts_from_the_end_of_the_bezwaar_term() {
    let r = validate(&bezwaar(""), "2025-08-25");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("waarschuwing[BEZWAAR-05]: de beslistermijn verloopt op 25 augustus 2025"),
        "{}",
        r.stderr
    );
    let r = validate(&bezwaar(""), "2025-08-26");
    // A passed deadline is reported as an error but fails the run only with
    // --fail-on verlopen.
    assert_eq!(r.status, 0);
    assert!(
        r.stderr
            .contains("fout[BEZWAAR-05]: de beslistermijn is verlopen op 25 augustus 2025"),
        "{}",
        r.stderr
    );
    // With the committee announced: twelve weeks (A09).
    let r = validate(
        &bezwaar("adviescommissie_mededeling_op: 2025-07-03\n"),
        "2025-08-26",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
}

#[test]
fn herstel_suspends_the_beslistermijn() {
    // Asked 1 August, repaired 11 August: 9 days (legal.md A12, U9).
    let text = bezwaar(
        "verzuimen: [handtekening]\nherstel_gevraagd_op: 2025-08-01\nhersteld_op: 2025-08-11\n",
    );
    let repo = TestRepo::new();
    repo.write("cases/b.yaml", &text);
    let r = repo.run(&["deadlines", "--today", "2025-08-20"]);
    assert!(r.stdout.contains("3 september 2025"), "{}", r.stdout);
    let r = repo.run(&["render", "--dry-run", "--vandaag", "2025-08-20"]);
    assert_eq!(
        r.stdout, "B-1/ontvangstbevestiging\nB-1/herstelverzuim\nprivacyverklaring\n",
        "{}",
        r.stderr
    );
}

#[test]
fn late_bezwaar_needs_a_recorded_decision() {
    let text = bezwaar("").replace("ontvangen_op: 2025-07-01", "ontvangen_op: 2025-07-16");
    let r = validate(&text, "2025-07-20");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains(
            "fout[BEZWAAR-01]: mogelijk te laat: de bezwaartermijn eindigde op 14 juli 2025"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("art. 6:11 Awb"), "{}", r.stderr);
    // Posted in time, received within the week: timely (6:9), a warning.
    let posted = text.replace("gronden:", "gepost_op: 2025-07-14\ngronden:");
    let r = validate(&posted, "2025-07-20");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("tijdig volgens art. 6:9 lid 2 Awb"),
        "{}",
        r.stderr
    );
    let decided = text.replace(
        "gronden:",
        "verschoonbaarheid: Verschoonbaar, ziekenhuisopname.\ngronden:",
    );
    assert_eq!(validate(&decided, "2025-07-20").status, 0);
}

#[test]
fn hearing_invitation_more_than_ten_days_ahead() {
    let h = "hoorzitting:\n  datum: 2025-08-12\n  tijd: 10.00 uur\n  plaats: Rivierstad\n  uitnodiging_op: 2025-08-05\n  stukken_ter_inzage: Op afspraak.\n";
    let r = validate(&bezwaar(h), "2025-08-05");
    assert!(
        r.stderr.contains(
            "waarschuwing[BEZWAAR-07]: de uitnodiging gaat 7 dagen voor de hoorzitting uit"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn decision_without_hearing_names_the_7_3_ground() {
    let b = "beslissing:\n  datum: 2025-08-20\n  oordeel: ongegrond\n  dictum: [ { onderdeel: het besluit, oordeel: ongegrond } ]\n  motivering: Zie het besluit.\n  rechtbank:\n    naam: Rechtbank Gelderland\n    adres: { postbus: \"9030\", postcode: 6800 EM, plaats: Arnhem }\n";
    let r = validate(&bezwaar(b), "2025-08-21");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains(
            "fout[BEZWAAR-08]: er is niet gehoord: noem in `niet_gehoord` de grond uit art. 7:3 Awb"
        ),
        "{}",
        r.stderr
    );
    let b2 = b.replace(
        "  motivering:",
        "  niet_gehoord: kennelijk-ongegrond\n  motivering:",
    );
    let repo = TestRepo::new();
    repo.write("cases/b.yaml", &bezwaar(&b2));
    let r = repo.run(&["render", "--vandaag", "2025-08-21"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/B-1/beslissing-op-bezwaar.pdf"));
    assert!(
        text.contains("Wij hebben u niet gehoord, omdat het bezwaar kennelijk ongegrond is (artikel 7:3, onder b, Awb)."),
        "{text}"
    );
    // Beroep: six weeks from the day after sending, Atw: 1 October 2025.
    assert!(
        text.contains("De laatste dag daarvoor is 1 oktober 2025."),
        "{text}"
    );
    assert!(
        text.contains("Rechtbank Gelderland, Postbus 9030, 6800 EM ARNHEM"),
        "{text}"
    );
}

#[test]
fn verdaging_adds_six_weeks_if_announced_in_time() {
    // legal.md A10: the beslistermijn of 25 August 2025 + 6 weeks = 6 October 2025.
    let repo = TestRepo::new();
    repo.write("cases/b.yaml", &bezwaar("verdaagd_op: 2025-08-20\n"));
    let r = repo.run(&["validate", "--vandaag", "2025-09-01"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = repo.run(&["deadlines", "--today", "2025-09-01"]);
    assert!(r.stdout.contains("6 oktober 2025"), "{}", r.stdout);
    let r = repo.run(&["render", "--vandaag", "2025-09-01"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/B-1/verdagingsbrief.pdf"));
    assert!(
        text.contains("Wij zouden uiterlijk op 25 augustus 2025 beslissen."),
        "{text}"
    );
    assert!(
        text.contains("U krijgt onze beslissing uiterlijk op 6 oktober 2025."),
        "{text}"
    );
    // Announced after the original end: it does not count.
    repo.write("cases/b.yaml", &bezwaar("verdaagd_op: 2025-08-26\n"));
    let r = repo.run(&["validate", "--vandaag", "2025-08-27"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains(
            "de verdaging is gemeld na het einde van de beslistermijn op 25 augustus 2025"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn aanvullende_besluiten_are_covered_and_decided_on() {
    // Awb 6:19: besluiten from the day the bezwaar came in up to the day of
    // the beslissing are covered; the beslissing names them and decides on
    // each.
    let b = "aanvullende_besluiten:
  - { kenmerk: T-1, datum: 2025-07-01, onderwerp: de gegevens van de politie }
  - { kenmerk: T-1, datum: 2025-08-20, onderwerp: de gegevens van de GGZ }
beslissing:
  datum: 2025-08-20
  oordeel: gedeeltelijk-gegrond
  dictum:
    - { onderdeel: ons besluit van 2 juni 2025, oordeel: ongegrond }
    - onderdeel: de gegevens van de politie
      aanvullend_besluit: 2025-07-01
      oordeel: gegrond
      herroepen: de weigering van het verslag
      vervangen_door: u krijgt het verslag.
    - { onderdeel: de gegevens van de GGZ, aanvullend_besluit: 2025-08-20, oordeel: ongegrond }
  motivering: Zie de besluiten.
  niet_gehoord: afgezien-van-horen
  rechtbank:
    naam: Rechtbank Gelderland
    adres: { postbus: \"9030\", postcode: 6800 EM, plaats: Arnhem }
";
    let repo = TestRepo::new();
    repo.write("cases/b.yaml", &bezwaar(b));
    let r = repo.run(&["render", "--vandaag", "2025-08-21"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("BEZWAAR-11"), "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/B-1/beslissing-op-bezwaar.pdf"));
    for want in [
        "Daarna hebben wij dat besluit veranderd met onze besluiten van 1 juli 2025 (kenmerk T-1) over de gegevens van de politie en van 20 augustus 2025 (kenmerk T-1) over de gegevens van de GGZ.",
        "Uw bezwaar geldt vanzelf ook voor die besluiten (artikel 6:19 Awb).",
        "Hieronder beslissen wij over alle besluiten.",
        "dat deel van ons besluit van 1 juli 2025 vervalt.",
        "Wij verklaren uw bezwaar tegen de gegevens van de GGZ ongegrond. U krijgt op dit punt geen gelijk. Dat besluit blijft op dit punt zoals het is.",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }

    // A besluit after the beslissing is not covered.
    let late = b.replace(
        "datum: 2025-08-20, onderwerp",
        "datum: 2025-08-21, onderwerp",
    );
    let r = validate(&bezwaar(&late), "2025-08-21");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("fout[BEZWAAR-11]: dit besluit is genomen na de beslissing op bezwaar van 20 augustus 2025"),
        "{}",
        r.stderr
    );
}
