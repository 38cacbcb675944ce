//! Tests of `src/values/numbers.rs`.

use claimlint::text::{norm, words};
use claimlint::values::numbers::*;

fn nums(s: &str) -> Vec<(f64, f64)> {
    let n = norm(s);
    find_numbers(&n, &words(&n))
        .into_iter()
        .map(|m| (m.value.lo, m.value.hi))
        .collect()
}

#[test]
fn reads_words_digits_ordinals_and_fractions() {
    assert_eq!(nums("twenty-five years"), [(25.0, 25.0)]);
    assert_eq!(nums("the third round"), [(3.0, 3.0)]);
    assert_eq!(nums("two-thirds of senators"), [(2.0 / 3.0, 2.0 / 3.0)]);
    assert_eq!(nums("ratification by 2/3 of senators"), [(2.0 / 3.0, 2.0 / 3.0)]);
    assert_eq!(nums("deals on 2/3 core demands"), [(2.0, 2.0), (3.0, 3.0)]);
    assert_eq!(nums("2/3: share of senators"), [(2.0 / 3.0, 2.0 / 3.0)]);
    assert_eq!(nums("1,000 notes in 2021"), [(1000.0, 1000.0)]);
    assert_eq!(nums("several thousand soldiers"), [(2000.0, 9000.0)]);
    assert_eq!(nums("tens of thousands"), [(10000.0, 99000.0)]);
}

#[test]
fn a_numbered_item_is_a_position() {
    let n = norm("demand 1 (no expansion) and 3 demands");
    let m = find_numbers(&n, &words(&n));
    assert_eq!(
        m.iter().map(|m| (m.value.lo, m.ordinal)).collect::<Vec<_>>(),
        [(1.0, true), (3.0, false)]
    );
}

#[test]
fn parses_claim_values() {
    assert_eq!(Quantity::parse("3"), Some(Quantity::exact(3.0)));
    assert_eq!(Quantity::parse("1000..9999"), Some(Quantity { lo: 1000.0, hi: 9999.0 }));
    assert_eq!(Quantity::parse("first"), Some(Quantity::exact(1.0)));
}
