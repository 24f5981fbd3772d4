//! Named legal terms (legal.md §2): what starts a term, how long it is,
//! which regime counts it, and the rule that documents and checks it.
//!
//! This module is the machinery; the terms themselves are `static`s in the
//! case kind that owns them (`kinds::<kind>::terms`), and `kinds::terms()`
//! is the one table of all of them. Code names a term by reference
//! (`&BEZWAARTERMIJN`), never by a looked-up string; only user input
//! (`avgdoc termijn <id>`) is looked up.
//!
//! [`Term::compute_date`] turns a start into an end with every step
//! explained; `avgdoc termijn`, the rules, the letters and the deadline
//! report all use it, so they can never disagree.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, TimeZone,
    Timelike, Utc,
};
use chrono_tz::Europe::Amsterdam;

use crate::calendar::{self, Period, Regime, Step, format_date};
use crate::diag::Rule;
use crate::model::Termijnen;

/// How a term is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// A plain period under a regime.
    Period(Period, Regime),
    /// Art. 12(3) AVG extension: two further months, on the earlier of
    /// start + 3 months and the raw first end + 2 months (legal.md U7).
    AvgExtended,
    /// Awb 7:10: `weeks` from the day after the (raw, U8) end of the six-week
    /// bezwaar term; the start given is the date the besluit was sent. With
    /// `verdaagd`, the 7:10(3) verdaging of at most six weeks is added to the
    /// raw end (A10).
    AfterBezwaartermijn { weeks: u32, verdaagd: bool },
    /// Elapsed hours (plain reading, legal.md §1.4): never moved for
    /// weekends or holidays.
    Hours(u32),
}

/// What a term's start is: a date, or a moment for hour terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartKind {
    Date,
    DateTime,
}

/// A length that `avgdoc.yaml` may set (`termijnen.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// `termijnen.deelnemers_dagen`: days, internal.
    DeelnemersDagen,
    /// `termijnen.hercontrole_maanden`: months, internal.
    HercontroleMaanden,
    /// `termijnen.datalek_betrokkenen_uren`: hours.
    DatalekBetrokkenenUren,
}

impl Setting {
    /// The key in `avgdoc.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            Setting::DeelnemersDagen => "termijnen.deelnemers_dagen",
            Setting::HercontroleMaanden => "termijnen.hercontrole_maanden",
            Setting::DatalekBetrokkenenUren => "termijnen.datalek_betrokkenen_uren",
        }
    }

    fn length(self, t: &Termijnen) -> Length {
        match self {
            Setting::DeelnemersDagen => {
                Length::Period(Period::Days(t.deelnemers_dagen), Regime::Intern)
            }
            Setting::HercontroleMaanden => {
                Length::Period(Period::Months(t.hercontrole_maanden), Regime::Intern)
            }
            Setting::DatalekBetrokkenenUren => Length::Hours(t.datalek_betrokkenen_uren),
        }
    }
}

/// A named term.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    /// Stable id used on the command line, e.g. `avg-verzoek`.
    pub id: &'static str,
    /// The rule that documents the term and checks it: its id is what the
    /// deadline report prints, its source is the term's legal source.
    pub rule: &'static Rule,
    /// Dutch name.
    pub name: &'static str,
    /// What starts the term (Dutch).
    pub start: &'static str,
    /// Length as staff read it (Dutch).
    pub length_text: &'static str,
    /// Length and regime, given once.
    pub length: Length,
    /// The `avgdoc.yaml` setting that changes this term's length, if any.
    pub setting: Option<Setting>,
}

impl Term {
    /// This term with the lengths set in `avgdoc.yaml` (`termijnen.*`).
    pub fn configured(&self, t: &Termijnen) -> Term {
        match self.setting {
            Some(s) => Term {
                length: s.length(t),
                ..*self
            },
            None => *self,
        }
    }

    /// The legal source: the rule's.
    pub fn source(&self) -> &'static str {
        self.rule.source
    }

    /// The regime whose working days count for this term: also the one the
    /// deadline report counts the working days left with. Hour terms run
    /// through weekends and holidays; the EU set is used for their days.
    pub fn regime(&self) -> Regime {
        match self.length {
            Length::Period(_, r) => r,
            Length::AvgExtended => Regime::Eu1182,
            Length::AfterBezwaartermijn { .. } => Regime::Atw,
            Length::Hours(_) => Regime::Eu1182,
        }
    }

    /// Whether the term is counted in hours.
    pub fn in_hours(&self) -> bool {
        matches!(self.length, Length::Hours(_))
    }

    /// The last day of this term started on `start`, with the lengths of
    /// `avgdoc.yaml`. For an hour term: the day on which `n` hours from the
    /// start of `start` end (Europe/Amsterdam).
    pub fn end(&self, start: NaiveDate, settings: &Termijnen) -> NaiveDate {
        let term = self.configured(settings);
        match term.compute_date(start) {
            Some(d) => d.end,
            None => {
                let n = match term.length {
                    Length::Hours(n) => n,
                    _ => 0,
                };
                let midnight = start.and_time(chrono::NaiveTime::MIN);
                midnight
                    .checked_add_signed(Duration::hours(n.into()))
                    .map_or(NaiveDate::MAX, |t| t.date())
            }
        }
    }

    /// [`Term::end`] with the default lengths.
    pub fn end_default(&self, start: NaiveDate) -> NaiveDate {
        self.end(start, &Termijnen::default())
    }

    pub fn start_kind(&self) -> StartKind {
        match self.length {
            Length::Hours(_) => StartKind::DateTime,
            _ => StartKind::Date,
        }
    }

    /// The regime's Dutch name, for listings and JSON.
    pub fn regime_name(&self) -> &'static str {
        match self.length {
            Length::Hours(_) => "uren (Europe/Amsterdam)",
            _ => self.regime().name(),
        }
    }

    /// Compute the end of the term for a start date (day, week and month
    /// terms). Hour terms take [`Term::compute_hours`].
    pub fn compute_date(&self, start: NaiveDate) -> Option<DateEnd> {
        let (end, steps) = match self.length {
            Length::Period(p, r) => {
                let d = calendar::compute(start, p, r);
                (d.end, d.steps)
            }
            Length::AvgExtended => avg_extended(start),
            Length::AfterBezwaartermijn { weeks, verdaagd } => {
                after_bezwaartermijn(start, weeks, verdaagd)
            }
            Length::Hours(_) => return None,
        };
        let mut steps = steps;
        if self.uses_atw() {
            let years = start.year()..=end.year();
            let unknown: Vec<i32> = years
                .filter(|y| !calendar::gelijkgesteld_known(*y))
                .collect();
            if !unknown.is_empty() {
                steps.push(Step {
                    text: format!(
                        "waarschuwing KALENDER-01: gelijkgestelde dagen voor {} zijn niet bekend; gerekend zonder (de vroegste datum)",
                        unknown.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    ),
        source: "art. 3 lid 3 Algemene termijnenwet",
                });
            }
        }
        Some(DateEnd { end, steps })
    }

    fn uses_atw(&self) -> bool {
        matches!(
            self.length,
            Length::Period(_, Regime::Atw | Regime::Intern) | Length::AfterBezwaartermijn { .. }
        )
    }

    /// Compute the end of an hour term: exactly `n` elapsed hours, computed
    /// in UTC and shown in Europe/Amsterdam (legal.md §1.4).
    pub fn compute_hours(&self, start: DateTime<FixedOffset>) -> Option<HourEnd> {
        let Length::Hours(n) = self.length else {
            return None;
        };
        Some(hours_plain(start, n))
    }
}

/// A case's next deadline, as the deadline report shows it. The report
/// reads the rule id, the source and the regime from `term`.
#[derive(Debug, Clone)]
pub struct Due {
    pub term: &'static Term,
    /// Dutch description of the deadline.
    pub omschrijving: String,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// The status text while the deadline is open, when the kind has its
    /// own (a breach's "melden binnen 72 uur").
    pub open_tekst: Option<&'static str>,
    /// For an hour term: the moment it ends (`end` is its day). The
    /// calendar export makes it a timed event.
    pub moment: Option<DateTime<chrono_tz::Tz>>,
}

impl Due {
    pub fn new(term: &'static Term, omschrijving: impl Into<String>, end: NaiveDate) -> Self {
        Due {
            term,
            omschrijving: omschrijving.into(),
            end,
            open_tekst: None,
            moment: None,
        }
    }
}

/// The end of a date term, with its explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateEnd {
    pub end: NaiveDate,
    pub steps: Vec<Step>,
}

/// The end of an hour term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourEnd {
    pub end: DateTime<chrono_tz::Tz>,
    pub steps: Vec<Step>,
}

/// `t` kept two days inside chrono's range, so adding hours and showing it
/// in any time zone cannot overflow. Moments from case files lie within
/// 1900–2200 (DATUM-01); this only keeps the arithmetic total.
fn inside(t: DateTime<Utc>) -> DateTime<Utc> {
    let margin = Duration::days(2);
    let lo = DateTime::<Utc>::MIN_UTC
        .checked_add_signed(margin)
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let hi = DateTime::<Utc>::MAX_UTC
        .checked_sub_signed(margin)
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    t.clamp(lo, hi)
}

/// `t` + `n` hours, total (see [`inside`]).
fn plus_hours(t: DateTime<Utc>, n: u32) -> DateTime<Utc> {
    inside(
        t.checked_add_signed(Duration::hours(n.into()))
            .unwrap_or(DateTime::<Utc>::MAX_UTC),
    )
}

/// Plain reading: awareness + n hours.
pub fn hours_plain(start: DateTime<FixedOffset>, n: u32) -> HourEnd {
    let start = inside(start.with_timezone(&Utc)).fixed_offset();
    let end = plus_hours(start.with_timezone(&Utc), n).with_timezone(&Amsterdam);
    HourEnd {
        end,
        steps: vec![Step {
            text: format!(
                "{} + {n} uur → {} (weekenden en feestdagen tellen mee)",
                show_datetime(start.with_timezone(&Amsterdam)),
                show_datetime(end)
            ),
            source: "art. 3 lid 1 en lid 2 onder a Vo. 1182/71; art. 33 lid 1 AVG",
        }],
    }
}

/// Strict reading (shown as information only): the hour of awareness does
/// not count; the term starts at the next full hour.
pub fn hours_strict(start: DateTime<FixedOffset>, n: u32) -> HourEnd {
    let utc = inside(start.with_timezone(&Utc));
    let start = utc.fixed_offset();
    let floor = utc
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(utc);
    let begin = plus_hours(floor, 1);
    let end = plus_hours(begin, n).with_timezone(&Amsterdam);
    HourEnd {
        end,
        steps: vec![Step {
            text: format!(
                "het uur van {} telt niet mee; vanaf {} + {n} uur → {}",
                show_datetime(start.with_timezone(&Amsterdam)),
                show_datetime(begin.with_timezone(&Amsterdam)),
                show_datetime(end)
            ),
            source: "art. 3 lid 1 en lid 2 onder a Vo. 1182/71",
        }],
    }
}

/// A moment in a letter, in Dutch notation: "16 januari 2026 om 16.30 uur"
/// (the offset is left out; the time is Dutch local time).
pub fn show_datetime_brief(t: DateTime<chrono_tz::Tz>) -> String {
    format!(
        "{} om {} uur",
        format_date(t.date_naive()),
        t.format("%H.%M")
    )
}

/// "16 januari 2026 16:30 (+01:00)": for the command line, where the
/// offset tells the two hours of the autumn clock change apart.
pub fn show_datetime(t: DateTime<chrono_tz::Tz>) -> String {
    format!(
        "{} {} ({})",
        format_date(t.date_naive()),
        t.format("%H:%M"),
        t.format("%:z")
    )
}

fn avg_extended(start: NaiveDate) -> (NaiveDate, Vec<Step>) {
    let first_raw = Period::Months(1).raw_end(start);
    let a = Period::Months(3).raw_end(start);
    let b = Period::Months(2).raw_end(first_raw);
    let raw = a.min(b);
    let mut steps = vec![Step {
        text: format!(
            "verlenging met twee maanden: {} + 3 maanden = {}, eerste einde {} + 2 maanden = {}; de vroegste: {}",
            format_date(start),
            format_date(a),
            format_date(first_raw),
            format_date(b),
            format_date(raw)
        ),
        source: "art. 12 lid 3 AVG (de vroegste datum geldt)",
    }];
    // The forward rules of 1182/71 on that raw end: a 0-day period from the
    // raw end gives exactly the weekend/holiday move.
    let moved = calendar::compute(raw, Period::Days(0), Regime::Eu1182);
    steps.extend(moved.steps.into_iter().skip(1));
    (moved.end, steps)
}

fn after_bezwaartermijn(sent: NaiveDate, weeks: u32, verdaagd: bool) -> (NaiveDate, Vec<Step>) {
    let filing_raw = Period::Weeks(6).raw_end(sent);
    let mut steps = vec![Step {
        text: format!(
            "bezwaartermijn: {} + 6 weken → {} (onverlengd: de veilige, vroegste datum)",
            format_date(sent),
            format_date(filing_raw)
        ),
        source: "art. 6:7, 6:8 en 7:10 lid 1 Awb",
    }];
    if !verdaagd {
        let d = calendar::compute(filing_raw, Period::Weeks(weeks), Regime::Atw);
        steps.extend(d.steps);
        return (d.end, steps);
    }
    let beslis_raw = Period::Weeks(weeks).raw_end(filing_raw);
    steps.push(Step {
        text: format!(
            "beslistermijn: {} + {weeks} weken → {}",
            format_date(filing_raw),
            format_date(beslis_raw)
        ),
        source: "art. 7:10 lid 1 Awb",
    });
    if weeks + 6 > 12 {
        // 12 + 6 weeks: whether the Atw sees one term of 18 weeks is
        // interpretation (legal.md U3); the safe reading does not extend.
        let end = Period::Weeks(6).raw_end(beslis_raw);
        steps.push(Step {
            text: format!(
                "verdaging met 6 weken → {}; niet verschoven (termijn van meer dan twaalf weken: de veilige, vroegste datum)",
                format_date(end)
            ),
            source: "art. 7:10 lid 3 Awb; art. 4 lid 1 onder a Algemene termijnenwet",
        });
        return (end, steps);
    }
    let d = calendar::compute(beslis_raw, Period::Weeks(6), Regime::Atw);
    steps.push(Step {
        text: format!("verdaging met 6 weken → {}", format_date(d.raw_end)),
        source: "art. 7:10 lid 3 Awb",
    });
    steps.extend(d.steps.into_iter().skip(1));
    (d.end, steps)
}

/// Parse the start of an hour term: RFC 3339 with an offset, or a local
/// time in Europe/Amsterdam (`2026-01-16T16:30`, `2026-01-16 16:30`). A
/// local time in the skipped or the repeated hour is refused.
pub fn parse_moment(s: &str) -> Result<DateTime<FixedOffset>, String> {
    let t = parse_moment_any(s)?;
    if !calendar::in_range(t.date_naive()) {
        return Err(format!(
            "het tijdstip ligt buiten {}–{}; schrijf een jaartal van {} tot en met {}",
            calendar::MIN_YEAR,
            calendar::MAX_YEAR,
            calendar::MIN_YEAR,
            calendar::MAX_YEAR
        ));
    }
    Ok(t)
}

fn parse_moment_any(s: &str) -> Result<DateTime<FixedOffset>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    // RFC 3339 without seconds, as people type it: 2025-10-24T09:15+02:00.
    if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z") {
        return Ok(t);
    }
    let local = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .ok_or_else(|| {
        "geen geldig tijdstip; schrijf bijvoorbeeld 2026-01-16T16:30 of 2026-01-16T16:30:00+01:00"
            .to_string()
    })?;
    match Amsterdam.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.fixed_offset()),
        LocalResult::Ambiguous(_, _) => Err(
            "het tijdstip valt in het uur dat door de wintertijd twee keer voorkomt; geef de tijdzone erbij (+02:00 of +01:00)".to_string()
        ),
        LocalResult::None => Err(
            "het tijdstip bestaat niet: door de zomertijd wordt dat uur overgeslagen".to_string()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No term panics at the ends of chrono's range (hostile input: the
    /// loaders refuse such dates, the arithmetic must be total anyway).
    #[test]
    fn terms_are_total_at_the_ends_of_the_calendar() {
        let edges = [
            NaiveDate::MIN,
            NaiveDate::MIN.succ_opt().unwrap(),
            NaiveDate::MAX,
            NaiveDate::MAX.pred_opt().unwrap(),
            NaiveDate::from_ymd_opt(262142, 12, 1).unwrap(),
            NaiveDate::from_ymd_opt(-262143, 1, 31).unwrap(),
            // Found by fuzzing: Easter of a negative year.
            NaiveDate::from_ymd_opt(-1, 3, 20).unwrap(),
            NaiveDate::from_ymd_opt(-101, 4, 1).unwrap(),
            NaiveDate::from_ymd_opt(-1000, 3, 1).unwrap(),
        ];
        for t in crate::kinds::terms() {
            for d in edges {
                let _ = t.end_default(d);
                if t.in_hours() {
                    let m = d.and_hms_opt(23, 0, 0).unwrap().and_utc().fixed_offset();
                    let _ = t.compute_hours(m);
                    let _ = hours_strict(m, 72);
                } else {
                    let _ = t.compute_date(d);
                }
            }
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn worked_examples_through_named_terms() {
        let cases = [
            ("avg-verlengd", "2026-02-10", "2026-05-11"),   // E18
            ("avg-verlengd", "2025-01-31", "2025-04-28"),   // E19
            ("art14", "2026-01-15", "2026-02-16"),          // E20
            ("ap-klacht", "2025-11-30", "2026-03-02"),      // E21
            ("bezwaartermijn", "2025-06-02", "2025-07-14"), // A01
            ("bezwaar-beslistermijn", "2025-06-02", "2025-08-25"), // A08
            ("bezwaar-beslistermijn-advies", "2025-06-02", "2025-10-06"), // A09
            ("bezwaar-beslistermijn", "2026-02-23", "2026-05-18"), // A11
            ("wpg-inzage", "2026-04-02", "2026-05-18"),     // A13
            ("wpg-rectificatie", "2026-04-07", "2026-05-06"), // A14
            ("vr-wpg", "2026-01-12", "2026-03-23"),         // A15
            ("bezwaar-post", "2025-07-14", "2025-07-21"),   // A07
        ];
        for (id, start, end) in cases {
            let got = crate::kinds::find_term(id)
                .unwrap()
                .compute_date(d(start))
                .unwrap();
            assert_eq!(got.end, d(end), "{id} {start}: {:?}", got.steps);
        }
    }

    #[test]
    fn hour_examples() {
        let plain = [
            ("2026-01-16T16:30:00+01:00", "2026-01-19T16:30:00+01:00"), // H01
            ("2025-10-24T09:15:00+02:00", "2025-10-27T08:15:00+01:00"), // H02
            ("2026-03-27T09:15:00+01:00", "2026-03-30T10:15:00+02:00"), // H04
            ("2025-10-26T02:30:00+02:00", "2025-10-29T01:30:00+01:00"), // H07
            ("2025-10-26T02:30:00+01:00", "2025-10-29T02:30:00+01:00"), // H08
        ];
        for (start, end) in plain {
            let got = crate::kinds::find_term("datalek-ap")
                .unwrap()
                .compute_hours(parse_moment(start).unwrap())
                .unwrap();
            assert_eq!(got.end.to_rfc3339(), end, "{start}");
        }
        let strict = [
            ("2025-10-24T09:15:00+02:00", "2025-10-27T09:00:00+01:00"), // H03
            ("2026-03-27T09:15:00+01:00", "2026-03-30T11:00:00+02:00"), // H05
            ("2026-05-13T14:00:00+02:00", "2026-05-16T15:00:00+02:00"), // H06
        ];
        for (start, end) in strict {
            assert_eq!(
                hours_strict(parse_moment(start).unwrap(), 72)
                    .end
                    .to_rfc3339(),
                end,
                "{start}"
            );
        }
        // H09: 24 hours across the start of DST.
        let got = crate::kinds::find_term("datalek-deelnemers")
            .unwrap()
            .compute_hours(parse_moment("2026-03-28T10:00:00+01:00").unwrap())
            .unwrap();
        assert_eq!(got.end.to_rfc3339(), "2026-03-29T11:00:00+02:00");
    }

    #[test]
    fn local_times_in_amsterdam() {
        assert_eq!(
            parse_moment("2026-01-16T16:30").unwrap().to_rfc3339(),
            "2026-01-16T16:30:00+01:00"
        );
        assert!(
            parse_moment("2025-10-26T02:30")
                .unwrap_err()
                .contains("twee keer")
        );
        assert!(
            parse_moment("2026-03-29T02:30")
                .unwrap_err()
                .contains("overgeslagen")
        );
        assert!(parse_moment("gisteren").is_err());
    }

    #[test]
    fn kalender_01_warns_outside_known_years() {
        let got = crate::kinds::find_term("bezwaartermijn")
            .unwrap()
            .compute_date(d("2029-03-01"))
            .unwrap();
        assert!(
            got.steps.iter().any(|s| s.text.contains("KALENDER-01")),
            "{:?}",
            got.steps
        );
        let got = crate::kinds::find_term("bezwaartermijn")
            .unwrap()
            .compute_date(d("2026-03-01"))
            .unwrap();
        assert!(!got.steps.iter().any(|s| s.text.contains("KALENDER-01")));
        // EU terms do not use gelijkgestelde dagen.
        let got = crate::kinds::find_term("avg-verzoek")
            .unwrap()
            .compute_date(d("2030-03-01"))
            .unwrap();
        assert!(!got.steps.iter().any(|s| s.text.contains("KALENDER-01")));
    }

    #[test]
    fn ids_are_unique() {
        let all = crate::kinds::terms();
        let mut ids: Vec<_> = all.iter().map(|t| t.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }
}
