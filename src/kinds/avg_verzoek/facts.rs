//! Computed facts of a `avg-verzoek` case: its deadlines and state, shared by
//! the rules, the letters and the deadline report.

use crate::calendar::{self, Deadline, Period, Regime, format_date};

use super::model::AvgVerzoek;

/// The legal deadline of the request: one month from the day identity was
/// established (art. 12(3) AVG; factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.5), under Vo. 1182/71.
/// When an identificatieverzoek went out, the EDPB reading counts from
/// (first) receipt with the identity wait suspended; the deadline is the
/// earlier of the two (legal.md §2.1, U5: the safe reading).
/// `None` while identity is not established: the term does not run yet.
pub fn deadline(case: &AvgVerzoek) -> Option<Deadline> {
    let id = case.identiteit.as_ref()?;
    let seed = calendar::compute(id.vastgesteld_op.value, Period::Months(1), Regime::Eu1182);
    match suspension_deadline(case) {
        Some(s) if s.end < seed.end => Some(s),
        _ => Some(seed),
    }
}

/// The EDPB reading (Guidelines 01/2022 §159, legal.md §2.1): one month
/// from first receipt, plus the days strictly between the
/// identificatieverzoek and the establishment of identity; then the
/// Vo. 1182/71 move to a working day.
fn suspension_deadline(case: &AvgVerzoek) -> Option<Deadline> {
    let id = case.identiteit.as_ref()?;
    let asked = case.verzonden.identificatieverzoek.as_ref()?.value;
    let established = id.vastgesteld_op.value;
    let days = ((established - asked).num_days() - 1).max(0) as u64;
    let start = first_receipt(case);
    let month = Period::Months(1).raw_end(start);
    let raw = month + chrono::Days::new(days);
    let mut d = calendar::compute(raw, Period::Days(0), Regime::Eu1182);
    let mut steps = vec![calendar::Step {
        text: format!(
            "ontvangen {} + 1 maand → {}; de {days} dagen tussen het identificatieverzoek ({}) en de vaststelling ({}) tellen niet → {}",
            format_date(start),
            format_date(month),
            format_date(asked),
            format_date(established),
            format_date(raw)
        ),
        source: "art. 12 lid 3 AVG; EDPB-richtsnoeren 01/2022 §159 (de vroegste datum geldt)",
    }];
    steps.extend(d.steps.into_iter().skip(1));
    d.steps = steps;
    d.start = start;
    d.raw_end = raw;
    Some(d)
}

/// The deadline after a verlenging (art. 12(3) AVG: two further months),
/// when the case records one and identity is established: the earlier of
/// start + 3 months and the first raw end + 2 months (legal.md U7).
pub fn extended_deadline(case: &AvgVerzoek) -> Option<chrono::NaiveDate> {
    case.verlenging.as_ref()?;
    let id = case.identiteit.as_ref()?;
    let first = deadline(case)?;
    let by_start = Period::Months(3).raw_end(id.vastgesteld_op.value);
    let by_first = Period::Months(2).raw_end(first.raw_end);
    let raw = by_start.min(by_first);
    Some(calendar::compute(raw, Period::Days(0), Regime::Eu1182).end)
}

/// The extended deadline, if the case records a verlenging sent within the
/// first term (a late one does not extend: AVG-VERLENGING-01).
pub fn valid_extension(case: &AvgVerzoek) -> Option<chrono::NaiveDate> {
    let first = deadline(case)?;
    let v = case.verlenging.as_ref()?;
    (v.datum.value <= first.end)
        .then(|| extended_deadline(case))
        .flatten()
}

/// The deadline that counts now: the extended one after a timely
/// verlenging, else the first.
pub fn effective_deadline(case: &AvgVerzoek) -> Option<chrono::NaiveDate> {
    valid_extension(case).or_else(|| deadline(case).map(|d| d.end))
}

/// When the case was closed: `afgehandeld_op`, or else the besluit date.
pub fn closed_on(case: &AvgVerzoek) -> Option<(chrono::NaiveDate, std::ops::Range<usize>)> {
    case.afgehandeld_op
        .as_ref()
        .or(case.besluit.as_ref().map(|b| &b.datum))
        .map(|d| (d.value, d.span.clone()))
}

/// The re-check date of the exceptions in the besluit that no aanvullend
/// besluit has lifted yet: besluit date + `hercontrole_maanden` (seed
/// factsheet §1.8; legal.md §2.9, HERCONTROLE-01).
pub fn hercontrole(case: &AvgVerzoek, t: &crate::model::Termijnen) -> Option<chrono::NaiveDate> {
    let b = case.besluit.as_ref()?;
    let lifted = case
        .aanvullend_besluit
        .as_ref()
        .map(|a| a.deelnemer.value.as_str());
    let open = b
        .beslissingen
        .iter()
        .flat_map(|bs| bs.uitzonderingen.iter())
        .any(|u| Some(u.deelnemer.value.as_str()) != lifted);
    if !open {
        return None;
    }
    Some(crate::kinds::algemeen::HERCONTROLE.end(b.datum.value, t))
}

/// The date the request was first received: a forwarded request counts
/// from its earliest receipt by an overheidsdeelnemer (legal.md U6).
pub fn first_receipt(case: &AvgVerzoek) -> chrono::NaiveDate {
    match &case.doorgezonden {
        Some(d) => d.ontvangen_op.value.min(case.ontvangen_op.value),
        None => case.ontvangen_op.value,
    }
}

/// The streefdatum: one month from (first) receipt (legal.md §2.1, U5). The
/// report warns from it when it is earlier than the legal deadline.
pub fn streefdatum(case: &AvgVerzoek) -> Deadline {
    calendar::compute(first_receipt(case), Period::Months(1), Regime::Eu1182)
}

/// Whether the request is open on `today`: received, and its answer not
/// yet sent on or before that day.
pub fn open_on(case: &AvgVerzoek, today: chrono::NaiveDate) -> bool {
    case.ontvangen_op.value <= today && closed_on(case).is_none_or(|(d, _)| d > today)
}
