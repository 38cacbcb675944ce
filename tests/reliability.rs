//! The reliability suite: one regression test per cause found by the attack
//! on 51fedc1 (../shared/reviews/reliability-attack.md, F1-F13 and the
//! smaller ones), through the real binary where the cause lives in the
//! adapters. The scaling cases run at a small size here and at full size
//! with `cargo test -- --ignored`. docs/robustness.md lists every case.

use crate::common::lsp::{Lsp, Spawn};
use crate::common::{frame, large_note, tmp};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The binary under test: this build's, or `CLAIMLINT_UNDER_TEST` (to show
/// a test fails on an older build).
fn bin() -> String {
    std::env::var("CLAIMLINT_UNDER_TEST").unwrap_or_else(|_| env!("CARGO_BIN_EXE_claimlint").to_string())
}
const NOTE: &str = "- Montenegro joined NATO in 2016.\n";

/// The timing tests run alone (a write lock), the others together (a read
/// lock): a server started by another test would skew a measured ratio.
static TIMING: std::sync::RwLock<()> = std::sync::RwLock::new(());

fn alone() -> std::sync::RwLockWriteGuard<'static, ()> {
    TIMING.write().unwrap_or_else(|e| e.into_inner())
}

fn together() -> std::sync::RwLockReadGuard<'static, ()> {
    TIMING.read().unwrap_or_else(|e| e.into_inner())
}

fn mkfifo(p: &Path) -> bool {
    Command::new("mkfifo").arg(p).status().is_ok_and(|s| s.success())
}

/// Run the CLI in `dir` with a deadline; (exit code, stderr). A hang fails the test.
fn cli(dir: &Path, args: &[&str], within: Duration) -> (i32, String) {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMLINT_ARTICLE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            use std::io::Read;
            child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
            return (status.code().unwrap_or(-1), err);
        }
        if start.elapsed() > within {
            let _ = child.kill();
            let _ = child.wait();
            panic!("claimlint {args:?} did not finish within {within:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

// F9: every path is checked to be a regular file and read with a limit.

#[test]
fn f9_fifos_and_devices_named_as_note_article_claims_or_in_settings_are_refused_at_once() {
    let _g = together();
    let d = tmp("f9");
    // (a misquote: an error by the calibrated policy, so the exit status is 1)
    std::fs::write(
        d.join("note.md"),
        "- The piece is titled “What a Week of Talks Between Russia and NATO Revealed”.\n",
    )
    .unwrap();
    let fifo = d.join("fifo.md");
    if !mkfifo(&fifo) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    let t = Duration::from_secs(20);
    let (code, err) = cli(&d, &["check", "fifo.md"], t);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("fifo.md: is a FIFO, not a regular file"), "{err}");
    // An unreadable article is a warning (issue 12): refused at once, named,
    // and the note is still checked, the exit status following its findings.
    let (code, err) = cli(&d, &["check", "--article", "fifo.md", "note.md"], t);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("warning: fifo.md: cannot read the article: is a FIFO"),
        "{err}"
    );
    let (code, err) = cli(&d, &["check", "--claims", "/dev/zero", "note.md"], t);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("/dev/zero: cannot read the claim base: is a device"),
        "{err}"
    );
    // `claims --check` reads its claim base the same way.
    let (code, err) = cli(&d, &["claims", "--check", "--claims", "fifo.md"], t);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("fifo.md: cannot read the claim base: is a FIFO"), "{err}");
    let (code, err) = cli(&d, &["check", "/dev/zero"], t);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("/dev/zero: is a device, not a regular file"), "{err}");
    for (key, target) in [
        ("article", "/dev/zero"),
        ("claims", "fifo.md"),
        ("article", "/dev/stdin"),
    ] {
        std::fs::write(d.join(".claimlint.toml"), format!("{key} = \"{target}\"\n")).unwrap();
        let (code, err) = cli(&d, &["check", "note.md"], t);
        let want = if key == "article" { 1 } else { 2 };
        assert_eq!(code, want, "{key} = {target}: {err}");
        assert!(err.contains("not a regular file"), "{key} = {target}: {err}");
    }
}

// The language server, through the real binary.

use serde_json::{json, Value};
use std::io::Write;

/// The binary under test started in `dir` with `stderr`, initialized with
/// `init` merged into `initialize`'s parameters.
fn start_in(dir: &Path, stderr: Stdio, init: Value) -> Lsp {
    let lsp = Spawn::binary().bin(bin()).root(dir.to_path_buf()).stderr(stderr);
    lsp.start(init).0
}

fn start(init: Value) -> Lsp {
    start_in(&tmp("ws"), Stdio::null(), init)
}

// F10: a duplicated top-level key used to end the session.

#[test]
fn f10_a_message_with_a_duplicated_top_level_key_is_refused_and_the_session_goes_on() {
    let _g = together();
    let mut c = start(json!({}));
    for dup in [
        r#"{"jsonrpc":"2.0","id":2,"id":3,"method":"workspace/symbol","params":{"query":"Roots"}}"#,
        r#"{"jsonrpc":"2.0","id":4,"method":"workspace/symbol","params":{"query":"a"},"params":{"query":"b"}}"#,
        r#"{"jsonrpc":"2.0","jsonrpc":"2.0","id":5,"method":"workspace/symbol","params":{"query":"a"}}"#,
        r#"{"jsonrpc":"2.0","id":6,"method":"workspace/symbol","method":"workspace/symbol","params":{}}"#,
    ] {
        c.send_raw(&frame(dup.as_bytes()));
    }
    assert!(
        c.answers(10, Duration::from_secs(10)),
        "the next request was not served"
    );
    let refused = c.log.iter().filter(|m| m["error"]["code"] == -32600).count();
    assert_eq!(refused, 4, "{:?}", c.log);
}

// F11: a write to a closed stderr must not panic.

#[cfg(unix)]
fn closed_pipe() -> std::fs::File {
    use std::os::unix::io::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: pipe(2) fills two descriptors we then own.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: fds[0] is ours; closing the read end makes writes fail with EPIPE.
    unsafe { libc::close(fds[0]) };
    // SAFETY: fds[1] is ours, handed over to the File.
    unsafe { std::fs::File::from_raw_fd(fds[1]) }
}

#[cfg(unix)]
#[test]
fn f11_a_closed_stderr_neither_panics_the_cli_nor_the_server() {
    let _g = together();
    let d = tmp("f11");
    let o = Command::new(bin())
        .args(["check", "nowhere.md"])
        .current_dir(&d)
        .stderr(closed_pipe())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(o.code(), Some(2), "claimlint check nowhere.md with stderr closed");
    let mut c = start_in(&d, Stdio::from(closed_pipe()), json!({}));
    c.send_raw(&frame(b"{not json"));
    c.send_raw(b"garbage line\r\n");
    assert!(c.answers(1, Duration::from_secs(10)), "the server did not serve on");
    assert!(c.child().try_wait().unwrap().is_none(), "the server exited");
}

// F12: stderr nobody reads must not stop the server reading its input.

#[test]
fn f12_a_stderr_nobody_reads_does_not_stop_the_server() {
    let _g = together();
    let mut c = start_in(&tmp("f12"), Stdio::piped(), json!({}));
    // Each bad body is one line of log; 5,000 of them fill a 64 KiB pipe many times.
    let mut burst = Vec::new();
    for _ in 0..5000 {
        burst.extend(frame(b"{not json"));
    }
    let stdin = c.take_input();
    let writer = std::thread::spawn(move || {
        let mut stdin = stdin;
        stdin.write_all(&burst).map(|_| stdin)
    });
    let start = Instant::now();
    while !writer.is_finished() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the server stopped reading its input"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    c.give_input(writer.join().unwrap().expect("the input was written"));
    assert!(
        c.answers(1, Duration::from_secs(30)),
        "the server did not answer after the burst"
    );
}

// A header line over 8 KiB used to cost its frame.

#[test]
fn a_header_line_over_8_kib_is_skipped_and_its_frame_served() {
    let _g = together();
    let mut c = start(json!({}));
    let body = br#"{"jsonrpc":"2.0","id":3,"method":"workspace/symbol","params":{"query":"Roots"}}"#;
    let mut msg = format!(
        "Content-Length: {}\r\nX-Long: {}\r\n\r\n",
        body.len(),
        "a".repeat(20_000)
    )
    .into_bytes();
    msg.extend_from_slice(body);
    c.send_raw(&msg);
    assert!(
        c.response_within(3, Duration::from_secs(10)).is_some(),
        "the request was lost"
    );
}

// `--claims --format json` used to take `--format` as the claim base's path.

#[test]
fn an_option_given_where_a_value_belongs_is_a_missing_value() {
    let _g = together();
    let d = tmp("flags");
    std::fs::write(d.join("n.md"), NOTE).unwrap();
    let (code, err) = cli(
        &d,
        &["check", "--claims", "--format", "json", "n.md"],
        Duration::from_secs(20),
    );
    assert_eq!(code, 2);
    assert!(err.contains("`--claims` needs a value"), "{err}");
}

fn publications<'a>(seen: &'a [Value], uri: &str) -> Vec<&'a Value> {
    seen.iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .map(|m| &m["params"])
        .collect()
}

// F1: a note closed and reopened (at version 1 again) while its old text is
// checked must never get the old text's diagnostics or answers.

#[test]
fn f1_a_note_reopened_while_its_old_text_is_checked_gets_only_the_new_texts_results() {
    let _g = together();
    let mut c = start(json!({}));
    let u = "file:///tmp/reliability-f1.md";
    // (2 MB: a 400 KB note checks in about 40 ms here, so well within the
    // 50 ms before the close and the test raced; 2 MB takes several times it,
    // and the close lands while the check runs)
    let big = large_note(2_000_000);
    c.open(u, &big);
    std::thread::sleep(Duration::from_millis(50));
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    c.open(u, NOTE);
    // Wait for the old text's check to end (its results, if any, come last).
    let mut last = 0;
    loop {
        let _ = c.seen_within(Duration::from_secs(3), |_| false);
        let n = c.log.len();
        if n == last {
            break;
        }
        last = n;
    }
    let pubs = publications(&c.log, u);
    let final_pub = pubs.last().expect("the reopened note was published");
    let codes: Vec<_> = final_pub["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        codes.len(),
        1,
        "the last publication is not of the reopened text: {codes:?}"
    );
    assert!(
        pubs.iter().all(|p| p["diagnostics"].as_array().unwrap().len() <= 1),
        "a publication of the closed text came after the close"
    );
    c.send_request(
        7,
        "textDocument/hover",
        json!({"textDocument": {"uri": u}, "position": {"line": 0, "character": 4}}),
    );
    let h = c.response_within(7, Duration::from_secs(30)).expect("hover answered");
    assert!(h["result"].is_object(), "hover answered from the closed text: {h}");
}

// F2: a change that cannot be decoded is answered with an error, and the
// note is marked out of step and the user told, rather than drifting.

#[test]
fn f2_an_undecodable_change_is_refused_and_the_note_withdrawn_with_a_message() {
    let _g = together();
    let mut c = start(json!({}));
    let u = "file:///tmp/reliability-f2.md";
    c.open(u, "- Montenegro joined NATO in 2017.\n");
    for (v, col, half) in [(2, 2, r#""\ud83d""#), (3, 3, r#""\ude00""#)] {
        let body = format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{u}","version":{v}}},"contentChanges":[{{"range":{{"start":{{"line":0,"character":{col}}},"end":{{"line":0,"character":{col}}}}},"text":{half}}}]}}}}"#
        );
        c.send_raw(&frame(body.as_bytes()));
    }
    // Raw invalid UTF-8 too.
    let mut latin1 = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{u}","version":4}},"contentChanges":[{{"range":{{"start":{{"line":0,"character":0}},"end":{{"line":0,"character":0}}}},"text":"x"#
    )
    .into_bytes();
    latin1.push(0xe9);
    latin1.extend_from_slice(br#""}]}}"#);
    c.send_raw(&frame(&latin1));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 5}, "contentChanges":
            [{"range": {"start": {"line": 0, "character": 30}, "end": {"line": 0, "character": 34}}, "text": "2016"}]}),
    );
    let told = c.seen_within(Duration::from_secs(20), |m| {
        m["method"] == "window/showMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains("out of step") && t.contains(u))
    });
    assert!(told.is_some(), "the user was not told: {:?}", c.log);
    let _ = c.seen_within(Duration::from_secs(2), |_| false);
    let errors = c.log.iter().filter(|m| m["error"]["code"] == -32700).count();
    assert!(errors >= 1, "no error answered the undecodable change");
    let last = c.last_published(u, Duration::from_millis(10)).unwrap();
    assert_eq!(
        last["diagnostics"],
        json!([]),
        "diagnostics of a text out of step: {last}"
    );
    // Reopening sends the full text again: checked as usual.
    c.open(u, "- Montenegro joined NATO in 2016.\n");
    let got = c.seen_within(Duration::from_secs(20), |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == u
            && m["params"]["diagnostics"].as_array().is_some_and(|d| !d.is_empty())
    });
    assert!(got.is_some(), "the reopened note was not checked");
}

#[test]
fn f2_an_undecodable_open_is_opened_with_replacement_characters() {
    let _g = together();
    let mut c = start(json!({}));
    let u = "file:///tmp/reliability-f2-open.md";
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{u}","languageId":"markdown","version":1,"text":"\ud800 - Montenegro joined NATO in 2016.\n"}}}}}}"#
    );
    c.send_raw(&frame(body.as_bytes()));
    let got = c.seen_within(Duration::from_secs(20), |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == u
    });
    assert!(got.is_some(), "the note was never opened");
}

// F3: a request on a note being checked must not stop the server.

#[test]
fn f3_a_request_on_a_note_being_checked_does_not_hold_up_requests_on_other_notes() {
    let _g = together();
    let mut c = start(json!({}));
    let small = "file:///tmp/reliability-f3-small.md";
    c.open(small, NOTE);
    assert!(c
        .seen_within(Duration::from_secs(20), |m| m["params"]["uri"] == small)
        .is_some());
    let big = "file:///tmp/reliability-f3-big.md";
    let text = large_note(1_500_000);
    // didOpen, then documentSymbol at once, as VS Code does.
    let mut burst = frame(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
            {"uri": big, "languageId": "markdown", "version": 1, "text": text}}})
        .to_string()
        .as_bytes(),
    );
    burst.extend(frame(
        json!({"jsonrpc": "2.0", "id": 50, "method": "textDocument/documentSymbol",
            "params": {"textDocument": {"uri": big}}})
        .to_string()
        .as_bytes(),
    ));
    let t0 = Instant::now();
    c.send_raw(&burst);
    std::thread::sleep(Duration::from_millis(100));
    let t = Instant::now();
    c.send_request(
        60,
        "textDocument/hover",
        json!({"textDocument": {"uri": small}, "position": {"line": 0, "character": 4}}),
    );
    assert!(c.response_within(60, Duration::from_secs(120)).is_some());
    let hover = t.elapsed();
    assert!(c.response_within(50, Duration::from_secs(120)).is_some());
    let check = t0.elapsed();
    assert!(
        hover * 3 < check,
        "a hover on another note took {hover:?} while the big note's check took {check:?}"
    );
}

// F8: a client that reads slowly holds at most one pending publication per note.

fn vm_hwm_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<u64>().ok())
        .unwrap_or(0)
        >> 10
}

fn slow_reader(keystrokes: i64, text: String) -> (u64, u64) {
    let mut child = Command::new(bin())
        .arg("lsp")
        .env_remove("CLAIMLINT_ARTICLE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut send = |m: Value| {
        stdin.write_all(&frame(m.to_string().as_bytes())).unwrap();
        stdin.flush().unwrap();
    };
    // The client reads nothing from here on.
    send(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}));
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let u = "file:///tmp/reliability-f8.md";
    send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
        {"uri": u, "languageId": "markdown", "version": 1, "text": text}}}),
    );
    std::thread::sleep(Duration::from_secs(3));
    let before = vm_hwm_mb(child.id());
    for v in 2..2 + keystrokes {
        send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": u, "version": v},
            "contentChanges": [{"range": {"start": {"line": 20, "character": 0}, "end": {"line": 20, "character": 0}}, "text": "x"}]}}));
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_secs(2));
    let after = vm_hwm_mb(child.id());
    let _ = child.kill();
    let _ = child.wait();
    (before, after)
}

#[cfg(target_os = "linux")]
#[test]
fn f8_a_client_that_stops_reading_does_not_make_the_server_queue_publications() {
    let _g = together();
    // A finding on every line: each publication of this note is ~2 MB, 100 queued would be +200 MB.
    let (before, after) = slow_reader(100, "- Montenegro joined NATO in 2016.\n".repeat(3000));
    eprintln!("VmHWM {before} MB -> {after} MB");
    assert!(
        after < before + 12,
        "VmHWM {before} MB -> {after} MB after 100 unread keystrokes"
    );
}

#[cfg(target_os = "linux")]
#[test]
#[ignore = "full size: cargo test --release --test main reliability:: -- --ignored"]
fn f8_full_size_200_unread_keystrokes_on_a_1_mb_note_stay_under_40_mb() {
    let _g = together();
    let (before, after) = slow_reader(200, large_note(1_000_000));
    assert!(
        after < 40,
        "VmHWM {before} MB -> {after} MB after 200 unread keystrokes"
    );
}

// F13: a client that never answers workspace/configuration must not stop the server.

#[test]
fn f13_a_client_that_never_answers_configuration_requests_does_not_stop_the_server() {
    let _g = together();
    let mut c = start(json!({"capabilities": {"workspace": {"configuration": true}}}));
    for _ in 0..6 {
        c.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    }
    assert!(c.answers(7, Duration::from_secs(3)), "the server stopped answering");
    let u = "file:///tmp/reliability-f13.md";
    c.open(u, NOTE);
    assert!(c
        .seen_within(Duration::from_secs(20), |m| m["params"]["uri"] == u)
        .is_some());
}

// Diagnostics come back under the URI the client sent, not a normalized one.

#[test]
fn diagnostics_are_published_under_the_uri_as_the_client_wrote_it() {
    let _g = together();
    let mut c = start(json!({}));
    for u in [
        "file:///tmp/reliability a b.md",
        "FILE:///tmp/reliability-upper.md",
        "file:///tmp/x/../reliability-y.md",
    ] {
        c.open(u, NOTE);
        let got = c.seen_within(Duration::from_secs(20), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == u
        });
        assert!(got.is_some(), "nothing published under {u}: {:?}", c.log);
    }
}

// F4-F7: time linear in the input. Each case is timed at a size and at
// four times that size, the runs interleaved, the best of five kept; a
// linear pass takes about 4x as long, a quadratic one 16x. Reported per
// doubling (the square root). The short versions allow 2.45x per doubling
// (6x in all: a debug build on a shared machine is noisy); the `--ignored`
// ones run the review's sizes (1 MB and up) in release and allow 2.2x.

use claimlint::claims::bundled;
use claimlint::engine::{Engine, Incremental, Options};
use claimlint::position::{Encoding, LineIndex};
use std::sync::Arc;

fn timed(f: &dyn Fn()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Time per doubling: the square root of `run(make(4n))` over `run(make(n))`.
fn doubling<T>(n: usize, make: impl Fn(usize) -> T, run: impl Fn(&T)) -> (f64, Duration) {
    let (a, b) = (make(n), make(4 * n));
    let (mut ta, mut tb) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        ta = ta.min(timed(&|| run(&a)));
        tb = tb.min(timed(&|| run(&b)));
    }
    ((tb.as_secs_f64() / ta.as_secs_f64().max(1e-6)).sqrt(), tb)
}

/// Assert the ratio `measure` gives is at most `limit`; measured up to three
/// times (the machine is shared: a busy moment inflates one measurement, a
/// quadratic pass stays near 4x every time).
fn assert_linear(what: &str, limit: f64, measure: impl Fn() -> (f64, Duration)) {
    let mut best = f64::MAX;
    for _ in 0..3 {
        let (ratio, t) = measure();
        eprintln!("{what}: x{ratio:.2} per doubling ({t:?} at the larger size)");
        best = best.min(ratio);
        if best <= limit {
            return;
        }
    }
    panic!("{what}: x{best:.2} per doubling (limit {limit})");
}

fn engine() -> Engine {
    Engine::new(bundled(), None)
}

fn check(e: &Engine, text: &str) {
    std::hint::black_box(e.check_with(text, &Options::default()));
}

/// The review's pathological notes: (name, unit repeated, bytes for the short test).
const PATHOLOGICAL: &[(&str, &str, usize)] = &[
    ("F6 `](` with no `)`", "see [x]( here and Putin met Biden.\n", 15_000),
    (
        "F6 `<` with no `>`",
        "Prices rose < 5 percent while Putin met Biden in Geneva.\n",
        15_000,
    ),
    ("F5 quotations in one sentence", "he said \"never ", 6_000),
    ("F5 section marks in one sentence", "§Roots ", 6_000),
    ("F5 links and marks in one sentence", "[[Roots]] §Roots ", 6_000),
    ("F5 titles in one sentence", "see Roots ", 8_000),
    (
        "F5 plain words in one sentence",
        "Putin met Biden in Geneva and ",
        8_000,
    ),
    ("F5 sentences joined by NUL", "Putin met Biden. \0", 8_000),
];

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

#[test]
fn f5_f6_checking_time_is_linear_in_pathological_notes() {
    let _g = alone();
    let e = engine();
    for &(what, unit, bytes) in PATHOLOGICAL {
        assert_linear(what, 2.45, || {
            doubling(bytes, |n| repeat_to(unit, n), |t: &String| check(&e, t))
        });
    }
}

#[test]
#[ignore = "full size: cargo test --release --test main reliability:: -- --ignored"]
fn f5_f6_full_size_checking_time_is_linear() {
    let _g = alone();
    let e = engine();
    for &(what, unit, _) in PATHOLOGICAL {
        assert_linear(what, 2.2, || {
            doubling(500_000, |n| repeat_to(unit, n), |t: &String| check(&e, t))
        });
    }
}

#[allow(clippy::ptr_arg)] // `doubling` hands over what `make` made
fn columns_of_every_word(line: &String) {
    let line: &str = line;
    let idx = LineIndex::new(line);
    let mut sum = 0u64;
    for (i, _) in line.match_indices(' ') {
        sum += idx.to_line_col(line, i, Encoding::Utf16).col as u64;
    }
    std::hint::black_box(sum);
}

#[test]
fn f7_columns_on_one_long_line_take_time_linear_in_the_line() {
    let _g = alone();
    let unit = "Putin met Biden in Vienna. Лавров “x” ";
    assert_linear("F7 a column for every word of one line", 2.45, || {
        doubling(50_000, |n| repeat_to(unit, n), columns_of_every_word)
    });
}

/// A keystroke in the middle of one paragraph of `bytes` (no blank line).
type Typing = (Engine, std::cell::RefCell<Incremental>, Arc<String>, Arc<String>);

fn keystroke(bytes: usize) -> Typing {
    let e = engine();
    let line = "Montenegro joined NATO in 2017. Lavrov and Blinken met on January 21.\n";
    let text = repeat_to(line, bytes);
    let mut edited = text.clone();
    let at = text.len() / 2 / line.len() * line.len() + 5;
    edited.insert(at, 'x');
    let mut inc = Incremental::default();
    let text = Arc::new(text);
    std::hint::black_box(inc.check(&e, &text, &Options::default()));
    (e, std::cell::RefCell::new(inc), text, Arc::new(edited))
}

#[test]
fn f4_a_keystroke_in_a_long_paragraph_takes_time_linear_in_it() {
    let _g = alone();
    // A keystroke, then its undo: two local edits, back where it started.
    let run = |(e, inc, text, edited): &Typing| {
        let mut inc = inc.borrow_mut();
        std::hint::black_box(inc.check(e, edited, &Options::default()));
        std::hint::black_box(inc.check(e, text, &Options::default()));
        assert!(inc.was_local(), "the keystroke took the whole-note path");
    };
    assert_linear("F4 one keystroke in one paragraph", 2.45, || {
        doubling(50_000, keystroke, run)
    });
}

// F8 (CLI): a large note is read and reported in pieces, with the same report.

fn mixed_note(bytes: usize) -> String {
    let parts = [
        "- Montenegro joined NATO in 2016.\n",
        "Lavrov and Blinken met in Vienna on January 21. Putin met Biden in Geneva.\n",
        "\n",
        "```\n- Montenegro joined NATO in 2016.\n\n2004\n```\n",
        "<!-- a comment\n\n- Montenegro joined NATO in 2016.\n-->\n",
        "Text with `code\n\nspanning` and [a link](http://x/2004) and <b>tags</b>.\n",
        "<!-- claimlint-disable -->\n\n- Montenegro joined NATO in 2016.\n\n<!-- claimlint-enable -->\n",
        "<!-- claimlint-disable-next-line -->\n- Montenegro joined NATO in 2016.\n",
        "He said “never, ever.”\r\n\r\n",
        "A lone ` backtick and Лавров said 😀 2016.\n\n",
    ];
    let mut s = String::from("---\ntitle: notes 2004\n---\n");
    let mut i = 0usize;
    while s.len() < bytes {
        s.push_str(parts[(i * 7 + i / 3) % parts.len()]);
        i += 1;
    }
    s
}

#[test]
fn f8_a_note_read_in_pieces_gets_the_report_it_gets_read_whole() {
    let _g = together();
    let d = tmp("pieces");
    std::fs::write(d.join("n.md"), mixed_note(300_000)).unwrap();
    let run = |piece: Option<&str>, format: &str| {
        let mut cmd = Command::new(bin());
        cmd.args(["check", "--format", format, "n.md"]).current_dir(&d);
        cmd.env_remove("CLAIMLINT_ARTICLE");
        if let Some(p) = piece {
            cmd.env("CLAIMLINT_TEST_PIECE", p);
        }
        let o = cmd.output().unwrap();
        (o.status.code(), String::from_utf8(o.stdout).unwrap())
    };
    for format in ["text", "json"] {
        let whole = run(None, format);
        assert!(whole.1.len() > 1000, "{}", whole.1);
        for piece in ["20000", "4096"] {
            assert_eq!(run(Some(piece), format), whole, "{format} in pieces of {piece}");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
#[ignore = "full size: cargo test --release --test main reliability:: -- --ignored"]
fn f8_full_size_a_100_mb_note_is_checked_in_under_64_mb() {
    let _g = together();
    let d = tmp("100mb");
    let path = d.join("big.md");
    std::fs::write(&path, large_note(100_000_000)).unwrap();
    let mut child = Command::new(bin())
        .args(["check", "big.md"])
        .current_dir(&d)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        peak = peak.max(vm_hwm_mb(child.id()));
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = std::fs::remove_file(&path);
    assert!(peak < 64, "VmHWM {peak} MB checking a 100 MB note");
}
