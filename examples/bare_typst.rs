//! The bare typst loop: the documents `render` would write, compiled and
//! exported to PDF in process with nothing of avgdoc around them (no rules,
//! no merge, no files written), on the same number of threads as
//! `render -j N`. `scripts/bench` sets avgdoc's letters per second against
//! this loop's.
//!
//! ```sh
//! cargo run --release --example bare_typst -- MAP -j 2 --vandaag 2026-11-23 --datum 2026-11-23
//! ```
//!
//! The inputs are prepared first (load, rules and merge, via
//! `avgdoc::bare::inputs`) and not timed. Prints one line:
//! `bare typst: <n> documents, <j> threads, <s> s, cpu <c> s, <r> documents/s`
//! (cpu: user plus system seconds of the loop alone).
//! After every document the loop evicts comemo's cache as `render` does
//! (`typeset::EVICT_AGE`); `--evict N` keeps results used in the last N
//! evictions instead (`--evict 0` clears it), `--evict geen` never evicts. `--dump DIR` instead writes each document's
//! typst inputs to `DIR/<n>/` (for `typst compile`) and compiles nothing.

use std::path::PathBuf;
use std::time::Instant;

use avgdoc::bare::{Bare, TypstDocument, inputs};
use chrono::NaiveDate;

fn usage() -> ! {
    eprintln!(
        "gebruik: bare_typst MAP [-j N] [--vandaag JJJJ-MM-DD] [--datum JJJJ-MM-DD] [--evict N|geen] [--dump MAP]"
    );
    std::process::exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root: Option<PathBuf> = None;
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut vandaag = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let mut datum: Option<NaiveDate> = None;
    let mut evict: Option<usize> = Some(avgdoc::typeset::EVICT_AGE);
    let mut dump: Option<PathBuf> = None;
    let date = |s: Option<String>| {
        s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
            .unwrap_or_else(|| usage())
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" => {
                jobs = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            j if j.starts_with("-j") => jobs = j[2..].parse().unwrap_or_else(|_| usage()),
            "--vandaag" => vandaag = date(args.next()),
            "--datum" => datum = Some(date(args.next())),
            "--evict" => {
                evict = match args.next().as_deref() {
                    Some("geen") => None,
                    Some(n) => Some(n.parse().unwrap_or_else(|_| usage())),
                    None => usage(),
                }
            }
            "--dump" => dump = Some(args.next().map(PathBuf::from).unwrap_or_else(|| usage())),
            _ if root.is_none() && !a.starts_with('-') => root = Some(PathBuf::from(a)),
            _ => usage(),
        }
    }
    let Some(root) = root else { usage() };
    let inputs = inputs(&root, vandaag, datum.unwrap_or(vandaag)).unwrap_or_else(|e| {
        eprintln!("fout: {e}");
        std::process::exit(1)
    });
    if let Some(dir) = dump {
        if let Err(e) = write_dump(&dir, &inputs.templates, &inputs.documents) {
            eprintln!("fout: {e}");
            std::process::exit(1);
        }
        println!(
            "{} documents written to {}",
            inputs.documents.len(),
            dir.display()
        );
        return;
    }
    let bare = Bare::new(&inputs.templates);
    let cpu_before = cpu_seconds();
    let start = Instant::now();
    let results = avgdoc::pipeline::run_jobs(&inputs.documents, jobs, |doc| {
        let pdf = bare.pdf(doc);
        if let Some(age) = evict {
            comemo::evict(age);
        }
        pdf.map(|p| p.len())
    });
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
    let failed = results.iter().filter(|r| r.is_err()).count();
    if let Some(Err(e)) = results.iter().find(|r| r.is_err()) {
        eprintln!("fout: {failed} documenten niet gemaakt, bijvoorbeeld: {e}");
        std::process::exit(1);
    }
    let n = results.len();
    let cpu = cpu.map_or("?".to_string(), |c| format!("{c:.1}"));
    println!(
        "bare typst: {n} documents, {jobs} threads, {secs:.2} s, cpu {cpu} s, {:.1} documents/s",
        n as f64 / secs
    );
}

/// User plus system CPU seconds of this process so far, from
/// `/proc/self/stat` (Linux; clock ticks of 1/100 s); `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Each document's typst inputs in a folder of its own, `DIR/<n>/`: the
/// Typst templates and other non-Markdown files, `brief.json`, `body.typ`
/// and `bijlage.typ`, plus `date` (`JJJJ-MM-DD`) and `ident`.
fn write_dump(
    dir: &std::path::Path,
    templates: &[(String, Vec<u8>)],
    documents: &[TypstDocument],
) -> std::io::Result<()> {
    for (i, doc) in documents.iter().enumerate() {
        let d = dir.join(i.to_string());
        for (name, bytes) in templates.iter().filter(|(n, _)| !n.ends_with(".md")) {
            let path = d.join(name);
            std::fs::create_dir_all(path.parent().expect("a file in a folder"))?;
            std::fs::write(path, bytes)?;
        }
        std::fs::write(d.join("brief.json"), &doc.brief_json)?;
        std::fs::write(d.join("body.typ"), &doc.body)?;
        std::fs::write(d.join("bijlage.typ"), &doc.bijlage)?;
        std::fs::write(d.join("date"), doc.date.format("%Y-%m-%d").to_string())?;
        std::fs::write(d.join("ident"), &doc.ident)?;
    }
    Ok(())
}
