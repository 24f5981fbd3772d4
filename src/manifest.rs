//! What every rendered document was made from, so `render` can skip what
//! has not changed (issue #13).
//!
//! The output folder holds `.avgdoc-manifest.json` (one per shard:
//! `.avgdoc-manifest-2-van-4.json`): for each document, a hash of all its
//! inputs and, for each file it wrote, the size and modification time the
//! file had when avgdoc wrote it. A document is skipped when its inputs hash
//! the same and each of its files is still there with that size and time.
//!
//! The inputs of a document ([`Inputs`]): avgdoc itself (version and a hash
//! of the running program, so a new build renders everything), the whole of
//! `avgdoc.yaml` as parsed, the case's merge context and the document's own
//! settings (addressee, date, context), every Markdown template its render
//! reads (includes, imports, macros, `extends`, found from Tera's parsed
//! templates), and every file the house style can read (`brief.typ`, other
//! `.typ` files, the logo and other assets; the fonts are part of the
//! program).
//!
//! Safety: the manifest is written atomically at the end of a run and only
//! lists documents whose files were written; after a killed run the old
//! manifest is still in place, and any file the killed run rewrote has
//! another time than the one recorded, so it is made again. A manifest that
//! is unreadable, corrupt, too large or of another format counts as empty:
//! everything is rendered, nothing crashes.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;
use std::time::UNIX_EPOCH;

use serde::Deserialize;

/// The format this build reads and writes.
const FORMAT: &str = "avgdoc-manifest/2";

/// A manifest larger than this is not read (it is not one avgdoc wrote).
const MAX_BYTES: u64 = 256 << 20;

/// The file name of the manifest in the output folder, per shard.
pub fn file_name(shard: Option<(u32, u32)>) -> String {
    match shard {
        None => ".avgdoc-manifest.json".to_string(),
        Some((k, n)) => format!(".avgdoc-manifest-{k}-van-{n}.json"),
    }
}

/// One file a document wrote, as it was right after writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Relative to the output folder, with `/`.
    pub path: String,
    pub size: u64,
    /// Modification time: seconds and nanoseconds since 1970.
    pub mtime: (u64, u32),
}

impl Written {
    /// The state of `output/<path>` now, if it is a regular file.
    pub fn now(output: &Path, path: &str) -> Option<Written> {
        let meta = std::fs::symlink_metadata(output.join(path)).ok()?;
        if !meta.file_type().is_file() {
            return None;
        }
        let t = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Written {
            path: path.to_string(),
            size: meta.len(),
            mtime: (t.as_secs(), t.subsec_nanos()),
        })
    }
}

/// What the manifest records of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The hash of the document's inputs ([`Inputs`]), hexadecimal.
    pub inputs: String,
    /// Every file the document wrote (the PDF, its text rendition, …).
    pub files: Vec<Written>,
}

impl Entry {
    /// Whether the document is still as rendered: same inputs, and every
    /// file still there with the size and time it had when written.
    pub fn is_current(&self, inputs: &str, output: &Path) -> bool {
        self.inputs == inputs
            && !self.files.is_empty()
            && self
                .files
                .iter()
                .all(|w| Written::now(output, &w.path).as_ref() == Some(w))
    }
}

/// The manifest: documents by their id (`<kenmerk>/<document>`, or the
/// name of an organisation-wide document).
///
/// On disk it is compact JSON, one document per line, each a list rather
/// than an object (a run over 25,000 documents writes about 6 MB, not the
/// 30 MB of named fields):
///
/// ```text
/// {"format":"avgdoc-manifest/2","documents":[
/// ["ZVH-1/besluit","<inputs>",[["ZVH-1/besluit.pdf",61234,1795713500,753123456],…]],
/// …
/// ]}
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub documents: BTreeMap<String, Entry>,
}

/// Why a manifest was not used (shown as a note; the run renders all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// Could not be read, is too large, or is not a manifest avgdoc wrote.
    Corrupt,
    /// Written by a build that uses another format.
    OtherFormat,
}

/// One document as written: id, inputs, and per file path, size, seconds
/// and nanoseconds.
type Row = (String, String, Vec<(String, u64, u64, u32)>);

/// The documents of a manifest, read row by row straight into the map.
struct Rows(BTreeMap<String, Entry>);

impl<'de> Deserialize<'de> for Rows {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Rows;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of documents")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Rows, A::Error> {
                let mut map = BTreeMap::new();
                while let Some((id, inputs, files)) = seq.next_element::<Row>()? {
                    let files = files
                        .into_iter()
                        .map(|(path, size, secs, nanos)| Written {
                            path,
                            size,
                            mtime: (secs, nanos),
                        })
                        .collect();
                    map.insert(id, Entry { inputs, files });
                }
                Ok(Rows(map))
            }
        }
        d.deserialize_seq(Visitor)
    }
}

impl Manifest {
    pub fn new() -> Self {
        Manifest::default()
    }

    /// The manifest in `output`, or an empty one. `Err` says why an
    /// existing file was not used; the run then treats it as empty.
    pub fn read(output: &Path, name: &str) -> Result<Manifest, Unusable> {
        let path = output.join(name);
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(_) => return Ok(Manifest::new()),
        };
        if !meta.file_type().is_file() || meta.len() > MAX_BYTES {
            return Err(Unusable::Corrupt);
        }
        let bytes = std::fs::read(&path).map_err(|_| Unusable::Corrupt)?;
        // The format first, so a manifest of another version is named as
        // such whatever its documents look like.
        #[derive(Deserialize)]
        struct Head {
            format: String,
        }
        let head: Head = serde_json::from_slice(&bytes).map_err(|_| Unusable::Corrupt)?;
        if head.format != FORMAT {
            return Err(Unusable::OtherFormat);
        }
        #[derive(Deserialize)]
        struct Whole {
            documents: Rows,
        }
        let whole: Whole = serde_json::from_slice(&bytes).map_err(|_| Unusable::Corrupt)?;
        Ok(Manifest {
            documents: whole.documents.0,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(self.documents.len() * 256 + 64);
        v.extend_from_slice(b"{\"format\":");
        serde_json::to_writer(&mut v, FORMAT).expect("a string serialises");
        v.extend_from_slice(b",\"documents\":[");
        for (k, (id, e)) in self.documents.iter().enumerate() {
            v.extend_from_slice(if k == 0 { b"\n" } else { b",\n" });
            let files: Vec<(&str, u64, u64, u32)> = e
                .files
                .iter()
                .map(|w| (w.path.as_str(), w.size, w.mtime.0, w.mtime.1))
                .collect();
            serde_json::to_writer(&mut v, &(id, &e.inputs, files)).expect("a row serialises");
        }
        v.extend_from_slice(b"\n]}\n");
        v
    }
}

/// A hash of everything a document is made from. Each part is added with a
/// label and its length, so no two different sets of inputs run together
/// into the same bytes.
#[derive(Clone)]
pub struct Inputs(blake3::Hasher);

impl Inputs {
    /// Inputs that start with avgdoc itself.
    pub fn new() -> Self {
        let mut h = Inputs(blake3::Hasher::new());
        h.add("avgdoc", PROGRAM.as_bytes());
        h
    }

    pub fn add(&mut self, label: &str, bytes: &[u8]) -> &mut Self {
        self.0.update(&(label.len() as u64).to_le_bytes());
        self.0.update(label.as_bytes());
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs::new()
    }
}

/// avgdoc's version and a hash of the running program: another build
/// (other code, other embedded fonts or templates) renders everything anew.
/// The program is read in blocks, never whole: a release build of avgdoc
/// is tens of megabytes.
static PROGRAM: LazyLock<String> = LazyLock::new(|| {
    let exe = std::env::current_exe()
        .and_then(std::fs::File::open)
        .and_then(|f| {
            let mut h = blake3::Hasher::new();
            h.update_reader(f)?;
            Ok(h.finalize().to_hex().to_string())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
});

/// Start hashing the program on a thread of its own, so the first
/// [`Inputs::new`] does not wait for it while the case files are read.
pub fn warm() {
    std::thread::spawn(|| LazyLock::force(&PROGRAM));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_and_foreign_manifests_are_unusable_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let name = file_name(None);
        assert_eq!(Manifest::read(dir.path(), &name), Ok(Manifest::new()));
        std::fs::write(dir.path().join(&name), b"{\"format\": 3").unwrap();
        assert_eq!(Manifest::read(dir.path(), &name), Err(Unusable::Corrupt));
        std::fs::write(dir.path().join(&name), b"\xff\xfe\x00garbage").unwrap();
        assert_eq!(Manifest::read(dir.path(), &name), Err(Unusable::Corrupt));
        std::fs::write(
            dir.path().join(&name),
            b"{\"format\":\"avgdoc-manifest/1\",\"documents\":{}}",
        )
        .unwrap();
        assert_eq!(
            Manifest::read(dir.path(), &name),
            Err(Unusable::OtherFormat)
        );
        let mut m = Manifest::new();
        m.documents.insert(
            "ZVH-1/brief".into(),
            Entry {
                inputs: "ab".into(),
                files: vec![],
            },
        );
        std::fs::write(dir.path().join(&name), m.to_bytes()).unwrap();
        assert_eq!(Manifest::read(dir.path(), &name), Ok(m));
    }

    #[test]
    fn a_manifest_is_one_document_per_line_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let name = file_name(None);
        let mut m = Manifest::new();
        for (id, n) in [
            ("ZVH-2/besluit", 2),
            ("ZVH-1/brief \"x\"\n", 1),
            ("register", 3),
        ] {
            let files = (0..n)
                .map(|k| Written {
                    path: format!("{id}.{k}"),
                    size: 1000 + k,
                    mtime: (1_795_713_500 + k, 999_999_999),
                })
                .collect();
            m.documents.insert(
                id.to_string(),
                Entry {
                    inputs: format!("{n:064}"),
                    files,
                },
            );
        }
        let bytes = m.to_bytes();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(text.lines().count(), 2 + m.documents.len(), "{text}");
        assert!(text.starts_with("{\"format\":\"avgdoc-manifest/2\",\"documents\":[\n"));
        assert!(text.contains(
            "\n[\"ZVH-2/besluit\",\"0000000000000000000000000000000000000000000000000000000000000002\",[[\"ZVH-2/besluit.0\",1000,1795713500,999999999],[\"ZVH-2/besluit.1\",1001,1795713501,999999999]]],\n"
        ));
        std::fs::write(dir.path().join(&name), &bytes).unwrap();
        assert_eq!(Manifest::read(dir.path(), &name), Ok(m));
        // A row of the wrong shape makes the whole file unusable.
        std::fs::write(dir.path().join(&name), text.replace(",1000,", ",\"1000\",")).unwrap();
        assert_eq!(Manifest::read(dir.path(), &name), Err(Unusable::Corrupt));
        // So does an empty manifest.
        std::fs::write(dir.path().join(&name), Manifest::new().to_bytes()).unwrap();
        assert_eq!(Manifest::read(dir.path(), &name), Ok(Manifest::new()));
    }

    #[test]
    fn an_entry_is_current_only_while_its_files_are_as_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), b"pdf").unwrap();
        let e = Entry {
            inputs: "h1".into(),
            files: vec![Written::now(dir.path(), "a.pdf").unwrap()],
        };
        assert!(e.is_current("h1", dir.path()));
        assert!(!e.is_current("h2", dir.path()), "other inputs");
        std::fs::write(dir.path().join("a.pdf"), b"pd").unwrap();
        assert!(!e.is_current("h1", dir.path()), "truncated");
        std::fs::remove_file(dir.path().join("a.pdf")).unwrap();
        assert!(!e.is_current("h1", dir.path()), "gone");
    }

    #[test]
    fn inputs_keep_their_parts_apart() {
        let a = Inputs::new().add("x", b"ab").add("y", b"c").finish();
        let b = Inputs::new().add("x", b"a").add("y", b"bc").finish();
        assert_ne!(a, b);
        assert_eq!(a, Inputs::new().add("x", b"ab").add("y", b"c").finish());
    }
}
