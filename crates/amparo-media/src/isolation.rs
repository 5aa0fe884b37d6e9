//! Decoding in worker processes.
//!
//! The C decoders (libjpeg-turbo, libheif, libde265) read untrusted files:
//! a crafted HEIC dropped on the window is the likeliest way to take Amparo
//! over, and any decoder crash would take the window down with unsaved
//! work. Once [`isolate_decoding`] is called (the window and the `amparo`
//! command call it first thing), every picture is decoded by a worker: the
//! same program started again with [`WORKER_ENV`] set, sandboxed (see
//! `sandbox.rs`), fed the file's bytes and answering plain pixels. A worker
//! that crashes or takes longer than the time limit fails that one file
//! with a plain reason; the next file gets a new worker.
//!
//! Workers are kept between files (one per decoding thread at most), so a
//! batch pays for starting them once; they end when Amparo does, as their
//! input closes. Without [`isolate_decoding`] (library
//! tests, benchmarks of the decoders themselves) decoding runs in process.

use std::io::{BufReader, BufWriter};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use amparo_core::PhotoFormat;

use crate::error::MediaError;
use crate::pdf::PdfJob;
use crate::pictures::{Pictures, upright_pictures};
use crate::wire::{Answer, Request, read_reply, write_request};

/// Set in a worker's environment: the program is to serve as one.
pub const WORKER_ENV: &str = "AMPARO_DECODING_WORKER";

/// How long one file may take to decode before its worker is stopped: far
/// beyond a 100-megapixel HEIC on an old laptop, far short of "hung".
pub const DECODE_TIME_LIMIT: Duration = Duration::from_secs(120);

/// How decoding workers are started.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    /// The program (normally this one, `std::env::current_exe()`).
    pub program: PathBuf,
    /// How long one file may take.
    pub time_limit: Duration,
}

impl WorkerCommand {
    /// This program, started again as a worker.
    pub fn this_program() -> std::io::Result<Self> {
        #[cfg(debug_assertions)]
        let time_limit = std::env::var("AMPARO_TEST_DECODE_TIME_LIMIT_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(DECODE_TIME_LIMIT, Duration::from_millis);
        #[cfg(not(debug_assertions))]
        let time_limit = DECODE_TIME_LIMIT;
        Ok(Self {
            program: std::env::current_exe()?,
            time_limit,
        })
    }
}

static WORKERS: OnceLock<Workers> = OnceLock::new();

/// Decodes every picture from now on in worker processes started by
/// `command`. The first call wins; later calls change nothing.
pub fn isolate_decoding(command: WorkerCommand) {
    let _ = WORKERS.set(Workers {
        command,
        idle: Mutex::new(Vec::new()),
    });
}

/// Whether pictures are decoded in worker processes.
pub fn decoding_is_isolated() -> bool {
    WORKERS.get().is_some()
}

/// The upright pictures of `bytes`: from a worker once decoding is
/// isolated, from this process before.
pub(crate) fn pictures(
    bytes: &[u8],
    format: PhotoFormat,
    orientation: u8,
) -> Result<Pictures, MediaError> {
    let Some(workers) = WORKERS.get() else {
        return upright_pictures(bytes, format, orientation);
    };
    let request = Request::Pictures {
        format,
        orientation,
        bytes,
    };
    match workers.ask(&request)? {
        Answer::Pictures(pictures) => Ok(pictures),
        _ => Err(MediaError::DecoderStopped),
    }
}

/// `job` done on the PDF `bytes`: by a worker once decoding is isolated,
/// in this process before. A worker that stops (a stack run out on a
/// crafted file's nesting) means the file cannot be read; one that runs
/// out of time drawing a page, that the page took too long.
pub(crate) fn pdf(job: PdfJob, bytes: &[u8]) -> Result<Answer, MediaError> {
    let Some(workers) = WORKERS.get() else {
        return crate::pdf::answer(job, bytes);
    };
    workers
        .ask(&Request::Pdf(job, bytes))
        .map_err(|e| match (e, job) {
            (MediaError::DecoderTimedOut, PdfJob::DrawPage { .. }) => MediaError::OcrTimedOut,
            (MediaError::DecoderStopped | MediaError::DecoderTimedOut, _) => MediaError::PdfDamaged,
            (other, _) => other,
        })
}

/// Serves requests from standard input until it closes, when this process
/// was started as a worker; returns at once otherwise. The window and the
/// `amparo` command call it before anything else, so a worker never opens
/// a window, a store or a socket.
pub fn serve_if_worker() {
    if std::env::var_os(WORKER_ENV).is_none() {
        return;
    }
    crate::worker::serve();
}

struct Workers {
    command: WorkerCommand,
    idle: Mutex<Vec<Worker>>,
}

impl Workers {
    /// A kept worker that is still running (one may have been stopped
    /// while idle, by the system running out of memory, say).
    fn idle_worker(&self) -> Option<Worker> {
        let mut idle = self.idle.lock().ok()?;
        while let Some(mut worker) = idle.pop() {
            if matches!(worker.child.try_wait(), Ok(None)) {
                return Some(worker);
            }
            worker.stop();
        }
        None
    }

    fn ask(&self, request: &Request<'_>) -> Result<Answer, MediaError> {
        let mut worker = match self.idle_worker() {
            Some(worker) => worker,
            None => Worker::start(&self.command)?,
        };
        match worker.ask(request, self.command.time_limit) {
            Ok(answer) => {
                if let Ok(mut idle) = self.idle.lock() {
                    idle.push(worker);
                }
                answer
            }
            Err(failure) => {
                worker.stop();
                Err(failure)
            }
        }
    }
}

/// One worker process, with a thread reading its answers so that waiting
/// for one can time out.
struct Worker {
    child: Child,
    input: BufWriter<ChildStdin>,
    answers: Receiver<std::io::Result<Result<Answer, MediaError>>>,
}

impl Worker {
    fn start(command: &WorkerCommand) -> Result<Worker, MediaError> {
        let mut child = Command::new(&command.program)
            // Nothing of this process's environment (paths, session
            // addresses) reaches the worker.
            .env_clear()
            .env(WORKER_ENV, "1")
            // Few malloc arenas, so the address-space limit is memory,
            // not reservations; large buffers kept for the next file
            // instead of mapped afresh (0.94 of the in-process import rate
            // with them, under 0.9 without).
            .env("MALLOC_ARENA_MAX", "2")
            .env("MALLOC_MMAP_THRESHOLD_", "268435456")
            .env("MALLOC_TRIM_THRESHOLD_", "268435456")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| MediaError::DecoderUnavailable)?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(MediaError::DecoderUnavailable);
        };
        let (sender, answers) = channel();
        std::thread::Builder::new()
            .name("decoding-worker-answers".into())
            .spawn(move || {
                let mut output = BufReader::new(output);
                loop {
                    let answer = read_reply(&mut output);
                    let stop = answer.is_err();
                    if sender.send(answer).is_err() || stop {
                        break;
                    }
                }
            })
            .map_err(|_| MediaError::DecoderUnavailable)?;
        Ok(Worker {
            child,
            input: BufWriter::new(input),
            answers,
        })
    }

    fn ask(
        &mut self,
        request: &Request<'_>,
        time_limit: Duration,
    ) -> Result<Result<Answer, MediaError>, MediaError> {
        if write_request(&mut self.input, request).is_err() {
            return Err(MediaError::DecoderStopped);
        }
        match self.answers.recv_timeout(time_limit) {
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Err(MediaError::DecoderStopped),
            Err(RecvTimeoutError::Timeout) => Err(MediaError::DecoderTimedOut),
        }
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
