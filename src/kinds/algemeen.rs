//! Rules and terms that belong to no single case kind: the periodic
//! re-check of an exception (used by `avg-verzoek` and `notificatie`) and
//! the AP's term for a complaint (only for `avgdoc termijn`).

use crate::calendar::{Period, Regime};
use crate::diag::{Rule, Severity};
use crate::terms::{Length, Setting, Term};

pub static HERCONTROLE_01: Rule = Rule {
    id: "HERCONTROLE-01",
    severity: Severity::Warning,
    title: "Een uitzondering wordt periodiek opnieuw getoetst",
    source: "art. 41 UAVG; art. 23 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §1.8 en §3.6 (interne termijn, standaard 3 maanden)",
    explanation: "Een uitgestelde informatieplicht of een weigering op een uitzondering wordt elke \
`termijnen.hercontrole_maanden` (standaard 3) opnieuw getoetst, vanaf `getoetst_op` of de aanmelding. \
Is de toets verlopen, dan waarschuwt avgdoc. Vervalt de uitzondering (`vervallen_op`), dan gaat de \
informatie alsnog uit.",
};

pub static KLACHT_01: Rule = Rule {
    id: "KLACHT-01",
    severity: Severity::Note,
    title: "De Autoriteit Persoonsgegevens bericht binnen drie maanden over een klacht",
    source: "art. 78 lid 2 AVG; Autoriteit Persoonsgegevens, \"Behandeling van klachten door de AP\"",
    explanation: "Informatief: heeft de AP drie maanden na de klacht niets laten weten over de \
voortgang of de uitkomst, dan kan de klager naar de rechter. avgdoc rekent de datum volgens Vo. \
1182/71 (`avgdoc termijn ap-klacht`).\n\nVoorbeeld: klacht ingediend zondag 30 november 2025 → \
bericht uiterlijk maandag 2 maart 2026.",
};

/// The rules of this module.
pub static RULES: &[&Rule] = &[&HERCONTROLE_01, &KLACHT_01];

pub static HERCONTROLE: Term = Term {
    id: "hercontrole",
    rule: &HERCONTROLE_01,
    name: "opnieuw toetsen van een uitzondering (art. 41 UAVG)",
    start: "datum van het besluit of de vorige toets",
    length_text: "3 maanden (standaard)",
    length: Length::Period(Period::Months(3), Regime::Intern),
    setting: Some(Setting::HercontroleMaanden),
};

pub static AP_KLACHT: Term = Term {
    id: "ap-klacht",
    rule: &KLACHT_01,
    name: "bericht van de AP over een klacht",
    start: "datum waarop de klacht is ingediend",
    length_text: "3 maanden",
    length: Length::Period(Period::Months(3), Regime::Eu1182),
    setting: None,
};

/// The terms of this module.
pub static TERMS: &[&Term] = &[&HERCONTROLE, &AP_KLACHT];
