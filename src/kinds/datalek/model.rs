//! The YAML shape of a `datalek` case file.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::Spanned;

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
    pub betrokkenen: Spanned<Getroffen>,
    pub gegevens: Spanned<Getroffen>,
    /// Likely consequences (art. 33(3)(c)).
    pub gevolgen: Spanned<String>,
    /// Measures taken or proposed, with dates (art. 33(3)(d); §4.8).
    pub maatregelen: Spanned<Vec<Maatregel>>,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Inbreuk {
    Vertrouwelijkheid,
    Integriteit,
    Beschikbaarheid,
}

/// Who or what was affected: categories and an approximate number.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Getroffen {
    pub categorieen: Vec<String>,
    /// Approximate number, e.g. "ongeveer 40".
    pub aantal: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Maatregel {
    pub wat: String,
    /// When it was or will be done.
    pub op: NaiveDate,
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
}
