//! Guards on untrusted case files, run before a file is read into its
//! kind's typed shape: the size of the file, the length of every text value,
//! the size after alias expansion, the range of every date and the absence
//! of a burgerservicenummer.
//!
//! The file is first read into a generic tree ([`Node`]) with the span of
//! every value, so each finding names the field (`betrokkene.achternaam`)
//! and points at its line. The tree is built under a byte budget that counts
//! every scalar each time it is used, so an alias repeated many times is
//! counted as often as it expands. A file with a finding is not parsed
//! further: no rule, no date arithmetic and no letter ever sees its values.

mod fast;

use std::cell::Cell;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diag::{Diagnostic, FileId, Sources};
use crate::model::{Grenzen, Spanned};
use crate::rules::system::{BSN_01, DATUM_01, GROOTTE_02, GROOTTE_03};

/// The earliest year a date in a case file may have.
pub const MIN_YEAR: i32 = 1900;
/// The latest year a date in a case file may have.
pub const MAX_YEAR: i32 = 2200;

/// The marker of the budget error, recognised after parsing.
const BUDGET_ERROR: &str = "avgdoc: uitgebreide omvang overschreden";

thread_local! {
    /// Bytes of scalar text still allowed in the tree being built.
    static BUDGET: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// A YAML value with the spans of its parts (keys included), as the guards
/// and the schema check ([`crate::schema::walk`]) read it.
#[derive(Debug)]
pub enum Node {
    Scalar(String, Plain),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
    Null,
}

/// What the YAML parser made of a scalar: text (quoted, or plain text that
/// is no number or boolean), a boolean, or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plain {
    Text,
    Bool,
    Int,
    Float,
}

fn spend<E: de::Error>(bytes: usize) -> Result<(), E> {
    BUDGET.with(|b| {
        let left = b.get();
        if bytes > left {
            b.set(0);
            Err(E::custom(BUDGET_ERROR))
        } else {
            b.set(left - bytes);
            Ok(())
        }
    })
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Plain::Bool))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        spend(20)?;
        Ok(Node::Scalar(v.to_string(), Plain::Int))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        spend(20)?;
        Ok(Node::Scalar(v.to_string(), Plain::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        spend(40)?;
        Ok(Node::Scalar(v.to_string(), Plain::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        spend(40)?;
        Ok(Node::Scalar(v.to_string(), Plain::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        spend(32)?;
        Ok(Node::Scalar(v.to_string(), Plain::Float))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        spend(v.len())?;
        Ok(Node::Scalar(v.to_string(), Plain::Text))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        spend(v.len())?;
        Ok(Node::Scalar(v, Plain::Text))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Node, E> {
        spend(v.len())?;
        Ok(Node::Scalar(
            String::from_utf8_lossy(v).into_owned(),
            Plain::Text,
        ))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            spend(8)?;
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Node>>()? {
            let key = Spanned::new(
                match key.value {
                    Node::Scalar(s, _) => s,
                    _ => "?".to_string(),
                },
                key.span,
            );
            let value = map.next_value::<Spanned<Node>>()?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

/// Both trees of `text` under `limits`, for the test that holds them equal
/// (`tests/typed.rs`): the fast builder's (`None` where it leaves the file to
/// serde-saphyr) and serde-saphyr's (or its error).
#[doc(hidden)]
pub fn both_trees(
    text: &str,
    limits: &Grenzen,
) -> (Option<Spanned<Node>>, Result<Spanned<Node>, String>) {
    let fast = fast::tree(text, limits.totaal_bytes);
    let slow = serde_tree(text, Some(limits)).map_err(|e| e.to_string());
    (fast, slow)
}

/// The tree of `text` as serde-saphyr builds it, under the guard's byte
/// budget when there are `limits`: the path for what [`fast::tree`] leaves.
fn serde_tree(text: &str, limits: Option<&Grenzen>) -> Result<Spanned<Node>, serde_saphyr::Error> {
    BUDGET.with(|b| b.set(limits.map_or(usize::MAX, |l| l.totaal_bytes)));
    let parsed =
        serde_saphyr::from_str_with_options::<Spanned<Node>>(text, crate::load::options(limits));
    BUDGET.with(|b| b.set(usize::MAX));
    parsed
}

/// Check the text of case file `id` against `limits`. Returns the findings;
/// an empty list means the file may be parsed (a file that is not valid YAML
/// gives its YAML error here, see [`read`]).
pub fn check(sources: &Sources, id: FileId, limits: &Grenzen) -> Vec<Diagnostic> {
    read(sources, id, Some(limits)).err().unwrap_or_default()
}

/// Read file `id` into a tree with spans. With `limits` (a case file), the
/// tree is built under the byte budget and every guard runs on it; any
/// finding, or a YAML error (in Dutch), is returned instead of the tree.
pub fn read(
    sources: &Sources,
    id: FileId,
    limits: Option<&Grenzen>,
) -> Result<Spanned<Node>, Vec<Diagnostic>> {
    let text = sources.text(id);
    let budget = limits.map_or(usize::MAX, |l| l.totaal_bytes);
    let parsed = match fast::tree(text, budget) {
        Some(root) => Ok(root),
        None => serde_tree(text, limits),
    };
    let root = match parsed {
        Ok(root) => root,
        // Our own count, or serde-saphyr's scalar budget (which counts
        // alias replays too; `load::options` sets it to the same limit).
        Err(e)
            if limits.is_some() && {
                let m = e.to_string();
                m.contains(BUDGET_ERROR) || m.contains("ScalarBytes")
            } =>
        {
            let limits = limits.expect("checked");
            return Err(vec![
                Diagnostic::new(
                    &GROOTTE_03,
                    format!(
                        "het zaakbestand is na het uitvouwen van aliassen (`*naam`) groter dan {} bytes",
                        limits.totaal_bytes
                    ),
                )
                .in_file(id)
                .with_note("herhaal geen grote blokken met ankers en aliassen; schrijf de tekst één keer"),
            ]);
        }
        Err(e) => return Err(vec![crate::load::yaml_diagnostic(sources, id, &e)]),
    };
    if let Some(limits) = limits {
        let mut out = Vec::new();
        walk(&root, &mut String::new(), id, text, limits, &mut out);
        if !out.is_empty() {
            return Err(out);
        }
    }
    Ok(root)
}

fn walk(
    node: &Spanned<Node>,
    path: &mut String,
    id: FileId,
    text: &str,
    limits: &Grenzen,
    out: &mut Vec<Diagnostic>,
) {
    match &node.value {
        Node::Null => {}
        Node::Scalar(s, _) => check_scalar(s, node, path, id, text, limits, out),
        Node::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path, id, text, limits, out);
                path.truncate(len);
            }
        }
        Node::Map(entries) => {
            for (key, value) in entries {
                if contains_bsn(key) {
                    let field = if path.is_empty() { "?" } else { path.as_str() };
                    out.push(
                        Diagnostic::new(
                            &BSN_01,
                            format!(
                                "een veldnaam in `{field}` bevat een burgerservicenummer (BSN); een BSN hoort niet in een zaakbestand"
                            ),
                        )
                        .at(id, value.span.start..value.span.start + 1)
                        .with_hidden_source(),
                    );
                    continue;
                }
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                // Keys are field names; a key that is not one is clipped so
                // a stray value used as a key cannot fill a message.
                path.extend(key.value.chars().filter(|c| !c.is_control()).take(40));
                walk(value, path, id, text, limits, out);
                path.truncate(len);
            }
        }
    }
}

fn check_scalar(
    s: &str,
    node: &Spanned<Node>,
    path: &str,
    id: FileId,
    text: &str,
    limits: &Grenzen,
    out: &mut Vec<Diagnostic>,
) {
    let field = if path.is_empty() { "?" } else { path };
    let span = node.span.clone();
    if s.len() > limits.veld_tekens && s.chars().count() > limits.veld_tekens {
        out.push(
            Diagnostic::new(
                &GROOTTE_02,
                format!(
                    "het veld `{field}` is te lang: ten hoogste {} tekens",
                    limits.veld_tekens
                ),
            )
            .at(id, span.start..span.start + 1)
            .with_label("te lange tekst")
            .with_hidden_source(),
        );
        return;
    }
    if let Some(year) = date_year(s)
        && !(i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&year)
    {
        out.push(
            Diagnostic::new(
                &DATUM_01,
                format!(
                    "de datum in `{field}` ligt buiten {MIN_YEAR}–{MAX_YEAR}; schrijf JJJJ-MM-DD met een jaartal van {MIN_YEAR} tot en met {MAX_YEAR}"
                ),
            )
            .at(id, span.clone())
            .with_label("jaartal buiten het bereik"),
        );
    }
    // The number as the file spells it too: `012345678` may reach us as a
    // number without its leading zero.
    let raw = text.get(span.clone()).unwrap_or("");
    if contains_bsn(s) || contains_bsn(raw) {
        out.push(
            Diagnostic::new(
                &BSN_01,
                format!(
                    "het veld `{field}` bevat een burgerservicenummer (BSN); een BSN hoort niet in een zaakbestand"
                ),
            )
            .at(id, span)
            .with_label("BSN")
            .with_hidden_source()
            .with_note("verwijder het nummer uit het bestand (en uit de geschiedenis van de repository)"),
        );
    }
}

/// The year of a value that has the shape of a date (`JJJJ-MM-DD`, with an
/// optional sign and more digits, optionally followed by a time), if any.
/// A year too large for `i64` counts as out of range.
pub fn date_year(s: &str) -> Option<i64> {
    let s = s.trim();
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => (1, s),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 4 {
        return None;
    }
    let tail = &rest.as_bytes()[digits..];
    let shape = tail.len() >= 6
        && tail[0] == b'-'
        && tail[1..3].iter().all(u8::is_ascii_digit)
        && tail[3] == b'-'
        && tail[4..6].iter().all(u8::is_ascii_digit)
        && (tail.len() == 6 || matches!(tail[6], b'T' | b't' | b' '));
    if !shape {
        return None;
    }
    Some(rest[..digits].parse::<i64>().map_or(i64::MAX, |y| sign * y))
}

/// Whether `s` holds a 9-digit number that passes the elfproef, written
/// together or in groups separated by single dots or spaces.
pub fn contains_bsn(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        // A run of digits joined by single separators.
        let mut digits = Vec::new();
        let mut j = i;
        while j < b.len() {
            if b[j].is_ascii_digit() {
                digits.push(b[j] - b'0');
                j += 1;
            } else if matches!(b[j], b'.' | b' ')
                && j + 1 < b.len()
                && b[j + 1].is_ascii_digit()
                && j > i
                && b[j - 1].is_ascii_digit()
            {
                j += 1;
            } else {
                break;
            }
        }
        if digits.len() == 9 && elfproef(&digits) {
            return true;
        }
        // Also a 9-digit run inside a longer group sequence
        // ("nummer 1 111222333"): check each plain digit run alone.
        let mut k = i;
        while k < j {
            let start = k;
            while k < j && b[k].is_ascii_digit() {
                k += 1;
            }
            if k - start == 9 {
                let d: Vec<u8> = b[start..k].iter().map(|c| c - b'0').collect();
                if elfproef(&d) {
                    return true;
                }
            }
            k += 1;
        }
        i = j.max(i + 1);
    }
    false
}

/// The BSN elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11
/// (and not all zeros).
pub fn elfproef(d: &[u8]) -> bool {
    if d.len() != 9 || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: i64 = d[..8]
        .iter()
        .enumerate()
        .map(|(i, &x)| (9 - i as i64) * i64::from(x))
        .sum::<i64>()
        - i64::from(d[8]);
    sum % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_forms() {
        for s in [
            "111222333",
            "111.222.333",
            "111 222 333",
            "BSN 111222333.",
            "1112.22.333",
        ] {
            assert!(contains_bsn(s), "{s}");
        }
        for s in [
            "111222334",
            "1112223330",
            "0344 123 456",
            "2026-11-02",
            "ongeveer 40",
            "000000000",
            "111..222.333",
        ] {
            assert!(!contains_bsn(s), "{s}");
        }
    }

    #[test]
    fn date_years() {
        assert_eq!(date_year("2026-11-02"), Some(2026));
        assert_eq!(date_year("+262142-12-20"), Some(262142));
        assert_eq!(date_year("-0001-01-01"), Some(-1));
        assert_eq!(date_year("2026-11-02T10:00"), Some(2026));
        assert_eq!(date_year("99999999999999999999-01-01"), Some(i64::MAX));
        assert_eq!(date_year("2026-11"), None);
        assert_eq!(date_year("Jan"), None);
    }
}
