//! Computed facts of a `notificatie` case: its deadlines and state, shared by
//! the rules, the letters and the deadline report.

use chrono::NaiveDate;

use super::model::{Notificatie, NotificatieGrond, NotificatieUitzondering};

/// Last day to inform the person (art. 14(3)(a) AVG).
pub fn termijn_einde(c: &Notificatie) -> NaiveDate {
    super::terms::ART14.end_default(c.aanmelding_op.value)
}

/// Whether exception `u` withholds information on `on`: any ground but
/// "already informed", not yet lapsed.
pub fn actief(u: &NotificatieUitzondering, on: NaiveDate) -> bool {
    u.grond.value != NotificatieGrond::AlGeinformeerd
        && u.vervallen_op.as_ref().is_none_or(|d| d.value > on)
}

/// The deelnemers whose part is withheld on `on`.
pub fn afgeschermd(c: &Notificatie, on: NaiveDate) -> Vec<&str> {
    c.uitzonderingen
        .iter()
        .filter(|u| actief(u, on))
        .map(|u| u.deelnemer.value.as_str())
        .collect()
}

/// Whether the whole letter is postponed on `on`: every deelnemer of the
/// case has an active exception. An exception that covers only some
/// deelnemers withholds only their part; the rest "moet gewoon worden
/// verstrekt" (factsheet "Verantwoordelijkheden contactpunt" §3.6).
pub fn uitgesteld(c: &Notificatie, on: NaiveDate) -> bool {
    let covered = afgeschermd(c, on);
    !covered.is_empty()
        && c.deelnemers
            .iter()
            .all(|d| covered.contains(&d.value.as_str()))
}

/// Whether the letter goes out: not postponed on the date it is dated, and
/// an address to send it to. A letter the case records as sent always is
/// rendered: it is the copy of what was sent.
pub fn brief(c: &Notificatie, datum: NaiveDate) -> bool {
    c.verzonden.notificatiebrief.is_some() || (!uitgesteld(c, datum) && c.geen_adres.is_none())
}

/// The exceptions that lapsed after the letter of `datum` went out: their
/// part follows in an aanvullende notificatiebrief.
pub fn nagezonden(c: &Notificatie, datum: NaiveDate) -> Vec<&NotificatieUitzondering> {
    c.uitzonderingen
        .iter()
        .map(|u| &u.value)
        .filter(|u| actief(u, datum) && u.vervallen_op.is_some())
        .collect()
}

/// The day the exceptions were last tested: the latest `getoetst_op`, or
/// the aanmelding.
pub fn laatst_getoetst(c: &Notificatie) -> NaiveDate {
    c.uitzonderingen
        .iter()
        .filter_map(|u| u.getoetst_op.as_ref().map(|d| d.value))
        .max()
        .unwrap_or(c.aanmelding_op.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{case_from_yaml, d};

    fn notificatie(extra: &str) -> Notificatie {
        case_from_yaml(&format!(
            "soort: notificatie
kenmerk: N-1
betrokkene:
  achternaam: Voorbeeld
  adres: {{ straat: Dijkweg, huisnummer: '1', postcode: 4011 GH, plaats: Waalkade }}
aanmelding_op: 2026-01-15
in_behandeling: true
deelnemers: [politie]
{extra}"
        ))
    }

    #[test]
    fn one_month_from_the_aanmelding() {
        // legal.md E20.
        let c = notificatie("");
        assert_eq!(termijn_einde(&c), d("2026-02-16"));
        assert!(!uitgesteld(&c, d("2026-01-20")));
        assert_eq!(laatst_getoetst(&c), d("2026-01-15"));
    }

    #[test]
    fn an_active_exception_postpones_until_it_lapses() {
        let c = notificatie(
            "uitzonderingen:
  - deelnemer: politie
    grond: uavg41
    toelichting: lopend onderzoek
    getoetst_op: 2026-03-01
    vervallen_op: 2026-04-01",
        );
        assert!(uitgesteld(&c, d("2026-03-31")));
        assert!(!uitgesteld(&c, d("2026-04-01")));
        assert!(!brief(&c, d("2026-03-31")));
        assert_eq!(laatst_getoetst(&c), d("2026-03-01"));
        // Already informed never postpones the letter.
        let c = notificatie(
            "uitzonderingen:
  - deelnemer: politie
    grond: al-geinformeerd
    toelichting: weet het al",
        );
        assert!(!uitgesteld(&c, d("2026-01-20")));
    }
}
