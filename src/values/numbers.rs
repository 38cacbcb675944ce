//! Quantities in prose: digits, number words ("twenty-five"), ordinals
//! ("third"), fractions ("two-thirds") and vague amounts ("several thousand").
//! A quantity is an inclusive range, so vague amounts compare by overlap.

use crate::span::NormSpan;
use crate::text::Word;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub lo: f64,
    pub hi: f64,
}

impl Quantity {
    pub fn exact(v: f64) -> Quantity {
        Quantity { lo: v, hi: v }
    }

    pub fn overlaps(&self, other: &Quantity) -> bool {
        // Two spans that only touch ("15-20" and "20-25") give different figures.
        let spans = self.hi - self.lo > 1e-9 && other.hi - other.lo > 1e-9;
        if spans {
            return self.lo < other.hi - 1e-9 && other.lo < self.hi - 1e-9;
        }
        self.lo <= other.hi + 1e-9 && other.lo <= self.hi + 1e-9
    }

    pub fn scaled(self, k: f64) -> Quantity {
        Quantity {
            lo: self.lo * k,
            hi: self.hi * k,
        }
    }

    /// Parse a quantity written in a claim base: "3", "third", "1000-9999",
    /// "several thousand", "two-thirds".
    pub fn parse(s: &str) -> Option<Quantity> {
        if let Some((a, b)) = s.split_once("..") {
            return Some(Quantity {
                lo: a.trim().parse().ok()?,
                hi: b.trim().parse().ok()?,
            });
        }
        let n = crate::text::norm(s);
        let ws = crate::text::words(&n);
        let found = find_numbers(&n, &ws);
        (found.len() == 1).then(|| found[0].value)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    /// Normalized byte range in the text searched.
    pub range: NormSpan,
    pub value: Quantity,
    /// Index of the mention's last word, for finding what it counts.
    pub last_word: usize,
    pub first_word: usize,
    /// "third", "1st": a position, not a count.
    pub ordinal: bool,
}

impl NumberMention {
    /// A fraction written in two words from word `i` ("2/3", "two thirds").
    fn fraction(words: &[Word], i: usize, value: f64) -> NumberMention {
        NumberMention {
            range: NormSpan::new(words[i].start, words[i + 1].end),
            value: Quantity::exact(value),
            first_word: i,
            last_word: i + 1,
            ordinal: false,
        }
    }
}

fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "none" => 0.0,
        "one" => 1.0,
        "two" | "both" | "twice" => 2.0,
        "three" | "thrice" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" | "sole" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "twentieth" => 20.0,
        _ => {
            // 1st, 2nd, 3rd, 4th ...
            let d = w
                .strip_suffix("st")
                .or_else(|| w.strip_suffix("nd"))
                .or_else(|| w.strip_suffix("rd"))
                .or_else(|| w.strip_suffix("th"))?;
            return d.parse::<u32>().ok().map(f64::from);
        }
    })
}

fn fraction_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        _ => return None,
    })
}

fn digits(w: &str) -> Option<f64> {
    // Most words hold a letter: answer before copying them.
    if !w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    let clean = w.replace(',', "");
    if clean.is_empty() || !clean.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    clean.parse().ok()
}

/// Is the figure at word `i` a label rather than a count: a thread's post
/// number ("2/ Opening claim", "20/"), a table row's number in its first
/// cell ("| 38 | ..."), or a number after a sign that marks one ("¶10",
/// "§ 4", "demand #1")?
pub fn is_label(text: &str, words: &[Word], i: usize) -> bool {
    let rest = &text[words[i].end..];
    let post_number = rest.starts_with('/') && rest[1..].chars().next().is_none_or(char::is_whitespace);
    let row_number = text[..words[i].start].trim() == "|" && rest.trim_start().starts_with('|');
    let marked = text[..words[i].start].trim_end().ends_with(['¶', '§']) || text[..words[i].start].ends_with('#');
    (post_number || row_number || marked) && text[words[i].start..words[i].end].chars().all(|c| c.is_ascii_digit())
}

/// Every quantity in a normalized text, given its words. Years (four digits
/// from 1900 to 2099) are dates, not quantities, and are left out.
pub fn find_numbers(text: &str, words: &[Word]) -> Vec<NumberMention> {
    let w = |i: usize| -> &str { words.get(i).map_or("", |w| &text[w.start..w.end]) };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let cur = w(i);
        let mut last = i;
        let value: Quantity;
        if let Some(d) = digits(cur) {
            if cur.len() == 4 && (1900.0..=2099.0).contains(&d) && !cur.contains(',') {
                i += 1;
                continue;
            }
            // "January 21", "21 January": the day of a date.
            let month = |x: &str| crate::values::dates::month(x).is_some();
            if (1.0..=31.0).contains(&d) && (i > 0 && month(w(i - 1)) || month(w(i + 1))) {
                i += 1;
                continue;
            }
            if is_label(text, words, i) {
                i += 1;
                continue;
            }
            // "9/12 On guarantees: ...": a post's number out of the thread's
            // posts, opening the sentence (no fraction has so many parts).
            let slash_pair = words.get(i + 1).is_some_and(|n| &text[words[i].end..n.start] == "/");
            if i == 0
                && slash_pair
                && digits(w(1)).is_some_and(|den| den >= 6.0 && den >= d)
                && w(2) != "of"
                && words
                    .get(2)
                    .is_some_and(|n| text[words[1].end..n.start].trim().is_empty())
            {
                i += 2;
                continue;
            }
            // "1.10 On guarantees": a paragraph's number opening the line,
            // before a function word (an amount is followed by its unit).
            let lex = crate::word_classes::english();
            let function_word_follows = words.get(1).is_some_and(|n| {
                text[words[0].end..n.start].trim().is_empty()
                    && w(1) != "of"
                    && (lex.stop_words.has(w(1)) || lex.determiners.has(w(1)) || lex.topic_prepositions.has(w(1)))
            });
            if i == 0 && cur.contains('.') && !cur.ends_with('.') && function_word_follows {
                i += 1;
                continue;
            }
            // "[32:30]", "1:02:33": a clock time or timestamp counts nothing.
            let colon = |a: usize, b: usize| {
                words.get(b).is_some_and(|n| &text[words[a].end..n.start] == ":") && digits(w(b)).is_some()
            };
            if colon(i, i + 1) {
                let mut j = i + 1;
                while colon(j, j + 1) {
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            // "2/3 of senators": a fraction written with digits.
            // ("2/3 core demands", without "of", is two of three.)
            // ("a 3/5 vote", "a 2/3 majority": after "a", one share.)
            let noun_follows = words
                .get(i + 2)
                .is_some_and(|n| text[words[i + 1].end..n.start].trim().is_empty() && w(i + 2) != "of")
                && !(i > 0 && w(i - 1) == "a");
            if words.get(i + 1).is_some_and(|n| &text[words[i].end..n.start] == "/") && !noun_follows {
                if let Some(den) = digits(w(i + 1)).filter(|&den| den > d && den <= 12.0) {
                    out.push(NumberMention::fraction(words, i, d / den));
                    i += 2;
                    continue;
                }
            }
            value = Quantity::exact(d);
            // "demand 1 (...)", "round 2:": a digit after a noun, closed by
            // punctuation, numbers an item; it is a position, not a count.
            let after = words.get(i + 1).map_or("", |n| &text[words[i].end..n.start]);
            let before = if i > 0 { w(i - 1) } else { "" };
            // ("demands 1 and 2": the coordinated digits number items too)
            let coordinated = matches!(w(i + 1), "and" | "or") && digits(w(i + 2)).is_some();
            let after_label = i >= 2
                && matches!(w(i - 1), "and" | "or")
                && out
                    .last()
                    .is_some_and(|m: &NumberMention| m.ordinal && m.last_word + 2 == i);
            let labels_item = i > 0
                && (i + 1 == words.len() || after.contains(['(', ':', ',', ';', ')']) || coordinated)
                && before.chars().all(|c| c.is_alphabetic())
                && before.len() > 3
                && !before.ends_with("ly")
                && !crate::word_classes::english().stop_words.has(before)
                && !crate::word_classes::english().determiners.has(before)
                && text[words[i - 1].end..words[i].start].trim().is_empty();
            // "Row 10: ...", "Item 3: ...": a word and a number opening the
            // line, then a colon, label the note's own rows; they count nothing.
            let opens_line = i == 1
                && after.trim_start().starts_with(':')
                && before.chars().all(|c| c.is_alphabetic())
                && !crate::word_classes::english().stop_words.has(before)
                && !crate::word_classes::english().determiners.has(before);
            if d < 100.0 && opens_line {
                i += 1;
                continue;
            }
            if d < 100.0 && (after_label || labels_item) {
                out.push(NumberMention {
                    range: NormSpan::new(words[i].start, words[i].end),
                    value,
                    first_word: i,
                    last_word: i,
                    ordinal: true,
                });
                i += 1;
                continue;
            }
            // "50 thousand"
            if let Some(k) = scale(w(i + 1)) {
                last = i + 1;
                push_mention(&mut out, words, i, last, value.scaled(k));
                i = last + 1;
                continue;
            }
        } else if let Some(t) = tens_word(cur) {
            let mut v = t;
            if let Some(u) = unit_word(w(i + 1)).filter(|u| *u < 10.0 && *u > 0.0) {
                v += u;
                last = i + 1;
            }
            value = Quantity::exact(v);
        } else if cur == "one" && matches!(w(i + 1), "by" | "after") && matches!(w(i + 2), "one" | "another")
            || cur == "one" && w(i + 1) == "at" && w(i + 2) == "a" && w(i + 3) == "time"
        {
            // "one by one", "one after another", "one at a time": a manner.
            i += 3;
            continue;
        } else if cur == "none" && w(i + 1) != "of" {
            // "None" alone (a table cell, an answer) counts nothing.
            i += 1;
            continue;
        } else if cur == "both" && (i + 1..i + 5).any(|k| w(k) == "and") {
            // "both impossible and unnecessary": a coordination, not a count.
            i += 1;
            continue;
        } else if let Some(u) = unit_word(cur) {
            // "two thirds" is a fraction
            if let Some(den) = fraction_word(w(i + 1)).filter(|_| u < 10.0 && w(i + 1) != "second") {
                if w(i + 1).ends_with('s') || u == 1.0 {
                    out.push(NumberMention::fraction(words, i, u / den));
                    i += 2;
                    continue;
                }
            }
            // "two out of every three": a ratio, the fraction two thirds.
            if w(i + 1) == "out" && w(i + 2) == "of" && w(i + 3) == "every" {
                if let Some(den) = unit_word(w(i + 4)).or_else(|| digits(w(i + 4))).filter(|&den| den > u) {
                    push_mention(&mut out, words, i, i + 4, Quantity::exact(u / den));
                    i += 5;
                    continue;
                }
            }
            value = Quantity::exact(u);
        } else if let Some(o) = ordinal_word(cur) {
            value = Quantity::exact(o);
        } else if cur == "several" || cur == "a few" || cur == "few" {
            // "several thousand", "a few hundred"
            if let Some(k) = scale(w(i + 1)) {
                last = i + 1;
                value = Quantity {
                    lo: 2.0 * k,
                    hi: 9.0 * k,
                };
            } else {
                value = Quantity { lo: 2.0, hi: 9.0 };
            }
        } else if cur == "dozens" || cur == "hundreds" || cur == "thousands" || cur == "millions" {
            let k = scale(cur.trim_end_matches('s')).unwrap_or(1.0);
            // "tens of thousands"
            value = Quantity {
                lo: 2.0 * k,
                hi: 999.0 * k,
            };
        } else if cur == "tens" && w(i + 1) == "of" && scale(w(i + 2).trim_end_matches('s')).is_some() {
            let k = scale(w(i + 2).trim_end_matches('s')).unwrap_or(1.0);
            value = Quantity {
                lo: 10.0 * k,
                hi: 99.0 * k,
            };
            last = i + 2;
        } else {
            i += 1;
            continue;
        }
        // "twenty five thousand", "three hundred"
        let mut value = value;
        if let Some(k) = scale(w(last + 1)) {
            if value.lo == value.hi {
                value = value.scaled(k);
                last += 1;
            }
        }
        push_mention(&mut out, words, i, last, value);
        if ordinal_word(cur).is_some() && digits(cur).is_none() && unit_word(cur).is_none() {
            if let Some(m) = out.last_mut() {
                m.ordinal = true;
            }
        }
        i = last + 1;
    }
    out
}

/// Record the quantity written in words `first..=last`.
fn push_mention(out: &mut Vec<NumberMention>, words: &[Word], first: usize, last: usize, value: Quantity) {
    out.push(NumberMention {
        range: NormSpan::new(words[first].start, words[last].end),
        value,
        first_word: first,
        last_word: last,
        ordinal: false,
    });
}

fn scale(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(100.0),
        "thousand" => Some(1000.0),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        _ => None,
    }
}
