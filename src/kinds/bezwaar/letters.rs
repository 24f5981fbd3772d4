//! The letters of `bezwaar` (Awb ch. 6–7): the letter table, which documents
//! a case yields, and the template context.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::facts;
use super::model::{Bezwaar, DeelOordeel, NietGehoord, Oordeel, Wet};
use super::terms;
use crate::calendar::format_date;
use crate::kinds::{Aan, LetterSpec};
use crate::merge::{Addressee, Document, adresregels};
use crate::model::Config;

pub static ONTVANGSTBEVESTIGING: LetterSpec = LetterSpec {
    name: "ontvangstbevestiging",
    template: "ontvangstbevestiging",
    wanneer: "altijd (art. 6:14 Awb)",
    aan: Aan::Betrokkene,
    verzonden: Some("verzonden.ontvangstbevestiging"),
};

pub static HERSTELVERZUIM: LetterSpec = LetterSpec {
    name: "herstelverzuim",
    template: "herstelverzuim",
    wanneer: "het bezwaarschrift mist iets uit art. 6:5 Awb (`verzuimen`)",
    aan: Aan::Betrokkene,
    verzonden: Some("herstel_gevraagd_op"),
};

pub static VRAAG_TERMIJNOVERSCHRIJDING: LetterSpec = LetterSpec {
    name: "vraag-termijnoverschrijding",
    template: "vraag-termijnoverschrijding",
    wanneer: "het bezwaar is te laat en wij vragen waarom (`termijnoverschrijding.gevraagd_op`, art. 6:11 Awb)",
    aan: Aan::Betrokkene,
    verzonden: Some("termijnoverschrijding.gevraagd_op"),
};

pub static VERDAGINGSBRIEF: LetterSpec = LetterSpec {
    name: "verdagingsbrief",
    template: "verdagingsbrief",
    wanneer: "de beslistermijn is verdaagd (`verdaagd_op`, art. 7:10 lid 3 Awb)",
    aan: Aan::Betrokkene,
    verzonden: Some("verdaagd_op"),
};

pub static UITNODIGING_HOORZITTING: LetterSpec = LetterSpec {
    name: "uitnodiging-hoorzitting",
    template: "uitnodiging-hoorzitting",
    wanneer: "er is een hoorzitting gepland (`hoorzitting`)",
    aan: Aan::Betrokkene,
    verzonden: Some("hoorzitting.uitnodiging_op"),
};

pub static BESLISSING_OP_BEZWAAR: LetterSpec = LetterSpec {
    name: "beslissing-op-bezwaar",
    template: "beslissing-op-bezwaar",
    wanneer: "er is beslist (`beslissing`)",
    aan: Aan::Betrokkene,
    verzonden: Some("beslissing.datum"),
};

/// The letters of a `bezwaar`, in the order a case yields them.
pub static LETTERS: &[&LetterSpec] = &[
    &ONTVANGSTBEVESTIGING,
    &HERSTELVERZUIM,
    &VRAAG_TERMIJNOVERSCHRIJDING,
    &VERDAGINGSBRIEF,
    &UITNODIGING_HOORZITTING,
    &BESLISSING_OP_BEZWAAR,
];

pub fn documents(c: &Bezwaar, _config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let to = Addressee::betrokkene(&c.betrokkene);
    let doc = |spec: &'static LetterSpec, datum: NaiveDate| spec.document(datum).to(to.clone());
    let bevestigd = c
        .verzonden
        .ontvangstbevestiging
        .as_ref()
        .map_or(run_date, |d| d.value);
    let ob = doc(&ONTVANGSTBEVESTIGING, bevestigd).with_context(json!({
        "beslistermijn_einde": format_date(facts::beslistermijn_einde_op(c, bevestigd)),
        "adviescommissie": c.adviescommissie_mededeling_op.as_ref().is_some_and(|d| d.value <= bevestigd),
    }));
    let mut docs = vec![ob];
    if !c.verzuimen.is_empty() {
        let datum = c.herstel_gevraagd_op.as_ref().map_or(run_date, |d| d.value);
        let uiterlijk = terms::HERSTELVERZUIM.end_default(datum);
        docs.push(
            doc(&HERSTELVERZUIM, datum)
                .with_context(json!({ "herstel_uiterlijk": format_date(uiterlijk) })),
        );
    }
    if let Some(asked) = c
        .termijnoverschrijding
        .as_ref()
        .and_then(|t| t.gevraagd_op.as_ref())
    {
        docs.push(
            doc(&VRAAG_TERMIJNOVERSCHRIJDING, asked.value).with_context(json!({
                "reactie_uiterlijk": facts::reactie_uiterlijk(c).map(format_date),
            })),
        );
    }
    if let Some(v) = &c.verdaagd_op {
        docs.push(doc(&VERDAGINGSBRIEF, v.value).with_context(json!({
            "oorspronkelijk": format_date(facts::oorspronkelijke_beslistermijn(c, v.value)),
            "nieuw": format_date(facts::beslistermijn_einde_op(c, v.value)),
        })));
    }
    if let Some(h) = &c.hoorzitting {
        docs.push(doc(&UITNODIGING_HOORZITTING, h.uitnodiging_op.value));
    }
    if let Some(b) = &c.beslissing {
        docs.push(doc(&BESLISSING_OP_BEZWAAR, b.datum.value));
    }
    docs
}

pub fn context(config: &Config, c: &Bezwaar) -> Value {
    let mut ctx = json!({});
    let obj = ctx.as_object_mut().expect("object");
    let deelnemers: Vec<Value> = c
        .deelnemers
        .iter()
        .filter_map(|id| config.deelnemers.iter().find(|d| d.id.value == id.value))
        .map(|d| json!({ "id": d.id.value, "naam": d.naam }))
        .collect();
    obj.insert("deelnemers".into(), Value::Array(deelnemers));
    obj.insert(
        "betrokkene".into(),
        json!({ "naam": crate::merge::aanschrijfnaam(&c.betrokkene), "naam_in_zin": crate::merge::naam_in_zin(&c.betrokkene) }),
    );
    obj.insert(
        "bezwaar".into(),
        json!({
            "ontvangen_op": format_date(c.ontvangen_op.value),
            "besluit_kenmerk": c.besluit.kenmerk,
            "besluit_datum": format_date(c.besluit.datum.value),
            "besluit_onderwerp": c.besluit.onderwerp,
            "aanvullende_besluiten": c.aanvullende_besluiten.iter().map(|a| json!({
                "kenmerk": a.kenmerk,
                "datum": format_date(a.datum.value),
                "onderwerp": a.onderwerp,
            })).collect::<Vec<_>>(),
            "gronden": c.gronden,
            "beslistermijn_einde": format_date(facts::beslistermijn_einde(c)),
            "bezwaartermijn_einde": format_date(facts::bezwaartermijn_einde(c)),
            "te_laat": facts::te_laat(c),
            "wet": match c.besluit.wet {
                Wet::Avg => "avg",
                Wet::Wpg => "wpg",
                Wet::Anders => "anders",
            },
            "termijnoverschrijding": c.termijnoverschrijding.as_ref().map(|t| json!({
                "gevraagd_op": t.gevraagd_op.as_ref().map(|d| format_date(d.value)),
                "reactie_op": t.reactie_op.as_ref().map(|d| format_date(d.value)),
                "reactie_uiterlijk": facts::reactie_uiterlijk(c).map(format_date),
            })),
            "adviescommissie": c.adviescommissie_mededeling_op.is_some(),
            "verzuimen": c.verzuimen.iter().map(|v| v.describe()).collect::<Vec<_>>(),
            "behandelaar": { "naam": c.behandelaar.naam, "telefoon": crate::merge::nbsp(&c.behandelaar.telefoon) },
        }),
    );
    if let Some(h) = &c.hoorzitting {
        let stukken_uiterlijk = crate::calendar::sub_days(h.datum.value, 10);
        obj.insert(
            "hoorzitting".into(),
            json!({
                "datum": format_date(h.datum.value),
                "tijd": h.tijd,
                "plaats": h.plaats,
                "stukken_uiterlijk": format_date(stukken_uiterlijk),
                "stukken_ter_inzage": h.stukken_ter_inzage,
            }),
        );
    }
    if let Some(b) = &c.beslissing {
        let beroep = terms::BEROEP.end_default(b.datum.value);
        obj.insert(
            "beslissing".into(),
            json!({
                "datum": format_date(b.datum.value),
                "oordeel": match b.oordeel.value {
                    Oordeel::Gegrond => "gegrond",
                    Oordeel::GedeeltelijkGegrond => "gedeeltelijk gegrond",
                    Oordeel::Ongegrond => "ongegrond",
                    Oordeel::NietOntvankelijk => "niet-ontvankelijk",
                },
                "motivering": b.motivering.value,
                "niet_ontvankelijk": b.oordeel.value == Oordeel::NietOntvankelijk,
                "dictum": b.dictum.iter().map(|d| json!({
                    "onderdeel": d.onderdeel,
                    "oordeel": match d.oordeel.value {
                        DeelOordeel::Gegrond => "gegrond",
                        DeelOordeel::Ongegrond => "ongegrond",
                        DeelOordeel::NietOntvankelijk => "niet-ontvankelijk",
                    },
                    "herroepen": d.herroepen,
                    "vervangen_door": d.vervangen_door,
                    "aanvullend_besluit": d.aanvullend_besluit.as_ref().map(|x| format_date(x.value)),
                })).collect::<Vec<_>>(),
                "gehoord": c.hoorzitting.is_some() && b.niet_gehoord.is_none(),
                "niet_gehoord": b.niet_gehoord.as_ref().map(|n| match n.value {
                    NietGehoord::KennelijkNietOntvankelijk => "wij uw bezwaar niet kunnen behandelen. Dan is een hoorzitting niet nodig (artikel 7:3, onder a, Awb)",
                    NietGehoord::KennelijkOngegrond => "het bezwaar kennelijk ongegrond is (artikel 7:3, onder b, Awb)",
                    NietGehoord::AfgezienVanHoren => "u heeft laten weten dat u niet gehoord wilt worden (artikel 7:3, onder c, Awb)",
                    NietGehoord::NietTijdigVerzocht => "u niet binnen de gestelde termijn heeft gevraagd om gehoord te worden (artikel 7:3, onder d, Awb)",
                    NietGehoord::VolledigTegemoetgekomen => "wij volledig aan uw bezwaar tegemoetkomen en niemand anders daardoor wordt benadeeld (artikel 7:3, onder e, Awb)",
                }),
                "rechtbank": b.rechtbank.naam,
                "rechtbank_adres": adresregels(&b.rechtbank.adres).join(", "),
                "beroep_uiterlijk": format_date(beroep),
                "kosten": b.kosten,
                "afwijking_advies": b.afwijking_advies,
            }),
        );
    }
    ctx
}
