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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{case_from_yaml, d};

    fn wpg(soort: &str, ontvangen: &str) -> WpgVerzoek {
        case_from_yaml(&format!(
            "soort: wpg-verzoek
kenmerk: W-1
afzender: politie
betrokkene:
  achternaam: Voorbeeld
  adres: {{ straat: Dijkweg, huisnummer: '1', postcode: 4011 GH, plaats: Waalkade }}
verzoek: {soort}
ontvangen_op: {ontvangen}
omschrijving: x"
        ))
    }

    #[test]
    fn inzage_six_weeks_rectificatie_four_under_the_atw() {
        // legal.md A13 and A14.
        let c = wpg("inzage", "2026-04-02");
        assert_eq!(wpg_einde(&c), d("2026-05-18"));
        assert_eq!(term(&c).rule.id, "WPG-01");
        let c = wpg("rectificatie", "2026-04-07");
        assert_eq!(wpg_einde(&c), d("2026-05-06"));
        assert_eq!(term(&c).rule.id, "WPG-02");
        assert_eq!(term(&wpg("vernietiging", "2026-04-07")).rule.id, "WPG-02");
        assert_eq!(closed_on(&c, d("2026-05-01")), None);
    }
}
