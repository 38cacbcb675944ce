//! `claimlint lsp`: the language server, LSP 3.17 over stdio on tower-lsp.
//! A thin adapter: each feature is a pure function in its own file over the
//! core (`crate::engine`, `crate::insight`); `server.rs` keeps the server's
//! state and routes each method to its feature; `config.rs` builds what
//! notes are checked against, per workspace folder; `documents.rs` holds the
//! open notes; `transport.rs` guards the wire.

pub mod capabilities;
pub mod code_action;
pub mod code_lens;
pub mod completion;
pub mod config;
pub mod definition;
pub mod diagnostics;
pub mod documents;
pub mod encoding;
pub mod hover;
pub mod links;
pub mod server;
pub mod symbols;
pub mod transport;

use std::io::Write;
use std::time::Duration;
use tokio::io::AsyncRead;
use tower_lsp::LspService;
pub use transport::End;

/// Serve on stdin/stdout until the client closes the input (exit code 0) or
/// sends `exit` (0 after `shutdown`, 1 without, as LSP asks). Returns the
/// process exit code, as `cli::main` does.
pub fn run() -> i32 {
    // The server's stderr may be a pipe nobody reads: never block on it.
    crate::stderr::go_lossy();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            crate::stderr::line(format!("claimlint lsp: cannot start the async runtime: {e}"));
            return 2;
        }
    };
    let end = runtime.block_on(serve(tokio::io::stdin(), stdout()));
    // A check still running, or a read of stdin, must not hold the exit.
    runtime.shutdown_timeout(Duration::from_millis(500));
    crate::stderr::flush(Duration::from_millis(200));
    match end {
        End::Eof | End::Exit { after_shutdown: true } => 0,
        End::Exit { after_shutdown: false } => 1,
    }
}

/// Standard output, unbuffered: the writer thread hands each frame to the
/// system in one `writev` (std's `Stdout` is line-buffered, and would split a
/// frame after its header).
#[cfg(unix)]
fn stdout() -> impl Write + Send + 'static {
    use std::os::fd::{AsRawFd, FromRawFd};
    struct Fd1(std::mem::ManuallyDrop<std::fs::File>);
    impl Write for Fd1 {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes)
        }
        fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
            self.0.write_vectored(bufs)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    // SAFETY: fd 1 stays open for the life of the process, and ManuallyDrop
    // keeps this File from closing it.
    Fd1(std::mem::ManuallyDrop::new(unsafe {
        std::fs::File::from_raw_fd(std::io::stdout().as_raw_fd())
    }))
}

#[cfg(not(unix))]
fn stdout() -> impl Write + Send + 'static {
    std::io::stdout()
}

/// The language server over any byte streams (stdio in `run`; in-memory
/// pipes in a test): tower-lsp's service with claimlint's `Backend`, behind
/// the transport's guard. Call it inside a multi-thread tokio runtime. The
/// output is written from a thread of its own.
pub async fn serve<I, O>(input: I, output: O) -> End
where
    I: AsyncRead + Unpin,
    O: Write + Send + 'static,
{
    let outbox = transport::Outbox::default();
    let o = outbox.clone();
    let (service, socket) = LspService::build(move |client| server::Backend::new(client, o))
        .custom_method(transport::OUT_OF_STEP, server::Backend::out_of_step)
        .finish();
    transport::serve(input, Box::new(output), service, socket, outbox).await
}
