//! Bad input to `claimlint check` and to the claim base, through the real
//! binary: each bad input gets one message naming the file (and the line and
//! field where there is one), the exit status is 2, and the other inputs are
//! still checked.
//!
//! Already covered elsewhere (docs/robustness.md lists them in its table):
//! tests/cli.rs (a missing path, a folder without notes, a non-UTF-8 note, NUL
//! bytes, an unknown section in the claim base, a TOML syntax error, a
//! missing claims file, a bad article path, a broken settings file) and
//! tests/loader.rs (the loader's messages for a syntax error, an unknown
//! field, a duplicate id, a missing section, a bad regex, a snippet not in
//! the article).

use crate::common::{article_path, large_note, tmp, write, BIN, SMALL_CLAIMS};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const MISQUOTE: &str = "- The piece is titled “What a Week of Talks Between Russia and NATO Revealed”.\n";
const FLAGGED: &str = "ok.md:1:24: error[misquote]";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    /// The `claimlint: error:` lines.
    fn errors(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter_map(|l| l.strip_prefix("claimlint: error: "))
            .collect()
    }
}

fn run_in(dir: &Path, prefix: &[&str], args: &[&str]) -> Out {
    let (program, pre) = match prefix.split_first() {
        Some((p, rest)) => (*p, rest.iter().copied().chain([BIN]).collect::<Vec<_>>()),
        None => (BIN, Vec::new()),
    };
    let o = Command::new(program)
        .args(pre)
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMLINT_ARTICLE")
        .output()
        .expect("the binary runs");
    Out {
        code: o.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
    }
}

fn run(dir: &Path, args: &[&str]) -> Out {
    run_in(dir, &[], args)
}

// ------------------------------------------------------------ notes

#[test]
fn a_non_utf8_note_is_named_with_the_line_and_column_of_the_bad_byte() {
    let d = tmp("utf8");
    write(&d, "latin1.md", b"# Notes\n- caf\xe9 in Gen\xe8ve\n");
    write(&d, "ok.md", MISQUOTE);
    let o = run(&d, &["check", "latin1.md", "ok.md"]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.errors(),
        ["latin1.md: not UTF-8 text (invalid byte at line 2, column 6)"]
    );
    assert!(o.stdout.contains(FLAGGED), "{}", o.stdout);
}

#[test]
fn nul_bytes_and_a_byte_order_mark_are_read_and_findings_placed_past_them() {
    let d = tmp("nul");
    write(
        &d,
        "nul.md",
        format!("\u{feff}\0\0 {}", MISQUOTE.trim_start_matches("- ")),
    );
    let o = run(&d, &["check", "nul.md"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.starts_with("nul.md:1:25: error[misquote]"), "{}", o.stdout);
}

#[test]
fn symlink_loops_are_named_once_and_folders_reached_twice_walked_once() {
    let d = tmp("loops");
    write(&d, "notes/ok.md", MISQUOTE);
    let link = |to: &str, at: &str| std::os::unix::fs::symlink(to, d.join(at)).unwrap();
    // A note that is a link to itself, two links to each other, a dangling
    // link, and folder links back up the tree.
    link("self.md", "notes/self.md");
    link("b.md", "notes/a.md");
    link("a.md", "notes/b.md");
    link("nowhere.md", "notes/dangling.md");
    std::fs::create_dir_all(d.join("notes/sub")).unwrap();
    link("..", "notes/sub/up");
    link("../../notes", "notes/sub/again");
    let o = run(&d, &["check", "notes"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    let mut errors = o.errors();
    errors.sort();
    assert_eq!(
        errors,
        [
            "notes/a.md: Too many levels of symbolic links",
            "notes/b.md: Too many levels of symbolic links",
            "notes/dangling.md: no such file or folder",
            "notes/self.md: Too many levels of symbolic links",
        ]
    );
    assert!(o.stdout.contains("notes/ok.md:1:24: error[misquote]"), "{}", o.stdout);
    assert!(o.stdout.trim_end().ends_with("in 1 file"), "{}", o.stdout);
}

/// An input that cannot be read: a file the kernel refuses to read (as root,
/// too), and, when the tests can drop to another user, a file and a folder
/// without read permission. (Tests here run as root, for whom `chmod 000`
/// blocks nothing: the permission cases run the binary as `nobody` through
/// `setpriv`, and are skipped with a message when that cannot be done.)
#[test]
fn unreadable_files_and_folders_are_named_and_the_rest_checked() {
    let d = tmp("unreadable");
    write(&d, "ok.md", MISQUOTE);
    let o = run(&d, &["check", "/proc/self/mem", "ok.md"]);
    assert_eq!(o.code, 2);
    assert_eq!(o.errors(), ["/proc/self/mem: Input/output error"]);
    assert!(o.stdout.contains(FLAGGED), "{}", o.stdout);
    // A folder named like a note is walked, not read.
    write(&d, "folder.md/inner.md", MISQUOTE);
    let o = run(&d, &["check", "folder.md"]);
    assert_eq!(o.code, 1, "{}", o.stderr);

    let secret = write(&d, "secret.md", MISQUOTE);
    let locked = d.join("locked");
    write(&d, "locked/hidden.md", MISQUOTE);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"));
    let setpriv = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
    let prefix: &[&str] = if !root {
        &[]
    } else if Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        &setpriv
    } else {
        eprintln!("*** running as root without setpriv: the permission cases are skipped");
        return;
    };
    let o = run_in(&d, prefix, &["check", "secret.md", "locked", "ok.md"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        o.errors(),
        [
            "locked: cannot list the folder: permission denied",
            "secret.md: permission denied"
        ]
    );
    assert!(o.stdout.contains(FLAGGED), "{}", o.stdout);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn large_note_is_checked(bytes: usize) {
    let d = tmp("large");
    let note = large_note(bytes);
    let mistakes = note.lines().filter(|l| l.contains("2016")).count();
    write(&d, "large.md", &note);
    write(&d, "ok.md", MISQUOTE);
    let started = Instant::now();
    let o = run(&d, &["check", "--format", "json", "large.md", "ok.md"]);
    let took = started.elapsed();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let list = v.as_array().unwrap();
    let in_large = list.iter().filter(|f| f["path"] == "large.md").count();
    assert_eq!(in_large, mistakes);
    assert!(list.iter().any(|f| f["path"] == "ok.md"));
    eprintln!("{} bytes, {mistakes} mistakes: checked in {took:.1?}", note.len());
}

/// A debug build checks 0.1 to 0.4 MB a second on this machine: 1 MB here;
/// the 100 MB is `a_100_mb_note_in_release`, run with `--ignored
/// --release` (docs/robustness.md has its figure).
#[test]
fn a_large_note_is_checked_whole() {
    large_note_is_checked(1 << 20);
}

#[test]
#[ignore = "minutes in a debug build; run with `cargo test --release --test main robustness_cli:: -- --ignored`"]
fn a_100_mb_note_in_release() {
    large_note_is_checked(100 << 20);
}

// ------------------------------------------------------------ claim bases

/// The claim base with `tail` appended: each error line, and the check's exit status.
fn broken(tail: &str, with_article: bool) -> (Vec<String>, i32, usize) {
    let d = tmp("claims");
    let src = format!("{SMALL_CLAIMS}{tail}");
    write(&d, "claims.toml", &src);
    write(&d, "note.md", MISQUOTE);
    let art = with_article.then(|| {
        article_path()
            .expect("the caller has the article")
            .display()
            .to_string()
    });
    let mut args = vec!["check", "--claims", "claims.toml"];
    if let Some(art) = &art {
        args.extend(["--article", art.as_str()]);
    }
    args.push("note.md");
    let o = run(&d, &args);
    assert!(
        o.stdout.is_empty(),
        "nothing is checked against a broken claim base: {}",
        o.stdout
    );
    let errors = o.errors().iter().map(|s| s.to_string()).collect();
    (errors, o.code, SMALL_CLAIMS.lines().count())
}

const CLAIM: &str = "\n[[claim]]\nid = \"second\"\nsection = \"evolution\"\nline = 21\nanchor = \"back in 2018\"\nsummary = \"A second claim.\"\n";

#[test]
fn each_claim_base_error_is_one_line_naming_file_line_and_field_with_exit_2() {
    let n = SMALL_CLAIMS.lines().count();
    // (tail, expected error line)
    let cases: Vec<(String, String)> = vec![
        (
            "\n[[claim]]\nid = \"broken\n".into(),
            format!("claims.toml:{}: ", n + 3),
        ),
        (
            format!("{CLAIM}colour = \"red\"\n"),
            format!("claims.toml:{}: field `colour`: unknown field `colour`, expected one of `id`", n + 8),
        ),
        (
            CLAIM.replace("second", "putin-2018-address"),
            format!("claims.toml:{}: field `id`: duplicate claim id `putin-2018-address`", n + 3),
        ),
        (
            CLAIM.replace("\"evolution\"", "\"sanctions\""),
            format!(
                "claims.toml:{}: field `section`: claim `second` names unknown section `sanctions` (known: opening, evolution)",
                n + 4
            ),
        ),
        (
            format!("{CLAIM}when = [[\"/(unclosed/\"]]\n[claim.date]\nvalue = [\"2018\"]\n"),
            format!("claims.toml:{}: field `when`: bad regex `/(unclosed/`: ", n + 8),
        ),
    ];
    for (tail, want) in cases {
        let (errors, code, _) = broken(&tail, false);
        assert_eq!(code, 2, "{tail}");
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].starts_with(&want), "want {want:?}, got {:?}", errors[0]);
    }
}

#[test]
fn an_anchor_not_in_the_article_is_named_with_its_line_and_field() {
    let Some(_) = article_path() else { return };
    let n = SMALL_CLAIMS.lines().count();
    let (errors, code, _) = broken(&CLAIM.replace("back in 2018", "never in 2018"), true);
    assert_eq!(code, 2);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let want = format!(
        "claims.toml:{}: field `anchor`: claim `second`: anchor `never in 2018` is not found on line 21 of the article",
        n + 6
    );
    assert!(errors[0].starts_with(&want), "want {want:?}, got {:?}", errors[0]);
}

#[test]
fn every_error_of_a_claim_base_is_listed_at_once() {
    let n = SMALL_CLAIMS.lines().count();
    let tail = format!(
        "{}{}",
        CLAIM.replace("\"evolution\"", "\"sanctions\""),
        CLAIM.replace("second", "third") + "when = [[\"@nobody\"]]\n"
    );
    let (errors, code, _) = broken(&tail, false);
    assert_eq!(code, 2);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].starts_with(&format!("claims.toml:{}: field `section`", n + 4)));
    assert!(
        errors[1].contains("field `when`: unknown entity `@nobody`"),
        "{}",
        errors[1]
    );
}

#[test]
fn claim_base_files_that_are_empty_binary_or_folders_are_named() {
    let d = tmp("claimfiles");
    write(&d, "ok.md", MISQUOTE);
    write(&d, "empty.toml", "");
    write(&d, "binary.toml", b"\xff\xfe\x00\x01");
    std::fs::create_dir_all(d.join("folder.toml")).unwrap();
    for (file, want) in [
        ("empty.toml", "empty.toml:1: field `article`: missing field `article`"),
        (
            "binary.toml",
            "binary.toml: cannot read the claim base: not UTF-8 text (invalid byte at line 1, column 1)",
        ),
        (
            "folder.toml",
            "folder.toml: cannot read the claim base: is a folder, not a file",
        ),
    ] {
        let o = run(&d, &["check", "--claims", file, "ok.md"]);
        assert_eq!(o.code, 2, "{file}");
        assert_eq!(o.errors(), [want]);
    }
}
