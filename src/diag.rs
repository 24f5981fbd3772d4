//! Diagnostics: every problem avgdoc finds, in YAML, rules or templates, is
//! a [`Diagnostic`] that points into a file of the [`Sources`] map. One model,
//! rendered by [`Sources::render`] as a code frame (codespan-reporting, the
//! same look as typst's own errors); other formats can render the same data.
//!
//! Messages are Dutch: they are read by staff.

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};

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

/// A finding, located in a file where possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, e.g. `AVG-TERMIJN-01` or `YAML-01`.
    pub code: Cow<'static, str>,
    /// One Dutch sentence, without personal data from the case.
    pub message: String,
    /// Where the problem is; `None` for problems without a file.
    pub file: Option<FileId>,
    /// Byte range in that file.
    pub span: Option<Range<usize>>,
    /// Short text under the code frame marker.
    pub label: Option<String>,
    /// Further lines ("= ..."), e.g. the legal source or a hint.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code: code.into(),
            message: message.into(),
            file: None,
            span: None,
            label: None,
            notes: Vec::new(),
        }
    }

    pub fn error(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
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
}

impl Sources {
    pub fn new() -> Self {
        Self::default()
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

    pub fn name(&self, id: FileId) -> &str {
        self.files.get(id).map(|f| f.name().as_str()).unwrap_or("?")
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

    /// Render a diagnostic as a Dutch code frame:
    ///
    /// ```text
    /// fout[AVG-01]: onbekende deelnemer `ggd`
    ///   ┌─ cases/2026-0412.yaml:14:5
    ///   ...
    /// ```
    pub fn render(&self, diag: &Diagnostic) -> String {
        let severity = match diag.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
            Severity::Note => CsSeverity::Note,
        };
        let mut cs = CsDiagnostic::new(severity)
            .with_code(diag.code.to_string())
            .with_message(diag.message.clone())
            .with_notes(diag.notes.clone());
        if let Some(file) = diag.file {
            let text_len = self.text(file).len();
            let span = diag.span.clone().unwrap_or(0..0);
            let span = span.start.min(text_len)..span.end.min(text_len);
            let mut label = Label::primary(file, span);
            if let Some(l) = &diag.label {
                label = label.with_message(l.clone());
            }
            if diag.span.is_some() {
                cs = cs.with_labels(vec![label]);
            } else {
                cs.notes.insert(0, format!("in {}", self.name(file)));
            }
        }
        let config = Config::default();
        let out = term::emit_into_string(&config, &self.files, &cs).unwrap_or_else(|_| {
            format!(
                "{}[{}]: {}\n",
                diag.severity.word(),
                diag.code,
                diag.message
            )
        });
        // codespan-reporting writes the severity in English; staff read Dutch.
        let english = match diag.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        match out.strip_prefix(english) {
            Some(rest) => format!("{}{}", diag.severity.word(), rest),
            None => out,
        }
    }

    /// A one-line form: `file:line:col: fout[CODE]: message`.
    pub fn render_short(&self, diag: &Diagnostic) -> String {
        let location = match (diag.file, &diag.span) {
            (Some(f), Some(span)) => {
                let (l, c) = self.line_col(f, span.start);
                format!("{}:{l}:{c}: ", self.name(f))
            }
            (Some(f), None) => format!("{}: ", self.name(f)),
            _ => String::new(),
        };
        format!(
            "{location}{}[{}]: {}",
            diag.severity.word(),
            diag.code,
            diag.message
        )
    }
}

impl Sources {
    /// Line and column (1-based, columns in characters) of both ends of a
    /// diagnostic's span, if it has one.
    fn range_of(&self, d: &Diagnostic) -> Option<(usize, usize, usize, usize)> {
        let file = d.file?;
        let span = d.span.as_ref()?;
        let (l1, c1) = self.line_col(file, span.start);
        let (l2, c2) = self.line_col(file, span.end.max(span.start));
        Some((l1, c1, l2, c2))
    }

    /// Diagnostics as a JSON array, one object per diagnostic: `code`,
    /// `severity` (`fout`, `waarschuwing`, `opmerking`), `message`, `file`,
    /// `line`, `column`, `end_line`, `end_column`, `notes`.
    pub fn render_json(&self, diags: &[Diagnostic]) -> String {
        let items: Vec<serde_json::Value> = diags
            .iter()
            .map(|d| {
                let range = self.range_of(d);
                serde_json::json!({
                    "code": d.code,
                    "severity": d.severity.word(),
                    "message": d.message,
                    "file": d.file.map(|f| self.name(f)),
                    "line": range.map(|r| r.0),
                    "column": range.map(|r| r.1),
                    "end_line": range.map(|r| r.2),
                    "end_column": range.map(|r| r.3),
                    "notes": d.notes,
                })
            })
            .collect();
        serde_json::to_string_pretty(&items).expect("serialisable") + "\n"
    }

    /// Diagnostics as GitHub Actions workflow commands, so they annotate the
    /// commit: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
    /// Columns are left out when the span covers more than one line (a
    /// GitHub restriction).
    pub fn render_github(&self, diags: &[Diagnostic]) -> String {
        let mut out = String::new();
        for d in diags {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut props = Vec::new();
            if let Some(f) = d.file {
                props.push(format!("file={}", gh_property(self.name(f))));
            }
            if let Some((l1, c1, l2, c2)) = self.range_of(d) {
                props.push(format!("line={l1}"));
                props.push(format!("endLine={l2}"));
                if l1 == l2 {
                    props.push(format!("col={c1}"));
                    props.push(format!("endColumn={c2}"));
                }
            }
            props.push(format!(
                "title={}",
                gh_property(&format!("avgdoc ({})", d.code))
            ));
            let mut message = d.message.clone();
            for n in &d.notes {
                message.push('\n');
                message.push_str(n);
            }
            out.push_str(&format!(
                "::{kind} {}::{}\n",
                props.join(","),
                gh_data(&message)
            ));
        }
        out
    }
}

/// Escape a workflow-command message.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow-command property value.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
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
}
