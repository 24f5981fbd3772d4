//! The schema check: a file's YAML tree (with spans, read once by
//! [`crate::guard::read`]) against its JSON Schema, before the typed parse.
//! It reports every problem of the file at once, each at its line: every
//! unknown key (with "bedoelde u …?"), every missing required field, every
//! value of the wrong kind and every unknown value of a fixed list (with
//! "bedoelde u …?"). The typed parse after it only meets what this check
//! does not know (a date that does not exist, a number too large).
//!
//! The schemas are the generated ones ([`super::generate`]): inlined, so the
//! check knows `type`, `properties`, `required`, `additionalProperties`,
//! `items`, `enum`, `format: date` and the `anyOf` of an optional field.
//!
//! Messages name fields and allowed values, never a value from the file
//! (it may be personal data); the human code frame's message may quote it.

use serde_json::{Map, Value};

use crate::diag::{Diagnostic, FileId};
use crate::guard::{Node, Plain};
use crate::model::Spanned;
use crate::rules::system::YAML_01;

/// Check `root` against `schema`; every problem is a YAML-01 diagnostic in
/// file `id`, in the order of the file.
pub fn check(schema: &Value, root: &Spanned<Node>, id: FileId) -> Vec<Diagnostic> {
    let mut w = Walk {
        id,
        out: Vec::new(),
    };
    w.node(schema, root, &mut String::new(), None);
    w.out
}

struct Walk {
    id: FileId,
    out: Vec<Diagnostic>,
}

/// The types a schema allows (`type` as a string or a list).
fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// What a schema expects, in words, for "verwacht: …".
fn expected(schema: &Value) -> String {
    let ts: Vec<&str> = types(schema).into_iter().filter(|t| *t != "null").collect();
    let words: Vec<&str> = ts
        .iter()
        .map(|t| match *t {
            "object" => "een blok met velden",
            "array" => "een lijst",
            "boolean" => "true of false",
            "integer" => "een geheel getal",
            "number" => "een getal",
            _ if schema.get("format").and_then(Value::as_str) == Some("date") => {
                "een datum (JJJJ-MM-DD)"
            }
            _ => "tekst",
        })
        .collect();
    if words.is_empty() {
        "een waarde".to_string()
    } else {
        words.join(" of ")
    }
}

/// The field in a message: ``in `betrokkene.adres` `` or nothing at the top.
fn within(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" in `{path}`")
    }
}

/// Control characters out and at most 40 characters: a key or value that is
/// not a field name cannot fill a message.
fn clip(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(40).collect()
}

impl Walk {
    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// Check `node` at `path` against `schema`; `key` is the span of the key
    /// that holds it (for a missing field inside it).
    fn node(
        &mut self,
        schema: &Value,
        node: &Spanned<Node>,
        path: &mut String,
        key: Option<&std::ops::Range<usize>>,
    ) {
        // An optional field: `anyOf: [<the schema>, {type: null}]`.
        if let Some(Value::Array(alts)) = schema.get("anyOf").or_else(|| schema.get("oneOf")) {
            let (nulls, rest): (Vec<&Value>, Vec<&Value>) =
                alts.iter().partition(|a| types(a) == ["null"]);
            if matches!(node.value, Node::Null) && !nulls.is_empty() {
                return;
            }
            if let [only] = rest.as_slice() {
                return self.node(only, node, path, key);
            }
            return;
        }
        let ts = types(schema);
        if ts.is_empty() {
            return;
        }
        let field = if path.is_empty() { "?" } else { path.as_str() };
        match &node.value {
            Node::Null if ts.contains(&"null") => {}
            Node::Null => self.push(
                Diagnostic::new(
                    &YAML_01,
                    format!("het veld `{field}` is leeg; verwacht: {}", expected(schema)),
                )
                .at(self.id, key.cloned().unwrap_or(node.span.clone()))
                .with_label("geen waarde"),
            ),
            Node::Map(entries) if ts.contains(&"object") => {
                self.map(schema, entries, node, path, key)
            }
            Node::Seq(items) if ts.contains(&"array") => {
                let item_schema = schema.get("items");
                for (i, item) in items.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    if let Some(s) = item_schema {
                        self.node(s, item, path, None);
                    }
                    path.truncate(len);
                }
            }
            Node::Scalar(text, plain) if is_scalar_type(&ts) => {
                self.scalar(schema, &ts, text, *plain, node, field)
            }
            _ => self.push(
                Diagnostic::new(
                    &YAML_01,
                    format!(
                        "verkeerd soort waarde{}; verwacht: {}",
                        within(path),
                        expected(schema)
                    ),
                )
                .at(self.id, node.span.clone())
                .with_label(format!("verwacht: {}", expected(schema))),
            ),
        }
    }

    fn map(
        &mut self,
        schema: &Value,
        entries: &[(Spanned<String>, Spanned<Node>)],
        node: &Spanned<Node>,
        path: &mut String,
        key: Option<&std::ops::Range<usize>>,
    ) {
        let empty = Map::new();
        let props = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
        let present: Vec<&str> = entries.iter().map(|(k, _)| k.value.as_str()).collect();
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| !present.contains(r))
            .collect();
        // Fields not yet written: what a misspelt key most likely meant
        // (gathered only when a key is unknown).
        let any_unknown = closed && entries.iter().any(|(k, _)| !props.contains_key(&k.value));
        let free: Vec<&str> = match any_unknown {
            false => Vec::new(),
            true => props
                .keys()
                .map(String::as_str)
                .filter(|k| !present.contains(k))
                .collect(),
        };
        let mut suggested = Vec::new();
        let mut unknown = Vec::new();
        for (k, _) in entries {
            if props.contains_key(&k.value) || !closed {
                continue;
            }
            let best = crate::suggest::closest(&k.value, free.iter().copied());
            if let Some(b) = best {
                suggested.push(b);
            }
            unknown.push((k, best));
        }
        // A missing field whose misspelling is reported below is not
        // reported twice.
        for m in missing.iter().filter(|m| !suggested.contains(m)) {
            let d = Diagnostic::new(
                &YAML_01,
                format!("verplicht veld `{m}` ontbreekt{}", within(path)),
            );
            let d = match key {
                Some(k) => d
                    .at(self.id, k.clone())
                    .with_label(format!("hier ontbreekt `{m}`")),
                None => d
                    .at(self.id, node.span.start..node.span.start + 1)
                    .with_label(format!("in dit bestand ontbreekt `{m}`")),
            };
            self.push(d);
        }
        let mut unknown = unknown.into_iter().peekable();
        for (k, value) in entries {
            if let Some(prop) = props.get(&k.value) {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&k.value);
                self.node(prop, value, path, Some(&k.span));
                path.truncate(len);
                continue;
            }
            let Some((uk, best)) = unknown.next_if(|(uk, _)| std::ptr::eq(*uk, k)) else {
                continue;
            };
            let name = clip(&uk.value);
            let d = match best {
                Some(b) => Diagnostic::new(
                    &YAML_01,
                    format!("onbekend veld `{name}`{}; bedoelde u `{b}`?", within(path)),
                )
                .with_label(format!("bedoelde u `{b}`?")),
                None => Diagnostic::new(
                    &YAML_01,
                    format!(
                        "onbekend veld `{name}`{}; toegestaan zijn: {}",
                        within(path),
                        props
                            .keys()
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .with_label("onbekend veld"),
            };
            self.push(d.at(self.id, uk.span.clone()));
        }
    }

    fn scalar(
        &mut self,
        schema: &Value,
        ts: &[&str],
        text: &str,
        plain: Plain,
        node: &Spanned<Node>,
        field: &str,
    ) {
        let span = node.span.clone();
        if ts.contains(&"boolean") && !ts.contains(&"string") {
            if plain != Plain::Bool {
                self.push(
                    Diagnostic::new(
                        &YAML_01,
                        format!("ongeldige ja/nee-waarde in `{field}`: schrijf true of false"),
                    )
                    .at(self.id, span)
                    .with_label("true of false"),
                );
            }
            return;
        }
        if ts.contains(&"integer") && !ts.contains(&"string") {
            let negative = text.trim_start().starts_with('-');
            let min0 = schema.get("minimum").and_then(Value::as_f64) == Some(0.0);
            if plain != Plain::Int || (negative && min0) {
                self.push(
                    Diagnostic::new(
                        &YAML_01,
                        format!(
                            "verkeerd soort waarde in `{field}`; verwacht: een geheel getal{}",
                            if min0 { " van 0 of meer" } else { "" }
                        ),
                    )
                    .at(self.id, span)
                    .with_label("een geheel getal"),
                );
            }
            return;
        }
        if let Some(Value::Array(allowed)) = schema.get("enum") {
            let allowed: Vec<&str> = allowed.iter().filter_map(Value::as_str).collect();
            if !allowed.contains(&text) {
                let (tail, label) = match crate::suggest::closest(text, allowed.iter().copied()) {
                    Some(b) => (format!("; bedoelde u `{b}`?"), format!("bedoelde u `{b}`?")),
                    None => (
                        format!("; toegestaan zijn: {}", allowed.join(", ")),
                        "onbekende waarde".to_string(),
                    ),
                };
                self.push(
                    Diagnostic::new(&YAML_01, format!("onbekende waarde in `{field}`{tail}"))
                        .with_message_mens(format!(
                            "onbekende waarde `{}` in `{field}`{tail}",
                            clip(text)
                        ))
                        .at(self.id, span)
                        .with_label(label),
                );
            }
            return;
        }
        if schema.get("format").and_then(Value::as_str) == Some("date")
            && text.parse::<chrono::NaiveDate>().is_err()
        {
            let shaped = crate::guard::date_year(text).is_some()
                && text.len() == 10
                && !text.contains(['T', 't', ' ']);
            let message = if shaped {
                format!("de datum in `{field}` bestaat niet")
            } else {
                format!("ongeldige datum in `{field}`: schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-04")
            };
            self.push(
                Diagnostic::new(&YAML_01, message)
                    .at(self.id, span)
                    .with_label("JJJJ-MM-DD"),
            );
        }
    }
}

/// Whether a scalar can be one of these types.
fn is_scalar_type(ts: &[&str]) -> bool {
    ts.iter()
        .any(|t| matches!(*t, "string" | "boolean" | "integer" | "number"))
}
