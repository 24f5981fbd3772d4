//! Computed facts of a `voorafgaande-raadpleging`: the AP's term.

use chrono::NaiveDate;

use super::model::{Raadpleging, RaadplegingRegime};
use super::terms::{VR_AVG, VR_WPG};
use crate::terms::Term;

/// The AP's term for this regime.
pub fn term(c: &Raadpleging) -> &'static Term {
    match c.regime.value {
        RaadplegingRegime::Avg => &VR_AVG,
        RaadplegingRegime::Wpg => &VR_WPG,
    }
}

/// The latest date of the AP's advice, once the AP has the request: the
/// statutory maximum, plus the days the AP waited for information
/// (supplied − requested; legal.md §2.7, U12).
pub fn advies_uiterlijk(c: &Raadpleging) -> Option<NaiveDate> {
    let start = c.ap_ontvangen_op.as_ref()?.value;
    let end = term(c).end_default(start);
    let suspended = match (&c.ap_informatie_gevraagd_op, &c.ap_informatie_geleverd_op) {
        (Some(a), Some(b)) if b.value > a.value => (b.value - a.value).num_days() as u64,
        _ => 0,
    };
    end.checked_add_days(chrono::Days::new(suspended))
}
