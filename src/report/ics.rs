//! The deadline calendar (`avgdoc deadlines --format ics`): an iCalendar
//! file (RFC 5545) staff import into Outlook or any other calendar, again
//! and again, without losing track.
//!
//! * An hour term (the 72 hours of a breach) is a timed event in
//!   Europe/Amsterdam, with the VTIMEZONE; a date term is an all-day event
//!   marked free (TRANSP:TRANSPARENT).
//! * An alarm at the warning: `waarschuwing_werkdagen` working days before a
//!   date term (the first working day the deadline report says "verloopt
//!   binnen"), at 09:00; [`ALARM_UREN`] hours before an hour term.
//! * One event per case, UID `<kenmerk>@avgdoc`: the case's next deadline.
//!   When the next deadline changes (an extension, the AP notified, a
//!   verdaging), re-importing moves the event; a case with no open deadline
//!   is emitted as cancelled (STATUS:CANCELLED), so re-importing removes it.
//!   A UID per case and term could not do this: the case file does not tell
//!   which term an earlier export showed (the kinds compute with everything
//!   the file records), so the event of a superseded term would stay behind.
//! * SEQUENCE is the number of dates the case file records up to the
//!   reference date (plus one once cancelled): recording a step raises it,
//!   so calendars take the new version. LAST-MODIFIED is the latest of those
//!   dates, DTSTAMP the reference date (which orders two versions with the
//!   same SEQUENCE, RFC 5546 §2.1.5). All follow from the case file and the
//!   reference date, not from the run.
//! * No personal data: the summary and description hold the kenmerk, the
//!   term's name, the rule code, the deadline and the legal source; never a
//!   name, a file name or text from the case.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::{Europe::Amsterdam, Tz};

use crate::calendar::{Regime, format_date};
use crate::kinds::Case;
use crate::load::Workspace;
use crate::model::Termijnen;
use crate::terms::{Due, Term, show_datetime_brief};

/// The alarm of an hour term (the 72-hour breach notification): this many
/// hours before its end.
pub const ALARM_UREN: u32 = 24;

/// The local time of the alarm of a date term, on its warning day.
const ALARM_TIJD: u32 = 9;

/// Europe/Amsterdam as in force since 1996 (EU summer time: last Sunday of
/// March 02:00 → 03:00, last Sunday of October 03:00 → 02:00). The test
/// checks it against the tz database.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r
TZID:Europe/Amsterdam\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19810329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19961027T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
";

/// When a deadline falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// The last day of a date term.
    Day(NaiveDate),
    /// The end of an hour term.
    Moment(DateTime<Tz>),
}

impl When {
    fn of(due: &Due) -> When {
        match due.moment {
            Some(m) if due.term.in_hours() => When::Moment(m),
            _ => When::Day(due.end),
        }
    }

    fn day(self) -> NaiveDate {
        match self {
            When::Day(d) => d,
            When::Moment(m) => m.date_naive(),
        }
    }
}

/// The event of one case.
#[derive(Debug, Clone)]
struct Event<'a> {
    kenmerk: &'a str,
    /// The term of the case's next deadline, or of the last one it had.
    term: Option<&'static Term>,
    when: When,
    cancelled: bool,
    sequence: usize,
    modified: NaiveDate,
}

impl Event<'_> {
    fn uid(&self) -> String {
        format!("{}@avgdoc", self.kenmerk)
    }
}

/// A closed case stays in the calendar, cancelled, while its file records a
/// date at most this many days before the reference date: long enough for
/// every calendar that imported it to be updated, short enough that years of
/// closed cases do not fill the file.
pub const VERVALLEN_DAGEN: i64 = 366;

/// The calendar of every case in `ws` on `today` (the reference date).
pub fn ics(ws: &Workspace, today: NaiveDate) -> String {
    let termijnen = ws
        .config
        .as_ref()
        .map(|c| c.termijnen.clone())
        .unwrap_or_default();
    let mut events: Vec<Event> = ws
        .cases
        .iter()
        .filter_map(|cf| {
            event(
                cf.case.as_ref(),
                ws.sources.text(cf.file),
                today,
                &termijnen,
            )
        })
        .collect();
    // Independent of the order cases were found in.
    events.sort_by_key(|e| (e.when.day(), e.uid()));

    let mut out = String::new();
    let mut line = |s: &str| push_line(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//avgdoc//avgdoc {}//NL",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    // A published calendar: events are added, moved (higher SEQUENCE) or
    // cancelled (STATUS:CANCELLED), all allowed in PUBLISH (RFC 5546 §3.2.1).
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:avgdoc termijnen");
    line("X-WR-TIMEZONE:Europe/Amsterdam");
    out.push_str(VTIMEZONE);
    let stamp = utc_text(start_of(today));
    for e in &events {
        write_event(&mut out, e, &stamp, termijnen.waarschuwing_werkdagen);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The event of one case on `today`: its next deadline; for a case without
/// one, a cancellation of the last deadline it had. `None` for a case not
/// yet started (it records no date up to `today`) and for a case closed
/// more than [`VERVALLEN_DAGEN`] ago.
fn event<'a>(
    case: &'a dyn Case,
    text: &str,
    today: NaiveDate,
    termijnen: &Termijnen,
) -> Option<Event<'a>> {
    let kenmerk = case.kenmerk().value.as_str();
    let recorded: Vec<NaiveDate> = recorded_dates(text)
        .into_iter()
        .filter(|d| *d <= today)
        .collect();
    let sequence = recorded.len();
    let modified = recorded.iter().max().copied();
    if let Some(due) = case.next_deadline(today, termijnen) {
        return Some(Event {
            kenmerk,
            term: Some(due.term),
            when: When::of(&due),
            cancelled: false,
            sequence,
            modified: modified.unwrap_or(today),
        });
    }
    let last = modified?;
    if (today - last).num_days() > VERVALLEN_DAGEN {
        return None;
    }
    // The last deadline it had, as far as its file tells: the latest
    // recorded day on which it had one.
    let mut days: Vec<NaiveDate> = recorded
        .iter()
        .flat_map(|d| [d.pred_opt(), Some(*d)])
        .flatten()
        .collect();
    days.sort();
    days.dedup();
    let previous = days
        .iter()
        .rev()
        .find_map(|d| case.next_deadline(*d, termijnen));
    Some(Event {
        kenmerk,
        term: previous.as_ref().map(|d| d.term),
        when: previous.as_ref().map_or(When::Day(last), When::of),
        cancelled: true,
        // Cancelling is a change even when no date was added to the file.
        sequence: sequence + 1,
        modified: last,
    })
}

/// Every date the case file records, once per occurrence: a date or the
/// date of a moment (`JJJJ-MM-DD`, `JJJJ-MM-DDTUU:MM`). Scanning the text
/// finds them whatever the kind; a date in a comment counts too.
fn recorded_dates(text: &str) -> Vec<NaiveDate> {
    let b = text.as_bytes();
    let mut days = Vec::new();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    for i in 0..(b.len() + 1).saturating_sub(10) {
        let preceded = i > 0 && b[i - 1].is_ascii_digit();
        if preceded
            || !digits(i..i + 4)
            || b[i + 4] != b'-'
            || !digits(i + 5..i + 7)
            || b[i + 7] != b'-'
            || !digits(i + 8..i + 10)
            || b.get(i + 10).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        if let Ok(d) = NaiveDate::parse_from_str(&text[i..i + 10], "%Y-%m-%d") {
            days.push(d);
        }
    }
    days
}

fn write_event(out: &mut String, e: &Event, stamp: &str, warn: u32) {
    let mut line = |s: &str| push_line(out, s);
    let deadline = match e.when {
        When::Day(d) => format_date(d),
        When::Moment(m) => show_datetime_brief(m),
    };
    line("BEGIN:VEVENT");
    line(&format!("UID:{}", escape(&e.uid())));
    line(&format!("DTSTAMP:{stamp}"));
    line(&format!("LAST-MODIFIED:{}", utc_text(start_of(e.modified))));
    line(&format!("SEQUENCE:{}", e.sequence));
    match e.when {
        When::Day(d) => {
            // An all-day event: DTEND is exclusive (RFC 5545 §3.6.1).
            line(&format!("DTSTART;VALUE=DATE:{}", d.format("%Y%m%d")));
            let next = d.succ_opt().unwrap_or(d);
            line(&format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
        // No DTEND: the event ends when it starts (RFC 5545 §3.6.1).
        When::Moment(m) => line(&format!("DTSTART{}", local_text(m))),
    }
    line("TRANSP:TRANSPARENT");
    line(if e.cancelled {
        "STATUS:CANCELLED"
    } else {
        "STATUS:CONFIRMED"
    });
    // The title says it too, for a calendar that shows a cancelled event.
    let vervallen = if e.cancelled { "vervallen: " } else { "" };
    let (summary, mut description) = match e.term {
        Some(term) => (
            format!("{vervallen}{}: {}", e.kenmerk, term.name),
            format!(
                "Termijn: {} ({}). Uiterlijk: {deadline}. Bron: {}. Uitleg: avgdoc explain {}.",
                term.name,
                term.rule.id,
                term.source(),
                term.rule.id
            ),
        ),
        None => (format!("{vervallen}{}", e.kenmerk), String::new()),
    };
    if e.cancelled {
        description.push_str(if description.is_empty() { "" } else { " " });
        description.push_str("Vervallen: de zaak heeft geen open termijn meer.");
    }
    line(&format!("SUMMARY:{}", escape(&summary)));
    line(&format!("DESCRIPTION:{}", escape(&description)));
    if let (false, Some(term)) = (e.cancelled, e.term) {
        let trigger = match e.when {
            When::Day(d) => day_trigger(d, term.regime(), warn),
            When::Moment(_) => format!("-PT{ALARM_UREN}H"),
        };
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line(&format!("TRIGGER:{trigger}"));
        let text = format!("{}: {} uiterlijk {deadline}", e.kenmerk, term.name);
        line(&format!("DESCRIPTION:{}", escape(&text)));
        line("END:VALARM");
    }
    line("END:VEVENT");
}

/// The day of the warning of a date term ending on `end`: the first
/// working day on which [`status`] says "binnenkort" (at most `warn`
/// working days left), as in the deadline report and the rules.
pub fn warning_day(end: NaiveDate, regime: Regime, warn: u32) -> NaiveDate {
    // Walk back while the day before still has at most `warn` working days
    // left: the days after it up to `end` are counted as `status` counts.
    let mut day = end;
    let mut left = 0u32;
    while let Some(before) = day.pred_opt()
        && crate::calendar::in_range(before)
    {
        let with_day = left + u32::from(regime.is_working_day(day));
        if with_day > warn {
            break;
        }
        left = with_day;
        day = before;
    }
    while day < end && !regime.is_working_day(day) {
        day = day.succ_opt().unwrap_or(end);
    }
    day
}

/// The alarm of a date term, relative to the start of its (all-day) event:
/// [`ALARM_TIJD`] on its warning day. Nominal days, so daylight saving
/// between the two days does not shift the hour.
fn day_trigger(end: NaiveDate, regime: Regime, warn: u32) -> String {
    let days = (end - warning_day(end, regime, warn)).num_days();
    if days == 0 {
        format!("PT{ALARM_TIJD}H")
    } else {
        format!("-P{}DT{}H", days - 1, 24 - ALARM_TIJD)
    }
}

/// Midnight at the start of `day` in Europe/Amsterdam.
fn start_of(day: NaiveDate) -> DateTime<Utc> {
    Amsterdam
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .earliest()
        .map_or_else(
            || Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN)),
            |t| t.with_timezone(&Utc),
        )
}

fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// `;TZID=Europe/Amsterdam:<local time>`, or `:<UTC>Z` for a moment in the
/// second of the two hours the clock repeats in October: a local time there
/// means the first one (RFC 5545 §3.3.5).
fn local_text(m: DateTime<Tz>) -> String {
    let local = m.naive_local();
    match Amsterdam.from_local_datetime(&local) {
        LocalResult::Ambiguous(first, _) if first != m => {
            format!(":{}", utc_text(m.with_timezone(&Utc)))
        }
        _ => format!(";TZID=Europe/Amsterdam:{}", local.format("%Y%m%dT%H%M%S")),
    }
}

/// TEXT escaping (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line, folded at 75 octets on character boundaries (RFC 5545
/// §3.1), ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Duration, Offset, Weekday};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The VTIMEZONE's rules give the same offsets as the tz database for
    /// every hour of 1997–2099 around the switches, and the switch itself
    /// at the time the rule says.
    #[test]
    fn vtimezone_matches_the_tz_database() {
        fn last_sunday(year: i32, month: u32) -> NaiveDate {
            let mut day = d(year, month + 1, 1).pred_opt().unwrap();
            while day.weekday() != Weekday::Sun {
                day = day.pred_opt().unwrap();
            }
            day
        }
        assert!(VTIMEZONE.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
        assert!(VTIMEZONE.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
        let offset = |utc: DateTime<Utc>| {
            utc.with_timezone(&Amsterdam)
                .offset()
                .fix()
                .local_minus_utc()
        };
        for year in 1997..2100 {
            // Summer time starts at 02:00 local (01:00 UTC) and ends at
            // 03:00 local summer time (01:00 UTC).
            for (month, before, after) in [(3, 3600, 7200), (10, 7200, 3600)] {
                let switch =
                    Utc.from_utc_datetime(&last_sunday(year, month).and_hms_opt(1, 0, 0).unwrap());
                assert_eq!(
                    offset(switch - Duration::seconds(1)),
                    before,
                    "{year}-{month}"
                );
                assert_eq!(offset(switch), after, "{year}-{month}");
            }
            // And nowhere else.
            assert_eq!(
                offset(Utc.from_utc_datetime(&d(year, 1, 15).and_hms_opt(12, 0, 0).unwrap())),
                3600
            );
            assert_eq!(
                offset(Utc.from_utc_datetime(&d(year, 7, 15).and_hms_opt(12, 0, 0).unwrap())),
                7200
            );
        }
    }

    /// The alarm day is the first working day the report calls the
    /// deadline near: on it `status` says binnenkort, on the working day
    /// before it op tijd.
    #[test]
    fn warning_day_agrees_with_status() {
        use crate::calendar::{Status, status};
        for regime in [Regime::Eu1182, Regime::Atw, Regime::Intern] {
            for warn in [0, 1, 5, 10] {
                for end in d(2026, 1, 1).iter_days().take(400) {
                    let w = warning_day(end, regime, warn);
                    assert!(w <= end);
                    assert!(w == end || regime.is_working_day(w), "{end} {w}");
                    if regime.is_working_day(w) {
                        assert_eq!(
                            status(w, end, regime, warn).0,
                            Status::Binnenkort,
                            "{end} {w}"
                        );
                    }
                    let mut prev = w.pred_opt().unwrap();
                    while !regime.is_working_day(prev) {
                        prev = prev.pred_opt().unwrap();
                    }
                    assert_eq!(
                        status(prev, end, regime, warn).0,
                        Status::OpTijd,
                        "{end} {w} {warn}"
                    );
                }
            }
        }
    }

    #[test]
    fn warning_day_counts_working_days_and_holidays() {
        // Wednesday 2 December 2026, 5 working days: Wednesday 25 November.
        assert_eq!(
            warning_day(d(2026, 12, 2), Regime::Eu1182, 5),
            d(2026, 11, 25)
        );
        assert_eq!(day_trigger(d(2026, 12, 2), Regime::Eu1182, 5), "-P6DT15H");
        // Monday 28 December 2026 (Atw: 25 and 26 December are holidays):
        // 5 working days back is Friday 18 December.
        assert_eq!(
            warning_day(d(2026, 12, 28), Regime::Atw, 5),
            d(2026, 12, 18)
        );
        // Without a margin: the last day itself, at 09:00.
        assert_eq!(
            warning_day(d(2026, 12, 2), Regime::Eu1182, 0),
            d(2026, 12, 2)
        );
        assert_eq!(day_trigger(d(2026, 12, 2), Regime::Eu1182, 0), "PT9H");
    }

    #[test]
    fn the_repeated_october_hour_is_written_in_utc() {
        // 25 October 2026: 02:30 happens twice in Amsterdam.
        let first = Utc
            .with_ymd_and_hms(2026, 10, 25, 0, 30, 0)
            .unwrap()
            .with_timezone(&Amsterdam);
        let second = Utc
            .with_ymd_and_hms(2026, 10, 25, 1, 30, 0)
            .unwrap()
            .with_timezone(&Amsterdam);
        assert_eq!(local_text(first), ";TZID=Europe/Amsterdam:20261025T023000");
        assert_eq!(local_text(second), ":20261025T013000Z");
    }

    #[test]
    fn recorded_dates_are_every_date_in_the_file() {
        let text = "ontvangen_op: 2026-11-02\nontdekt_op: 2026-11-20T16:30\nx: 12026-01-01\n# 2026-11-02\nlaatste: 2027-01-01";
        assert_eq!(
            recorded_dates(text),
            vec![
                d(2026, 11, 2),
                d(2026, 11, 20),
                d(2026, 11, 2),
                d(2027, 1, 1)
            ]
        );
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let mut out = String::new();
        push_line(&mut out, &format!("DESCRIPTION:{}", "§".repeat(40)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l}");
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("DESCRIPTION:{}\r\n", "§".repeat(40))
        );
    }
}
