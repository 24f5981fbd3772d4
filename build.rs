//! Embeds every template (`*.md`, `*.typ`, `*.css`) under `templates/` as the default template set, so the
//! binary works without a `templates/` folder and a new template can never
//! be forgotten in a hand-kept list.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("templates/ is readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, base, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "typ" | "css")
        ) {
            // Only templates: a logo belongs to one organisation and is
            // served from its own templates/ folder.
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, path.canonicalize().unwrap()));
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let templates = root.join("templates");
    println!("cargo:rerun-if-changed=templates");
    let mut files = Vec::new();
    collect(&templates, &templates, &mut files);
    let mut code = String::from("&[\n");
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?}) as &[u8]),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("default_templates.rs");
    std::fs::write(out, code).unwrap();
}
