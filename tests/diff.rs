//! `avgdoc diff <versie>` (issue #13): the letters of a git revision
//! against the working tree, in a temporary git repository.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Run, TestRepo, case, run_in};

const DATE: &[&str] = &["--vandaag", "2026-11-05", "--datum", "2026-11-05"];

const OLD_LINE: &str = "Met deze brief bevestigen wij dat wij uw verzoek hebben ontvangen.";
const NEW_LINE: &str = "Met deze brief bevestigen wij graag dat wij uw verzoek hebben ontvangen.";

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git is needed for these tests");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A git repository holding `repo` (at `dir`), everything committed.
fn commit_all(dir: &Path) {
    if !dir.join(".git").exists() {
        git(dir, &["init", "-q", "-b", "main"]);
        git(dir, &["config", "user.name", "Test"]);
        git(dir, &["config", "user.email", "test@example.nl"]);
        git(dir, &["config", "commit.gpgsign", "false"]);
    }
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "versie"]);
}

fn diff(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    all.extend_from_slice(DATE);
    run_in(dir, &all)
}

/// The documents `render` would make, as `kenmerk/document`.
fn planned(dir: &Path, root: &str) -> Vec<String> {
    let mut args = vec!["render", "--dry-run", "--root", root];
    args.extend_from_slice(DATE);
    let r = run_in(dir, &args);
    assert_eq!(r.status, 0, "{}", r.stderr);
    r.stdout.lines().map(String::from).collect()
}

/// The built-in ontvangstbevestiging with one sentence changed.
fn changed_template() -> String {
    let builtin = avgdoc::templates::DEFAULTS
        .iter()
        .find(|(n, _)| *n == "avg-verzoek/ontvangstbevestiging.md")
        .map(|(_, b)| String::from_utf8(b.to_vec()).unwrap())
        .unwrap();
    assert!(builtin.contains(OLD_LINE));
    builtin.replace(OLD_LINE, NEW_LINE)
}

/// The lines that start a document's entry: `gewijzigd: …`, `nieuw: …`,
/// `vervallen: …`.
fn statuses(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| {
            l.starts_with("gewijzigd: ") || l.starts_with("nieuw: ") || l.starts_with("vervallen: ")
        })
        .collect()
}

/// The removed and added lines of the diffs (not the file headers).
fn edits(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| {
            (l.starts_with('-') && !l.starts_with("---"))
                || (l.starts_with('+') && !l.starts_with("+++"))
        })
        .collect()
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

/// Two requests, INC-A and INC-B, committed; each yields an
/// ontvangstbevestiging and a verzoek aan de politie.
fn two_cases() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("INC-A", ""));
    repo.write("cases/b.yaml", &case("INC-B", ""));
    commit_all(repo.path());
    repo
}

#[test]
fn a_template_change_lists_exactly_the_documents_that_use_it_with_the_changed_line() {
    let repo = two_cases();
    let all = planned(repo.path(), ".");
    let status_before = git(repo.path(), &["status", "--porcelain"]);

    // Nothing changed: exit 0, nothing on stdout, nothing typeset.
    let r = diff(repo.path(), &["HEAD"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        format!(
            "geen verschillen tussen HEAD en de werkmap ({} ongewijzigd, 0 documenten proefgezet)\n",
            all.len()
        )
    );

    repo.write(
        "templates/avg-verzoek/ontvangstbevestiging.md",
        &changed_template(),
    );
    let status_before = status_before + "?? templates/avg-verzoek/\n";
    let r = diff(repo.path(), &["HEAD"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        statuses(&r.stdout),
        [
            "gewijzigd: INC-A/ontvangstbevestiging",
            "gewijzigd: INC-B/ontvangstbevestiging"
        ]
    );
    assert!(
        r.stdout.contains(
            "gewijzigd: INC-A/ontvangstbevestiging\n\
             --- HEAD:INC-A/ontvangstbevestiging.txt\n\
             +++ werkmap:INC-A/ontvangstbevestiging.txt\n@@ -"
        ),
        "{}",
        r.stdout
    );
    let old = format!("-{OLD_LINE}");
    let new = format!("+{NEW_LINE}");
    assert_eq!(edits(&r.stdout), [&old, &new, &old, &new]);
    // Only the two documents whose inputs differ were typeset, on each side.
    assert_eq!(
        r.stderr,
        format!(
            "HEAD → werkmap: 2 gewijzigd, 0 nieuw, 0 vervallen, {} ongewijzigd (4 documenten proefgezet)\n",
            all.len() - 2
        )
    );
    // The diff is the one between the `.txt` renditions of `render`.
    let mut render = vec!["render", "--output", "nu"];
    render.extend_from_slice(DATE);
    assert_eq!(repo.run(&render).status, 0);
    let txt =
        std::fs::read_to_string(repo.path().join("nu/INC-A/ontvangstbevestiging.txt")).unwrap();
    let context: Vec<&str> = r
        .stdout
        .split("gewijzigd: INC-B")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix(' '))
        .collect();
    assert!(context.len() >= 3, "{}", r.stdout);
    for line in context {
        assert!(txt.lines().any(|t| t == line), "{line:?} not in\n{txt}");
    }
    std::fs::remove_dir_all(repo.path().join("nu")).unwrap();

    // Nothing was checked out, staged or written; no worktree was added.
    assert_eq!(git(repo.path(), &["status", "--porcelain"]), status_before);
    assert_eq!(git(repo.path(), &["worktree", "list"]).lines().count(), 1);
    assert!(!repo.path().join("output").exists());

    // Committed, the change is in HEAD: compared with the commit before.
    commit_all(repo.path());
    let r = diff(repo.path(), &["HEAD~1"]);
    assert_eq!(r.status, 1);
    assert_eq!(
        statuses(&r.stdout),
        [
            "gewijzigd: INC-A/ontvangstbevestiging",
            "gewijzigd: INC-B/ontvangstbevestiging"
        ]
    );
    assert_eq!(diff(repo.path(), &["HEAD"]).status, 0);
}

#[test]
fn a_new_case_is_nieuw_and_a_deleted_case_vervallen_without_typesetting() {
    let repo = two_cases();
    let b: Vec<String> = planned(repo.path(), ".")
        .into_iter()
        .filter(|d| d.starts_with("INC-B/"))
        .collect();
    assert!(b.len() >= 2, "{b:?}");
    std::fs::remove_file(repo.path().join("cases/b.yaml")).unwrap();
    repo.write("cases/c.yaml", &case("INC-C", ""));
    let c: Vec<String> = planned(repo.path(), ".")
        .into_iter()
        .filter(|d| d.starts_with("INC-C/"))
        .collect();
    assert_eq!(c.len(), b.len());

    let r = diff(repo.path(), &["HEAD"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let mut expected: Vec<String> = b.iter().map(|d| format!("vervallen: {d}")).collect();
    expected.extend(c.iter().map(|d| format!("nieuw: {d}")));
    assert_eq!(statuses(&r.stdout), expected);
    // A list, no text: nothing typeset.
    assert_eq!(statuses(&r.stdout).len(), r.stdout.lines().count());
    assert!(
        last_line(&r.stderr).ends_with("(0 documenten proefgezet)"),
        "{}",
        r.stderr
    );
    assert!(
        last_line(&r.stderr).starts_with(&format!(
            "HEAD → werkmap: 0 gewijzigd, {} nieuw, {} vervallen, ",
            c.len(),
            b.len()
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn markdown_for_a_pull_request_hides_the_case_values() {
    let repo = two_cases();
    repo.write(
        "templates/avg-verzoek/ontvangstbevestiging.md",
        &changed_template(),
    );
    std::fs::remove_file(repo.path().join("cases/b.yaml")).unwrap();
    let r = diff(repo.path(), &["HEAD", "--format", "markdown"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let md = &r.stdout;
    assert!(md.starts_with("### avgdoc diff `HEAD`\n\n1 gewijzigd, 0 nieuw, "));
    assert!(md.contains("\n- vervallen: `INC-B/ontvangstbevestiging`\n"));
    assert!(md.contains(
        "\n<details>\n<summary>gewijzigd: <code>INC-A/ontvangstbevestiging</code></summary>\n\n```diff\n@@ -"
    ));
    assert!(md.contains(&format!("\n-{OLD_LINE}\n+{NEW_LINE}\n")));
    assert!(md.contains("\n```\n\n</details>\n"));
    // The text format shows the letter as it is; the comment does not.
    let text = diff(repo.path(), &["HEAD"]).stdout;
    for value in ["Pietersen", "Kerkstraat", "Rivierstad"] {
        assert!(!md.contains(value), "{value} in\n{md}");
    }
    assert!(text.contains("Pietersen"), "{text}");
    assert!(md.contains("[…]"));
    insta::assert_snapshot!("markdown", md);
}

#[test]
fn a_subfolder_root_is_read_from_its_folder_in_git() {
    let top = tempfile::tempdir().unwrap();
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("SUB-A", ""));
    let zaken = top.path().join("zaken");
    std::fs::rename(repo.path(), &zaken).unwrap_or_else(|_| {
        // Another file system: copy.
        for e in walkdir::WalkDir::new(repo.path()) {
            let e = e.unwrap();
            let to = zaken.join(e.path().strip_prefix(repo.path()).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
    });
    // First a commit without the case repository, then one with it.
    std::fs::write(top.path().join("LEESMIJ.md"), "zaken\n").unwrap();
    let aside = tempfile::tempdir_in(top.path().parent().unwrap()).unwrap();
    let zaken_elders = aside.path().join("zaken");
    std::fs::rename(&zaken, &zaken_elders).unwrap();
    commit_all(top.path());
    git(top.path(), &["tag", "leeg"]);
    std::fs::rename(&zaken_elders, &zaken).unwrap();
    commit_all(top.path());
    std::fs::write(top.path().join("LEESMIJ.md"), "andere tekst\n").unwrap();
    std::fs::create_dir_all(zaken.join("templates/avg-verzoek")).unwrap();
    std::fs::write(
        zaken.join("templates/avg-verzoek/ontvangstbevestiging.md"),
        changed_template(),
    )
    .unwrap();

    let r = diff(top.path(), &["HEAD", "--root", "zaken"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(
        statuses(&r.stdout),
        ["gewijzigd: SUB-A/ontvangstbevestiging"]
    );
    // From inside the subfolder too.
    let r = diff(&zaken, &["main"]);
    assert_eq!(
        statuses(&r.stdout),
        ["gewijzigd: SUB-A/ontvangstbevestiging"]
    );
    assert!(!zaken.join("output").exists());

    // A version before the case repository existed: every document is new.
    let all = planned(top.path(), "zaken");
    let r = diff(top.path(), &["leeg", "--root", "zaken"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let nieuw: Vec<String> = all.iter().map(|d| format!("nieuw: {d}")).collect();
    assert_eq!(statuses(&r.stdout), nieuw);
    assert_eq!(
        r.stderr.lines().next(),
        Some("let op: leeg heeft nog geen avgdoc.yaml: elk document is nieuw")
    );
}

#[test]
fn wrong_revisions_and_folders_are_exit_code_2_in_dutch() {
    let repo = two_cases();
    let r = diff(repo.path(), &["bestaat-niet"]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        "fout: onbekende git-versie `bestaat-niet`: geen tak, tag of commit in deze repository\n"
    );
    assert_eq!(r.stdout, "");

    let plain = TestRepo::new();
    let r = diff(plain.path(), &["HEAD"]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        "fout: de huidige map ligt niet in een git-repository; `avgdoc diff` vergelijkt met een versie uit git\n"
    );

    let r = diff(repo.path(), &["HEAD", "--root", "elders"]);
    assert_eq!(r.status, 2);
    assert_eq!(r.stderr, "fout: de map elders bestaat niet\n");

    let r = run_in(repo.path(), &["diff"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr
            .starts_with("fout: verplicht argument ontbreekt: <VERSIE>"),
        "{}",
        r.stderr
    );
}
