//! The tree of a plain case file, built straight from the YAML parser's
//! events.
//!
//! serde-saphyr builds the same tree ([`super::read`]'s other path) through
//! its deserializer, one synthesized span map per node; for the files staff
//! write (mappings, lists, text, dates, whole numbers, `true`/`false`) this
//! builder gives the identical tree, spans included, at a fraction of the
//! cost. It reads granit-parser, the parser inside serde-saphyr, with the
//! same options, and resolves plain scalars by serde-saphyr's rules.
//!
//! It answers only what it is sure of. Anything else (a syntax error, an
//! anchor, alias, tag or merge key, a duplicate key, a key that is not
//! text, a scalar that may be a number in another spelling, deep nesting,
//! a file near the size budget) returns `None`, and serde-saphyr reads the
//! file, with its own error messages and budgets. `tests/typed.rs` holds the
//! two trees equal.

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span};

use super::{Node, Plain};
use crate::model::Spanned;

/// Deeper than this and serde-saphyr decides (its own limit is 64).
const MAX_DEPTH: usize = 32;
/// More events than this and serde-saphyr decides (its limit is 1,000,000).
const MAX_EVENTS: usize = 100_000;

/// The tree of `text`, or `None` when serde-saphyr must read it. `budget` is
/// the guard's byte budget ([`super::BUDGET`]): a file that comes within
/// reach of it is left to serde-saphyr, which reports it.
pub(super) fn tree(text: &str, budget: usize) -> Option<Spanned<Node>> {
    let mut b = Builder {
        parser: Parser::new_from_str(text),
        spent: 0,
        scalar_bytes: 0,
        events: 0,
    };
    loop {
        match b.next()? {
            (Event::StreamStart, _) | (Event::DocumentStart(..), _) => {}
            (Event::StreamEnd, _) | (Event::DocumentEnd, _) => return None,
            (event, span) => {
                let root = b.node(event, span, 0)?;
                // One document, then the end.
                loop {
                    match b.next()? {
                        (Event::DocumentEnd, _) => {}
                        (Event::StreamEnd, _) => break,
                        _ => return None,
                    }
                }
                // serde-saphyr's own scalar budget counts every scalar's
                // bytes; the guard's counts its own way. Both stay clear.
                return (b.spent.saturating_add(b.scalar_bytes) <= budget).then_some(root);
            }
        }
    }
}

struct Builder<'a> {
    parser: Parser<'a, serde_saphyr::granit_parser::StrInput<'a>>,
    /// What [`super::spend`] would have counted.
    spent: usize,
    /// The bytes of every scalar, keys included.
    scalar_bytes: usize,
    events: usize,
}

impl<'a> Builder<'a> {
    /// The next event that is not a comment; `None` on a parse error or
    /// when the file is too large for this path.
    fn next(&mut self) -> Option<(Event<'a>, Span)> {
        loop {
            let (event, span) = self.parser.next_event()?.ok()?;
            self.events += 1;
            if self.events > MAX_EVENTS {
                return None;
            }
            match event {
                Event::Comment(..) => continue,
                Event::Alias(_) | Event::Anchor(..) | Event::UnresolvedAlias(_) => return None,
                e => return Some((e, span)),
            }
        }
    }

    fn node(&mut self, event: Event<'a>, span: Span, depth: usize) -> Option<Spanned<Node>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let range = range(&span)?;
        let node = match event {
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                self.scalar_bytes = self.scalar_bytes.saturating_add(value.len());
                let (text, plain) = match resolve(&value, style)? {
                    Resolved::Null => return Some(Spanned::new(Node::Null, range)),
                    Resolved::Bool(b) => (b.to_string(), Plain::Bool),
                    Resolved::Scalar(plain) => (value.into_owned(), plain),
                };
                self.spent = self.spent.saturating_add(match plain {
                    Plain::Bool => 0,
                    Plain::Int => 20,
                    Plain::Float => return None,
                    Plain::Text => text.len(),
                });
                Node::Scalar(text, plain)
            }
            Event::SequenceStart(_, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                let mut items = Vec::new();
                loop {
                    match self.next()? {
                        (Event::SequenceEnd, _) => break,
                        (event, span) => {
                            items.push(self.node(event, span, depth + 1)?);
                            self.spent = self.spent.saturating_add(8);
                        }
                    }
                }
                Node::Seq(items)
            }
            Event::MappingStart(_, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                let mut entries: Vec<(Spanned<String>, Spanned<Node>)> = Vec::new();
                loop {
                    let key = match self.next()? {
                        (Event::MappingEnd, _) => break,
                        (event, span) => self.node(event, span, depth + 1)?,
                    };
                    // Text keys only, each once, and no merge key.
                    let Node::Scalar(name, Plain::Text) = key.value else {
                        return None;
                    };
                    if name == "<<" || entries.iter().any(|(k, _)| k.value == name) {
                        return None;
                    }
                    let (event, span) = self.next()?;
                    let value = self.node(event, span, depth + 1)?;
                    entries.push((Spanned::new(name, key.span), value));
                }
                Node::Map(entries)
            }
            _ => return None,
        };
        Some(Spanned::new(node, range))
    }
}

/// The byte range of an event, as serde-saphyr gives it to `Spanned`.
fn range(span: &Span) -> Option<std::ops::Range<usize>> {
    let start = span.start.byte_offset()?;
    let end = span.end.byte_offset()?;
    Some(start..end.max(start))
}

enum Resolved {
    Null,
    Bool(bool),
    Scalar(Plain),
}

/// What serde-saphyr makes of a scalar without tag (`deserialize_any` with
/// `strict_booleans`), or `None` when that is not certain here.
fn resolve(value: &str, style: ScalarStyle) -> Option<Resolved> {
    if style != ScalarStyle::Plain {
        return Some(Resolved::Scalar(Plain::Text));
    }
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Resolved::Null),
        "true" | "True" | "TRUE" => return Some(Resolved::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Resolved::Bool(false)),
        _ => {}
    }
    let first = value.chars().next()?;
    if first.is_ascii_digit() || matches!(first, '+' | '-' | '.') {
        if is_decimal(value) {
            return Some(Resolved::Scalar(Plain::Int));
        }
        // A date, a date and time, or digits with a space or slash in them
        // (a postcode, a telephone number, a file number): no integer or
        // float has either.
        if is_date(value)
            || is_date_time(value)
            || (first.is_ascii_digit() && value.contains([' ', '/']))
        {
            return Some(Resolved::Scalar(Plain::Text));
        }
        return None;
    }
    // `inf`, `infinity` and `nan` in any case may be read as floats.
    let lower = value.to_ascii_lowercase();
    if value.len() <= 8 && (lower.starts_with("inf") || lower.starts_with("nan")) {
        return None;
    }
    Some(Resolved::Scalar(Plain::Text))
}

/// `0`, or digits without a leading zero, optionally after `-`, short
/// enough for an i64: serde-saphyr's integer, spelt as it prints it.
fn is_decimal(v: &str) -> bool {
    let digits = v.strip_prefix('-').unwrap_or(v);
    !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && v != "-0"
}

/// `JJJJ-MM-DDTUU:MM`, with or without `:SS`, digits only.
fn is_date_time(v: &str) -> bool {
    let (Some(date), Some(time)) = (v.get(..10), v.get(10..)) else {
        return false;
    };
    let time = time.as_bytes();
    is_date(date)
        && matches!(time.len(), 6 | 9)
        && time[0] == b'T'
        && time[1..].iter().enumerate().all(|(i, c)| {
            if i % 3 == 2 {
                *c == b':'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// `JJJJ-MM-DD`, digits only.
fn is_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
