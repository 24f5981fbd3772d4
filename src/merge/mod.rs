//! Stage 3: merge a case into its letters.
//!
//! For each document a case yields, the Tera template
//! `templates/<soort>/<document>.md` is rendered with the case as context.
//! Every value Tera inserts is escaped for Markdown (autoescape with
//! [`markdown::escape_markdown`]), so case data can create no structure; the
//! Markdown is then converted to Typst markup by [`markdown::to_typst`].
//! The letter frame (address, reference block, signature) goes to Typst as
//! JSON data, never as markup: see [`Letter`].

mod hermetic;
pub mod markdown;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};
use tera::Tera;

use crate::calendar::format_date;
use crate::diag::{Diagnostic, FileId, Sources};
use crate::kinds::{Case, LetterSpec, Reference};
use crate::model::{Aanspreekvorm, Adres, Betrokkene, Config};
use crate::rules::common::normalize_postcode;
use crate::rules::system::{TEMPLATE_01, TEMPLATE_04, TEMPLATE_05};
use crate::templates::TemplateSet;
use std::collections::HashMap;

/// A document a case yields: `output/<kenmerk>/<name>.pdf`. Its subject
/// line is in its template's front matter, not here.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable file name without extension, e.g. `verzoek-deelnemer-politie`.
    pub name: String,
    /// The Markdown template, relative to `templates/<soort>/`, without
    /// `.md`, e.g. `verzoek-deelnemer`.
    pub template: String,
    /// Date of the letter: recorded in the case, or the run date.
    pub datum: NaiveDate,
    /// Who receives it; `None` for a document that is not a letter.
    pub addressee: Option<Addressee>,
    /// Who sends it, when not the organisation itself (a doorzendbericht
    /// comes from the deelnemer that received the request).
    pub sender: Option<Sender>,
    /// Whether the reference block shows the requester's own reference
    /// (only in letters to the requester).
    pub uw_kenmerk: bool,
    /// Values for the template under `doc`.
    pub context: Value,
    /// An annex in the same PDF: its title and the template (relative to
    /// `templates/`, without `.md`) that gives its text.
    pub bijlage: Option<(String, String)>,
}

impl Document {
    /// A document without address block (a draft, a register) from
    /// `templates/<template>.md`, named `name`.
    pub fn plain(name: &str, template: &str, datum: NaiveDate) -> Self {
        Document {
            name: name.into(),
            template: template.into(),
            datum,
            addressee: None,
            sender: None,
            uw_kenmerk: false,
            context: json!({}),
            bijlage: None,
        }
    }

    /// A document of a kind's letter table, dated `datum`, without
    /// addressee yet.
    pub fn from_spec(spec: &LetterSpec, datum: NaiveDate) -> Self {
        Self::plain(spec.name, spec.template, datum)
    }

    /// Address it to the person the case is about (the reference block may
    /// show their own kenmerk).
    pub fn to(self, to: Addressee) -> Self {
        Document {
            addressee: Some(to),
            uw_kenmerk: true,
            ..self
        }
    }

    /// Address it to deelnemer `d`, named `<name>-<id>` (e.g.
    /// `verzoek-deelnemer-politie`).
    pub fn to_deelnemer(self, d: &crate::model::Deelnemer) -> Self {
        Document {
            name: format!("{}-{}", self.name, d.id.value),
            addressee: Some(Addressee::deelnemer(d)),
            uw_kenmerk: false,
            ..self
        }
    }

    /// The same document under another file name, e.g. with a suffix per
    /// deelnemer (`<name>-<id>`).
    pub fn named(self, name: String) -> Self {
        Document { name, ..self }
    }

    /// Values for the template under `doc`.
    pub fn with_context(self, context: Value) -> Self {
        Document { context, ..self }
    }

    /// An annex in the same PDF, from `templates/<template>.md`.
    pub fn with_bijlage(self, titel: &str, template: &str) -> Self {
        Document {
            bijlage: Some((titel.into(), template.into())),
            ..self
        }
    }
}

/// A deelnemer in whose name a letter goes out.
#[derive(Debug, Clone)]
pub struct Sender {
    pub naam: String,
    /// Whether the case kenmerk is the sender's own ("Ons kenmerk") or the
    /// contactpunt's ("Zaakkenmerk").
    pub eigen_kenmerk: bool,
    /// A besluit taken in the sender's name: the mandate line, name and
    /// function under it (Awb 10:10). `None`: signed with the sender's name.
    pub ondertekenaar: Option<crate::model::Ondertekenaar>,
    /// The sender's contact for questions, in the reference block.
    pub contact: Option<crate::model::PrivacyOfficer>,
}

/// The addressee of a letter: the window lines and the salutation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    pub regels: Vec<String>,
    pub aanhef: String,
}

impl Addressee {
    pub fn betrokkene(b: &Betrokkene) -> Self {
        let mut regels = vec![aanschrijfnaam(b)];
        regels.extend(adresregels(&b.adres));
        Addressee {
            regels,
            aanhef: aanhef(b),
        }
    }

    pub fn deelnemer(d: &crate::model::Deelnemer) -> Self {
        let mut regels = vec![d.naam.clone()];
        if let Some(t) = &d.ter_attentie {
            regels.push(t.clone());
        }
        if let Some(a) = &d.adres {
            regels.extend(adresregels(a));
        }
        Addressee {
            regels,
            aanhef: "Geachte heer, mevrouw,".into(),
        }
    }
}

/// The letter frame handed to the Typst house style as `/brief.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Letter {
    /// `brief` (window-envelope letter) or `document` (no address block).
    pub vorm: String,
    pub titel: String,
    pub onderwerp: String,
    pub organisatie: String,
    pub logo: Option<LogoRef>,
    pub retouradres: String,
    pub adresregels: Vec<String>,
    /// Reference block: label/value pairs, empty values left out. The
    /// subject ("Onderwerp") is separate: the house style prints it as the
    /// document's level-1 heading.
    pub kenmerken: Vec<(String, String)>,
    pub aanhef: String,
    pub groet: String,
    pub mandaat: Option<String>,
    pub ondertekenaar: String,
    pub functie: String,
    pub voet: Vec<String>,
    pub datum: String,
    pub kenmerk: String,
    /// Title of the annex (`/bijlage.typ`), if the document has one.
    pub bijlage: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LogoRef {
    /// Path inside the template set, e.g. `/logo.svg`.
    pub pad: String,
    pub alt: String,
}

/// A merged letter, ready for typesetting.
#[derive(Debug, Clone)]
pub struct Merged {
    pub letter: Letter,
    /// Typst markup of the body (escaped text plus structure calls).
    pub body: String,
    /// Typst markup of the annex, if any.
    pub bijlage: Option<String>,
    /// The Markdown the body and the annex were converted from (for tests
    /// and the HTML page).
    pub markdown: String,
    pub bijlage_markdown: Option<String>,
}

/// The Tera environment of a run: all `*.md` templates, parsed once.
pub struct Merger {
    tera: Tera,
    /// Templates refused by the static checks (recursion, functions that
    /// read the world): rendering them gives this diagnostic instead.
    refused: HashMap<String, hermetic::Refusal>,
    /// Each Markdown template's file in `Sources`, with its text, so a Tera
    /// error can point at the template's line.
    files: HashMap<String, (FileId, String)>,
    /// For every Markdown template, the template files its render reads
    /// ([`hermetic::dependencies`]).
    deps: HashMap<String, std::collections::BTreeSet<String>>,
}

/// The front matter of a Markdown template: the fixed wording that is not
/// body text, between `---` lines at the top, e.g.
///
/// ```text
/// ---
/// onderwerp: Wij hebben uw brief ontvangen
/// ---
/// ```
///
/// `onderwerp` is a Tera template itself (plain text, no Markdown): it may
/// use the case's values, e.g. `{{ brief.kenmerk }}`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    #[serde(default)]
    onderwerp: Option<String>,
}

/// Split a template into its front matter (as YAML text) and its body. The
/// front-matter lines become empty lines, so Tera's line numbers stay those
/// of the file.
fn split_front_matter(text: &str) -> (Option<&str>, String) {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return (None, text.to_string());
    }
    let start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = start;
    for (n, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            let yaml = &text[start..offset];
            let body = &text[offset + line.len()..];
            return (Some(yaml), "\n".repeat(n + 2) + body);
        }
        offset += line.len();
    }
    (None, text.to_string())
}

/// The Tera name of a template's subject line.
fn subject_name(template: &str) -> String {
    format!("{template}#onderwerp")
}

impl Merger {
    /// The Tera environment of a run. Every Markdown template is registered
    /// in `sources`, so its errors carry file, line and column.
    pub fn new(templates: &TemplateSet, sources: &mut Sources) -> Result<Self, Vec<Diagnostic>> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".md"]);
        tera.set_escape_fn(markdown::escape_markdown);
        // `hoofdletter`: a capital for the first letter only (Tera's own
        // `capitalize` lowercases the rest, which breaks names).
        tera.register_filter(
            "hoofdletter",
            |v: &tera::Value, _: &std::collections::HashMap<String, tera::Value>| {
                let s = tera::try_get_value!("hoofdletter", "value", String, v);
                let mut c = s.chars();
                Ok(tera::Value::String(match c.next() {
                    Some(f) => f.to_uppercase().chain(c).collect(),
                    None => String::new(),
                }))
            },
        );
        let mut errors = Vec::new();
        let mut files = HashMap::new();
        for (name, t) in &templates.files {
            if !name.ends_with(".md") {
                continue;
            }
            let display = templates.display_name(name);
            let Ok(text) = std::str::from_utf8(&t.bytes) else {
                errors.push(Diagnostic::new(
                    &TEMPLATE_01,
                    format!("{display} is geen UTF-8-tekst"),
                ));
                continue;
            };
            let file = match &t.origin {
                crate::templates::Origin::Override(p) => {
                    sources.add_repo_file(&display, p, text.to_string())
                }
                crate::templates::Origin::Embedded => {
                    sources.add(display.clone(), &display, text.to_string())
                }
            };
            files.insert(name.clone(), (file, text.to_string()));
            let (front, body) = split_front_matter(text);
            // An override without front matter keeps the built-in subject,
            // so a repository's older overrides go on working.
            let front = front.or_else(|| {
                crate::templates::DEFAULTS
                    .iter()
                    .find(|(n, _)| *n == name.as_str())
                    .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
                    .and_then(|t| split_front_matter(t).0)
            });
            if let Some(yaml) = front {
                match serde_saphyr::from_str::<Option<FrontMatter>>(yaml) {
                    Ok(fm) => {
                        if let Some(onderwerp) = fm.and_then(|f| f.onderwerp)
                            && let Err(e) =
                                tera.add_raw_template(&subject_name(name), onderwerp.trim())
                        {
                            let d = Diagnostic::new(
                                &TEMPLATE_01,
                                format!(
                                    "fout in het onderwerp van sjabloon {display}: {}",
                                    error_chain(&e)
                                ),
                            );
                            errors.push(locate_in(d, &files, name, "", Some("onderwerp:")));
                        }
                    }
                    Err(_) => errors.push(locate_in(
                        Diagnostic::new(
                            &TEMPLATE_01,
                            format!(
                                "de kop van sjabloon {display} (tussen de regels `---`) is ongeldig; alleen `onderwerp: <tekst>` is toegestaan"
                            ),
                        ),
                        &files,
                        name,
                        "",
                        None,
                    )),
                }
            }
            if let Err(e) = tera.add_raw_template(name, &body) {
                let chain = error_chain(&e);
                let d =
                    Diagnostic::new(&TEMPLATE_01, format!("fout in sjabloon {display}: {chain}"));
                errors.push(locate_in(d, &files, name, &chain, None));
            }
        }
        if errors.is_empty() {
            hermetic::disable_world(&mut tera);
            let refused = hermetic::refusals(&tera, |n| {
                templates.display_name(n.trim_end_matches("#onderwerp"))
            });
            let deps = hermetic::dependencies(&tera);
            Ok(Merger {
                tera,
                refused,
                files,
                deps,
            })
        } else {
            Err(errors)
        }
    }

    /// The subject line of template `name` (from its front matter), filled
    /// in with `ctx`.
    fn subject(
        &self,
        templates: &TemplateSet,
        name: &str,
        ctx: &tera::Context,
    ) -> Result<String, Diagnostic> {
        let subject = subject_name(name);
        if !self.tera.get_template_names().any(|n| n == subject) {
            return Err(Diagnostic::new(
                &TEMPLATE_01,
                format!(
                    "sjabloon {} heeft geen onderwerp: zet bovenaan `---`, `onderwerp: <tekst>`, `---`",
                    templates.display_name(name)
                ),
            ));
        }
        let text = self.render(templates, &subject, ctx)?;
        Ok(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// Merge one document of one case.
    pub fn merge(
        &self,
        templates: &TemplateSet,
        config: &Config,
        case: &dyn Case,
        doc: &Document,
    ) -> Result<Merged, Diagnostic> {
        let mut context = org_context(config);
        if let (Some(all), Value::Object(own)) = (context.as_object_mut(), case.context(config)) {
            all.extend(own);
        }
        let kenmerk = case.kenmerk().value.as_str();
        let reference = case.reference();
        let name = format!("{}/{}.md", case.kind().soort(), doc.template);
        let obj = context.as_object_mut().expect("context is an object");
        obj.insert("doc".into(), doc.context.clone());
        obj.insert(
            "brief".into(),
            json!({
                "datum": format_date(doc.datum),
                "kenmerk": kenmerk,
                "aanhef": doc.addressee.as_ref().map(|a| a.aanhef.clone()),
            }),
        );
        let mut ctx = tera::Context::from_value(context).expect("context is an object");
        let onderwerp = self.subject(templates, &name, &ctx)?;
        ctx.insert(
            "brief",
            &json!({
                "datum": format_date(doc.datum),
                "kenmerk": kenmerk,
                "onderwerp": onderwerp,
                "aanhef": doc.addressee.as_ref().map(|a| a.aanhef.clone()),
            }),
        );
        let letter = frame(config, kenmerk, reference, &onderwerp, doc);
        let body = self.render(templates, &name, &ctx)?;
        let bijlage = match &doc.bijlage {
            Some((_, template)) => Some(self.render(templates, &format!("{template}.md"), &ctx)?),
            None => None,
        };
        Ok(Merged {
            letter,
            body: markdown::to_typst(&body),
            bijlage: bijlage.as_deref().map(markdown::to_typst),
            markdown: body,
            bijlage_markdown: bijlage,
        })
    }

    /// The diagnostic pointing at template `name` (the whole file).
    fn in_template(&self, d: Diagnostic, name: &str) -> Diagnostic {
        locate_in(
            d,
            &self.files,
            name.trim_end_matches("#onderwerp"),
            "",
            None,
        )
    }

    fn render(
        &self,
        templates: &TemplateSet,
        name: &str,
        ctx: &tera::Context,
    ) -> Result<String, Diagnostic> {
        let display = templates.display_name(name.trim_end_matches("#onderwerp"));
        match self.refused.get(name) {
            Some(hermetic::Refusal::Recursion(unit)) => {
                return Err(Diagnostic::new(
                    &TEMPLATE_04,
                    format!(
                        "sjabloon {display} kan niet worden ingevuld: {unit} roept zichzelf aan (recursie of een kring van includes)"
                    ),
                )
                .with_note("Tera kent geen grens aan de diepte; avgdoc staat daarom geen recursie in sjablonen toe"))
                .map_err(|d| self.in_template(d, name));
            }
            Some(hermetic::Refusal::Function(f, unit)) => {
                return Err(Diagnostic::new(
                    &TEMPLATE_05,
                    format!(
                        "sjabloon {display} kan niet worden ingevuld: {unit} gebruikt `{f}`; sjablonen lezen geen omgeving, klok of toeval"
                    ),
                ))
                .map_err(|d| self.in_template(d, name));
            }
            None => {}
        }
        self.tera.render(name, ctx).map_err(|e| {
            let chain = error_chain(&e);
            let d = Diagnostic::new(
                &TEMPLATE_01,
                format!(
                    "sjabloon {} kan niet worden ingevuld: {chain}",
                    templates.display_name(name.trim_end_matches("#onderwerp")),
                ),
            );
            // The template Tera was rendering when it failed (an include),
            // else the one asked for.
            let failing = chain
                .split("while rendering '")
                .nth(1)
                .and_then(|r| r.split('\'').next())
                .filter(|n| self.files.contains_key(n.trim_end_matches("#onderwerp")))
                .unwrap_or(name);
            let subject = failing.ends_with("#onderwerp");
            locate_in(
                d,
                &self.files,
                failing.trim_end_matches("#onderwerp"),
                &chain,
                subject.then_some("onderwerp:"),
            )
        })
    }
}

impl Merger {
    /// The template files a render of `template` (a file name in
    /// templates/, e.g. `<soort>/besluit.md`) reads, itself included.
    pub fn dependencies(&self, template: &str) -> Vec<&str> {
        match self.deps.get(template) {
            Some(set) => set.iter().map(String::as_str).collect(),
            None => vec![],
        }
    }

    /// The Markdown templates a document of a case of kind `soort` reads.
    pub fn document_templates(&self, soort: &str, doc: &Document) -> Vec<&str> {
        let mut out = self.dependencies(&format!("{soort}/{}.md", doc.template));
        if let Some((_, t)) = &doc.bijlage {
            out.extend(self.dependencies(&format!("{t}.md")));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Merge an organisation-wide document (`templates/<template>.md`),
    /// dated `datum`, as a document without address block (its Markdown,
    /// for an HTML rendering, in [`Merged::markdown`]).
    pub fn merge_org(
        &self,
        templates: &TemplateSet,
        config: &Config,
        template: &str,
        datum: NaiveDate,
        extra: Value,
    ) -> Result<Merged, Diagnostic> {
        let mut context = org_context(config);
        let obj = context.as_object_mut().expect("object");
        obj.insert("brief".into(), json!({ "datum": format_date(datum) }));
        if let Value::Object(extra) = extra {
            obj.extend(extra);
        }
        let name = format!("{template}.md");
        let mut ctx = tera::Context::from_value(context).expect("object");
        let onderwerp = self.subject(templates, &name, &ctx)?;
        ctx.insert(
            "brief",
            &json!({ "datum": format_date(datum), "onderwerp": onderwerp }),
        );
        let md = self.render(templates, &name, &ctx)?;
        let doc = Document::plain(template, template, datum);
        let mut letter = frame(config, "", Reference::default(), &onderwerp, &doc);
        letter.kenmerken = vec![("Versie".into(), format_date(datum))];
        letter.titel = format!("{onderwerp} – {}", config.organisatie.naam);
        Ok(Merged {
            letter,
            body: markdown::to_typst(&md),
            bijlage: None,
            markdown: md,
            bijlage_markdown: None,
        })
    }
}

/// Point a template diagnostic at its template: at the line and column of
/// Tera's parse error (`--> 3:5`), at the first use of a variable Tera did not
/// find, at `anchor` (the subject line), or else at the whole file.
fn locate_in(
    d: Diagnostic,
    files: &HashMap<String, (FileId, String)>,
    name: &str,
    error: &str,
    anchor: Option<&str>,
) -> Diagnostic {
    let Some((file, text)) = files.get(name) else {
        return d;
    };
    let at = |offset: usize| {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i)
            .max(offset);
        d.clone().at(*file, offset..end)
    };
    if let Some(anchor) = anchor
        && let Some(i) = text.find(anchor)
    {
        return at(i);
    }
    if let Some((line, col)) = tera_position(error) {
        let mut offset = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let col: usize = l
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return at(offset + col);
            }
            offset += l.len();
        }
    }
    if let Some(var) = error
        .split("Variable `")
        .nth(1)
        .and_then(|r| r.split('`').next())
        && let Some(i) = text.find(var)
    {
        return at(i);
    }
    d.in_file(*file)
}

/// Line and column of a Tera parse error: `--> 3:5`.
fn tera_position(error: &str) -> Option<(usize, usize)> {
    let rest = &error[error.find("--> ")? + 4..];
    let (line, rest) = rest.split_once(':')?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, col.parse().ok()?))
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut src = e.source();
    while let Some(s) = src {
        parts.push(s.to_string());
        src = s.source();
    }
    parts.join(": ").replace('\n', " ")
}

/// "De heer J. de Vries", "Mevrouw A. van Dijk", "K. de Vries".
pub fn aanschrijfnaam(b: &Betrokkene) -> String {
    let name = naam(b);
    match b.aanspreekvorm {
        Aanspreekvorm::Heer => format!("De heer {name}"),
        Aanspreekvorm::Mevrouw => format!("Mevrouw {name}"),
        Aanspreekvorm::Onbekend => name,
    }
}

/// Initials, tussenvoegsel and surname without a form of address:
/// "J. de Vries".
pub fn naam(b: &Betrokkene) -> String {
    join_words(&[
        b.voorletters.as_deref(),
        b.tussenvoegsel.as_deref(),
        Some(&b.achternaam),
    ])
}

/// The aanschrijfnaam inside a sentence: "de heer J. de Vries", "mevrouw A. van Dijk"
/// ("… een verzoek ontvangen van de heer J. de Vries").
pub fn naam_in_zin(b: &Betrokkene) -> String {
    let name = aanschrijfnaam(b);
    match b.aanspreekvorm {
        Aanspreekvorm::Heer | Aanspreekvorm::Mevrouw => {
            let mut c = name.chars();
            match c.next() {
                Some(f) => f.to_lowercase().chain(c).collect(),
                None => name,
            }
        }
        Aanspreekvorm::Onbekend => name,
    }
}

/// "Geachte heer De Vries," (letter.md §3): the tussenvoegsel is capitalised
/// after heer/mevrouw, except 't and d'. Gender unknown: initials and a
/// lowercase tussenvoegsel; no initials either: "Geachte heer, mevrouw,".
pub fn aanhef(b: &Betrokkene) -> String {
    let capital_tv = b.tussenvoegsel.as_deref().map(capitalise_tussenvoegsel);
    match b.aanspreekvorm {
        Aanspreekvorm::Heer => format!(
            "Geachte heer {},",
            join_words(&[capital_tv.as_deref(), Some(&b.achternaam)])
        ),
        Aanspreekvorm::Mevrouw => format!(
            "Geachte mevrouw {},",
            join_words(&[capital_tv.as_deref(), Some(&b.achternaam)])
        ),
        Aanspreekvorm::Onbekend => match &b.voorletters {
            Some(v) => format!(
                "Geachte {},",
                join_words(&[Some(v), b.tussenvoegsel.as_deref(), Some(&b.achternaam)])
            ),
            None => "Geachte heer, mevrouw,".to_string(),
        },
    }
}

fn capitalise_tussenvoegsel(tv: &str) -> String {
    if tv.starts_with("'t") || tv.starts_with("d'") {
        return tv.to_string();
    }
    let mut c = tv.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn join_words(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Positions (characters) on one address line in the window. The house
/// style (`brief.typ`) gives the address 80 mm at 10 pt Open Sans; a street
/// name with its number takes about 1.8 mm a position, so 40 positions
/// (about 73 mm) fit with room for wide letters. The BAG short name (24) with
/// the longest house number fits.
pub const ADRESREGEL_POSITIES: usize = 40;

/// Positions of the BAG short street name ("korte naam", NEN 5825).
pub const STRAAT_KORT_POSITIES: usize = 24;

/// The street line with the full street name, if the address has a street
/// and a number: `Borgesiusstraat 103 c`.
pub fn straatregel(a: &Adres) -> Option<String> {
    street_line(a.straat.as_deref()?, a.huisnummer.as_deref()?)
}

fn street_line(street: &str, number: &str) -> Option<String> {
    // A no-break space keeps the house number with the street, and the
    // parts of the number together.
    let number = number.trim().replace(' ', "\u{a0}");
    Some(format!("{}\u{a0}{number}", street.trim()))
}

/// Address lines as PostNL wants them: street and number (or Postbus),
/// then `1234 AB  PLAATS` (two spaces, town in capitals); abroad, the
/// country last, in capitals. Street and number stay on one line: when they
/// are longer than [`ADRESREGEL_POSITIES`], the short street name
/// (`straat_kort`) is used, as NEN 5825 does.
pub fn adresregels(a: &Adres) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(p) = &a.postbus {
        lines.push(format!("Postbus {}", p.trim()));
    } else {
        match straatregel(a) {
            Some(full) => {
                let short = a
                    .straat_kort
                    .as_deref()
                    .filter(|k| !k.trim().is_empty())
                    .zip(a.huisnummer.as_deref())
                    .and_then(|(k, n)| street_line(k, n));
                match short {
                    Some(short) if full.chars().count() > ADRESREGEL_POSITIES => lines.push(short),
                    _ => lines.push(full),
                }
            }
            None => {
                let number = a
                    .huisnummer
                    .as_deref()
                    .map(|n| n.trim().replace(' ', "\u{a0}"));
                lines.push(join_words(&[a.straat.as_deref(), number.as_deref()]))
            }
        }
    }
    match &a.land {
        None => {
            let pc = normalize_postcode(&a.postcode).unwrap_or_else(|| a.postcode.value.clone());
            lines.push(format!("{pc}  {}", a.plaats.trim().to_uppercase()));
        }
        Some(land) => {
            lines.push(join_words(&[Some(&a.postcode), Some(&a.plaats)]));
            lines.push(land.trim().to_uppercase());
        }
    }
    lines
}

/// An address in running text: "Postbus 1234, 4000 AA Rivierstad".
fn short_line(a: &Adres) -> String {
    let first = adresregels(a).into_iter().next().unwrap_or_default();
    let pc = normalize_postcode(&a.postcode).unwrap_or_else(|| a.postcode.value.clone());
    format!("{first}, {pc} {}", a.plaats.trim())
}

/// Keep a phone number on one line.
pub fn nbsp(s: &str) -> String {
    s.trim().replace(' ', "\u{a0}")
}

pub(crate) fn one_line(a: &Adres) -> String {
    adresregels(a).join(", ")
}

fn frame(
    config: &Config,
    kenmerk: &str,
    reference: Reference,
    onderwerp: &str,
    doc: &Document,
) -> Letter {
    let uw_kenmerk = reference.uw_kenmerk;
    let behandelaar = reference.behandelaar;
    let cp = &config.contactpunt;
    let postadres = adresregels(&cp.postadres);
    let mut kenmerken = vec![("Datum".to_string(), format_date(doc.datum))];
    let mut voet = Vec::new();
    let (organisatie, logo, mandaat, ondertekenaar, functie, retouradres);
    match &doc.sender {
        // A letter drafted for a deelnemer to send (doorzendbericht): its
        // name and address, our kenmerk for reference, no contact details
        // of ours in its reference block.
        Some(Sender {
            naam: sender,
            eigen_kenmerk,
            ondertekenaar: signer,
            contact,
        }) => {
            let label = if *eigen_kenmerk {
                "Ons kenmerk"
            } else {
                "Zaakkenmerk"
            };
            kenmerken.push((label.into(), kenmerk.to_string()));
            if let Some(u) = uw_kenmerk.filter(|u| doc.uw_kenmerk && !u.trim().is_empty()) {
                kenmerken.push(("Uw kenmerk".into(), u.to_string()));
            }
            if let Some(c) = contact {
                kenmerken.push((
                    "Behandeld door".into(),
                    behandelaar
                        .or(c.naam.as_deref())
                        .unwrap_or(sender)
                        .to_string(),
                ));
                kenmerken.push(("Telefoon".into(), nbsp(&c.telefoon)));
                kenmerken.push(("E-mail".into(), c.email.clone()));
            }
            let d = config.deelnemers.iter().find(|d| &d.naam == sender);
            let address = d.and_then(|d| d.adres.as_ref());
            voet.push(match address {
                Some(a) => format!("{sender} · {}", short_line(a)),
                None => sender.clone(),
            });
            retouradres = match address {
                Some(a) => format!("Retouradres {}", adresregels(a).join(", ")),
                None => String::new(),
            };
            organisatie = sender.clone();
            logo = None;
            match signer {
                Some(o) => {
                    mandaat = o.mandaat.clone();
                    ondertekenaar = o.naam.clone();
                    functie = o.functie.clone();
                }
                None => {
                    mandaat = None;
                    ondertekenaar = sender.clone();
                    functie = String::new();
                }
            }
        }
        None => {
            kenmerken.push(("Ons kenmerk".to_string(), kenmerk.to_string()));
            if let Some(u) = uw_kenmerk.filter(|u| doc.uw_kenmerk && !u.trim().is_empty()) {
                kenmerken.push(("Uw kenmerk".into(), u.to_string()));
            }
            kenmerken.push((
                "Behandeld door".into(),
                behandelaar.unwrap_or(&cp.naam).to_string(),
            ));
            kenmerken.push((
                "Telefoon".into(),
                nbsp(reference.telefoon.unwrap_or(&cp.telefoon)),
            ));
            kenmerken.push(("E-mail".into(), cp.email.clone()));
            // Bijlagen: a count, or no line at all (letter.md §2).
            let bijlagen = doc
                .context
                .get("bijlagen")
                .and_then(Value::as_u64)
                .unwrap_or(0)
                + u64::from(doc.bijlage.is_some());
            if bijlagen > 0 {
                kenmerken.push(("Bijlagen".into(), bijlagen.to_string()));
            }
            if let Some(bz) = &config.organisatie.bezoekadres {
                voet.push(format!("Bezoekadres {}", short_line(bz)));
            }
            voet.push(format!("Postadres {}", short_line(&cp.postadres)));
            if let Some(w) = &config.organisatie.website {
                voet.push(w.clone());
            }
            retouradres = format!("Retouradres {}", postadres.join(", "));
            organisatie = config.organisatie.naam.clone();
            logo = config.logo.as_ref().map(|l| LogoRef {
                pad: format!("/{}", l.bestand.value.trim_start_matches('/')),
                alt: l.alt.clone(),
            });
            mandaat = config.ondertekenaar.mandaat.clone();
            ondertekenaar = config.ondertekenaar.naam.clone();
            functie = config.ondertekenaar.functie.clone();
        }
    }
    Letter {
        vorm: if doc.addressee.is_some() {
            "brief"
        } else {
            "document"
        }
        .into(),
        titel: format!("{onderwerp} – {kenmerk}"),
        onderwerp: onderwerp.to_string(),
        organisatie,
        logo,
        retouradres,
        adresregels: doc
            .addressee
            .as_ref()
            .map(|a| a.regels.clone())
            .unwrap_or_default(),
        kenmerken,
        aanhef: doc
            .addressee
            .as_ref()
            .map(|a| a.aanhef.clone())
            .unwrap_or_default(),
        groet: "Met vriendelijke groet,".into(),
        mandaat,
        ondertekenaar,
        functie,
        voet,
        datum: format_date(doc.datum),
        kenmerk: kenmerk.to_string(),
        bijlage: doc.bijlage.as_ref().map(|(titel, _)| titel.clone()),
    }
}

/// The Tera context shared by every letter: organisation data.
pub fn org_context(config: &Config) -> Value {
    let cp = &config.contactpunt;
    let verwerking = config.verwerking.as_ref().map(|v| {
        let v = &v.value;
        json!({
            "systeem": v.systeem,
            "grondslag": v.grondslag,
            "doelen": v.doelen,
            "categorieen": v.categorieen.value,
            "ontvangers": v.ontvangers,
            "bewaartermijnen": v.bewaartermijnen,
            "bronnen": v.bronnen,
            "geautomatiseerde_besluitvorming": v.geautomatiseerde_besluitvorming,
            "doorgifte": v.doorgifte,
            "grondslag_bijzondere_gegevens": v.grondslag_bijzondere_gegevens.as_ref().map(|g| &g.value),
            "grondslag_strafrechtelijke_gegevens": v.grondslag_strafrechtelijke_gegevens.as_ref().map(|g| &g.value),
        })
    });
    json!({
        "organisatie": {
            "naam": config.organisatie.naam,
            "website": config.organisatie.website,
            "website_url": config.organisatie.website.as_deref().map(web_url),
            "bestuursorgaan": config.organisatie.bestuursorgaan,
        },
        "contactpunt": {
            "naam": cp.naam,
            "telefoon": nbsp(&cp.telefoon),
            "bereikbaar": cp.bereikbaar,
            "email": cp.email,
            "email_url": format!("mailto:{}", cp.email.trim()),
            "telefoon_url": tel_url(&cp.telefoon),
            "postadres": one_line(&cp.postadres),
        },
        "fg": {
            "naam": config.fg.naam,
            "email": config.fg.email,
            "email_url": format!("mailto:{}", config.fg.email.trim()),
            "telefoon": config.fg.telefoon.as_deref().map(nbsp),
            "telefoon_url": config.fg.telefoon.as_deref().map(tel_url),
        },
        "ondertekenaar": {
            "naam": config.ondertekenaar.naam,
            "functie": config.ondertekenaar.functie,
        },
        // The joint controllers are the overheidsdeelnemers (factsheet "Verantwoordelijkheden contactpunt" (CCV, werkgroep WGS) §3.2).
        "verantwoordelijken": config
            .deelnemers
            .iter()
            .filter(|d| d.overheid)
            .map(|d| d.naam.clone())
            .collect::<Vec<_>>(),
        "alle_deelnemers": config.deelnemers.iter().map(|d| d.naam.clone()).collect::<Vec<_>>(),
        "verwerking": verwerking,
    })
}

/// A `tel:` URL for a Dutch phone number as staff write it: digits only,
/// a leading 0 becomes +31 (RFC 3966 global number).
pub fn tel_url(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    if phone.trim_start().starts_with('+') {
        format!("tel:+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("tel:+{rest}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("tel:+31{rest}")
    } else {
        format!("tel:{digits}")
    }
}

/// An `https://` URL for a website as staff write it (`www.example.nl`).
pub fn web_url(site: &str) -> String {
    let site = site.trim();
    if site.starts_with("https://") || site.starts_with("http://") {
        site.to_string()
    } else {
        format!("https://{site}")
    }
}

#[cfg(test)]
mod url_tests {
    use super::*;

    #[test]
    fn phone_and_web_urls() {
        assert_eq!(tel_url("0344 123 456"), "tel:+31344123456");
        assert_eq!(tel_url("+31 (0)344-123456"), "tel:+310344123456");
        assert_eq!(tel_url("0031 344 123456"), "tel:+31344123456");
        assert_eq!(
            web_url("www.zvh-rivierenland.nl"),
            "https://www.zvh-rivierenland.nl"
        );
        assert_eq!(web_url("https://x.nl/a"), "https://x.nl/a");
    }
}
