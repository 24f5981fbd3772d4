//! The letters of `datalek` (art. 33–34 AVG; factsheet "Verantwoordelijkheden
//! contactpunt" ch. 4, Bijlage B): the letter table, which documents a case
//! yields, the template context and the facts a register row shows.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::facts;
use super::facts::Stand;
use super::model::{
    Bijzonder, Datalek, Fase, Inbreuk, Risico, UitzonderingBetrokkenen, Versleuteld,
};
use super::terms;
use crate::calendar::format_date;
use crate::kinds::{Aan, LetterSpec};
use crate::merge::{Addressee, Document};
use crate::model::Config;
use crate::terms::show_datetime_brief;

pub static MELDING_AP: LetterSpec = LetterSpec {
    name: "melding-ap",
    template: "melding-ap",
    wanneer: "het lek moet bij de AP worden gemeld (`risico: risico` of `hoog`), of `melding_ap` staat er",
    aan: Aan::Ap,
    verzonden: Some("melding_ap.gemeld_op"),
};

pub static MELDING_BETROKKENE: LetterSpec = LetterSpec {
    name: "melding-betrokkene",
    template: "melding-betrokkene",
    wanneer: "hoog risico en geen uitzondering van art. 34 lid 3 AVG: één brief per persoon zonder eigen uitzondering (`melding-betrokkene-<n>`, n is de plaats in de lijst)",
    aan: Aan::Betrokkene,
    verzonden: Some("betrokkenen_informeren.geinformeerd_op"),
};

pub static PUBLIEKE_MEDEDELING: LetterSpec = LetterSpec {
    name: "publieke-mededeling",
    template: "publieke-mededeling",
    wanneer: "hoog risico en individueel informeren is onevenredig (`uitzondering: onevenredig`)",
    aan: Aan::Niemand,
    verzonden: Some("betrokkenen_informeren.geinformeerd_op"),
};

pub static AANVULLING_AP: LetterSpec = LetterSpec {
    name: "aanvulling-ap",
    template: "aanvulling-ap",
    wanneer: "na een voorlopige melding aan de AP (`melding_ap.fase: voorlopig`): het concept voor de aanvulling",
    aan: Aan::Ap,
    verzonden: Some("melding_ap.aangevuld_op"),
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
    &MELDING_BETROKKENE,
    &PUBLIEKE_MEDEDELING,
    &AANVULLING_AP,
    &VERZOEK_DEELNEMER,
];

pub fn documents(c: &Datalek, config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let mut docs = Vec::new();
    let start_day = facts::ontdekt_datum(c).unwrap_or(run_date);
    if facts::melden(c) || c.melding_ap.is_some() {
        let datum = facts::ap_datum(c, run_date);
        docs.push(
            MELDING_AP
                .document(datum)
                .with_context(ap_context(c, config, datum)),
        );
    }
    if let Some(m) = &c.melding_ap
        && m.fase == Fase::Voorlopig
    {
        let datum = m
            .aangevuld_op
            .as_ref()
            .and_then(|t| crate::terms::parse_moment(t).ok())
            .map_or(run_date, |t| t.date_naive());
        docs.push(
            AANVULLING_AP
                .document(datum)
                .with_context(ap_context(c, config, datum)),
        );
    }
    let datum = facts::informeer_datum(c, run_date);
    if facts::brieven_betrokkenen(c) {
        for (i, p) in facts::personen(c).iter().enumerate() {
            if p.uitzondering.is_some() {
                continue;
            }
            let mut doc = MELDING_BETROKKENE
                .document(datum)
                .to(Addressee::betrokkene(&p.betrokkene()))
                .with_context(json!({ "maatregelen": maatregelen_json(c, datum) }));
            doc.name = format!("{}-{}", MELDING_BETROKKENE.name, i + 1);
            docs.push(doc);
        }
    }
    if facts::publieke_mededeling(c) {
        docs.push(
            PUBLIEKE_MEDEDELING
                .document(datum)
                .with_context(json!({ "maatregelen": maatregelen_json(c, datum) })),
        );
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
            .map(|r| show_datetime_brief(r.end));
        let overleg = overleg_op(asked.map_or(start_day, |t| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam).date_naive()
        }));
        docs.push(
            VERZOEK_DEELNEMER
                .document(asked.map_or(start_day, |t| t.date_naive()))
                .to_deelnemer(d)
                .with_context(json!({
                    "deelnemer": { "id": d.id.value, "naam": d.naam },
                    "antwoord_uiterlijk": uiterlijk,
                    "overleg_op": format_date(overleg),
                })),
        );
    }
    docs
}

/// The values of a draft for the AP dated `datum`: the measures as they
/// stood that day, whether the persons had been informed by then, and the
/// last day to complete a voorlopige melding.
fn ap_context(c: &Datalek, config: &Config, datum: NaiveDate) -> Value {
    let geinformeerd = c
        .betrokkenen_informeren
        .as_ref()
        .and_then(|i| i.geinformeerd_op.as_ref())
        .map(|d| d.value)
        .filter(|d| *d <= datum);
    json!({
        "maatregelen": maatregelen_json(c, datum),
        "geinformeerd_op": geinformeerd.map(format_date),
        "aanvulling_uiterlijk": facts::aanvulling_uiterlijk(c, &config.termijnen).map(format_date),
    })
}

/// The meeting with the deelnemers: the first working day after the
/// request (factsheet Bijlage B step 2: "voor de volgende dag").
pub fn overleg_op(gevraagd: NaiveDate) -> NaiveDate {
    let mut day = gevraagd;
    loop {
        day = day.succ_opt().expect("date in range");
        if crate::calendar::Regime::Atw.is_working_day(day) {
            return day;
        }
    }
}

fn bijzonder(b: Bijzonder) -> &'static str {
    match b {
        Bijzonder::Afkomst => "ras of etnische afkomst",
        Bijzonder::Politiek => "politieke opvattingen",
        Bijzonder::Religie => "religieuze of levensbeschouwelijke overtuigingen",
        Bijzonder::Vakbond => "lidmaatschap van een vakbond",
        Bijzonder::Genetisch => "genetische gegevens",
        Bijzonder::Biometrisch => "biometrische gegevens",
        Bijzonder::Gezondheid => "gegevens over gezondheid",
        Bijzonder::Seksueel => "seksueel gedrag of seksuele gerichtheid",
    }
}

/// The period of the breach as text.
fn periode(c: &Datalek) -> Option<String> {
    let p = c.periode.as_ref()?;
    let van = facts::show(&p.van);
    Some(match &p.tot {
        Some(t) => format!("van {van} tot {}", facts::show(t)),
        None if p.voortdurend => format!("vanaf {van}; het lek duurt nog voort"),
        None => format!("vanaf {van}"),
    })
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
        "ap_uiterlijk": facts::ap_deadline(c).map(show_datetime_brief),
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
        "periode": periode(c),
        "ontdekking": c.ontdekking.as_ref().map(|o| o.value.clone()),
        "bijzondere": c.gegevens.bijzondere.as_ref().map(|b| b.iter().map(|x| bijzonder(*x)).collect::<Vec<_>>()),
        "strafrechtelijk": c.gegevens.strafrechtelijk,
        "versleuteld": c.versleuteld.as_ref().map(|v| match v.value {
            Versleuteld::Ja => "ja",
            Versleuteld::Nee => "nee",
            Versleuteld::Gedeeltelijk => "gedeeltelijk",
        }),
        "versleuteld_toelichting": c.versleuteld_toelichting,
        "andere_landen": c.andere_landen.as_ref().map(|l| l.value.clone()),
        "aantal_personen_brief": facts::personen(c).iter().filter(|p| p.uitzondering.is_none()).count(),
        "aantal_personen_uitzondering": facts::personen(c).iter().filter(|p| p.uitzondering.is_some()).count(),
        "brieven": facts::brieven_betrokkenen(c),
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
            "voorlopig": m.fase == Fase::Voorlopig,
            "aangevuld_op": m.aangevuld_op.as_ref().map(|t| facts::show(t)),
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
            "gevolgen": i.gevolgen,
        })),
        "deelnemers": c.deelnemers.iter().map(|id| config.deelnemers.iter().find(|d| d.id.value == id.value).map_or_else(|| id.value.clone(), |d| d.naam.clone())).collect::<Vec<_>>(),
    })
}

/// The measures as a document dated `datum` shows them: taken (on or
/// before that date) and planned, each group in date order.
pub fn maatregelen_json(c: &Datalek, datum: NaiveDate) -> Value {
    let mut genomen = Vec::new();
    let mut voorgenomen = Vec::new();
    for m in c.maatregelen.iter() {
        match facts::stand(m, datum) {
            Stand::Genomen(d) => genomen.push((d, m.wat.clone())),
            Stand::Voorgenomen(d) | Stand::TeLaat(d) => voorgenomen.push((d, m.wat.clone())),
            Stand::Onbekend => {}
        }
    }
    genomen.sort();
    voorgenomen.sort();
    let list = |v: Vec<(NaiveDate, String)>| {
        v.into_iter()
            .map(|(d, wat)| json!({ "wat": wat, "op": format_date(d) }))
            .collect::<Vec<_>>()
    };
    json!({ "genomen": list(genomen), "voorgenomen": list(voorgenomen) })
}

pub fn context(config: &Config, c: &Datalek) -> Value {
    let mut ctx = json!({});
    ctx.as_object_mut()
        .expect("object")
        .insert("datalek".into(), facts_json(config, c));
    ctx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::d;

    #[test]
    fn the_meeting_is_on_the_next_working_day() {
        // Friday → Monday; the day before Christmas → 28 December (26th a
        // holiday, then the weekend).
        assert_eq!(overleg_op(d("2026-10-30")), d("2026-11-02"));
        assert_eq!(overleg_op(d("2026-11-03")), d("2026-11-04"));
        assert_eq!(overleg_op(d("2026-12-24")), d("2026-12-28"));
    }
}
