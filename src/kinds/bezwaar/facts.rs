//! Computed facts of a `bezwaar` case: its deadlines and state, shared by
//! the rules, the letters and the deadline report.

use chrono::NaiveDate;

use super::model::Bezwaar;
use crate::calendar::{Period, Regime};

/// Last day of the bezwaar term (6 weeks, Atw).
pub fn bezwaartermijn_einde(c: &Bezwaar) -> NaiveDate {
    super::terms::BEZWAARTERMIJN.end_default(c.besluit.datum.value)
}

/// Whether the bezwaar came in after the bezwaar term, and not in the post
/// week of Awb 6:9 lid 2: it may be late (Awb 6:11).
pub fn te_laat(c: &Bezwaar) -> bool {
    let end = bezwaartermijn_einde(c);
    let received = c.ontvangen_op.value;
    if received <= end {
        return false;
    }
    let post_end = super::terms::BEZWAAR_POST.end_default(end);
    !c.gepost_op
        .as_ref()
        .is_some_and(|p| p.value <= end && received <= post_end)
}

/// The last day to answer the question why the bezwaar is late (Awb 6:11),
/// when it was asked.
pub fn reactie_uiterlijk(c: &Bezwaar) -> Option<NaiveDate> {
    let t = c.termijnoverschrijding.as_ref()?;
    let asked = t.gevraagd_op.as_ref()?;
    Some(super::terms::TERMIJNOVERSCHRIJDING.end_default(asked.value))
}

/// Days the beslistermijn is suspended for a herstelverzuim (Awb 7:10(2),
/// legal.md U9: (repair − request) − 1), as known on `as_of`.
pub fn opschorting(c: &Bezwaar, as_of: NaiveDate) -> u64 {
    match (&c.herstel_gevraagd_op, &c.hersteld_op) {
        (Some(a), Some(b)) if b.value > a.value && b.value <= as_of => {
            ((b.value - a.value).num_days() - 1).max(0) as u64
        }
        _ => 0,
    }
}

/// End of the beslistermijn (Awb 7:10): from the raw end of the bezwaar
/// term, 6 or 12 weeks, plus suspension, then the Atw.
pub fn beslistermijn_einde(c: &Bezwaar) -> NaiveDate {
    beslistermijn_einde_op(c, NaiveDate::MAX)
}

/// The beslistermijn as it stood on `as_of`: a letter states what was known
/// when it was sent, so re-rendering it never changes its text.
pub fn beslistermijn_einde_op(c: &Bezwaar, as_of: NaiveDate) -> NaiveDate {
    beslistermijn(c, as_of, true)
}

/// The beslistermijn without a verdaging, as it stood on `as_of`.
pub fn oorspronkelijke_beslistermijn(c: &Bezwaar, as_of: NaiveDate) -> NaiveDate {
    beslistermijn(c, as_of, false)
}

fn beslistermijn(c: &Bezwaar, as_of: NaiveDate, with_verdaging: bool) -> NaiveDate {
    let committee = c
        .adviescommissie_mededeling_op
        .as_ref()
        .is_some_and(|d| d.value <= as_of);
    let weeks = if committee { 12 } else { 6 };
    let filing_raw = Period::Weeks(6).raw_end(c.besluit.datum.value);
    let raw = crate::calendar::add_days(
        Period::Weeks(weeks).raw_end(filing_raw),
        opschorting(c, as_of),
    );
    let original = crate::calendar::compute(raw, Period::Days(0), Regime::Atw).end;
    // Verdaging (7:10(3)): once, six weeks on the raw end, if announced
    // before the original end (7:10(5)). Twelve + six weeks is over twelve
    // weeks: the safe reading applies no Atw move (legal.md U3).
    match c.verdaagd_op.as_ref().filter(|_| with_verdaging) {
        Some(v) if v.value <= as_of && v.value <= original => {
            let raw = crate::calendar::add_days(raw, 42);
            if committee {
                raw
            } else {
                crate::calendar::compute(raw, Period::Days(0), Regime::Atw).end
            }
        }
        _ => original,
    }
}

/// When the bezwaar was decided, if it was.
pub fn closed_on(c: &Bezwaar) -> Option<NaiveDate> {
    c.beslissing.as_ref().map(|b| b.datum.value)
}

/// The named term the beslistermijn follows (for the report: the rule and
/// the regime are the same for all four).
pub fn beslistermijn_term(c: &Bezwaar) -> &'static crate::terms::Term {
    use super::terms::{
        BESLISTERMIJN, BESLISTERMIJN_ADVIES, BESLISTERMIJN_ADVIES_VERDAAGD, BESLISTERMIJN_VERDAAGD,
    };
    match (
        c.adviescommissie_mededeling_op.is_some(),
        c.verdaagd_op.is_some(),
    ) {
        (false, false) => &BESLISTERMIJN,
        (true, false) => &BESLISTERMIJN_ADVIES,
        (false, true) => &BESLISTERMIJN_VERDAAGD,
        (true, true) => &BESLISTERMIJN_ADVIES_VERDAAGD,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{case_from_yaml, d};

    /// A bezwaar against a besluit sent on `sent`, with `extra` fields.
    fn bezwaar(sent: &str, extra: &str) -> Bezwaar {
        case_from_yaml(&format!(
            "soort: bezwaar
kenmerk: B-1
betrokkene:
  achternaam: Voorbeeld
  adres: {{ straat: Dijkweg, huisnummer: '1', postcode: 4011 GH, plaats: Waalkade }}
besluit: {{ kenmerk: X-1, datum: {sent}, onderwerp: inzage }}
ontvangen_op: 2025-06-20
gronden: niet eens
behandelaar: {{ naam: M. Bakker, telefoon: 0344 123 456 }}
{extra}"
        ))
    }

    #[test]
    fn beslistermijn_runs_from_the_end_of_the_bezwaartermijn() {
        // legal.md A01 and A08: sent 2 June 2025.
        let c = bezwaar("2025-06-02", "");
        assert_eq!(bezwaartermijn_einde(&c), d("2025-07-14"));
        assert_eq!(beslistermijn_einde(&c), d("2025-08-25"));
        assert!(std::ptr::eq(
            beslistermijn_term(&c),
            &super::super::terms::BESLISTERMIJN
        ));
    }

    #[test]
    fn committee_gives_twelve_weeks() {
        // legal.md A09.
        let c = bezwaar("2025-06-02", "adviescommissie_mededeling_op: 2025-06-25");
        assert_eq!(beslistermijn_einde(&c), d("2025-10-06"));
        // Before the mededeling, the letter of that day knew six weeks.
        assert_eq!(beslistermijn_einde_op(&c, d("2025-06-24")), d("2025-08-25"));
    }

    #[test]
    fn verdaging_adds_six_weeks_once_announced_in_time() {
        // legal.md A10.
        let c = bezwaar("2025-06-02", "verdaagd_op: 2025-08-20");
        assert_eq!(beslistermijn_einde(&c), d("2025-10-06"));
        assert_eq!(
            oorspronkelijke_beslistermijn(&c, d("2025-08-20")),
            d("2025-08-25")
        );
        // Announced after the original end: no verdaging.
        let late = bezwaar("2025-06-02", "verdaagd_op: 2025-08-26");
        assert_eq!(beslistermijn_einde(&late), d("2025-08-25"));
    }

    #[test]
    fn herstel_suspends_the_days_strictly_between() {
        // legal.md A12 (U9): asked 1 August, repaired 11 August: 9 days.
        let c = bezwaar(
            "2025-06-02",
            "herstel_gevraagd_op: 2025-08-01\nhersteld_op: 2025-08-11\nverzuimen: [handtekening]",
        );
        assert_eq!(opschorting(&c, d("2025-12-31")), 9);
        assert_eq!(beslistermijn_einde(&c), d("2025-09-03"));
        // Not yet repaired on 5 August: nothing suspended yet.
        assert_eq!(opschorting(&c, d("2025-08-05")), 0);
    }

    #[test]
    fn late_unless_posted_in_time() {
        // Term ends Monday 14 July 2025; received 1 July: in time.
        assert!(!te_laat(&bezwaar("2025-06-02", "")));
        let c = bezwaar("2025-05-01", "");
        assert!(te_laat(&c));
        assert_eq!(reactie_uiterlijk(&c), None);
        let c = bezwaar(
            "2025-05-01",
            "termijnoverschrijding: { gevraagd_op: 2025-06-23 }",
        );
        // 14 days, internal term: Monday 7 July 2025.
        assert_eq!(reactie_uiterlijk(&c), Some(d("2025-07-07")));
    }
}
