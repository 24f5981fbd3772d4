//! The letters of `voorafgaande-raadpleging` (art. 36 AVG): the letter
//! table, which documents a case yields, and the template context.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::model::{Aanvrager, Raadpleging, RaadplegingRegime};
use crate::kinds::{Aan, LetterSpec};
use crate::merge::{Addressee, Document};
use crate::model::Config;

pub static AANBIEDINGSBRIEF: LetterSpec = LetterSpec {
    name: "aanbiedingsbrief",
    template: "aanbiedingsbrief",
    wanneer: "altijd; met het aanvraagformulier en de DPIA als bijlagen",
    aan: Aan::Ap,
    verzonden: Some("datum"),
};

/// The letters of a `voorafgaande-raadpleging`.
pub static LETTERS: &[&LetterSpec] = &[&AANBIEDINGSBRIEF];

pub fn documents(c: &Raadpleging, _config: &Config, _run_date: NaiveDate) -> Vec<Document> {
    let ap = Addressee {
        regels: vec![
            "Autoriteit Persoonsgegevens".into(),
            "Verzoek voorafgaande raadpleging".into(),
            "Postbus 93374".into(),
            "2509 AJ  DEN HAAG".into(),
        ],
        aanhef: "Geachte heer, mevrouw,".into(),
    };
    // The AP's aanvraagformulier and the DPIA.
    vec![
        AANBIEDINGSBRIEF
            .document(c.datum.value)
            .to(ap)
            .with_context(json!({ "bijlagen": 2 })),
    ]
}

pub fn context(c: &Raadpleging) -> Value {
    let mut ctx = json!({});
    let obj = ctx.as_object_mut().expect("object");
    obj.insert(
        "raadpleging".into(),
        json!({
            "verwerking": c.verwerking,
            "avg": c.regime.value == RaadplegingRegime::Avg,
            "regime": match c.regime.value {
                RaadplegingRegime::Avg => "artikel 36 van de Algemene verordening gegevensbescherming (AVG)",
                RaadplegingRegime::Wpg => "de Wet politiegegevens en de Wet justitiële en strafvorderlijke gegevens",
            },
            "termijn": match c.regime.value {
                RaadplegingRegime::Avg => "binnen acht weken, met een mogelijke verlenging van zes weken",
                RaadplegingRegime::Wpg => "binnen tien weken",
            },
            "aanvrager": match c.aanvrager {
                Aanvrager::Verwerkingsverantwoordelijke => "de verwerkingsverantwoordelijke",
                Aanvrager::Fg => "de functionaris gegevensbescherming",
            },
            "verantwoordelijkheden": c.verantwoordelijkheden,
            "doeleinden_en_middelen": c.doeleinden_en_middelen,
            "maatregelen": c.maatregelen,
            "fg_advies": c.fg_advies.value,
            "overige_informatie": c.overige_informatie,
        }),
    );
    ctx
}
