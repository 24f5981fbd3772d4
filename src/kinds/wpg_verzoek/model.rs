//! The YAML shape of a `wpg-verzoek` case file.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::model::{Betrokkene, Spanned, Uitkomst};

/// A request under the Wet politiegegevens (art. 25, 28 Wpg; seed
/// AP-politie), handled by a police deelnemer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WpgVerzoek {
    #[schemars(extend("nl" = "De soort zaak; niet wijzigen."))]
    pub soort: Spanned<String>,
    #[schemars(extend("nl" = "Ons kenmerk van de zaak; ook de map van de documenten in output/. Letters, cijfers, `.`, `-` en `_`, ten hoogste 64 tekens."))]
    pub kenmerk: Spanned<String>,
    /// The deelnemer (a police unit) in whose name the letters go out.
    #[schemars(extend("nl" = "De id van de deelnemer (een politie-eenheid) namens wie de brieven uitgaan."))]
    pub afzender: Spanned<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het kenmerk van de afzender zelf; de brieven noemen het als \"Uw kenmerk\"."))]
    pub uw_kenmerk: Option<String>,
    #[schemars(extend("nl" = "De persoon die het verzoek deed."))]
    pub betrokkene: Betrokkene,
    #[schemars(extend("nl" = "Wat de persoon vraagt (art. 25 en 28 Wpg)."))]
    pub verzoek: Spanned<WpgSoort>,
    #[schemars(extend("nl" = "Datum waarop het verzoek binnenkwam (JJJJ-MM-DD); hier begint de termijn."))]
    pub ontvangen_op: Spanned<NaiveDate>,
    #[schemars(extend("nl" = "Wat de persoon vraagt, kort en in eigen woorden."))]
    pub omschrijving: String,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de naam van de behandelaar onder \"Behandeld door\". Standaard: het contactpunt."))]
    pub behandelaar: Option<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "De data waarop brieven zijn verstuurd."))]
    pub verzonden: VerzondenWpg,
    #[serde(default)]
    #[schemars(extend("nl" = "Het besluit op het verzoek."))]
    pub besluit: Option<Spanned<WpgBesluit>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum WpgSoort {
    Inzage,
    Rectificatie,
    Aanvulling,
    Vernietiging,
}

/// Refusal grounds of art. 27(1) Wpg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WpgGrond {
    GerechtelijkOnderzoek,
    StrafbareFeiten,
    OpenbareVeiligheid,
    RechtenDerden,
    NationaleVeiligheid,
    KennelijkOngegrond,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WpgBesluit {
    #[schemars(extend("nl" = "Datum van het besluit."))]
    pub datum: Spanned<NaiveDate>,
    #[schemars(extend("nl" = "De uitkomst: toegewezen, gedeeltelijk of afgewezen."))]
    pub uitkomst: Spanned<Uitkomst>,
    /// For inzage: whether police data about the person are processed.
    #[serde(default)]
    #[schemars(extend("nl" = "Bij kennisneming: false als de politie geen gegevens over de persoon verwerkt."))]
    pub verwerkt: Option<bool>,
    /// The data given, or what was corrected, completed or destroyed.
    #[serde(default)]
    #[schemars(extend("nl" = "De gegevens die worden gegeven, of wat is verbeterd, aangevuld of vernietigd."))]
    pub gegevens: Vec<WpgGegeven>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: een toelichting voor de brief."))]
    pub toelichting: Option<String>,
    /// Art. 27(1) ground of a (partial) refusal.
    #[serde(default)]
    #[schemars(extend("nl" = "De grond van een (gedeeltelijke) weigering (art. 27 lid 1 Wpg)."))]
    pub weigeringsgrond: Option<Spanned<WpgGrond>>,
    /// Reasons of a (partial) refusal (art. 27(2) Wpg).
    #[serde(default)]
    #[schemars(extend("nl" = "Waarom de weigering nodig is (art. 27 lid 2 Wpg), als zin voor de brief."))]
    pub motivering: Option<String>,
    /// What an inzage besluit tells about the processing (art. 25 Wpg;
    /// art. 14 Directive 2016/680).
    #[serde(default)]
    #[schemars(extend("nl" = "Wat een besluit op kennisneming vertelt over de verwerking (art. 25 Wpg)."))]
    pub informatie: Option<Spanned<WpgInformatie>>,
}

/// The information an inzage besluit gives besides the data (art. 25 Wpg;
/// art. 14 Directive 2016/680). The rights and the AP's contact details are
/// fixed text in the letter.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WpgInformatie {
    /// Purposes of the processing.
    #[serde(default)]
    #[schemars(extend("nl" = "De doelen van de verwerking."))]
    pub doelen: Vec<String>,
    /// Legal basis, e.g. "artikel 8 Wpg (uitvoering van de dagelijkse politietaak)".
    #[serde(default)]
    #[schemars(extend("nl" = "De grondslag, bijvoorbeeld: artikel 8 Wpg (uitvoering van de dagelijkse politietaak)."))]
    pub grondslag: Option<String>,
    /// Categories of the data.
    #[serde(default)]
    #[schemars(extend("nl" = "De soorten gegevens."))]
    pub categorieen: Vec<String>,
    /// Recipients (or categories of recipients) the data were given to.
    #[serde(default)]
    #[schemars(extend("nl" = "Aan wie de gegevens zijn verstrekt."))]
    pub ontvangers: Vec<String>,
    /// How long the data are kept, or the criteria for that.
    #[serde(default)]
    #[schemars(extend("nl" = "Hoe lang de gegevens worden bewaard."))]
    pub bewaartermijn: Option<String>,
    /// Where the data came from.
    #[serde(default)]
    #[schemars(extend("nl" = "Waar de gegevens vandaan komen."))]
    pub herkomst: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WpgGegeven {
    #[schemars(extend("nl" = "Welke gegevens, bijvoorbeeld: Registratie in de basisvoorziening handhaving."))]
    pub soort: String,
    #[schemars(extend("nl" = "De gegevens zoals ze zijn vastgelegd."))]
    pub inhoud: String,
}

/// Dates on which letters were sent.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerzondenWpg {
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de ontvangstbevestiging is verstuurd."))]
    pub ontvangstbevestiging: Option<Spanned<NaiveDate>>,
}
