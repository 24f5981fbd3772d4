//! The letters of `notificatie` (art. 14 AVG; factsheet "Verantwoordelijkheden
//! contactpunt" ch. 3): the letter table, which documents a case yields, and
//! the template context.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::facts;
use super::model::{Notificatie, NotificatieGrond};
use crate::calendar::format_date;
use crate::kinds::{Aan, LetterSpec};
use crate::merge::{Addressee, Document, org_context};
use crate::model::Config;

pub static NOTIFICATIEBRIEF: LetterSpec = LetterSpec {
    name: "notificatiebrief",
    template: "notificatiebrief",
    wanneer: "tenzij een geldende uitzondering de brief uitstelt; met de privacyverklaring als bijlage",
    aan: Aan::Betrokkene,
    verzonden: Some("verzonden.notificatiebrief"),
};

/// The letters of a `notificatie`.
pub static LETTERS: &[&LetterSpec] = &[&NOTIFICATIEBRIEF];

/// The notificatiebrief, with the privacyverklaring as annex, unless an
/// active exception postpones it.
pub fn documents(c: &Notificatie, _config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let datum = c
        .verzonden
        .notificatiebrief
        .as_ref()
        .map_or(run_date, |d| d.value);
    if !facts::brief(c, datum) {
        return Vec::new();
    }
    vec![
        NOTIFICATIEBRIEF
            .document(datum)
            .to(Addressee::betrokkene(&c.betrokkene))
            .with_bijlage("Bijlage: Privacyverklaring", "privacyverklaring"),
    ]
}

pub fn context(config: &Config, c: &Notificatie) -> Value {
    let mut ctx = org_context(config);
    let obj = ctx.as_object_mut().expect("object");
    let naam = |id: &str| {
        config
            .deelnemers
            .iter()
            .find(|d| d.id.value == id)
            .map_or_else(|| id.to_string(), |d| d.naam.clone())
    };
    let deelnemers: Vec<Value> = c
        .deelnemers
        .iter()
        .map(|d| json!({ "naam": naam(d) }))
        .collect();
    obj.insert("deelnemers".into(), Value::Array(deelnemers));
    obj.insert(
        "notificatie".into(),
        json!({
            "aanmelding_op": format_date(c.aanmelding_op.value),
            "in_behandeling": c.in_behandeling,
            "aanmelder": if c.aanmelder_afschermen { None } else { c.aanmelder.as_ref().map(|a| naam(a)) },
            "aanmelder_afgeschermd": c.aanmelder_afschermen,
            "al_geinformeerd": c.uitzonderingen.iter().any(|u| u.grond.value == NotificatieGrond::AlGeinformeerd),
            "vervallen": c.uitzonderingen.iter().any(|u| u.vervallen_op.is_some()),
        }),
    );
    ctx
}
