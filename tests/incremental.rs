//! Incremental renders (issue #13): each document records what it was made
//! from in the output folder's manifest; `render` makes only what changed,
//! reports and prunes stale documents, writes a text rendition beside each
//! PDF, and splits the work into shards that add up to a full run.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Run, TestRepo, case};

const DATE: &[&str] = &["--vandaag", "2026-11-05", "--datum", "2026-11-05"];

fn render(repo: &TestRepo, extra: &[&str]) -> Run {
    let mut args = vec!["render"];
    args.extend_from_slice(DATE);
    args.extend_from_slice(extra);
    let r = repo.run(&args);
    assert_eq!(r.status, 0, "{}", r.stderr);
    r
}

/// The documents a run wrote, as `kenmerk/document` (PDFs only).
fn written(r: &Run) -> Vec<String> {
    let mut v: Vec<String> = r
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("geschreven: "))
        .filter(|p| p.ends_with(".pdf"))
        .map(|p| {
            let p = p.split("output/").nth(1).unwrap_or(p);
            p.trim_end_matches(".pdf").to_string()
        })
        .collect();
    v.sort();
    v
}

fn summary(r: &Run) -> &str {
    r.stderr.lines().last().unwrap()
}

/// Two cases, each with an ontvangstbevestiging (recorded as sent) and
/// the verzoek aan de politie (dated by the run).
fn two_cases() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("INC-A", ""));
    repo.write("cases/b.yaml", &case("INC-B", ""));
    repo
}

fn all_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_second_run_with_nothing_changed_writes_nothing() {
    let repo = two_cases();
    let first = render(&repo, &[]);
    let docs = written(&first);
    assert!(
        docs.contains(&"INC-A/ontvangstbevestiging".to_string()),
        "{docs:?}"
    );
    let n = docs.len();
    assert!(
        summary(&first).contains(&format!("{n} documenten gemaakt")),
        "{}",
        summary(&first)
    );
    let before = all_files(&repo.path().join("output"));

    let second = render(&repo, &[]);
    assert_eq!(written(&second), Vec::<String>::new(), "{}", second.stdout);
    assert!(
        summary(&second).ends_with(&format!(
            "0 documenten gemaakt (0 bestanden), {n} ongewijzigd"
        )),
        "{}",
        summary(&second)
    );
    assert_eq!(before, all_files(&repo.path().join("output")));

    // --force makes every document again, byte for byte the same.
    let forced = render(&repo, &["--force"]);
    assert_eq!(written(&forced), docs);
    assert_eq!(before, all_files(&repo.path().join("output")));
}

#[test]
fn a_template_change_renders_exactly_the_documents_that_use_it() {
    let repo = two_cases();
    render(&repo, &[]);
    // An override of the ontvangstbevestiging that includes a partial of
    // its own: changing the partial touches the same documents.
    let builtin = avgdoc::templates::DEFAULTS
        .iter()
        .find(|(n, _)| *n == "avg-verzoek/ontvangstbevestiging.md")
        .map(|(_, b)| String::from_utf8(b.to_vec()).unwrap())
        .unwrap();
    repo.write(
        "templates/avg-verzoek/ontvangstbevestiging.md",
        &format!("{builtin}\n{{% include \"eigen/slot.md\" %}}\n"),
    );
    repo.write("templates/eigen/slot.md", "Eerste versie van het slot.\n");
    let r = render(&repo, &[]);
    assert_eq!(
        written(&r),
        ["INC-A/ontvangstbevestiging", "INC-B/ontvangstbevestiging"]
    );
    let txt = repo.path().join("output/INC-A/ontvangstbevestiging.txt");
    assert!(
        std::fs::read_to_string(&txt)
            .unwrap()
            .contains("Eerste versie van het slot.")
    );

    repo.write("templates/eigen/slot.md", "Tweede versie van het slot.\n");
    let r = render(&repo, &[]);
    assert_eq!(
        written(&r),
        ["INC-A/ontvangstbevestiging", "INC-B/ontvangstbevestiging"]
    );
    assert!(
        std::fs::read_to_string(&txt)
            .unwrap()
            .contains("Tweede versie van het slot.")
    );

    // The house style is read by every document.
    let brief = avgdoc::templates::DEFAULTS
        .iter()
        .find(|(n, _)| *n == "brief.typ")
        .map(|(_, b)| String::from_utf8(b.to_vec()).unwrap())
        .unwrap();
    repo.write(
        "templates/brief.typ",
        &format!("{brief}\n// een opmerking\n"),
    );
    let r = render(&repo, &[]);
    assert!(summary(&r).ends_with(", 0 ongewijzigd"), "{}", summary(&r));
}

#[test]
fn a_case_change_renders_that_case_and_the_config_renders_all() {
    let repo = two_cases();
    let first = render(&repo, &[]);
    let all = written(&first);
    repo.write(
        "cases/a.yaml",
        &case("INC-A", "").replace("Inzage.", "Inzage en correctie."),
    );
    let r = render(&repo, &[]);
    let a: Vec<String> = all
        .iter()
        .filter(|d| d.starts_with("INC-A/"))
        .cloned()
        .collect();
    assert_eq!(written(&r), a);

    let config = std::fs::read_to_string(repo.path().join("avgdoc.yaml")).unwrap();
    repo.write(
        "avgdoc.yaml",
        &config.replace("0344 123 456", "0344 654 321"),
    );
    let r = render(&repo, &[]);
    assert_eq!(written(&r), all);
    let txt =
        std::fs::read_to_string(repo.path().join("output/INC-B/ontvangstbevestiging.txt")).unwrap();
    assert!(txt.contains("0344 654 321"), "{txt}");
}

#[test]
fn another_letter_date_renders_only_the_letters_it_dates() {
    let repo = two_cases();
    // B's ontvangstbevestiging is not yet recorded as sent: the run dates it.
    repo.write(
        "cases/b.yaml",
        &case("INC-B", "").replace("verzonden:\n  ontvangstbevestiging: 2026-11-04\n", ""),
    );
    render(&repo, &[]);
    let r = repo.run(&["render", "--vandaag", "2026-11-05", "--datum", "2026-11-06"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    // A's letters carry the recorded date; B's are dated by the run.
    assert_eq!(
        written(&r),
        [
            "INC-B/ontvangstbevestiging",
            "INC-B/verzoek-deelnemer-politie"
        ]
    );
    let txt =
        std::fs::read_to_string(repo.path().join("output/INC-B/ontvangstbevestiging.txt")).unwrap();
    assert!(txt.contains("Datum 6 november 2026"), "{txt}");
}

#[test]
fn a_missing_or_damaged_file_is_made_again() {
    let repo = two_cases();
    render(&repo, &[]);
    let out = repo.path().join("output");
    std::fs::remove_file(out.join("INC-A/ontvangstbevestiging.pdf")).unwrap();
    std::fs::write(out.join("INC-B/ontvangstbevestiging.txt"), "kapot").unwrap();
    let r = render(&repo, &[]);
    assert_eq!(
        written(&r),
        ["INC-A/ontvangstbevestiging", "INC-B/ontvangstbevestiging"]
    );
}

#[test]
fn a_corrupt_or_foreign_manifest_renders_everything() {
    let repo = two_cases();
    let first = render(&repo, &[]);
    let all = written(&first);
    let manifest = repo.path().join("output/.avgdoc-manifest.json");
    assert!(manifest.is_file());
    std::fs::write(
        &manifest,
        "{\"format\": \"avgdoc-manifest/2\", \"documents\": [",
    )
    .unwrap();
    let r = render(&repo, &[]);
    assert_eq!(written(&r), all);
    assert!(
        r.stderr.contains(
            "let op: .avgdoc-manifest.json in de uitvoermap is onleesbaar: alle documenten worden opnieuw gemaakt"
        ),
        "{}",
        r.stderr
    );
    // The run wrote a good manifest again.
    assert_eq!(written(&render(&repo, &[])), Vec::<String>::new());

    std::fs::write(
        &manifest,
        "{\"format\": \"avgdoc-manifest/99\", \"documents\": {}}",
    )
    .unwrap();
    let r = render(&repo, &[]);
    assert_eq!(written(&r), all);
    assert!(
        r.stderr.contains("komt van een andere versie van avgdoc"),
        "{}",
        r.stderr
    );
}

#[test]
fn stale_documents_are_reported_and_pruned_on_request() {
    let repo = two_cases();
    render(&repo, &[]);
    std::fs::remove_file(repo.path().join("cases/b.yaml")).unwrap();
    let r = render(&repo, &[]);
    let stale: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("verouderd: "))
        .collect();
    assert!(
        stale.contains(
            &"verouderd: output/INC-B/ontvangstbevestiging.pdf (geen zaak maakt dit nog; `avgdoc render --prune` verwijdert het)"
        ),
        "{}",
        r.stdout
    );
    assert!(
        repo.path()
            .join("output/INC-B/ontvangstbevestiging.pdf")
            .is_file()
    );

    let r = render(&repo, &["--prune"]);
    let removed: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("verwijderd: "))
        .collect();
    assert!(
        removed.contains(&"verwijderd: output/INC-B/ontvangstbevestiging.pdf"),
        "{}",
        r.stdout
    );
    assert!(
        removed.contains(&"verwijderd: output/INC-B/ontvangstbevestiging.txt"),
        "{}",
        r.stdout
    );
    assert_eq!(removed.len(), stale.len());
    assert!(
        !repo.path().join("output/INC-B").exists(),
        "the empty folder goes too"
    );
    assert!(
        repo.path()
            .join("output/INC-A/ontvangstbevestiging.pdf")
            .is_file()
    );

    // A case with an error keeps its letters; a case file that cannot be
    // read stops the prune altogether.
    repo.write(
        "cases/a.yaml",
        &case("INC-A", "").replace("rechten: [inzage]", "rechten: []"),
    );
    let r = repo.run(&["render", "--prune", "--vandaag", "2026-11-05"]);
    assert!(!r.stdout.contains("verwijderd: "), "{}", r.stdout);
    assert!(
        repo.path()
            .join("output/INC-A/ontvangstbevestiging.pdf")
            .is_file()
    );
    repo.write("cases/a.yaml", &case("INC-A", ""));
    repo.write("cases/kapot.yaml", "soort: [");
    std::fs::write(repo.path().join("output/oud.pdf"), "x").unwrap();
    let r = repo.run(&["render", "--prune", "--vandaag", "2026-11-05"]);
    assert!(repo.path().join("output/oud.pdf").is_file());
    assert!(
        r.stderr
            .contains("let op: niet opgeruimd: niet elke zaak kon worden gelezen"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_text_rendition_is_the_letter_in_reading_order() {
    let repo = two_cases();
    render(&repo, &[]);
    let txt =
        std::fs::read_to_string(repo.path().join("output/INC-A/ontvangstbevestiging.txt")).unwrap();
    let lines: Vec<&str> = txt.lines().collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in\n{txt}"))
    };
    // Address block, then the reference block, the salutation, the body and
    // the signature, in that order.
    let order = [
        at("Retouradres"),
        at("De heer P. Pietersen"),
        at("4001 AA  RIVIERSTAD"),
        at("Ons kenmerk INC-A"),
        at("Geachte heer Pietersen,"),
        at("Met vriendelijke groet,"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{txt}");
    assert!(txt.ends_with('\n') && !txt.contains(" \n"));
}

#[test]
fn shards_add_up_to_one_full_run() {
    let repo = TestRepo::new();
    for i in 0..6 {
        repo.write(&format!("cases/s{i}.yaml"), &case(&format!("SH-{i}"), ""));
    }
    let full = repo.path().join("vol");
    render(&repo, &["--output", full.to_str().unwrap()]);
    let expected = all_files(&full);
    let mut union = BTreeMap::new();
    for k in 1..=3 {
        let out = repo.path().join(format!("deel{k}"));
        let shard = format!("{k}/3");
        let r = render(
            &repo,
            &["--shard", &shard, "--output", out.to_str().unwrap()],
        );
        assert!(
            out.join(format!(".avgdoc-manifest-{k}-van-3.json"))
                .is_file(),
            "{}",
            r.stderr
        );
        for (p, bytes) in all_files(&out) {
            assert!(
                union.insert(p.clone(), bytes).is_none(),
                "{} in two shards",
                p.display()
            );
        }
        // The organisation-wide documents are the first shard's.
        assert_eq!(out.join("privacyverklaring.pdf").is_file(), k == 1);
    }
    assert_eq!(union, expected);
}

#[test]
fn a_wrong_shard_is_refused_in_dutch() {
    let repo = two_cases();
    for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
        let r = repo.run(&["render", "--shard", bad]);
        assert_eq!(r.status, 2);
        assert!(
            r.stderr
                .contains(&format!("`{bad}` is geen deel; schrijf K/N met 1 ≤ K ≤ N")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn validate_typesets_only_what_changed_since_the_last_render() {
    let repo = two_cases();
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        summary(&r).contains("documenten proefgezet, 0 ongewijzigd"),
        "{}",
        summary(&r)
    );
    render(&repo, &[]);
    let r = repo.run(&[
        "validate",
        "--vandaag",
        "2026-11-05",
        "--datum",
        "2026-11-05",
    ]);
    let _ = r;
    let r = repo.run(&["validate", "--vandaag", "2026-11-05"]);
    assert!(
        summary(&r).contains(" 0 documenten proefgezet"),
        "{}",
        summary(&r)
    );
    let r = repo.run(&["validate", "--vandaag", "2026-11-05", "--force"]);
    assert!(
        summary(&r).contains(", 0 ongewijzigd sinds de laatste render"),
        "{}",
        summary(&r)
    );
}

#[test]
fn a_change_to_a_breachs_csv_file_renders_that_breachs_letters() {
    let repo = two_cases();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases/2026");
    let yaml = std::fs::read_to_string(examples.join("ZVH-2026-D-0010.yaml")).unwrap();
    let csv = std::fs::read_to_string(examples.join("ZVH-2026-D-0010-betrokkenen.csv")).unwrap();
    repo.write("cases/ZVH-2026-D-0010.yaml", &yaml);
    repo.write("cases/ZVH-2026-D-0010-betrokkenen.csv", &csv);
    // The example breach's measures date from November 2026.
    let render = |repo: &TestRepo| {
        let r = repo.run(&["render", "--vandaag", "2026-11-26", "--datum", "2026-11-26"]);
        assert_eq!(r.status, 0, "{}", r.stderr);
        r
    };
    let first = render(&repo);
    let breach: Vec<String> = written(&first)
        .into_iter()
        .filter(|d| d.starts_with("ZVH-2026-D-0010/"))
        .collect();
    assert!(breach.len() >= 2, "{:?}", written(&first));

    repo.write(
        "cases/ZVH-2026-D-0010-betrokkenen.csv",
        &csv.replace("Bakker", "Bakkers"),
    );
    let r = render(&repo);
    let again = written(&r);
    assert!(
        again
            .iter()
            .all(|d| d.starts_with("ZVH-2026-D-0010/") || d.starts_with("datalekregister")),
        "{again:?}"
    );
    assert!(
        again.iter().any(|d| d.starts_with("ZVH-2026-D-0010/")),
        "{again:?}"
    );
    let letters: String = walkdir::WalkDir::new(repo.path().join("output/ZVH-2026-D-0010"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(
        letters.contains("Bakkers"),
        "the letters name the person as the CSV now does"
    );
}
