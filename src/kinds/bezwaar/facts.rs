//! Computed facts of a `bezwaar` case: its deadlines and state, shared by
//! the rules, the letters and the deadline report.

use chrono::{Days, NaiveDate};

use super::model::Bezwaar;
use crate::calendar::{Period, Regime};

/// Last day of the bezwaar term (6 weeks, Atw).
pub fn bezwaartermijn_einde(c: &Bezwaar) -> NaiveDate {
    super::terms::BEZWAARTERMIJN.end_default(c.besluit.datum.value)
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
    let raw = Period::Weeks(weeks).raw_end(filing_raw) + Days::new(opschorting(c, as_of));
    let original = crate::calendar::compute(raw, Period::Days(0), Regime::Atw).end;
    // Verdaging (7:10(3)): once, six weeks on the raw end, if announced
    // before the original end (7:10(5)). Twelve + six weeks is over twelve
    // weeks: the safe reading applies no Atw move (legal.md U3).
    match c.verdaagd_op.as_ref().filter(|_| with_verdaging) {
        Some(v) if v.value <= as_of && v.value <= original => {
            let raw = raw + Days::new(42);
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
