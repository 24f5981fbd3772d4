//! The YAML shape of a `voorafgaande-raadpleging` case file.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::model::Spanned;

/// A prior consultation of the AP after a DPIA (art. 36 AVG; seed
/// AP-voorafgaande-raadpleging).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Raadpleging {
    #[schemars(extend("nl" = "De soort zaak; niet wijzigen."))]
    pub soort: Spanned<String>,
    #[schemars(extend("nl" = "Ons kenmerk van de zaak; ook de map van de documenten in output/. Letters, cijfers, `.`, `-` en `_`, ten hoogste 64 tekens."))]
    pub kenmerk: Spanned<String>,
    /// `avg`, or `wpg` for the Wpg/Wjsg regime.
    #[schemars(extend("nl" = "avg, of wpg voor het regime van de Wpg of de Wjsg."))]
    pub regime: Spanned<RaadplegingRegime>,
    /// The processing the consultation is about.
    #[schemars(extend("nl" = "De verwerking waarover het gaat, bijvoorbeeld: het dashboard Risicosignalering."))]
    pub verwerking: String,
    /// Who asks: the controller or the FG.
    #[schemars(extend("nl" = "Wie de raadpleging aanvraagt: verwerkingsverantwoordelijke of fg."))]
    pub aanvrager: Aanvrager,
    /// Date of the cover letter.
    #[schemars(extend("nl" = "Datum van de aanvraag (JJJJ-MM-DD)."))]
    pub datum: Spanned<NaiveDate>,
    /// Processing must not have started (art. 36(1) AVG; seed).
    #[schemars(extend("nl" = "true als de verwerking al loopt; dat mag niet (art. 36 lid 1 AVG)."))]
    pub verwerking_gestart: Spanned<bool>,
    #[schemars(extend("nl" = "Wat met de aanvraag meegaat."))]
    pub bijlagen: Spanned<RaadplegingBijlagen>,
    /// Art. 36(3)(a): responsibilities of the (joint) controllers and
    /// processors.
    #[schemars(extend("nl" = "Wie verwerkingsverantwoordelijke en wie verwerker is (art. 36 lid 3 onder a AVG)."))]
    pub verantwoordelijkheden: String,
    /// Art. 36(3)(b): purposes and means.
    #[schemars(extend("nl" = "Waarvoor en hoe de gegevens worden verwerkt (art. 36 lid 3 onder b AVG)."))]
    pub doeleinden_en_middelen: String,
    /// Art. 36(3)(c): measures and safeguards.
    #[schemars(extend("nl" = "De maatregelen en waarborgen tegen de risico's (art. 36 lid 3 onder c AVG)."))]
    pub maatregelen: String,
    /// The FG's advice on the DPIA.
    #[schemars(extend("nl" = "Het advies van de functionaris gegevensbescherming over de DPIA."))]
    pub fg_advies: Spanned<String>,
    /// Art. 36(3)(f): other information, if the AP asked for it.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: andere informatie waar de AP om vroeg (art. 36 lid 3 onder f AVG)."))]
    pub overige_informatie: Option<String>,
    /// Date the AP received the complete request (starts RAADPL-01/02).
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de AP de volledige aanvraag ontving; hier begint de termijn van de AP."))]
    pub ap_ontvangen_op: Option<Spanned<NaiveDate>>,
    /// The AP asked for more information on this date: its term stands
    /// still until `ap_informatie_geleverd_op` (art. 36(2) AVG).
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de AP om meer informatie vroeg; de termijn staat stil tot `ap_informatie_geleverd_op`."))]
    pub ap_informatie_gevraagd_op: Option<Spanned<NaiveDate>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de gevraagde informatie aan de AP is geleverd."))]
    pub ap_informatie_geleverd_op: Option<Spanned<NaiveDate>>,
    /// Date of the AP's eindbrief: the consultation is over.
    #[serde(default)]
    #[schemars(extend("nl" = "Datum van de eindbrief van de AP: de raadpleging is klaar."))]
    pub eindbrief_op: Option<Spanned<NaiveDate>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RaadplegingRegime {
    Avg,
    Wpg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Aanvrager {
    Verwerkingsverantwoordelijke,
    Fg,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RaadplegingBijlagen {
    /// The AP's aanvraagformulier, every applicable question answered.
    #[schemars(extend("nl" = "true als het aanvraagformulier van de AP meegaat, met elke vraag beantwoord."))]
    pub aanvraagformulier: bool,
    /// The DPIA (art. 36(3)(e)); without it the AP does not take it on.
    #[schemars(extend("nl" = "true als de DPIA meegaat; zonder DPIA neemt de AP de aanvraag niet in behandeling."))]
    pub dpia: bool,
}
