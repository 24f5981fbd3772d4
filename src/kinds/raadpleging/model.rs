//! The YAML shape of a `voorafgaande-raadpleging` case file.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::Spanned;

/// A prior consultation of the AP after a DPIA (art. 36 AVG; seed
/// AP-voorafgaande-raadpleging).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Raadpleging {
    pub soort: Spanned<String>,
    pub kenmerk: Spanned<String>,
    /// `avg`, or `wpg` for the Wpg/Wjsg regime.
    pub regime: Spanned<RaadplegingRegime>,
    /// The processing the consultation is about.
    pub verwerking: String,
    /// Who asks: the controller or the FG.
    pub aanvrager: Aanvrager,
    /// Date of the cover letter.
    pub datum: Spanned<NaiveDate>,
    /// Processing must not have started (art. 36(1) AVG; seed).
    pub verwerking_gestart: Spanned<bool>,
    pub bijlagen: Spanned<RaadplegingBijlagen>,
    /// Art. 36(3)(a): responsibilities of the (joint) controllers and
    /// processors.
    pub verantwoordelijkheden: String,
    /// Art. 36(3)(b): purposes and means.
    pub doeleinden_en_middelen: String,
    /// Art. 36(3)(c): measures and safeguards.
    pub maatregelen: String,
    /// The FG's advice on the DPIA.
    pub fg_advies: Spanned<String>,
    /// Art. 36(3)(f): other information, if the AP asked for it.
    #[serde(default)]
    pub overige_informatie: Option<String>,
    /// Date the AP received the complete request (starts RAADPL-01/02).
    #[serde(default)]
    pub ap_ontvangen_op: Option<Spanned<NaiveDate>>,
    /// The AP asked for more information on this date: its term stands
    /// still until `ap_informatie_geleverd_op` (art. 36(2) AVG).
    #[serde(default)]
    pub ap_informatie_gevraagd_op: Option<Spanned<NaiveDate>>,
    #[serde(default)]
    pub ap_informatie_geleverd_op: Option<Spanned<NaiveDate>>,
    /// Date of the AP's eindbrief: the consultation is over.
    #[serde(default)]
    pub eindbrief_op: Option<Spanned<NaiveDate>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RaadplegingRegime {
    Avg,
    Wpg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aanvrager {
    Verwerkingsverantwoordelijke,
    Fg,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RaadplegingBijlagen {
    /// The AP's aanvraagformulier, every applicable question answered.
    pub aanvraagformulier: bool,
    /// The DPIA (art. 36(3)(e)); without it the AP does not take it on.
    pub dpia: bool,
}
