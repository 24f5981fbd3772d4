//! The letters of `avg-verzoek` (art. 15–21 AVG; factsheet "Verantwoordelijkheden
//! contactpunt" ch. 1–2 and Bijlage A): the letter table, which documents a
//! case yields, and the template context.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::facts;
use super::model::{
    AvgVerzoek, Beslissing, GegevensRegel, GrondslagVerzoek, Hoedanigheid, Methode, Recht,
};
use super::terms;
use crate::calendar::format_date;
use crate::kinds::bezwaar::terms::BEZWAARTERMIJN;
use crate::kinds::{Aan, LetterSpec};
use crate::merge::{Addressee, Document, Sender};
use crate::model::{Aanspreekvorm, Config, Spanned, Uitkomst};

/// The doorzendbericht, in the name of the deelnemer that received the
/// request first (Awb 2:3).
pub static DOORZENDBERICHT: LetterSpec = LetterSpec {
    name: "doorzendbericht",
    template: "doorzendbericht",
    wanneer: "het verzoek kwam binnen via een deelnemer (`doorgezonden`)",
    aan: Aan::Betrokkene,
    verzonden: Some("verzonden.doorzendbericht"),
};

pub static IDENTIFICATIEVERZOEK: LetterSpec = LetterSpec {
    name: "identificatieverzoek",
    template: "identificatieverzoek",
    wanneer: "de identiteit is nog niet vastgesteld (geen `identiteit`)",
    aan: Aan::Betrokkene,
    verzonden: Some("verzonden.identificatieverzoek"),
};

pub static ONTVANGSTBEVESTIGING: LetterSpec = LetterSpec {
    name: "ontvangstbevestiging",
    template: "ontvangstbevestiging",
    wanneer: "de identiteit is vastgesteld (`identiteit`)",
    aan: Aan::Betrokkene,
    verzonden: Some("verzonden.ontvangstbevestiging"),
};

pub static VERZOEK_DEELNEMER: LetterSpec = LetterSpec {
    name: "verzoek-deelnemer",
    template: "verzoek-deelnemer",
    wanneer: "met de ontvangstbevestiging, één per deelnemer van de zaak",
    aan: Aan::Deelnemer,
    verzonden: Some("verzonden.verzoek_deelnemers"),
};

pub static VERLENGINGSBRIEF: LetterSpec = LetterSpec {
    name: "verlengingsbrief",
    template: "verlengingsbrief",
    wanneer: "de termijn is verlengd (`verlenging`)",
    aan: Aan::Betrokkene,
    verzonden: Some("verlenging.datum"),
};

pub static BESLUIT: LetterSpec = LetterSpec {
    name: "besluit",
    template: "besluit",
    wanneer: "er is beslist (`besluit`)",
    aan: Aan::Betrokkene,
    verzonden: Some("besluit.datum"),
};

pub static AANVULLEND_BESLUIT: LetterSpec = LetterSpec {
    name: "aanvullend-besluit",
    template: "aanvullend-besluit",
    wanneer: "een uitzondering is vervallen (`aanvullend_besluit`)",
    aan: Aan::Betrokkene,
    verzonden: Some("aanvullend_besluit.datum"),
};

/// The letters of an `avg-verzoek`, in the order a case yields them.
pub static LETTERS: &[&LetterSpec] = &[
    &DOORZENDBERICHT,
    &IDENTIFICATIEVERZOEK,
    &ONTVANGSTBEVESTIGING,
    &VERZOEK_DEELNEMER,
    &VERLENGINGSBRIEF,
    &BESLUIT,
    &AANVULLEND_BESLUIT,
];

/// Which documents the case yields, following its state.
pub fn documents(c: &AvgVerzoek, config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let mut docs = Vec::new();
    let sent = &c.verzonden;
    // A representative receives the letters about the request (with their
    // own aanhef); they are about the betrokkene.
    let betrokkene = match &c.vertegenwoordiger {
        Some(v) => Addressee::betrokkene(&v.persoon()),
        None => Addressee::betrokkene(&c.betrokkene),
    };
    let doc =
        |spec: &'static LetterSpec, datum: NaiveDate| spec.document(datum).to(betrokkene.clone());
    let dated = |d: &Option<Spanned<NaiveDate>>| d.as_ref().map_or(run_date, |x| x.value);

    if let Some(d) = &c.doorgezonden {
        let deelnemer = config
            .deelnemers
            .iter()
            .find(|x| x.id.value == d.door.value);
        let mut dz = doc(&DOORZENDBERICHT, dated(&sent.doorzendbericht));
        dz.sender = deelnemer.map(|x| Sender {
            naam: x.naam.clone(),
            eigen_kenmerk: false,
            ondertekenaar: None,
            contact: None,
        });
        docs.push(dz);
    }
    match &c.identiteit {
        None => docs.push(doc(
            &IDENTIFICATIEVERZOEK,
            dated(&sent.identificatieverzoek),
        )),
        Some(_) => {
            let bevestigd = dated(&sent.ontvangstbevestiging);
            docs.push(doc(&ONTVANGSTBEVESTIGING, bevestigd));
            let asked = sent
                .verzoek_deelnemers
                .as_ref()
                .map_or(bevestigd, |x| x.value);
            let reply = terms::DEELNEMERS.end(asked, &config.termijnen);
            for id in &c.deelnemers {
                let Some(d) = config.deelnemers.iter().find(|x| x.id.value == id.value) else {
                    continue;
                };
                docs.push(VERZOEK_DEELNEMER.document(asked).to_deelnemer(d).with_context(json!({
                    "deelnemer": { "id": d.id.value, "naam": d.naam, "overheid": d.overheid },
                    "antwoord_uiterlijk": format_date(reply),
                })));
            }
        }
    }
    if let Some(v) = &c.verlenging {
        docs.push(doc(&VERLENGINGSBRIEF, v.datum.value));
    }
    if let Some(b) = &c.besluit {
        docs.push(doc(&BESLUIT, b.datum.value));
    }
    if let Some(a) = &c.aanvullend_besluit {
        docs.push(doc(&AANVULLEND_BESLUIT, a.datum.value));
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

fn rows(config: &Config, rows: &[GegevensRegel]) -> Vec<Value> {
    rows.iter()
        .map(|r| json!({ "bron": deelnemer_naam(config, &r.bron), "soort": r.soort, "inhoud": r.inhoud }))
        .collect()
}

fn recht_kort(r: Recht) -> &'static str {
    match r {
        Recht::Inzage => "Inzage",
        Recht::Rectificatie => "Correctie",
        Recht::Wissing => "Verwijdering",
        Recht::Beperking => "Beperking van het gebruik",
        Recht::Bezwaar => "Bezwaar tegen het gebruik",
    }
}

/// The outcome a letter shows. An exception the letter may not reveal
/// (`modus: niet-bevestigen`) leaves no trace: a partial refusal that rests
/// only on such exceptions reads as granted, as it would for a person about
/// whom that deelnemer holds nothing.
fn getoonde_uitkomst(bs: &Beslissing) -> Uitkomst {
    let verborgen =
        !bs.uitzonderingen.is_empty() && bs.uitzonderingen.iter().all(|u| u.niet_bevestigen());
    match bs.uitkomst.value {
        Uitkomst::Gedeeltelijk if verborgen => Uitkomst::Toegewezen,
        u => u,
    }
}

/// How letters refer to the person whose data the request is about: the
/// reader ("u") or, when a representative asked, the person they act for.
fn wie(c: &AvgVerzoek) -> Value {
    let Some(v) = &c.vertegenwoordiger else {
        return json!({
            "u": "u",
            "uw": "uw",
            "persoonsgegevens": "uw persoonsgegevens",
        });
    };
    let b = &c.betrokkene;
    let u = match v.hoedanigheid.value {
        Hoedanigheid::Ouder => match b.aanspreekvorm {
            Aanspreekvorm::Heer => "uw zoon".to_string(),
            Aanspreekvorm::Mevrouw => "uw dochter".to_string(),
            Aanspreekvorm::Onbekend => "uw kind".to_string(),
        },
        _ => crate::merge::naam_in_zin(b),
    };
    json!({
        "u": u,
        "uw": "de",
        "persoonsgegevens": format!("de persoonsgegevens van {u}"),
    })
}

fn vertegenwoordiger(c: &AvgVerzoek) -> Value {
    let Some(v) = &c.vertegenwoordiger else {
        return Value::Null;
    };
    let b = &c.betrokkene;
    let namens = match v.hoedanigheid.value {
        Hoedanigheid::Ouder => {
            let naam = crate::merge::naam(b);
            let kind = match b.aanspreekvorm {
                Aanspreekvorm::Heer => "uw zoon",
                Aanspreekvorm::Mevrouw => "uw dochter",
                Aanspreekvorm::Onbekend => "uw kind",
            };
            format!("{kind} {naam}")
        }
        _ => crate::merge::naam_in_zin(b),
    };
    let persoon = v.persoon();
    json!({
        "naam": crate::merge::aanschrijfnaam(&persoon),
        "naam_in_zin": crate::merge::naam_in_zin(&persoon),
        "hoedanigheid": v.hoedanigheid.id(),
        "rol": v.hoedanigheid.rol(),
        "namens": namens,
        "bewijs": v.bewijs.as_ref().map(|x| x.value.as_str()),
        "bewijs_gevraagd": v.hoedanigheid.bewijs_gevraagd(),
    })
}

/// The Tera context of an `avg-verzoek` (every document gets all of it).
pub fn context(config: &Config, c: &AvgVerzoek) -> Value {
    let mut ctx = json!({});
    let deadline = facts::deadline(c);
    let extended = facts::extended_deadline(c);
    let deelnemers: Vec<Value> = c
        .deelnemers
        .iter()
        .filter_map(|id| config.deelnemers.iter().find(|d| d.id.value == id.value))
        .map(|d| json!({ "id": d.id.value, "naam": d.naam, "overheid": d.overheid }))
        .collect();
    let obj = ctx.as_object_mut().expect("object");
    obj.insert(
        "betrokkene".into(),
        json!({ "naam": crate::merge::aanschrijfnaam(&c.betrokkene), "naam_in_zin": crate::merge::naam_in_zin(&c.betrokkene), "aanhef": crate::merge::aanhef(&c.betrokkene) }),
    );
    obj.insert("wie".into(), wie(c));
    obj.insert("vertegenwoordiger".into(), vertegenwoordiger(c));
    // A representative reads about the rights of someone else.
    let rechten: Vec<&str> = c
        .rechten
        .iter()
        .map(|r| {
            if c.vertegenwoordiger.is_some() {
                r.describe_neutral()
            } else {
                r.describe()
            }
        })
        .collect();
    let grondslag = c.grondslag_verzoek.as_ref().map(|g| g.value);
    obj.insert(
        "verzoek".into(),
        json!({
            "ontvangen_op": format_date(c.ontvangen_op.value),
            "identiteit_vastgesteld_op": c.identiteit.as_ref().map(|i| format_date(i.vastgesteld_op.value)),
            "identiteit_methode": c.identiteit.as_ref().map(|i| match i.methode {
                Methode::Digid => "met DigiD",
                Methode::Balie => "aan de balie, met uw identiteitsbewijs",
                Methode::KopieId => "met een kopie van uw identiteitsbewijs",
            }),
            "rechten": rechten,
            "rechten_ids": c.rechten.iter().map(|r| r.id()).collect::<Vec<_>>(),
            "rechten_neutraal": c.rechten.iter().map(|r| r.describe_neutral()).collect::<Vec<_>>(),
            "omschrijving": c.omschrijving,
            "uw_kenmerk": c.uw_kenmerk,
            "termijn_einde": deadline.as_ref().map(|d| format_date(d.end)),
            "streefdatum": format_date(facts::streefdatum(c).end),
            "verlengd_tot": extended.as_ref().map(|d| format_date(*d)),
            "woo": match grondslag {
                Some(GrondslagVerzoek::Woo41) => Some("artikel 4.1 Woo"),
                Some(GrondslagVerzoek::Woo55) => Some("artikel 5.5 Woo"),
                _ => None,
            },
            "woo_openbaar": grondslag == Some(GrondslagVerzoek::Woo41),
        }),
    );
    obj.insert("deelnemers".into(), Value::Array(deelnemers));
    if let Some(d) = &c.doorgezonden {
        obj.insert(
            "doorgezonden".into(),
            json!({ "door": deelnemer_naam(config, &d.door), "ontvangen_op": format_date(d.ontvangen_op.value) }),
        );
    }
    if let Some(v) = &c.verlenging {
        obj.insert(
            "verlenging".into(),
            json!({ "datum": format_date(v.datum.value), "redenen": v.redenen.value }),
        );
    }
    if let Some(b) = &c.besluit {
        let beslissingen: Vec<Value> = b
            .beslissingen
            .iter()
            .map(|bs| {
                json!({
                    "recht": bs.recht.id(),
                    "naam": recht_kort(bs.recht.value),
                    "omschrijving": bs.recht.describe(),
                    "uitkomst": match getoonde_uitkomst(bs) {
                        Uitkomst::Toegewezen => "toegewezen",
                        Uitkomst::Gedeeltelijk => "gedeeltelijk",
                        Uitkomst::Afgewezen => "afgewezen",
                    },
                    "toelichting": bs.toelichting,
                    "ontvangers": bs.ontvangers.as_ref().map(|o| json!({
                        "geinformeerd": o.geinformeerd.iter().map(|id| deelnemer_naam(config, id)).collect::<Vec<_>>(),
                        "niet_geinformeerd": o.niet_geinformeerd.as_ref().map(|x| x.value.as_str()),
                        "gevraagd": o.gevraagd,
                    })),
                    "weigering": bs.weigering.as_ref().map(|w| json!({
                        "grond": w.grond.id(),
                        "reden": w.grond.describe(),
                        "basis_intro": w.grond.basis_intro(),
                        "wettelijke_basis": w.wettelijke_basis.as_ref().map(|x| x.value.as_str()),
                        "bewaartermijn": w.bewaartermijn.as_ref().map(|x| x.value.as_str()),
                    })),
                    // An exception the letter may not reveal is not in it at all.
                    "uitzonderingen": bs.uitzonderingen.iter().filter(|u| !u.niet_bevestigen()).map(|u| json!({
                        "deelnemer": deelnemer_naam(config, &u.deelnemer),
                        "grond": u.grond,
                        "gegevens": u.gegevens,
                        "motivering": u.motivering,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let bezwaar_einde = BEZWAARTERMIJN.end_default(b.datum.value);
        obj.insert(
            "besluit".into(),
            json!({
                "datum": format_date(b.datum.value),
                "beslissingen": beslissingen,
                "gegevens": rows(config, &b.gegevens),
                "bezwaar_uiterlijk": format_date(bezwaar_einde),
                "verwerkt": b.verwerkt(),
                "inzage": b.verwerkt() && b.beslissingen.iter().any(|bs| bs.recht.value == Recht::Inzage
                    && bs.uitkomst.value != Uitkomst::Afgewezen),
                "over_inzage": b.beslissingen.iter().any(|bs| bs.recht.value == Recht::Inzage),
                "weigering": b.beslissingen.iter().any(|bs| getoonde_uitkomst(bs) != Uitkomst::Toegewezen),
            }),
        );
    }
    if let Some(a) = &c.aanvullend_besluit {
        let bezwaar_einde = BEZWAARTERMIJN.end_default(a.datum.value);
        obj.insert(
            "aanvullend_besluit".into(),
            json!({
                "datum": format_date(a.datum.value),
                "deelnemer": deelnemer_naam(config, &a.deelnemer),
                "toelichting": a.toelichting,
                // The besluit did not reveal this deelnemer's exception.
                "niet_bevestigd": c.besluit.as_ref().is_some_and(|b| b
                    .beslissingen
                    .iter()
                    .flat_map(|bs| bs.uitzonderingen.iter())
                    .any(|u| u.deelnemer.value == a.deelnemer.value && u.niet_bevestigen())),
                "gegevens": rows(config, &a.gegevens),
                "bezwaar_uiterlijk": format_date(bezwaar_einde),
                "lopend_bezwaar": a.lopend_bezwaar.as_ref().map(|l| json!({
                    "kenmerk": l.kenmerk,
                    "ontvangen_op": format_date(l.ontvangen_op.value),
                })),
            }),
        );
    }
    ctx
}
