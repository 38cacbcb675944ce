//! `claimlint lsp`: the language server, LSP 3.17 over stdio on tower-lsp.
//! A thin adapter: each feature is a pure function in its own file over the
//! core (`crate::engine`, `crate::insight`); `server.rs` only routes;
//! `transport.rs` guards the wire.

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
pub mod stdio;
pub mod symbols;
pub mod transport;

use std::time::Duration;
use tower_lsp::LspService;
use transport::End;

/// Serve on stdin/stdout until the client closes the input (exit code 0) or
/// sends `exit` (0 after `shutdown`, 1 without, as LSP asks). Returns the
/// process exit code, as `cli::main` does.
pub fn run() -> i32 {
    tune_allocator();
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
    let end = runtime.block_on(async {
        let outbox = transport::Outbox::default();
        let o = outbox.clone();
        let (service, socket) = LspService::build(move |client| server::Backend::with_outbox(client, o))
            .custom_method(transport::OUT_OF_STEP, server::Backend::out_of_step)
            .finish();
        let input = match stdio::ThreadStdin::spawn() {
            Ok(input) => input,
            Err(e) => {
                crate::stderr::line(format!("claimlint lsp: cannot start the input thread: {e}"));
                return End::Eof;
            }
        };
        let output: transport::Output<tokio::io::Stdout> = transport::Output::Thread(Box::new(std::io::stdout()));
        transport::serve_with(input, output, service, socket, outbox).await
    });
    // A check still running, or stdin's reader thread, must not hold the exit.
    runtime.shutdown_timeout(Duration::from_millis(500));
    crate::stderr::flush(Duration::from_millis(200));
    match end {
        End::Eof | End::Exit { after_shutdown: true } => 0,
        End::Exit { after_shutdown: false } => 1,
    }
}

/// glibc's allocator, set for a long-running server that holds large notes:
/// one arena (not eight per core, each keeping its own freed blocks), and
/// blocks from 256 KiB up mapped and unmapped on their own, a fixed
/// threshold (by default it rises with every large block freed, up to 32
/// MiB, and a megabyte note's texts then stay in the heap as holes). A 1 MB
/// note's texts go back to the system when replaced; a 100 KB note's are
/// reused from the heap without page faults (`cargo bench`; README,
/// "Performance"). glibc's `MALLOC_MMAP_THRESHOLD_` and `MALLOC_ARENA_MAX`
/// variables, when set, win.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    use std::ffi::c_int;
    extern "C" {
        fn mallopt(param: c_int, value: c_int) -> c_int;
    }
    const M_MMAP_THRESHOLD: c_int = -3;
    const M_ARENA_MAX: c_int = -8;
    // glibc's own variables, when set, win.
    let unset = |var: &str| std::env::var_os(var).is_none();
    // SAFETY: mallopt only sets allocator parameters, and runs before the
    // server starts any thread.
    unsafe {
        if unset("MALLOC_MMAP_THRESHOLD_") {
            mallopt(M_MMAP_THRESHOLD, 256 << 10);
        }
        if unset("MALLOC_ARENA_MAX") {
            mallopt(M_ARENA_MAX, 1);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
