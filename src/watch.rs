//! `avgdoc watch`: render, then render again as soon as a case file, a
//! template or `avgdoc.yaml` is saved (issue #13).
//!
//! Each round is an ordinary incremental `render` (the manifest in the
//! output folder), so it makes only the documents whose inputs changed.
//! The watcher (the `notify` crate) is set up before the first round, so a
//! file saved during a round starts the next one. It watches `avgdoc.yaml`,
//! `cases/` and `templates/` only, never the output folder; editors' swap,
//! backup and temporary files are ignored, and a burst of events (an editor
//! writing a temporary file and renaming it) is one round: a round starts
//! once nothing relevant has happened for [`QUIET`]. Ctrl-C stops between
//! rounds; during a round, after it (a second Ctrl-C stops at once; every
//! file is written atomically, so none is ever half written).

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::pipeline::{self, Outcome, RunOptions};

/// How long nothing must happen before a round starts.
pub const QUIET: Duration = Duration::from_millis(300);

/// A round waits at most this long for a burst of events to end.
const LONGEST_WAIT: Duration = Duration::from_secs(3);

/// The folders watched recursively, below the case repository.
const FOLDERS: &[&str] = &["cases", "templates"];

/// What started a round.
#[derive(Debug)]
pub enum Round<'a> {
    /// The round at start.
    First,
    /// Files that changed (relative to the case repository, sorted).
    Changed(&'a [PathBuf]),
}

enum Msg {
    Fs(notify::Result<notify::Event>),
    Stop,
}

static RENDERING: AtomicBool = AtomicBool::new(false);
static INTERRUPTS: AtomicUsize = AtomicUsize::new(0);

/// Whether a file of this name is an editor's or avgdoc's temporary,
/// swap or backup file: `.x.swp`, `.#x`, `#x#`, `x~`, `x.tmp`, vim's
/// `4913`, `.avgdoc-*.tmp`.
pub fn is_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".orig", ".kate-swp"]
            .iter()
            .any(|x| name.ends_with(x))
}

/// The path relative to the case repository, if a change to it matters:
/// `avgdoc.yaml`, or something below `cases/` or `templates/` (or the
/// folders themselves), not a scratch file and not in the output folder.
fn relevant(root: &Path, output: &Path, path: &Path) -> Option<PathBuf> {
    if path.starts_with(output) {
        return None;
    }
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let ok = match parts.as_slice() {
        [name] => *name == crate::load::CONFIG_FILE || FOLDERS.contains(name),
        [first, ..] => FOLDERS.contains(first),
        [] => false,
    };
    if !ok || parts.iter().any(|p| is_scratch(p)) {
        return None;
    }
    Some(rel.to_path_buf())
}

/// Whether an event can change a file's content or existence (reads and
/// attribute changes cannot).
fn changes(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, ModifyKind};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}

/// `path` made absolute from the current folder (no symbolic links
/// resolved when it does not exist yet).
fn absolute(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

/// Render now and after every change until Ctrl-C; `report` prints each
/// round (what started it and its outcome), `waiting` is called once after
/// the first round. An `Err` (in Dutch) when watching cannot start.
pub fn run(
    opts: &RunOptions,
    mut report: impl FnMut(&Round, &Outcome),
    waiting: impl FnOnce(),
) -> Result<(), String> {
    if !opts.root.is_dir() {
        return Err(format!("de map {} bestaat niet", opts.root.display()));
    }
    let root = absolute(&opts.root);
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    let _ = ctrlc::set_handler(move || {
        if INTERRUPTS.fetch_add(1, Ordering::SeqCst) > 0 {
            std::process::exit(130);
        }
        if RENDERING.load(Ordering::SeqCst) {
            eprintln!("avgdoc stopt na deze ronde (nogmaals Ctrl-C: meteen)");
        }
        let _ = stop.send(Msg::Stop);
    });
    let mut watcher = notify::recommended_watcher(move |e| {
        let _ = tx.send(Msg::Fs(e));
    })
    .map_err(|_| "kan de bestanden niet bewaken (het besturingssysteem weigert)".to_string())?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|_| format!("kan {} niet bewaken", opts.root.display()))?;
    for f in FOLDERS {
        let _ = watcher.watch(&root.join(f), RecursiveMode::Recursive);
    }

    let round = |started: &Round, report: &mut dyn FnMut(&Round, &Outcome)| {
        RENDERING.store(true, Ordering::SeqCst);
        let outcome = pipeline::render(opts);
        RENDERING.store(false, Ordering::SeqCst);
        report(started, &outcome);
    };
    round(&Round::First, &mut report);
    waiting();
    let output = absolute(&opts.output);

    let mut changed: Vec<PathBuf> = Vec::new();
    let mut first_at: Option<Instant> = None;
    loop {
        let msg = match first_at {
            None => rx.recv().ok(),
            Some(t) => {
                let left = LONGEST_WAIT.saturating_sub(t.elapsed());
                match rx.recv_timeout(QUIET.min(left)) {
                    Ok(m) => Some(m),
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        changed.sort();
                        changed.dedup();
                        round(&Round::Changed(&changed), &mut report);
                        changed.clear();
                        first_at = None;
                        continue;
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => None,
                }
            }
        };
        let event = match msg {
            None | Some(Msg::Stop) => return Ok(()),
            Some(Msg::Fs(Ok(event))) => event,
            // The watcher lost events (an overflowing queue): render.
            Some(Msg::Fs(Err(_))) => notify::Event::new(EventKind::Any),
        };
        if !changes(&event.kind) {
            continue;
        }
        let mut any = event.paths.is_empty() && event.kind == EventKind::Any;
        for p in &event.paths {
            let Some(rel) = relevant(&root, &output, p) else {
                continue;
            };
            // cases/ or templates/ made after the start: watch it too.
            if rel.components().count() == 1 && p.is_dir() {
                let _ = watcher.watch(p, RecursiveMode::Recursive);
            }
            changed.push(rel);
            any = true;
        }
        if any && first_at.is_none() {
            first_at = Some(Instant::now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_case_files_templates_and_the_config_count() {
        let root = Path::new("/r");
        let out = Path::new("/r/output");
        let rel = |p: &str| relevant(root, out, Path::new(p));
        assert_eq!(rel("/r/avgdoc.yaml"), Some(PathBuf::from("avgdoc.yaml")));
        assert_eq!(
            rel("/r/cases/2026/a.yaml"),
            Some(PathBuf::from("cases/2026/a.yaml"))
        );
        assert_eq!(
            rel("/r/templates/brief.typ"),
            Some(PathBuf::from("templates/brief.typ"))
        );
        assert_eq!(rel("/r/templates"), Some(PathBuf::from("templates")));
        for ignored in [
            "/r/output/a/brief.pdf",
            "/r/README.md",
            "/r/.git/index",
            "/r/cases/2026/.a.yaml.swp",
            "/r/cases/2026/a.yaml~",
            "/r/cases/.#a.yaml",
            "/r/templates/#brief.typ#",
            "/r/templates/4913",
            "/r/cases/.avgdoc-1.tmp",
            "/elders/cases/a.yaml",
        ] {
            assert_eq!(rel(ignored), None, "{ignored}");
        }
        // An output folder inside cases/ is still ignored.
        assert_eq!(
            relevant(
                root,
                Path::new("/r/cases/out"),
                Path::new("/r/cases/out/x.pdf")
            ),
            None
        );
    }
}
