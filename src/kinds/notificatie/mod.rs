//! `notificatie`: informing a person whose case the samenwerkingsverband
//! handles (art. 14 AVG; factsheet "Verantwoordelijkheden contactpunt" ch. 3).

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
use model::Notificatie;

kind!(NotificatieKind, Notificatie, "notificatie" {});

impl Case for Notificatie {
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
        let sent = c
            .verzonden
            .notificatiebrief
            .as_ref()
            .is_some_and(|d| d.value <= today);
        if c.aanmelding_op.value > today || sent || c.geen_adres.is_some() {
            return None;
        }
        if facts::uitgesteld(c, today) {
            // Postponed on an exception: the next date is the re-check.
            let term = &crate::kinds::algemeen::HERCONTROLE;
            return Some(Due::new(
                term,
                "hertoetsing uitzondering (informatieplicht uitgesteld)",
                term.end(facts::laatst_getoetst(c), termijnen),
            ));
        }
        Some(Due::new(
            &terms::ART14,
            "informeren volgens art. 14 AVG",
            facts::termijn_einde(c),
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
            uw_kenmerk: None,
            behandelaar: self.behandelaar.as_deref(),
            telefoon: None,
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
