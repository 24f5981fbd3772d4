//! The case kinds. Each kind has one folder that holds everything it
//! knows: its YAML shape (`model.rs`), its named terms (`terms.rs`), its
//! computed facts (`facts.rs`: deadlines, when the case is closed, its next
//! deadline for the report), its rules (`rules.rs`) and its letters
//! (`letters.rs`: the letter table and the template context).
//!
//! [`KINDS`] is the only place that names every kind. Outside this folder
//! nothing matches on a kind: load, rules, merge, report and the pipeline
//! go through [`Kind`] and [`Case`].

/// The `Kind` of a kind folder: its unit struct, the `KIND` static the
/// registry lists, and the trait methods that only point at the folder's
/// own modules (`rules::RULES`, `terms::TERMS`, `letters::LETTERS`,
/// `scaffold.yaml`). Methods a kind adds (the datalek's `registers`) go in
/// the braces.
macro_rules! kind {
    ($kind:ident, $case:ty, $soort:literal { $($extra:tt)* }) => {
        kind!($kind, $case, $soort, parse = |sources, file, tree| {
            $crate::load::parse_tree::<$case>(sources, file, tree)
                .map(|c| Box::new(c) as Box<dyn $crate::kinds::Case>)
        }, { $($extra)* });
    };
    ($kind:ident, $case:ty, $soort:literal, parse = $parse:expr, { $($extra:tt)* }) => {
        #[doc = concat!("The `", $soort, "` kind.")]
        pub struct $kind;

        pub static KIND: $kind = $kind;

        impl $crate::kinds::Kind for $kind {
            fn soort(&self) -> &'static str {
                $soort
            }

            fn parse(
                &self,
                sources: &$crate::diag::Sources,
                file: $crate::diag::FileId,
                tree: &$crate::model::Spanned<$crate::guard::Node>,
            ) -> Result<Box<dyn $crate::kinds::Case>, $crate::diag::Diagnostic> {
                let parse: fn(
                    &$crate::diag::Sources,
                    $crate::diag::FileId,
                    &$crate::model::Spanned<$crate::guard::Node>,
                ) -> Result<Box<dyn $crate::kinds::Case>, $crate::diag::Diagnostic> = $parse;
                parse(sources, file, tree)
            }

            fn rules(&self) -> &'static [&'static $crate::diag::Rule] {
                rules::RULES
            }

            fn terms(&self) -> &'static [&'static $crate::terms::Term] {
                terms::TERMS
            }

            fn letters(&self) -> &'static [&'static $crate::kinds::LetterSpec] {
                letters::LETTERS
            }

            fn scaffold(&self, new: &$crate::kinds::NewCase) -> String {
                new.fill(include_str!("scaffold.yaml"))
            }

            fn schema(&self) -> serde_json::Value {
                $crate::schema::generate::<$case>()
            }

            $($extra)*
        }
    };
}

pub mod algemeen;
pub mod avg_verzoek;
pub mod bezwaar;
pub mod datalek;
pub mod notificatie;
pub mod raadpleging;
pub mod wpg_verzoek;

use std::any::Any;
use std::fmt::Debug;

use chrono::NaiveDate;
use serde_json::Value;

use crate::diag::{Diagnostic, FileId, Report, Rule, Sources};
use crate::merge::Document;
use crate::model::{Config, Spanned, Termijnen};
use crate::rules::Ctx;
use crate::terms::{Due, Term};

/// Every case kind, in the order `avgdoc rules` and `avgdoc termijn --list`
/// list them. Adding a kind is one folder plus one line here.
pub static KINDS: &[&dyn Kind] = &[
    &avg_verzoek::KIND,
    &notificatie::KIND,
    &datalek::KIND,
    &bezwaar::KIND,
    &wpg_verzoek::KIND,
    &raadpleging::KIND,
];

/// The kind written as `soort: <soort>`.
pub fn find(soort: &str) -> Option<&'static dyn Kind> {
    KINDS.iter().copied().find(|k| k.soort() == soort)
}

/// The `soort` values avgdoc knows, for messages.
pub fn soorten() -> Vec<&'static str> {
    KINDS.iter().map(|k| k.soort()).collect()
}

/// The one table of named terms: every kind's, in registry order.
pub fn terms() -> Vec<&'static Term> {
    KINDS
        .iter()
        .flat_map(|k| k.terms().iter().copied())
        .chain(algemeen::TERMS.iter().copied())
        .collect()
}

/// Look up a term by the id a user typed (`avgdoc termijn <id>`).
pub fn find_term(id: &str) -> Option<&'static Term> {
    terms().into_iter().find(|t| t.id == id)
}

/// One case kind: what avgdoc knows about `soort: <soort>`.
pub trait Kind: Sync {
    /// As written in `soort:`, e.g. `avg-verzoek`.
    fn soort(&self) -> &'static str;

    /// Read case file `file`, whose guarded tree is `tree`, as this kind,
    /// or say in Dutch why not.
    fn parse(
        &self,
        sources: &Sources,
        file: FileId,
        tree: &crate::model::Spanned<crate::guard::Node>,
    ) -> Result<Box<dyn Case>, Diagnostic>;

    /// The rules of this kind, for `avgdoc rules` and `avgdoc explain`.
    fn rules(&self) -> &'static [&'static Rule];

    /// The named terms this kind owns, for `avgdoc termijn`.
    fn terms(&self) -> &'static [&'static Term];

    /// The letters a case of this kind can yield, for reviewers and the
    /// README.
    fn letters(&self) -> &'static [&'static LetterSpec];

    /// The text of a new case file of this kind (`avgdoc new <soort>`): every
    /// field with a Dutch comment, `TODO` where staff must fill in (INVUL-01
    /// rejects the file until they have), today's date where the kind needs
    /// one. It must parse as this kind.
    fn scaffold(&self, new: &NewCase) -> String;

    /// The JSON Schema of this kind's case file, generated from its type
    /// (see [`crate::schema::case`], which fixes `soort`).
    fn schema(&self) -> Value;

    /// Organisation-wide documents over every case of this kind (the
    /// datalekregister); `cases` are the loaded cases of this kind.
    fn registers(&self, _cases: &[&dyn Case], _config: &Config, _date: NaiveDate) -> Vec<Register> {
        Vec::new()
    }
}

/// What a new case file is made with.
#[derive(Debug, Clone)]
pub struct NewCase {
    /// The next free kenmerk.
    pub kenmerk: String,
    /// Today, for the date that starts the case.
    pub vandaag: NaiveDate,
    /// The time now, `UU:MM`, for kinds whose start is a moment.
    pub nu: String,
}

impl NewCase {
    /// Fill a kind's scaffold text: `{{kenmerk}}`, `{{vandaag}}`, `{{nu}}`.
    pub fn fill(&self, scaffold: &str) -> String {
        scaffold
            .replace("{{kenmerk}}", &self.kenmerk)
            .replace("{{vandaag}}", &self.vandaag.to_string())
            .replace("{{nu}}", &self.nu)
    }
}

/// A loaded case of some kind.
pub trait Case: Debug + Send + Sync {
    /// The kind of this case.
    fn kind(&self) -> &'static dyn Kind;

    /// Our reference; also the output folder name.
    fn kenmerk(&self) -> &Spanned<String>;

    /// The deelnemer ids the case names (checked against avgdoc.yaml).
    fn deelnemers(&self) -> &[Spanned<String>];

    /// Run this kind's rules.
    fn check(&self, ctx: &Ctx, report: &mut Report);

    /// The case's next deadline on `today`, for the deadline report; `None`
    /// when nothing is due (closed, or not yet started).
    fn next_deadline(&self, today: NaiveDate, termijnen: &Termijnen) -> Option<Due>;

    /// The documents the case yields in its current state; letters not yet
    /// recorded as sent are dated `run_date`.
    fn documents(&self, config: &Config, run_date: NaiveDate) -> Vec<Document>;

    /// The Tera context every document of the case gets, besides the
    /// organisation's ([`crate::merge::org_context`], which the merge adds
    /// and the inputs of a document hash as part of `avgdoc.yaml`).
    fn context(&self, config: &Config) -> Value;

    /// What the case was read from besides its own file (a breach's CSV
    /// file of persons), as text: with the case file's text, all a case is
    /// made of, for the hash of its documents' inputs.
    fn read_beside(&self) -> String {
        String::new()
    }

    /// What the reference block of its letters shows besides the kenmerk.
    fn reference(&self) -> Reference<'_> {
        Reference::default()
    }

    /// For downcasting in a kind's own [`Kind::registers`].
    fn as_any(&self) -> &dyn Any;
}

/// The case's own lines of the reference block.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reference<'a> {
    /// The requester's own reference ("Uw kenmerk").
    pub uw_kenmerk: Option<&'a str>,
    /// The handler ("Behandeld door"); default: the contactpunt.
    pub behandelaar: Option<&'a str>,
    /// The handler's own phone number; default: the contactpunt's.
    pub telefoon: Option<&'a str>,
}

/// Who a letter of a kind goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aan {
    /// The person the case is about (or who made the request).
    Betrokkene,
    /// Each deelnemer concerned, one letter each.
    Deelnemer,
    /// The Autoriteit Persoonsgegevens.
    Ap,
    /// Nobody by address: a draft, a public communication.
    Niemand,
}

impl Aan {
    /// Dutch, for listings.
    pub fn describe(self) -> &'static str {
        match self {
            Aan::Betrokkene => "de betrokkene",
            Aan::Deelnemer => "elke betrokken deelnemer",
            Aan::Ap => "de Autoriteit Persoonsgegevens",
            Aan::Niemand => "niemand (document zonder adres)",
        }
    }
}

/// One row of a kind's letter table. The subject line and all wording are
/// in the template (`templates/<soort>/<template>.md`), not here.
#[derive(Debug, Clone, Copy)]
pub struct LetterSpec {
    /// The document name, e.g. `ontvangstbevestiging` (the file is
    /// `<name>.pdf`; a letter per deelnemer adds `-<id>`).
    pub name: &'static str,
    /// The Markdown template under `templates/<soort>/`, without `.md`.
    pub template: &'static str,
    /// When the case yields it (Dutch).
    pub wanneer: &'static str,
    pub aan: Aan,
    /// The case field that records it as sent, which also dates it; without
    /// one the letter is dated on the day of the run.
    pub verzonden: Option<&'static str>,
}

impl LetterSpec {
    /// A document of this letter, dated `datum`.
    pub fn document(&'static self, datum: NaiveDate) -> Document {
        Document::from_spec(self, datum)
    }
}

/// An organisation-wide document a kind makes over all its cases.
#[derive(Debug, Clone)]
pub struct Register {
    /// File name without extension, e.g. `datalekregister-2026-03`.
    pub name: String,
    /// The Markdown template `templates/<name>.md`.
    pub template: &'static str,
    pub datum: NaiveDate,
    /// Extra Tera context for the template.
    pub context: Value,
    /// Further files beside the PDF: name and bytes (the CSV).
    pub files: Vec<(String, Vec<u8>)>,
}

/// Test support: a case of type `T` from YAML text.
#[cfg(test)]
pub(crate) fn case_from_yaml<T: serde::de::DeserializeOwned>(yaml: &str) -> T {
    serde_saphyr::from_str(yaml).expect("test case parses")
}

/// Test support: a date.
#[cfg(test)]
pub(crate) fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}
