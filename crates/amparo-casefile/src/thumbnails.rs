//! Keeping the originals a case file brings, with the thumbnails and view
//! copies of its photos and scans made from them here (never taken from the
//! sender), on worker threads while the file is still being read and
//! checked, so opening a case file keeps both cores busy as an import does.
//! At most a few originals wait in memory at once, however large the file.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::{Scope, ScopedJoinHandle};

use amparo_core::{BlobStore, DerivativeKind};

use crate::error::{CaseFileError, Result};

/// An original to keep, and whether to make its thumbnail and view copy.
type Job = (String, Vec<u8>, bool);

/// The workers of one opening.
pub struct Thumbnails<'scope> {
    jobs: Option<SyncSender<Job>>,
    workers: Vec<ScopedJoinHandle<'scope, Result<()>>>,
}

impl<'scope> Thumbnails<'scope> {
    /// Starts one worker per core inside `scope`.
    pub fn start<'env>(scope: &'scope Scope<'scope, 'env>, blobs: &'env BlobStore) -> Self {
        let count = std::thread::available_parallelism().map_or(2, usize::from);
        let (jobs, queue) = sync_channel::<Job>(count);
        let queue = Arc::new(Mutex::new(queue));
        let workers = (0..count)
            .map(|_| {
                let queue = Arc::clone(&queue);
                scope.spawn(move || work(&queue, blobs))
            })
            .collect();
        Self {
            jobs: Some(jobs),
            workers,
        }
    }

    /// Hands the original `sha256` (its `bytes`, already checked) to a
    /// worker, which keeps it and, when `picture`, makes its thumbnail and
    /// view copy; waits while every worker is busy and the queue is full.
    pub fn keep(&self, sha256: &str, bytes: Vec<u8>, picture: bool) -> Result<()> {
        let sent = self
            .jobs
            .as_ref()
            .map(|jobs| jobs.send((sha256.to_owned(), bytes, picture)).is_ok());
        if sent == Some(true) {
            Ok(())
        } else {
            // A worker stopped on an error; `finish` says which.
            Err(CaseFileError::Damaged(
                "a thumbnail could not be made".into(),
            ))
        }
    }

    /// Waits for every worker; the first error, if any.
    pub fn finish(mut self) -> Result<()> {
        self.jobs = None;
        let mut outcome = Ok(());
        for worker in self.workers.drain(..) {
            let done = worker.join().unwrap_or_else(|_| {
                Err(CaseFileError::Damaged("a thumbnail worker stopped".into()))
            });
            if outcome.is_ok() {
                outcome = done;
            }
        }
        outcome
    }
}

fn work(queue: &Mutex<Receiver<Job>>, blobs: &BlobStore) -> Result<()> {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return Ok(()),
        };
        let Ok((sha256, bytes, picture)) = job else {
            return Ok(());
        };
        blobs.put_original(&sha256, &bytes)?;
        if !picture {
            continue;
        }
        // Checked against the signed list already: not hashed again.
        let made = amparo_media::derivatives(&bytes)
            .map_err(|e| CaseFileError::Photo(sha256.clone(), e))?;
        drop(bytes);
        blobs.put_derivative(&sha256, DerivativeKind::Thumb, &made.thumb)?;
        blobs.put_derivative(&sha256, DerivativeKind::Print, &made.print)?;
    }
}
