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

/// A case's next deadline, before it becomes an [`Entry`].
struct Next {
    termijn: &'static str,
    omschrijving: String,
    bron: &'static str,
    end: NaiveDate,
    /// Whose holidays count for the working days left.
    regime: Regime,
    /// A term in hours (the AP's 72 hours): near whenever it is open.
    hours: bool,
}

/// The next deadline of every open case, earliest first.
pub fn open_deadlines(ws: &Workspace, today: NaiveDate) -> Vec<Entry> {
    let termijnen = ws
        .config
        .as_ref()
        .map(|c| c.termijnen.clone())
        .unwrap_or_default();
    let mut out: Vec<Entry> = ws
        .cases
        .iter()
        .filter_map(|cf| {
            let next = match &cf.case {
                Case::AvgVerzoek(c) => avg_next(c, today, &termijnen),
                Case::Bezwaar(c) => bezwaar_next(c, today),
                Case::WpgVerzoek(c) => wpg_next(c, today),
                Case::Raadpleging(c) => raadpleging_next(c, today),
                Case::Notificatie(c) => notificatie_next(c, today, &termijnen),
                Case::Datalek(c) => datalek_next(c, today),
            }?;
            Some(entry(
                &cf.case,
                &cf.name,
                next,
                today,
                termijnen.waarschuwing_werkdagen,
            ))
        })
        .collect();
    out.sort_by(|a, b| {
        a.uiterlijk
            .cmp(&b.uiterlijk)
            .then(a.kenmerk.cmp(&b.kenmerk))
    });
    out
}

fn entry(case: &Case, file: &str, next: Next, today: NaiveDate, warn: u32) -> Entry {
    let end = next.end;
    let (status, werkdagen) = if next.hours && today <= end {
        // Hours run through weekends: any deadline within 72 hours is near.
        (
            Status::Binnenkort,
            working_days_between(today, end, next.regime) as i64,
        )
    } else {
        status(today, end, next.regime, warn)
    };
    Entry {
        kenmerk: case.kenmerk().value.clone(),
        soort: case.soort(),
        bestand: file.to_string(),
        termijn: next.termijn,
        omschrijving: next.omschrijving,
        bron: next.bron,
        uiterlijk: end,
        dagen: (end - today).num_days(),
        werkdagen,
        status,
        status_tekst: if next.hours && status != Status::Verlopen {
            "melden binnen 72 uur".into()
        } else {
            status.describe(werkdagen)
        },
    }
}

/// Whether an AVG request is closed on `today`: its answer went out on or
/// before that day. Not yet received means not yet open either.
pub fn avg_open(c: &AvgVerzoek, today: NaiveDate) -> bool {
    c.ontvangen_op.value <= today && avg_verzoek::closed_on(c).is_none_or(|(d, _)| d > today)
}

fn avg_next(c: &AvgVerzoek, today: NaiveDate, termijnen: &Termijnen) -> Option<Next> {
    if !avg_open(c, today) {
        // Closed, but an exception in the besluit still needs re-checking.
        c.besluit.as_ref().filter(|b| b.datum.value <= today)?;
        return Some(Next {
            termijn: "HERCONTROLE-01",
            omschrijving: "hertoetsing uitzondering in het besluit".into(),
            bron: crate::rules::notificatie::HERCONTROLE_01.source,
            end: avg_verzoek::hercontrole(c, termijnen)?,
            regime: Regime::Intern,
            hours: false,
        });
    }
    let (end, omschrijving) = match avg_verzoek::effective_deadline(c) {
        Some(end) if avg_verzoek::valid_extension(c).is_some() => {
            (end, "antwoord op AVG-verzoek (verlengd)")
        }
        Some(end) => (end, "antwoord op AVG-verzoek"),
        None => (
            avg_verzoek::streefdatum(c).end,
            "streefdatum; identiteit nog niet vastgesteld",
        ),
    };
    Some(Next {
        termijn: "AVG-TERMIJN-01",
        omschrijving: omschrijving.into(),
        bron: avg_verzoek::AVG_TERMIJN_01.source,
        end,
        regime: Regime::Eu1182,
        hours: false,
    })
}

fn bezwaar_next(c: &crate::model::Bezwaar, today: NaiveDate) -> Option<Next> {
    use crate::rules::bezwaar;
    if c.ontvangen_op.value > today || bezwaar::closed_on(c).is_some_and(|d| d <= today) {
        return None;
    }
    Some(Next {
        termijn: "BEZWAAR-05",
        omschrijving: "beslissing op bezwaar".into(),
        bron: bezwaar::BEZWAAR_05.source,
        end: bezwaar::beslistermijn_einde(c),
        regime: Regime::Atw,
        hours: false,
    })
}

fn wpg_next(c: &crate::model::WpgVerzoek, today: NaiveDate) -> Option<Next> {
    use crate::rules::wpg;
    let closed = c.besluit.as_ref().is_some_and(|b| b.datum.value <= today);
    if c.ontvangen_op.value > today || closed {
        return None;
    }
    Some(Next {
        termijn: if c.verzoek.value == crate::model::WpgSoort::Inzage {
            "WPG-01"
        } else {
            "WPG-02"
        },
        omschrijving: "besluit op Wpg-verzoek".into(),
        bron: wpg::WPG_TERMIJN.source,
        end: wpg::wpg_einde(c),
        regime: Regime::Atw,
        hours: false,
    })
}

fn raadpleging_next(c: &crate::model::Raadpleging, today: NaiveDate) -> Option<Next> {
    use crate::rules::wpg;
    if c.eindbrief_op.as_ref().is_some_and(|d| d.value <= today) {
        return None;
    }
    // The AP's term: informational; it is never our deadline to miss.
    Some(Next {
        termijn: match c.regime.value {
            crate::model::RaadplegingRegime::Avg => "RAADPL-01",
            crate::model::RaadplegingRegime::Wpg => "RAADPL-02",
        },
        omschrijving: "advies van de AP uiterlijk (informatief)".into(),
        bron: wpg::RAADPL_01.source,
        end: wpg::advies_uiterlijk(c)?,
        regime: Regime::Atw,
        hours: false,
    })
}

fn notificatie_next(
    c: &crate::model::Notificatie,
    today: NaiveDate,
    termijnen: &Termijnen,
) -> Option<Next> {
    use crate::rules::notificatie;
    let sent = c
        .verzonden
        .notificatiebrief
        .as_ref()
        .is_some_and(|d| d.value <= today);
    if c.aanmelding_op.value > today || sent {
        return None;
    }
    if notificatie::uitgesteld(c, today) {
        // Postponed on an exception: the next date is the re-check.
        let from = c
            .uitzonderingen
            .iter()
            .filter_map(|u| u.getoetst_op.as_ref().map(|d| d.value))
            .max()
            .unwrap_or(c.aanmelding_op.value);
        return Some(Next {
            termijn: "HERCONTROLE-01",
            omschrijving: "hertoetsing uitzondering (informatieplicht uitgesteld)".into(),
            bron: notificatie::HERCONTROLE_01.source,
            end: crate::terms::end_date_configured("hercontrole", from, termijnen),
            regime: Regime::Intern,
            hours: false,
        });
    }
    Some(Next {
        termijn: "AVG14-TERMIJN-01",
        omschrijving: "informeren volgens art. 14 AVG".into(),
        bron: notificatie::AVG14_TERMIJN_01.source,
        end: notificatie::termijn_einde(c),
        regime: Regime::Eu1182,
        hours: false,
    })
}

/// A breach whose AP notification is due and not yet made: the 72 hours,
/// shown by their last day (the report counts days).
fn datalek_next(c: &crate::model::Datalek, today: NaiveDate) -> Option<Next> {
    use crate::rules::datalek;
    if !datalek::melden(c) || datalek::gemeld(c).is_some() {
        return None;
    }
    if datalek::ontdekt(c)?.date_naive() > today {
        return None;
    }
    let deadline = datalek::ap_deadline(c)?;
    Some(Next {
        termijn: "DATALEK-01",
        omschrijving: format!(
            "melding aan de AP uiterlijk {}",
            crate::terms::show_datetime(deadline)
        ),
        bron: datalek::DATALEK_01.source,
        end: deadline.date_naive(),
        regime: Regime::Eu1182,
        hours: true,
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
