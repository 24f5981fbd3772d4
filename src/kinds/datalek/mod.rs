//! `datalek`: a personal data breach (art. 33–34 AVG; factsheet
//! "Verantwoordelijkheden contactpunt" ch. 4, Bijlage B), with the
//! organisation-wide datalekregister (art. 33 lid 5 AVG).

pub mod bestand;
pub mod facts;
pub mod letters;
pub mod model;
pub mod register;
pub mod rules;
pub mod terms;

use std::any::Any;

use chrono::NaiveDate;
use serde_json::Value;

use crate::kinds::{Case, Kind, Register};
use crate::merge::Document;
use crate::model::{Config, Spanned, Termijnen};
use crate::rules::Ctx;
use crate::terms::Due;
use model::Datalek;

/// A breach case, with the persons of its CSV file read next to it.
fn parse_case(
    sources: &crate::diag::Sources,
    file: crate::diag::FileId,
    tree: &Spanned<crate::guard::Node>,
) -> Result<Box<dyn Case>, crate::diag::Diagnostic> {
    let mut case = crate::load::parse_tree::<Datalek>(sources, file, tree)?;
    if let (Some(bestand), Some(path)) = (&case.betrokkenen.bestand, sources.path(file)) {
        case.uit_bestand = bestand::read(path, sources.repo_relative(file), bestand);
    }
    Ok(Box::new(case))
}

kind!(DatalekKind, Datalek, "datalek", parse = parse_case, {
    fn registers(&self, cases: &[&dyn Case], config: &Config, date: NaiveDate) -> Vec<Register> {
        let breaches: Vec<&Datalek> = cases
            .iter()
            .filter_map(|c| c.as_any().downcast_ref::<Datalek>())
            .collect();
        register::registers(&breaches, config, date)
    }
});

impl Case for Datalek {
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
        // A breach whose AP notification is due and not yet made: the 72
        // hours, shown by their last day (the report counts days). After a
        // voorlopige melding: its completion.
        let c = self;
        if let Some(end) = facts::aanvulling_uiterlijk(c, termijnen)
            && c.melding_ap
                .as_ref()
                .is_some_and(|m| m.aangevuld_op.is_none())
            && facts::gemeld(c).is_some_and(|t| t.date_naive() <= today)
        {
            return Some(Due::new(
                &terms::DATALEK_AANVULLING,
                "aanvulling op de voorlopige melding aan de AP",
                end,
            ));
        }
        if !facts::melden(c) || facts::gemeld(c).is_some() {
            return None;
        }
        if facts::ontdekt(c)?.date_naive() > today {
            return None;
        }
        let deadline = facts::ap_deadline(c)?;
        Some(Due {
            open_tekst: Some("melden binnen 72 uur"),
            moment: Some(deadline),
            ..Due::new(
                &terms::DATALEK_AP,
                format!(
                    "melding aan de AP uiterlijk {}",
                    crate::terms::show_datetime(deadline)
                ),
                deadline.date_naive(),
            )
        })
    }

    fn documents(&self, config: &Config, run_date: NaiveDate) -> Vec<Document> {
        letters::documents(self, config, run_date)
    }

    fn context(&self, config: &Config) -> Value {
        letters::context(config, self)
    }

    fn read_beside(&self) -> String {
        format!("{:?}", self.uit_bestand)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
