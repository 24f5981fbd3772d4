//! (c) The deadline computation for arbitrary terms, dates, moments and
//! configured lengths: never a panic, never a hang. Within the range case
//! files may hold (1900–2200), a date term never ends before its start.
#![no_main]

use chrono::{NaiveDate, TimeZone};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, i32, i64, u16, u16, u16)| {
    let (term, day, secs, dagen, maanden, uren) = input;
    let terms = avgdoc::kinds::terms();
    let t = terms[usize::from(term) % terms.len()];
    let settings = avgdoc::model::Termijnen {
        waarschuwing_werkdagen: 5,
        // Bounded as avgdoc.yaml would reasonably set them; the machinery is
        // total for any value, but a term of 2^32 days takes long to walk.
        deelnemers_dagen: u32::from(dagen % 3660),
        hercontrole_maanden: u32::from(maanden % 120),
        datalek_betrokkenen_uren: u32::from(uren),
    };
    let t = t.configured(&settings);
    if let Some(start) = NaiveDate::from_num_days_from_ce_opt(day) {
        let end = t.end(start, &settings);
        if let Some(r) = t.compute_date(start)
            && avgdoc::calendar::in_range(start)
        {
            // Internal terms move back to the preceding working day, so a
            // very short one may end before a weekend start; statutory terms
            // never end before they start.
            if t.regime() != avgdoc::calendar::Regime::Intern {
                assert!(r.end >= start, "{} {start}: {}", t.id, r.end);
            }
            assert_eq!(end, r.end);
            let (_status, _left) =
                avgdoc::calendar::status(start, r.end, t.regime(), settings.waarschuwing_werkdagen);
        }
    }
    if let chrono::LocalResult::Single(m) = chrono::FixedOffset::east_opt(3600)
        .unwrap()
        .timestamp_opt(secs, 0)
    {
        let _ = t.compute_hours(m);
        let _ = avgdoc::terms::hours_strict(m, u32::from(uren));
        let _ = avgdoc::terms::parse_moment(&m.to_rfc3339());
    }
});
