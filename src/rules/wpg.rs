//! Rules for `wpg-verzoek` (Wpg 25–29; seed AP-politie; legal.md §2.6, §4.5)
//! and `voorafgaande-raadpleging` (art. 36 AVG; seed
//! AP-voorafgaande-raadpleging; legal.md §2.7, §4.6).

use chrono::NaiveDate;

use super::{Ctx, Rule};
use crate::calendar::{Regime, format_date};
use crate::diag::{Report, Severity};
use crate::model::{Raadpleging, RaadplegingRegime, Uitkomst, WpgSoort, WpgVerzoek};
use crate::terms;

pub static WPG_TERMIJN: Rule = Rule {
    id: "WPG-01",
    severity: Severity::Error,
    title: "Op een Wpg-verzoek is binnen de termijn beslist (inzage 6 weken, rectificatie 4 weken)",
    source: "art. 25 lid 1 en 28 lid 2 Wpg; seed AP-politie; Algemene termijnenwet",
    explanation: "Inzage: zes weken na ontvangst; rectificatie, aanvulling of vernietiging: vier \
weken (Algemene termijnenwet). Een verdaging verschuift de termijn in avgdoc niet (veilige lezing \
U11). Open na het einde: fout; binnen de waarschuwingsmarge: waarschuwing.",
};

pub static WPG_BESLUIT: Rule = Rule {
    id: "WPG-03",
    severity: Severity::Error,
    title: "Een Wpg-besluit zegt of er gegevens zijn en motiveert elke weigering met een grond uit art. 27 Wpg",
    source: "art. 25, 27 lid 1 en 2 Wpg; seed AP-politie",
    explanation: "Bij inzage staat in `verwerkt` of er politiegegevens over de verzoeker zijn, en \
zo ja welke (`gegevens`). Elke volledige of gedeeltelijke weigering noemt een grond uit art. 27 lid 1 \
Wpg (`weigeringsgrond`) en een motivering. De brief wijst op bemiddeling door de Autoriteit \
Persoonsgegevens.",
};

pub static RAADPL_03: Rule = Rule {
    id: "RAADPL-03",
    severity: Severity::Error,
    title: "Een voorafgaande raadpleging gaat met DPIA en formulier, vóór de verwerking begint",
    source: "art. 36 lid 1 en 3 AVG; seed AP-voorafgaande-raadpleging",
    explanation: "De aanbiedingsbrief gaat met het aanvraagformulier van de AP en de DPIA (zonder \
DPIA neemt de AP het verzoek niet in behandeling). De verwerking is nog niet begonnen en begint niet \
voor de eindbrief van de AP. De brief noemt de onderdelen van art. 36 lid 3 AVG: verantwoordelijkheden, \
doeleinden en middelen, maatregelen, de FG en het advies van de FG over de DPIA.",
};

pub static RAADPL_01: Rule = Rule {
    id: "RAADPL-01",
    severity: Severity::Note,
    title: "Het advies van de AP komt uiterlijk na 8 + 6 weken (AVG) of 10 weken (Wpg/Wjsg)",
    source: "art. 36 lid 2 AVG; seed AP-voorafgaande-raadpleging",
    explanation: "Informatief: vanaf `ap_ontvangen_op` toont het termijnenoverzicht de uiterste \
adviesdatum (AVG: 14 weken, Vo. 1182/71; Wpg/Wjsg: 10 weken, Algemene termijnenwet).",
};

pub static RULES: &[&Rule] = &[&WPG_TERMIJN, &WPG_BESLUIT, &RAADPL_03, &RAADPL_01];

/// The term of a Wpg request.
pub fn wpg_einde(c: &WpgVerzoek) -> NaiveDate {
    let id = match c.verzoek.value {
        WpgSoort::Inzage => "wpg-inzage",
        _ => "wpg-rectificatie",
    };
    terms::end_date(id, c.ontvangen_op.value)
}

/// The latest date of the AP's advice, once the AP has the request: the
/// statutory maximum, plus the days the AP waited for information
/// (supplied − requested; legal.md §2.7, U12).
pub fn advies_uiterlijk(c: &Raadpleging) -> Option<NaiveDate> {
    let start = c.ap_ontvangen_op.as_ref()?.value;
    let id = match c.regime.value {
        RaadplegingRegime::Avg => "vr-avg",
        RaadplegingRegime::Wpg => "vr-wpg",
    };
    let end = terms::end_date(id, start);
    let suspended = match (&c.ap_informatie_gevraagd_op, &c.ap_informatie_geleverd_op) {
        (Some(a), Some(b)) if b.value > a.value => (b.value - a.value).num_days() as u64,
        _ => 0,
    };
    Some(end + chrono::Days::new(suspended))
}

pub(super) fn check_wpg(ctx: &Ctx, c: &WpgVerzoek, report: &mut Report) {
    super::common::check_address(ctx, &c.betrokkene.adres, report);
    let end = wpg_einde(c);
    let today = ctx.today;
    let closed = c
        .besluit
        .as_ref()
        .map(|b| b.datum.value)
        .filter(|d| *d <= today);
    match closed {
        Some(done) if done > end => report.push(
            ctx.diag_severity(
                &WPG_TERMIJN,
                Severity::Warning,
                c.besluit.as_ref().expect("closed").datum.span.clone(),
                format!(
                    "beslist op {}, na het einde van de termijn op {}",
                    format_date(done),
                    format_date(end)
                ),
            )
            .with_label("te laat"),
        ),
        Some(_) => {}
        None if c.ontvangen_op.value <= today => {
            report.extend(super::common::open_term(
                ctx,
                super::common::OpenTerm {
                    rule: &WPG_TERMIJN,
                    span: c.ontvangen_op.span.clone(),
                    end,
                    regime: Regime::Atw,
                    noun: "de termijn",
                    pending: "er is nog niet beslist",
                    label: "ontvangen",
                },
            ));
        }
        None => {}
    }
    let Some(b) = &c.besluit else { return };
    if b.datum.value < c.ontvangen_op.value {
        report.push(
            ctx.diag(
                &WPG_BESLUIT,
                b.datum.span.clone(),
                "het besluit is gedateerd vóór de ontvangst van het verzoek",
            )
            .with_label("te vroeg"),
        );
    }
    if c.verzoek.value == WpgSoort::Inzage && b.verwerkt.is_none() {
        report.push(
            ctx.diag(
                &WPG_BESLUIT,
                b.datum.span.clone(),
                "zeg in `verwerkt` of er politiegegevens over de verzoeker zijn (art. 25 Wpg)",
            )
            .with_label("besluit op inzage"),
        );
    }
    if b.uitkomst.value != Uitkomst::Afgewezen && b.verwerkt != Some(false) && b.gegevens.is_empty()
    {
        report.push(
            ctx.diag(
                &WPG_BESLUIT,
                b.uitkomst.span.clone(),
                "noem in `gegevens` welke gegevens worden gegeven of wat is gewijzigd",
            )
            .with_label("geen gegevens"),
        );
    }
    if b.uitkomst.value != Uitkomst::Toegewezen {
        if b.weigeringsgrond.is_none() {
            report.push(
                ctx.diag(
                    &WPG_BESLUIT,
                    b.uitkomst.span.clone(),
                    "een (gedeeltelijke) weigering noemt een grond uit art. 27 lid 1 Wpg (`weigeringsgrond`)",
                )
                .with_label("weigering zonder grond"),
            );
        }
        if b.motivering.as_deref().is_none_or(|m| m.trim().is_empty()) {
            report.push(
                ctx.diag(
                    &WPG_BESLUIT,
                    b.uitkomst.span.clone(),
                    "een (gedeeltelijke) weigering is schriftelijk gemotiveerd (art. 27 lid 2 Wpg): vul `motivering`",
                )
                .with_label("weigering zonder motivering"),
            );
        }
    }
}

pub(super) fn check_raadpleging(ctx: &Ctx, c: &Raadpleging, report: &mut Report) {
    if c.verwerking_gestart.value {
        report.push(
            ctx.diag(
                &RAADPL_03,
                c.verwerking_gestart.span.clone(),
                "de verwerking mag niet beginnen voor de eindbrief van de AP (art. 36 lid 1 AVG)",
            )
            .with_label("al gestart"),
        );
    }
    if !c.bijlagen.dpia {
        report.push(
            ctx.diag(
                &RAADPL_03,
                c.bijlagen.span.clone(),
                "de DPIA moet mee (art. 36 lid 3 onder e AVG); zonder DPIA neemt de AP het verzoek niet in behandeling",
            )
            .with_label("geen DPIA"),
        );
    }
    if !c.bijlagen.aanvraagformulier {
        report.push(
            ctx.diag(
                &RAADPL_03,
                c.bijlagen.span.clone(),
                "het aanvraagformulier van de AP moet mee, met alle vragen beantwoord",
            )
            .with_label("geen formulier"),
        );
    }
    for (field, value) in [
        ("verantwoordelijkheden", &c.verantwoordelijkheden),
        ("doeleinden_en_middelen", &c.doeleinden_en_middelen),
        ("maatregelen", &c.maatregelen),
        ("fg_advies", &c.fg_advies.value),
    ] {
        if value.trim().is_empty() {
            report.push(
                ctx.diag(
                    &RAADPL_03,
                    c.datum.span.clone(),
                    format!("`{field}` is leeg (art. 36 lid 3 AVG)"),
                )
                .with_label("aanbiedingsbrief"),
            );
        }
    }
}
