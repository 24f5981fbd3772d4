//! The typed shapes of `avgdoc.yaml` and of the case files.
//!
//! Every struct rejects unknown keys (`deny_unknown_fields`): a misspelt key
//! is an error, never silently dropped. Every field a rule may blame is a
//! [`Spanned`], so a diagnostic can point at its line. No flattened or
//! untagged enums: they would lose the spans (typst-batch.md §2).

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

/// A value with the byte range of its YAML node. Wraps
/// `serde_saphyr::Spanned` so the rest of avgdoc does not depend on the
/// YAML crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Spanned { value, span }
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        // `referenced` is where the value is used; for an alias that is the
        // alias token, which is the line staff must look at.
        let span = s.referenced.span();
        let start = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        Ok(Spanned {
            value: s.value,
            span: start..start + len,
        })
    }
}

// ---------------------------------------------------------------------------
// avgdoc.yaml

/// `avgdoc.yaml`: the organisation that sends the letters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub organisatie: Organisatie,
    pub contactpunt: Contactpunt,
    pub fg: Fg,
    pub deelnemers: Vec<Deelnemer>,
    pub ondertekenaar: Ondertekenaar,
    #[serde(default)]
    pub logo: Option<Logo>,
    #[serde(default)]
    pub termijnen: Termijnen,
    /// The joint processing: what art. 15 inzage and the privacyverklaring
    /// must tell (art. 14 and 15 AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §1.1, §3.2).
    #[serde(default)]
    pub verwerking: Option<Spanned<Verwerking>>,
    /// Bounds on case files (untrusted input).
    #[serde(default)]
    pub grenzen: Grenzen,
    /// The pattern of a new kenmerk (`avgdoc new`), e.g. `ZVH-{jaar}-{nnnn}`:
    /// `{jaar}` is this year, `{nnnn}` the next free number (as many digits
    /// as `n`s). Default: [`DEFAULT_KENMERK_PATROON`].
    #[serde(default)]
    pub kenmerk_patroon: Option<Spanned<String>>,
}

/// The kenmerk pattern when `avgdoc.yaml` sets none.
pub const DEFAULT_KENMERK_PATROON: &str = "ZVH-{jaar}-{nnnn}";

/// Bounds on a case file: the file, every text value, and the text after
/// alias expansion.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grenzen {
    /// Largest case file, in bytes.
    #[serde(default = "default_bestand_bytes")]
    pub bestand_bytes: u64,
    /// Longest text value, in characters.
    #[serde(default = "default_veld_tekens")]
    pub veld_tekens: usize,
    /// Most scalar text after expanding aliases, in bytes.
    #[serde(default = "default_totaal_bytes")]
    pub totaal_bytes: usize,
}

impl Default for Grenzen {
    fn default() -> Self {
        Grenzen {
            bestand_bytes: default_bestand_bytes(),
            veld_tekens: default_veld_tekens(),
            totaal_bytes: default_totaal_bytes(),
        }
    }
}

fn default_bestand_bytes() -> u64 {
    1 << 20
}

fn default_veld_tekens() -> usize {
    100_000
}

fn default_totaal_bytes() -> usize {
    4 << 20
}

/// The joint processing of the samenwerkingsverband.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verwerking {
    /// Date this description was adopted: the version date of the
    /// privacyverklaring (default: the run date).
    #[serde(default)]
    pub vastgesteld_op: Option<NaiveDate>,
    /// The shared system, e.g. "KeDo".
    #[serde(default)]
    pub systeem: Option<String>,
    /// Legal basis (art. 6 AVG and the WGS).
    pub grondslag: String,
    pub doelen: Vec<String>,
    pub categorieen: Spanned<Vec<String>>,
    pub ontvangers: Vec<String>,
    pub bewaartermijnen: String,
    pub bronnen: Vec<String>,
    /// Whether there is automated decision-making (art. 15(1)(h)).
    pub geautomatiseerde_besluitvorming: String,
    /// Transfers to third countries, if any (art. 15(2), 14(1)(f)).
    #[serde(default)]
    pub doorgifte: Option<String>,
    /// The basis for special categories of data (art. 9 lid 2 AVG and the
    /// UAVG), required when `categorieen` lists such data (PRIVACY-02).
    #[serde(default)]
    pub grondslag_bijzondere_gegevens: Option<Spanned<String>>,
    /// The basis for criminal data (art. 10 AVG and the UAVG), required when
    /// `categorieen` lists such data (PRIVACY-02).
    #[serde(default)]
    pub grondslag_strafrechtelijke_gegevens: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisatie {
    pub naam: String,
    /// The bestuursorgaan that takes the contactpunt's besluiten, e.g. "het
    /// college van burgemeester en wethouders van Rivierstad": the
    /// rechtsmiddelenclausule names it (Awb 3:45, 6:4). Without it, the
    /// clause names the contactpunt.
    #[serde(default)]
    pub bestuursorgaan: Option<String>,
    /// Visiting address, shown in the footer.
    #[serde(default)]
    pub bezoekadres: Option<Spanned<Adres>>,
    #[serde(default)]
    pub website: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contactpunt {
    pub naam: String,
    /// Postal address: where people send post and bezwaar.
    pub postadres: Spanned<Adres>,
    pub telefoon: String,
    /// When the phone is answered, e.g. "op werkdagen van 9.00 tot 17.00 uur".
    #[serde(default)]
    pub bereikbaar: Option<String>,
    pub email: String,
}

/// The functionaris gegevensbescherming.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fg {
    pub naam: String,
    pub email: String,
    #[serde(default)]
    pub telefoon: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deelnemer {
    pub id: Spanned<String>,
    pub naam: String,
    /// Whether the deelnemer is a public body (overheidsdeelnemer).
    pub overheid: bool,
    /// Postal address for letters to the deelnemer.
    #[serde(default)]
    pub adres: Option<Spanned<Adres>>,
    /// Department or person letters go to, e.g. "t.a.v. de privacy officer".
    #[serde(default)]
    pub ter_attentie: Option<String>,
    /// The bestuursorgaan that takes the deelnemer's besluiten, e.g. "de
    /// korpschef van politie" (Awb 1:1, 6:4; required for the afzender of a
    /// `wpg-verzoek`).
    #[serde(default)]
    pub bestuursorgaan: Option<String>,
    /// Where bezwaar against its besluiten goes (Awb 3:45, 6:4).
    #[serde(default)]
    pub bezwaar_postadres: Option<Spanned<Adres>>,
    /// The privacy officer people can ask questions ("Heeft u vragen?").
    #[serde(default)]
    pub privacy_officer: Option<PrivacyOfficer>,
    /// Who signs the besluiten taken in its name: name, function and the
    /// mandate line (Awb 10:10).
    #[serde(default)]
    pub ondertekenaar: Option<Ondertekenaar>,
}

/// A deelnemer's privacy officer: the contact for questions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyOfficer {
    /// Name or function shown as "Behandeld door", e.g. "de privacy officer".
    #[serde(default)]
    pub naam: Option<String>,
    pub telefoon: String,
    pub email: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ondertekenaar {
    pub naam: String,
    pub functie: String,
    /// Mandate line, e.g. "Namens het college van burgemeester en wethouders
    /// van Rivierstad," (Awb 10:10).
    #[serde(default)]
    pub mandaat: Option<String>,
}

/// A logo file inside `templates/`, with its alternative text (PDF/UA).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    pub bestand: Spanned<String>,
    pub alt: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termijnen {
    /// A deadline within this many working days is a warning (legal.md §2).
    #[serde(default = "default_warning_days")]
    pub waarschuwing_werkdagen: u32,
    /// Reply term for the verzoek aan deelnemers, in days (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS)
    /// Bijlage A step 5: "bijvoorbeeld twee weken").
    #[serde(default = "default_deelnemers_dagen")]
    pub deelnemers_dagen: u32,
    /// Re-check interval of an art. 41 UAVG exception, in months (seed
    /// factsheet §1.8; legal.md HERCONTROLE-01).
    #[serde(default = "default_hercontrole_maanden")]
    pub hercontrole_maanden: u32,
    /// Warn when data subjects are not informed this many hours after
    /// awareness of a breach (art. 34(1) AVG: "onverwijld").
    #[serde(default = "default_datalek_uren")]
    pub datalek_betrokkenen_uren: u32,
}

impl Default for Termijnen {
    fn default() -> Self {
        Termijnen {
            waarschuwing_werkdagen: default_warning_days(),
            deelnemers_dagen: default_deelnemers_dagen(),
            hercontrole_maanden: default_hercontrole_maanden(),
            datalek_betrokkenen_uren: default_datalek_uren(),
        }
    }
}

fn default_deelnemers_dagen() -> u32 {
    14
}

fn default_hercontrole_maanden() -> u32 {
    3
}

fn default_datalek_uren() -> u32 {
    72
}

fn default_warning_days() -> u32 {
    5
}

/// A postal address: street and number, or a postbus; postcode and town.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adres {
    #[serde(default)]
    pub straat: Option<String>,
    /// The short street name of the BAG ("korte naam", NEN 5825, at most 24
    /// positions), used on the envelope when the full name with the house
    /// number does not fit on one line.
    #[serde(default)]
    pub straat_kort: Option<String>,
    #[serde(default)]
    pub huisnummer: Option<String>,
    #[serde(default)]
    pub postbus: Option<String>,
    pub postcode: Spanned<String>,
    pub plaats: String,
    /// Only for addresses abroad.
    #[serde(default)]
    pub land: Option<String>,
}

// ---------------------------------------------------------------------------
// Case files

/// Just enough of a case file to know its kind.
#[derive(Debug, Deserialize)]
pub struct Probe {
    pub soort: Spanned<String>,
}

/// Outcome of one requested right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Uitkomst {
    Toegewezen,
    Gedeeltelijk,
    Afgewezen,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Betrokkene {
    #[serde(default)]
    pub voorletters: Option<String>,
    #[serde(default)]
    pub tussenvoegsel: Option<String>,
    pub achternaam: String,
    /// How to address the person: `heer`, `mevrouw` or `onbekend` (default;
    /// gender is never inferred from a name).
    #[serde(default)]
    pub aanspreekvorm: Aanspreekvorm,
    pub adres: Spanned<Adres>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aanspreekvorm {
    Heer,
    Mevrouw,
    #[default]
    Onbekend,
}
