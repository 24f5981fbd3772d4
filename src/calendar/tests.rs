//! The worked examples of legal.md §3 and independent cross-checks.

use super::*;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (id, start, period, raw end, expected end) — legal.md §3.1.
const EU: &[(&str, &str, Period, &str, &str)] = &[
    (
        "E01",
        "2025-01-31",
        Period::Months(1),
        "2025-02-28",
        "2025-02-28",
    ),
    (
        "E02",
        "2028-01-31",
        Period::Months(1),
        "2028-02-29",
        "2028-02-29",
    ),
    (
        "E03",
        "2027-01-29",
        Period::Months(1),
        "2027-02-28",
        "2027-03-01",
    ),
    (
        "E04",
        "2028-01-29",
        Period::Months(1),
        "2028-02-29",
        "2028-02-29",
    ),
    (
        "E05",
        "2026-01-30",
        Period::Months(1),
        "2026-02-28",
        "2026-03-02",
    ),
    (
        "E06",
        "2028-01-30",
        Period::Months(1),
        "2028-02-29",
        "2028-02-29",
    ),
    (
        "E07",
        "2026-03-31",
        Period::Months(1),
        "2026-04-30",
        "2026-04-30",
    ),
    (
        "E08",
        "2025-08-31",
        Period::Months(1),
        "2025-09-30",
        "2025-09-30",
    ),
    (
        "E09",
        "2026-03-06",
        Period::Months(1),
        "2026-04-06",
        "2026-04-07",
    ),
    (
        "E10",
        "2026-03-03",
        Period::Months(1),
        "2026-04-03",
        "2026-04-03",
    ),
    (
        "E11",
        "2025-03-26",
        Period::Months(1),
        "2025-04-26",
        "2025-04-28",
    ),
    (
        "E12",
        "2027-03-27",
        Period::Months(1),
        "2027-04-27",
        "2027-04-27",
    ),
    (
        "E13",
        "2026-04-05",
        Period::Months(1),
        "2026-05-05",
        "2026-05-05",
    ),
    (
        "E14",
        "2027-04-06",
        Period::Months(1),
        "2027-05-06",
        "2027-05-07",
    ),
    (
        "E15",
        "2026-04-25",
        Period::Months(1),
        "2026-05-25",
        "2026-05-26",
    ),
    (
        "E16",
        "2025-11-25",
        Period::Months(1),
        "2025-12-25",
        "2025-12-29",
    ),
    (
        "E17",
        "2026-12-01",
        Period::Months(1),
        "2027-01-01",
        "2027-01-04",
    ),
    (
        "E18",
        "2026-02-10",
        Period::Months(3),
        "2026-05-10",
        "2026-05-11",
    ),
    (
        "E20",
        "2026-01-15",
        Period::Months(1),
        "2026-02-15",
        "2026-02-16",
    ),
    (
        "E21",
        "2025-11-30",
        Period::Months(3),
        "2026-02-28",
        "2026-03-02",
    ),
    (
        "E22",
        "2026-12-24",
        Period::Days(2),
        "2026-12-26",
        "2026-12-29",
    ),
    (
        "E23",
        "2026-01-12",
        Period::Weeks(8),
        "2026-03-09",
        "2026-03-09",
    ),
];

/// legal.md §3.2.
const ATW: &[(&str, &str, Period, &str, &str)] = &[
    (
        "A01",
        "2025-06-02",
        Period::Weeks(6),
        "2025-07-14",
        "2025-07-14",
    ),
    (
        "A02",
        "2026-02-20",
        Period::Weeks(6),
        "2026-04-03",
        "2026-04-07",
    ),
    (
        "A03",
        "2027-03-16",
        Period::Weeks(6),
        "2027-04-27",
        "2027-04-28",
    ),
    (
        "A04",
        "2026-03-24",
        Period::Weeks(6),
        "2026-05-05",
        "2026-05-06",
    ),
    (
        "A05",
        "2027-03-25",
        Period::Weeks(6),
        "2027-05-06",
        "2027-05-10",
    ),
    (
        "A06",
        "2025-11-20",
        Period::Weeks(6),
        "2026-01-01",
        "2026-01-05",
    ),
    (
        "A07",
        "2025-07-14",
        Period::Days(7),
        "2025-07-21",
        "2025-07-21",
    ),
    (
        "A08",
        "2025-07-14",
        Period::Weeks(6),
        "2025-08-25",
        "2025-08-25",
    ),
    (
        "A09",
        "2025-07-14",
        Period::Weeks(12),
        "2025-10-06",
        "2025-10-06",
    ),
    (
        "A10",
        "2025-08-25",
        Period::Weeks(6),
        "2025-10-06",
        "2025-10-06",
    ),
    (
        "A11",
        "2026-04-06",
        Period::Weeks(6),
        "2026-05-18",
        "2026-05-18",
    ),
    (
        "A12",
        "2025-08-25",
        Period::Days(9),
        "2025-09-03",
        "2025-09-03",
    ),
    (
        "A13",
        "2026-04-02",
        Period::Weeks(6),
        "2026-05-14",
        "2026-05-18",
    ),
    (
        "A14",
        "2026-04-07",
        Period::Weeks(4),
        "2026-05-05",
        "2026-05-06",
    ),
    (
        "A15",
        "2026-01-12",
        Period::Weeks(10),
        "2026-03-23",
        "2026-03-23",
    ),
    (
        "A16",
        "2026-05-13",
        Period::Days(3),
        "2026-05-16",
        "2026-05-19",
    ),
    (
        "A17",
        "2025-12-31",
        Period::Days(3),
        "2026-01-03",
        "2026-01-06",
    ),
];

/// legal.md §3.4.
const INTERN: &[(&str, &str, Period, &str, &str)] = &[
    (
        "I01",
        "2025-12-19",
        Period::Days(14),
        "2026-01-02",
        "2025-12-31",
    ),
    (
        "I02",
        "2027-04-13",
        Period::Days(14),
        "2027-04-27",
        "2027-04-26",
    ),
    (
        "I03",
        "2025-10-31",
        Period::Months(3),
        "2026-01-31",
        "2026-01-30",
    ),
];

fn check(regime: Regime, table: &[(&str, &str, Period, &str, &str)]) {
    for &(id, start, period, raw, end) in table {
        let got = compute(d(start), period, regime);
        assert_eq!(got.raw_end, d(raw), "{id}: raw end");
        assert_eq!(got.end, d(end), "{id}: end ({:?})", got.steps);
    }
}

#[test]
fn worked_examples_eu1182() {
    check(Regime::Eu1182, EU);
}

#[test]
fn worked_examples_atw() {
    check(Regime::Atw, ATW);
}

#[test]
fn worked_examples_intern() {
    check(Regime::Intern, INTERN);
}

#[test]
fn explanation_names_each_step_and_article() {
    let got = compute(d("2026-01-30"), Period::Months(1), Regime::Eu1182);
    let texts: Vec<_> = got
        .steps
        .iter()
        .map(|s| format!("{} ({})", s.text, s.source))
        .collect();
    assert_eq!(
        texts,
        [
            "30 januari 2026 + 1 maand → 28 februari 2026 (art. 3 lid 1 en lid 2 onder c Vo. 1182/71)",
            "zaterdag → maandag 2 maart 2026 (art. 3 lid 4 Vo. 1182/71)",
        ]
    );
}

#[test]
fn holiday_table_2025_2030() {
    // legal.md §1.3, column by column.
    use Holiday::*;
    let expected: &[(&str, Holiday)] = &[
        ("2025-04-18", GoedeVrijdag),
        ("2025-04-21", TweedePaasdag),
        ("2025-04-26", Koningsdag),
        ("2025-05-05", VijfMei),
        ("2025-05-29", Hemelvaartsdag),
        ("2025-06-09", TweedePinksterdag),
        ("2025-05-30", Gelijkgesteld),
        ("2026-04-03", GoedeVrijdag),
        ("2026-04-06", TweedePaasdag),
        ("2026-04-27", Koningsdag),
        ("2026-05-14", Hemelvaartsdag),
        ("2026-05-25", TweedePinksterdag),
        ("2026-01-02", Gelijkgesteld),
        ("2026-05-15", Gelijkgesteld),
        ("2027-03-26", GoedeVrijdag),
        ("2027-03-29", TweedePaasdag),
        ("2027-04-27", Koningsdag),
        ("2027-05-06", Hemelvaartsdag),
        ("2027-05-17", TweedePinksterdag),
        ("2027-05-07", Gelijkgesteld),
        ("2028-04-14", GoedeVrijdag),
        ("2028-04-17", TweedePaasdag),
        ("2028-04-27", Koningsdag),
        ("2028-05-25", Hemelvaartsdag),
        ("2028-06-05", TweedePinksterdag),
        ("2028-04-28", Gelijkgesteld),
        ("2028-05-26", Gelijkgesteld),
        ("2029-03-30", GoedeVrijdag),
        ("2029-04-02", TweedePaasdag),
        ("2029-04-27", Koningsdag),
        ("2029-05-10", Hemelvaartsdag),
        ("2029-05-21", TweedePinksterdag),
        ("2030-04-19", GoedeVrijdag),
        ("2030-04-22", TweedePaasdag),
        ("2030-04-27", Koningsdag),
        ("2030-05-30", Hemelvaartsdag),
        ("2030-06-10", TweedePinksterdag),
        ("2030-12-25", EersteKerstdag),
        ("2030-12-26", TweedeKerstdag),
        ("2030-01-01", Nieuwjaarsdag),
    ];
    for &(date, h) in expected {
        assert_eq!(holiday(d(date)), Some(h), "{date}");
    }
    assert_eq!(holidays_of_year(2029).len(), 9);
    assert_eq!(holidays_of_year(2026).len(), 11);
    assert_eq!(holiday(d("2016-05-05")), Some(Hemelvaartsdag));
}

/// Gauss's Easter algorithm, written independently of the anonymous
/// Gregorian algorithm in `holidays.rs`; they agree for 1583–4099.
fn gauss_easter(y: i32) -> NaiveDate {
    let a = y % 19;
    let b = y % 4;
    let c = y % 7;
    let k = y / 100;
    let p = (13 + 8 * k) / 25;
    let q = k / 4;
    let m = (15 - p + k - q) % 30;
    let n = (4 + k - q) % 7;
    let dd = (19 * a + m) % 30;
    let e = (2 * b + 4 * c + 6 * dd + n) % 7;
    if dd == 29 && e == 6 {
        return NaiveDate::from_ymd_opt(y, 4, 19).unwrap();
    }
    if dd == 28 && e == 6 && (11 * m + 11) % 30 < 19 {
        return NaiveDate::from_ymd_opt(y, 4, 18).unwrap();
    }
    let day = 22 + dd + e;
    if day <= 31 {
        NaiveDate::from_ymd_opt(y, 3, day as u32).unwrap()
    } else {
        NaiveDate::from_ymd_opt(y, 4, (day - 31) as u32).unwrap()
    }
}

#[test]
fn easter_2000_2100_agrees_with_gauss() {
    for y in 2000..=2100 {
        let e = easter(y);
        assert_eq!(e, gauss_easter(y), "{y}");
        assert_eq!(e.weekday(), chrono::Weekday::Sun, "{y}");
        assert!(e >= NaiveDate::from_ymd_opt(y, 3, 22).unwrap());
        assert!(e <= NaiveDate::from_ymd_opt(y, 4, 25).unwrap());
    }
}

#[test]
fn koningsdag_moves_to_saturday_when_sunday() {
    assert_eq!(koningsdag(2025), Some(d("2025-04-26")));
    assert_eq!(koningsdag(2031), Some(d("2031-04-26")));
    assert_eq!(koningsdag(2036), Some(d("2036-04-26")));
    assert_eq!(koningsdag(2026), Some(d("2026-04-27")));
    assert_eq!(koningsdag(2006), Some(d("2006-04-29"))); // Koninginnedag, 30 April a Sunday
    assert_eq!(koningsdag(2013), Some(d("2013-04-30")));
    for y in 2014..=2100 {
        let k = koningsdag(y).unwrap();
        assert_ne!(k.weekday(), chrono::Weekday::Sun);
        assert_eq!(holiday(k), Some(Holiday::Koningsdag));
    }
}

#[test]
fn vijf_mei_every_year_atw_only() {
    for y in 2000..=2100 {
        let day = NaiveDate::from_ymd_opt(y, 5, 5).unwrap();
        let h = holiday(day);
        if h == Some(Holiday::Hemelvaartsdag) {
            // 5 May is Hemelvaartsdag too (2016, 2067, 2078): a holiday
            // under both regimes.
            assert!(!Regime::Eu1182.is_working_day(day), "{y}");
            continue;
        }
        assert_eq!(h, Some(Holiday::VijfMei), "{y}");
        if !matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
            assert!(!Regime::Atw.is_working_day(day));
            assert!(Regime::Eu1182.is_working_day(day));
        }
    }
}

#[test]
fn dutch_dates() {
    assert_eq!(format_date(d("2026-12-04")), "4 december 2026");
    assert_eq!(format_date(d("2027-03-01")), "1 maart 2027");
}

mod properties {
    use super::*;
    use chrono::Days;
    use proptest::prelude::*;

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        // 2000-01-01 .. 2100-12-31
        (0u64..36890).prop_map(|n| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Days::new(n))
    }

    fn any_period() -> impl Strategy<Value = Period> {
        prop_oneof![
            (1u32..=90).prop_map(Period::Days),
            (1u32..=12).prop_map(Period::Weeks),
            (1u32..=3).prop_map(Period::Months),
        ]
    }

    fn statutory() -> impl Strategy<Value = Regime> {
        prop_oneof![Just(Regime::Eu1182), Just(Regime::Atw)]
    }

    proptest! {
        #[test]
        fn end_is_a_working_day_not_before_the_raw_end(
            start in any_date(), period in any_period(), regime in statutory()
        ) {
            let d = compute(start, period, regime);
            prop_assert!(regime.is_working_day(d.end), "{:?}", d);
            prop_assert!(d.end >= d.raw_end, "{:?}", d);
            prop_assert!(d.end > start);
        }

        #[test]
        fn end_is_monotonic_in_the_start(
            start in any_date(), gap in 1u64..40, period in any_period(), regime in statutory()
        ) {
            let later = start + Days::new(gap);
            let a = compute(start, period, regime);
            let b = compute(later, period, regime);
            prop_assert!(a.end <= b.end, "{:?} then {:?}", a, b);
        }

        #[test]
        fn internal_terms_end_on_a_working_day_not_after_the_raw_end(
            start in any_date(), period in any_period()
        ) {
            let d = compute(start, period, Regime::Intern);
            prop_assert!(Regime::Intern.is_working_day(d.end));
            prop_assert!(d.end <= d.raw_end);
        }

        #[test]
        fn at_least_two_working_days_in_statutory_terms_of_three_days_or_more(
            start in any_date(), period in any_period(), regime in statutory()
        ) {
            let d = compute(start, period, regime);
            if (d.raw_end - start).num_days() >= 3 {
                prop_assert!(working_days_between(start, d.end, regime) >= 2, "{:?}", d);
            }
        }

        #[test]
        fn hour_terms_are_exactly_72_elapsed_hours(
            secs in 946_684_800i64..4_102_444_800i64, offset_h in -1i32..=2
        ) {
            use chrono::{FixedOffset, TimeZone};
            let tz = FixedOffset::east_opt(offset_h * 3600).unwrap();
            let start = tz.timestamp_opt(secs, 0).unwrap();
            let end = crate::terms::hours_plain(start, 72).end;
            prop_assert_eq!((end.with_timezone(&chrono::Utc) - start.with_timezone(&chrono::Utc)).num_seconds(), 72 * 3600);
        }
    }
}
