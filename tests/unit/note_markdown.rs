//! Tests of `src/note/markdown.rs`.

use claimlint::note::markdown::*;
use std::ops::Range;

#[test]
fn masks_code_comments_links_and_front_matter_keeping_offsets() {
    let note = "---\ntitle: x 2004\n---\nText `2004` and [link](http://x/2004) <!-- 2004 -->\n```\n2004\n```\nend 2009";
    let m = mask(note);
    assert_eq!(m.len(), note.len());
    assert_eq!(m.matches("2004").count(), 0);
    assert!(m.contains("link"));
    assert!(m.ends_with("end 2009"));
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
    ];
    let mut cases = vec![String::new()];
    let mut checked = 0;
    for _ in 0..5 {
        let mut next = Vec::new();
        for c in &cases {
            for p in pieces {
                let t = format!("{c}{p}");
                let mut out = t.as_bytes().to_vec();
                inline_spans(&t, &mut out);
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
