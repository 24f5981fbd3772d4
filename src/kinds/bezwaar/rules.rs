//! Rules and computed facts for `bezwaar` (Awb ch. 6–7; seed AP-bezwaar;
//! factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §2.9; legal.md §2.5, §4.4).

use super::facts::*;
use super::model::{Bezwaar, DeelOordeel, Oordeel};
use crate::calendar::{Regime, format_date};
use crate::diag::{Report, Severity};
use crate::rules::{Ctx, Rule};

pub static BEZWAAR_01: Rule = Rule {
    id: "BEZWAAR-01",
    severity: Severity::Warning,
    title: "Het bezwaarschrift is binnen zes weken ingediend",
    source: "art. 6:7, 6:8, 6:9 en 6:11 Awb",
    explanation: "De bezwaartermijn is zes weken, vanaf de dag na verzending van het besluit. Een \
bezwaarschrift is tijdig als het voor het einde binnen is, of per post voor het einde is verstuurd \
(`gepost_op`) en binnen een week daarna binnenkomt (art. 6:9 lid 2 Awb; dan een waarschuwing). Later \
is het 'mogelijk te laat': of de termijnoverschrijding verschoonbaar is (art. 6:11 Awb), beslist een \
mens en legt dat vast in `verschoonbaarheid` (anders een fout).",
};

pub static BEZWAAR_02: Rule = Rule {
    id: "BEZWAAR-02",
    severity: Severity::Warning,
    title: "Een op tijd gepost bezwaarschrift is uiterlijk een week na de bezwaartermijn binnen",
    source: "art. 6:9 lid 2 Awb",
    explanation: "Een bezwaarschrift dat per post vóór het einde van de bezwaartermijn is verstuurd \
(`gepost_op`), is tijdig als het binnen een week na dat einde binnenkomt. avgdoc rekent die week \
volgens de Algemene termijnenwet (`avgdoc termijn bezwaar-post`) en meldt zo'n bezwaar onder \
BEZWAAR-01 als waarschuwing.\n\nVoorbeeld: bezwaartermijn tot maandag 14 juli 2025 → per post \
uiterlijk maandag 21 juli 2025 binnen.",
};

pub static BEZWAAR_03: Rule = Rule {
    id: "BEZWAAR-03",
    severity: Severity::Warning,
    title: "De ontvangst van het bezwaarschrift is binnen twee weken bevestigd",
    source: "art. 6:14 Awb; Autoriteit Persoonsgegevens, \"Bezwaar maken\" (praktijk: na uiterlijk 2 weken)",
    explanation: "De ontvangstbevestiging (`verzonden.ontvangstbevestiging`) gaat uit binnen 14 dagen \
na ontvangst (interne termijn: valt het einde niet op een werkdag, dan de werkdag ervoor).",
};

pub static BEZWAAR_04: Rule = Rule {
    id: "BEZWAAR-04",
    severity: Severity::Error,
    title: "Een bezwaarschrift met een verzuim krijgt eerst de kans op herstel",
    source: "art. 6:5, 6:6 en 7:10 lid 2 Awb",
    explanation: "Mist het bezwaarschrift iets uit art. 6:5 Awb (`verzuimen`), dan gaat er een \
herstelverzuimbrief uit met een termijn. Niet-ontvankelijk verklaren mag pas daarna \
(`herstel_gevraagd_op`). Het herstel schort de beslistermijn op.",
};

pub static BEZWAAR_05: Rule = Rule {
    id: "BEZWAAR-05",
    severity: Severity::Error,
    title: "Op het bezwaar is binnen de beslistermijn beslist",
    source: "art. 7:10 Awb; art. 7:13 Awb; Algemene termijnenwet",
    explanation: "De beslistermijn is zes weken, twaalf weken als de adviescommissie is \
aangekondigd (`adviescommissie_mededeling_op`, art. 7:13 lid 2 Awb). Hij loopt vanaf de dag na het \
einde van de bezwaartermijn (onverlengd: de veilige, vroegste datum), niet vanaf de ontvangst, en wordt \
opgeschort zolang een verzuim niet is hersteld (art. 7:10 lid 2: het aantal dagen tussen het verzoek en \
het herstel). Open na het einde: fout; binnen de waarschuwingsmarge: waarschuwing.",
};

pub static BEZWAAR_06: Rule = Rule {
    id: "BEZWAAR-06",
    severity: Severity::Note,
    title: "Beroep tegen de beslissing op bezwaar kan tot zes weken na verzending",
    source: "art. 6:7, 6:8 en 8:7 Awb",
    explanation: "De beslissing op bezwaar noemt de beroepstermijn: zes weken vanaf de dag na \
verzending (Algemene termijnenwet), en de rechtbank waar het beroepschrift heen gaat. avgdoc berekent \
de datum voor de brief (`avgdoc termijn beroep`).\n\nVoorbeeld: verzonden maandag 2 juni 2025 → \
beroep uiterlijk maandag 14 juli 2025.",
};

pub static BEZWAAR_07: Rule = Rule {
    id: "BEZWAAR-07",
    severity: Severity::Warning,
    title: "De uitnodiging voor de hoorzitting gaat ruim op tijd uit",
    source: "art. 7:2 en 7:4 Awb; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.9",
    explanation: "Stukken kunnen tot tien dagen voor het horen worden ingediend (art. 7:4 lid 1 Awb) \
en het dossier ligt ten minste een week ter inzage: de uitnodiging gaat dus meer dan tien dagen vooraf \
uit. De deelnemers zijn belanghebbenden en worden ook uitgenodigd.",
};

pub static BEZWAAR_08: Rule = Rule {
    id: "BEZWAAR-08",
    severity: Severity::Error,
    title: "De beslissing op bezwaar is gemotiveerd en noemt waarom niet is gehoord",
    source: "art. 7:2, 7:3, 7:12 en 7:13 lid 7 Awb",
    explanation: "De beslissing heeft een motivering. Is er geen hoorzitting, dan noemt \
`niet_gehoord` de grond uit art. 7:3 Awb. Wijkt de beslissing af van het advies van de commissie, dan \
staat in `afwijking_advies` waarom.",
};

pub static BEZWAAR_09: Rule = Rule {
    id: "BEZWAAR-09",
    severity: Severity::Error,
    title: "De beslissing op bezwaar heeft een dictum per onderdeel dat past bij het oordeel",
    source: "art. 7:11 Awb",
    explanation: "De beslissing zegt per onderdeel van het besluit wat het bezwaar oplevert \
(`beslissing.dictum`): `gegrond`, `ongegrond` of `niet-ontvankelijk`. Bij een gegrond onderdeel \
herroept het bestuursorgaan dat deel van het besluit en neemt het een nieuw besluit \
(art. 7:11 lid 2 Awb): `herroepen` zegt welk deel vervalt, `vervangen_door` wat ervoor in de plaats \
komt. Het `oordeel` past bij de onderdelen: `gegrond` als alle onderdelen gegrond zijn, \
`gedeeltelijk-gegrond` bij een mengsel met ten minste één gegrond onderdeel, anders `ongegrond` of \
`niet-ontvankelijk` als alle onderdelen dat zijn.\n\n\
Voorbeeld:\n\n  \
dictum:\n    \
- onderdeel: de weigering van de gegevens van de politie\n      \
oordeel: gegrond\n      \
herroepen: de weigering van de gegevens van de politie\n      \
vervangen_door: u krijgt die gegevens alsnog\n    \
- onderdeel: de rest van het besluit\n      \
oordeel: ongegrond",
};

pub static BEZWAAR_10: Rule = Rule {
    id: "BEZWAAR-10",
    severity: Severity::Error,
    title: "Een te laat bezwaar is pas niet-ontvankelijk na de vraag waarom het te laat is",
    source: "art. 6:11 en 7:3 Awb",
    explanation: "Is het bezwaarschrift na de bezwaartermijn binnengekomen, dan vraagt het \
bestuursorgaan de indiener eerst waarom (brief `vraag-termijnoverschrijding`, \
`termijnoverschrijding.gevraagd_op`), met een termijn van 14 dagen om te reageren. Is de \
termijnoverschrijding verschoonbaar, dan blijft niet-ontvankelijkverklaring achterwege \
(art. 6:11 Awb). Niet-ontvankelijk verklaren mag pas na die termijn of na de reactie \
(`reactie_op`). Wordt er niet gevraagd, dan staat in `niet_gevraagd` waarom niet. Een hoorzitting is \
dan niet nodig als het bezwaar kennelijk niet-ontvankelijk is (art. 7:3 onder a Awb; \
`niet_gehoord: kennelijk-niet-ontvankelijk`).\n\n\
Voorbeeld: gevraagd op woensdag 14 oktober 2026 → reactie tot en met woensdag 28 oktober 2026; \
een beslissing niet-ontvankelijk van 27 oktober 2026 zonder reactie is te vroeg.",
};

pub static BEZWAAR_11: Rule = Rule {
    id: "BEZWAAR-11",
    severity: Severity::Error,
    title: "Het bezwaar geldt ook voor een besluit dat het bestreden besluit verandert terwijl het bezwaar loopt",
    source: "art. 6:18, 6:19 en 7:11 Awb",
    explanation: "Verandert, vervangt of trekt het bestuursorgaan het bestreden besluit in terwijl \
het bezwaar loopt, dan geldt het bezwaar vanzelf ook voor dat nieuwe besluit (art. 6:19 lid 1 Awb). \
`aanvullende_besluiten` noemt zulke besluiten (`kenmerk`, `datum`, `onderwerp`). Zo'n besluit is \
genomen op of na de ontvangst van het bezwaar en uiterlijk op de dag van de beslissing op bezwaar; \
een eerder besluit valt niet onder het bezwaar (daartegen staat apart bezwaar open), een later besluit \
ook niet. De beslissing op bezwaar noemt de aanvullende besluiten en beslist er ook over: het dictum \
heeft voor elk een onderdeel met `aanvullend_besluit: <datum>` (art. 7:11 Awb).\n\n\
Voorbeeld:\n\n  \
aanvullende_besluiten:\n    \
- { kenmerk: ZVH-2026-0388, datum: 2026-11-18, onderwerp: de gegevens van de politie }\n  \
beslissing:\n    \
dictum:\n      \
- onderdeel: ons aanvullend besluit van 18 november 2026\n        \
aanvullend_besluit: 2026-11-18\n        \
oordeel: ongegrond",
};

pub static RULES: &[&Rule] = &[
    &BEZWAAR_01,
    &BEZWAAR_02,
    &BEZWAAR_03,
    &BEZWAAR_04,
    &BEZWAAR_05,
    &BEZWAAR_06,
    &BEZWAAR_07,
    &BEZWAAR_08,
    &BEZWAAR_09,
    &BEZWAAR_10,
    &BEZWAAR_11,
];

pub(super) fn check(ctx: &Ctx, c: &Bezwaar, report: &mut Report) {
    crate::rules::common::check_address(ctx, &c.betrokkene.adres, report);
    check_filing(ctx, c, report);

    // BEZWAAR-03: ontvangstbevestiging within 14 days.
    let due = super::terms::BEZWAAR_ONTVANGSTBEVESTIGING.end_default(c.ontvangen_op.value);
    match &c.verzonden.ontvangstbevestiging {
        Some(d) if d.value > due => report.push(
            ctx.diag(
                &BEZWAAR_03,
                d.span.clone(),
                format!("de ontvangstbevestiging ging uit na {}", format_date(due)),
            )
            .with_label("later dan twee weken"),
        ),
        None if ctx.today > due && closed_on(c).is_none() => report.push(
            ctx.diag(
                &BEZWAAR_03,
                c.ontvangen_op.span.clone(),
                format!(
                    "de ontvangst is nog niet bevestigd; dat had uiterlijk {} moeten gebeuren",
                    format_date(due)
                ),
            )
            .with_label("ontvangen"),
        ),
        _ => {}
    }

    // BEZWAAR-04: herstel before niet-ontvankelijk.
    if let Some(b) = &c.beslissing
        && b.oordeel.value == Oordeel::NietOntvankelijk
        && !c.verzuimen.is_empty()
        && c.herstel_gevraagd_op.is_none()
    {
        report.push(
            ctx.diag(
                &BEZWAAR_04,
                b.oordeel.span.clone(),
                "niet-ontvankelijk wegens een verzuim mag pas na een herstelverzuimbrief (`herstel_gevraagd_op`)",
            )
            .with_label("niet-ontvankelijk"),
        );
    }

    // BEZWAAR-05: a verdaging is announced before the original end (7:10(5)).
    if let Some(v) = &c.verdaagd_op {
        let original = oorspronkelijke_beslistermijn(c, v.value);
        if v.value > original {
            report.push(
                ctx.diag(
                    &BEZWAAR_05,
                    v.span.clone(),
                    format!(
                        "de verdaging is gemeld na het einde van de beslistermijn op {}: zij telt niet (art. 7:10 lid 5 Awb)",
                        format_date(original)
                    ),
                )
                .with_label("te laat verdaagd"),
            );
        }
    }
    check_beslistermijn(ctx, c, report);

    // BEZWAAR-07: invitation more than ten days ahead.
    if let Some(h) = &c.hoorzitting {
        let days = (h.datum.value - h.uitnodiging_op.value).num_days();
        if days <= 10 {
            report.push(
                ctx.diag(
                    &BEZWAAR_07,
                    h.uitnodiging_op.span.clone(),
                    format!(
                        "de uitnodiging gaat {days} dagen voor de hoorzitting uit; dat moet meer dan tien dagen zijn (art. 7:4 lid 1 Awb)"
                    ),
                )
                .with_label("te laat uitgenodigd"),
            );
        }
    }

    check_aanvullende_besluiten(ctx, c, report);

    // BEZWAAR-08: the decision.
    if let Some(b) = &c.beslissing {
        if b.motivering.trim().is_empty() {
            report.push(
                ctx.diag(
                    &BEZWAAR_08,
                    b.motivering.span.clone(),
                    "de motivering ontbreekt (art. 7:12 Awb)",
                )
                .with_label("leeg"),
            );
        }
        if c.hoorzitting.is_none() && b.niet_gehoord.is_none() {
            report.push(
                ctx.diag(
                    &BEZWAAR_08,
                    b.datum.span.clone(),
                    "er is niet gehoord: noem in `niet_gehoord` de grond uit art. 7:3 Awb",
                )
                .with_label("geen hoorzitting"),
            );
        }
        crate::rules::common::check_address(ctx, &b.rechtbank.adres, report);
        check_dictum(ctx, b, report);
        check_te_laat(ctx, c, b, report);
    }
}

/// BEZWAAR-09: a dictum per part, consistent with the oordeel (Awb 7:11).
fn check_dictum(ctx: &Ctx, b: &super::model::BeslissingOpBezwaar, report: &mut Report) {
    if b.dictum.is_empty() {
        report.push(
            ctx.diag(
                &BEZWAAR_09,
                b.oordeel.span.clone(),
                "noem in `dictum` per onderdeel van het besluit of het bezwaar gegrond, ongegrond of niet-ontvankelijk is (art. 7:11 Awb)",
            )
            .with_label("geen dictum"),
        );
        return;
    }
    for d in &b.dictum {
        let empty = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        if d.oordeel.value == DeelOordeel::Gegrond
            && (empty(&d.herroepen) || empty(&d.vervangen_door))
        {
            report.push(
                ctx.diag(
                    &BEZWAAR_09,
                    d.oordeel.span.clone(),
                    "een gegrond onderdeel zegt welk deel van het besluit is herroepen (`herroepen`) en wat ervoor in de plaats komt (`vervangen_door`) (art. 7:11 lid 2 Awb)",
                )
                .with_label("gegrond"),
            );
        }
    }
    let all = |o: DeelOordeel| b.dictum.iter().all(|d| d.oordeel.value == o);
    let any_gegrond = b
        .dictum
        .iter()
        .any(|d| d.oordeel.value == DeelOordeel::Gegrond);
    let fits = match b.oordeel.value {
        Oordeel::Gegrond => all(DeelOordeel::Gegrond),
        Oordeel::GedeeltelijkGegrond => any_gegrond && !all(DeelOordeel::Gegrond),
        Oordeel::Ongegrond => !any_gegrond && !all(DeelOordeel::NietOntvankelijk),
        Oordeel::NietOntvankelijk => all(DeelOordeel::NietOntvankelijk),
    };
    if !fits {
        report.push(
            ctx.diag(
                &BEZWAAR_09,
                b.oordeel.span.clone(),
                "het oordeel past niet bij de onderdelen van het dictum (art. 7:11 Awb)",
            )
            .with_label("oordeel"),
        );
    }
}

/// BEZWAAR-10: a late bezwaar is niet-ontvankelijk only after asking why
/// (Awb 6:11), and after the answer or the term to answer.
fn check_te_laat(
    ctx: &Ctx,
    c: &Bezwaar,
    b: &super::model::BeslissingOpBezwaar,
    report: &mut Report,
) {
    let niet_ontvankelijk = b.oordeel.value == Oordeel::NietOntvankelijk
        || b.dictum
            .iter()
            .any(|d| d.oordeel.value == DeelOordeel::NietOntvankelijk);
    if !niet_ontvankelijk || !te_laat(c) {
        return;
    }
    let t = c.termijnoverschrijding.as_ref();
    let reason = t
        .and_then(|t| t.niet_gevraagd.as_deref())
        .is_some_and(|r| !r.trim().is_empty());
    let asked = t.and_then(|t| t.gevraagd_op.as_ref());
    match asked {
        None if !reason => report.push(
            ctx.diag(
                &BEZWAAR_10,
                b.oordeel.span.clone(),
                "een te laat bezwaar is pas niet-ontvankelijk nadat de indiener is gevraagd waarom het te laat is (`termijnoverschrijding.gevraagd_op`), of zeg in `niet_gevraagd` waarom niet (art. 6:11 Awb)",
            )
            .with_label("niet-ontvankelijk"),
        ),
        None => {}
        Some(_) => {
            let answered = t.and_then(|t| t.reactie_op.as_ref()).map(|r| r.value);
            let end = reactie_uiterlijk(c).expect("asked");
            let ok = answered.is_some_and(|r| r <= b.datum.value) || b.datum.value > end;
            if !ok {
                report.push(
                    ctx.diag(
                        &BEZWAAR_10,
                        b.datum.span.clone(),
                        format!(
                            "niet-ontvankelijk verklaren mag pas na de reactie of na {}, het einde van de termijn om te reageren (art. 6:11 Awb)",
                            format_date(end)
                        ),
                    )
                    .with_label("te vroeg beslist"),
                );
            }
        }
    }
}

fn check_filing(ctx: &Ctx, c: &Bezwaar, report: &mut Report) {
    let end = bezwaartermijn_einde(c);
    let received = c.ontvangen_op.value;
    if received <= end {
        return;
    }
    let post_end = super::terms::BEZWAAR_POST.end_default(end);
    if let Some(posted) = &c.gepost_op
        && posted.value <= end
        && received <= post_end
    {
        report.push(
            ctx.diag(
                &BEZWAAR_01,
                c.ontvangen_op.span.clone(),
                format!(
                    "ontvangen na het einde van de bezwaartermijn ({}), maar op tijd gepost: tijdig volgens art. 6:9 lid 2 Awb",
                    format_date(end)
                ),
            )
            .with_label("binnen de postweek"),
        );
        return;
    }
    // A recorded decision on the lateness, or the question why still open
    // (Awb 6:11; BEZWAAR-10 guards the beslissing).
    let has_decision = c
        .verschoonbaarheid
        .as_deref()
        .is_some_and(|v| !v.trim().is_empty())
        || (c.beslissing.is_none()
            && c.termijnoverschrijding
                .as_ref()
                .is_some_and(|t| t.gevraagd_op.is_some()));
    let severity = if has_decision {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut d = ctx
        .diag_severity(
            &BEZWAAR_01,
            severity,
            c.ontvangen_op.span.clone(),
            format!(
                "mogelijk te laat: de bezwaartermijn eindigde op {}",
                format_date(end)
            ),
        )
        .with_label("na de bezwaartermijn");
    if !has_decision {
        d = d.with_note("leg in `verschoonbaarheid` vast of de termijnoverschrijding verschoonbaar is (art. 6:11 Awb)");
    }
    report.push(d);
}

fn check_beslistermijn(ctx: &Ctx, c: &Bezwaar, report: &mut Report) {
    let end = beslistermijn_einde(c);
    let today = ctx.today;
    if let Some(done) = closed_on(c)
        && done <= today
    {
        if done > end {
            let b = c.beslissing.as_ref().expect("closed");
            report.push(
                ctx.diag_severity(
                    &BEZWAAR_05,
                    Severity::Warning,
                    b.datum.span.clone(),
                    format!(
                        "beslist op {}, na het einde van de beslistermijn op {}",
                        format_date(done),
                        format_date(end)
                    ),
                )
                .with_label("te laat beslist"),
            );
        }
        return;
    }
    if c.ontvangen_op.value > today {
        return;
    }
    report.extend(crate::rules::common::open_term(
        ctx,
        crate::rules::common::OpenTerm {
            rule: &BEZWAAR_05,
            span: c.besluit.datum.span.clone(),
            end,
            regime: Regime::Atw,
            noun: "de beslistermijn",
            pending: "er is nog niet beslist",
            label: "bestreden besluit verzonden",
        },
    ));
}

/// BEZWAAR-11: besluiten that changed the contested one while the bezwaar
/// was pending (Awb 6:19), and the dictum parts about them (Awb 7:11).
fn check_aanvullende_besluiten(ctx: &Ctx, c: &Bezwaar, report: &mut Report) {
    let beslissing = c.beslissing.as_ref();
    for a in &c.aanvullende_besluiten {
        if a.datum.value < c.ontvangen_op.value {
            report.push(
                ctx.diag(
                    &BEZWAAR_11,
                    a.datum.span.clone(),
                    format!(
                        "dit besluit is genomen vóór de ontvangst van het bezwaar op {}: het bezwaar geldt er niet voor (art. 6:19 Awb); daartegen staat apart bezwaar open",
                        format_date(c.ontvangen_op.value)
                    ),
                )
                .with_label("vóór het bezwaar"),
            );
        }
        if let Some(b) = beslissing
            && a.datum.value > b.datum.value
        {
            report.push(
                ctx.diag(
                    &BEZWAAR_11,
                    a.datum.span.clone(),
                    format!(
                        "dit besluit is genomen na de beslissing op bezwaar van {}: het bezwaar liep toen niet meer (art. 6:19 Awb)",
                        format_date(b.datum.value)
                    ),
                )
                .with_label("na de beslissing"),
            );
        }
    }
    let Some(b) = beslissing else {
        return;
    };
    if b.dictum.is_empty() {
        return; // BEZWAAR-09
    }
    for a in &c.aanvullende_besluiten {
        let dealt = b.dictum.iter().any(|d| {
            d.aanvullend_besluit
                .as_ref()
                .is_some_and(|x| x.value == a.datum.value)
        });
        if !dealt && a.datum.value <= b.datum.value && a.datum.value >= c.ontvangen_op.value {
            report.push(
                ctx.diag(
                    &BEZWAAR_11,
                    a.datum.span.clone(),
                    format!(
                        "de beslissing op bezwaar beslist ook over het besluit van {}: geef het dictum een onderdeel met `aanvullend_besluit: {}` (art. 6:19 en 7:11 Awb)",
                        format_date(a.datum.value),
                        a.datum.value.format("%Y-%m-%d")
                    ),
                )
                .with_label("niet in het dictum"),
            );
        }
    }
    for d in &b.dictum {
        if let Some(x) = &d.aanvullend_besluit
            && !c
                .aanvullende_besluiten
                .iter()
                .any(|a| a.datum.value == x.value)
        {
            report.push(
                ctx.diag(
                    &BEZWAAR_11,
                    x.span.clone(),
                    format!(
                        "`aanvullende_besluiten` noemt geen besluit van {}",
                        format_date(x.value)
                    ),
                )
                .with_label("onbekend besluit"),
            );
        }
    }
}
