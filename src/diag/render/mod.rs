//! One renderer per output format; each renders the same diagnostics.
//!
//! * [`mens`]: code frames for people (stderr);
//! * [`json`]: one JSON array, for tools;
//! * [`github`]: GitHub Actions workflow commands that annotate the commit.

pub mod github;
pub mod json;
pub mod mens;

use super::{Diagnostic, Sources};

/// How validate and render print their diagnostics (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Code frames, for people
    #[default]
    Mens,
    /// A JSON array, for tools
    Json,
    /// GitHub Actions annotations
    Github,
}

impl Format {
    /// Whether the diagnostics are for a machine (they then go to stdout and
    /// everything else to stderr).
    pub fn is_machine(self) -> bool {
        self != Format::Mens
    }
}

/// Render `diags` in `format`.
pub fn render(format: Format, sources: &Sources, diags: &[Diagnostic]) -> String {
    match format {
        Format::Mens => diags
            .iter()
            .map(|d| mens::render(sources, d) + "\n")
            .collect(),
        Format::Json => json::render(sources, diags),
        Format::Github => github::render(sources, diags),
    }
}
