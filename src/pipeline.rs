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
/// notificatiebrief, HTML for the website).
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
    if config.verwerking.is_none() {
        return;
    }
    let onderwerp = "Privacyverklaring";
    let (merged, md) = match merger.merge_org(
        templates,
        config,
        "privacyverklaring",
        onderwerp,
        opts.letter_date,
    ) {
        Ok(m) => m,
        Err(d) => {
            report.push(d);
            return;
        }
    };
    match typesetter.pdf(&merged, opts.letter_date, "privacyverklaring", &ws.sources) {
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
