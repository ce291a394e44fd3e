//! Put a file's new bytes in place of its old ones, atomically, without the cost ext4 adds
//! to a rename over an existing file.
//!
//! ext4 (`auto_da_alloc`, on by default) allocates and starts writing back the blocks of a
//! file renamed over another, inside the `rename` call: 30 ms for 50 MB here, so 70 ms of a
//! 10,000-question `build` into its previous output (README ## Performance). On Linux the
//! two names are exchanged instead (`renameat2(RENAME_EXCHANGE)`, as atomic for a reader as
//! a rename) and the old bytes, now under the temporary name, are then removed. Like any
//! compiler's output, the new bytes are not `fsync`ed: the kernel writes them back later.

use std::fs;
use std::io;
use std::path::Path;

/// How [`replace`] put `tmp` at `path`.
#[derive(Debug, PartialEq, Eq)]
pub enum Replaced {
    /// `path` did not exist (or could not be exchanged): `tmp` was renamed to it.
    Renamed,
    /// `path`'s old bytes are now at `tmp`, for the caller to remove.
    Exchanged,
}

/// Move `tmp` to `path`. A regular file at `path` is exchanged with `tmp` where the system
/// can; anything else (no file, a link, a system without the exchange) is a rename over it.
pub fn replace(tmp: &Path, path: &Path) -> io::Result<Replaced> {
    let is_file = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file());
    if is_file && exchange(tmp, path) {
        return Ok(Replaced::Exchanged);
    }
    fs::rename(tmp, path).map(|()| Replaced::Renamed)
}

#[cfg(target_os = "linux")]
fn exchange(tmp: &Path, path: &Path) -> bool {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    // Any failure changed nothing (the exchange is atomic): the caller renames instead.
    renameat_with(CWD, tmp, CWD, path, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_tmp: &Path, _path: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_place_is_exchanged_and_its_old_bytes_are_left_at_the_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let (tmp, path) = (dir.path().join(".a.tmp"), dir.path().join("a"));
        fs::write(&path, "old").unwrap();
        fs::write(&tmp, "new").unwrap();
        let how = replace(&tmp, &path).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        if cfg!(target_os = "linux") {
            assert_eq!(how, Replaced::Exchanged);
            assert_eq!(fs::read_to_string(&tmp).unwrap(), "old");
        } else {
            assert_eq!(how, Replaced::Renamed);
            assert!(!tmp.exists());
        }
    }

    #[test]
    fn a_new_file_or_a_link_is_renamed_over() {
        let dir = tempfile::tempdir().unwrap();
        let (tmp, path) = (dir.path().join(".a.tmp"), dir.path().join("a"));
        fs::write(&tmp, "new").unwrap();
        assert_eq!(replace(&tmp, &path).unwrap(), Replaced::Renamed);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert!(!tmp.exists());
        #[cfg(unix)]
        {
            let (link, target) = (dir.path().join("link"), dir.path().join("target"));
            fs::write(&target, "kept").unwrap();
            std::os::unix::fs::symlink(&target, &link).unwrap();
            fs::write(&tmp, "new").unwrap();
            assert_eq!(replace(&tmp, &link).unwrap(), Replaced::Renamed);
            assert_eq!(fs::read_to_string(&link).unwrap(), "new");
            assert_eq!(fs::read_to_string(&target).unwrap(), "kept");
        }
    }

    #[test]
    fn a_missing_temporary_is_an_error_and_leaves_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a");
        fs::write(&path, "old").unwrap();
        assert!(replace(&dir.path().join(".gone"), &path).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    }
}
