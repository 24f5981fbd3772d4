//! The bare typst loop of the benchmark compiles the same documents as
//! `render`: the inputs `avgdoc::bare` takes from the case repository,
//! compiled with nothing of avgdoc around them, give every PDF `render`
//! writes, byte for byte, and no other.

mod common;

use avgdoc::bare::{Bare, inputs};
use chrono::NaiveDate;
use common::*;

#[test]
fn bare_typst_makes_the_pdfs_render_writes_byte_for_byte() {
    let out = tempfile::tempdir().unwrap();
    let r = run_in(
        &repo_root(),
        &[
            "render",
            "--output",
            out.path().to_str().unwrap(),
            "--vandaag",
            "2026-11-23",
            "--datum",
            "2026-11-23",
        ],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let mut written: Vec<String> = walkdir::WalkDir::new(out.path())
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out.path())
                .unwrap()
                .with_extension("");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect();
    written.sort();

    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let inputs = inputs(&repo_root(), day, day).unwrap();
    let mut idents: Vec<String> = inputs.documents.iter().map(|d| d.ident.clone()).collect();
    idents.sort();
    assert_eq!(idents, written);

    let bare = Bare::new(&inputs.templates);
    for doc in &inputs.documents {
        let pdf = bare.pdf(doc).unwrap();
        comemo::evict(0);
        let rendered = std::fs::read(out.path().join(format!("{}.pdf", doc.ident))).unwrap();
        assert!(pdf == rendered, "{} differs from render's PDF", doc.ident);
    }
}
