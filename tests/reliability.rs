//! The reliability suite: one regression test per cause found by the attack
//! on 51fedc1 (../shared/reviews/reliability-attack.md, F1-F13 and the
//! smaller ones), through the real binary where the cause lives in the
//! adapters. The scaling cases run at a small size here and at full size
//! with `cargo test -- --ignored`. docs/robustness.md lists every case.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_claimlint");
const NOTE: &str = "- Montenegro joined NATO in 2016.\n";

fn tmp(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    let d = std::env::temp_dir().join(format!("claimlint-reliab-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn mkfifo(p: &Path) -> bool {
    Command::new("mkfifo").arg(p).status().is_ok_and(|s| s.success())
}

/// Run the CLI in `dir` with a deadline; (exit code, stderr). A hang fails the test.
fn cli(dir: &Path, args: &[&str], within: Duration) -> (i32, String) {
    let mut child = Command::new(BIN)
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
    let d = tmp("f9");
    std::fs::write(d.join("note.md"), NOTE).unwrap();
    let fifo = d.join("fifo.md");
    if !mkfifo(&fifo) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    let t = Duration::from_secs(20);
    let (code, err) = cli(&d, &["check", "fifo.md"], t);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("fifo.md: is a FIFO, not a regular file"), "{err}");
    let (code, err) = cli(&d, &["check", "--article", "fifo.md", "note.md"], t);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("fifo.md: cannot read the article: is a FIFO"), "{err}");
    let (code, err) = cli(&d, &["check", "--claims", "/dev/zero", "note.md"], t);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("/dev/zero: cannot read the claim base: is a device"),
        "{err}"
    );
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
        assert_eq!(code, 2, "{key} = {target}: {err}");
        assert!(err.contains("not a regular file"), "{key} = {target}: {err}");
    }
}
