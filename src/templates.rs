//! The template set of a run: the defaults embedded in the binary, overridden
//! file by file by the case repository's `templates/` folder.
//!
//! * `*.md`: letter bodies (Tera + Markdown), edited by legal reviewers.
//! * `*.typ`: the Typst house style; `brief.typ` is the main file.
//! * anything else (e.g. a logo) is served to Typst as a file.
//!
//! Nothing outside the template set is ever visible to Typst.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use walkdir::WalkDir;

use crate::diag::Diagnostic;

/// The folder in a case repository that overrides the defaults.
pub const TEMPLATES_DIR: &str = "templates";

/// The Typst main file of every letter.
pub const MAIN: &str = "brief.typ";

/// The default templates, compiled into the binary: every file under the
/// repository's `templates/` (listed by `build.rs`).
pub const DEFAULTS: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/default_templates.rs"));

/// Where a template came from, for diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    /// A file in the case repository's `templates/`.
    Override(std::path::PathBuf),
}

#[derive(Debug, Clone)]
pub struct Template {
    pub bytes: Vec<u8>,
    pub origin: Origin,
}

/// All templates of a run, keyed by their path inside `templates/`
/// (forward slashes, no leading slash), e.g. `avg-verzoek/ontvangstbevestiging.md`.
#[derive(Debug, Clone, Default)]
pub struct TemplateSet {
    pub files: BTreeMap<String, Template>,
}

impl TemplateSet {
    /// The embedded defaults plus the overrides under `root/templates/`.
    pub fn load(root: &Path) -> Result<Self, Diagnostic> {
        let mut set = TemplateSet::default();
        for (name, bytes) in DEFAULTS {
            set.files.insert(
                (*name).to_string(),
                Template {
                    bytes: bytes.to_vec(),
                    origin: Origin::Embedded,
                },
            );
        }
        let dir = root.join(TEMPLATES_DIR);
        if !dir.is_dir() {
            return Ok(set);
        }
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                Diagnostic::new(
                    &crate::rules::system::TEMPLATE_02,
                    format!(
                        "kan {TEMPLATES_DIR}/ niet lezen: {}",
                        e.io_error().map_or("leesfout", crate::load::io_reason)
                    ),
                )
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(&dir)
                .expect("walkdir stays under its root")
                .to_string_lossy()
                .replace('\\', "/");
            if rel.split('/').any(|seg| seg.starts_with('.')) {
                continue; // editor swap files, .gitkeep
            }
            let bytes = fs::read(entry.path()).map_err(|e| {
                Diagnostic::new(
                    &crate::rules::system::TEMPLATE_02,
                    format!(
                        "kan {TEMPLATES_DIR}/{rel} niet lezen: {}",
                        crate::load::io_reason(&e)
                    ),
                )
            })?;
            set.files.insert(
                rel,
                Template {
                    bytes,
                    origin: Origin::Override(entry.path().to_path_buf()),
                },
            );
        }
        Ok(set)
    }

    pub fn get(&self, name: &str) -> Option<&Template> {
        self.files.get(name)
    }

    /// The text of a template, if it exists and is UTF-8.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name)
            .and_then(|t| std::str::from_utf8(&t.bytes).ok())
    }

    /// How a template is named in diagnostics: `templates/<name>`, with
    /// "(ingebouwd)" for an embedded default.
    pub fn display_name(&self, name: &str) -> String {
        match self.get(name).map(|t| &t.origin) {
            Some(Origin::Override(_)) => format!("{TEMPLATES_DIR}/{name}"),
            _ => format!("{TEMPLATES_DIR}/{name} (ingebouwd)"),
        }
    }
}
