//! The named terms of this kind (legal.md §2).

use crate::calendar::{Period, Regime};
use crate::terms::{Length, Setting, Term};

use super::rules::{AVG_TERMIJN_01, AVG_TERMIJN_02, AVG_TERMIJN_03};

pub static AVG_VERZOEK: Term = Term {
    id: "avg-verzoek",
    rule: &AVG_TERMIJN_01,
    name: "beantwoorden AVG-verzoek",
    start: "datum van (eerste) ontvangst; alleen een identificatieverzoek schort de termijn op",
    length_text: "1 maand",
    length: Length::Period(Period::Months(1), Regime::Eu1182),
    setting: None,
};

pub static AVG_VERLENGD: Term = Term {
    id: "avg-verlengd",
    rule: &AVG_TERMIJN_01,
    name: "beantwoorden AVG-verzoek na verlenging",
    start: "datum van (eerste) ontvangst",
    length_text: "1 + 2 maanden",
    length: Length::AvgExtended,
    setting: None,
};

pub static AVG_WEIGERING: Term = Term {
    id: "avg-weigering",
    rule: &AVG_TERMIJN_02,
    name: "meedelen dat aan een AVG-verzoek geen gevolg wordt gegeven",
    start: "datum van (eerste) ontvangst",
    length_text: "1 maand",
    length: Length::Period(Period::Months(1), Regime::Eu1182),
    setting: None,
};

pub static DEELNEMERS: Term = Term {
    id: "deelnemers",
    rule: &AVG_TERMIJN_03,
    name: "antwoord van de deelnemers op het verzoek om informatie",
    start: "datum waarop het verzoek aan de deelnemers is verzonden",
    length_text: "14 dagen (standaard)",
    length: Length::Period(Period::Days(14), Regime::Intern),
    setting: Some(Setting::DeelnemersDagen),
};

/// The terms of this kind, in the order `avgdoc termijn --list` shows them.
pub static TERMS: &[&Term] = &[&AVG_VERZOEK, &AVG_VERLENGD, &AVG_WEIGERING, &DEELNEMERS];
