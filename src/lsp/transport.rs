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
use tower_lsp::jsonrpc::{Error, Request, Response};
use tower_lsp::{ClientSocket, LanguageServer, LspService, Server};
use tower_service::Service;

/// Bounds on what a client may send.
const MAX_HEADER_LINE: u64 = 8 << 10;
const MAX_BODY: usize = 256 << 20;
/// Handlers in flight at once.
const MAX_CONCURRENT: usize = 64;

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
        // The raw capabilities lsp-types would misread (see `capabilities`).
        if method.as_deref() == Some("initialize") && super::capabilities::spell_diagnostics(&mut v) {
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

/// Everything for the client goes through here, whole frames at a time, to
/// one writer: tower-lsp's own output, the guard's answers, and the note
/// diagnostics, whose body is serialized once, directly (see
/// `server::Backend::schedule`). A publication waits in a slot of its note:
/// a newer one for the same note replaces it, so a client that reads slowly
/// holds at most one pending publication per note, never a queue of
/// superseded ones (F8). Until `serve_with` connects it (and in tests that
/// build the service alone) the outbox declines, and tower-lsp's client is used.
#[derive(Clone, Default)]
pub struct Outbox(std::sync::Arc<Shared>);

#[derive(Default)]
pub struct Shared {
    queue: std::sync::Mutex<Queue>,
    /// Wakes the writer thread (stdout).
    ready: std::sync::Condvar,
    /// Wakes the writer task (async output).
    ready_async: tokio::sync::Notify,
    connected: std::sync::atomic::AtomicBool,
    /// URIs as the client wrote them, by their normalized form, where the two differ.
    as_sent: std::sync::Mutex<std::collections::HashMap<String, String>>,
}

#[derive(Default)]
struct Queue {
    frames: std::collections::VecDeque<Vec<u8>>,
    /// At most one publication per note, in the order the notes first had one waiting.
    publications: std::collections::VecDeque<(String, Vec<u8>)>,
    closed: bool,
    /// Publications replaced before they were written.
    superseded: u64,
}

impl Outbox {
    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.0.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wake(&self) {
        self.0.ready.notify_one();
        self.0.ready_async.notify_one();
    }

    /// Is there a wire to write to?
    pub fn connected(&self) -> bool {
        self.0.connected.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn connect(&self) {
        self.0.connected.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// Queue a whole frame; false when there is no wire or it is closed.
    pub fn send_frame(&self, frame: Vec<u8>) -> bool {
        let mut q = self.queue();
        if q.closed {
            return false;
        }
        q.frames.push_back(frame);
        drop(q);
        self.wake();
        true
    }

    /// Queue a JSON-RPC body for the client; false when there is no wire.
    pub fn send(&self, body: &[u8]) -> bool {
        self.connected() && self.send_frame(frame(body))
    }

    /// Queue the publication of a note's diagnostics, replacing the one of
    /// the same note still waiting (framed in place: no copy of a large body
    /// when it has room for the header, `HEADER_ROOM` more bytes).
    pub fn publish(&self, uri: &str, mut body: Vec<u8>) -> bool {
        if !self.connected() {
            return false;
        }
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        body.splice(0..0, header.into_bytes());
        let mut q = self.queue();
        if q.closed {
            return false;
        }
        // O(notes with a publication waiting): a handful.
        match q.publications.iter_mut().find(|(u, _)| u == uri) {
            Some(slot) => {
                slot.1 = body;
                q.superseded += 1;
            }
            None => q.publications.push_back((uri.to_string(), body)),
        }
        drop(q);
        self.wake();
        true
    }

    /// The client is gone (a write failed): drop what waits, take nothing more.
    pub fn fail(&self) {
        let mut q = self.queue();
        q.closed = true;
        q.frames.clear();
        q.publications.clear();
        drop(q);
        self.wake();
    }

    /// No more messages: the writer ends once it has written what waits.
    fn close(&self) {
        self.queue().closed = true;
        self.wake();
    }

    /// The next frame to write: other messages first, then publications;
    /// `Err(())` once closed and empty, `Ok(None)` when nothing waits.
    fn pop(&self) -> Result<Option<Vec<u8>>, ()> {
        let mut q = self.queue();
        if let Some(f) = q.frames.pop_front() {
            return Ok(Some(f));
        }
        if let Some((_, f)) = q.publications.pop_front() {
            return Ok(Some(f));
        }
        if q.closed {
            Err(())
        } else {
            Ok(None)
        }
    }

    /// The next frame, waiting for one (a thread); `None` once closed and empty.
    pub fn next_blocking(&self) -> Option<Vec<u8>> {
        let mut q = self.queue();
        loop {
            if let Some(f) = q.frames.pop_front() {
                return Some(f);
            }
            if let Some((_, f)) = q.publications.pop_front() {
                return Some(f);
            }
            if q.closed {
                return None;
            }
            q = self.0.ready.wait(q).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// The next frame, waiting for one (a task); `None` once closed and empty.
    pub async fn next(&self) -> Option<Vec<u8>> {
        loop {
            match self.pop() {
                Ok(Some(f)) => return Some(f),
                Err(()) => return None,
                // A wake since the last wait is kept as a permit: none is lost.
                Ok(None) => self.0.ready_async.notified().await,
            }
        }
    }

    /// Publications replaced before they were written, so far.
    pub fn superseded(&self) -> u64 {
        self.queue().superseded
    }

    /// Remember how the client wrote a URI, when its normalized form differs.
    pub fn remember_uri(&self, sent: &str) {
        if let Ok(u) = tower_lsp::lsp_types::Url::parse(sent) {
            if u.as_str() != sent {
                let mut m = self.0.as_sent.lock().unwrap_or_else(|e| e.into_inner());
                m.insert(u.as_str().to_string(), sent.to_string());
            }
        }
    }

    /// A URI as the client wrote it (diagnostics go back under that name).
    pub fn uri_as_sent(&self, uri: &tower_lsp::lsp_types::Url) -> String {
        let m = self.0.as_sent.lock().unwrap_or_else(|e| e.into_inner());
        m.get(uri.as_str()).cloned().unwrap_or_else(|| uri.as_str().to_string())
    }
}

/// Room enough for a `Content-Length` header (see `Outbox::publish`).
pub const HEADER_ROOM: usize = 40;

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The client closed the input.
    Eof,
    /// An `exit` notification, after a `shutdown` request or not.
    Exit { after_shutdown: bool },
}

/// Just the URI of a `didOpen` (not its text), as the client wrote it.
#[derive(Deserialize)]
struct OpenedUri {
    params: OpenedDoc,
}
#[derive(Deserialize)]
struct OpenedDoc {
    #[serde(rename = "textDocument")]
    text_document: OpenedUriOnly,
}
#[derive(Deserialize)]
struct OpenedUriOnly {
    uri: String,
}

/// The method a note-out-of-step notice is forwarded to the server under.
pub const OUT_OF_STEP: &str = "claimlint/outOfStep";

/// A body made parseable: each invalid UTF-8 byte and each lone UTF-16
/// surrogate escape (`"\ud83d"` without its pair) becomes U+FFFD, one UTF-16
/// unit as the surrogate was. `None` when nothing needed replacing. O(body).
pub fn repair(body: &[u8]) -> Option<(Vec<u8>, &'static str)> {
    let mut why = None;
    let text = match std::str::from_utf8(body) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => {
            why = Some("bytes that are not UTF-8");
            String::from_utf8_lossy(body)
        }
    };
    let b = text.as_bytes();
    let hex4 = |at: usize| -> Option<u32> {
        let h = b.get(at..at + 4)?;
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    };
    let escape_at = |at: usize| -> Option<u32> {
        if b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u') {
            hex4(at + 2)
        } else {
            None
        }
    };
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        // An escape: `\uXXXX` is looked at, any other is copied whole (so `\\u` is no escape).
        match escape_at(i) {
            Some(hi @ 0xD800..=0xDBFF) if matches!(escape_at(i + 6), Some(0xDC00..=0xDFFF)) => {
                let _ = hi;
                out.extend_from_slice(&b[i..i + 12]);
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                why = why.or(Some("a lone UTF-16 surrogate"));
                out.extend_from_slice(b"\\ufffd");
                i += 6;
            }
            _ => {
                out.extend_from_slice(&b[i..(i + 2).min(b.len())]);
                i += 2;
            }
        }
    }
    why.map(|w| (out, w))
}

async fn guard<I: AsyncRead + Unpin>(input: I, mut to_server: DuplexStream, out: Outbox) -> End {
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
            Ok(Frame::Body(mut body)) => match judge(&body) {
                Verdict::Reply(resp) => {
                    crate::stderr::line("claimlint lsp: answered a malformed message with an error");
                    let _ = out.send_frame(frame(&resp));
                    // F2: an undecodable change must not be lost silently (every
                    // later edit would land on a text out of step with the
                    // editor's): the server is told, drops the note and says so.
                    // An undecodable didOpen is opened with U+FFFD in place.
                    let Some((repaired, why)) = repair(&body) else { continue };
                    let Ok(v) = serde_json::from_slice::<Value>(&repaired) else {
                        continue;
                    };
                    let uri = v["params"]["textDocument"]["uri"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string();
                    let notice = match v["method"].as_str() {
                        Some("textDocument/didChange") if !uri.is_empty() => json!({
                            "jsonrpc": "2.0", "method": OUT_OF_STEP, "params": {"uri": uri, "reason": why}
                        })
                        .to_string()
                        .into_bytes(),
                        Some("textDocument/didOpen") if !uri.is_empty() => repaired,
                        _ => continue,
                    };
                    if !matches!(judge(&notice), Verdict::Forward { .. }) {
                        continue;
                    }
                    out.remember_uri(&uri);
                    if to_server.write_all(&frame(&notice)).await.is_err() {
                        return End::Eof;
                    }
                }
                Verdict::Forward { method, rewritten } => {
                    if let Some(r) = rewritten {
                        body = r;
                    }
                    if method.as_deref() == Some("textDocument/didOpen") {
                        if let Ok(open) = serde_json::from_slice::<OpenedUri>(&body) {
                            out.remember_uri(&open.params.text_document.uri);
                        }
                    }
                    if to_server.write_all(&frame(&body)).await.is_err() {
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
    out: Outbox,
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
                    let _ = out.send_frame(frame(log.to_string().as_bytes()));
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
    outbox.connect();
    let writer = match output {
        Output::Thread(out) => match super::stdio::spawn_writer(out, outbox.clone()) {
            Ok(handle) => Writer::Thread(handle),
            Err(e) => {
                crate::stderr::line(format!("claimlint lsp: cannot start the output thread: {e}"));
                return End::Eof;
            }
        },
        Output::Async(output) => Writer::Task(tokio::spawn({
            let outbox = outbox.clone();
            async move {
                let mut output = output;
                'messages: while let Some(bytes) = outbox.next().await {
                    // In pieces: tokio's stdout copies each write into a buffer it
                    // keeps, which one megabyte of diagnostics would leave that large.
                    for piece in bytes.chunks(64 << 10) {
                        if output.write_all(piece).await.is_err() {
                            outbox.fail();
                            break 'messages;
                        }
                    }
                    if output.flush().await.is_err() {
                        outbox.fail();
                        break;
                    }
                }
            }
        })),
    };
    let server_tx = outbox.clone();
    let pump = tokio::spawn(async move {
        let mut reader = FrameReader::new(from_server);
        loop {
            match reader.next().await {
                Ok(Frame::Body(body)) => {
                    if !server_tx.send_frame(frame(&body)) {
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
        out: outbox.clone(),
    };
    // Requests that wait (for their own note's check, for the world) must
    // not hold back the others: tower-lsp's default is 4 handlers at once.
    let server = tokio::spawn(
        Server::new(server_in, server_out, socket)
            .concurrency_level(MAX_CONCURRENT)
            .serve(service),
    );
    let end = guard(input, to_server, outbox.clone()).await;
    // The input is closed (the pipe to the server with it): let in-flight work end.
    let _ = tokio::time::timeout(Duration::from_secs(2), server).await;
    let _ = tokio::time::timeout(Duration::from_secs(1), pump).await;
    // The writer ends once everything queued is written.
    outbox.close();
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
    fn the_outbox_frames_a_body_as_frame_does_and_keeps_one_publication_per_note() {
        let outbox = Outbox::default();
        assert!(!outbox.connected() && !outbox.send(b"{}"));
        outbox.connect();
        let body = br#"{"jsonrpc":"2.0","method":"m"}"#;
        let mut owned = Vec::with_capacity(body.len() + HEADER_ROOM);
        owned.extend_from_slice(body);
        assert!(outbox.publish("file:///a.md", b"old".to_vec()));
        assert!(outbox.send(body) && outbox.publish("file:///a.md", owned));
        assert!(outbox.publish("file:///b.md", b"b".to_vec()));
        // Other messages first, then one publication per note, the newest.
        assert_eq!(outbox.pop(), Ok(Some(frame(body))));
        assert_eq!(outbox.pop(), Ok(Some(frame(body))));
        assert_eq!(outbox.pop(), Ok(Some(frame(b"b"))));
        assert_eq!(outbox.pop(), Ok(None));
        assert_eq!(outbox.superseded(), 1);
        outbox.close();
        assert_eq!(outbox.pop(), Err(()));
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
