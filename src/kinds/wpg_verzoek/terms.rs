//! The named terms of this kind (legal.md §2).

use crate::calendar::{Period, Regime};
use crate::terms::{Length, Term};

use super::rules::{WPG_01, WPG_02};

pub static WPG_INZAGE: Term = Term {
    id: "wpg-inzage",
    rule: &WPG_01,
    name: "beslissen op inzageverzoek Wpg",
    start: "datum van ontvangst van het verzoek",
    length_text: "6 weken",
    length: Length::Period(Period::Weeks(6), Regime::Atw),
    setting: None,
};

pub static WPG_RECTIFICATIE: Term = Term {
    id: "wpg-rectificatie",
    rule: &WPG_02,
    name: "beslissen op verzoek om rectificatie, aanvulling of vernietiging (Wpg)",
    start: "datum van ontvangst van het verzoek",
    length_text: "4 weken",
    length: Length::Period(Period::Weeks(4), Regime::Atw),
    setting: None,
};

/// The terms of this kind, in the order `avgdoc termijn --list` shows them.
pub static TERMS: &[&Term] = &[&WPG_INZAGE, &WPG_RECTIFICATIE];
