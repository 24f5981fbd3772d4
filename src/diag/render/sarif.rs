//! Diagnostics as SARIF 2.1.0, for GitHub code scanning
//! (`github/codeql-action/upload-sarif`): one run, the rules that occur as
//! `tool.driver.rules` (title; explanation and legal source), one result per
//! diagnostic. Like every machine format, a result's message is
//! [`Diagnostic::message`], never a value from the case.

use serde_json::{Value, json};

use super::{fingerprints, location_or_config};
use crate::diag::{Diagnostic, Severity, Sources};

/// The schema every SARIF 2.1.0 log names.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// One SARIF log with one run.
pub fn render(sources: &Sources, diags: &[Diagnostic]) -> String {
    // The rules that occur, in order of first occurrence; `ruleIndex`
    // points into this list.
    let mut rules: Vec<&'static crate::diag::Rule> = Vec::new();
    for d in diags {
        if !rules.contains(&d.rule) {
            rules.push(d.rule);
        }
    }
    let fingerprints = fingerprints(sources, diags);
    let results: Vec<Value> = diags
        .iter()
        .zip(&fingerprints)
        .map(|(d, fingerprint)| {
            let index = rules.iter().position(|r| *r == d.rule).expect("listed");
            let (path, range) = location_or_config(sources, d);
            // SARIF's endColumn is the column after the region, as ours is.
            let region = match range {
                Some((l1, c1, l2, c2)) => json!({
                    "startLine": l1, "startColumn": c1, "endLine": l2, "endColumn": c2,
                }),
                None => json!({ "startLine": 1 }),
            };
            let mut artifact = json!({ "uri": uri(&path) });
            if !is_absolute(&path) {
                artifact["uriBaseId"] = json!("%SRCROOT%");
            }
            json!({
                "ruleId": d.code(),
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": message(sources, d) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": region,
                    }
                }],
                "partialFingerprints": { "avgdoc/v1": fingerprint },
            })
        })
        .collect();
    let rules: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": format!("{}\n\nBron: {}", r.explanation.trim(), r.source) },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "avgdoc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            // Columns count characters, as in every other format.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&log).expect("serialisable") + "\n"
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The message with the secondary places and the notes, as the GitHub
/// annotations have them.
fn message(sources: &Sources, d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    if let Some(f) = d.file {
        for (span, label) in &d.secondary {
            let (line, _) = sources.line_col(f, span.start);
            text.push_str(&format!("\nregel {line}: {label}"));
        }
    }
    for n in &d.notes {
        text.push('\n');
        text.push_str(n);
    }
    text
}

fn is_absolute(path: &str) -> bool {
    path.starts_with('/') || path.as_bytes().get(1) == Some(&b':')
}

/// A file name as a URI reference: relative names stay relative (to
/// `%SRCROOT%`), absolute ones become `file://` URIs; every byte outside the
/// unreserved characters and `/` is percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    let rest = if path.starts_with('/') {
        out.push_str("file://");
        path
    } else if path.as_bytes().get(1) == Some(&b':') {
        // A Windows drive: file:///C:/…
        out.push_str("file:///");
        out.push_str(&path[..2]);
        &path[2..]
    } else {
        path
    };
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(
            uri("zaken/cases/2026/ZVH-2026-0001.yaml"),
            "zaken/cases/2026/ZVH-2026-0001.yaml"
        );
        assert_eq!(uri("cases/mijn zaak#1.yaml"), "cases/mijn%20zaak%231.yaml");
        assert_eq!(uri("cases/ë.yaml"), "cases/%C3%AB.yaml");
        assert_eq!(uri("/elders/z/avgdoc.yaml"), "file:///elders/z/avgdoc.yaml");
        assert_eq!(uri("C:/z/avgdoc.yaml"), "file:///C:/z/avgdoc.yaml");
    }
}
