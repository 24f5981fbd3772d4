//! `avgdoc diff <git-ref>`: what a change to templates, cases or
//! `avgdoc.yaml` does to the letters (issue #13).
//!
//! The case repository as it is at `<git-ref>` is read from git (`git
//! archive` of the commit, restricted to the repository's folder when
//! `--root` is a subfolder of the work tree) and unpacked into a private
//! temporary folder: only `avgdoc.yaml`, `cases/` and `templates/`, only
//! regular files, every path checked to stay inside it. Nothing is checked
//! out over the working tree; the index, the worktree list and the output
//! folder are left alone. The temporary folder is removed at the end, also
//! after Ctrl-C.
//!
//! Both sides are listed with the hash of each document's inputs
//! ([`pipeline::texts`]); only the documents that exist on both sides with
//! different inputs are typeset, on both sides, with the same reference and
//! letter dates, and their texts (the `.txt` renditions) compared. A new or
//! a gone document is listed, not typeset.
//!
//! `--format markdown` is for a pull-request comment. It leaves the case
//! repository, so every word that occurs in a case file (a name, an address,
//! free text) and not in a template, `avgdoc.yaml` or a document id is
//! replaced by `[…]`, and it is kept within GitHub's 65,536 characters.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Mutex;

use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::pipeline::{self, DocText, RunOptions, Texts};

/// GitHub's limit on the length of a comment.
pub const COMMENT_LIMIT: usize = 65_536;

/// What replaces a word from a case file in the Markdown format.
pub const MASK: &str = "[…]";

/// What `avgdoc diff` was asked.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// The case repository in the working tree.
    pub root: PathBuf,
    /// The git revision to compare with, as the user typed it.
    pub git_ref: String,
    pub today: NaiveDate,
    pub letter_date: NaiveDate,
    pub jobs: usize,
    /// How file names start in diagnostics (see [`RunOptions::base`]).
    pub base: String,
    /// A pull-request comment instead of a unified diff.
    pub markdown: bool,
}

/// How one document differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Only the working tree makes it.
    Nieuw(String),
    /// Only the revision makes it.
    Vervallen(String),
    /// Both make it, with other text; `None`: could not be typeset on that
    /// side (the diagnostics say why).
    Gewijzigd {
        id: String,
        old: Option<String>,
        new: Option<String>,
    },
}

impl Change {
    pub fn id(&self) -> &str {
        match self {
            Change::Nieuw(id) | Change::Vervallen(id) | Change::Gewijzigd { id, .. } => id,
        }
    }
}

/// The outcome of a comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The revision, as the user typed it.
    pub git_ref: String,
    /// In document id order.
    pub changes: Vec<Change>,
    /// Documents on both sides with the same text.
    pub unchanged: usize,
    /// Remarks about what could not be compared, in Dutch, without case
    /// values.
    pub notes: Vec<String>,
}

impl Comparison {
    fn count(&self, f: fn(&Change) -> bool) -> usize {
        self.changes.iter().filter(|c| f(c)).count()
    }

    /// "1 gewijzigd, 2 nieuw, 0 vervallen, 12 ongewijzigd"
    pub fn counts(&self) -> String {
        format!(
            "{} gewijzigd, {} nieuw, {} vervallen, {} ongewijzigd",
            self.count(|c| matches!(c, Change::Gewijzigd { .. })),
            self.count(|c| matches!(c, Change::Nieuw(_))),
            self.count(|c| matches!(c, Change::Vervallen(_))),
            self.unchanged
        )
    }
}

/// Compare the documents of the revision (`old`) with those of the working
/// tree (`new`). Documents of the cases in `skip` (kenmerken of cases with
/// errors on either side) are left out: what they yield is unknown.
pub fn compare(
    old: &BTreeMap<String, DocText>,
    new: &BTreeMap<String, DocText>,
    skip: &BTreeSet<String>,
) -> (Vec<Change>, usize) {
    let ids: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let mut changes = Vec::new();
    let mut unchanged = 0;
    for id in ids {
        if id.split_once('/').is_some_and(|(k, _)| skip.contains(k)) {
            continue;
        }
        match (old.get(id), new.get(id)) {
            (None, Some(_)) => changes.push(Change::Nieuw(id.clone())),
            (Some(_), None) => changes.push(Change::Vervallen(id.clone())),
            (Some(a), Some(b)) if a.inputs == b.inputs => unchanged += 1,
            (Some(a), Some(b)) if a.text.is_some() && a.text == b.text => unchanged += 1,
            (Some(a), Some(b)) => changes.push(Change::Gewijzigd {
                id: id.clone(),
                old: a.text.clone(),
                new: b.text.clone(),
            }),
            (None, None) => {}
        }
    }
    (changes, unchanged)
}

/// The unified diff of two texts (hunks only, 3 lines of context).
fn hunks(old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .to_string()
}

/// The human format: per document a line `nieuw: …`, `vervallen: …` or
/// `gewijzigd: …`, the last followed by a unified diff of its text.
pub fn render_text(c: &Comparison) -> String {
    let mut out = String::new();
    for change in &c.changes {
        match change {
            Change::Nieuw(id) => out.push_str(&format!("nieuw: {id}\n")),
            Change::Vervallen(id) => out.push_str(&format!("vervallen: {id}\n")),
            Change::Gewijzigd { id, old, new } => {
                out.push_str(&format!("gewijzigd: {id}"));
                match (old, new) {
                    (Some(old), Some(new)) => {
                        out.push('\n');
                        out.push_str(&format!(
                            "--- {}:{id}.txt\n+++ werkmap:{id}.txt\n",
                            c.git_ref
                        ));
                        out.push_str(&hunks(old, new));
                    }
                    _ => out.push_str(&format!(" ({})\n", not_typeset(&c.git_ref, old, new))),
                }
            }
        }
    }
    out
}

fn not_typeset(git_ref: &str, old: &Option<String>, new: &Option<String>) -> String {
    match (old.is_some(), new.is_some()) {
        (true, false) => "kan in de werkmap niet worden gezet; zie de meldingen".to_string(),
        (false, true) => format!("kon in {git_ref} niet worden gezet; zie de meldingen"),
        _ => format!("kan in {git_ref} en in de werkmap niet worden gezet; zie de meldingen"),
    }
}

/// The words of `text`: runs of letters and digits, lowercased.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The words to hide in a pull-request comment: those of the case files
/// (values, free text, the rows of a CSV file) that occur in no template,
/// not in `avgdoc.yaml` and in no document id. Numbers of up to four digits
/// (years, days, house numbers, article numbers) stay.
#[derive(Debug, Default)]
pub struct Mask {
    hidden: HashSet<String>,
}

impl Mask {
    /// From the texts of the case files and of the files whose words may
    /// show.
    pub fn new<'a>(
        case_files: impl IntoIterator<Item = &'a str>,
        public: impl IntoIterator<Item = &'a str>,
    ) -> Mask {
        let public: HashSet<String> = public.into_iter().flat_map(words).collect();
        let hidden = case_files
            .into_iter()
            .flat_map(words)
            .filter(|w| !public.contains(w))
            .filter(|w| !(w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit())))
            .collect();
        Mask { hidden }
    }

    /// `line` with every hidden word replaced by [`MASK`].
    pub fn line(&self, line: &str) -> String {
        let mut out = String::with_capacity(line.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            if !word.is_empty() {
                if self.hidden.contains(&word.to_lowercase()) {
                    out.push_str(MASK);
                } else {
                    out.push_str(word);
                }
                word.clear();
            }
        };
        for c in line.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }
}

/// HTML-escaped, for a `<summary>`.
fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `s` as Markdown inline code.
fn code(s: &str) -> String {
    format!("`{}`", s.replace('`', "'"))
}

/// A fence longer than any run of backticks in `text`.
fn fence(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat((longest + 1).max(3))
}

/// The Markdown format, for a pull-request comment: a heading with the
/// counts, the new and gone documents as a list, each changed document in a
/// `<details>` block with a `diff` fence. Words from the case files are
/// replaced by [`MASK`]. At most `limit` bytes (so at most as many
/// characters): what does not fit is left out with a note.
pub fn render_markdown(c: &Comparison, mask: &Mask, limit: usize) -> String {
    let r = code(&c.git_ref);
    let mut head = format!("### avgdoc diff {r}\n\n");
    if c.changes.is_empty() {
        head.push_str(&format!(
            "Geen verschillen in de brieven: {} {} ongewijzigd.\n",
            c.unchanged,
            if c.unchanged == 1 {
                "document"
            } else {
                "documenten"
            }
        ));
    } else {
        head.push_str(&format!("{}.\n", c.counts()));
    }
    for n in &c.notes {
        head.push_str(&format!("\n> let op: {n}\n"));
    }
    let listed: Vec<String> = c
        .changes
        .iter()
        .filter_map(|ch| match ch {
            Change::Nieuw(id) => Some(format!("- nieuw: {}\n", code(id))),
            Change::Vervallen(id) => Some(format!("- vervallen: {}\n", code(id))),
            Change::Gewijzigd { .. } => None,
        })
        .collect();
    let changed: Vec<(&str, String)> = c
        .changes
        .iter()
        .filter_map(|ch| match ch {
            Change::Gewijzigd { id, old, new } => Some((id.as_str(), {
                match (old, new) {
                    (Some(old), Some(new)) => hunks(old, new)
                        .lines()
                        .map(|l| mask_diff_line(mask, l))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    _ => String::new(),
                }
            })),
            _ => None,
        })
        .collect();
    let footer = if changed.is_empty() {
        String::new()
    } else {
        format!(
            "\nWoorden uit de zaakbestanden (namen, adressen, vrije tekst) zijn vervangen door {MASK}; \
`avgdoc diff {}` toont de volledige tekst.\n",
            c.git_ref.replace('`', "'")
        )
    };
    let block = |id: &str, body: &str| -> String {
        let f = fence(body);
        format!(
            "\n<details>\n<summary>gewijzigd: <code>{}</code></summary>\n\n{f}diff\n{body}\n{f}\n\n</details>\n",
            html(id)
        )
    };

    let mut out = head;
    if !listed.is_empty() {
        out.push('\n');
    }
    // Room for the footer and the note on what was left out.
    let reserve = footer.len() + 400;
    let mut left_out = 0;
    let mut shortened = 0;
    let items = listed.len() + changed.len();
    for (i, item) in listed.iter().enumerate() {
        if out.len() + item.len() + reserve > limit {
            left_out = items - i;
            break;
        }
        out.push_str(item);
    }
    if left_out == 0 {
        for (i, (id, body)) in changed.iter().enumerate() {
            let b = if body.is_empty() {
                format!(
                    "\n- gewijzigd: {} (kan niet worden gezet; zie de meldingen)\n",
                    code(id)
                )
            } else {
                block(id, body)
            };
            if out.len() + b.len() + reserve <= limit {
                out.push_str(&b);
                continue;
            }
            // The first block that does not fit: as many of its lines as do.
            let empty = block(id, "");
            let mut room = limit.saturating_sub(out.len() + empty.len() + reserve);
            let mut part = Vec::new();
            for line in body.lines() {
                if line.len() + 1 > room {
                    break;
                }
                room -= line.len() + 1;
                part.push(line);
            }
            if !part.is_empty() {
                out.push_str(&block(id, &part.join("\n")));
                shortened = 1;
            }
            left_out = changed.len() - i - shortened;
            break;
        }
    }
    if left_out > 0 || shortened > 0 {
        out.push_str(&format!(
            "\n**Ingekort:** een reactie mag niet langer zijn dan 65.536 tekens; {}{}. \
`avgdoc diff {}` toont alles.\n",
            if shortened > 0 {
                "van het laatste document staat alleen het begin van de verschillen hier"
            } else {
                ""
            },
            match (left_out, shortened) {
                (0, _) => String::new(),
                (n, 0) => format!(
                    "{n} {} ontbreken",
                    if n == 1 { "document" } else { "documenten" }
                ),
                (n, _) => format!(
                    ", {n} verdere {} ontbreken",
                    if n == 1 { "document" } else { "documenten" }
                ),
            },
            c.git_ref.replace('`', "'")
        ));
    }
    out.push_str(&footer);
    out
}

/// A line of a unified diff with the case words hidden (not the hunk
/// headers).
fn mask_diff_line(mask: &Mask, line: &str) -> String {
    if line.starts_with("@@") {
        return line.to_string();
    }
    let mut chars = line.chars();
    match chars.next() {
        Some(first) => format!("{first}{}", mask.line(chars.as_str())),
        None => String::new(),
    }
}

/// Why `avgdoc diff` cannot compare (exit code 2), in Dutch.
#[derive(Debug)]
pub struct Refused(pub String);

/// The temporary folder of a running `diff`, removed on Ctrl-C.
static UNPACKED: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The case repository at a revision, unpacked.
struct AtRef {
    /// Removed when dropped.
    dir: tempfile::TempDir,
    /// Whether it has an `avgdoc.yaml`.
    has_config: bool,
    /// Symbolic links in the revision that were not unpacked.
    links: usize,
}

impl AtRef {
    fn root(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for AtRef {
    fn drop(&mut self) {
        if let Ok(mut g) = UNPACKED.lock() {
            *g = None;
        }
    }
}

/// Run git in `dir`; its standard output, or a Dutch error with git's own
/// first line.
fn git(dir: &Path, args: &[&str]) -> Result<String, Refused> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|_| {
            Refused("git is niet gevonden; installeer git of zet het in het PATH".into())
        })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    } else {
        Err(Refused(
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .next()
                .unwrap_or("")
                .to_string(),
        ))
    }
}

/// Unpack the case repository at `git_ref` into a temporary folder.
fn unpack(root: &Path, git_ref: &str) -> Result<AtRef, Refused> {
    if git_ref.is_empty() || git_ref.starts_with('-') {
        return Err(Refused(format!(
            "`{git_ref}` is geen git-versie; geef een tak, tag of commit, bijvoorbeeld main of HEAD~1"
        )));
    }
    if !root.is_dir() {
        return Err(Refused(format!("de map {} bestaat niet", root.display())));
    }
    let inside = git(root, &["rev-parse", "--is-inside-work-tree"]).ok();
    if inside.as_deref() != Some("true") {
        return Err(Refused(format!(
            "{} ligt niet in een git-repository; `avgdoc diff` vergelijkt met een versie uit git",
            shown(root)
        )));
    }
    let prefix = git(root, &["rev-parse", "--show-prefix"])?;
    // From a subfolder, `git archive` would keep only that subfolder of the
    // tree it is given: run it at the top.
    let top = PathBuf::from(git(root, &["rev-parse", "--show-toplevel"])?);
    let commit = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{git_ref}^{{commit}}"),
        ],
    )
    .map_err(|_| {
        Refused(format!(
            "onbekende git-versie `{git_ref}`: geen tak, tag of commit in deze repository"
        ))
    })?;
    let dir = tempfile::Builder::new()
        .prefix("avgdoc-diff-")
        .tempdir()
        .map_err(|e| {
            Refused(format!(
                "kan geen tijdelijke map maken: {}",
                crate::write::reason(&e)
            ))
        })?;
    if let Ok(mut g) = UNPACKED.lock() {
        *g = Some(dir.path().to_path_buf());
    }
    let mut at = AtRef {
        dir,
        has_config: false,
        links: 0,
    };
    let prefix = prefix.trim_end_matches('/');
    // The repository's folder did not exist at that revision: nothing to
    // unpack, every document is new.
    let tree = if prefix.is_empty() {
        commit
    } else {
        format!("{commit}:{prefix}")
    };
    if !prefix.is_empty() && git(root, &["cat-file", "-t", &tree]).ok().as_deref() != Some("tree") {
        return Ok(at);
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(&top)
        .args(["archive", "--format=tar", &tree])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| {
            Refused("git is niet gevonden; installeer git of zet het in het PATH".into())
        })?;
    let stdout = child.stdout.take().expect("piped");
    let unpacked = extract(stdout, at.root());
    let out = child.wait_with_output();
    let failed = |why: String| Refused(format!("kan {git_ref} niet uit git lezen: {why}"));
    match out {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            return Err(failed(
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .next()
                    .unwrap_or("")
                    .to_string(),
            ));
        }
        Err(e) => return Err(failed(crate::write::reason(&e))),
    }
    at.links = unpacked.map_err(|e| failed(crate::write::reason(&e)))?;
    at.has_config = at.root().join(crate::load::CONFIG_FILE).is_file();
    Ok(at)
}

/// Unpack the regular files of `avgdoc.yaml`, `cases/` and `templates/`
/// from a tar stream into `dir`, refusing any path that is not plainly
/// relative; links are not unpacked (counted). Files 0600, folders 0700.
fn extract(stream: impl Read, dir: &Path) -> std::io::Result<usize> {
    let mut links = 0;
    let mut archive = tar::Archive::new(stream);
    for entry in archive.entries()? {
        let mut entry = entry?;
        let kind = entry.header().entry_type();
        let path = entry.path()?.into_owned();
        let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
        let first = path.components().next().map(|c| c.as_os_str().to_owned());
        let wanted = match first.as_ref().and_then(|f| f.to_str()) {
            Some("cases" | "templates") => path.components().count() > 1,
            Some(crate::load::CONFIG_FILE) => path.components().count() == 1,
            _ => false,
        };
        if !plain || !wanted {
            continue;
        }
        if kind.is_symlink() || kind.is_hard_link() {
            links += 1;
            continue;
        }
        if !kind.is_file() {
            continue;
        }
        let target = dir.join(&path);
        if let Some(parent) = target.parent() {
            let mut b = std::fs::DirBuilder::new();
            b.recursive(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                b.mode(0o700);
            }
            b.create(parent)?;
        }
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600);
        }
        let mut file = o.open(&target)?;
        std::io::copy(&mut entry, &mut file)?;
    }
    Ok(links)
}

fn shown(p: &Path) -> String {
    let s = p.display().to_string();
    if s.is_empty() || s == "." {
        "de huidige map".to_string()
    } else {
        s
    }
}

/// Remove the temporary folder and stop, on Ctrl-C.
fn on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(mut g) = UNPACKED.lock()
            && let Some(p) = g.take()
        {
            let _ = std::fs::remove_dir_all(p);
        }
        eprintln!("afgebroken");
        std::process::exit(130);
    });
}

/// Every case file's text under `root/cases` (for the [`Mask`]).
fn case_texts(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root.join("cases"))
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| std::fs::read(e.path()).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

/// The texts whose words may show: every template and `avgdoc.yaml`.
fn public_texts(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = crate::templates::TemplateSet::load(root)
        .map(|t| {
            t.files
                .values()
                .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
                .collect()
        })
        .unwrap_or_default();
    if let Ok(t) = std::fs::read_to_string(root.join(crate::load::CONFIG_FILE)) {
        out.push(t);
    }
    out
}

/// Notes on what could not be compared: cases with errors (once, naming
/// the sides), unreadable case files.
fn notes(git_ref: &str, old: Option<&Texts>, now: &Texts, notes: &mut Vec<String>) {
    let empty = BTreeSet::new();
    let old_failed = old.map_or(&empty, |t| &t.failed);
    for k in old_failed.union(&now.failed) {
        let side = match (old_failed.contains(k), now.failed.contains(k)) {
            (true, true) => format!("in {git_ref} en in de werkmap"),
            (true, false) => format!("in {git_ref}"),
            _ => "in de werkmap".to_string(),
        };
        notes.push(format!(
            "zaak {k} heeft fouten {side}; haar documenten zijn niet vergeleken"
        ));
    }
    let sides = [
        (format!("in {git_ref}"), old),
        ("in de werkmap".to_string(), Some(now)),
    ];
    for (side, t) in sides {
        let Some(t) = t else { continue };
        let unreadable = t.outcome.cases_failed.saturating_sub(t.failed.len());
        if unreadable > 0 {
            notes.push(format!(
                "{unreadable} {} {side} niet worden gelezen; {} documenten kunnen als nieuw of vervallen zijn gemeld",
                if unreadable == 1 {
                    "zaakbestand kan"
                } else {
                    "zaakbestanden kunnen"
                },
                if unreadable == 1 { "zijn" } else { "hun" }
            ));
        }
    }
}

fn blocking(t: &Texts) -> Vec<Diagnostic> {
    t.outcome
        .report
        .diagnostics
        .iter()
        .filter(|d| d.is_blocking())
        .cloned()
        .collect()
}

/// `avgdoc diff`: compare, print, and the exit code (0 no differences,
/// 1 differences, 2 cannot compare).
pub fn run(o: &DiffOptions) -> ExitCode {
    on_interrupt();
    let at = match unpack(&o.root, &o.git_ref) {
        Ok(at) => at,
        Err(Refused(msg)) => {
            eprintln!("fout: {msg}");
            return ExitCode::from(2);
        }
    };
    let side = |root: &Path, base: String| RunOptions {
        letter_date: o.letter_date,
        jobs: o.jobs,
        base,
        ..RunOptions::new(root, o.today)
    };
    let now_opts = side(&o.root, o.base.clone());
    let old_opts = side(at.root(), format!("{}:{}", o.git_ref, o.base));

    // First the inputs of the working tree's documents (nothing typeset),
    // then each side typesets the documents whose inputs differ.
    let listed = pipeline::texts(&now_opts, &|_, _| false);
    if !listed.complete {
        crate::term::print_code_frames(&listed.outcome.sources, &blocking(&listed), true);
        eprintln!(
            "fout: de zaakrepository in de werkmap kan niet worden gezet (avgdoc.yaml of een sjabloon); zie de meldingen"
        );
        return ExitCode::from(2);
    }
    let mut notes = Vec::new();
    let old = if at.has_config {
        let old = pipeline::texts(&old_opts, &|id, h| {
            listed.documents.get(id).is_some_and(|d| d.inputs != h)
        });
        if !old.complete {
            crate::term::print_code_frames(&old.outcome.sources, &blocking(&old), true);
            eprintln!(
                "fout: de zaakrepository in {} kan niet worden gezet (avgdoc.yaml of een sjabloon); zie de meldingen",
                o.git_ref
            );
            return ExitCode::from(2);
        }
        Some(old)
    } else {
        notes.push(format!(
            "{} heeft nog geen avgdoc.yaml: elk document is nieuw",
            o.git_ref
        ));
        None
    };
    let empty = BTreeMap::new();
    let old_docs = old.as_ref().map_or(&empty, |t| &t.documents);
    let now = pipeline::texts(&now_opts, &|id, h| {
        old_docs.get(id).is_some_and(|d| d.inputs != h)
    });
    self::notes(&o.git_ref, old.as_ref(), &now, &mut notes);
    if at.links > 0 {
        notes.push(format!(
            "{} symbolische {} in {} niet gevolgd",
            at.links,
            if at.links == 1 {
                "koppeling is"
            } else {
                "koppelingen zijn"
            },
            o.git_ref
        ));
    }
    let mut skip = now.failed.clone();
    // The errors of both sides; one the working tree still has is shown
    // once, in the working tree.
    let now_errors = blocking(&now);
    if let Some(old) = &old {
        skip.extend(old.failed.iter().cloned());
        let only_old: Vec<Diagnostic> = blocking(old)
            .into_iter()
            .filter(|d| {
                !now_errors
                    .iter()
                    .any(|n| n.code() == d.code() && n.message == d.message)
            })
            .collect();
        crate::term::print_code_frames(&old.outcome.sources, &only_old, true);
    }
    crate::term::print_code_frames(&now.outcome.sources, &now_errors, true);
    let (changes, unchanged) = compare(old_docs, &now.documents, &skip);
    let comparison = Comparison {
        git_ref: o.git_ref.clone(),
        changes,
        unchanged,
        notes,
    };
    if o.markdown {
        let mask = {
            let mut cases = case_texts(&o.root);
            cases.extend(case_texts(at.root()));
            let mut public = public_texts(&o.root);
            public.extend(public_texts(at.root()));
            let ids: Vec<&String> = old_docs.keys().chain(now.documents.keys()).collect();
            let ids = ids
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            public.push(ids);
            // Dates are written out in letters.
            let calendar: Vec<&str> = (1..=12)
                .map(crate::calendar::month_name)
                .chain(
                    [
                        chrono::Weekday::Mon,
                        chrono::Weekday::Tue,
                        chrono::Weekday::Wed,
                        chrono::Weekday::Thu,
                        chrono::Weekday::Fri,
                        chrono::Weekday::Sat,
                        chrono::Weekday::Sun,
                    ]
                    .into_iter()
                    .map(crate::calendar::weekday_name),
                )
                .collect();
            public.push(calendar.join(" "));
            Mask::new(
                cases.iter().map(String::as_str),
                public.iter().map(String::as_str),
            )
        };
        print!("{}", render_markdown(&comparison, &mask, COMMENT_LIMIT));
    } else {
        print!("{}", render_text(&comparison));
    }
    for n in &comparison.notes {
        eprintln!("let op: {n}");
    }
    drop(at);
    // Documents typeset on either side.
    let typeset = now.outcome.done.rendered + old.as_ref().map_or(0, |t| t.outcome.done.rendered);
    if comparison.changes.is_empty() {
        eprintln!(
            "geen verschillen tussen {} en de werkmap ({} ongewijzigd, {} {} proefgezet)",
            o.git_ref,
            comparison.unchanged,
            typeset,
            if typeset == 1 {
                "document"
            } else {
                "documenten"
            }
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{} → werkmap: {} ({} {} proefgezet)",
            o.git_ref,
            comparison.counts(),
            typeset,
            if typeset == 1 {
                "document"
            } else {
                "documenten"
            }
        );
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(inputs: &str, text: Option<&str>) -> DocText {
        DocText {
            inputs: inputs.into(),
            text: text.map(String::from),
        }
    }

    #[test]
    fn compare_sorts_documents_into_new_gone_changed_and_unchanged() {
        let old = BTreeMap::from([
            ("A/brief".to_string(), doc("1", None)),
            ("B/brief".to_string(), doc("2", Some("x\n"))),
            ("C/brief".to_string(), doc("3", Some("y\n"))),
            ("D/brief".to_string(), doc("4", None)),
            ("E/brief".to_string(), doc("5", None)),
        ]);
        let new = BTreeMap::from([
            ("A/brief".to_string(), doc("1", None)),
            ("B/brief".to_string(), doc("2b", Some("x\n"))),
            ("C/brief".to_string(), doc("3b", Some("z\n"))),
            ("F/brief".to_string(), doc("6", None)),
            ("E/ander".to_string(), doc("7", None)),
        ]);
        let (changes, unchanged) = compare(&old, &new, &BTreeSet::from(["E".to_string()]));
        assert_eq!(
            unchanged, 2,
            "same inputs, and other inputs but the same text"
        );
        assert_eq!(
            changes,
            [
                Change::Gewijzigd {
                    id: "C/brief".into(),
                    old: Some("y\n".into()),
                    new: Some("z\n".into())
                },
                Change::Vervallen("D/brief".into()),
                Change::Nieuw("F/brief".into()),
            ]
        );
    }

    #[test]
    fn the_mask_hides_case_words_but_not_template_words_or_short_numbers() {
        let mask = Mask::new(
            [
                "naam: Jansen-Visser\nstraat: Lindelaan 12\npostcode: 1234 AB\ntelefoon: 0612345678\n",
            ],
            ["Geachte heer of mevrouw, uw verzoek van {{ datum }}\nnaam"],
        );
        assert_eq!(
            mask.line("Geachte heer Jansen-Visser, Lindelaan 12, 1234 AB; 0612345678 naam"),
            "Geachte heer […]-[…], […] 12, 1234 […]; […] naam"
        );
    }

    pub(super) fn changed(n: usize, lines: usize) -> Comparison {
        let old: String = (0..lines).map(|i| format!("regel {i}\n")).collect();
        let new: String = (0..lines).map(|i| format!("regel {i} nieuw\n")).collect();
        Comparison {
            git_ref: "main".into(),
            changes: (0..n)
                .map(|i| Change::Gewijzigd {
                    id: format!("Z-{i:03}/brief"),
                    old: Some(old.clone()),
                    new: Some(new.clone()),
                })
                .collect(),
            unchanged: 0,
            notes: vec![],
        }
    }

    #[test]
    fn markdown_stays_within_the_limit_and_says_what_it_left_out() {
        let c = changed(40, 30);
        let full = render_markdown(&c, &Mask::default(), usize::MAX);
        assert_eq!(full.matches("<details>").count(), 40);
        assert!(!full.contains("Ingekort"));
        assert!(full.len() > 20_000, "{}", full.len());

        let limit = 20_000;
        let short = render_markdown(&c, &Mask::default(), limit);
        assert!(short.len() <= limit, "{}", short.len());
        let blocks = short.matches("<details>").count();
        assert!(blocks > 1 && blocks < 40, "{blocks}");
        // Every block that was opened is closed, its fence too.
        assert_eq!(short.matches("</details>").count(), blocks);
        assert_eq!(short.matches("```").count(), 2 * blocks);
        assert!(
            short.contains(&format!(
                "**Ingekort:** een reactie mag niet langer zijn dan 65.536 tekens; van het laatste \
document staat alleen het begin van de verschillen hier, {} verdere documenten ontbreken. \
`avgdoc diff main` toont alles.",
                40 - blocks
            )),
            "{short}"
        );
        // The blocks that are there are whole, but the last.
        let first = full.split("</details>").next().unwrap();
        assert!(short.starts_with(first));
    }

    #[test]
    fn extract_takes_only_plain_regular_files_of_the_case_repository() {
        let mut b = tar::Builder::new(Vec::new());
        let mut add = |name: &[u8], kind: tar::EntryType, data: &[u8], link: Option<&str>| {
            let mut h = tar::Header::new_gnu();
            // Written raw: `set_path` refuses the hostile names.
            h.as_old_mut().name[..name.len()].copy_from_slice(name);
            h.set_entry_type(kind);
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            if let Some(l) = link {
                h.set_link_name(l).unwrap();
            }
            h.set_cksum();
            b.append(&h, data).unwrap();
        };
        use tar::EntryType::{Regular, Symlink};
        add(b"avgdoc.yaml", Regular, b"organisatie: x\n", None);
        add(b"cases/2026/a.yaml", Regular, b"kenmerk: A\n", None);
        add(b"templates/brief.typ", Regular, b"#x", None);
        add(b"cases/../../buiten.yaml", Regular, b"x", None);
        add(b"/tmp/absoluut.yaml", Regular, b"x", None);
        add(b"cases/link.yaml", Symlink, b"", Some("/etc/passwd"));
        add(b"README.md", Regular, b"x", None);
        add(b"output/A/brief.pdf", Regular, b"x", None);
        add(b"sub/avgdoc.yaml", Regular, b"x", None);
        let bytes = b.into_inner().unwrap();

        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("r");
        std::fs::create_dir(&root).unwrap();
        assert_eq!(extract(&bytes[..], &root).unwrap(), 1, "one link skipped");
        let mut found: Vec<String> = walkdir::WalkDir::new(dir.path())
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| !e.file_type().is_dir())
            .map(|e| {
                let rel = e.path().strip_prefix(dir.path()).unwrap();
                rel.to_string_lossy().replace('\\', "/")
            })
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                "r/avgdoc.yaml",
                "r/cases/2026/a.yaml",
                "r/templates/brief.typ"
            ]
        );
        assert_eq!(
            std::fs::read_to_string(root.join("cases/2026/a.yaml")).unwrap(),
            "kenmerk: A\n"
        );
    }

    #[test]
    fn a_fence_is_longer_than_any_backticks_in_the_diff() {
        assert_eq!(fence("a ``` b"), "````");
        assert_eq!(fence("plain"), "```");
    }
}
