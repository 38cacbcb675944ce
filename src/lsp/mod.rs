//! `claimlint lsp`: the language server, LSP 3.17 over stdio on tower-lsp.
//! A thin adapter: each feature is a pure function in its own file over the
//! core (`crate::engine`, `crate::insight`); `server.rs` only routes;
//! `transport.rs` guards the wire.

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

use std::time::Duration;
use tower_lsp::LspService;
use transport::End;

/// Serve on stdin/stdout until the client closes the input (exit code 0) or
/// sends `exit` (0 after `shutdown`, 1 without, as LSP asks). Returns the
/// process exit code, as `cli::main` does.
pub fn run() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("claimlint lsp: cannot start the async runtime: {e}");
            return 2;
        }
    };
    let end = runtime.block_on(async {
        let outbox = transport::Outbox::default();
        let o = outbox.clone();
        let (service, socket) = LspService::new(move |client| server::Backend::with_outbox(client, o));
        transport::serve_with(tokio::io::stdin(), tokio::io::stdout(), service, socket, outbox).await
    });
    // A check still running, or stdin's reader thread, must not hold the exit.
    runtime.shutdown_timeout(Duration::from_millis(500));
    match end {
        End::Eof | End::Exit { after_shutdown: true } => 0,
        End::Exit { after_shutdown: false } => 1,
    }
}
