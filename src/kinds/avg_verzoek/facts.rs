//! Computed facts of a `avg-verzoek` case: its deadlines and state, shared by
//! the rules, the letters and the deadline report.

use crate::calendar::{self, Deadline, Period, Regime, format_date};

use super::model::AvgVerzoek;

/// The legal deadline of the request (art. 12(3) AVG: "within one month of
/// receipt"), under Vo. 1182/71. The month runs from (first) receipt; only
/// an identificatieverzoek suspends it (EDPB Guidelines 01/2022 §159):
/// then the wait between the identificatieverzoek and the establishment of
/// identity does not count, and the deadline is the earlier of that date and
/// one month from the day identity was established (factsheet
/// "Verantwoordelijkheden contactpunt" §2.5). Identity checked later by the
/// organisation itself moves nothing (legal.md §2.1, U5 as revised
/// 2026-11-26: the safe reading). `None` while identity is not established.
pub fn deadline(case: &AvgVerzoek) -> Option<Deadline> {
    let id = case.identiteit.as_ref()?;
    if case.verzonden.identificatieverzoek.is_none() {
        let mut d = calendar::compute(first_receipt(case), Period::Months(1), Regime::Eu1182);
        if let Some(first) = d.steps.first_mut() {
            first.text = format!("ontvangen op {}", first.text);
        }
        return Some(d);
    }
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
    let raw = calendar::add_days(month, days);
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
    let first = deadline(case)?;
    let by_start = Period::Months(3).raw_end(first.start);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{case_from_yaml, d};

    fn verzoek(extra: &str) -> AvgVerzoek {
        case_from_yaml(&format!(
            "soort: avg-verzoek
kenmerk: A-1
betrokkene:
  achternaam: Voorbeeld
  adres: {{ straat: Dijkweg, huisnummer: '1', postcode: 4011 GH, plaats: Waalkade }}
rechten: [inzage]
omschrijving: inzage
{extra}"
        ))
    }

    #[test]
    fn no_term_before_identity() {
        let c = verzoek("ontvangen_op: 2026-01-30");
        assert!(deadline(&c).is_none());
        assert_eq!(streefdatum(&c).end, d("2026-03-02"));
        assert!(open_on(&c, d("2026-02-01")));
        assert!(!open_on(&c, d("2026-01-29")), "not yet received");
    }

    #[test]
    fn month_from_receipt_under_1182_71() {
        // The worked example of AVG-TERMIJN-01: 30 January 2026 → 2 March.
        let c = verzoek(
            "ontvangen_op: 2026-01-30\nidentiteit: { vastgesteld_op: 2026-01-30, methode: balie }",
        );
        assert_eq!(deadline(&c).unwrap().end, d("2026-03-02"));
        assert_eq!(effective_deadline(&c), Some(d("2026-03-02")));
    }

    #[test]
    fn identity_checked_later_without_a_request_moves_nothing() {
        // Issue: ZVH-2026-0412, received 24 August, identity 26 August, no
        // identificatieverzoek: 24 September, not 28 (EDPB 01/2022 §159).
        let c = verzoek(
            "ontvangen_op: 2026-08-24\nidentiteit: { vastgesteld_op: 2026-08-26, methode: balie }",
        );
        assert_eq!(deadline(&c).unwrap().end, d("2026-09-24"));
        let c = verzoek(
            "ontvangen_op: 2026-08-24\nidentiteit: { vastgesteld_op: 2026-08-26, methode: balie }\nverlenging: { datum: 2026-09-21, redenen: veel }",
        );
        // The earlier of 24 August + 3 months and 24 September + 2 months.
        assert_eq!(valid_extension(&c), Some(d("2026-11-24")));
    }

    #[test]
    fn an_identificatieverzoek_suspends_the_wait() {
        // Received 2 March, asked 3 March, identity 13 March: the 9 days
        // strictly between do not count: 2 April + 9 = 11 April (a
        // Saturday) → Monday 13 April; one month from identity gives 13
        // April too.
        let c = verzoek(
            "ontvangen_op: 2026-03-02
identiteit: { vastgesteld_op: 2026-03-13, methode: digid }
verzonden: { identificatieverzoek: 2026-03-03 }",
        );
        assert_eq!(deadline(&c).unwrap().end, d("2026-04-13"));
    }

    #[test]
    fn extension_only_when_announced_within_the_first_term() {
        // legal.md E18: identity 10 February 2026, extended → 11 May.
        let base =
            "ontvangen_op: 2026-02-10\nidentiteit: { vastgesteld_op: 2026-02-10, methode: digid }";
        let c = verzoek(&format!(
            "{base}\nverlenging: {{ datum: 2026-03-05, redenen: complex }}"
        ));
        assert_eq!(valid_extension(&c), Some(d("2026-05-11")));
        let late = verzoek(&format!(
            "{base}\nverlenging: {{ datum: 2026-03-20, redenen: complex }}"
        ));
        assert_eq!(valid_extension(&late), None);
        assert_eq!(effective_deadline(&late), Some(d("2026-03-10")));
    }

    #[test]
    fn forwarded_request_counts_from_first_receipt() {
        let c = verzoek(
            "ontvangen_op: 2026-03-10\ndoorgezonden: { door: politie, ontvangen_op: 2026-03-02 }",
        );
        assert_eq!(first_receipt(&c), d("2026-03-02"));
    }

    #[test]
    fn closed_by_the_besluit() {
        let c = verzoek(
            "ontvangen_op: 2026-01-30
identiteit: { vastgesteld_op: 2026-01-30, methode: balie }
besluit:
  datum: 2026-02-20
  beslissingen: [{ recht: inzage, uitkomst: toegewezen }]",
        );
        assert_eq!(closed_on(&c).map(|(d, _)| d), Some(d("2026-02-20")));
        assert!(open_on(&c, d("2026-02-19")));
        assert!(!open_on(&c, d("2026-02-20")));
        // No exception: nothing to re-check.
        assert_eq!(hercontrole(&c, &crate::model::Termijnen::default()), None);
    }
}
