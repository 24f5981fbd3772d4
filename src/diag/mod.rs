//! Diagnostics: every problem avgdoc finds, in YAML, rules or templates, is
//! a [`Diagnostic`] of a registered [`Rule`] that points into a file of the
//! [`Sources`] map. One model, rendered by one renderer per output format
//! ([`render`]): code frames for people, JSON, GitHub annotations.
//!
//! Messages are Dutch: they are read by staff.

pub mod render;

use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::files::SimpleFiles;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Informational only.
    Note,
    /// Needs attention; never blocks rendering or fails a run.
    Warning,
    /// The case (or template) is wrong; the run fails.
    Error,
}

impl Severity {
    /// The Dutch word shown to staff.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "fout",
            Severity::Warning => "waarschuwing",
            Severity::Note => "opmerking",
        }
    }
}

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// A check with its documentation: every code a user can see is one of
/// these, registered in `rules::all()` and explained by `avgdoc explain`.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, never reused, e.g. `AVG-TERMIJN-01` or `YAML-01`.
    pub id: &'static str,
    /// Default severity (a rule may report a milder one, e.g. a deadline
    /// that is near rather than passed).
    pub severity: Severity,
    /// One Dutch line: what the rule checks.
    pub title: &'static str,
    /// The legal source, as a user can look it up: the law, and where
    /// useful the public document by its public name.
    pub source: &'static str,
    /// Longer Dutch explanation, with an example.
    pub explanation: &'static str,
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Rule {}

/// A finding of a rule, located in a file where possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule that found it; its id is the code users see.
    pub rule: &'static Rule,
    /// One Dutch sentence, without personal data from the case.
    pub message: String,
    /// Where the problem is; `None` for problems without a file.
    pub file: Option<FileId>,
    /// Byte range in that file.
    pub span: Option<Range<usize>>,
    /// Short text under the code frame marker.
    pub label: Option<String>,
    /// Further places in the same file that explain the finding (the
    /// receipt date beside a late letter's date), each with a label.
    pub secondary: Vec<(Range<usize>, String)>,
    /// Further lines ("= ..."), e.g. the legal source or a hint.
    pub notes: Vec<String>,
    /// The message for the human code frame only, where it may quote the
    /// offending value (staff see the YAML line there anyway). Machine
    /// formats (JSON, GitHub) always use `message`, which never holds a
    /// case value.
    pub message_mens: Option<String>,
    /// Never show the source line (a burgerservicenummer, a huge value):
    /// the human format gives the position without a code frame.
    pub hide_source: bool,
    /// An open deadline that has passed. Reported as an error, but it stops
    /// no letter (the late letter is exactly what must go out now) and fails
    /// the run only with `--fail-on verlopen`.
    pub verlopen: bool,
}

impl Diagnostic {
    /// A finding of `rule`, with the rule's severity.
    pub fn new(rule: &'static Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: rule.severity,
            rule,
            message: message.into(),
            file: None,
            span: None,
            label: None,
            secondary: Vec::new(),
            notes: Vec::new(),
            message_mens: None,
            hide_source: false,
            verlopen: false,
        }
    }

    /// Mark as a passed open deadline (see [`Diagnostic::verlopen`]).
    pub fn as_verlopen(mut self) -> Self {
        self.verlopen = true;
        self
    }

    /// An error that stops its case's letters and fails the run: every
    /// error except a passed deadline.
    pub fn is_blocking(&self) -> bool {
        self.is_error() && !self.verlopen
    }

    /// The message with the offending value, for the human format only.
    pub fn with_message_mens(mut self, message: impl Into<String>) -> Self {
        self.message_mens = Some(message.into());
        self
    }

    /// Show the position but never the source line.
    pub fn with_hidden_source(mut self) -> Self {
        self.hide_source = true;
        self
    }

    /// The stable code users see, e.g. `AVG-TERMIJN-01`.
    pub fn code(&self) -> &'static str {
        self.rule.id
    }

    /// Report with another severity than the rule's default.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Point the diagnostic at a byte range of a file.
    pub fn at(mut self, file: FileId, span: Range<usize>) -> Self {
        self.file = Some(file);
        self.span = Some(span);
        self
    }

    /// Point at a file without a position (the whole file is meant).
    pub fn in_file(mut self, file: FileId) -> Self {
        self.file = Some(file);
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Another place in the same file, with its label.
    pub fn with_secondary(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.secondary.push((span, label.into()));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// All files diagnostics can point into: case files, `avgdoc.yaml`,
/// templates. Names are shown as given (relative to the case repository).
#[derive(Default)]
pub struct Sources {
    files: SimpleFiles<String, String>,
    paths: Vec<PathBuf>,
    /// Prefix of the names of files in the case repository: the repository
    /// as seen from where avgdoc was started (`sub/` for `--root sub`), so
    /// every output format names `sub/cases/…`.
    base: String,
}

impl Sources {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sources whose repository files are named with `base` in front (see
    /// [`display_base`]).
    pub fn with_base(base: impl Into<String>) -> Self {
        Sources {
            base: base.into(),
            ..Self::default()
        }
    }

    /// Register a file of the case repository; `rel` is its path inside the
    /// repository (`cases/2026/x.yaml`), shown with the base in front.
    pub fn add_repo_file(
        &mut self,
        rel: impl AsRef<str>,
        path: impl AsRef<Path>,
        text: String,
    ) -> FileId {
        let name = format!("{}{}", self.base, rel.as_ref());
        self.add(name, path, text)
    }

    /// Register a file; `name` is what the user sees.
    pub fn add(&mut self, name: impl Into<String>, path: impl AsRef<Path>, text: String) -> FileId {
        self.paths.push(path.as_ref().to_path_buf());
        self.files.add(name.into(), text)
    }

    /// Number of registered files.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// How a file of the case repository is named (`rel` with the base in
    /// front), whether or not it was registered: where the machine formats
    /// that need a file place a diagnostic without one (`avgdoc.yaml`).
    pub fn repo_name(&self, rel: &str) -> String {
        format!("{}{rel}", self.base)
    }

    /// The path a file was read from.
    pub fn path(&self, id: FileId) -> Option<&Path> {
        self.paths.get(id).map(PathBuf::as_path)
    }

    pub fn name(&self, id: FileId) -> &str {
        self.files.get(id).map(|f| f.name().as_str()).unwrap_or("?")
    }

    /// The name of a file of the case repository relative to its root
    /// (`cases/2026/x.yaml`), without the base it is shown with.
    pub fn repo_relative(&self, id: FileId) -> &str {
        let name = self.name(id);
        name.strip_prefix(self.base.as_str()).unwrap_or(name)
    }

    pub fn text(&self, id: FileId) -> &str {
        self.files
            .get(id)
            .map(|f| f.source().as_str())
            .unwrap_or("")
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        let text = self.text(id);
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    /// Byte offset of a 1-based line and character column.
    pub fn offset_of(&self, id: FileId, line: usize, col: usize) -> usize {
        let text = self.text(id);
        let mut offset = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let col_bytes: usize = l
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return offset + col_bytes;
            }
            offset += l.len();
        }
        text.len()
    }
}

impl Sources {
    /// The files as codespan-reporting reads them.
    pub(crate) fn files(&self) -> &SimpleFiles<String, String> {
        &self.files
    }

    /// Line and column (1-based, columns in characters) of both ends of a
    /// diagnostic's span, if it has one.
    pub fn range_of(&self, d: &Diagnostic) -> Option<(usize, usize, usize, usize)> {
        let file = d.file?;
        let span = d.span.as_ref()?;
        let (l1, c1) = self.line_col(file, span.start);
        let (l2, c2) = self.line_col(file, span.end.max(span.start));
        Some((l1, c1, l2, c2))
    }
}

/// How the case repository at `root` is named from `cwd`, as a prefix ending
/// in `/` (empty for the current folder): `--root sub` gives `sub/`, an
/// absolute root below `cwd` its relative path, any other absolute root
/// itself.
pub fn display_base(root: &Path, cwd: Option<&Path>) -> String {
    use std::path::Component;
    let rel = match cwd {
        Some(cwd) if root.is_absolute() => root.strip_prefix(cwd).unwrap_or(root),
        _ => root,
    };
    if rel.is_absolute() {
        let s = rel.to_string_lossy().replace('\\', "/");
        return format!("{}/", s.trim_end_matches('/'));
    }
    let parts: Vec<String> = rel
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}/", parts.join("/"))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A list of diagnostics with helpers to count them.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(ds);
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// Errors other than passed deadlines (see [`Diagnostic::is_blocking`]).
    pub fn has_blocking_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_blocking)
    }

    /// Passed open deadlines.
    pub fn verlopen(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.verlopen).count()
    }
}

#[cfg(test)]
mod tests {
    use super::display_base;
    use std::path::Path;

    #[test]
    fn base_is_the_repository_as_seen_from_the_start_folder() {
        let cwd = Path::new("/werk");
        assert_eq!(display_base(Path::new("."), Some(cwd)), "");
        assert_eq!(display_base(Path::new("sub"), Some(cwd)), "sub/");
        assert_eq!(display_base(Path::new("./sub/"), Some(cwd)), "sub/");
        assert_eq!(display_base(Path::new("/werk/a/b"), Some(cwd)), "a/b/");
        assert_eq!(display_base(Path::new("/werk"), Some(cwd)), "");
        assert_eq!(
            display_base(Path::new("/elders/z"), Some(cwd)),
            "/elders/z/"
        );
        assert_eq!(display_base(Path::new("../z"), Some(cwd)), "../z/");
    }
}
