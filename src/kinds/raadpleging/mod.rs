//! `voorafgaande-raadpleging`: a prior consultation of the AP after a DPIA
//! (art. 36 AVG; Autoriteit Persoonsgegevens, "Voorafgaande raadpleging").

pub mod facts;
pub mod letters;
pub mod model;
pub mod rules;
pub mod terms;

use std::any::Any;

use chrono::NaiveDate;
use serde_json::Value;

use crate::diag::{Diagnostic, FileId, Rule, Sources};
use crate::kinds::{Case, Kind, LetterSpec};
use crate::merge::Document;
use crate::model::{Config, Spanned, Termijnen};
use crate::rules::Ctx;
use crate::terms::{Due, Term};
use model::Raadpleging;

/// The `voorafgaande-raadpleging` kind.
pub struct RaadplegingKind;

pub static KIND: RaadplegingKind = RaadplegingKind;

impl Kind for RaadplegingKind {
    fn soort(&self) -> &'static str {
        "voorafgaande-raadpleging"
    }

    fn parse(&self, sources: &Sources, file: FileId) -> Result<Box<dyn Case>, Diagnostic> {
        crate::load::parse::<Raadpleging>(sources, file).map(|c| Box::new(c) as Box<dyn Case>)
    }

    fn rules(&self) -> &'static [&'static Rule] {
        rules::RULES
    }

    fn terms(&self) -> &'static [&'static Term] {
        terms::TERMS
    }

    fn letters(&self) -> &'static [&'static LetterSpec] {
        letters::LETTERS
    }

    fn scaffold(&self, new: &super::NewCase) -> String {
        new.fill(include_str!("scaffold.yaml"))
    }
}

impl Case for Raadpleging {
    fn kind(&self) -> &'static dyn Kind {
        &KIND
    }

    fn kenmerk(&self) -> &Spanned<String> {
        &self.kenmerk
    }

    fn deelnemers(&self) -> &[Spanned<String>] {
        &[]
    }

    fn check(&self, ctx: &Ctx, report: &mut crate::diag::Report) {
        rules::check(ctx, self, report);
    }

    fn next_deadline(&self, today: NaiveDate, _termijnen: &Termijnen) -> Option<Due> {
        let c = self;
        if c.eindbrief_op.as_ref().is_some_and(|d| d.value <= today) {
            return None;
        }
        // The AP's term: informational; it is never our deadline to miss.
        Some(Due::new(
            facts::term(c),
            "advies van de AP uiterlijk (informatief)",
            facts::advies_uiterlijk(c)?,
        ))
    }

    fn documents(&self, config: &Config, run_date: NaiveDate) -> Vec<Document> {
        letters::documents(self, config, run_date)
    }

    fn context(&self, config: &Config) -> Value {
        letters::context(config, self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
