//! The pipeline as a whole: load → rules → merge → typeset → write.
//!
//! `validate` runs the first two stages; `render` all five. Both keep going
//! past a bad case and report every problem; the caller turns the outcome
//! into an exit code.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Report, Sources};
use crate::load::{self, Workspace};
use crate::merge::{self, Merger};
use crate::rules::{self, Checked};
use crate::templates::TemplateSet;
use crate::typeset::Typesetter;
use crate::write::write_atomic;
use serde_json::json;

/// Settings of a run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The case repository (holds `avgdoc.yaml`, `cases/`, `templates/`).
    pub root: PathBuf,
    /// Where letters go.
    pub output: PathBuf,
    /// Reference date for deadline rules.
    pub today: NaiveDate,
    /// Date of letters whose sending date the case does not record.
    pub letter_date: NaiveDate,
}

/// What a run found and did.
pub struct Outcome {
    pub sources: Sources,
    /// All diagnostics, in file order.
    pub report: Report,
    pub cases: usize,
    /// Cases not rendered because of errors.
    pub cases_failed: usize,
    pub written: Vec<PathBuf>,
}

impl Outcome {
    pub fn failed(&self) -> bool {
        self.report.has_errors()
    }
}

/// Load and check every case.
pub fn validate(opts: &RunOptions) -> Outcome {
    let ws = load::load(&opts.root);
    let checked = rules::check(&ws, opts.today);
    let (report, failed) = collect(&ws, &checked);
    Outcome {
        cases: ws.case_files,
        cases_failed: failed,
        report,
        sources: ws.sources,
        written: Vec::new(),
    }
}

fn collect(ws: &Workspace, checked: &Checked) -> (Report, usize) {
    let mut report = ws.report.clone();
    report.extend(checked.config.diagnostics.iter().cloned());
    let mut failed = ws.report.errors(); // files that did not parse
    for r in &checked.cases {
        if r.has_errors() {
            failed += 1;
        }
        report.extend(r.diagnostics.iter().cloned());
    }
    (report, failed)
}

/// Validate, then list the documents every valid case would yield, as
/// `kenmerk/document`, without rendering anything.
pub fn plan(opts: &RunOptions) -> (Outcome, Vec<String>) {
    let ws = load::load(&opts.root);
    let checked = rules::check(&ws, opts.today);
    let (report, failed) = collect(&ws, &checked);
    let mut planned = Vec::new();
    if let Some(config) = &ws.config
        && !checked.config.has_errors()
    {
        for (i, cf) in ws.cases.iter().enumerate() {
            if checked.cases[i].has_errors() {
                continue;
            }
            for doc in merge::documents(&cf.case, config, opts.letter_date) {
                planned.push(format!("{}/{}", cf.case.kenmerk().value, doc.name));
            }
        }
        if config.verwerking.is_some() {
            planned.push("privacyverklaring".to_string());
        }
        if ws
            .cases
            .iter()
            .any(|cf| matches!(cf.case, crate::model::Case::Datalek(_)))
        {
            planned.push("datalekregister".to_string());
        }
    }
    (outcome(ws, report, failed, Vec::new()), planned)
}

/// Validate, then render every valid case to `output/<kenmerk>/<document>.pdf`.
pub fn render(opts: &RunOptions) -> Outcome {
    let mut ws = load::load(&opts.root);
    let checked = rules::check(&ws, opts.today);
    let (mut report, mut failed) = collect(&ws, &checked);
    let mut written = Vec::new();

    let Some(config) = ws.config.clone() else {
        return outcome(ws, report, failed, written);
    };
    if checked.config.has_errors() {
        report.push(Diagnostic::error(
            "CONFIG-01",
            "avgdoc.yaml bevat fouten: er worden geen brieven gemaakt",
        ));
        failed = ws.cases.len();
        return outcome(ws, report, failed, written);
    }
    let templates = match TemplateSet::load(&opts.root) {
        Ok(t) => t,
        Err(d) => {
            report.push(d);
            let n = ws.cases.len();
            return outcome(ws, report, n, written);
        }
    };
    let merger = match Merger::new(&templates) {
        Ok(m) => m,
        Err(ds) => {
            report.extend(ds);
            let n = ws.cases.len();
            return outcome(ws, report, n, written);
        }
    };
    let typesetter = match Typesetter::new(&templates, &mut ws.sources) {
        Ok(t) => t,
        Err(d) => {
            report.push(d);
            let n = ws.cases.len();
            return outcome(ws, report, n, written);
        }
    };
    if let Some(logo) = &config.logo
        && templates
            .get(logo.bestand.trim_start_matches('/'))
            .is_none()
    {
        let mut d = Diagnostic::error(
            "CONFIG-03",
            format!("logo `{}` staat niet in templates/", logo.bestand.value),
        );
        if let Some(f) = ws.config_file {
            d = d.at(f, logo.bestand.span.clone());
        }
        report.push(d);
        let n = ws.cases.len();
        return outcome(ws, report, n, written);
    }

    for (i, cf) in ws.cases.iter().enumerate() {
        if checked.cases[i].has_errors() {
            continue;
        }
        let kenmerk = cf.case.kenmerk().value.clone();
        let mut case_failed = false;
        for doc in merge::documents(&cf.case, &config, opts.letter_date) {
            let rel = Path::new(&kenmerk).join(format!("{}.pdf", doc.name));
            let merged = match merger.merge(&templates, &config, &cf.case, &doc) {
                Ok(m) => m,
                Err(d) => {
                    report.push(d.in_file(cf.file));
                    case_failed = true;
                    continue;
                }
            };
            let ident = format!("{kenmerk}/{}", doc.name);
            match typesetter.pdf(&merged, doc.datum, &ident, &ws.sources) {
                Ok(pdf) => match write_atomic(&opts.output, &rel, &pdf) {
                    Ok(path) => written.push(path),
                    Err(e) => {
                        report.push(Diagnostic::error(
                            "WRITE-01",
                            format!("kan {} niet schrijven: {e}", rel.display()),
                        ));
                        case_failed = true;
                    }
                },
                Err(e) => {
                    for mut d in e.diagnostics {
                        d.message = format!("{ident}: {}", d.message);
                        if d.is_error() {
                            case_failed = true;
                        }
                        report.push(d);
                    }
                }
            }
        }
        if case_failed {
            failed += 1;
        }
    }
    render_org(
        opts,
        &config,
        &templates,
        &merger,
        &typesetter,
        &ws,
        &mut report,
        &mut written,
    );
    outcome(ws, report, failed, written)
}

/// The organisation-wide documents: the privacyverklaring (PDF for the
/// notificatiebrief, HTML for the website) and the datalekregister (PDF
/// and CSV, art. 33(5) AVG) over every breach case that loaded.
#[allow(clippy::too_many_arguments)]
fn render_org(
    opts: &RunOptions,
    config: &crate::model::Config,
    templates: &TemplateSet,
    merger: &Merger,
    typesetter: &Typesetter,
    ws: &Workspace,
    report: &mut Report,
    written: &mut Vec<PathBuf>,
) {
    if let Some(verwerking) = &config.verwerking {
        let datum = verwerking.vastgesteld_op.unwrap_or(opts.letter_date);
        let onderwerp = "Privacyverklaring";
        match merger.merge_org(
            templates,
            config,
            "privacyverklaring",
            onderwerp,
            datum,
            json!({}),
        ) {
            Ok((merged, md)) => {
                match typesetter.pdf(&merged, datum, "privacyverklaring", &ws.sources) {
                    Ok(pdf) => push_written(
                        opts,
                        Path::new("privacyverklaring.pdf"),
                        &pdf,
                        report,
                        written,
                    ),
                    Err(e) => report.extend(e.diagnostics),
                }
                let css = templates.text("privacyverklaring.css").unwrap_or("");
                let versie = format!(
                    "{} · versie van {}",
                    config.organisatie.naam, merged.letter.datum
                );
                let html = crate::site::page(onderwerp, &versie, &md, css);
                push_written(
                    opts,
                    Path::new("privacyverklaring.html"),
                    html.as_bytes(),
                    report,
                    written,
                );
            }
            Err(d) => report.push(d),
        }
    }

    let mut breaches: Vec<&crate::model::Datalek> = ws
        .cases
        .iter()
        .filter_map(|cf| match &cf.case {
            crate::model::Case::Datalek(c) => Some(c),
            _ => None,
        })
        .collect();
    if breaches.is_empty() {
        return;
    }
    breaches.sort_by_key(|c| {
        (
            crate::rules::datalek::ontdekt_datum(c),
            c.kenmerk.value.clone(),
        )
    });
    let rows: Vec<serde_json::Value> = breaches
        .iter()
        .map(|c| merge::datalek::facts_json(config, c))
        .collect();
    let onderwerp = "Datalekregister";
    match merger.merge_org(
        templates,
        config,
        "datalekregister",
        onderwerp,
        opts.letter_date,
        json!({ "datalekken": rows }),
    ) {
        Ok((merged, _)) => {
            match typesetter.pdf(&merged, opts.letter_date, "datalekregister", &ws.sources) {
                Ok(pdf) => push_written(
                    opts,
                    Path::new("datalekregister.pdf"),
                    &pdf,
                    report,
                    written,
                ),
                Err(e) => report.extend(e.diagnostics),
            }
        }
        Err(d) => report.push(d),
    }
    match register_csv(&rows) {
        Ok(csv) => push_written(
            opts,
            Path::new("datalekregister.csv"),
            &csv,
            report,
            written,
        ),
        Err(e) => report.push(Diagnostic::error(
            "WRITE-01",
            format!("kan het datalekregister niet als CSV maken: {e}"),
        )),
    }
}

/// The datalekregister as CSV (UTF-8, `;`-separated as Dutch spreadsheet
/// software expects), one row per breach.
fn register_csv(rows: &[serde_json::Value]) -> Result<Vec<u8>, csv::Error> {
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
        "maatregelen",
        "deelnemers",
    ])?;
    for r in rows {
        let m = &r["melding"];
        let i = &r["informeren"];
        let maatregelen = r["maatregelen"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| format!("{} ({})", text(&x["wat"]), text(&x["op"])))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        w.write_record([
            text(&r["kenmerk"]),
            text(&r["ontdekt_op"]),
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
            maatregelen,
            text(&r["deelnemers"]),
        ])?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

fn push_written(
    opts: &RunOptions,
    rel: &Path,
    bytes: &[u8],
    report: &mut Report,
    written: &mut Vec<PathBuf>,
) {
    match write_atomic(&opts.output, rel, bytes) {
        Ok(path) => written.push(path),
        Err(e) => report.push(Diagnostic::error(
            "WRITE-01",
            format!("kan {} niet schrijven: {e}", rel.display()),
        )),
    }
}

fn outcome(ws: Workspace, report: Report, failed: usize, written: Vec<PathBuf>) -> Outcome {
    Outcome {
        cases: ws.case_files,
        cases_failed: failed,
        report,
        sources: ws.sources,
        written,
    }
}
