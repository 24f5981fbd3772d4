//! The named terms of this kind (legal.md §2).

use crate::calendar::{Period, Regime};
use crate::terms::{Length, Setting, Term};

use super::rules::{DATALEK_01, DATALEK_02, DATALEK_03, DATALEK_09};

pub static DATALEK_AP: Term = Term {
    id: "datalek-ap",
    rule: &DATALEK_01,
    name: "melden datalek aan de AP",
    start: "tijdstip waarop het contactpunt het lek ontdekte",
    length_text: "72 uur",
    length: Length::Hours(72),
    setting: None,
};

pub static DATALEK_BETROKKENEN: Term = Term {
    id: "datalek-betrokkenen",
    rule: &DATALEK_02,
    name: "informeren betrokkenen bij hoog risico (onverwijld; waarschuwing)",
    start: "tijdstip waarop het contactpunt het lek ontdekte",
    length_text: "onverwijld; waarschuwing na 72 uur (standaard)",
    length: Length::Hours(72),
    setting: Some(Setting::DatalekBetrokkenenUren),
};

pub static DATALEK_DEELNEMERS: Term = Term {
    id: "datalek-deelnemers",
    rule: &DATALEK_03,
    name: "informatie van de deelnemers over een datalek",
    start: "tijdstip waarop het verzoek aan de deelnemers is verzonden",
    length_text: "24 uur",
    length: Length::Hours(24),
    setting: None,
};

pub static DATALEK_AANVULLING: Term = Term {
    id: "datalek-aanvulling",
    rule: &DATALEK_09,
    name: "aanvullen of intrekken van een voorlopige melding aan de AP",
    start: "dag waarop de voorlopige melding is gedaan",
    length_text: "14 dagen (interne termijn; de wet zegt: zonder onredelijke verdere vertraging)",
    length: Length::Period(Period::Days(14), Regime::Intern),
    setting: None,
};

/// The terms of this kind, in the order `avgdoc termijn --list` shows them.
pub static TERMS: &[&Term] = &[
    &DATALEK_AP,
    &DATALEK_BETROKKENEN,
    &DATALEK_DEELNEMERS,
    &DATALEK_AANVULLING,
];
