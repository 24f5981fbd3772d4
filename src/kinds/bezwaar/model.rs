//! The YAML shape of a `bezwaar` case file.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::model::{Adres, Betrokkene, Spanned};

/// A bezwaar against a besluit of the contactpunt (Awb ch. 6–7; seed
/// AP-bezwaar; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §2.9).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bezwaar {
    #[schemars(extend("nl" = "De soort zaak; niet wijzigen."))]
    pub soort: Spanned<String>,
    #[schemars(extend("nl" = "Ons kenmerk van de zaak; ook de map van de documenten in output/. Letters, cijfers, `.`, `-` en `_`, ten hoogste 64 tekens."))]
    pub kenmerk: Spanned<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het kenmerk van de afzender zelf; de brieven noemen het als \"Uw kenmerk\"."))]
    pub uw_kenmerk: Option<String>,
    /// The indiener.
    #[schemars(extend("nl" = "De indiener van het bezwaar."))]
    pub betrokkene: Betrokkene,
    /// The contested besluit: our kenmerk and the date it was sent.
    #[schemars(extend("nl" = "Het besluit waartegen het bezwaar zich richt."))]
    pub besluit: Spanned<BestredenBesluit>,
    /// Besluiten that changed the contested one while the bezwaar was
    /// pending: the bezwaar covers them too (Awb 6:19), and the beslissing
    /// decides on them.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: besluiten die het bestreden besluit veranderden terwijl het bezwaar liep; het bezwaar geldt ook daartegen (Awb 6:19)."))]
    pub aanvullende_besluiten: Vec<Spanned<AanvullendBesluit>>,
    /// Date the bezwaarschrift was received.
    #[schemars(extend("nl" = "Datum waarop het bezwaarschrift binnenkwam (JJJJ-MM-DD)."))]
    pub ontvangen_op: Spanned<NaiveDate>,
    /// Date it was posted, if it came by post (Awb 6:9 lid 2).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum waarop het bezwaarschrift op de post ging, als het per post kwam (Awb 6:9 lid 2)."))]
    pub gepost_op: Option<Spanned<NaiveDate>>,
    /// For a bezwaar that may be late: the recorded decision whether the
    /// lateness is excusable (Awb 6:11).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: bij een mogelijk te laat bezwaar het oordeel of de termijnoverschrijding verschoonbaar is (Awb 6:11)."))]
    pub verschoonbaarheid: Option<String>,
    /// A late bezwaar: when we asked the indiener why (Awb 6:11), or why we
    /// did not ask.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: bij een te laat bezwaar wanneer de indiener is gevraagd waarom, of waarom dat niet is gevraagd (Awb 6:11)."))]
    pub termijnoverschrijding: Option<Spanned<Termijnoverschrijding>>,
    /// What the bezwaar says, in our words.
    #[schemars(extend("nl" = "Wat het bezwaar zegt, in onze woorden."))]
    pub gronden: String,
    /// Awb 6:5 requirements the bezwaarschrift lacks.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: wat het bezwaarschrift mist van de eisen van Awb 6:5."))]
    pub verzuimen: Vec<Verzuim>,
    /// Date the herstelverzuimbrief was sent.
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de brief om het verzuim te herstellen is verstuurd."))]
    pub herstel_gevraagd_op: Option<Spanned<NaiveDate>>,
    /// Date the verzuim was repaired.
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop het verzuim is hersteld."))]
    pub hersteld_op: Option<Spanned<NaiveDate>>,
    /// Date of the 7:13(2) mededeling that an advisory committee hears the
    /// bezwaar (12 weeks instead of 6).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum van de mededeling dat een adviescommissie het bezwaar hoort (Awb 7:13); de beslistermijn is dan 12 weken."))]
    pub adviescommissie_mededeling_op: Option<Spanned<NaiveDate>>,
    /// Date of the verdagingsbrief: the beslistermijn is extended by six
    /// weeks, once (Awb 7:10(3)); it must go out before the original end.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum van de verdagingsbrief; de beslistermijn wordt eenmaal met zes weken verlengd (Awb 7:10 lid 3)."))]
    pub verdaagd_op: Option<Spanned<NaiveDate>>,
    /// The deelnemers: belanghebbenden, invited to the hearing.
    #[serde(default)]
    #[schemars(extend("nl" = "De ids van de betrokken deelnemers: belanghebbenden, uitgenodigd voor de hoorzitting."))]
    pub deelnemers: Vec<Spanned<String>>,
    /// The handler: name and phone (Awb 6:14; seed AP-bezwaar).
    #[schemars(extend("nl" = "De behandelaar: naam en telefoonnummer (Awb 6:14)."))]
    pub behandelaar: Behandelaar,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de hoorzitting."))]
    pub hoorzitting: Option<Spanned<Hoorzitting>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de beslissing op bezwaar."))]
    pub beslissing: Option<Spanned<BeslissingOpBezwaar>>,
    #[serde(default)]
    #[schemars(extend("nl" = "De data waarop brieven zijn verstuurd."))]
    pub verzonden: VerzondenBezwaar,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BestredenBesluit {
    #[schemars(extend("nl" = "Ons kenmerk van het bestreden besluit."))]
    pub kenmerk: String,
    #[schemars(extend("nl" = "Datum waarop het besluit is verstuurd."))]
    pub datum: Spanned<NaiveDate>,
    /// What the besluit decided, in a few words.
    #[schemars(extend("nl" = "Wat het besluit besliste, in een paar woorden."))]
    pub onderwerp: String,
    /// The law the besluit applied: `avg` (default), `wpg` or `anders`. A
    /// beslissing op bezwaar about an AVG or Wpg besluit names the AP.
    #[serde(default)]
    #[schemars(extend("nl" = "De wet van het besluit: avg (standaard), wpg of anders. Bij avg en wpg noemt de beslissing op bezwaar de AP."))]
    pub wet: Wet,
}

/// A besluit that changed, replaced or withdrew (part of) the contested
/// besluit while the bezwaar was pending (Awb 6:18, 6:19).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AanvullendBesluit {
    #[schemars(extend("nl" = "Ons kenmerk van het aanvullend besluit."))]
    pub kenmerk: String,
    /// The date it was sent.
    #[schemars(extend("nl" = "Datum waarop het is verstuurd."))]
    pub datum: Spanned<NaiveDate>,
    /// What it decided, in a few words.
    #[schemars(extend("nl" = "Wat het besliste, in een paar woorden."))]
    pub onderwerp: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Wet {
    #[default]
    Avg,
    Wpg,
    Anders,
}

/// Asking the indiener of a late bezwaar why it is late (Awb 6:11).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Termijnoverschrijding {
    /// Date the letter asking why went out (`vraag-termijnoverschrijding`).
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de brief met de vraag waarom het bezwaar te laat is, is verstuurd."))]
    pub gevraagd_op: Option<Spanned<NaiveDate>>,
    /// Date the answer came in, if it did.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum waarop het antwoord binnenkwam."))]
    pub reactie_op: Option<Spanned<NaiveDate>>,
    /// Instead of asking: why we did not (e.g. the bezwaarschrift already
    /// explains the delay).
    #[serde(default)]
    #[schemars(extend("nl" = "In plaats van de vraag: waarom niet gevraagd is, bijvoorbeeld omdat het bezwaarschrift de vertraging al uitlegt."))]
    pub niet_gevraagd: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Behandelaar {
    #[schemars(extend("nl" = "De naam van de behandelaar."))]
    pub naam: String,
    #[schemars(extend("nl" = "Het telefoonnummer van de behandelaar."))]
    pub telefoon: String,
}

/// An Awb 6:5 requirement of a bezwaarschrift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verzuim {
    Handtekening,
    NaamAdres,
    Dagtekening,
    OmschrijvingBesluit,
    Gronden,
}

impl Verzuim {
    pub fn describe(self) -> &'static str {
        match self {
            Verzuim::Handtekening => "uw handtekening",
            Verzuim::NaamAdres => "uw naam en adres",
            Verzuim::Dagtekening => "de datum van uw bezwaarschrift",
            Verzuim::OmschrijvingBesluit => {
                "welk besluit u bedoelt (bijvoorbeeld een kopie of ons kenmerk)"
            }
            Verzuim::Gronden => "waarom u het niet eens bent met het besluit",
        }
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hoorzitting {
    #[schemars(extend("nl" = "Datum van de hoorzitting."))]
    pub datum: Spanned<NaiveDate>,
    /// "14.00 uur"
    #[schemars(extend("nl" = "Het tijdstip, bijvoorbeeld 14.00 uur."))]
    pub tijd: String,
    /// A place, or "via videobellen" / "telefonisch".
    #[schemars(extend("nl" = "De plaats, of: via videobellen, telefonisch."))]
    pub plaats: String,
    /// Date the invitation goes out.
    #[schemars(extend("nl" = "Datum waarop de uitnodiging uitgaat."))]
    pub uitnodiging_op: Spanned<NaiveDate>,
    /// Where and from when the file can be inspected (Awb 7:4).
    #[schemars(extend("nl" = "Waar en vanaf wanneer de stukken in te zien zijn (Awb 7:4)."))]
    pub stukken_ter_inzage: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Oordeel {
    Gegrond,
    GedeeltelijkGegrond,
    Ongegrond,
    NietOntvankelijk,
}

/// Grounds to decide without hearing (Awb 7:3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NietGehoord {
    KennelijkNietOntvankelijk,
    KennelijkOngegrond,
    AfgezienVanHoren,
    NietTijdigVerzocht,
    VolledigTegemoetgekomen,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BeslissingOpBezwaar {
    #[schemars(extend("nl" = "Datum van de beslissing op bezwaar."))]
    pub datum: Spanned<NaiveDate>,
    #[schemars(extend("nl" = "Het oordeel over het bezwaar."))]
    pub oordeel: Spanned<Oordeel>,
    /// The reasons (Awb 7:12: a sound motivering).
    #[schemars(extend("nl" = "De motivering (Awb 7:12)."))]
    pub motivering: Spanned<String>,
    /// Set when there was no hearing: the Awb 7:3 ground.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: als niet is gehoord, de grond daarvoor (Awb 7:3)."))]
    pub niet_gehoord: Option<Spanned<NietGehoord>>,
    /// Where to go in beroep (Awb 6:23, 8:7).
    #[schemars(extend("nl" = "De rechtbank waar beroep kan worden ingesteld (Awb 8:7)."))]
    pub rechtbank: Rechtbank,
    /// The dictum per part of the besluit (Awb 7:11).
    #[serde(default)]
    #[schemars(extend("nl" = "Het dictum per onderdeel van het besluit (Awb 7:11)."))]
    pub dictum: Vec<Spanned<Dictumdeel>>,
    /// Decision on a request to pay costs, if one was made.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de beslissing op een verzoek om vergoeding van kosten."))]
    pub kosten: Option<String>,
    /// Advice of the committee, when one heard the bezwaar; deviating from it
    /// needs reasons (Awb 7:13 lid 7).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: waarom de beslissing afwijkt van het advies van de adviescommissie (Awb 7:13 lid 7)."))]
    pub afwijking_advies: Option<String>,
}

/// One part of the dictum: what the bezwaar against one part of the besluit
/// comes to. A gegrond part says what is herroepen and what replaces it
/// (Awb 7:11 lid 2).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dictumdeel {
    /// The part of the besluit, e.g. "de weigering van de politiegegevens".
    #[schemars(extend("nl" = "Het onderdeel van het besluit, bijvoorbeeld: de weigering van de politiegegevens."))]
    pub onderdeel: String,
    #[schemars(extend("nl" = "Het oordeel over dit onderdeel."))]
    pub oordeel: Spanned<DeelOordeel>,
    /// What part of the besluit is herroepen (gegrond).
    #[serde(default)]
    #[schemars(extend("nl" = "Bij gegrond: welk deel van het besluit wordt herroepen."))]
    pub herroepen: Option<String>,
    /// What replaces it (gegrond).
    #[serde(default)]
    #[schemars(extend("nl" = "Bij gegrond: wat ervoor in de plaats komt."))]
    pub vervangen_door: Option<String>,
    /// The date of the aanvullend besluit this part is about (Awb 6:19);
    /// absent: the contested besluit.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de datum van het aanvullend besluit waarover dit onderdeel gaat (Awb 6:19). Zonder datum: het bestreden besluit."))]
    pub aanvullend_besluit: Option<Spanned<NaiveDate>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeelOordeel {
    Gegrond,
    Ongegrond,
    NietOntvankelijk,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rechtbank {
    #[schemars(extend("nl" = "De naam van de rechtbank."))]
    pub naam: String,
    #[schemars(extend("nl" = "Het postadres van de rechtbank."))]
    pub adres: Spanned<Adres>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerzondenBezwaar {
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de ontvangstbevestiging is verstuurd."))]
    pub ontvangstbevestiging: Option<Spanned<NaiveDate>>,
}
