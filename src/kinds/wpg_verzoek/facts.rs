//! Computed facts of a `wpg-verzoek` case: its term, shared by the rules,
//! the letters and the deadline report.

use chrono::NaiveDate;

use super::model::{WpgSoort, WpgVerzoek};
use super::terms::{WPG_INZAGE, WPG_RECTIFICATIE};
use crate::terms::Term;

/// The term of the request: inzage six weeks (art. 25 Wpg), the others four
/// (art. 28 Wpg).
pub fn term(c: &WpgVerzoek) -> &'static Term {
    match c.verzoek.value {
        WpgSoort::Inzage => &WPG_INZAGE,
        _ => &WPG_RECTIFICATIE,
    }
}

/// The last day of the term of a Wpg request.
pub fn wpg_einde(c: &WpgVerzoek) -> NaiveDate {
    term(c).end_default(c.ontvangen_op.value)
}

/// The day the case was decided, if on or before `today`.
pub fn closed_on(c: &WpgVerzoek, today: NaiveDate) -> Option<NaiveDate> {
    c.besluit
        .as_ref()
        .map(|b| b.datum.value)
        .filter(|d| *d <= today)
}
