//! Computed facts of a `notificatie` case: its deadlines and state, shared by
//! the rules, the letters and the deadline report.

use chrono::NaiveDate;

use super::model::{Notificatie, NotificatieGrond};

/// Last day to inform the person (art. 14(3)(a) AVG).
pub fn termijn_einde(c: &Notificatie) -> NaiveDate {
    super::terms::ART14.end_default(c.aanmelding_op.value)
}

/// Whether an exception postpones the letter now: an active exception
/// other than "already informed".
pub fn uitgesteld(c: &Notificatie, today: NaiveDate) -> bool {
    c.uitzonderingen.iter().any(|u| {
        u.grond.value != NotificatieGrond::AlGeinformeerd
            && u.vervallen_op.as_ref().is_none_or(|d| d.value > today)
    })
}

/// Whether the letter goes out: no active postponing exception on the date
/// it is dated.
pub fn brief(c: &Notificatie, datum: NaiveDate) -> bool {
    !uitgesteld(c, datum)
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
