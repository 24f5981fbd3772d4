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
    /// Number of render threads (at least 1).
    pub jobs: usize,
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
        if !breaches(&ws).is_empty() {
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

    // One job per document, in a fixed order; results are put back in that
    // order, so the report is the same whatever the number of threads.
    let mut jobs = Vec::new();
    for (i, cf) in ws.cases.iter().enumerate() {
        if checked.cases[i].has_errors() {
            continue;
        }
        for doc in merge::documents(&cf.case, &config, opts.letter_date) {
            jobs.push((i, doc));
        }
    }
    let shared = Shared {
        opts,
        ws: &ws,
        config: &config,
        templates: &templates,
        merger: &merger,
        typesetter: &typesetter,
    };
    let results = run_jobs(&jobs, opts.jobs, |(i, doc)| shared.render_doc(*i, doc));
    let mut case_failed = vec![false; ws.cases.len()];
    for ((i, _), result) in jobs.iter().zip(results) {
        match result {
            Ok(path) => written.push(path),
            Err(diags) => {
                for d in diags {
                    if d.is_error() {
                        case_failed[*i] = true;
                    }
                    report.push(d);
                }
            }
        }
    }
    failed += case_failed.iter().filter(|f| **f).count();
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

/// What every render job reads; all of it is shared, nothing is mutated.
struct Shared<'a> {
    opts: &'a RunOptions,
    ws: &'a Workspace,
    config: &'a crate::model::Config,
    templates: &'a TemplateSet,
    merger: &'a Merger,
    typesetter: &'a Typesetter,
}

impl Shared<'_> {
    /// Merge, typeset and write one document of case `i`.
    fn render_doc(&self, i: usize, doc: &merge::Document) -> Result<PathBuf, Vec<Diagnostic>> {
        let cf = &self.ws.cases[i];
        let kenmerk = &cf.case.kenmerk().value;
        let rel = Path::new(kenmerk).join(format!("{}.pdf", doc.name));
        let merged = self
            .merger
            .merge(self.templates, self.config, &cf.case, doc)
            .map_err(|d| vec![d.in_file(cf.file)])?;
        let ident = format!("{kenmerk}/{}", doc.name);
        let pdf = self
            .typesetter
            .pdf(&merged, doc.datum, &ident, &self.ws.sources)
            .map_err(|e| {
                e.diagnostics
                    .into_iter()
                    .map(|mut d| {
                        d.message = format!("{ident}: {}", d.message);
                        d
                    })
                    .collect::<Vec<_>>()
            })?;
        write_atomic(&self.opts.output, &rel, &pdf).map_err(|e| {
            vec![Diagnostic::error(
                "WRITE-01",
                format!("kan {} niet schrijven: {e}", rel.display()),
            )]
        })
    }
}

/// Run `work` on every job with `threads` OS threads that pull jobs from a
/// shared counter, and return the results in job order.
///
/// Not rayon tasks: typst itself uses rayon inside a compile, and a worker
/// could then steal a whole letter onto its own stack (typst-batch.md §1).
/// Each thread gets an 8 MiB stack, as typst-cli's own threads do.
pub fn run_jobs<J: Sync, R: Send>(
    jobs: &[J],
    threads: usize,
    work: impl Fn(&J) -> R + Sync,
) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = threads.clamp(1, jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            std::thread::Builder::new()
                .name("avgdoc-render".into())
                .stack_size(8 << 20)
                .spawn_scoped(scope, || {
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(k) else { break };
                        let r = work(job);
                        results.lock().expect("no panic while holding the lock")[k] = Some(r);
                    }
                })
                .expect("spawn a render thread");
        }
    });
    results
        .into_inner()
        .expect("threads joined")
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect()
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

    let breaches = breaches(ws);
    if breaches.is_empty() {
        return;
    }
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

/// Every breach case that loaded, in the register's order: by the day
/// it was discovered, then by kenmerk.
fn breaches(ws: &Workspace) -> Vec<&crate::model::Datalek> {
    let mut v: Vec<&crate::model::Datalek> = ws
        .cases
        .iter()
        .filter_map(|cf| match &cf.case {
            crate::model::Case::Datalek(c) => Some(c),
            _ => None,
        })
        .collect();
    v.sort_by_key(|c| {
        (
            crate::rules::datalek::ontdekt_datum(c),
            c.kenmerk.value.clone(),
        )
    });
    v
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
