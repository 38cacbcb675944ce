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
