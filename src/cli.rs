//! The command line: what the user typed (clap, Dutch help) and the dispatch
//! to the pipeline. Exit codes: 0 all well, 1 errors in cases or letters,
//! 2 wrong invocation or an unusable repository.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgAction, Args, Parser, Subcommand};

use crate::diag::Severity;
use crate::pipeline::{self, Outcome, RunOptions};
use crate::rules;

const HELP_TEMPLATE: &str = "\
{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

/// avgdoc: van zaakbestand (YAML) naar officiële brief (PDF) voor
/// AVG-verzoeken, met alle wettelijke termijnen gecontroleerd.
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
Afsluitcode: 0 = in orde, 1 = fouten in zaken of brieven, 2 = verkeerde aanroep."
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
    /// Controleer alle zaken in cases/ (afsluitcode 1 bij een fout)
    #[command(help_template = HELP_TEMPLATE)]
    Validate(CommonArgs),
    /// Controleer alle zaken en maak de brieven van elke geldige zaak
    #[command(help_template = HELP_TEMPLATE)]
    Render(RenderArgs),
    /// Toon alle regels met hun code en bron
    #[command(help_template = HELP_TEMPLATE)]
    Rules,
    /// Leg één regel uit, met bron en voorbeeld
    #[command(help_template = HELP_TEMPLATE)]
    Explain {
        /// De code van de regel, bijvoorbeeld AVG-TERMIJN-01
        #[arg(value_name = "CODE", help_heading = "Argumenten")]
        code: String,
    },
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

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Map voor de brieven [standaard: output/ in de zaakrepository]
    #[arg(long, value_name = "MAP", help_heading = "Opties")]
    pub output: Option<PathBuf>,

    /// Datum van brieven die de zaak nog niet als verzonden vermeldt, JJJJ-MM-DD [standaard: vandaag]
    #[arg(long, value_name = "DATUM", value_parser = parse_date, help_heading = "Opties")]
    pub datum: Option<NaiveDate>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        format!("`{s}` is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-23")
    })
}

fn today() -> NaiveDate {
    // Dates are Dutch legal dates: take today's date in Europe/Amsterdam.
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive()
}

/// Parse the command line, printing clap's errors in Dutch.
pub fn parse() -> Result<Cli, ExitCode> {
    use clap::error::{ContextKind, ErrorKind};
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                let _ = e.print();
                Err(ExitCode::SUCCESS)
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
                let mut cmd = <Cli as clap::CommandFactory>::command();
                let _ = cmd.print_help();
                Err(ExitCode::from(2))
            }
            kind => {
                let arg = e
                    .get(ContextKind::InvalidArg)
                    .or_else(|| e.get(ContextKind::InvalidSubcommand))
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                let value = e.get(ContextKind::InvalidValue).map(|v| v.to_string());
                let msg = match kind {
                    ErrorKind::InvalidSubcommand => format!("onbekende opdracht `{arg}`"),
                    ErrorKind::UnknownArgument => format!("onbekende optie `{arg}`"),
                    ErrorKind::MissingRequiredArgument => {
                        format!("verplicht argument ontbreekt: {arg}")
                    }
                    ErrorKind::ValueValidation | ErrorKind::InvalidValue => match e.source() {
                        Some(src) => format!("ongeldige waarde voor {arg}: {src}"),
                        None => format!(
                            "ongeldige waarde `{}` voor {arg}",
                            value.unwrap_or_default()
                        ),
                    },
                    ErrorKind::ArgumentConflict => {
                        format!("optie {arg} kan niet samen met een andere optie")
                    }
                    ErrorKind::TooManyValues => {
                        format!("optie {arg} is te vaak gegeven")
                    }
                    _ => format!("ongeldige aanroep ({kind})"),
                };
                eprintln!("fout: {msg}\n\nGebruik `avgdoc --help` voor de mogelijkheden.");
                Err(ExitCode::from(2))
            }
        },
    }
}

use std::error::Error as _;

/// Run a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Validate(args) => {
            let opts = options(&args, None, None);
            let outcome = pipeline::validate(&opts);
            print_diagnostics(&outcome);
            eprintln!("{}", summary(&outcome, false));
            exit_code(&outcome)
        }
        Command::Render(args) => {
            let opts = options(&args.common, args.output, args.datum);
            let outcome = pipeline::render(&opts);
            print_diagnostics(&outcome);
            let mut stdout = std::io::stdout().lock();
            for p in &outcome.written {
                let shown = p.strip_prefix(&opts.root).unwrap_or(p);
                let _ = writeln!(stdout, "geschreven: {}", shown.display());
            }
            let _ = stdout.flush();
            drop(stdout);
            eprintln!("{}", summary(&outcome, true));
            exit_code(&outcome)
        }
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
                eprintln!("fout: onbekende regel `{code}`; `avgdoc rules` toont alle regels");
                ExitCode::from(2)
            }
        },
    }
}

fn options(args: &CommonArgs, output: Option<PathBuf>, datum: Option<NaiveDate>) -> RunOptions {
    let today = args.vandaag.unwrap_or_else(today);
    RunOptions {
        root: args.root.clone(),
        output: output.unwrap_or_else(|| args.root.join("output")),
        today,
        letter_date: datum.unwrap_or(today),
    }
}

fn print_diagnostics(outcome: &Outcome) {
    let mut err = std::io::stderr().lock();
    for d in &outcome.report.diagnostics {
        let _ = write!(err, "{}", outcome.sources.render(d));
        let _ = writeln!(err);
    }
}

fn summary(outcome: &Outcome, render: bool) -> String {
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
    if render {
        s.push_str(&format!(
            "; {} {} gemaakt",
            outcome.written.len(),
            if outcome.written.len() == 1 {
                "brief"
            } else {
                "brieven"
            }
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

fn exit_code(outcome: &Outcome) -> ExitCode {
    if outcome.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
