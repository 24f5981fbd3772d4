//! The layout ARCHITECTURE.md promises, checked: outside `src/kinds/` no
//! module names a case kind, and every diagnostic comes from a registered
//! rule.

use std::path::Path;

fn source(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn no_kind_outside_its_folder() {
    let shared = [
        "src/load.rs",
        "src/report.rs",
        "src/merge/mod.rs",
        "src/pipeline.rs",
        "src/cli.rs",
    ];
    for file in shared {
        let text = source(file).to_lowercase();
        for soort in avgdoc::kinds::soorten() {
            assert!(!text.contains(soort), "{file} names the kind `{soort}`");
        }
        for word in ["datalek", "bezwaar", "notificatie", "raadpleging", "wpg"] {
            assert!(!text.contains(word), "{file} names `{word}`");
        }
    }
}

#[test]
fn diagnostics_are_built_from_rules_not_strings() {
    for entry in walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (i, _) in text.match_indices("Diagnostic::new(") {
            let rest = text[i + "Diagnostic::new(".len()..].trim_start();
            assert!(
                !rest.starts_with('"'),
                "{}: a diagnostic with a literal code",
                entry.path().display()
            );
        }
    }
}

/// Legal reviewers read the templates: their comments cite the law and the
/// public documents, never a file of ours.
#[test]
fn templates_cite_only_public_documents() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        for internal in ["seed ", "legal.md", "letter.md"] {
            assert!(
                !text.contains(internal),
                "{} cites `{internal}`",
                entry.path().display()
            );
        }
    }
}
