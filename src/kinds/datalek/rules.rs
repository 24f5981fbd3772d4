//! Rules and facts for `datalek` (art. 33–34 AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) ch. 4 and
//! Bijlage B; legal.md §2.4, §4.3).

use super::facts::*;
use crate::rules::{Ctx, Rule};

use super::model::{Datalek, Fase, Risico, UitzonderingBetrokkenen, Versleuteld};
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

pub static DATALEK_05: Rule = Rule {
    id: "DATALEK-05",
    severity: Severity::Error,
    title: "Bij een hoog risico staat elke betrokkene met naam en adres in de zaak, of een uitzondering",
    source: "art. 34 lid 1 en 3 AVG; art. 41 UAVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §4.6, §4.10",
    explanation: "Bij een hoog risico krijgt elke betrokkene een eigen brief (`melding-betrokkene-<n>`). \
Noem de personen in `betrokkenen.personen` (naam, `aanspreekvorm`, adres) of, bij een grotere groep, in \
een CSV-bestand naast de zaak (`betrokkenen.bestand`), niet allebei. Krijgt één persoon geen brief, dan \
staat bij die persoon `uitzondering` met `grond` (uavg41, versleuteld, maatregelen of onevenredig) en \
een `toelichting`. Is een brief aan iedereen onevenredig veel werk, dan is er een openbare mededeling \
(`betrokkenen_informeren.uitzondering: onevenredig`, met de reden in `toelichting`).\n\nVoorbeeld:\n\
personen:\n  - { achternaam: Jansen, aanspreekvorm: mevrouw, adres: { straat: Kade, huisnummer: 1, \
postcode: 1234 AB, plaats: Rivierstad } }\n  - achternaam: Bos\n    adres: { ... }\n    uitzondering: \
{ grond: uavg41, toelichting: Lopend onderzoek. }",
};

pub static DATALEK_06: Rule = Rule {
    id: "DATALEK-06",
    severity: Severity::Error,
    title: "Het CSV-bestand met betrokkenen is leesbaar en elke regel is volledig",
    source: "art. 34 lid 1 en 2 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §4.6",
    explanation: "`betrokkenen.bestand` noemt een CSV-bestand, ten opzichte van het zaakbestand en binnen \
de zaakrepository. De eerste regel noemt de kolommen (gescheiden door `;` of `,`): achternaam, postcode \
en plaats zijn verplicht; verder voorletters, tussenvoegsel, aanspreekvorm (heer, mevrouw, onbekend), \
straat, huisnummer, postbus, land, uitzondering (uavg41, versleuteld, maatregelen, onevenredig) en \
toelichting. Elke fout noemt het bestand en het regelnummer.\n\nVoorbeeld:\n\
achternaam;aanspreekvorm;straat;huisnummer;postcode;plaats\nJansen;mevrouw;Kade;1;1234 AB;Rivierstad",
};

pub static DATALEK_07: Rule = Rule {
    id: "DATALEK-07",
    severity: Severity::Error,
    title: "Een maatregel is genomen op of vóór de datum van de brief, of voorgenomen met een geplande datum",
    source: "art. 33 lid 3 onder d en 34 lid 2 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §4.8, Bijlage B stap 6",
    explanation: "Elke maatregel heeft `genomen: <datum>` of `voorgenomen: <geplande datum>`, of allebei \
(eerst gepland, later uitgevoerd). Een brief noemt een maatregel alleen als genomen als die datum niet \
na de datum van de brief ligt; anders staat hij bij de voorgenomen maatregelen. Een maatregel met alleen \
`genomen` na de datum van een brief is een fout: de brief zou iets als gedaan noemen dat nog niet gedaan \
was.\n\nVoorbeeld: brief van 4 november 2026, maatregel `genomen: 2026-11-06` → zet ook \
`voorgenomen: 2026-11-06`.",
};

pub static DATALEK_08: Rule = Rule {
    id: "DATALEK-08",
    severity: Severity::Error,
    title: "De concept-melding aan de AP beantwoordt de vragen van het meldformulier",
    source: "art. 33 lid 3 AVG; art. 9 en 10 AVG; art. 26 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §4.6, §4.7",
    explanation: "Moet het lek bij de AP worden gemeld, dan staat in de zaak: de `periode` van het lek \
(`van`, en `tot` of `voortdurend: true`), hoe het is ontdekt (`ontdekking`), of er bijzondere \
persoonsgegevens (`gegevens.bijzondere`, een lijst, leeg als er geen zijn) of strafrechtelijke gegevens \
(`gegevens.strafrechtelijk`) bij zijn, of de gegevens versleuteld of onleesbaar waren (`versleuteld`: ja, \
nee, gedeeltelijk, met `versleuteld_toelichting`), of betrokkenen in andere landen wonen \
(`andere_landen`, leeg als dat niet zo is) en welke deelnemers samen verantwoordelijk zijn \
(`deelnemers`). `omschrijving` en `gevolgen` gaan over de betrokkenen in de derde persoon; de tekst \
met 'u' voor de brieven staat in `betrokkenen_informeren.gevolgen`.\n\nVoorbeeld:\nperiode: \
{ van: 2026-10-30T15:40, tot: 2026-10-30T16:05 }\nontdekking: De ontvanger belde ons.",
};

pub static DATALEK_09: Rule = Rule {
    id: "DATALEK-09",
    severity: Severity::Error,
    title: "Een voorlopige melding aan de AP wordt op tijd aangevuld of ingetrokken",
    source: "art. 33 lid 4 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §4.4, Bijlage B stap 3 en 8",
    explanation: "Na een voorlopige melding (`melding_ap.fase: voorlopig`) vult het contactpunt de \
melding aan of trekt die in, zonder onredelijke vertraging. avgdoc rekent met een interne termijn van \
14 dagen na de dag van de melding (`avgdoc termijn datalek-aanvulling`) en maakt het concept \
`aanvulling-ap`. Leg de datum vast in `melding_ap.aangevuld_op`.\n\nVoorbeeld: voorlopig gemeld op \
19 november 2026 → aanvullen uiterlijk 3 december 2026.",
};

pub static RULES: &[&Rule] = &[
    &DATALEK_01,
    &DATALEK_02,
    &DATALEK_03,
    &DATALEK_04,
    &DATALEK_05,
    &DATALEK_06,
    &DATALEK_07,
    &DATALEK_08,
    &DATALEK_09,
];

pub(super) fn check(ctx: &Ctx, c: &Datalek, report: &mut Report) {
    check_personen(ctx, c, report);
    check_maatregelen(ctx, c, report);
    check_formulier(ctx, c, report);
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
    for (field, categorieen, aantal, span) in [
        (
            "betrokkenen",
            &c.betrokkenen.categorieen,
            &c.betrokkenen.aantal,
            &c.betrokkenen.span,
        ),
        (
            "gegevens",
            &c.gegevens.categorieen,
            &c.gegevens.aantal,
            &c.gegevens.span,
        ),
    ] {
        if categorieen.is_empty() || aantal.trim().is_empty() {
            report.push(
                ctx.diag(
                    &DATALEK_04,
                    span.clone(),
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
    check_aanvulling(ctx, c, report);
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
                    "zeg in `betrokkenen_informeren.advies` wat betrokkenen zelf kunnen doen om schade te beperken (art. 34 lid 2 AVG)",
                )
                .with_label("hoog risico"),
            );
        }
        if needs_advice
            && info
                .and_then(|i| i.gevolgen.as_deref())
                .is_none_or(|a| a.trim().is_empty())
        {
            report.push(
                ctx.diag_severity(
                    &DATALEK_04,
                    Severity::Error,
                    c.risico.span.clone(),
                    "zeg in `betrokkenen_informeren.gevolgen` in gewone taal wat het lek voor de lezer kan betekenen (art. 34 lid 2 AVG)",
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
                    "licht de uitzondering toe in `toelichting`: waarom de betrokkenen geen eigen brief krijgen (art. 34 lid 3 AVG)",
                )
                .with_label("uitzondering"),
            );
        }
    }
}

/// DATALEK-05 and -06: the persons who get a letter.
fn check_personen(ctx: &Ctx, c: &Datalek, report: &mut Report) {
    let b = &c.betrokkenen;
    if let Some(bestand) = &b.bestand {
        if !b.personen.is_empty() {
            report.push(
                ctx.diag(
                    &DATALEK_05,
                    bestand.span.clone(),
                    "noem de betrokkenen in `personen` of in `bestand`, niet allebei",
                )
                .with_label("bestand"),
            );
        }
        for fout in &c.uit_bestand.fouten {
            report.push(
                ctx.diag(
                    &DATALEK_06,
                    bestand.span.clone(),
                    format!("{fout} (genoemd in `betrokkenen.bestand`)"),
                )
                .with_label("betrokkenen.bestand"),
            );
        }
    }
    for p in &b.personen {
        crate::rules::common::check_address(ctx, &p.adres, report);
        if let Some(u) = &p.uitzondering
            && u.toelichting.trim().is_empty()
        {
            report.push(
                ctx.diag(
                    &DATALEK_05,
                    p.span.clone(),
                    "licht de uitzondering voor deze persoon toe in `toelichting` (art. 41 UAVG, art. 34 lid 3 AVG)",
                )
                .with_label("uitzondering zonder toelichting"),
            );
        }
    }
    let csv_failed = b.bestand.is_some() && !c.uit_bestand.fouten.is_empty();
    if brieven_betrokkenen(c) && personen(c).is_empty() && !csv_failed {
        report.push(
            ctx.diag(
                &DATALEK_05,
                b.span.clone(),
                "hoog risico: noem de betrokkenen met naam en adres in `betrokkenen.personen` of `betrokkenen.bestand`, zodat ieder een brief krijgt (art. 34 lid 1 AVG); is dat onevenredig veel werk, gebruik dan `betrokkenen_informeren.uitzondering: onevenredig` (art. 34 lid 3 onder c AVG)",
            )
            .with_label("geen personen"),
        );
    }
}

/// DATALEK-07: taken versus planned measures, against each document's date.
fn check_maatregelen(ctx: &Ctx, c: &Datalek, report: &mut Report) {
    use crate::calendar::format_date;
    let mut dates = Vec::new();
    if melden(c) || c.melding_ap.is_some() {
        dates.push(("de melding aan de AP", ap_datum(c, ctx.today)));
    }
    if brieven_betrokkenen(c) {
        dates.push((
            "de brieven aan de betrokkenen",
            informeer_datum(c, ctx.today),
        ));
    } else if publieke_mededeling(c) {
        dates.push(("de openbare mededeling", informeer_datum(c, ctx.today)));
    }
    for m in c.maatregelen.iter() {
        if m.genomen.is_none() && m.voorgenomen.is_none() {
            report.push(
                ctx.diag(
                    &DATALEK_07,
                    m.span.clone(),
                    "geef de maatregel een datum: `genomen: <datum>` of `voorgenomen: <geplande datum>` (art. 33 lid 3 onder d AVG)",
                )
                .with_label("maatregel zonder datum"),
            );
            continue;
        }
        if let Some((doc, day)) = dates
            .iter()
            .find(|(_, day)| matches!(stand(m, *day), Stand::TeLaat(_)))
        {
            report.push(
                ctx.diag(
                    &DATALEK_07,
                    m.span.clone(),
                    format!(
                        "de maatregel is genomen op {}, na de datum van {doc} ({}): die kan hem niet als genomen noemen; zet de geplande datum in `voorgenomen` (art. 33 lid 3 onder d, art. 34 lid 2 AVG)",
                        format_date(m.genomen.expect("te laat")),
                        format_date(*day)
                    ),
                )
                .with_label("genomen na de brief"),
            );
        } else if m.genomen.is_none()
            && let Some(v) = m.voorgenomen
            && v < ctx.today
        {
            report.push(
                ctx.diag_severity(
                    &DATALEK_07,
                    Severity::Warning,
                    m.span.clone(),
                    format!(
                        "de maatregel was gepland op {}: leg vast wanneer hij is genomen (`genomen`)",
                        format_date(v)
                    ),
                )
                .with_label("voorgenomen"),
            );
        }
    }
}

/// Words that address the reader: the AP draft speaks about the persons.
fn addresses_reader(text: &str) -> bool {
    text.split(|ch: char| !ch.is_alphanumeric())
        .any(|w| matches!(w, "u" | "U" | "uw" | "Uw" | "jij" | "jou" | "jouw"))
}

/// DATALEK-08: the questions of the AP's form.
fn check_formulier(ctx: &Ctx, c: &Datalek, report: &mut Report) {
    for (field, value) in [("omschrijving", &c.omschrijving), ("gevolgen", &c.gevolgen)] {
        if addresses_reader(value) {
            report.push(
                ctx.diag(
                    &DATALEK_08,
                    value.span.clone(),
                    format!("schrijf `{field}` over de betrokkenen in de derde persoon, niet met 'u': de AP en het register lezen deze tekst (art. 33 lid 3 AVG); de tekst voor de brieven staat in `betrokkenen_informeren.gevolgen`"),
                )
                .with_label("'u' of 'uw'"),
            );
        }
    }
    let informeren = c.betrokkenen_informeren.as_ref();
    if let Some(i) = informeren
        && let Some(u) = &i.uitzondering
        && u.value == UitzonderingBetrokkenen::Versleuteld
        && c.versleuteld
            .as_ref()
            .is_none_or(|v| v.value != Versleuteld::Ja)
    {
        report.push(
            ctx.diag(
                &DATALEK_08,
                u.span.clone(),
                "de uitzondering `versleuteld` (art. 34 lid 3 onder a AVG) vraagt `versleuteld: ja`",
            )
            .with_label("uitzondering"),
        );
    }
    if !(melden(c) || c.melding_ap.is_some()) {
        return;
    }
    let at = c
        .melding_ap
        .as_ref()
        .map_or(c.risico.span.clone(), |m| m.span.clone());
    let missing = |what: &str| {
        format!("de melding aan de AP vraagt {what} (art. 33 lid 3 AVG; meldformulier van de AP)")
    };
    match &c.periode {
        None => report.push(
            ctx.diag(&DATALEK_08, at.clone(), missing("de periode van het lek: `periode: { van: <tijdstip>, tot: <tijdstip> }` of `voortdurend: true`"))
                .with_label("melding"),
        ),
        Some(p) => check_periode(ctx, c, p, report),
    }
    if c.ontdekking.as_ref().is_none_or(|o| o.trim().is_empty()) {
        report.push(
            ctx.diag(
                &DATALEK_08,
                c.ontdekt_op.span.clone(),
                missing("hoe het lek is ontdekt: `ontdekking`"),
            )
            .with_label("ontdekt"),
        );
    }
    if c.gegevens.bijzondere.is_none() {
        report.push(
            ctx.diag(&DATALEK_08, c.gegevens.span.clone(), missing("of er bijzondere persoonsgegevens bij zijn (art. 9 AVG): `gegevens.bijzondere`, leeg (`[]`) als er geen zijn"))
                .with_label("gegevens"),
        );
    }
    if c.gegevens.strafrechtelijk.is_none() {
        report.push(
            ctx.diag(&DATALEK_08, c.gegevens.span.clone(), missing("of er strafrechtelijke gegevens bij zijn (art. 10 AVG): `gegevens.strafrechtelijk: ja` of `nee`"))
                .with_label("gegevens"),
        );
    }
    match &c.versleuteld {
        None => report.push(
            ctx.diag(&DATALEK_08, at.clone(), missing("of de gegevens versleuteld of onleesbaar waren: `versleuteld: ja`, `nee` of `gedeeltelijk`"))
                .with_label("melding"),
        ),
        Some(v)
            if v.value != Versleuteld::Nee
                && c.versleuteld_toelichting.as_deref().is_none_or(|t| t.trim().is_empty()) =>
        {
            report.push(
                ctx.diag(&DATALEK_08, v.span.clone(), missing("bij versleutelde gegevens hoe: `versleuteld_toelichting`"))
                    .with_label("versleuteld"),
            )
        }
        Some(_) => {}
    }
    if c.andere_landen.is_none() {
        report.push(
            ctx.diag(&DATALEK_08, at.clone(), missing("of betrokkenen in andere landen wonen: `andere_landen`, leeg (`[]`) als dat niet zo is"))
                .with_label("melding"),
        );
    }
    if c.deelnemers.is_empty() {
        report.push(
            ctx.diag(&DATALEK_08, at, "noem in `deelnemers` de deelnemers van wie de gegevens zijn: zij zijn samen verwerkingsverantwoordelijk en de melding noemt hen (art. 26 en 33 lid 3 AVG)")
                .with_label("melding"),
        );
    }
}

fn check_periode(
    ctx: &Ctx,
    c: &Datalek,
    p: &crate::model::Spanned<super::model::Periode>,
    report: &mut Report,
) {
    let van = match terms::parse_moment(&p.van) {
        Ok(t) => Some(t),
        Err(e) => {
            report.push(
                ctx.diag(&DATALEK_08, p.van.span.clone(), e)
                    .with_label("begin van het lek"),
            );
            None
        }
    };
    let tot = match &p.tot {
        Some(t) => match terms::parse_moment(t) {
            Ok(x) => Some(x),
            Err(e) => {
                report.push(
                    ctx.diag(&DATALEK_08, t.span.clone(), e)
                        .with_label("einde van het lek"),
                );
                None
            }
        },
        None => None,
    };
    if p.tot.is_some() == p.voortdurend {
        report.push(
            ctx.diag(
                &DATALEK_08,
                p.span.clone(),
                "zeg tot wanneer het lek duurde (`tot`) of dat het nog voortduurt (`voortdurend: true`), één van beide (art. 33 lid 3 onder a AVG)",
            )
            .with_label("periode"),
        );
    }
    if let (Some(van), Some(tot)) = (van, tot)
        && tot < van
    {
        report.push(
            ctx.diag(&DATALEK_08, p.span.clone(), "het lek eindigt vóór het begint: `tot` ligt vóór `van` (art. 33 lid 3 onder a AVG)")
                .with_label("periode"),
        );
    }
    if let (Some(van), Some(ontdekt)) = (van, ontdekt(c))
        && van > ontdekt
    {
        report.push(
            ctx.diag(&DATALEK_08, p.van.span.clone(), "het lek begint na de ontdekking (`ontdekt_op`): controleer `periode.van` (art. 33 lid 1 AVG)")
                .with_label("begin van het lek"),
        );
    }
}

/// DATALEK-09: a voorlopige melding is completed or withdrawn in time.
fn check_aanvulling(ctx: &Ctx, c: &Datalek, report: &mut Report) {
    let Some(m) = &c.melding_ap else { return };
    if let Some(t) = &m.aangevuld_op
        && let Err(e) = terms::parse_moment(t)
    {
        report.push(
            ctx.diag(&DATALEK_09, t.span.clone(), e)
                .with_label("aangevuld op"),
        );
    }
    let Some(end) = aanvulling_uiterlijk(c, &ctx.config.termijnen) else {
        return;
    };
    if m.aangevuld_op.is_some() {
        return;
    }
    if let Some(d) = crate::rules::common::open_term(
        ctx,
        crate::rules::common::OpenTerm {
            rule: &DATALEK_09,
            span: m.span.clone(),
            end,
            regime: super::terms::DATALEK_AANVULLING.regime(),
            noun: "de termijn voor de aanvulling van de voorlopige melding",
            pending: "vul de melding aan of trek die in via het meldloket en leg `melding_ap.aangevuld_op` vast (art. 33 lid 4 AVG)",
            label: "voorlopige melding",
        },
    ) {
        report.push(d);
    }
}
