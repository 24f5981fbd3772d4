//! Documents and context of `wpg-verzoek` and `voorafgaande-raadpleging`.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::{Addressee, Document, org_context};
use crate::calendar::format_date;
use crate::model::{
    Aanvrager, Config, Raadpleging, RaadplegingRegime, Uitkomst, WpgGrond, WpgSoort, WpgVerzoek,
};
use crate::rules::wpg as facts;

pub fn wpg_documents(c: &WpgVerzoek, config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let sender = config
        .deelnemers
        .iter()
        .find(|d| d.id.value == c.afzender.value)
        .map(|d| super::Sender {
            naam: d.naam.clone(),
            eigen_kenmerk: true,
        });
    let doc = |name: &str, onderwerp: &str, datum: NaiveDate| Document {
        sender: sender.clone(),
        ..Document::letter(name, onderwerp, datum, Addressee::betrokkene(&c.betrokkene))
    };
    let mut docs = vec![doc(
        "ontvangstbevestiging",
        "Wij hebben uw verzoek over uw politiegegevens ontvangen",
        c.verzonden
            .ontvangstbevestiging
            .as_ref()
            .map_or(run_date, |d| d.value),
    )];
    if let Some(b) = &c.besluit {
        docs.push(doc(
            "besluit",
            "Besluit op uw verzoek over uw politiegegevens",
            b.datum.value,
        ));
    }
    docs
}

pub fn wpg_context(config: &Config, c: &WpgVerzoek) -> Value {
    let mut ctx = org_context(config);
    let obj = ctx.as_object_mut().expect("object");
    let afzender = config
        .deelnemers
        .iter()
        .find(|d| d.id.value == c.afzender.value)
        .map_or_else(|| c.afzender.value.clone(), |d| d.naam.clone());
    obj.insert(
        "verzoek".into(),
        json!({
            "afzender": afzender,
            "soort": match c.verzoek.value {
                WpgSoort::Inzage => "inzage",
                WpgSoort::Rectificatie => "rectificatie",
                WpgSoort::Aanvulling => "aanvulling",
                WpgSoort::Vernietiging => "vernietiging",
            },
            "wat": match c.verzoek.value {
                WpgSoort::Inzage => "welke politiegegevens er over u zijn",
                WpgSoort::Rectificatie => "uw politiegegevens te verbeteren",
                WpgSoort::Aanvulling => "uw politiegegevens aan te vullen",
                WpgSoort::Vernietiging => "uw politiegegevens te vernietigen",
            },
            "weken": if c.verzoek.value == WpgSoort::Inzage { "zes" } else { "vier" },
            "artikel": if c.verzoek.value == WpgSoort::Inzage { "artikel 25 Wpg" } else { "artikel 28 Wpg" },
            "ontvangen_op": format_date(c.ontvangen_op.value),
            "termijn_einde": format_date(facts::wpg_einde(c)),
            "omschrijving": c.omschrijving,
        }),
    );
    if let Some(b) = &c.besluit {
        obj.insert(
            "besluit".into(),
            json!({
                "datum": format_date(b.datum.value),
                "uitkomst": match b.uitkomst.value {
                    Uitkomst::Toegewezen => "toegewezen",
                    Uitkomst::Gedeeltelijk => "gedeeltelijk",
                    Uitkomst::Afgewezen => "afgewezen",
                },
                "verwerkt": b.verwerkt,
                "gegevens": b.gegevens.iter().map(|g| json!({"soort": g.soort, "inhoud": g.inhoud})).collect::<Vec<_>>(),
                "toelichting": b.toelichting,
                "grond": b.weigeringsgrond.as_ref().map(|g| match g.value {
                    WpgGrond::GerechtelijkOnderzoek => "het voorkomen van belemmeringen voor gerechtelijke onderzoeken of procedures (artikel 27, eerste lid, onder a, Wpg)",
                    WpgGrond::StrafbareFeiten => "het voorkomen, opsporen en vervolgen van strafbare feiten (artikel 27, eerste lid, onder b, Wpg)",
                    WpgGrond::OpenbareVeiligheid => "de bescherming van de openbare veiligheid (artikel 27, eerste lid, onder c, Wpg)",
                    WpgGrond::RechtenDerden => "de bescherming van de rechten en vrijheden van anderen (artikel 27, eerste lid, onder d, Wpg)",
                    WpgGrond::NationaleVeiligheid => "de bescherming van de nationale veiligheid (artikel 27, eerste lid, onder e, Wpg)",
                    WpgGrond::KennelijkOngegrond => "een kennelijk ongegrond of buitensporig verzoek (artikel 27, eerste lid, onder f, Wpg)",
                }),
                "motivering": b.motivering,
                "bezwaar_uiterlijk": format_date(
                    crate::terms::end_date("bezwaartermijn", b.datum.value)
                ),
            }),
        );
    }
    ctx
}

pub fn raadpleging_documents(
    c: &Raadpleging,
    _config: &Config,
    _run_date: NaiveDate,
) -> Vec<Document> {
    let ap = Addressee {
        regels: vec![
            "Autoriteit Persoonsgegevens".into(),
            "Verzoek voorafgaande raadpleging".into(),
            "Postbus 93374".into(),
            "2509 AJ  DEN HAAG".into(),
        ],
        aanhef: "Geachte heer, mevrouw,".into(),
    };
    let onderwerp = format!("Verzoek om voorafgaande raadpleging: {}", c.verwerking);
    vec![Document {
        // The AP's aanvraagformulier and the DPIA.
        context: json!({ "bijlagen": 2 }),
        ..Document::letter("aanbiedingsbrief", onderwerp, c.datum.value, ap)
    }]
}

pub fn raadpleging_context(config: &Config, c: &Raadpleging) -> Value {
    let mut ctx = org_context(config);
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
