//! Rules that apply to every case kind and to `avgdoc.yaml`.

use std::collections::HashSet;

use super::{Ctx, Rule};
use crate::diag::{Diagnostic, Report, Severity};
use crate::kinds::Case;
use crate::model::{Adres, Spanned};

pub static KENMERK_01: Rule = Rule {
    id: "KENMERK-01",
    severity: Severity::Error,
    title: "Het kenmerk bestaat alleen uit veilige tekens",
    source: "avgdoc: het kenmerk is ook de mapnaam van de brieven; art. 5 lid 1 onder c AVG (geen naam of BSN in een kenmerk)",
    explanation: "Het kenmerk wordt de naam van de map output/<kenmerk>/. Het begint met een letter of \
cijfer en bevat verder alleen letters, cijfers, punt, koppelteken en liggend streepje, hoogstens 64 \
tekens. Het eindigt niet op een punt en is geen naam die Windows voor apparaten reserveert (CON, PRN, \
AUX, NUL, COM1–COM9, LPT1–LPT9, ook niet met een extensie zoals `nul.txt`). Zet nooit een naam of BSN in \
een kenmerk.\n\nGoed: `ZVH-2026-0412`. Fout: `../jan`, `2026 0412`, `CON` of `ZVH-2026.`.",
};

pub static KENMERK_02: Rule = Rule {
    id: "KENMERK-02",
    severity: Severity::Error,
    title: "Elk kenmerk komt maar in één zaakbestand voor",
    source: "avgdoc: twee zaken met hetzelfde kenmerk zouden elkaars brieven overschrijven",
    explanation: "Twee zaakbestanden met hetzelfde kenmerk (hoofdletters tellen niet) schrijven naar \
dezelfde map. De tweede wordt gemeld en niet weergegeven.",
};

pub static DEELNEMER_01: Rule = Rule {
    id: "DEELNEMER-01",
    severity: Severity::Error,
    title: "Elke genoemde deelnemer staat in avgdoc.yaml",
    source: "factsheet \"Verantwoordelijkheden contactpunt\" (CCV, werkgroep WGS) §2.6 (verzoek aan de betrokken deelnemers); avgdoc.yaml `deelnemers`",
    explanation: "Een zaak noemt deelnemers met hun id uit avgdoc.yaml. Een id die daar niet staat is \
een tikfout of een vergeten deelnemer.\n\nVoorbeeld: `deelnemers: [gemeente-rivierstad]` vereist in \
avgdoc.yaml een deelnemer met `id: gemeente-rivierstad`.",
};

pub static ADRES_01: Rule = Rule {
    id: "ADRES-01",
    severity: Severity::Error,
    title: "Een Nederlands adres heeft een geldige postcode en een straat of postbus",
    source: "PostNL, adresseringsrichtlijnen: postcode 4 cijfers, spatie, 2 hoofdletters",
    explanation: "Een adres in Nederland heeft een postcode als `1234 AB` (de spatie mag ontbreken, \
kleine letters worden hoofdletters) en een straat met huisnummer of een postbus. Een adres in het \
buitenland heeft `land:`.",
};

pub static ADRES_02: Rule = Rule {
    id: "ADRES-02",
    severity: Severity::Warning,
    title: "Straat en huisnummer passen op één adresregel",
    source: "NEN 5825 (adresseringsvoorschriften); PostNL, adresseringsrichtlijnen: straat en huisnummer op één regel",
    explanation: "In het venster van de envelop passen 40 posities op een adresregel. Zijn straat en \
huisnummer samen langer, dan breekt de regel en staat het huisnummer op een eigen regel. Geef dan in \
`straat_kort` de korte straatnaam uit de BAG (de verkorte naam volgens NEN 5825, hoogstens 24 \
posities); avgdoc gebruikt die alleen als de volledige naam niet past.\n\nVoorbeeld: `straat: \
Burgemeester van Walsum-Wetteringenstraat` met `huisnummer: 103 c` is 47 posities; voeg toe \
`straat_kort: Burg Walsum-Wetteringstr`.",
};

pub static CONFIG_02: Rule = Rule {
    id: "CONFIG-02",
    severity: Severity::Error,
    title: "Elke deelnemer-id in avgdoc.yaml is uniek en veilig",
    source: "avgdoc: zaken verwijzen naar deelnemers met hun id",
    explanation: "Een deelnemer-id bestaat uit kleine letters, cijfers en koppeltekens en komt maar één \
keer voor, bijvoorbeeld `gemeente-rivierstad`.",
};

pub static INVUL_01: Rule = Rule {
    id: "INVUL-01",
    severity: Severity::Error,
    title: "Geen voorbeeldtekst (`...`, `…`, `TODO`) waar tekst hoort",
    source: "avgdoc: zaakformaat (README); art. 5 lid 1 onder d AVG (juiste gegevens)",
    explanation: "Voorbeelden in de README en in nieuwe bestanden gebruiken `...`, `…` of `TODO` waar \
echte tekst moet komen. Zo'n waarde in een zaakbestand of in avgdoc.yaml is een fout, zodat een \
gekopieerd voorbeeld nooit in een brief aan een burger terechtkomt.\n\nVoorbeeld: `omschrijving: \
...` of `telefoon: TODO` geeft een fout op die regel.",
};

pub static PRIVACY_02: Rule = Rule {
    id: "PRIVACY-02",
    severity: Severity::Error,
    title: "Bijzondere en strafrechtelijke gegevens in de privacyverklaring hebben hun eigen grondslag",
    source: "art. 9 lid 2 en art. 10 AVG; UAVG; art. 14 lid 1 onder c AVG",
    explanation: "Noemt `verwerking.categorieen` in avgdoc.yaml bijzondere persoonsgegevens \
(gezondheid, zorg, ras of etnische afkomst, godsdienst, seksuele leven, politieke opvattingen, \
vakbondslidmaatschap, genetische of biometrische gegevens), dan noemt \
`verwerking.grondslag_bijzondere_gegevens` de uitzondering van art. 9 lid 2 AVG en de UAVG waarop \
dat mag. Noemt zij strafrechtelijke gegevens, dan noemt \
`verwerking.grondslag_strafrechtelijke_gegevens` de grondslag van art. 10 AVG en de UAVG. Art. 6 \
lid 1 onder e AVG alleen is daarvoor niet genoeg. De privacyverklaring vermeldt beide.\n\n\
Voorbeeld: `categorieen: [gegevens over hulpverlening en zorg]` vraagt \
`grondslag_bijzondere_gegevens: artikel 9, tweede lid, onder g, AVG jo. ...`.",
};

pub static RULES: &[&Rule] = &[
    &INVUL_01,
    &PRIVACY_02,
    &KENMERK_01,
    &KENMERK_02,
    &DEELNEMER_01,
    &ADRES_01,
    &ADRES_02,
    &CONFIG_02,
];

/// The message of an unknown deelnemer id in machine formats (the id is a
/// case value; the code frame shows it).
pub(crate) const UNKNOWN_DEELNEMER: &str =
    "onbekende deelnemer: dit id staat niet bij `deelnemers` in avgdoc.yaml";

/// DEELNEMER-01 for `id`, which is not in avgdoc.yaml, with "bedoelde u …?"
/// when a configured id is close (the suggestion is an id from avgdoc.yaml,
/// not a case value, so machine formats get it too).
pub(crate) fn unknown_deelnemer(ctx: &Ctx, id: &Spanned<String>) -> Diagnostic {
    let d = ctx
        .diag(&DEELNEMER_01, id.span.clone(), UNKNOWN_DEELNEMER)
        .with_message_mens(format!(
            "onbekende deelnemer `{}`",
            id.value.chars().take(40).collect::<String>()
        ))
        .with_label("staat niet in avgdoc.yaml");
    match crate::suggest::closest(
        &id.value,
        ctx.config.deelnemers.iter().map(|d| d.id.as_str()),
    ) {
        Some(best) => d.with_note(format!("bedoelde u `{best}`?")),
        None => d,
    }
}

/// Whether a kenmerk is safe as a folder name.
pub fn kenmerk_ok(k: &str) -> bool {
    let mut chars = k.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    k.len() <= 64
        && first.is_ascii_alphanumeric()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && !k.contains("..")
        && !k.ends_with('.')
        && !windows_reserved(k)
}

/// Whether Windows reserves `name` as a file or folder name: CON, PRN, AUX,
/// NUL, COM1–COM9, LPT1–LPT9, in any case, also with an extension
/// (`nul.txt`).
fn windows_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && matches!(stem.as_bytes()[3], b'1'..=b'9'))
}

/// Normalise a Dutch postcode to `1234 AB`, or `None` if it is not one.
pub fn normalize_postcode(p: &str) -> Option<String> {
    let compact: String = p.chars().filter(|c| !c.is_whitespace()).collect();
    let b = compact.as_bytes();
    if b.len() == 6
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[0] != b'0'
        && b[4..].iter().all(u8::is_ascii_alphabetic)
    {
        Some(format!(
            "{} {}",
            &compact[..4],
            compact[4..].to_ascii_uppercase()
        ))
    } else {
        None
    }
}

pub(crate) fn check_address(ctx: &Ctx, adres: &Spanned<Adres>, report: &mut Report) {
    let a = &adres.value;
    if a.land.is_some() {
        return;
    }
    if normalize_postcode(&a.postcode).is_none() {
        report.push(
            ctx.diag(
                &ADRES_01,
                a.postcode.span.clone(),
                "ongeldige postcode: schrijf vier cijfers en twee letters, bijvoorbeeld 1234 AB",
            )
            .with_label("postcode"),
        );
    }
    check_street_line(ctx, adres, report);
    let has_street = a.straat.is_some() && a.huisnummer.is_some();
    if !has_street && a.postbus.is_none() {
        report.push(
            ctx.diag(
                &ADRES_01,
                adres.span.clone(),
                "het adres mist een straat met huisnummer of een postbus",
            )
            .with_label("adres"),
        );
    }
}

/// ADRES-02: street and number fit on one address line, or a short street
/// name is given that does.
fn check_street_line(ctx: &Ctx, adres: &Spanned<Adres>, report: &mut Report) {
    use crate::merge::{ADRESREGEL_POSITIES, STRAAT_KORT_POSITIES, straatregel};
    let a = &adres.value;
    if a.postbus.is_some() {
        return;
    }
    let kort = a
        .straat_kort
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty());
    if let Some(k) = kort
        && k.chars().count() > STRAAT_KORT_POSITIES
    {
        report.push(
            ctx.diag(
                &ADRES_02,
                adres.span.clone(),
                format!(
                    "`straat_kort` heeft {} posities; de korte straatnaam heeft er hoogstens {STRAAT_KORT_POSITIES}",
                    k.chars().count()
                ),
            )
            .with_label("adres"),
        );
        return;
    }
    let Some(line) = straatregel(a) else { return };
    let n = line.chars().count();
    if n > ADRESREGEL_POSITIES && kort.is_none() {
        report.push(
            ctx.diag(
                &ADRES_02,
                adres.span.clone(),
                format!(
                    "straat en huisnummer zijn samen {n} posities; op een adresregel passen er \
{ADRESREGEL_POSITIES}: geef de korte straatnaam uit de BAG op in `straat_kort`"
                ),
            )
            .with_label("adres"),
        );
    }
}

/// An open term on the reference date, for [`open_term`].
pub(crate) struct OpenTerm<'a> {
    pub rule: &'static Rule,
    /// Where the diagnostic points.
    pub span: std::ops::Range<usize>,
    pub end: chrono::NaiveDate,
    pub regime: crate::calendar::Regime,
    /// Names the term: "de beslistermijn".
    pub noun: &'a str,
    /// What has not happened yet: "er is nog niet beslist".
    pub pending: &'a str,
    pub label: &'a str,
}

/// Past its end an error of the rule, within `termijnen.waarschuwing_werkdagen`
/// a warning; `None` when there is time enough.
pub(crate) fn open_term(ctx: &Ctx, t: OpenTerm) -> Option<crate::diag::Diagnostic> {
    use crate::calendar::format_date;
    use crate::calendar::{Status, status};
    let warn = ctx.config.termijnen.waarschuwing_werkdagen;
    let end = format_date(t.end);
    match status(ctx.today, t.end, t.regime, warn) {
        (Status::Verlopen, _) => Some(
            ctx.diag(
                t.rule,
                t.span,
                format!("{} is verlopen op {end}; {}", t.noun, t.pending),
            )
            .with_label(t.label)
            .as_verlopen(),
        ),
        (Status::Binnenkort, left) => Some(
            ctx.diag_severity(
                t.rule,
                Severity::Warning,
                t.span,
                format!(
                    "{} verloopt op {end}: nog {left} {}",
                    t.noun,
                    if left == 1 { "werkdag" } else { "werkdagen" }
                ),
            )
            .with_label(t.label),
        ),
        (Status::OpTijd, _) => None,
    }
}

/// An id that must be one of the case's own deelnemers (an exception, a
/// source of data): an error of `rule` at the id otherwise.
pub(crate) fn require_case_deelnemer(
    ctx: &Ctx,
    rule: &'static Rule,
    case_deelnemers: &[Spanned<String>],
    id: &Spanned<String>,
    what: &str,
    report: &mut Report,
) {
    if !case_deelnemers.iter().any(|d| d.value == id.value) {
        let shown: String = id.value.chars().take(40).collect();
        report.push(
            ctx.diag(
                rule,
                id.span.clone(),
                if what.trim().is_empty() {
                    "dit id is geen deelnemer van deze zaak (zie `deelnemers`)".to_string()
                } else {
                    format!(
                        "{}: dit id is geen deelnemer van deze zaak (zie `deelnemers`)",
                        what.trim()
                    )
                },
            )
            .with_message_mens(format!(
                "{what}`{shown}` is geen deelnemer van deze zaak (zie `deelnemers`)"
            ))
            .with_label("geen deelnemer van de zaak"),
        );
    }
}

pub(super) fn check_config(ctx: &Ctx, report: &mut Report) {
    check_placeholders(ctx, report);
    check_bijzondere_gegevens(ctx, report);
    let mut ids = HashSet::new();
    for d in &ctx.config.deelnemers {
        let id = &d.id;
        let safe = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !safe {
            report.push(
                ctx.diag(
                    &CONFIG_02,
                    id.span.clone(),
                    "deelnemer-id mag alleen kleine letters, cijfers en koppeltekens bevatten",
                )
                .with_label("id"),
            );
        }
        if !ids.insert(id.value.clone()) {
            report.push(
                ctx.diag(
                    &CONFIG_02,
                    id.span.clone(),
                    format!("deelnemer-id `{}` komt twee keer voor", id.value),
                )
                .with_label("dubbele id"),
            );
        }
    }
    check_address(ctx, &ctx.config.contactpunt.postadres, report);
    if let Some(a) = &ctx.config.organisatie.bezoekadres {
        check_address(ctx, a, report);
    }
    for a in ctx
        .config
        .deelnemers
        .iter()
        .filter_map(|d| d.bezwaar_postadres.as_ref())
    {
        check_address(ctx, a, report);
    }
}

pub(super) fn check_case(ctx: &Ctx, case: &dyn Case, report: &mut Report) {
    check_placeholders(ctx, report);
    let kenmerk = case.kenmerk();
    if !kenmerk_ok(kenmerk) {
        report.push(
            ctx.diag(
                &KENMERK_01,
                kenmerk.span.clone(),
                "kenmerk mag alleen letters, cijfers, `.`, `-` en `_` bevatten (hoogstens 64 tekens), moet met een letter of cijfer beginnen, mag niet op een punt eindigen en is geen naam die Windows reserveert (zoals CON, NUL, COM1)",
            )
            .with_label("onveilig kenmerk"),
        );
    }
    for id in case.deelnemers() {
        if !ctx.config.deelnemers.iter().any(|d| d.id.value == id.value) {
            let known: Vec<&str> = ctx
                .config
                .deelnemers
                .iter()
                .map(|d| d.id.as_str())
                .collect();
            report.push(
                unknown_deelnemer(ctx, id)
                    .with_note(format!("bekende deelnemers: {}", known.join(", "))),
            );
        }
    }
}

/// The byte ranges of placeholder values (`...`, `…`, `TODO…`) in a YAML
/// text: mapping values, list items, flow items and lines of a block
/// scalar. Comments are skipped, and so is YAML's own document end marker
/// (`...` at the start of a line).
pub fn placeholders(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        if trimmed.starts_with('#') || content.starts_with("...") || content.starts_with("---") {
            continue;
        }
        // Cut a trailing comment (a `#` after whitespace, outside quotes).
        let mut end = content.len();
        let mut quote = None;
        let bytes = content.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), _) if b == q => quote = None,
                (None, b'#') if i > 0 && bytes[i - 1].is_ascii_whitespace() => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let content = &content[..end];
        // Split into candidate values at structural characters.
        let mut token_start = 0;
        let push = |from: usize, to: usize, out: &mut Vec<std::ops::Range<usize>>| {
            let raw = &content[from..to];
            let lead = raw.len() - raw.trim_start().len();
            let value = raw.trim();
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value)
                .trim();
            if unquoted == "..." || unquoted == "…" || unquoted.starts_with("TODO") {
                let s = start + from + lead;
                out.push(s..s + value.len());
            }
        };
        let mut in_quote = None;
        for (i, c) in content.char_indices() {
            match (in_quote, c) {
                (None, '"' | '\'') => in_quote = Some(c),
                (Some(q), _) if c == q => in_quote = None,
                (None, '[' | ']' | '{' | '}' | ',') => {
                    push(token_start, i, &mut out);
                    token_start = i + 1;
                }
                (None, ':') if content[i + 1..].starts_with(' ') || i + 1 == content.len() => {
                    token_start = i + 1;
                }
                (None, '-')
                    if content[..i].trim().is_empty() && content[i + 1..].starts_with(' ') =>
                {
                    token_start = i + 1;
                }
                _ => {}
            }
        }
        push(token_start, content.len(), &mut out);
    }
    out
}

/// INVUL-01 on the file the context points at.
pub(crate) fn check_placeholders(ctx: &Ctx, report: &mut Report) {
    for span in placeholders(ctx.sources.text(ctx.file)) {
        report.push(
            ctx.diag(
                &INVUL_01,
                span,
                "hier staat nog voorbeeldtekst (`...`, `…` of `TODO`): vul de echte gegevens in",
            )
            .with_label("voorbeeldtekst"),
        );
    }
}

/// Words that mark a category as special data (art. 9 AVG).
const BIJZONDER: &[&str] = &[
    "gezondheid",
    "zorg",
    "medisch",
    "psych",
    "verslaving",
    "ras",
    "etnisch",
    "godsdienst",
    "religie",
    "levensovertuiging",
    "seksue",
    "politieke",
    "vakbond",
    "genetisch",
    "biometrisch",
];

/// Words that mark a category as criminal data (art. 10 AVG).
const STRAFRECHTELIJK: &[&str] = &[
    "strafrecht",
    "justitie",
    "veroordeling",
    "strafbare",
    "delict",
    "misdrijf",
];

/// PRIVACY-02: special or criminal data listed without their own basis.
fn check_bijzondere_gegevens(ctx: &Ctx, report: &mut Report) {
    let Some(v) = &ctx.config.verwerking else {
        return;
    };
    let mentions = |words: &[&str]| {
        v.categorieen.iter().any(|c| {
            let c = c.to_lowercase();
            c.split(|ch: char| !ch.is_alphanumeric())
                .any(|w| words.iter().any(|k| w.starts_with(k)))
        })
    };
    let missing = |g: &Option<Spanned<String>>| g.as_ref().is_none_or(|g| g.trim().is_empty());
    if mentions(BIJZONDER) && missing(&v.grondslag_bijzondere_gegevens) {
        report.push(
            ctx.diag(
                &PRIVACY_02,
                v.categorieen.span.clone(),
                "`verwerking.categorieen` noemt bijzondere persoonsgegevens (zoals gezondheid of zorg): noem in `grondslag_bijzondere_gegevens` de grondslag (art. 9 lid 2 AVG en de UAVG)",
            )
            .with_label("verwerking"),
        );
    }
    if mentions(STRAFRECHTELIJK) && missing(&v.grondslag_strafrechtelijke_gegevens) {
        report.push(
            ctx.diag(
                &PRIVACY_02,
                v.categorieen.span.clone(),
                "`verwerking.categorieen` noemt strafrechtelijke gegevens: noem in `grondslag_strafrechtelijke_gegevens` de grondslag (art. 10 AVG en de UAVG)",
            )
            .with_label("verwerking"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    fn found(text: &str) -> Vec<&str> {
        placeholders(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_placeholder_values_only() {
        assert_eq!(found("omschrijving: ...\n"), vec!["..."]);
        assert_eq!(found("telefoon: TODO\n"), vec!["TODO"]);
        assert_eq!(
            found("naam: \"TODO: invullen\"\n"),
            vec!["\"TODO: invullen\""]
        );
        assert_eq!(found("rechten: [inzage, …]\n"), vec!["…"]);
        assert_eq!(found("- { bron: ggz, inhoud: ... }\n"), vec!["..."]);
        assert_eq!(found("lijst:\n  - ...\n"), vec!["..."]);
        assert_eq!(found("tekst: >-\n  TODO\n"), vec!["TODO"]);
        // Not placeholders: text around dots, comments, YAML markers.
        assert!(found("omschrijving: Zie brief... van 3 mei\n").is_empty());
        assert!(found("# TODO later\nnaam: Jan # ...\n").is_empty());
        assert!(found("---\nsoort: x\n...\n").is_empty());
        assert!(found("tijd: \"14:00\"\nurl: https://x.nl\n").is_empty());
    }
}
