//! Standard input and output on threads of their own. tokio's `stdin()` and
//! `stdout()` hand every read and write to its blocking pool (a task spawned
//! and a thread woken per message, both ways); a keystroke then waits on two
//! extra hand-offs. Here one thread blocks on stdin and passes what it reads
//! through a channel, and one thread writes whole messages to stdout.

use super::transport::Outbox;
use std::io::{Read, Write};
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::mpsc::{channel, Receiver};

/// Standard input as an `AsyncRead`, read by its own thread.
pub struct ThreadStdin {
    chunks: Receiver<std::io::Result<Vec<u8>>>,
    chunk: Vec<u8>,
    at: usize,
}

impl ThreadStdin {
    pub fn spawn() -> std::io::Result<ThreadStdin> {
        let (tx, chunks) = channel(8);
        std::thread::Builder::new()
            .name("claimlint-stdin".into())
            .spawn(move || {
                let mut stdin = std::io::stdin().lock();
                let mut buf = vec![0u8; 64 << 10];
                loop {
                    let got = match stdin.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => Ok(buf[..n].to_vec()),
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(e) => Err(e),
                    };
                    let failed = got.is_err();
                    if tx.blocking_send(got).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(ThreadStdin {
            chunks,
            chunk: Vec::new(),
            at: 0,
        })
    }
}

impl AsyncRead for ThreadStdin {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, out: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        loop {
            if this.at < this.chunk.len() {
                let n = out.remaining().min(this.chunk.len() - this.at);
                out.put_slice(&this.chunk[this.at..this.at + n]);
                this.at += n;
                return Poll::Ready(Ok(()));
            }
            match this.chunks.poll_recv(cx) {
                Poll::Ready(Some(Ok(chunk))) => {
                    this.chunk = chunk;
                    this.at = 0;
                }
                Poll::Ready(Some(Err(e))) => return Poll::Ready(Err(e)),
                // The reading thread is done: end of input.
                Poll::Ready(None) => return Poll::Ready(Ok(())),
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

/// Write every message of `outbox` to `out` and flush it, on a thread of
/// its own, until the outbox is closed and empty or a write fails.
pub fn spawn_writer<W: Write + Send + 'static>(
    mut out: W,
    outbox: Outbox,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("claimlint-stdout".into())
        .spawn(move || {
            while let Some(bytes) = outbox.next_blocking() {
                if out.write_all(&bytes).and_then(|()| out.flush()).is_err() {
                    outbox.fail();
                    break;
                }
            }
        })
}
