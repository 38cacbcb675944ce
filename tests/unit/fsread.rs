//! Tests of `src/fsread.rs`.

use claimlint::fsread::*;
use std::path::{Path, PathBuf};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimlint-fsread-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn reads_a_regular_file_and_refuses_folders_and_missing_files() {
    let d = tmp("plain");
    let f = d.join("a.md");
    std::fs::write(&f, "héllo\n").unwrap();
    assert_eq!(read_text_file(&f, 100).unwrap(), "héllo\n");
    assert_eq!(read_text_file(&d, 100).unwrap_err().reason, Reason::Folder);
    assert_eq!(read_text_file(&d.join("x"), 100).unwrap_err().reason, Reason::NotFound);
    let e = read_text_file(&f, 3).unwrap_err();
    assert_eq!(e.reason, Reason::TooLarge(3));
    assert!(e.to_string().starts_with(&f.display().to_string()), "{e}");
}

#[test]
fn names_the_first_invalid_byte() {
    let d = tmp("utf8");
    let f = d.join("a.md");
    std::fs::write(&f, b"ok\nab\xe9c\n").unwrap();
    assert_eq!(
        read_text_file(&f, 100).unwrap_err().reason,
        Reason::NotUtf8 { line: 2, column: 3 }
    );
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_at_once() {
    // F9: /dev/zero would be read until memory runs out, /dev/stdin is a pipe or a terminal.
    let e = read_text_file(Path::new("/dev/zero"), MAX_NOTE).unwrap_err();
    assert_eq!(e.reason, Reason::NotRegular("a device"));
    assert_eq!(e.to_string(), "/dev/zero: is a device, not a regular file");
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let d = tmp("fifo");
    let f = d.join("fifo.md");
    let ok = std::process::Command::new("mkfifo")
        .arg(&f)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        return;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let g = f.clone();
    std::thread::spawn(move || {
        let _ = tx.send(read_text_file(&g, MAX_NOTE));
    });
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("reading a FIFO blocked");
    assert_eq!(got.unwrap_err().reason, Reason::NotRegular("a FIFO"));
}
