//! Which bytes of a Markdown note are prose. `mask` blanks everything else
//! (front matter, fenced code, inline code, HTML comments and tags, link
//! targets, URLs, list and quote markers) with spaces of the same byte
//! length, so offsets into the masked text are offsets into the note.

use std::ops::Range;

/// Blank `r` of `out`: every byte but a line break becomes a space.
fn blank(out: &mut [u8], r: Range<usize>) {
    for b in &mut out[r] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Blank every range of `spans` in `out`, and empty `spans`.
fn blank_all(out: &mut [u8], spans: &mut Vec<Range<usize>>) {
    for r in spans.drain(..) {
        blank(out, r);
    }
}

pub fn mask(note: &str) -> String {
    mask_with_fences(note).0
}

/// `mask`, and the note's fenced code blocks (`FencedBlocks`).
pub fn mask_with_fences(note: &str) -> (String, FencedBlocks) {
    let mut out: Vec<u8> = note.as_bytes().to_vec();
    // Front matter.
    let mut pos = 0;
    if note.starts_with("---\n") || note.starts_with("---\r\n") || note.starts_with("+++\n") {
        let fence = &note[..3];
        let mut off = note.find('\n').map_or(note.len(), |i| i + 1);
        let mut end = None;
        for line in note[off..].split_inclusive('\n') {
            let t = line.trim_end();
            off += line.len();
            if t == fence || (fence == "---" && t == "...") {
                end = Some(off);
                break;
            }
        }
        if let Some(e) = end {
            blank(&mut out, 0..e);
            pos = e;
        }
    }
    let fences = fenced_blocks(note, pos);
    for r in &fences.blocks {
        blank(&mut out, r.clone());
    }
    // Each later pass reads the text as the passes before it left it, and
    // notes what to blank; the blanks land after it. The text is read in
    // place, never copied: a 1 MB note's mask held four megabytes when each
    // pass read a copy (the peak of an edit that re-masks the whole note).
    let mut spans: Vec<Range<usize>> = Vec::new();
    // HTML comments (may span lines).
    let text = std::str::from_utf8(&out).unwrap_or_default();
    let mut from = 0;
    while let Some(i) = text[from..].find("<!--") {
        let s = from + i;
        let e = text[s + 4..].find("-->").map_or(text.len(), |j| s + 4 + j + 3);
        spans.push(s..e);
        from = e;
    }
    blank_all(&mut out, &mut spans);
    inline_spans(std::str::from_utf8(&out).unwrap_or_default(), &mut spans);
    blank_all(&mut out, &mut spans);
    // Line markers: list bullets, ordered-list numbers, block quotes, headings,
    // reference-style link definitions.
    let text = std::str::from_utf8(&out).unwrap_or_default();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let mut k = 0;
        let lb = line.as_bytes();
        loop {
            while k < lb.len() && lb[k] == b' ' {
                k += 1;
            }
            if k < lb.len() && (lb[k] == b'>' || lb[k] == b'#') {
                let n = lb[k..].iter().take_while(|&&b| b == lb[k]).count();
                spans.push(off + k..off + k + n);
                k += n;
                continue;
            }
            if k + 1 < lb.len() && matches!(lb[k], b'-' | b'*' | b'+') && lb[k + 1] == b' ' {
                spans.push(off + k..off + k + 1);
                k += 1;
                // "- [ ]" task boxes
                if line[k..].trim_start().starts_with("[ ]") || line[k..].trim_start().starts_with("[x]") {
                    let s = k + (line[k..].len() - line[k..].trim_start().len());
                    spans.push(off + s..off + s + 3);
                    k = s + 3;
                }
                continue;
            }
            let digits = lb[k..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0
                && digits < 4
                && matches!(lb.get(k + digits), Some(b'.') | Some(b')'))
                && lb.get(k + digits + 1) == Some(&b' ')
            {
                spans.push(off + k..off + k + digits + 1);
                k += digits + 1;
                continue;
            }
            break;
        }
        let t = line.trim_start();
        if t.starts_with('[') && t.contains("]:") && !t.starts_with("[[") {
            spans.push(off..off + line.len());
        }
        off += line.len();
    }
    blank_all(&mut out, &mut spans);
    (String::from_utf8(out).unwrap_or_else(|_| note.to_string()), fences)
}

/// The fenced code blocks of a note, in order: each from its opening line's
/// start to its closing line's end (line break included), the last one to
/// the note's end when nothing closes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FencedBlocks {
    pub blocks: Vec<Range<usize>>,
    /// Does the last block run to the note's end unclosed?
    pub last_open: bool,
}

/// The fenced code blocks of `note[from..]` (`from`: where any front matter
/// ends), line by line.
pub fn fenced_blocks(note: &str, from: usize) -> FencedBlocks {
    let mut blocks = Vec::new();
    // The open fence's character, length and opening line.
    let mut fence: Option<(char, usize, usize)> = None;
    let mut off = from;
    for line in note[from..].split_inclusive('\n') {
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        let run = |ch: char| t.chars().take_while(|&c| c == ch).count();
        match fence {
            Some((ch, n, start)) if indent < 4 && run(ch) >= n && t[run(ch)..].trim().is_empty() => {
                blocks.push(start..off + line.len());
                fence = None;
            }
            Some(_) => {}
            None if indent < 4 && (run('`') >= 3 || run('~') >= 3) => {
                let ch = if run('`') >= 3 { '`' } else { '~' };
                fence = Some((ch, run(ch), off));
            }
            None => {}
        }
        off += line.len();
    }
    if let Some((_, _, start)) = fence {
        blocks.push(start..note.len());
    }
    FencedBlocks {
        blocks,
        last_open: fence.is_some(),
    }
}

/// The inline code, link targets, autolinks, HTML tags and URLs of `text`,
/// to blank (added to `spans`, in order).
/// The end (past its `]`) of a footnote marker opening at `i` (`[^5]`):
/// up to 30 letters, digits, `-` or `_` after the caret.
fn footnote_end(bytes: &[u8], i: usize) -> Option<usize> {
    let label = bytes[i + 2..]
        .iter()
        .take(31)
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        .count();
    (label > 0 && label <= 30 && bytes.get(i + 2 + label) == Some(&b']')).then_some(i + 2 + label + 1)
}

fn inline_spans(text: &str, spans: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    // Inline spans, byte by byte (all markers are ASCII). O(n log n) in the
    // note's length: no search runs from a marker to the end of the note
    // (F6: every `<` and `](` used to search the rest of the note, every
    // unmatched backtick run too). The next `)`, `>`, line break and double
    // space are found once and reused until the scan passes them; a backtick
    // run's closing run is looked up among the runs that follow.
    let ticks = TickRuns::new(bytes);
    let mut next_close = Next::new(b")");
    let mut next_gt = Next::new(b">");
    let mut next_nl = Next::new(b"\n");
    let mut next_two_spaces = Next::new(b"  ");
    let mut next_strike = Next::new(b"~~");
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'~' if bytes.get(i + 1) == Some(&b'~') => {
                // "~~struck-through words~~" on one line: withdrawn by the
                // writer, no assertion of the note.
                if let Some(c) = next_strike.at(bytes, i + 2) {
                    if next_nl.at(bytes, i + 2).is_none_or(|nl| nl > c) {
                        spans.push(i..c + 2);
                        i = c + 2;
                        continue;
                    }
                }
                i += 2;
                continue;
            }
            b'`' => {
                let n = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                // The first `n` backticks in a row after this run, as `find` of them would give.
                if let Some(j) = ticks.first_at_least(i + n, n) {
                    let e = j + n;
                    spans.push(i..e);
                    i = e;
                    continue;
                }
                i += n;
                continue;
            }
            b'[' if bytes.get(i + 1) == Some(&b'^') => {
                // A footnote marker, `[^5]`, `[^note-2]`: a label, no words.
                if let Some(e) = footnote_end(bytes, i) {
                    spans.push(i..e);
                    i = e;
                    continue;
                }
                i += 1;
                continue;
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                // [text](target): blank the target, when it closes on the same line.
                if let Some(c) = next_close.at(bytes, i + 1) {
                    if next_nl.at(bytes, i + 1).is_none_or(|nl| nl > c) {
                        let e = c + 1;
                        spans.push(i + 1..e);
                        i = e;
                        continue;
                    }
                }
            }
            b'<' => {
                // Autolinks and HTML tags: `<` a letter or `/` ... `>` on one line, no double space.
                if let Some(g) = next_gt.at(bytes, i) {
                    let starts = bytes.get(i + 1).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/') && g > i + 1;
                    let tagish = starts
                        && next_nl.at(bytes, i + 1).is_none_or(|nl| nl > g)
                        && next_two_spaces.at(bytes, i + 1).is_none_or(|p| p + 2 > g);
                    if tagish {
                        spans.push(i..g + 1);
                        i = g + 1;
                        continue;
                    }
                }
            }
            b'h' if text[i..].starts_with("http://") || text[i..].starts_with("https://") => {
                let e = text[i..]
                    .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                    .map_or(text.len(), |j| i + j);
                spans.push(i..e);
                i = e;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// The next occurrence of a needle at or after a position that only moves
/// forward: found once, reused until the position passes it. Over a whole
/// scan the searches cover the text once: O(n).
struct Next {
    needle: &'static [u8],
    /// Searched from `from`: the first occurrence there, or none to the end.
    from: usize,
    found: Option<Option<usize>>,
}

impl Next {
    fn new(needle: &'static [u8]) -> Next {
        Next {
            needle,
            from: 0,
            found: None,
        }
    }

    /// The first occurrence at or after `at` (`at` never less than the last call's).
    fn at(&mut self, hay: &[u8], at: usize) -> Option<usize> {
        match self.found {
            // Still valid: the occurrence is at or after `at`, or there is none after an earlier point.
            Some(Some(p)) if p >= at && self.from <= at => return Some(p),
            Some(None) if self.from <= at => return None,
            _ => {}
        }
        let p = hay
            .get(at..)
            .and_then(|rest| memchr::memmem::find(rest, self.needle))
            .map(|j| at + j);
        self.from = at;
        self.found = Some(p);
        p
    }
}

/// The backtick runs of a text, to find a code span's closing run without
/// searching to the end of the note from every opening one.
struct TickRuns {
    /// (start, length) of each maximal run, in order.
    runs: Vec<(usize, usize)>,
    /// `longest[k]`: the longest run from run k on.
    longest: Vec<usize>,
}

impl TickRuns {
    /// O(n).
    fn new(bytes: &[u8]) -> TickRuns {
        let mut runs = Vec::new();
        let mut i = 0;
        while let Some(j) = memchr::memchr(b'`', &bytes[i..]) {
            let start = i + j;
            let len = bytes[start..].iter().take_while(|&&b| b == b'`').count();
            runs.push((start, len));
            i = start + len;
        }
        let mut longest = vec![0; runs.len() + 1];
        for k in (0..runs.len()).rev() {
            longest[k] = longest[k + 1].max(runs[k].1);
        }
        TickRuns { runs, longest }
    }

    /// Where the first `n` backticks in a row at or after `from` start (a run
    /// of at least `n` that starts at or after `from`, or the rest of a run
    /// `from` falls inside). O(log runs) when there is none; otherwise the
    /// runs walked over lie before the match, which the caller then skips:
    /// O(n) over a scan.
    fn first_at_least(&self, from: usize, n: usize) -> Option<usize> {
        let mut k = self.runs.partition_point(|&(s, l)| s + l <= from);
        if let Some(&(s, l)) = self.runs.get(k) {
            if s < from {
                if s + l - from >= n {
                    return Some(from);
                }
                k += 1;
            }
        }
        if self.longest.get(k).is_none_or(|&m| m < n) {
            return None;
        }
        self.runs[k..].iter().find(|&&(_, l)| l >= n).map(|&(s, _)| s)
    }
}

/// Blocks of prose in masked text: each heading and list-item line starts a
/// block, blank lines end one, other lines continue a paragraph.
pub fn blocks(masked: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    let mut off = 0;
    let orig_starts_block = |line: &str| {
        // After masking, a list marker or heading became spaces: the line
        // starts a block when its leading blank run is followed by text and
        // the masked line differs in indentation from plain continuation.
        // A speaker's label starts one too: a chat log's or minutes' lines
        // ("ana: ...", "Q: ...") are utterances, not one sentence.
        line.starts_with(' ') || speaker_label(line)
    };
    for line in masked.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(c) = cur.take() {
                out.push(c);
            }
        } else {
            let start = off;
            let end = off + content.len();
            match &mut cur {
                Some(c) if !orig_starts_block(content) => c.end = end,
                _ => {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    cur = Some(start..end);
                }
            }
        }
        off += line.len();
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

/// Does the line open with a speaker's label: one or two short words of
/// letters (dots allowed, "Dr. X") and a colon before a space?
fn speaker_label(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    let words: Vec<&str> = label.split(' ').collect();
    rest.starts_with(' ')
        && !label.is_empty()
        && label.len() <= 20
        && words.len() <= 2
        && words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '.'))
}

/// Each line of `text` (whole lines of a note) masked on its own, when none
/// can reach past itself: no comment marker, fence or front-matter line, no
/// carriage return, and no code span left open (an open one would pair with
/// a backtick further on). `None` when one might; then only a `mask` of the
/// whole note is right. The incremental checker re-masks edited lines so.
pub fn mask_lines_alone(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        let t = line.trim();
        let fence = line.trim_start_matches(' ');
        if line.contains('\r')
            || line.contains("<!--")
            || line.contains("-->")
            || fence.starts_with("```")
            || fence.starts_with("~~~")
            || t == "---"
            || t == "..."
            || t == "+++"
        {
            return None;
        }
        let m = mask(line);
        if m.contains('`') {
            return None;
        }
        if k > 0 {
            out.push('\n');
        }
        out.push_str(&m);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_code_comments_links_and_front_matter_keeping_offsets() {
        let note =
            "---\ntitle: x 2004\n---\nText `2004` and [link](http://x/2004) <!-- 2004 -->\n```\n2004\n```\nend 2009";
        let m = mask(note);
        assert_eq!(m.len(), note.len());
        assert_eq!(m.matches("2004").count(), 0);
        assert!(m.contains("link"));
        assert!(m.ends_with("end 2009"));
    }

    #[test]
    fn footnote_markers_are_labels_not_words() {
        let note = "Limits on arms for Kyiv.[^29]\n\n[^29]: The Limits of Possibility, [^a-1] x [^] [^too-long-a-label-of-thirty-one-c]";
        let m = mask(note);
        assert_eq!(m.len(), note.len());
        assert!(!m.contains("29") && !m.contains("a-1"), "{m}");
        assert!(m.contains("[^]") && m.contains("thirty"), "{m}");
    }

    /// The inline pass as it was (searching the rest of the note from each
    /// marker): the linear one must blank exactly the same bytes.
    fn mask_inline_reference(text: &str) -> String {
        let mut out = text.as_bytes().to_vec();
        let blank = |out: &mut Vec<u8>, r: Range<usize>| {
            for b in &mut out[r] {
                if *b != b'\n' && *b != b'\r' {
                    *b = b' ';
                }
            }
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'~' if text[i..].starts_with("~~") => {
                    if let Some(j) = text[i + 2..].find("~~") {
                        let e = i + 2 + j + 2;
                        if !text[i..e].contains('\n') {
                            blank(&mut out, i..e);
                            i = e;
                            continue;
                        }
                    }
                    i += 2;
                    continue;
                }
                b'`' => {
                    let n = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                    let ticks = &text[i..i + n];
                    if let Some(j) = text[i + n..].find(ticks) {
                        let e = i + n + j + n;
                        blank(&mut out, i..e);
                        i = e;
                        continue;
                    }
                    i += n;
                    continue;
                }
                b'[' if text[i..].starts_with("[^") => {
                    let label: String = text[i + 2..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    if (1..=30).contains(&label.len()) && text[i + 2 + label.len()..].starts_with(']') {
                        let e = i + 2 + label.len() + 1;
                        blank(&mut out, i..e);
                        i = e;
                        continue;
                    }
                    i += 1;
                    continue;
                }
                b']' if bytes.get(i + 1) == Some(&b'(') => {
                    if let Some(j) = text[i + 1..].find(')') {
                        let e = i + 1 + j + 1;
                        if !text[i + 1..e].contains('\n') {
                            blank(&mut out, i + 1..e);
                            i = e;
                            continue;
                        }
                    }
                }
                b'<' => {
                    if let Some(j) = text[i..].find('>') {
                        let inner = &text[i + 1..i + j];
                        let tagish = inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
                            && !inner.contains('\n')
                            && !inner.contains("  ");
                        if tagish {
                            blank(&mut out, i..i + j + 1);
                            i += j + 1;
                            continue;
                        }
                    }
                }
                b'h' if text[i..].starts_with("http://") || text[i..].starts_with("https://") => {
                    let e = text[i..]
                        .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                        .map_or(text.len(), |j| i + j);
                    blank(&mut out, i..e);
                    i = e;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_linear_inline_pass_blanks_what_the_searching_one_did() {
        // Every string over a small alphabet of markers, up to 7 pieces long.
        let pieces = [
            "`",
            "``",
            "<",
            ">",
            "a",
            "/",
            ")",
            "](",
            "\n",
            "  ",
            " ",
            "[x](",
            "<b>",
            "http://x ",
            "[^",
            "]",
        ];
        let mut cases = vec![String::new()];
        let mut checked = 0;
        for _ in 0..5 {
            let mut next = Vec::new();
            for c in &cases {
                for p in pieces {
                    let t = format!("{c}{p}");
                    let mut out = t.as_bytes().to_vec();
                    let mut spans = Vec::new();
                    inline_spans(&t, &mut spans);
                    blank_all(&mut out, &mut spans);
                    assert_eq!(String::from_utf8(out).unwrap(), mask_inline_reference(&t), "{t:?}");
                    checked += 1;
                    next.push(t);
                }
            }
            cases = next;
            if cases.len() > 20_000 {
                break;
            }
        }
        assert!(checked > 10_000);
    }

    #[test]
    fn masks_list_markers_and_headings() {
        let m = mask("# Head\n- item one\n1. two\n> quote");
        assert_eq!(m, "  Head\n  item one\n   two\n  quote");
    }
}
