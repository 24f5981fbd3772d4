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

pub static WPG_AFZENDER: Rule = Rule {
    id: "WPG-04",
    severity: Severity::Error,
    title: "De afzender van een Wpg-besluit staat in avgdoc.yaml met bestuursorgaan, bezwaaradres, privacy officer en ondertekenaar",
    source: "art. 3:45, 6:4 en 10:10 Awb; Autoriteit Persoonsgegevens, \"Politie\"",
    explanation: "Een besluit op een Wpg-verzoek neemt de korpschef, of iemand namens hem \
(mandaat). Daarom heeft de deelnemer die `afzender` is in `avgdoc.yaml`:\n\
- `bestuursorgaan`: wie het besluit neemt, bijvoorbeeld `de korpschef van politie`; de brief \
noemt hem in de mandaatregel en in de bezwaarclausule (art. 6:4 en 10:10 Awb);\n\
- `bezwaar_postadres`: waar het bezwaarschrift heen gaat (art. 3:45 Awb);\n\
- `privacy_officer` met `telefoon` en `email`: voor \"Heeft u vragen?\";\n\
- `ondertekenaar` met `naam` en `functie` (en eventueel een eigen `mandaat`).\n\n\
Voorbeeld:\n\n  \
- id: politie\n    \
naam: Politie Eenheid Oost-Nederland\n    \
bestuursorgaan: de korpschef van politie\n    \
bezwaar_postadres: { postbus: \"2200\", postcode: 6802 CE, plaats: Arnhem }\n    \
privacy_officer: { telefoon: 0900 8844, email: privacy.oost-nederland@politie.example }\n    \
ondertekenaar: { naam: drs. P. de Boer, functie: privacy officer Eenheid Oost-Nederland }",
};

pub static WPG_INFORMATIE: Rule = Rule {
    id: "WPG-05",
    severity: Severity::Error,
    title: "Een Wpg-besluit op inzage geeft de informatie van art. 25 Wpg",
    source: "art. 25 Wpg; art. 14 Richtlijn (EU) 2016/680; Autoriteit Persoonsgegevens, \"Politie\"",
    explanation: "Geeft een besluit op inzage (een deel van de) politiegegevens, dan staat in \
`besluit.informatie`: de doelen (`doelen`) en de grondslag (`grondslag`) van de verwerking, de \
soorten gegevens (`categorieen`), aan wie de gegevens zijn gegeven (`ontvangers`), hoe lang ze worden \
bewaard of hoe dat wordt bepaald (`bewaartermijn`) en waar ze vandaan komen (`herkomst`). De rechten \
op rectificatie, vernietiging en beperking en het recht op een klacht bij de Autoriteit \
Persoonsgegevens, met haar adres, zet avgdoc er zelf in.\n\n\
Voorbeeld:\n\n  \
informatie:\n    \
doelen: [de handhaving van de openbare orde]\n    \
grondslag: artikel 8 Wpg (de dagelijkse politietaak)\n    \
categorieen: [meldingen over uw adres]\n    \
ontvangers: [niemand buiten de politie]\n    \
bewaartermijn: vijf jaar na de melding (artikel 8 Wpg)\n    \
herkomst: [mensen die de politie belden]",
};

pub static RULES: &[&Rule] = &[
    &WPG_01,
    &WPG_02,
    &WPG_BESLUIT,
    &WPG_AFZENDER,
    &WPG_INFORMATIE,
];

/// WPG-04: the afzender's entry in avgdoc.yaml has what a Wpg besluit needs.
fn check_afzender(ctx: &Ctx, c: &WpgVerzoek, report: &mut Report) {
    // An unknown id is DEELNEMER-01's.
    let Some(d) = ctx
        .config
        .deelnemers
        .iter()
        .find(|d| d.id.value == c.afzender.value)
    else {
        return;
    };
    let mut missing = Vec::new();
    if d.bestuursorgaan
        .as_deref()
        .is_none_or(|b| b.trim().is_empty())
    {
        missing.push("`bestuursorgaan` (art. 6:4 en 10:10 Awb)");
    }
    if d.bezwaar_postadres.is_none() {
        missing.push("`bezwaar_postadres` (art. 3:45 Awb)");
    }
    match &d.privacy_officer {
        None => missing.push("`privacy_officer` met `telefoon` en `email`"),
        Some(p) if p.telefoon.trim().is_empty() || p.email.trim().is_empty() => {
            missing.push("`privacy_officer` met `telefoon` en `email`")
        }
        Some(_) => {}
    }
    if d.ondertekenaar.is_none() {
        missing.push("`ondertekenaar` met `naam` en `functie` (art. 10:10 Awb)");
    }
    if !missing.is_empty() {
        report.push(
            ctx.diag(
                &WPG_AFZENDER,
                c.afzender.span.clone(),
                format!("de afzender mist in avgdoc.yaml: {}", missing.join(", ")),
            )
            .with_label("afzender van het Wpg-besluit"),
        );
    }
}

/// WPG-05: an inzage besluit that gives data tells about the processing.
fn check_informatie(ctx: &Ctx, c: &WpgVerzoek, report: &mut Report) {
    let Some(b) = &c.besluit else { return };
    if c.verzoek.value != WpgSoort::Inzage
        || b.verwerkt != Some(true)
        || b.uitkomst.value == Uitkomst::Afgewezen
    {
        return;
    }
    let Some(i) = &b.informatie else {
        report.push(
            ctx.diag(
                &WPG_INFORMATIE,
                b.uitkomst.span.clone(),
                "een besluit dat inzage geeft, vermeldt in `informatie` de doelen, grondslag, soorten gegevens, ontvangers, bewaartermijn en herkomst (art. 25 Wpg; art. 14 Richtlijn 2016/680)",
            )
            .with_label("geen informatie over de verwerking"),
        );
        return;
    };
    let empty = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    let mut missing = Vec::new();
    if i.doelen.is_empty() {
        missing.push("`doelen`");
    }
    if empty(&i.grondslag) {
        missing.push("`grondslag`");
    }
    if i.categorieen.is_empty() {
        missing.push("`categorieen`");
    }
    if i.ontvangers.is_empty() {
        missing.push("`ontvangers`");
    }
    if empty(&i.bewaartermijn) {
        missing.push("`bewaartermijn`");
    }
    if i.herkomst.is_empty() {
        missing.push("`herkomst`");
    }
    if !missing.is_empty() {
        report.push(
            ctx.diag(
                &WPG_INFORMATIE,
                i.span.clone(),
                format!(
                    "`informatie` mist {} (art. 25 Wpg; art. 14 Richtlijn 2016/680)",
                    missing.join(", ")
                ),
            )
            .with_label("onvolledig"),
        );
    }
}

pub(super) fn check(ctx: &Ctx, c: &WpgVerzoek, report: &mut Report) {
    crate::rules::common::check_address(ctx, &c.betrokkene.adres, report);
    check_afzender(ctx, c, report);
    check_informatie(ctx, c, report);
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
