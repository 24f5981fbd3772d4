//! Diagnostics as one JSON array, for tools.

use crate::diag::{Diagnostic, Sources};

/// One object per diagnostic: `code`, `severity` (`fout`, `waarschuwing`,
/// `opmerking`), `message`, `file`, `line`, `column`, `end_line`,
/// `end_column`, `label` (the text at the primary place), `labels`
/// (secondary places: `line`, `column`, `label`), `notes`.
pub fn render(sources: &Sources, diags: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            let range = sources.range_of(d);
            let labels: Vec<serde_json::Value> = match d.file {
                Some(f) => d
                    .secondary
                    .iter()
                    .map(|(span, label)| {
                        let (line, column) = sources.line_col(f, span.start);
                        serde_json::json!({ "line": line, "column": column, "label": label })
                    })
                    .collect(),
                None => Vec::new(),
            };
            serde_json::json!({
                "code": d.code(),
                "severity": d.severity.word(),
                "message": d.message,
                "file": d.file.map(|f| sources.name(f)),
                "line": range.map(|r| r.0),
                "column": range.map(|r| r.1),
                "end_line": range.map(|r| r.2),
                "end_column": range.map(|r| r.3),
                "label": d.label,
                "labels": labels,
                "notes": d.notes,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("serialisable") + "\n"
}
