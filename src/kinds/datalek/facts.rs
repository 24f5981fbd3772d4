//! Computed facts of a `datalek` case: its deadlines and state, shared by
//! the rules, the letters and the deadline report.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::{Europe::Amsterdam, Tz};

use super::model::{Datalek, Maatregel, Persoon, Risico, UitzonderingBetrokkenen};
use crate::model::Spanned;
use crate::terms::{self, show_datetime_brief};

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
        .map(|t| show_datetime_brief(t.with_timezone(&Amsterdam)))
        .unwrap_or_else(|_| value.to_string())
}

/// The affected persons: inline, or read from `betrokkenen.bestand`.
pub fn personen(c: &Datalek) -> &[Spanned<Persoon>] {
    if c.betrokkenen.bestand.is_some() {
        &c.uit_bestand.personen
    } else {
        &c.betrokkenen.personen
    }
}

/// Whether the case yields individual letters to the persons: high risk
/// and no exception of art. 34(3) AVG for the whole breach.
pub fn brieven_betrokkenen(c: &Datalek) -> bool {
    c.risico.value == Risico::Hoog
        && c.betrokkenen_informeren
            .as_ref()
            .and_then(|i| i.uitzondering.as_ref())
            .is_none()
}

/// Whether the case yields a public communication (art. 34(3)(c) AVG).
pub fn publieke_mededeling(c: &Datalek) -> bool {
    c.risico.value == Risico::Hoog
        && c.betrokkenen_informeren
            .as_ref()
            .and_then(|i| i.uitzondering.as_ref())
            .is_some_and(|u| u.value == UitzonderingBetrokkenen::Onevenredig)
}

/// The date of the AP draft: when it was submitted, else `run_date`.
pub fn ap_datum(c: &Datalek, run_date: NaiveDate) -> NaiveDate {
    gemeld(c).map_or(run_date, |t| t.date_naive())
}

/// The date of the letters to the persons (or the public communication):
/// when they were informed, else `run_date`.
pub fn informeer_datum(c: &Datalek, run_date: NaiveDate) -> NaiveDate {
    c.betrokkenen_informeren
        .as_ref()
        .and_then(|i| i.geinformeerd_op.as_ref())
        .map_or(run_date, |d| d.value)
}

/// How a measure reads in a document dated `datum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stand {
    /// Taken on this date (on or before the document's date).
    Genomen(NaiveDate),
    /// Planned for this date.
    Voorgenomen(NaiveDate),
    /// Recorded as taken after the document's date, and never planned: it
    /// cannot be printed as taken (DATALEK-07).
    TeLaat(NaiveDate),
    /// No date at all (DATALEK-07).
    Onbekend,
}

/// How measure `m` reads in a document dated `datum`: a measure taken
/// after that date shows as planned, so a sent letter never changes.
pub fn stand(m: &Maatregel, datum: NaiveDate) -> Stand {
    match (m.genomen, m.voorgenomen) {
        (Some(g), _) if g <= datum => Stand::Genomen(g),
        (_, Some(v)) => Stand::Voorgenomen(v),
        (Some(g), None) => Stand::TeLaat(g),
        (None, None) => Stand::Onbekend,
    }
}

/// The last day to complete (or withdraw) a `voorlopig` notification;
/// `None` for any other phase or without a notification time.
pub fn aanvulling_uiterlijk(c: &Datalek, settings: &crate::model::Termijnen) -> Option<NaiveDate> {
    let m = c.melding_ap.as_ref()?;
    if m.fase != super::model::Fase::Voorlopig {
        return None;
    }
    let day = gemeld(c)?.date_naive();
    Some(super::terms::DATALEK_AANVULLING.end(day, settings))
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
    fn a_measure_taken_after_a_letter_reads_as_planned_in_it() {
        let m = |g: Option<&str>, v: Option<&str>| Maatregel {
            wat: "x".into(),
            genomen: g.map(crate::kinds::d),
            voorgenomen: v.map(crate::kinds::d),
        };
        let day = crate::kinds::d("2026-11-04");
        let planned_then_taken = m(Some("2026-11-06"), Some("2026-11-06"));
        assert_eq!(
            stand(&planned_then_taken, day),
            Stand::Voorgenomen(crate::kinds::d("2026-11-06"))
        );
        assert_eq!(
            stand(&planned_then_taken, crate::kinds::d("2026-11-06")),
            Stand::Genomen(crate::kinds::d("2026-11-06"))
        );
        assert_eq!(
            stand(&m(Some("2026-11-06"), None), day),
            Stand::TeLaat(crate::kinds::d("2026-11-06"))
        );
        assert_eq!(stand(&m(None, None), day), Stand::Onbekend);
    }

    #[test]
    fn no_risk_no_notification() {
        let mut c = lek("2026-01-16T16:30", "");
        c.risico.value = Risico::Geen;
        assert!(!melden(&c));
    }
}
