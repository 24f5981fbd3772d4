//! Golden texts: every document of every example case, as the reader gets
//! it (pdftotext), committed under `tests/snapshots/`. Any change to a letter
//! shows up as a diff for the legal reviewers (`cargo insta review`).

mod common;

use common::*;

/// Every document the examples must yield (issue: every document of the
/// avg-verzoek kind is rendered by the examples).
const EXPECTED: &[&str] = &[
    "POL-2026-0017/besluit",
    "POL-2026-0017/ontvangstbevestiging",
    "ZVH-2026-0388/aanvullend-besluit",
    "ZVH-2026-0388/besluit",
    "ZVH-2026-0388/ontvangstbevestiging",
    "ZVH-2026-0388/verzoek-deelnemer-gemeente-rivierstad",
    "ZVH-2026-0388/verzoek-deelnemer-politie",
    "ZVH-2026-0412/besluit",
    "ZVH-2026-0412/ontvangstbevestiging",
    "ZVH-2026-0412/verlengingsbrief",
    "ZVH-2026-0412/verzoek-deelnemer-gemeente-rivierstad",
    "ZVH-2026-0412/verzoek-deelnemer-ggz",
    "ZVH-2026-0412/verzoek-deelnemer-reclassering",
    "ZVH-2026-0427/besluit",
    "ZVH-2026-0427/ontvangstbevestiging",
    "ZVH-2026-0427/verzoek-deelnemer-om",
    "ZVH-2026-0433/doorzendbericht",
    "ZVH-2026-0440/besluit",
    "ZVH-2026-0440/ontvangstbevestiging",
    "ZVH-2026-0440/verzoek-deelnemer-gemeente-rivierstad",
    "ZVH-2026-0440/verzoek-deelnemer-ggz",
    "ZVH-2026-0433/identificatieverzoek",
    "ZVH-2026-0451/besluit",
    "ZVH-2026-0451/ontvangstbevestiging",
    "ZVH-2026-0451/verzoek-deelnemer-gemeente-rivierstad",
    "ZVH-2026-0451/verzoek-deelnemer-ggz",
    "ZVH-2026-0452/aanvullend-besluit",
    "ZVH-2026-0452/besluit",
    "ZVH-2026-0452/ontvangstbevestiging",
    "ZVH-2026-0452/verzoek-deelnemer-gemeente-rivierstad",
    "ZVH-2026-0452/verzoek-deelnemer-politie",
    "ZVH-2026-0453/identificatieverzoek",
    "ZVH-2026-D-0007/melding-ap",
    "ZVH-2026-D-0007/melding-betrokkene-1",
    "ZVH-2026-D-0007/melding-betrokkene-2",
    "ZVH-2026-D-0007/verzoek-deelnemer-gemeente-rivierstad",
    "ZVH-2026-D-0007/verzoek-deelnemer-ggz",
    "ZVH-2026-D-0009/aanvulling-ap",
    "ZVH-2026-D-0009/melding-ap",
    "ZVH-2026-D-0009/publieke-mededeling",
    "ZVH-2026-D-0009/verzoek-deelnemer-gemeente-rivierstad",
    "ZVH-2026-D-0010/melding-ap",
    "ZVH-2026-D-0010/melding-betrokkene-1",
    "ZVH-2026-D-0010/melding-betrokkene-2",
    "ZVH-2026-D-0010/verzoek-deelnemer-gemeente-rivierstad",
    "ZVH-2026-D-0010/verzoek-deelnemer-reclassering",
    "ZVH-2026-N-0101/notificatiebrief",
    "ZVH-2026-N-0102/notificatiebrief",
    "ZVH-2026-N-0103/notificatiebrief",
    "ZVH-2026-N-0104/notificatiebrief",
    "ZVH-2026-N-0104/aanvullende-notificatiebrief-ggz",
    "ZVH-2026-B-0003/beslissing-op-bezwaar",
    "ZVH-2026-B-0003/herstelverzuim",
    "ZVH-2026-B-0003/ontvangstbevestiging",
    "ZVH-2026-B-0003/uitnodiging-hoorzitting",
    "ZVH-2026-B-0004/beslissing-op-bezwaar",
    "ZVH-2026-B-0004/ontvangstbevestiging",
    "ZVH-2026-B-0004/vraag-termijnoverschrijding",
    "ZVH-2026-VR-0001/aanbiedingsbrief",
    "privacyverklaring",
    "datalekregister-2026-10",
    "datalekregister-2026-11",
];

#[test]
fn example_letters_match_their_golden_text() {
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
    let mut found: Vec<String> = Vec::new();
    for entry in walkdir::WalkDir::new(out.path()).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "pdf") {
            let rel = entry
                .path()
                .strip_prefix(out.path())
                .unwrap()
                .with_extension("");
            found.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    found.sort();
    let mut expected = EXPECTED.to_vec();
    expected.sort();
    assert_eq!(found, expected);
    // The website version of the privacyverklaring.
    let html = std::fs::read_to_string(out.path().join("privacyverklaring.html")).unwrap();
    insta::assert_snapshot!("privacyverklaring.html", html);
    let csv = std::fs::read_to_string(out.path().join("datalekregister.csv")).unwrap();
    insta::assert_snapshot!("datalekregister.csv", csv);
    for doc in EXPECTED {
        let text = pdf_text_lines(&out.path().join(format!("{doc}.pdf")));
        insta::assert_snapshot!(doc.replace('/', "__"), text);
    }
}

#[test]
fn dry_run_lists_the_same_documents_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("brieven");
    let r = run_in(
        &repo_root(),
        &[
            "render",
            "--dry-run",
            "--output",
            target.to_str().unwrap(),
            "--vandaag",
            "2026-11-23",
        ],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let mut listed: Vec<&str> = r.stdout.lines().collect();
    listed.sort();
    let mut expected = EXPECTED.to_vec();
    expected.sort();
    assert_eq!(listed, expected);
    assert!(!target.exists(), "--dry-run wrote files");
}
