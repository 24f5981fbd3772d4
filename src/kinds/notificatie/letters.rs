//! The letters of `notificatie` (art. 14 AVG; factsheet "Verantwoordelijkheden
//! contactpunt" ch. 3): the letter table, which documents a case yields, and
//! the template context.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::facts;
use super::model::{Notificatie, NotificatieGrond};
use crate::calendar::format_date;
use crate::kinds::{Aan, LetterSpec};
use crate::merge::{Addressee, Document};
use crate::model::Config;

pub static NOTIFICATIEBRIEF: LetterSpec = LetterSpec {
    name: "notificatiebrief",
    template: "notificatiebrief",
    wanneer: "binnen een maand na de aanmelding, met de privacyverklaring als bijlage; alleen het deel van een deelnemer met een geldende uitzondering blijft weg, en uitgesteld wordt alleen als elke deelnemer een uitzondering heeft",
    aan: Aan::Betrokkene,
    verzonden: Some("verzonden.notificatiebrief"),
};

pub static AANVULLENDE_NOTIFICATIEBRIEF: LetterSpec = LetterSpec {
    name: "aanvullende-notificatiebrief",
    template: "aanvullende-notificatiebrief",
    wanneer: "een uitzondering van een deelnemer is vervallen nadat de notificatiebrief uitging; één per deelnemer",
    aan: Aan::Betrokkene,
    verzonden: Some("uitzonderingen[].nagezonden_op"),
};

/// The letters of a `notificatie`.
pub static LETTERS: &[&LetterSpec] = &[&NOTIFICATIEBRIEF, &AANVULLENDE_NOTIFICATIEBRIEF];

/// The notificatiebrief, with the privacyverklaring as annex, unless the
/// whole letter is postponed or no address is known; then one aanvullende
/// notificatiebrief per exception that lapsed after it went out.
pub fn documents(c: &Notificatie, config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let datum = c
        .verzonden
        .notificatiebrief
        .as_ref()
        .map_or(run_date, |d| d.value);
    let Some(betrokkene) = c.betrokkene.betrokkene() else {
        return Vec::new();
    };
    if !facts::brief(c, datum) {
        return Vec::new();
    }
    let to = Addressee::betrokkene(&betrokkene);
    let naam = |id: &str| deelnemer_naam(config, id);
    let covered = facts::afgeschermd(c, datum);
    let aanmelder = c
        .aanmelder
        .as_ref()
        .filter(|a| !c.aanmelder_afschermen && !covered.contains(&a.value.as_str()))
        .map(|a| naam(a));
    let mut docs = vec![
        NOTIFICATIEBRIEF
            .document(datum)
            .to(to.clone())
            .with_bijlage("Bijlage: Privacyverklaring", "privacyverklaring")
            .with_context(json!({
                "deelnemers": c
                    .deelnemers
                    .iter()
                    .filter(|d| !covered.contains(&d.value.as_str()))
                    .map(|d| json!({ "naam": naam(d) }))
                    .collect::<Vec<_>>(),
                "aanmelder": aanmelder,
                "vervallen": c
                    .uitzonderingen
                    .iter()
                    .any(|u| u.vervallen_op.as_ref().is_some_and(|v| v.value <= datum)),
            })),
    ];
    for u in facts::nagezonden(c, datum) {
        let sent = u.nagezonden_op.as_ref().map_or(run_date, |d| d.value);
        docs.push(
            AANVULLENDE_NOTIFICATIEBRIEF
                .document(sent)
                .to(to.clone())
                .named(format!(
                    "aanvullende-notificatiebrief-{}",
                    u.deelnemer.value
                ))
                .with_bijlage("Bijlage: Privacyverklaring", "privacyverklaring")
                .with_context(json!({
                    "deelnemer": naam(&u.deelnemer),
                    "eerste_brief": format_date(datum),
                    "aanmelder": c.aanmelder.as_ref().is_some_and(|a| a.value == u.deelnemer.value)
                        && !c.aanmelder_afschermen,
                })),
        );
    }
    docs
}

fn deelnemer_naam(config: &Config, id: &str) -> String {
    config
        .deelnemers
        .iter()
        .find(|d| d.id.value == id)
        .map_or_else(|| id.to_string(), |d| d.naam.clone())
}

pub fn context(config: &Config, c: &Notificatie) -> Value {
    let mut ctx = json!({});
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
