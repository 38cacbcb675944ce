//! Reading a file the user (or a cloned repository's settings) named: notes,
//! the article, a claim base, `.claimlint.toml`. Every such path goes through
//! [`read_text_file`], which refuses what is not a regular file (a FIFO would
//! block forever, `/dev/zero` would eat memory, `/dev/stdin` would steal the
//! language server's own input) and reads at most a size limit.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Size limits, generous for what each file is.
pub const MAX_NOTE: u64 = 256 << 20;
/// The article is ~100 KB.
pub const MAX_ARTICLE: u64 = 16 << 20;
/// The bundled claim base is ~100 KB; a user's may hold many comments.
pub const MAX_CLAIMS: u64 = 64 << 20;
/// `.claimlint.toml`.
pub const MAX_SETTINGS: u64 = 1 << 20;

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    NotFound,
    PermissionDenied,
    Folder,
    /// A FIFO, socket, device: what kind it is.
    NotRegular(&'static str),
    TooLarge(u64),
    /// The first invalid byte, 1-based line and column (in characters).
    NotUtf8 {
        line: usize,
        column: usize,
    },
    Other(String),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NotFound => f.write_str("no such file or folder"),
            Reason::PermissionDenied => f.write_str("permission denied"),
            Reason::Folder => f.write_str("is a folder, not a file"),
            Reason::NotRegular(kind) => write!(f, "is {kind}, not a regular file"),
            Reason::TooLarge(limit) => write!(f, "larger than the limit of {} MiB", limit >> 20),
            Reason::NotUtf8 { line, column } => {
                write!(f, "not UTF-8 text (invalid byte at line {line}, column {column})")
            }
            Reason::Other(s) => f.write_str(s),
        }
    }
}

/// A file that could not be read; displays as "PATH: reason".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub path: PathBuf,
    pub reason: Reason,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for ReadError {}

fn io_reason(e: &std::io::Error) -> Reason {
    match e.kind() {
        std::io::ErrorKind::NotFound => Reason::NotFound,
        std::io::ErrorKind::PermissionDenied => Reason::PermissionDenied,
        std::io::ErrorKind::IsADirectory => Reason::Folder,
        _ => {
            let s = e.to_string();
            Reason::Other(match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            })
        }
    }
}

fn kind_name(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
    }
    let _ = ft;
    "a special file"
}

/// Check what `meta` describes is a regular file.
fn regular(meta: &std::fs::Metadata) -> Result<(), Reason> {
    let ft = meta.file_type();
    if ft.is_dir() {
        Err(Reason::Folder)
    } else if !ft.is_file() {
        Err(Reason::NotRegular(kind_name(&ft)))
    } else {
        Ok(())
    }
}

/// A regular file opened for reading, after the checks `read_file` makes
/// (not a FIFO, device or folder; at most `max_bytes` when opened), and its length.
pub fn open_regular(path: &Path, max_bytes: u64) -> Result<(std::fs::File, u64), ReadError> {
    let err = |reason| ReadError {
        path: path.to_path_buf(),
        reason,
    };
    // Refuse before opening: opening a FIFO for reading blocks until a writer comes.
    let meta = std::fs::metadata(path).map_err(|e| err(io_reason(&e)))?;
    regular(&meta).map_err(err)?;
    if meta.len() > max_bytes {
        return Err(err(Reason::TooLarge(max_bytes)));
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        // If the path was swapped for a FIFO since the check, opening must not block.
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let file = opts.open(path).map_err(|e| err(io_reason(&e)))?;
    // What was opened is what is read: check it again.
    let meta = file.metadata().map_err(|e| err(io_reason(&e)))?;
    regular(&meta).map_err(err)?;
    Ok((file, meta.len()))
}

/// The bytes of a regular file, at most `max_bytes` of them.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let err = |reason| ReadError {
        path: path.to_path_buf(),
        reason,
    };
    let (file, len) = open_regular(path, max_bytes)?;
    let mut bytes = Vec::with_capacity(len.min(max_bytes) as usize);
    // One byte over the limit tells a file that grew since the check.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(io_reason(&e)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(err(Reason::TooLarge(max_bytes)));
    }
    Ok(bytes)
}

/// Line and column (1-based, in characters) just past `prefix`.
pub fn line_col_after(prefix: &str) -> (usize, usize) {
    let line = prefix.matches('\n').count() + 1;
    let column = prefix.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The UTF-8 text of a regular file of at most `max_bytes`; an error names the
/// path and why (not a regular file, too large, not UTF-8 at line L column C).
pub fn read_text_file(path: &Path, max_bytes: u64) -> Result<String, ReadError> {
    let bytes = read_file(path, max_bytes)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = line_col_after(prefix);
        ReadError {
            path: path.to_path_buf(),
            reason: Reason::NotUtf8 { line, column },
        }
    })
}
