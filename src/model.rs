//! The typed shapes of `avgdoc.yaml` and of the case files.
//!
//! Every struct rejects unknown keys (`deny_unknown_fields`): a misspelt key
//! is an error, never silently dropped. Every field a rule may blame is a
//! [`Spanned`], so a diagnostic can point at its line. No flattened or
//! untagged enums: they would lose the spans (typst-batch.md §2).

use std::ops::Range;

use chrono::NaiveDate;
use schemars::JsonSchema;
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
    /// Two readers hand over the span: [`crate::typed`] (a case file, read
    /// from its guarded tree) answers the newtype name [`crate::typed::SPANNED`]
    /// with the span and the value as a sequence; serde-saphyr (`avgdoc.yaml`,
    /// the guard's tree itself) does not know that name and hands over its
    /// own deserializer, which `serde_saphyr::Spanned` reads.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpannedVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for SpannedVisitor<T> {
            type Value = Spanned<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Spanned<T>, A::Error> {
                use serde::de::Error;
                let missing = || A::Error::custom("span without a value");
                let start: usize = seq.next_element()?.ok_or_else(missing)?;
                let end: usize = seq.next_element()?.ok_or_else(missing)?;
                let value: T = seq.next_element()?.ok_or_else(missing)?;
                Ok(Spanned::new(value, start..end))
            }

            fn visit_newtype_struct<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Spanned<T>, D::Error> {
                let s = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
                // `referenced` is where the value is used; for an alias that
                // is the alias token, which is the line staff must look at.
                let span = s.referenced.span();
                let start = span.byte_offset().unwrap_or(0) as usize;
                let len = span.byte_len().unwrap_or(0) as usize;
                Ok(Spanned::new(s.value, start..start + len))
            }
        }

        deserializer.deserialize_newtype_struct(
            crate::typed::SPANNED,
            SpannedVisitor(std::marker::PhantomData),
        )
    }
}

/// The schema of a `Spanned<T>` is that of `T`: the span is where the value
/// sits in the file, not part of it.
impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

// ---------------------------------------------------------------------------
// avgdoc.yaml

/// `avgdoc.yaml`: the organisation that sends the letters.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[schemars(extend("nl" = "De organisatie die de brieven verstuurt (het samenwerkingsverband)."))]
    pub organisatie: Organisatie,
    #[schemars(extend("nl" = "Het contactpunt: waar mensen terechtkunnen met vragen, verzoeken en bezwaar."))]
    pub contactpunt: Contactpunt,
    #[schemars(extend("nl" = "De functionaris gegevensbescherming (FG)."))]
    pub fg: Fg,
    #[schemars(extend("nl" = "De organisaties in het samenwerkingsverband. Zaken noemen een deelnemer met zijn `id`."))]
    pub deelnemers: Vec<Deelnemer>,
    #[schemars(extend("nl" = "Wie de brieven ondertekent."))]
    pub ondertekenaar: Ondertekenaar,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: een logo in templates/, met een beschrijving voor schermlezers."))]
    pub logo: Option<Logo>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: instellingen van de termijnen. Zonder dit blok gelden de standaardwaarden."))]
    pub termijnen: Termijnen,
    /// The joint processing: what art. 15 inzage and the privacyverklaring
    /// must tell (art. 14 and 15 AVG; factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §1.1, §3.2).
    #[serde(default)]
    #[schemars(extend("nl" = "De gezamenlijke verwerking: wat de privacyverklaring en een besluit op een inzageverzoek moeten vertellen (art. 14 en 15 AVG)."))]
    pub verwerking: Option<Spanned<Verwerking>>,
    /// Bounds on case files (untrusted input).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: grenzen aan zaakbestanden (omvang, lengte van een tekst). Zonder dit blok gelden de standaardwaarden."))]
    pub grenzen: Grenzen,
    /// The pattern of a new kenmerk (`avgdoc new`), e.g. `ZVH-{jaar}-{nnnn}`:
    /// `{jaar}` is this year, `{nnnn}` the next free number (as many digits
    /// as `n`s). Default: [`DEFAULT_KENMERK_PATROON`].
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het kenmerk van een nieuwe zaak (`avgdoc new`). {jaar} is dit jaar, {nnnn} het volgende vrije nummer (zoveel cijfers als n's). Standaard: ZVH-{jaar}-{nnnn}."))]
    pub kenmerk_patroon: Option<Spanned<String>>,
}

/// The kenmerk pattern when `avgdoc.yaml` sets none.
pub const DEFAULT_KENMERK_PATROON: &str = "ZVH-{jaar}-{nnnn}";

/// Bounds on a case file: the file, every text value, and the text after
/// alias expansion.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grenzen {
    /// Largest case file, in bytes.
    #[serde(default = "default_bestand_bytes")]
    #[schemars(extend("nl" = "Het grootste zaakbestand, in bytes (standaard 1048576). Een groter bestand wordt niet gelezen (GROOTTE-01)."))]
    pub bestand_bytes: u64,
    /// Longest text value, in characters.
    #[serde(default = "default_veld_tekens")]
    #[schemars(extend("nl" = "De langste tekst in een zaakbestand, in tekens (standaard 100000; GROOTTE-02)."))]
    pub veld_tekens: usize,
    /// Most scalar text after expanding aliases, in bytes.
    #[serde(default = "default_totaal_bytes")]
    #[schemars(extend("nl" = "Alle tekst van een zaakbestand na het uitvouwen van aliassen, in bytes (standaard 4194304; GROOTTE-03)."))]
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verwerking {
    /// Date this description was adopted: the version date of the
    /// privacyverklaring (default: the run date).
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop deze beschrijving is vastgesteld: de versiedatum van de privacyverklaring (JJJJ-MM-DD). Zonder datum: de dag van de run."))]
    pub vastgesteld_op: Option<NaiveDate>,
    /// The shared system, e.g. "KeDo".
    #[serde(default)]
    #[schemars(extend("nl" = "Het gezamenlijke systeem, bijvoorbeeld: het casusregistratiesysteem KeDo."))]
    pub systeem: Option<String>,
    /// Legal basis (art. 6 AVG and the WGS).
    #[schemars(extend("nl" = "De grondslag van de verwerking (art. 6 AVG en de wet waarop het samenwerkingsverband rust)."))]
    pub grondslag: String,
    #[schemars(extend("nl" = "De doelen van de verwerking, elk als een zin."))]
    pub doelen: Vec<String>,
    #[schemars(extend("nl" = "De soorten persoonsgegevens. Staan er gezondheids- of strafrechtelijke gegevens bij, vul dan ook de grondslag daarvoor in (PRIVACY-02)."))]
    pub categorieen: Spanned<Vec<String>>,
    #[schemars(extend("nl" = "Wie de gegevens ontvangen."))]
    pub ontvangers: Vec<String>,
    #[schemars(extend("nl" = "Hoe lang de gegevens worden bewaard."))]
    pub bewaartermijnen: String,
    #[schemars(extend("nl" = "Waar de gegevens vandaan komen."))]
    pub bronnen: Vec<String>,
    /// Whether there is automated decision-making (art. 15(1)(h)).
    #[schemars(extend("nl" = "Of er geautomatiseerde besluitvorming is, bijvoorbeeld: Nee. Alle besluiten worden door mensen genomen."))]
    pub geautomatiseerde_besluitvorming: String,
    /// Transfers to third countries, if any (art. 15(2), 14(1)(f)).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: doorgifte van gegevens buiten de Europese Unie."))]
    pub doorgifte: Option<String>,
    /// The basis for special categories of data (art. 9 lid 2 AVG and the
    /// UAVG), required when `categorieen` lists such data (PRIVACY-02).
    #[serde(default)]
    #[schemars(extend("nl" = "De grondslag voor bijzondere persoonsgegevens, zoals gezondheid (art. 9 lid 2 AVG en de UAVG). Verplicht als `categorieen` zulke gegevens noemt (PRIVACY-02)."))]
    pub grondslag_bijzondere_gegevens: Option<Spanned<String>>,
    /// The basis for criminal data (art. 10 AVG and the UAVG), required when
    /// `categorieen` lists such data (PRIVACY-02).
    #[serde(default)]
    #[schemars(extend("nl" = "De grondslag voor strafrechtelijke gegevens (art. 10 AVG en de UAVG). Verplicht als `categorieen` zulke gegevens noemt (PRIVACY-02)."))]
    pub grondslag_strafrechtelijke_gegevens: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisatie {
    #[schemars(extend("nl" = "De naam van het samenwerkingsverband, bovenaan elke brief."))]
    pub naam: String,
    /// The bestuursorgaan that takes the contactpunt's besluiten, e.g. "het
    /// college van burgemeester en wethouders van Rivierstad": the
    /// rechtsmiddelenclausule names it (Awb 3:45, 6:4). Without it, the
    /// clause names the contactpunt.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: wie de besluiten neemt, bijvoorbeeld: het college van burgemeester en wethouders van Rivierstad. De bezwaarclausule noemt het (Awb 6:4); zonder dit veld noemt die het contactpunt."))]
    pub bestuursorgaan: Option<String>,
    /// Visiting address, shown in the footer.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het bezoekadres, onderaan elke brief."))]
    pub bezoekadres: Option<Spanned<Adres>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de website, bijvoorbeeld www.voorbeeld.nl."))]
    pub website: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contactpunt {
    #[schemars(extend("nl" = "De naam van het contactpunt, bijvoorbeeld: Contactpunt Privacy Zorg- en Veiligheidshuis Rivierenland."))]
    pub naam: String,
    /// Postal address: where people send post and bezwaar.
    #[schemars(extend("nl" = "Het postadres: waar mensen post en bezwaar naartoe sturen. Een postbus, of straat en huisnummer."))]
    pub postadres: Spanned<Adres>,
    #[schemars(extend("nl" = "Het telefoonnummer van het contactpunt."))]
    pub telefoon: String,
    /// When the phone is answered, e.g. "op werkdagen van 9.00 tot 17.00 uur".
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: wanneer de telefoon wordt opgenomen, bijvoorbeeld: op werkdagen van 9.00 tot 17.00 uur."))]
    pub bereikbaar: Option<String>,
    #[schemars(extend("nl" = "Het e-mailadres van het contactpunt."))]
    pub email: String,
}

/// The functionaris gegevensbescherming.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fg {
    #[schemars(extend("nl" = "De naam van de functionaris gegevensbescherming."))]
    pub naam: String,
    #[schemars(extend("nl" = "Het e-mailadres van de functionaris gegevensbescherming."))]
    pub email: String,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het telefoonnummer van de functionaris gegevensbescherming."))]
    pub telefoon: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deelnemer {
    #[schemars(extend("nl" = "De korte naam waarmee zaken de deelnemer noemen: kleine letters, cijfers en koppeltekens, bijvoorbeeld gemeente-rivierstad."))]
    pub id: Spanned<String>,
    #[schemars(extend("nl" = "De naam zoals die in een brief staat, bijvoorbeeld Gemeente Rivierstad."))]
    pub naam: String,
    /// Whether the deelnemer is a public body (overheidsdeelnemer).
    #[schemars(extend("nl" = "true voor een overheidsorgaan, anders false."))]
    pub overheid: bool,
    /// Postal address for letters to the deelnemer.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het postadres voor brieven aan deze deelnemer."))]
    pub adres: Option<Spanned<Adres>>,
    /// Department or person letters go to, e.g. "t.a.v. de privacy officer".
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de afdeling of persoon voor de brieven, bijvoorbeeld: t.a.v. de functionaris gegevensbescherming."))]
    pub ter_attentie: Option<String>,
    /// The bestuursorgaan that takes the deelnemer's besluiten, e.g. "de
    /// korpschef van politie" (Awb 1:1, 6:4; required for the afzender of a
    /// `wpg-verzoek`).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: wie namens de deelnemer besluit, bijvoorbeeld: de korpschef van politie. Verplicht voor de afzender van een wpg-verzoek (WPG-04)."))]
    pub bestuursorgaan: Option<String>,
    /// Where bezwaar against its besluiten goes (Awb 3:45, 6:4).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: waar bezwaar tegen de besluiten van deze deelnemer naartoe gaat (Awb 6:4)."))]
    pub bezwaar_postadres: Option<Spanned<Adres>>,
    /// The privacy officer people can ask questions ("Heeft u vragen?").
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de privacy officer bij wie mensen met vragen terechtkunnen."))]
    pub privacy_officer: Option<PrivacyOfficer>,
    /// Who signs the besluiten taken in its name: name, function and the
    /// mandate line (Awb 10:10).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: wie de besluiten namens deze deelnemer ondertekent."))]
    pub ondertekenaar: Option<Ondertekenaar>,
}

/// A deelnemer's privacy officer: the contact for questions.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrivacyOfficer {
    /// Name or function shown as "Behandeld door", e.g. "de privacy officer".
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: naam of functie onder \"Behandeld door\", bijvoorbeeld: de privacy officer."))]
    pub naam: Option<String>,
    #[schemars(extend("nl" = "Het telefoonnummer van de privacy officer."))]
    pub telefoon: String,
    #[schemars(extend("nl" = "Het e-mailadres van de privacy officer."))]
    pub email: String,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ondertekenaar {
    #[schemars(extend("nl" = "De naam van de ondertekenaar, bijvoorbeeld A. Jansen."))]
    pub naam: String,
    #[schemars(extend("nl" = "De functie van de ondertekenaar, bijvoorbeeld: coördinator Contactpunt Privacy."))]
    pub functie: String,
    /// Mandate line, e.g. "Namens het college van burgemeester en wethouders
    /// van Rivierstad," (Awb 10:10).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de mandaatregel boven de handtekening, bijvoorbeeld: Namens het college van burgemeester en wethouders van Rivierstad, (Awb 10:10)."))]
    pub mandaat: Option<String>,
}

/// A logo file inside `templates/`, with its alternative text (PDF/UA).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    #[schemars(extend("nl" = "Het logobestand in templates/, bijvoorbeeld logo.svg."))]
    pub bestand: Spanned<String>,
    #[schemars(extend("nl" = "De beschrijving van het logo voor schermlezers, bijvoorbeeld: Logo Zorg- en Veiligheidshuis Rivierenland."))]
    pub alt: String,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Termijnen {
    /// A deadline within this many working days is a warning (legal.md §2).
    #[serde(default = "default_warning_days")]
    #[schemars(extend("nl" = "Een termijn die binnen zoveel werkdagen verloopt, geeft een waarschuwing (standaard 5)."))]
    pub waarschuwing_werkdagen: u32,
    /// Reply term for the verzoek aan deelnemers, in days (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS)
    /// Bijlage A step 5: "bijvoorbeeld twee weken").
    #[serde(default = "default_deelnemers_dagen")]
    #[schemars(extend("nl" = "De reactietermijn van het verzoek aan deelnemers, in dagen (standaard 14)."))]
    pub deelnemers_dagen: u32,
    /// Re-check interval of an art. 41 UAVG exception, in months (seed
    /// factsheet §1.8; legal.md HERCONTROLE-01).
    #[serde(default = "default_hercontrole_maanden")]
    #[schemars(extend("nl" = "Na zoveel maanden wordt een uitzondering op grond van art. 41 UAVG opnieuw bekeken (standaard 3)."))]
    pub hercontrole_maanden: u32,
    /// Warn when data subjects are not informed this many hours after
    /// awareness of a breach (art. 34(1) AVG: "onverwijld").
    #[serde(default = "default_datalek_uren")]
    #[schemars(extend("nl" = "Waarschuw als de betrokkenen van een datalek zoveel uur na de ontdekking nog niet zijn geïnformeerd (standaard 72)."))]
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Adres {
    #[serde(default)]
    #[schemars(extend("nl" = "De straatnaam (of gebruik `postbus`)."))]
    pub straat: Option<String>,
    /// The short street name of the BAG ("korte naam", NEN 5825, at most 24
    /// positions), used on the envelope when the full name with the house
    /// number does not fit on one line.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de korte straatnaam uit de BAG (NEN 5825, ten hoogste 24 posities). De brief gebruikt die als straat en huisnummer samen niet op één regel passen."))]
    pub straat_kort: Option<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Het huisnummer met toevoeging, tussen aanhalingstekens als het alleen cijfers zijn: \"12\"."))]
    pub huisnummer: Option<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Het nummer van de postbus (in plaats van straat en huisnummer), tussen aanhalingstekens: \"1234\"."))]
    pub postbus: Option<String>,
    #[schemars(extend("nl" = "De postcode, bijvoorbeeld 1234 AB."))]
    pub postcode: Spanned<String>,
    #[schemars(extend("nl" = "De woonplaats of vestigingsplaats."))]
    pub plaats: String,
    /// Only for addresses abroad.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het land, alleen bij een adres in het buitenland."))]
    pub land: Option<String>,
}

// ---------------------------------------------------------------------------
// Case files

/// Outcome of one requested right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Uitkomst {
    Toegewezen,
    Gedeeltelijk,
    Afgewezen,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Betrokkene {
    #[serde(default)]
    #[schemars(extend("nl" = "De voorletters, bijvoorbeeld J."))]
    pub voorletters: Option<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het tussenvoegsel, bijvoorbeeld van den."))]
    pub tussenvoegsel: Option<String>,
    #[schemars(extend("nl" = "De achternaam, zonder tussenvoegsel."))]
    pub achternaam: String,
    /// How to address the person: `heer`, `mevrouw` or `onbekend` (default;
    /// gender is never inferred from a name).
    #[serde(default)]
    #[schemars(extend("nl" = "Hoe de brief de persoon aanspreekt: heer, mevrouw of onbekend (standaard). Raad nooit naar de naam."))]
    pub aanspreekvorm: Aanspreekvorm,
    #[schemars(extend("nl" = "Het postadres voor de brieven."))]
    pub adres: Spanned<Adres>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Aanspreekvorm {
    Heer,
    Mevrouw,
    #[default]
    Onbekend,
}
