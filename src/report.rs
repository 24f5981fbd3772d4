//! The deadline report: every open case with its next deadline, how many
//! days and working days are left, and a status. One list of [`Entry`]s,
//! rendered as a terminal table, JSON, Markdown (CI summaries) or iCalendar
//! (for Outlook).

use chrono::{NaiveDate, TimeZone, Utc};
use serde::Serialize;

use crate::calendar::{Regime, format_date, working_days_between};
use crate::load::Workspace;
use crate::model::{AvgVerzoek, Case, Termijnen};
use crate::rules::avg_verzoek;

/// Where a deadline stands on the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// More than the warning margin left.
    OpTijd,
    /// Ends within the warning margin (`termijnen.waarschuwing_werkdagen`).
    Binnenkort,
    /// The last day has passed.
    Verlopen,
}

impl Status {
    /// Dutch text; `werkdagen` is the number of working days left.
    pub fn describe(self, werkdagen: i64) -> String {
        match self {
            Status::OpTijd => "op tijd".into(),
            Status::Binnenkort if werkdagen == 0 => "verloopt vandaag".into(),
            Status::Binnenkort if werkdagen == 1 => "verloopt binnen 1 werkdag".into(),
            Status::Binnenkort => format!("verloopt binnen {werkdagen} werkdagen"),
            Status::Verlopen => "verlopen".into(),
        }
    }
}

/// Status of a deadline `end` on `today`, warning `warn` working days ahead.
/// Counted with the holidays of `regime`. Returns the status and the working
/// days left (negative once passed).
pub fn status(today: NaiveDate, end: NaiveDate, regime: Regime, warn: u32) -> (Status, i64) {
    if today > end {
        let late = working_days_between(end, today, regime) as i64;
        return (Status::Verlopen, -late);
    }
    let left = working_days_between(today, end, regime) as i64;
    if left <= i64::from(warn) {
        (Status::Binnenkort, left)
    } else {
        (Status::OpTijd, left)
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub kenmerk: String,
    pub soort: &'static str,
    pub bestand: String,
    /// Rule id of the term, e.g. `AVG-TERMIJN-01`.
    pub termijn: &'static str,
    /// Dutch description of the deadline.
    pub omschrijving: String,
    pub bron: &'static str,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub uiterlijk: NaiveDate,
    /// Calendar days from the reference date to the last day.
    pub dagen: i64,
    /// Working days left (negative once passed).
    pub werkdagen: i64,
    pub status: Status,
    /// Dutch status text.
    pub status_tekst: String,
}

/// The next deadline of every open case, earliest first.
pub fn open_deadlines(ws: &Workspace, today: NaiveDate) -> Vec<Entry> {
    let termijnen = ws
        .config
        .as_ref()
        .map(|c| c.termijnen.clone())
        .unwrap_or_default();
    let warn = termijnen.waarschuwing_werkdagen;
    let mut out: Vec<Entry> = ws
        .cases
        .iter()
        .filter_map(|cf| match &cf.case {
            Case::AvgVerzoek(c) => avg_entry(c, &cf.name, today, &termijnen),
            Case::Bezwaar(c) => bezwaar_entry(c, &cf.name, today, warn),
            Case::WpgVerzoek(c) => wpg_entry(c, &cf.name, today, warn),
            Case::Raadpleging(c) => raadpleging_entry(c, &cf.name, today, warn),
            Case::Notificatie(c) => notificatie_entry(c, &cf.name, today, &termijnen),
            Case::Datalek(c) => datalek_entry(c, &cf.name, today),
        })
        .collect();
    out.sort_by(|a, b| {
        a.uiterlijk
            .cmp(&b.uiterlijk)
            .then(a.kenmerk.cmp(&b.kenmerk))
    });
    out
}

/// Whether an AVG request is closed on `today`: its answer went out on or
/// before that day. Not yet received means not yet open either.
pub fn avg_open(c: &AvgVerzoek, today: NaiveDate) -> bool {
    c.ontvangen_op.value <= today && avg_verzoek::closed_on(c).is_none_or(|(d, _)| d > today)
}

fn avg_entry(c: &AvgVerzoek, file: &str, today: NaiveDate, termijnen: &Termijnen) -> Option<Entry> {
    let warn = termijnen.waarschuwing_werkdagen;
    if !avg_open(c, today) {
        // Closed, but an exception in the besluit still needs re-checking.
        c.besluit.as_ref().filter(|b| b.datum.value <= today)?;
        let due = avg_verzoek::hercontrole(c, termijnen)?;
        let (status, werkdagen) = status(today, due, Regime::Intern, warn);
        return Some(Entry {
            kenmerk: c.kenmerk.value.clone(),
            soort: "avg-verzoek",
            bestand: file.to_string(),
            termijn: "HERCONTROLE-01",
            omschrijving: "hertoetsing uitzondering in het besluit".to_string(),
            bron: crate::rules::notificatie::HERCONTROLE_01.source,
            uiterlijk: due,
            dagen: (due - today).num_days(),
            werkdagen,
            status,
            status_tekst: status.describe(werkdagen),
        });
    }
    let (end, omschrijving) = match avg_verzoek::effective_deadline(c) {
        Some(end) if c.verlenging.is_some() && avg_verzoek::valid_extension(c).is_some() => {
            (end, "antwoord op AVG-verzoek (verlengd)".to_string())
        }
        Some(end) => (end, "antwoord op AVG-verzoek".to_string()),
        None => (
            avg_verzoek::streefdatum(c).end,
            "streefdatum; identiteit nog niet vastgesteld".to_string(),
        ),
    };
    let (status, werkdagen) = status(today, end, Regime::Eu1182, warn);
    Some(Entry {
        kenmerk: c.kenmerk.value.clone(),
        soort: "avg-verzoek",
        bestand: file.to_string(),
        termijn: "AVG-TERMIJN-01",
        omschrijving,
        bron: avg_verzoek::AVG_TERMIJN_01.source,
        uiterlijk: end,
        dagen: (end - today).num_days(),
        werkdagen,
        status,
        status_tekst: status.describe(werkdagen),
    })
}

fn bezwaar_entry(
    c: &crate::model::Bezwaar,
    file: &str,
    today: NaiveDate,
    warn: u32,
) -> Option<Entry> {
    use crate::rules::bezwaar;
    if c.ontvangen_op.value > today || bezwaar::closed_on(c).is_some_and(|d| d <= today) {
        return None;
    }
    let end = bezwaar::beslistermijn_einde(c);
    let (status, werkdagen) = status(today, end, Regime::Atw, warn);
    Some(Entry {
        kenmerk: c.kenmerk.value.clone(),
        soort: "bezwaar",
        bestand: file.to_string(),
        termijn: "BEZWAAR-05",
        omschrijving: "beslissing op bezwaar".to_string(),
        bron: bezwaar::BEZWAAR_05.source,
        uiterlijk: end,
        dagen: (end - today).num_days(),
        werkdagen,
        status,
        status_tekst: status.describe(werkdagen),
    })
}

fn wpg_entry(
    c: &crate::model::WpgVerzoek,
    file: &str,
    today: NaiveDate,
    warn: u32,
) -> Option<Entry> {
    use crate::rules::wpg;
    let closed = c.besluit.as_ref().is_some_and(|b| b.datum.value <= today);
    if c.ontvangen_op.value > today || closed {
        return None;
    }
    let end = wpg::wpg_einde(c);
    let (status, werkdagen) = status(today, end, Regime::Atw, warn);
    Some(Entry {
        kenmerk: c.kenmerk.value.clone(),
        soort: "wpg-verzoek",
        bestand: file.to_string(),
        termijn: if c.verzoek.value == crate::model::WpgSoort::Inzage {
            "WPG-01"
        } else {
            "WPG-02"
        },
        omschrijving: "besluit op Wpg-verzoek".to_string(),
        bron: wpg::WPG_TERMIJN.source,
        uiterlijk: end,
        dagen: (end - today).num_days(),
        werkdagen,
        status,
        status_tekst: status.describe(werkdagen),
    })
}

fn raadpleging_entry(
    c: &crate::model::Raadpleging,
    file: &str,
    today: NaiveDate,
    warn: u32,
) -> Option<Entry> {
    use crate::rules::wpg;
    let end = wpg::advies_uiterlijk(c)?;
    if c.eindbrief_op.as_ref().is_some_and(|d| d.value <= today) {
        return None;
    }
    // The AP's term: informational; it is never our deadline to miss.
    let (status, werkdagen) = status(today, end, Regime::Atw, warn);
    Some(Entry {
        kenmerk: c.kenmerk.value.clone(),
        soort: "voorafgaande-raadpleging",
        bestand: file.to_string(),
        termijn: match c.regime.value {
            crate::model::RaadplegingRegime::Avg => "RAADPL-01",
            crate::model::RaadplegingRegime::Wpg => "RAADPL-02",
        },
        omschrijving: "advies van de AP uiterlijk (informatief)".to_string(),
        bron: wpg::RAADPL_01.source,
        uiterlijk: end,
        dagen: (end - today).num_days(),
        werkdagen,
        status,
        status_tekst: status.describe(werkdagen),
    })
}

fn notificatie_entry(
    c: &crate::model::Notificatie,
    file: &str,
    today: NaiveDate,
    termijnen: &Termijnen,
) -> Option<Entry> {
    use crate::rules::notificatie;
    let warn = termijnen.waarschuwing_werkdagen;
    let sent = c
        .verzonden
        .notificatiebrief
        .as_ref()
        .is_some_and(|d| d.value <= today);
    if c.aanmelding_op.value > today || sent {
        return None;
    }
    let (end, termijn, omschrijving, bron, regime) = if notificatie::uitgesteld(c, today) {
        // Postponed on an exception: the next date is the re-check.
        let from = c
            .uitzonderingen
            .iter()
            .filter_map(|u| u.getoetst_op.as_ref().map(|d| d.value))
            .max()
            .unwrap_or(c.aanmelding_op.value);
        let due = crate::terms::end_date_configured("hercontrole", from, termijnen);
        (
            due,
            "HERCONTROLE-01",
            "hertoetsing uitzondering (informatieplicht uitgesteld)",
            notificatie::HERCONTROLE_01.source,
            Regime::Intern,
        )
    } else {
        (
            notificatie::termijn_einde(c),
            "AVG14-TERMIJN-01",
            "informeren volgens art. 14 AVG",
            notificatie::AVG14_TERMIJN_01.source,
            Regime::Eu1182,
        )
    };
    let (status, werkdagen) = status(today, end, regime, warn);
    Some(Entry {
        kenmerk: c.kenmerk.value.clone(),
        soort: "notificatie",
        bestand: file.to_string(),
        termijn,
        omschrijving: omschrijving.to_string(),
        bron,
        uiterlijk: end,
        dagen: (end - today).num_days(),
        werkdagen,
        status,
        status_tekst: status.describe(werkdagen),
    })
}

/// A breach whose AP notification is due and not yet made: the 72 hours,
/// shown by their last day (the report counts days).
fn datalek_entry(c: &crate::model::Datalek, file: &str, today: NaiveDate) -> Option<Entry> {
    use crate::rules::datalek;
    if !datalek::melden(c) || datalek::gemeld(c).is_some() {
        return None;
    }
    let start = datalek::ontdekt(c)?;
    if start.date_naive() > today {
        return None;
    }
    let deadline = datalek::ap_deadline(c)?;
    let end = deadline.date_naive();
    let (status, werkdagen) = if today > end {
        (
            Status::Verlopen,
            -(working_days_between(end, today, Regime::Eu1182) as i64),
        )
    } else {
        // Hours run through weekends: any deadline within 72 hours is near.
        (
            Status::Binnenkort,
            working_days_between(today, end, Regime::Eu1182) as i64,
        )
    };
    Some(Entry {
        kenmerk: c.kenmerk.value.clone(),
        soort: "datalek",
        bestand: file.to_string(),
        termijn: "DATALEK-01",
        omschrijving: format!(
            "melding aan de AP uiterlijk {}",
            crate::terms::show_datetime(deadline)
        ),
        bron: datalek::DATALEK_01.source,
        uiterlijk: end,
        dagen: (end - today).num_days(),
        werkdagen,
        status,
        status_tekst: if status == Status::Verlopen {
            status.describe(werkdagen)
        } else {
            "melden binnen 72 uur".into()
        },
    })
}

/// A plain table for the terminal.
pub fn table(entries: &[Entry], today: NaiveDate) -> String {
    let mut rows: Vec<[String; 8]> = vec![[
        "Kenmerk".to_string(),
        "Soort".into(),
        "Termijn".into(),
        "Uiterlijk".into(),
        "Dagen".into(),
        "Werkdagen".into(),
        "Status".into(),
        "Wat".into(),
    ]];
    for e in entries {
        rows.push([
            e.kenmerk.clone(),
            e.soort.to_string(),
            e.termijn.to_string(),
            format_date(e.uiterlijk),
            e.dagen.to_string(),
            e.werkdagen.to_string(),
            e.status_tekst.clone(),
            e.omschrijving.clone(),
        ]);
    }
    let widths: Vec<usize> = (0..8)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = format!("Termijnen op {}\n\n", format_date(today));
    for (n, r) in rows.iter().enumerate() {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i] - c.chars().count();
                if (4..=5).contains(&i) {
                    format!("{}{c}", " ".repeat(pad))
                } else {
                    format!("{c}{}", " ".repeat(pad))
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&rule.join("  "));
            out.push('\n');
        }
    }
    if entries.is_empty() {
        out.push_str("Geen open zaken.\n");
    }
    out
}

/// JSON: `{"peildatum": .., "termijnen": [..]}`.
pub fn json(entries: &[Entry], today: NaiveDate) -> String {
    let v = serde_json::json!({ "peildatum": today, "termijnen": entries });
    serde_json::to_string_pretty(&v).expect("serialisable") + "\n"
}

/// A Markdown table, e.g. for `$GITHUB_STEP_SUMMARY`.
pub fn markdown(entries: &[Entry], today: NaiveDate) -> String {
    let mut out = format!("## Termijnen op {}\n\n", format_date(today));
    if entries.is_empty() {
        out.push_str("Geen open zaken.\n");
        return out;
    }
    out.push_str("| Kenmerk | Soort | Termijn | Uiterlijk | Dagen | Werkdagen | Status | Wat |\n");
    out.push_str("|---|---|---|---|--:|--:|---|---|\n");
    for e in entries {
        let mark = match e.status {
            Status::OpTijd => "",
            Status::Binnenkort => "⚠️ ",
            Status::Verlopen => "❌ ",
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {mark}{} | {} |\n",
            md_cell(&e.kenmerk),
            e.soort,
            e.termijn,
            format_date(e.uiterlijk),
            e.dagen,
            e.werkdagen,
            e.status_tekst,
            md_cell(&e.omschrijving)
        ));
    }
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// iCalendar: one all-day event per deadline. DTSTAMP is the reference
/// date, so the file is reproducible; UIDs are stable per case and term.
pub fn ics(entries: &[Entry], today: NaiveDate) -> String {
    use icalendar::{Calendar, Component, EventLike};
    let stamp = Utc.from_utc_datetime(&today.and_hms_opt(0, 0, 0).expect("midnight"));
    let mut cal = Calendar::new();
    cal.name("avgdoc termijnen");
    for e in entries {
        let event = icalendar::Event::new()
            .uid(&format!(
                "{}-{}@avgdoc",
                e.kenmerk,
                e.termijn.to_ascii_lowercase()
            ))
            .summary(&format!(
                "Termijn {} {}: {}",
                e.soort, e.kenmerk, e.omschrijving
            ))
            .description(&format!(
                "Uiterlijk {} ({}). Status op {}: {}. Bron: {}. Zaakbestand: {}.",
                format_date(e.uiterlijk),
                e.termijn,
                format_date(today),
                e.status_tekst,
                e.bron,
                e.bestand
            ))
            // An all-day event: DTEND is exclusive (RFC 5545 §3.6.1).
            .starts(e.uiterlijk)
            .ends(e.uiterlijk.succ_opt().unwrap_or(e.uiterlijk))
            .timestamp(stamp)
            .done();
        cal.push(event);
    }
    let mut text = cal.done().to_string();
    if !text.ends_with("\r\n") {
        text.push_str("\r\n");
    }
    text
}
