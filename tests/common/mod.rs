//! Helpers for the end-to-end tests: a temporary case repository, the
//! avgdoc binary, and `pdftotext`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (holds the example avgdoc.yaml and cases/).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary case repository with the example avgdoc.yaml.
pub struct TestRepo {
    pub dir: tempfile::TempDir,
}

impl TestRepo {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("cases")).unwrap();
        std::fs::copy(
            repo_root().join("avgdoc.yaml"),
            dir.path().join("avgdoc.yaml"),
        )
        .unwrap();
        // The example avgdoc.yaml names a logo in templates/.
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::copy(
            repo_root().join("templates/logo.svg"),
            dir.path().join("templates/logo.svg"),
        )
        .unwrap();
        TestRepo { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }
}

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_avgdoc"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run avgdoc");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The raw text of a PDF, by `pdftotext -raw` (poppler-utils).
fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is needed for these tests: apt-get install poppler-utils");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF, whitespace collapsed.
pub fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a PDF, line by line, for golden files.
pub fn pdf_text_lines(pdf: &Path) -> String {
    pdftotext(pdf)
        .replace('\u{c}', "\n--- nieuwe pagina ---\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .trim_end_matches("--- nieuwe pagina ---")
        .trim()
        .to_string()
        + "\n"
}

/// The XMP metadata and info of a PDF, by `pdfinfo -meta`.
pub fn pdf_meta(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg("-meta")
        .arg(pdf)
        .output()
        .expect("pdfinfo is needed for these tests: apt-get install poppler-utils");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A minimal valid avg-verzoek case; `extra` lines are appended.
pub fn case(kenmerk: &str, extra: &str) -> String {
    format!(
        "soort: avg-verzoek
kenmerk: {kenmerk}
betrokkene:
  voorletters: P.
  achternaam: Pietersen
  aanspreekvorm: heer
  adres:
    straat: Kerkstraat
    huisnummer: \"1\"
    postcode: 4001 AA
    plaats: Rivierstad
ontvangen_op: 2026-11-02
identiteit:
  vastgesteld_op: 2026-11-02
  methode: digid
rechten: [inzage]
omschrijving: Inzage.
deelnemers: [politie]
verzonden:
  ontvangstbevestiging: 2026-11-04
{extra}"
    )
}
