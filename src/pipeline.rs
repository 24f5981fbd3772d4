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
use crate::rules::system::{CONFIG_01, CONFIG_03, TEMPLATE_06, WRITE_01};
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
    /// How file names start in diagnostics: the repository as seen from
    /// where avgdoc was started (`sub/` for `--root sub`; empty for `.`).
    pub base: String,
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

/// What fails a run (exit code 1), besides the errors that always do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum FailOn {
    /// Only errors that stop a letter; a passed deadline is reported but
    /// does not fail the run (the default).
    #[default]
    Fouten,
    /// Also a passed open deadline (`--fail-on verlopen`).
    Verlopen,
    /// Also any warning, e.g. a deadline within `waarschuwing_werkdagen`
    /// (`--fail-on waarschuwing`).
    Waarschuwing,
}

impl Outcome {
    /// Whether the run fails under `policy`.
    pub fn failed(&self, policy: FailOn) -> bool {
        let r = &self.report;
        r.has_blocking_errors()
            || (policy >= FailOn::Verlopen && r.verlopen() > 0)
            || (policy >= FailOn::Waarschuwing && r.warnings() > 0)
    }
}

/// Load and check every case, then merge and typeset every document of every
/// valid case exactly as [`render`] would (templates, house style, logo and
/// overrides included), without writing anything: whatever would stop a
/// letter stops validation.
pub fn validate(opts: &RunOptions) -> Outcome {
    run(opts, false)
}

fn collect(ws: &Workspace, checked: &Checked) -> (Report, usize) {
    let mut report = ws.report.clone();
    report.extend(checked.config.diagnostics.iter().cloned());
    // Case files found but not loaded (unreadable, too large, not parsed),
    // counted once each however many diagnostics they have.
    let mut failed = ws.case_files.saturating_sub(ws.cases.len());
    for r in &checked.cases {
        if r.has_blocking_errors() {
            failed += 1;
        }
        report.extend(r.diagnostics.iter().cloned());
    }
    (report, failed)
}

/// Validate, then list the documents every valid case would yield, as
/// `kenmerk/document`, without rendering anything.
pub fn plan(opts: &RunOptions) -> (Outcome, Vec<String>) {
    let ws = load::load_named(&opts.root, &opts.base);
    let checked = rules::check(&ws, opts.today);
    let (report, failed) = collect(&ws, &checked);
    let mut planned = Vec::new();
    if let Some(config) = &ws.config
        && !checked.config.has_errors()
    {
        for (i, cf) in ws.cases.iter().enumerate() {
            if checked.cases[i].has_blocking_errors() {
                continue;
            }
            for doc in cf.case.documents(config, opts.letter_date) {
                planned.push(format!("{}/{}", cf.case.kenmerk().value, doc.name));
            }
        }
        if config.verwerking.is_some() {
            planned.push("privacyverklaring".to_string());
        }
        for r in registers(&ws, config, opts.letter_date) {
            planned.push(r.name.to_string());
        }
    }
    (outcome(ws, report, failed, Vec::new()), planned)
}

/// Validate, then render every valid case to `output/<kenmerk>/<document>.pdf`.
pub fn render(opts: &RunOptions) -> Outcome {
    run(opts, true)
}

/// The stages in order; `write` false typesets everything but writes nothing.
fn run(opts: &RunOptions, write: bool) -> Outcome {
    let mut ws = load::load_named(&opts.root, &opts.base);
    let checked = rules::check(&ws, opts.today);
    let (mut report, mut failed) = collect(&ws, &checked);
    let mut written = Vec::new();

    let Some(config) = ws.config.clone() else {
        return outcome(ws, report, failed, written);
    };
    if checked.config.has_errors() {
        if write {
            report.push(Diagnostic::new(
                &CONFIG_01,
                "avgdoc.yaml bevat fouten: er worden geen brieven gemaakt",
            ));
        }
        failed = ws.case_files;
        return outcome(ws, report, failed, written);
    }
    let templates = match TemplateSet::load(&opts.root) {
        Ok(t) => t,
        Err(d) => {
            report.push(d);
            let n = ws.case_files;
            return outcome(ws, report, n, written);
        }
    };
    report.extend(unknown_overrides(&templates, &mut ws.sources));
    let merger = match Merger::new(&templates, &mut ws.sources) {
        Ok(m) => m,
        Err(ds) => {
            report.extend(ds);
            let n = ws.case_files;
            return outcome(ws, report, n, written);
        }
    };
    let typesetter = match Typesetter::new(&templates, &mut ws.sources) {
        Ok(t) => t,
        Err(d) => {
            report.push(d);
            let n = ws.case_files;
            return outcome(ws, report, n, written);
        }
    };
    if let Some(logo) = &config.logo
        && templates
            .get(logo.bestand.trim_start_matches('/'))
            .is_none()
    {
        let mut d = Diagnostic::new(
            &CONFIG_03,
            format!("logo `{}` staat niet in templates/", logo.bestand.value),
        );
        if let Some(f) = ws.config_file {
            d = d.at(f, logo.bestand.span.clone());
        }
        report.push(d);
        let n = ws.case_files;
        return outcome(ws, report, n, written);
    }

    // The output folder: no symbolic link, 0700, locked for this run, and
    // rid of the temporary files a killed run left.
    let _lock = match write.then(|| crate::write::prepare(&opts.output)) {
        None => None,
        Some(Ok(lock)) => Some(lock),
        Some(Err(e)) => {
            report.push(Diagnostic::new(
                &crate::rules::system::WRITE_02,
                format!(
                    "kan de uitvoermap niet gebruiken: {}",
                    crate::write::reason(&e)
                ),
            ));
            let n = ws.case_files;
            return outcome(ws, report, n, written);
        }
    };

    // One job per document, in a fixed order; results are put back in that
    // order, so the report is the same whatever the number of threads.
    let mut jobs = Vec::new();
    for (i, cf) in ws.cases.iter().enumerate() {
        if checked.cases[i].has_blocking_errors() {
            continue;
        }
        for doc in cf.case.documents(&config, opts.letter_date) {
            jobs.push((i, doc));
        }
    }
    let shared = Shared {
        opts,
        write,
        ws: &ws,
        config: &config,
        templates: &templates,
        merger: &merger,
        typesetter: &typesetter,
    };
    let results = run_jobs(&jobs, opts.jobs, |(i, doc)| shared.render_doc(*i, doc));
    let mut case_failed = vec![false; ws.cases.len()];
    for ((i, _), (path, diags)) in jobs.iter().zip(results) {
        written.extend(path);
        for d in diags {
            if d.is_blocking() {
                case_failed[*i] = true;
            }
            report.push(d);
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
        write.then_some(&mut written),
    );
    outcome(ws, report, failed, written)
}

/// What every render job reads; all of it is shared, nothing is mutated.
struct Shared<'a> {
    opts: &'a RunOptions,
    /// Write the PDFs (render), or only typeset them (validate).
    write: bool,
    ws: &'a Workspace,
    config: &'a crate::model::Config,
    templates: &'a TemplateSet,
    merger: &'a Merger,
    typesetter: &'a Typesetter,
}

impl Shared<'_> {
    /// Merge, typeset and write one document of case `i`: the file written,
    /// if any, and the diagnostics (errors, or typst's warnings).
    fn render_doc(&self, i: usize, doc: &merge::Document) -> (Option<PathBuf>, Vec<Diagnostic>) {
        match self.try_render_doc(i, doc) {
            Ok((path, warnings)) => (path, warnings),
            Err(diags) => (None, diags),
        }
    }

    fn try_render_doc(
        &self,
        i: usize,
        doc: &merge::Document,
    ) -> Result<(Option<PathBuf>, Vec<Diagnostic>), Vec<Diagnostic>> {
        let cf = &self.ws.cases[i];
        let kenmerk = &cf.case.kenmerk().value;
        let rel = Path::new(kenmerk).join(format!("{}.pdf", doc.name));
        let merged = self
            .merger
            .merge(self.templates, self.config, cf.case.as_ref(), doc)
            .map_err(|d| {
                // A template error points into the template; name the case.
                vec![match d.file {
                    None => d.in_file(cf.file),
                    Some(_) => d.with_note(format!("bij zaak {}", cf.name)),
                }]
            })?;
        let ident = format!("{kenmerk}/{}", doc.name);
        let named = |ds: Vec<Diagnostic>| -> Vec<Diagnostic> {
            ds.into_iter()
                .map(|mut d| {
                    d.message = format!("{ident}: {}", d.message);
                    if let Some(m) = &d.message_mens {
                        d.message_mens = Some(format!("{ident}: {m}"));
                    }
                    d
                })
                .collect()
        };
        let typeset = self
            .typesetter
            .pdf(&merged, doc.datum, &ident, &self.ws.sources)
            .map_err(|e| named(e.diagnostics))?;
        if !self.write {
            return Ok((None, named(typeset.warnings)));
        }
        let path = write_atomic(&self.opts.output, &rel, &typeset.pdf).map_err(|e| {
            vec![Diagnostic::new(
                &crate::rules::system::WRITE_01,
                format!(
                    "kan {} niet schrijven: {}",
                    rel.display(),
                    crate::write::reason(&e)
                ),
            )]
        })?;
        Ok((Some(path), named(typeset.warnings)))
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
/// letters that carry it as annex, HTML for the website) and each kind's
/// registers (PDF plus their further files) over every case of that kind that
/// loaded.
#[allow(clippy::too_many_arguments)]
fn render_org(
    opts: &RunOptions,
    config: &crate::model::Config,
    templates: &TemplateSet,
    merger: &Merger,
    typesetter: &Typesetter,
    ws: &Workspace,
    report: &mut Report,
    mut written: Option<&mut Vec<PathBuf>>,
) {
    if let Some(verwerking) = &config.verwerking {
        let datum = verwerking.vastgesteld_op.unwrap_or(opts.letter_date);
        match merger.merge_org(templates, config, "privacyverklaring", datum, json!({})) {
            Ok(merged) => {
                match typesetter.pdf(&merged, datum, "privacyverklaring", &ws.sources) {
                    Ok(t) => {
                        report.extend(t.warnings);
                        push_written(
                            opts,
                            Path::new("privacyverklaring.pdf"),
                            &t.pdf,
                            report,
                            written.as_deref_mut(),
                        )
                    }
                    Err(e) => report.extend(e.diagnostics),
                }
                let css = templates.text("privacyverklaring.css").unwrap_or("");
                let versie = format!(
                    "{} · versie van {}",
                    config.organisatie.naam, merged.letter.datum
                );
                let html = crate::site::page(&merged.letter.titel, &versie, &merged.markdown, css);
                push_written(
                    opts,
                    Path::new("privacyverklaring.html"),
                    html.as_bytes(),
                    report,
                    written.as_deref_mut(),
                );
            }
            Err(d) => report.push(d),
        }
    }

    for register in registers(ws, config, opts.letter_date) {
        match merger.merge_org(
            templates,
            config,
            register.template,
            register.datum,
            register.context.clone(),
        ) {
            Ok(merged) => {
                match typesetter.pdf(&merged, register.datum, &register.name, &ws.sources) {
                    Ok(t) => {
                        report.extend(t.warnings);
                        let rel = PathBuf::from(format!("{}.pdf", register.name));
                        push_written(opts, &rel, &t.pdf, report, written.as_deref_mut())
                    }
                    Err(e) => report.extend(e.diagnostics),
                }
            }
            Err(d) => report.push(d),
        }
        for (name, bytes) in &register.files {
            push_written(opts, Path::new(name), bytes, report, written.as_deref_mut());
        }
    }
}

/// The registers every kind makes over its loaded cases.
fn registers(
    ws: &Workspace,
    config: &crate::model::Config,
    date: NaiveDate,
) -> Vec<crate::kinds::Register> {
    let mut out = Vec::new();
    for kind in crate::kinds::KINDS {
        let cases: Vec<&dyn crate::kinds::Case> = ws
            .cases
            .iter()
            .filter(|cf| cf.case.kind().soort() == kind.soort())
            .map(|cf| cf.case.as_ref())
            .collect();
        out.extend(kind.registers(&cases, config, date));
    }
    out
}

/// Write one organisation-wide file; `written` is `None` when validating.
fn push_written(
    opts: &RunOptions,
    rel: &Path,
    bytes: &[u8],
    report: &mut Report,
    written: Option<&mut Vec<PathBuf>>,
) {
    let Some(written) = written else {
        return;
    };
    match write_atomic(&opts.output, rel, bytes) {
        Ok(path) => written.push(path),
        Err(e) => report.push(Diagnostic::new(
            &WRITE_01,
            format!(
                "kan {} niet schrijven: {}",
                rel.display(),
                crate::write::reason(&e)
            ),
        )),
    }
}

/// Files in templates/ the house style may read that are no templates.
const ASSETS: &[&str] = &[
    "svg", "png", "jpg", "jpeg", "gif", "webp", "pdf", "ttf", "otf", "woff", "woff2", "json",
    "csv", "txt", "bib",
];

/// A file in templates/ that replaces no built-in template and that no
/// template names is ignored by every letter: most likely a typo
/// (`brief.tpy`). A warning, with the closest built-in name. Files the house
/// style may read (images, a logo) are no templates and are left alone.
fn unknown_overrides(templates: &TemplateSet, sources: &mut Sources) -> Vec<Diagnostic> {
    let builtin: Vec<&str> = crate::templates::DEFAULTS.iter().map(|(n, _)| *n).collect();
    let mut out = Vec::new();
    for (name, t) in &templates.files {
        let crate::templates::Origin::Override(path) = &t.origin else {
            continue;
        };
        let ext = name.rsplit_once('.').map_or("", |(_, x)| x).to_lowercase();
        let asset = ASSETS.contains(&ext.as_str());
        if asset || builtin.contains(&name.as_str()) {
            continue;
        }
        // A new partial that another template includes or imports is used.
        let used = templates.files.iter().any(|(other, o)| {
            other != name && String::from_utf8_lossy(&o.bytes).contains(name.as_str())
        });
        if used {
            continue;
        }
        let display = templates.display_name(name);
        let file = sources.add_repo_file(
            &display,
            path,
            String::from_utf8_lossy(&t.bytes).into_owned(),
        );
        let mut d = Diagnostic::new(
            &TEMPLATE_06,
            format!("{display} vervangt geen ingebouwd sjabloon en wordt niet gebruikt"),
        )
        .in_file(file);
        if let Some(best) = crate::suggest::closest(name, builtin.iter().copied()) {
            d = d.with_note(format!("bedoelde u templates/{best}?"));
        }
        out.push(d);
    }
    out
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
