//! Stage 5: write output files atomically, only inside the output folder.
//!
//! A file is written to a temporary file in its target folder and renamed
//! into place, so a reader never sees half a PDF and an interrupted run
//! leaves the previous letter intact.
//!
//! The output folder holds personal data, so a run:
//! - refuses to write through a symbolic link anywhere below it (a link at
//!   `output/` or `output/<kenmerk>` would send letters elsewhere);
//! - creates its folders readable for the owner only (0700);
//! - holds a lock (`output/.avgdoc.lock`) for the whole run, so two runs
//!   never interleave their writes; the second stops with WRITE-02;
//! - removes the temporary files (`.avgdoc-*.tmp`) an interrupted run left
//!   in the folders it writes.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

/// The lock file in the output folder.
pub const LOCK_FILE: &str = ".avgdoc.lock";

/// A Dutch error, so callers can show it as it is.
fn refused(message: impl Into<String>) -> io::Error {
    io::Error::other(message.into())
}

/// The Dutch text of an error from this module or the operating system.
pub fn reason(e: &io::Error) -> String {
    match e.get_ref() {
        Some(inner) if e.kind() == io::ErrorKind::Other => inner.to_string(),
        _ => crate::load::io_reason(e).to_string(),
    }
}

fn is_symlink(p: &Path) -> bool {
    fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
}

/// Create `dir` (and missing parents) with mode 0700 on Unix.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Create `output/<relative>` folder by folder, refusing any component that
/// is a symbolic link (or not a folder).
fn create_below(output: &Path, relative: &Path) -> io::Result<()> {
    let mut dir = output.to_path_buf();
    for c in relative.components() {
        dir.push(c);
        match fs::symlink_metadata(&dir) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(refused(format!(
                    "{} is een symbolische koppeling; avgdoc schrijft niet via een koppeling",
                    shown(output, &dir)
                )));
            }
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(refused(format!("{} is geen map", shown(output, &dir))));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => create_private_dir(&dir)?,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn shown(output: &Path, p: &Path) -> String {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "uitvoermap".into());
    match p.strip_prefix(output) {
        Ok(rel) if rel.as_os_str().is_empty() => format!("{name}/"),
        Ok(rel) => format!("{name}/{}", rel.to_string_lossy()),
        Err(_) => p.to_string_lossy().into_owned(),
    }
}

/// The output folder of one run, locked for that run. Dropping it releases
/// the lock.
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

/// Prepare the output folder for a run: refuse a symbolic link, create it
/// 0700, take the lock (without waiting: a second run stops) and remove
/// stale temporary files of avgdoc's own naming in it and its subfolders.
pub fn prepare(output: &Path) -> io::Result<OutputLock> {
    if is_symlink(output) {
        return Err(refused(format!(
            "{} is een symbolische koppeling; avgdoc schrijft niet via een koppeling",
            shown(output, output)
        )));
    }
    create_private_dir(output)?;
    let lock_path = output.join(LOCK_FILE);
    if is_symlink(&lock_path) {
        return Err(refused(format!(
            "{} is een symbolische koppeling; avgdoc schrijft niet via een koppeling",
            shown(output, &lock_path)
        )));
    }
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            return Err(refused(
                "een andere avgdoc-run schrijft al in deze uitvoermap; probeer het opnieuw als die klaar is",
            ));
        }
        Err(fs::TryLockError::Error(e)) => return Err(e),
    }
    remove_stale_temp_files(output);
    if let Ok(entries) = fs::read_dir(output) {
        for e in entries.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                remove_stale_temp_files(&e.path());
            }
        }
    }
    Ok(OutputLock { _file: file })
}

/// Whether `name` is one of avgdoc's temporary files (`.avgdoc-*.tmp`).
fn is_temp_name(name: &str) -> bool {
    name.starts_with(".avgdoc-") && name.ends_with(".tmp") && name.len() > ".avgdoc-.tmp".len()
}

/// Remove `.avgdoc-*.tmp` regular files in `dir` (not below it): left by a
/// run that was killed. Only call with the output lock held.
fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_type().is_ok_and(|t| t.is_file())
            && e.file_name().to_str().is_some_and(is_temp_name)
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Write `bytes` to `output/<relative>`. `relative` must be a plain relative
/// path (no `..`, no root); anything else is refused, as is a symbolic link
/// at any folder below `output` or at the target.
pub fn write_atomic(output: &Path, relative: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    stage(output, relative, bytes)?.commit()
}

/// A file written to a temporary file beside its target and not yet in
/// place: [`Staged::commit`] puts it there. Dropped uncommitted, the
/// temporary file is removed.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

/// The first half of [`write_atomic`]: check the target as it does and
/// write `bytes` to a temporary file beside it.
pub fn stage(output: &Path, relative: &Path, bytes: &[u8]) -> io::Result<Staged> {
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(refused("pad buiten de uitvoermap geweigerd"));
    }
    if is_symlink(output) {
        return Err(refused(format!(
            "{} is een symbolische koppeling; avgdoc schrijft niet via een koppeling",
            shown(output, output)
        )));
    }
    let target = output.join(relative);
    let parent = relative.parent().unwrap_or(Path::new(""));
    create_private_dir(output)?;
    create_below(output, parent)?;
    if is_symlink(&target) {
        return Err(refused(format!(
            "{} is een symbolische koppeling; avgdoc schrijft niet via een koppeling",
            shown(output, &target)
        )));
    }
    let dir = target.parent().unwrap_or(output);
    let mut tmp = tempfile::Builder::new()
        .prefix(".avgdoc-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    Ok(Staged { tmp, target })
}

impl Staged {
    /// Make the file durable (`fsync`), then rename it into place, so the
    /// target is only ever the old file or the whole new one, also after a
    /// power failure. The rename replaces a symbolic link put at the target
    /// since [`stage`], never writes through it.
    pub fn commit(self) -> io::Result<PathBuf> {
        self.tmp.as_file().sync_all()?;
        self.tmp.persist(&self.target).map_err(|e| e.error)?;
        Ok(self.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_output() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["../x.pdf", "/etc/x.pdf", "a/../../x.pdf"] {
            assert!(
                write_atomic(dir.path(), Path::new(bad), b"x").is_err(),
                "{bad}"
            );
        }
        let p = write_atomic(dir.path(), Path::new("k/brief.pdf"), b"pdf").unwrap();
        assert_eq!(std::fs::read(p).unwrap(), b"pdf");
        // No temporary files left behind.
        let left: Vec<_> = std::fs::read_dir(dir.path().join("k")).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlinks_and_creates_private_folders() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomic(&out, Path::new("k/brief.pdf"), b"pdf").unwrap();
        for d in [&out, &out.join("k")] {
            let mode = fs::metadata(d).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "{}", d.display());
        }
        std::os::unix::fs::symlink(elsewhere.path(), out.join("l")).unwrap();
        let e = write_atomic(&out, Path::new("l/brief.pdf"), b"x").unwrap_err();
        assert_eq!(
            reason(&e),
            "output/l is een symbolische koppeling; avgdoc schrijft niet via een koppeling"
        );
        std::os::unix::fs::symlink(elsewhere.path().join("x.pdf"), out.join("k/x.pdf")).unwrap();
        assert!(write_atomic(&out, Path::new("k/x.pdf"), b"x").is_err());
        let linked = dir.path().join("linked");
        std::os::unix::fs::symlink(elsewhere.path(), &linked).unwrap();
        assert!(write_atomic(&linked, Path::new("k/brief.pdf"), b"x").is_err());
        assert!(prepare(&linked).is_err());
        assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    }

    #[test]
    fn prepare_locks_and_removes_stale_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(out.join("k")).unwrap();
        fs::write(out.join("k/.avgdoc-abc123.tmp"), b"half").unwrap();
        fs::write(out.join(".avgdoc-x.tmp"), b"half").unwrap();
        fs::write(out.join("k/eigen.tmp"), b"keep").unwrap();
        let lock = prepare(&out).unwrap();
        assert!(!out.join("k/.avgdoc-abc123.tmp").exists());
        assert!(!out.join(".avgdoc-x.tmp").exists());
        assert!(out.join("k/eigen.tmp").exists());
        let second = prepare(&out).unwrap_err();
        assert_eq!(
            reason(&second),
            "een andere avgdoc-run schrijft al in deze uitvoermap; probeer het opnieuw als die klaar is"
        );
        drop(lock);
        assert!(prepare(&out).is_ok());
    }
}
