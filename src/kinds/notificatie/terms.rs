//! The named terms of this kind (legal.md §2).

use crate::calendar::{Period, Regime};
use crate::terms::{Length, Term};

use super::rules::AVG14_TERMIJN_01;

pub static ART14: Term = Term {
    id: "art14",
    rule: &AVG14_TERMIJN_01,
    name: "informeren volgens art. 14 AVG",
    start: "datum waarop de gezamenlijke verwerking begon (triage of weging)",
    length_text: "1 maand",
    length: Length::Period(Period::Months(1), Regime::Eu1182),
    setting: None,
};

/// The terms of this kind, in the order `avgdoc termijn --list` shows them.
pub static TERMS: &[&Term] = &[&ART14];
