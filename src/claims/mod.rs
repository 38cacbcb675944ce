//! The claim base: the article's checkable facts as data. `schema.rs` is the
//! file format, `load.rs` validates and compiles it; this module holds the
//! compiled form the rules read.

pub mod load;
pub mod schema;
pub mod stemmed;

use crate::finding::Code;
use crate::values::dates::DateSpec;
use crate::values::numbers::Quantity;
use regex::Regex;
use stemmed::StemmedPhrase;

pub use load::{bundled, load_claims, Draft, LoadError};

/// The claim base bundled into the binary.
pub const BUNDLED: &str = include_str!("../../data/week-of-talks.claims.toml");
pub const BUNDLED_NAME: &str = "data/week-of-talks.claims.toml";

pub type TermId = usize;
pub type EntityId = usize;
pub type SectionId = usize;

#[derive(Debug, Default)]
pub struct ClaimBase {
    pub title: String,
    pub date: Option<DateSpec>,
    pub file_hint: Option<String>,
    pub sections: Vec<Section>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub terms: Vec<Term>,
    /// Literal patterns all terms compile to, matched by one automaton.
    pub patterns: Vec<Pattern>,
    pub titles: Vec<TermId>,
    pub common: crate::word_classes::WordSet,
    /// For each section, the content words of its claims (summaries,
    /// snippets, literal terms): what a note about that section talks about.
    pub section_words: Vec<crate::word_classes::WordSet>,
    /// Every section title (without a closing "?"), one automaton: which
    /// titles a sentence holds is found in one pass (pattern i = section
    /// `title_sections[i]`).
    pub title_finder: Option<aho_corasick::AhoCorasick>,
    pub title_sections: Vec<SectionId>,
    /// For each term, the list claims one of whose members it names, in
    /// claim-base order: a sentence's hits say which lists it can touch.
    pub lists_of_term: Vec<Vec<usize>>,
    /// Who "the author" is (`[article] author`): the holder of the
    /// article's own views.
    pub author: Option<EntityId>,
    /// Words that tie a title to a party, between a name and its title
    /// ("Russia's", "Russian", "Moscow's"): each one-word name of a country,
    /// organisation or group entity, and its possessive. Derived from the
    /// entities, so another article needs no code.
    pub affiliations: crate::word_classes::WordSet,
    /// Each quotation claim's words as `quote_claim` compares them (" w w "),
    /// with its index and speaker: made once, at load.
    pub quotes: Vec<(usize, String, Option<EntityId>)>,
}

#[derive(Debug)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Lowercase names a reference may use: the title and the aliases.
    pub names: Vec<String>,
}

impl Section {
    /// The title, or a readable name for the untitled opening.
    pub fn display(&self) -> &str {
        if self.title.is_empty() {
            "the opening"
        } else {
            &self.title
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Country,
    Org,
    City,
    Place,
    Thing,
    Group,
}

impl EntityKind {
    pub fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "person" => EntityKind::Person,
            "country" => EntityKind::Country,
            "org" => EntityKind::Org,
            "city" => EntityKind::City,
            "place" => EntityKind::Place,
            "thing" => EntityKind::Thing,
            "group" => EntityKind::Group,
            _ => return None,
        })
    }

    /// Parties: who can act, hold a view or be named as a side.
    pub fn is_party(self) -> bool {
        matches!(
            self,
            EntityKind::Person | EntityKind::Country | EntityKind::Org | EntityKind::Group
        )
    }
}

#[derive(Debug)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub names: Vec<String>,
    pub roles: Vec<TermId>,
    pub role_names: Vec<String>,
    pub summary: Option<String>,
    /// From the lexicon: known to the world, not named by the article.
    pub external: bool,
}

impl Entity {
    pub fn name(&self) -> &str {
        &self.names[0]
    }
}

/// One literal the automaton looks for, on word boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pattern {
    /// Normalized text.
    pub text: String,
    /// Matches any word that starts with `text` ("expan*").
    pub prefix: bool,
    /// When set, the original must read exactly so ("US", not "us").
    pub exact: Option<String>,
}

/// A term of the claim base: a literal, a stem, an entity or a regex.
#[derive(Debug)]
pub struct Term {
    pub source: String,
    pub patterns: Vec<usize>,
    pub regex: Option<TermRegex>,
    pub entity: Option<EntityId>,
}

/// How a term that is not a literal is found: a `/.../` term by its regex,
/// a stemmed phrase ("count* on") word by word, as its pattern would.
#[derive(Debug)]
pub enum TermRegex {
    Regex(Regex),
    Stemmed(StemmedPhrase),
}

impl TermRegex {
    /// Each match in `text`, leftmost first, not overlapping.
    pub fn for_each_match(&self, text: &str, mut f: impl FnMut(std::ops::Range<usize>)) {
        match self {
            TermRegex::Regex(re) => re.find_iter(text).for_each(|m| f(m.range())),
            TermRegex::Stemmed(p) => p.find_iter(text).for_each(f),
        }
    }
}

#[derive(Debug)]
pub struct Claim {
    pub id: String,
    pub section: SectionId,
    /// The anchor: a few of the article's words that locate the claim on
    /// `article_line` (named `snippet` for the rules that read it).
    pub snippet: String,
    /// The article line (1-based) the anchor stands on.
    pub article_line: usize,
    pub summary: String,
    pub key: bool,
    pub when: Vec<Vec<TermId>>,
    pub check: Check,
    /// Entities the claim involves (from `about`, `when` and the check).
    pub entities: Vec<EntityId>,
    /// Whose view or words it is (`speaker`), when the article says: a note
    /// that gives it to someone else is `wrong-attribution`.
    pub holder: Option<EntityId>,
}

#[derive(Debug)]
pub struct Member {
    pub name: String,
    pub matches: Vec<TermId>,
    pub with: Vec<EntityId>,
}

#[derive(Debug)]
pub enum Check {
    /// Context only: supports statements, holds hover text.
    None,
    Date {
        value: Vec<DateSpec>,
        text: Vec<String>,
    },
    Number {
        value: Vec<Quantity>,
        text: Vec<String>,
        unit: Vec<TermId>,
        /// The article gives a position ("the first round"), not a count.
        ordinal: bool,
    },
    Place {
        value: Vec<EntityId>,
    },
    /// Who did it (wrong-actor) or who said or holds it (wrong-attribution).
    Party {
        code: Code,
        value: Vec<TermId>,
        rival: Vec<TermId>,
        verb: Vec<TermId>,
    },
    /// The article's word against known wrong words (`[claim.<kind>_words]`),
    /// reported under the code of its kind.
    Term {
        code: Code,
        value: Vec<TermId>,
        rival: Vec<TermId>,
    },
    Stance {
        says: Vec<TermId>,
        opposite: Vec<TermId>,
        /// Does the article affirm `says` (true) or deny it (false)?
        affirms: bool,
    },
    Order {
        first: Vec<TermId>,
        then: Vec<TermId>,
    },
    List {
        members: Vec<Member>,
        /// The article leaves the list open ("such as", "and so on", "a
        /// range ... from ... to"): an item that is no member is not wrong.
        open: bool,
        /// Items the article itself rules out of an open list (it says
        /// elsewhere what became of them): still `wrong-list`.
        excluded: Vec<TermId>,
        /// What the list enumerates: lists of one kind are siblings, and a
        /// member of one named in another's enumeration is a near miss.
        kind: Option<String>,
    },
    Quote {
        quote: String,
        speaker: Option<EntityId>,
    },
    /// The titles the article gives a person (held by the entity, so the
    /// title reader finds them; this claim is what a finding cites).
    Role {
        person: EntityId,
    },
}

impl Check {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Check::None => "none",
            Check::Date { .. } => "date",
            Check::Number { .. } => "number",
            Check::Place { .. } => "place",
            Check::Party {
                code: Code::WrongAttribution,
                ..
            } => "attribution",
            Check::Party { .. } => "actor",
            Check::Term { code, .. } => match code {
                Code::WrongDate => "date_words",
                Code::WrongNumber => "number_words",
                Code::WrongPlace => "place_words",
                Code::WrongActor => "actor_words",
                Code::WrongAttribution => "attribution_words",
                Code::WrongList => "list_words",
                _ => "stance_words",
            },
            Check::Stance { .. } => "stance",
            Check::Order { .. } => "order",
            Check::List { .. } => "list",
            Check::Quote { .. } => "quote",
            Check::Role { .. } => "role",
        }
    }
}

impl ClaimBase {
    pub fn section_by_id(&self, id: &str) -> Option<SectionId> {
        self.sections.iter().position(|s| s.id == id)
    }

    pub fn entity_by_id(&self, id: &str) -> Option<EntityId> {
        self.entities.iter().position(|e| e.id == id)
    }

    pub fn claim_by_id(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// The quotation claim whose words hold these words (two or more) or are
    /// held by them, or equal them; with its speaker.
    pub fn quote_claim(&self, text: &str) -> Option<(usize, Option<EntityId>)> {
        let words = crate::text::word_list(text);
        if words.is_empty() {
            return None;
        }
        let needle = format!(" {} ", words.join(" "));
        self.quotes.iter().find_map(|(i, q, speaker)| {
            (*q == needle || words.len() >= 2 && (q.contains(&needle) || needle.contains(q.as_str())))
                .then_some((*i, *speaker))
        })
    }

    /// Find a section by a name a note uses: the title or an alias, with
    /// case, surrounding punctuation and a trailing "section" ignored.
    pub fn section_by_name(&self, name: &str) -> Option<SectionId> {
        let key = section_key(name);
        if key.is_empty() {
            return None;
        }
        self.sections.iter().position(|s| s.names.contains(&key))
    }
}

impl ClaimBase {
    /// The one section whose title a name shortens word by word ("Limits",
    /// "Forced Neg.", "Guarantees"): each of its words, the first of three
    /// letters or more, begins the title's words in a row. None when no
    /// title or several fit.
    pub fn section_by_abbreviation(&self, name: &str) -> Option<SectionId> {
        let key = section_key(name);
        let split = |t: &str| -> Vec<String> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let words = split(&key);
        if words.first().is_none_or(|w| w.chars().count() < 3) {
            return None;
        }
        let mut found = None;
        for (i, section) in self.sections.iter().enumerate() {
            let title = split(&section_key(&section.title));
            // (a shortening has no more words than the title: "Forced Neg.")
            if title.len() < words.len() {
                continue;
            }
            let fits = (0..=title.len() - words.len())
                .any(|a| words.iter().zip(&title[a..]).all(|(w, t)| t.starts_with(w.as_str())));
            if fits {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    /// A section by its name, or by a shortening of its title.
    pub fn section_by_name_or_abbreviation(&self, name: &str) -> Option<SectionId> {
        self.section_by_name(name)
            .or_else(|| self.section_by_abbreviation(name))
    }
}

/// The comparable form of a section name.
pub fn section_key(name: &str) -> String {
    let n = crate::text::norm(name);
    let n = n.trim_matches(|c: char| !c.is_alphanumeric());
    let n = n.strip_prefix("the ").unwrap_or(n);
    let n = n.strip_suffix(" section").unwrap_or(n);
    n.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}
