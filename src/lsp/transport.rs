//! The wire, guarded. tower-lsp answers a malformed JSON body with -32700 and
//! then ends the session (its framed reader stops at the first error), so the
//! server never lets one through: this layer reads the client's
//! `Content-Length` frames itself, checks each body is a JSON-RPC message,
//! answers a malformed one itself (-32700, or -32600 for JSON that is no
//! message) and skips it, resynchronizes on a bad header at the next
//! `Content-Length:`, and forwards the good frames to tower-lsp's `Server`
//! through an in-memory pipe. Everything written to stdout goes through one
//! writer (for stdout, a thread of its own: `stdio.rs`), whole frames at a
//! time. Every handler runs `Guarded`: a panic anywhere in it is logged to
//! the client and the server serves on.

use serde::Deserialize;
use serde_json::{json, Value};
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};
use tower_lsp::jsonrpc::{Error, Request, Response};
use tower_lsp::{ClientSocket, LanguageServer, LspService, Server};
use tower_service::Service;

/// Bounds on what a client may send.
const MAX_HEADER_LINE: u64 = 8 << 10;
const MAX_BODY: usize = 256 << 20;

/// One read from the wire.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A body, as long as its `Content-Length` said.
    Body(Vec<u8>),
    /// Headers without a usable `Content-Length`; the reader resynchronizes.
    BadHeader(String),
    Eof,
}

/// Reads `Content-Length` frames, skipping garbage between them.
pub struct FrameReader<R> {
    r: BufReader<R>,
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase().find(needle)
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    pub fn new(r: R) -> FrameReader<R> {
        FrameReader { r: BufReader::new(r) }
    }

    /// A line, its first `MAX_HEADER_LINE` bytes kept: the rest of a longer
    /// one is skipped (it used to come back as a second "line", not a header,
    /// and cost the frame its body). O(line length), memory bounded.
    async fn line(&mut self) -> std::io::Result<Option<String>> {
        let mut buf = Vec::new();
        let n = (&mut self.r).take(MAX_HEADER_LINE).read_until(b'\n', &mut buf).await?;
        if n == 0 {
            return Ok(None);
        }
        if !buf.ends_with(b"\n") && n as u64 == MAX_HEADER_LINE {
            loop {
                let chunk = self.r.fill_buf().await?;
                if chunk.is_empty() {
                    break;
                }
                match memchr::memchr(b'\n', chunk) {
                    Some(i) => {
                        self.r.consume(i + 1);
                        break;
                    }
                    None => {
                        let all = chunk.len();
                        self.r.consume(all);
                    }
                }
            }
        }
        Ok(Some(
            String::from_utf8_lossy(&buf).trim_end_matches(['\r', '\n']).to_string(),
        ))
    }

    pub async fn next(&mut self) -> std::io::Result<Frame> {
        let mut len: Option<usize> = None;
        let mut in_headers = false;
        loop {
            let Some(line) = self.line().await? else {
                return Ok(Frame::Eof);
            };
            let header = if in_headers {
                if line.is_empty() {
                    let Some(n) = len else {
                        return Ok(Frame::BadHeader("headers without Content-Length".into()));
                    };
                    // Room for the body at once (a doubling buffer would
                    // hold up to twice a large note), up to a sane bound.
                    let mut body = Vec::with_capacity(n.min(64 << 20));
                    (&mut self.r).take(n as u64).read_to_end(&mut body).await?;
                    if body.len() < n {
                        return Ok(Frame::Eof);
                    }
                    return Ok(Frame::Body(body));
                }
                line.as_str()
            } else {
                // Resynchronizing: skip to the next line holding a Content-Length header.
                match find_ci(&line, "content-length:") {
                    Some(i) => {
                        if i > 0 {
                            crate::stderr::line(format!("claimlint lsp: skipped {i} bytes before a header"));
                        }
                        in_headers = true;
                        &line[i..]
                    }
                    None => {
                        if !line.trim().is_empty() {
                            crate::stderr::line(format!(
                                "claimlint lsp: skipped a line that is no header: {:.80}",
                                line
                            ));
                        }
                        continue;
                    }
                }
            };
            let Some((name, value)) = header.split_once(':') else {
                return Ok(Frame::BadHeader(format!("not a header: {header:.80}")));
            };
            if name.trim().eq_ignore_ascii_case("content-length") {
                match value.trim().parse::<usize>() {
                    Ok(n) if n <= MAX_BODY => len = Some(n),
                    Ok(n) => return Ok(Frame::BadHeader(format!("Content-Length {n} is too large"))),
                    Err(_) => return Ok(Frame::BadHeader(format!("bad Content-Length: {:.40}", value.trim()))),
                }
            }
        }
    }
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_response(id: Value, code: i64, message: String) -> Vec<u8> {
    let v = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    v.to_string().into_bytes()
}

/// What to do with a body: forward it (with its method, if any; rewritten when
/// its params were `null`), or answer it here.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    Forward {
        method: Option<String>,
        rewritten: Option<Vec<u8>>,
    },
    Reply(Vec<u8>),
}

/// The first top-level key a JSON object repeats. `serde_json::Value` keeps
/// the last of duplicated keys, tower-lsp's typed reader refuses them and
/// then stops reading (F10): such a message must not get through.
struct RepeatedKey(Option<String>);

impl<'de> Deserialize<'de> for RepeatedKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = RepeatedKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<RepeatedKey, A::Error> {
                let mut seen: Vec<String> = Vec::new();
                let mut repeated = None;
                while let Some(k) = map.next_key::<String>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    if seen.contains(&k) {
                        repeated.get_or_insert(k);
                    } else if seen.len() < 64 {
                        seen.push(k);
                    }
                }
                Ok(RepeatedKey(repeated))
            }
        }
        d.deserialize_map(Keys)
    }
}

pub fn judge(body: &[u8]) -> Verdict {
    let mut v: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return Verdict::Reply(error_response(Value::Null, -32700, format!("Parse error: {e}"))),
    };
    if v.is_object() {
        if let Ok(RepeatedKey(Some(k))) = serde_json::from_slice::<RepeatedKey>(body) {
            return Verdict::Reply(error_response(
                Value::Null,
                -32600,
                format!("Invalid Request: the key `{k}` appears twice"),
            ));
        }
    }
    // (tower-lsp reads a message without `method` as a request for "", so a
    // request must name its method, and a response carry a result or an error.)
    let has = |k: &str| v.get(k).is_some();
    let request = v.get("method").is_some_and(Value::is_string) && Request::deserialize(&v).is_ok();
    let response = !has("method") && (has("result") || has("error")) && Response::deserialize(&v).is_ok();
    if request || response {
        let method = v.get("method").and_then(Value::as_str).map(str::to_string);
        // `"params": null` (some clients send it with `shutdown` and `exit`)
        // means no params; tower-lsp refuses it for methods without params.
        let mut rewritten = None;
        if let Some(obj) = v.as_object_mut().filter(|o| o.get("params") == Some(&Value::Null)) {
            obj.remove("params");
            rewritten = Some(v.to_string().into_bytes());
        }
        return Verdict::Forward { method, rewritten };
    }
    let id = v
        .get("id")
        .filter(|id| id.is_number() || id.is_string())
        .cloned()
        .unwrap_or(Value::Null);
    Verdict::Reply(error_response(
        id,
        -32600,
        "Invalid Request: not a JSON-RPC 2.0 message".into(),
    ))
}

/// Whole frames written straight to the client, bypassing tower-lsp's
/// `serde_json::Value` round trip: for the one large message, a note's
/// diagnostics, whose body is serialized once, directly (see
/// `server::Backend::publish`). Filled in by `serve_with`; until then (and
/// in tests that build the service alone) `send` declines.
#[derive(Clone, Default)]
pub struct Outbox(std::sync::Arc<std::sync::OnceLock<UnboundedSender<Vec<u8>>>>);

impl Outbox {
    /// Is there a wire to write to?
    pub fn connected(&self) -> bool {
        self.0.get().is_some()
    }

    /// Queue a JSON-RPC body for the client; false when there is no wire.
    pub fn send(&self, body: &[u8]) -> bool {
        self.0.get().is_some_and(|tx| tx.send(frame(body)).is_ok())
    }

    /// `send`, framing the body in place (no copy of a large body when it
    /// has room for the header: reserve `HEADER_ROOM` more bytes).
    pub fn send_owned(&self, mut body: Vec<u8>) -> bool {
        let Some(tx) = self.0.get() else { return false };
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        body.splice(0..0, header.into_bytes());
        tx.send(body).is_ok()
    }
}

/// Room enough for a `Content-Length` header (see `Outbox::send_owned`).
pub const HEADER_ROOM: usize = 40;

impl Outbox {}

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The client closed the input.
    Eof,
    /// An `exit` notification, after a `shutdown` request or not.
    Exit { after_shutdown: bool },
}

async fn guard<I: AsyncRead + Unpin>(input: I, mut to_server: DuplexStream, out: UnboundedSender<Vec<u8>>) -> End {
    let mut reader = FrameReader::new(input);
    let mut shutdown = false;
    loop {
        match reader.next().await {
            Err(e) => {
                crate::stderr::line(format!("claimlint lsp: reading the input: {e}"));
                return End::Eof;
            }
            Ok(Frame::Eof) => return End::Eof,
            Ok(Frame::BadHeader(why)) => crate::stderr::line(format!(
                "claimlint lsp: {why}; skipping to the next Content-Length header"
            )),
            Ok(Frame::Body(body)) => match judge(&body) {
                Verdict::Reply(resp) => {
                    crate::stderr::line("claimlint lsp: answered a malformed message with an error");
                    let _ = out.send(frame(&resp));
                }
                Verdict::Forward { method, rewritten } => {
                    if to_server
                        .write_all(&frame(rewritten.as_deref().unwrap_or(&body)))
                        .await
                        .is_err()
                    {
                        return End::Eof;
                    }
                    match method.as_deref() {
                        Some("shutdown") => shutdown = true,
                        Some("exit") => {
                            return End::Exit {
                                after_shutdown: shutdown,
                            }
                        }
                        _ => {}
                    }
                }
            },
        }
    }
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// A future whose panic becomes its message.
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, String>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let f = self.0.as_mut();
        match std::panic::catch_unwind(AssertUnwindSafe(|| f.poll(cx))) {
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(p) => Poll::Ready(Err(panic_text(p.as_ref()))),
        }
    }
}

/// Debug builds only: `CLAIMLINT_TEST_PANIC=<method>,...` makes the handling
/// of those methods panic, so the tests can prove the guard on the real binary.
fn panic_for_tests(method: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("CLAIMLINT_TEST_PANIC").is_ok_and(|m| m.split(',').any(|m| m == method)) {
        panic!("CLAIMLINT_TEST_PANIC: {method} panics, on purpose");
    }
    let _ = method;
}

/// The language service with every handler guarded: tower-lsp polls all
/// handlers inside its one serving task, so a panic in any of them would end
/// the session. Here it is caught, logged to the client (`window/logMessage`)
/// and on stderr; a request gets an internal error (-32603), a notification
/// nothing; the server serves on.
pub struct Guarded<S> {
    inner: S,
    out: UnboundedSender<Vec<u8>>,
}

type Reply<E> = Result<Option<Response>, E>;

impl<S> Service<Request> for Guarded<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Reply<S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let id = req.id().cloned();
        let method = req.method().to_string();
        let out = self.out.clone();
        let inner = &mut self.inner;
        let made = std::panic::catch_unwind(AssertUnwindSafe(|| inner.call(req)));
        Box::pin(async move {
            let outcome = match made {
                Ok(fut) => {
                    let m = method.clone();
                    CatchUnwind(Box::pin(async move {
                        panic_for_tests(&m);
                        fut.await
                    }))
                    .await
                }
                Err(p) => Err(panic_text(p.as_ref())),
            };
            match outcome {
                Ok(reply) => reply,
                Err(why) => {
                    let msg = format!("claimlint: internal error while handling {method}: {why}; the server goes on");
                    crate::stderr::line(msg.clone());
                    let log =
                        json!({"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 1, "message": msg}});
                    let _ = out.send(frame(log.to_string().as_bytes()));
                    let mut e = Error::internal_error();
                    e.message = msg.into();
                    Ok(id.map(|id| Response::from_error(id, e)))
                }
            }
        })
    }
}

/// Serve a language server over `input`/`output` until the client goes away.
pub async fn serve<I, O, S>(input: I, output: O, service: LspService<S>, socket: ClientSocket) -> End
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
    S: LanguageServer,
{
    serve_with(input, Output::Async(output), service, socket, Outbox::default()).await
}

/// Where the server's messages go: an async writer (tests, in-memory pipes)
/// or a blocking one written from a thread of its own (stdout).
pub enum Output<O> {
    Async(O),
    Thread(Box<dyn std::io::Write + Send>),
}

enum Writer {
    Task(tokio::task::JoinHandle<()>),
    Thread(std::thread::JoinHandle<()>),
}

/// `serve`, with `outbox` connected to the writer.
pub async fn serve_with<I, O, S>(
    input: I,
    output: Output<O>,
    service: LspService<S>,
    socket: ClientSocket,
    outbox: Outbox,
) -> End
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
    S: LanguageServer,
{
    // Small pipes: a large message streams through in pieces rather than
    // leaving a buffer its size behind.
    let (to_server, server_in) = tokio::io::duplex(64 << 10);
    let (server_out, from_server) = tokio::io::duplex(64 << 10);
    let (out_tx, mut out_rx) = unbounded_channel::<Vec<u8>>();
    let _ = outbox.0.set(out_tx.clone());
    let writer = match output {
        Output::Thread(out) => match super::stdio::spawn_writer(out, out_rx) {
            Ok(handle) => Writer::Thread(handle),
            Err(e) => {
                crate::stderr::line(format!("claimlint lsp: cannot start the output thread: {e}"));
                return End::Eof;
            }
        },
        Output::Async(output) => Writer::Task(tokio::spawn(async move {
            let mut output = output;
            'messages: while let Some(bytes) = out_rx.recv().await {
                // In pieces: tokio's stdout copies each write into a buffer it
                // keeps, which one megabyte of diagnostics would leave that large.
                for piece in bytes.chunks(64 << 10) {
                    if output.write_all(piece).await.is_err() {
                        break 'messages;
                    }
                }
                if output.flush().await.is_err() || bytes.is_empty() {
                    break;
                }
            }
        })),
    };
    let server_tx = out_tx.clone();
    let pump = tokio::spawn(async move {
        let mut reader = FrameReader::new(from_server);
        loop {
            match reader.next().await {
                Ok(Frame::Body(body)) => {
                    if server_tx.send(frame(&body)).is_err() {
                        break;
                    }
                }
                Ok(Frame::BadHeader(_)) => continue,
                Ok(Frame::Eof) | Err(_) => break,
            }
        }
    });
    let service = Guarded {
        inner: service,
        out: out_tx.clone(),
    };
    let server = tokio::spawn(Server::new(server_in, server_out, socket).serve(service));
    let end = guard(input, to_server, out_tx.clone()).await;
    // The input is closed (the pipe to the server with it): let in-flight work end.
    let _ = tokio::time::timeout(Duration::from_secs(2), server).await;
    let _ = tokio::time::timeout(Duration::from_secs(1), pump).await;
    // An empty message ends the writer once everything before it is written
    // (the outbox's sender would otherwise keep it waiting).
    let _ = out_tx.send(Vec::new());
    match writer {
        Writer::Task(task) => {
            let _ = tokio::time::timeout(Duration::from_secs(1), task).await;
        }
        Writer::Thread(handle) => {
            let _ = tokio::time::timeout(
                Duration::from_secs(1),
                tokio::task::spawn_blocking(move || handle.join()),
            )
            .await;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &'static [u8]) -> Vec<Frame> {
        let mut r = FrameReader::new(input);
        let mut out = Vec::new();
        loop {
            let f = r.next().await.unwrap();
            let eof = f == Frame::Eof;
            out.push(f);
            if eof {
                return out;
            }
        }
    }

    #[tokio::test]
    async fn reads_frames_and_resyncs_after_garbage_and_bad_headers() {
        let got = frames(b"Content-Length: 2\r\n\r\n{}garbage\r\nContent-Length: x\r\n\r\njunkContent-Length: 4\r\nContent-Type: a\r\n\r\nnull").await;
        assert_eq!(
            got,
            vec![
                Frame::Body(b"{}".to_vec()),
                Frame::BadHeader("bad Content-Length: x".into()),
                Frame::Body(b"null".to_vec()),
                Frame::Eof
            ]
        );
        // A body cut short is the end.
        assert_eq!(frames(b"Content-Length: 10\r\n\r\nab").await, vec![Frame::Eof]);
    }

    #[test]
    fn the_outbox_frames_a_body_as_frame_does() {
        let outbox = Outbox::default();
        assert!(!outbox.connected() && !outbox.send(b"{}"));
        let (tx, mut rx) = unbounded_channel();
        let _ = outbox.0.set(tx);
        let body = br#"{"jsonrpc":"2.0","method":"m"}"#;
        let mut owned = Vec::with_capacity(body.len() + HEADER_ROOM);
        owned.extend_from_slice(body);
        assert!(outbox.send(body) && outbox.send_owned(owned));
        assert_eq!(rx.try_recv().unwrap(), frame(body));
        assert_eq!(rx.try_recv().unwrap(), frame(body));
    }

    #[test]
    fn judges_bodies() {
        assert_eq!(
            judge(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            Verdict::Forward {
                method: Some("shutdown".into()),
                rewritten: None
            }
        );
        let Verdict::Forward { rewritten: Some(r), .. } =
            judge(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#)
        else {
            panic!()
        };
        assert_eq!(
            serde_json::from_slice::<Value>(&r).unwrap(),
            json!({"jsonrpc":"2.0","id":1,"method":"shutdown"})
        );
        let Verdict::Reply(r) = judge(b"{not json") else {
            panic!()
        };
        let v: Value = serde_json::from_slice(&r).unwrap();
        assert_eq!(v["error"]["code"], -32700);
        assert_eq!(v["id"], Value::Null);
        let Verdict::Reply(r) = judge(br#"{"id":7,"foo":1}"#) else {
            panic!()
        };
        let v: Value = serde_json::from_slice(&r).unwrap();
        assert_eq!(v["error"]["code"], -32600);
        assert_eq!(v["id"], 7);
        let Verdict::Reply(r) = judge(br#"{"jsonrpc":"2.0","id":8}"#) else {
            panic!("a message with neither method nor result was forwarded")
        };
        assert_eq!(serde_json::from_slice::<Value>(&r).unwrap()["error"]["code"], -32600);
    }
}
