//! Keeping the originals a case file brings, with the thumbnails and view
//! copies of its photos and scans made from them here (never taken from the
//! sender), while the file is still being read and checked. Its PDFs are
//! read as filing one does (in the decoding worker, once decoding is
//! isolated): one that would not be filed here, or would stop the reader,
//! is refused before a packet could ever place it.
//!
//! As in an import, the pictures are decoded on one thread per core and
//! everything is written (sealed, then synced to disk) by one writer
//! thread, so no decoding thread sits idle while the disk syncs.
//! At most a few originals wait in memory at once, however large the file,
//! and their buffers go round: the writer hands each back to be filled with
//! a later item, so the opening's memory stays what the first few items
//! took instead of growing as the allocator scatters fresh ones.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::{Scope, ScopedJoinHandle};

use amparo_core::{BlobStore, DerivativeKind};
use amparo_media::Derivatives;

use crate::error::{CaseFileError, Result};

/// What an original is, and so how it is checked before it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Original {
    /// A photo or a scan: its thumbnail and view copy are made from it.
    Picture,
    /// A filed document's or a signed filing set's PDF: read as filing
    /// reads one.
    Pdf,
}

/// An original to keep, and what it is.
type Job = (String, Vec<u8>, Original);

/// Limits for reading a case file's PDFs: only whether they read at all
/// is asked here; this Amparo's own limits are for what its family files.
const PDF_LIMITS: amparo_core::DocumentLimits = amparo_core::DocumentLimits {
    max_megabytes: 4_096,
    max_pages: 1_000_000,
};

/// An original and what was made from it, ready to be written.
type Made = (String, Vec<u8>, Option<Derivatives>);

/// The largest buffer kept for a later item: a photo's; a long scanned
/// report's buffer is let go rather than held to the end.
const KEPT_BUFFER_MAX: usize = 32 << 20;

/// The threads of one opening.
pub struct Thumbnails<'scope> {
    jobs: Option<SyncSender<Job>>,
    spare: Receiver<Vec<u8>>,
    give_back: SyncSender<Vec<u8>>,
    decoders: Vec<ScopedJoinHandle<'scope, Result<()>>>,
    writer: Option<ScopedJoinHandle<'scope, Result<()>>>,
    stopped: Arc<AtomicBool>,
}

impl<'scope> Thumbnails<'scope> {
    /// Starts one decoding thread per core and the writer inside `scope`.
    pub fn start<'env>(scope: &'scope Scope<'scope, 'env>, blobs: &'env BlobStore) -> Self {
        let count = std::thread::available_parallelism().map_or(2, usize::from);
        let (jobs, queue) = sync_channel::<Job>(count);
        let (made, ready) = sync_channel::<Made>(1);
        // Every buffer that can be in flight at once: queued, decoding,
        // waiting for the writer, being written.
        let (give_back, spare) = sync_channel::<Vec<u8>>(2 * count + 2);
        let queue = Arc::new(Mutex::new(queue));
        let stopped = Arc::new(AtomicBool::new(false));
        let decoders = (0..count)
            .map(|_| {
                let (queue, made, stopped) =
                    (Arc::clone(&queue), made.clone(), Arc::clone(&stopped));
                scope.spawn(move || stop_on_error(&stopped, decode(&queue, &made)))
            })
            .collect();
        let writer = {
            let (stopped, give_back) = (Arc::clone(&stopped), give_back.clone());
            scope.spawn(move || stop_on_error(&stopped, write(&ready, &give_back, blobs)))
        };
        Self {
            jobs: Some(jobs),
            spare,
            give_back,
            decoders,
            writer: Some(writer),
            stopped,
        }
    }

    /// A buffer to read the next item into: one the writer is done with,
    /// or a new one.
    pub fn spare_buffer(&self) -> Vec<u8> {
        self.spare.try_recv().unwrap_or_default()
    }

    /// Keeps `buffer`, whose item needs nothing written, for a later item.
    pub fn give_back(&self, buffer: Vec<u8>) {
        keep_for_later(&self.give_back, buffer);
    }

    /// Hands the original `sha256` (its `bytes`, already checked against
    /// the signed list) on to be read as what it is and kept; waits while
    /// every thread is busy and the queue is full. `false` when a thread
    /// has stopped on an error, which [`Self::finish`] gives.
    pub fn keep(&self, sha256: &str, bytes: Vec<u8>, original: Original) -> bool {
        !self.stopped.load(Ordering::Relaxed)
            && self
                .jobs
                .as_ref()
                .is_some_and(|jobs| jobs.send((sha256.to_owned(), bytes, original)).is_ok())
    }

    /// Waits for every thread; the first error, if any.
    pub fn finish(mut self) -> Result<()> {
        self.jobs = None;
        let stopped = |_| Err(CaseFileError::Damaged("a thumbnail worker stopped".into()));
        let mut outcome = Ok(());
        // The writer ends once every decoding thread has, as they hold its
        // queue.
        let threads = self.decoders.drain(..).chain(self.writer.take());
        for thread in threads {
            let done = thread.join().unwrap_or_else(stopped);
            if outcome.is_ok() {
                outcome = done;
            }
        }
        outcome
    }
}

/// Keeps `buffer` for a later item while there is room and it is not too
/// large; lets it go otherwise.
fn keep_for_later(give_back: &SyncSender<Vec<u8>>, buffer: Vec<u8>) {
    if buffer.capacity() <= KEPT_BUFFER_MAX {
        let _ = give_back.try_send(buffer);
    }
}

/// `outcome`, with the other threads told to stop when it is an error.
fn stop_on_error(stopped: &AtomicBool, outcome: Result<()>) -> Result<()> {
    if outcome.is_err() {
        stopped.store(true, Ordering::Relaxed);
    }
    outcome
}

fn decode(queue: &Mutex<Receiver<Job>>, made: &SyncSender<Made>) -> Result<()> {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return Ok(()),
        };
        let Ok((sha256, bytes, original)) = job else {
            return Ok(());
        };
        // Checked against the signed list already: not hashed again.
        let derivatives = match original {
            Original::Picture => Some(
                amparo_media::derivatives(&bytes)
                    .map_err(|e| CaseFileError::Photo(sha256.clone(), e))?,
            ),
            Original::Pdf => {
                amparo_media::read_pdf(&bytes, &PDF_LIMITS)
                    .map_err(|e| CaseFileError::Document(sha256.clone(), e))?;
                None
            }
        };
        if made.send((sha256, bytes, derivatives)).is_err() {
            // The writer stopped on an error; `finish` reports it.
            return Ok(());
        }
    }
}

fn write(ready: &Receiver<Made>, give_back: &SyncSender<Vec<u8>>, blobs: &BlobStore) -> Result<()> {
    for (sha256, bytes, derivatives) in ready {
        blobs.put_original(&sha256, &bytes)?;
        keep_for_later(give_back, bytes);
        if let Some(made) = derivatives {
            blobs.put_derivative(&sha256, DerivativeKind::Thumb, &made.thumb)?;
            blobs.put_derivative(&sha256, DerivativeKind::Print, &made.print)?;
        }
    }
    Ok(())
}
