//! The deadline report: every open case with its next deadline, how many
//! days and working days are left, and a status. One list of [`Entry`]s,
//! rendered as a terminal table, JSON or Markdown (CI summaries). The
//! iCalendar export (`ics`) replays each case's deadlines from its file.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{Status, format_date, status, working_days_between};
use crate::kinds::Case;
use crate::load::Workspace;
use crate::terms::Due;

mod ics;
pub use ics::{ALARM_UREN, ics, warning_day};

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
    let mut out: Vec<Entry> = ws
        .cases
        .iter()
        .filter_map(|cf| {
            let due = cf.case.next_deadline(today, &termijnen)?;
            Some(entry(
                cf.case.as_ref(),
                &cf.name,
                due,
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

/// A report line from a case's next deadline: the rule id, the source and
/// the regime come from the term.
fn entry(case: &dyn Case, file: &str, due: Due, today: NaiveDate, warn: u32) -> Entry {
    let end = due.end;
    let regime = due.term.regime();
    let hours = due.term.in_hours();
    let (status, werkdagen) = if hours && today <= end {
        // Hours run through weekends: any deadline within the term is near.
        (
            Status::Binnenkort,
            working_days_between(today, end, regime) as i64,
        )
    } else {
        status(today, end, regime, warn)
    };
    Entry {
        kenmerk: case.kenmerk().value.clone(),
        soort: case.kind().soort(),
        bestand: file.to_string(),
        termijn: due.term.rule.id,
        omschrijving: due.omschrijving,
        bron: due.term.source(),
        uiterlijk: end,
        dagen: (end - today).num_days(),
        werkdagen,
        status,
        status_tekst: match due.open_tekst {
            Some(t) if status != Status::Verlopen => t.to_string(),
            _ => status.describe(werkdagen),
        },
    }
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
