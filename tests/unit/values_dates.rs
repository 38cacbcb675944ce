//! Tests of `src/values/dates.rs`.

use claimlint::text::{norm, words};
use claimlint::values::dates::*;

fn dates(s: &str) -> Vec<DateSpec> {
    let n = norm(s);
    find_dates(&n, &words(&n)).into_iter().map(|m| m.date).collect()
}

#[test]
fn finds_years_days_seasons_and_decades() {
    let d = dates("On January 21, after the spring of 2021 and the first half of the 2010s, in 2018.");
    assert_eq!(d.len(), 4);
    assert_eq!(d[0].day, Some(21));
    assert_eq!(d[1].months, Some((3, 5)));
    assert_eq!(d[1].years, Some((2021, 2021)));
    assert_eq!(d[2].years, Some((2010, 2014)));
    assert_eq!(d[3].years, Some((2018, 2018)));
}

#[test]
fn conflicts_only_where_both_give_a_field() {
    let spring = DateSpec::parse("spring 2021").unwrap();
    assert!(!spring.conflicts(&DateSpec::parse("2021").unwrap()));
    assert!(spring.conflicts(&DateSpec::parse("2020").unwrap()));
    assert!(spring.conflicts(&DateSpec::parse("fall 2021").unwrap()));
    assert!(DateSpec::parse("this year")
        .unwrap()
        .conflicts(&DateSpec::parse("next year's").unwrap()));
    assert!(!DateSpec::parse("the early 2010s")
        .unwrap()
        .conflicts(&DateSpec::parse("first half of the 2010s").unwrap()));
}

#[test]
fn may_is_a_month_only_with_a_day_or_year() {
    assert!(dates("it may well mean").is_empty());
    assert_eq!(dates("in May 2022").len(), 1);
}
