//! The pipeline as a whole: load → rules → merge → typeset → write.
//!
//! `validate` runs the first two stages; `render` all five. Both keep going
//! past a bad case and report every problem; the caller turns the outcome
//! into an exit code.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Report, Sources};
use crate::load::{self, Workspace};
use crate::manifest::{Entry, Inputs, Manifest, Unusable};
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
    /// Check only these case files or folders (relative to `root`, below
    /// `cases/`; `avgdoc validate BESTAND…`), with `avgdoc.yaml` and the
    /// templates they use, and no organisation-wide documents. `None`:
    /// everything.
    pub only: Option<Vec<PathBuf>>,
    /// Render every document, even those the manifest says are unchanged.
    pub force: bool,
    /// Remove documents no case yields any more (`render --prune`).
    pub prune: bool,
    /// Make only shard `k` of `n` (`--shard K/N`), 1-based.
    pub shard: Option<(u32, u32)>,
    /// Called once per document made in this run, with the number done
    /// and the number to make (the progress bar).
    pub on_document: Option<OnDocument>,
}

/// A callback `(done, total)`, from any render thread.
#[derive(Clone)]
pub struct OnDocument(pub std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>);

impl std::fmt::Debug for OnDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnDocument")
    }
}

impl RunOptions {
    /// A run over the repository at `root` with the defaults: letters in
    /// `root/output`, dated `today`, one thread, every document.
    pub fn new(root: impl Into<PathBuf>, today: NaiveDate) -> Self {
        let root = root.into();
        RunOptions {
            output: root.join("output"),
            root,
            today,
            letter_date: today,
            jobs: 1,
            base: String::new(),
            force: false,
            prune: false,
            shard: None,
            only: None,
            on_document: None,
        }
    }
}

/// What a run found and did.
pub struct Outcome {
    pub sources: Sources,
    /// All diagnostics, in file order.
    pub report: Report,
    pub cases: usize,
    /// Cases not rendered because of errors.
    pub cases_failed: usize,
    /// What was written, skipped and found stale.
    pub done: Done,
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
    /// A run that checked nothing (no case file among the named files).
    pub fn empty() -> Outcome {
        Outcome {
            sources: Sources::new(),
            report: Report::default(),
            cases: 0,
            cases_failed: 0,
            done: Done::default(),
        }
    }

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
    let ws = load::load_selected(&opts.root, &opts.base, opts.only.as_deref());
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
        if opts.only.is_none() {
            if config.verwerking.is_some() {
                planned.push("privacyverklaring".to_string());
            }
            for r in registers(&ws, config, opts.letter_date) {
                planned.push(r.name.to_string());
            }
        }
    }
    (outcome(ws, report, failed, Done::default()), planned)
}

/// Validate, then render every valid case to `output/<kenmerk>/<document>.pdf`.
pub fn render(opts: &RunOptions) -> Outcome {
    run(opts, true)
}

/// One document as [`texts`] found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocText {
    /// The hash of everything it is made from (as in the manifest).
    pub inputs: String,
    /// Its text, the same as its `.txt` rendition: `Some` when it was
    /// selected and typeset without errors.
    pub text: Option<String>,
}

/// What [`texts`] found.
pub struct Texts {
    /// The diagnostics of loading, the rules and the typeset documents.
    pub outcome: Outcome,
    /// Every document `render` would make (all shards), by id:
    /// `<kenmerk>/<document>`, or the name of an organisation-wide document.
    pub documents: std::collections::BTreeMap<String, DocText>,
    /// Kenmerken of cases with errors that stop their letters: which
    /// documents they would yield is unknown.
    pub failed: std::collections::BTreeSet<String>,
    /// Whether the documents could be listed at all (`avgdoc.yaml` and the
    /// templates are usable).
    pub complete: bool,
}

/// Every document a `render` with `opts` would make, with the hash of its
/// inputs; the ones `select(id, inputs)` picks are merged and typeset on
/// `opts.jobs` threads, exactly as `render` would, and their text kept.
/// Nothing is written (`avgdoc diff`); `opts.only` and `opts.shard` are
/// ignored.
pub fn texts(opts: &RunOptions, select: &dyn Fn(&str, &str) -> bool) -> Texts {
    use std::collections::BTreeMap;
    let opts = &RunOptions {
        only: None,
        shard: None,
        ..opts.clone()
    };
    let mut ws = load::load_selected(&opts.root, &opts.base, None);
    let checked = rules::check(&ws, opts.today);
    let (mut report, failed_count) = collect(&ws, &checked);
    let failed = ws
        .cases
        .iter()
        .zip(&checked.cases)
        .filter(|(_, r)| r.has_blocking_errors())
        .map(|(cf, _)| cf.case.kenmerk().value.clone())
        .collect();
    let setup = (|| {
        let config = ws.config.clone().filter(|_| !checked.config.has_errors())?;
        let templates = TemplateSet::load(&opts.root)
            .map_err(|d| report.push(d))
            .ok()?;
        let merger = Merger::new(&templates, &mut ws.sources)
            .map_err(|ds| report.extend(ds))
            .ok()?;
        let typesetter = Typesetter::new(&templates, &mut ws.sources)
            .map_err(|d| report.push(d))
            .ok()?;
        Some((config, templates, merger, typesetter))
    })();
    let Some((config, templates, merger, typesetter)) = setup else {
        return Texts {
            outcome: outcome(ws, report, failed_count, Done::default()),
            documents: BTreeMap::new(),
            failed,
            complete: false,
        };
    };
    let all = jobs(opts, &ws, &checked, &config, &templates, &merger);
    let todo: Vec<&Job> = all.iter().filter(|j| select(&j.id, &j.inputs)).collect();
    let shared = Shared {
        opts,
        write: false,
        ws: &ws,
        config: &config,
        templates: &templates,
        merger: &merger,
        typesetter: &typesetter,
        commit: None,
    };
    let results = schedule(
        &todo,
        opts.jobs,
        |j| j.is_heavy(),
        |job| shared.typeset_job(job),
    );
    let mut documents: BTreeMap<String, DocText> = all
        .iter()
        .map(|j| {
            let d = DocText {
                inputs: j.inputs.clone(),
                text: None,
            };
            (j.id.clone(), d)
        })
        .collect();
    let mut done = Done::default();
    for (job, result) in todo.iter().zip(results) {
        match result {
            Ok((_, typeset)) => {
                report.extend(typeset.warnings);
                done.rendered += 1;
                if let Some(d) = documents.get_mut(&job.id) {
                    d.text = Some(typeset.text);
                }
            }
            Err(diags) => report.extend(diags),
        }
    }
    Texts {
        outcome: outcome(ws, report, failed_count, done),
        documents,
        failed,
        complete: true,
    }
}

/// The stages in order; `write` false typesets everything but writes nothing.
fn run(opts: &RunOptions, write: bool) -> Outcome {
    crate::manifest::warm();
    // The last run's manifest is read while the cases load. Read before the
    // output folder is locked, it may be older than the one a run beside
    // this one writes: then more is rendered, never less (each entry is
    // checked against the files in place).
    let manifest_name = crate::manifest::file_name(opts.shard);
    let old = (!opts.force).then(|| {
        let (output, name) = (opts.output.clone(), manifest_name.clone());
        std::thread::spawn(move || Manifest::read(&output, &name))
    });
    let mut ws = load::load_selected(&opts.root, &opts.base, opts.only.as_deref());
    let checked = rules::check(&ws, opts.today);
    let (mut report, mut failed) = collect(&ws, &checked);
    let mut done = Done::default();

    let Some(config) = ws.config.clone() else {
        return outcome(ws, report, failed, done);
    };
    if checked.config.has_errors() {
        if write {
            report.push(Diagnostic::new(
                &CONFIG_01,
                "avgdoc.yaml bevat fouten: er worden geen brieven gemaakt",
            ));
        }
        failed = ws.case_files;
        return outcome(ws, report, failed, done);
    }
    let templates = match TemplateSet::load(&opts.root) {
        Ok(t) => t,
        Err(d) => {
            report.push(d);
            let n = ws.case_files;
            return outcome(ws, report, n, done);
        }
    };
    // A selection checks the templates its cases use, not the unused ones.
    if opts.only.is_none() {
        report.extend(unknown_overrides(&templates, &mut ws.sources));
    }
    let merger = match Merger::new(&templates, &mut ws.sources) {
        Ok(m) => m,
        Err(ds) => {
            report.extend(ds);
            let n = ws.case_files;
            return outcome(ws, report, n, done);
        }
    };
    let typesetter = match Typesetter::new(&templates, &mut ws.sources) {
        Ok(t) => t,
        Err(d) => {
            report.push(d);
            let n = ws.case_files;
            return outcome(ws, report, n, done);
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
        return outcome(ws, report, n, done);
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
            return outcome(ws, report, n, done);
        }
    };

    // Every document of the run; the registers are typeset first, one at a
    // time beside the letters ([`schedule`]).
    let all = jobs(opts, &ws, &checked, &config, &templates, &merger);
    let old = match old {
        None => Manifest::new(),
        Some(reading) => match reading.join().unwrap_or(Err(Unusable::Corrupt)) {
            Ok(m) => m,
            Err(why) => {
                done.notes.push(match why {
                    Unusable::Corrupt => format!(
                        "{manifest_name} in de uitvoermap is onleesbaar: alle documenten worden opnieuw gemaakt"
                    ),
                    Unusable::OtherFormat => format!(
                        "{manifest_name} komt van een andere versie van avgdoc: alle documenten worden opnieuw gemaakt"
                    ),
                });
                Manifest::new()
            }
        },
    };
    let mut manifest = Manifest::new();
    let mut todo = Vec::new();
    // Whether each document's files are still in place: a few system calls
    // per document, on every thread.
    let mine: Vec<&Job> = all.iter().filter(|j| j.in_shard(opts.shard)).collect();
    let current = run_jobs(&mine, opts.jobs, |job| {
        old.documents
            .get(&job.id)
            .filter(|e| e.is_current(&job.inputs, &opts.output))
            .cloned()
    });
    for (job, current) in mine.into_iter().zip(current) {
        match current {
            Some(e) => {
                done.unchanged += 1;
                manifest.documents.insert(job.id.clone(), e);
            }
            None => todo.push(job),
        }
    }

    // Declared before `shared`, which holds the sender: on a panic the
    // sender is dropped first, then the commit thread is waited for.
    let (commit, committing) = write.then(committer).flatten().unzip();
    let shared = Shared {
        opts,
        write,
        ws: &ws,
        config: &config,
        templates: &templates,
        merger: &merger,
        typesetter: &typesetter,
        commit,
    };
    let counter = std::sync::atomic::AtomicUsize::new(0);
    let results = schedule(
        &todo,
        opts.jobs,
        |j| j.is_heavy(),
        |job| {
            let r = shared.render_job(job);
            if let Some(OnDocument(f)) = &opts.on_document {
                f(
                    counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
                    todo.len(),
                );
            }
            r
        },
    );
    // Every file in place (or failed) before any is recorded as done.
    drop(shared);
    let mut commit_failed: std::collections::HashMap<String, Vec<(PathBuf, std::io::Error)>> =
        std::collections::HashMap::new();
    for (id, relative, e) in committing.map_or_else(Vec::new, Committing::finish) {
        commit_failed.entry(id).or_default().push((relative, e));
    }
    let mut case_failed = vec![false; ws.cases.len()];
    for (job, (mut files, mut diags)) in todo.iter().zip(results) {
        for (relative, e) in commit_failed.remove(&job.id).unwrap_or_default() {
            files.retain(|f| *f != relative);
            diags.push(not_written(&relative, &e));
        }
        let clean = diags.is_empty();
        for d in diags {
            if d.is_blocking()
                && let Work::Letter { case, .. } = &job.work
            {
                case_failed[*case] = true;
            }
            report.push(d);
        }
        if !files.is_empty() || (!write && clean) {
            done.rendered += 1;
        }
        // A document counts as done once all its files are in place; one
        // with warnings is made again next time, so they are shown again.
        if clean && !files.is_empty() {
            let recorded: Option<Vec<_>> = files
                .iter()
                .map(|rel| crate::manifest::Written::now(&opts.output, &slashed(rel)))
                .collect();
            if let Some(recorded) = recorded {
                manifest.documents.insert(
                    job.id.clone(),
                    Entry {
                        inputs: job.inputs.clone(),
                        files: recorded,
                    },
                );
            }
        }
        done.written
            .extend(files.iter().map(|rel| opts.output.join(rel)));
    }
    failed += case_failed.iter().filter(|f| **f).count();

    if write {
        if let Err(e) = write_atomic(
            &opts.output,
            Path::new(&manifest_name),
            &manifest.to_bytes(),
        ) {
            report.push(Diagnostic::new(
                &WRITE_01,
                format!(
                    "kan {manifest_name} niet schrijven: {}",
                    crate::write::reason(&e)
                ),
            ));
        }
        stale(opts, &ws, &checked, &all, &mut done, &mut report);
    }
    outcome(ws, report, failed, done)
}

/// What a run wrote, skipped and found stale.
#[derive(Debug, Default)]
pub struct Done {
    /// Files written, under the output folder.
    pub written: Vec<PathBuf>,
    /// Documents made in this run.
    pub rendered: usize,
    /// Documents whose inputs had not changed since they were made, and
    /// whose files were still in place: not made again.
    pub unchanged: usize,
    /// Files in the output folder no case yields any more (with `--prune`:
    /// removed), relative to the output folder.
    pub stale: Vec<PathBuf>,
    /// Whether the stale files were removed (`--prune`).
    pub pruned: bool,
    /// Remarks about the run itself (an unusable manifest, a prune that
    /// was not safe), in Dutch.
    pub notes: Vec<String>,
}

/// What a job makes.
enum Work {
    /// Document `doc` (an index into `Case::documents`) of case `case`.
    /// The document itself is made again by the job that renders it, so a
    /// run never holds every document of every case at once.
    Letter { case: usize, doc: usize },
    /// The privacyverklaring: PDF and HTML.
    Privacy { datum: NaiveDate },
    /// A kind's register over its cases: PDF plus its further files.
    Register(crate::kinds::Register),
}

/// One document of the run, with the hash of everything it is made from.
struct Job {
    /// `<kenmerk>/<document>`, or the name of an organisation-wide document.
    id: String,
    work: Work,
    inputs: String,
    /// Where its PDF goes, relative to the output folder.
    pdf: PathBuf,
}

impl Job {
    /// Whether shard `k` of `n` makes this document. A document's shard
    /// follows from an even hash of its id alone, so it stays put when cases
    /// are added; the organisation-wide documents are shard 1's.
    /// A register: many pages, and many times a letter's memory.
    fn is_heavy(&self) -> bool {
        matches!(self.work, Work::Register(_))
    }

    fn in_shard(&self, shard: Option<(u32, u32)>) -> bool {
        let Some((k, n)) = shard else { return true };
        match self.work {
            Work::Letter { .. } => shard_of(&self.id, n) == k,
            _ => k == 1,
        }
    }

    /// Every file the job writes, relative to the output folder.
    fn outputs(&self) -> Vec<PathBuf> {
        let mut out = vec![self.pdf.clone(), self.pdf.with_extension("txt")];
        match &self.work {
            Work::Privacy { .. } => out.push(self.pdf.with_extension("html")),
            Work::Register(r) => out.extend(r.files.iter().map(|(n, _)| PathBuf::from(n))),
            Work::Letter { .. } => {}
        }
        out
    }
}

/// The shard (1 to `n`) of a document id.
pub fn shard_of(id: &str, n: u32) -> u32 {
    let h = blake3::hash(id.as_bytes());
    let v = u64::from_le_bytes(h.as_bytes()[..8].try_into().expect("8 bytes"));
    (v % u64::from(n.max(1))) as u32 + 1
}

fn slashed(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Every document of every valid case and every organisation-wide
/// document, with the hash of its inputs.
fn jobs(
    opts: &RunOptions,
    ws: &Workspace,
    checked: &Checked,
    config: &crate::model::Config,
    templates: &TemplateSet,
    merger: &Merger,
) -> Vec<Job> {
    // What every document reads: avgdoc.yaml and the house style (every
    // file in the template set that is no Markdown template).
    let mut base = Inputs::new();
    base.add("avgdoc.yaml", format!("{config:?}").as_bytes());
    for (name, t) in &templates.files {
        if !name.ends_with(".md") {
            base.add(name, &t.bytes);
        }
    }
    // Each template is hashed once; a document adds the digests of those
    // it reads.
    let digests: std::collections::HashMap<&str, blake3::Hash> = templates
        .files
        .iter()
        .map(|(name, t)| (name.as_str(), blake3::hash(&t.bytes)))
        .collect();
    let with_templates = |h: &mut Inputs, names: &[&str]| {
        for name in names {
            let digest = digests.get(name).map_or(&[][..], |d| d.as_bytes());
            h.add(name, digest);
        }
    };
    let mut out = Vec::new();
    // A selection of case files (`validate BESTAND…`) leaves the
    // organisation-wide documents alone.
    let verwerking = config.verwerking.as_ref().filter(|_| opts.only.is_none());
    if let Some(verwerking) = verwerking {
        let datum = verwerking.vastgesteld_op.unwrap_or(opts.letter_date);
        let mut h = base.clone();
        h.add("document", b"privacyverklaring")
            .add("datum", datum.to_string().as_bytes());
        with_templates(&mut h, &merger.dependencies("privacyverklaring.md"));
        out.push(Job {
            id: "privacyverklaring".into(),
            work: Work::Privacy { datum },
            inputs: h.finish(),
            pdf: PathBuf::from("privacyverklaring.pdf"),
        });
    }
    // The registers are gathered on a thread of their own while the cases
    // are hashed.
    let (registers, per_case) = std::thread::scope(|scope| {
        let registers = scope.spawn(|| match opts.only {
            None => registers(ws, config, opts.letter_date),
            Some(_) => Vec::new(),
        });
        // Hashing each case is most of a run that typesets nothing: on every
        // thread of the run. A case's context is a function of what the case
        // is read from (its file, and for a breach its CSV file) and of
        // `avgdoc.yaml`, which `base` holds: that text is hashed, which is
        // cheaper than the context (an edited comment renders the case's
        // letters again).
        let cases: Vec<usize> = (0..ws.cases.len())
            .filter(|&i| !checked.cases[i].has_blocking_errors())
            .collect();
        let per_case = run_jobs(&cases, opts.jobs, |&i| {
            let case = ws.cases[i].case.as_ref();
            let text = ws.sources.text(ws.cases[i].file);
            let kenmerk = &case.kenmerk().value;
            let soort = case.kind().soort();
            let mut per_case = base.clone();
            per_case
                .add("soort", soort.as_bytes())
                .add("kenmerk", kenmerk.as_bytes())
                .add("zaak", text.as_bytes())
                .add("naast", case.read_beside().as_bytes());
            case.documents(config, opts.letter_date)
                .iter()
                .enumerate()
                .map(|(d, doc)| {
                    let mut h = per_case.clone();
                    h.add("document", format!("{doc:?}").as_bytes());
                    with_templates(&mut h, &merger.document_templates(soort, doc));
                    Job {
                        id: format!("{kenmerk}/{}", doc.name),
                        pdf: Path::new(kenmerk).join(format!("{}.pdf", doc.name)),
                        inputs: h.finish(),
                        work: Work::Letter { case: i, doc: d },
                    }
                })
                .collect::<Vec<_>>()
        });
        let registers = registers
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (registers, per_case)
    });
    for register in registers {
        let mut h = base.clone();
        h.add("register", format!("{register:?}").as_bytes());
        with_templates(
            &mut h,
            &merger.dependencies(&format!("{}.md", register.template)),
        );
        out.push(Job {
            id: register.name.to_string(),
            pdf: PathBuf::from(format!("{}.pdf", register.name)),
            inputs: h.finish(),
            work: Work::Register(register),
        });
    }
    out.extend(per_case.into_iter().flatten());
    out
}

/// Files in the output folder that no document of this run yields: letters
/// of a deleted case, a document a case no longer makes. Reported, and with
/// `--prune` removed. Folders of cases that have errors are left alone (their
/// documents are unknown this run), and nothing is removed while any case
/// file could not be read.
fn stale(
    opts: &RunOptions,
    ws: &Workspace,
    checked: &Checked,
    all: &[Job],
    done: &mut Done,
    report: &mut Report,
) {
    let expected: std::collections::HashSet<PathBuf> =
        all.iter().flat_map(|j| j.outputs()).collect();
    let kept: std::collections::HashSet<&str> = ws
        .cases
        .iter()
        .zip(&checked.cases)
        .filter(|(_, r)| r.has_blocking_errors())
        .map(|(cf, _)| cf.case.kenmerk().value.as_str())
        .collect();
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&opts.output)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(&opts.output) else {
            continue;
        };
        let hidden = rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        let ours = matches!(
            rel.extension().and_then(|e| e.to_str()),
            Some("pdf" | "txt" | "html" | "csv")
        );
        let of_failed_case = rel.components().count() > 1
            && rel
                .components()
                .next()
                .is_some_and(|c| kept.contains(c.as_os_str().to_string_lossy().as_ref()));
        if hidden || !ours || of_failed_case || expected.contains(rel) {
            continue;
        }
        found.push(rel.to_path_buf());
    }
    if found.is_empty() {
        return;
    }
    if opts.prune {
        if ws.case_files > ws.cases.len() {
            done.notes.push(
                "niet opgeruimd: niet elke zaak kon worden gelezen, dus welke documenten verouderd zijn is niet zeker"
                    .to_string(),
            );
        } else {
            for rel in &found {
                if let Err(e) = std::fs::remove_file(opts.output.join(rel)) {
                    report.push(Diagnostic::new(
                        &WRITE_01,
                        format!(
                            "kan het verouderde {} niet verwijderen: {}",
                            slashed(rel),
                            crate::write::reason(&e)
                        ),
                    ));
                }
            }
            // Folders of deleted cases that are now empty.
            for dir in found.iter().filter_map(|r| r.parent()) {
                if !dir.as_os_str().is_empty() {
                    let _ = std::fs::remove_dir(opts.output.join(dir));
                }
            }
            done.pruned = true;
        }
    }
    done.stale = found;
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
    /// Where written files go to be made durable and put in place
    /// ([`committer`]); `None`: put in place by the render thread itself.
    commit: Option<std::sync::mpsc::SyncSender<Commit>>,
}

/// WRITE-01 for a file of the output folder that could not be written.
fn not_written(relative: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        &WRITE_01,
        format!(
            "kan {} niet schrijven: {}",
            relative.display(),
            crate::write::reason(e)
        ),
    )
}

/// A file of document `id` ready to be put in place.
struct Commit {
    id: String,
    relative: PathBuf,
    file: crate::write::Staged,
}

/// Files the [`committer`] could not put in place: document id, file
/// (relative to the output folder) and the error.
type CommitErrors = Vec<(String, PathBuf, std::io::Error)>;

/// A thread that makes each written file durable and renames it into place
/// ([`crate::write::Staged::commit`]), so the render threads do not wait for
/// the disk: an `fsync` per file was a few percent of a render (issue 13).
/// At most `COMMIT_QUEUE` files wait; a render thread that finds the queue
/// full waits for room. `None` when no thread can be started: the render
/// threads then put their files in place themselves.
fn committer() -> Option<(std::sync::mpsc::SyncSender<Commit>, Committing)> {
    const COMMIT_QUEUE: usize = 64;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Commit>(COMMIT_QUEUE);
    let handle = std::thread::Builder::new()
        .name("avgdoc-commit".into())
        .spawn(move || {
            let mut failed = Vec::new();
            for c in rx {
                if let Err(e) = c.file.commit() {
                    failed.push((c.id, c.relative, e));
                }
            }
            failed
        })
        .ok()?;
    Some((tx, Committing(Some(handle))))
}

/// The running [`committer`]. [`Committing::finish`] waits for it once every
/// sender is gone and returns what failed; dropped unfinished (a render
/// thread panicked), it still waits, so the files already handed over are in
/// place before the run ends.
struct Committing(Option<std::thread::JoinHandle<CommitErrors>>);

impl Committing {
    fn finish(mut self) -> CommitErrors {
        let handle = self.0.take().expect("finished once");
        handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

impl Drop for Committing {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            let _ = handle.join();
        }
    }
}

impl Shared<'_> {
    /// Merge, typeset and write one document: the files written (relative
    /// to the output folder) and the diagnostics (errors, or typst's
    /// warnings).
    fn render_job(&self, job: &Job) -> (Vec<PathBuf>, Vec<Diagnostic>) {
        let mut written = Vec::new();
        match self.try_render_job(job, &mut written) {
            Ok(warnings) => (written, warnings),
            Err(diags) => (written, diags),
        }
    }

    /// Merge and typeset one document: the merged source and the typeset
    /// letter (PDF, text, typst's warnings), or the errors.
    fn typeset_job(
        &self,
        job: &Job,
    ) -> Result<(merge::Merged, crate::typeset::Typeset), Vec<Diagnostic>> {
        let (merged, datum) = match &job.work {
            Work::Letter { case, doc } => {
                let cf = &self.ws.cases[*case];
                let docs = cf.case.documents(self.config, self.opts.letter_date);
                let doc = &docs[*doc];
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
                (merged, doc.datum)
            }
            Work::Privacy { datum } => {
                let merged = self
                    .merger
                    .merge_org(
                        self.templates,
                        self.config,
                        "privacyverklaring",
                        *datum,
                        json!({}),
                    )
                    .map_err(|d| vec![d])?;
                (merged, *datum)
            }
            Work::Register(r) => {
                let merged = self
                    .merger
                    .merge_org(
                        self.templates,
                        self.config,
                        r.template,
                        r.datum,
                        r.context.clone(),
                    )
                    .map_err(|d| vec![d])?;
                (merged, r.datum)
            }
        };
        let ident = &job.id;
        let named = |ds: Vec<Diagnostic>| -> Vec<Diagnostic> {
            if !matches!(job.work, Work::Letter { .. }) {
                return ds;
            }
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
        let mut typeset = self
            .typesetter
            .pdf(&merged, datum, ident, &self.ws.sources)
            .map_err(|e| named(e.diagnostics))?;
        typeset.warnings = named(std::mem::take(&mut typeset.warnings));
        Ok((merged, typeset))
    }

    fn try_render_job(
        &self,
        job: &Job,
        written: &mut Vec<PathBuf>,
    ) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
        let (merged, typeset) = self.typeset_job(job)?;
        let warnings = typeset.warnings;
        if !self.write {
            return Ok(warnings);
        }
        let mut files: Vec<(PathBuf, Vec<u8>)> = vec![
            (job.pdf.clone(), typeset.pdf),
            (job.pdf.with_extension("txt"), typeset.text.into_bytes()),
        ];
        match &job.work {
            Work::Privacy { .. } => {
                let css = self.templates.text("privacyverklaring.css").unwrap_or("");
                let versie = format!(
                    "{} · versie van {}",
                    self.config.organisatie.naam, merged.letter.datum
                );
                let html = crate::site::page(&merged.letter.titel, &versie, &merged.markdown, css);
                files.push((job.pdf.with_extension("html"), html.into_bytes()));
            }
            Work::Register(r) => {
                files.extend(r.files.iter().map(|(n, b)| (PathBuf::from(n), b.clone())));
            }
            Work::Letter { .. } => {}
        }
        let failed = |rel: &Path, e: &std::io::Error| vec![not_written(rel, e)];
        for (rel, bytes) in files {
            let staged = crate::write::stage(&self.opts.output, &rel, &bytes)
                .map_err(|e| failed(&rel, &e))?;
            match &self.commit {
                Some(tx) => tx
                    .send(Commit {
                        id: job.id.clone(),
                        relative: rel.clone(),
                        file: staged,
                    })
                    .map_err(|_| {
                        failed(&rel, &std::io::Error::other("de schrijfdraad is gestopt"))
                    })?,
                None => {
                    staged.commit().map_err(|e| failed(&rel, &e))?;
                }
            }
            written.push(rel);
        }
        Ok(warnings)
    }
}

/// Run `work` on every job with `threads` OS threads that pull jobs from a
/// shared queue, and return the results in job order.
///
/// Not rayon tasks: typst itself uses rayon inside a compile, and a worker
/// could then steal a whole letter onto its own stack (typst-batch.md §1).
/// Each thread gets an 8 MiB stack, as typst-cli's own threads do.
pub fn run_jobs<J: Sync, R: Send>(
    jobs: &[J],
    threads: usize,
    work: impl Fn(&J) -> R + Sync,
) -> Vec<R> {
    pool(jobs, threads, |_| false, false, work)
}

/// How many jobs run between two [`crate::typeset::trim_heap`] calls.
const TRIM_EVERY: usize = 64;

/// [`run_jobs`], where the `heavy` jobs (a register: many pages, many times
/// a letter's memory) run one at a time, first, beside the light jobs.
///
/// One at a time keeps peak memory at one register plus letters. First:
/// a run's memory is lowest at its start, before thousands of compiles have
/// grown typst's memoization tables and fragmented the heap; with the
/// registers in the last part of the run, peak RSS over 10,000 letters was
/// 112 MB, with them first 101 MB (issue 13). When a register was a year of
/// breaches (50 pages), typesetting it first made every later eviction walk
/// the tables it had grown (`comemo::evict`, 5.6 % of a profile); a register
/// of a month grows them far less, and the run took no longer.
///
/// After every heavy job and every [`TRIM_EVERY`] jobs, the freed memory
/// goes back to the operating system ([`crate::typeset::trim_heap`]).
pub fn schedule<J: Sync, R: Send>(
    jobs: &[J],
    threads: usize,
    heavy: impl Fn(&J) -> bool,
    work: impl Fn(&J) -> R + Sync,
) -> Vec<R> {
    pool(jobs, threads, heavy, true, work)
}

/// The thread pool of [`run_jobs`] and [`schedule`]; `trim`: give freed
/// memory back as [`schedule`] says (typesetting, not loading: a trim
/// costs about a millisecond).
fn pool<J: Sync, R: Send>(
    jobs: &[J],
    threads: usize,
    heavy: impl Fn(&J) -> bool,
    trim: bool,
    work: impl Fn(&J) -> R + Sync,
) -> Vec<R> {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex};

    struct Queue {
        light: VecDeque<usize>,
        heavy: VecDeque<usize>,
        heavy_running: bool,
    }
    impl Queue {
        /// The next job to run, whether it is heavy, or `None` when this
        /// thread must wait for the heavy job that is running.
        fn next(&mut self) -> Option<Option<(usize, bool)>> {
            let heavy_now = !self.heavy_running && !self.heavy.is_empty();
            if heavy_now {
                self.heavy_running = true;
                return Some(self.heavy.pop_front().map(|k| (k, true)));
            }
            if let Some(k) = self.light.pop_front() {
                return Some(Some((k, false)));
            }
            if self.heavy.is_empty() {
                return Some(None);
            }
            None
        }
    }

    struct HeavyDone<'a>(&'a Mutex<Queue>, &'a Condvar);
    impl Drop for HeavyDone<'_> {
        fn drop(&mut self) {
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .heavy_running = false;
            self.1.notify_all();
        }
    }

    let (heavy_jobs, light): (Vec<usize>, Vec<usize>) =
        (0..jobs.len()).partition(|&k| heavy(&jobs[k]));
    let threads = threads.clamp(1, jobs.len().max(1));
    let queue = Mutex::new(Queue {
        light: light.into(),
        heavy: heavy_jobs.into(),
        heavy_running: false,
    });
    let heavy_done = Condvar::new();
    let finished = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            std::thread::Builder::new()
                .name("avgdoc-render".into())
                .stack_size(8 << 20)
                .spawn_scoped(scope, || {
                    loop {
                        let next = {
                            let mut q = queue.lock().expect("no panic while holding the lock");
                            loop {
                                match q.next() {
                                    Some(next) => break next,
                                    None => {
                                        q = heavy_done
                                            .wait(q)
                                            .expect("no panic while holding the lock")
                                    }
                                }
                            }
                        };
                        let Some((k, is_heavy)) = next else { break };
                        // Also when `work` panics: a thread waiting for
                        // this heavy job must not wait forever.
                        let _done = is_heavy.then(|| HeavyDone(&queue, &heavy_done));
                        let r = work(&jobs[k]);
                        results.lock().expect("no panic while holding the lock")[k] = Some(r);
                        let n = finished.fetch_add(1, Ordering::Relaxed) + 1;
                        if trim && (is_heavy || n.is_multiple_of(TRIM_EVERY)) {
                            crate::typeset::trim_heap();
                        }
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

/// The registers every kind makes over its loaded cases (also
/// [`crate::bare::inputs`]).
pub(crate) fn registers(
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

fn outcome(ws: Workspace, report: Report, failed: usize, done: Done) -> Outcome {
    Outcome {
        cases: ws.case_files,
        cases_failed: failed,
        report,
        sources: ws.sources,
        done,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn heavy_jobs_run_one_at_a_time_first_and_results_keep_job_order() {
        // 1,000 jobs, every 250th heavy.
        let jobs: Vec<usize> = (0..1000).collect();
        let heavy = |j: &usize| j.is_multiple_of(250);
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let started = AtomicUsize::new(0);
        let first_heavy_at = AtomicUsize::new(usize::MAX);
        let last_heavy_at = AtomicUsize::new(0);
        let results = schedule(&jobs, 3, heavy, |&j| {
            let order = started.fetch_add(1, Ordering::SeqCst);
            if heavy(&j) {
                first_heavy_at.fetch_min(order, Ordering::SeqCst);
                last_heavy_at.fetch_max(order, Ordering::SeqCst);
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(5));
                running.fetch_sub(1, Ordering::SeqCst);
            } else {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            j * 2
        });
        assert_eq!(results, jobs.iter().map(|j| j * 2).collect::<Vec<_>>());
        assert_eq!(most.load(Ordering::SeqCst), 1, "two heavy jobs at once");
        // The first heavy job is the first job taken, and each next one as
        // soon as the one before ends: the 4 take 20 ms, while the other 2
        // threads need about 500 ms for the 996 light ones (about 30 of
        // which start meanwhile).
        assert_eq!(first_heavy_at.load(Ordering::SeqCst), 0);
        assert!(
            last_heavy_at.load(Ordering::SeqCst) < 900,
            "{last_heavy_at:?}"
        );
    }

    #[test]
    fn a_panicking_heavy_job_does_not_leave_the_other_threads_waiting() {
        let jobs: Vec<usize> = vec![0, 1, 2, 3];
        let outcome = std::panic::catch_unwind(|| {
            schedule(
                &jobs,
                2,
                |_| true,
                |&j| {
                    if j == 0 {
                        panic!("typst panicked");
                    }
                    j
                },
            )
        });
        assert!(outcome.is_err());
    }
}
