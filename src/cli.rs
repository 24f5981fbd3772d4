//! The command line: what the user typed (clap, Dutch help) and the dispatch
//! to the pipeline. Exit codes: 0 all well, 1 errors in cases or letters,
//! 2 wrong invocation or an unusable repository.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgAction, Args, Parser, Subcommand};

use crate::calendar::Status;
use crate::diag::Severity;
use crate::diag::render::{self as diag_render, Format};
use crate::pipeline::{self, FailOn, Outcome, RunOptions};
use crate::report;
use crate::rules;
use crate::terms;

const HELP_TEMPLATE: &str = "\
{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

/// avgdoc: van zaakbestand (YAML) naar officiële brief (PDF) voor
/// privacyzaken, met alle wettelijke termijnen gecontroleerd.
#[derive(Debug, Parser)]
#[command(
    name = "avgdoc",
    version,
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Opdrachten",
    subcommand_value_name = "OPDRACHT",
    after_help = "Start avgdoc in de map met avgdoc.yaml en cases/, of geef die map aan met --root.\n\
Afsluitcode: 0 = in orde, 1 = fouten in zaken of brieven, 2 = verkeerde aanroep.\n\
Een verlopen termijn wordt als fout gemeld, maar houdt geen brief tegen en geeft alleen met \
--fail-on verlopen afsluitcode 1."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Toon deze hulptekst
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, help_heading = "Opties")]
    help: Option<bool>,

    /// Toon het versienummer
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help_heading = "Opties")]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Begin een nieuwe zaakrepository: avgdoc.yaml, cases/, .gitignore en CI-bestanden
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc init [MAP]",
        after_help = "Een bestaand bestand blijft altijd zoals het is.\n\
Afsluitcode: 0 = alles geschreven, 1 = een of meer bestanden bestonden al (de andere zijn geschreven), 2 = kan niet schrijven."
    )]
    Init {
        /// De map van de nieuwe zaakrepository [standaard: huidige map]
        #[arg(
            value_name = "MAP",
            default_value = ".",
            hide_default_value = true,
            help_heading = "Argumenten"
        )]
        map: PathBuf,
    },
    /// Maak een nieuw zaakbestand met het volgende vrije kenmerk
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc new <SOORT> [OPTIES]",
        after_help = "Het bestand komt in cases/<jaar>/<kenmerk>.yaml; vul daarna elke TODO in.\n\
Afsluitcode: 0 = geschreven, 2 = onbekende soort of kan niet schrijven."
    )]
    New {
        /// De soort zaak (zie `avgdoc --help`)
        #[arg(value_name = "SOORT", help_heading = "Argumenten")]
        soort: String,

        /// Map van de zaakrepository (met avgdoc.yaml en cases/) [standaard: huidige map]
        #[arg(
            long,
            value_name = "MAP",
            default_value = ".",
            hide_default_value = true,
            help_heading = "Opties"
        )]
        root: PathBuf,
    },
    /// Controleer alle zaken en zet elke brief proef, zonder te schrijven (afsluitcode 1 bij een fout)
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc validate [BESTAND…] [OPTIES]",
        after_help = "Met bestanden (zoals pre-commit ze geeft) controleert avgdoc alleen die zaakbestanden, met \
avgdoc.yaml en de sjablonen die ze gebruiken; een gewijzigd avgdoc.yaml, sjabloon of CSV-bestand van een zaak \
laat alles controleren, een ander bestand wordt overgeslagen. De organisatiebrede documenten worden alleen \
zonder bestanden gecontroleerd."
    )]
    Validate(ValidateArgs),
    /// Controleer alle zaken en maak de brieven van elke geldige zaak (alleen wat sinds de vorige keer veranderd is)
    #[command(help_template = HELP_TEMPLATE, override_usage = "avgdoc render [OPTIES]")]
    Render(RenderArgs),
    /// Toon welke brieven veranderen ten opzichte van een versie in git: nieuw, vervallen, gewijzigd (met de tekstverschillen)
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc diff <VERSIE> [OPTIES]",
        after_help = "Zet de zaakrepository zoals die in VERSIE staat (avgdoc.yaml, cases/, templates/; gelezen uit git, \
er wordt niets uitgecheckt) en zoals die nu in de werkmap staat, met dezelfde peil- en briefdatum, en vergelijkt de \
tekst van elk document. Alleen documenten waarvan iets veranderd is, worden proefgezet; er wordt niets geschreven.\n\n\
Voorbeelden:\n  avgdoc diff main\n  avgdoc diff HEAD~1 --format markdown > verschillen.md\n\n\
Met --format markdown zijn woorden uit de zaakbestanden (namen, adressen, vrije tekst) vervangen door […].\n\
Afsluitcode: 0 = geen verschillen, 1 = verschillen, 2 = verkeerde aanroep, geen git-repository of onbekende versie."
    )]
    Diff(DiffArgs),
    /// Maak de brieven en maak ze opnieuw zodra een zaak, sjabloon of avgdoc.yaml wordt opgeslagen
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc watch [OPTIES]",
        after_help = "Elke ronde maakt alleen de documenten waarvan iets veranderd is en begint met een regel met de tijd. \
Bewaakt avgdoc.yaml, cases/ en templates/; de uitvoermap en tijdelijke bestanden van editors tellen niet mee. \
Ctrl-C stopt (tijdens een ronde: na die ronde; nogmaals Ctrl-C: meteen).\n\
Afsluitcode: 0 = gestopt met Ctrl-C, 2 = verkeerde aanroep of de map kan niet worden bewaakt."
    )]
    Watch(WatchArgs),
    /// Toon de eerstvolgende termijn van elke open zaak
    #[command(
        help_template = HELP_TEMPLATE,
        visible_alias = "termijnen",
        override_usage = "avgdoc deadlines [OPTIES]"
    )]
    Deadlines(DeadlinesArgs),
    /// Bereken het einde van een wettelijke termijn
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc termijn <TERMIJN> <VANAF> [OPTIES]\n       avgdoc termijn --list",
        after_help = "Voorbeelden:\n  avgdoc termijn art14 2026-01-15 --uitleg\n  avgdoc termijn --list\nEen urentermijn begint op een tijdstip, bijvoorbeeld 2026-01-16T16:30."
    )]
    Termijn(TermijnArgs),
    /// Toon het JSON-schema van avgdoc.yaml of van een soort zaak (voor editors)
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc schema config\n       avgdoc schema <SOORT>\n       avgdoc schema --schrijf [--root MAP]",
        after_help = "Editors zoals VS Code (met de YAML-extensie) lezen het schema via de eerste regel van een \
bestand, bijvoorbeeld in cases/<jaar>/:\n  # yaml-language-server: $schema=../../schemas/<soort>.schema.json\n\
`avgdoc init` en `avgdoc new` zetten die regel er zelf in; `avgdoc init` schrijft ook de map schemas/.\n\
Na een nieuwe versie van avgdoc werkt `avgdoc schema --schrijf` de bestanden in schemas/ bij.\n\
Afsluitcode: 0 = getoond of geschreven, 2 = onbekende naam of kan niet schrijven."
    )]
    Schema {
        /// `config` (avgdoc.yaml) of een soort zaak (zie `avgdoc --help`); zonder naam: de lijst
        #[arg(
            value_name = "NAAM",
            help_heading = "Argumenten",
            conflicts_with = "schrijf"
        )]
        naam: Option<String>,

        /// Schrijf alle schema's naar schemas/ in de zaakrepository (bestaande bestanden worden bijgewerkt)
        #[arg(long, help_heading = "Opties")]
        schrijf: bool,

        /// Map van de zaakrepository, voor --schrijf [standaard: huidige map]
        #[arg(
            long,
            value_name = "MAP",
            default_value = ".",
            hide_default_value = true,
            help_heading = "Opties"
        )]
        root: PathBuf,
    },
    /// Toon alle regels met hun code en bron
    #[command(help_template = HELP_TEMPLATE)]
    Rules,
    /// Leg één regel uit, met bron en voorbeeld
    #[command(help_template = HELP_TEMPLATE, override_usage = "avgdoc explain <CODE>")]
    Explain {
        /// De code van de regel, bijvoorbeeld AVG-TERMIJN-01
        #[arg(value_name = "CODE", help_heading = "Argumenten")]
        code: String,
    },
    /// Toon de hulptekst van avgdoc of van één opdracht
    #[command(help_template = HELP_TEMPLATE, override_usage = "avgdoc help [OPDRACHT]")]
    Help {
        /// De opdracht, bijvoorbeeld render
        #[arg(value_name = "OPDRACHT", help_heading = "Argumenten")]
        opdracht: Option<String>,
    },
    /// Schrijf het aanvulscript voor een shell naar stdout (bash, zsh, fish, elvish, powershell)
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc completions <SHELL>",
        after_help = "Voorbeelden:\n  avgdoc completions bash > ~/.local/share/bash-completion/completions/avgdoc\n  avgdoc completions zsh > ~/.zfunc/_avgdoc\n  avgdoc completions fish > ~/.config/fish/completions/avgdoc.fish"
    )]
    Completions {
        /// bash, zsh, fish, elvish of powershell
        #[arg(
            value_name = "SHELL",
            value_enum,
            hide_possible_values = true,
            help_heading = "Argumenten"
        )]
        shell: clap_complete::Shell,
    },
    /// Schrijf de handleiding (man-pagina) naar stdout
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "avgdoc man [OPDRACHT]",
        after_help = "Voorbeelden:\n  avgdoc man | man -l -\n  avgdoc man > ~/.local/share/man/man1/avgdoc.1\n  avgdoc man render > ~/.local/share/man/man1/avgdoc-render.1"
    )]
    Man {
        /// Alleen de pagina van deze opdracht (avgdoc-<opdracht>(1)) [standaard: avgdoc(1)]
        #[arg(value_name = "OPDRACHT", help_heading = "Argumenten")]
        opdracht: Option<String>,
    },
}

/// `-q`: only what failed.
#[derive(Debug, Args)]
pub struct QuietArgs {
    /// Toon alleen fouten: geen waarschuwingen, geen voortgang, geen geschreven:-regels, en de samenvatting alleen als de afsluitcode niet 0 is
    #[arg(short = 'q', long = "quiet", help_heading = "Opties")]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Map van de zaakrepository (met avgdoc.yaml en cases/) [standaard: huidige map]
    #[arg(
        long,
        value_name = "MAP",
        default_value = ".",
        hide_default_value = true,
        help_heading = "Opties"
    )]
    pub root: PathBuf,

    /// Peildatum voor de termijncontrole, JJJJ-MM-DD [standaard: vandaag]
    #[arg(long, value_name = "DATUM", value_parser = parse_date, help_heading = "Opties")]
    pub vandaag: Option<NaiveDate>,
}

/// How validate and render print their diagnostics.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Meldingen als: mens (codefragmenten), json, github (annotaties in GitHub Actions), sarif (GitHub code scanning) of gitlab (GitLab Code Quality) [standaard: mens]
    #[arg(long = "format", value_name = "VORM", value_enum, default_value_t = Format::Mens, hide_default_value = true, hide_possible_values = true, help_heading = "Opties")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Controleer alleen deze zaakbestanden (of mappen in cases/), gezien vanuit de huidige map [standaard: alle zaken]
    #[arg(value_name = "BESTAND", help_heading = "Argumenten")]
    pub bestanden: Vec<PathBuf>,

    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub fail_on: FailOnArgs,

    /// Zet ook documenten proef die sinds de laatste `render` niet veranderd zijn
    #[arg(long, help_heading = "Opties")]
    pub force: bool,

    #[command(flatten)]
    pub quiet: QuietArgs,
}

/// When validate and render exit 1.
#[derive(Debug, Args)]
pub struct FailOnArgs {
    /// Afsluitcode 1 ook bij een verlopen termijn (verlopen), of ook bij elke waarschuwing (waarschuwing) [standaard: alleen bij fouten die een brief tegenhouden]
    #[arg(long = "fail-on", value_name = "NIVEAU", value_parser = ["verlopen", "waarschuwing"], hide_possible_values = true, help_heading = "Opties")]
    pub fail_on: Option<String>,
}

impl FailOnArgs {
    fn policy(&self) -> FailOn {
        match self.fail_on.as_deref() {
            Some("verlopen") => FailOn::Verlopen,
            Some(_) => FailOn::Waarschuwing,
            None => FailOn::Fouten,
        }
    }
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub diagnostics: OutputArgs,

    #[command(flatten)]
    pub fail_on: FailOnArgs,

    /// Map voor de brieven [standaard: output/ in de zaakrepository]
    #[arg(long, value_name = "MAP", help_heading = "Opties")]
    pub output: Option<PathBuf>,

    /// Datum van brieven die de zaak nog niet als verzonden vermeldt, JJJJ-MM-DD [standaard: vandaag]
    #[arg(long, value_name = "DATUM", value_parser = parse_date, help_heading = "Opties")]
    pub datum: Option<NaiveDate>,

    /// Maak niets; toon alleen welke documenten er zouden komen (kenmerk/document per regel)
    #[arg(long = "dry-run", help_heading = "Opties")]
    pub dry_run: bool,

    /// Maak elk document opnieuw, ook als niets eraan veranderd is
    #[arg(long, help_heading = "Opties")]
    pub force: bool,

    /// Verwijder documenten die geen zaak meer oplevert (zonder deze optie worden ze alleen gemeld)
    #[arg(long, help_heading = "Opties")]
    pub prune: bool,

    /// Maak alleen deel K van N (1 ≤ K ≤ N), voor N CI-taken naast elkaar; de organisatiebrede documenten horen bij deel 1
    #[arg(long, value_name = "K/N", value_parser = parse_shard, help_heading = "Opties")]
    pub shard: Option<(u32, u32)>,

    /// Aantal brieven tegelijk [standaard: het aantal processorkernen]
    #[arg(long, short = 'j', value_name = "AANTAL", value_parser = parse_jobs, help_heading = "Opties")]
    pub jobs: Option<u16>,

    #[command(flatten)]
    pub quiet: QuietArgs,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// De versie om mee te vergelijken: een tak, tag of commit, bijvoorbeeld main of HEAD~1
    #[arg(value_name = "VERSIE", help_heading = "Argumenten")]
    pub versie: String,

    #[command(flatten)]
    pub common: CommonArgs,

    /// Datum van brieven die de zaak nog niet als verzonden vermeldt, aan beide kanten, JJJJ-MM-DD [standaard: vandaag]
    #[arg(long, value_name = "DATUM", value_parser = parse_date, help_heading = "Opties")]
    pub datum: Option<NaiveDate>,

    /// Uitvoer: tekst (unified diff) of markdown (voor een reactie op een pull request) [standaard: tekst]
    #[arg(long, value_name = "VORM", default_value = "tekst", value_parser = ["tekst", "markdown"], hide_default_value = true, hide_possible_values = true, help_heading = "Opties")]
    pub format: String,

    /// Aantal brieven tegelijk [standaard: het aantal processorkernen]
    #[arg(long, short = 'j', value_name = "AANTAL", value_parser = parse_jobs, help_heading = "Opties")]
    pub jobs: Option<u16>,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Map voor de brieven [standaard: output/ in de zaakrepository]
    #[arg(long, value_name = "MAP", help_heading = "Opties")]
    pub output: Option<PathBuf>,

    /// Datum van brieven die de zaak nog niet als verzonden vermeldt, JJJJ-MM-DD [standaard: vandaag]
    #[arg(long, value_name = "DATUM", value_parser = parse_date, help_heading = "Opties")]
    pub datum: Option<NaiveDate>,

    /// Aantal brieven tegelijk [standaard: het aantal processorkernen]
    #[arg(long, short = 'j', value_name = "AANTAL", value_parser = parse_jobs, help_heading = "Opties")]
    pub jobs: Option<u16>,
}

fn parse_jobs(s: &str) -> Result<u16, String> {
    match s.parse::<u16>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "`{s}` is geen geldig aantal; geef een heel getal van 1 tot en met {}",
            u16::MAX
        )),
    }
}

#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Uitvoer: tabel, json, markdown (voor een CI-samenvatting) of ics (agenda) [standaard: tabel]
    #[arg(long, value_name = "VORM", default_value = "tabel", value_parser = ["tabel", "json", "markdown", "ics"], hide_default_value = true, hide_possible_values = true, help_heading = "Opties")]
    pub format: String,

    /// Peildatum, JJJJ-MM-DD (zelfde als --vandaag) [standaard: vandaag]
    #[arg(long, value_name = "DATUM", value_parser = parse_date, conflicts_with = "vandaag", help_heading = "Opties")]
    pub today: Option<NaiveDate>,

    /// Afsluitcode 1 bij een verlopen termijn (verlopen), of ook bij een termijn die bijna verloopt (waarschuwing)
    #[arg(long = "fail-on", value_name = "NIVEAU", value_parser = ["verlopen", "waarschuwing"], hide_possible_values = true, help_heading = "Opties")]
    pub fail_on: Option<String>,
}

#[derive(Debug, Args)]
pub struct TermijnArgs {
    /// De termijn, bijvoorbeeld art14 (zie --list)
    #[arg(
        id = "termijn",
        value_name = "TERMIJN",
        required_unless_present = "list",
        help_heading = "Argumenten"
    )]
    pub term: Option<String>,

    /// Begin van de termijn: een datum JJJJ-MM-DD, of voor urentermijnen een tijdstip (2026-01-16T16:30, Europe/Amsterdam)
    #[arg(
        id = "vanaf",
        value_name = "VANAF",
        required_unless_present = "list",
        help_heading = "Argumenten"
    )]
    pub start: Option<String>,

    /// Toon elke stap van de berekening met het artikel
    #[arg(long, help_heading = "Opties")]
    pub uitleg: bool,

    /// Toon alle termijnen
    #[arg(long, help_heading = "Opties")]
    pub list: bool,

    /// Uitvoer: tekst of json [standaard: tekst]
    #[arg(long, value_name = "VORM", default_value = "tekst", value_parser = ["tekst", "json"], hide_default_value = true, hide_possible_values = true, help_heading = "Opties")]
    pub format: String,

    /// Map met avgdoc.yaml, voor de daar ingestelde termijnen [standaard: huidige map]
    #[arg(
        long,
        value_name = "MAP",
        default_value = ".",
        hide_default_value = true,
        help_heading = "Opties"
    )]
    pub root: PathBuf,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        format!("`{s}` is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-23")
    })?;
    if !crate::calendar::in_range(d) {
        return Err(format!(
            "`{s}` ligt buiten {}–{}; schrijf een datum met een jaartal van {} tot en met {}",
            crate::calendar::MIN_YEAR,
            crate::calendar::MAX_YEAR,
            crate::calendar::MIN_YEAR,
            crate::calendar::MAX_YEAR
        ));
    }
    Ok(d)
}

fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let wrong = || format!("`{s}` is geen deel; schrijf K/N met 1 ≤ K ≤ N, bijvoorbeeld 2/4");
    let (k, n) = s.split_once('/').ok_or_else(wrong)?;
    let k: u32 = k.trim().parse().map_err(|_| wrong())?;
    let n: u32 = n.trim().parse().map_err(|_| wrong())?;
    if k == 0 || n == 0 || k > n || n > 10_000 {
        return Err(wrong());
    }
    Ok((k, n))
}

fn today() -> NaiveDate {
    // Dates are Dutch legal dates: take today's date in Europe/Amsterdam.
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive()
}

/// The command line as clap knows it, with the kinds in the description:
/// for parsing, `avgdoc help`, the completions and the man page.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let about = format!(
        "avgdoc: van zaakbestand (YAML) naar officiële brief (PDF) voor privacyzaken, met alle \
wettelijke termijnen gecontroleerd.\nSoorten zaken: {}.",
        crate::kinds::soorten().join(", ")
    );
    Cli::command().about(about)
}

/// Parse the command line, printing clap's errors in Dutch.
pub fn parse() -> Result<Cli, ExitCode> {
    use clap::FromArgMatches;
    let command = command();
    let parsed = command
        .clone()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => Ok(cli),
        Err(e) => match e.kind() {
            clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                let _ = e.print();
                Err(ExitCode::SUCCESS)
            }
            clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            | clap::error::ErrorKind::MissingSubcommand => {
                let _ = command.clone().print_help();
                Err(ExitCode::from(2))
            }
            _ => {
                // Point at the help of the subcommand given, if any.
                let sub = std::env::args().skip(1).find_map(|a| {
                    command
                        .find_subcommand(&a)
                        .map(|c| c.get_name().to_string())
                });
                let help = match sub {
                    Some(name) => format!("avgdoc {name} --help"),
                    None => "avgdoc --help".to_string(),
                };
                eprintln!(
                    "fout: {}\n\nGebruik `{help}` voor de mogelijkheden.",
                    clap_error_dutch(&e)
                );
                Err(ExitCode::from(2))
            }
        },
    }
}

/// A clap error in Dutch: clap's own messages are English.
fn clap_error_dutch(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |k: ContextKind| e.get(k).map(|v| v.to_string());
    let arg = text(ContextKind::InvalidArg)
        .or_else(|| text(ContextKind::InvalidSubcommand))
        .unwrap_or_default();
    // "--jobs <AANTAL>" → "--jobs"
    let name = arg.split(' ').next().unwrap_or_default().to_string();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let list = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::String(v)) => format!("`{v}`"),
        _ => String::new(),
    };
    let suggestion = match list(ContextKind::SuggestedSubcommand) {
        s if !s.is_empty() => format!("; bedoelde u {s}?"),
        _ => match list(ContextKind::SuggestedArg) {
            s if !s.is_empty() => format!("; bedoelde u {s}?"),
            _ => String::new(),
        },
    };
    match e.kind() {
        ErrorKind::InvalidSubcommand => format!("onbekende opdracht `{arg}`{suggestion}"),
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            format!("onbekende optie `{arg}`{suggestion}")
        }
        ErrorKind::UnknownArgument => format!("onverwacht argument `{arg}`"),
        ErrorKind::MissingRequiredArgument => format!("verplicht argument ontbreekt: {arg}"),
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("optie {arg} verwacht een waarde")
        }
        ErrorKind::ValueValidation | ErrorKind::InvalidValue => {
            let valid = list(ContextKind::ValidValue);
            match std::error::Error::source(e) {
                Some(src) => format!("ongeldige waarde voor {name}: {src}"),
                None if !valid.is_empty() => {
                    format!("ongeldige waarde `{value}` voor {name}; mogelijk: {valid}")
                }
                None => format!("ongeldige waarde `{value}` voor {name}"),
            }
        }
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) if prior == arg => format!("optie {name} is meer dan eens gegeven"),
            Some(prior) => format!(
                "optie {name} kan niet samen met {}",
                prior.split(' ').next().unwrap_or_default()
            ),
            None => format!("optie {name} kan niet samen met een andere optie"),
        },
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            format!("onverwachte waarde `{value}` voor {name}")
        }
        ErrorKind::InvalidUtf8 => "een argument is geen geldige UTF-8-tekst".to_string(),
        _ => "ongeldige aanroep".to_string(),
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Validate(args) => {
            let quiet = args.quiet.quiet;
            let progress = crate::term::Progress::new(quiet, "proefgezet");
            let mut opts = options(&args.common, None, None, None);
            opts.on_document = progress.hook();
            opts.force = args.force;
            if !args.bestanden.is_empty() {
                let cwd = std::env::current_dir().unwrap_or_default();
                match crate::load::select(&args.common.root, &cwd, &args.bestanden) {
                    Ok(selection) => {
                        for n in &selection.notes {
                            eprintln!("opmerking: {n}");
                        }
                        if selection.only.as_ref().is_some_and(Vec::is_empty) {
                            eprintln!("geen zaakbestand om te controleren");
                            // Machine formats still give a valid, empty report.
                            print_diagnostics(
                                &pipeline::Outcome::empty(),
                                args.output.format,
                                quiet,
                            );
                            return ExitCode::SUCCESS;
                        }
                        opts.only = selection.only;
                    }
                    Err(msg) => {
                        eprintln!("fout: {msg}");
                        return ExitCode::from(2);
                    }
                }
            }
            // The process ends after this command: its cases are left for
            // the system to free at once, not one by one (see `render`).
            let outcome = std::mem::ManuallyDrop::new(pipeline::validate(&opts));
            progress.finish();
            print_diagnostics(&outcome, args.output.format, quiet);
            let code = exit_code(&outcome, args.fail_on.policy());
            if !quiet || code != ExitCode::SUCCESS {
                eprintln!("{}", summary(&outcome, false, args.fail_on.policy()));
            }
            code
        }
        Command::Render(args) if args.dry_run => {
            let quiet = args.quiet.quiet;
            let opts = options(&args.common, args.output, args.datum, None);
            let (outcome, planned) = pipeline::plan(&opts);
            print_diagnostics(&outcome, args.diagnostics.format, quiet);
            // With machine-readable diagnostics on stdout, the list goes to stderr.
            for p in &planned {
                if !args.diagnostics.format.is_machine() {
                    println!("{p}");
                } else {
                    eprintln!("{p}");
                }
            }
            let code = exit_code(&outcome, args.fail_on.policy());
            if !quiet || code != ExitCode::SUCCESS {
                eprintln!("{}", summary(&outcome, false, args.fail_on.policy()));
            }
            code
        }
        Command::Render(args) => {
            let quiet = args.quiet.quiet;
            let progress = crate::term::Progress::new(quiet, "gemaakt");
            let mut opts = options(&args.common, args.output, args.datum, args.jobs);
            opts.on_document = progress.hook();
            opts.force = args.force;
            opts.prune = args.prune;
            opts.shard = args.shard;
            // The process ends after this command. Freeing thousands of cases
            // value by value costs more than the system's unmapping them at
            // exit (a tenth of a no-op run over 10,000 cases); nothing in an
            // outcome needs dropping (files are written and closed by now).
            let outcome = std::mem::ManuallyDrop::new(pipeline::render(&opts));
            progress.finish();
            print_diagnostics(&outcome, args.diagnostics.format, quiet);
            let machine = args.diagnostics.format.is_machine();
            let line = |text: String| {
                if quiet {
                } else if machine {
                    eprintln!("{text}");
                } else {
                    println!("{text}");
                }
            };
            for p in &outcome.done.written {
                // As seen from where avgdoc was started, like the diagnostics.
                let shown = p.strip_prefix(".").unwrap_or(p);
                line(format!("geschreven: {}", shown.display()));
            }
            let out = opts.output.strip_prefix(".").unwrap_or(&opts.output);
            for p in &outcome.done.stale {
                let shown = out.join(p);
                if outcome.done.pruned {
                    line(format!("verwijderd: {}", shown.display()));
                } else {
                    line(format!(
                        "verouderd: {} (geen zaak maakt dit nog; `avgdoc render --prune` verwijdert het)",
                        shown.display()
                    ));
                }
            }
            for n in &outcome.done.notes {
                eprintln!("let op: {n}");
            }
            let code = exit_code(&outcome, args.fail_on.policy());
            if !quiet || code != ExitCode::SUCCESS {
                eprintln!("{}", summary(&outcome, true, args.fail_on.policy()));
            }
            code
        }
        Command::Diff(args) => {
            let opts = options(&args.common, None, args.datum, args.jobs);
            crate::diff::run(&crate::diff::DiffOptions {
                root: opts.root,
                git_ref: args.versie,
                today: opts.today,
                letter_date: opts.letter_date,
                jobs: opts.jobs,
                base: opts.base,
                markdown: args.format == "markdown",
            })
        }
        Command::Watch(args) => watch(args),
        Command::Help { opdracht } => help(opdracht.as_deref()),
        Command::Completions { shell } => {
            let mut cmd = command();
            clap_complete::generate(shell, &mut cmd, "avgdoc", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man { opdracht } => man(opdracht.as_deref()),
        Command::Deadlines(args) => deadlines(args),
        Command::Init { map } => init(&map),
        Command::New { soort, root } => new_case(&soort, &root),
        Command::Termijn(args) => termijn(args),
        Command::Schema {
            naam,
            schrijf,
            root,
        } => schema(naam.as_deref(), schrijf, &root),
        Command::Rules => {
            let mut out = std::io::stdout().lock();
            for r in rules::all() {
                let _ = writeln!(out, "{:<16} {:<12} {}", r.id, r.severity.word(), r.title);
                let _ = writeln!(out, "{:<16} {:<12} bron: {}", "", "", r.source);
            }
            ExitCode::SUCCESS
        }
        Command::Explain { code } => match rules::find(&code) {
            Some(r) => {
                println!(
                    "{} ({})\n\n{}\n\nBron: {}\n\n{}",
                    r.id,
                    r.severity.word(),
                    r.title,
                    r.source,
                    r.explanation
                );
                ExitCode::SUCCESS
            }
            None => {
                let ids: Vec<&str> = rules::all().into_iter().map(|r| r.id).collect();
                let upper = code.to_uppercase();
                match crate::suggest::closest(&upper, ids.iter().copied()) {
                    Some(best) => eprintln!(
                        "fout: onbekende regel `{code}`; bedoelde u `{best}`? `avgdoc rules` toont alle regels"
                    ),
                    None => eprintln!(
                        "fout: onbekende regel `{code}`; `avgdoc rules` toont alle regels"
                    ),
                }
                ExitCode::from(2)
            }
        },
    }
}

/// `avgdoc schema`: print one schema, list them, or write them all.
fn schema(naam: Option<&str>, schrijf: bool, root: &std::path::Path) -> ExitCode {
    use crate::schema;
    if schrijf {
        let dir = root.join(schema::DIR);
        for (rel, text) in schema::files() {
            let name = rel.trim_start_matches(schema::DIR).trim_start_matches('/');
            match crate::write::write_atomic(&dir, std::path::Path::new(name), text.as_bytes()) {
                Ok(p) => println!("geschreven: {}", p.display()),
                Err(e) => {
                    eprintln!(
                        "fout: kan {} niet schrijven: {}",
                        dir.join(name).display(),
                        crate::write::reason(&e)
                    );
                    return ExitCode::from(2);
                }
            }
        }
        return ExitCode::SUCCESS;
    }
    let Some(naam) = naam else {
        println!("De schema's (avgdoc schema <NAAM>; avgdoc init schrijft ze naar schemas/):");
        for n in schema::names() {
            println!("  {n:<26} {}/{}", schema::DIR, schema::file_name(n));
        }
        return ExitCode::SUCCESS;
    };
    match schema::by_name(naam) {
        Some(s) => {
            print!("{}", schema::text(s));
            ExitCode::SUCCESS
        }
        None => {
            let names = schema::names();
            let mut msg = format!("fout: onbekend schema `{naam}`");
            if let Some(best) = crate::suggest::closest(naam, names.iter().copied()) {
                msg.push_str(&format!("; bedoelde u `{best}`?"));
            }
            eprintln!("{msg}\nBekende schema's: {}.", names.join(", "));
            ExitCode::from(2)
        }
    }
}

/// `avgdoc watch`: a line with the time per round, then what render prints.
fn watch(args: WatchArgs) -> ExitCode {
    let opts = options(&args.common, args.output, args.datum, args.jobs);
    let out = opts
        .output
        .strip_prefix(".")
        .unwrap_or(&opts.output)
        .to_path_buf();
    let report = |round: &crate::watch::Round, outcome: &Outcome| {
        let time = chrono::Local::now().format("%H:%M:%S");
        match round {
            crate::watch::Round::First => println!("[{time}] alle documenten"),
            crate::watch::Round::Changed(paths) => {
                let mut names: Vec<String> = paths
                    .iter()
                    .take(3)
                    .map(|p| p.display().to_string())
                    .collect();
                if paths.len() > 3 {
                    names.push(format!("en {} meer", paths.len() - 3));
                }
                println!("[{time}] gewijzigd: {}", names.join(", "));
            }
        }
        print_diagnostics(outcome, Format::Mens, false);
        for p in &outcome.done.written {
            let shown = p.strip_prefix(".").unwrap_or(p);
            println!("geschreven: {}", shown.display());
        }
        for p in &outcome.done.stale {
            println!(
                "verouderd: {} (geen zaak maakt dit nog; `avgdoc render --prune` verwijdert het)",
                out.join(p).display()
            );
        }
        for n in &outcome.done.notes {
            eprintln!("let op: {n}");
        }
        eprintln!("{}", summary(outcome, true, FailOn::Fouten));
    };
    let waiting = || {
        eprintln!(
            "avgdoc wacht op wijzigingen in avgdoc.yaml, cases/ en templates/ (Ctrl-C stopt)"
        );
    };
    match crate::watch::run(&opts, report, waiting) {
        Ok(()) => {
            eprintln!("gestopt");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("fout: {msg}");
            ExitCode::from(2)
        }
    }
}

fn init(map: &std::path::Path) -> ExitCode {
    match crate::scaffold::init(map) {
        Ok(outcome) => {
            for p in &outcome.written {
                println!("geschreven: {}", p.display());
            }
            for p in &outcome.existing {
                eprintln!(
                    "overgeslagen: {} bestaat al en blijft zoals het is",
                    p.display()
                );
            }
            if outcome.existing.is_empty() {
                eprintln!(
                    "Vul nu elke TODO in {} in; `avgdoc new <soort>` maakt een zaak.",
                    map.join(crate::load::CONFIG_FILE).display()
                );
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!(
                "fout: kan de zaakrepository in {} niet maken: {}",
                map.display(),
                crate::write::reason(&e)
            );
            ExitCode::from(2)
        }
    }
}

fn new_case(soort: &str, root: &std::path::Path) -> ExitCode {
    let Some(kind) = crate::kinds::find(soort) else {
        let soorten = crate::kinds::soorten();
        let mut msg = format!("fout: onbekende soort `{soort}`");
        if let Some(best) = crate::suggest::closest(soort, soorten.iter().copied()) {
            msg.push_str(&format!("; bedoelde u `{best}`?"));
        }
        eprintln!("{msg}\nBekende soorten: {}.", soorten.join(", "));
        return ExitCode::from(2);
    };
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Amsterdam);
    match crate::scaffold::new_case(
        root,
        kind,
        now.date_naive(),
        &now.format("%H:%M").to_string(),
    ) {
        Ok(path) => {
            println!("{}", path.strip_prefix(".").unwrap_or(&path).display());
            eprintln!("Vul nu elke TODO in; `avgdoc validate` wijst aan wat nog ontbreekt.");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("fout: {}", msg.trim_start_matches("fout: ").trim_end());
            ExitCode::from(2)
        }
    }
}

fn deadlines(args: DeadlinesArgs) -> ExitCode {
    let today = args.today.or(args.common.vandaag).unwrap_or_else(today);
    let ws = crate::load::load_named(&args.common.root, &base_of(&args.common.root));
    // Files that did not load have unknown deadlines: say so, fail.
    crate::term::print_code_frames(&ws.sources, &ws.report.diagnostics, false);
    let entries = report::open_deadlines(&ws, today);
    let text = match args.format.as_str() {
        "json" => report::json(&entries, today),
        "markdown" => report::markdown(&entries, today),
        "ics" => report::ics(&ws, today),
        _ => {
            crate::term::print_table(&report::table(&entries, today), &entries);
            String::new()
        }
    };
    print!("{text}");
    let fail = match args.fail_on.as_deref() {
        Some("verlopen") => entries.iter().any(|e| e.status == Status::Verlopen),
        Some(_) => entries.iter().any(|e| e.status != Status::OpTijd),
        None => false,
    };
    if ws.report.has_errors() {
        eprintln!(
            "fout: niet elke zaak kon worden gelezen; hun termijnen ontbreken in dit overzicht"
        );
        return ExitCode::from(1);
    }
    if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn termijn(args: TermijnArgs) -> ExitCode {
    // Lengths set in avgdoc.yaml apply when there is one; without it, the
    // calculator works with the defaults.
    let settings = {
        let ws_config = std::fs::read_to_string(args.root.join(crate::load::CONFIG_FILE)).ok();
        match ws_config {
            None => crate::model::Termijnen::default(),
            Some(_) => {
                let ws = crate::load::load_config_only(&args.root);
                match ws {
                    Ok(c) => c.termijnen,
                    Err(msg) => {
                        eprint!("{msg}");
                        return ExitCode::from(2);
                    }
                }
            }
        }
    };
    if args.list {
        let mut out = std::io::stdout().lock();
        for t in crate::kinds::terms() {
            let configured = t.configured(&settings);
            let _ = writeln!(out, "{:<30} {:<16} {}", t.id, t.rule.id, t.name);
            let _ = writeln!(out, "{:<30} {:<16} begin: {}", "", "", t.start);
            let length = match t.setting.map(|s| s.key()) {
                Some(key) if configured.length != t.length => {
                    format!("{} (ingesteld met {key})", describe_length(&configured))
                }
                Some(key) => format!("{} (in te stellen met {key})", t.length_text),
                None => t.length_text.to_string(),
            };
            let _ = writeln!(
                out,
                "{:<30} {:<16} duur: {length}; {}; bron: {}",
                "",
                "",
                t.regime_name(),
                t.source()
            );
        }
        return ExitCode::SUCCESS;
    }
    let (Some(id), Some(start)) = (args.term, args.start) else {
        eprintln!("fout: geef een termijn en een begin, of --list");
        return ExitCode::from(2);
    };
    let Some(term) = crate::kinds::find_term(&id) else {
        let ids: Vec<&str> = crate::kinds::terms().iter().map(|t| t.id).collect();
        match crate::suggest::closest(&id, ids.iter().copied()) {
            Some(best) => eprintln!(
                "fout: onbekende termijn `{id}`; bedoelde u `{best}`? `avgdoc termijn --list` toont alle termijnen"
            ),
            None => eprintln!(
                "fout: onbekende termijn `{id}`; `avgdoc termijn --list` toont alle termijnen"
            ),
        }
        return ExitCode::from(2);
    };
    let term = &term.configured(&settings);
    let (start_text, end_text, steps) = match term.start_kind() {
        terms::StartKind::Date => {
            let date = match parse_date(&start) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("fout: {e}");
                    return ExitCode::from(2);
                }
            };
            let r = term.compute_date(date).expect("date term");
            (date.to_string(), r.end.to_string(), r.steps)
        }
        terms::StartKind::DateTime => {
            let moment = match terms::parse_moment(&start) {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("fout: {e}");
                    return ExitCode::from(2);
                }
            };
            let r = term.compute_hours(moment).expect("hour term");
            let local = moment.with_timezone(&chrono_tz::Europe::Amsterdam);
            (local.to_rfc3339(), r.end.to_rfc3339(), r.steps)
        }
    };
    for s in steps.iter().filter(|s| s.text.starts_with("waarschuwing")) {
        eprintln!("{}", s.text);
    }
    if args.format == "json" {
        let v = serde_json::json!({
            "term": term.id,
            "start": start_text,
            "end": end_text,
            "regime": term.regime_name(),
            "source": term.source(),
            "steps": steps.iter().map(|s| serde_json::json!({"text": s.text, "source": s.source})).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        println!("{end_text}");
        if args.uitleg {
            println!();
            println!(
                "{} ({}), {}; bron: {}",
                term.name,
                term.rule.id,
                term.regime_name(),
                term.source()
            );
            for s in &steps {
                println!("  {} ({})", s.text, s.source);
            }
        }
    }
    ExitCode::SUCCESS
}

fn describe_length(t: &terms::Term) -> String {
    match t.length {
        terms::Length::Period(p, _) => p.describe(),
        terms::Length::Hours(h) => format!("{h} uur"),
        _ => t.length_text.to_string(),
    }
}

/// The repository as named from the folder avgdoc was started in.
fn base_of(root: &std::path::Path) -> String {
    crate::diag::display_base(root, std::env::current_dir().ok().as_deref())
}

fn options(
    args: &CommonArgs,
    output: Option<PathBuf>,
    datum: Option<NaiveDate>,
    jobs: Option<u16>,
) -> RunOptions {
    let today = args.vandaag.unwrap_or_else(today);
    RunOptions {
        root: args.root.clone(),
        output: output.unwrap_or_else(|| args.root.join("output")),
        today,
        letter_date: datum.unwrap_or(today),
        jobs: jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        ),
        base: base_of(&args.root),
        force: false,
        prune: false,
        shard: None,
        only: None,
        on_document: None,
    }
}

/// Diagnostics go to stderr as code frames (in colour at a terminal; with
/// `--quiet` only the errors); as JSON or GitHub workflow commands they go
/// to stdout, where CI reads them, all of them.
fn print_diagnostics(outcome: &Outcome, format: Format, quiet: bool) {
    if format.is_machine() {
        let text = diag_render::render(format, &outcome.sources, &outcome.report.diagnostics);
        print!("{text}");
    } else {
        crate::term::print_code_frames(&outcome.sources, &outcome.report.diagnostics, quiet);
    }
}

/// `avgdoc help [OPDRACHT]`: the same text as `avgdoc [OPDRACHT] --help`.
fn help(opdracht: Option<&str>) -> ExitCode {
    let mut cmd = command();
    let Some(name) = opdracht else {
        let _ = cmd.print_help();
        return ExitCode::SUCCESS;
    };
    match cmd.find_subcommand(name).map(|c| c.get_name().to_string()) {
        Some(name) => match cmd.try_get_matches_from_mut(["avgdoc", name.as_str(), "--help"]) {
            Err(e) => {
                let _ = e.print();
                ExitCode::SUCCESS
            }
            Ok(_) => ExitCode::SUCCESS,
        },
        None => unknown_command(&cmd, name),
    }
}

fn unknown_command(cmd: &clap::Command, name: &str) -> ExitCode {
    let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
    let mut msg = format!("fout: onbekende opdracht `{name}`");
    if let Some(best) = crate::suggest::closest(name, names.iter().copied()) {
        msg.push_str(&format!("; bedoelde u `{best}`?"));
    }
    eprintln!("{msg}\nOpdrachten: {}.", names.join(", "));
    ExitCode::from(2)
}

/// `avgdoc man [OPDRACHT]`: the man page in roff, section headings in Dutch.
fn man(opdracht: Option<&str>) -> ExitCode {
    let mut cmd = command();
    // Built, so the global -h/--help (in Dutch) reaches every subcommand.
    cmd.build();
    let page = match opdracht {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => {
                // clap takes names as `&'static str`; this runs once.
                let full: &'static str = Box::leak(format!("avgdoc-{}", sub.get_name()).into());
                sub.clone()
                    .name(full)
                    .bin_name(full)
                    .version(env!("CARGO_PKG_VERSION"))
                    .disable_help_flag(true)
                    .disable_version_flag(true)
            }
            None => return unknown_command(&cmd, name),
        },
    };
    let mut roff = Vec::new();
    if clap_mangen::Man::new(page).render(&mut roff).is_err() {
        eprintln!("fout: kan de man-pagina niet maken");
        return ExitCode::from(2);
    }
    let mut text = String::from_utf8_lossy(&roff).into_owned();
    for (en, nl) in [
        (".SH NAME", ".SH NAAM"),
        (".SH SYNOPSIS", ".SH OVERZICHT"),
        (".SH DESCRIPTION", ".SH BESCHRIJVING"),
        (".SH OPTIONS", ".SH OPTIES"),
        (".SH SUBCOMMANDS", ".SH OPDRACHTEN"),
        (".SH Opdrachten", ".SH OPDRACHTEN"),
        (".SH EXTRA", ".SH TOELICHTING"),
        (".SH VERSION", ".SH VERSIE"),
        (".SH AUTHORS", ".SH AUTEURS"),
    ] {
        text = text.replace(&format!("{en}\n"), &format!("{nl}\n"));
    }
    print!("{text}");
    ExitCode::SUCCESS
}

fn summary(outcome: &Outcome, render: bool, policy: FailOn) -> String {
    let errors = outcome.report.errors();
    let warnings = outcome
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let mut s = format!(
        "{} {} gecontroleerd: {} {}, {} {}",
        outcome.cases,
        if outcome.cases == 1 { "zaak" } else { "zaken" },
        errors,
        if errors == 1 { "fout" } else { "fouten" },
        warnings,
        if warnings == 1 {
            "waarschuwing"
        } else {
            "waarschuwingen"
        },
    );
    let verlopen = outcome.report.verlopen();
    if verlopen > 0 {
        s.push_str(&format!(
            " (waarvan {verlopen} {}{})",
            if verlopen == 1 {
                "verlopen termijn"
            } else {
                "verlopen termijnen"
            },
            // Under --fail-on verlopen they do fail the run.
            if policy >= FailOn::Verlopen {
                ""
            } else {
                ": geen afsluitcode 1 zonder --fail-on verlopen"
            }
        ));
    }
    if !render && (outcome.done.rendered > 0 || outcome.done.unchanged > 0) {
        s.push_str(&format!(
            "; {} {} proefgezet, {} ongewijzigd sinds de laatste render",
            outcome.done.rendered,
            if outcome.done.rendered == 1 {
                "document"
            } else {
                "documenten"
            },
            outcome.done.unchanged,
        ));
    }
    if render {
        let done = &outcome.done;
        s.push_str(&format!(
            "; {} {} gemaakt ({} {}), {} ongewijzigd",
            done.rendered,
            if done.rendered == 1 {
                "document"
            } else {
                "documenten"
            },
            // Letters with their text, the privacyverklaring (PDF and
            // HTML) and registers.
            done.written.len(),
            if done.written.len() == 1 {
                "bestand"
            } else {
                "bestanden"
            },
            done.unchanged,
        ));
        if outcome.cases_failed > 0 {
            s.push_str(&format!(
                "; {} {} niet (volledig) verwerkt",
                outcome.cases_failed,
                if outcome.cases_failed == 1 {
                    "zaak"
                } else {
                    "zaken"
                }
            ));
        }
    }
    s
}

fn exit_code(outcome: &Outcome, policy: FailOn) -> ExitCode {
    if outcome.failed(policy) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
