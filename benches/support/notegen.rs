//! Realistic analyst notes, generated deterministically from a seed: weekly
//! headings, section subheadings, paragraphs, bullet lists, block quotes,
//! section references, a little inline code and a link, and a few percent of
//! sentences holding a mistake the checker should flag. Shared by the
//! benchmark (`benches/claimlint-bench.rs`) and the incremental-checking test
//! (`tests/incremental.rs`); no dependencies.

#![allow(dead_code)]

/// A small, fast, seeded generator (SplitMix64): the same seed gives the
/// same note on every machine.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p` percent.
    pub fn percent(&mut self, p: u32) -> bool {
        self.below(100) < p as usize
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    pub fn text(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
}

/// Statements the article supports.
const RIGHT: &[&str] = &[
    "Lavrov and Blinken met on January 21, after a week of talks in Geneva, Brussels and Vienna.",
    "The first round of U.S.-Russian dialogue on European security took place in Geneva.",
    "The talks in Europe ended in neither a public scandal nor a definitive rupture.",
    "Russia's foreign policy sought partner relations with the United States and Europe until the start of 2021.",
    "That spring, Russian troops began large-scale exercises along the Ukrainian border.",
    "American intelligence feared the exercises might hide plans for an invasion of Ukraine.",
    "Biden invited Putin to meet him in Geneva.",
    "In his 2018 address to parliament, Putin told Washington: “No one listened to us before. Well, listen to us now.”",
    "Geneva's summit yielded only consultations on strategic stability and cybersecurity.",
    "Moscow presented a draft treaty and agreement outlining its demands on European security.",
    "The talks did not lead to a breakthrough.",
    "Washington discussed European security with Moscow for the first time since German reunification was negotiated.",
    "Montenegro joined NATO in 2017.",
    "North Macedonia joined NATO in 2020.",
    "Four of the five most recent waves of NATO expansion happened on Putin's watch.",
    "The author holds that mutually assured destruction is the only real guarantee of security in the nuclear age.",
    "As the author puts it, “Cast-iron guarantees simply don't exist.”",
    "Ratification by two-thirds of U.S. senators is virtually impossible in the current climate.",
    "Putin said he wanted to see “at least legally binding agreements.”",
    "Russia's draft treaty rests on three unconditional demands.",
    "Washington will not fight a war with Russia over Ukraine.",
    "An agreement on not locating U.S. missile stations in Ukraine is possible.",
    "The United States saw Russia as a waning power and preferred to ignore its unhappiness.",
    "Russia insisted that the talks focus on its binding demands.",
];

/// Statements the checker flags (a wrong year, place, number, quotation,
/// section, or a reversed stance).
const WRONG: &[&str] = &[
    "Montenegro joined NATO in 2016.",
    "Biden invited Putin to a summit in Vienna.",
    "Putin warned the West in 2018: “Well, listen to us today.”",
    "Russia's draft treaty rests on four unconditional demands.",
    "Geneva hosted the third round of U.S.-Russian dialogue on European security.",
    "Lavrov and Blinken met on January 14.",
    "North Macedonia joined NATO in 2019.",
    "As the author puts it, “Ironclad guarantees simply don't exist.”",
    "The Limits of Possibility is discussed under §Sanctions Outlook.",
    "The author holds that legally binding treaties can give absolute guarantees of implementation.",
];

/// Neutral prose: an analyst's own remarks.
const FILLER: &[&str] = &[
    "This part deserves a second reading before the briefing.",
    "The argument here is careful and worth keeping in mind.",
    "I want to compare this with the previous paragraph.",
    "The tone of this passage is calmer than the rest.",
    "It is worth asking what each side gains from waiting.",
    "The reasoning is clear, even where the conclusion is open to debate.",
    "Keep this for the summary at the end of the week.",
    "The piece moves quickly from the background to the present crisis.",
    "My own reading differs slightly, but the logic holds.",
    "There is a useful distinction here between goals and methods.",
    "The paragraph reads as a warning rather than a forecast.",
    "Worth checking how this point is framed in the later sections.",
    "The author is careful not to overstate the case.",
    "This is the central question of the whole piece.",
    "I should return to this when the next round of talks begins.",
    "The contrast with earlier years is striking.",
];

const HEADINGS: &[&str] = &[
    "Roots",
    "Evolution of the Confrontation",
    "Forced Negotiations",
    "Security Guarantees",
    "The Limits of Possibility",
    "What Next?",
    "Countermeasures",
];

const REFS: &[&str] = &[
    " (§Roots)",
    " (see [[Security Guarantees]])",
    " (§The Limits of Possibility)",
    " (see What Next?)",
    " (§Forced Negotiations)",
    " (see [[Countermeasures]])",
];

const QUOTES: &[&str] = &[
    "> “Cast-iron guarantees simply don't exist.”",
    "> “No one listened to us before. Well, listen to us now.”",
    "> Politics, as the saying goes, is the art of the possible.",
];

/// Share of sentences holding a mistake, in percent.
pub const MISTAKE_PERCENT: u32 = 3;

/// One sentence: mostly neutral remarks and supported statements, a few
/// mistakes, sometimes a section reference, inline code or a link.
fn sentence(rng: &mut Rng, out: &mut String, mistakes: u32) {
    let s = if rng.percent(mistakes) {
        *rng.pick(WRONG)
    } else if rng.percent(45) {
        *rng.pick(RIGHT)
    } else {
        *rng.pick(FILLER)
    };
    let roll = rng.below(100);
    if roll < 6 {
        // A section reference before the final stop.
        if let Some(body) = s.strip_suffix('.') {
            out.push_str(body);
            out.push_str(rng.text(REFS));
            out.push('.');
            return;
        }
    } else if roll < 8 {
        out.push_str(s);
        out.push_str(" Compare `draft-treaty.md` in the shared folder.");
        return;
    } else if roll < 9 {
        out.push_str(s);
        out.push_str(" The [full text](https://example.org/week-of-talks) is linked.");
        return;
    }
    out.push_str(s);
}

/// A note of at least `size` bytes (cut at a block boundary just past it).
pub fn note(seed: u64, size: usize) -> String {
    note_with(seed, size, MISTAKE_PERCENT)
}

/// `note`, with `mistakes` percent of its sentences wrong (many findings).
#[allow(dead_code)] // the tests that share this file use `note` only
pub fn note_with(seed: u64, size: usize, mistakes: u32) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(size + 4096);
    out.push_str("# Reading notes: What a Week of Talks Between Russia and the West Revealed\n\n");
    let mut week = 1;
    while out.len() < size {
        if rng.percent(8) {
            out.push_str(&format!("# Week {week}\n\n"));
            week += 1;
        }
        match rng.below(100) {
            0..=9 => {
                out.push_str("## ");
                out.push_str(rng.text(HEADINGS));
                out.push_str("\n\n");
            }
            10..=44 => {
                // A paragraph, sentences wrapped onto lines now and then.
                let n = 2 + rng.below(5);
                for i in 0..n {
                    if i > 0 {
                        out.push(if rng.percent(20) { '\n' } else { ' ' });
                    }
                    sentence(&mut rng, &mut out, mistakes);
                }
                out.push_str("\n\n");
            }
            45..=84 => {
                let n = 2 + rng.below(4);
                for _ in 0..n {
                    out.push_str(if rng.percent(15) { "  - " } else { "- " });
                    sentence(&mut rng, &mut out, mistakes);
                    out.push('\n');
                }
                out.push('\n');
            }
            85..=91 => {
                out.push_str(rng.text(QUOTES));
                out.push_str("\n\n");
            }
            92..=94 => {
                out.push_str("1. ");
                sentence(&mut rng, &mut out, mistakes);
                out.push_str("\n2. ");
                sentence(&mut rng, &mut out, mistakes);
                out.push_str("\n\n");
            }
            95..=96 => {
                out.push_str("```text\nraw excerpt: Montenegro 2016, Vienna summit\n```\n\n");
            }
            _ => {
                out.push_str("<!-- claimlint-disable-next-line unsupported -->\n");
                sentence(&mut rng, &mut out, mistakes);
                out.push_str("\n\n");
            }
        }
    }
    out
}

/// A random single-character edit (insert, delete or replace) at a char
/// boundary: `(start, end, inserted)` in bytes of `text`.
pub fn edit(rng: &mut Rng, text: &str) -> (usize, usize, String) {
    const CHARS: &[char] = &[
        'a', 'e', 't', 'n', ' ', ' ', '.', ',', 'S', '1', '9', '\n', '`', '“', '”', '"', '-', '#', '§', '<', '>', '[',
        ']', '(', ')', '*', '_', '?', 'é', '😀', '\'',
    ];
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let next = |i: usize| text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
    match rng.below(3) {
        0 => (at, at, rng.pick(CHARS).to_string()),
        1 => (at, next(at), String::new()),
        _ => (at, next(at), rng.pick(CHARS).to_string()),
    }
}
