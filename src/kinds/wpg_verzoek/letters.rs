//! The letters of `wpg-verzoek` (art. 25–28 Wpg): the letter table, which
//! documents a case yields, and the template context.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::facts;
use super::model::{WpgGrond, WpgSoort, WpgVerzoek};
use crate::calendar::format_date;
use crate::kinds::bezwaar::terms::BEZWAARTERMIJN;
use crate::kinds::{Aan, LetterSpec};
use crate::merge::{Addressee, Document, Sender, nbsp, one_line};
use crate::model::{Config, Deelnemer, Ondertekenaar, Uitkomst};

pub static ONTVANGSTBEVESTIGING: LetterSpec = LetterSpec {
    name: "ontvangstbevestiging",
    template: "ontvangstbevestiging",
    wanneer: "altijd; in naam van de politie-eenheid (`afzender`)",
    aan: Aan::Betrokkene,
    verzonden: Some("verzonden.ontvangstbevestiging"),
};

pub static BESLUIT: LetterSpec = LetterSpec {
    name: "besluit",
    template: "besluit",
    wanneer: "er is beslist (`besluit`)",
    aan: Aan::Betrokkene,
    verzonden: Some("besluit.datum"),
};

/// The letters of a `wpg-verzoek`.
pub static LETTERS: &[&LetterSpec] = &[&ONTVANGSTBEVESTIGING, &BESLUIT];

pub fn documents(c: &WpgVerzoek, config: &Config, run_date: NaiveDate) -> Vec<Document> {
    let sender = config
        .deelnemers
        .iter()
        .find(|d| d.id.value == c.afzender.value)
        .map(|d| Sender {
            naam: d.naam.clone(),
            eigen_kenmerk: true,
            ondertekenaar: ondertekenaar(d),
            contact: d.privacy_officer.clone(),
        });
    let doc = |spec: &'static LetterSpec, datum: NaiveDate| Document {
        sender: sender.clone(),
        ..spec
            .document(datum)
            .to(Addressee::betrokkene(&c.betrokkene))
    };
    let mut docs = vec![doc(
        &ONTVANGSTBEVESTIGING,
        c.verzonden
            .ontvangstbevestiging
            .as_ref()
            .map_or(run_date, |d| d.value),
    )];
    if let Some(b) = &c.besluit {
        docs.push(doc(&BESLUIT, b.datum.value));
    }
    docs
}

/// Who signs a Wpg letter: the deelnemer's ondertekenaar, with the mandate
/// line "Namens <bestuursorgaan>," unless it gives its own (Awb 10:10).
fn ondertekenaar(d: &Deelnemer) -> Option<Ondertekenaar> {
    let o = d.ondertekenaar.as_ref()?;
    let mandaat = o.mandaat.clone().or_else(|| {
        d.bestuursorgaan
            .as_deref()
            .map(|b| format!("Namens {},", b.trim()))
    });
    Some(Ondertekenaar {
        mandaat,
        ..o.clone()
    })
}

pub fn context(config: &Config, c: &WpgVerzoek) -> Value {
    let mut ctx = json!({});
    let obj = ctx.as_object_mut().expect("object");
    let deelnemer = config
        .deelnemers
        .iter()
        .find(|d| d.id.value == c.afzender.value);
    let afzender = deelnemer.map_or_else(|| c.afzender.value.clone(), |d| d.naam.clone());
    obj.insert(
        "afzender".into(),
        json!({
            "naam": afzender,
            "bestuursorgaan": deelnemer.and_then(|d| d.bestuursorgaan.clone()),
            "bezwaar_postadres": deelnemer
                .and_then(|d| d.bezwaar_postadres.as_ref())
                .map(|a| one_line(a)),
            "privacy_officer": deelnemer.and_then(|d| d.privacy_officer.as_ref()).map(|p| json!({
                "naam": p.naam,
                "telefoon": nbsp(&p.telefoon),
                "email": p.email,
            })),
        }),
    );
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
                "informatie": b.informatie.as_ref().map(|i| json!({
                    "doelen": i.doelen,
                    "grondslag": i.grondslag,
                    "categorieen": i.categorieen,
                    "ontvangers": i.ontvangers,
                    "bewaartermijn": i.bewaartermijn,
                    "herkomst": i.herkomst,
                })),
                "bezwaar_uiterlijk": format_date(
                    BEZWAARTERMIJN.end_default(b.datum.value)
                ),
            }),
        );
    }
    ctx
}
