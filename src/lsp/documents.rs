//! The open documents: one `DocumentState` per URI. Its ropey `Rope` is the
//! buffer of record: the client's edits land in it (O(log n) each), every
//! position conversion reads it (`encoding::Conv`), and so does the checker
//! (`diagnostics::Analysis`, which takes the flat text it needs from it). A
//! `Snapshot` is the rope at one version: a clone shares the rope's nodes,
//! so a check in progress keeps reading its version while edits land, and
//! nothing is copied.

use super::encoding::Conv;
use crate::position::Encoding;
use ropey::Rope;
use std::collections::HashMap;
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, Url};

/// One open document: its text at the client's version, and whatever the
/// server keeps for it (`work`: its checker, its analysis; dropped with it).
pub struct DocumentState<W> {
    pub snapshot: Snapshot,
    pub work: W,
}

/// An immutable view of a document at one version.
#[derive(Clone)]
pub struct Snapshot {
    /// The document's URI (which kind of file it is, for one that is no note).
    pub uri: Url,
    pub version: i32,
    /// Which opening of its URI: a note closed and reopened starts again at
    /// version 1, so (serial, version) and not the version alone tells a
    /// result of the current text from one of a closed text (F1).
    pub serial: u64,
    pub language_id: String,
    pub rope: Rope,
}

impl Snapshot {
    pub fn conv(&self, enc: Encoding) -> Conv<'_> {
        Conv::new(&self.rope, enc)
    }

    /// The text, made flat (a copy: for the checker, and for tests).
    pub fn to_text(&self) -> String {
        String::from(&self.rope)
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum ChangeError {
    UnknownDocument,
    /// The change's version is not newer than the document's.
    Stale {
        have: i32,
        got: i32,
    },
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::UnknownDocument => f.write_str("a change to a document that is not open"),
            ChangeError::Stale { have, got } => {
                write!(f, "a change to version {got} of a document already at version {have}")
            }
        }
    }
}

/// The open documents by URI (`Store<()>`: texts alone, for tests and the
/// fuzzer; the server's keeps its work beside each).
#[derive(Default)]
pub struct Store<W = ()> {
    docs: HashMap<Url, DocumentState<W>>,
    /// Openings so far: each `open` gets the next serial.
    opened: u64,
}

impl<W: Default> Store<W> {
    /// Open (or reopen) a document: a new serial, nothing kept of an earlier opening.
    pub fn open(&mut self, uri: Url, language_id: &str, version: i32, text: String) -> Snapshot {
        self.opened += 1;
        let snapshot = Snapshot {
            uri: uri.clone(),
            version,
            serial: self.opened,
            language_id: language_id.to_string(),
            rope: Rope::from_str(&text),
        };
        let state = DocumentState {
            snapshot: snapshot.clone(),
            work: W::default(),
        };
        self.docs.insert(uri, state);
        snapshot
    }
}

impl<W> Store<W> {
    pub fn close(&mut self, uri: &Url) -> Option<DocumentState<W>> {
        self.docs.remove(uri)
    }

    pub fn get(&self, uri: &Url) -> Option<Snapshot> {
        self.docs.get(uri).map(|d| d.snapshot.clone())
    }

    pub fn state(&self, uri: &Url) -> Option<&DocumentState<W>> {
        self.docs.get(uri)
    }

    pub fn state_mut(&mut self, uri: &Url) -> Option<&mut DocumentState<W>> {
        self.docs.get_mut(uri)
    }

    pub fn version(&self, uri: &Url) -> Option<i32> {
        self.docs.get(uri).map(|d| d.snapshot.version)
    }

    /// Is this snapshot the document's current text (same opening, same version)?
    pub fn is_current(&self, uri: &Url, snap: &Snapshot) -> bool {
        self.docs
            .get(uri)
            .is_some_and(|d| (d.snapshot.serial, d.snapshot.version) == (snap.serial, snap.version))
    }

    pub fn uris(&self) -> Vec<Url> {
        self.docs.keys().cloned().collect()
    }

    pub fn states_mut(&mut self) -> impl Iterator<Item = &mut DocumentState<W>> {
        self.docs.values_mut()
    }

    /// Apply a client's changes, in order: each range is in the text as the
    /// previous change left it, in the negotiated encoding; a change without
    /// a range replaces the whole text.
    pub fn change(
        &mut self,
        uri: &Url,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        enc: Encoding,
    ) -> Result<Snapshot, ChangeError> {
        let doc = self.docs.get_mut(uri).ok_or(ChangeError::UnknownDocument)?;
        let snap = &mut doc.snapshot;
        if version <= snap.version {
            return Err(ChangeError::Stale {
                have: snap.version,
                got: version,
            });
        }
        for change in changes {
            match change.range {
                None => snap.rope = Rope::from_str(&change.text),
                Some(r) => {
                    let bytes = Conv::new(&snap.rope, enc).byte_range(r);
                    // In chars (the byte range lands on character boundaries).
                    let start = snap.rope.byte_to_char(bytes.start);
                    snap.rope.remove(start..snap.rope.byte_to_char(bytes.end));
                    snap.rope.insert(start, &change.text);
                }
            }
        }
        snap.version = version;
        Ok(snap.clone())
    }
}
