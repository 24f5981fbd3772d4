//! The documents of a run as typst's own inputs, and a bare typst World that
//! compiles them with nothing of avgdoc around it: no rules, no merge, no
//! diagnostics, no files. For the benchmark's bare typst loop
//! (`examples/bare_typst.rs`, `scripts/bench`), which sets avgdoc's
//! throughput against typst's own on the same documents.
//!
//! [`inputs`] goes through load, rules and merge exactly as `render` does and
//! keeps what typst gets: the template set, and per document `/brief.json`,
//! `/body.typ`, `/bijlage.typ`, the date and the PDF identifier. [`Bare`]
//! compiles one of them with the same fonts and PDF options as
//! [`crate::typeset`], so its PDF has the same bytes as the file `render`
//! writes (tested).

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde_json::json;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::merge::{Merged, Merger};
use crate::templates::{MAIN, TemplateSet};

/// What typst gets for one document.
#[derive(Debug, Clone)]
pub struct TypstDocument {
    /// The PDF identifier and the file name without `.pdf`:
    /// `<kenmerk>/<document>`, or an organisation-wide document's name.
    pub ident: String,
    /// The letter date: typst's "today" and the PDF timestamp.
    pub date: NaiveDate,
    /// `/brief.json`: the letter frame as data.
    pub brief_json: Vec<u8>,
    /// `/body.typ`: the merged body as Typst markup.
    pub body: String,
    /// `/bijlage.typ`: the annex, often empty.
    pub bijlage: String,
}

/// The template set (file name and bytes, `brief.typ` the main file) and every
/// document `render` would write, in render's order: the letters of every
/// case without a blocking error, then the privacyverklaring and the
/// registers.
pub struct Inputs {
    pub templates: Vec<(String, Vec<u8>)>,
    pub documents: Vec<TypstDocument>,
}

/// The typst inputs of every document of the case repository at `root`, as
/// `render --vandaag today --datum letter_date` would typeset them. An error
/// (Dutch, without case values) when the repository does not load or a
/// template does not merge.
pub fn inputs(root: &Path, today: NaiveDate, letter_date: NaiveDate) -> Result<Inputs, String> {
    let mut ws = crate::load::load(root);
    let checked = crate::rules::check(&ws, today);
    let config = ws
        .config
        .clone()
        .ok_or_else(|| "avgdoc.yaml ontbreekt of is ongeldig".to_string())?;
    let templates = TemplateSet::load(root).map_err(|d| d.message)?;
    let merger = Merger::new(&templates, &mut ws.sources)
        .map_err(|ds| ds.first().map(|d| d.message.clone()).unwrap_or_default())?;
    let doc = |ident: String, date: NaiveDate, merged: Merged| TypstDocument {
        ident,
        date,
        brief_json: serde_json::to_vec(&merged.letter).expect("letter serialises"),
        body: merged.body,
        bijlage: merged.bijlage.unwrap_or_default(),
    };
    let mut documents = Vec::new();
    for (i, cf) in ws.cases.iter().enumerate() {
        if checked.cases[i].has_blocking_errors() {
            continue;
        }
        for d in cf.case.documents(&config, letter_date) {
            let merged = merger
                .merge(&templates, &config, cf.case.as_ref(), &d)
                .map_err(|e| format!("{}: {}", cf.name, e.message))?;
            let ident = format!("{}/{}", cf.case.kenmerk().value, d.name);
            documents.push(doc(ident, d.datum, merged));
        }
    }
    if let Some(verwerking) = &config.verwerking {
        let datum = verwerking.vastgesteld_op.unwrap_or(letter_date);
        let merged = merger
            .merge_org(&templates, &config, "privacyverklaring", datum, json!({}))
            .map_err(|e| e.message)?;
        documents.push(doc("privacyverklaring".into(), datum, merged));
    }
    for r in crate::pipeline::registers(&ws, &config, letter_date) {
        let merged = merger
            .merge_org(&templates, &config, r.template, r.datum, r.context)
            .map_err(|e| e.message)?;
        documents.push(doc(r.name, r.datum, merged));
    }
    let templates = templates
        .files
        .into_iter()
        .map(|(name, t)| (name, t.bytes))
        .collect();
    Ok(Inputs {
        templates,
        documents,
    })
}

/// A bare typst setup for [`TypstDocument`]s: the standard library, the
/// template files (Typst sources parsed once), and avgdoc's fonts. `Send +
/// Sync`; share one between threads.
pub struct Bare {
    library: LazyHash<Library>,
    main: FileId,
    brief_json: FileId,
    body_typ: FileId,
    bijlage_typ: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
}

fn id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("valid virtual path"),
    )
    .intern()
}

impl Bare {
    pub fn new(templates: &[(String, Vec<u8>)]) -> Self {
        let mut sources = HashMap::new();
        let mut files = HashMap::new();
        for (name, bytes) in templates {
            let fid = id(&format!("/{name}"));
            if name.ends_with(".typ")
                && let Ok(text) = String::from_utf8(bytes.clone())
            {
                sources.insert(fid, Source::new(fid, text));
            }
            files.insert(fid, Bytes::new(bytes.clone()));
        }
        Bare {
            library: LazyHash::new(Library::builder().build()),
            main: id(&format!("/{MAIN}")),
            brief_json: id("/brief.json"),
            body_typ: id("/body.typ"),
            bijlage_typ: id("/bijlage.typ"),
            sources,
            files,
        }
    }

    /// Compile `doc` and export it as PDF/A-2a + PDF/UA-1, with the options
    /// `render` uses. Memoized results stay in comemo's cache: the caller
    /// evicts (`comemo::evict`) as it sees fit.
    pub fn pdf(&self, doc: &TypstDocument) -> Result<Vec<u8>, String> {
        let d = doc.date;
        let world = BareWorld {
            bare: self,
            brief: Bytes::new(doc.brief_json.clone()),
            body: Source::new(self.body_typ, doc.body.clone()),
            bijlage: Source::new(self.bijlage_typ, doc.bijlage.clone()),
            today: Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8),
        };
        // No text rendition: that is avgdoc's work, not typst's.
        crate::typeset::compile(&world, d, &doc.ident, false)
            .map(|(pdf, _text, _warnings)| pdf)
            .map_err(|diags| {
                diags
                    .iter()
                    .map(|x| x.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
    }
}

struct BareWorld<'a> {
    bare: &'a Bare,
    brief: Bytes,
    body: Source,
    bijlage: Source,
    today: Option<Datetime>,
}

impl World for BareWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.bare.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        crate::typeset::fonts().book()
    }

    fn main(&self) -> FileId {
        self.bare.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.bare.body_typ {
            return Ok(self.body.clone());
        }
        if id == self.bare.bijlage_typ {
            return Ok(self.bijlage.clone());
        }
        self.bare
            .sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.bare.brief_json {
            return Ok(self.brief.clone());
        }
        if id == self.bare.body_typ {
            return Ok(Bytes::from_string(self.body.clone()));
        }
        if id == self.bare.bijlage_typ {
            return Ok(Bytes::from_string(self.bijlage.clone()));
        }
        self.bare
            .files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        crate::typeset::fonts().font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}
