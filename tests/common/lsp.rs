//! The one LSP test client: framed JSON-RPC to a server, the messages it
//! sends back collected by a reader thread. The server is either the real
//! binary (`claimlint lsp` over pipes: for what lives in the process, such
//! as exit codes, stderr, the environment) or the same server in this
//! process (`claimlint::lsp::serve` over in-memory pipes: for features).

use super::{frame, tmp, BIN};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long `wait` waits before the test fails (generous: only a failing
/// test waits this long).
const WAIT: Duration = Duration::from_secs(60);

type Input = Box<dyn Write + Send>;

/// How to start a server.
pub struct Spawn {
    root: Option<PathBuf>,
    env: Vec<(String, String)>,
    stderr: Option<Stdio>,
    bin: String,
    answer_requests: bool,
    /// The editor's settings per `scopeUri` (`""`: asked without one).
    settings: Value,
    in_process: bool,
}

impl Spawn {
    /// The real binary, in a fresh empty folder, `CLAIMLINT_ARTICLE` removed,
    /// stderr discarded, the server's own requests left unanswered.
    pub fn binary() -> Spawn {
        Spawn {
            root: None,
            env: Vec::new(),
            stderr: None,
            bin: BIN.to_string(),
            answer_requests: false,
            settings: json!({}),
            in_process: false,
        }
    }

    /// The server in this process, over an in-memory duplex. It sees this
    /// process's environment, so `CLAIMLINT_ARTICLE` must be unset.
    pub fn in_process() -> Spawn {
        Spawn {
            in_process: true,
            ..Spawn::binary()
        }
    }

    /// The workspace root (made beforehand, with its files).
    pub fn root(mut self, root: PathBuf) -> Spawn {
        self.root = Some(root);
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Spawn {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    pub fn stderr(mut self, stderr: Stdio) -> Spawn {
        self.stderr = Some(stderr);
        self
    }

    /// Another build of the binary (`CLAIMLINT_UNDER_TEST`, to show a test
    /// fails on an older one).
    pub fn bin(mut self, bin: String) -> Spawn {
        self.bin = bin;
        self
    }

    /// Answer the server's requests as an editor does: `workspace/configuration`
    /// with no settings, anything else with `null`.
    pub fn answering(mut self) -> Spawn {
        self.answer_requests = true;
        self
    }

    /// `answering`, and `workspace/configuration` answered from `settings`,
    /// an object from each item's `scopeUri` (`""` for none) to its value.
    pub fn answering_settings(mut self, settings: Value) -> Spawn {
        self.settings = settings;
        self.answering()
    }

    /// Start the server; not initialized.
    pub fn spawn(self) -> Lsp {
        let root = self.root.clone().unwrap_or_else(|| tmp("ws"));
        let (child, input, output): (Option<Child>, Input, Box<dyn Read + Send>) = if self.in_process {
            assert!(
                self.env.is_empty() && self.stderr.is_none(),
                "an in-process server has this process's environment and stderr"
            );
            assert!(
                std::env::var_os("CLAIMLINT_ARTICLE").is_none(),
                "the in-process LSP tests need CLAIMLINT_ARTICLE unset"
            );
            let (input, output) = in_process();
            (None, input, output)
        } else {
            let mut cmd = Command::new(&self.bin);
            cmd.arg("lsp")
                .current_dir(&root)
                .env_remove("CLAIMLINT_ARTICLE")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(self.stderr.unwrap_or_else(Stdio::null));
            for (k, v) in &self.env {
                cmd.env(k, v);
            }
            let mut child = cmd.spawn().expect("the binary starts");
            let input = Box::new(child.stdin.take().unwrap());
            let output = Box::new(child.stdout.take().unwrap());
            (Some(child), input, output)
        };
        let input = Arc::new(Mutex::new(Some(input)));
        let (tx, rx) = channel();
        let answer = self.answer_requests.then(|| (input.clone(), self.settings));
        std::thread::spawn(move || read_messages(output, answer, tx));
        Lsp {
            child,
            input,
            rx,
            seen: Vec::new(),
            log: Vec::new(),
            next_id: 0,
            root,
        }
    }

    /// Start the server and initialize it: `initialize` with `params` merged
    /// into the usual ones, then `initialized`. The server and the response.
    pub fn start(self, params: Value) -> (Lsp, Value) {
        let mut lsp = self.spawn();
        let init = lsp.initialize(params);
        lsp.notify("initialized", json!({}));
        (lsp, init)
    }
}

/// The server on a thread of its own with its runtime, reading from a
/// duplex and writing into a channel; the client's ends as blocking reader
/// and writer.
fn in_process() -> (Input, Box<dyn Read + Send>) {
    use tokio::io::AsyncWriteExt;
    let (to_server, mut from_client) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
    let (to_client, from_server) = channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let (mut client_write, server_read) = tokio::io::duplex(1 << 16);
            tokio::spawn(async move {
                while let Some(bytes) = from_client.recv().await {
                    if client_write.write_all(&bytes).await.is_err() {
                        return;
                    }
                }
                // The client closed its input: the server sees the end of it.
                let _ = client_write.shutdown().await;
            });
            claimlint::lsp::serve(server_read, ChannelWriter(move |b| to_client.send(b).is_ok())).await
        });
        runtime.shutdown_timeout(Duration::from_millis(500));
    });
    (
        Box::new(ChannelWriter(move |b| to_server.send(b).is_ok())),
        Box::new(ChannelReader {
            rx: from_server,
            buf: Vec::new(),
            at: 0,
        }),
    )
}

/// A writer whose every write is one message sent on a channel (the
/// client's input to the in-process server, the server's output to the client).
struct ChannelWriter<F: FnMut(Vec<u8>) -> bool>(F);

impl<F: FnMut(Vec<u8>) -> bool> Write for ChannelWriter<F> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if !(self.0)(bytes.to_vec()) {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct ChannelReader {
    rx: Receiver<Vec<u8>>,
    buf: Vec<u8>,
    at: usize,
}

impl Read for ChannelReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.buf.len() {
            match self.rx.recv() {
                Ok(b) => (self.buf, self.at) = (b, 0),
                Err(_) => return Ok(0),
            }
        }
        let n = out.len().min(self.buf.len() - self.at);
        out[..n].copy_from_slice(&self.buf[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// The reader thread: each frame's JSON to `tx`; the server's requests
/// answered through `answer` when given (`workspace/configuration` from its
/// settings per scope).
fn read_messages(
    output: Box<dyn Read + Send>,
    answer: Option<(Arc<Mutex<Option<Input>>>, Value)>,
    tx: std::sync::mpsc::Sender<Value>,
) {
    let mut r = BufReader::new(output);
    loop {
        let mut len = None;
        loop {
            let mut line = String::new();
            if r.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; len.expect("every frame the server writes has a Content-Length")];
        if r.read_exact(&mut body).is_err() {
            return;
        }
        let msg: Value = serde_json::from_slice(&body).expect("the server writes JSON");
        if let Some((input, settings)) = &answer {
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let result = if msg["method"] == "workspace/configuration" {
                    let items = msg["params"]["items"].as_array().cloned().unwrap_or_default();
                    let scope = |i: &Value| i["scopeUri"].as_str().unwrap_or("").to_string();
                    items.iter().map(|i| settings[scope(i)].clone()).collect()
                } else {
                    Value::Null
                };
                let reply = json!({"jsonrpc": "2.0", "id": msg["id"], "result": result}).to_string();
                if let Some(w) = input.lock().unwrap().as_mut() {
                    let _ = w.write_all(&frame(reply.as_bytes()));
                }
            }
        }
        if tx.send(msg).is_err() {
            return;
        }
    }
}

/// A running server and the messages it sent.
pub struct Lsp {
    child: Option<Child>,
    /// Shared with the reader thread, which may answer the server's requests.
    input: Arc<Mutex<Option<Input>>>,
    rx: Receiver<Value>,
    /// Messages received and not yet taken by `wait`.
    pub seen: Vec<Value>,
    /// Every message received, in order.
    pub log: Vec<Value>,
    pub next_id: i64,
    pub root: PathBuf,
}

impl Lsp {
    /// `initialize` with `extra` merged into `{processId, rootUri, capabilities}`; its response.
    pub fn initialize(&mut self, extra: Value) -> Value {
        let mut params = json!({
            "processId": null,
            "rootUri": format!("file://{}", self.root.display()),
            "capabilities": {},
        });
        if let (Some(p), Some(extra)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(extra.clone());
        }
        self.request("initialize", params)
    }

    /// The child process (a test of the binary itself).
    pub fn child(&mut self) -> &mut Child {
        self.child.as_mut().expect("a server run as a process")
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let mut guard = self.input.lock().unwrap();
        let w = guard.as_mut().expect("the input is open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    pub fn send(&mut self, msg: Value) {
        self.send_raw(&frame(msg.to_string().as_bytes()));
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request with id `id`; do not wait.
    pub fn send_request(&mut self, id: i64, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
    }

    /// Send a request; its whole response (result or error).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send_request(id, method, params);
        self.response(id, method)
    }

    /// The result of a request, which must not be an error.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let r = self.request(method, params);
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    /// The response to request `id` (taken).
    pub fn response(&mut self, id: i64, what: &str) -> Value {
        self.wait(
            |m| m["id"] == id && m.get("method").is_none(),
            &format!("the response to {what}"),
        )
    }

    /// The response to request `id` within `within`, or `None` (not taken).
    pub fn response_within(&mut self, id: i64, within: Duration) -> Option<Value> {
        self.seen_within(within, |m| m["id"] == id && m.get("method").is_none())
    }

    fn receive(&mut self, within: Duration) -> Result<Value, RecvTimeoutError> {
        let m = self.rx.recv_timeout(within)?;
        self.log.push(m.clone());
        Ok(m)
    }

    /// The next message (received earlier or arriving) that satisfies `pred`,
    /// taken; the test fails after a minute without one.
    pub fn wait(&mut self, pred: impl Fn(&Value) -> bool, what: &str) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            match self.receive(deadline.saturating_duration_since(Instant::now())) {
                Ok(m) if pred(&m) => return m,
                Ok(m) => self.seen.push(m),
                Err(RecvTimeoutError::Timeout) => panic!("no {what} within {WAIT:?}; seen: {:#?}", self.seen),
                Err(RecvTimeoutError::Disconnected) => panic!("the server went away waiting for {what}"),
            }
        }
    }

    /// The first message of the whole log (received earlier or arriving
    /// within `within`) that satisfies `pred`, not taken; `None` when none
    /// comes in time.
    pub fn seen_within(&mut self, within: Duration, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(m) = self.log.iter().find(|m| pred(m)) {
            return Some(m.clone());
        }
        let end = Instant::now() + within;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            let m = self.receive(left).ok()?;
            self.seen.push(m.clone());
            if pred(&m) {
                return Some(m);
            }
        }
        None
    }

    /// Messages arriving within `d` (and those received before), taken.
    pub fn drain(&mut self, d: Duration) -> Vec<Value> {
        let deadline = Instant::now() + d;
        while let Ok(m) = self.receive(deadline.saturating_duration_since(Instant::now())) {
            self.seen.push(m);
        }
        std::mem::take(&mut self.seen)
    }

    /// The diagnostics published for `uri` at `version` (taken).
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait(
            |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && m["params"]["version"] == version
            },
            &format!("diagnostics for {uri} version {version}"),
        );
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// The parameters of the diagnostics published last for `uri`, after
    /// `within` of collecting.
    pub fn last_published(&mut self, uri: &str, within: Duration) -> Option<Value> {
        let _ = self.seen_within(within, |_| false);
        self.log
            .iter()
            .rev()
            .find(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
            .map(|m| m["params"].clone())
    }

    /// Open `uri` at version 1.
    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// A file of the workspace root, as a URI.
    pub fn uri(&self, name: &str) -> String {
        format!("file://{}/{name}", self.root.display())
    }

    /// The server answers a workspace/symbol request (id `id`) within `within`.
    pub fn answers(&mut self, id: i64, within: Duration) -> bool {
        self.send_request(id, "workspace/symbol", json!({"query": "Roots"}));
        self.response_within(id, within).is_some()
    }

    /// The server still answers: a workspace-symbol request.
    pub fn alive(&mut self) {
        let r = self.call("workspace/symbol", json!({"query": "roots"}));
        assert!(r.is_array(), "{r}");
    }

    /// Take the input (to write from another thread); give it back with `give_input`.
    pub fn take_input(&mut self) -> Input {
        self.input.lock().unwrap().take().expect("the input is open")
    }

    pub fn give_input(&mut self, input: Input) {
        *self.input.lock().unwrap() = Some(input);
    }

    /// Stop reading the server's output, as a client that hangs: the reader
    /// thread ends at the next message it cannot hand over, and drops the
    /// reading side, so the server's writes fail from then on.
    pub fn stop_reading(&mut self) {
        self.rx = channel().1;
    }

    /// Close the server's input (EOF).
    pub fn close_stdin(&mut self) {
        *self.input.lock().unwrap() = None;
    }

    /// The process's exit status; the test fails if it has not exited within `within`.
    pub fn exit_status(&mut self, within: Duration) -> ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(s) = self.child().try_wait().unwrap() {
                return s;
            }
            assert!(Instant::now() < deadline, "the server did not exit within {within:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        // In process: the end of the input ends the server.
        *self.input.lock().unwrap_or_else(|e| e.into_inner()) = None;
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
