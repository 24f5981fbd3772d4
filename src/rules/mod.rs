//! Stage 2: the rules engine. Every check is a [`Rule`] with a stable id, a
//! severity, a Dutch title and its legal source. Rules see one case, the
//! organisation file and the reference date ("vandaag"), and return
//! diagnostics that point at the YAML line that matters.
//!
//! Rules never change a case; computed facts (deadlines) come from pure
//! functions that the merge stage calls too, so a letter never shows a date
//! the rules did not check.

pub mod avg_verzoek;
pub mod bezwaar;
pub mod common;
pub mod datalek;
pub mod notificatie;
pub mod system;
pub mod wpg;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, FileId, Report, Severity, Sources};
use crate::load::Workspace;
use crate::model::{Case, Config};

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
        rule: &Rule,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.diag_severity(rule, rule.severity, span, message)
    }

    pub fn diag_severity(
        &self,
        rule: &Rule,
        severity: Severity,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(severity, rule.id, message)
            .at(self.file, span)
            .with_note(format!("bron: {}", rule.source))
    }
}

/// A check with its documentation.
pub struct Rule {
    /// Stable id, never reused.
    pub id: &'static str,
    /// Default severity (a rule may report a milder one, e.g. a deadline
    /// that is near rather than passed).
    pub severity: Severity,
    /// One Dutch line: what the rule checks.
    pub title: &'static str,
    /// The legal source.
    pub source: &'static str,
    /// Longer Dutch explanation, with an example.
    pub explanation: &'static str,
}

/// All rules, in the order `avgdoc rules` lists them.
pub fn all() -> Vec<&'static Rule> {
    let mut v: Vec<&'static Rule> = Vec::new();
    v.extend(common::RULES);
    v.extend(avg_verzoek::RULES);
    v.extend(notificatie::RULES);
    v.extend(datalek::RULES);
    v.extend(bezwaar::RULES);
    v.extend(wpg::RULES);
    v.extend(system::RULES);
    v
}

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

    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, cf) in ws.cases.iter().enumerate() {
        let ctx = Ctx {
            config,
            sources: &ws.sources,
            file: cf.file,
            today,
        };
        let report = &mut out.cases[i];
        common::check_case(&ctx, &cf.case, report);
        match &cf.case {
            Case::AvgVerzoek(c) => avg_verzoek::check(&ctx, c, report),
            Case::Bezwaar(c) => bezwaar::check(&ctx, c, report),
            Case::WpgVerzoek(c) => wpg::check_wpg(&ctx, c, report),
            Case::Raadpleging(c) => wpg::check_raadpleging(&ctx, c, report),
            Case::Notificatie(c) => notificatie::check(&ctx, c, report),
            Case::Datalek(c) => datalek::check(&ctx, c, report),
        }
        let kenmerk = cf.case.kenmerk();
        let key = kenmerk.value.to_ascii_lowercase();
        if let Some(&first) = seen.get(&key) {
            report.push(
                ctx.diag(
                    &common::KENMERK_02,
                    kenmerk.span.clone(),
                    format!(
                        "kenmerk `{}` komt ook voor in {}; de brieven zouden elkaar overschrijven",
                        kenmerk.value, ws.cases[first].name
                    ),
                )
                .with_label("dubbel kenmerk"),
            );
        } else {
            seen.insert(key, i);
        }
    }
    out
}
