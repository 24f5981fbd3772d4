//! The YAML shape of a `datalek` case file.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::{Aanspreekvorm, Adres, Betrokkene, Spanned};

/// A personal data breach (art. 33–34 AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) ch. 4, Bijlage B).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Datalek {
    pub soort: Spanned<String>,
    pub kenmerk: Spanned<String>,
    /// When the contactpunt became aware: RFC 3339, or local time in
    /// Europe/Amsterdam (`2026-11-03T10:30`).
    pub ontdekt_op: Spanned<String>,
    /// Confidentiality, integrity and/or availability (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §4.2).
    pub soort_inbreuk: Spanned<Vec<Inbreuk>>,
    /// What happened: the nature of the breach (art. 33(3)(a)).
    pub omschrijving: Spanned<String>,
    pub betrokkenen: Spanned<Betrokkenen>,
    pub gegevens: Spanned<Gegevens>,
    /// When the breach happened: from, until or ongoing (AP form).
    #[serde(default)]
    pub periode: Option<Spanned<Periode>>,
    /// How the breach was discovered (AP form).
    #[serde(default)]
    pub ontdekking: Option<Spanned<String>>,
    /// Whether the data were encrypted or otherwise unintelligible (AP form;
    /// art. 34(3)(a)).
    #[serde(default)]
    pub versleuteld: Option<Spanned<Versleuteld>>,
    #[serde(default)]
    pub versleuteld_toelichting: Option<String>,
    /// Other countries (EU) where affected persons live; empty: none (AP
    /// form, cross-border).
    #[serde(default)]
    pub andere_landen: Option<Spanned<Vec<String>>>,
    /// Likely consequences (art. 33(3)(c)), about the data subjects in the
    /// third person: the AP draft and the register use it.
    pub gevolgen: Spanned<String>,
    /// Measures taken or proposed, with dates (art. 33(3)(d); §4.8).
    pub maatregelen: Spanned<Vec<Spanned<Maatregel>>>,
    /// Risk assessment (Bijlage B step 6): `geen`, `risico` or `hoog`.
    pub risico: Spanned<Risico>,
    pub risico_toelichting: Spanned<String>,
    #[serde(default)]
    pub deelnemers: Vec<Spanned<String>>,
    /// When the deelnemers were asked for information (24 hours).
    #[serde(default)]
    pub deelnemers_gevraagd_op: Option<Spanned<String>>,
    #[serde(default)]
    pub melding_ap: Option<Spanned<MeldingAp>>,
    #[serde(default)]
    pub betrokkenen_informeren: Option<Spanned<InformerenBetrokkenen>>,
    /// Date the breach was closed in the register.
    #[serde(default)]
    pub afgerond_op: Option<Spanned<NaiveDate>>,
    /// The persons read from `betrokkenen.bestand` when the case loaded.
    #[serde(skip)]
    pub uit_bestand: PersonenBestand,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Inbreuk {
    Vertrouwelijkheid,
    Integriteit,
    Beschikbaarheid,
}

/// The affected persons: categories, an approximate number and, for the
/// letters of art. 34 AVG, the persons themselves (inline or in a CSV file).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Betrokkenen {
    pub categorieen: Vec<String>,
    /// Approximate number, e.g. "ongeveer 40".
    pub aantal: String,
    /// The persons, each of whom gets a letter.
    #[serde(default)]
    pub personen: Vec<Spanned<Persoon>>,
    /// A CSV file with the persons, relative to the case file.
    #[serde(default)]
    pub bestand: Option<Spanned<String>>,
}

/// The affected data: categories, an approximate number of records, and
/// whether special categories (art. 9) or criminal data (art. 10) are among
/// them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gegevens {
    pub categorieen: Vec<String>,
    /// Approximate number of records, e.g. "1 overzicht met 12 casussen".
    pub aantal: String,
    #[serde(default)]
    pub bijzondere: Option<Vec<Bijzonder>>,
    #[serde(default)]
    pub strafrechtelijk: Option<bool>,
}

/// Special categories of personal data (art. 9(1) AVG).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Periode {
    pub van: Spanned<String>,
    #[serde(default)]
    pub tot: Option<Spanned<String>>,
    #[serde(default)]
    pub voortdurend: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Versleuteld {
    Ja,
    Nee,
    Gedeeltelijk,
}

/// A measure (art. 33(3)(d), 34(2) AVG): taken on a date, planned for a
/// date, or planned and later taken (a letter dated before `genomen` shows
/// it as planned).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Maatregel {
    pub wat: String,
    #[serde(default)]
    pub genomen: Option<NaiveDate>,
    #[serde(default)]
    pub voorgenomen: Option<NaiveDate>,
}

/// An affected person, who gets a letter unless an exception applies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persoon {
    #[serde(default)]
    pub voorletters: Option<String>,
    #[serde(default)]
    pub tussenvoegsel: Option<String>,
    pub achternaam: String,
    #[serde(default)]
    pub aanspreekvorm: Aanspreekvorm,
    pub adres: Spanned<Adres>,
    #[serde(default)]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersoonUitzondering {
    pub grond: GrondPersoon,
    #[serde(default)]
    pub toelichting: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Risico {
    /// A risk is unlikely: no AP notification (art. 33(1)).
    Geen,
    /// A risk: notify the AP.
    Risico,
    /// A high risk: also inform the data subjects (art. 34(1)).
    Hoog,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fase {
    Voorlopig,
    Aanvulling,
    Intrekking,
    Definitief,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeldingAp {
    pub fase: Fase,
    /// When it was (or is to be) submitted through the AP's meldloket.
    #[serde(default)]
    pub gemeld_op: Option<Spanned<String>>,
    #[serde(default)]
    pub meldnummer: Option<String>,
    /// Why the notification came after 72 hours (art. 33(1)).
    #[serde(default)]
    pub reden_vertraging: Option<String>,
    /// When a `voorlopig` notification was completed (art. 33(4)), or
    /// withdrawn, through the meldloket.
    #[serde(default)]
    pub aangevuld_op: Option<Spanned<String>>,
}

/// Art. 34(3) exceptions to informing the data subjects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UitzonderingBetrokkenen {
    /// (a) encryption or similar made the data unintelligible.
    Versleuteld,
    /// (b) later measures make the high risk unlikely.
    Maatregelen,
    /// (c) disproportionate effort: a public communication instead.
    Onevenredig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InformerenBetrokkenen {
    /// When the data subjects were informed.
    #[serde(default)]
    pub geinformeerd_op: Option<Spanned<NaiveDate>>,
    #[serde(default)]
    pub uitzondering: Option<Spanned<UitzonderingBetrokkenen>>,
    #[serde(default)]
    pub toelichting: Option<String>,
    /// What people can do to limit the harm (§4.8).
    #[serde(default)]
    pub advies: Option<String>,
    /// The likely consequences for the reader, addressed as "u" (the
    /// letters and the public communication).
    #[serde(default)]
    pub gevolgen: Option<String>,
}
