//! One renderer per output format; each renders the same diagnostics.
//!
//! * [`mens`]: code frames for people (stderr);
//! * [`json`]: one JSON array, for tools;
//! * [`github`]: GitHub Actions workflow commands that annotate the commit;
//! * [`sarif`]: SARIF 2.1.0, for GitHub code scanning;
//! * [`gitlab`]: a GitLab Code Quality report.

pub mod github;
pub mod gitlab;
pub mod json;
pub mod mens;
pub mod sarif;

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
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
    /// A GitLab Code Quality report
    Gitlab,
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
        Format::Sarif => sarif::render(sources, diags),
        Format::Gitlab => gitlab::render(sources, diags),
    }
}

/// Where a diagnostic is, for the formats that need a file for every
/// finding (SARIF, GitLab): its file and range, or, for a finding without a
/// file (no `avgdoc.yaml`, an unreadable case file), the repository's
/// `avgdoc.yaml` without a range.
fn location_or_config(
    sources: &Sources,
    d: &Diagnostic,
) -> (String, Option<(usize, usize, usize, usize)>) {
    match d.file {
        Some(f) => (sources.name(f).to_string(), sources.range_of(d)),
        None => (sources.repo_name(crate::load::CONFIG_FILE), None),
    }
}

/// A stable fingerprint per diagnostic: a hash of its code, file name and
/// line (and, for a second finding with the same three, its number), never
/// of its message or any value from the case. The same finding on the same
/// line keeps its fingerprint from run to run.
fn fingerprints(sources: &Sources, diags: &[Diagnostic]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    diags
        .iter()
        .map(|d| {
            let (path, range) = location_or_config(sources, d);
            let line = range.map_or(0, |r| r.0);
            let mut key = format!("{}\0{path}\0{line}", d.code());
            let n = seen.entry(key.clone()).or_insert(0);
            if *n > 0 {
                key.push_str(&format!("\0{n}"));
            }
            *n += 1;
            format!("{:032x}", fnv1a_128(key.as_bytes()))
        })
        .collect()
}

/// FNV-1a, 128 bits: fixed by its definition, so fingerprints do not change
/// with the Rust version (unlike `DefaultHasher`).
fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    bytes
        .iter()
        .fold(OFFSET, |h, b| (h ^ u128::from(*b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::fnv1a_128;

    #[test]
    fn fnv1a_128_matches_its_reference_values() {
        // Reference values of FNV-1a 128 (the empty string and "a").
        assert_eq!(fnv1a_128(b""), 0x6c62272e07bb014262b821756295c58d);
        assert_eq!(fnv1a_128(b"a"), 0xd228cb696f1a8caf78912b704e4a8964);
    }
}
