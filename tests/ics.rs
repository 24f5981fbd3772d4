//! `avgdoc deadlines --format ics`: the calendar staff import, read back
//! with icalendar's parser. Timed and all-day events, the time zone, the
//! alarms, stable UIDs, cancelled closed cases, no personal data.

mod common;

use common::*;
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Event};

/// Cases on 2026-12-01: two open AVG requests (one ending after Christmas), a closed one and an open
/// breach whose 72 hours run until 3 December 16:30.
fn repo() -> TestRepo {
    let repo = TestRepo::new();
    // Identity 2 November → Wednesday 2 December.
    repo.write("cases/a.yaml", &case("T-BINNENKORT", ""));
    // Received and identified 25 November → Friday 25 December, Kerst:
    // Monday 28 December.
    repo.write(
        "cases/b.yaml",
        &case("T-OPTIJD", "")
            .replace("ontvangen_op: 2026-11-02", "ontvangen_op: 2026-11-25")
            .replace("vastgesteld_op: 2026-11-02", "vastgesteld_op: 2026-11-25")
            .replace(
                "ontvangstbevestiging: 2026-11-04",
                "ontvangstbevestiging: 2026-11-25",
            ),
    );
    repo.write(
        "cases/c.yaml",
        &case("T-KLAAR", "afgehandeld_op: 2026-11-20\n"),
    );
    repo.write("cases/d.yaml", &breach("T-LEK", "2026-11-30T16:30"));
    repo
}

fn breach(kenmerk: &str, ontdekt: &str) -> String {
    format!(
        "soort: datalek
kenmerk: {kenmerk}
ontdekt_op: {ontdekt}
soort_inbreuk: [vertrouwelijkheid]
omschrijving: Een brief met het dossier van Karel Verhoeven is naar de buren gestuurd.
betrokkenen:
  categorieen: [cliënten]
  aantal: \"1\"
gegevens:
  categorieen: [naam, adres]
  aantal: 1 brief
gevolgen: De buren kennen het dossier.
maatregelen:
  - wat: Brief teruggevraagd
    genomen: 2026-11-30
risico: risico
risico_toelichting: Gevoelige gegevens over zorg.
"
    )
}

fn ics(repo: &TestRepo, today: &str) -> String {
    let r = repo.run(&["deadlines", "--today", today, "--format", "ics"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    r.stdout
}

fn parse(text: &str) -> Calendar {
    text.parse().expect("valid iCalendar")
}

fn event<'a>(cal: &'a Calendar, uid: &str) -> &'a Event {
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .find(|e| e.get_uid() == Some(uid))
        .unwrap_or_else(|| panic!("no event {uid}"))
}

/// The TRIGGER of an event's alarms.
fn triggers(e: &Event) -> Vec<String> {
    e.components()
        .iter()
        .filter(|c| c.component_kind() == "VALARM")
        .map(|a| a.property_value("TRIGGER").unwrap().to_string())
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn calendar_reads_back_with_every_property() {
    let text = ics(&repo(), "2026-12-01");
    insta::assert_snapshot!(text.replace("\r\n", "\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines are folded"
    );
    let cal = parse(&text);
    assert_eq!(
        cal.property_value("PRODID"),
        Some(format!("-//avgdoc//avgdoc {}//NL", env!("CARGO_PKG_VERSION")).as_str())
    );
    assert_eq!(cal.property_value("METHOD"), Some("PUBLISH"));
    let tz: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => Some(o),
            _ => None,
        })
        .collect();
    assert_eq!(tz.len(), 1);
    assert_eq!(tz[0].property_value("TZID"), Some("Europe/Amsterdam"));
    let kinds: Vec<String> = tz[0]
        .components()
        .iter()
        .map(|c| c.component_kind())
        .collect();
    assert_eq!(kinds, ["DAYLIGHT", "STANDARD"]);

    // The 72 hours of the breach: a timed event in Amsterdam time, with an
    // alarm 24 hours before.
    let lek = event(&cal, "T-LEK@avgdoc");
    assert_eq!(
        lek.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: date(2026, 12, 3).and_hms_opt(16, 30, 0).unwrap(),
            tzid: "Europe/Amsterdam".into(),
        }))
    );
    assert_eq!(lek.get_end(), None);
    assert_eq!(triggers(lek), ["-PT24H"]);
    assert_eq!(lek.get_summary(), Some("T-LEK: melden datalek aan de AP"));

    // A date term: an all-day event, free, the alarm at 09:00 five working
    // days before: Wednesday 25 November for Wednesday 2 December.
    let a = event(&cal, "T-BINNENKORT@avgdoc");
    assert_eq!(
        a.get_start(),
        Some(DatePerhapsTime::Date(date(2026, 12, 2)))
    );
    assert_eq!(a.get_end(), Some(DatePerhapsTime::Date(date(2026, 12, 3))));
    assert_eq!(a.property_value("TRANSP"), Some("TRANSPARENT"));
    assert_eq!(a.property_value("STATUS"), Some("CONFIRMED"));
    assert_eq!(triggers(a), ["-P6DT15H"]);
    // Monday 28 December: Christmas does not count, so five working days
    // before is Friday 18 December, 09:00 (9 days 15 hours before midnight).
    let b = event(&cal, "T-OPTIJD@avgdoc");
    assert_eq!(
        b.get_start(),
        Some(DatePerhapsTime::Date(date(2026, 12, 28)))
    );
    assert_eq!(triggers(b), ["-P9DT15H"]);
    assert_eq!(b.get_summary(), Some("T-OPTIJD: beantwoorden AVG-verzoek"));
    assert!(
        b.get_description()
            .unwrap()
            .starts_with("Termijn: beantwoorden AVG-verzoek (AVG-TERMIJN-01). Uiterlijk: 28 december 2026. Bron: art. 12 lid 3 AVG"),
        "{:?}",
        b.get_description()
    );

    // The closed case: cancelled, on the day of the deadline it had, no
    // alarm.
    let klaar = event(&cal, "T-KLAAR@avgdoc");
    assert_eq!(klaar.property_value("STATUS"), Some("CANCELLED"));
    assert_eq!(
        klaar.get_start(),
        Some(DatePerhapsTime::Date(date(2026, 12, 2)))
    );
    assert_eq!(
        klaar.get_summary(),
        Some("vervallen: T-KLAAR: beantwoorden AVG-verzoek")
    );
    assert!(triggers(klaar).is_empty());
}

/// Closing a case, extending a term or notifying the AP raises SEQUENCE
/// and LAST-MODIFIED, so a calendar that imported the first file takes the
/// second.
#[test]
fn recording_a_step_raises_the_sequence() {
    let repo = repo();
    let before = parse(&ics(&repo, "2026-12-01"));
    let a = event(&before, "T-BINNENKORT@avgdoc");
    // ontvangen_op, vastgesteld_op, ontvangstbevestiging.
    assert_eq!(a.get_sequence(), Some(3));
    assert_eq!(
        a.get_last_modified(),
        Some(
            chrono::DateTime::parse_from_rfc3339("2026-11-03T23:00:00Z")
                .unwrap()
                .into()
        )
    );
    let lek = event(&before, "T-LEK@avgdoc");
    let lek_sequence = lek.get_sequence().unwrap();

    repo.write(
        "cases/a.yaml",
        &case("T-BINNENKORT", "afgehandeld_op: 2026-12-01\n"),
    );
    repo.write(
        "cases/d.yaml",
        &(breach("T-LEK", "2026-11-30T16:30")
            + "melding_ap:\n  fase: definitief\n  gemeld_op: 2026-12-01T10:00\n"),
    );
    let after = parse(&ics(&repo, "2026-12-01"));
    let a = event(&after, "T-BINNENKORT@avgdoc");
    assert_eq!(a.property_value("STATUS"), Some("CANCELLED"));
    assert_eq!(a.get_sequence(), Some(5));
    assert_eq!(
        a.get_last_modified(),
        Some(
            chrono::DateTime::parse_from_rfc3339("2026-11-30T23:00:00Z")
                .unwrap()
                .into()
        )
    );
    let lek = event(&after, "T-LEK@avgdoc");
    assert_eq!(lek.property_value("STATUS"), Some("CANCELLED"));
    assert!(lek.get_sequence().unwrap() > lek_sequence);
    // Untouched cases keep theirs.
    assert_eq!(
        event(&after, "T-OPTIJD@avgdoc").get_sequence(),
        event(&before, "T-OPTIJD@avgdoc").get_sequence()
    );
}

/// The same cases found in another order give the same file, byte for
/// byte: UIDs, SEQUENCE and the order of events do not depend on file
/// names or the run.
#[test]
fn same_cases_in_another_order_give_the_same_calendar() {
    let first = repo();
    let second = TestRepo::new();
    for (from, to) in [("a", "z/4"), ("b", "y/3"), ("c", "x/2"), ("d", "w/1")] {
        let text =
            std::fs::read_to_string(first.path().join(format!("cases/{from}.yaml"))).unwrap();
        second.write(&format!("cases/{to}.yaml"), &text);
    }
    let one = ics(&first, "2026-12-01");
    let two = ics(&second, "2026-12-01");
    assert_eq!(one, two);
    let uids: Vec<_> = parse(&one)
        .components
        .iter()
        .filter_map(|c| c.as_event()?.get_uid().map(str::to_string))
        .collect();
    assert_eq!(
        uids,
        [
            "T-BINNENKORT@avgdoc",
            "T-KLAAR@avgdoc",
            "T-LEK@avgdoc",
            "T-OPTIJD@avgdoc"
        ]
    );
}

/// Every text value of the case files that could be personal (it has an
/// upper-case letter, a space or an `@`), unescaped as iCalendar would.
fn case_texts(dir: &std::path::Path) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o
                .iter()
                .filter(|(k, _)| *k != "kenmerk" && *k != "soort")
                .for_each(|(_, v)| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir.join("cases")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let v: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
            walk(&v, &mut out);
        }
    }
    out.retain(|s| {
        s.len() >= 4
            && chrono::NaiveDate::parse_from_str(&s[..10.min(s.len())], "%Y-%m-%d").is_err()
            && s.chars().any(|c| c.is_uppercase() || c == ' ' || c == '@')
    });
    out
}

#[test]
fn no_personal_data_in_the_calendar() {
    let examples = case_texts(&repo_root());
    assert!(examples.len() > 100, "{}", examples.len());
    for today in ["2026-11-10", "2026-11-18", "2026-11-21", "2026-12-01"] {
        let r = run_in(
            &repo_root(),
            &["deadlines", "--today", today, "--format", "ics"],
        );
        let text = r
            .stdout
            .replace("\r\n ", "")
            .replace("\\,", ",")
            .replace("\\;", ";");
        assert!(text.contains("BEGIN:VEVENT"));
        for s in &examples {
            assert!(!text.contains(s.as_str()), "{today}: {s:?} in the calendar");
        }
        assert!(!text.contains("cases/") && !text.contains(".yaml"));
    }
    let repo = repo();
    let text = ics(&repo, "2026-12-01");
    for s in case_texts(repo.path()) {
        assert!(!text.contains(s.as_str()), "{s:?} in the calendar");
    }
}
