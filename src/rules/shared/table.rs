//! Table rows: a row's first cell names what every other cell speaks of
//! ("| Blinken | Talks with Lavrov | “never ever” |", "| U.S. Congress |
//! New sanctions | Compiling countersanctions |").

use crate::span::NormSpan;

/// The cell (counted by the bars before it) holding byte `at` of a row's
/// normalized text `t`.
fn cell(t: &str, at: usize) -> usize {
    t[..at].matches('|').count()
}

/// Are bytes `a` and `b` of the row `t` in one cell?
pub fn same_cell(t: &str, a: usize, b: usize) -> bool {
    cell(t, a) == cell(t, b)
}

/// Does `head` fill the first cell of the table row `t` (alone, or with a
/// role in parentheses: "| Ryabkov (Deputy FM) |"), and byte `at` stand
/// in a later cell?
pub fn heads_row(t: &str, head: NormSpan, at: usize) -> bool {
    if !t.contains('|') {
        return false;
    }
    let first = usize::from(t.trim_start().starts_with('|'));
    let h = cell(t, head.start);
    let text = t.split('|').nth(h).unwrap_or("");
    let name = text.split('(').next().unwrap_or("").trim();
    h == first && !name.is_empty() && name == t[head.range()].trim() && cell(t, at) > h
}
