//! Documents and template context of `bezwaar` (Awb ch. 6–7).

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::{Addressee, Document, adresregels, org_context};
use crate::calendar::format_date;
use crate::model::{Bezwaar, Config, NietGehoord, Oordeel};
use crate::rules::bezwaar as facts;
use crate::terms;

pub fn documents(c: &Bezwaar, _config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let to = Addressee::betrokkene(&c.betrokkene);
    let doc = |name: &str, onderwerp: &str, datum: NaiveDate| {
        Document::letter(name, onderwerp, datum, to.clone())
    };
    let bevestigd = c
        .verzonden
        .ontvangstbevestiging
        .as_ref()
        .map_or(run_date, |d| d.value);
    let mut ob = doc(
        "ontvangstbevestiging",
        "Wij hebben uw bezwaarschrift ontvangen",
        bevestigd,
    );
    ob.context = json!({
        "beslistermijn_einde": format_date(facts::beslistermijn_einde_op(c, bevestigd)),
        "adviescommissie": c.adviescommissie_mededeling_op.as_ref().is_some_and(|d| d.value <= bevestigd),
    });
    let mut docs = vec![ob];
    if !c.verzuimen.is_empty() {
        let datum = c.herstel_gevraagd_op.as_ref().map_or(run_date, |d| d.value);
        let mut d = doc(
            "herstelverzuim",
            "Wilt u uw bezwaarschrift aanvullen?",
            datum,
        );
        let uiterlijk = terms::end_date("herstelverzuim", datum);
        d.context = json!({ "herstel_uiterlijk": format_date(uiterlijk) });
        docs.push(d);
    }
    if let Some(v) = &c.verdaagd_op {
        let mut d = doc(
            "verdagingsbrief",
            "Wij hebben meer tijd nodig voor de beslissing op uw bezwaar",
            v.value,
        );
        d.context = json!({
            "oorspronkelijk": format_date(facts::oorspronkelijke_beslistermijn(c, v.value)),
            "nieuw": format_date(facts::beslistermijn_einde_op(c, v.value)),
        });
        docs.push(d);
    }
    if let Some(h) = &c.hoorzitting {
        docs.push(doc(
            "uitnodiging-hoorzitting",
            "Uitnodiging voor de hoorzitting over uw bezwaar",
            h.uitnodiging_op.value,
        ));
    }
    if let Some(b) = &c.beslissing {
        docs.push(doc(
            "beslissing-op-bezwaar",
            "Beslissing op uw bezwaar",
            b.datum.value,
        ));
    }
    docs
}

pub fn context(config: &Config, c: &Bezwaar) -> Value {
    let mut ctx = org_context(config);
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
        json!({ "naam": super::aanschrijfnaam(&c.betrokkene) }),
    );
    obj.insert(
        "bezwaar".into(),
        json!({
            "ontvangen_op": format_date(c.ontvangen_op.value),
            "besluit_kenmerk": c.besluit.kenmerk,
            "besluit_datum": format_date(c.besluit.datum.value),
            "besluit_onderwerp": c.besluit.onderwerp,
            "gronden": c.gronden,
            "beslistermijn_einde": format_date(facts::beslistermijn_einde(c)),
            "adviescommissie": c.adviescommissie_mededeling_op.is_some(),
            "verzuimen": c.verzuimen.iter().map(|v| v.describe()).collect::<Vec<_>>(),
            "behandelaar": { "naam": c.behandelaar.naam, "telefoon": super::nbsp(&c.behandelaar.telefoon) },
        }),
    );
    if let Some(h) = &c.hoorzitting {
        let stukken_uiterlijk = h.datum.value - chrono::Days::new(10);
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
        let beroep = terms::end_date("beroep", b.datum.value);
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
                "gehoord": c.hoorzitting.is_some() && b.niet_gehoord.is_none(),
                "niet_gehoord": b.niet_gehoord.as_ref().map(|n| match n.value {
                    NietGehoord::KennelijkNietOntvankelijk => "het bezwaar kennelijk niet-ontvankelijk is (artikel 7:3, onder a, Awb)",
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
