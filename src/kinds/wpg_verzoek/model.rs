//! The YAML shape of a `wpg-verzoek` case file.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::{Betrokkene, Spanned, Uitkomst};

/// A request under the Wet politiegegevens (art. 25, 28 Wpg; seed
/// AP-politie), handled by a police deelnemer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WpgVerzoek {
    pub soort: Spanned<String>,
    pub kenmerk: Spanned<String>,
    /// The deelnemer (a police unit) in whose name the letters go out.
    pub afzender: Spanned<String>,
    #[serde(default)]
    pub uw_kenmerk: Option<String>,
    pub betrokkene: Betrokkene,
    pub verzoek: Spanned<WpgSoort>,
    pub ontvangen_op: Spanned<NaiveDate>,
    pub omschrijving: String,
    #[serde(default)]
    pub behandelaar: Option<String>,
    #[serde(default)]
    pub verzonden: VerzondenWpg,
    #[serde(default)]
    pub besluit: Option<Spanned<WpgBesluit>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WpgSoort {
    Inzage,
    Rectificatie,
    Aanvulling,
    Vernietiging,
}

/// Refusal grounds of art. 27(1) Wpg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WpgGrond {
    GerechtelijkOnderzoek,
    StrafbareFeiten,
    OpenbareVeiligheid,
    RechtenDerden,
    NationaleVeiligheid,
    KennelijkOngegrond,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WpgBesluit {
    pub datum: Spanned<NaiveDate>,
    pub uitkomst: Spanned<Uitkomst>,
    /// For inzage: whether police data about the person are processed.
    #[serde(default)]
    pub verwerkt: Option<bool>,
    /// The data given, or what was corrected, completed or destroyed.
    #[serde(default)]
    pub gegevens: Vec<WpgGegeven>,
    #[serde(default)]
    pub toelichting: Option<String>,
    /// Art. 27(1) ground of a (partial) refusal.
    #[serde(default)]
    pub weigeringsgrond: Option<Spanned<WpgGrond>>,
    /// Reasons of a (partial) refusal (art. 27(2) Wpg).
    #[serde(default)]
    pub motivering: Option<String>,
    /// What an inzage besluit tells about the processing (art. 25 Wpg;
    /// art. 14 Directive 2016/680).
    #[serde(default)]
    pub informatie: Option<Spanned<WpgInformatie>>,
}

/// The information an inzage besluit gives besides the data (art. 25 Wpg;
/// art. 14 Directive 2016/680). The rights and the AP's contact details are
/// fixed text in the letter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WpgInformatie {
    /// Purposes of the processing.
    #[serde(default)]
    pub doelen: Vec<String>,
    /// Legal basis, e.g. "artikel 8 Wpg (uitvoering van de dagelijkse politietaak)".
    #[serde(default)]
    pub grondslag: Option<String>,
    /// Categories of the data.
    #[serde(default)]
    pub categorieen: Vec<String>,
    /// Recipients (or categories of recipients) the data were given to.
    #[serde(default)]
    pub ontvangers: Vec<String>,
    /// How long the data are kept, or the criteria for that.
    #[serde(default)]
    pub bewaartermijn: Option<String>,
    /// Where the data came from.
    #[serde(default)]
    pub herkomst: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WpgGegeven {
    pub soort: String,
    pub inhoud: String,
}

/// Dates on which letters were sent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerzondenWpg {
    #[serde(default)]
    pub ontvangstbevestiging: Option<Spanned<NaiveDate>>,
}
