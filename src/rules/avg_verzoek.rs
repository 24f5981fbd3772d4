//! Rules and computed facts for `avg-verzoek` (art. 15–21 AVG).

use super::common::check_address;
use super::{Ctx, Rule};
use crate::calendar::{self, Deadline, Period, Regime, format_date};
use crate::diag::{Report, Severity};
use crate::model::{AvgVerzoek, Beslissing, Besluit, GrondslagVerzoek, Recht, Spanned, Uitkomst};

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
geeft.\n\nGing er een identificatieverzoek uit (`verzonden.identificatieverzoek`), dan rekent avgdoc ook \
volgens de EDPB-richtsnoeren: een maand vanaf de (eerste) ontvangst, plus de dagen tussen het \
identificatieverzoek en de vaststelling. De vroegste van beide datums geldt (veilige lezing).\n\n\
Een open zaak na de termijn is een fout; binnen `termijnen.waarschuwing_werkdagen` werkdagen \
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

pub static AVG_VERLENGING_01: Rule = Rule {
    id: "AVG-VERLENGING-01",
    severity: Severity::Error,
    title: "Een verlenging is op tijd gemeld, met redenen",
    source: "art. 12 lid 3 AVG; seed factsheet §2.5; legal.md §2.1",
    explanation: "De verlengingsbrief (`verlenging.datum`) gaat uiterlijk op de laatste dag van de eerste maand uit; later is een fout. Na de streefdatum (een maand na ontvangst) is het een waarschuwing, omdat art. 12 lid 3 AVG de melding 'binnen een maand na ontvangst' vraagt. `verlenging.redenen` zegt waarom meer tijd nodig is (complexiteit, aantal verzoeken). De nieuwe datum berekent avgdoc (termijn avg-verlengd).",
};

pub static AVG_BESLUIT_01: Rule = Rule {
    id: "AVG-BESLUIT-01",
    severity: Severity::Error,
    title: "Het besluit beslist over elk gevraagd recht, en alleen daarover",
    source: "art. 12 lid 3 en 4 AVG; art. 3:45 Awb; seed factsheet §2.9",
    explanation: "`besluit.beslissingen` heeft voor elk recht uit `rechten` één beslissing (toegewezen, gedeeltelijk of afgewezen) en geen beslissing over een recht dat niet gevraagd is.",
};

pub static AVG_BESLUIT_02: Rule = Rule {
    id: "AVG-BESLUIT-02",
    severity: Severity::Error,
    title: "Elke (gedeeltelijke) weigering noemt de uitzondering, de deelnemer, de gegevens en de motivering",
    source: "art. 41 lid 1 UAVG jo. art. 23 AVG; art. 12 lid 4 AVG; seed factsheet §1.8, §2.6",
    explanation: "Een beslissing `gedeeltelijk` of `afgewezen` heeft ten minste één uitzondering. Elke uitzondering noemt de deelnemer die er een beroep op doet (een deelnemer van de zaak), de grond (bijvoorbeeld artikel 41, eerste lid, onder i, UAVG), de gegevens waarop zij ziet en de motivering. Een beslissing `toegewezen` heeft geen uitzonderingen: er wordt niets geweigerd buiten die gegevens.",
};

pub static AVG_BESLUIT_03: Rule = Rule {
    id: "AVG-BESLUIT-03",
    severity: Severity::Error,
    title: "Bij inzage staan de gegevens van art. 15 AVG en een kopie van de persoonsgegevens in het besluit",
    source: "art. 15 lid 1–3 AVG; seed factsheet §1.1; HvJ C-487/21",
    explanation: "Wie inzage (deels) toewijst, geeft de doelen, categorieën, ontvangers, bewaartermijnen, rechten, klachtrecht bij de AP, bronnen en of er geautomatiseerde besluitvorming is (uit `verwerking` in avgdoc.yaml), plus een kopie van de gegevens: `besluit.gegevens`, een regel per gegeven met de deelnemer van wie het komt.",
};

pub static AVG_BESLUIT_04: Rule = Rule {
    id: "AVG-BESLUIT-04",
    severity: Severity::Error,
    title: "Bij correctie, verwijdering, beperking en bezwaar staat wat er is gedaan of waarom niet",
    source: "art. 16, 17, 18 en 21 AVG; seed factsheet §1.4–1.7",
    explanation: "Een beslissing over rectificatie, wissing, beperking of bezwaar heeft een `toelichting`: wat is verbeterd, welke grond voor wissing of welke uitzondering (art. 17 lid 3), hoe en tot wanneer de verwerking is beperkt, of de afweging van de persoonlijke omstandigheden.",
};

pub static AVG_BESLUIT_05: Rule = Rule {
    id: "AVG-BESLUIT-05",
    severity: Severity::Error,
    title: "Het besluit is niet gedateerd vóór de vaststelling van de identiteit",
    source: "seed factsheet §2.4–2.5",
    explanation: "Een besluit gaat pas uit als de identiteit van de verzoeker vaststaat. Een besluit na de (verlengde) termijn geeft een waarschuwing.",
};

pub static AVG_AANVULLEND_01: Rule = Rule {
    id: "AVG-AANVULLEND-01",
    severity: Severity::Error,
    title: "Een aanvullend besluit volgt op een besluit met een uitzondering van die deelnemer",
    source: "seed factsheet §2.6",
    explanation: "Vervalt een uitzondering, dan geeft het aanvullend besluit alsnog de gegevens van die deelnemer. Het verwijst naar het eerste besluit; `aanvullend_besluit.deelnemer` deed in dat besluit een beroep op een uitzondering, en de datum ligt na het eerste besluit.",
};

pub static AVG_DOORZEND_01: Rule = Rule {
    id: "AVG-DOORZEND-01",
    severity: Severity::Error,
    title: "Een doorgezonden verzoek komt van een overheidsdeelnemer en telt vanaf de eerste ontvangst",
    source: "art. 2:3 Awb; seed factsheet §2.3; legal.md U6",
    explanation: "De doorzendplicht van art. 2:3 Awb geldt voor overheidsdeelnemers; bij een private deelnemer is doorzenden een afspraak (waarschuwing). `doorgezonden.ontvangen_op` ligt niet na `ontvangen_op`: de streefdatum telt vanaf de vroegste ontvangst.",
};

pub static WOO_01: Rule = Rule {
    id: "WOO-01",
    severity: Severity::Error,
    title: "Een Woo-verzoek om eigen gegevens wordt als AVG-verzoek behandeld, met vastgelegde kwalificatie",
    source: "seed factsheet §1.3 en Bijlage A stap 6–7; art. 4.1 en 5.5 Woo; art. 15 AVG",
    explanation: "Noemt de verzoeker de Woo (`grondslag_verzoek: woo-4.1` of `woo-5.5`) maar wil hij zijn eigen gegevens, dan gelden de AVG-termijnen en legt `woo_kwalificatie` vast waarom. Bij artikel 4.1 (openbaarmaking) noemt de kwalificatie dat met de verzoeker is besproken dat hij geen openbaarmaking wil. De brieven leggen uit waarom de AVG geldt.",
};

pub static AVG_ID_02: Rule = Rule {
    id: "AVG-ID-02",
    severity: Severity::Warning,
    title: "Zonder vastgestelde identiteit gaat er een identificatieverzoek uit",
    source: "seed factsheet §2.4; Bijlage A stap 2; legal.md §2.1",
    explanation: "Zolang `identiteit` ontbreekt, maakt avgdoc een identificatieverzoek. Staat `verzonden.identificatieverzoek` er nog niet in, dan waarschuwt avgdoc: het verzoek moet zonder onnodige vertraging uit.",
};

pub static RULES: &[&Rule] = &[
    &AVG_TERMIJN_01,
    &AVG_ID_01,
    &AVG_ID_02,
    &AVG_RECHT_01,
    &AVG_BRIEF_01,
    &AVG_VERLENGING_01,
    &AVG_BESLUIT_01,
    &AVG_BESLUIT_02,
    &AVG_BESLUIT_03,
    &AVG_BESLUIT_04,
    &AVG_BESLUIT_05,
    &AVG_AANVULLEND_01,
    &AVG_DOORZEND_01,
    &WOO_01,
];

/// The legal deadline of the request: one month from the day identity was
/// established (art. 12(3) AVG; seed factsheet §2.5), under Vo. 1182/71.
/// When an identificatieverzoek went out, the EDPB reading counts from
/// (first) receipt with the identity wait suspended; the deadline is the
/// earlier of the two (legal.md §2.1, U5: the safe reading).
/// `None` while identity is not established: the term does not run yet.
pub fn deadline(case: &AvgVerzoek) -> Option<Deadline> {
    let id = case.identiteit.as_ref()?;
    let seed = calendar::compute(id.vastgesteld_op.value, Period::Months(1), Regime::Eu1182);
    match suspension_deadline(case) {
        Some(s) if s.end < seed.end => Some(s),
        _ => Some(seed),
    }
}

/// The EDPB reading (Guidelines 01/2022 §159, legal.md §2.1): one month
/// from first receipt, plus the days strictly between the
/// identificatieverzoek and the establishment of identity; then the
/// Vo. 1182/71 move to a working day.
fn suspension_deadline(case: &AvgVerzoek) -> Option<Deadline> {
    let id = case.identiteit.as_ref()?;
    let asked = case.verzonden.identificatieverzoek.as_ref()?.value;
    let established = id.vastgesteld_op.value;
    let days = ((established - asked).num_days() - 1).max(0) as u64;
    let start = first_receipt(case);
    let month = Period::Months(1).raw_end(start);
    let raw = month + chrono::Days::new(days);
    let mut d = calendar::compute(raw, Period::Days(0), Regime::Eu1182);
    let mut steps = vec![calendar::Step {
        text: format!(
            "ontvangen {} + 1 maand → {}; de {days} dagen tussen het identificatieverzoek ({}) en de vaststelling ({}) tellen niet → {}",
            format_date(start),
            format_date(month),
            format_date(asked),
            format_date(established),
            format_date(raw)
        ),
        source: "art. 12 lid 3 AVG; EDPB-richtsnoeren 01/2022 §159 (veilige lezing, legal.md U5)",
    }];
    steps.extend(d.steps.into_iter().skip(1));
    d.steps = steps;
    d.start = start;
    d.raw_end = raw;
    Some(d)
}

/// The deadline after a verlenging (art. 12(3) AVG: two further months),
/// when the case records one and identity is established: the earlier of
/// start + 3 months and the first raw end + 2 months (legal.md U7).
pub fn extended_deadline(case: &AvgVerzoek) -> Option<chrono::NaiveDate> {
    case.verlenging.as_ref()?;
    let id = case.identiteit.as_ref()?;
    let first = deadline(case)?;
    let by_start = Period::Months(3).raw_end(id.vastgesteld_op.value);
    let by_first = Period::Months(2).raw_end(first.raw_end);
    let raw = by_start.min(by_first);
    Some(calendar::compute(raw, Period::Days(0), Regime::Eu1182).end)
}

/// The extended deadline, if the case records a verlenging sent within the
/// first term (a late one does not extend: AVG-VERLENGING-01).
pub fn valid_extension(case: &AvgVerzoek) -> Option<chrono::NaiveDate> {
    let first = deadline(case)?;
    let v = case.verlenging.as_ref()?;
    (v.datum.value <= first.end)
        .then(|| extended_deadline(case))
        .flatten()
}

/// The deadline that counts now: the extended one after a timely
/// verlenging, else the first.
pub fn effective_deadline(case: &AvgVerzoek) -> Option<chrono::NaiveDate> {
    valid_extension(case).or_else(|| deadline(case).map(|d| d.end))
}

/// When the case was closed: `afgehandeld_op`, or else the besluit date.
pub fn closed_on(case: &AvgVerzoek) -> Option<(chrono::NaiveDate, std::ops::Range<usize>)> {
    case.afgehandeld_op
        .as_ref()
        .or(case.besluit.as_ref().map(|b| &b.datum))
        .map(|d| (d.value, d.span.clone()))
}

/// The re-check date of the exceptions in the besluit that no aanvullend
/// besluit has lifted yet: besluit date + `hercontrole_maanden` (seed
/// factsheet §1.8; legal.md §2.9, HERCONTROLE-01).
pub fn hercontrole(case: &AvgVerzoek, t: &crate::model::Termijnen) -> Option<chrono::NaiveDate> {
    let b = case.besluit.as_ref()?;
    let lifted = case
        .aanvullend_besluit
        .as_ref()
        .map(|a| a.deelnemer.value.as_str());
    let open = b
        .beslissingen
        .iter()
        .flat_map(|bs| bs.uitzonderingen.iter())
        .any(|u| Some(u.deelnemer.value.as_str()) != lifted);
    if !open {
        return None;
    }
    Some(crate::terms::end_date_configured(
        "hercontrole",
        b.datum.value,
        t,
    ))
}

/// The date the request was first received: a forwarded request counts
/// from its earliest receipt by an overheidsdeelnemer (legal.md U6).
pub fn first_receipt(case: &AvgVerzoek) -> chrono::NaiveDate {
    match &case.doorgezonden {
        Some(d) => d.ontvangen_op.value.min(case.ontvangen_op.value),
        None => case.ontvangen_op.value,
    }
}

/// The streefdatum: one month from (first) receipt (legal.md §2.1, U5). The
/// report warns from it when it is earlier than the legal deadline.
pub fn streefdatum(case: &AvgVerzoek) -> Deadline {
    calendar::compute(first_receipt(case), Period::Months(1), Regime::Eu1182)
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

    check_woo(ctx, case, report);
    if let Some(due) = hercontrole(case, &ctx.config.termijnen)
        && ctx.today > due
        && let Some(b) = &case.besluit
    {
        report.push(
            ctx.diag(
                &super::notificatie::HERCONTROLE_01,
                b.datum.span.clone(),
                format!(
                    "toets opnieuw of de uitzondering in het besluit nog geldt: de hercontrole was uiterlijk {}",
                    format_date(due)
                ),
            )
            .with_label("besluit met uitzondering"),
        );
    }
    check_doorzending(ctx, case, report);
    check_besluit(ctx, case, report);
    check_aanvullend(ctx, case, report);

    let Some(identiteit) = &case.identiteit else {
        if case.verzonden.identificatieverzoek.is_none() {
            report.push(
                ctx.diag(
                    &AVG_ID_02,
                    case.ontvangen_op.span.clone(),
                    "er is nog geen identificatieverzoek verzonden (`verzonden.identificatieverzoek`)",
                )
                .with_label("ontvangen"),
            );
        }
        let mut d = ctx
            .diag_severity(
                &AVG_ID_01,
                Severity::Warning,
                case.ontvangen_op.span.clone(),
                format!(
                    "de identiteit is nog niet vastgesteld: de termijn loopt nog niet (streefdatum {})",
                    format_date(streefdatum(case).end)
                ),
            )
            .with_label("ontvangen, identiteit onbekend");
        if let Some(sent) = &case.verzonden.identificatieverzoek {
            d = d.with_note(format!(
                "identificatieverzoek verzonden op {}",
                format_date(sent.value)
            ));
        }
        report.push(d);
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
    check_verlenging(ctx, case, &dl, report);
    check_deadline(ctx, case, &dl, report);
}

fn check_woo(ctx: &Ctx, case: &AvgVerzoek, report: &mut Report) {
    let Some(g) = &case.grondslag_verzoek else {
        return;
    };
    if g.value == GrondslagVerzoek::Avg {
        return;
    }
    let kwalificatie = case
        .woo_kwalificatie
        .as_deref()
        .map(str::trim)
        .unwrap_or("");
    if kwalificatie.is_empty() {
        report.push(
            ctx.diag(
                &WOO_01,
                g.span.clone(),
                "leg in `woo_kwalificatie` vast waarom dit Woo-verzoek om eigen gegevens als AVG-verzoek wordt behandeld",
            )
            .with_label("Woo genoemd"),
        );
    } else if g.value == GrondslagVerzoek::Woo41
        && !kwalificatie.to_lowercase().contains("openbaar")
    {
        report.push(
            ctx.diag(
                &WOO_01,
                g.span.clone(),
                "bij artikel 4.1 Woo noemt `woo_kwalificatie` dat met de verzoeker is besproken dat hij geen openbaarmaking wil",
            )
            .with_label("artikel 4.1 Woo: openbaarmaking"),
        );
    }
}

fn check_doorzending(ctx: &Ctx, case: &AvgVerzoek, report: &mut Report) {
    let Some(d) = &case.doorgezonden else { return };
    if let Some(deelnemer) = ctx
        .config
        .deelnemers
        .iter()
        .find(|x| x.id.value == d.door.value)
    {
        if !deelnemer.overheid {
            report.push(
                ctx.diag_severity(
                    &AVG_DOORZEND_01,
                    Severity::Warning,
                    d.door.span.clone(),
                    format!(
                        "{} is geen overheidsdeelnemer: art. 2:3 Awb geldt niet; doorzenden gebeurt op afspraak",
                        deelnemer.naam
                    ),
                )
                .with_label("private deelnemer"),
            );
        }
    } else {
        report.push(
            ctx.diag(
                &super::common::DEELNEMER_01,
                d.door.span.clone(),
                format!(
                    "onbekende deelnemer `{}`",
                    d.door.value.chars().take(40).collect::<String>()
                ),
            )
            .with_label("staat niet in avgdoc.yaml"),
        );
    }
    if d.ontvangen_op.value > case.ontvangen_op.value {
        report.push(
            ctx.diag(
                &AVG_DOORZEND_01,
                d.ontvangen_op.span.clone(),
                format!(
                    "de deelnemer ontving het verzoek op {}, na onze ontvangst op {}",
                    format_date(d.ontvangen_op.value),
                    format_date(case.ontvangen_op.value)
                ),
            )
            .with_label("na ontvangst door het contactpunt"),
        );
    }
}

fn check_verlenging(ctx: &Ctx, case: &AvgVerzoek, dl: &Deadline, report: &mut Report) {
    let Some(v) = &case.verlenging else { return };
    if v.redenen.trim().is_empty() {
        report.push(
            ctx.diag(
                &AVG_VERLENGING_01,
                v.redenen.span.clone(),
                "de redenen voor de verlenging ontbreken",
            )
            .with_label("leeg"),
        );
    }
    if v.datum.value > dl.end {
        report.push(
            ctx.diag(
                &AVG_VERLENGING_01,
                v.datum.span.clone(),
                format!(
                    "de verlengingsbrief van {} is te laat: de eerste termijn eindigde op {}",
                    format_date(v.datum.value),
                    format_date(dl.end)
                ),
            )
            .with_label("na de termijn"),
        );
    } else {
        let target = streefdatum(case);
        if v.datum.value > target.end {
            report.push(
                ctx.diag_severity(
                    &AVG_VERLENGING_01,
                    Severity::Warning,
                    v.datum.span.clone(),
                    format!(
                        "de verlenging is gemeld na de streefdatum van {} (een maand na ontvangst)",
                        format_date(target.end)
                    ),
                )
                .with_label("na de streefdatum"),
            );
        }
    }
}

fn check_besluit(ctx: &Ctx, case: &AvgVerzoek, report: &mut Report) {
    let Some(b) = &case.besluit else { return };
    // AVG-BESLUIT-01: one decision per requested right.
    for r in case.rechten.iter() {
        let n = b
            .beslissingen
            .iter()
            .filter(|x| x.recht.value == r.value)
            .count();
        if n == 0 {
            report.push(
                ctx.diag(
                    &AVG_BESLUIT_01,
                    b.beslissingen.span.clone(),
                    format!(
                        "het besluit beslist niet over het gevraagde recht `{}`",
                        r.id()
                    ),
                )
                .with_label("beslissingen"),
            );
        }
    }
    for (i, bs) in b.beslissingen.iter().enumerate() {
        if !case.rechten.iter().any(|r| r.value == bs.recht.value) {
            report.push(
                ctx.diag(
                    &AVG_BESLUIT_01,
                    bs.recht.span.clone(),
                    format!("`{}` is niet gevraagd (zie `rechten`)", bs.recht.id()),
                )
                .with_label("niet gevraagd"),
            );
        } else if b.beslissingen[..i]
            .iter()
            .any(|o| o.recht.value == bs.recht.value)
        {
            report.push(
                ctx.diag(
                    &AVG_BESLUIT_01,
                    bs.recht.span.clone(),
                    format!("over `{}` wordt twee keer beslist", bs.recht.id()),
                )
                .with_label("dubbel"),
            );
        }
        check_beslissing(ctx, case, b, bs, report);
    }
    // AVG-BESLUIT-05: dated after identity; late is a warning.
    match &case.identiteit {
        Some(id) if b.datum.value < id.vastgesteld_op.value => report.push(
            ctx.diag(
                &AVG_BESLUIT_05,
                b.datum.span.clone(),
                format!(
                    "het besluit is gedateerd {}, vóór de vaststelling van de identiteit op {}",
                    format_date(b.datum.value),
                    format_date(id.vastgesteld_op.value)
                ),
            )
            .with_label("te vroeg"),
        ),
        None => report.push(
            ctx.diag(
                &AVG_BESLUIT_05,
                b.datum.span.clone(),
                "er is een besluit, maar de identiteit is nog niet vastgesteld (`identiteit`)",
            )
            .with_label("besluit"),
        ),
        Some(_) => {
            if let Some(end) = effective_deadline(case)
                && b.datum.value > end
            {
                report.push(
                    ctx.diag_severity(
                        &AVG_BESLUIT_05,
                        Severity::Warning,
                        b.datum.span.clone(),
                        format!(
                            "het besluit van {} is na het einde van de termijn op {}",
                            format_date(b.datum.value),
                            format_date(end)
                        ),
                    )
                    .with_label("te laat"),
                );
            }
        }
    }
}

fn check_beslissing(
    ctx: &Ctx,
    case: &AvgVerzoek,
    b: &Besluit,
    bs: &Spanned<Beslissing>,
    report: &mut Report,
) {
    let refused = bs.uitkomst.value != Uitkomst::Toegewezen;
    if refused
        && bs.uitzonderingen.is_empty()
        && bs
            .toelichting
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        report.push(
            ctx.diag(
                &AVG_BESLUIT_02,
                bs.uitkomst.span.clone(),
                "een (gedeeltelijke) weigering noemt de uitzondering of de grond: voeg `uitzonderingen` toe",
            )
            .with_label("geweigerd zonder grond"),
        );
    }
    if refused && bs.recht.value == Recht::Inzage && bs.uitzonderingen.is_empty() {
        report.push(
            ctx.diag(
                &AVG_BESLUIT_02,
                bs.uitkomst.span.clone(),
                "inzage wordt (deels) geweigerd zonder uitzondering van een deelnemer (art. 41 UAVG)",
            )
            .with_label("geen uitzondering"),
        );
    }
    if !refused && !bs.uitzonderingen.is_empty() {
        report.push(
            ctx.diag(
                &AVG_BESLUIT_02,
                bs.uitkomst.span.clone(),
                "een toegewezen recht heeft geen uitzonderingen; kies `gedeeltelijk`",
            )
            .with_label("toegewezen"),
        );
    }
    for u in &bs.uitzonderingen {
        super::common::require_case_deelnemer(
            ctx,
            &AVG_BESLUIT_02,
            &case.deelnemers,
            &u.deelnemer,
            "",
            report,
        );
        for (field, value) in [
            ("grond", &u.grond),
            ("gegevens", &u.gegevens),
            ("motivering", &u.motivering),
        ] {
            if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
                report.push(
                    ctx.diag(
                        &AVG_BESLUIT_02,
                        u.span.clone(),
                        format!("de uitzondering mist `{field}`"),
                    )
                    .with_label(format!("{field} ontbreekt")),
                );
            }
        }
    }
    if bs.recht.value == Recht::Inzage && bs.uitkomst.value != Uitkomst::Afgewezen {
        if b.gegevens.is_empty() {
            report.push(
                ctx.diag(
                    &AVG_BESLUIT_03,
                    bs.recht.span.clone(),
                    "bij inzage hoort een kopie van de gegevens: vul `besluit.gegevens`",
                )
                .with_label("inzage zonder kopie"),
            );
        }
        if ctx.config.verwerking.is_none() {
            report.push(
                ctx.diag(
                    &AVG_BESLUIT_03,
                    bs.recht.span.clone(),
                    "bij inzage horen de gegevens van art. 15 AVG: vul `verwerking` in avgdoc.yaml",
                )
                .with_label("inzage"),
            );
        }
        for r in &b.gegevens {
            super::common::require_case_deelnemer(
                ctx,
                &AVG_BESLUIT_03,
                &case.deelnemers,
                &r.bron,
                "bron ",
                report,
            );
        }
    }
    if bs.recht.value != Recht::Inzage
        && bs
            .toelichting
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        report.push(
            ctx.diag(
                &AVG_BESLUIT_04,
                bs.recht.span.clone(),
                format!(
                    "de beslissing over `{}` mist een `toelichting`",
                    bs.recht.id()
                ),
            )
            .with_label("toelichting ontbreekt"),
        );
    }
}

fn check_aanvullend(ctx: &Ctx, case: &AvgVerzoek, report: &mut Report) {
    let Some(a) = &case.aanvullend_besluit else {
        return;
    };
    let Some(b) = &case.besluit else {
        report.push(
            ctx.diag(
                &AVG_AANVULLEND_01,
                a.datum.span.clone(),
                "een aanvullend besluit zonder eerste besluit (`besluit`)",
            )
            .with_label("aanvullend besluit"),
        );
        return;
    };
    if a.datum.value <= b.datum.value {
        report.push(
            ctx.diag(
                &AVG_AANVULLEND_01,
                a.datum.span.clone(),
                format!(
                    "het aanvullend besluit ligt niet na het besluit van {}",
                    format_date(b.datum.value)
                ),
            )
            .with_label("te vroeg"),
        );
    }
    let invoked = b
        .beslissingen
        .iter()
        .flat_map(|bs| bs.uitzonderingen.iter())
        .any(|u| u.deelnemer.value == a.deelnemer.value);
    if !invoked {
        report.push(
            ctx.diag(
                &AVG_AANVULLEND_01,
                a.deelnemer.span.clone(),
                format!(
                    "`{}` deed in het besluit geen beroep op een uitzondering",
                    a.deelnemer.value.chars().take(40).collect::<String>()
                ),
            )
            .with_label("geen uitzondering in het besluit"),
        );
    }
    if a.gegevens.is_empty() {
        report.push(
            ctx.diag(
                &AVG_AANVULLEND_01,
                a.datum.span.clone(),
                "het aanvullend besluit geeft geen gegevens (`gegevens`)",
            )
            .with_label("aanvullend besluit"),
        );
    }
}

fn check_deadline(ctx: &Ctx, case: &AvgVerzoek, first: &Deadline, report: &mut Report) {
    let rule = &AVG_TERMIJN_01;
    let span = case
        .identiteit
        .as_ref()
        .map(|i| i.vastgesteld_op.span.clone())
        .unwrap_or_else(|| case.ontvangen_op.span.clone());
    // A timely verlenging moves the deadline (art. 12(3) AVG).
    let mut dl = first.clone();
    if let Some(ext) = valid_extension(case) {
        dl.end = ext;
    }
    let dl = &dl;
    let end = format_date(dl.end);
    let today = ctx.today;
    if let Some((done, done_span)) = closed_on(case)
        && done <= today
    {
        if done > dl.end {
            report.push(
                ctx.diag_severity(
                    rule,
                    Severity::Warning,
                    done_span,
                    format!(
                        "afgehandeld op {}, na het einde van de termijn op {end}",
                        format_date(done)
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
    match super::common::open_term(
        ctx,
        super::common::OpenTerm {
            rule,
            span,
            end: dl.end,
            regime: Regime::Eu1182,
            noun: "de termijn",
            pending: "de zaak is nog niet afgehandeld",
            label: "termijn begint hier",
        },
    ) {
        Some(d) => report.push(d.with_note(explain(dl))),
        None => {
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
