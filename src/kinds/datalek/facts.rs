//! Computed facts of a `datalek` case: its deadlines and state, shared by
//! the rules, the letters and the deadline report.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::{Europe::Amsterdam, Tz};

use super::model::{Datalek, Risico};
use crate::terms::{self, show_datetime};

/// When the contactpunt became aware, if the field parses.
pub fn ontdekt(c: &Datalek) -> Option<DateTime<Tz>> {
    terms::parse_moment(&c.ontdekt_op)
        .ok()
        .map(|t| t.with_timezone(&Amsterdam))
}

/// The AP deadline: awareness + 72 hours (plain reading, legal.md §1.4).
pub fn ap_deadline(c: &Datalek) -> Option<DateTime<Tz>> {
    let start = terms::parse_moment(&c.ontdekt_op).ok()?;
    Some(super::terms::DATALEK_AP.compute_hours(start)?.end)
}

/// When the AP was notified, if recorded and valid.
pub fn gemeld(c: &Datalek) -> Option<DateTime<Tz>> {
    let m = c.melding_ap.as_ref()?;
    let t = m.gemeld_op.as_ref()?;
    terms::parse_moment(t)
        .ok()
        .map(|t| t.with_timezone(&Amsterdam))
}

/// The end of the reference day, in Amsterdam: "now" for day-based checks.
pub(crate) fn end_of(day: NaiveDate) -> DateTime<Tz> {
    Amsterdam
        .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid")))
        .earliest()
        .expect("23:59:59 exists")
}

/// Whether the AP must be notified: a risk, and not withdrawn.
pub fn melden(c: &Datalek) -> bool {
    c.risico.value != Risico::Geen
}

/// A date-time of the case as text for letters, or the raw value.
pub fn show(value: &str) -> String {
    terms::parse_moment(value)
        .map(|t| show_datetime(t.with_timezone(&Amsterdam)))
        .unwrap_or_else(|_| value.to_string())
}

/// The date part of a moment, for the register's sort order.
pub fn ontdekt_datum(c: &Datalek) -> Option<NaiveDate> {
    ontdekt(c).map(|t| t.date_naive())
}
