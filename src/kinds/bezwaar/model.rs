//! The YAML shape of a `bezwaar` case file.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::{Adres, Betrokkene, Spanned};

/// A bezwaar against a besluit of the contactpunt (Awb ch. 6–7; seed
/// AP-bezwaar; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §2.9).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bezwaar {
    pub soort: Spanned<String>,
    pub kenmerk: Spanned<String>,
    #[serde(default)]
    pub uw_kenmerk: Option<String>,
    /// The indiener.
    pub betrokkene: Betrokkene,
    /// The contested besluit: our kenmerk and the date it was sent.
    pub besluit: Spanned<BestredenBesluit>,
    /// Besluiten that changed the contested one while the bezwaar was
    /// pending: the bezwaar covers them too (Awb 6:19), and the beslissing
    /// decides on them.
    #[serde(default)]
    pub aanvullende_besluiten: Vec<Spanned<AanvullendBesluit>>,
    /// Date the bezwaarschrift was received.
    pub ontvangen_op: Spanned<NaiveDate>,
    /// Date it was posted, if it came by post (Awb 6:9 lid 2).
    #[serde(default)]
    pub gepost_op: Option<Spanned<NaiveDate>>,
    /// For a bezwaar that may be late: the recorded decision whether the
    /// lateness is excusable (Awb 6:11).
    #[serde(default)]
    pub verschoonbaarheid: Option<String>,
    /// A late bezwaar: when we asked the indiener why (Awb 6:11), or why we
    /// did not ask.
    #[serde(default)]
    pub termijnoverschrijding: Option<Spanned<Termijnoverschrijding>>,
    /// What the bezwaar says, in our words.
    pub gronden: String,
    /// Awb 6:5 requirements the bezwaarschrift lacks.
    #[serde(default)]
    pub verzuimen: Vec<Verzuim>,
    /// Date the herstelverzuimbrief was sent.
    #[serde(default)]
    pub herstel_gevraagd_op: Option<Spanned<NaiveDate>>,
    /// Date the verzuim was repaired.
    #[serde(default)]
    pub hersteld_op: Option<Spanned<NaiveDate>>,
    /// Date of the 7:13(2) mededeling that an advisory committee hears the
    /// bezwaar (12 weeks instead of 6).
    #[serde(default)]
    pub adviescommissie_mededeling_op: Option<Spanned<NaiveDate>>,
    /// Date of the verdagingsbrief: the beslistermijn is extended by six
    /// weeks, once (Awb 7:10(3)); it must go out before the original end.
    #[serde(default)]
    pub verdaagd_op: Option<Spanned<NaiveDate>>,
    /// The deelnemers: belanghebbenden, invited to the hearing.
    #[serde(default)]
    pub deelnemers: Vec<Spanned<String>>,
    /// The handler: name and phone (Awb 6:14; seed AP-bezwaar).
    pub behandelaar: Behandelaar,
    #[serde(default)]
    pub hoorzitting: Option<Spanned<Hoorzitting>>,
    #[serde(default)]
    pub beslissing: Option<Spanned<BeslissingOpBezwaar>>,
    #[serde(default)]
    pub verzonden: VerzondenBezwaar,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BestredenBesluit {
    pub kenmerk: String,
    pub datum: Spanned<NaiveDate>,
    /// What the besluit decided, in a few words.
    pub onderwerp: String,
    /// The law the besluit applied: `avg` (default), `wpg` or `anders`. A
    /// beslissing op bezwaar about an AVG or Wpg besluit names the AP.
    #[serde(default)]
    pub wet: Wet,
}

/// A besluit that changed, replaced or withdrew (part of) the contested
/// besluit while the bezwaar was pending (Awb 6:18, 6:19).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AanvullendBesluit {
    pub kenmerk: String,
    /// The date it was sent.
    pub datum: Spanned<NaiveDate>,
    /// What it decided, in a few words.
    pub onderwerp: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Wet {
    #[default]
    Avg,
    Wpg,
    Anders,
}

/// Asking the indiener of a late bezwaar why it is late (Awb 6:11).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termijnoverschrijding {
    /// Date the letter asking why went out (`vraag-termijnoverschrijding`).
    #[serde(default)]
    pub gevraagd_op: Option<Spanned<NaiveDate>>,
    /// Date the answer came in, if it did.
    #[serde(default)]
    pub reactie_op: Option<Spanned<NaiveDate>>,
    /// Instead of asking: why we did not (e.g. the bezwaarschrift already
    /// explains the delay).
    #[serde(default)]
    pub niet_gevraagd: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Behandelaar {
    pub naam: String,
    pub telefoon: String,
}

/// An Awb 6:5 requirement of a bezwaarschrift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hoorzitting {
    pub datum: Spanned<NaiveDate>,
    /// "14.00 uur"
    pub tijd: String,
    /// A place, or "via videobellen" / "telefonisch".
    pub plaats: String,
    /// Date the invitation goes out.
    pub uitnodiging_op: Spanned<NaiveDate>,
    /// Where and from when the file can be inspected (Awb 7:4).
    pub stukken_ter_inzage: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Oordeel {
    Gegrond,
    GedeeltelijkGegrond,
    Ongegrond,
    NietOntvankelijk,
}

/// Grounds to decide without hearing (Awb 7:3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NietGehoord {
    KennelijkNietOntvankelijk,
    KennelijkOngegrond,
    AfgezienVanHoren,
    NietTijdigVerzocht,
    VolledigTegemoetgekomen,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeslissingOpBezwaar {
    pub datum: Spanned<NaiveDate>,
    pub oordeel: Spanned<Oordeel>,
    /// The reasons (Awb 7:12: a sound motivering).
    pub motivering: Spanned<String>,
    /// Set when there was no hearing: the Awb 7:3 ground.
    #[serde(default)]
    pub niet_gehoord: Option<Spanned<NietGehoord>>,
    /// Where to go in beroep (Awb 6:23, 8:7).
    pub rechtbank: Rechtbank,
    /// The dictum per part of the besluit (Awb 7:11).
    #[serde(default)]
    pub dictum: Vec<Spanned<Dictumdeel>>,
    /// Decision on a request to pay costs, if one was made.
    #[serde(default)]
    pub kosten: Option<String>,
    /// Advice of the committee, when one heard the bezwaar; deviating from it
    /// needs reasons (Awb 7:13 lid 7).
    #[serde(default)]
    pub afwijking_advies: Option<String>,
}

/// One part of the dictum: what the bezwaar against one part of the besluit
/// comes to. A gegrond part says what is herroepen and what replaces it
/// (Awb 7:11 lid 2).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dictumdeel {
    /// The part of the besluit, e.g. "de weigering van de politiegegevens".
    pub onderdeel: String,
    pub oordeel: Spanned<DeelOordeel>,
    /// What part of the besluit is herroepen (gegrond).
    #[serde(default)]
    pub herroepen: Option<String>,
    /// What replaces it (gegrond).
    #[serde(default)]
    pub vervangen_door: Option<String>,
    /// The date of the aanvullend besluit this part is about (Awb 6:19);
    /// absent: the contested besluit.
    #[serde(default)]
    pub aanvullend_besluit: Option<Spanned<NaiveDate>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeelOordeel {
    Gegrond,
    Ongegrond,
    NietOntvankelijk,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rechtbank {
    pub naam: String,
    pub adres: Spanned<Adres>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerzondenBezwaar {
    #[serde(default)]
    pub ontvangstbevestiging: Option<Spanned<NaiveDate>>,
}
