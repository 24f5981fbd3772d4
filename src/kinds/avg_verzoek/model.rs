//! The YAML shape of a `avg-verzoek` case file.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::model::{Aanspreekvorm, Adres, Betrokkene, Spanned, Uitkomst};

/// A data-subject request under art. 15–21 AVG.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AvgVerzoek {
    #[schemars(extend("nl" = "De soort zaak; niet wijzigen."))]
    pub soort: Spanned<String>,
    /// Our reference; also the output folder name.
    #[schemars(extend("nl" = "Ons kenmerk van de zaak; ook de map van de documenten in output/. Letters, cijfers, `.`, `-` en `_`, ten hoogste 64 tekens."))]
    pub kenmerk: Spanned<String>,
    /// The requester's own reference, if any.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het kenmerk van de afzender zelf; de brieven noemen het als \"Uw kenmerk\"."))]
    pub uw_kenmerk: Option<String>,
    #[schemars(extend("nl" = "De persoon om wiens gegevens het gaat."))]
    pub betrokkene: Betrokkene,
    /// Someone who makes the request for the betrokkene: letters about the
    /// request go to this person.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: wie het verzoek namens de betrokkene doet (een gemachtigde, een ouder met gezag, een voogd, curator of mentor). De brieven over het verzoek gaan naar deze persoon."))]
    pub vertegenwoordiger: Option<Spanned<Vertegenwoordiger>>,
    /// Date the request was received.
    #[schemars(extend("nl" = "Datum waarop het verzoek binnenkwam (JJJJ-MM-DD); hier begint de termijn van een maand."))]
    pub ontvangen_op: Spanned<NaiveDate>,
    #[serde(default)]
    #[schemars(extend("nl" = "Wanneer en hoe de identiteit is vastgesteld. Zonder dit blok gaat er een identificatieverzoek uit en loopt de termijn niet."))]
    pub identiteit: Option<Spanned<Identiteit>>,
    #[schemars(extend("nl" = "De gevraagde rechten, een of meer van: inzage, rectificatie, wissing, beperking, bezwaar."))]
    pub rechten: Spanned<Vec<Spanned<Recht>>>,
    /// What the person asked, in our words (kept short; no special data).
    #[schemars(extend("nl" = "Wat de persoon vraagt, kort en in eigen woorden (geen bijzondere gegevens)."))]
    pub omschrijving: String,
    /// Ids of the deelnemers (from avgdoc.yaml) whose data are involved.
    #[serde(default)]
    #[schemars(extend("nl" = "De ids uit avgdoc.yaml van de deelnemers met gegevens; elk krijgt een verzoek aan deelnemer."))]
    pub deelnemers: Vec<Spanned<String>>,
    /// Name of the handling officer; default: the contactpunt.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de naam van de behandelaar onder \"Behandeld door\". Standaard: het contactpunt."))]
    pub behandelaar: Option<String>,
    /// Dates on which letters were sent; a letter not listed here is a draft
    /// dated on the day of the run (`--datum`).
    #[serde(default)]
    #[schemars(extend("nl" = "De data waarop brieven zijn verstuurd. Een brief die hier niet staat, is een concept met de datum van de run."))]
    pub verzonden: Verzonden,
    /// Date the final answer (besluit) was sent: the case is closed.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: datum waarop de zaak is afgehandeld. Standaard sluit de datum van het besluit de zaak."))]
    pub afgehandeld_op: Option<Spanned<NaiveDate>>,
    /// The law the person invoked: `avg` (default), `woo-4.1` or `woo-5.5`.
    #[serde(default)]
    #[schemars(extend("nl" = "De wet waarop de persoon zich beroept: avg (standaard), woo-4.1 of woo-5.5."))]
    pub grondslag_verzoek: Option<Spanned<GrondslagVerzoek>>,
    /// Why a Woo request for one's own data is handled as an AVG request
    /// (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §1.3, Bijlage A step 7); required for a Woo basis.
    #[serde(default)]
    #[schemars(extend("nl" = "Waarom een Woo-verzoek om eigen gegevens als AVG-verzoek wordt behandeld; verplicht bij een Woo-grondslag (WOO-01)."))]
    pub woo_kwalificatie: Option<String>,
    /// The request came in through another body (Awb 2:3).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het verzoek kwam binnen via een andere organisatie en is doorgezonden (Awb 2:3)."))]
    pub doorgezonden: Option<Spanned<Doorgezonden>>,
    /// The term was extended (art. 12(3) AVG).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: de termijn is verlengd (art. 12 lid 3 AVG); de verlengingsbrief moet binnen de eerste maand uit."))]
    pub verlenging: Option<Spanned<Verlenging>>,
    /// The decision on the request.
    #[serde(default)]
    #[schemars(extend("nl" = "Het besluit op het verzoek."))]
    pub besluit: Option<Spanned<Besluit>>,
    /// A decision after an exception lapsed (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §2.6).
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: een aanvullend besluit, nadat een uitzondering is vervallen: de gegevens volgen alsnog."))]
    pub aanvullend_besluit: Option<Spanned<AanvullendBesluit>>,
}

/// The person who acts for the betrokkene: a gemachtigde (art. 3:60 BW) or a
/// wettelijk vertegenwoordiger (a parent with gezag, a voogd, a curator, a
/// mentor).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vertegenwoordiger {
    #[schemars(extend("nl" = "In welke hoedanigheid: gemachtigde, ouder, voogd, curator of mentor."))]
    pub hoedanigheid: Spanned<Hoedanigheid>,
    #[serde(default)]
    #[schemars(extend("nl" = "De voorletters van de vertegenwoordiger."))]
    pub voorletters: Option<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het tussenvoegsel van de vertegenwoordiger."))]
    pub tussenvoegsel: Option<String>,
    #[schemars(extend("nl" = "De achternaam van de vertegenwoordiger, zonder tussenvoegsel."))]
    pub achternaam: String,
    #[serde(default)]
    #[schemars(extend("nl" = "Hoe de brief de vertegenwoordiger aanspreekt: heer, mevrouw of onbekend (standaard)."))]
    pub aanspreekvorm: Aanspreekvorm,
    #[schemars(extend("nl" = "Het postadres van de vertegenwoordiger: daar gaan de brieven heen."))]
    pub adres: Spanned<Adres>,
    /// The proof of the authority, as a letter names it, e.g. "een
    /// schriftelijke machtiging van 2 oktober 2026".
    #[serde(default)]
    #[schemars(extend("nl" = "Het bewijs van de vertegenwoordiging zoals een brief het noemt, bijvoorbeeld: een schriftelijke machtiging van 2 oktober 2026. Verplicht zodra `identiteit` is ingevuld (AVG-VERTEGENW-01)."))]
    pub bewijs: Option<Spanned<String>>,
}

impl Vertegenwoordiger {
    /// The representative as a person to address (same naming rules as a
    /// betrokkene).
    pub fn persoon(&self) -> Betrokkene {
        Betrokkene {
            voorletters: self.voorletters.clone(),
            tussenvoegsel: self.tussenvoegsel.clone(),
            achternaam: self.achternaam.clone(),
            aanspreekvorm: self.aanspreekvorm,
            adres: self.adres.clone(),
        }
    }
}

/// In what capacity a representative acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Hoedanigheid {
    /// Authorised in writing by the betrokkene (art. 3:60 BW).
    Gemachtigde,
    /// A parent with gezag over a minor (art. 1:245 BW).
    Ouder,
    /// A guardian of a minor (art. 1:337 BW).
    Voogd,
    /// The curator of a person under curatele (art. 1:381 BW).
    Curator,
    /// The mentor of an adult (art. 1:453 BW).
    Mentor,
}

impl Hoedanigheid {
    pub fn id(self) -> &'static str {
        match self {
            Hoedanigheid::Gemachtigde => "gemachtigde",
            Hoedanigheid::Ouder => "ouder",
            Hoedanigheid::Voogd => "voogd",
            Hoedanigheid::Curator => "curator",
            Hoedanigheid::Mentor => "mentor",
        }
    }

    /// The capacity in a sentence: "… namens X, als ouder met gezag".
    pub fn rol(self) -> &'static str {
        match self {
            Hoedanigheid::Gemachtigde => "gemachtigde",
            Hoedanigheid::Ouder => "ouder met gezag",
            Hoedanigheid::Voogd => "voogd",
            Hoedanigheid::Curator => "curator",
            Hoedanigheid::Mentor => "mentor",
        }
    }

    /// The usual proof, for staff.
    pub fn bewijs_voorbeeld(self) -> &'static str {
        match self {
            Hoedanigheid::Gemachtigde => "een schriftelijke machtiging van de betrokkene",
            Hoedanigheid::Ouder => "een uittreksel uit het gezagsregister",
            Hoedanigheid::Voogd | Hoedanigheid::Curator | Hoedanigheid::Mentor => {
                "de beslissing van de rechter die de vertegenwoordiger benoemde"
            }
        }
    }

    /// The proof a letter asks for, in plain words.
    pub fn bewijs_gevraagd(self) -> &'static str {
        match self {
            Hoedanigheid::Gemachtigde => {
                "een machtiging, getekend door de persoon voor wie u het verzoek doet, met de datum en waarvoor de machtiging geldt"
            }
            Hoedanigheid::Ouder => {
                "een bewijs dat u het gezag over uw kind heeft, bijvoorbeeld een uittreksel uit het gezagsregister"
            }
            Hoedanigheid::Voogd => "de beslissing van de rechter waarin u voogd bent benoemd",
            Hoedanigheid::Curator => "de beslissing van de rechter waarin u curator bent benoemd",
            Hoedanigheid::Mentor => "de beslissing van de rechter waarin u mentor bent benoemd",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum GrondslagVerzoek {
    #[serde(rename = "avg")]
    Avg,
    #[serde(rename = "woo-4.1")]
    Woo41,
    #[serde(rename = "woo-5.5")]
    Woo55,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Doorgezonden {
    /// The deelnemer that received the request first.
    #[schemars(extend("nl" = "De id van de deelnemer die het verzoek eerst ontving."))]
    pub door: Spanned<String>,
    /// The date that deelnemer received it.
    #[schemars(extend("nl" = "Datum waarop die deelnemer het verzoek ontving; geldt als eerste ontvangst (Awb 2:3)."))]
    pub ontvangen_op: Spanned<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verlenging {
    /// Date of the verlengingsbrief.
    #[schemars(extend("nl" = "Datum van de verlengingsbrief."))]
    pub datum: Spanned<NaiveDate>,
    /// Why more time is needed (complexity, number of requests).
    #[schemars(extend("nl" = "Waarom meer tijd nodig is, als zin voor de brief."))]
    pub redenen: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Besluit {
    #[schemars(extend("nl" = "Datum van het besluit."))]
    pub datum: Spanned<NaiveDate>,
    #[schemars(extend("nl" = "Een beslissing per gevraagd recht."))]
    pub beslissingen: Spanned<Vec<Spanned<Beslissing>>>,
    /// Whether personal data of the person are processed at all (art. 15(1)
    /// AVG: confirmation either way). Absent: yes. `false`: the besluit
    /// confirms that nothing is processed, and has no copy.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: false als er geen persoonsgegevens van de persoon worden verwerkt; het besluit zegt dat dan, zonder kopie (AVG-BESLUIT-06). Standaard true."))]
    pub verwerkt: Option<Spanned<bool>>,
    /// The copy of the data (art. 15(3) AVG): what we hold, per source.
    #[serde(default)]
    #[schemars(extend("nl" = "De kopie van de gegevens (art. 15 lid 3 AVG), verplicht bij inzage: per bron wat wij hebben."))]
    pub gegevens: Vec<GegevensRegel>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Beslissing {
    #[schemars(extend("nl" = "Het recht: inzage, rectificatie, wissing, beperking of bezwaar."))]
    pub recht: Spanned<Recht>,
    #[schemars(extend("nl" = "De uitkomst: toegewezen, gedeeltelijk of afgewezen."))]
    pub uitkomst: Spanned<Uitkomst>,
    /// What was done: corrected, erased, restricted, the weighing (art.
    /// 16–18, 21 AVG). Required for every right but inzage.
    #[serde(default)]
    #[schemars(extend("nl" = "Wat er is gedaan of waarom niet, als zin voor de brief; verplicht bij elk recht behalve inzage."))]
    pub toelichting: Option<String>,
    /// The exceptions that carry a (partial) refusal.
    #[serde(default)]
    #[schemars(extend("nl" = "De uitzonderingen waarop een (gedeeltelijke) weigering rust, een per deelnemer."))]
    pub uitzonderingen: Vec<Spanned<Uitzondering>>,
    /// Why an erasure is (partly) refused: the ground of art. 17(3) AVG.
    #[serde(default)]
    #[schemars(extend("nl" = "De grond van een (gedeeltelijk) geweigerde wissing (art. 17 lid 3 AVG); verplicht dan (AVG-WISSING-01)."))]
    pub weigering: Option<Spanned<WeigeringWissing>>,
    /// After a rectification, erasure or restriction: the recipients that
    /// were told (art. 19 AVG).
    #[serde(default)]
    #[schemars(extend("nl" = "Na een (deels) toegewezen rectificatie, wissing of beperking: welke ontvangers zijn ingelicht (art. 19 AVG; AVG-ONTVANGERS-01)."))]
    pub ontvangers: Option<Spanned<Ontvangers>>,
}

/// The recipients told of a rectification, erasure or restriction (art. 19
/// AVG).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ontvangers {
    /// Deelnemers of the case that received the data and were told; an empty
    /// list: nobody received the data.
    #[schemars(extend("nl" = "De ids van de deelnemers die de gegevens kregen en zijn ingelicht; [] als niemand ze kreeg."))]
    pub geinformeerd: Vec<Spanned<String>>,
    /// Why a recipient could not be told (impossible or disproportionate
    /// effort), as a sentence for the letter.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: waarom een ontvanger niet kon worden ingelicht, als zin voor de brief."))]
    pub niet_geinformeerd: Option<Spanned<String>>,
    /// The person asked who the recipients are: the letter names them.
    #[serde(default)]
    #[schemars(extend("nl" = "true als de persoon vroeg wie de ontvangers zijn: het besluit noemt ze. Standaard false: het besluit biedt aan ze te noemen."))]
    pub gevraagd: bool,
}

/// The ground for keeping data the person asked to erase.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeigeringWissing {
    #[schemars(extend("nl" = "De grond: meningsuiting, wettelijke-plicht, algemeen-belang, volksgezondheid, archivering, rechtsvordering of geen-wissingsgrond."))]
    pub grond: Spanned<GrondWissing>,
    /// The rule that requires the data or the task, e.g. "artikel 3 van de
    /// Archiefwet 1995"; required where the ground rests on a law.
    #[serde(default)]
    #[schemars(extend("nl" = "De wet waarop de grond rust, bijvoorbeeld: artikel 3 van de Archiefwet 1995; verplicht bij wettelijke-plicht, algemeen-belang, volksgezondheid en archivering."))]
    pub wettelijke_basis: Option<Spanned<String>>,
    /// How long the data are kept, e.g. "vijf jaar na het afsluiten van uw
    /// casus"; required for a legal obligation.
    #[serde(default)]
    #[schemars(extend("nl" = "Hoe lang de gegevens bewaard blijven, bijvoorbeeld: vijf jaar na het afsluiten van uw casus; verplicht bij wettelijke-plicht."))]
    pub bewaartermijn: Option<Spanned<String>>,
}

/// Art. 17(3) AVG, and the case that no ground of art. 17(1) applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GrondWissing {
    /// (a) freedom of expression and information.
    Meningsuiting,
    /// (b) a legal obligation to process.
    WettelijkePlicht,
    /// (b) a task in the public interest or official authority.
    AlgemeenBelang,
    /// (c) public health.
    Volksgezondheid,
    /// (d) archiving in the public interest, research, statistics.
    Archivering,
    /// (e) legal claims.
    Rechtsvordering,
    /// None of the grounds of art. 17(1) applies.
    GeenWissingsgrond,
}

impl GrondWissing {
    pub fn id(self) -> &'static str {
        match self {
            GrondWissing::Meningsuiting => "meningsuiting",
            GrondWissing::WettelijkePlicht => "wettelijke-plicht",
            GrondWissing::AlgemeenBelang => "algemeen-belang",
            GrondWissing::Volksgezondheid => "volksgezondheid",
            GrondWissing::Archivering => "archivering",
            GrondWissing::Rechtsvordering => "rechtsvordering",
            GrondWissing::GeenWissingsgrond => "geen-wissingsgrond",
        }
    }

    /// The ground needs the law it rests on.
    pub fn needs_basis(self) -> bool {
        matches!(
            self,
            GrondWissing::WettelijkePlicht
                | GrondWissing::AlgemeenBelang
                | GrondWissing::Volksgezondheid
                | GrondWissing::Archivering
        )
    }

    /// The ground needs the statutory retention period.
    pub fn needs_bewaartermijn(self) -> bool {
        self == GrondWissing::WettelijkePlicht
    }

    /// The reason as a letter gives it, in plain words with the article.
    pub fn describe(self) -> &'static str {
        match self {
            GrondWissing::Meningsuiting => {
                "De gegevens zijn nodig voor de vrijheid van meningsuiting en informatie (artikel 17, derde lid, onder a, AVG)."
            }
            GrondWissing::WettelijkePlicht => {
                "Een wet verplicht ons om de gegevens te bewaren (artikel 17, derde lid, onder b, AVG)."
            }
            GrondWissing::AlgemeenBelang => {
                "Wij hebben de gegevens nodig voor een taak van algemeen belang (artikel 17, derde lid, onder b, AVG)."
            }
            GrondWissing::Volksgezondheid => {
                "Wij hebben de gegevens nodig voor de volksgezondheid (artikel 17, derde lid, onder c, AVG)."
            }
            GrondWissing::Archivering => {
                "De gegevens moeten bewaard blijven voor het archief, voor onderzoek of voor statistiek (artikel 17, derde lid, onder d, AVG)."
            }
            GrondWissing::Rechtsvordering => {
                "Wij hebben de gegevens nodig voor een juridische procedure (artikel 17, derde lid, onder e, AVG). Wij bewaren alleen de gegevens die daarvoor nodig zijn, en alleen voor die procedure."
            }
            GrondWissing::GeenWissingsgrond => {
                "De wet noemt de gevallen waarin wij gegevens moeten verwijderen (artikel 17, eerste lid, AVG). Geen van die gevallen geldt hier."
            }
        }
    }

    /// How the letter introduces `wettelijke_basis`.
    pub fn basis_intro(self) -> &'static str {
        match self {
            GrondWissing::WettelijkePlicht => "Die plicht staat in",
            GrondWissing::AlgemeenBelang => "Die taak staat in",
            _ => "Dit staat in",
        }
    }
}

/// An exception invoked by a deelnemer (art. 41 UAVG jo. art. 23 AVG).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Uitzondering {
    #[schemars(extend("nl" = "De id van de deelnemer die de uitzondering inroept."))]
    pub deelnemer: Spanned<String>,
    /// The ground, e.g. "artikel 41, eerste lid, onder i, UAVG (rechten en
    /// vrijheden van anderen)". Kept as data (legal.md U13).
    #[serde(default)]
    #[schemars(extend("nl" = "De grond, bijvoorbeeld: artikel 41, eerste lid, onder d, UAVG."))]
    pub grond: Option<String>,
    /// The data it covers.
    #[serde(default)]
    #[schemars(extend("nl" = "Over welke gegevens het gaat."))]
    pub gegevens: Option<String>,
    #[serde(default)]
    #[schemars(extend("nl" = "Waarom de uitzondering geldt, als zin voor de brief."))]
    pub motivering: Option<String>,
    /// How the letter deals with the exception: `vermelden` (default: the
    /// deelnemer, ground, data and motivering are in the letter) or
    /// `niet-bevestigen` (the letter does not reveal whether such data exist;
    /// art. 41 UAVG where even that would harm, e.g. a running
    /// investigation).
    #[serde(default)]
    #[schemars(extend("nl" = "vermelden (standaard): de brief noemt de uitzondering; niet-bevestigen: de brief laat niet merken dat de gegevens bestaan (AVG-NIETBEVESTIGEN-01)."))]
    pub modus: Option<Spanned<Modus>>,
}

impl Uitzondering {
    /// The letter neither confirms nor denies the data under this exception.
    pub fn niet_bevestigen(&self) -> bool {
        self.modus
            .as_ref()
            .is_some_and(|m| m.value == Modus::NietBevestigen)
    }
}

/// How a letter deals with an exception.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Modus {
    /// The letter names the deelnemer, ground, data and motivering.
    Vermelden,
    /// The letter does not reveal that the data exist.
    NietBevestigen,
}

impl Besluit {
    /// Personal data of the person are processed (the default).
    pub fn verwerkt(&self) -> bool {
        self.verwerkt.as_ref().is_none_or(|v| v.value)
    }
}

/// One line of the copy of the data.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GegevensRegel {
    /// Where the data come from: a deelnemer id.
    #[schemars(extend("nl" = "De id van de deelnemer waar de gegevens vandaan komen."))]
    pub bron: Spanned<String>,
    /// What kind of data, e.g. "Adres".
    #[schemars(extend("nl" = "Welke gegevens, bijvoorbeeld: Naam en adres."))]
    pub soort: String,
    /// The data as recorded.
    #[schemars(extend("nl" = "De gegevens zoals ze zijn vastgelegd."))]
    pub inhoud: String,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AanvullendBesluit {
    #[schemars(extend("nl" = "Datum van het aanvullend besluit."))]
    pub datum: Spanned<NaiveDate>,
    /// The deelnemer whose exception lapsed.
    #[schemars(extend("nl" = "De id van de deelnemer van wie de uitzondering is vervallen."))]
    pub deelnemer: Spanned<String>,
    /// Why the exception no longer applies.
    #[schemars(extend("nl" = "Waarom de uitzondering niet meer geldt, als zin voor de brief."))]
    pub toelichting: String,
    /// The data now given.
    #[schemars(extend("nl" = "De gegevens die nu alsnog worden gegeven."))]
    pub gegevens: Vec<GegevensRegel>,
    /// The person's bezwaar against the besluit, still pending on this date:
    /// it covers this besluit too (art. 6:19 Awb), so the letter carries no
    /// new bezwaar clause.
    #[serde(default)]
    #[schemars(extend("nl" = "Optioneel: het bezwaar tegen het besluit loopt nog; het geldt ook voor dit besluit (Awb 6:19), dus de brief heeft geen nieuwe bezwaarclausule (AVG-AANVULLEND-02)."))]
    pub lopend_bezwaar: Option<Spanned<LopendBezwaar>>,
}

/// A bezwaar against the besluit, pending when an aanvullend besluit changes
/// it (art. 6:19 Awb).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LopendBezwaar {
    /// Our kenmerk of the bezwaar.
    #[schemars(extend("nl" = "Ons kenmerk van het bezwaar."))]
    pub kenmerk: String,
    /// Date the bezwaarschrift was received.
    #[schemars(extend("nl" = "Datum waarop het bezwaarschrift binnenkwam."))]
    pub ontvangen_op: Spanned<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verzonden {
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop het identificatieverzoek is verstuurd."))]
    pub identificatieverzoek: Option<Spanned<NaiveDate>>,
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de ontvangstbevestiging is verstuurd."))]
    pub ontvangstbevestiging: Option<Spanned<NaiveDate>>,
    /// Date the receiving deelnemer sent the doorzendbericht.
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop de ontvangende deelnemer het doorzendbericht verstuurde."))]
    pub doorzendbericht: Option<Spanned<NaiveDate>>,
    /// Date the verzoek aan deelnemers went out.
    #[serde(default)]
    #[schemars(extend("nl" = "Datum waarop het verzoek aan de deelnemers uitging; de reactietermijn telt vanaf hier."))]
    pub verzoek_deelnemers: Option<Spanned<NaiveDate>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Identiteit {
    /// Date identity was established: the AVG term starts here (seed
    /// factsheet §2.5).
    #[schemars(extend("nl" = "Datum waarop de identiteit is vastgesteld."))]
    pub vastgesteld_op: Spanned<NaiveDate>,
    #[schemars(extend("nl" = "Hoe: digid, balie of kopie-id."))]
    pub methode: Methode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Methode {
    Digid,
    Balie,
    KopieId,
}

/// A right under art. 15–21 AVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
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

    /// A rectification, erasure or restriction: art. 19 AVG applies.
    pub fn meldt_ontvangers(self) -> bool {
        matches!(
            self,
            Recht::Rectificatie | Recht::Wissing | Recht::Beperking
        )
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
