//! avgdoc turns privacy case files (YAML) into official Dutch letters (PDF).
//!
//! The pipeline, one module per stage:
//!
//! 1. [`load`]: `avgdoc.yaml` and `cases/**.yaml` → typed [`model`] values
//!    with source spans;
//! 2. [`rules`]: legal checks with stable ids, using the [`calendar`]; each
//!    case kind's own rules, terms, facts and letters live in [`kinds`];
//! 3. [`merge`]: Tera + Markdown templates → Typst body and letter data;
//! 4. [`typeset`]: typst in process → PDF/A-2a + PDF/UA-1;
//! 5. [`write`]: atomic writes into the output folder.
//!
//! [`pipeline`] runs the stages; [`bare`] gives typst's inputs of every
//! document for the benchmark's bare typst loop; [`cli`] is the command line; [`diag`] is the
//! one diagnostic model every stage reports in.

// Diagnostics are the cold path and carry spans, notes and labels; boxing
// them everywhere would only add noise.
#![allow(clippy::result_large_err)]

pub mod bare;
pub mod calendar;
pub mod cli;
pub mod diag;
pub mod diff;
pub mod guard;
pub mod kinds;
pub mod load;
pub mod manifest;
pub mod merge;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod site;
pub mod suggest;
pub mod templates;
pub mod term;
pub mod terms;
pub mod typed;
pub mod typeset;
pub mod watch;
pub mod write;
