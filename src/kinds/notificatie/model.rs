//! The YAML shape of a `notificatie` case file.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::{Aanspreekvorm, Adres, Betrokkene, Spanned};

/// Informing a person whose case the samenwerkingsverband handles (art. 14
/// AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) ch. 3).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notificatie {
    pub soort: Spanned<String>,
    pub kenmerk: Spanned<String>,
    pub betrokkene: Persoon,
    /// No known address (art. 14 lid 5 onder b AVG): why, and what is done
    /// instead. Then no letter goes out.
    #[serde(default)]
    pub geen_adres: Option<Spanned<GeenAdres>>,
    /// A complete aanmelding eligible for triage or weging was received:
    /// the joint processing started (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.3).
    pub aanmelding_op: Spanned<NaiveDate>,
    /// Whether the case was taken on after triage (the two letter
    /// variants, factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.4, §3.7).
    pub in_behandeling: bool,
    /// The deelnemer that made the aanmelding.
    #[serde(default)]
    pub aanmelder: Option<Spanned<String>>,
    /// Withhold only the aanmelder's identity when that removes the risk,
    /// and give the rest (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.6).
    #[serde(default)]
    pub aanmelder_afschermen: bool,
    #[serde(default)]
    pub deelnemers: Vec<Spanned<String>>,
    /// Exceptions recorded per deelnemer (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.8; art. 14(5)
    /// AVG; art. 41 UAVG).
    #[serde(default)]
    pub uitzonderingen: Vec<Spanned<NotificatieUitzondering>>,
    #[serde(default)]
    pub behandelaar: Option<String>,
    #[serde(default)]
    pub verzonden: VerzondenNotificatie,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotificatieUitzondering {
    pub deelnemer: Spanned<String>,
    pub grond: Spanned<NotificatieGrond>,
    pub toelichting: String,
    /// The date the deelnemer reported that the exception lapsed: the
    /// information follows after all.
    #[serde(default)]
    pub vervallen_op: Option<Spanned<NaiveDate>>,
    /// Date of the last re-check (default: the aanmelding).
    #[serde(default)]
    pub getoetst_op: Option<Spanned<NaiveDate>>,
    /// After the exception lapsed, the date the withheld part was sent
    /// (the aanvullende notificatiebrief); default: the day of the run.
    #[serde(default)]
    pub nagezonden_op: Option<Spanned<NaiveDate>>,
}

/// Exceptions to the art. 14 duty (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.8, §1.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotificatieGrond {
    /// The person already has the information (art. 14(5)(a)); still
    /// report the triage outcome.
    AlGeinformeerd,
    /// Impossible or disproportionate effort (art. 14(5)(b)), e.g. no address.
    Onmogelijk,
    /// Informing would make the purpose impossible (art. 14(5)(b)).
    DoelInGevaar,
    /// Art. 41 UAVG, e.g. the rights and freedoms of others.
    Uavg41,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerzondenNotificatie {
    #[serde(default)]
    pub notificatiebrief: Option<Spanned<NaiveDate>>,
}

/// The person to inform; the address may be unknown (then `geen_adres`).
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
    #[serde(default)]
    pub adres: Option<Spanned<Adres>>,
}

impl Persoon {
    /// The person as a letter's addressee, when the address is known.
    pub fn betrokkene(&self) -> Option<Betrokkene> {
        Some(Betrokkene {
            voorletters: self.voorletters.clone(),
            tussenvoegsel: self.tussenvoegsel.clone(),
            achternaam: self.achternaam.clone(),
            aanspreekvorm: self.aanspreekvorm,
            adres: self.adres.clone()?,
        })
    }
}

/// Informing is impossible or disproportionate for want of an address
/// (art. 14 lid 5 onder b AVG; factsheet "Verantwoordelijkheden contactpunt"
/// §3.8).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeenAdres {
    /// Why no address is known and cannot reasonably be found.
    pub reden: Spanned<String>,
    /// The alternative measure, e.g. the privacyverklaring on the website
    /// and informing at the first contact.
    pub maatregel: Spanned<String>,
}
