//! Rules and facts for `datalek` (art. 33–34 AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) ch. 4 and
//! Bijlage B; legal.md §2.4, §4.3).

use super::facts::*;
use crate::rules::{Ctx, Rule};

use super::model::{Datalek, Fase, Risico, UitzonderingBetrokkenen};
use crate::diag::{Report, Severity};
use crate::terms::{self, show_datetime};

pub static DATALEK_01: Rule = Rule {
    id: "DATALEK-01",
    severity: Severity::Error,
    title: "Een datalek met risico is binnen 72 uur aan de AP gemeld, of de vertraging is verklaard",
    source: "art. 33 lid 1 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §4.4, Bijlage B stap 8 en 11",
    explanation: "De termijn is 72 uur vanaf het moment van ontdekking (`ontdekt_op`; 72 verstreken \
uren, ook in het weekend, gerekend in Europe/Amsterdam). Later melden mag, maar de melding noemt dan \
de reden (`melding_ap.reden_vertraging`). Is een risico onwaarschijnlijk (`risico: geen`), dan is \
geen melding nodig, maar de afweging staat in `risico_toelichting` (Bijlage B stap 6). Bij twijfel: een \
voorlopige melding (`fase: voorlopig`), later aangevuld of ingetrokken.",
};

pub static DATALEK_02: Rule = Rule {
    id: "DATALEK-02",
    severity: Severity::Warning,
    title: "Bij een hoog risico zijn de betrokkenen onverwijld geïnformeerd, of een uitzondering is vastgelegd",
    source: "art. 34 lid 1 en 3 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §4.4, §4.10",
    explanation: "'Onverwijld' heeft geen getal: avgdoc waarschuwt als `termijnen.datalek_betrokkenen_uren` \
(standaard 72) na de ontdekking de betrokkenen niet zijn geïnformeerd en geen uitzondering van art. 34 \
lid 3 is vastgelegd (versleuteld, maatregelen, onevenredig; bij onevenredig een publieke mededeling).",
};

pub static DATALEK_03: Rule = Rule {
    id: "DATALEK-03",
    severity: Severity::Warning,
    title: "De deelnemers geven binnen 24 uur de informatie over een datalek",
    source: "factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS), Bijlage B stap 2",
    explanation: "Het contactpunt vraagt de betrokken deelnemers om informatie over het lek \
(`deelnemers_gevraagd_op`); zij antwoorden binnen 24 verstreken uren. De brief aan de deelnemer noemt \
het tijdstip (`avgdoc termijn datalek-deelnemers`).\n\nVoorbeeld: gevraagd zaterdag 28 maart 2026 \
10.00 uur → uiterlijk zondag 29 maart 2026 11.00 uur (zomertijd).",
};

pub static DATALEK_04: Rule = Rule {
    id: "DATALEK-04",
    severity: Severity::Error,
    title: "De melding bevat wat art. 33 lid 3 AVG vraagt",
    source: "art. 33 lid 3 en 34 lid 2 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §4.6",
    explanation: "De aard van het lek met categorieën en aantallen betrokkenen en gegevens, de \
gevolgen en de maatregelen (met datum). De brief aan betrokkenen zegt ook wat zij zelf kunnen doen \
(`betrokkenen_informeren.advies`). Het tijdstip `ontdekt_op` is een geldig tijdstip.",
};

pub static RULES: &[&Rule] = &[&DATALEK_01, &DATALEK_02, &DATALEK_03, &DATALEK_04];

pub(super) fn check(ctx: &Ctx, c: &Datalek, report: &mut Report) {
    for (field, value) in [
        ("omschrijving", &c.omschrijving),
        ("gevolgen", &c.gevolgen),
        ("risico_toelichting", &c.risico_toelichting),
    ] {
        if value.trim().is_empty() {
            report.push(
                ctx.diag(
                    &DATALEK_04,
                    value.span.clone(),
                    format!("`{field}` is leeg"),
                )
                .with_label("leeg"),
            );
        }
    }
    for (field, g) in [("betrokkenen", &c.betrokkenen), ("gegevens", &c.gegevens)] {
        if g.categorieen.is_empty() || g.aantal.trim().is_empty() {
            report.push(
                ctx.diag(
                    &DATALEK_04,
                    g.span.clone(),
                    format!("`{field}` noemt de categorieën en (bij benadering) het aantal (art. 33 lid 3 onder a AVG)"),
                )
                .with_label(field),
            );
        }
    }
    if c.soort_inbreuk.is_empty() {
        report.push(
            ctx.diag(
                &DATALEK_04,
                c.soort_inbreuk.span.clone(),
                "noem de soort inbreuk: vertrouwelijkheid, integriteit of beschikbaarheid",
            )
            .with_label("leeg"),
        );
    }
    if c.maatregelen.is_empty() {
        report.push(
            ctx.diag(
                &DATALEK_04,
                c.maatregelen.span.clone(),
                "noem de genomen of voorgestelde maatregelen (art. 33 lid 3 onder d AVG)",
            )
            .with_label("geen maatregelen"),
        );
    }
    let Some(start) = ontdekt(c) else {
        report.push(
            ctx.diag(
                &DATALEK_04,
                c.ontdekt_op.span.clone(),
                match terms::parse_moment(&c.ontdekt_op) {
                    Err(e) => e,
                    Ok(_) => "ongeldig tijdstip".into(),
                },
            )
            .with_label("tijdstip van ontdekking"),
        );
        return;
    };
    if let Some(m) = &c.melding_ap
        && let Some(t) = &m.gemeld_op
        && let Err(e) = terms::parse_moment(t)
    {
        report.push(
            ctx.diag(&DATALEK_04, t.span.clone(), e)
                .with_label("tijdstip van melding"),
        );
    }
    let deadline = ap_deadline(c).expect("parsed");
    let now = end_of(ctx.today);
    if start > now {
        return; // not yet discovered on the reference date
    }

    // DATALEK-01.
    if melden(c) {
        match (gemeld(c), &c.melding_ap) {
            (Some(at), Some(m)) if at > deadline => {
                if m.reden_vertraging.as_deref().is_none_or(|r| r.trim().is_empty()) {
                    report.push(
                        ctx.diag(
                            &DATALEK_01,
                            m.span.clone(),
                            format!(
                                "gemeld op {}, na de 72 uur (uiterlijk {}): noem de reden in `reden_vertraging`",
                                show_datetime(at),
                                show_datetime(deadline)
                            ),
                        )
                        .with_label("te laat gemeld"),
                    );
                }
            }
            (Some(_), _) => {}
            (None, _) if now > deadline => report.push(
                ctx.diag(
                    &DATALEK_01,
                    c.ontdekt_op.span.clone(),
                    format!(
                        "de melding aan de AP had uiterlijk {} gedaan moeten zijn; leg `melding_ap.gemeld_op` en de reden van de vertraging vast",
                        show_datetime(deadline)
                    ),
                )
                .with_label("ontdekt"),
            ),
            (None, _) => report.push(
                ctx.diag_severity(
                    &DATALEK_01,
                    Severity::Warning,
                    c.ontdekt_op.span.clone(),
                    format!("meld het datalek uiterlijk {} bij de AP", show_datetime(deadline)),
                )
                .with_label("ontdekt"),
            ),
        }
    } else if let Some(m) = &c.melding_ap
        && m.fase != Fase::Intrekking
    {
        report.push(
            ctx.diag_severity(
                &DATALEK_01,
                Severity::Warning,
                m.span.clone(),
                "volgens de risico-inschatting is melden niet nodig: trek de (voorlopige) melding in (Bijlage B stap 8)",
            )
            .with_label("melding"),
        );
    }

    // DATALEK-02.
    if c.risico.value == Risico::Hoog {
        let info = c.betrokkenen_informeren.as_ref();
        let informed =
            info.is_some_and(|i| i.geinformeerd_op.is_some() || i.uitzondering.is_some());
        let hours = ctx.config.termijnen.datalek_betrokkenen_uren;
        let warn_at = terms::hours_plain(start.fixed_offset(), hours).end;
        if !informed && now > warn_at {
            report.push(
                ctx.diag(
                    &DATALEK_02,
                    c.risico.span.clone(),
                    format!(
                        "hoog risico: de betrokkenen zijn {hours} uur na de ontdekking nog niet geïnformeerd en er is geen uitzondering vastgelegd"
                    ),
                )
                .with_label("hoog risico"),
            );
        }
        let needs_advice = info.is_none_or(|i| {
            i.uitzondering
                .as_ref()
                .is_none_or(|u| u.value == UitzonderingBetrokkenen::Onevenredig)
        });
        if needs_advice
            && info
                .and_then(|i| i.advies.as_deref())
                .is_none_or(|a| a.trim().is_empty())
        {
            report.push(
                ctx.diag_severity(
                    &DATALEK_04,
                    Severity::Error,
                    c.risico.span.clone(),
                    "zeg in `betrokkenen_informeren.advies` wat betrokkenen zelf kunnen doen om schade te beperken",
                )
                .with_label("hoog risico"),
            );
        }
        if let Some(i) = info
            && let Some(u) = &i.uitzondering
            && i.toelichting.as_deref().is_none_or(|t| t.trim().is_empty())
        {
            report.push(
                ctx.diag(
                    &DATALEK_02,
                    u.span.clone(),
                    "licht de uitzondering toe (`toelichting`)",
                )
                .with_label("uitzondering"),
            );
        }
    }
}
