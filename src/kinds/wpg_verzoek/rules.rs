//! Rules for `wpg-verzoek` (Wpg 25–29; Autoriteit Persoonsgegevens, "Politie"; legal.md §2.6, §4.5)
//! and `voorafgaande-raadpleging` (art. 36 AVG; seed
//! AP-voorafgaande-raadpleging; legal.md §2.7, §4.6).

use super::facts::*;
use super::model::{WpgSoort, WpgVerzoek};
use crate::calendar::{Regime, format_date};
use crate::diag::{Report, Severity};
use crate::model::Uitkomst;
use crate::rules::{Ctx, Rule};

pub static WPG_01: Rule = Rule {
    id: "WPG-01",
    severity: Severity::Error,
    title: "Op een Wpg-verzoek om inzage is binnen zes weken beslist",
    source: "art. 25 lid 1 Wpg; Autoriteit Persoonsgegevens, \"Politie\"; Algemene termijnenwet",
    explanation: "Inzage: zes weken na ontvangst (Algemene termijnenwet); voor rectificatie, \
aanvulling of vernietiging geldt WPG-02. Een verdaging verschuift de termijn in avgdoc niet: avgdoc \
rekent met de vroegste datum. Open na het einde: fout; binnen de waarschuwingsmarge: waarschuwing.",
};

pub static WPG_02: Rule = Rule {
    id: "WPG-02",
    severity: Severity::Error,
    title: "Op een Wpg-verzoek om rectificatie, aanvulling of vernietiging is binnen vier weken beslist",
    source: "art. 28 lid 2 Wpg; Algemene termijnenwet",
    explanation: "Een verzoek om rectificatie, aanvulling of vernietiging van politiegegevens krijgt \
binnen vier weken na ontvangst een beslissing (Algemene termijnenwet: valt het einde op een zaterdag, \
zondag of feestdag, dan de eerstvolgende werkdag). Open na het einde: fout; binnen de \
waarschuwingsmarge: waarschuwing.\n\nVoorbeeld: ontvangen dinsdag 7 april 2026 → uiterlijk woensdag \
6 mei 2026.",
};

pub static WPG_BESLUIT: Rule = Rule {
    id: "WPG-03",
    severity: Severity::Error,
    title: "Een Wpg-besluit zegt of er gegevens zijn en motiveert elke weigering met een grond uit art. 27 Wpg",
    source: "art. 25, 27 lid 1 en 2 Wpg; Autoriteit Persoonsgegevens, \"Politie\"",
    explanation: "Bij inzage staat in `verwerkt` of er politiegegevens over de verzoeker zijn, en \
zo ja welke (`gegevens`). Elke volledige of gedeeltelijke weigering noemt een grond uit art. 27 lid 1 \
Wpg (`weigeringsgrond`) en een motivering. De brief wijst op bemiddeling door de Autoriteit \
Persoonsgegevens.",
};

pub static RULES: &[&Rule] = &[&WPG_01, &WPG_02, &WPG_BESLUIT];

pub(super) fn check(ctx: &Ctx, c: &WpgVerzoek, report: &mut Report) {
    crate::rules::common::check_address(ctx, &c.betrokkene.adres, report);
    let end = wpg_einde(c);
    let rule: &'static Rule = match c.verzoek.value {
        WpgSoort::Inzage => &WPG_01,
        _ => &WPG_02,
    };
    let today = ctx.today;
    let closed = c
        .besluit
        .as_ref()
        .map(|b| b.datum.value)
        .filter(|d| *d <= today);
    match closed {
        Some(done) if done > end => report.push(
            ctx.diag_severity(
                rule,
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
            report.extend(crate::rules::common::open_term(
                ctx,
                crate::rules::common::OpenTerm {
                    rule,
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
