//! Rules and computed facts for `avg-verzoek` (art. 15–21 AVG).

use super::common::check_address;
use super::{Ctx, Rule};
use crate::calendar::{self, Deadline, Period, Regime, format_date};
use crate::diag::{Report, Severity};
use crate::model::AvgVerzoek;
use crate::report::{self, Status};

pub static AVG_TERMIJN_01: Rule = Rule {
    id: "AVG-TERMIJN-01",
    severity: Severity::Error,
    title: "Een AVG-verzoek is binnen één maand na vaststelling van de identiteit beantwoord",
    source: "art. 12 lid 3 AVG; seed factsheet §2.5; termijn volgens Vo. 1182/71 art. 3",
    explanation: "De termijn is één maand vanaf de dag waarop de identiteit is vastgesteld \
(`identiteit.vastgesteld_op`). Die dag telt niet mee; de termijn eindigt op dezelfde datum een maand \
later, of op de laatste dag van die maand als die datum niet bestaat. Valt het einde op een zaterdag, \
zondag of feestdag, dan schuift het naar de volgende werkdag (art. 3 lid 4 Vo. 1182/71). Als \
feestdagen telt avgdoc alleen de dagen waarover geen twijfel bestaat (Nieuwjaarsdag, tweede Paasdag, \
Hemelvaartsdag, tweede Pinksterdag, beide Kerstdagen): de veilige lezing, die nooit een latere datum \
geeft.\n\nEen open zaak na de termijn is een fout; binnen `termijnen.waarschuwing_werkdagen` werkdagen \
(standaard 5) een waarschuwing. Een zaak die na de termijn is afgehandeld geeft een waarschuwing.\n\n\
Voorbeeld: identiteit vastgesteld op vrijdag 30 januari 2026 → 28 februari 2026 is een zaterdag → \
uiterlijk maandag 2 maart 2026.",
};

pub static AVG_ID_01: Rule = Rule {
    id: "AVG-ID-01",
    severity: Severity::Error,
    title: "De identiteit is vastgesteld op of na de ontvangst van het verzoek",
    source: "seed factsheet §2.4–2.5; art. 12 lid 6 AVG",
    explanation: "`identiteit.vastgesteld_op` kan niet vóór `ontvangen_op` liggen. Ontbreekt \
`identiteit`, dan loopt de termijn nog niet: avgdoc waarschuwt en maakt nog geen \
ontvangstbevestiging; eerst gaat er een identificatieverzoek uit.",
};

pub static AVG_RECHT_01: Rule = Rule {
    id: "AVG-RECHT-01",
    severity: Severity::Error,
    title: "Een AVG-verzoek noemt ten minste één recht, elk recht één keer",
    source: "art. 15–21 AVG; seed factsheet Bijlage A stap 7",
    explanation: "`rechten` is een lijst met een of meer van: inzage, rectificatie, wissing, beperking, \
bezwaar.",
};

pub static AVG_BRIEF_01: Rule = Rule {
    id: "AVG-BRIEF-01",
    severity: Severity::Error,
    title: "Een brief is niet verzonden vóór de ontvangst van het verzoek",
    source: "seed factsheet Bijlage A stap 4",
    explanation: "De datum onder `verzonden.ontvangstbevestiging` ligt op of na `ontvangen_op`.",
};

pub static RULES: &[&Rule] = &[&AVG_TERMIJN_01, &AVG_ID_01, &AVG_RECHT_01, &AVG_BRIEF_01];

/// The legal deadline of the request: one month from the day identity was
/// established (art. 12(3) AVG; seed factsheet §2.5), under Vo. 1182/71.
/// `None` while identity is not established: the term does not run yet.
pub fn deadline(case: &AvgVerzoek) -> Option<Deadline> {
    let id = case.identiteit.as_ref()?;
    Some(calendar::compute(
        id.vastgesteld_op.value,
        Period::Months(1),
        Regime::Eu1182,
    ))
}

/// The streefdatum: one month from receipt (legal.md §2.1, U5). The report
/// warns from it when it is earlier than the legal deadline.
pub fn streefdatum(case: &AvgVerzoek) -> Deadline {
    calendar::compute(case.ontvangen_op.value, Period::Months(1), Regime::Eu1182)
}

pub(super) fn check(ctx: &Ctx, case: &AvgVerzoek, report: &mut Report) {
    check_address(ctx, &case.betrokkene.adres, report);

    if case.rechten.is_empty() {
        report.push(
            ctx.diag(
                &AVG_RECHT_01,
                case.rechten.span.clone(),
                "noem ten minste één recht",
            )
            .with_label("lege lijst"),
        );
    }
    for (i, r) in case.rechten.iter().enumerate() {
        if case.rechten[..i].iter().any(|o| o.value == r.value) {
            report.push(
                ctx.diag(
                    &AVG_RECHT_01,
                    r.span.clone(),
                    format!("recht `{}` staat er twee keer", r.id()),
                )
                .with_label("dubbel"),
            );
        }
    }

    let received = case.ontvangen_op.value;
    if let Some(sent) = &case.verzonden.ontvangstbevestiging
        && sent.value < received
    {
        report.push(
            ctx.diag(
                &AVG_BRIEF_01,
                sent.span.clone(),
                format!(
                    "ontvangstbevestiging verzonden op {}, vóór de ontvangst op {}",
                    format_date(sent.value),
                    format_date(received)
                ),
            )
            .with_label("te vroeg"),
        );
    }

    let Some(identiteit) = &case.identiteit else {
        report.push(
            ctx.diag_severity(
                &AVG_ID_01,
                Severity::Warning,
                case.ontvangen_op.span.clone(),
                "de identiteit is nog niet vastgesteld: de termijn loopt nog niet en er wordt nog geen ontvangstbevestiging gemaakt",
            )
            .with_label("ontvangen, identiteit onbekend")
            .with_note("stuur een identificatieverzoek (seed factsheet §2.4)"),
        );
        return;
    };
    let established = &identiteit.vastgesteld_op;
    if established.value < received {
        report.push(
            ctx.diag(
                &AVG_ID_01,
                established.span.clone(),
                format!(
                    "identiteit vastgesteld op {}, vóór de ontvangst van het verzoek op {}",
                    format_date(established.value),
                    format_date(received)
                ),
            )
            .with_label("vóór ontvangst"),
        );
        return;
    }

    let Some(dl) = deadline(case) else { return };
    check_deadline(ctx, case, &dl, report);
}

fn check_deadline(ctx: &Ctx, case: &AvgVerzoek, dl: &Deadline, report: &mut Report) {
    let rule = &AVG_TERMIJN_01;
    let span = case
        .identiteit
        .as_ref()
        .map(|i| i.vastgesteld_op.span.clone())
        .unwrap_or_else(|| case.ontvangen_op.span.clone());
    let end = format_date(dl.end);
    let today = ctx.today;
    if let Some(done) = &case.afgehandeld_op
        && done.value <= today
    {
        if done.value > dl.end {
            report.push(
                ctx.diag_severity(
                    rule,
                    Severity::Warning,
                    done.span.clone(),
                    format!(
                        "afgehandeld op {}, na het einde van de termijn op {end}",
                        format_date(done.value)
                    ),
                )
                .with_label("te laat afgehandeld"),
            );
        }
        return;
    }
    if case.ontvangen_op.value > today {
        return; // not received yet on the reference date
    }
    let warn = ctx.config.termijnen.waarschuwing_werkdagen;
    match report::status(today, dl.end, Regime::Eu1182, warn) {
        (Status::Verlopen, _) => {
            report.push(
                ctx.diag(
                    rule,
                    span,
                    format!("de termijn is verlopen op {end}; de zaak is nog niet afgehandeld"),
                )
                .with_label("termijn begint hier")
                .with_note(explain(dl)),
            );
        }
        (Status::Binnenkort, left) => {
            report.push(
                ctx.diag_severity(
                    rule,
                    Severity::Warning,
                    span,
                    format!(
                        "de termijn verloopt op {end}: nog {left} {}",
                        if left == 1 { "werkdag" } else { "werkdagen" }
                    ),
                )
                .with_label("termijn begint hier")
                .with_note(explain(dl)),
            );
        }
        (Status::OpTijd, _) => {
            let target = streefdatum(case);
            if target.end < dl.end && today > target.end {
                report.push(
                    ctx.diag_severity(
                        rule,
                        Severity::Warning,
                        case.ontvangen_op.span.clone(),
                        format!(
                            "de streefdatum (een maand na ontvangst) was {}; de wettelijke termijn loopt tot {end}",
                            format_date(target.end)
                        ),
                    )
                    .with_label("ontvangen"),
                );
            }
        }
    }
}

fn explain(dl: &Deadline) -> String {
    let steps: Vec<String> = dl
        .steps
        .iter()
        .map(|s| format!("{} ({})", s.text, s.source))
        .collect();
    format!("berekening: {}", steps.join("; "))
}
