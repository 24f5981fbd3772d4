//! Stage 2: the rules engine. Every check is a [`Rule`] with a stable id, a
//! severity, a Dutch title and its legal source. Rules see one case, the
//! organisation file and the reference date ("vandaag"), and return
//! diagnostics that point at the YAML line that matters.
//!
//! Rules never change a case; computed facts (deadlines) come from pure
//! functions that the merge stage calls too, so a letter never shows a date
//! the rules did not check.

pub mod common;
pub mod system;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, FileId, Report, Severity, Sources};
use crate::load::Workspace;
use crate::model::Config;

/// What a rule gets to look at.
pub struct Ctx<'a> {
    pub config: &'a Config,
    pub sources: &'a Sources,
    pub file: FileId,
    /// The reference date for "overdue" (`--vandaag`).
    pub today: NaiveDate,
}

impl Ctx<'_> {
    /// A diagnostic of `rule` at `span` of the case file.
    pub fn diag(
        &self,
        rule: &'static Rule,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.diag_severity(rule, rule.severity, span, message)
    }

    pub fn diag_severity(
        &self,
        rule: &'static Rule,
        severity: Severity,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(rule, message)
            .with_severity(severity)
            .at(self.file, span)
            .with_note(format!("bron: {}", rule.source))
    }
}

pub use crate::diag::Rule;

/// All rules, in the order `avgdoc rules` lists them.
pub fn all() -> Vec<&'static Rule> {
    let mut v: Vec<&'static Rule> = Vec::new();
    v.extend(common::RULES);
    for kind in crate::kinds::KINDS {
        v.extend(kind.rules());
    }
    v.extend(crate::kinds::algemeen::RULES);
    v.extend(system::RULES);
    v
}

/// Codes that were once issued and are retired: never to be given to
/// another rule, so an old CI log or note never points at the wrong rule.
pub const RETIRED: &[&str] = &[];

/// Look a rule up by id (case-insensitive).
pub fn find(id: &str) -> Option<&'static Rule> {
    all().into_iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// The outcome of [`check`].
#[derive(Debug, Default)]
pub struct Checked {
    /// Findings in `avgdoc.yaml`; any error here stops all rendering.
    pub config: Report,
    /// Findings per case, in the order of `Workspace::cases`.
    pub cases: Vec<Report>,
}

/// Run every rule on every loaded case, plus the checks across cases
/// (duplicate kenmerk). Diagnostics are kept per case, so the render stage
/// can skip exactly the cases with errors.
pub fn check(ws: &Workspace, today: NaiveDate) -> Checked {
    let mut out = Checked {
        config: Report::default(),
        cases: vec![Report::default(); ws.cases.len()],
    };
    let (Some(config), Some(config_file)) = (&ws.config, ws.config_file) else {
        return out;
    };
    let ctx = Ctx {
        config,
        sources: &ws.sources,
        file: config_file,
        today,
    };
    common::check_config(&ctx, &mut out.config);

    // Kenmerk → the file that has it first. Case files left out of a
    // selection come first: a checked case that repeats one is reported.
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (name, kenmerk) in &ws.other_kenmerken {
        seen.entry(kenmerk.to_ascii_lowercase()).or_insert(name);
    }
    // Each case's own rules on every core; the check across cases after.
    let ctx_of = |cf: &crate::load::CaseFile| Ctx {
        config,
        sources: &ws.sources,
        file: cf.file,
        today,
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    out.cases = crate::pipeline::run_jobs(&ws.cases, threads, |cf| {
        let mut report = Report::default();
        common::check_case(&ctx_of(cf), cf.case.as_ref(), &mut report);
        cf.case.check(&ctx_of(cf), &mut report);
        report
    });
    for (i, cf) in ws.cases.iter().enumerate() {
        let ctx = ctx_of(cf);
        let report = &mut out.cases[i];
        let kenmerk = cf.case.kenmerk();
        let key = kenmerk.value.to_ascii_lowercase();
        if let Some(first) = seen.get(&key).copied() {
            report.push(
                ctx.diag(
                    &common::KENMERK_02,
                    kenmerk.span.clone(),
                    format!(
                        "dit kenmerk komt ook voor in {first}; de brieven zouden elkaar overschrijven"
                    ),
                )
                .with_message_mens(format!(
                    "kenmerk `{}` komt ook voor in {first}; de brieven zouden elkaar overschrijven",
                    kenmerk.value.chars().take(64).collect::<String>(),
                ))
                .with_label("dubbel kenmerk"),
            );
        } else {
            seen.insert(key, &cf.name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_and_unique() {
        let rules = all();
        let mut seen = std::collections::BTreeSet::new();
        for r in &rules {
            assert!(seen.insert(r.id), "{} is registered twice", r.id);
            assert!(!RETIRED.contains(&r.id), "{} is a retired code", r.id);
            assert!(!r.title.trim().is_empty(), "{} has no title", r.id);
            assert!(!r.source.trim().is_empty(), "{} has no source", r.id);
            assert!(
                r.explanation.trim().len() > 40,
                "{} has no explanation",
                r.id
            );
            let id_ok =
                r.id.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
            assert!(id_ok, "{}: codes are upper case, digits and dashes", r.id);
        }
    }

    /// Codes are never reused: a code that leaves the registry moves to
    /// [`RETIRED`], and this list only grows.
    #[test]
    fn codes_are_never_reused() {
        let ids: Vec<&str> = all()
            .iter()
            .map(|r| r.id)
            .chain(RETIRED.iter().copied())
            .collect();
        insta::assert_snapshot!("rule_codes", ids.join("\n"));
    }

    #[test]
    fn every_term_names_a_registered_rule() {
        let rules = all();
        for t in crate::kinds::terms() {
            assert!(
                rules.iter().any(|r| std::ptr::eq(*r, t.rule)),
                "term {} names rule {}, which is not registered",
                t.id,
                t.rule.id
            );
        }
    }

    /// Users see every `bron:`: it cites the law and public documents by
    /// their public names, never a file of ours.
    #[test]
    fn sources_cite_only_public_documents() {
        for r in all() {
            for text in [r.source, r.explanation, r.title] {
                for internal in ["seed", "legal.md", "letter.md", "typst-batch", "style.md"] {
                    assert!(
                        !text.contains(internal),
                        "{} cites `{internal}`: {text}",
                        r.id
                    );
                }
                // The spec's reading numbers (U5, U11) mean nothing to users.
                let words = text.split(|c: char| !c.is_ascii_alphanumeric());
                for w in words {
                    let reading = w.len() > 1
                        && w.starts_with('U')
                        && w[1..].chars().all(|c| c.is_ascii_digit());
                    assert!(!reading, "{} cites reading `{w}`: {text}", r.id);
                }
            }
        }
    }
}
