//! Diagnostics as GitHub Actions workflow commands, so they annotate the
//! commit: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use crate::diag::{Diagnostic, Severity, Sources};

/// One workflow command per diagnostic. Columns are left out when the span
/// covers more than one line (a GitHub restriction).
pub fn render(sources: &Sources, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = Vec::new();
        if let Some(f) = d.file {
            props.push(format!("file={}", property(sources.name(f))));
        }
        if let Some((l1, c1, l2, c2)) = sources.range_of(d) {
            props.push(format!("line={l1}"));
            props.push(format!("endLine={l2}"));
            if l1 == l2 {
                props.push(format!("col={c1}"));
                props.push(format!("endColumn={c2}"));
            }
        }
        props.push(format!(
            "title={}",
            property(&format!("avgdoc ({})", d.code()))
        ));
        let mut message = d.message.clone();
        if let Some(f) = d.file {
            for (span, label) in &d.secondary {
                let (line, _) = sources.line_col(f, span.start);
                message.push_str(&format!("\nregel {line}: {label}"));
            }
        }
        for n in &d.notes {
            message.push('\n');
            message.push_str(n);
        }
        out.push_str(&format!(
            "::{kind} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    out
}

/// Escape a workflow-command message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow-command property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
