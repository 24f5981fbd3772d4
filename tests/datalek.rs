//! The datalek kind: the 72 hours, the content of the notification, the
//! data subjects, and the register.

mod common;

use common::*;

fn datalek(extra: &str) -> String {
    format!(
        "soort: datalek
kenmerk: D-1
ontdekt_op: 2025-10-24T09:15
soort_inbreuk: [vertrouwelijkheid]
omschrijving: Een brief naar het verkeerde adres.
betrokkenen: {{ categorieen: [burgers], aantal: '1' }}
gegevens: {{ categorieen: [naam], aantal: '1' }}
gevolgen: Weinig.
maatregelen:
  - wat: Brief teruggevraagd
    op: 2025-10-24
{extra}"
    )
}

fn run(text: &str, today: &str) -> Run {
    let repo = TestRepo::new();
    repo.write("cases/d.yaml", text);
    repo.run(&["validate", "--vandaag", today])
}

#[test]
fn seventy_two_hours_across_the_end_of_dst() {
    // legal.md H02: 24 Oct 2025 09:15 (+02:00) + 72 h = 27 Oct 08:15 (+01:00).
    let open = datalek("risico: risico\nrisico_toelichting: Mogelijk.\n");
    let r = run(&open, "2025-10-25");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("meld het datalek uiterlijk 27 oktober 2025 08:15 (+01:00) bij de AP"),
        "{}",
        r.stderr
    );
    let r = run(&open, "2025-10-27");
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("fout[DATALEK-01]"), "{}", r.stderr);
    // Late, with a reason: fine; without: an error.
    let late = datalek(
        "risico: risico\nrisico_toelichting: Mogelijk.\nmelding_ap:\n  fase: definitief\n  gemeld_op: 2025-10-27T09:00\n",
    );
    let r = run(&late, "2025-10-28");
    assert!(r.stderr.contains("na de 72 uur (uiterlijk 27 oktober 2025 08:15 (+01:00)): noem de reden in `reden_vertraging`"), "{}", r.stderr);
    let reasoned = late.replace(
        "  gemeld_op: 2025-10-27T09:00\n",
        "  gemeld_op: 2025-10-27T09:00\n  reden_vertraging: Weekend.\n",
    );
    assert_eq!(run(&reasoned, "2025-10-28").status, 0);
}

#[test]
fn no_risk_means_no_notification_but_a_recorded_assessment() {
    let text = datalek("risico: geen\nrisico_toelichting: ''\n");
    let r = run(&text, "2025-11-01");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .contains("fout[DATALEK-04]: `risico_toelichting` is leeg"),
        "{}",
        r.stderr
    );
    let text = datalek("risico: geen\nrisico_toelichting: Onwaarschijnlijk.\n");
    let repo = TestRepo::new();
    repo.write("cases/d.yaml", &text);
    let r = repo.run(&["render", "--vandaag", "2025-11-01"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!repo.path().join("output/D-1").exists());
    let csv = std::fs::read_to_string(repo.path().join("output/datalekregister.csv")).unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("D-1;24 oktober 2025 09:15 (+02:00);vertrouwelijkheid;"),
        "{csv}"
    );
    assert!(csv.contains("geen risico;Onwaarschijnlijk."), "{csv}");
}

#[test]
fn high_risk_needs_information_or_an_exception() {
    let text = datalek(
        "risico: hoog\nrisico_toelichting: Gevoelig.\nmelding_ap:\n  fase: definitief\n  gemeld_op: 2025-10-25T10:00\n",
    );
    let r = run(&text, "2025-10-28");
    assert!(
        r.stderr.contains("waarschuwing[DATALEK-02]"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("zeg in `betrokkenen_informeren.advies` wat betrokkenen zelf kunnen doen"),
        "{}",
        r.stderr
    );
    let informed = format!(
        "{text}betrokkenen_informeren:\n  geinformeerd_op: 2025-10-26\n  advies: Let op post.\n"
    );
    let repo = TestRepo::new();
    repo.write("cases/d.yaml", &informed);
    let r = repo.run(&["render", "--vandaag", "2025-10-28"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/D-1/melding-betrokkenen.pdf"));
    assert!(
        text.contains("Wat kunt u zelf doen? Let op post."),
        "{text}"
    );
    let ap = pdf_text(&repo.path().join("output/D-1/melding-ap.pdf"));
    assert!(
        ap.contains("Uiterste meldmoment (72 uur): 27 oktober 2025 08:15 (+01:00)"),
        "{ap}"
    );
}

#[test]
fn bad_awareness_time_is_an_error_at_its_line() {
    let text = datalek("risico: geen\nrisico_toelichting: x\n")
        .replace("2025-10-24T09:15", "2025-03-30T02:30");
    let r = run(&text, "2025-11-01");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .contains("bestaat niet: door de zomertijd wordt dat uur overgeslagen"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("cases/d.yaml:3:13"), "{}", r.stderr);
}
