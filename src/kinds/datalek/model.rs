//! The YAML shape of a `datalek` case file.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::model::{Aanspreekvorm, Adres, Betrokkene, Spanned};

/// A personal data breach (art. 33–34 AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) ch. 4, Bijlage B).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Datalek {
    #[schemars(extend("nl" = "De soort zaak; niet wijzigen."))]
    pub soort: Spanned<String>,
    #[schemars(extend("nl" = "Ons kenmerk van de zaak; ook de map van de documenten in output/. Letters, cijfers, `.`, `-` en `_`, ten hoogste 64 tekens."))]
    pub kenmerk: Spanned<String>,
    /// When the contactpunt became aware: RFC 3339, or local time in
    /// Europe/Amsterdam (`2026-11-03T10:30`).
    #[schemars(extend("nl" = "Het moment waarop het contactpunt het datalek ontdekte: JJJJ-MM-DDTUU:MM (Nederlandse tijd) of met tijdzone. Hier begint de termijn van 72 uur."))]
    pub ontdekt_op: Spanned<String>,
    /// Confidentiality, integrity and/or availability (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §4.2).
    #[schemars(extend("nl" = "Een of meer van: vertrouwelijkheid, integriteit, beschikbaarheid."))]
    pub soort_inbreuk: Spanned<Vec<Inbreuk>>,
    /// What happened: the nature of the breach (art. 33(3)(a)).
    #[schemars(extend("nl" = "Wat er is gebeurd, in gewone woorden (art. 33 lid 3 onder a AVG)."))]
    pub omschrijving: Spanned<String>,
    #[schemars(extend("nl" = "De personen van wie gegevens zijn gelekt."))]
    pub betrokkenen: Spanned<Betrokkenen>,
    #[schemars(extend("nl" = "Welke gegevens zijn gelekt."))]
    pub gegevens: Spanned<Gegevens>,
    /// When the breach happened: from, until or ongoing (AP form).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: wanneer het datalek plaatsvond: vanaf, tot of nog steeds."))]
    pub periode: Option<Spanned<Periode>>,
    /// How the breach was discovered (AP form).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: hoe het datalek is ontdekt."))]
    pub ontdekking: Option<Spanned<String>>,
    /// Whether the data were encrypted or otherwise unintelligible (AP form;
    /// art. 34(3)(a)).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: of de gegevens versleuteld of anderszins onleesbaar waren."))]
    pub versleuteld: Option<Spanned<Versleuteld>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: een toelichting op de versleuteling."))]
    pub versleuteld_toelichting: Option<String>,
    /// Other countries (EU) where affected persons live; empty: none (AP
    /// form, cross-border).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: andere EU-landen waar betrokkenen wonen; [] als er geen zijn."))]
    pub andere_landen: Option<Spanned<Vec<String>>>,
    /// Likely consequences (art. 33(3)(c)), about the data subjects in the
    /// third person: the AP draft and the register use it.
    #[schemars(extend("nl" = "De waarschijnlijke gevolgen voor de betrokkenen, over hen in de derde persoon (art. 33 lid 3 onder c AVG)."))]
    pub gevolgen: Spanned<String>,
    /// Measures taken or proposed, with dates (art. 33(3)(d); §4.8).
    #[schemars(extend("nl" = "Wat is en wordt gedaan, met data (art. 33 lid 3 onder d AVG)."))]
    pub maatregelen: Spanned<Vec<Spanned<Maatregel>>>,
    /// Risk assessment (Bijlage B step 6): `geen`, `risico` or `hoog`.
    #[schemars(extend("nl" = "De risicobeoordeling: geen, risico (melden bij de AP) of hoog (ook de betrokkenen informeren)."))]
    pub risico: Spanned<Risico>,
    #[schemars(extend("nl" = "Waarom dit risico: de afweging."))]
    pub risico_toelichting: Spanned<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "De ids uit avgdoc.yaml van de betrokken deelnemers."))]
    pub deelnemers: Vec<Spanned<String>>,
    /// When the deelnemers were asked for information (24 hours).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: wanneer de deelnemers om informatie zijn gevraagd (JJJJ-MM-DDTUU:MM)."))]
    pub deelnemers_gevraagd_op: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de melding bij de Autoriteit Persoonsgegevens."))]
    pub melding_ap: Option<Spanned<MeldingAp>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het informeren van de betrokkenen (art. 34 AVG)."))]
    pub betrokkenen_informeren: Option<Spanned<InformerenBetrokkenen>>,
    /// Date the breach was closed in the register.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum waarop het datalek in het register is afgesloten."))]
    pub afgerond_op: Option<Spanned<NaiveDate>>,
    /// The persons read from `betrokkenen.bestand` when the case loaded.
    #[serde(skip)]
    pub uit_bestand: PersonenBestand,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Inbreuk {
    Vertrouwelijkheid,
    Integriteit,
    Beschikbaarheid,
}

/// The affected persons: categories, an approximate number and, for the
/// letters of art. 34 AVG, the persons themselves (inline or in a CSV file).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Betrokkenen {
    #[schemars(extend("nl" = "De soorten betrokkenen, bijvoorbeeld [personen met een lopende casus]."))]
    pub categorieen: Vec<String>,
    /// Approximate number, e.g. "ongeveer 40".
    #[schemars(extend("nl" = "Het geschatte aantal, bijvoorbeeld \"ongeveer 40\"."))]
    pub aantal: String,
    /// The persons, each of whom gets a letter.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de personen zelf; elk krijgt een brief."))]
    pub personen: Vec<Spanned<Persoon>>,
    /// A CSV file with the persons, relative to the case file.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: een CSV-bestand met de personen, naast het zaakbestand."))]
    pub bestand: Option<Spanned<String>>,
}

/// The affected data: categories, an approximate number of records, and
/// whether special categories (art. 9) or criminal data (art. 10) are among
/// them.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gegevens {
    #[schemars(extend("nl" = "De soorten gegevens, bijvoorbeeld [naam en adres]."))]
    pub categorieen: Vec<String>,
    /// Approximate number of records, e.g. "1 overzicht met 12 casussen".
    #[schemars(extend("nl" = "Het geschatte aantal, bijvoorbeeld \"1 overzicht met 12 casussen\"."))]
    pub aantal: String,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: bijzondere persoonsgegevens onder de gelekte gegevens (art. 9 AVG)."))]
    pub bijzondere: Option<Vec<Bijzonder>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: true als er strafrechtelijke gegevens bij zijn (art. 10 AVG)."))]
    pub strafrechtelijk: Option<bool>,
}

/// Special categories of personal data (art. 9(1) AVG).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Bijzonder {
    Afkomst,
    Politiek,
    Religie,
    Vakbond,
    Genetisch,
    Biometrisch,
    Gezondheid,
    Seksueel,
}

/// When the breach happened (AP form): from, and until or ongoing.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Periode {
    #[schemars(extend("nl" = "Vanaf wanneer (JJJJ-MM-DD of JJJJ-MM-DDTUU:MM)."))]
    pub van: Spanned<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: tot wanneer."))]
    pub tot: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(extend("nl" = "true als het datalek nog voortduurt."))]
    pub voortdurend: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Versleuteld {
    Ja,
    Nee,
    Gedeeltelijk,
}

/// A measure (art. 33(3)(d), 34(2) AVG): taken on a date, planned for a
/// date, or planned and later taken (a letter dated before `genomen` shows
/// it as planned).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Maatregel {
    #[schemars(extend("nl" = "De maatregel, bijvoorbeeld: ontvanger gevraagd de e-mail te verwijderen."))]
    pub wat: String,
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de maatregel is genomen."))]
    pub genomen: Option<NaiveDate>,
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de maatregel is voorgenomen (voor een latere maatregel)."))]
    pub voorgenomen: Option<NaiveDate>,
}

/// An affected person, who gets a letter unless an exception applies.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Persoon {
    #[serde(default)]
    #[schemars(extend("nl" = "De voorletters, bijvoorbeeld J."))]
    pub voorletters: Option<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het tussenvoegsel, bijvoorbeeld van den."))]
    pub tussenvoegsel: Option<String>,
    #[schemars(extend("nl" = "De achternaam, zonder tussenvoegsel."))]
    pub achternaam: String,
    #[serde(default)]
    #[schemars(extend("nl" = "Hoe de brief de persoon aanspreekt: heer, mevrouw of onbekend (standaard)."))]
    pub aanspreekvorm: Aanspreekvorm,
    #[schemars(extend("nl" = "Het postadres voor de brief."))]
    pub adres: Spanned<Adres>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: waarom deze persoon geen brief krijgt."))]
    pub uitzondering: Option<PersoonUitzondering>,
}

impl Persoon {
    pub fn betrokkene(&self) -> Betrokkene {
        Betrokkene {
            voorletters: self.voorletters.clone(),
            tussenvoegsel: self.tussenvoegsel.clone(),
            achternaam: self.achternaam.clone(),
            aanspreekvorm: self.aanspreekvorm,
            adres: self.adres.clone(),
        }
    }
}

/// Why one person gets no letter (art. 41 UAVG; art. 34(3) AVG).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersoonUitzondering {
    #[schemars(extend("nl" = "De grond (art. 41 UAVG of art. 34 lid 3 AVG)."))]
    pub grond: GrondPersoon,
    #[serde(default)]
    #[schemars(extend("nl" = "Waarom de uitzondering geldt."))]
    pub toelichting: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GrondPersoon {
    /// Art. 41 UAVG (e.g. a running investigation).
    Uavg41,
    /// Art. 34(3)(a): unintelligible for this person's data.
    Versleuteld,
    /// Art. 34(3)(b).
    Maatregelen,
    /// Art. 34(3)(c): this person cannot be reached.
    Onevenredig,
}

/// The persons read from the CSV file, or why that failed: one Dutch
/// message per problem (file, row).
#[derive(Debug, Clone, Default)]
pub struct PersonenBestand {
    pub personen: Vec<Spanned<Persoon>>,
    pub fouten: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Risico {
    /// A risk is unlikely: no AP notification (art. 33(1)).
    Geen,
    /// A risk: notify the AP.
    Risico,
    /// A high risk: also inform the data subjects (art. 34(1)).
    Hoog,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Fase {
    Voorlopig,
    Aanvulling,
    Intrekking,
    Definitief,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeldingAp {
    #[schemars(extend("nl" = "De fase van de melding: voorlopig, aanvulling, intrekking of definitief."))]
    pub fase: Fase,
    /// When it was (or is to be) submitted through the AP's meldloket.
    #[serde(default)]
    #[schemars(extend("nl" = "Wanneer de melding via het meldloket van de AP is (of wordt) gedaan."))]
    pub gemeld_op: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het meldnummer van de AP."))]
    pub meldnummer: Option<String>,
    /// Why the notification came after 72 hours (art. 33(1)).
    #[serde(default)]
    #[schemars(extend("nl" = "Waarom de melding na 72 uur kwam (art. 33 lid 1 AVG)."))]
    pub reden_vertraging: Option<String>,
    /// When a `voorlopig` notification was completed (art. 33(4)), or
    /// withdrawn, through the meldloket.
    #[serde(default)]
    #[schemars(extend("nl" = "Wanneer een voorlopige melding is aangevuld of ingetrokken (art. 33 lid 4 AVG)."))]
    pub aangevuld_op: Option<Spanned<String>>,
}

/// Art. 34(3) exceptions to informing the data subjects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum UitzonderingBetrokkenen {
    /// (a) encryption or similar made the data unintelligible.
    Versleuteld,
    /// (b) later measures make the high risk unlikely.
    Maatregelen,
    /// (c) disproportionate effort: a public communication instead.
    Onevenredig,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InformerenBetrokkenen {
    /// When the data subjects were informed.
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de betrokkenen zijn geïnformeerd."))]
    pub geinformeerd_op: Option<Spanned<NaiveDate>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: een uitzondering op het informeren (art. 34 lid 3 AVG)."))]
    pub uitzondering: Option<Spanned<UitzonderingBetrokkenen>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: een toelichting op de uitzondering."))]
    pub toelichting: Option<String>,
    /// What people can do to limit the harm (§4.8).
    #[serde(default)]
    #[schemars(extend("nl" = "Wat mensen kunnen doen om de schade te beperken."))]
    pub advies: Option<String>,
    /// The likely consequences for the reader, addressed as "u" (the
    /// letters and the public communication).
    #[serde(default)]
    #[schemars(extend("nl" = "De waarschijnlijke gevolgen voor de lezer, met \"u\" aangesproken (voor de brieven)."))]
    pub gevolgen: Option<String>,
}
