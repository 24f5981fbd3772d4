//! The named terms of this kind (legal.md §2).

use crate::calendar::{Period, Regime};
use crate::terms::{Length, Term};

use super::rules::{
    BEZWAAR_01, BEZWAAR_02, BEZWAAR_03, BEZWAAR_04, BEZWAAR_05, BEZWAAR_06, BEZWAAR_10,
};

pub static BEZWAARTERMIJN: Term = Term {
    id: "bezwaartermijn",
    rule: &BEZWAAR_01,
    name: "indienen bezwaar",
    start: "datum waarop het besluit is verzonden",
    length_text: "6 weken",
    length: Length::Period(Period::Weeks(6), Regime::Atw),
    setting: None,
};

pub static BEZWAAR_POST: Term = Term {
    id: "bezwaar-post",
    rule: &BEZWAAR_02,
    name: "uiterste ontvangst van een tijdig gepost bezwaarschrift",
    start: "laatste dag van de bezwaartermijn",
    length_text: "1 week",
    length: Length::Period(Period::Days(7), Regime::Atw),
    setting: None,
};

pub static BEZWAAR_ONTVANGSTBEVESTIGING: Term = Term {
    id: "bezwaar-ontvangstbevestiging",
    rule: &BEZWAAR_03,
    name: "ontvangstbevestiging van een bezwaarschrift",
    start: "datum van ontvangst van het bezwaarschrift",
    length_text: "14 dagen (praktijk AP)",
    length: Length::Period(Period::Days(14), Regime::Intern),
    setting: None,
};

pub static HERSTELVERZUIM: Term = Term {
    id: "herstelverzuim",
    rule: &BEZWAAR_04,
    name: "herstel van een verzuim in het bezwaarschrift",
    start: "datum waarop de herstelbrief is verzonden",
    length_text: "14 dagen (standaard)",
    length: Length::Period(Period::Days(14), Regime::Intern),
    setting: None,
};

pub static TERMIJNOVERSCHRIJDING: Term = Term {
    id: "termijnoverschrijding",
    rule: &BEZWAAR_10,
    name: "uitleg waarom het bezwaarschrift te laat is",
    start: "datum waarop de vraag is verzonden",
    length_text: "14 dagen (standaard)",
    length: Length::Period(Period::Days(14), Regime::Intern),
    setting: None,
};

pub static BESLISTERMIJN: Term = Term {
    id: "bezwaar-beslistermijn",
    rule: &BEZWAAR_05,
    name: "beslissen op bezwaar",
    start: "datum waarop het besluit is verzonden (de termijn loopt vanaf het einde van de bezwaartermijn)",
    length_text: "6 weken na de bezwaartermijn",
    length: Length::AfterBezwaartermijn {
        weeks: 6,
        verdaagd: false,
    },
    setting: None,
};

pub static BESLISTERMIJN_ADVIES: Term = Term {
    id: "bezwaar-beslistermijn-advies",
    rule: &BEZWAAR_05,
    name: "beslissen op bezwaar met adviescommissie",
    start: "datum waarop het besluit is verzonden (de termijn loopt vanaf het einde van de bezwaartermijn)",
    length_text: "12 weken na de bezwaartermijn",
    length: Length::AfterBezwaartermijn {
        weeks: 12,
        verdaagd: false,
    },
    setting: None,
};

pub static BESLISTERMIJN_VERDAAGD: Term = Term {
    id: "bezwaar-beslistermijn-verdaagd",
    rule: &BEZWAAR_05,
    name: "beslissen op bezwaar na verdaging",
    start: "datum waarop het besluit is verzonden (de termijn loopt vanaf het einde van de bezwaartermijn)",
    length_text: "6 + 6 weken na de bezwaartermijn",
    length: Length::AfterBezwaartermijn {
        weeks: 6,
        verdaagd: true,
    },
    setting: None,
};

pub static BESLISTERMIJN_ADVIES_VERDAAGD: Term = Term {
    id: "bezwaar-beslistermijn-advies-verdaagd",
    rule: &BEZWAAR_05,
    name: "beslissen op bezwaar met adviescommissie na verdaging",
    start: "datum waarop het besluit is verzonden (de termijn loopt vanaf het einde van de bezwaartermijn)",
    length_text: "12 + 6 weken na de bezwaartermijn",
    length: Length::AfterBezwaartermijn {
        weeks: 12,
        verdaagd: true,
    },
    setting: None,
};

pub static BEROEP: Term = Term {
    id: "beroep",
    rule: &BEZWAAR_06,
    name: "instellen beroep",
    start: "datum waarop de beslissing op bezwaar is verzonden",
    length_text: "6 weken",
    length: Length::Period(Period::Weeks(6), Regime::Atw),
    setting: None,
};

/// The terms of this kind, in the order `avgdoc termijn --list` shows them.
pub static TERMS: &[&Term] = &[
    &BEZWAARTERMIJN,
    &BEZWAAR_POST,
    &BEZWAAR_ONTVANGSTBEVESTIGING,
    &HERSTELVERZUIM,
    &TERMIJNOVERSCHRIJDING,
    &BESLISTERMIJN,
    &BESLISTERMIJN_ADVIES,
    &BESLISTERMIJN_VERDAAGD,
    &BESLISTERMIJN_ADVIES_VERDAAGD,
    &BEROEP,
];
