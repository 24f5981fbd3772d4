//! The datalek kind: the 72 hours, the content of the notification, the
//! data subjects, and the register.

mod common;

use common::*;

fn datalek(extra: &str) -> String {
    format!(
        "soort: datalek
kenmerk: D-1
ontdekt_op: 2025-10-24T09:15
ontdekking: Een collega zag het.
periode: {{ van: 2025-10-24T08:00, tot: 2025-10-24T09:00 }}
soort_inbreuk: [vertrouwelijkheid]
omschrijving: Een brief naar het verkeerde adres.
betrokkenen:
  categorieen: [burgers]
  aantal: '1'
  personen:
    - achternaam: Jansen
      aanspreekvorm: mevrouw
      adres: {{ straat: Kade, huisnummer: '1', postcode: 1234 AB, plaats: Rivierstad }}
gegevens: {{ categorieen: [naam], aantal: '1', bijzondere: [], strafrechtelijk: false }}
versleuteld: nee
andere_landen: []
deelnemers: [ggz]
gevolgen: Weinig.
maatregelen:
  - wat: Brief teruggevraagd
    genomen: 2025-10-24
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
    let text = datalek("risico: geen\nrisico_toelichting: Onwaarschijnlijk.\n")
        .replace("deelnemers: [ggz]\n", "");
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
            .starts_with("D-1;24 oktober 2025 om 09.15 uur;van 24 oktober 2025 om 08.00 uur tot 24 oktober 2025 om 09.00 uur;vertrouwelijkheid;"),
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
        "{text}betrokkenen_informeren:\n  geinformeerd_op: 2025-10-26\n  gevolgen: Een ander kent uw adres.\n  advies: Let op post.\n"
    );
    let repo = TestRepo::new();
    repo.write("cases/d.yaml", &informed);
    let r = repo.run(&["render", "--vandaag", "2025-10-28"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/D-1/melding-betrokkene-1.pdf"));
    assert!(
        text.contains("Wat kunt u zelf doen? Let op post."),
        "{text}"
    );
    assert!(text.contains("Geachte mevrouw Jansen,"), "{text}");
    let ap = pdf_text(&repo.path().join("output/D-1/melding-ap.pdf"));
    assert!(
        ap.contains("Uiterste meldmoment (72 uur): 27 oktober 2025 om 08.15 uur"),
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

fn high_risk_with(betrokkenen: &str) -> String {
    datalek(
        "risico: hoog\nrisico_toelichting: Gevoelig.\nmelding_ap:\n  fase: definitief\n  gemeld_op: 2025-10-25T10:00\nbetrokkenen_informeren:\n  geinformeerd_op: 2025-10-26\n  gevolgen: Een ander kent uw adres.\n  advies: Let op post.\n",
    )
    .replace(
        "  personen:\n    - achternaam: Jansen\n      aanspreekvorm: mevrouw\n      adres: { straat: Kade, huisnummer: '1', postcode: 1234 AB, plaats: Rivierstad }\n",
        betrokkenen,
    )
}

/// A repository with one high-risk breach whose persons are in
/// `cases/2025/d-personen.csv`, with these rows below the header.
fn breach_with_persons(rows: &str) -> TestRepo {
    let repo = TestRepo::new();
    repo.write(
        "cases/2025/d.yaml",
        &high_risk_with("  bestand: d-personen.csv\n"),
    );
    repo.write(
        "cases/2025/d-personen.csv",
        &format!(
            "achternaam;aanspreekvorm;straat;huisnummer;postcode;plaats;uitzondering;toelichting\n{rows}"
        ),
    );
    repo
}

#[test]
fn persons_from_a_csv_file_each_get_a_numbered_letter() {
    let repo = breach_with_persons(
        "Jansen;mevrouw;Kade;1;1234 AB;Rivierstad;;\n\
         Bos;heer;Kade;2;1234 AB;Rivierstad;uavg41;Lopend onderzoek.\n\
         Smit;heer;Kade;3;1234 AB;Rivierstad;;\n",
    );
    let r = repo.run(&["render", "--vandaag", "2025-10-28"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let out = repo.path().join("output/D-1");
    assert!(out.join("melding-betrokkene-1.pdf").exists());
    assert!(!out.join("melding-betrokkene-2.pdf").exists());
    let third = pdf_text(&out.join("melding-betrokkene-3.pdf"));
    assert!(third.contains("Geachte heer Smit,"), "{third}");
    assert!(third.contains("Met vriendelijke groet,"), "{third}");
}

#[test]
fn the_csv_file_is_found_when_avgdoc_runs_from_another_folder() {
    // Diagnostics then name the case with the folder in front
    // (`../repo/cases/…`); the file next to the case is still inside the
    // repository.
    let repo = breach_with_persons("Jansen;mevrouw;Kade;1;1234 AB;Rivierstad;;\n");
    let elsewhere = tempfile::tempdir().unwrap();
    let root = repo.path().to_str().unwrap();
    let r = run_in(
        elsewhere.path(),
        &["render", "--root", root, "--vandaag", "2025-10-28"],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("DATALEK-06"), "{}", r.stderr);
    let letter = pdf_text(&repo.path().join("output/D-1/melding-betrokkene-1.pdf"));
    assert!(letter.contains("Geachte mevrouw Jansen,"), "{letter}");
}

#[test]
fn a_bad_csv_row_names_file_line_and_field() {
    let repo = TestRepo::new();
    repo.write("cases/d.yaml", &high_risk_with("  bestand: personen.csv\n"));
    repo.write(
        "cases/personen.csv",
        "achternaam,postcode,plaats,straat,huisnummer\nJansen,1234 AB,Rivierstad,Kade,1\nBos,12,Rivierstad,Kade,2\n",
    );
    let r = repo.run(&["validate", "--vandaag", "2025-10-28"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("fout[DATALEK-06]: regel 3 van `personen.csv`: ongeldige postcode"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("(genoemd in `betrokkenen.bestand`)"),
        "{}",
        r.stderr
    );
    // Outside the repository: refused.
    repo.write(
        "cases/d.yaml",
        &high_risk_with("  bestand: ../../buiten.csv\n"),
    );
    let r = repo.run(&["validate", "--vandaag", "2025-10-28"]);
    assert!(
        r.stderr.contains("fout[DATALEK-06]") && r.stderr.contains("buiten.csv"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_measure_taken_after_the_letter_is_an_error_unless_it_was_planned() {
    let late = high_risk_with(
        "  personen:\n    - achternaam: Jansen\n      adres: { straat: Kade, huisnummer: '1', postcode: 1234 AB, plaats: Rivierstad }\n",
    )
    .replace(
        "    genomen: 2025-10-24\n",
        "    genomen: 2025-10-24\n  - wat: Controle ingesteld\n    genomen: 2025-10-27\n",
    );
    let r = run(&late, "2025-10-28");
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("fout[DATALEK-07]: de maatregel is genomen op 27 oktober 2025, na de datum van de melding aan de AP (25 oktober 2025)"),
        "{}",
        r.stderr
    );
    let planned = late.replace(
        "    genomen: 2025-10-27\n",
        "    voorgenomen: 2025-10-27\n    genomen: 2025-10-27\n",
    );
    let repo = TestRepo::new();
    repo.write("cases/d.yaml", &planned);
    let r = repo.run(&["render", "--vandaag", "2025-10-28"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let letter = pdf_text(&repo.path().join("output/D-1/melding-betrokkene-1.pdf"));
    assert!(
        letter.contains("Wat gaan wij nog doen? • uiterlijk 27 oktober 2025: Controle ingesteld"),
        "{letter}"
    );
    let csv = std::fs::read_to_string(repo.path().join("output/datalekregister.csv")).unwrap();
    assert!(
        csv.contains("Controle ingesteld (27 oktober 2025)"),
        "{csv}"
    );
}

#[test]
fn one_register_per_month_of_discovery_and_one_csv_over_all_months() {
    let no_risk = "risico: geen\nrisico_toelichting: Onwaarschijnlijk.\n";
    let repo = TestRepo::new();
    // Discovered on 31 December 2024 at 23:30 in Amsterdam (22:30 UTC): a
    // breach of 2024, however late in the day.
    repo.write(
        "cases/a.yaml",
        &datalek(no_risk)
            .replace("kenmerk: D-1", "kenmerk: D-2024-9")
            .replace(
                "ontdekt_op: 2025-10-24T09:15",
                "ontdekt_op: 2024-12-31T23:30",
            )
            .replace(
                "periode: { van: 2025-10-24T08:00, tot: 2025-10-24T09:00 }\n",
                "",
            )
            .replace("genomen: 2025-10-24", "genomen: 2025-01-02")
            .replace("deelnemers: [ggz]\n", ""),
    );
    for (file, kenmerk) in [("b.yaml", "D-2025-2"), ("c.yaml", "D-2025-1")] {
        repo.write(
            &format!("cases/{file}"),
            &datalek(no_risk)
                .replace("kenmerk: D-1", &format!("kenmerk: {kenmerk}"))
                .replace("deelnemers: [ggz]\n", ""),
        );
    }
    // Discovered on 30 September 2025: the register of September, the month
    // before the two of October.
    repo.write(
        "cases/d.yaml",
        &datalek(no_risk)
            .replace("kenmerk: D-1", "kenmerk: D-2025-0")
            .replace(
                "ontdekt_op: 2025-10-24T09:15",
                "ontdekt_op: 2025-09-30T16:00",
            )
            .replace(
                "periode: { van: 2025-10-24T08:00, tot: 2025-10-24T09:00 }\n",
                "",
            )
            .replace("genomen: 2025-10-24", "genomen: 2025-10-01")
            .replace("deelnemers: [ggz]\n", ""),
    );
    let r = repo.run(&["render", "--vandaag", "2025-11-01", "--datum", "2025-11-01"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let out = repo.path().join("output");
    let mut org: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("datalekregister"))
        .collect();
    org.sort();
    assert_eq!(
        org,
        [
            "datalekregister-2024-12.pdf",
            "datalekregister-2024-12.txt",
            "datalekregister-2025-09.pdf",
            "datalekregister-2025-09.txt",
            "datalekregister-2025-10.pdf",
            "datalekregister-2025-10.txt",
            "datalekregister.csv"
        ]
    );
    let dec2024 = pdf_text(&out.join("datalekregister-2024-12.pdf"));
    assert!(
        dec2024.contains("Dit register bevat alle datalekken die in december 2024 zijn ontdekt"),
        "{dec2024}"
    );
    assert!(dec2024.contains("D-2024-9"), "{dec2024}");
    assert!(!dec2024.contains("D-2025-"), "{dec2024}");
    let sep2025 = pdf_text(&out.join("datalekregister-2025-09.pdf"));
    assert!(sep2025.contains("D-2025-0"), "{sep2025}");
    assert!(
        !sep2025.contains("D-2025-1") && !sep2025.contains("D-2025-2"),
        "{sep2025}"
    );
    let oct2025 = pdf_text(&out.join("datalekregister-2025-10.pdf"));
    assert!(
        oct2025.contains("D-2025-1") && oct2025.contains("D-2025-2"),
        "{oct2025}"
    );
    assert!(
        !oct2025.contains("D-2024-9") && !oct2025.contains("D-2025-0"),
        "{oct2025}"
    );
    assert!(
        pdf_meta(&out.join("datalekregister-2025-10.pdf")).contains("Datalekregister oktober 2025"),
        "the title names the month"
    );
    // The CSV holds every month and year, by day of discovery, then
    // kenmerk; its last column is the day of discovery as a spreadsheet
    // filters it.
    let csv = std::fs::read_to_string(out.join("datalekregister.csv")).unwrap();
    let rows: Vec<(&str, &str)> = csv
        .lines()
        .map(|l| (l.split(';').next().unwrap(), l.rsplit(';').next().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            ("kenmerk", "ontdekt_datum"),
            ("D-2024-9", "2024-12-31"),
            ("D-2025-0", "2025-09-30"),
            ("D-2025-1", "2025-10-24"),
            ("D-2025-2", "2025-10-24"),
        ]
    );
}
