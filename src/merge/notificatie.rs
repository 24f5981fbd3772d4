//! Documents and context of `notificatie` (art. 14 AVG; seed factsheet
//! ch. 3) and of the organisation-wide privacyverklaring.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::{Addressee, Document, org_context};
use crate::calendar::format_date;
use crate::model::{Config, Notificatie, NotificatieGrond};
use crate::rules::notificatie as facts;

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
    vec![Document {
        bijlage: Some((
            "Bijlage: Privacyverklaring".into(),
            "privacyverklaring".into(),
        )),
        ..Document::letter(
            "notificatiebrief",
            "Informatie over het gebruik van uw persoonsgegevens",
            datum,
            Addressee::betrokkene(&c.betrokkene),
        )
    }]
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
