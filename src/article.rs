//! The article's text, found at run time: where its section headings stand and
//! where a claim's snippet is. Nothing here knows about claims or notes.

use crate::position::{Encoding, LineIndex};
use crate::text::Norm;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct Article {
    pub path: PathBuf,
    pub text: String,
    pub index: LineIndex,
    norm: Norm,
}

impl Article {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Article {
        let index = LineIndex::new(&text);
        let norm = Norm::new(&text);
        Article {
            path: path.into(),
            text,
            index,
            norm,
        }
    }

    pub fn read(path: &Path) -> Result<Article, String> {
        let text = crate::fsread::read_text_file(path, crate::fsread::MAX_ARTICLE)
            .map_err(|e| format!("{}: cannot read the article: {}", path.display(), e.reason))?;
        Ok(Article::new(path, text))
    }

    /// Byte range of the line that holds exactly `title` (a section heading).
    pub fn heading(&self, title: &str) -> Option<Range<usize>> {
        if title.is_empty() {
            return None;
        }
        let mut start = 0;
        for line in self.text.split_inclusive('\n') {
            let t = line.trim();
            if t == title {
                let lead = line.len() - line.trim_start().len();
                return Some(start + lead..start + lead + t.len());
            }
            start += line.len();
        }
        None
    }

    /// Byte range of a phrase in the article, matched on normalized words
    /// (case, curly quotes, dashes and spacing ignored).
    pub fn locate(&self, phrase: &str) -> Option<Range<usize>> {
        let p = crate::text::norm(phrase);
        let p = p.trim_matches(|c: char| c == '.' || c == ',' || c == '"' || c == ' ');
        if p.is_empty() {
            return None;
        }
        let mut from = 0;
        while let Some(i) = self.norm.text[from..].find(p) {
            let at = from + i;
            if crate::text::boundary_before(&self.norm.text, at) || !p.starts_with(char::is_alphanumeric) {
                return Some(self.norm.orig_range(at..at + p.len(), &self.text));
            }
            from = at + 1;
        }
        None
    }

    /// Byte ranges of every whole-word occurrence of a phrase (normalized
    /// words: case, curly quotes, dashes and spacing ignored).
    pub fn occurrences(&self, phrase: &str) -> Vec<Range<usize>> {
        let p = crate::text::norm(phrase);
        let p = p.trim_matches(|c: char| c == '.' || c == ',' || c == '"' || c == ' ');
        let mut out = Vec::new();
        if p.is_empty() {
            return out;
        }
        let t = &self.norm.text;
        let mut from = 0;
        while let Some(i) = t[from..].find(p) {
            let at = from + i;
            let end = at + p.len();
            let before = crate::text::boundary_before(t, at) || !p.starts_with(char::is_alphanumeric);
            let after = crate::text::boundary_after(t, end) || !p.ends_with(char::is_alphanumeric);
            if before && after {
                out.push(self.norm.orig_range(at..end, &self.text));
            }
            from = at + p.chars().next().map_or(1, char::len_utf8);
        }
        out
    }

    /// Byte range of line `line` (1-based), without its line break.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let mut start = 0;
        for (i, l) in self.text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let body = l.trim_end_matches(['\n', '\r']);
                return Some(start..start + body.len());
            }
            start += l.len();
        }
        None
    }

    /// The occurrence of a phrase on line `line` (1-based), if any.
    pub fn locate_on_line(&self, phrase: &str, line: usize) -> Option<Range<usize>> {
        let r = self.line_range(line)?;
        self.occurrences(phrase)
            .into_iter()
            .find(|o| r.start <= o.start && o.end <= r.end)
    }

    /// Zero-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let lc = self.index.to_line_col(&self.text, offset, Encoding::Chars);
        (lc.line, lc.col)
    }

    /// Does this text look like the article (holds the given section titles as lines)?
    pub fn looks_like(text: &str, titles: &[&str]) -> bool {
        let lines: std::collections::HashSet<&str> = text.lines().map(str::trim).collect();
        let wanted: Vec<&&str> = titles.iter().filter(|t| !t.is_empty()).collect();
        !wanted.is_empty() && wanted.iter().filter(|t| lines.contains(**t)).count() * 4 >= wanted.len() * 3
    }
}
