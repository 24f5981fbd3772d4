//! Stage 4: typeset a merged letter to PDF, in process, with typst.
//!
//! One [`Typesetter`] per run holds what all letters share: the standard
//! library, the embedded fonts (loaded once per process), and the parsed
//! template sources. A letter adds three virtual files at fixed paths,
//! `/brief.json` (the letter frame as data), `/body.typ` (the merged body)
//! and `/bijlage.typ` (an annex, often empty), so typst's global file-id table never grows with the batch
//! (typst-batch.md §1). After every compile, on success and on error,
//! `comemo::evict(EVICT_AGE)` keeps memory flat.
//!
//! The World is hermetic: no system fonts, no files outside the template
//! set, no packages, and a fixed "today".

pub mod text;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use chrono::{Datelike, NaiveDate};
use typst::diag::{
    FileError, FileResult, PackageError, Severity as TypstSeverity, SourceDiagnostic,
};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diag::{Diagnostic, Severity, Sources};
use crate::merge::Merged;
use crate::templates::{MAIN, Origin, TemplateSet};

/// The house font (Open Sans, Apache-2.0), embedded so no system font is
/// ever read. Typst's own embedded fonts remain as fallback.
const HOUSE_FONTS: &[&[u8]] = &[
    include_bytes!("../../fonts/OpenSans-Regular.ttf"),
    include_bytes!("../../fonts/OpenSans-Bold.ttf"),
    include_bytes!("../../fonts/OpenSans-Italic.ttf"),
    include_bytes!("../../fonts/OpenSans-BoldItalic.ttf"),
    include_bytes!("../../fonts/OpenSans-Semibold.ttf"),
];

/// Fonts are parsed once per process and shared by every run and thread.
static FONTS: LazyLock<FontStore> = LazyLock::new(|| {
    let mut store = FontStore::new();
    for data in HOUSE_FONTS {
        for font in Font::iter(Bytes::new(*data)) {
            let info = font.info().clone();
            store.push((font, info));
        }
    }
    store.extend(typst_kit::fonts::embedded());
    store
});

/// The fonts every letter is typeset with (the house font, then typst's
/// embedded fonts), loaded once per process.
pub fn fonts() -> &'static FontStore {
    &FONTS
}

/// How many evictions a memoized result survives without being used; every
/// compile evicts once when it ends.
///
/// Not 0: comemo's cache is shared by all threads, and `evict(0)` from one
/// thread empties it under a letter another thread is compiling, which then
/// redoes the work it had memoized (its layout iterations, its template
/// evaluation). At `-j 2` that made each letter about 15 % more expensive than
/// at `-j 1` (issue 13). With 2, a result survives the evictions of the other
/// threads' letters while its own letter runs, and memory stays flat: only the
/// results of the last few letters are kept.
pub const EVICT_AGE: usize = 2;

/// Give the memory freed by earlier documents back to the operating system.
///
/// glibc's allocator keeps freed blocks inside its heaps, and after thousands
/// of compiles on several threads those heaps are full of holes: a render of
/// 10,000 letters grew from 77 to 214 MB of RSS while the memory in use
/// stayed flat (issue 13). `malloc_trim` returns the free pages. Elsewhere
/// (another libc or system) this does nothing.
pub fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases pages glibc's allocator holds free;
    // it takes no pointer and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

const BRIEF_JSON: &str = "/brief.json";
const BODY_TYP: &str = "/body.typ";
const BIJLAGE_TYP: &str = "/bijlage.typ";

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("valid virtual path"),
    )
    .intern()
}

/// What every letter of a run shares.
struct Shared {
    library: LazyHash<Library>,
    main: FileId,
    brief_json: FileId,
    body_typ: FileId,
    bijlage_typ: FileId,
    /// Template files by id: Typst sources are parsed once per run.
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    /// Template names by id, for diagnostics.
    names: HashMap<FileId, String>,
    /// Where each Typst template sits in the run's [`Sources`].
    diag_files: HashMap<FileId, crate::diag::FileId>,
}

/// Typesets letters; cheap to clone, `Send + Sync`, one per run.
#[derive(Clone)]
pub struct Typesetter {
    shared: Arc<Shared>,
}

/// A typesetting failure: diagnostics pointing into the templates.
#[derive(Debug)]
pub struct TypesetError {
    pub diagnostics: Vec<Diagnostic>,
}

/// A typeset letter: the PDF, and typst's warnings about it (shown, never
/// dropped).
#[derive(Debug)]
pub struct Typeset {
    pub pdf: Vec<u8>,
    /// The letter's text in reading order ([`text::reading_text`]).
    pub text: String,
    pub warnings: Vec<Diagnostic>,
}

impl Typesetter {
    /// Set up the library and parse the template sources once. Template
    /// files are registered in `sources` so typst errors can show a code
    /// frame of the template.
    pub fn new(templates: &TemplateSet, sources: &mut Sources) -> Result<Self, Diagnostic> {
        if templates.get(MAIN).is_none() {
            return Err(Diagnostic::new(
                &crate::rules::system::TEMPLATE_03,
                format!("het hoofdsjabloon {MAIN} ontbreekt"),
            ));
        }
        let mut srcs = HashMap::new();
        let mut files = HashMap::new();
        let mut names = HashMap::new();
        let mut diag_files = HashMap::new();
        for (name, t) in &templates.files {
            let id = file_id(&format!("/{name}"));
            let display = templates.display_name(name);
            names.insert(id, display.clone());
            files.insert(id, Bytes::new(t.bytes.clone()));
            if name.ends_with(".typ") {
                let text = String::from_utf8(t.bytes.clone()).map_err(|_| {
                    Diagnostic::new(
                        &crate::rules::system::TEMPLATE_01,
                        format!("{display} is geen UTF-8-tekst"),
                    )
                })?;
                let file = match &t.origin {
                    Origin::Override(p) => sources.add_repo_file(&display, p, text.clone()),
                    Origin::Embedded => sources.add(display.clone(), &display, text.clone()),
                };
                diag_files.insert(id, file);
                srcs.insert(id, Source::new(id, text));
            }
        }
        let shared = Shared {
            library: LazyHash::new(Library::builder().build()),
            main: file_id(&format!("/{MAIN}")),
            brief_json: file_id(BRIEF_JSON),
            body_typ: file_id(BODY_TYP),
            bijlage_typ: file_id(BIJLAGE_TYP),
            sources: srcs,
            files,
            names,
            diag_files,
        };
        LazyLock::force(&FONTS);
        Ok(Typesetter {
            shared: Arc::new(shared),
        })
    }

    /// Typeset one letter to PDF/A-2a + PDF/UA-1. The output depends only on
    /// the inputs: the document id is `ident`, the timestamp and "today"
    /// are the letter's date.
    pub fn pdf(
        &self,
        merged: &Merged,
        date: NaiveDate,
        ident: &str,
        sources: &Sources,
    ) -> Result<Typeset, TypesetError> {
        let data = serde_json::to_vec(&merged.letter).expect("letter serialises");
        let world = LetterWorld {
            shared: &self.shared,
            brief: Bytes::new(data),
            body: Source::new(self.shared.body_typ, merged.body.clone()),
            bijlage: Source::new(
                self.shared.bijlage_typ,
                merged.bijlage.clone().unwrap_or_default(),
            ),
            today: Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8),
        };
        let result = compile(&world, date, ident, true);
        // Evict on every path: the memoization cache is process-global.
        comemo::evict(EVICT_AGE);
        let convert = |diags: &[SourceDiagnostic]| -> Vec<Diagnostic> {
            diags
                .iter()
                .map(|d| self.convert(&world, d, sources))
                .collect()
        };
        match result {
            Ok((pdf, text, warnings)) => Ok(Typeset {
                pdf,
                text,
                warnings: convert(&warnings),
            }),
            Err(diags) => Err(TypesetError {
                diagnostics: convert(&diags),
            }),
        }
    }

    fn convert(&self, world: &LetterWorld, d: &SourceDiagnostic, sources: &Sources) -> Diagnostic {
        let severity = match d.severity {
            TypstSeverity::Error => Severity::Error,
            TypstSeverity::Warning => Severity::Warning,
        };
        let mut out = Diagnostic::new(
            &crate::rules::system::TYPST_01,
            format!("typst: {}", d.message),
        )
        .with_severity(severity);
        if let Some(id) = d.span.id() {
            if let Some(name) = self.shared.names.get(&id) {
                let file = self.shared.diag_files.get(&id).copied();
                match (file, world.range(d.span)) {
                    (Some(f), Some(range)) if f < sources.len() => out = out.at(f, range),
                    _ => out = out.with_note(format!("in {name}")),
                }
            } else if id == self.shared.body_typ || id == self.shared.bijlage_typ {
                out = out.with_note("in de brieftekst (het Markdown-sjabloon)");
            } else if id == self.shared.brief_json {
                out = out.with_note("in de briefgegevens (/brief.json)");
            }
        }
        for hint in &d.hints {
            out = out.with_note(format!("hint: {}", hint.v));
        }
        out
    }
}

/// Compile the document of `world` and export it as PDF/A-2a + PDF/UA-1,
/// identified as `ident` and stamped with `date`: the PDF, its text in
/// reading order (when `with_text`; [`text::reading_text`]) and typst's
/// warnings, or its errors. Also used by [`crate::bare`].
pub(crate) fn compile(
    world: &dyn World,
    date: NaiveDate,
    ident: &str,
    with_text: bool,
) -> Result<(Vec<u8>, String, Vec<SourceDiagnostic>), Vec<SourceDiagnostic>> {
    let warned = typst::compile::<typst_layout::PagedDocument>(world);
    let warnings = warned.warnings.to_vec();
    let doc = warned.output.map_err(|e| {
        let mut all = e.to_vec();
        all.extend(warnings.iter().cloned());
        all
    })?;
    let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .expect("A-2a and UA-1 are compatible");
    let timestamp =
        Datetime::from_ymd_hms(date.year(), date.month() as u8, date.day() as u8, 0, 0, 0)
            .map(Timestamp::new_utc);
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some("avgdoc".to_string())),
        timestamp,
        standards,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&doc, &options).map_err(|e| e.to_vec())?;
    let text = if with_text {
        text::reading_text(&doc)
    } else {
        String::new()
    };
    Ok((pdf, text, warnings))
}

/// The World of one letter: the shared run state plus the two per-letter
/// virtual files.
struct LetterWorld<'a> {
    shared: &'a Shared,
    brief: Bytes,
    body: Source,
    bijlage: Source,
    today: Option<Datetime>,
}

impl World for LetterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        FONTS.book()
    }

    fn main(&self) -> FileId {
        self.shared.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.body_typ {
            return Ok(self.body.clone());
        }
        if id == self.shared.bijlage_typ {
            return Ok(self.bijlage.clone());
        }
        check_root(id)?;
        self.shared
            .sources
            .get(&id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.brief_json {
            return Ok(self.brief.clone());
        }
        if id == self.shared.body_typ {
            return Ok(Bytes::from_string(self.body.clone()));
        }
        if id == self.shared.bijlage_typ {
            return Ok(Bytes::from_string(self.bijlage.clone()));
        }
        check_root(id)?;
        self.shared
            .files
            .get(&id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Packages are never downloaded or read: a letter is built from the
/// template set alone.
fn check_root(id: FileId) -> FileResult<()> {
    match id.root() {
        VirtualRoot::Project => Ok(()),
        VirtualRoot::Package(spec) => Err(FileError::Package(PackageError::Other(Some(
            format!("pakket {spec} niet beschikbaar: avgdoc laadt geen Typst-pakketten; zet wat nodig is in templates/").into(),
        )))),
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
