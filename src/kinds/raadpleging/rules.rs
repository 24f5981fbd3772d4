//! Rules for `wpg-verzoek` (Wpg 25–29; Autoriteit Persoonsgegevens, "Politie"; legal.md §2.6, §4.5)
//! and `voorafgaande-raadpleging` (art. 36 AVG; seed
//! AP-voorafgaande-raadpleging; legal.md §2.7, §4.6).

use super::model::Raadpleging;
use crate::diag::{Report, Severity};
use crate::rules::{Ctx, Rule};

pub static RAADPL_03: Rule = Rule {
    id: "RAADPL-03",
    severity: Severity::Error,
    title: "Een voorafgaande raadpleging gaat met DPIA en formulier, vóór de verwerking begint",
    source: "art. 36 lid 1 en 3 AVG; Autoriteit Persoonsgegevens, \"Voorafgaande raadpleging\"",
    explanation: "De aanbiedingsbrief gaat met het aanvraagformulier van de AP en de DPIA (zonder \
DPIA neemt de AP het verzoek niet in behandeling). De verwerking is nog niet begonnen en begint niet \
voor de eindbrief van de AP. De brief noemt de onderdelen van art. 36 lid 3 AVG: verantwoordelijkheden, \
doeleinden en middelen, maatregelen, de FG en het advies van de FG over de DPIA.",
};

pub static RAADPL_01: Rule = Rule {
    id: "RAADPL-01",
    severity: Severity::Note,
    title: "Het advies van de AP komt uiterlijk na 8 + 6 weken (AVG) of 10 weken (Wpg/Wjsg)",
    source: "art. 36 lid 2 AVG; Autoriteit Persoonsgegevens, \"Voorafgaande raadpleging\"",
    explanation: "Informatief: vanaf `ap_ontvangen_op` toont het termijnenoverzicht de uiterste \
adviesdatum (AVG: 14 weken, Vo. 1182/71; Wpg/Wjsg: 10 weken, Algemene termijnenwet).",
};

pub static RAADPL_02: Rule = Rule {
    id: "RAADPL-02",
    severity: Severity::Note,
    title: "Het advies van de AP op een voorafgaande raadpleging onder de Wpg of Wjsg komt uiterlijk na 10 weken",
    source: "Autoriteit Persoonsgegevens, \"Voorafgaande raadpleging\"; Algemene termijnenwet",
    explanation: "Informatief: vanaf `ap_ontvangen_op` toont het termijnenoverzicht de uiterste \
adviesdatum, tien weken na ontvangst door de AP (Algemene termijnenwet), verlengd met de dagen waarin \
de AP op gevraagde informatie wachtte. Tot het advies begint de verwerking niet.\n\nVoorbeeld: \
ontvangen maandag 12 januari 2026 → advies uiterlijk maandag 23 maart 2026.",
};

pub static RULES: &[&Rule] = &[&RAADPL_01, &RAADPL_02, &RAADPL_03];

pub(super) fn check(ctx: &Ctx, c: &Raadpleging, report: &mut Report) {
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
