//! The terminal: `avgdoc help <opdracht>`, clap's errors in Dutch, colour
//! only at a terminal and never with NO_COLOR, `--quiet`, the progress bar,
//! completions and the man page.

mod common;

use std::process::Command;

use common::*;

/// Every subcommand, as `avgdoc --help` lists it.
const OPDRACHTEN: &[&str] = &[
    "init",
    "new",
    "validate",
    "render",
    "diff",
    "watch",
    "deadlines",
    "termijn",
    "rules",
    "explain",
    "help",
    "completions",
    "man",
];

/// Run the binary in `dir` with extra environment variables (and without
/// the colour variables of the environment the tests run in).
fn run_env(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_avgdoc"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run avgdoc");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A repository with one request whose deadline (2 December 2026) is near
/// on 30 November and passed on 10 December.
fn repo() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("T-1", ""));
    repo
}

#[test]
fn help_opdracht_is_the_help_of_the_opdracht() {
    let dir = repo_root();
    for name in OPDRACHTEN {
        let a = run_in(&dir, &["help", name]);
        let b = run_in(&dir, &[name, "--help"]);
        assert_eq!(a.status, 0, "{name}: {}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "avgdoc help {name}");
        assert!(a.stdout.contains("Gebruik: avgdoc"), "{name}: {}", a.stdout);
        assert!(!a.stdout.contains("Usage") && !a.stdout.contains("Print help"));
    }
    // An alias works too.
    assert_eq!(
        run_in(&dir, &["help", "termijnen"]).stdout,
        run_in(&dir, &["deadlines", "--help"]).stdout
    );
    // Without an opdracht: the overview, which lists help.
    let r = run_in(&dir, &["help"]);
    assert_eq!(r.status, 0);
    assert_eq!(r.stdout, run_in(&dir, &["--help"]).stdout);
    assert!(r.stdout.contains("  help "), "{}", r.stdout);

    let r = run_in(&dir, &["help", "rendr"]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr.lines().next(),
        Some("fout: onbekende opdracht `rendr`; bedoelde u `render`?")
    );
}

#[test]
fn jobs_zero_is_a_dutch_error() {
    let r = run_in(&repo_root(), &["render", "-j", "0"]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        "fout: ongeldige waarde voor --jobs: `0` is geen geldig aantal; geef een heel getal van 1 \
tot en met 65535\n\nGebruik `avgdoc render --help` voor de mogelijkheden.\n"
    );
    assert_eq!(r.stdout, "");
}

/// Wrong invocations of every subcommand: a Dutch message, exit code 2,
/// none of clap's English.
#[test]
fn wrong_invocations_are_answered_in_dutch() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["rendr"],
            "fout: onbekende opdracht `rendr`; bedoelde u `render`?",
        ),
        (&["-x"], "fout: onbekende optie `-x`"),
        (&["init", "a", "b"], "fout: onverwacht argument `b`"),
        (&["new"], "fout: verplicht argument ontbreekt: <SOORT>"),
        (
            &["new", "avg-verzoek", "--roo", "x"],
            "fout: onbekende optie `--roo`; bedoelde u `--root`?",
        ),
        (
            &["validate", "--format", "xml"],
            "fout: ongeldige waarde `xml` voor --format; mogelijk: `mens`, `json`, `github`, `sarif`, `gitlab`",
        ),
        (
            &["validate", "--fail-on", "soms"],
            "fout: ongeldige waarde `soms` voor --fail-on; mogelijk: `verlopen`, `waarschuwing`",
        ),
        (
            &["validate", "--vandaag", "2026-13-01"],
            "fout: ongeldige waarde voor --vandaag: `2026-13-01` is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-23",
        ),
        (
            &["render", "-j", "x"],
            "fout: ongeldige waarde voor --jobs: `x` is geen geldig aantal; geef een heel getal van 1 tot en met 65535",
        ),
        (
            &["render", "-j"],
            "fout: optie --jobs <AANTAL> verwacht een waarde",
        ),
        (
            &["render", "--root", "a", "--root", "b"],
            "fout: optie --root is meer dan eens gegeven",
        ),
        (
            &["render", "--dry-run=ja"],
            "fout: onverwachte waarde `ja` voor --dry-run",
        ),
        (&["render", "extra"], "fout: onverwacht argument `extra`"),
        (&["diff"], "fout: verplicht argument ontbreekt: <VERSIE>"),
        (
            &["diff", "main", "--format", "json"],
            "fout: ongeldige waarde `json` voor --format; mogelijk: `tekst`, `markdown`",
        ),
        (&["watch", "extra"], "fout: onverwacht argument `extra`"),
        (
            &["deadlines", "--format", "pdf"],
            "fout: ongeldige waarde `pdf` voor --format; mogelijk: `tabel`, `json`, `markdown`, `ics`",
        ),
        (
            &[
                "deadlines",
                "--today",
                "2026-01-01",
                "--vandaag",
                "2026-01-01",
            ],
            "fout: optie --today kan niet samen met --vandaag",
        ),
        (
            &["termijn", "avg-verzoek"],
            "fout: verplicht argument ontbreekt: <VANAF>",
        ),
        (
            &["termijn", "--list", "--format", "x"],
            "fout: ongeldige waarde `x` voor --format; mogelijk: `tekst`, `json`",
        ),
        (&["rules", "x"], "fout: onverwacht argument `x`"),
        (&["explain"], "fout: verplicht argument ontbreekt: <CODE>"),
        (&["help", "a", "b"], "fout: onverwacht argument `b`"),
        (
            &["completions"],
            "fout: verplicht argument ontbreekt: <SHELL>",
        ),
        (
            &["completions", "tcsh"],
            "fout: ongeldige waarde `tcsh` voor <SHELL>; mogelijk: `bash`, `elvish`, `fish`, `powershell`, `zsh`",
        ),
        (&["man", "x"], "fout: onbekende opdracht `x`"),
    ];
    let english = [
        "error:",
        "Usage",
        "invalid",
        " is not ",
        "unexpected",
        "required",
        "wasn't",
        "For more",
        "tip:",
        "found",
        "possible values",
        "expected",
    ];
    for (args, first) in cases {
        let r = run_in(&repo_root(), args);
        assert_eq!(r.status, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.lines().next(), Some(*first), "{args:?}");
        for word in english {
            assert!(
                !r.stderr.contains(word),
                "{args:?}: {word:?} in {}",
                r.stderr
            );
        }
    }
}

#[test]
fn no_escape_codes_outside_a_terminal_or_with_no_color() {
    let repo = repo();
    let dir = repo.path();
    // Not a terminal (a pipe): no colour.
    let d = run_env(dir, &["deadlines", "--today", "2026-12-10"], &[]);
    let v = run_env(dir, &["validate", "--vandaag", "2026-12-10"], &[]);
    assert!(d.stdout.contains("T-1"), "{}", d.stdout);
    assert!(v.stderr.contains("fout[AVG-TERMIJN-01]"), "{}", v.stderr);
    for text in [&d.stdout, &d.stderr, &v.stdout, &v.stderr] {
        assert!(!text.contains('\x1b'), "{text}");
    }
    // Colour forced (as at a terminal): the passed deadline's row and the
    // error are red.
    let forced = [("CLICOLOR_FORCE", "1")];
    let d = run_env(dir, &["deadlines", "--today", "2026-12-10"], &forced);
    let row = d.stdout.lines().find(|l| l.contains("T-1")).unwrap();
    assert!(row.contains("\x1b[") && row.contains("31m"), "{row:?}");
    let header = d.stdout.lines().find(|l| l.starts_with("Kenmerk")).unwrap();
    assert!(!header.contains('\x1b'));
    let v = run_env(dir, &["validate", "--vandaag", "2026-12-10"], &forced);
    assert!(v.stderr.contains("31m"), "{:?}", v.stderr);
    assert!(v.stderr.contains("fout[AVG-TERMIJN-01]"), "{:?}", v.stderr);
    // NO_COLOR wins over everything.
    let off = [("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")];
    let d = run_env(dir, &["deadlines", "--today", "2026-12-10"], &off);
    let v = run_env(dir, &["validate", "--vandaag", "2026-12-10"], &off);
    assert!(!d.stdout.contains('\x1b') && !v.stderr.contains('\x1b'));
}

#[test]
fn quiet_shows_only_what_failed() {
    let repo = repo();
    let args = ["render", "--datum", "2026-11-30", "--vandaag"];
    // A near deadline (a warning), exit 0: nothing at all.
    let loud = repo.run(&[&args[..], &["2026-11-30"]].concat());
    assert!(
        loud.stdout
            .contains("geschreven: output/T-1/ontvangstbevestiging.pdf")
    );
    assert!(loud.stderr.contains("waarschuwing[AVG-TERMIJN-01]"));
    let r = repo.run(&[&args[..], &["2026-11-30", "--quiet"]].concat());
    assert_eq!(
        (r.status, r.stdout.as_str(), r.stderr.as_str()),
        (0, "", "")
    );
    assert!(
        repo.path()
            .join("output/T-1/ontvangstbevestiging.pdf")
            .exists()
    );
    let r = repo.run(&["validate", "-q", "--vandaag", "2026-11-30"]);
    assert_eq!(
        (r.status, r.stdout.as_str(), r.stderr.as_str()),
        (0, "", "")
    );

    // A passed deadline that fails the run: the error and the summary.
    let r = repo.run(&[&args[..], &["2026-12-10", "-q", "--fail-on", "verlopen"]].concat());
    assert_eq!(r.status, 1);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .starts_with("fout[AVG-TERMIJN-01]: de termijn is verlopen op 2 december 2026"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("waarschuwing["));
    assert!(
        r.stderr.trim_end().contains(" documenten gemaakt ("),
        "{}",
        r.stderr
    );
    // Machine formats keep every diagnostic: they are the output.
    let r = repo.run(&[
        "validate",
        "-q",
        "--vandaag",
        "2026-11-30",
        "--format",
        "json",
    ]);
    assert_eq!(r.status, 0);
    assert!(
        r.stdout.contains("\"severity\": \"waarschuwing\""),
        "{}",
        r.stdout
    );
    assert_eq!(r.stderr, "");
}

/// The progress bar is drawn at a terminal (`script` gives the run one)
/// and never in a pipe.
#[test]
fn progress_bar_only_at_a_terminal() {
    let repo = repo();
    let bin = env!("CARGO_BIN_EXE_avgdoc");
    let out = Command::new("script")
        .args([
            "-qec",
            &format!("{bin} render --vandaag 2026-11-30"),
            "/dev/null",
        ])
        .current_dir(repo.path())
        .env_remove("CI")
        .output()
        .expect("script (util-linux) is needed for this test");
    let text = String::from_utf8_lossy(&out.stdout);
    // Two letters and the privacyverklaring.
    assert!(text.contains("3/3 documenten gemaakt"), "{text}");
    let r = run_env(
        repo.path(),
        &["render", "--vandaag", "2026-11-30", "--force"],
        &[],
    );
    assert!(!r.stderr.contains("/3 documenten"), "{}", r.stderr);
    assert!(!r.stdout.contains("/3 documenten"), "{}", r.stdout);
}

#[test]
fn completions_for_every_shell() {
    let dir = repo_root();
    let bash = run_in(&dir, &["completions", "bash"]);
    assert_eq!(bash.status, 0, "{}", bash.stderr);
    assert!(
        bash.stdout.contains("complete -F _avgdoc"),
        "{}",
        bash.stdout
    );
    for name in OPDRACHTEN {
        assert!(bash.stdout.contains(name), "{name}");
    }
    assert!(bash.stdout.contains("--fail-on"));
    let zsh = run_in(&dir, &["completions", "zsh"]);
    assert!(zsh.stdout.starts_with("#compdef avgdoc"), "{}", zsh.stdout);
    assert!(
        zsh.stdout
            .contains("Toon de eerstvolgende termijn van elke open zaak")
    );
    let fish = run_in(&dir, &["completions", "fish"]);
    assert!(
        fish.stdout.contains("complete -c avgdoc"),
        "{}",
        fish.stdout
    );
    for shell in ["elvish", "powershell"] {
        let r = run_in(&dir, &["completions", shell]);
        assert_eq!(r.status, 0);
        assert!(r.stdout.contains("avgdoc"));
    }
}

#[test]
fn man_page_in_dutch() {
    let dir = repo_root();
    let r = run_in(&dir, &["man"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let page = &r.stdout;
    assert!(page.contains(".TH avgdoc 1"), "{page}");
    let sections: Vec<&str> = page.lines().filter(|l| l.starts_with(".SH ")).collect();
    assert_eq!(
        sections,
        [
            ".SH NAAM",
            ".SH OVERZICHT",
            ".SH BESCHRIJVING",
            ".SH OPTIES",
            ".SH OPDRACHTEN",
            ".SH TOELICHTING",
            ".SH VERSIE"
        ]
    );
    assert!(page.contains("avgdoc\\-render(1)"));
    assert!(page.contains("Toon deze hulptekst"));

    let r = run_in(&dir, &["man", "render"]);
    assert_eq!(r.status, 0);
    assert!(r.stdout.contains(".TH avgdoc-render 1"), "{}", r.stdout);
    assert!(r.stdout.contains("\\fB\\-\\-quiet\\fR"));
    assert!(!r.stdout.contains("Print"), "{}", r.stdout);
    // Every page the overview points at exists.
    for name in OPDRACHTEN {
        let r = run_in(&dir, &["man", name]);
        assert_eq!(r.status, 0, "{name}");
        assert!(r.stdout.contains(&format!(".TH avgdoc-{name} 1")));
        assert!(!r.stdout.contains(".SH NAME") && !r.stdout.contains("Print help"));
    }
}
