//! The letters of `datalek` (art. 33–34 AVG; factsheet "Verantwoordelijkheden
//! contactpunt" ch. 4, Bijlage B): the letter table, which documents a case
//! yields, the template context and the facts a register row shows.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::facts;
use super::model::{Datalek, Fase, Inbreuk, Risico, UitzonderingBetrokkenen};
use super::terms;
use crate::calendar::format_date;
use crate::kinds::{Aan, LetterSpec};
use crate::merge::{Document, org_context};
use crate::model::Config;
use crate::terms::show_datetime;

pub static MELDING_AP: LetterSpec = LetterSpec {
    name: "melding-ap",
    template: "melding-ap",
    wanneer: "het lek moet bij de AP worden gemeld (`risico: risico` of `hoog`), of `melding_ap` staat er",
    aan: Aan::Ap,
    verzonden: Some("melding_ap.gemeld_op"),
};

pub static MELDING_BETROKKENEN: LetterSpec = LetterSpec {
    name: "melding-betrokkenen",
    template: "melding-betrokkenen",
    wanneer: "hoog risico en geen uitzondering van art. 34 lid 3 AVG",
    aan: Aan::Niemand,
    verzonden: Some("betrokkenen_informeren.geinformeerd_op"),
};

pub static PUBLIEKE_MEDEDELING: LetterSpec = LetterSpec {
    name: "publieke-mededeling",
    template: "publieke-mededeling",
    wanneer: "hoog risico en individueel informeren is onevenredig (`uitzondering: onevenredig`)",
    aan: Aan::Niemand,
    verzonden: Some("betrokkenen_informeren.geinformeerd_op"),
};

pub static VERZOEK_DEELNEMER: LetterSpec = LetterSpec {
    name: "verzoek-deelnemer",
    template: "verzoek-deelnemer",
    wanneer: "één per deelnemer van de zaak",
    aan: Aan::Deelnemer,
    verzonden: Some("deelnemers_gevraagd_op"),
};

/// The letters of a `datalek`, in the order a case yields them.
pub static LETTERS: &[&LetterSpec] = &[
    &MELDING_AP,
    &MELDING_BETROKKENEN,
    &PUBLIEKE_MEDEDELING,
    &VERZOEK_DEELNEMER,
];

pub fn documents(c: &Datalek, config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let mut docs = Vec::new();
    let start_day = facts::ontdekt_datum(c).unwrap_or(run_date);
    if facts::melden(c) || c.melding_ap.is_some() {
        let datum = facts::gemeld(c).map_or(run_date, |t| t.date_naive());
        docs.push(MELDING_AP.document(datum));
    }
    if c.risico.value == Risico::Hoog {
        let info = c.betrokkenen_informeren.as_ref();
        let datum = info
            .and_then(|i| i.geinformeerd_op.as_ref())
            .map_or(run_date, |d| d.value);
        match info.and_then(|i| i.uitzondering.as_ref()).map(|u| u.value) {
            None => docs.push(MELDING_BETROKKENEN.document(datum)),
            Some(UitzonderingBetrokkenen::Onevenredig) => {
                docs.push(PUBLIEKE_MEDEDELING.document(datum))
            }
            Some(_) => {}
        }
    }
    let asked = c
        .deelnemers_gevraagd_op
        .as_ref()
        .and_then(|t| crate::terms::parse_moment(t).ok());
    for id in &c.deelnemers {
        let Some(d) = config.deelnemers.iter().find(|x| x.id.value == id.value) else {
            continue;
        };
        let uiterlijk = asked
            .and_then(|t| terms::DATALEK_DEELNEMERS.compute_hours(t))
            .map(|r| show_datetime(r.end));
        docs.push(
            VERZOEK_DEELNEMER
                .document(asked.map_or(start_day, |t| t.date_naive()))
                .to_deelnemer(d)
                .with_context(json!({
                    "deelnemer": { "id": d.id.value, "naam": d.naam },
                    "antwoord_uiterlijk": uiterlijk,
                })),
        );
    }
    docs
}

fn inbreuk(i: Inbreuk) -> &'static str {
    match i {
        Inbreuk::Vertrouwelijkheid => {
            "vertrouwelijkheid (gegevens zijn gezien of gekregen door iemand die dat niet mocht)"
        }
        Inbreuk::Integriteit => "integriteit (gegevens zijn zonder recht veranderd)",
        Inbreuk::Beschikbaarheid => "beschikbaarheid (gegevens zijn kwijt of niet meer bereikbaar)",
    }
}

/// The facts of a breach, for its documents and the register.
pub fn facts_json(config: &Config, c: &Datalek) -> Value {
    let melding = c.melding_ap.as_ref();
    let info = c.betrokkenen_informeren.as_ref();
    json!({
        "kenmerk": c.kenmerk.value,
        "ontdekt_op": facts::show(&c.ontdekt_op),
        "ap_uiterlijk": facts::ap_deadline(c).map(show_datetime),
        "soort_inbreuk": c.soort_inbreuk.iter().map(|i| inbreuk(*i)).collect::<Vec<_>>(),
        "soort_kort": c.soort_inbreuk.iter().map(|i| match i {
            Inbreuk::Vertrouwelijkheid => "vertrouwelijkheid",
            Inbreuk::Integriteit => "integriteit",
            Inbreuk::Beschikbaarheid => "beschikbaarheid",
        }).collect::<Vec<_>>().join(", "),
        "omschrijving": c.omschrijving.value,
        "betrokkenen": { "categorieen": c.betrokkenen.categorieen, "aantal": c.betrokkenen.aantal },
        "gegevens": { "categorieen": c.gegevens.categorieen, "aantal": c.gegevens.aantal },
        "gevolgen": c.gevolgen.value,
        "maatregelen": c.maatregelen.iter().map(|m| json!({ "wat": m.wat, "op": format_date(m.op) })).collect::<Vec<_>>(),
        "risico": match c.risico.value { Risico::Geen => "geen risico", Risico::Risico => "risico", Risico::Hoog => "hoog risico" },
        "risico_toelichting": c.risico_toelichting.value,
        "melden": facts::melden(c),
        "melding": melding.map(|m| json!({
            "fase": match m.fase {
                Fase::Voorlopig => "voorlopige melding",
                Fase::Aanvulling => "aanvulling op een eerdere melding",
                Fase::Intrekking => "intrekking van een eerdere melding",
                Fase::Definitief => "definitieve melding",
            },
            "gemeld_op": m.gemeld_op.as_ref().map(|t| facts::show(t)),
            "meldnummer": m.meldnummer,
            "reden_vertraging": m.reden_vertraging,
        })),
        "informeren": info.map(|i| json!({
            "geinformeerd_op": i.geinformeerd_op.as_ref().map(|d| format_date(d.value)),
            "uitzondering": i.uitzondering.as_ref().map(|u| match u.value {
                UitzonderingBetrokkenen::Versleuteld => "de gegevens waren versleuteld of op een andere manier onleesbaar (artikel 34, derde lid, onder a, AVG)",
                UitzonderingBetrokkenen::Maatregelen => "achteraf genomen maatregelen maken het hoge risico onwaarschijnlijk (artikel 34, derde lid, onder b, AVG)",
                UitzonderingBetrokkenen::Onevenredig => "individueel informeren vergt een onevenredige inspanning; daarom een openbare mededeling (artikel 34, derde lid, onder c, AVG)",
            }),
            "toelichting": i.toelichting,
            "advies": i.advies,
        })),
        "deelnemers": c.deelnemers.iter().map(|id| config.deelnemers.iter().find(|d| d.id.value == id.value).map_or_else(|| id.value.clone(), |d| d.naam.clone())).collect::<Vec<_>>(),
    })
}

pub fn context(config: &Config, c: &Datalek) -> Value {
    let mut ctx = org_context(config);
    ctx.as_object_mut()
        .expect("object")
        .insert("datalek".into(), facts_json(config, c));
    ctx
}
