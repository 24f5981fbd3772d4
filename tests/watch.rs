//! `avgdoc watch` (issue #13): a first round renders everything; saving a
//! template re-renders exactly the documents that use it; Ctrl-C ends it.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{TestRepo, case};

const TIMEOUT: Duration = Duration::from_secs(60);

/// A running `avgdoc watch` and the lines it printed so far.
struct Watch {
    child: Child,
    lines: mpsc::Receiver<(bool, String)>,
    stdout: Vec<String>,
    stderr: Vec<String>,
}

impl Watch {
    fn start(repo: &TestRepo) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_avgdoc"))
            .args(["watch", "--vandaag", "2026-11-05", "--datum", "2026-11-05"])
            .current_dir(repo.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        let err = child.stderr.take().unwrap();
        let tx2 = tx.clone();
        std::thread::spawn(move || {
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send((true, l));
            }
        });
        std::thread::spawn(move || {
            for l in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = tx2.send((false, l));
            }
        });
        Watch {
            child,
            lines: rx,
            stdout: Vec::new(),
            stderr: Vec::new(),
        }
    }

    /// Take the lines printed so far, waiting at most `wait` for the first.
    fn take(&mut self, wait: Duration) -> bool {
        match self.lines.recv_timeout(wait) {
            Ok((true, l)) => self.stdout.push(l),
            Ok((false, l)) => self.stderr.push(l),
            Err(_) => return false,
        }
        while let Ok((out, l)) = self.lines.try_recv() {
            if out {
                self.stdout.push(l);
            } else {
                self.stderr.push(l);
            }
        }
        true
    }

    /// Wait until `f` holds for what was printed; panics after [`TIMEOUT`].
    fn wait(&mut self, what: &str, f: impl Fn(&Watch) -> bool) {
        let start = Instant::now();
        while !f(self) {
            let left = TIMEOUT.saturating_sub(start.elapsed());
            if left.is_zero() || !self.take(left) {
                let _ = self.child.kill();
                panic!(
                    "no {what} within {TIMEOUT:?}\nstdout:\n{}\nstderr:\n{}",
                    self.stdout.join("\n"),
                    self.stderr.join("\n")
                );
            }
        }
    }

    fn summaries(&self) -> usize {
        self.stderr
            .iter()
            .filter(|l| l.contains("gecontroleerd:"))
            .count()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The PDFs a round wrote, as `kenmerk/document`.
fn written(lines: &[String]) -> Vec<String> {
    let mut v: Vec<String> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("geschreven: output/"))
        .filter_map(|p| p.strip_suffix(".pdf"))
        .map(String::from)
        .collect();
    v.sort();
    v
}

#[test]
fn saving_a_template_rewrites_exactly_its_documents_and_ctrl_c_ends_it() {
    let repo = TestRepo::new();
    repo.write("cases/a.yaml", &case("W-A", ""));
    repo.write("cases/b.yaml", &case("W-B", ""));
    let builtin = avgdoc::templates::DEFAULTS
        .iter()
        .find(|(n, _)| *n == "avg-verzoek/ontvangstbevestiging.md")
        .map(|(_, b)| String::from_utf8(b.to_vec()).unwrap())
        .unwrap();
    repo.write("templates/avg-verzoek/ontvangstbevestiging.md", &builtin);

    let mut w = Watch::start(&repo);
    w.wait("first round", |w| {
        w.stderr
            .iter()
            .any(|l| l.starts_with("avgdoc wacht op wijzigingen"))
    });
    // stdout comes through another pipe: take what is still on its way.
    while w.take(Duration::from_millis(500)) {}
    assert_eq!(w.summaries(), 1, "{:?}", w.stderr);
    assert!(
        w.stdout[0].starts_with('[') && w.stdout[0].ends_with("] alle documenten"),
        "{:?}",
        w.stdout
    );
    let first = written(&w.stdout);
    assert!(
        first.contains(&"W-A/ontvangstbevestiging".to_string()),
        "{first:?}"
    );
    assert!(
        first.contains(&"W-B/verzoek-deelnemer-politie".to_string()),
        "{first:?}"
    );
    let txt = repo.path().join("output/W-A/ontvangstbevestiging.txt");
    let before = std::fs::read_to_string(&txt).unwrap();
    assert!(!before.contains("Deze zin is nieuw."));
    let seen = w.stdout.len();

    // An editor's swap file starts no round.
    repo.write("templates/avg-verzoek/.ontvangstbevestiging.md.swp", "x");
    std::thread::sleep(avgdoc::watch::QUIET * 4);
    while w.take(Duration::ZERO) {}
    assert_eq!(w.stdout.len(), seen, "{:?}", w.stdout);

    repo.write(
        "templates/avg-verzoek/ontvangstbevestiging.md",
        &format!("{builtin}\nDeze zin is nieuw.\n"),
    );
    w.wait("second round", |w| w.summaries() == 2);
    while w.take(Duration::from_millis(500)) {}
    let round = &w.stdout[seen..];
    assert!(
        round[0].starts_with('[')
            && round[0].ends_with("] gewijzigd: templates/avg-verzoek/ontvangstbevestiging.md"),
        "{round:?}"
    );
    assert_eq!(
        written(round),
        ["W-A/ontvangstbevestiging", "W-B/ontvangstbevestiging"]
    );
    let after = std::fs::read_to_string(&txt).unwrap();
    assert!(after.contains("Deze zin is nieuw."), "{after}");
    assert_eq!(w.summaries(), 2, "{:?}", w.stderr);

    // Ctrl-C: a clean stop, exit code 0.
    let pid = w.child.id().to_string();
    let kill = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(kill.success());
    w.wait("stop", |w| w.stderr.iter().any(|l| l == "gestopt"));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = w.child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < TIMEOUT, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
}
