//! Rules and facts for `notificatie` (art. 14 AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) ch. 3;
//! legal.md §2.3, §4.2).

use super::facts::*;
use super::model::{Notificatie, NotificatieGrond};
use crate::calendar::{Regime, format_date};
use crate::diag::{Report, Severity};
use crate::rules::{Ctx, Rule};

pub static AVG14_TERMIJN_01: Rule = Rule {
    id: "AVG14-TERMIJN-01",
    severity: Severity::Error,
    title: "De betrokkene is binnen één maand na de aanmelding geïnformeerd (art. 14 AVG)",
    source: "art. 14 lid 3 onder a AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §3.3–3.5; Vo. 1182/71",
    explanation: "De termijn begint op de dag waarop een volledige aanmelding voor triage of weging \
binnenkwam (`aanmelding_op`), ook als de casus daarna niet in behandeling wordt genomen. Uitstel mag \
alleen op een vastgelegde uitzondering van een deelnemer. Open na de termijn zonder uitzondering: fout.",
};

pub static AVG14_UITZONDERING_01: Rule = Rule {
    id: "AVG14-UITZONDERING-01",
    severity: Severity::Error,
    title: "Een uitzondering op de informatieplicht is vastgelegd per deelnemer, met toelichting",
    source: "art. 14 lid 5 AVG; art. 41 UAVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §3.6, §3.8",
    explanation: "Elke uitzondering noemt een deelnemer van de zaak, de grond (al-geinformeerd, \
onmogelijk, doel-in-gevaar, uavg41) en een toelichting. Bij al-geinformeerd gaat de brief toch uit: \
de uitkomst van de triage moet de betrokkene nog horen. Wie alleen de identiteit van de aanmelder \
moet afschermen, zet `aanmelder_afschermen: true` en geeft de rest wel.",
};

pub static PRIVACY_01: Rule = Rule {
    id: "PRIVACY-01",
    severity: Severity::Error,
    title: "avgdoc.yaml beschrijft de verwerking, voor de privacyverklaring",
    source: "art. 13/14 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §3.1, §3.2, §3.7",
    explanation: "De notificatiebrief gaat met de privacyverklaring als bijlage, en die wordt ook op \
de website gepubliceerd. De twaalf onderdelen van §3.2 komen uit avgdoc.yaml: de overheidsdeelnemers \
(verwerkingsverantwoordelijken), het contactpunt, de FG, en `verwerking` (grondslag, doelen, \
categorieën, ontvangers, bewaartermijnen, bronnen, geautomatiseerde besluitvorming); rechten en \
klachtrecht staan vast in het sjabloon.",
};

pub static AVG14_ADRES_01: Rule = Rule {
    id: "AVG14-ADRES-01",
    severity: Severity::Error,
    title: "Zonder bekend adres zijn de reden en de andere maatregel vastgelegd",
    source: "art. 14 lid 5 onder b AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §3.8",
    explanation: "Is het adres van de betrokkene niet bekend en niet redelijkerwijs te vinden, dan is \
informeren onmogelijk of vergt het een onevenredige inspanning (art. 14 lid 5 onder b AVG). Laat dan \
`betrokkene.adres` weg en leg in `geen_adres` vast waarom (`reden`) en wat de organisatie in plaats \
daarvan doet (`maatregel`, bijvoorbeeld: de privacyverklaring staat op de website en de betrokkene \
wordt bij het eerste contact geïnformeerd). Er gaat dan geen brief uit. Een zaak met een adres heeft \
geen `geen_adres`.\n\nVoorbeeld: `geen_adres: { reden: dakloos; geen briefadres bekend bij de \
gemeente, maatregel: informeren bij het eerste gesprek }`.",
};

pub static AVG14_BRIEF_01: Rule = Rule {
    id: "AVG14-BRIEF-01",
    severity: Severity::Note,
    title: "Een notificatie zonder brief zegt waarom er geen brief is",
    source: "art. 14 lid 5 AVG; art. 41 UAVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §3.6 en §3.8",
    explanation: "Een zaak levert nooit stilzwijgend geen brief op. Gaat er (nog) geen \
notificatiebrief uit, dan meldt avgdoc waarom: elke deelnemer van de zaak heeft een geldende \
uitzondering (de brief is uitgesteld tot een uitzondering vervalt), of er is geen adres bekend \
(`geen_adres`). Heeft maar een deel van de deelnemers een uitzondering, dan gaat de brief gewoon uit \
zonder hun deel; dat deel volgt in een aanvullende notificatiebrief zodra hun uitzondering vervalt.\n\n\
Voorbeeld: deelnemers politie en gemeente, uitzondering alleen voor de politie: de brief noemt alleen \
de gemeente.",
};

pub static RULES: &[&Rule] = &[
    &AVG14_TERMIJN_01,
    &AVG14_UITZONDERING_01,
    &AVG14_ADRES_01,
    &AVG14_BRIEF_01,
    &PRIVACY_01,
];

pub(super) fn check(ctx: &Ctx, c: &Notificatie, report: &mut Report) {
    check_adres(ctx, c, report);
    if ctx.config.verwerking.is_none() {
        report.push(
            ctx.diag(
                &PRIVACY_01,
                c.aanmelding_op.span.clone(),
                "de notificatiebrief gaat met de privacyverklaring: vul `verwerking` in avgdoc.yaml",
            )
            .with_label("notificatie"),
        );
    }
    if let Some(a) = &c.aanmelder
        && !ctx.config.deelnemers.iter().any(|d| d.id.value == a.value)
    {
        report.push(crate::rules::common::unknown_deelnemer(ctx, a));
    }
    for u in &c.uitzonderingen {
        crate::rules::common::require_case_deelnemer(
            ctx,
            &AVG14_UITZONDERING_01,
            &c.deelnemers,
            &u.deelnemer,
            "",
            report,
        );
        if u.toelichting.trim().is_empty() {
            report.push(
                ctx.diag(
                    &AVG14_UITZONDERING_01,
                    u.span.clone(),
                    "de uitzondering mist een toelichting",
                )
                .with_label("toelichting ontbreekt"),
            );
        }
        // HERCONTROLE-01: re-check an active postponing exception.
        let active = u.grond.value != NotificatieGrond::AlGeinformeerd
            && u.vervallen_op.as_ref().is_none_or(|d| d.value > ctx.today);
        if active {
            let from = u
                .getoetst_op
                .as_ref()
                .map_or(c.aanmelding_op.value, |d| d.value);
            let due = crate::kinds::algemeen::HERCONTROLE.end(from, &ctx.config.termijnen);
            if ctx.today > due {
                report.push(
                    ctx.diag(
                        &crate::kinds::algemeen::HERCONTROLE_01,
                        u.grond.span.clone(),
                        format!(
                            "toets opnieuw of de uitzondering nog geldt: de hercontrole was uiterlijk {}",
                            format_date(due)
                        ),
                    )
                    .with_label("uitzondering"),
                );
            }
        }
    }
    check_zonder_brief(ctx, c, report);
    // AVG14-TERMIJN-01.
    let end = termijn_einde(c);
    let today = ctx.today;
    if c.geen_adres.is_some() {
        return;
    }
    if let Some(sent) = &c.verzonden.notificatiebrief {
        if sent.value <= today
            && sent.value > end
            && !c.uitzonderingen.iter().any(|u| u.vervallen_op.is_some())
        {
            report.push(
                ctx.diag_severity(
                    &AVG14_TERMIJN_01,
                    Severity::Warning,
                    sent.span.clone(),
                    format!(
                        "de brief ging uit na het einde van de termijn op {}",
                        format_date(end)
                    ),
                )
                .with_label("te laat"),
            );
        }
        if sent.value <= today {
            check_nagezonden(ctx, c, sent.value, report);
            return;
        }
    }
    if uitgesteld(c, today) || c.aanmelding_op.value > today {
        return;
    }
    // A lapsed exception: the information follows after all; the original
    // month no longer applies, so warn until it is sent (legal.md §2.3).
    if let Some(lapsed) = c
        .uitzonderingen
        .iter()
        .filter_map(|u| u.vervallen_op.as_ref())
        .filter(|d| d.value <= today)
        .max_by_key(|d| d.value)
    {
        report.push(
            ctx.diag_severity(
                &AVG14_TERMIJN_01,
                Severity::Warning,
                lapsed.span.clone(),
                format!(
                    "de uitzondering is vervallen op {}: stuur de informatie nu alsnog",
                    format_date(lapsed.value)
                ),
            )
            .with_label("vervallen"),
        );
        return;
    }
    report.extend(crate::rules::common::open_term(
        ctx,
        crate::rules::common::OpenTerm {
            rule: &AVG14_TERMIJN_01,
            span: c.aanmelding_op.span.clone(),
            end,
            regime: Regime::Eu1182,
            noun: "de termijn",
            pending: "de betrokkene is nog niet geïnformeerd",
            label: "aanmelding",
        },
    ));
}

/// AVG14-ADRES-01: an address, or `geen_adres` with its reason and measure.
fn check_adres(ctx: &Ctx, c: &Notificatie, report: &mut Report) {
    match (&c.betrokkene.adres, &c.geen_adres) {
        (Some(a), None) => crate::rules::common::check_address(ctx, a, report),
        (Some(a), Some(g)) => report.push(
            ctx.diag(
                &AVG14_ADRES_01,
                g.span.clone(),
                "`geen_adres` staat er, maar `betrokkene.adres` ook: kies één van beide (art. 14 lid 5 onder b AVG)",
            )
            .with_label("geen adres?")
            .with_secondary(a.span.clone(), "adres"),
        ),
        (None, None) => report.push(
            ctx.diag(
                &AVG14_ADRES_01,
                c.kenmerk.span.clone(),
                "`betrokkene.adres` ontbreekt: geef het adres, of leg in `geen_adres` de reden en de andere maatregel vast (art. 14 lid 5 onder b AVG)",
            )
            .with_label("zaak zonder adres"),
        ),
        (None, Some(g)) => {
            for (field, value) in [("reden", &g.reden), ("maatregel", &g.maatregel)] {
                if value.trim().is_empty() {
                    report.push(
                        ctx.diag(
                            &AVG14_ADRES_01,
                            value.span.clone(),
                            format!("`geen_adres.{field}` is leeg (art. 14 lid 5 onder b AVG)"),
                        )
                        .with_label("leeg"),
                    );
                }
            }
        }
    }
}

/// AVG14-BRIEF-01: no letter is never silent.
fn check_zonder_brief(ctx: &Ctx, c: &Notificatie, report: &mut Report) {
    if c.verzonden.notificatiebrief.is_some() || c.aanmelding_op.value > ctx.today {
        return;
    }
    if let Some(g) = &c.geen_adres {
        report.push(
            ctx.diag(
                &AVG14_BRIEF_01,
                g.span.clone(),
                "geen notificatiebrief: er is geen adres bekend (art. 14 lid 5 onder b AVG); de andere maatregel staat in `geen_adres.maatregel`",
            )
            .with_label("geen brief"),
        );
    } else if uitgesteld(c, ctx.today) {
        let span = c
            .uitzonderingen
            .first()
            .map_or(c.aanmelding_op.span.clone(), |u| u.span.clone());
        report.push(
            ctx.diag(
                &AVG14_BRIEF_01,
                span,
                "geen notificatiebrief: elke deelnemer van de zaak heeft een geldende uitzondering; de brief volgt zodra een uitzondering vervalt",
            )
            .with_label("uitgesteld"),
        );
    }
}

/// An exception that lapsed after the letter went out: its part follows in
/// an aanvullende notificatiebrief, so warn until that is recorded as sent.
fn check_nagezonden(ctx: &Ctx, c: &Notificatie, sent: chrono::NaiveDate, report: &mut Report) {
    for u in nagezonden(c, sent) {
        let Some(lapsed) = &u.vervallen_op else {
            continue;
        };
        if lapsed.value <= ctx.today && u.nagezonden_op.is_none() {
            report.push(
                ctx.diag_severity(
                    &AVG14_TERMIJN_01,
                    Severity::Warning,
                    lapsed.span.clone(),
                    format!(
                        "de uitzondering is vervallen op {}: stuur het deel van deze deelnemer nu alsnog (aanvullende notificatiebrief) en vul `nagezonden_op` in",
                        format_date(lapsed.value)
                    ),
                )
                .with_label("vervallen"),
            );
        }
    }
}
