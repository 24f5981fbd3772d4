//! End to end: the binary on the example cases and on hostile input; the
//! letters read back with pdftotext.

mod common;

use common::*;

/// Every example letter holds its kenmerk, the addressee and the deadline
/// in Dutch. The deadlines are computed (Vo. 1182/71), not typed:
/// ZVH-2026-0412's month ends on Saturday 26 September and moves to Monday.
#[test]
fn examples_render_with_kenmerk_name_and_deadline() {
    let out = tempfile::tempdir().unwrap();
    let r = run_in(
        &repo_root(),
        &[
            "render",
            "--output",
            out.path().to_str().unwrap(),
            "--vandaag",
            "2026-11-23",
        ],
    );
    assert_eq!(r.status, 0, "stderr:\n{}", r.stderr);
    let expected = [
        (
            "ZVH-2026-0388",
            "De heer J. de Vries",
            "Geachte heer De Vries,",
            "28 oktober 2026",
        ),
        (
            "ZVH-2026-0412",
            "Mevrouw A.B.C. van den Heuvel-in het Veld",
            "Geachte mevrouw Van den Heuvel-in het Veld,",
            "24 september 2026",
        ),
        (
            "ZVH-2026-0427",
            "K. Yilmaz",
            "Geachte K. Yilmaz,",
            "2 december 2026",
        ),
    ];
    for (kenmerk, name, aanhef, deadline) in expected {
        let pdf = out.path().join(kenmerk).join("ontvangstbevestiging.pdf");
        let text = pdf_text(&pdf);
        assert!(text.contains(kenmerk), "{kenmerk}: {text}");
        assert!(text.contains(name), "{kenmerk}: name missing in {text}");
        assert!(text.contains(aanhef), "{kenmerk}: aanhef missing in {text}");
        assert!(
            text.contains(&format!("uiterlijk op {deadline}")),
            "{kenmerk}: deadline {deadline} missing in {text}"
        );
        assert!(text.contains("Pagina 1 van"), "{kenmerk}: page footer");
    }
    assert!(r.stdout.contains("geschreven: "), "{}", r.stdout);
}

const HOSTILE: &str = r"*Jan* _de_ #sys.exit() <x> @y $z$ \ [a](b) 1. = - {{ x }} {% if %}";

/// Case text is data, never markup: through the JSON frame (the name in the
/// address) and through Tera + Markdown (a deelnemer name in the body).
#[test]
fn hostile_text_appears_literally() {
    let repo = TestRepo::new();
    let yaml = std::fs::read_to_string(repo.path().join("avgdoc.yaml")).unwrap();
    let yaml = yaml.replace(
        "naam: Politie Eenheid Oost-Nederland",
        &format!("naam: '{}'", HOSTILE.replace('\'', "''")),
    );
    repo.write("avgdoc.yaml", &yaml);
    let case = case("T-1", "").replace(
        "  achternaam: Pietersen\n  aanspreekvorm: heer\n",
        &format!("  achternaam: '{}'\n", HOSTILE.replace('\'', "''")),
    );
    let case = case.replace("  voorletters: P.\n", "");
    repo.write("cases/t1.yaml", &case);
    let r = repo.run(&["render", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/T-1/ontvangstbevestiging.pdf"));
    let occurrences = text.matches(HOSTILE).count();
    assert_eq!(
        occurrences, 2,
        "expected the text twice (address, deelnemer list) in: {text}"
    );
    assert!(text.contains("Geachte heer, mevrouw,"), "{text}");
}

#[test]
fn same_input_gives_identical_bytes() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-2", ""));
    let a = repo.run(&["render", "--output", "out1", "--vandaag", "2026-11-05"]);
    let b = repo.run(&["render", "--output", "out2", "--vandaag", "2026-11-05"]);
    assert_eq!(a.status, 0, "{}", a.stderr);
    assert_eq!(b.status, 0, "{}", b.stderr);
    let one = std::fs::read(repo.path().join("out1/T-2/ontvangstbevestiging.pdf")).unwrap();
    let two = std::fs::read(repo.path().join("out2/T-2/ontvangstbevestiging.pdf")).unwrap();
    assert!(one == two, "PDF bytes differ between two runs");
}

#[test]
fn pdf_declares_pdfa_2a_pdfua_1_and_dutch() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-3", ""));
    let r = repo.run(&["render", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let meta = pdf_meta(&repo.path().join("output/T-3/ontvangstbevestiging.pdf"));
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    assert!(
        meta.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "{meta}"
    );
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");
    assert!(meta.contains("<rdf:li>nl-NL</rdf:li>"), "{meta}");
    let pdf = std::fs::read(repo.path().join("output/T-3/ontvangstbevestiging.pdf")).unwrap();
    let lang = b"/Lang(nl-NL)";
    assert!(
        pdf.windows(lang.len()).any(|w| w == lang),
        "catalog /Lang missing"
    );
}

/// One bad case does not stop the others; the run exits 1 and names it.
#[test]
fn render_keeps_going_past_a_bad_case() {
    let repo = TestRepo::new();
    repo.write("cases/goed.yaml", &case("T-4", ""));
    repo.write(
        "cases/fout.yaml",
        &case("T-5", "").replace("deelnemers: [politie]", "deelnemers: [ggd]"),
    );
    let r = repo.run(&["render", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        repo.path()
            .join("output/T-4/ontvangstbevestiging.pdf")
            .is_file()
    );
    assert!(!repo.path().join("output/T-5").exists());
    assert!(r.stderr.contains("DEELNEMER-01"), "{}", r.stderr);
    assert!(
        r.stderr.contains("1 zaak niet (volledig) verwerkt"),
        "{}",
        r.stderr
    );
}

/// A template override in the case repository wins over the embedded one.
#[test]
fn templates_dir_overrides_file_by_file() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-6", ""));
    repo.write(
        "templates/avg-verzoek/ontvangstbevestiging.md",
        "Eigen tekst van de juristen, kenmerk {{ brief.kenmerk }}, uiterlijk {{ verzoek.termijn_einde }}.\n",
    );
    let r = repo.run(&["render", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = pdf_text(&repo.path().join("output/T-6/ontvangstbevestiging.pdf"));
    assert!(
        text.contains("Eigen tekst van de juristen, kenmerk T-6, uiterlijk 2 december 2026."),
        "{text}"
    );
    // The embedded house style (brief.typ) is still used.
    assert!(text.contains("Pagina 1 van 1"), "{text}");
}

/// A Typst error in the house style names the template file and line.
#[test]
fn typst_errors_point_at_the_template() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-7", ""));
    repo.write(
        "templates/brief.typ",
        "#let d = json(\"/brief.json\")\n\n#d.bestaat-niet\n",
    );
    let r = repo.run(&["render", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.contains("templates/brief.typ:3:"), "{}", r.stderr);
    assert!(r.stderr.contains("TYPST-01"), "{}", r.stderr);
}

/// `@preview` packages are never downloaded.
#[test]
fn package_imports_are_refused() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-8", ""));
    repo.write(
        "templates/brief.typ",
        "#import \"@preview/cetz:0.3.0\"\nx\n",
    );
    let r = repo.run(&["render", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("avgdoc laadt geen Typst-pakketten"),
        "{}",
        r.stderr
    );
}

/// One thread or several: the same files, byte for byte, and the same report.
#[test]
fn threads_do_not_change_the_output() {
    let out = tempfile::tempdir().unwrap();
    let one = out.path().join("een");
    let two = out.path().join("twee");
    let a = run_in(
        &repo_root(),
        &[
            "render",
            "-j",
            "1",
            "--output",
            one.to_str().unwrap(),
            "--vandaag",
            "2026-11-23",
            "--datum",
            "2026-11-23",
        ],
    );
    let b = run_in(
        &repo_root(),
        &[
            "render",
            "-j",
            "3",
            "--output",
            two.to_str().unwrap(),
            "--vandaag",
            "2026-11-23",
            "--datum",
            "2026-11-23",
        ],
    );
    assert_eq!(a.status, 0, "{}", a.stderr);
    assert_eq!(b.status, 0, "{}", b.stderr);
    assert_eq!(a.stderr, b.stderr);
    let mut n = 0;
    for entry in walkdir::WalkDir::new(&one) {
        let entry = entry.unwrap();
        // The manifest records when each file was written: not compared.
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if entry.file_type().is_file() && !hidden {
            let rel = entry.path().strip_prefix(&one).unwrap();
            let x = std::fs::read(entry.path()).unwrap();
            let y = std::fs::read(two.join(rel)).unwrap();
            assert!(x == y, "{} differs", rel.display());
            n += 1;
        }
    }
    assert!(n > 30, "only {n} files");
}

/// Typst's warnings on a letter that compiles are shown, not dropped: an
/// unknown font family in the house style is a TYPST-01 warning, and the
/// letter is still written.
#[test]
fn typst_warnings_are_reported() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-7", ""));
    let style = std::fs::read_to_string(repo_root().join("templates/brief.typ")).unwrap();
    repo.write(
        "templates/brief.typ",
        &style.replacen(
            "#set text(font: \"Open Sans\"",
            "#set text(font: (\"Bestaat Niet\", \"Open Sans\")",
            1,
        ),
    );
    let r = repo.run(&["render", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("waarschuwing[TYPST-01]: T-7/ontvangstbevestiging: typst: unknown font family: bestaat niet"),
        "{}",
        r.stderr
    );
    assert!(
        repo.path()
            .join("output/T-7/ontvangstbevestiging.pdf")
            .exists()
    );
}

/// Street and number stay on one line of the window: a street line of the
/// full 40 positions (ADRESREGEL_POSITIES, with wide letters) fits the 80 mm
/// address block; a longer one uses the short street name, and without one
/// ADRES-02 warns.
#[test]
fn street_and_number_stay_on_one_address_line() {
    let repo = TestRepo::new();
    let street = |straat: &str, nummer: &str, kort: Option<&str>| {
        let kort = kort.map_or(String::new(), |k| format!("    straat_kort: {k}\n"));
        format!("    straat: {straat}\n{kort}    huisnummer: \"{nummer}\"\n")
    };
    let at_limit = "Koningin Wilhelmina-Mauritsboulevard"; // 36 + " 123" = 40
    let long = "Burgemeester van Walsum-Wetteringenstraat";
    let cases = [
        ("T-40", street(at_limit, "123", None)),
        (
            "T-KORT",
            street(long, "103 c", Some("Burg Walsum-Wetteringstr")),
        ),
        ("T-LANG", street(long, "103 c", None)),
    ];
    for (kenmerk, adres) in &cases {
        let yaml =
            case(kenmerk, "").replace("    straat: Kerkstraat\n    huisnummer: \"1\"\n", adres);
        repo.write(&format!("cases/{kenmerk}.yaml"), &yaml);
    }
    let r = repo.run(&["render", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let lines = |kenmerk: &str| {
        pdf_text_lines(
            &repo
                .path()
                .join(format!("output/{kenmerk}/ontvangstbevestiging.pdf")),
        )
    };
    let t = lines("T-40");
    assert!(t.contains(&format!("\n{at_limit} 123\n")), "{t}");
    let t = lines("T-KORT");
    assert!(t.contains("\nBurg Walsum-Wetteringstr 103 c\n"), "{t}");
    // ADRES-02 for the long street without a short name only.
    let out = format!("{}{}", r.stdout, r.stderr);
    assert_eq!(out.matches("waarschuwing[ADRES-02]").count(), 1, "{out}");
    assert!(out.contains("samen 47 posities"), "{out}");
    assert!(out.contains("cases/T-LANG.yaml"), "{out}");
}
