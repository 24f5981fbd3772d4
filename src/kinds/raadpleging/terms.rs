//! The named terms of this kind (legal.md §2).

use crate::calendar::{Period, Regime};
use crate::terms::{Length, Term};

use super::rules::{RAADPL_01, RAADPL_02};

pub static VR_AVG: Term = Term {
    id: "vr-avg",
    rule: &RAADPL_01,
    name: "advies AP na voorafgaande raadpleging (AVG), wettelijk maximum",
    start: "datum waarop de AP het volledige verzoek ontving",
    length_text: "8 + 6 weken",
    length: Length::Period(Period::Weeks(14), Regime::Eu1182),
    setting: None,
};

pub static VR_WPG: Term = Term {
    id: "vr-wpg",
    rule: &RAADPL_02,
    name: "advies AP na voorafgaande raadpleging (Wpg/Wjsg), maximum",
    start: "datum waarop de AP het volledige verzoek ontving",
    length_text: "10 weken",
    length: Length::Period(Period::Weeks(10), Regime::Atw),
    setting: None,
};

/// The terms of this kind, in the order `avgdoc termijn --list` shows them.
pub static TERMS: &[&Term] = &[&VR_AVG, &VR_WPG];
