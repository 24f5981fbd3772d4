//! An exception with `modus: niet-bevestigen` (art. 41 UAVG) leaves no trace:
//! the besluit reads word for word as the besluit for a person about whom that
//! deelnemer holds nothing.

mod common;

use common::{TestRepo, pdf_text};

/// The example case ZVH-2026-0452 with another kenmerk and the given
/// beslissing, without its later aanvullend besluit.
fn case(kenmerk: &str, beslissing: &str) -> String {
    let text = std::fs::read_to_string(common::repo_root().join("cases/2026/ZVH-2026-0452.yaml"))
        .unwrap()
        .replace("ZVH-2026-0452", kenmerk);
    let text = &text[..text.find("aanvullend_besluit:").unwrap()];
    let start = text.find("    - recht: inzage").unwrap();
    let end = text.find("\n  gegevens:").unwrap() + 1;
    format!("{}{}{}", &text[..start], beslissing, &text[end..])
}

#[test]
fn a_withheld_investigation_reads_as_no_investigation() {
    let repo = TestRepo::new();
    repo.write(
        "cases/verborgen.yaml",
        &case(
            "T-VERBORGEN",
            "    - recht: inzage
      uitkomst: gedeeltelijk
      uitzonderingen:
        - deelnemer: politie
          modus: niet-bevestigen
          grond: artikel 41, eerste lid, onder d, UAVG
          gegevens: informatie uit een lopend onderzoek
          motivering: Al het noemen van het onderzoek kan het onderzoek schaden.
",
        ),
    );
    repo.write(
        "cases/niets.yaml",
        &case(
            "T-NIETS",
            "    - recht: inzage
      uitkomst: toegewezen
",
        ),
    );
    let r = repo.run(&["render", "--vandaag", "2026-11-23", "--datum", "2026-11-23"]);
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    let out = repo.path().join("output");
    let verborgen = pdf_text(&out.join("T-VERBORGEN/besluit.pdf")).replace("T-VERBORGEN", "K");
    let niets = pdf_text(&out.join("T-NIETS/besluit.pdf")).replace("T-NIETS", "K");
    assert_eq!(verborgen, niets);
    for leak in [
        "olitie",
        "onderzoek schaden",
        "lopend onderzoek",
        "onder d",
        "Een deel geven wij niet",
        "een deel van wat u vraagt",
    ] {
        assert!(!verborgen.contains(leak), "the besluit shows {leak:?}");
    }
    // The fixed, neutral sentence is in both.
    assert!(verborgen.contains("Deze zin staat in elk besluit over inzage."));
}
