//! Lines for standard error that never panic and, in the language server,
//! never block. `eprintln!` panics when stderr is a closed pipe (F11), and a
//! stderr nobody reads blocks the writer once the pipe is full (F12): the
//! server's input loop then stops reading. So: the CLI writes directly and
//! ignores a failed write; the server hands lines to a thread of its own
//! through a bounded queue, dropping what does not fit and saying how many.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::OnceLock;

/// Lines waiting for the stderr thread, at most.
const QUEUE: usize = 256;

static LOSSY: OnceLock<SyncSender<String>> = OnceLock::new();
static DROPPED: AtomicU64 = AtomicU64::new(0);
/// Lines queued and not yet written.
static QUEUED: AtomicU64 = AtomicU64::new(0);

/// From now on, lines go through a bounded queue to a thread of their own
/// (the language server). Idempotent.
pub fn go_lossy() {
    if LOSSY.get().is_some() {
        return;
    }
    let (tx, rx) = sync_channel::<String>(QUEUE);
    let spawned = std::thread::Builder::new()
        .name("claimlint-stderr".into())
        .spawn(move || {
            let mut err = std::io::stderr();
            while let Ok(line) = rx.recv() {
                let dropped = DROPPED.swap(0, Ordering::Relaxed);
                if dropped > 0 {
                    let _ = writeln!(err, "claimlint: {dropped} lines of log dropped (stderr was not read)");
                }
                let _ = writeln!(err, "{line}");
                QUEUED.fetch_sub(1, Ordering::Relaxed);
            }
        });
    if spawned.is_ok() {
        let _ = LOSSY.set(tx);
    }
}

/// Write one line to stderr: never panics; in the server never blocks.
pub fn line(msg: impl Into<String>) {
    let msg = msg.into();
    match LOSSY.get() {
        Some(tx) => {
            // Counted before it is sent: the writer may take it at once.
            QUEUED.fetch_add(1, Ordering::Relaxed);
            if let Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) = tx.try_send(msg) {
                QUEUED.fetch_sub(1, Ordering::Relaxed);
                DROPPED.fetch_add(1, Ordering::Relaxed);
            }
        }
        None => {
            let _ = writeln!(std::io::stderr().lock(), "{msg}");
        }
    }
}

/// Wait, at most `within`, for the queued lines to be written (before exiting).
pub fn flush(within: std::time::Duration) {
    let start = std::time::Instant::now();
    while QUEUED.load(Ordering::Relaxed) > 0 && start.elapsed() < within {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}
