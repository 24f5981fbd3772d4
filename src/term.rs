//! The terminal: colour, the progress bar and quiet output.
//!
//! Colour follows one decision for every stream ([`colour_choice`]): off
//! when the stream is not a terminal or `NO_COLOR` is set (any non-empty
//! value, <https://no-color.org>), on when `CLICOLOR_FORCE` is set (for
//! tests and pagers), otherwise termcolor's `Auto` (which also honours
//! `TERM=dumb`). Code frames use it through codespan-reporting's termcolor;
//! the deadline table colours its rows with the same writer.

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use codespan_reporting::term::termcolor::{
    Color, ColorChoice, ColorSpec, StandardStream, WriteColor,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::calendar::Status;
use crate::diag::{Diagnostic, Severity, Sources};
use crate::pipeline::OnDocument;
use crate::report::Entry;

/// Which stream a text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

fn set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

/// Whether (and how) to colour text written to `stream`.
pub fn colour_choice(stream: Stream) -> ColorChoice {
    let terminal = match stream {
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    };
    if set("NO_COLOR") {
        ColorChoice::Never
    } else if set("CLICOLOR_FORCE") {
        ColorChoice::AlwaysAnsi
    } else if terminal {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    }
}

fn open(stream: Stream) -> StandardStream {
    let choice = colour_choice(stream);
    match stream {
        Stream::Stdout => StandardStream::stdout(choice),
        Stream::Stderr => StandardStream::stderr(choice),
    }
}

/// Human code frames on stderr, in colour when [`colour_choice`] says so;
/// with `quiet` only the errors.
pub fn print_code_frames(sources: &Sources, diags: &[Diagnostic], quiet: bool) {
    let mut err = open(Stream::Stderr);
    for d in diags {
        if quiet && d.severity != Severity::Error {
            continue;
        }
        if err.supports_color() {
            let _ =
                err.write_all(crate::diag::render::mens::render_coloured(sources, d).as_bytes());
        } else {
            let _ = err.write_all(crate::diag::render::mens::render(sources, d).as_bytes());
        }
        let _ = writeln!(err);
    }
}

/// The deadline table on stdout: a passed deadline's row in red, a near
/// one's in yellow (when colour is on).
pub fn print_table(table: &str, entries: &[Entry]) {
    let mut out = open(Stream::Stdout);
    // `report::table` writes a title, a blank line, the header and its rule,
    // then one row per entry in order.
    for (n, line) in table.lines().enumerate() {
        let colour = n
            .checked_sub(4)
            .and_then(|i| entries.get(i))
            .and_then(|e| match e.status {
                Status::Verlopen => Some(Color::Red),
                Status::Binnenkort => Some(Color::Yellow),
                Status::OpTijd => None,
            });
        match colour {
            Some(c) => {
                let _ = out.set_color(ColorSpec::new().set_fg(Some(c)).set_bold(c == Color::Red));
                let _ = write!(out, "{line}");
                let _ = out.reset();
                let _ = writeln!(out);
            }
            None => {
                let _ = writeln!(out, "{line}");
            }
        }
    }
}

/// The progress bar of `render` and `validate`: documents done of all, on
/// stderr, only at a terminal and not with `--quiet`. In CI and in a pipe
/// nothing is drawn.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// `verb` says what is done to each document ("gemaakt", "proefgezet").
    pub fn new(quiet: bool, verb: &str) -> Progress {
        let show = !quiet && std::io::stderr().is_terminal() && !set("CI");
        let bar = show.then(|| {
            let style = ProgressStyle::with_template(&format!(
                "{{bar:40}} {{pos}}/{{len}} documenten {verb}"
            ))
            .expect("valid template")
            .progress_chars("█▉▊▋▌▍▎▏ ");
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(style)
        });
        Progress { bar }
    }

    /// The pipeline's callback, when there is a bar.
    pub fn hook(&self) -> Option<OnDocument> {
        let bar = self.bar.clone()?;
        Some(OnDocument(Arc::new(move |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        })))
    }

    /// Remove the bar before the report is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
