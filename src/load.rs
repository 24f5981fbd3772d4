//! Stage 1: read `avgdoc.yaml` and every case file under `cases/` into typed
//! values, keeping each file's text for diagnostics. A file that does not
//! parse becomes a diagnostic; loading always goes on with the next file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, FileId, Report, Sources};
use crate::guard::Node;
use crate::kinds::{self, Case};
use crate::model::{Config, Grenzen, Spanned};
use crate::rules::system::{CASES_01, CASES_02, CASES_03, CONFIG_01, GROOTTE_01, YAML_01, YAML_02};

/// The name of the organisation file at the root of a case repository.
pub const CONFIG_FILE: &str = "avgdoc.yaml";
/// The folder with case files.
pub const CASES_DIR: &str = "cases";

/// A case file that parsed.
#[derive(Debug)]
pub struct CaseFile {
    pub file: FileId,
    /// Path relative to the repository root, as shown to staff.
    pub name: String,
    pub case: Box<dyn Case>,
}

/// Everything read from a case repository.
pub struct Workspace {
    pub root: PathBuf,
    pub sources: Sources,
    pub config: Option<Config>,
    pub config_file: Option<FileId>,
    pub cases: Vec<CaseFile>,
    /// Number of case files found (parsed or not).
    pub case_files: usize,
    /// Problems found while loading.
    pub report: Report,
    /// With a selection ([`load_selected`]): the case files left out, as
    /// (name, kenmerk), so checks across cases (a duplicate kenmerk) still
    /// see them. Empty when every case is loaded.
    pub other_kenmerken: Vec<(String, String)>,
}

/// Load the organisation file and all cases of the repository at `root`.
pub fn load(root: &Path) -> Workspace {
    load_named(root, "")
}

/// [`load`], with the repository's files named with `base` in front (see
/// [`crate::diag::display_base`]).
pub fn load_named(root: &Path, base: &str) -> Workspace {
    load_selected(root, base, None)
}

/// [`load_named`], but with `only` (paths relative to `root`: case files or
/// folders below `cases/`) only those case files are loaded and reported on
/// (`avgdoc validate BESTAND…`). The other case files are read for their
/// kenmerk only ([`Workspace::other_kenmerken`]); their problems are not
/// reported.
pub fn load_selected(root: &Path, base: &str, only: Option<&[PathBuf]>) -> Workspace {
    let mut ws = Workspace {
        root: root.to_path_buf(),
        sources: Sources::with_base(base),
        config: None,
        config_file: None,
        cases: Vec::new(),
        case_files: 0,
        report: Report::default(),
        other_kenmerken: Vec::new(),
    };
    let only: Option<Vec<String>> = only.map(|o| o.iter().map(|p| slashed(p)).collect());
    let selected = |name: &str| {
        only.as_ref().is_none_or(|o| {
            o.iter().any(|sel| {
                name == sel
                    || name
                        .strip_prefix(sel.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            })
        })
    };

    let config_path = root.join(CONFIG_FILE);
    match fs::read_to_string(&config_path) {
        Ok(text) => {
            let id = ws.sources.add_repo_file(CONFIG_FILE, &config_path, text);
            ws.config_file = Some(id);
            match parse_config(&ws.sources, id) {
                Ok(c) => ws.config = Some(c),
                Err(ds) => ws.report.extend(ds),
            }
        }
        Err(e) => ws.report.push(
            Diagnostic::new(
                &CONFIG_01,
                format!(
                    "kan {CONFIG_FILE} niet lezen in {}: {}",
                    root.display(),
                    io_reason(&e)
                ),
            )
            .with_note("start avgdoc in de map van de zaakrepository, of geef die aan met --root"),
        ),
    }

    let cases_dir = root.join(CASES_DIR);
    if !cases_dir.is_dir() {
        ws.report.push(Diagnostic::new(
            &CASES_01,
            format!("de map {CASES_DIR}/ ontbreekt in {}", root.display()),
        ));
        return ws;
    }
    let limits = ws
        .config
        .as_ref()
        .map(|c| c.grenzen.clone())
        .unwrap_or_default();
    let paths = case_paths(root, &cases_dir, &selected, &mut ws.report);
    let (paths, others): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .into_iter()
        .partition(|p| selected(&display_name(root, p)));
    for path in others {
        // Read quietly, for the checks across cases.
        let name = display_name(root, &path);
        let Ok(text) = read_bounded(&path, limits.bestand_bytes) else {
            continue;
        };
        let mut sources = Sources::new();
        let id = sources.add(&name, &path, text);
        if let Ok(case) = parse_case(&sources, id, &limits) {
            ws.other_kenmerken
                .push((name, case.kenmerk().value.clone()));
        }
    }
    ws.case_files = paths.len();
    // Reading and parsing are most of a run that typesets nothing (a no-op
    // render, validate after a render): both run on every core. The files
    // are registered in path order, so diagnostics and file ids do not
    // depend on the threads.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let texts = crate::pipeline::run_jobs(&paths, threads, |path| {
        read_bounded(path, limits.bestand_bytes)
    });
    let mut ids = Vec::with_capacity(paths.len());
    for (path, text) in paths.iter().zip(texts) {
        let name = display_name(root, path);
        match text {
            Ok(text) => ids.push((ws.sources.add_repo_file(&name, path, text), name)),
            Err(ReadError::TooLarge) => ws.report.push(Diagnostic::new(
                &GROOTTE_01,
                format!(
                    "{name}: het zaakbestand is groter dan {} bytes en wordt niet gelezen",
                    limits.bestand_bytes
                ),
            )),
            Err(ReadError::Io(e)) => ws.report.push(Diagnostic::new(
                &CASES_02,
                format!("kan {name} niet lezen: {}", io_reason(&e)),
            )),
        }
    }
    let sources = &ws.sources;
    let parsed =
        crate::pipeline::run_jobs(&ids, threads, |(id, _)| parse_case(sources, *id, &limits));
    for ((file, name), case) in ids.into_iter().zip(parsed) {
        match case {
            Ok(case) => ws.cases.push(CaseFile { file, name, case }),
            Err(ds) => ws.report.extend(ds),
        }
    }
    ws
}

/// What `avgdoc validate BESTAND…` checks: the named files sorted into
/// case files and the rest.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The case files and folders below `cases/` to check, relative to the
    /// repository; `None`: everything (a named `avgdoc.yaml`, template or
    /// file that belongs to a case).
    pub only: Option<Vec<PathBuf>>,
    /// One Dutch line per named file that is skipped, or that makes the
    /// whole repository be checked, saying why.
    pub notes: Vec<String>,
}

/// Sort `files` (as given on the command line, relative to `cwd`) for a
/// check of only these files in the repository at `root` (also relative to
/// `cwd`). `avgdoc.yaml`, a template, or another file below `cases/` that a
/// case reads (a CSV of persons) affects every case: then everything is
/// checked. A case file (`cases/**/*.y{a,}ml`) or a folder below `cases/`
/// is checked with what it refers to. Any other file is skipped with a
/// note. A file that does not exist is an error (a Dutch message).
pub fn select(root: &Path, cwd: &Path, files: &[PathBuf]) -> Result<Selection, String> {
    let root_abs = lexical(&cwd.join(root));
    let root_abs = fs::canonicalize(&root_abs).unwrap_or(root_abs);
    let mut only = Vec::new();
    let mut all = false;
    let mut notes = Vec::new();
    for file in files {
        let shown = file.display();
        let abs = cwd.join(file);
        if fs::symlink_metadata(&abs).is_err() {
            return Err(format!("{shown} bestaat niet"));
        }
        let Ok(rel) = real(&abs).strip_prefix(&root_abs).map(slashed) else {
            notes.push(format!(
                "{shown} ligt buiten de zaakrepository en wordt overgeslagen"
            ));
            continue;
        };
        let in_dir =
            |dir: &str| rel == dir || rel.strip_prefix(dir).is_some_and(|r| r.starts_with('/'));
        let ext = Path::new(&rel)
            .extension()
            .map(|x| x.to_string_lossy().to_lowercase());
        if rel == CONFIG_FILE || rel.is_empty() {
            all = true;
            notes.push(format!(
                "{shown} geldt voor elke zaak: alles wordt gecontroleerd"
            ));
        } else if in_dir(crate::templates::TEMPLATES_DIR) {
            all = true;
            notes.push(format!(
                "{shown} is een sjabloon: alles wordt gecontroleerd"
            ));
        } else if in_dir(CASES_DIR)
            && (abs.is_dir() || matches!(ext.as_deref(), Some("yaml" | "yml")))
        {
            only.push(PathBuf::from(rel));
        } else if in_dir(CASES_DIR) && ext.as_deref() == Some("csv") {
            all = true;
            notes.push(format!(
                "{shown} is een CSV-bestand dat een zaak kan lezen: alles wordt gecontroleerd"
            ));
        } else {
            notes.push(format!(
                "{shown} is geen zaakbestand, {CONFIG_FILE} of sjabloon en wordt overgeslagen"
            ));
        }
    }
    Ok(Selection {
        only: (!all).then_some(only),
        notes,
    })
}

/// `path` with its folder resolved (symbolic links, `..`) where it exists;
/// its last part is kept as named, so a linked case file stays itself.
fn real(path: &Path) -> PathBuf {
    let lexical = lexical(path);
    match (lexical.parent(), lexical.file_name()) {
        (Some(parent), Some(name)) => match fs::canonicalize(parent) {
            Ok(p) => p.join(name),
            Err(_) => lexical,
        },
        _ => fs::canonicalize(&lexical).unwrap_or(lexical),
    }
}

/// `path` without `.` and with each `..` taking off the part before it.
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

fn display_name(root: &Path, path: &Path) -> String {
    slashed(path.strip_prefix(root).unwrap_or(path))
}

/// A path with `/` between its parts, without `./`.
fn slashed(path: &Path) -> String {
    use std::path::Component;
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

enum ReadError {
    TooLarge,
    Io(std::io::Error),
}

/// Read a file as UTF-8, refusing one larger than `max` bytes without
/// reading more than `max + 1` bytes of it.
fn read_bounded(path: &Path, max: u64) -> Result<String, ReadError> {
    use std::io::Read;
    let file = fs::File::open(path).map_err(ReadError::Io)?;
    if file.metadata().map(|m| m.len() > max).unwrap_or(false) {
        return Err(ReadError::TooLarge);
    }
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "no UTF-8",
        ))
    })
}

/// A workspace from text instead of files: `avgdoc.yaml` and one case file
/// (`cases/zaak.yaml`), loaded exactly as [`load`] loads them. For fuzzing
/// and tests; nothing is read from disk.
pub fn load_text(config_text: &str, case_text: &str) -> Workspace {
    let root = PathBuf::from(".");
    let mut ws = Workspace {
        root: root.clone(),
        sources: Sources::new(),
        config: None,
        config_file: None,
        cases: Vec::new(),
        case_files: 1,
        report: Report::default(),
        other_kenmerken: Vec::new(),
    };
    let id = ws
        .sources
        .add(CONFIG_FILE, root.join(CONFIG_FILE), config_text.to_string());
    ws.config_file = Some(id);
    match parse_config(&ws.sources, id) {
        Ok(c) => ws.config = Some(c),
        Err(ds) => ws.report.extend(ds),
    }
    let limits = ws
        .config
        .as_ref()
        .map(|c| c.grenzen.clone())
        .unwrap_or_default();
    let name = "cases/zaak.yaml".to_string();
    if case_text.len() as u64 > limits.bestand_bytes {
        ws.report.push(Diagnostic::new(
            &GROOTTE_01,
            format!(
                "{name}: het zaakbestand is groter dan {} bytes en wordt niet gelezen",
                limits.bestand_bytes
            ),
        ));
        return ws;
    }
    let id = ws
        .sources
        .add(name.clone(), root.join(&name), case_text.to_string());
    match parse_case(&ws.sources, id, &limits) {
        Ok(case) => ws.cases.push(CaseFile {
            file: id,
            name,
            case,
        }),
        Err(ds) => ws.report.extend(ds),
    }
    ws
}

/// Read only `avgdoc.yaml`; on failure, the rendered diagnostic.
pub fn load_config_only(root: &Path) -> Result<Config, String> {
    let path = root.join(CONFIG_FILE);
    let text = fs::read_to_string(&path)
        .map_err(|e| format!("fout: kan {CONFIG_FILE} niet lezen: {}\n", io_reason(&e)))?;
    let mut sources = Sources::new();
    let id = sources.add(CONFIG_FILE, &path, text);
    parse_config(&sources, id).map_err(|ds| {
        ds.iter()
            .map(|d| crate::diag::render::mens::render(&sources, d))
            .collect()
    })
}

/// Read `avgdoc.yaml` (file `id`): its tree against the schema first, so
/// every unknown key and missing field is reported at once, then the typed
/// parse.
pub fn parse_config(sources: &Sources, id: FileId) -> Result<Config, Vec<Diagnostic>> {
    let tree = crate::guard::read(sources, id, None)?;
    let found = crate::schema::walk::check(crate::schema::config(), &tree, id);
    if !found.is_empty() {
        return Err(found);
    }
    parse::<Config>(sources, id).map_err(|d| vec![d])
}

/// All `*.yaml`/`*.yml` files under `dir`, sorted, so runs are reproducible.
/// Symbolic links are not followed; a linked case file is a warning.
/// Of the symbolic links, only those `selected` (by name) are reported.
fn case_paths(
    root: &Path,
    dir: &Path,
    selected: &dyn Fn(&str) -> bool,
    report: &mut Report,
) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let is_yaml = |p: &Path| matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml"));
    for entry in WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let p = e.into_path();
                if is_yaml(&p) {
                    paths.push(p);
                }
            }
            Ok(e) if e.path_is_symlink() => {
                if (is_yaml(e.path()) || e.path().is_dir())
                    && selected(&display_name(root, e.path()))
                {
                    report.push(
                        Diagnostic::new(
                            &CASES_03,
                            format!(
                                "{} is een symbolische koppeling en wordt overgeslagen",
                                display_name(root, e.path())
                            ),
                        )
                        .with_note(
                            "kopieer het bestand in cases/ in plaats van ernaar te verwijzen",
                        ),
                    );
                }
            }
            Ok(_) => {}
            Err(e) => report.push(Diagnostic::new(
                &CASES_02,
                format!(
                    "kan een bestand in {CASES_DIR}/ niet lezen: {}",
                    e.io_error().map_or("leesfout", io_reason)
                ),
            )),
        }
    }
    paths
}

/// An operating system error in Dutch, without the path or the OS text.
pub fn io_reason(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "bestand niet gevonden",
        K::PermissionDenied => "geen toegang",
        K::InvalidData => "geen geldige UTF-8-tekst",
        K::AlreadyExists => "bestaat al",
        K::StorageFull => "de schijf is vol",
        K::QuotaExceeded => "het schijfquotum is op",
        K::ReadOnlyFilesystem => "het bestandssysteem is alleen-lezen",
        K::IsADirectory => "is een map",
        K::NotADirectory => "is geen map",
        K::DirectoryNotEmpty => "de map is niet leeg",
        K::InvalidFilename => "ongeldige bestandsnaam",
        K::FileTooLarge => "het bestand is te groot",
        K::CrossesDevices => "hernoemen over schijven heen kan niet",
        K::TooManyLinks => "te veel koppelingen",
        K::OutOfMemory => "onvoldoende geheugen",
        K::Interrupted => "onderbroken",
        K::WouldBlock => "bezet",
        K::Unsupported => "niet ondersteund",
        K::InvalidInput => "ongeldige invoer",
        _ => "lees- of schrijffout",
    }
}

/// Parse a case file: first the guards on untrusted input (sizes, dates,
/// BSN), then its `soort`, then the full shape of that kind.
fn parse_case(
    sources: &Sources,
    id: FileId,
    limits: &Grenzen,
) -> Result<Box<dyn Case>, Vec<Diagnostic>> {
    // One read of the file: the guards and the schema check share the tree;
    // the kind's typed parse is the second and last.
    let tree = crate::guard::read(sources, id, Some(limits))?;
    let soort =
        soort_of(&tree).map_err(|d| vec![d.at(id, tree.span.start..tree.span.start + 1)])?;
    match kinds::find(&soort.value) {
        Some(kind) => {
            let found = crate::schema::walk::check(crate::schema::case(kind), &tree, id);
            if !found.is_empty() {
                return Err(found);
            }
            kind.parse(sources, id, &tree).map_err(|d| vec![d])
        }
        None => {
            let soorten = kinds::soorten();
            let best = crate::suggest::closest(&soort.value, soorten.iter().copied());
            let tail = match best {
                Some(b) => format!("bedoelde u `{b}`?"),
                None => format!("bekend zijn: {}", soorten.join(", ")),
            };
            let mut d = Diagnostic::new(&YAML_02, format!("onbekende soort zaak; {tail}"))
                .with_message_mens(format!(
                    "onbekende soort zaak `{}`; {tail}",
                    sanitize(&soort.value)
                ))
                .at(id, soort.span.clone())
                .with_label("onbekende soort");
            if best.is_some() {
                d = d.with_note(format!("bekend zijn: {}", soorten.join(", ")));
            }
            Err(vec![d])
        }
    }
}

/// The `soort` of a case file's tree, or why there is none.
fn soort_of(tree: &Spanned<Node>) -> Result<Spanned<String>, Diagnostic> {
    if matches!(tree.value, Node::Null) {
        return Err(Diagnostic::new(
            &YAML_01,
            "het bestand is leeg of houdt te vroeg op",
        ));
    }
    let Node::Map(entries) = &tree.value else {
        return Err(Diagnostic::new(
            &YAML_01,
            "verwacht een blok met velden (`naam: waarde`), te beginnen met `soort:`",
        ));
    };
    match entries.iter().find(|(k, _)| k.value == "soort") {
        Some((_, v)) => match &v.value {
            Node::Scalar(s, _) => Ok(Spanned::new(s.clone(), v.span.clone())),
            _ => Err(Diagnostic::new(
                &YAML_01,
                format!(
                    "verkeerd soort waarde in `soort`; verwacht tekst: een van {}",
                    kinds::soorten().join(", ")
                ),
            )),
        },
        None => Err(Diagnostic::new(
            &YAML_01,
            format!(
                "verplicht veld `soort` ontbreekt; bekend zijn: {}",
                kinds::soorten().join(", ")
            ),
        )
        .with_label("in dit bestand ontbreekt `soort`")),
    }
}

/// The YAML options for every file avgdoc reads.
/// With `limits` (the guard's pass over a case file), the scalar budget is
/// `grenzen.totaal_bytes`; the typed parse after it keeps serde-saphyr's
/// defaults, the guard having enforced the configured bound.
pub(crate) fn options(limits: Option<&Grenzen>) -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    // `ja`/`yes` must never silently become a boolean.
    o.strict_booleans = true;
    o.with_snippet = false;
    if let Some(limits) = limits {
        // serde-saphyr counts the scalar bytes of alias replays too.
        let mut budget = o.budget.clone().unwrap_or_default();
        budget.max_total_scalar_bytes = limits.totaal_bytes;
        o.budget = Some(budget);
    }
    o
}

/// Read case file `id` as `T` from `tree`, its guarded tree (the YAML is not
/// parsed again); a shape error is a Dutch diagnostic at its node. A tree
/// that cannot give a value as serde-saphyr would (see [`crate::typed`]) is
/// read from the text instead.
pub fn parse_tree<T: DeserializeOwned>(
    sources: &Sources,
    id: FileId,
    tree: &Spanned<Node>,
) -> Result<T, Diagnostic> {
    match crate::typed::from_tree::<T>(tree, sources.text(id)) {
        Ok(value) => Ok(value),
        Err(crate::typed::Error::Spelling) => parse(sources, id),
        Err(crate::typed::Error::Shape { message, span }) => {
            let (message, mens) = translate(&message);
            Err(yaml_01(message, mens).at(id, span.start..span.end.max(span.start + 1)))
        }
    }
}

/// Deserialize file `id` as `T`, turning a YAML or shape error into a Dutch
/// diagnostic at the offending line and column.
pub fn parse<T: DeserializeOwned>(sources: &Sources, id: FileId) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options::<T>(sources.text(id), options(None))
        .map_err(|e| yaml_diagnostic(sources, id, &e))
}

pub(crate) fn yaml_diagnostic(
    sources: &Sources,
    id: FileId,
    e: &serde_saphyr::Error,
) -> Diagnostic {
    let raw = e.without_snippet().to_string();
    let (message, mens) = match parser_message(e.without_snippet()) {
        Some(m) => (m.to_string(), None),
        None => translate(strip_location(&raw)),
    };
    let mut d = yaml_01(message, mens);
    match e.location() {
        Some(loc) if loc.line() > 0 => {
            let span = loc.span();
            let start = match span.byte_offset() {
                Some(b) => b as usize,
                None => sources.offset_of(id, loc.line() as usize, loc.column() as usize),
            };
            let len = span.byte_len().unwrap_or(0) as usize;
            d = d.at(id, start..start + len.max(1));
        }
        _ => d = d.in_file(id),
    }
    d
}

/// A YAML-01 diagnostic with `message`, and `mens` for the human code frame.
fn yaml_01(message: String, mens: Option<String>) -> Diagnostic {
    let d = Diagnostic::new(&YAML_01, message);
    match mens {
        Some(m) => d.with_message_mens(m),
        None => d,
    }
}

/// The YAML parser's own errors (syntax, not shape), in Dutch. `None`: not
/// a parser error; [`translate`] reads serde's message instead.
fn parser_message(e: &serde_saphyr::Error) -> Option<&'static str> {
    use serde_saphyr::granit_parser::ErrorKind as K;
    use serde_saphyr::{Error as E, ExternalMessageSource};
    const LEEG: &str = "het bestand is leeg of houdt te vroeg op";
    const INSPRINGING: &str = "de inspringing klopt niet: velden van hetzelfde blok staan precies \
onder elkaar, een veld binnen een blok springt verder in (met spaties)";
    // An error met while replaying an alias is wrapped: the cause counts.
    let mut e = e;
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = e {
        e = error;
    }
    Some(match e {
        E::ExternalMessage { source, .. } => {
            let ExternalMessageSource::Parser(scan) = source.as_ref() else {
                return None;
            };
            match scan.kind() {
                K::MappingValueNotAllowed
                | K::InvalidColonPlacement
                | K::InvalidMappingValueWhitespace => {
                    "een dubbele punt staat hier niet op zijn plaats: zet tekst met `: ` tussen \
aanhalingstekens, of controleer de inspringing"
                }
                K::TabNotAllowed
                | K::TabInBlockIndentation
                | K::TabInIndentation
                | K::TabAtBlockScalarStart
                | K::TabInPlainScalar => "een tab in de inspringing: spring in met spaties",
                K::InvalidIndentation
                | K::InvalidBlockScalarIndent
                | K::InvalidQuotedScalarIndent
                | K::InvalidFlowScalarIndent => INSPRINGING,
                K::ExpectedBlockMappingKey | K::SimpleKeyExpected | K::InvalidSimpleKey => {
                    "hier verwacht avgdoc een veld (`naam: waarde`); controleer de inspringing en \
de dubbele punt"
                }
                K::ExpectedBlockSequenceEntry
                | K::BlockSequenceEntryNotAllowed
                | K::BlockEntryInFlowCollection
                | K::InvalidBlockEntryWhitespace => {
                    "een lijstregel (`- …`) staat hier niet op zijn plaats: zet alle regels van \
een lijst precies onder elkaar, met een spatie na het streepje"
                }
                K::UnclosedQuotedScalar | K::DocumentIndicatorInQuotedScalar => {
                    "een aanhalingsteken wordt niet gesloten: sluit de tekst af met hetzelfde \
teken (\" of ')"
                }
                K::InvalidTrailingSingleQuotedScalar | K::InvalidTrailingDoubleQuotedScalar => {
                    "na een tekst tussen aanhalingstekens staat nog iets: zet de hele waarde \
tussen aanhalingstekens"
                }
                K::UnknownQuotedScalarEscape
                | K::InvalidQuotedScalarHexEscape
                | K::InvalidLowSurrogateHexEscape
                | K::InvalidLowSurrogate
                | K::MissingLowSurrogate
                | K::UnpairedLowSurrogate
                | K::InvalidUnicodeEscape => {
                    "een ongeldige `\\` tussen dubbele aanhalingstekens: gebruik enkele \
aanhalingstekens, of schrijf `\\\\` voor één backslash"
                }
                K::UnclosedFlowCollection { .. }
                | K::MismatchedFlowCollectionEnd { .. }
                | K::MisplacedFlowCollectionEnd
                | K::ExpectedFlowMappingSeparator
                | K::ExpectedFlowSequenceSeparator
                | K::UnexpectedEofFlowSequence
                | K::UnexpectedEofFlowMapping
                | K::UnexpectedEofImplicitFlowMapping
                | K::FlowMappingValueAdjacentCollection => {
                    "een lijst `[…]` of blok `{…}` op één regel is niet goed gesloten of \
gescheiden: elke `[` hoort bij een `]`, elke `{` bij een `}`, met komma's ertussen"
                }
                K::UnexpectedCharacter { .. } | K::PlainScalarStartsWithDashFlowIndicator => {
                    "een waarde begint met een teken dat YAML zelf gebruikt (zoals @, `, %, |, >, \
!, & of *): zet de tekst tussen aanhalingstekens"
                }
                K::CommentNotSeparated | K::CommentInterceptedScalar => {
                    "een opmerking (#) staat hier niet goed: zet een spatie voor de #, of de \
tekst met # tussen aanhalingstekens"
                }
                K::ExpectedWhitespace => "na `:` en na `-` hoort een spatie",
                K::UnknownAnchor | K::MissingAnchorOrAliasName => {
                    "een alias (`*naam`) verwijst naar een anker (`&naam`) dat er niet (eerder) is"
                }
                K::RecursionLimitExceeded => "het bestand is te diep genest",
                K::UnexpectedEofBlockSequence | K::UnexpectedEofBlockMapping | K::UnexpectedEof => {
                    LEEG
                }
                K::MultipleDocumentsUnsupported
                | K::InvalidDocumentEnd
                | K::ExpectedDocumentStart
                | K::MissingDocumentEndBeforeDirective => {
                    "het bestand bevat meer dan één YAML-document (`---`): zet elke zaak in een \
eigen bestand"
                }
                K::BomInsideDocument | K::InputDecoding { .. } => {
                    "het bestand bevat een onzichtbaar of ongeldig teken; sla het op als UTF-8"
                }
                _ => {
                    "ongeldige YAML op deze regel: controleer de inspringing, de dubbele punten \
en de aanhalingstekens"
                }
            }
        }
        E::Eof { .. } => LEEG,
        E::MultipleDocuments { .. } => {
            "het bestand bevat meer dan één YAML-document (`---`): zet elke zaak in een eigen \
bestand"
        }
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::Budget { .. } => "het bestand is te groot of te diep genest (aliassen)",
        E::UnknownAnchor { .. } => {
            "een alias (`*naam`) verwijst naar een anker (`&naam`) dat er niet (eerder) is"
        }
        E::DuplicateMappingKey { .. } => {
            "dubbele sleutel: dit veld staat al eerder in hetzelfde blok"
        }
        E::InvalidBooleanStrict { .. } => "ongeldige ja/nee-waarde: schrijf true of false",
        E::NullIntoString { .. } => "het veld is leeg; verwacht: tekst",
        E::MergeKeyNotAllowed { .. } | E::MergeValueNotMapOrSeqOfMaps { .. } => {
            "samenvoegen met `<<:` kan hier niet; schrijf de velden uit"
        }
        E::InvalidUtf8Input => "het bestand is geen geldige UTF-8-tekst",
        E::IndentationError { .. } => INSPRINGING,
        _ => return None,
    })
}

/// serde-saphyr appends " at line L, column C"; the frame shows that.
fn strip_location(s: &str) -> &str {
    match s.rfind(" at line ") {
        Some(i) => &s[..i],
        None => s,
    }
}

/// Keep only a short, single-line rendering of user text in a message.
fn sanitize(s: &str) -> String {
    clip(s, 40)
}

/// At most `max` characters of `s`, control characters removed.
fn clip(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// Translate the YAML and serde messages staff are likely to meet into
/// Dutch. Values from the case are never echoed (they may be personal data);
/// field and variant names are. The second message, for the human code
/// frame only, may quote the value.
fn translate(msg: &str) -> (String, Option<String>) {
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let allowed = rest
            .split_once("expected one of ")
            .map(|(_, list)| list.replace('`', ""))
            .unwrap_or_default();
        let value = rest.split('`').nth(1).map(sanitize).unwrap_or_default();
        return (
            format!("onbekende waarde; toegestaan zijn: {allowed}"),
            Some(format!(
                "onbekende waarde `{value}`; toegestaan zijn: {allowed}"
            )),
        );
    }
    match translate_plain(msg) {
        // Anything else may quote the value: machine formats say only that
        // the shape is wrong; the code frame shows the parser's words.
        // The parser's words are English: they never reach the user.
        m if m.is_empty() => (
            "ongeldige YAML-opbouw op deze regel: controleer de inspringing, de dubbele punten \
en de aanhalingstekens"
                .to_string(),
            None,
        ),
        m => (m, None),
    }
}

fn translate_plain(msg: &str) -> String {
    // serde-saphyr: "unknown field `x`, expected one of a, b"
    let first_ticked = |m: &str| m.split('`').nth(1).map(sanitize).unwrap_or_default();
    let allowed = |m: &str| {
        m.split_once("expected one of ")
            .map(|(_, list)| list.replace('`', ""))
            .unwrap_or_default()
    };
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let list = allowed(rest);
        return if list.is_empty() {
            format!("onbekend veld `{}`", first_ticked(rest))
        } else {
            format!(
                "onbekend veld `{}`; toegestaan zijn: {list}",
                first_ticked(rest)
            )
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("verplicht veld `{}` ontbreekt", first_ticked(rest));
    }
    if msg.starts_with("invalid type") {
        let expected = msg.rsplit_once(", expected ").map_or("", |(_, e)| e);
        return format!("verkeerd soort waarde; verwacht: {}", expected_nl(expected));
    }
    if msg.starts_with("duplicate mapping key") {
        return "dubbele sleutel: dit veld staat al eerder in dezelfde lijst".to_string();
    }
    if msg.contains("invalid boolean") {
        return "ongeldige ja/nee-waarde: schrijf true of false".to_string();
    }
    if msg.contains("out of range")
        || msg.contains("no possible date")
        || msg.contains("impossible")
    {
        return "deze datum bestaat niet".to_string();
    }
    if msg.contains("premature end of input")
        || msg.contains("input contains invalid characters")
        || msg.contains("trailing input")
        || msg.contains("input is not enough")
    {
        return "ongeldige datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-04".to_string();
    }
    if msg.contains("recursion") || msg.contains("alias") || msg.contains("budget") {
        return "het bestand is te groot of te diep genest (aliassen)".to_string();
    }
    if msg.contains("unexpected end of input") {
        return "het bestand is leeg of houdt te vroeg op".to_string();
    }
    if msg.contains("expected mapping") {
        return "verwacht een blok met velden, zoals `kenmerk: ZVH-2026-0001`".to_string();
    }
    if msg.contains("expected string") {
        return "verwacht tekst".to_string();
    }
    if msg.contains("expected sequence") {
        return "verwacht een lijst".to_string();
    }
    String::new()
}

fn expected_nl(e: &str) -> String {
    match e {
        "a string" => "tekst".into(),
        "a boolean" => "true of false".into(),
        "a sequence" => "een lijst".into(),
        "u32" | "an integer" => "een geheel getal".into(),
        s if s.starts_with("struct ") || s.starts_with("a map") => "een blok met velden".into(),
        s if s.contains("date") || s.contains("NaiveDate") => "een datum (JJJJ-MM-DD)".into(),
        s if s.contains("string") => "tekst".into(),
        s if s.contains("integer") || s.starts_with('u') || s.starts_with('i') => {
            "een geheel getal".into()
        }
        _ => "een andere soort waarde".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Selection, select};
    use std::path::{Path, PathBuf};

    #[test]
    fn named_files_are_sorted_into_cases_everything_and_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let top = tmp.path();
        for f in [
            "zaken/avgdoc.yaml",
            "zaken/cases/2026/a.yaml",
            "zaken/cases/2026/b.yml",
            "zaken/cases/2026/lijst.csv",
            "zaken/cases/LEESMIJ.md",
            "zaken/templates/brief.typ",
            "README.md",
        ] {
            let p = top.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let sel = |root: &str, cwd: &Path, files: &[&str]| {
            let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
            select(Path::new(root), cwd, &files)
        };
        // pre-commit in the git repository, the case repository a subfolder.
        assert_eq!(
            sel(
                "zaken",
                top,
                &[
                    "zaken/cases/2026/a.yaml",
                    "zaken/cases/2026/b.yml",
                    "README.md"
                ]
            ),
            Ok(Selection {
                only: Some(vec!["cases/2026/a.yaml".into(), "cases/2026/b.yml".into()]),
                notes: vec!["README.md ligt buiten de zaakrepository en wordt overgeslagen".into()],
            })
        );
        // From inside the repository, with `..` and a folder.
        let cwd = top.join("zaken/cases");
        assert_eq!(
            sel("..", &cwd, &["./2026/../2026/a.yaml", "2026", "LEESMIJ.md"]),
            Ok(Selection {
                only: Some(vec!["cases/2026/a.yaml".into(), "cases/2026".into()]),
                notes: vec![
                    "LEESMIJ.md is geen zaakbestand, avgdoc.yaml of sjabloon en wordt overgeslagen"
                        .into()
                ],
            })
        );
        // avgdoc.yaml, a template or a CSV: everything.
        for f in [
            "zaken/avgdoc.yaml",
            "zaken/templates/brief.typ",
            "zaken/cases/2026/lijst.csv",
        ] {
            let s = sel("zaken", top, &["zaken/cases/2026/a.yaml", f]).unwrap();
            assert_eq!(s.only, None, "{f}");
            assert_eq!(s.notes.len(), 1, "{f}");
            assert!(s.notes[0].ends_with("alles wordt gecontroleerd"), "{s:?}");
        }
        // Nothing left to check; a missing file is an error.
        let s = sel("zaken", &top.join("zaken"), &["../README.md"]).unwrap();
        assert_eq!(s.only, Some(vec![]));
        assert_eq!(
            s.notes,
            ["../README.md ligt buiten de zaakrepository en wordt overgeslagen"]
        );
        assert_eq!(
            sel("zaken", top, &["zaken/cases/2026/c.yaml"]),
            Err("zaken/cases/2026/c.yaml bestaat niet".to_string())
        );
    }
}
