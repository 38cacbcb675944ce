//! The wire, in front of tower-lsp's service. tower-lsp's own transport
//! (`Server`) answers a malformed body with -32700 and then ends the session
//! (its framed reader stops at the first decode error), so this module takes
//! its place, with the same shape: it reads the client's `Content-Length`
//! frames, parses each body once into tower-lsp's `Request` or `Response`,
//! answers what is no message itself (-32700, -32600) and reads on, and hands
//! each request to the `LspService` in the order it came, up to 64 in flight.
//! Everything for the client goes through one `Outbox` and one writer thread,
//! whole frames at a time; a note's diagnostics wait in a slot of their own (F8).
//! A panic in a handler, or in work one started, is caught in `catching` and
//! nowhere else: logged to the client, the server serves on.

use futures::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::{json, Value};
use std::future::Future;
use std::io::{IoSlice, Write};
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, BufReader};
use tower_lsp::jsonrpc::{Error, Id, Request, Response};
use tower_lsp::{ClientSocket, LanguageServer, LspService};
use tower_service::Service;

/// The input's buffer, and so the most one read asks for.
const READ_PIECE: usize = 64 << 10;
/// Bounds on what a client may send.
const MAX_HEADER_LINE: u64 = 8 << 10;
const MAX_BODY: usize = 256 << 20;
/// Handlers in flight at once (tower-lsp's `Server` defaults to 4: requests
/// that wait for their note's check must not hold back the others).
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
        FrameReader {
            r: BufReader::with_capacity(READ_PIECE, r),
        }
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
                    // hold up to twice a large note), up to a sane bound;
                    // read through the buffer, a piece at a time: one read
                    // of the whole body made tokio's stdin keep a buffer of
                    // its size (1 MB for a large note's `didOpen`) for good.
                    let mut body = Vec::with_capacity(n.min(64 << 20));
                    while body.len() < n {
                        let piece = self.r.fill_buf().await?;
                        if piece.is_empty() {
                            return Ok(Frame::Eof);
                        }
                        let take = piece.len().min(n - body.len());
                        body.extend_from_slice(&piece[..take]);
                        self.r.consume(take);
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

fn error_response(id: Value, code: i64, message: String) -> Vec<u8> {
    let v = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    v.to_string().into_bytes()
}

/// A message from the client, as tower-lsp's service takes it.
#[derive(Debug)]
pub enum Message {
    Request(Request),
    Response(Response),
}

/// What to do with a body: hand its message on, or answer it here.
#[derive(Debug)]
pub enum Verdict {
    Forward(Message),
    Reply(Vec<u8>),
}

/// A body's top-level members, each parsed once (`params` whole, as tower-lsp
/// would), and the first key it repeats: tower-lsp's typed reader refuses a
/// repeated key and then stops reading (F10), so such a body is answered here.
#[derive(Default)]
struct Members {
    jsonrpc: Option<Value>,
    method: Option<Value>,
    id: Option<Value>,
    params: Option<Value>,
    result: Option<Value>,
    error: Option<Value>,
    repeated: Option<String>,
}

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut m = Members::default();
                let mut others: Vec<String> = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    let slot = match k.as_str() {
                        "jsonrpc" => &mut m.jsonrpc,
                        "method" => &mut m.method,
                        "id" => &mut m.id,
                        "params" => &mut m.params,
                        "result" => &mut m.result,
                        "error" => &mut m.error,
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                            if others.contains(&k) {
                                m.repeated.get_or_insert(k);
                            } else if others.len() < 64 {
                                others.push(k);
                            }
                            continue;
                        }
                    };
                    let v = map.next_value::<Value>()?;
                    if slot.is_some() {
                        m.repeated.get_or_insert(k);
                    }
                    *slot = Some(v);
                }
                Ok(m)
            }
        }
        d.deserialize_map(Visit)
    }
}

/// Parse a body once. Not JSON: -32700. JSON that is no JSON-RPC 2.0 message
/// (a batch, a number, a repeated key, neither `method` nor `result`/`error`):
/// -32600, with the message's id when it is a number or a string.
pub fn judge(body: &[u8]) -> Verdict {
    let m: Members = match serde_json::from_slice(body) {
        Ok(m) => m,
        Err(e) if e.is_data() => return Verdict::Reply(not_a_message(Value::Null)),
        Err(e) => return Verdict::Reply(error_response(Value::Null, -32700, format!("Parse error: {e}"))),
    };
    if let Some(k) = m.repeated {
        return Verdict::Reply(error_response(
            Value::Null,
            -32600,
            format!("Invalid Request: the key `{k}` appears twice"),
        ));
    }
    let reply_id =
        m.id.clone()
            .filter(|id| id.is_number() || id.is_string())
            .unwrap_or(Value::Null);
    let version = m.jsonrpc.as_ref().and_then(Value::as_str) == Some("2.0");
    let id = match m.id.map(Id::deserialize) {
        None => None,
        Some(Ok(id)) => Some(id),
        Some(Err(_)) => return Verdict::Reply(not_a_message(reply_id)),
    };
    match m.method {
        Some(Value::String(method)) if version => {
            // `"params": null` (some clients send it with `shutdown` and
            // `exit`) means no params; tower-lsp refuses it for methods without.
            let mut params = m.params.filter(|p| !p.is_null());
            if method == "initialize" {
                // The raw capabilities lsp-types would misread (see `capabilities`).
                if let Some(p) = params.as_mut() {
                    super::capabilities::spell_diagnostics(p);
                }
            }
            let mut request = Request::build(method);
            if let Some(p) = params {
                request = request.params(p);
            }
            if let Some(id) = id {
                request = request.id(id);
            }
            Verdict::Forward(Message::Request(request.finish()))
        }
        None if version => {
            let body = match (m.result, m.error.map(Error::deserialize)) {
                (Some(result), _) => Ok(result),
                (None, Some(Ok(e))) => Err(e),
                _ => return Verdict::Reply(not_a_message(reply_id)),
            };
            match id {
                Some(id) => Verdict::Forward(Message::Response(Response::from_parts(id, body))),
                None => Verdict::Reply(not_a_message(reply_id)),
            }
        }
        _ => Verdict::Reply(not_a_message(reply_id)),
    }
}

fn not_a_message(id: Value) -> Vec<u8> {
    error_response(id, -32600, "Invalid Request: not a JSON-RPC 2.0 message".into())
}

/// The method a note-out-of-step notice is handed to the server under.
pub const OUT_OF_STEP: &str = "claimlint/outOfStep";

/// F2: a body that could not be decoded is answered -32700, but must not be
/// lost silently. An undecodable `didChange` becomes a notice to the server
/// (every later edit would land on a text out of step with the editor's: the
/// server drops the note and says so); an undecodable `didOpen` is opened
/// with U+FFFD in place of what could not be decoded.
fn out_of_step(body: &[u8]) -> Option<Request> {
    let (repaired, why) = repair(body)?;
    let Verdict::Forward(Message::Request(request)) = judge(&repaired) else {
        return None;
    };
    let uri = request.params()?.pointer("/textDocument/uri")?.as_str()?.to_string();
    match request.method() {
        "textDocument/didChange" => Some(
            Request::build(OUT_OF_STEP)
                .params(json!({"uri": uri, "reason": why}))
                .finish(),
        ),
        "textDocument/didOpen" => Some(request),
        _ => None,
    }
}

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

/// A message's JSON for the writer: whole, or (a publication) a JSON array's
/// items between a head and a tail, written comma-separated straight from the
/// diagnostics' kept JSON (`diagnostics::PublishedJson`) and never joined into
/// one buffer: a 1 MB note with many findings publishes about 3 MB. Each item
/// is written from its pieces, in order (a diagnostic's JSON in pieces that
/// diagnostics alike share).
#[derive(Debug, PartialEq, Eq)]
pub enum Body {
    Whole(Vec<u8>),
    Items {
        head: Vec<u8>,
        items: Vec<Pieces>,
        tail: Vec<u8>,
    },
}

/// One item of a `Body`'s array, in pieces written one after the other.
pub type Pieces = Arc<[Arc<str>]>;

impl Body {
    /// The bytes, piece by piece, in order (no empty piece).
    fn pieces(&self) -> impl Iterator<Item = &[u8]> + '_ {
        let (head, items, tail): (&[u8], &[Pieces], &[u8]) = match self {
            Body::Whole(b) => (b, &[], &[]),
            Body::Items { head, items, tail } => (head, items, tail),
        };
        let items = items.iter().enumerate().flat_map(|(i, item)| {
            let comma: &[u8] = if i > 0 { b"," } else { b"" };
            std::iter::once(comma).chain(item.iter().map(|p| p.as_bytes()))
        });
        (std::iter::once(head).chain(items).chain(std::iter::once(tail))).filter(|p| !p.is_empty())
    }

    /// The length in bytes.
    fn byte_len(&self) -> usize {
        self.pieces().map(<[u8]>::len).sum()
    }

    /// The bytes, joined (what a test reads of a notification).
    pub fn to_vec(&self) -> Vec<u8> {
        self.pieces().flatten().copied().collect()
    }
}

/// What the outbox has for the writer.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    Body(Body),
    /// Nothing waits (yet).
    Nothing,
    /// Closed, and nothing waits.
    Closed,
}

/// Everything for the client waits here, whole messages, for the one writer:
/// answers, the server's own requests and notifications, and the note
/// diagnostics. A publication waits in a slot of its note: a newer one for
/// the same note replaces it, so a client that reads slowly holds at most one
/// pending publication per note, never a queue of superseded ones (F8).
#[derive(Clone, Default)]
pub struct Outbox(Arc<Shared>);

#[derive(Default)]
struct Shared {
    queue: std::sync::Mutex<Queue>,
    /// Signalled when something is queued or the outbox closes (the writer waits on it).
    ready: std::sync::Condvar,
    /// URIs as the client wrote them, by their normalized form, where the two differ.
    as_sent: std::sync::Mutex<std::collections::HashMap<String, String>>,
}

#[derive(Default)]
struct Queue {
    /// Bodies, not yet framed.
    messages: std::collections::VecDeque<Vec<u8>>,
    /// At most one publication per note, in the order the notes first had one waiting.
    publications: std::collections::VecDeque<(String, Body)>,
    closed: bool,
}

impl Outbox {
    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.0.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queue a JSON-RPC body; false once the client is gone.
    pub fn send(&self, body: Vec<u8>) -> bool {
        let mut q = self.queue();
        if q.closed {
            return false;
        }
        q.messages.push_back(body);
        drop(q);
        self.0.ready.notify_one();
        true
    }

    /// Queue a message, serialized directly (no `Value` tree).
    pub fn send_json<T: serde::Serialize>(&self, message: &T) -> bool {
        serde_json::to_vec(message).is_ok_and(|body| self.send(body))
    }

    /// Queue the publication of a note's diagnostics, replacing the one of
    /// the same note still waiting.
    pub fn publish(&self, uri: &str, body: Body) -> bool {
        let mut q = self.queue();
        if q.closed {
            return false;
        }
        // O(notes with a publication waiting): a handful.
        match q.publications.iter_mut().find(|(u, _)| u == uri) {
            Some(slot) => slot.1 = body,
            None => q.publications.push_back((uri.to_string(), body)),
        }
        drop(q);
        self.0.ready.notify_one();
        true
    }

    /// The client is gone (a write failed): drop what waits, take nothing more.
    fn fail(&self) {
        let mut q = self.queue();
        q.closed = true;
        q.messages.clear();
        q.publications.clear();
    }

    /// No more messages: the writer ends once it has written what waits.
    pub fn close(&self) {
        self.queue().closed = true;
        self.0.ready.notify_one();
    }

    /// The next body to write: other messages first, then publications.
    pub fn pop(&self) -> Next {
        Self::pop_from(&mut self.queue())
    }

    fn pop_from(q: &mut Queue) -> Next {
        if let Some(m) = q.messages.pop_front() {
            return Next::Body(Body::Whole(m));
        }
        if let Some((_, m)) = q.publications.pop_front() {
            return Next::Body(m);
        }
        if q.closed {
            Next::Closed
        } else {
            Next::Nothing
        }
    }

    /// The next body, waiting for one (the writer thread blocks here);
    /// `None` once closed and empty.
    fn next_blocking(&self) -> Option<Body> {
        let mut q = self.queue();
        loop {
            match Self::pop_from(&mut q) {
                Next::Body(m) => return Some(m),
                Next::Closed => return None,
                Next::Nothing => q = self.0.ready.wait(q).unwrap_or_else(|e| e.into_inner()),
            }
        }
    }

    /// Remember how the client wrote a URI, when its normalized form differs.
    fn remember_uri(&self, sent: &str) {
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

/// Write every body of `outbox` to `output`, framed, until the outbox is
/// closed and empty or a write fails; on its own thread. Measured (`perf
/// stat`, README "Performance"): tokio's stdout hands the header, each piece
/// and the flush to its blocking pool, about 25 context switches per
/// keystroke against 13 here, and 0.1-0.2 ms of CPU. The thread takes one body
/// at a time from the outbox, so while it waits on a slow client a newer
/// publication still replaces the unsent one (F8): nothing queues elsewhere.
fn write_out(mut output: Box<dyn Write + Send>, outbox: Outbox) {
    while let Some(body) = outbox.next_blocking() {
        if write_frame(&mut output, &body).is_err() {
            outbox.fail();
            return;
        }
    }
}

/// Header and body with `writev` (no copy of the body: one system call per
/// 1,024 pieces when the client keeps up).
pub fn write_frame(output: &mut dyn Write, body: &Body) -> std::io::Result<()> {
    let header = format!("Content-Length: {}\r\n\r\n", body.byte_len());
    let mut pieces = std::iter::once(header.as_bytes()).chain(body.pieces()).peekable();
    // IOV_MAX is 1,024 on Linux; more pieces are written in turns.
    let mut turn: Vec<IoSlice<'_>> = Vec::with_capacity(1024);
    while pieces.peek().is_some() {
        turn.clear();
        turn.extend(pieces.by_ref().take(1024).map(IoSlice::new));
        let mut left = &mut turn[..];
        while !left.is_empty() {
            match output.write_vectored(left) {
                Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
                Ok(n) => IoSlice::advance_slices(&mut left, n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
    output.flush()
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

/// Run `work`; a panic in it (or in blocking work it waited for and that
/// resumed the panic, see `server::off_the_executor`) is written to stderr and
/// to the client's log (`window/logMessage`) and becomes `Err(message)`. The
/// one place panics are caught: every handler and every task the server
/// spawns runs in it.
pub async fn catching<T>(what: &str, out: &Outbox, work: impl Future<Output = T>) -> Result<T, String> {
    CatchUnwind(Box::pin(work)).await.map_err(|why| {
        let msg = format!("claimlint: internal error while {what}: {why}; the server goes on");
        crate::stderr::line(msg.clone());
        out.send_json(&json!({"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 1, "message": msg}}));
        msg
    })
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

type Handling = Pin<Box<dyn Future<Output = Option<Response>> + Send>>;

/// Hand a request to the service, guarded: a panic answers a request with
/// an internal error (-32603) and a notification with nothing.
fn dispatch<S: LanguageServer>(service: &mut LspService<S>, request: Request, out: &Outbox) -> Handling {
    let id = request.id().cloned();
    let method = request.method().to_string();
    let made = std::panic::catch_unwind(AssertUnwindSafe(|| service.call(request)));
    let out = out.clone();
    Box::pin(async move {
        let what = format!("handling {method}");
        let handled = catching(&what, &out, async {
            panic_for_tests(&method);
            match made {
                Ok(handler) => handler.await.ok().flatten(),
                Err(p) => std::panic::resume_unwind(p),
            }
        });
        match handled.await {
            Ok(reply) => reply,
            Err(msg) => id.map(|id| {
                let mut e = Error::internal_error();
                e.message = msg.into();
                Response::from_error(id, e)
            }),
        }
    })
}

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The client closed the input.
    Eof,
    /// An `exit` notification, after a `shutdown` request or not.
    Exit { after_shutdown: bool },
}

/// Serve `service` over `input`/`output` until the client closes the input
/// or sends `exit`. `outbox` is the one the server publishes through.
pub async fn serve<I, S>(
    input: I,
    output: Box<dyn Write + Send>,
    mut service: LspService<S>,
    socket: ClientSocket,
    outbox: Outbox,
) -> End
where
    I: AsyncRead + Unpin,
    S: LanguageServer,
{
    let (written, writer) = tokio::sync::oneshot::channel::<()>();
    let o = outbox.clone();
    let spawned = std::thread::Builder::new()
        .name("claimlint-stdout".into())
        .spawn(move || {
            write_out(output, o);
            let _ = written.send(());
        });
    if let Err(e) = spawned {
        crate::stderr::line(format!("claimlint lsp: cannot start the output thread: {e}"));
        return End::Eof;
    }
    let (mut to_client, mut from_client) = socket.split();
    let frames = futures::stream::unfold(FrameReader::new(input), |mut r| async move {
        let frame = r.next().await;
        Some((frame, r))
    });
    let mut frames = std::pin::pin!(frames);
    let mut running = futures::stream::FuturesUnordered::<Handling>::new();
    let mut shutdown = false;
    let end = loop {
        // Handlers run, and the server's requests go out, while the next
        // frame is read (a stream: a read in progress is kept, not lost).
        let frame = tokio::select! {
            biased;
            Some(reply) = running.next(), if !running.is_empty() => {
                reply.map(|r| outbox.send_json(&r));
                continue;
            }
            Some(request) = to_client.next() => {
                outbox.send_json(&request);
                continue;
            }
            Some(frame) = frames.next(), if running.len() < MAX_CONCURRENT => frame,
            else => break End::Eof,
        };
        let body = match frame {
            Err(e) => {
                crate::stderr::line(format!("claimlint lsp: reading the input: {e}"));
                break End::Eof;
            }
            Ok(Frame::Eof) => break End::Eof,
            Ok(Frame::BadHeader(why)) => {
                crate::stderr::line(format!(
                    "claimlint lsp: {why}; skipping to the next Content-Length header"
                ));
                continue;
            }
            Ok(Frame::Body(body)) => body,
        };
        let request = match judge(&body) {
            Verdict::Forward(Message::Response(response)) => {
                let _ = from_client.send(response).await;
                continue;
            }
            Verdict::Forward(Message::Request(request)) => request,
            Verdict::Reply(reply) => {
                crate::stderr::line("claimlint lsp: answered a malformed message with an error");
                outbox.send(reply);
                match out_of_step(&body) {
                    Some(request) => request,
                    None => continue,
                }
            }
        };
        drop(body);
        if request.method() == "textDocument/didOpen" {
            if let Some(uri) = request.params().and_then(|p| p.pointer("/textDocument/uri")?.as_str()) {
                outbox.remember_uri(uri);
            }
        }
        // tower-lsp's service takes nothing while `initialize` is handled.
        let ready = loop {
            tokio::select! {
                ready = futures::future::poll_fn(|cx| service.poll_ready(cx)) => break ready.is_ok(),
                Some(reply) = running.next(), if !running.is_empty() => {
                    reply.map(|r| outbox.send_json(&r));
                }
            }
        };
        let method = request.method().to_string();
        if ready {
            running.push(dispatch(&mut service, request, &outbox));
        }
        match method.as_str() {
            _ if !ready => {
                break End::Exit {
                    after_shutdown: shutdown,
                }
            }
            "shutdown" => shutdown = true,
            "exit" => {
                break End::Exit {
                    after_shutdown: shutdown,
                }
            }
            _ => {}
        }
    };
    // The input is closed: let the handlers in flight end (at most 2 s).
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            tokio::select! {
                Some(reply) = running.next(), if !running.is_empty() => {
                    reply.map(|r| outbox.send_json(&r));
                }
                Some(request) = to_client.next(), if !running.is_empty() => {
                    outbox.send_json(&request);
                }
                else => break,
            }
        }
    })
    .await;
    // The writer ends once everything queued is written.
    outbox.close();
    let _ = tokio::time::timeout(Duration::from_secs(1), writer).await;
    end
}
