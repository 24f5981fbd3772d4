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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::case_from_yaml;

    fn lek(ontdekt: &str, extra: &str) -> Datalek {
        case_from_yaml(&format!(
            "soort: datalek
kenmerk: D-1
ontdekt_op: {ontdekt}
soort_inbreuk: [vertrouwelijkheid]
omschrijving: brief verkeerd verstuurd
betrokkenen: {{ categorieen: [burgers], aantal: '1' }}
gegevens: {{ categorieen: [naam], aantal: '1' }}
gevolgen: geen
maatregelen: []
risico: risico
risico_toelichting: gering
{extra}"
        ))
    }

    #[test]
    fn ap_deadline_is_72_elapsed_hours_in_amsterdam() {
        // legal.md H01 and H02 (across the end of summer time).
        let c = lek("2026-01-16T16:30", "");
        assert_eq!(
            ap_deadline(&c).unwrap().to_rfc3339(),
            "2026-01-19T16:30:00+01:00"
        );
        let c = lek("2025-10-24T09:15:00+02:00", "");
        assert_eq!(
            ap_deadline(&c).unwrap().to_rfc3339(),
            "2025-10-27T08:15:00+01:00"
        );
        assert!(melden(&c));
        assert_eq!(gemeld(&c), None);
    }

    #[test]
    fn an_unparsable_moment_has_no_deadline() {
        let c = lek("gisteren", "");
        assert!(ap_deadline(&c).is_none());
        assert_eq!(show("gisteren"), "gisteren");
    }

    #[test]
    fn no_risk_no_notification() {
        let mut c = lek("2026-01-16T16:30", "");
        c.risico.value = Risico::Geen;
        assert!(!melden(&c));
    }
}
