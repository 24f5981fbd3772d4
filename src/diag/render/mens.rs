//! Code frames for people, in the look of typst's own errors
//! (codespan-reporting), with Dutch severity words.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::term::{self, Config};

use crate::diag::{Diagnostic, Severity, Sources};

/// One diagnostic as a Dutch code frame:
///
/// ```text
/// fout[AVG-01]: onbekende deelnemer `ggd`
///   ┌─ cases/2026-0412.yaml:14:5
///   ...
/// ```
pub fn render(sources: &Sources, diag: &Diagnostic) -> String {
    render_with(sources, diag, false)
}

/// [`render`] with ANSI colours (red errors, yellow warnings), for a
/// terminal (see `crate::term`).
pub fn render_coloured(sources: &Sources, diag: &Diagnostic) -> String {
    render_with(sources, diag, true)
}

fn render_with(sources: &Sources, diag: &Diagnostic, colour: bool) -> String {
    let severity = match diag.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let mut cs = CsDiagnostic::new(severity)
        .with_code(diag.code().to_string())
        .with_message(
            diag.message_mens
                .clone()
                .unwrap_or_else(|| diag.message.clone()),
        )
        .with_notes(diag.notes.clone());
    if let Some(file) = diag.file {
        let text_len = sources.text(file).len();
        let clamp = |r: &std::ops::Range<usize>| r.start.min(text_len)..r.end.min(text_len);
        let text = sources.text(file);
        let long = diag
            .span
            .iter()
            .chain(diag.secondary.iter().map(|(s, _)| s))
            .any(|s| line_too_long(text, s.start) || line_too_long(text, s.end.saturating_sub(1)));
        if let (true, Some(span)) = (diag.hide_source || long, &diag.span) {
            // The position without the line itself.
            let (line, col) = sources.line_col(file, span.start);
            cs.notes
                .insert(0, format!("in {}:{line}:{col}", sources.name(file)));
            if long && !diag.hide_source {
                cs.notes.insert(
                    1,
                    format!("de regel is langer dan {MAX_LINE} tekens en wordt niet getoond"),
                );
            }
        } else if let Some(span) = &diag.span {
            let mut label = Label::primary(file, clamp(span));
            if let Some(l) = &diag.label {
                label = label.with_message(l.clone());
            }
            let mut labels = vec![label];
            for (span, text) in &diag.secondary {
                labels.push(Label::secondary(file, clamp(span)).with_message(text.clone()));
            }
            cs = cs.with_labels(labels);
        } else {
            cs.notes.insert(0, format!("in {}", sources.name(file)));
        }
    }
    let config = Config::default();
    let emitted = if colour {
        let mut w = term::termcolor::Ansi::new(Vec::new());
        term::emit_to_write_style(&mut w, &config, sources.files(), &cs)
            .map(|()| String::from_utf8_lossy(&w.into_inner()).into_owned())
    } else {
        term::emit_into_string(&config, sources.files(), &cs)
    };
    let out = emitted.unwrap_or_else(|_| {
        format!(
            "{}[{}]: {}\n",
            diag.severity.word(),
            diag.code(),
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
        // In colour the word comes after an escape sequence.
        None => out.replacen(
            &format!("{english}["),
            &format!("{}[", diag.severity.word()),
            1,
        ),
    }
}

/// Lines longer than this are not shown in a code frame (a 20 MB line would
/// go to the terminal whole).
const MAX_LINE: usize = 500;

/// Whether the line holding byte `offset` of `text` is longer than
/// [`MAX_LINE`] bytes.
fn line_too_long(text: &str, offset: usize) -> bool {
    let b = text.as_bytes();
    let offset = offset.min(b.len());
    let start = b[..offset]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1);
    let end = b[offset..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |i| offset + i);
    end - start > MAX_LINE
}
