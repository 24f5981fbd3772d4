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
    /// must tell (art. 14 and 15 AVG; seed factsheet §1.1, §3.2).
    #[serde(default)]
    pub verwerking: Option<Spanned<Verwerking>>,
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
    pub categorieen: Vec<String>,
    pub ontvangers: Vec<String>,
    pub bewaartermijnen: String,
    pub bronnen: Vec<String>,
    /// Whether there is automated decision-making (art. 15(1)(h)).
    pub geautomatiseerde_besluitvorming: String,
    /// Transfers to third countries, if any (art. 15(2), 14(1)(f)).
    #[serde(default)]
    pub doorgifte: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisatie {
    pub naam: String,
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
    /// Reply term for the verzoek aan deelnemers, in days (seed factsheet
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

/// A loaded case, by kind.
#[derive(Debug, Clone)]
pub enum Case {
    AvgVerzoek(AvgVerzoek),
    Bezwaar(Bezwaar),
    WpgVerzoek(WpgVerzoek),
    Raadpleging(Raadpleging),
    Notificatie(Notificatie),
    Datalek(Datalek),
}

impl Case {
    pub fn kenmerk(&self) -> &Spanned<String> {
        match self {
            Case::AvgVerzoek(c) => &c.kenmerk,
            Case::Bezwaar(c) => &c.kenmerk,
            Case::WpgVerzoek(c) => &c.kenmerk,
            Case::Raadpleging(c) => &c.kenmerk,
            Case::Notificatie(c) => &c.kenmerk,
            Case::Datalek(c) => &c.kenmerk,
        }
    }

    pub fn soort(&self) -> &'static str {
        match self {
            Case::AvgVerzoek(_) => "avg-verzoek",
            Case::Bezwaar(_) => "bezwaar",
            Case::WpgVerzoek(_) => "wpg-verzoek",
            Case::Raadpleging(_) => "voorafgaande-raadpleging",
            Case::Notificatie(_) => "notificatie",
            Case::Datalek(_) => "datalek",
        }
    }

    /// The deelnemer ids the case names (checked against avgdoc.yaml).
    pub fn deelnemers(&self) -> &[Spanned<String>] {
        match self {
            Case::AvgVerzoek(c) => &c.deelnemers,
            Case::Bezwaar(c) => &c.deelnemers,
            Case::WpgVerzoek(c) => std::slice::from_ref(&c.afzender),
            Case::Raadpleging(_) => &[],
            Case::Notificatie(c) => &c.deelnemers,
            Case::Datalek(c) => &c.deelnemers,
        }
    }
}

/// The case kinds avgdoc knows, as written in `soort:`.
pub const KINDS: &[&str] = &[
    "avg-verzoek",
    "notificatie",
    "datalek",
    "bezwaar",
    "wpg-verzoek",
    "voorafgaande-raadpleging",
];

/// A personal data breach (art. 33–34 AVG; seed factsheet ch. 4, Bijlage B).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Datalek {
    pub soort: Spanned<String>,
    pub kenmerk: Spanned<String>,
    /// When the contactpunt became aware: RFC 3339, or local time in
    /// Europe/Amsterdam (`2026-11-03T10:30`).
    pub ontdekt_op: Spanned<String>,
    /// Confidentiality, integrity and/or availability (seed factsheet §4.2).
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

/// Informing a person whose case the samenwerkingsverband handles (art. 14
/// AVG; seed factsheet ch. 3).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notificatie {
    pub soort: Spanned<String>,
    pub kenmerk: Spanned<String>,
    pub betrokkene: Betrokkene,
    /// A complete aanmelding eligible for triage or weging was received:
    /// the joint processing started (seed factsheet §3.3).
    pub aanmelding_op: Spanned<NaiveDate>,
    /// Whether the case was taken on after triage (the two letter
    /// variants, seed factsheet §3.4, §3.7).
    pub in_behandeling: bool,
    /// The deelnemer that made the aanmelding.
    #[serde(default)]
    pub aanmelder: Option<Spanned<String>>,
    /// Withhold only the aanmelder's identity when that removes the risk,
    /// and give the rest (seed factsheet §3.6).
    #[serde(default)]
    pub aanmelder_afschermen: bool,
    #[serde(default)]
    pub deelnemers: Vec<Spanned<String>>,
    /// Exceptions recorded per deelnemer (seed factsheet §3.8; art. 14(5)
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
}

/// Exceptions to the art. 14 duty (seed factsheet §3.8, §1.8).
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
    pub verzonden: VerzondenBezwaar,
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WpgGegeven {
    pub soort: String,
    pub inhoud: String,
}

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

/// A bezwaar against a besluit of the contactpunt (Awb ch. 6–7; seed
/// AP-bezwaar; seed factsheet §2.9).
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
    /// Date the bezwaarschrift was received.
    pub ontvangen_op: Spanned<NaiveDate>,
    /// Date it was posted, if it came by post (Awb 6:9 lid 2).
    #[serde(default)]
    pub gepost_op: Option<Spanned<NaiveDate>>,
    /// For a bezwaar that may be late: the recorded decision whether the
    /// lateness is excusable (Awb 6:11).
    #[serde(default)]
    pub verschoonbaarheid: Option<String>,
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
    /// Decision on a request to pay costs, if one was made.
    #[serde(default)]
    pub kosten: Option<String>,
    /// Advice of the committee, when one heard the bezwaar; deviating from it
    /// needs reasons (Awb 7:13 lid 7).
    #[serde(default)]
    pub afwijking_advies: Option<String>,
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

/// A data-subject request under art. 15–21 AVG.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvgVerzoek {
    pub soort: Spanned<String>,
    /// Our reference; also the output folder name.
    pub kenmerk: Spanned<String>,
    /// The requester's own reference, if any.
    #[serde(default)]
    pub uw_kenmerk: Option<String>,
    pub betrokkene: Betrokkene,
    /// Date the request was received.
    pub ontvangen_op: Spanned<NaiveDate>,
    #[serde(default)]
    pub identiteit: Option<Spanned<Identiteit>>,
    pub rechten: Spanned<Vec<Spanned<Recht>>>,
    /// What the person asked, in our words (kept short; no special data).
    pub omschrijving: String,
    /// Ids of the deelnemers (from avgdoc.yaml) whose data are involved.
    #[serde(default)]
    pub deelnemers: Vec<Spanned<String>>,
    /// Name of the handling officer; default: the contactpunt.
    #[serde(default)]
    pub behandelaar: Option<String>,
    /// Dates on which letters were sent; a letter not listed here is a draft
    /// dated on the day of the run (`--datum`).
    #[serde(default)]
    pub verzonden: Verzonden,
    /// Date the final answer (besluit) was sent: the case is closed.
    #[serde(default)]
    pub afgehandeld_op: Option<Spanned<NaiveDate>>,
    /// The law the person invoked: `avg` (default), `woo-4.1` or `woo-5.5`.
    #[serde(default)]
    pub grondslag_verzoek: Option<Spanned<GrondslagVerzoek>>,
    /// Why a Woo request for one's own data is handled as an AVG request
    /// (seed factsheet §1.3, Bijlage A step 7); required for a Woo basis.
    #[serde(default)]
    pub woo_kwalificatie: Option<String>,
    /// The request came in through another body (Awb 2:3).
    #[serde(default)]
    pub doorgezonden: Option<Spanned<Doorgezonden>>,
    /// The term was extended (art. 12(3) AVG).
    #[serde(default)]
    pub verlenging: Option<Spanned<Verlenging>>,
    /// The decision on the request.
    #[serde(default)]
    pub besluit: Option<Spanned<Besluit>>,
    /// A decision after an exception lapsed (seed factsheet §2.6).
    #[serde(default)]
    pub aanvullend_besluit: Option<Spanned<AanvullendBesluit>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum GrondslagVerzoek {
    #[serde(rename = "avg")]
    Avg,
    #[serde(rename = "woo-4.1")]
    Woo41,
    #[serde(rename = "woo-5.5")]
    Woo55,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doorgezonden {
    /// The deelnemer that received the request first.
    pub door: Spanned<String>,
    /// The date that deelnemer received it.
    pub ontvangen_op: Spanned<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verlenging {
    /// Date of the verlengingsbrief.
    pub datum: Spanned<NaiveDate>,
    /// Why more time is needed (complexity, number of requests).
    pub redenen: Spanned<String>,
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
pub struct Besluit {
    pub datum: Spanned<NaiveDate>,
    pub beslissingen: Spanned<Vec<Spanned<Beslissing>>>,
    /// The copy of the data (art. 15(3) AVG): what we hold, per source.
    #[serde(default)]
    pub gegevens: Vec<GegevensRegel>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beslissing {
    pub recht: Spanned<Recht>,
    pub uitkomst: Spanned<Uitkomst>,
    /// What was done: corrected, erased, restricted, the weighing (art.
    /// 16–18, 21 AVG). Required for every right but inzage.
    #[serde(default)]
    pub toelichting: Option<String>,
    /// The exceptions that carry a (partial) refusal.
    #[serde(default)]
    pub uitzonderingen: Vec<Spanned<Uitzondering>>,
}

/// An exception invoked by a deelnemer (art. 41 UAVG jo. art. 23 AVG).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uitzondering {
    pub deelnemer: Spanned<String>,
    /// The ground, e.g. "artikel 41, eerste lid, onder i, UAVG (rechten en
    /// vrijheden van anderen)". Kept as data (legal.md U13).
    #[serde(default)]
    pub grond: Option<String>,
    /// The data it covers.
    #[serde(default)]
    pub gegevens: Option<String>,
    #[serde(default)]
    pub motivering: Option<String>,
}

/// One line of the copy of the data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GegevensRegel {
    /// Where the data come from: a deelnemer id.
    pub bron: Spanned<String>,
    /// What kind of data, e.g. "Adres".
    pub soort: String,
    /// The data as recorded.
    pub inhoud: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AanvullendBesluit {
    pub datum: Spanned<NaiveDate>,
    /// The deelnemer whose exception lapsed.
    pub deelnemer: Spanned<String>,
    /// Why the exception no longer applies.
    pub toelichting: String,
    /// The data now given.
    pub gegevens: Vec<GegevensRegel>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verzonden {
    #[serde(default)]
    pub identificatieverzoek: Option<Spanned<NaiveDate>>,
    #[serde(default)]
    pub ontvangstbevestiging: Option<Spanned<NaiveDate>>,
    /// Date the receiving deelnemer sent the doorzendbericht.
    #[serde(default)]
    pub doorzendbericht: Option<Spanned<NaiveDate>>,
    /// Date the verzoek aan deelnemers went out.
    #[serde(default)]
    pub verzoek_deelnemers: Option<Spanned<NaiveDate>>,
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identiteit {
    /// Date identity was established: the AVG term starts here (seed
    /// factsheet §2.5).
    pub vastgesteld_op: Spanned<NaiveDate>,
    pub methode: Methode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Methode {
    Digid,
    Balie,
    KopieId,
}

/// A right under art. 15–21 AVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Recht {
    Inzage,
    Rectificatie,
    Wissing,
    Beperking,
    Bezwaar,
}

impl Recht {
    /// How a letter names the right, with its article.
    pub fn describe(self) -> &'static str {
        match self {
            Recht::Inzage => "inzage in uw persoonsgegevens (artikel 15 AVG)",
            Recht::Rectificatie => "correctie van uw persoonsgegevens (artikel 16 AVG)",
            Recht::Wissing => "verwijdering van uw persoonsgegevens (artikel 17 AVG)",
            Recht::Beperking => {
                "beperking van het gebruik van uw persoonsgegevens (artikel 18 AVG)"
            }
            Recht::Bezwaar => "bezwaar tegen het gebruik van uw persoonsgegevens (artikel 21 AVG)",
        }
    }

    /// The same, for a reader who is not the requester.
    pub fn describe_neutral(self) -> &'static str {
        match self {
            Recht::Inzage => "inzage in de persoonsgegevens (artikel 15 AVG)",
            Recht::Rectificatie => "correctie van de persoonsgegevens (artikel 16 AVG)",
            Recht::Wissing => "verwijdering van de persoonsgegevens (artikel 17 AVG)",
            Recht::Beperking => {
                "beperking van het gebruik van de persoonsgegevens (artikel 18 AVG)"
            }
            Recht::Bezwaar => "bezwaar tegen het gebruik van de persoonsgegevens (artikel 21 AVG)",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Recht::Inzage => "inzage",
            Recht::Rectificatie => "rectificatie",
            Recht::Wissing => "wissing",
            Recht::Beperking => "beperking",
            Recht::Bezwaar => "bezwaar",
        }
    }
}
