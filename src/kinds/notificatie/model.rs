//! The YAML shape of a `notificatie` case file.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::model::{Aanspreekvorm, Adres, Betrokkene, Spanned};

/// Informing a person whose case the samenwerkingsverband handles (art. 14
/// AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) ch. 3).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notificatie {
    #[schemars(extend("nl" = "De soort zaak; niet wijzigen."))]
    pub soort: Spanned<String>,
    #[schemars(extend("nl" = "Ons kenmerk van de zaak; ook de map van de documenten in output/. Letters, cijfers, `.`, `-` en `_`, ten hoogste 64 tekens."))]
    pub kenmerk: Spanned<String>,
    #[schemars(extend("nl" = "De persoon die bericht krijgt. Het adres mag alleen ontbreken met `geen_adres`."))]
    pub betrokkene: Persoon,
    /// No known address (art. 14 lid 5 onder b AVG): why, and what is done
    /// instead. Then no letter goes out.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: er is geen adres bekend (art. 14 lid 5 onder b AVG): waarom, en wat in plaats daarvan gebeurt. Er gaat dan geen brief uit (AVG14-ADRES-01)."))]
    pub geen_adres: Option<Spanned<GeenAdres>>,
    /// A complete aanmelding eligible for triage or weging was received:
    /// the joint processing started (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.3).
    #[schemars(extend("nl" = "Datum van de volledige aanmelding (JJJJ-MM-DD); hier begint de termijn."))]
    pub aanmelding_op: Spanned<NaiveDate>,
    /// Whether the case was taken on after triage (the two letter
    /// variants, factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.4, §3.7).
    #[schemars(extend("nl" = "true als de casus na de triage in behandeling is genomen, anders false."))]
    pub in_behandeling: bool,
    /// The deelnemer that made the aanmelding.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de id van de deelnemer die de casus aanmeldde."))]
    pub aanmelder: Option<Spanned<String>>,
    /// Withhold only the aanmelder's identity when that removes the risk,
    /// and give the rest (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.6).
    #[serde(default)]
    #[schemars(extend("nl" = "true om alleen de aanmelder niet te noemen, als dat het risico wegneemt; de rest van de informatie gaat wel mee."))]
    pub aanmelder_afschermen: bool,
    #[serde(default)]
    #[schemars(extend("nl" = "De ids uit avgdoc.yaml van de betrokken deelnemers."))]
    pub deelnemers: Vec<Spanned<String>>,
    /// Exceptions recorded per deelnemer (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.8; art. 14(5)
    /// AVG; art. 41 UAVG).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: uitzonderingen op de informatieplicht, een per deelnemer."))]
    pub uitzonderingen: Vec<Spanned<NotificatieUitzondering>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de naam van de behandelaar onder \"Behandeld door\". Standaard: het contactpunt."))]
    pub behandelaar: Option<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "De data waarop brieven zijn verstuurd."))]
    pub verzonden: VerzondenNotificatie,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificatieUitzondering {
    #[schemars(extend("nl" = "De id van de deelnemer die de uitzondering inroept."))]
    pub deelnemer: Spanned<String>,
    #[schemars(extend("nl" = "De grond van de uitzondering (art. 14 lid 5 AVG of art. 41 UAVG)."))]
    pub grond: Spanned<NotificatieGrond>,
    #[schemars(extend("nl" = "Waarom de uitzondering geldt."))]
    pub toelichting: String,
    /// The date the deelnemer reported that the exception lapsed: the
    /// information follows after all.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum waarop de deelnemer meldde dat de uitzondering is vervallen; de informatie volgt dan alsnog."))]
    pub vervallen_op: Option<Spanned<NaiveDate>>,
    /// Date of the last re-check (default: the aanmelding).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum van de laatste hercontrole. Standaard: de aanmelding."))]
    pub getoetst_op: Option<Spanned<NaiveDate>>,
    /// After the exception lapsed, the date the withheld part was sent
    /// (the aanvullende notificatiebrief); default: the day of the run.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum waarop het achtergehouden deel is nagezonden. Standaard: de dag van de run."))]
    pub nagezonden_op: Option<Spanned<NaiveDate>>,
}

/// Exceptions to the art. 14 duty (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.8, §1.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerzondenNotificatie {
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de notificatiebrief is verstuurd."))]
    pub notificatiebrief: Option<Spanned<NaiveDate>>,
}

/// The person to inform; the address may be unknown (then `geen_adres`).
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
    #[schemars(extend("nl" = "Hoe de brief de persoon aanspreekt: heer, mevrouw of onbekend (standaard). Raad nooit naar de naam."))]
    pub aanspreekvorm: Aanspreekvorm,
    #[serde(default)]
    #[schemars(extend("nl" = "Het postadres voor de brief; laat het alleen weg met `geen_adres`."))]
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeenAdres {
    /// Why no address is known and cannot reasonably be found.
    #[schemars(extend("nl" = "Waarom geen adres bekend is en ook niet redelijkerwijs te vinden."))]
    pub reden: Spanned<String>,
    /// The alternative measure, e.g. the privacyverklaring on the website
    /// and informing at the first contact.
    #[schemars(extend("nl" = "Wat in plaats van de brief gebeurt, bijvoorbeeld: informeren bij het eerste gesprek."))]
    pub maatregel: Spanned<String>,
}
