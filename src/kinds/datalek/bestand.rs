//! The affected persons of a breach from a CSV file next to the case
//! (`betrokkenen.bestand`): read when the case loads, each bad row a Dutch
//! message with the file name and line number (reported by DATALEK-06).

use std::path::{Component, Path};

use serde::Deserialize;

use super::model::{GrondPersoon, PersonenBestand, Persoon, PersoonUitzondering};
use crate::model::{Aanspreekvorm, Adres, Spanned};
use crate::rules::common::normalize_postcode;

/// The columns of the CSV (header row required; `;` or `,` separated).
const COLUMNS: &[&str] = &[
    "voorletters",
    "tussenvoegsel",
    "achternaam",
    "aanspreekvorm",
    "straat",
    "huisnummer",
    "postbus",
    "postcode",
    "plaats",
    "land",
    "uitzondering",
    "toelichting",
];

#[derive(Debug, Deserialize)]
struct Rij {
    #[serde(default)]
    voorletters: Option<String>,
    #[serde(default)]
    tussenvoegsel: Option<String>,
    #[serde(default)]
    achternaam: Option<String>,
    #[serde(default)]
    aanspreekvorm: Option<String>,
    #[serde(default)]
    straat: Option<String>,
    #[serde(default)]
    huisnummer: Option<String>,
    #[serde(default)]
    postbus: Option<String>,
    #[serde(default)]
    postcode: Option<String>,
    #[serde(default)]
    plaats: Option<String>,
    #[serde(default)]
    land: Option<String>,
    #[serde(default)]
    uitzondering: Option<String>,
    #[serde(default)]
    toelichting: Option<String>,
}

fn filled(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The repository root of a case file: `path` minus the components of
/// `name` (the case's path relative to the root).
fn root_of(path: &Path, name: &str) -> Option<std::path::PathBuf> {
    let mut root = path.to_path_buf();
    for _ in Path::new(name).components() {
        if !root.pop() {
            return None;
        }
    }
    Some(root)
}

/// Read the persons of `bestand` (as written in the case, relative to the
/// case file at `case_path`, named `case_name` relative to the repository).
pub fn read(case_path: &Path, case_name: &str, bestand: &Spanned<String>) -> PersonenBestand {
    let mut out = PersonenBestand::default();
    let shown = bestand.value.as_str();
    let rel = Path::new(shown);
    if rel.is_absolute()
        || rel.components().any(|c| {
            !matches!(
                c,
                Component::Normal(_) | Component::CurDir | Component::ParentDir
            )
        })
    {
        out.fouten.push(format!(
            "`{shown}` is geen pad ten opzichte van het zaakbestand; schrijf bijvoorbeeld `{}`",
            "betrokkenen.csv"
        ));
        return out;
    }
    let Some(dir) = case_path.parent() else {
        return out;
    };
    let full = dir.join(rel);
    let root = root_of(case_path, case_name).and_then(|r| r.canonicalize().ok());
    let Ok(canonical) = full.canonicalize() else {
        out.fouten.push(format!(
            "het bestand `{shown}` bestaat niet of is niet leesbaar; het pad is ten opzichte van het zaakbestand"
        ));
        return out;
    };
    if root.is_none_or(|r| !canonical.starts_with(r)) {
        out.fouten.push(format!(
            "het bestand `{shown}` ligt buiten de zaakrepository; zet het naast het zaakbestand"
        ));
        return out;
    }
    let text = match std::fs::read(&canonical) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                out.fouten.push(format!(
                    "het bestand `{shown}` is geen UTF-8-tekst; sla het op als CSV UTF-8"
                ));
                return out;
            }
        },
        Err(_) => {
            out.fouten
                .push(format!("het bestand `{shown}` is niet leesbaar"));
            return out;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    parse(text, shown, bestand.span.clone(), &mut out);
    out
}

/// Parse the CSV text (`shown` is its name in messages; `span` the case
/// field every person points at).
fn parse(text: &str, shown: &str, span: std::ops::Range<usize>, out: &mut PersonenBestand) {
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(_) => {
            out.fouten
                .push(format!("regel 1 van `{shown}`: de kopregel is onleesbaar"));
            return;
        }
    };
    for h in headers.iter() {
        if !COLUMNS.contains(&h) {
            out.fouten.push(format!(
                "regel 1 van `{shown}`: onbekende kolom `{h}`; toegestaan: {}",
                COLUMNS.join(", ")
            ));
        }
    }
    for needed in ["achternaam", "postcode", "plaats"] {
        if !headers.iter().any(|h| h == needed) {
            out.fouten.push(format!(
                "regel 1 van `{shown}`: de kolom `{needed}` ontbreekt"
            ));
        }
    }
    if !out.fouten.is_empty() {
        return;
    }
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                out.fouten.push(format!(
                    "regel {line} van `{shown}`: de regel is onleesbaar (klopt het aantal kolommen?)"
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let checked = record
            .deserialize::<Rij>(Some(&headers))
            .map_err(|_| "de regel is onleesbaar".to_string())
            .and_then(|row| persoon(row, span.clone()));
        match checked {
            Ok(p) => out.personen.push(Spanned::new(p, span.clone())),
            Err(why) => out
                .fouten
                .push(format!("regel {line} van `{shown}`: {why}")),
        }
    }
}

fn persoon(r: Rij, span: std::ops::Range<usize>) -> Result<Persoon, String> {
    let achternaam = filled(r.achternaam).ok_or("de achternaam ontbreekt")?;
    let aanspreekvorm = match filled(r.aanspreekvorm).as_deref() {
        None | Some("onbekend") => Aanspreekvorm::Onbekend,
        Some("heer") => Aanspreekvorm::Heer,
        Some("mevrouw") => Aanspreekvorm::Mevrouw,
        Some(_) => return Err("`aanspreekvorm` is heer, mevrouw of onbekend".into()),
    };
    let postcode = filled(r.postcode).ok_or("de postcode ontbreekt")?;
    let plaats = filled(r.plaats).ok_or("de plaats ontbreekt")?;
    let land = filled(r.land);
    let (straat, huisnummer, postbus) = (filled(r.straat), filled(r.huisnummer), filled(r.postbus));
    if land.is_none() {
        if normalize_postcode(&postcode).is_none() {
            return Err(
                "ongeldige postcode: schrijf vier cijfers en twee letters, bijvoorbeeld 1234 AB"
                    .into(),
            );
        }
        if !(straat.is_some() && huisnummer.is_some()) && postbus.is_none() {
            return Err("het adres mist een straat met huisnummer of een postbus".into());
        }
    }
    let uitzondering = match filled(r.uitzondering).as_deref() {
        None => None,
        Some(g) => {
            let grond = match g {
                "uavg41" => GrondPersoon::Uavg41,
                "versleuteld" => GrondPersoon::Versleuteld,
                "maatregelen" => GrondPersoon::Maatregelen,
                "onevenredig" => GrondPersoon::Onevenredig,
                _ => {
                    return Err(
                        "`uitzondering` is uavg41, versleuteld, maatregelen of onevenredig".into(),
                    );
                }
            };
            let toelichting = filled(r.toelichting).ok_or(
                "een uitzondering heeft een toelichting (artikel 41 UAVG, artikel 34, derde lid, AVG)",
            )?;
            Some(PersoonUitzondering { grond, toelichting })
        }
    };
    Ok(Persoon {
        voorletters: filled(r.voorletters),
        tussenvoegsel: filled(r.tussenvoegsel),
        achternaam,
        aanspreekvorm,
        adres: Spanned::new(
            Adres {
                straat,
                straat_kort: None,
                huisnummer,
                postbus,
                postcode: Spanned::new(postcode, span.clone()),
                plaats,
                land,
            },
            span,
        ),
        uitzondering,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> PersonenBestand {
        let mut out = PersonenBestand::default();
        parse(text, "b.csv", 0..1, &mut out);
        out
    }

    #[test]
    fn rows_become_persons() {
        let out = run(
            "achternaam;aanspreekvorm;straat;huisnummer;postcode;plaats\n\
                       Jansen;mevrouw;Kade;1;1234ab;Rivierstad\n\
                       Bos;;;;1234 AB;Rivierstad\n",
        );
        assert_eq!(out.personen.len(), 1);
        assert_eq!(
            out.fouten,
            ["regel 3 van `b.csv`: het adres mist een straat met huisnummer of een postbus"]
        );
    }

    #[test]
    fn a_bad_header_or_short_row_names_its_line() {
        let out = run("naam,postcode,plaats\nJansen,1234 AB,Rivierstad\n");
        assert!(out.fouten[0].starts_with("regel 1 van `b.csv`: onbekende kolom `naam`"));
        let out = run("achternaam,postcode,plaats\nJansen,1234 AB\nBos,12,Stad\n");
        assert_eq!(
            out.fouten,
            [
                "regel 2 van `b.csv`: de regel is onleesbaar (klopt het aantal kolommen?)",
                "regel 3 van `b.csv`: ongeldige postcode: schrijf vier cijfers en twee letters, bijvoorbeeld 1234 AB"
            ]
        );
    }

    #[test]
    fn the_root_is_the_path_minus_the_name() {
        assert_eq!(
            root_of(Path::new("/r/cases/2026/x.yaml"), "cases/2026/x.yaml").unwrap(),
            Path::new("/r")
        );
    }
}
