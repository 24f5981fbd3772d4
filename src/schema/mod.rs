//! JSON Schemas of `avgdoc.yaml` and of each case kind, generated from the
//! Rust types (`schemars`), so they cannot drift from what avgdoc reads.
//! `avgdoc schema` prints them, `avgdoc init` writes them to `schemas/`, and
//! the loader checks every file against them before the typed parse
//! ([`walk`]), so one run reports every unknown key, missing field and wrong
//! value of a file.
//!
//! Every subschema is inlined (no `$ref`): editors show the description of
//! the field itself, and [`walk`] needs no reference resolution.

pub mod walk;

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use schemars::transform::Transform;
use schemars::{JsonSchema, Schema};
use serde_json::{Value, json};

use crate::kinds::{self, Kind};
use crate::model::Config;

/// The folder of a case repository that holds the schema files.
pub const DIR: &str = "schemas";

/// The name of the schema of `avgdoc.yaml` (`avgdoc schema config`).
pub const CONFIG: &str = "config";

/// The key of the Dutch description of a field or type, set with
/// `#[schemars(extend("nl" = "…"))]`: it becomes the `description` staff
/// see in their editor. Doc comments are English and for developers: their
/// titles and descriptions are dropped, so none reaches staff.
pub const NL: &str = "nl";

/// The schema of `T`, inlined, with the Dutch descriptions only (see [`NL`]).
pub fn generate<T: JsonSchema>() -> Value {
    let settings = SchemaSettings::draft07().with(|s| s.inline_subschemas = true);
    let mut schema = settings.into_generator().into_root_schema_for::<T>();
    tidy(&mut schema);
    schema.to_value()
}

/// Keep only the Dutch descriptions and write an enum of plain values as
/// `enum`.
fn tidy(schema: &mut Schema) {
    schemars::transform::RecursiveTransform(|s: &mut Schema| {
        s.remove("title");
        s.remove("description");
        if let Some(nl) = s.remove(NL) {
            s.insert("description".into(), nl);
        }
        let values: Option<Vec<Value>> =
            s.get("oneOf").and_then(Value::as_array).and_then(|alts| {
                alts.iter()
                    .map(|a| a.get("const").cloned())
                    .collect::<Option<Vec<Value>>>()
            });
        if let Some(values) = values {
            s.remove("oneOf");
            s.insert("type".into(), json!("string"));
            s.insert("enum".into(), Value::Array(values));
        }
    })
    .transform(schema);
}

/// The schema of `avgdoc.yaml`.
pub fn config() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        head(
            generate::<Config>(),
            "avgdoc.yaml",
            "avgdoc.yaml: de organisatie die de brieven verstuurt, het contactpunt, de FG, de \
             deelnemers en de instellingen.",
        )
    })
}

/// The schema of a case file of `kind`: its type's schema with `soort` fixed
/// to the kind.
pub fn case(kind: &dyn Kind) -> &'static Value {
    static SCHEMAS: OnceLock<Vec<Value>> = OnceLock::new();
    let all = SCHEMAS.get_or_init(|| {
        kinds::KINDS
            .iter()
            .map(|k| {
                let mut v = head(
                    k.schema(),
                    &format!("zaakbestand, soort {}", k.soort()),
                    &format!(
                        "Een zaakbestand van de soort `{}` (cases/<jaar>/<kenmerk>.yaml).",
                        k.soort()
                    ),
                );
                if let Some(soort) = v.pointer_mut("/properties/soort") {
                    *soort = json!({
                        "description": format!("De soort zaak; bij dit schema altijd `{}`.", k.soort()),
                        "type": "string",
                        "enum": [k.soort()],
                    });
                }
                v
            })
            .collect()
    });
    let i = kinds::KINDS
        .iter()
        .position(|k| k.soort() == kind.soort())
        .expect("every kind is in KINDS");
    &all[i]
}

/// `$schema`, `title` and `description` first, so a reader of the file sees
/// what it is.
fn head(v: Value, title: &str, description: &str) -> Value {
    let Value::Object(rest) = v else {
        return v;
    };
    let mut out = serde_json::Map::new();
    out.insert(
        "$schema".into(),
        rest.get("$schema").cloned().unwrap_or(Value::Null),
    );
    out.insert("title".into(), json!(title));
    out.insert("description".into(), json!(description));
    for (k, val) in rest {
        if !matches!(k.as_str(), "$schema" | "title" | "description") {
            out.insert(k, val);
        }
    }
    Value::Object(out)
}

/// Every schema name `avgdoc schema` knows: `config` and each `soort`.
pub fn names() -> Vec<&'static str> {
    std::iter::once(CONFIG).chain(kinds::soorten()).collect()
}

/// The schema called `name` (see [`names`]).
pub fn by_name(name: &str) -> Option<&'static Value> {
    if name == CONFIG {
        return Some(config());
    }
    kinds::find(name).map(case)
}

/// The file a schema is written to inside [`DIR`]: `avgdoc.schema.json` for
/// `config`, `<soort>.schema.json` for a kind.
pub fn file_name(name: &str) -> String {
    if name == CONFIG {
        "avgdoc.schema.json".to_string()
    } else {
        format!("{name}.schema.json")
    }
}

/// The text of a schema file: pretty JSON with a final newline.
pub fn text(schema: &Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).expect("a schema is JSON");
    s.push('\n');
    s
}

/// Every schema file of a case repository: path relative to the repository
/// root and text.
pub fn files() -> Vec<(String, String)> {
    names()
        .into_iter()
        .map(|n| {
            (
                format!("{DIR}/{}", file_name(n)),
                text(by_name(n).expect("a known name")),
            )
        })
        .collect()
}

/// The first line of a file that `yaml-language-server` (VS Code's YAML
/// extension and others) reads to find its schema; `depth` is the number of
/// folders between the repository root and the file (0 for `avgdoc.yaml`,
/// 2 for `cases/<jaar>/<kenmerk>.yaml`).
pub fn modeline(name: &str, depth: usize) -> String {
    format!(
        "# yaml-language-server: $schema={}{DIR}/{}",
        "../".repeat(depth),
        file_name(name)
    )
}
