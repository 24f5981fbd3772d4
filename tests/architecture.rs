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
