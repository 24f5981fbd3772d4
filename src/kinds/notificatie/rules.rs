//! Rules and facts for `notificatie` (art. 14 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) ch. 3;
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

pub static RULES: &[&Rule] = &[&AVG14_TERMIJN_01, &AVG14_UITZONDERING_01, &PRIVACY_01];

pub(super) fn check(ctx: &Ctx, c: &Notificatie, report: &mut Report) {
    crate::rules::common::check_address(ctx, &c.betrokkene.adres, report);
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
        report.push(
            ctx.diag(
                &crate::rules::common::DEELNEMER_01,
                a.span.clone(),
                crate::rules::common::UNKNOWN_DEELNEMER,
            )
            .with_message_mens(format!(
                "onbekende deelnemer `{}`",
                a.value.chars().take(40).collect::<String>()
            ))
            .with_label("staat niet in avgdoc.yaml"),
        );
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
    // AVG14-TERMIJN-01.
    let end = termijn_einde(c);
    let today = ctx.today;
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
