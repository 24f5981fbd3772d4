//! Stage 5: write output files atomically, only inside the output folder.
//!
//! A file is written to a temporary file in its target folder and renamed
//! into place, so a reader never sees half a PDF and an interrupted run
//! leaves the previous letter intact.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Write `bytes` to `output/<relative>`. `relative` must be a plain relative
/// path (no `..`, no root); anything else is refused.
pub fn write_atomic(output: &Path, relative: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "pad buiten de uitvoermap geweigerd",
        ));
    }
    let target = output.join(relative);
    let dir = target.parent().unwrap_or(output);
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".avgdoc-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(target)
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
}
