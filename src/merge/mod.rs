//! Stage 3: merge a case into its letters.
//!
//! For each document a case yields, the Tera template
//! `templates/<soort>/<document>.md` is rendered with the case as context.
//! Every value Tera inserts is escaped for Markdown (autoescape with
//! [`markdown::escape_markdown`]), so case data can create no structure; the
//! Markdown is then converted to Typst markup by [`markdown::to_typst`].
//! The letter frame (address, reference block, signature) goes to Typst as
//! JSON data, never as markup: see [`Letter`].

mod avg_verzoek;
mod bezwaar;
pub mod datalek;
pub mod markdown;
mod notificatie;
mod wpg;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};
use tera::Tera;

use crate::calendar::format_date;
use crate::diag::Diagnostic;
use crate::model::{Aanspreekvorm, Adres, Betrokkene, Case, Config};
use crate::rules::common::normalize_postcode;
use crate::templates::TemplateSet;

/// A document a case yields: `output/<kenmerk>/<name>.pdf`.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable file name without extension, e.g. `verzoek-deelnemer-politie`.
    pub name: String,
    /// The Markdown template, relative to `templates/<soort>/`, without
    /// `.md`, e.g. `verzoek-deelnemer`.
    pub template: String,
    /// The subject line ("Onderwerp") and PDF title.
    pub onderwerp: String,
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
    /// A document without address block (a draft, a register); its
    /// template has its name.
    pub fn plain(name: &str, onderwerp: impl Into<String>, datum: NaiveDate) -> Self {
        Document {
            name: name.into(),
            template: name.into(),
            onderwerp: onderwerp.into(),
            datum,
            addressee: None,
            sender: None,
            uw_kenmerk: false,
            context: json!({}),
            bijlage: None,
        }
    }

    /// A letter to the person the case is about (the reference block may
    /// show their own kenmerk).
    pub fn letter(
        name: &str,
        onderwerp: impl Into<String>,
        datum: NaiveDate,
        to: Addressee,
    ) -> Self {
        Document {
            addressee: Some(to),
            uw_kenmerk: true,
            ..Self::plain(name, onderwerp, datum)
        }
    }

    /// A letter to deelnemer `d` from template `template`, named
    /// `<template>-<id>` (e.g. `verzoek-deelnemer-politie`).
    pub fn to_deelnemer(
        template: &str,
        d: &crate::model::Deelnemer,
        onderwerp: impl Into<String>,
        datum: NaiveDate,
        context: Value,
    ) -> Self {
        Document {
            name: format!("{template}-{}", d.id.value),
            addressee: Some(Addressee::deelnemer(d)),
            context,
            ..Self::plain(template, onderwerp, datum)
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

/// The documents a case yields in its current state.
pub fn documents(case: &Case, config: &Config, run_date: NaiveDate) -> Vec<Document> {
    match case {
        Case::AvgVerzoek(c) => avg_verzoek::documents(c, config, run_date),
        Case::Bezwaar(c) => bezwaar::documents(c, config, run_date),
        Case::WpgVerzoek(c) => wpg::wpg_documents(c, config, run_date),
        Case::Raadpleging(c) => wpg::raadpleging_documents(c, config, run_date),
        Case::Notificatie(c) => notificatie::documents(c, config, run_date),
        Case::Datalek(c) => datalek::documents(c, config, run_date),
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
}

/// The Tera environment of a run: all `*.md` templates, parsed once.
pub struct Merger {
    tera: Tera,
}

impl Merger {
    pub fn new(templates: &TemplateSet) -> Result<Self, Vec<Diagnostic>> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".md"]);
        tera.set_escape_fn(markdown::escape_markdown);
        let mut errors = Vec::new();
        for (name, t) in &templates.files {
            if !name.ends_with(".md") {
                continue;
            }
            let Ok(text) = std::str::from_utf8(&t.bytes) else {
                errors.push(Diagnostic::error(
                    "TEMPLATE-01",
                    format!("{} is geen UTF-8-tekst", templates.display_name(name)),
                ));
                continue;
            };
            if let Err(e) = tera.add_raw_template(name, text) {
                errors.push(Diagnostic::error(
                    "TEMPLATE-01",
                    format!(
                        "fout in sjabloon {}: {}",
                        templates.display_name(name),
                        error_chain(&e)
                    ),
                ));
            }
        }
        if errors.is_empty() {
            Ok(Merger { tera })
        } else {
            Err(errors)
        }
    }

    /// Merge one document of one case.
    pub fn merge(
        &self,
        templates: &TemplateSet,
        config: &Config,
        case: &Case,
        doc: &Document,
    ) -> Result<Merged, Diagnostic> {
        let (mut context, kenmerk, uw_kenmerk, behandelaar) = match case {
            Case::AvgVerzoek(c) => (
                avg_verzoek::context(config, c),
                c.kenmerk.value.as_str(),
                c.uw_kenmerk.as_deref(),
                c.behandelaar.as_deref(),
            ),
            Case::Bezwaar(c) => (
                bezwaar::context(config, c),
                c.kenmerk.value.as_str(),
                c.uw_kenmerk.as_deref(),
                Some(c.behandelaar.naam.as_str()),
            ),
            Case::WpgVerzoek(c) => (
                wpg::wpg_context(config, c),
                c.kenmerk.value.as_str(),
                c.uw_kenmerk.as_deref(),
                c.behandelaar.as_deref(),
            ),
            Case::Raadpleging(c) => (
                wpg::raadpleging_context(config, c),
                c.kenmerk.value.as_str(),
                None,
                None,
            ),
            Case::Notificatie(c) => (
                notificatie::context(config, c),
                c.kenmerk.value.as_str(),
                None,
                c.behandelaar.as_deref(),
            ),
            Case::Datalek(c) => (
                datalek::context(config, c),
                c.kenmerk.value.as_str(),
                None,
                None,
            ),
        };
        let obj = context.as_object_mut().expect("context is an object");
        obj.insert(
            "brief".into(),
            json!({
                "datum": format_date(doc.datum),
                "kenmerk": kenmerk,
                "onderwerp": doc.onderwerp,
                "aanhef": doc.addressee.as_ref().map(|a| a.aanhef.clone()),
            }),
        );
        obj.insert("doc".into(), doc.context.clone());
        let mut letter = frame(config, kenmerk, uw_kenmerk, behandelaar, doc);
        // A bezwaar names its handler's own phone number (Awb 6:14; seed
        // AP-bezwaar).
        if let Case::Bezwaar(c) = case
            && doc.sender.is_none()
            && let Some(tel) = letter.kenmerken.iter_mut().find(|(l, _)| l == "Telefoon")
        {
            tel.1 = nbsp(&c.behandelaar.telefoon);
        }
        let ctx = tera::Context::from_value(context).expect("context is an object");
        let body = self.render(
            templates,
            &format!("{}/{}.md", case.soort(), doc.template),
            &ctx,
        )?;
        let bijlage = match &doc.bijlage {
            Some((_, template)) => Some(self.render(templates, &format!("{template}.md"), &ctx)?),
            None => None,
        };
        Ok(Merged {
            letter,
            body: markdown::to_typst(&body),
            bijlage: bijlage.map(|md| markdown::to_typst(&md)),
        })
    }

    fn render(
        &self,
        templates: &TemplateSet,
        name: &str,
        ctx: &tera::Context,
    ) -> Result<String, Diagnostic> {
        self.tera.render(name, ctx).map_err(|e| {
            Diagnostic::error(
                "TEMPLATE-01",
                format!(
                    "sjabloon {} kan niet worden ingevuld: {}",
                    templates.display_name(name),
                    error_chain(&e)
                ),
            )
        })
    }
}

impl Merger {
    /// Merge an organisation-wide document (`templates/<name>.md`), dated
    /// `datum`, as a document without address block. Also returns the
    /// Markdown, for an HTML rendering.
    pub fn merge_org(
        &self,
        templates: &TemplateSet,
        config: &Config,
        name: &str,
        onderwerp: &str,
        datum: NaiveDate,
        extra: Value,
    ) -> Result<(Merged, String), Diagnostic> {
        let mut context = org_context(config);
        let obj = context.as_object_mut().expect("object");
        obj.insert(
            "brief".into(),
            json!({ "datum": format_date(datum), "onderwerp": onderwerp }),
        );
        if let Value::Object(extra) = extra {
            obj.extend(extra);
        }
        let ctx = tera::Context::from_value(context).expect("object");
        let md = self.render(templates, &format!("{name}.md"), &ctx)?;
        let doc = Document::plain(name, onderwerp, datum);
        let mut letter = frame(config, "", None, None, &doc);
        letter.kenmerken = vec![("Versie".into(), format_date(datum))];
        letter.titel = format!("{onderwerp} – {}", config.organisatie.naam);
        Ok((
            Merged {
                letter,
                body: markdown::to_typst(&md),
                bijlage: None,
            },
            md,
        ))
    }
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
    let name = join_words(&[
        b.voorletters.as_deref(),
        b.tussenvoegsel.as_deref(),
        Some(&b.achternaam),
    ]);
    match b.aanspreekvorm {
        Aanspreekvorm::Heer => format!("De heer {name}"),
        Aanspreekvorm::Mevrouw => format!("Mevrouw {name}"),
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

/// Address lines as PostNL wants them: street and number (or Postbus),
/// then `1234 AB  PLAATS` (two spaces, town in capitals); abroad, the
/// country last, in capitals.
pub fn adresregels(a: &Adres) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(p) = &a.postbus {
        lines.push(format!("Postbus {}", p.trim()));
    } else {
        // A no-break space keeps the house number with the street when a
        // long street name wraps in the window.
        let number = a
            .huisnummer
            .as_deref()
            .map(|n| n.trim().replace(' ', "\u{a0}"));
        match (a.straat.as_deref(), number) {
            (Some(s), Some(n)) => lines.push(format!("{}\u{a0}{n}", s.trim())),
            (s, n) => lines.push(join_words(&[s, n.as_deref()])),
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
pub(crate) fn nbsp(s: &str) -> String {
    s.trim().replace(' ', "\u{a0}")
}

pub(crate) fn one_line(a: &Adres) -> String {
    adresregels(a).join(", ")
}

fn frame(
    config: &Config,
    kenmerk: &str,
    uw_kenmerk: Option<&str>,
    behandelaar: Option<&str>,
    doc: &Document,
) -> Letter {
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
            mandaat = None;
            ondertekenaar = sender.clone();
            functie = String::new();
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
            kenmerken.push(("Telefoon".into(), nbsp(&cp.telefoon)));
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
        titel: format!("{} – {kenmerk}", doc.onderwerp),
        onderwerp: doc.onderwerp.clone(),
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
pub(crate) fn org_context(config: &Config) -> Value {
    let cp = &config.contactpunt;
    let verwerking = config.verwerking.as_ref().map(|v| {
        let v = &v.value;
        json!({
            "systeem": v.systeem,
            "grondslag": v.grondslag,
            "doelen": v.doelen,
            "categorieen": v.categorieen,
            "ontvangers": v.ontvangers,
            "bewaartermijnen": v.bewaartermijnen,
            "bronnen": v.bronnen,
            "geautomatiseerde_besluitvorming": v.geautomatiseerde_besluitvorming,
            "doorgifte": v.doorgifte,
        })
    });
    json!({
        "organisatie": { "naam": config.organisatie.naam, "website": config.organisatie.website },
        "contactpunt": {
            "naam": cp.naam,
            "telefoon": nbsp(&cp.telefoon),
            "bereikbaar": cp.bereikbaar,
            "email": cp.email,
            "postadres": one_line(&cp.postadres),
        },
        "fg": {
            "naam": config.fg.naam,
            "email": config.fg.email,
            "telefoon": config.fg.telefoon.as_deref().map(nbsp),
        },
        "ondertekenaar": {
            "naam": config.ondertekenaar.naam,
            "functie": config.ondertekenaar.functie,
        },
        // The joint controllers are the overheidsdeelnemers (seed factsheet §3.2).
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
