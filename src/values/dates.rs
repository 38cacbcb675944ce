//! Dates in prose: years, decades, months, days, seasons, and dates relative
//! to the article ("this year", "the previous week"). A date is a set of
//! optional fields; two dates conflict only where both give a field and the
//! fields do not overlap, so "2021" agrees with "spring 2021".

use crate::span::NormSpan;
use crate::text::Word;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DateSpec {
    /// Inclusive year range.
    pub years: Option<(i32, i32)>,
    /// Inclusive month range, 1-based; may wrap (winter: 12..2).
    pub months: Option<(u8, u8)>,
    pub day: Option<u8>,
    /// Years relative to the article's own year: this year = 0, next = +1.
    pub rel_year: Option<i32>,
    /// Weeks relative to the article's reference event: previous week = -1.
    pub rel_week: Option<i32>,
}

/// A date found in normalized text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Normalized byte range in the text searched.
    pub range: NormSpan,
    pub date: DateSpec,
}

const MONTHS: [(&str, u8); 21] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

pub(crate) fn month(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.');
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

fn season(w: &str) -> Option<(u8, u8)> {
    match w {
        "spring" => Some((3, 5)),
        "summer" => Some((6, 8)),
        "fall" | "autumn" => Some((9, 11)),
        "winter" => Some((12, 2)),
        _ => None,
    }
}

fn year(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        if (1900..=2099).contains(&y) {
            return Some(y);
        }
    }
    None
}

/// "Montenegro '17": two digits right after an apostrophe that opens the
/// word are a year written short (this century up to '49, the last after).
fn short_year(text: &str, words: &[Word], i: usize) -> Option<i32> {
    let w = &words[i];
    let digits = &text[w.start..w.end];
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let before = text[..w.start].strip_suffix(['\'', '\u{2019}'])?;
    if !before.is_empty() && !before.ends_with([' ', '(', '/', ',']) {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    Some(if n < 50 { 2000 + n } else { 1900 + n })
}

fn decade(w: &str) -> Option<i32> {
    let d = w.strip_suffix("s").or_else(|| w.strip_suffix("'s"))?;
    let y = year(d)?;
    (y % 10 == 0).then_some(y)
}

fn day(w: &str) -> Option<u8> {
    // Only a leading figure can parse (the suffixes trim from the end); most
    // words stop here, before four substring trims.
    if !w.as_bytes().first().is_some_and(|b| b.is_ascii_digit() || *b == b'+') {
        return None;
    }
    let d = w
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    let n: u8 = d.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn ranges_overlap(a: (i32, i32), b: (i32, i32)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

fn month_set(r: (u8, u8)) -> u16 {
    let mut set = 0u16;
    let mut m = r.0;
    loop {
        set |= 1 << m;
        if m == r.1 {
            break;
        }
        m = if m == 12 { 1 } else { m + 1 };
    }
    set
}

impl DateSpec {
    /// Do the two dates contradict each other in a field both give?
    pub fn conflicts(&self, other: &DateSpec) -> bool {
        if let (Some(a), Some(b)) = (self.years, other.years) {
            if !ranges_overlap(a, b) {
                return true;
            }
        }
        if let (Some(a), Some(b)) = (self.months, other.months) {
            if month_set(a) & month_set(b) == 0 {
                return true;
            }
        }
        if let (Some(a), Some(b)) = (self.day, other.day) {
            if a != b && self.months.is_some() && other.months.is_some() {
                return true;
            }
        }
        if let (Some(a), Some(b)) = (self.rel_year, other.rel_year) {
            if a != b {
                return true;
            }
        }
        if let (Some(a), Some(b)) = (self.rel_week, other.rel_week) {
            if a != b {
                return true;
            }
        }
        false
    }

    /// Do the two share at least one field (so that comparing them means something)?
    pub fn comparable(&self, other: &DateSpec) -> bool {
        (self.years.is_some() && other.years.is_some())
            || (self.months.is_some() && other.months.is_some())
            || (self.rel_year.is_some() && other.rel_year.is_some())
            || (self.rel_week.is_some() && other.rel_week.is_some())
    }

    /// Parse a date written in a claim base ("January 21", "spring 2021", "this year").
    pub fn parse(s: &str) -> Option<DateSpec> {
        let n = crate::text::norm(s);
        let ws = crate::text::words(&n);
        let found = find_dates(&n, &ws);
        let mut out = DateSpec::default();
        if found.is_empty() {
            return None;
        }
        for m in found {
            let d = m.date;
            out.years = out.years.or(d.years);
            out.months = out.months.or(d.months);
            out.day = out.day.or(d.day);
            out.rel_year = out.rel_year.or(d.rel_year);
            out.rel_week = out.rel_week.or(d.rel_week);
        }
        Some(out)
    }
}

/// Every date in a normalized text, given its words.
pub fn find_dates(text: &str, words: &[Word]) -> Vec<DateMention> {
    // (a table cell border or a parenthesis between two words parts them:
    // "| 15 | Jan 21, 2022 |" holds no "15 Jan")
    let tight = |i: usize| {
        words
            .get(i + 1)
            .is_none_or(|n| !text[words[i].end..n.start].contains(['|', ';', '(', ')']))
    };
    let w = |i: usize| -> &str { words.get(i).map_or("", |w| &text[w.start..w.end]) };
    let mut out: Vec<DateMention> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let start = words[i].start;
        let cur = w(i);
        let mut spec = DateSpec::default();
        let mut last = i;
        if let Some(m) =
            month(cur).filter(|_| cur != "may" || w(i + 1).parse::<u8>().is_ok() || year(w(i + 1)).is_some())
        {
            // "January 21", "January 21, 2022", "January 2022"
            spec.months = Some((m, m));
            if let Some(d) = day(w(i + 1)) {
                spec.day = Some(d);
                last = i + 1;
                if let Some(y) = year(w(i + 2)) {
                    spec.years = Some((y, y));
                    last = i + 2;
                }
            } else if let Some(y) = year(w(i + 1)) {
                spec.years = Some((y, y));
                last = i + 1;
            } else if cur.len() <= 4 {
                // "jan", "dec" alone are too ambiguous
                i += 1;
                continue;
            }
        } else if let (Some(d), Some(m)) = (day(cur).filter(|_| cur.len() <= 4 && tight(i)), month(w(i + 1))) {
            // "21 January"
            spec.day = Some(d);
            spec.months = Some((m, m));
            last = i + 1;
            if let Some(y) = year(w(i + 2)) {
                spec.years = Some((y, y));
                last = i + 2;
            }
        } else if let Some(s) = season(cur) {
            spec.months = Some(s);
            // "spring 2021", "spring of 2021"
            let j = if w(i + 1) == "of" { i + 2 } else { i + 1 };
            if let Some(y) = year(w(j)) {
                spec.years = Some((y, y));
                last = j;
            }
            // Without a year ("that spring") a season still dates things.
        } else if let Some(y) = year(cur) {
            spec.years = Some((y, y));
        } else if let Some(y) = short_year(text, words, i) {
            // (the apostrophe is part of what was written: "'17")
            spec.years = Some((y, y));
            let apostrophe = text[..start].chars().next_back().map_or(0, char::len_utf8);
            out.push(DateMention {
                range: NormSpan::new(start - apostrophe, words[i].end),
                date: spec,
            });
            i += 1;
            continue;
        } else if let Some(d) = decade(cur) {
            spec.years = Some((d, d + 9));
            // "the first half of the 2010s", "the early 2010s"
            // Look back past "the": "the first half of the 2010s".
            let back = if w(i.wrapping_sub(1)) == "the" { 1 } else { 0 };
            let before = |k: usize| w(i.wrapping_sub(k + back));
            let (lo, hi) = match (before(4), before(3), before(2), before(1)) {
                (_, "first", "half", "of") | (_, _, _, "early") => (d, d + 4),
                (_, "second", "half", "of") | (_, _, _, "late") => (d + 5, d + 9),
                (_, _, _, "mid") => (d + 3, d + 7),
                _ => (d, d + 9),
            };
            spec.years = Some((lo, hi));
        } else if let Some(rel) = relative(w(i), w(i + 1)) {
            let (spec2, len) = rel;
            spec = spec2;
            last = i + len - 1;
        } else {
            i += 1;
            continue;
        }
        out.push(DateMention {
            range: NormSpan::new(start, words[last].end),
            date: spec,
        });
        i = last + 1;
    }
    out
}

/// "this year", "next year's", "last week", "the previous week", "the week after".
fn relative(a: &str, b: &str) -> Option<(DateSpec, usize)> {
    let shift = |w: &str| match w {
        "this" | "current" => Some(0),
        "next" | "following" | "coming" => Some(1),
        "last" | "previous" | "preceding" | "prior" => Some(-1),
        _ => None,
    };
    let unit = |w: &str| w.trim_end_matches("'s").to_string();
    if let Some(k) = shift(a) {
        return match unit(b).as_str() {
            "year" => Some((
                DateSpec {
                    rel_year: Some(k),
                    ..Default::default()
                },
                2,
            )),
            // Weeks count the gap between events, whichever way it runs
            // (the order of events is the `order` check's business).
            "week" => Some((
                DateSpec {
                    rel_week: Some(k.abs()),
                    ..Default::default()
                },
                2,
            )),
            _ => None,
        };
    }
    // "a fortnight after", "two weeks later", "a month before"
    let gap = match (a, b) {
        ("fortnight", _) => Some(2),
        ("two", "weeks") | ("couple", "of") => Some(2),
        ("three", "weeks") => Some(3),
        ("month", _) | ("a", "month") => Some(4),
        _ => None,
    };
    if let Some(g) = gap {
        let len = if a == "couple" || b == "weeks" || b == "month" {
            2
        } else {
            1
        };
        return Some((
            DateSpec {
                rel_week: Some(g),
                ..Default::default()
            },
            len,
        ));
    }
    // "a week later", "the week after", "the week before"
    if (a == "week" || a == "weeks") && (b == "after" || b == "later") {
        return Some((
            DateSpec {
                rel_week: Some(1),
                ..Default::default()
            },
            2,
        ));
    }
    if a == "week" && (b == "before" || b == "earlier") {
        return Some((
            DateSpec {
                rel_week: Some(1),
                ..Default::default()
            },
            2,
        ));
    }
    None
}
