//! `avgdoc init` and `avgdoc new`: a new case repository and a new case
//! file. Nothing here ever overwrites a file. The text of a new case comes
//! from its kind ([`crate::kinds::Kind::scaffold`]); the files of a new
//! repository are the text files next to this module and the CI recipes of
//! `docs/ci/`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::kinds::{Kind, NewCase};
use crate::load::{CASES_DIR, CONFIG_FILE};
use crate::model::DEFAULT_KENMERK_PATROON;

/// The files of a new case repository: path and text.
pub const INIT_FILES: &[(&str, &str)] = &[
    (CONFIG_FILE, include_str!("avgdoc.yaml")),
    (".gitignore", include_str!("gitignore")),
    // The CI recipes of docs/ci, one source (tests/ci.rs runs their commands).
    (
        ".github/workflows/avgdoc.yml",
        include_str!("../../docs/ci/github-avgdoc.yml"),
    ),
    (
        ".gitlab-ci.yml",
        include_str!("../../docs/ci/gitlab-ci.yml"),
    ),
    (".pre-commit-config.yaml", include_str!("pre-commit.yaml")),
];

/// What `init` did with each file.
#[derive(Debug, Default)]
pub struct InitOutcome {
    pub written: Vec<PathBuf>,
    /// Files that were there already and were left alone.
    pub existing: Vec<PathBuf>,
}

/// Write a new case repository into `dir` (created if needed). An existing
/// file is never touched: it is listed in `existing`.
pub fn init(dir: &Path) -> std::io::Result<InitOutcome> {
    let mut out = InitOutcome::default();
    fs::create_dir_all(dir.join(CASES_DIR))?;
    // The JSON Schemas the files' first lines point at (`schemas/`).
    let schemas = crate::schema::files();
    let files = INIT_FILES.iter().map(|(rel, text)| (*rel, *text)).chain(
        schemas
            .iter()
            .map(|(rel, text)| (rel.as_str(), text.as_str())),
    );
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        match create_new(&path, text) {
            Ok(()) => out.written.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => out.existing.push(path),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Write `text` to a file that must not exist yet.
pub fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// A kenmerk pattern: text before and after the number, with the year
/// filled in, and the number's width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patroon {
    prefix: String,
    suffix: String,
    width: usize,
}

impl Patroon {
    /// Parse `pattern` for `year`: exactly one `{n…}`, `{jaar}` anywhere.
    pub fn parse(pattern: &str, year: i32) -> Result<Patroon, String> {
        let filled = pattern.replace("{jaar}", &year.to_string());
        let start = filled.find("{n").ok_or_else(|| {
            format!("het kenmerkpatroon `{pattern}` heeft geen volgnummer zoals {{nnnn}}")
        })?;
        let rest = &filled[start + 1..];
        let width = rest.chars().take_while(|c| *c == 'n').count();
        if !rest[width..].starts_with('}') {
            return Err(format!(
                "het kenmerkpatroon `{pattern}` heeft een onbekend deel; gebruik {{jaar}} en {{nnnn}}"
            ));
        }
        let prefix = filled[..start].to_string();
        let suffix = filled[start + 2 + width..].to_string();
        if prefix.contains(['{', '}']) || suffix.contains(['{', '}']) {
            return Err(format!(
                "het kenmerkpatroon `{pattern}` heeft een onbekend deel; gebruik {{jaar}} en {{nnnn}}"
            ));
        }
        let p = Patroon {
            prefix,
            suffix,
            width,
        };
        if !crate::rules::common::kenmerk_ok(&p.kenmerk(1)) {
            return Err(format!(
                "het kenmerkpatroon `{pattern}` geeft geen geldig kenmerk (letters, cijfers, `.`, `-` en `_`)"
            ));
        }
        Ok(p)
    }

    /// The kenmerk with number `n`.
    pub fn kenmerk(&self, n: u64) -> String {
        format!(
            "{}{:0width$}{}",
            self.prefix,
            n,
            self.suffix,
            width = self.width
        )
    }

    /// Every number of this pattern that occurs in `text`.
    pub fn numbers_in(&self, text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        for (i, _) in text.match_indices(self.prefix.as_str()) {
            let rest = &text[i + self.prefix.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() || !rest[digits.len()..].starts_with(self.suffix.as_str()) {
                continue;
            }
            // "ZVH-2026-0001" must not match a longer kenmerk such as
            // "ZVH-2026-0001-B": with an empty suffix, the number ends the token.
            let after = rest[digits.len() + self.suffix.len()..].chars().next();
            if self.suffix.is_empty()
                && after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                continue;
            }
            if let Ok(n) = digits.parse() {
                out.push(n);
            }
        }
        out
    }
}

/// A new case file of `kind` in the repository at `root`:
/// `cases/<jaar>/<kenmerk>.yaml` with the next free kenmerk. Returns the path
/// written, or a Dutch message.
pub fn new_case(
    root: &Path,
    kind: &dyn Kind,
    vandaag: NaiveDate,
    nu: &str,
) -> Result<PathBuf, String> {
    if !root.join(CONFIG_FILE).is_file() {
        return Err(format!(
            "geen {CONFIG_FILE} in {}: begin een zaakrepository met `avgdoc init`, of geef de map aan met --root",
            root.display()
        ));
    }
    let config = crate::load::load_config_only(root)?;
    let pattern = config
        .kenmerk_patroon
        .as_ref()
        .map_or(DEFAULT_KENMERK_PATROON, |p| p.value.as_str());
    let patroon = Patroon::parse(pattern, vandaag.year())?;
    let cases = root.join(CASES_DIR);
    let mut highest = 0;
    if cases.is_dir() {
        for entry in walkdir::WalkDir::new(&cases).into_iter().flatten() {
            let name = entry.file_name().to_string_lossy();
            highest = highest.max(patroon.numbers_in(&name).into_iter().max().unwrap_or(0));
            if entry.file_type().is_file()
                && let Ok(text) = fs::read_to_string(entry.path())
            {
                highest = highest.max(patroon.numbers_in(&text).into_iter().max().unwrap_or(0));
            }
        }
    }
    let kenmerk = patroon.kenmerk(highest.saturating_add(1));
    let dir = cases.join(vandaag.year().to_string());
    fs::create_dir_all(&dir).map_err(|e| {
        format!(
            "kan de map {} niet maken: {}",
            dir.display(),
            crate::write::reason(&e)
        )
    })?;
    let path = dir.join(format!("{kenmerk}.yaml"));
    let text = kind.scaffold(&NewCase {
        kenmerk: kenmerk.clone(),
        vandaag,
        nu: nu.to_string(),
    });
    create_new(&path, &text).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            format!("{} bestaat al en blijft zoals het is", path.display())
        } else {
            format!(
                "kan {} niet schrijven: {}",
                path.display(),
                crate::write::reason(&e)
            )
        }
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::Patroon;

    #[test]
    fn pattern_finds_the_next_number() {
        let p = Patroon::parse("ZVH-{jaar}-{nnnn}", 2026).unwrap();
        assert_eq!(p.kenmerk(7), "ZVH-2026-0007");
        assert_eq!(
            p.numbers_in("kenmerk: ZVH-2026-0012\nlopend: ZVH-2026-B-0003 ZVH-2025-0099"),
            vec![12]
        );
        assert_eq!(p.numbers_in("ZVH-2026-0012.yaml"), vec![12]);
        assert!(p.numbers_in("ZVH-2026-0012-x").is_empty());
        let b = Patroon::parse("B{nnn}/{jaar}", 2026);
        assert!(b.is_err(), "a slash is no kenmerk");
        assert!(Patroon::parse("ZVH-{jaar}", 2026).is_err());
        assert!(Patroon::parse("ZVH-{jaar}-{nnnn}-{x}", 2026).is_err());
        let d = Patroon::parse("ZVH-{jaar}-D-{nn}", 2026).unwrap();
        assert_eq!(d.kenmerk(3), "ZVH-2026-D-03");
    }
}
