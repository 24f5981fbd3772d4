//! The typed parse of a case file, read from the tree [`crate::guard::read`]
//! built, so a case file's YAML is parsed once.
//!
//! [`from_tree`] is a serde `Deserializer` over [`Node`]: it hands each
//! kind's `Deserialize` the values serde-saphyr would have handed it for the
//! same text, and [`Spanned`] fields get the span of their node. A scalar the
//! tree holds as a bool or a number keeps its source spelling for a text
//! field (`huisnummer: 007` reads as `007`, as serde-saphyr reads it); where
//! that spelling cannot be recovered from the span (a value reached through an
//! alias), [`from_tree`] says so and the caller parses the text instead.
//!
//! An error carries the span of the innermost node it arose in and serde's
//! own words, which [`crate::load`] translates like serde-saphyr's.

use std::fmt;
use std::ops::Range;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use crate::guard::{Node, Plain};
use crate::model::Spanned;

/// The newtype name [`Spanned`]'s `Deserialize` asks for; this deserializer
/// answers it with the span first, then the value (see [`Spanned`]).
pub(crate) const SPANNED: &str = "__avgdoc_spanned";

/// Why the tree could not be read as the typed shape.
#[derive(Debug)]
pub enum Error {
    /// serde's message (`missing field …`, `invalid type …`) and the span of
    /// the node it is about.
    Shape { message: String, span: Range<usize> },
    /// A bool or number whose spelling is not at its span (it was reached
    /// through an alias) had to be read as text: only the YAML text has it.
    Spelling,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Shape { message, .. } => f.write_str(message),
            Error::Spelling => f.write_str("the spelling of a scalar is not at its span"),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        // The span is filled in by the node the error passes through first.
        Error::Shape {
            message: msg.to_string(),
            span: usize::MAX..usize::MAX,
        }
    }
}

impl Error {
    /// Give an error without a span the span of `node`.
    fn at(self, span: &Range<usize>) -> Self {
        match self {
            Error::Shape { message, span: s } if s.start == usize::MAX => Error::Shape {
                message,
                span: span.clone(),
            },
            e => e,
        }
    }
}

/// Read `tree`, the tree of YAML text `src`, as a `T`.
pub fn from_tree<T: DeserializeOwned>(tree: &Spanned<Node>, src: &str) -> Result<T, Error> {
    T::deserialize(NodeDe { node: tree, src }).map_err(|e| e.at(&tree.span))
}

/// A deserializer over one node of the tree.
#[derive(Clone, Copy)]
struct NodeDe<'a> {
    node: &'a Spanned<Node>,
    src: &'a str,
}

impl<'a> NodeDe<'a> {
    /// The text of a scalar as a text field reads it: for a bool or number,
    /// its spelling in the file.
    fn text(&self) -> Result<Option<&'a str>, Error> {
        let Node::Scalar(s, plain) = &self.node.value else {
            return Ok(None);
        };
        if *plain == Plain::Text {
            return Ok(Some(s));
        }
        let spelt = self
            .src
            .get(self.node.span.clone())
            .map(str::trim)
            .filter(|t| same_scalar(t, s, *plain));
        spelt.map(Some).ok_or(Error::Spelling)
    }

    fn invalid<T>(&self, exp: &dyn de::Expected) -> Result<T, Error> {
        let unexp = match &self.node.value {
            Node::Null => de::Unexpected::Unit,
            Node::Scalar(s, Plain::Text) => de::Unexpected::Str(s),
            Node::Scalar(s, Plain::Bool) => de::Unexpected::Bool(s == "true"),
            Node::Scalar(_, Plain::Int) => de::Unexpected::Other("integer"),
            Node::Scalar(_, Plain::Float) => de::Unexpected::Other("floating point"),
            Node::Seq(_) => de::Unexpected::Seq,
            Node::Map(_) => de::Unexpected::Map,
        };
        Err(de::Error::invalid_type(unexp, exp))
    }
}

/// Whether `spelt`, the text at a scalar's span, is the scalar the tree
/// holds as `held`: a plain scalar spells no anchor, tag or alias, and reads
/// back as the same value.
fn same_scalar(spelt: &str, held: &str, plain: Plain) -> bool {
    if spelt.is_empty() || spelt.starts_with(['*', '&', '!', '"', '\'']) {
        return false;
    }
    match plain {
        Plain::Text => spelt == held,
        Plain::Bool => spelt.eq_ignore_ascii_case(held),
        Plain::Int | Plain::Float => {
            let digits: String = spelt.chars().filter(|c| *c != '_').collect();
            match (digits.parse::<f64>(), held.parse::<f64>()) {
                (Ok(a), Ok(b)) => a == b || (a.is_nan() && b.is_nan()),
                // 0x1F, 0o17, .inf: the tree's value is the parser's; the
                // spelling is a single token on one line.
                _ => !spelt.contains(char::is_whitespace),
            }
        }
    }
}

impl<'a> de::Deserializer<'a> for NodeDe<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = &self.node.span;
        let result = match &self.node.value {
            Node::Null => visitor.visit_unit(),
            Node::Scalar(s, Plain::Text) => visitor.visit_str(s),
            Node::Scalar(s, Plain::Bool) => visitor.visit_bool(s == "true"),
            Node::Scalar(s, Plain::Int) => match (s.parse::<u64>(), s.parse::<i64>()) {
                (Ok(u), _) => visitor.visit_u64(u),
                (_, Ok(i)) => visitor.visit_i64(i),
                _ => match s.parse::<i128>() {
                    Ok(i) => visitor.visit_i128(i),
                    Err(_) => visitor.visit_u128(s.parse::<u128>().unwrap_or(u128::MAX)),
                },
            },
            Node::Scalar(s, Plain::Float) => visitor.visit_f64(s.parse().unwrap_or(f64::NAN)),
            Node::Seq(items) => visitor.visit_seq(Items {
                items: items.iter(),
                src: self.src,
            }),
            Node::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
                src: self.src,
            }),
        };
        result.map_err(|e| e.at(span))
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.text()? {
            Some(t) => visitor
                .visit_str(t)
                .map_err(|e: Error| e.at(&self.node.span)),
            None => self.invalid(&visitor).map_err(|e| e.at(&self.node.span)),
        }
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| e.at(&self.node.span))
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED {
            return visitor
                .visit_seq(SpannedParts {
                    node: self,
                    next: 0,
                })
                .map_err(|e| e.at(&self.node.span));
        }
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.at(&self.node.span))
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Every enum of the case files has unit variants only, written as
        // their name.
        match self.text()? {
            Some(t) => {
                let variant: StrDeserializer<Error> = t.into_deserializer();
                visitor.visit_enum(variant)
            }
            None => self.invalid(&visitor),
        }
        .map_err(|e| e.at(&self.node.span))
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Node::Null => visitor.visit_unit(),
            _ => self.invalid(&visitor),
        }
        .map_err(|e| e.at(&self.node.span))
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf seq map
        ignored_any tuple tuple_struct struct
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }
}

/// The items of a sequence.
struct Items<'a> {
    items: std::slice::Iter<'a, Spanned<Node>>,
    src: &'a str,
}

impl<'a> de::SeqAccess<'a> for Items<'a> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(node) => seed
                .deserialize(NodeDe {
                    node,
                    src: self.src,
                })
                .map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of a mapping; a key reads as its text, with its own span.
struct Entries<'a> {
    entries: std::slice::Iter<'a, (Spanned<String>, Spanned<Node>)>,
    value: Option<&'a Spanned<Node>>,
    src: &'a str,
}

impl<'a> de::MapAccess<'a> for Entries<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let name: StrDeserializer<Error> = key.value.as_str().into_deserializer();
        seed.deserialize(name)
            .map(Some)
            .map_err(|e| e.at(&key.span))
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let node = self.value.take().expect("a value follows its key");
        seed.deserialize(NodeDe {
            node,
            src: self.src,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// What [`Spanned`] reads through [`SPANNED`]: the start and end of the
/// node's span, then its value.
struct SpannedParts<'a> {
    node: NodeDe<'a>,
    next: u8,
}

impl<'a> de::SeqAccess<'a> for SpannedParts<'a> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let part = self.next;
        self.next += 1;
        let span = &self.node.node.span;
        match part {
            0 => seed.deserialize(span.start.into_deserializer()).map(Some),
            1 => seed.deserialize(span.end.into_deserializer()).map(Some),
            2 => seed.deserialize(self.node).map(Some),
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_is_the_scalar_at_its_span() {
        assert!(same_scalar("007", "7", Plain::Int));
        assert!(same_scalar("1_000", "1000", Plain::Int));
        assert!(same_scalar("True", "true", Plain::Bool));
        assert!(same_scalar("1.10", "1.1", Plain::Float));
        assert!(!same_scalar("*nummer", "7", Plain::Int));
        assert!(!same_scalar("&a 7", "7", Plain::Int));
        assert!(!same_scalar("8", "7", Plain::Int));
    }
}
