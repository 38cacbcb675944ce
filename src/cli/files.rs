//! Finding the notes a command line names, and reading them. Errors are
//! messages that name the path; nothing here panics on a user's files.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// Is this a note by its name (`.md` or `.markdown`, any case)?
pub fn is_note(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The notes the arguments name: files as given, folders expanded to every
/// note below them (sorted). Each file is listed once; folders reached again
/// through a symbolic link are skipped. Problems are returned as messages.
pub fn collect(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen_files = HashSet::new();
    let mut push = |p: PathBuf, out: &mut Vec<PathBuf>| {
        // A file that cannot be resolved is kept, so reading it reports why.
        let key = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        if seen_files.insert(key) {
            out.push(p);
        }
    };
    for arg in args {
        match std::fs::metadata(arg) {
            Err(e) => errors.push(format!("{}: {}", arg.display(), io_reason(&e))),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                let mut visited = HashSet::new();
                let before = errors.len();
                walk(arg, &mut visited, &mut found, &mut errors);
                found.sort();
                // (A folder that cannot be listed has said so already.)
                if found.is_empty() && errors.len() == before {
                    errors.push(format!(
                        "{}: no notes (.md or .markdown files) in this folder",
                        arg.display()
                    ));
                }
                for f in found {
                    push(f, &mut out);
                }
            }
            Ok(_) => push(arg.clone(), &mut out),
        }
    }
    (out, errors)
}

fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    match std::fs::canonicalize(dir) {
        Ok(c) => {
            if !visited.insert(c) {
                return;
            }
        }
        Err(e) => {
            errors.push(format!("{}: {}", dir.display(), io_reason(&e)));
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: cannot list the folder: {}", dir.display(), io_reason(&e)));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(format!("{}: cannot list the folder: {}", dir.display(), io_reason(&e)));
                continue;
            }
        };
        let path = entry.path();
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, visited, out, errors),
            // A note, or a broken link named like one (reading it will say so).
            Ok(m) if m.is_file() => {
                if is_note(&path) {
                    out.push(path);
                }
            }
            Ok(_) => {}
            Err(_) => {
                if is_note(&path) {
                    out.push(path);
                }
            }
        }
    }
}

/// Read a note as UTF-8 text (a leading byte-order mark is dropped); only a
/// regular file, of at most `fsread::MAX_NOTE` bytes.
pub fn read_note(path: &Path) -> Result<String, String> {
    let mut s = claimlint::fsread::read_text_file(path, claimlint::fsread::MAX_NOTE).map_err(|e| e.to_string())?;
    if s.starts_with('\u{feff}') {
        s.drain(..'\u{feff}'.len_utf8());
    }
    Ok(s)
}

/// Notes up to this size are read and checked whole; a larger one in pieces.
pub const WHOLE: u64 = 8 << 20;
/// The size a piece of a large note reaches before it is cut.
const PIECE: usize = 2 << 20;

/// `WHOLE` and `PIECE`; debug builds only: `CLAIMLINT_TEST_PIECE=N` makes
/// them N and N/4 bytes, so tests can compare a note read in pieces with
/// the same note read whole.
fn sizes() -> (u64, usize) {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("CLAIMLINT_TEST_PIECE")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        return (n as u64, (n / 4).max(64));
    }
    (WHOLE, PIECE)
}

/// Hand the text of the note at `path` to `f`, whole, or for a note over
/// `WHOLE` bytes in pieces with the 0-based line each starts at, so that a
/// run holds a few megabytes of a note at a time, not all of it (a 100 MB
/// note used to take six times its size). A piece ends after a blank line
/// where cutting changes nothing: the masked text of the two sides equals
/// that of the whole (no fence, comment, code span or front matter goes
/// across) and no suppression region is left open; sentences never cross a
/// blank line, so each piece's findings are the whole note's. Where no such
/// line comes, the piece grows. O(note) time.
pub fn read_note_pieces(path: &Path, mut f: impl FnMut(&str, u32)) -> Result<(), String> {
    use claimlint::fsread;
    use std::io::Read;
    let (whole, piece) = sizes();
    let (file, len) = fsread::open_regular(path, fsread::MAX_NOTE).map_err(|e| e.to_string())?;
    if len <= whole {
        drop(file);
        let text = read_note(path)?;
        f(&text, 0);
        return Ok(());
    }
    let mut input = file.take(fsread::MAX_NOTE + 1);
    let mut pending = String::new();
    let mut carry: Vec<u8> = Vec::new();
    let mut first_line: u32 = 0;
    let mut read_total: u64 = 0;
    let mut block = vec![0u8; piece];
    let mut start = true;
    loop {
        let n = loop {
            match input.read(&mut block) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(format!("{}: {}", path.display(), io_reason(&e))),
            }
        };
        read_total += n as u64;
        if read_total > fsread::MAX_NOTE {
            return Err(format!(
                "{}: {}",
                path.display(),
                fsread::Reason::TooLarge(fsread::MAX_NOTE)
            ));
        }
        let eof = n == 0;
        carry.extend_from_slice(&block[..n]);
        let valid = match std::str::from_utf8(&carry) {
            Ok(t) => t.len(),
            Err(e) if e.error_len().is_none() && !eof => e.valid_up_to(),
            Err(e) => {
                let prefix = format!(
                    "{pending}{}",
                    std::str::from_utf8(&carry[..e.valid_up_to()]).unwrap_or("")
                );
                let (line, column) = fsread::line_col_after(&prefix);
                return Err(format!(
                    "{}: not UTF-8 text (invalid byte at line {}, column {column})",
                    path.display(),
                    line + first_line as usize
                ));
            }
        };
        pending.push_str(std::str::from_utf8(&carry[..valid]).unwrap_or(""));
        carry.drain(..valid);
        if start && !pending.is_empty() {
            if pending.starts_with('\u{feff}') {
                pending.drain(..'\u{feff}'.len_utf8());
            }
            start = false;
        }
        // Cut what can be cut, keeping at least a piece after the cut to compare with.
        while !eof && pending.len() >= 2 * piece {
            let Some(cut) = neutral_cut(&pending, piece, pending.len()) else {
                break;
            };
            f(&pending[..cut], first_line);
            first_line += (claimlint::position::LineIndex::new(&pending[..cut]).line_count() - 1) as u32;
            pending.drain(..cut);
        }
        if eof {
            f(&pending, first_line);
            return Ok(());
        }
    }
}

/// The first line start at or after `from`, after a blank line, where
/// `text[..cut]` and `text[cut..end]` can be checked apart (see `read_note_pieces`).
fn neutral_cut(text: &str, from: usize, end: usize) -> Option<usize> {
    use claimlint::note::markdown::mask;
    let b = text.as_bytes();
    let whole = mask(&text[..end]);
    let mut at = from;
    while let Some(i) = memchr::memchr(b'\n', &b[at..end]) {
        let nl = at + i;
        at = nl + 1;
        // A blank line: "\n\n" or "\n\r\n".
        let cut = if b.get(nl + 1) == Some(&b'\n') {
            nl + 2
        } else if b.get(nl + 1) == Some(&b'\r') && b.get(nl + 2) == Some(&b'\n') {
            nl + 3
        } else {
            continue;
        };
        if cut >= end {
            return None;
        }
        let (left, right) = (&text[..cut], &text[cut..end]);
        if region_open(left) {
            continue;
        }
        if mask(left) == whole[..cut] && mask(right) == whole[cut..] {
            return Some(cut);
        }
        // Not here: try a blank line a piece further on (each try is O(text)).
        at = (cut + from / 2).min(end);
    }
    None
}

/// Does `text` leave a `claimlint-disable` region open (one with no
/// `claimlint-enable` after it)?
fn region_open(text: &str) -> bool {
    let mut last_disable = None;
    let mut from = 0;
    while let Some(i) = text[from..].find("claimlint-disable") {
        let at = from + i;
        from = at + "claimlint-disable".len();
        if !text[from..].starts_with("-next-line") {
            last_disable = Some(from);
        }
    }
    last_disable.is_some_and(|d| !text[d..].contains("claimlint-enable"))
}

/// A readable reason for an I/O error, without the "(os error N)" tail.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a folder, not a file".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_names() {
        assert!(is_note(Path::new("a/b.md")));
        assert!(is_note(Path::new("b.MARKDOWN")));
        assert!(!is_note(Path::new("b.txt")));
        assert!(!is_note(Path::new("md")));
    }
}
