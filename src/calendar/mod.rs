//! The legal calendar: Dutch holidays, working days and the period regimes
//! that turn "one month from X" into an exact last day.
//!
//! Two regimes, chosen per term by its legal source (legal.md §1):
//!
//! * [`Regime::Eu1182`]: Regulation (EEC, Euratom) No 1182/71, for AVG terms.
//!   Holidays: the EU-safe set (legal.md §1.1, U1).
//! * [`Regime::Atw`]: the Algemene termijnenwet, for Dutch statutory terms
//!   (Awb, Wpg). Holidays: the full Atw art. 3 set.
//! * [`Regime::Intern`]: a term the organisation sets itself; it moves to the
//!   *preceding* working day (legal.md §1.5).
//!
//! Everything here is pure date arithmetic: no clock, no I/O.

mod holidays;
mod nl;

pub use holidays::{Holiday, easter, gelijkgesteld_known, holiday, holidays_of_year, koningsdag};
pub use nl::{format_date, month_name, weekday_name};

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The legal regime that governs how a term is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Regime {
    /// Regulation (EEC, Euratom) No 1182/71 (AVG terms).
    Eu1182,
    /// Algemene termijnenwet (Awb and Wpg terms).
    Atw,
    /// A term the organisation sets itself (legal.md §1.5).
    Intern,
}

impl Regime {
    /// Short Dutch name, as shown in explanations.
    pub fn name(self) -> &'static str {
        match self {
            Regime::Eu1182 => "Vo. 1182/71",
            Regime::Atw => "Algemene termijnenwet",
            Regime::Intern => "interne termijn",
        }
    }

    /// Whether `date` is a working day under this regime: not a Saturday,
    /// Sunday or a holiday of the regime's set.
    pub fn is_working_day(self, date: NaiveDate) -> bool {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return false;
        }
        match holiday(date) {
            None => true,
            Some(h) => match self {
                Regime::Eu1182 => !h.in_eu_safe_set(),
                Regime::Atw | Regime::Intern => false,
            },
        }
    }
}

/// A period expressed in days, weeks or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Days(u32),
    Weeks(u32),
    Months(u32),
}

impl Period {
    /// Dutch wording: "1 maand", "6 weken", "14 dagen".
    pub fn describe(self) -> String {
        match self {
            Period::Days(1) => "1 dag".into(),
            Period::Days(n) => format!("{n} dagen"),
            Period::Weeks(1) => "1 week".into(),
            Period::Weeks(n) => format!("{n} weken"),
            Period::Months(1) => "1 maand".into(),
            Period::Months(n) => format!("{n} maanden"),
        }
    }

    /// Calendar arithmetic only: the raw end of the period started by the
    /// event on `start`. Months keep the day number and clip to the last day
    /// of a shorter month (art. 3(2)(c) Vo. 1182/71; the same for the Atw).
    ///
    /// Total: a result beyond chrono's range saturates at its last day.
    /// Dates from case files lie within 1900–2200 (DATUM-01) and lengths
    /// are bounded, so saturation never decides a real deadline.
    pub fn raw_end(self, start: NaiveDate) -> NaiveDate {
        let end = match self {
            Period::Days(n) => start.checked_add_days(Days::new(n.into())),
            Period::Weeks(n) => start.checked_add_days(Days::new(7 * u64::from(n))),
            // chrono clips to the month's last day, as art. 3(2)(c) requires.
            Period::Months(n) => start.checked_add_months(Months::new(n)),
        };
        end.unwrap_or(NaiveDate::MAX)
    }

    /// Atw art. 4(a): the Atw does not apply to terms of more than 90 days,
    /// more than twelve weeks or more than three months.
    fn atw_applies(self) -> bool {
        match self {
            Period::Days(n) => n <= 90,
            Period::Weeks(n) => n <= 12,
            Period::Months(n) => n <= 3,
        }
    }
}

/// One step of a deadline computation, with the rule that justifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Dutch explanation, e.g. "zaterdag → maandag 2 maart 2026".
    pub text: String,
    /// The legal source of the step, e.g. "art. 3 lid 4 Vo. 1182/71".
    pub source: &'static str,
}

/// The result of a deadline computation: the end and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub start: NaiveDate,
    pub period: Period,
    pub regime: Regime,
    /// Calendar arithmetic only.
    pub raw_end: NaiveDate,
    /// The last day of the term: done by 23:59:59 Europe/Amsterdam.
    pub end: NaiveDate,
    pub steps: Vec<Step>,
}

/// Compute the last day of `period` started by the event on `start`, under
/// `regime` (legal.md §1.1 algorithm, §1.2, §1.5).
pub fn compute(start: NaiveDate, period: Period, regime: Regime) -> Deadline {
    let raw_end = period.raw_end(start);
    let mut steps = vec![Step {
        text: format!(
            "{} + {} → {}",
            format_date(start),
            period.describe(),
            format_date(raw_end)
        ),
        source: raw_source(period, regime),
    }];
    let end = match regime {
        Regime::Eu1182 => forward(start, raw_end, regime, 2, &mut steps),
        Regime::Atw if period.atw_applies() => forward(start, raw_end, regime, 3, &mut steps),
        Regime::Atw => {
            steps.push(Step {
                text: format!(
                    "termijn van {}: de Algemene termijnenwet is niet van toepassing",
                    period.describe()
                ),
                source: "art. 4 lid 1 onder a Algemene termijnenwet",
            });
            raw_end
        }
        Regime::Intern => backward(raw_end, &mut steps),
    };
    Deadline {
        start,
        period,
        regime,
        raw_end,
        end,
        steps,
    }
}

fn raw_source(period: Period, regime: Regime) -> &'static str {
    match (regime, period) {
        (Regime::Eu1182, Period::Days(_)) => "art. 3 lid 1 en lid 2 onder b Vo. 1182/71",
        (Regime::Eu1182, _) => "art. 3 lid 1 en lid 2 onder c Vo. 1182/71",
        (Regime::Atw, _) => "art. 6:8 lid 1 Awb (de termijn begint de dag na de gebeurtenis)",
        (Regime::Intern, _) => "interne termijn van de organisatie",
    }
}

/// Forward rule of both statutory regimes: a last day on a Saturday, Sunday
/// or holiday moves to the next working day; a term of at least
/// `min_days_for_two` days must contain two working days.
fn forward(
    start: NaiveDate,
    raw_end: NaiveDate,
    regime: Regime,
    min_days_for_two: i64,
    steps: &mut Vec<Step>,
) -> NaiveDate {
    let (move_source, two_source) = match regime {
        Regime::Eu1182 => ("art. 3 lid 4 Vo. 1182/71", "art. 3 lid 5 Vo. 1182/71"),
        _ => (
            "art. 1 lid 1 Algemene termijnenwet",
            "art. 2 Algemene termijnenwet",
        ),
    };
    let mut end = raw_end;
    while !regime.is_working_day(end) {
        let Some(next) = end.succ_opt() else { break };
        end = next;
    }
    if end != raw_end {
        steps.push(Step {
            text: format!(
                "{} → {} {}",
                why_not_working(raw_end, regime),
                weekday_name(end.weekday()),
                format_date(end)
            ),
            source: move_source,
        });
    }
    if (raw_end - start).num_days() >= min_days_for_two {
        let before = end;
        while working_days_between(start, end, regime) < 2 {
            let Some(next) = end.succ_opt() else { break };
            end = next;
            while !regime.is_working_day(end) {
                let Some(next) = end.succ_opt() else { break };
                end = next;
            }
            if end == NaiveDate::MAX {
                break;
            }
        }
        if end != before {
            steps.push(Step {
                text: format!(
                    "de termijn moet ten minste twee werkdagen bevatten → {} {}",
                    weekday_name(end.weekday()),
                    format_date(end)
                ),
                source: two_source,
            });
        }
    }
    end
}

/// Internal terms move back to the preceding Atw working day, so the
/// statutory deadline behind them stays protected (legal.md §1.5).
fn backward(raw_end: NaiveDate, steps: &mut Vec<Step>) -> NaiveDate {
    let mut end = raw_end;
    while !Regime::Intern.is_working_day(end) {
        let Some(prev) = end.pred_opt() else { break };
        end = prev;
    }
    if end != raw_end {
        steps.push(Step {
            text: format!(
                "{} → terug naar {} {}",
                why_not_working(raw_end, Regime::Intern),
                weekday_name(end.weekday()),
                format_date(end)
            ),
            source: "interne termijn: de voorafgaande werkdag",
        });
    }
    end
}

fn why_not_working(date: NaiveDate, regime: Regime) -> String {
    match holiday(date) {
        Some(h) if regime != Regime::Eu1182 || h.in_eu_safe_set() => {
            format!("{} ({})", weekday_name(date.weekday()), h.name())
        }
        _ => weekday_name(date.weekday()).to_string(),
    }
}

/// The first year a date may have for deadline computations: the range of
/// dates in case files and on the command line (DATUM-01).
pub const MIN_YEAR: i32 = crate::guard::MIN_YEAR;
/// The last year a date may have for deadline computations.
pub const MAX_YEAR: i32 = crate::guard::MAX_YEAR;

/// `date` + `days`, saturating at chrono's last day instead of panicking.
pub fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` − `days`, saturating at chrono's first day instead of panicking.
pub fn sub_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether `date` lies within [`MIN_YEAR`]–[`MAX_YEAR`].
pub fn in_range(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// Number of working days in `(start, end]`: the event day never counts.
pub fn working_days_between(start: NaiveDate, end: NaiveDate, regime: Regime) -> u32 {
    start
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= end)
        .filter(|d| regime.is_working_day(*d))
        .count() as u32
}

/// Where a deadline stands on the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// More than the warning margin left.
    OpTijd,
    /// Ends within the warning margin (`termijnen.waarschuwing_werkdagen`).
    Binnenkort,
    /// The last day has passed.
    Verlopen,
}

impl Status {
    /// Dutch text; `werkdagen` is the number of working days left.
    pub fn describe(self, werkdagen: i64) -> String {
        match self {
            Status::OpTijd => "op tijd".into(),
            Status::Binnenkort if werkdagen == 0 => "verloopt vandaag".into(),
            Status::Binnenkort if werkdagen == 1 => "verloopt binnen 1 werkdag".into(),
            Status::Binnenkort => format!("verloopt binnen {werkdagen} werkdagen"),
            Status::Verlopen => "verlopen".into(),
        }
    }
}

/// Status of a deadline `end` on `today`, warning `warn` working days ahead.
/// Counted with the holidays of `regime`. Returns the status and the working
/// days left (negative once passed).
pub fn status(today: NaiveDate, end: NaiveDate, regime: Regime, warn: u32) -> (Status, i64) {
    if today > end {
        let late = working_days_between(end, today, regime) as i64;
        return (Status::Verlopen, -late);
    }
    let left = working_days_between(today, end, regime) as i64;
    if left <= i64::from(warn) {
        (Status::Binnenkort, left)
    } else {
        (Status::OpTijd, left)
    }
}

#[cfg(test)]
mod tests;
