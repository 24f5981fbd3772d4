//! Rules and computed facts for `avg-verzoek` (art. 15–21 AVG).

use super::facts::*;
use super::model::{AvgVerzoek, Beslissing, Besluit, GrondslagVerzoek, Recht};
use crate::calendar::{Deadline, Regime, format_date};
use crate::diag::{Report, Severity};
use crate::model::{Spanned, Uitkomst};
use crate::rules::common::check_address;
use crate::rules::{Ctx, Rule};

pub static AVG_TERMIJN_01: Rule = Rule {
    id: "AVG-TERMIJN-01",
    severity: Severity::Error,
    title: "Een AVG-verzoek is binnen één maand na ontvangst beantwoord",
    source: "art. 12 lid 3 AVG; EDPB-richtsnoeren 01/2022 §159; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.5; art. 3 Vo. 1182/71",
    explanation: "De termijn is één maand vanaf de (eerste) ontvangst van het verzoek \
(`ontvangen_op`; bij een doorgezonden verzoek de vroegste ontvangst). Die dag telt niet mee; de \
termijn eindigt op dezelfde datum een maand later, of op de laatste dag van die maand als die datum \
niet bestaat. Valt het einde op een zaterdag, zondag of feestdag, dan schuift het naar de volgende \
werkdag (art. 3 lid 4 Vo. 1182/71). Als feestdagen telt avgdoc alleen de dagen waarover geen twijfel \
bestaat (Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, beide Kerstdagen): de \
veilige lezing, die nooit een latere datum geeft.\n\nAlleen een identificatieverzoek schort de \
termijn op (`verzonden.identificatieverzoek`): de dagen tussen het verzoek en de vaststelling van de \
identiteit tellen dan niet mee, en de termijn eindigt uiterlijk een maand na de vaststelling (de \
vroegste van beide datums geldt). Stelt de organisatie de identiteit later zelf vast zonder \
identificatieverzoek, dan verschuift er niets. Zolang de identiteit niet vaststaat, maakt avgdoc nog \
geen ontvangstbevestiging.\n\nEen open zaak na de termijn is een fout; binnen \
`termijnen.waarschuwing_werkdagen` werkdagen (standaard 5) een waarschuwing. Een zaak die na de \
termijn is afgehandeld geeft een waarschuwing.\n\nVoorbeeld: ontvangen op vrijdag 30 januari 2026 \
→ 28 februari 2026 is een zaterdag → uiterlijk maandag 2 maart 2026.",
};

pub static AVG_ID_01: Rule = Rule {
    id: "AVG-ID-01",
    severity: Severity::Error,
    title: "De identiteit is vastgesteld op of na de ontvangst van het verzoek",
    source: "art. 12 lid 6 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.4–2.5",
    explanation: "`identiteit.vastgesteld_op` kan niet vóór `ontvangen_op` liggen. Ontbreekt \
`identiteit`, dan loopt de termijn nog niet: avgdoc waarschuwt en maakt nog geen \
ontvangstbevestiging; eerst gaat er een identificatieverzoek uit.",
};

pub static AVG_RECHT_01: Rule = Rule {
    id: "AVG-RECHT-01",
    severity: Severity::Error,
    title: "Een AVG-verzoek noemt ten minste één recht, elk recht één keer",
    source: "art. 15–21 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) Bijlage A stap 7",
    explanation: "`rechten` is een lijst met een of meer van: inzage, rectificatie, wissing, beperking, \
bezwaar.",
};

pub static AVG_BRIEF_01: Rule = Rule {
    id: "AVG-BRIEF-01",
    severity: Severity::Error,
    title: "Een brief is niet verzonden vóór de ontvangst van het verzoek",
    source: "art. 12 lid 3 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS), Bijlage A stap 4",
    explanation: "De datum onder `verzonden.ontvangstbevestiging` ligt op of na `ontvangen_op`.",
};

pub static AVG_VERLENGING_01: Rule = Rule {
    id: "AVG-VERLENGING-01",
    severity: Severity::Error,
    title: "Een verlenging is op tijd gemeld, met redenen",
    source: "art. 12 lid 3 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.5",
    explanation: "De verlengingsbrief (`verlenging.datum`) gaat uiterlijk op de laatste dag van de eerste maand uit; later is een fout. Na de streefdatum (een maand na ontvangst) is het een waarschuwing, omdat art. 12 lid 3 AVG de melding 'binnen een maand na ontvangst' vraagt. `verlenging.redenen` zegt waarom meer tijd nodig is (complexiteit, aantal verzoeken). De nieuwe datum berekent avgdoc (termijn avg-verlengd).",
};

pub static AVG_BESLUIT_01: Rule = Rule {
    id: "AVG-BESLUIT-01",
    severity: Severity::Error,
    title: "Het besluit beslist over elk gevraagd recht, en alleen daarover",
    source: "art. 12 lid 3 en 4 AVG; art. 3:45 Awb; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.9",
    explanation: "`besluit.beslissingen` heeft voor elk recht uit `rechten` één beslissing (toegewezen, gedeeltelijk of afgewezen) en geen beslissing over een recht dat niet gevraagd is.",
};

pub static AVG_BESLUIT_02: Rule = Rule {
    id: "AVG-BESLUIT-02",
    severity: Severity::Error,
    title: "Elke (gedeeltelijke) weigering noemt de uitzondering, de deelnemer, de gegevens en de motivering",
    source: "art. 41 lid 1 UAVG jo. art. 23 AVG; art. 12 lid 4 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §1.8, §2.6",
    explanation: "Een beslissing `gedeeltelijk` of `afgewezen` heeft ten minste één uitzondering. Elke uitzondering noemt de deelnemer die er een beroep op doet (een deelnemer van de zaak), de grond (bijvoorbeeld artikel 41, eerste lid, onder i, UAVG), de gegevens waarop zij ziet en de motivering. Een beslissing `toegewezen` heeft geen uitzonderingen: er wordt niets geweigerd buiten die gegevens.",
};

pub static AVG_BESLUIT_03: Rule = Rule {
    id: "AVG-BESLUIT-03",
    severity: Severity::Error,
    title: "Bij inzage staan de gegevens van art. 15 AVG en een kopie van de persoonsgegevens in het besluit",
    source: "art. 15 lid 1–3 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §1.1; HvJ C-487/21",
    explanation: "Wie inzage (deels) toewijst, geeft de doelen, categorieën, ontvangers, bewaartermijnen, rechten, klachtrecht bij de AP, bronnen en of er geautomatiseerde besluitvorming is (uit `verwerking` in avgdoc.yaml), plus een kopie van de gegevens: `besluit.gegevens`, een regel per gegeven met de deelnemer van wie het komt.",
};

pub static AVG_BESLUIT_04: Rule = Rule {
    id: "AVG-BESLUIT-04",
    severity: Severity::Error,
    title: "Bij correctie, verwijdering, beperking en bezwaar staat wat er is gedaan of waarom niet",
    source: "art. 16, 17, 18 en 21 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §1.4–1.7",
    explanation: "Een beslissing over rectificatie, wissing, beperking of bezwaar heeft een `toelichting`: wat is verbeterd, welke grond voor wissing of welke uitzondering (art. 17 lid 3), hoe en tot wanneer de verwerking is beperkt, of de afweging van de persoonlijke omstandigheden.",
};

pub static AVG_BESLUIT_05: Rule = Rule {
    id: "AVG-BESLUIT-05",
    severity: Severity::Error,
    title: "Het besluit is niet gedateerd vóór de vaststelling van de identiteit",
    source: "art. 12 lid 2 en 6 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.4–2.5",
    explanation: "Een besluit gaat pas uit als de identiteit van de verzoeker vaststaat. Een besluit na de (verlengde) termijn geeft een waarschuwing.",
};

pub static AVG_BESLUIT_06: Rule = Rule {
    id: "AVG-BESLUIT-06",
    severity: Severity::Error,
    title: "Een besluit dat geen persoonsgegevens vindt, zegt dat en geeft niets anders",
    source: "art. 15 lid 1 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §1.1",
    explanation: "Wie om inzage vraagt, krijgt altijd antwoord op de vraag of er persoonsgegevens \
over hem worden verwerkt, ook als dat niet zo is. Zet dan `besluit.verwerkt: false`. Het besluit \
bevestigt dan dat er geen gegevens zijn: inzage is `toegewezen`, er is geen kopie (`gegevens`) en er \
zijn geen uitzonderingen, want over gegevens die er niet zijn valt niets te weigeren. Zonder \
`verwerkt` gaat avgdoc ervan uit dat er wel gegevens zijn.\n\nVoorbeeld: na navraag bij de \
deelnemers staat er niets over de verzoeker in het gezamenlijke systeem → `verwerkt: false`, \
`uitkomst: toegewezen`; de brief zegt: \"Wij verwerken geen persoonsgegevens over u.\"",
};

pub static AVG_WISSING_01: Rule = Rule {
    id: "AVG-WISSING-01",
    severity: Severity::Error,
    title: "Een (gedeeltelijk) geweigerde verwijdering noemt de grond uit art. 17 lid 3 AVG",
    source: "art. 17 lid 1 en 3 AVG; art. 12 lid 4 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §1.5",
    explanation: "Wie gegevens niet (helemaal) verwijdert, zegt waarom, met een grond die de wet \
noemt. Een beslissing over `wissing` die `gedeeltelijk` of `afgewezen` is, heeft `weigering.grond`: \
`meningsuiting` (lid 3 onder a), `wettelijke-plicht` of `algemeen-belang` (onder b), \
`volksgezondheid` (onder c), `archivering` (onder d), `rechtsvordering` (onder e), of \
`geen-wissingsgrond` (geen van de gevallen van lid 1 geldt). Alleen een toelichting in eigen woorden \
is niet genoeg. Bij een wettelijke plicht noemt `weigering.wettelijke_basis` de wet en \
`weigering.bewaartermijn` hoe lang de gegevens bewaard blijven; bij algemeen belang, \
volksgezondheid en archivering noemt `wettelijke_basis` de regel waarop de taak of het bewaren \
rust. Een weigering die alleen rust op een uitzondering van art. 41 UAVG staat onder \
`uitzonderingen` en heeft geen `weigering` nodig. `weigering` hoort alleen bij een (deels) \
geweigerde verwijdering.\n\nVoorbeeld: `weigering: { grond: wettelijke-plicht, wettelijke_basis: \
artikel 3 van de Archiefwet 1995, bewaartermijn: vijf jaar na het afsluiten van uw casus }`.",
};

pub static AVG_ONTVANGERS_01: Rule = Rule {
    id: "AVG-ONTVANGERS-01",
    severity: Severity::Error,
    title: "Na correctie, verwijdering of beperking staat vast welke ontvangers het hebben gehoord",
    source: "art. 19 AVG",
    explanation: "Wie gegevens verbetert, verwijdert of het gebruik ervan beperkt, laat dat weten \
aan iedere ontvanger die de gegevens heeft gekregen, tenzij dat onmogelijk is of onevenredig veel \
moeite kost. Een beslissing over `rectificatie`, `wissing` of `beperking` die (deels) is toegewezen, \
heeft daarom `ontvangers.geinformeerd`: de deelnemers van de zaak die het hebben gehoord (een lege \
lijst: niemand kreeg de gegevens). Kon een ontvanger niet worden geïnformeerd, dan zegt \
`ontvangers.niet_geinformeerd` waarom. Het besluit zegt dat de ontvangers zijn geïnformeerd; vroeg de \
verzoeker wie dat zijn (`ontvangers.gevraagd: true`), dan noemt het besluit ze, anders biedt het aan \
ze op verzoek te noemen. `ontvangers` hoort niet bij inzage, bezwaar of een afgewezen \
beslissing.\n\nVoorbeeld: `ontvangers: { geinformeerd: [reclassering, ggz], gevraagd: true }` → \
\"Wij hebben de organisaties die uw gegevens van ons kregen, laten weten wat wij hebben gedaan. \
U vroeg welke organisaties dat zijn: Reclassering Rivierenland en GGZ Rivierenland.\"",
};

pub static AVG_AANVULLEND_01: Rule = Rule {
    id: "AVG-AANVULLEND-01",
    severity: Severity::Error,
    title: "Een aanvullend besluit volgt op een besluit met een uitzondering van die deelnemer",
    source: "art. 41 UAVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.6",
    explanation: "Vervalt een uitzondering, dan geeft het aanvullend besluit alsnog de gegevens van die deelnemer. Het verwijst naar het eerste besluit; `aanvullend_besluit.deelnemer` deed in dat besluit een beroep op een uitzondering, en de datum ligt na het eerste besluit.",
};

pub static AVG_AANVULLEND_02: Rule = Rule {
    id: "AVG-AANVULLEND-02",
    severity: Severity::Error,
    title: "Een aanvullend besluit tijdens een lopend bezwaar valt onder dat bezwaar",
    source: "art. 6:18 en 6:19 Awb",
    explanation: "Verandert een aanvullend besluit het besluit terwijl de verzoeker daar bezwaar \
tegen heeft gemaakt, dan geldt dat bezwaar vanzelf ook voor het aanvullend besluit (art. 6:19 lid 1 \
Awb). `aanvullend_besluit.lopend_bezwaar` noemt dat bezwaar (`kenmerk`, `ontvangen_op`); de brief \
zegt dan dat het bezwaar ook voor dit besluit geldt en dat de verzoeker niet opnieuw bezwaar hoeft te \
maken, en heeft geen nieuwe bezwaarclausule. Het bezwaar kwam binnen na het besluit en uiterlijk op \
de datum van het aanvullend besluit; kwam het later, dan laat u `lopend_bezwaar` weg en krijgt het \
aanvullend besluit een eigen bezwaarclausule. De beslissing op bezwaar noemt het aanvullend besluit \
(`aanvullende_besluiten` in de bezwaarzaak).\n\n\
Voorbeeld:\n\n  \
aanvullend_besluit:\n    \
datum: 2026-11-18\n    \
lopend_bezwaar: { kenmerk: ZVH-2026-B-0003, ontvangen_op: 2026-10-30 }",
};

pub static AVG_DOORZEND_01: Rule = Rule {
    id: "AVG-DOORZEND-01",
    severity: Severity::Error,
    title: "Een doorgezonden verzoek komt van een overheidsdeelnemer en telt vanaf de eerste ontvangst",
    source: "art. 2:3 Awb; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.3",
    explanation: "De doorzendplicht van art. 2:3 Awb geldt voor overheidsdeelnemers; bij een private deelnemer is doorzenden een afspraak (waarschuwing). `doorgezonden.ontvangen_op` ligt niet na `ontvangen_op`: de streefdatum telt vanaf de vroegste ontvangst.",
};

pub static WOO_01: Rule = Rule {
    id: "WOO-01",
    severity: Severity::Error,
    title: "Een Woo-verzoek om eigen gegevens wordt als AVG-verzoek behandeld, met vastgelegde kwalificatie",
    source: "art. 4.1 en 5.5 Woo; art. 15 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §1.3 en Bijlage A stap 6–7",
    explanation: "Noemt de verzoeker de Woo (`grondslag_verzoek: woo-4.1` of `woo-5.5`) maar wil hij zijn eigen gegevens, dan gelden de AVG-termijnen en legt `woo_kwalificatie` vast waarom. Bij artikel 4.1 (openbaarmaking) noemt de kwalificatie dat met de verzoeker is besproken dat hij geen openbaarmaking wil. De brieven leggen uit waarom de AVG geldt.",
};

pub static AVG_ID_02: Rule = Rule {
    id: "AVG-ID-02",
    severity: Severity::Warning,
    title: "Zonder vastgestelde identiteit gaat er een identificatieverzoek uit",
    source: "factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.4, Bijlage A stap 2",
    explanation: "Zolang `identiteit` ontbreekt, maakt avgdoc een identificatieverzoek. Staat `verzonden.identificatieverzoek` er nog niet in, dan waarschuwt avgdoc: het verzoek moet zonder onnodige vertraging uit.",
};

pub static AVG_TERMIJN_02: Rule = Rule {
    id: "AVG-TERMIJN-02",
    severity: Severity::Error,
    title: "Wie geen gevolg geeft aan een AVG-verzoek, zegt dat binnen één maand, met redenen",
    source: "art. 12 lid 4 AVG",
    explanation: "Geeft de organisatie geen gevolg aan een verzoek, dan deelt zij dat binnen een maand \
na ontvangst mee, met de redenen en de mogelijkheid van een klacht bij de Autoriteit Persoonsgegevens \
en beroep bij de rechter. avgdoc rekent deze termijn zoals AVG-TERMIJN-01 (`avgdoc termijn \
avg-weigering`); een besluit dat (deels) afwijst, valt onder de controle van AVG-TERMIJN-01.",
};

pub static AVG_TERMIJN_03: Rule = Rule {
    id: "AVG-TERMIJN-03",
    severity: Severity::Warning,
    title: "De deelnemers antwoorden binnen de interne termijn op het verzoek om informatie",
    source: "factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS), Bijlage A stap 5 (interne termijn)",
    explanation: "Het contactpunt vraagt de betrokken deelnemers tegelijk met de ontvangstbevestiging \
om informatie, met een antwoordtermijn die de organisatie zelf kiest: standaard 14 dagen \
(`termijnen.deelnemers_dagen`). Een interne termijn die niet op een werkdag eindigt, eindigt op de \
werkdag ervoor. De brief aan de deelnemer noemt de datum.\n\nVoorbeeld: verzonden maandag 2 november \
2026 → antwoord uiterlijk maandag 16 november 2026.",
};

pub static AVG_VERTEGENW_01: Rule = Rule {
    id: "AVG-VERTEGENW-01",
    severity: Severity::Error,
    title: "Wie namens een ander een verzoek doet, heeft laten zien dat hij dat mag",
    source: "art. 12 lid 2 en 6 AVG; art. 3:60 BW (volmacht); art. 1:245, 1:337, 1:381 en 1:453 BW (gezag, voogdij, curatele, mentorschap); EDPB-richtsnoeren 01/2022 over het recht op inzage",
    explanation: "Doet iemand het verzoek voor de betrokkene (`vertegenwoordiger`), dan gaan de \
brieven naar die persoon en gaan ze over de gegevens van de betrokkene. Wij geven die gegevens alleen \
aan iemand die mag optreden: `vertegenwoordiger.bewijs` zegt waarmee dat is aangetoond. Per \
`hoedanigheid`: een gemachtigde toont een schriftelijke machtiging van de betrokkene; een ouder het \
gezag (uittreksel uit het gezagsregister); een voogd, curator of mentor de beslissing van de rechter \
die hem benoemde. Zolang de identiteit nog niet is vastgesteld, vraagt het identificatieverzoek om \
het bewijs; is de identiteit vastgesteld (`identiteit`), dan ontbreekt het bewijs niet meer, want \
dan gaan er brieven over de inhoud uit.\n\nVoorbeeld: `hoedanigheid: ouder`, `bewijs: een uittreksel \
uit het gezagsregister van 2 oktober 2026`; de brieven aan de moeder zeggen \"uw verzoek namens uw \
zoon\" en \"de persoonsgegevens van uw zoon\".",
};

pub static AVG_NIETBEVESTIGEN_01: Rule = Rule {
    id: "AVG-NIETBEVESTIGEN-01",
    severity: Severity::Error,
    title: "Een uitzondering die niet bevestigd mag worden, laat geen spoor na in het besluit",
    source: "art. 41 lid 1 UAVG jo. art. 23 AVG; art. 15 lid 1 AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §1.8",
    explanation: "Soms schaadt al het bestaan van gegevens een belang dat art. 41 UAVG beschermt, \
bijvoorbeeld een lopend opsporingsonderzoek. Dan zet de deelnemer de uitzondering op \
`modus: niet-bevestigen`. Het besluit noemt die uitzondering dan niet: geen deelnemer, geen grond, \
geen omschrijving van de gegevens en geen motivering (die blijven in het dossier, voor de \
hercontrole). Elk besluit over inzage bevat één vaste, neutrale zin dat de wet ons soms verbiedt te \
zeggen of wij bepaalde gegevens hebben; zo leest het besluit hetzelfde als voor iemand over wie de \
deelnemer niets heeft.\n\nDaarom: zo'n uitzondering staat alleen bij inzage, op een beslissing \
`gedeeltelijk` (afwijzen zou het verraden), en de kopie (`besluit.gegevens`) heeft geen regel van \
die deelnemer.\n\nVoorbeeld: de politie beroept zich op art. 41 lid 1 onder d UAVG voor een \
lopend onderzoek, met `modus: niet-bevestigen`; de brief toont inzage als toegewezen met de \
gegevens van de gemeente, en de vaste zin. Vervalt de uitzondering, dan volgt een aanvullend besluit.",
};

pub static RULES: &[&Rule] = &[
    &AVG_TERMIJN_01,
    &AVG_TERMIJN_02,
    &AVG_TERMIJN_03,
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
    &AVG_BESLUIT_06,
    &AVG_WISSING_01,
    &AVG_ONTVANGERS_01,
    &AVG_AANVULLEND_01,
    &AVG_AANVULLEND_02,
    &AVG_DOORZEND_01,
    &WOO_01,
    &AVG_VERTEGENW_01,
    &AVG_NIETBEVESTIGEN_01,
];

pub(super) fn check(ctx: &Ctx, case: &AvgVerzoek, report: &mut Report) {
    check_address(ctx, &case.betrokkene.adres, report);
    check_vertegenwoordiger(ctx, case, report);

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
                &crate::kinds::algemeen::HERCONTROLE_01,
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

/// AVG-VERTEGENW-01: a representative's address, and the proof of their
/// authority once letters about the request go out.
fn check_vertegenwoordiger(ctx: &Ctx, case: &AvgVerzoek, report: &mut Report) {
    let Some(v) = &case.vertegenwoordiger else {
        return;
    };
    check_address(ctx, &v.adres, report);
    let bewijs = v.bewijs.as_ref().filter(|b| !b.value.trim().is_empty());
    if bewijs.is_none() && case.identiteit.is_some() {
        report.push(
            ctx.diag(
                &AVG_VERTEGENW_01,
                v.span.clone(),
                format!(
                    "de vertegenwoordiger ({}) heeft nog niet aangetoond namens de betrokkene te mogen optreden: vul `vertegenwoordiger.bewijs`",
                    v.hoedanigheid.id()
                ),
            )
            .with_label("bewijs ontbreekt")
            .with_note(format!(
                "bijvoorbeeld: {}",
                v.hoedanigheid.bewijs_voorbeeld()
            )),
        );
    }
}

/// AVG-NIETBEVESTIGEN-01: an exception the letter may not reveal leaves no
/// trace in it.
fn check_niet_bevestigen(ctx: &Ctx, bs: &Spanned<Beslissing>, report: &mut Report) {
    let verborgen: Vec<_> = bs
        .uitzonderingen
        .iter()
        .filter(|u| u.niet_bevestigen())
        .collect();
    if verborgen.is_empty() {
        return;
    }
    if bs.recht.value != Recht::Inzage {
        for u in &verborgen {
            report.push(
                ctx.diag(
                    &AVG_NIETBEVESTIGEN_01,
                    u.span.clone(),
                    format!(
                        "`modus: niet-bevestigen` kan alleen bij inzage, niet bij `{}`",
                        bs.recht.id()
                    ),
                )
                .with_label("niet bij dit recht"),
            );
        }
    }
    if verborgen.len() == bs.uitzonderingen.len() && bs.uitkomst.value == Uitkomst::Afgewezen {
        report.push(
            ctx.diag(
                &AVG_NIETBEVESTIGEN_01,
                bs.uitkomst.span.clone(),
                "een afwijzing op alleen een uitzondering met `modus: niet-bevestigen` verraadt dat er gegevens zijn: kies `gedeeltelijk`",
            )
            .with_label("afgewezen"),
        );
    }
}

/// AVG-NIETBEVESTIGEN-01: the copy has no row from a deelnemer whose
/// exception the letter may not reveal.
fn check_kopie_niet_bevestigen(ctx: &Ctx, b: &Besluit, report: &mut Report) {
    let mut verborgen: Vec<&Spanned<String>> = Vec::new();
    for u in b
        .beslissingen
        .iter()
        .flat_map(|bs| bs.uitzonderingen.iter())
    {
        if u.niet_bevestigen() && !verborgen.iter().any(|d| d.value == u.deelnemer.value) {
            verborgen.push(&u.deelnemer);
        }
    }
    for d in verborgen {
        for r in b.gegevens.iter().filter(|r| r.bron.value == d.value) {
            report.push(
                ctx.diag(
                    &AVG_NIETBEVESTIGEN_01,
                    r.bron.span.clone(),
                    "de kopie heeft een regel van de deelnemer met een uitzondering `modus: niet-bevestigen`: die verraadt dat er gegevens zijn",
                )
                .with_label("regel van deze deelnemer")
                .with_secondary(d.span.clone(), "niet-bevestigen"),
            );
        }
    }
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
        report.push(crate::rules::common::unknown_deelnemer(ctx, &d.door));
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
            .with_label("na de termijn")
            .with_secondary(case.ontvangen_op.span.clone(), "ontvangen")
            .with_secondary(
                case.identiteit
                    .as_ref()
                    .map_or(case.ontvangen_op.span.clone(), |i| {
                        i.vastgesteld_op.span.clone()
                    }),
                "de termijn begint hier",
            ),
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
        check_niet_bevestigen(ctx, bs, report);
        check_wissing(ctx, bs, report);
        check_ontvangers(ctx, case, bs, report);
    }
    check_niet_verwerkt(ctx, b, report);
    check_kopie_niet_bevestigen(ctx, b, report);
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
        crate::rules::common::require_case_deelnemer(
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
    if bs.recht.value == Recht::Inzage && bs.uitkomst.value != Uitkomst::Afgewezen && b.verwerkt() {
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
            crate::rules::common::require_case_deelnemer(
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

/// AVG-WISSING-01: a refused erasure names its art. 17(3) ground.
fn check_wissing(ctx: &Ctx, bs: &Spanned<Beslissing>, report: &mut Report) {
    let refused = bs.uitkomst.value != Uitkomst::Toegewezen;
    let Some(w) = &bs.weigering else {
        if bs.recht.value == Recht::Wissing && refused && bs.uitzonderingen.is_empty() {
            report.push(
                ctx.diag(
                    &AVG_WISSING_01,
                    bs.uitkomst.span.clone(),
                    "noem de grond uit art. 17 lid 3 AVG waarom de gegevens blijven (`weigering.grond`)",
                )
                .with_label("verwijdering geweigerd zonder grond"),
            );
        }
        return;
    };
    if bs.recht.value != Recht::Wissing || !refused {
        report.push(
            ctx.diag(
                &AVG_WISSING_01,
                w.span.clone(),
                "`weigering` hoort alleen bij een (gedeeltelijk) geweigerde verwijdering (`recht: wissing`)",
            )
            .with_label("geen geweigerde verwijdering"),
        );
        return;
    }
    let grond = w.grond.value;
    let empty = |v: &Option<Spanned<String>>| v.as_ref().is_none_or(|v| v.trim().is_empty());
    if grond.needs_basis() && empty(&w.wettelijke_basis) {
        report.push(
            ctx.diag(
                &AVG_WISSING_01,
                w.grond.span.clone(),
                format!(
                    "bij de grond `{}` noemt `weigering.wettelijke_basis` de regel waarop die rust",
                    grond.id()
                ),
            )
            .with_label("wettelijke basis ontbreekt"),
        );
    }
    if grond.needs_bewaartermijn() && empty(&w.bewaartermijn) {
        report.push(
            ctx.diag(
                &AVG_WISSING_01,
                w.grond.span.clone(),
                "bij een wettelijke plicht noemt `weigering.bewaartermijn` hoe lang de gegevens bewaard blijven",
            )
            .with_label("bewaartermijn ontbreekt"),
        );
    }
}

/// AVG-ONTVANGERS-01: after a rectification, erasure or restriction, the
/// recipients told are recorded (art. 19 AVG).
fn check_ontvangers(ctx: &Ctx, case: &AvgVerzoek, bs: &Spanned<Beslissing>, report: &mut Report) {
    let done = bs.recht.value.meldt_ontvangers() && bs.uitkomst.value != Uitkomst::Afgewezen;
    let Some(o) = &bs.ontvangers else {
        if done {
            report.push(
                ctx.diag(
                    &AVG_ONTVANGERS_01,
                    bs.uitkomst.span.clone(),
                    format!(
                        "noem welke ontvangers zijn geïnformeerd over de `{}` (`ontvangers.geinformeerd`; art. 19 AVG)",
                        bs.recht.id()
                    ),
                )
                .with_label("ontvangers ontbreken"),
            );
        }
        return;
    };
    if !done {
        report.push(
            ctx.diag(
                &AVG_ONTVANGERS_01,
                o.span.clone(),
                "`ontvangers` hoort alleen bij een (deels) toegewezen correctie, verwijdering of beperking",
            )
            .with_label("art. 19 AVG geldt hier niet"),
        );
        return;
    }
    for id in &o.geinformeerd {
        crate::rules::common::require_case_deelnemer(
            ctx,
            &AVG_ONTVANGERS_01,
            &case.deelnemers,
            id,
            "ontvanger ",
            report,
        );
    }
    if let Some(r) = &o.niet_geinformeerd
        && r.trim().is_empty()
    {
        report.push(
            ctx.diag(
                &AVG_ONTVANGERS_01,
                r.span.clone(),
                "zeg waarom een ontvanger niet is geïnformeerd (onmogelijk of onevenredig veel moeite)",
            )
            .with_label("leeg"),
        );
    }
}

/// AVG-BESLUIT-06: a besluit that finds no personal data confirms just that.
fn check_niet_verwerkt(ctx: &Ctx, b: &Besluit, report: &mut Report) {
    let Some(v) = b.verwerkt.as_ref().filter(|v| !v.value) else {
        return;
    };
    if !b.gegevens.is_empty() {
        report.push(
            ctx.diag(
                &AVG_BESLUIT_06,
                v.span.clone(),
                "`verwerkt: false`, maar het besluit geeft wel gegevens (`besluit.gegevens`)",
            )
            .with_label("geen gegevens verwerkt"),
        );
    }
    for bs in b.beslissingen.iter() {
        if bs.recht.value == Recht::Inzage && bs.uitkomst.value != Uitkomst::Toegewezen {
            report.push(
                ctx.diag(
                    &AVG_BESLUIT_06,
                    bs.uitkomst.span.clone(),
                    "er worden geen gegevens verwerkt: de bevestiging daarvan is het antwoord op het inzageverzoek; kies `toegewezen`",
                )
                .with_label("geen gegevens verwerkt")
                .with_secondary(v.span.clone(), "verwerkt: false"),
            );
        }
        if !bs.uitzonderingen.is_empty() {
            report.push(
                ctx.diag(
                    &AVG_BESLUIT_06,
                    bs.uitzonderingen[0].span.clone(),
                    "er worden geen gegevens verwerkt: dan valt er niets te weigeren met een uitzondering",
                )
                .with_label("uitzondering")
                .with_secondary(v.span.clone(), "verwerkt: false"),
            );
        }
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
    check_lopend_bezwaar(ctx, a, b, report);
}

/// AVG-AANVULLEND-02: the pending bezwaar that covers the aanvullend besluit
/// (Awb 6:19) came in after the besluit and was pending on its date.
fn check_lopend_bezwaar(
    ctx: &Ctx,
    a: &super::model::AanvullendBesluit,
    b: &Besluit,
    report: &mut Report,
) {
    let Some(l) = &a.lopend_bezwaar else {
        return;
    };
    let ontvangen = &l.ontvangen_op;
    if ontvangen.value < b.datum.value {
        report.push(
            ctx.diag(
                &AVG_AANVULLEND_02,
                ontvangen.span.clone(),
                format!(
                    "het bezwaar kwam binnen vóór het besluit van {}: het kan niet tegen dat besluit zijn (art. 6:19 Awb)",
                    format_date(b.datum.value)
                ),
            )
            .with_label("vóór het besluit"),
        );
    }
    if ontvangen.value > a.datum.value {
        report.push(
            ctx.diag(
                &AVG_AANVULLEND_02,
                ontvangen.span.clone(),
                format!(
                    "het bezwaar kwam pas binnen na het aanvullend besluit van {}: het liep toen nog niet, dus art. 6:19 Awb geldt niet. Laat `lopend_bezwaar` weg; het aanvullend besluit krijgt dan een eigen bezwaarclausule",
                    format_date(a.datum.value)
                ),
            )
            .with_label("na het aanvullend besluit"),
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
    match crate::rules::common::open_term(
        ctx,
        crate::rules::common::OpenTerm {
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
