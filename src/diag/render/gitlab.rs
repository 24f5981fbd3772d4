//! Diagnostics as a GitLab Code Quality report
//! (`artifacts:reports:codequality`): a JSON array of issues with
//! `description`, `check_name`, `fingerprint`, `severity` and
//! `location.path` / `location.lines.begin`. Like every machine format, the
//! description is [`Diagnostic::message`], never a value from the case.

use serde_json::{Value, json};

use super::{fingerprints, location_or_config};
use crate::diag::{Diagnostic, Severity, Sources};

/// One issue per diagnostic.
pub fn render(sources: &Sources, diags: &[Diagnostic]) -> String {
    let fingerprints = fingerprints(sources, diags);
    let issues: Vec<Value> = diags
        .iter()
        .zip(&fingerprints)
        .map(|(d, fingerprint)| {
            let (path, range) = location_or_config(sources, d);
            json!({
                "description": d.message,
                "check_name": d.code(),
                "fingerprint": fingerprint,
                "severity": severity(d),
                "location": {
                    "path": path,
                    "lines": { "begin": range.map_or(1, |r| r.0) },
                },
            })
        })
        .collect();
    serde_json::to_string_pretty(&issues).expect("serialisable") + "\n"
}

/// An error that stops a letter is `critical`; a passed deadline (an error
/// that stops nothing) `major`; a warning `minor`; a note `info`.
fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error if d.verlopen => "major",
        Severity::Error => "critical",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}
