//! claimlint's benchmark suite: `cargo bench` (the whole run, a few minutes)
//! or `cargo bench --bench claimlint-bench -- --smoke` (seconds; what CI runs).
//!
//! It generates notes deterministically (`support/notegen.rs`) and measures
//! 1. `check` throughput (MB/s on one core) and per-sentence cost, at 10 KB,
//!    100 KB, 1 MB and 10 MB;
//! 2. the real `claimlint lsp` binary over stdio: initialize, didOpen to
//!    publishDiagnostics, and didChange to publishDiagnostics (p50/p95/max
//!    over single-character edits at spread positions) on the 100 KB and 1 MB
//!    notes; hover and definition latency; peak RSS (VmHWM) with the 1 MB
//!    note open;
//! 3. the same didChange measurement against peer language servers
//!    (`typos-lsp`, `harper-ls`) found on `PATH` or given with `--peer PATH`.
//!
//! It prints a table (and `--json FILE` writes the figures). No figure is
//! asserted: the README states the targets and whether they were met.
//!
//! Options after `--`: `--smoke`, `--peer PATH` (repeatable), `--no-peers`,
//! `--edits N`, `--lsp-sizes BYTES,BYTES`, `--check-only`, `--lsp-only`,
//! `--json FILE`, `--bin PATH` (the server to drive), and two profiling aids,
//! `--profile-check BYTES` and `--profile-keystroke` (run under `perf record`
//! or `valgrind --tool=callgrind`).
//!
//! Profile notes (perf on a 1 MB note, 2026-11-26, second session). A full
//! check spends its time in the checker proper, spread thin: the term scan
//! (`matcher::scan_outside` with the automaton, ~20%), normalizing and
//! splitting words (~10%), the note readers (`values::dates`, `matcher::refs`,
//! `split_sentences`, ~10%), allocation (~10%: small `String`s and `Vec`s
//! per sentence), and the rules, none above 5%. What made it twice as fast
//! without changing a finding: cheap tests before costly ones (a capital or
//! a figure before a word is normalized, a digit before a number parses, a
//! list only when one of its members is named), a bit per term for
//! `Scan::has`, one automaton for section titles and one for reference
//! markers, SIMD substring search for quotations, and reading one sentence
//! at a time. A dense automaton (`AhoCorasickKind::DFA`) would save another
//! ~10% at 3 MB of memory; we kept the contiguous NFA. The editor path is
//! dominated by the edited sentence's check, the copy of the note into the
//! next snapshot, and the diagnostics' JSON, which is why it is incremental
//! (`engine::Incremental`).

#[path = "support/notegen.rs"]
mod notegen;

use claimlint::article::Article;
use claimlint::engine::Engine;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SEED: u64 = 0x5eed_2022;
const KB: usize = 1000;
const MB: usize = 1000 * 1000;
/// Share of wrong sentences in the note with many findings, in percent.
const DENSE_PERCENT: u32 = 20;

struct Args {
    smoke: bool,
    edits: usize,
    peers: Vec<PathBuf>,
    json: Option<PathBuf>,
    bin: PathBuf,
    profile_check: Option<usize>,
    check_only: bool,
    lsp_only: bool,
    /// Note sizes for the server runs.
    lsp_sizes: Vec<usize>,
}

fn args() -> Args {
    let mut a = Args {
        smoke: false,
        edits: 240,
        peers: Vec::new(),
        json: None,
        bin: PathBuf::from(env!("CARGO_BIN_EXE_claimlint")),
        profile_check: None,
        check_only: false,
        lsp_only: false,
        lsp_sizes: vec![100 * KB, MB],
    };
    let mut no_peers = false;
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--smoke" => a.smoke = true,
            "--no-peers" => no_peers = true,
            "--peer" => a.peers.extend(it.next().map(PathBuf::from)),
            "--edits" => a.edits = it.next().and_then(|n| n.parse().ok()).unwrap_or(a.edits),
            "--json" => a.json = it.next().map(PathBuf::from),
            "--check-only" => a.check_only = true,
            "--lsp-only" => a.lsp_only = true,
            "--lsp-sizes" => {
                a.lsp_sizes = it
                    .next()
                    .map(|v| v.split(',').filter_map(|n| n.parse().ok()).collect())
                    .unwrap_or_default()
            }
            "--profile-check" => a.profile_check = it.next().and_then(|n| n.parse().ok()),
            "--bin" => a.bin = it.next().map(PathBuf::from).unwrap_or(a.bin),
            // `cargo bench` passes `--bench`; a filter word may follow.
            _ => {}
        }
    }
    if a.smoke {
        a.edits = a.edits.min(20);
        a.lsp_sizes = vec![10 * KB];
        no_peers = true;
    }
    if !no_peers && a.peers.is_empty() {
        for name in ["typos-lsp", "harper-ls"] {
            a.peers.extend(on_path(name));
        }
    }
    if no_peers {
        a.peers.clear();
    }
    a
}

fn on_path(name: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn article_path() -> Option<PathBuf> {
    let p = std::env::var_os("CLAIMLINT_ARTICLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/article/week-of-talks.txt"));
    p.canonicalize().ok().filter(|p| p.is_file())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p / 100.0).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// This thread's CPU time in milliseconds (`/proc/thread-self/schedstat`,
/// nanoseconds on the CPU, updated at scheduler ticks: for loops of a second
/// or so), so that the checker's throughput does not depend on what else the
/// machine runs; wall time where it is not available.
fn cpu_ms() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map(|ns| ns / 1e6)
        .unwrap_or_else(|| ms(START.get_or_init(Instant::now).elapsed()))
}

/// CPU time of every thread of a process, in milliseconds.
fn process_cpu_ms(pid: u32) -> Option<f64> {
    let mut total = 0.0;
    for t in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
        let s = std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok()?;
        total += s.split_whitespace().next()?.parse::<f64>().ok()? / 1e6;
    }
    Some(total)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn size_name(n: usize) -> String {
    if n >= MB {
        format!("{} MB", n / MB)
    } else {
        format!("{} KB", n / KB)
    }
}

/// Latencies in milliseconds: p50, p95, max.
#[derive(Clone, Copy, Default)]
struct Stats {
    n: usize,
    p50: f64,
    p95: f64,
    max: f64,
}

impl Stats {
    fn of(mut v: Vec<f64>) -> Stats {
        v.sort_by(|a, b| a.total_cmp(b));
        Stats {
            n: v.len(),
            p50: percentile(&v, 50.0),
            p95: percentile(&v, 95.0),
            max: v.last().copied().unwrap_or(f64::NAN),
        }
    }

    fn json(&self) -> Value {
        json!({"n": self.n, "p50_ms": self.p50, "p95_ms": self.p95, "max_ms": self.max})
    }
}

// ---------------------------------------------------------------- 1. check

struct Throughput {
    size: usize,
    sentences: usize,
    findings: usize,
    /// On the checking thread's CPU time, and on the wall clock.
    mb_s: f64,
    mb_s_wall: f64,
    us_per_sentence: f64,
    /// The time of one incremental re-check after a one-character edit, median.
    incremental_ms: f64,
}

fn throughput(engine: &Engine, size: usize, budget: Duration) -> Throughput {
    let note = notegen::note(SEED, size);
    let sentences = claimlint::note::read(&note).sentences.len();
    let findings = engine.check(&note).len();
    let mut runs = 0u32;
    let (t, c) = (Instant::now(), cpu_ms());
    while runs < 3 || t.elapsed() < budget {
        std::hint::black_box(engine.check(std::hint::black_box(&note)));
        runs += 1;
        if size >= 10 * MB && runs >= 2 {
            break;
        }
    }
    let per = (cpu_ms() - c) / 1000.0 / runs as f64;
    let per_wall = t.elapsed().as_secs_f64() / runs as f64;
    // The incremental path: one edit, then the checker's re-check of it.
    let mut inc = claimlint::engine::Incremental::default();
    let opts = claimlint::engine::Options::default();
    inc.check(engine, &Arc::new(note.clone()), &opts);
    let mut rng = notegen::Rng::new(SEED + 1);
    let mut text = note.clone();
    let mut times = Vec::new();
    for _ in 0..if size >= 10 * MB { 5 } else { 30 } {
        let (s, e, ins) = notegen::edit(&mut rng, &text);
        text.replace_range(s..e, &ins);
        // (Wall time: a re-check is shorter than the CPU clock's granularity.)
        let t = Instant::now();
        std::hint::black_box(inc.check(engine, &Arc::new(text.clone()), &opts));
        times.push(ms(t.elapsed()));
    }
    Throughput {
        size: note.len(),
        sentences,
        findings,
        mb_s: note.len() as f64 / MB as f64 / per,
        mb_s_wall: note.len() as f64 / MB as f64 / per_wall,
        us_per_sentence: per * 1e6 / sentences.max(1) as f64,
        incremental_ms: Stats::of(times).p50,
    }
}

/// Where a full check's time goes, per MB: masking, splitting, reading
/// (mask + split + normalizing every sentence), checking, and finishing.
fn phases(engine: &Engine, size: usize, budget: Duration) -> Vec<(&'static str, f64)> {
    let note = notegen::note(SEED, size);
    let mb = note.len() as f64 / MB as f64;
    let time = |f: &mut dyn FnMut()| {
        let (t, c) = (Instant::now(), cpu_ms());
        let mut n = 0;
        while n < 3 || t.elapsed() < budget {
            f();
            n += 1;
        }
        (cpu_ms() - c) / n as f64 / mb
    };
    let masked = claimlint::note::markdown::mask(&note);
    let findings = engine.check(&note);
    vec![
        (
            "mask",
            time(&mut || drop(std::hint::black_box(claimlint::note::markdown::mask(&note)))),
        ),
        (
            "split",
            time(&mut || drop(std::hint::black_box(claimlint::note::split_sentences(&masked)))),
        ),
        (
            "read",
            time(&mut || drop(std::hint::black_box(claimlint::note::read(&note)))),
        ),
        ("check", time(&mut || drop(std::hint::black_box(engine.check(&note))))),
        (
            "finish",
            time(&mut || {
                drop(std::hint::black_box(claimlint::engine::finish(
                    &note,
                    findings.clone(),
                    &claimlint::engine::Options::default(),
                )))
            }),
        ),
    ]
}

/// Where a keystroke's time goes inside the server, for a note of `size`
/// (medians over one-character edits, ms): the document store's change, the
/// incremental check, the findings made diagnostics, and the notification
/// serialized. In-process, without the wire.
fn keystroke_phases(article: Option<&Path>, size: usize) -> Vec<(&'static str, f64)> {
    use claimlint::lsp::config::{build, Settings};
    use claimlint::lsp::diagnostics::{diagnostics, Analysis, PublishedJson};
    use claimlint::lsp::documents::Store;
    use claimlint::position::Encoding;
    use tower_lsp::lsp_types::{Position, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent, Url};
    let mut settings = Settings::default();
    settings.config.article = article.map(|p| p.display().to_string());
    let world = build(&settings, &[], None, 1);
    let note = notegen::note(SEED, size);
    let uri = Url::parse("file:///bench/note.md").expect("a URL");
    let mut store: Store = Store::default();
    let snap = store.open(uri.clone(), "markdown", 1, note.clone());
    let mut inc = claimlint::engine::Incremental::default();
    drop(Analysis::incremental(&world, snap, true, &mut inc));
    let mut text = note.clone();
    let mut t = vec![Vec::new(); 6];
    let mut published = PublishedJson::default();
    let mut local = 0;
    for (k, (start, end, ins)) in edits(&note, 60).into_iter().enumerate() {
        let pos = |i: usize| {
            let v = lsp_pos(&text, i);
            Position::new(
                v["line"].as_u64().unwrap_or(0) as u32,
                v["character"].as_u64().unwrap_or(0) as u32,
            )
        };
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(pos(start), pos(end))),
            range_length: None,
            text: ins.clone(),
        };
        text.replace_range(start..end, &ins);
        let c = Instant::now();
        let Ok(snap) = store.change(&uri, k as i32 + 2, vec![change], Encoding::Utf16) else {
            return Vec::new();
        };
        t[0].push(ms(c.elapsed()));
        let c = Instant::now();
        std::hint::black_box(snap.to_text());
        t[5].push(ms(c.elapsed()));
        let c = Instant::now();
        let an = Analysis::incremental(&world, snap, true, &mut inc);
        t[1].push(ms(c.elapsed()));
        local += inc.was_local() as usize;
        let c = Instant::now();
        let diags = diagnostics(&world, &an, Encoding::Utf16);
        t[2].push(ms(c.elapsed()));
        let c = Instant::now();
        let direct = published.notification(&world, &an, uri.as_str(), Encoding::Utf16);
        t[4].push(ms(c.elapsed()));
        let params = PublishDiagnosticsParams::new(uri.clone(), diags, Some(k as i32 + 2));
        let c = Instant::now();
        let value = serde_json::to_value(&params).unwrap_or_default();
        let body = json!({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": value}).to_string();
        t[3].push(ms(c.elapsed()));
        std::hint::black_box((body, direct));
    }
    let names = [
        "store change",
        "incremental check",
        "diagnostics (all)",
        "JSON via Value (tower-lsp's way)",
        "notification (what the server sends)",
        "the flat text from the rope (inside the check)",
    ];
    let n = t[1].len().max(1);
    let mut out: Vec<(&'static str, f64)> = names.into_iter().zip(t).map(|(n, v)| (n, Stats::of(v).p50)).collect();
    out.push(("edits on the local path, %", 100.0 * local as f64 / n as f64));
    out
}

// ---------------------------------------------------------------- 2. the server

fn frame(body: &str) -> Vec<u8> {
    let mut v = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    v.extend_from_slice(body.as_bytes());
    v
}

/// A language server on stdio, and the messages it sends, each stamped with
/// the moment it was read.
struct Server {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<(Instant, Value)>,
    seen: Vec<(Instant, Value)>,
    next_id: i64,
}

const WAIT: Duration = Duration::from_secs(60);

impl Server {
    fn start(bin: &Path, args: &[&str], root: &Path) -> std::io::Result<Server> {
        let mut child = Command::new(bin)
            .args(args)
            .current_dir(root)
            .env_remove("CLAIMLINT_ARTICLE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
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
                    if let Some(v) = line
                        .strip_prefix("Content-Length:")
                        .or_else(|| line.strip_prefix("content-length:"))
                    {
                        len = v.trim().parse::<usize>().ok();
                    }
                }
                let Some(len) = len else { return };
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let at = Instant::now();
                let Ok(msg) = serde_json::from_slice::<Value>(&body) else {
                    continue;
                };
                if tx.send((at, msg)).is_err() {
                    return;
                }
            }
        });
        Ok(Server {
            child,
            stdin,
            rx,
            seen: Vec::new(),
            next_id: 0,
        })
    }

    fn send(&mut self, msg: &Value) -> Instant {
        let bytes = frame(&msg.to_string());
        let t = Instant::now();
        let _ = self.stdin.write_all(&bytes);
        let _ = self.stdin.flush();
        t
    }

    fn notify(&mut self, method: &str, params: Value) -> Instant {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    /// The next message satisfying `pred`, and when it arrived. The server's
    /// own requests (configuration, registrations) are answered on the way.
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Option<(Instant, Value)> {
        if let Some(i) = self.seen.iter().position(|(_, m)| pred(m)) {
            return Some(self.seen.remove(i));
        }
        let deadline = Instant::now() + WAIT;
        loop {
            match self.rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok((at, m)) => {
                    if m.get("method").is_some() && m.get("id").is_some() {
                        let result = if m["method"] == "workspace/configuration" {
                            let n = m["params"]["items"].as_array().map_or(1, Vec::len);
                            Value::Array(vec![Value::Null; n])
                        } else {
                            Value::Null
                        };
                        self.send(&json!({"jsonrpc": "2.0", "id": m["id"], "result": result}));
                    }
                    if pred(&m) {
                        return Some((at, m));
                    }
                    if m.get("method").is_some_and(|x| x != "textDocument/publishDiagnostics") {
                        continue; // log messages and the like
                    }
                    self.seen.push((at, m));
                    if self.seen.len() > 64 {
                        self.seen.remove(0);
                    }
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// A request's round trip and its result.
    fn request(&mut self, method: &str, params: Value) -> Option<(Duration, Value)> {
        self.next_id += 1;
        let id = self.next_id;
        let t = self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let (at, m) = self.wait(|m| m["id"] == id && m.get("method").is_none())?;
        Some((at - t, m["result"].clone()))
    }

    /// Diagnostics published for `uri` after `since` (at `version`, when the
    /// server reports versions).
    fn diagnostics(&mut self, uri: &str, version: i64, since: Instant) -> Option<(Instant, usize)> {
        let (at, m) = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && (m["params"]["version"].is_null() || m["params"]["version"] == version)
        })?;
        let n = m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
        Some((at.max(since), n))
    }

    /// A memory figure of the server from `/proc/<pid>/status` (kB):
    /// `VmHWM` (the peak resident set) or `VmRSS` (the current one).
    fn status_kb(&self, key: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    fn stop(mut self) {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": "shutdown"}));
        let _ = self.wait(|m| m["id"] == id);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Line and UTF-16 column of byte `i`.
fn lsp_pos(text: &str, i: usize) -> Value {
    let line = text.as_bytes()[..i].iter().filter(|&&b| b == b'\n').count();
    let start = text[..i].rfind('\n').map_or(0, |j| j + 1);
    json!({"line": line, "character": text[start..i].encode_utf16().count()})
}

/// Single-character edits at spread positions: alternately a letter typed
/// into a word and that letter deleted again, so the note stays realistic.
/// `(start, end, inserted)` in bytes of the text as the previous edit left it.
fn edits(text: &str, n: usize) -> Vec<(usize, usize, String)> {
    let mut rng = notegen::Rng::new(SEED + 7);
    let mut out = Vec::new();
    let mut at = 0;
    for k in 0..n {
        if k % 2 == 0 {
            // Spread: the k-th slice of the note, a random place in it, moved
            // to the end of a word.
            let slice = text.len() / n.div_ceil(2).max(1);
            let mut i = (k / 2) * slice + rng.below(slice.max(1));
            i = i.min(text.len());
            while i < text.len() && (text.as_bytes()[i].is_ascii_alphanumeric() || !text.is_char_boundary(i)) {
                i += 1;
            }
            at = i;
            out.push((at, at, rng.pick(&["s", "e", "x", "1"]).to_string()));
        } else {
            out.push((at, at + 1, String::new()));
        }
    }
    out
}

struct LspRun {
    name: String,
    size: usize,
    /// Which note: its size, and "dense" for the one with many findings.
    label: String,
    initialize_ms: f64,
    spawn_to_ready_ms: f64,
    open_ms: Option<f64>,
    diagnostics: usize,
    change: Option<Stats>,
    hover: Option<Stats>,
    definition: Option<Stats>,
    peak_rss_kb: Option<u64>,
    /// Peak RSS once the note is open and checked, before any edit.
    open_rss_kb: Option<u64>,
    /// The server's CPU time (all threads) per edit: what an edit costs,
    /// whatever else the machine runs.
    cpu_per_edit_ms: Option<f64>,
    note: String,
}

/// Places of the note to hover and go to: entities, section references, a date.
fn spots(text: &str, n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for needle in [
        "Montenegro",
        "§Roots",
        "Lavrov",
        "2017",
        "[[Security Guarantees]]",
        "Geneva",
    ] {
        let mut from = 0;
        let step = (text.len() / (n / 6 + 1)).max(1);
        while out.len() < n {
            let Some(i) = text[from..].find(needle) else { break };
            out.push(from + i + needle.chars().next().map_or(0, char::len_utf8));
            from = (from + i + step).min(text.len());
            while !text.is_char_boundary(from) {
                from += 1;
            }
            if out.len() % (n / 6 + 1) == 0 {
                break;
            }
        }
    }
    out.truncate(n);
    out
}

#[allow(clippy::too_many_arguments)]
fn lsp_run(
    name: &str,
    label: &str,
    bin: &Path,
    args: &[&str],
    note: &str,
    n_edits: usize,
    features: bool,
    init_options: Value,
) -> Option<LspRun> {
    let root = std::env::temp_dir().join(format!("claimlint-bench-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).ok()?;
    let uri = format!("file://{}/note.md", root.display());
    let spawned = Instant::now();
    let mut s = Server::start(bin, args, &root).ok()?;
    let root_uri = format!("file://{}", root.display());
    let (init, _) = s.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
            "capabilities": {
                "textDocument": {
                    "publishDiagnostics": {"versionSupport": true},
                    "synchronization": {"didSave": true},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                },
                "workspace": {"configuration": false},
            },
            "initializationOptions": init_options,
        }),
    )?;
    let spawn_to_ready = spawned.elapsed();
    s.notify("initialized", json!({}));
    let mut run = LspRun {
        name: name.to_string(),
        size: note.len(),
        label: label.to_string(),
        initialize_ms: ms(init),
        spawn_to_ready_ms: ms(spawn_to_ready),
        open_ms: None,
        diagnostics: 0,
        change: None,
        hover: None,
        definition: None,
        peak_rss_kb: None,
        open_rss_kb: None,
        cpu_per_edit_ms: None,
        note: String::new(),
    };
    let t = s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": note}}),
    );
    let Some((at, n)) = s.diagnostics(&uri, 1, t) else {
        run.note = "no diagnostics after didOpen".into();
        s.stop();
        return Some(run);
    };
    run.open_ms = Some(ms(at - t));
    run.open_rss_kb = s.status_kb("VmHWM");
    run.diagnostics = n;
    // Let a peer's own follow-up publications (if any) land before measuring.
    std::thread::sleep(Duration::from_millis(300));
    while let Ok(m) = s.rx.try_recv() {
        drop(m);
    }
    s.seen.clear();
    let mut text = note.to_string();
    let mut lat = Vec::new();
    let mut missing = 0;
    let cpu_before = process_cpu_ms(s.child.id());
    for (k, (start, end, ins)) in edits(note, n_edits).into_iter().enumerate() {
        let version = k as i64 + 2;
        let range = json!({"start": lsp_pos(&text, start), "end": lsp_pos(&text, end)});
        text.replace_range(start..end, &ins);
        let t = s.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": range, "text": ins}],
            }),
        );
        match s.diagnostics(&uri, version, t) {
            Some((at, _)) => lat.push(ms(at - t)),
            None => {
                missing += 1;
                if missing > 3 {
                    break;
                }
            }
        }
        // A typist's pause is longer than any check here; a short one keeps
        // each measurement on its own.
        std::thread::sleep(Duration::from_millis(2));
    }
    if missing > 0 {
        run.note = format!("{missing} edits got no diagnostics within {WAIT:?}");
    }
    if let (Some(a), Some(b)) = (cpu_before, process_cpu_ms(s.child.id())) {
        run.cpu_per_edit_ms = Some((b - a) / lat.len().max(1) as f64);
    }
    run.change = Some(Stats::of(lat));
    if features {
        let mut hover = Vec::new();
        let mut def = Vec::new();
        for i in spots(&text, 60) {
            let p = json!({"textDocument": {"uri": uri}, "position": lsp_pos(&text, i)});
            if let Some((d, _)) = s.request("textDocument/hover", p.clone()) {
                hover.push(ms(d));
            }
            if let Some((d, _)) = s.request("textDocument/definition", p) {
                def.push(ms(d));
            }
        }
        run.hover = Some(Stats::of(hover));
        run.definition = Some(Stats::of(def));
    }
    run.peak_rss_kb = s.status_kb("VmHWM");
    s.stop();
    let _ = std::fs::remove_dir_all(&root);
    Some(run)
}

// ---------------------------------------------------------------- the report

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores")
}

fn main() {
    let a = args();
    let article = article_path();
    let engine = Engine::new(
        claimlint::claims::bundled(),
        article.as_ref().and_then(|p| Article::read(p).ok()),
    );
    // A profiling aid: `-- --profile-keystroke BYTES` runs the in-server keystroke phases only.
    if std::env::args().any(|x| x == "--profile-keystroke") {
        for &size in &a.lsp_sizes {
            for _ in 0..5 {
                let ph = keystroke_phases(article.as_deref(), size);
                println!("{ph:?}");
            }
        }
        return;
    }
    // A profiling aid: `-- --profile-check BYTES` checks one note of that size, and nothing else.
    if let Some(size) = a.profile_check {
        let note = notegen::note(SEED, size);
        let n = engine.check(&note).len();
        println!("{} bytes, {n} findings", note.len());
        return;
    }
    println!(
        "claimlint benchmark ({}), {}",
        if a.smoke { "smoke" } else { "full" },
        machine()
    );
    println!(
        "article: {}",
        article
            .as_ref()
            .map_or("none (checks on the claim base alone)".into(), |p| p
                .display()
                .to_string())
    );
    let mut report = json!({"machine": machine(), "smoke": a.smoke});

    // 1. check (`--lsp-only` skips it, `--check-only` stops after it)
    if !a.lsp_only {
        let sizes: &[usize] = if a.smoke {
            &[10 * KB, 100 * KB]
        } else {
            &[10 * KB, 100 * KB, MB, 10 * MB]
        };
        let budget = Duration::from_millis(if a.smoke { 100 } else { 2000 });
        println!("\n== check (one core; CPU time of the checking thread, wall clock beside)");
        println!(
            "{:>8} {:>9} {:>9} {:>10} {:>10} {:>12} {:>14}",
            "note", "sentences", "findings", "MB/s", "MB/s wall", "µs/sentence", "re-check ms"
        );
        let mut tp = Vec::new();
        for &size in sizes {
            let t = throughput(&engine, size, budget);
            println!(
                "{:>8} {:>9} {:>9} {:>10.2} {:>10.2} {:>12.2} {:>14.3}",
                size_name(size),
                t.sentences,
                t.findings,
                t.mb_s,
                t.mb_s_wall,
                t.us_per_sentence,
                t.incremental_ms
            );
            tp.push(json!({
                "size": t.size, "sentences": t.sentences, "findings": t.findings,
                "mb_per_s": t.mb_s, "mb_per_s_wall": t.mb_s_wall, "us_per_sentence": t.us_per_sentence, "incremental_ms": t.incremental_ms,
            }));
        }
        report["check"] = Value::Array(tp);
        let ph = phases(
            &engine,
            if a.smoke { 100 * KB } else { MB },
            Duration::from_millis(if a.smoke { 20 } else { 500 }),
        );
        println!(
            "where the time goes (ms per MB): {}",
            ph.iter()
                .map(|(n, v)| format!("{n} {v:.2}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        report["phases_ms_per_mb"] = ph.iter().map(|(n, v)| (n.to_string(), json!(v))).collect();
    }
    if !a.lsp_only {
        for &size in &a.lsp_sizes {
            let ph = keystroke_phases(article.as_deref(), size);
            println!(
                "a keystroke in the server, {} note (ms, median): {}",
                size_name(size),
                ph.iter()
                    .map(|(n, v)| format!("{n} {v:.3}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    if a.check_only {
        return;
    }

    // 2. the server, and 3. its peers on the same notes.
    let opts = article
        .as_ref()
        .map_or(Value::Null, |p| json!({"article": p.display().to_string()}));
    let mut runs = Vec::new();
    // The generated notes (3% of sentences wrong), and the largest again with
    // many findings (`DENSE_PERCENT` wrong): what the publication costs.
    let mut notes: Vec<(String, String)> = (a.lsp_sizes.iter())
        .map(|&size| (size_name(size), notegen::note(SEED, size)))
        .collect();
    if let (Some(&size), false) = (a.lsp_sizes.iter().max(), a.smoke) {
        let label = format!("{} dense", size_name(size));
        notes.push((label, notegen::note_with(SEED, size, DENSE_PERCENT)));
    }
    for (label, note) in &notes {
        let bin = a.bin.clone();
        runs.extend(lsp_run(
            "claimlint",
            label,
            &bin,
            &["lsp"],
            note,
            a.edits,
            true,
            opts.clone(),
        ));
        for peer in &a.peers {
            let name = peer
                .file_name()
                .map_or("peer".into(), |n| n.to_string_lossy().to_string());
            runs.extend(lsp_run(&name, label, peer, &[], note, a.edits, false, Value::Null));
        }
    }
    println!("\n== language server over stdio (ms; didChange over single-character edits)");
    println!(
        "{:<12} {:>10} {:>5} {:>6} {:>7} {:>8} {:>6} {:>7} {:>7} {:>7} {:>8} {:>10} {:>10} {:>9} {:>9}",
        "server",
        "note",
        "diags",
        "init",
        "ready",
        "didOpen",
        "edits",
        "p50",
        "p95",
        "max",
        "cpu/edit",
        "hover p95",
        "def p95",
        "open MB",
        "VmHWM MB"
    );
    let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.3}"));
    let mut rs = Vec::new();
    for r in &runs {
        let c = r.change.unwrap_or_default();
        println!(
            "{:<12} {:>10} {:>5} {:>6.2} {:>7.1} {:>8} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>8} {:>10} {:>10} {:>9} {:>9}{}",
            r.name,
            r.label,
            r.diagnostics,
            r.initialize_ms,
            r.spawn_to_ready_ms,
            f(r.open_ms),
            c.n,
            c.p50,
            c.p95,
            c.max,
            f(r.cpu_per_edit_ms),
            f(r.hover.map(|h| h.p95)),
            f(r.definition.map(|h| h.p95)),
            r.open_rss_kb
                .map_or("-".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
            r.peak_rss_kb
                .map_or("-".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
            if r.note.is_empty() {
                String::new()
            } else {
                format!("  ({})", r.note)
            }
        );
        rs.push(json!({
            "server": r.name, "size": r.size, "label": r.label, "initialize_ms": r.initialize_ms,
            "spawn_to_ready_ms": r.spawn_to_ready_ms, "did_open_ms": r.open_ms,
            "diagnostics": r.diagnostics, "did_change": r.change.map(|c| c.json()),
            "hover": r.hover.map(|c| c.json()), "definition": r.definition.map(|c| c.json()),
            "peak_rss_kb": r.peak_rss_kb, "open_peak_rss_kb": r.open_rss_kb, "cpu_per_edit_ms": r.cpu_per_edit_ms, "note": r.note,
        }));
    }
    report["lsp"] = Value::Array(rs);
    // The ratio of each peer's p95 to ours, note by note.
    let ours: Vec<&LspRun> = runs.iter().filter(|r| r.name == "claimlint").collect();
    let mut ratios = Vec::new();
    for r in runs.iter().filter(|r| r.name != "claimlint") {
        let (Some(o), Some(p)) = (
            ours.iter().find(|o| o.label == r.label).and_then(|o| o.change),
            r.change.filter(|c| c.n > 0),
        ) else {
            continue;
        };
        let ratio = p.p95 / o.p95;
        println!(
            "peer {:<12} on {}: didChange p95 {:.3} ms vs claimlint {:.3} ms: claimlint is {:.1}x faster",
            r.name, r.label, p.p95, o.p95, ratio
        );
        ratios.push(json!({"peer": r.name, "size": r.size, "note": r.label, "ratio_p95": ratio}));
    }
    report["peer_ratios"] = Value::Array(ratios);
    if let Some(path) = &a.json {
        if let Err(e) = std::fs::write(path, serde_json::to_string_pretty(&report).unwrap_or_default()) {
            eprintln!("claimlint-bench: cannot write {}: {e}", path.display());
        }
    }
}
