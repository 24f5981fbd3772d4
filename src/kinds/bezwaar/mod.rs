//! `bezwaar`: a bezwaar against a besluit (Awb ch. 6–7; Autoriteit
//! Persoonsgegevens, "Bezwaar maken").

pub mod facts;
pub mod letters;
pub mod model;
pub mod rules;
pub mod terms;

use std::any::Any;

use chrono::NaiveDate;
use serde_json::Value;

use crate::kinds::{Case, Kind};
use crate::merge::Document;
use crate::model::{Config, Spanned, Termijnen};
use crate::rules::Ctx;
use crate::terms::Due;
use model::Bezwaar;

kind!(BezwaarKind, Bezwaar, "bezwaar" {});

impl Case for Bezwaar {
    fn kind(&self) -> &'static dyn Kind {
        &KIND
    }

    fn kenmerk(&self) -> &Spanned<String> {
        &self.kenmerk
    }

    fn deelnemers(&self) -> &[Spanned<String>] {
        &self.deelnemers
    }

    fn check(&self, ctx: &Ctx, report: &mut crate::diag::Report) {
        rules::check(ctx, self, report);
    }

    fn next_deadline(&self, today: NaiveDate, _termijnen: &Termijnen) -> Option<Due> {
        let c = self;
        if c.ontvangen_op.value > today || facts::closed_on(c).is_some_and(|d| d <= today) {
            return None;
        }
        Some(Due::new(
            facts::beslistermijn_term(c),
            "beslissing op bezwaar",
            facts::beslistermijn_einde(c),
        ))
    }

    fn documents(&self, config: &Config, run_date: NaiveDate) -> Vec<Document> {
        letters::documents(self, config, run_date)
    }

    fn context(&self, config: &Config) -> Value {
        letters::context(config, self)
    }

    /// A bezwaar names its handler and the handler's own phone number
    /// (Awb 6:14; Autoriteit Persoonsgegevens, "Bezwaar maken").
    fn reference(&self) -> crate::kinds::Reference<'_> {
        crate::kinds::Reference {
            uw_kenmerk: self.uw_kenmerk.as_deref(),
            behandelaar: Some(&self.behandelaar.naam),
            telefoon: Some(&self.behandelaar.telefoon),
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
