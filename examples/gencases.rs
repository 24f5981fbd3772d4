//! A case repository of fictional but realistic cases, for the benchmark
//! (`scripts/bench`) and for trying avgdoc on a large repository.
//!
//! ```sh
//! cargo run --release --example gencases -- MAP --brieven 1000
//! cargo run --release --example gencases -- MAP --zaken 10000 --seed 7
//! ```
//!
//! Writes `MAP/avgdoc.yaml` (the example organisation), `MAP/templates/logo.svg`
//! and `MAP/cases/<jaar>/<kenmerk>.yaml`: cases of all six kinds in the
//! proportions of a Zorg- en Veiligheidshuis (mostly AVG requests and
//! notifications, some objections, police requests and breaches, a rare prior
//! consultation), with varied names, addresses and dates spread over the years
//! before `--vandaag`, about one in ten still open. Each case is checked with
//! avgdoc's own rules as it is made: the generator stops with an error rather
//! than write a case with an error. The same seed gives the same files.
//! It stops when the cases yield `--brieven` documents, or after `--zaken`
//! cases, and prints `<zaken> zaken, <brieven> brieven` on stdout.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use avgdoc::diag::Severity;
use chrono::{Datelike, Days, NaiveDate, Weekday};

const CONFIG: &str = include_str!("../avgdoc.yaml");
const LOGO: &[u8] = include_bytes!("../templates/logo.svg");

/// splitmix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// True with probability `percent` %.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const ACHTERNAMEN: &[(&str, &str)] = &[
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Yilmaz"),
    ("", "Kaya"),
    ("El", "Amrani"),
    ("", "Öztürk"),
    ("", "Nguyen"),
    ("", "Wouters"),
    ("van der", "Heijden"),
    ("", "Koster"),
    ("", "Prins"),
    ("van", "Beek"),
    ("", "Postma"),
    ("", "Kuipers"),
    ("", "Sanchez Ruiz"),
    ("", "Heuvel-in het Veld"),
    ("", "Çelik"),
    ("ten", "Have"),
    ("", "Zijlstra"),
    ("", "Maas"),
    ("", "Verbeek"),
    ("", "Schouten"),
];
const VOORLETTERS: &[&str] = &[
    "A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "I.", "J.", "K.", "L.", "M.", "N.", "P.", "R.",
    "S.", "T.", "W.", "Y.", "A.M.", "J.P.", "M.C.", "H.J.", "E.L.", "",
];
const AANSPREEKVORM: &[&str] = &["heer", "mevrouw", "heer", "mevrouw", "onbekend"];
const STRATEN: &[(&str, &str)] = &[
    ("Dorpsstraat", "Rivierstad"),
    ("Molenweg", "Rivierstad"),
    ("Havenstraat", "Rivierstad"),
    ("Kerkplein", "Rivierstad"),
    ("Stationsweg", "Rivierstad"),
    ("Lindelaan", "Rivierstad"),
    ("Populierenlaan", "Rivierstad"),
    ("Industrieweg", "Rivierstad"),
    ("Burgemeester Walsum-Wetteringstraat", "Rivierstad"),
    ("Dijkweg", "Waalkade"),
    ("Uiterwaardenweg", "Waalkade"),
    ("Veerstraat", "Waalkade"),
    ("Kade", "Waalkade"),
    ("Beukenhof", "Lingedal"),
    ("Schoolstraat", "Lingedal"),
    ("Prinses Julianastraat", "Lingedal"),
    ("Hoogstraat", "Lingedal"),
    ("Eikenlaan", "Betuwe-Oost"),
    ("Boomgaard", "Betuwe-Oost"),
    ("Appelhof", "Betuwe-Oost"),
];
const DEELNEMERS: &[&str] = &[
    "gemeente-rivierstad",
    "politie",
    "om",
    "reclassering",
    "ggz",
];
const OMSCHRIJVINGEN: &[&str] = &[
    "Inzage in het eigen dossier bij het Zorg- en Veiligheidshuis.",
    "Inzage in gegevens over een casusoverleg over het gezin.",
    "Inzage in wat de deelnemers over de aanvrager hebben gedeeld.",
    "Inzage in gegevens over een melding van overlast.",
];

/// A short, fixed-size street name the letter window can hold, for names
/// over 40 positions with the number.
fn straat_kort(straat: &str) -> Option<&'static str> {
    (straat == "Burgemeester Walsum-Wetteringstraat").then_some("Burg Walsum-Wetteringstr")
}

struct Gen {
    rng: Rng,
    vandaag: NaiveDate,
    /// The first day a generated case may start.
    begin: NaiveDate,
    /// Next number per kenmerk prefix and year.
    numbers: std::collections::HashMap<(String, i32), u32>,
}

/// A generated case: its kenmerk, year folder and text; `open` when it is
/// still running (it may then have the warnings of an open case, such as an
/// identity not yet established).
struct Made {
    kenmerk: String,
    jaar: i32,
    text: String,
    open: bool,
}

fn plus(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).expect("date in range")
}

/// `d`, or the Monday after it when it is a Saturday or Sunday.
fn weekday(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => plus(d, 2),
        Weekday::Sun => plus(d, 1),
        _ => d,
    }
}

/// A working day `days` after `d` (the next Monday for a weekend).
fn after(d: NaiveDate, days: u64) -> NaiveDate {
    weekday(plus(d, days))
}

impl Gen {
    fn kenmerk(&mut self, prefix: &str, jaar: i32) -> String {
        let n = self.numbers.entry((prefix.to_string(), jaar)).or_insert(0);
        *n += 1;
        let (org, mid) = prefix.split_once('|').unwrap_or(("ZVH", prefix));
        if mid.is_empty() {
            format!("{org}-{jaar}-{n:04}")
        } else {
            format!("{org}-{jaar}-{mid}-{n:04}")
        }
    }

    /// The start of a case: a Monday to Thursday, either in the years before
    /// `vandaag` (a closed case) or in the last weeks (an open one).
    fn start(&mut self, open: bool) -> NaiveDate {
        let (from, to) = if open {
            (self.vandaag - Days::new(12), self.vandaag - Days::new(3))
        } else {
            (self.begin, self.vandaag - Days::new(90))
        };
        let span = (to - from).num_days() as u64;
        let mut d = plus(from, self.rng.range(0, span));
        while matches!(d.weekday(), Weekday::Fri | Weekday::Sat | Weekday::Sun) {
            d = d.pred_opt().expect("date in range");
        }
        d
    }

    fn person(&mut self, indent: &str) -> String {
        let (tussen, achternaam) = *self.rng.pick(ACHTERNAMEN);
        let voorletters = *self.rng.pick(VOORLETTERS);
        let vorm = *self.rng.pick(AANSPREEKVORM);
        let (straat, plaats) = *self.rng.pick(STRATEN);
        let nummer = self.rng.range(1, 180);
        let toevoeging = *self.rng.pick(&["", "", "", " a", " b", "-2", " bis"]);
        let letters: String = (0..2)
            .map(|_| (b'A' + self.rng.below(26) as u8) as char)
            .collect();
        let letters = match letters.as_str() {
            "SA" | "SD" | "SS" => "AB".to_string(),
            _ => letters,
        };
        let postcode = format!("40{:02} {letters}", self.rng.below(100));
        let mut s = String::new();
        if !voorletters.is_empty() {
            writeln!(s, "{indent}voorletters: {voorletters}").unwrap();
        }
        if !tussen.is_empty() {
            writeln!(s, "{indent}tussenvoegsel: {tussen}").unwrap();
        }
        writeln!(s, "{indent}achternaam: {achternaam}").unwrap();
        writeln!(s, "{indent}aanspreekvorm: {vorm}").unwrap();
        let kort = straat_kort(straat)
            .map(|k| format!(", straat_kort: {k}"))
            .unwrap_or_default();
        writeln!(
            s,
            "{indent}adres: {{ straat: {straat}{kort}, huisnummer: \"{nummer}{toevoeging}\", postcode: {postcode}, plaats: {plaats} }}"
        )
        .unwrap();
        s
    }

    fn deelnemers(&mut self, max: usize) -> Vec<&'static str> {
        let n = 1 + self.rng.below(max);
        let mut out: Vec<&'static str> = Vec::new();
        while out.len() < n {
            let d = *self.rng.pick(DEELNEMERS);
            if !out.contains(&d) {
                out.push(d);
            }
        }
        out
    }

    fn avg_verzoek(&mut self) -> Made {
        let open = self.rng.chance(10);
        let ontvangen = self.start(open);
        let jaar = ontvangen.year();
        let kenmerk = self.kenmerk("", jaar);
        let deelnemers = self.deelnemers(3);
        let mut t = format!("soort: avg-verzoek\nkenmerk: {kenmerk}\nbetrokkene:\n");
        t += &self.person("  ");
        writeln!(t, "ontvangen_op: {ontvangen}").unwrap();
        // An open request without identity yet gets the identificatieverzoek.
        if open && self.rng.chance(30) {
            let verzoek = after(ontvangen, 1);
            t += "rechten: [inzage]\n";
            writeln!(t, "omschrijving: {}", self.rng.pick(OMSCHRIJVINGEN)).unwrap();
            writeln!(t, "deelnemers: [{}]", deelnemers.join(", ")).unwrap();
            writeln!(t, "verzonden:\n  identificatieverzoek: {verzoek}").unwrap();
            return Made {
                kenmerk,
                jaar,
                text: t,
                open,
            };
        }
        let methode = *self.rng.pick(&["digid", "balie", "kopie-id"]);
        writeln!(
            t,
            "identiteit: {{ vastgesteld_op: {ontvangen}, methode: {methode} }}"
        )
        .unwrap();
        let bevestigd = after(ontvangen, 1);
        let inzage = self.rng.chance(75);
        if inzage {
            t += "rechten: [inzage]\n";
            writeln!(t, "omschrijving: {}", self.rng.pick(OMSCHRIJVINGEN)).unwrap();
        } else {
            t += "rechten: [wissing, beperking]\n";
            t += "omschrijving: Verwijdering van gegevens uit een afgesloten casus.\n";
        }
        writeln!(t, "deelnemers: [{}]", deelnemers.join(", ")).unwrap();
        writeln!(
            t,
            "verzonden:\n  ontvangstbevestiging: {bevestigd}\n  verzoek_deelnemers: {bevestigd}"
        )
        .unwrap();
        if open {
            return Made {
                kenmerk,
                jaar,
                text: t,
                open,
            };
        }
        let besluit = after(ontvangen, self.rng.range(14, 24));
        writeln!(t, "besluit:\n  datum: {besluit}").unwrap();
        if inzage {
            if self.rng.chance(15) {
                t += "  verwerkt: false\n  beslissingen:\n    - recht: inzage\n      uitkomst: toegewezen\n";
            } else {
                t += "  beslissingen:\n    - recht: inzage\n      uitkomst: toegewezen\n  gegevens:\n";
                for d in &deelnemers {
                    let soort = *self.rng.pick(&[
                        "Naam en adres",
                        "Verslag casusoverleg",
                        "Melding",
                        "Afspraken in het plan van aanpak",
                    ]);
                    let dag = plus(ontvangen, 0) - Days::new(self.rng.range(20, 400));
                    writeln!(
                        t,
                        "    - {{ bron: {d}, soort: {soort}, inhoud: \"{soort} van {}\" }}",
                        dag.format("%d-%m-%Y")
                    )
                    .unwrap();
                }
            }
        } else {
            let basis = *self.rng.pick(&[
                "de Wet gegevensverwerking door samenwerkingsverbanden",
                "artikel 3 van de Archiefwet 1995",
            ]);
            let geinformeerd = deelnemers.join(", ");
            write!(
                t,
                "  beslissingen:
    - recht: wissing
      uitkomst: afgewezen
      weigering:
        grond: algemeen-belang
        wettelijke_basis: {basis}
        bewaartermijn: vijf jaar na het afsluiten van uw casus
      toelichting: Na die termijn verwijderen wij uw gegevens vanzelf.
    - recht: beperking
      uitkomst: toegewezen
      toelichting: Wij hebben uw gegevens afgeschermd.
      ontvangers:
        geinformeerd: [{geinformeerd}]
"
            )
            .unwrap();
        }
        Made {
            kenmerk,
            jaar,
            text: t,
            open,
        }
    }

    fn notificatie(&mut self) -> Made {
        let open = self.rng.chance(10);
        let aanmelding = self.start(open);
        let jaar = aanmelding.year();
        let kenmerk = self.kenmerk("N", jaar);
        let deelnemers = self.deelnemers(3);
        let mut t = format!("soort: notificatie\nkenmerk: {kenmerk}\nbetrokkene:\n");
        t += &self.person("  ");
        writeln!(t, "aanmelding_op: {aanmelding}").unwrap();
        let behandeling = self.rng.chance(85);
        writeln!(t, "in_behandeling: {behandeling}").unwrap();
        writeln!(t, "aanmelder: {}", deelnemers[0]).unwrap();
        if self.rng.chance(30) {
            t += "aanmelder_afschermen: true\n";
        }
        writeln!(t, "deelnemers: [{}]", deelnemers.join(", ")).unwrap();
        if !open {
            let verzonden = after(aanmelding, self.rng.range(5, 20));
            writeln!(t, "verzonden:\n  notificatiebrief: {verzonden}").unwrap();
        }
        Made {
            kenmerk,
            jaar,
            text: t,
            open,
        }
    }

    fn datalek(&mut self) -> Made {
        let open = self.rng.chance(10);
        let dag = self.start(open);
        let jaar = dag.year();
        let kenmerk = self.kenmerk("D", jaar);
        let uur = self.rng.range(9, 15);
        let minuut = self.rng.range(0, 59);
        let ontdekt = format!("{dag}T{uur:02}:{minuut:02}");
        let begin = format!("{dag}T{:02}:00", uur - 1);
        let (soort, omschrijving, gevolgen) = *self.rng.pick(&[
            (
                "vertrouwelijkheid",
                "Een e-mail met casusgegevens is naar een verkeerd adres gestuurd.",
                "Iemand die dat niet mocht, kon lezen dat deze personen in het casusoverleg worden besproken.",
            ),
            (
                "vertrouwelijkheid",
                "Een brief is in een envelop met een verkeerd adres verstuurd.",
                "De ontvanger kon lezen dat deze persoon hulp krijgt.",
            ),
            (
                "beschikbaarheid",
                "Het casusregistratiesysteem was enkele uren niet bereikbaar door een storing.",
                "Casusoverleggen liepen vertraging op; er zijn geen gegevens verloren.",
            ),
            (
                "vertrouwelijkheid, beschikbaarheid",
                "Een tas met een papieren dossier is gestolen.",
                "Wie het dossier heeft, kan lezen welke hulp deze mensen krijgen.",
            ),
        ]);
        let risico = if soort == "beschikbaarheid" {
            "geen"
        } else {
            *self.rng.pick(&["risico", "hoog", "hoog", "geen"])
        };
        let n = if risico == "hoog" {
            1 + self.rng.below(4)
        } else {
            0
        };
        let deelnemers = self.deelnemers(2);
        // A planned measure is recorded as taken once its day has passed.
        let gepland = plus(dag, 30);
        let genomen = if gepland < self.vandaag {
            format!("    genomen: {gepland}\n")
        } else {
            String::new()
        };
        let mut t = format!(
            "soort: datalek
kenmerk: {kenmerk}
ontdekt_op: {ontdekt}
ontdekking: Een medewerker merkte het op.
periode: {{ van: {begin}, tot: {ontdekt} }}
soort_inbreuk: [{soort}]
omschrijving: {omschrijving}
betrokkenen:
  categorieen: [personen in het casusoverleg]
  aantal: \"{}\"
",
            n.max(3)
        );
        if n > 0 {
            t += "  personen:\n";
            for _ in 0..n {
                let p = self.person("      ");
                t += &p.replacen("      ", "    - ", 1);
            }
        }
        write!(
            t,
            "gegevens:
  categorieen: [naam, adres, gegevens over zorg en veiligheid]
  aantal: 1 overzicht
  bijzondere: [gezondheid]
  strafrechtelijk: false
versleuteld: nee
andere_landen: []
gevolgen: {gevolgen}
maatregelen:
  - wat: De ontvanger gevraagd de gegevens te verwijderen
    genomen: {dag}
  - wat: Werkinstructie aangepast
    voorgenomen: {gepland}
{genomen}risico: {risico}
risico_toelichting: Beoordeeld met stap 6 van het stappenplan.
"
        )
        .unwrap();
        if risico == "geen" {
            if !open {
                writeln!(t, "afgerond_op: {}", after(dag, 2)).unwrap();
            }
            return Made {
                kenmerk,
                jaar,
                text: t,
                open,
            };
        }
        let vraag = format!("{dag}T{:02}:{minuut:02}", uur + 1);
        writeln!(
            t,
            "deelnemers: [{}]\ndeelnemers_gevraagd_op: {vraag}",
            deelnemers.join(", ")
        )
        .unwrap();
        let melding = plus(dag, 1);
        write!(
            t,
            "melding_ap:\n  fase: definitief\n  gemeld_op: {melding}T10:00\n  meldnummer: M-{jaar}-{:04}\n",
            self.rng.range(1, 9999)
        )
        .unwrap();
        if risico == "hoog" {
            write!(
                t,
                "betrokkenen_informeren:
  geinformeerd_op: {}
  gevolgen: Iemand die dat niet mocht, kon lezen dat u hulp krijgt.
  advies: Let op berichten van mensen die u niet kent. Twijfelt u? Bel ons.
",
                plus(dag, 2)
            )
            .unwrap();
        }
        if !open {
            writeln!(t, "afgerond_op: {}", after(dag, 7)).unwrap();
        }
        Made {
            kenmerk,
            jaar,
            text: t,
            open,
        }
    }

    fn bezwaar(&mut self) -> Made {
        let open = self.rng.chance(10);
        let ontvangen = self.start(open);
        let jaar = ontvangen.year();
        let kenmerk = self.kenmerk("B", jaar);
        let besluit = weekday(ontvangen - Days::new(self.rng.range(14, 30)));
        let mut t = format!("soort: bezwaar\nkenmerk: {kenmerk}\nbetrokkene:\n");
        t += &self.person("  ");
        let nummer = self.rng.range(1, 400);
        write!(
            t,
            "besluit: {{ kenmerk: ZVH-{}-{nummer:04}, datum: {besluit}, onderwerp: uw verzoek om inzage }}
ontvangen_op: {ontvangen}
gronden: De indiener vindt dat niet alle gegevens zijn gegeven.
behandelaar: {{ naam: mr. L. Smit, telefoon: 0344 123 470 }}
verzonden: {{ ontvangstbevestiging: {} }}
",
            besluit.year(),
            after(ontvangen, 2)
        )
        .unwrap();
        if open {
            return Made {
                kenmerk,
                jaar,
                text: t,
                open,
            };
        }
        let beslissing = after(ontvangen, self.rng.range(28, 35));
        let horen = self.rng.chance(50);
        if horen {
            write!(
                t,
                "hoorzitting:
  datum: {}
  tijd: 14.00 uur
  plaats: Stationsplein 12 in Rivierstad
  uitnodiging_op: {}
  stukken_ter_inzage: De stukken liggen vanaf een week voor de hoorzitting ter inzage op ons kantoor.
",
                after(ontvangen, 21),
                after(ontvangen, 5)
            )
            .unwrap();
        }
        let (oordeel, motivering) = *self.rng.pick(&[
            (
                "ongegrond",
                "Wij hebben alle gegevens gegeven die wij hebben.",
            ),
            (
                "gegrond",
                "Wij hebben een deel van de gegevens ten onrechte niet gegeven.",
            ),
        ]);
        write!(
            t,
            "beslissing:
  datum: {beslissing}
  oordeel: {oordeel}
  dictum:
    - onderdeel: ons besluit
      oordeel: {oordeel}
"
        )
        .unwrap();
        if oordeel == "gegrond" {
            t += "      herroepen: de weigering van een deel van de gegevens\n      vervangen_door: u krijgt die gegevens alsnog\n";
        }
        writeln!(t, "  motivering: {motivering}").unwrap();
        if !horen {
            t += "  niet_gehoord: kennelijk-ongegrond\n";
        }
        t += "  rechtbank:\n    naam: Rechtbank Gelderland, team bestuursrecht\n    adres: { postbus: \"9030\", postcode: 6800 EM, plaats: Arnhem }\n";
        if !horen && oordeel == "gegrond" {
            // Not heard is only allowed for a clearly unfounded objection.
            t = t.replace("  niet_gehoord: kennelijk-ongegrond\n", "");
            t = t.replace("oordeel: gegrond", "oordeel: ongegrond");
            t = t.replace(
                "      herroepen: de weigering van een deel van de gegevens\n      vervangen_door: u krijgt die gegevens alsnog\n",
                "",
            );
            t = t.replace(
                "  motivering: Wij hebben een deel van de gegevens ten onrechte niet gegeven.\n",
                "  motivering: Wij hebben alle gegevens gegeven die wij hebben.\n  niet_gehoord: kennelijk-ongegrond\n",
            );
        }
        Made {
            kenmerk,
            jaar,
            text: t,
            open,
        }
    }

    fn wpg_verzoek(&mut self) -> Made {
        let open = self.rng.chance(10);
        let ontvangen = self.start(open);
        let jaar = ontvangen.year();
        let kenmerk = self.kenmerk("POL|", jaar);
        let mut t =
            format!("soort: wpg-verzoek\nkenmerk: {kenmerk}\nafzender: politie\nbetrokkene:\n");
        t += &self.person("  ");
        write!(
            t,
            "verzoek: inzage
ontvangen_op: {ontvangen}
omschrijving: Inzage in politiegegevens over meldingen bij het eigen adres.
verzonden: {{ ontvangstbevestiging: {} }}
",
            after(ontvangen, 2)
        )
        .unwrap();
        if open {
            return Made {
                kenmerk,
                jaar,
                text: t,
                open,
            };
        }
        let besluit = after(ontvangen, self.rng.range(20, 30));
        let melding = ontvangen - Days::new(self.rng.range(30, 300));
        write!(
            t,
            "besluit:
  datum: {besluit}
  uitkomst: toegewezen
  verwerkt: true
  gegevens:
    - soort: Melding
      inhoud: Geluidsoverlast, {}
  informatie:
    doelen: [het handhaven van de openbare orde]
    grondslag: artikel 8 van de Wet politiegegevens
    categorieen: [meldingen over uw adres, met datum en wat er gemeld is]
    ontvangers: [de gemeente Rivierstad]
    bewaartermijn: Wij bewaren deze meldingen tot één jaar na de melding en vernietigen ze na vijf jaar.
    herkomst: [buren die de politie belden]
",
            melding.format("%d-%m-%Y")
        )
        .unwrap();
        Made {
            kenmerk,
            jaar,
            text: t,
            open,
        }
    }

    fn raadpleging(&mut self) -> Made {
        let open = false;
        let datum = self.start(open);
        let jaar = datum.year();
        let kenmerk = self.kenmerk("VR", jaar);
        let verwerking = *self.rng.pick(&[
            "het dashboard Risicosignalering",
            "de koppeling met het zorgdossier",
            "cameratoezicht bij het Zorg- en Veiligheidshuis",
        ]);
        let t = format!(
            "soort: voorafgaande-raadpleging
kenmerk: {kenmerk}
regime: avg
verwerking: {verwerking}
aanvrager: verwerkingsverantwoordelijke
datum: {datum}
verwerking_gestart: false
bijlagen: {{ aanvraagformulier: true, dpia: true }}
verantwoordelijkheden: De overheidsdeelnemers zijn gezamenlijk verwerkingsverantwoordelijke.
doeleinden_en_middelen: Signalen van deelnemers samenbrengen, zodat het casusoverleg eerder ziet wie hulp nodig heeft.
maatregelen: Toegang alleen voor geautoriseerde medewerkers en logging van elke raadpleging.
fg_advies: De FG adviseert de verwerking pas te starten na het advies van de AP.
ap_ontvangen_op: {}
eindbrief_op: {}
",
            after(datum, 2),
            after(datum, 60)
        );
        Made {
            kenmerk,
            jaar,
            text: t,
            open,
        }
    }

    /// One case, of a kind drawn in the proportions of a Zorg- en
    /// Veiligheidshuis.
    fn case(&mut self) -> Made {
        match self.rng.below(100) {
            0..40 => self.avg_verzoek(),
            40..70 => self.notificatie(),
            70..80 => self.bezwaar(),
            80..88 => self.wpg_verzoek(),
            88..98 => self.datalek(),
            _ => self.raadpleging(),
        }
    }
}

/// Check `made` with avgdoc's rules as of `vandaag`; the number of documents
/// it yields on `vandaag`, or the findings.
fn check(made: &Made, vandaag: NaiveDate) -> Result<usize, String> {
    let ws = avgdoc::load::load_text(CONFIG, &made.text);
    let checked = avgdoc::rules::check(&ws, vandaag);
    let findings: Vec<String> = ws
        .report
        .diagnostics
        .iter()
        .chain(checked.cases.iter().flat_map(|r| r.diagnostics.iter()))
        .filter(|d| match d.severity {
            Severity::Error => true,
            Severity::Warning => !made.open,
            Severity::Note => false,
        })
        .map(|d| format!("{}: {}", d.rule.id, d.message))
        .collect();
    let (Some(config), [cf]) = (&ws.config, ws.cases.as_slice()) else {
        return Err(findings.join("\n"));
    };
    if !findings.is_empty() {
        return Err(findings.join("\n"));
    }
    Ok(cf.case.documents(config, vandaag).len())
}

fn usage() -> ! {
    eprintln!(
        "gebruik: gencases MAP (--brieven N | --zaken N) [--seed S] [--vandaag JJJJ-MM-DD] [--vanaf JJJJ-MM-DD]"
    );
    std::process::exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let (mut brieven, mut zaken) = (None, None);
    let mut seed = 1u64;
    let mut vandaag = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let mut vanaf = NaiveDate::from_ymd_opt(2024, 1, 2).expect("date");
    let date = |s: Option<String>| {
        s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
            .unwrap_or_else(|| usage())
    };
    let number = |s: Option<String>| s.and_then(|s| s.parse().ok()).unwrap_or_else(|| usage());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--brieven" => brieven = Some(number(args.next()) as usize),
            "--zaken" => zaken = Some(number(args.next()) as usize),
            "--seed" => seed = number(args.next()),
            "--vandaag" => vandaag = date(args.next()),
            "--vanaf" => vanaf = date(args.next()),
            _ if dir.is_none() && !a.starts_with('-') => dir = Some(PathBuf::from(a)),
            _ => usage(),
        }
    }
    let Some(dir) = dir else { usage() };
    if brieven.is_none() == zaken.is_none() {
        usage();
    }
    match write_repo(&dir, brieven, zaken, seed, vandaag, vanaf) {
        Ok((cases, docs)) => println!("{cases} zaken, {docs} brieven"),
        Err(e) => {
            eprintln!("fout: {e}");
            std::process::exit(1);
        }
    }
}

/// Write the repository into `dir`: cases until they yield `brieven`
/// documents or number `zaken`; the number of cases and of documents.
pub fn write_repo(
    dir: &Path,
    brieven: Option<usize>,
    zaken: Option<usize>,
    seed: u64,
    vandaag: NaiveDate,
    vanaf: NaiveDate,
) -> Result<(usize, usize), String> {
    let io = |e: std::io::Error| e.to_string();
    std::fs::create_dir_all(dir.join("templates")).map_err(io)?;
    std::fs::write(dir.join("avgdoc.yaml"), CONFIG).map_err(io)?;
    std::fs::write(dir.join("templates/logo.svg"), LOGO).map_err(io)?;
    let mut g = Gen {
        rng: Rng(seed),
        vandaag,
        begin: vanaf,
        numbers: Default::default(),
    };
    let (mut cases, mut docs) = (0usize, 0usize);
    while brieven.is_some_and(|n| docs < n) || zaken.is_some_and(|n| cases < n) {
        let made = g.case();
        let n = check(&made, vandaag).map_err(|e| {
            format!(
                "gegenereerde zaak {} is niet geldig:\n{e}\n{}",
                made.kenmerk, made.text
            )
        })?;
        let folder = dir.join("cases").join(made.jaar.to_string());
        std::fs::create_dir_all(&folder).map_err(io)?;
        std::fs::write(folder.join(format!("{}.yaml", made.kenmerk)), &made.text).map_err(io)?;
        cases += 1;
        docs += n;
    }
    Ok((cases, docs))
}
