//! `avg-verzoek`: a data subject's request under art. 15–21 AVG (factsheet
//! "Verantwoordelijkheden contactpunt" ch. 1–2, Bijlage A).

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
use model::AvgVerzoek;

kind!(AvgVerzoekKind, AvgVerzoek, "avg-verzoek" {});

impl Case for AvgVerzoek {
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

    fn next_deadline(&self, today: NaiveDate, termijnen: &Termijnen) -> Option<Due> {
        let c = self;
        if !facts::open_on(c, today) {
            // Closed, but an exception in the besluit still needs re-checking.
            c.besluit.as_ref().filter(|b| b.datum.value <= today)?;
            return Some(Due::new(
                &crate::kinds::algemeen::HERCONTROLE,
                "hertoetsing uitzondering in het besluit",
                facts::hercontrole(c, termijnen)?,
            ));
        }
        Some(match facts::effective_deadline(c) {
            Some(end) if facts::valid_extension(c).is_some() => Due::new(
                &terms::AVG_VERLENGD,
                "antwoord op AVG-verzoek (verlengd)",
                end,
            ),
            Some(end) => Due::new(&terms::AVG_VERZOEK, "antwoord op AVG-verzoek", end),
            None => Due::new(
                &terms::AVG_VERZOEK,
                "streefdatum; identiteit nog niet vastgesteld",
                facts::streefdatum(c).end,
            ),
        })
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
