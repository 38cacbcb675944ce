//! The open notes. Each is kept in a ropey `Rope`, the buffer of record
//! where the client's edits are applied, and published as an immutable
//! snapshot (flat text + line index) with the client's version, which the
//! checker and every feature read. A change builds the next snapshot from
//! the previous one: the text copied once around the edit, the line index
//! shifted rather than rebuilt (`LineIndex::edited`); the rope takes the same
//! edit in O(log n) and must always equal the snapshot.

use super::encoding::Conv;
use crate::position::{Encoding, LineIndex};
use ropey::Rope;
use std::collections::HashMap;
use std::sync::Arc;
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, Url};

struct Document {
    version: i32,
    /// Which opening of the URI this is (see `Snapshot::serial`).
    serial: u64,
    language_id: String,
    /// The note as edited, in a rope.
    rope: Rope,
    snapshot: Snapshot,
}

/// An immutable view of a document at one version.
#[derive(Clone)]
pub struct Snapshot {
    pub version: i32,
    /// Which opening of its URI: a note closed and reopened starts again at
    /// version 1, so (serial, version) and not the version alone tells a
    /// result of the current text from one of a closed text (F1).
    pub serial: u64,
    pub language_id: String,
    pub text: Arc<String>,
    pub index: Arc<LineIndex>,
}

impl Snapshot {
    fn new(version: i32, serial: u64, language_id: &str, text: String) -> Snapshot {
        let index = Arc::new(LineIndex::new(&text));
        Snapshot {
            version,
            serial,
            language_id: language_id.to_string(),
            text: Arc::new(text),
            index,
        }
    }

    pub fn conv(&self, enc: Encoding) -> Conv<'_> {
        Conv::new(&self.text, &self.index, enc)
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

#[derive(Default)]
pub struct Store {
    docs: HashMap<Url, Document>,
    /// Openings so far: each `open` gets the next serial.
    opened: u64,
}

impl Store {
    pub fn open(&mut self, uri: Url, language_id: &str, version: i32, text: String) -> Snapshot {
        let rope = Rope::from_str(&text);
        self.opened += 1;
        let serial = self.opened;
        let snapshot = Snapshot::new(version, serial, language_id, text);
        let doc = Document {
            version,
            serial,
            language_id: language_id.to_string(),
            rope,
            snapshot: snapshot.clone(),
        };
        self.docs.insert(uri, doc);
        snapshot
    }

    pub fn close(&mut self, uri: &Url) {
        self.docs.remove(uri);
    }

    pub fn get(&self, uri: &Url) -> Option<Snapshot> {
        self.docs.get(uri).map(|d| d.snapshot.clone())
    }

    pub fn version(&self, uri: &Url) -> Option<i32> {
        self.docs.get(uri).map(|d| d.version)
    }

    /// The opening serial and version of an open document.
    pub fn current(&self, uri: &Url) -> Option<(u64, i32)> {
        self.docs.get(uri).map(|d| (d.serial, d.version))
    }

    /// Is this snapshot the document's current text (same opening, same version)?
    pub fn is_current(&self, uri: &Url, snap: &Snapshot) -> bool {
        self.current(uri) == Some((snap.serial, snap.version))
    }

    pub fn uris(&self) -> Vec<Url> {
        self.docs.keys().cloned().collect()
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
        if version <= doc.version {
            return Err(ChangeError::Stale {
                have: doc.version,
                got: version,
            });
        }
        let mut text = doc.snapshot.text.clone();
        let mut index = doc.snapshot.index.clone();
        for change in changes {
            match change.range {
                None => {
                    doc.rope = Rope::from_str(&change.text);
                    text = Arc::new(change.text);
                    index = Arc::new(LineIndex::new(&text));
                }
                Some(r) => {
                    let bytes = Conv::new(&text, &index, enc).byte_range(r);
                    // The rope takes the edit in characters (byte_range lands on boundaries).
                    let (c0, c1) = (doc.rope.byte_to_char(bytes.start), doc.rope.byte_to_char(bytes.end));
                    doc.rope.remove(c0..c1);
                    doc.rope.insert(c0, &change.text);
                    let mut next = String::with_capacity(text.len() - bytes.len() + change.text.len());
                    next.push_str(&text[..bytes.start]);
                    next.push_str(&change.text);
                    next.push_str(&text[bytes.end..]);
                    index = Arc::new(index.edited(&next, bytes.start, bytes.end, bytes.start + change.text.len()));
                    text = Arc::new(next);
                }
            }
        }
        debug_assert!(
            doc.rope.len_bytes() == text.len() && doc.rope == text.as_str(),
            "rope and snapshot differ"
        );
        doc.version = version;
        doc.snapshot = Snapshot {
            version,
            serial: doc.serial,
            language_id: doc.language_id.clone(),
            text,
            index,
        };
        Ok(doc.snapshot.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::{Position, Range};

    fn edit(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn applies_incremental_utf16_edits_in_order() {
        let uri = Url::parse("file:///n.md").unwrap();
        let mut s = Store::default();
        s.open(uri.clone(), "markdown", 1, "“Лавров” 😀 said\nsecond line\n".into());
        // Replace "said" (UTF-16 column 12) with "says", then insert at line 1.
        let snap = s
            .change(
                &uri,
                2,
                vec![edit(0, 12, 0, 16, "says"), edit(1, 0, 1, 0, "a ")],
                Encoding::Utf16,
            )
            .unwrap();
        assert_eq!(snap.text.as_str(), "“Лавров” 😀 says\na second line\n");
        assert_eq!(snap.version, 2);
        // A whole-text change, then a stale one.
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".into(),
        };
        assert_eq!(
            s.change(&uri, 3, vec![full], Encoding::Utf8).unwrap().text.as_str(),
            "new"
        );
        assert_eq!(
            s.change(&uri, 3, vec![edit(0, 0, 0, 0, "x")], Encoding::Utf8).err(),
            Some(ChangeError::Stale { have: 3, got: 3 })
        );
        // Positions past the end are clamped, not a panic.
        let snap = s
            .change(&uri, 4, vec![edit(9, 9, 12, 0, "!")], Encoding::Utf16)
            .unwrap();
        assert_eq!(snap.text.as_str(), "new!");
        let other = Url::parse("file:///other.md").unwrap();
        assert_eq!(
            s.change(&other, 1, vec![], Encoding::Utf8).err(),
            Some(ChangeError::UnknownDocument)
        );
    }
}
