//! The container inside the encryption: a plain POSIX tar archive, written
//! the same way every time (no times, owners or modes from this machine), so
//! that the same case gives the same bytes and `tar` lists it anywhere. It
//! is not compressed: photos and PDFs do not shrink, and nothing compressed
//! can inflate past the sizes the manifest states.
//!
//! Reading accepts only regular files, each no larger than the size it is
//! expected to have, so a link, a device or an endless entry stops at once.

use std::cell::Cell;
use std::io::{self, Read, Write};
use std::rc::Rc;

use crate::error::{CaseFileError, Result};

/// Writes entries into a tar archive.
pub struct ArchiveWriter<W: Write> {
    builder: tar::Builder<W>,
}

impl<W: Write> ArchiveWriter<W> {
    /// An archive written into `out`.
    pub fn new(out: W) -> Self {
        let mut builder = tar::Builder::new(out);
        builder.mode(tar::HeaderMode::Deterministic);
        Self { builder }
    }

    /// Adds `bytes` as the file `path`.
    pub fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let mut header = tar::Header::new_ustar();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_mtime(0);
        header.set_uid(0);
        header.set_gid(0);
        self.builder.append_data(&mut header, path, bytes)
    }

    /// Ends the archive and gives back the writer.
    pub fn finish(self) -> io::Result<W> {
        self.builder.into_inner()
    }
}

/// One entry read whole: its path and bytes.
pub struct Entry {
    /// Its path as written.
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Reads the next entry of `entries`, refusing one that is not a regular
/// file or is larger than `limit`; `None` at the archive's end.
pub fn next_entry<R: Read>(entries: &mut tar::Entries<'_, R>, limit: u64) -> Result<Option<Entry>> {
    next_entry_into(entries, limit, Vec::new())
}

/// [`next_entry`], reading the entry's bytes into `bytes` (emptied first),
/// so that one buffer can serve item after item.
pub fn next_entry_into<R: Read>(
    entries: &mut tar::Entries<'_, R>,
    limit: u64,
    mut bytes: Vec<u8>,
) -> Result<Option<Entry>> {
    let Some(entry) = entries.next() else {
        return Ok(None);
    };
    let mut entry = entry.map_err(damaged)?;
    let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
    if entry.header().entry_type() != tar::EntryType::Regular {
        return Err(CaseFileError::UnsafePath(path));
    }
    let size = entry.size();
    if size > limit {
        return Err(CaseFileError::TooLarge(format!(
            "{path} is {size} bytes, at most {limit}"
        )));
    }
    bytes.clear();
    bytes.reserve_exact(usize::try_from(size).unwrap_or(0));
    entry
        .by_ref()
        .take(size)
        .read_to_end(&mut bytes)
        .map_err(damaged)?;
    if bytes.len() as u64 != size {
        return Err(CaseFileError::Damaged(format!("{path} is cut short")));
    }
    Ok(Some(Entry { path, bytes }))
}

/// A read failure inside the archive: the file was cut short or garbled
/// (age's authentication fails first when a byte was changed).
pub fn damaged(e: io::Error) -> CaseFileError {
    CaseFileError::Damaged(e.to_string())
}

/// A reader that reads no more than its budget: before the signed list is
/// known, about a list's worth; after, what the list says follows. A file
/// that holds more (an endless entry, a huge extension header the tar
/// reader would hold in memory) is refused instead of read.
pub struct Budgeted<R> {
    inner: R,
    left: Rc<Cell<u64>>,
}

impl<R: Read> Budgeted<R> {
    /// `inner`, limited to `budget` bytes; the returned handle changes it.
    pub fn new(inner: R, budget: u64) -> (Self, Rc<Cell<u64>>) {
        let left = Rc::new(Cell::new(budget));
        (
            Self {
                inner,
                left: Rc::clone(&left),
            },
            left,
        )
    }
}

impl<R: Read> Read for Budgeted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.left.get();
        if left == 0 {
            // Past the budget only the end of the file may come.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(io::Error::other("it holds more than its list says it does")),
            };
        }
        let most = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let read = self.inner.read(&mut buf[..most])?;
        self.left.set(left - read as u64);
        Ok(read)
    }
}
