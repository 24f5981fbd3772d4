//! `wpg-verzoek`: a request about police data under the Wet politiegegevens
//! (art. 25–28 Wpg; Autoriteit Persoonsgegevens, "Politie"), answered in the
//! name of a police deelnemer.

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
use model::WpgVerzoek;

kind!(WpgVerzoekKind, WpgVerzoek, "wpg-verzoek" {});

impl Case for WpgVerzoek {
    fn kind(&self) -> &'static dyn Kind {
        &KIND
    }

    fn kenmerk(&self) -> &Spanned<String> {
        &self.kenmerk
    }

    fn deelnemers(&self) -> &[Spanned<String>] {
        std::slice::from_ref(&self.afzender)
    }

    fn check(&self, ctx: &Ctx, report: &mut crate::diag::Report) {
        rules::check(ctx, self, report);
    }

    fn next_deadline(&self, today: NaiveDate, _termijnen: &Termijnen) -> Option<Due> {
        let c = self;
        if c.ontvangen_op.value > today || facts::closed_on(c, today).is_some() {
            return None;
        }
        Some(Due::new(
            facts::term(c),
            "besluit op Wpg-verzoek",
            facts::wpg_einde(c),
        ))
    }

    fn documents(&self, config: &Config, run_date: NaiveDate) -> Vec<Document> {
        letters::documents(self, config, run_date)
    }

    fn context(&self, config: &Config) -> Value {
        letters::context(config, self)
    }

    fn reference(&self) -> crate::kinds::Reference<'_> {
        crate::kinds::Reference {
            uw_kenmerk: self.uw_kenmerk.as_deref(),
            behandelaar: self.behandelaar.as_deref(),
            telefoon: None,
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
