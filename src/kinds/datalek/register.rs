//! The datalekregister (art. 33 lid 5 AVG): every breach case, as a PDF for
//! reading and a CSV for spreadsheets.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::facts;
use super::letters::{facts_json, maatregelen_json};
use super::model::Datalek;
use crate::kinds::Register;
use crate::model::Config;

/// The registers over `breaches` (every breach case that loaded), dated
/// `date`: one PDF per month of discovery (`datalekregister-2026-03`), and
/// one CSV over all months and years, for a spreadsheet that filters any
/// period the AP asks for. Nothing when there are none.
///
/// Per month, not per year: typst holds a whole document in memory while it
/// typesets it, about 1 MB per page of this register, and an organisation
/// that registers hundreds of breaches a year would make a register of a
/// year hundreds of pages long (issue 13). A month keeps each register, and
/// the memory of a run, small.
pub fn registers(breaches: &[&Datalek], config: &Config, date: NaiveDate) -> Vec<Register> {
    if breaches.is_empty() {
        return Vec::new();
    }
    let mut breaches = breaches.to_vec();
    // The register's order: by the day each breach was discovered, then by
    // kenmerk.
    breaches.sort_by_cached_key(|c| (facts::ontdekt_datum(c), c.kenmerk.value.clone()));
    let rows: Vec<serde_json::Value> = breaches
        .iter()
        .map(|c| {
            let mut row = facts_json(config, c);
            row["maatregelen"] = maatregelen_json(c, date);
            row
        })
        .collect();
    // A breach whose moment of discovery is unreadable (an error of its own
    // case) is kept in the register of the run's month, so none goes missing.
    let month = |c: &Datalek| {
        let d = facts::ontdekt_datum(c).unwrap_or(date);
        (d.year(), d.month())
    };
    let mut by_month: BTreeMap<(i32, u32), Vec<serde_json::Value>> = BTreeMap::new();
    for (c, row) in breaches.iter().zip(&rows) {
        by_month.entry(month(c)).or_default().push(row.clone());
    }
    let mut out: Vec<Register> = by_month
        .into_iter()
        .map(|((jaar, maand), rows)| {
            let maand_naam = crate::calendar::month_name(maand);
            Register {
                name: format!("datalekregister-{jaar}-{maand:02}"),
                template: "datalekregister",
                datum: date,
                context: json!({
                    "jaar": jaar,
                    "maand": maand,
                    "maand_naam": maand_naam,
                    "periode": format!("{maand_naam} {jaar}"),
                    "datalekken": rows,
                }),
                files: Vec::new(),
            }
        })
        .collect();
    // The CSV is built from strings alone; writing into memory cannot fail
    // but for a bug, which then leaves the PDFs without their CSV.
    if let (Ok(bytes), Some(last)) = (register_csv(&breaches, &rows), out.last_mut()) {
        last.files.push(("datalekregister.csv".to_string(), bytes));
    }
    out
}

/// The datalekregister as CSV (UTF-8, `;`-separated as Dutch spreadsheet
/// software expects), one row per breach of `breaches`, whose register rows
/// are `rows`. The last column, `ontdekt_datum` (`JJJJ-MM-DD`), is the day
/// of discovery in a form a spreadsheet sorts and filters, for the register
/// of a period.
fn register_csv(breaches: &[&Datalek], rows: &[serde_json::Value]) -> Result<Vec<u8>, csv::Error> {
    let text = |v: &serde_json::Value| -> String {
        match v {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(a) => a
                .iter()
                .map(|x| match x {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        }
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    w.write_record([
        "kenmerk",
        "ontdekt_op",
        "periode",
        "soort",
        "omschrijving",
        "betrokkenen",
        "aantal_betrokkenen",
        "gegevens",
        "aantal_gegevens",
        "gevolgen",
        "risico",
        "risico_toelichting",
        "melding_ap",
        "gemeld_op",
        "meldnummer",
        "reden_vertraging",
        "betrokkenen_geinformeerd_op",
        "uitzondering_betrokkenen",
        "maatregelen_genomen",
        "maatregelen_voorgenomen",
        "deelnemers",
        "ontdekt_datum",
    ])?;
    for (c, r) in breaches.iter().zip(rows) {
        let m = &r["melding"];
        let i = &r["informeren"];
        let maatregelen = |group: &str| {
            r["maatregelen"][group]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| format!("{} ({})", text(&x["wat"]), text(&x["op"])))
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default()
        };
        let cells = [
            text(&r["kenmerk"]),
            text(&r["ontdekt_op"]),
            text(&r["periode"]),
            text(&r["soort_kort"]),
            text(&r["omschrijving"]),
            text(&r["betrokkenen"]["categorieen"]),
            text(&r["betrokkenen"]["aantal"]),
            text(&r["gegevens"]["categorieen"]),
            text(&r["gegevens"]["aantal"]),
            text(&r["gevolgen"]),
            text(&r["risico"]),
            text(&r["risico_toelichting"]),
            text(&m["fase"]),
            text(&m["gemeld_op"]),
            text(&m["meldnummer"]),
            text(&m["reden_vertraging"]),
            text(&i["geinformeerd_op"]),
            text(&i["uitzondering"]),
            maatregelen("genomen"),
            maatregelen("voorgenomen"),
            text(&r["deelnemers"]),
            facts::ontdekt_datum(c).map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
        ];
        w.write_record(cells.iter().map(|c| neutralise(c).into_owned()))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// A cell a spreadsheet cannot read as a formula (OWASP, "CSV Injection"):
/// a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets
/// a leading single quote, so Excel and LibreOffice show it as text.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}
