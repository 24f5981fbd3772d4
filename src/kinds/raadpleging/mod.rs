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

use crate::kinds::{Case, Kind};
use crate::merge::Document;
use crate::model::{Config, Spanned, Termijnen};
use crate::rules::Ctx;
use crate::terms::Due;
use model::Raadpleging;

kind!(RaadplegingKind, Raadpleging, "voorafgaande-raadpleging" {});

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

    fn context(&self, _config: &Config) -> Value {
        letters::context(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
