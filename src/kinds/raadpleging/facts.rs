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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{case_from_yaml, d};

    fn raadpleging(regime: &str, extra: &str) -> Raadpleging {
        case_from_yaml(&format!(
            "soort: voorafgaande-raadpleging
kenmerk: VR-1
regime: {regime}
verwerking: camerabeelden
aanvrager: fg
datum: 2026-01-05
verwerking_gestart: false
bijlagen: {{ aanvraagformulier: true, dpia: true }}
verantwoordelijkheden: x
doeleinden_en_middelen: x
maatregelen: x
fg_advies: x
{extra}"
        ))
    }

    #[test]
    fn ap_term_per_regime_plus_suspension() {
        // legal.md A15: Wpg 10 weeks under the Atw.
        let c = raadpleging("wpg", "ap_ontvangen_op: 2026-01-12");
        assert_eq!(advies_uiterlijk(&c), Some(d("2026-03-23")));
        assert_eq!(term(&c).regime(), crate::calendar::Regime::Atw);
        let c = raadpleging("avg", "ap_ontvangen_op: 2026-01-12");
        assert_eq!(term(&c).regime(), crate::calendar::Regime::Eu1182);
        let plain = advies_uiterlijk(&c).unwrap();
        let c = raadpleging(
            "avg",
            "ap_ontvangen_op: 2026-01-12\nap_informatie_gevraagd_op: 2026-02-02\nap_informatie_geleverd_op: 2026-02-12",
        );
        assert_eq!(advies_uiterlijk(&c), Some(plain + chrono::Days::new(10)));
        // Not yet with the AP: no date.
        assert_eq!(advies_uiterlijk(&raadpleging("avg", "")), None);
    }
}
