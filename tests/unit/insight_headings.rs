//! Tests of `src/insight/headings.rs`.

use claimlint::insight::*;
use claimlint::note;

#[test]
fn headings_skip_code_and_know_their_parts() {
    let n = "# One\ntext\n```\n# not\n```\n## Two\nmore\n# Three\n";
    let read = note::read(n);
    let hs = headings(n, &read.masked);
    let titles: Vec<&str> = hs.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, ["One", "Two", "Three"]);
    assert_eq!(hs[0].part_end, n.find("# Three").unwrap());
    assert_eq!(hs[1].level, 2);
    assert_eq!(hs[2].part_end, n.len());
}
