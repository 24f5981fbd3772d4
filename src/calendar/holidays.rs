//! Dutch algemeen erkende feestdagen (art. 3 Algemene termijnenwet) and
//! which of them are safe to use under Vo. 1182/71 (legal.md §1.1, §1.3).

use chrono::{Datelike, NaiveDate, Weekday};

/// A Dutch holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    Nieuwjaarsdag,
    /// Gelijkgesteld by art. 3 lid 2 Atw.
    GoedeVrijdag,
    TweedePaasdag,
    /// Koningsdag (from 2014) or Koninginnedag (1980–2013).
    Koningsdag,
    /// "de vijfde mei", every year (art. 3 lid 1 Atw).
    VijfMei,
    Hemelvaartsdag,
    TweedePinksterdag,
    EersteKerstdag,
    TweedeKerstdag,
    /// A day gelijkgesteld by koninklijk besluit (art. 3 lid 3 Atw).
    Gelijkgesteld,
}

impl Holiday {
    /// Dutch name, as shown in explanations.
    pub fn name(self) -> &'static str {
        match self {
            Holiday::Nieuwjaarsdag => "Nieuwjaarsdag",
            Holiday::GoedeVrijdag => "Goede Vrijdag",
            Holiday::TweedePaasdag => "tweede Paasdag",
            Holiday::Koningsdag => "Koningsdag",
            Holiday::VijfMei => "5 mei",
            Holiday::Hemelvaartsdag => "Hemelvaartsdag",
            Holiday::TweedePinksterdag => "tweede Pinksterdag",
            Holiday::EersteKerstdag => "eerste Kerstdag",
            Holiday::TweedeKerstdag => "tweede Kerstdag",
            Holiday::Gelijkgesteld => "gelijkgestelde dag",
        }
    }

    /// Whether the day is in the EU-safe set used for Vo. 1182/71: only days
    /// whose holiday status is not in doubt (legal.md §1.1, U1). Leaving a
    /// day out can only make an end earlier, never later.
    pub fn in_eu_safe_set(self) -> bool {
        matches!(
            self,
            Holiday::Nieuwjaarsdag
                | Holiday::TweedePaasdag
                | Holiday::Hemelvaartsdag
                | Holiday::TweedePinksterdag
                | Holiday::EersteKerstdag
                | Holiday::TweedeKerstdag
        )
    }
}

/// Easter Sunday, by the anonymous Gregorian algorithm (legal.md §1.3).
pub fn easter(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    // Euclidean division throughout: the same as plain division for years
    // from 0, and a valid March or April date for negative years too (found
    // by fuzzing: plain `%` made `h` negative and the month invalid).
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// Koningsdag (KB 30 januari 2013, nr. 13.000173): 27 April, or Saturday
/// 26 April when the 27th is a Sunday. 1980–2013: Koninginnedag 30 April, or
/// Saturday 29 April when the 30th is a Sunday (KB 24 april 1980, nr. 11).
/// Earlier years are out of scope.
pub fn koningsdag(year: i32) -> Option<NaiveDate> {
    let day = match year {
        2014.. => 27,
        1980..=2013 => 30,
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(year, 4, day)?;
    Some(if date.weekday() == Weekday::Sun {
        date.pred_opt()?
    } else {
        date
    })
}

/// Days gelijkgesteld by koninklijk besluit (Besluiten gelijkstelling,
/// BWBR0051300 and predecessors; legal.md §1.2). Data, not a rule.
const GELIJKGESTELD: &[(i32, u32, u32)] = &[
    (2023, 4, 28),
    (2023, 5, 19),
    (2024, 5, 10),
    (2024, 12, 27),
    (2025, 5, 30),
    (2026, 1, 2),
    (2026, 5, 15),
    (2027, 5, 7),
    (2028, 4, 28),
    (2028, 5, 26),
];

/// Years for which the gelijkgestelde dagen are known. For other years the
/// calendar assumes none (the safe reading, legal.md U4) and rule
/// KALENDER-01 warns.
pub fn gelijkgesteld_known(year: i32) -> bool {
    (2023..=2028).contains(&year)
}

/// The holiday on `date`, if any.
pub fn holiday(date: NaiveDate) -> Option<Holiday> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    // Days in the EU-safe set come first, so that a coincidence (Hemelvaart
    // on 5 May, as in 2016) reports the day that counts under both regimes.
    match (m, d) {
        (1, 1) => return Some(Holiday::Nieuwjaarsdag),
        (12, 25) => return Some(Holiday::EersteKerstdag),
        (12, 26) => return Some(Holiday::TweedeKerstdag),
        _ => {}
    }
    if (3..=6).contains(&m) {
        match (date - easter(y)).num_days() {
            -2 => return Some(Holiday::GoedeVrijdag),
            1 => return Some(Holiday::TweedePaasdag),
            39 => return Some(Holiday::Hemelvaartsdag),
            50 => return Some(Holiday::TweedePinksterdag),
            _ => {}
        }
    }
    if (m, d) == (5, 5) {
        return Some(Holiday::VijfMei);
    }
    if koningsdag(y) == Some(date) {
        return Some(Holiday::Koningsdag);
    }
    if GELIJKGESTELD.contains(&(y, m, d)) {
        return Some(Holiday::Gelijkgesteld);
    }
    None
}

/// All holidays of `year`, in date order.
pub fn holidays_of_year(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| d.year() == year)
        .filter_map(|d| holiday(d).map(|h| (d, h)))
        .collect()
}
