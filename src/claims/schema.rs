//! The claim-base file as written by people (TOML). `load.rs` turns it into
//! the checked, compiled `ClaimBase`. Every field is documented in
//! `docs/claim-base.md`.

use super::{DateSpec, Quantity};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawBase {
    pub article: RawArticle,
    #[serde(default)]
    pub section: Vec<Spanned<RawSection>>,
    #[serde(default)]
    pub entity: Vec<Spanned<RawEntity>>,
    #[serde(default)]
    pub claim: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    pub lexicon: RawLexicon,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawArticle {
    pub title: String,
    /// When the article appeared ("January 2022"): its year is never wrong.
    pub date: Option<String>,
    /// The article file's usual name, to find it in a workspace.
    pub file: Option<String>,
    /// The entity (`@id`) that stands for the article's author.
    pub author: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    /// Heading as it stands in the article; empty for an untitled opening.
    pub title: String,
    pub summary: String,
    /// Other names a note may use for the section ("opening", "lede").
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub id: String,
    /// person | country | org | city | place | thing | group
    pub kind: String,
    /// Names matched case-insensitively on word boundaries; a name in
    /// capitals with no lowercase letter ("US", "INF") matches only as written.
    pub names: Vec<String>,
    pub summary: Option<String>,
}

/// One fact of the article. What a note may get wrong about it is said by
/// its typed tables (`[claim.date]`, `[claim.place]`, ...), at most one of
/// each kind; a claim with none only supports statements and holds hover
/// text. serde rejects a missing, unknown or misplaced field with its line.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: String,
    pub section: String,
    /// The article line (1-based) that holds the fact.
    pub line: usize,
    /// The shortest run of the article's words (at most six) on that line
    /// that is unique in the claim's section: it locates the claim without
    /// carrying the article's text.
    pub anchor: String,
    /// What the article says, in the claim author's own words.
    pub summary: String,
    /// Counted by coverage.
    #[serde(default)]
    pub key: bool,
    /// Groups of terms; a table applies to a sentence when every group has a
    /// term in it. A table's own `when` replaces this one.
    #[serde(default)]
    pub when: Vec<Vec<String>>,
    /// Entities this claim is about, for hover and coverage.
    #[serde(default)]
    pub about: Vec<String>,
    /// Whose view or words the fact is: a note giving it to another party
    /// is `wrong-attribution`.
    pub speaker: Option<String>,
    pub date: Option<Slot<DateSlot>>,
    pub number: Option<Slot<NumberSlot>>,
    pub place: Option<Slot<PlaceSlot>>,
    pub actor: Option<Slot<PartySlot>>,
    pub attribution: Option<Slot<PartySlot>>,
    pub stance: Option<Slot<StanceSlot>>,
    pub order: Option<Slot<OrderSlot>>,
    pub list: Option<Slot<ListSlot>>,
    pub quote: Option<Slot<QuoteSlot>>,
    pub role: Option<Slot<RoleSlot>>,
    pub date_words: Option<Slot<WordsSlot>>,
    pub number_words: Option<Slot<WordsSlot>>,
    pub place_words: Option<Slot<WordsSlot>>,
    pub actor_words: Option<Slot<WordsSlot>>,
    pub attribution_words: Option<Slot<WordsSlot>>,
    pub stance_words: Option<Slot<WordsSlot>>,
    pub list_words: Option<Slot<WordsSlot>>,
}

/// A typed table with where it stands in the file.
pub type Slot<T> = Spanned<T>;

/// `[claim.date]`: the dates the article gives (`wrong-date`).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct DateSlot {
    pub when: Option<Vec<Vec<String>>>,
    pub value: Vec<DateValue>,
}

/// `[claim.number]`: the counts or positions the article gives (`wrong-number`).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct NumberSlot {
    pub when: Option<Vec<Vec<String>>>,
    pub value: Vec<NumberValue>,
    /// Terms the number must count.
    #[serde(default)]
    pub unit: Vec<String>,
}

/// `[claim.place]`: where it happened, as place entities (`wrong-place`).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct PlaceSlot {
    pub when: Option<Vec<Vec<String>>>,
    pub value: Vec<String>,
}

/// `[claim.actor]` (`wrong-actor`: who did it) and `[claim.attribution]`
/// (`wrong-attribution`: who said or holds it).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct PartySlot {
    pub when: Option<Vec<Vec<String>>>,
    pub value: Vec<String>,
    pub rival: Vec<String>,
    /// The action; without it, naming a rival and not the party is enough.
    #[serde(default)]
    pub verb: Vec<String>,
}

/// `[claim.stance]`: a predicate the article affirms or denies (`stance-reversal`).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct StanceSlot {
    pub when: Option<Vec<Vec<String>>>,
    pub says: Vec<String>,
    /// Terms asserting the reverse.
    #[serde(default)]
    pub opposite: Vec<String>,
    pub polarity: Polarity,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Affirms,
    Denies,
}

/// `[claim.order]`: which of two events came first (`wrong-date`).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct OrderSlot {
    pub when: Option<Vec<Vec<String>>>,
    pub first: Vec<String>,
    pub then: Vec<String>,
}

/// `[claim.list]`: the members of an enumeration (`wrong-list`).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct ListSlot {
    pub when: Option<Vec<Vec<String>>>,
    /// Does the article leave the list open ("such as", "and so on")?
    pub open: bool,
    pub member: Vec<RawMember>,
    /// Terms for items the article itself rules out of an open list.
    #[serde(default)]
    pub excluded: Vec<String>,
    /// What the list enumerates ("topics", "measures"): a member of another
    /// list of the same kind named in this one is a near miss.
    pub kind: Option<String>,
}

/// `[claim.quote]`: words the article quotes and attributes (`misquote`;
/// the claim's `speaker` said them).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct QuoteSlot {
    pub text: String,
}

/// `[claim.role]`: the titles the article gives a person
/// (`wrong-attribution` for another title beside the name).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RoleSlot {
    pub person: String,
    pub titles: Vec<String>,
}

/// `[claim.<kind>_words]`: the article's wording against wordings that
/// contradict it, reported under the kind's code (`place_words`:
/// `wrong-place`, ...).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct WordsSlot {
    pub when: Option<Vec<Vec<String>>>,
    /// Terms for the article's wording: said, they clear the sentence.
    pub right: Vec<String>,
    /// Terms that contradict it.
    pub wrong: Vec<String>,
}

/// A date as written in a claim base, parsed on load.
#[derive(Debug)]
pub struct DateValue {
    pub text: String,
    pub spec: DateSpec,
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        match DateSpec::parse(&text) {
            Some(spec) => Ok(DateValue { text, spec }),
            None => Err(D::Error::custom(format!("`{text}` is not a date"))),
        }
    }
}

/// A quantity as written in a claim base ("3", "first", "two-thirds").
#[derive(Debug)]
pub struct NumberValue {
    pub text: String,
    pub quantity: Quantity,
}

impl<'de> Deserialize<'de> for NumberValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        match Quantity::parse(&text) {
            Some(quantity) => Ok(NumberValue { text, quantity }),
            None => Err(D::Error::custom(format!("`{text}` is not a number"))),
        }
    }
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawMember {
    pub name: String,
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    /// Entities that belong with the member; another entity of the same
    /// kind in a note's item marks it as a wrong member.
    #[serde(default)]
    pub with: Vec<String>,
}

#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct RawLexicon {
    /// Titles of office, to read "Deputy Foreign Minister X".
    #[serde(default)]
    pub titles: Vec<String>,
    /// Cities the article does not name, so a wrong venue is recognised.
    #[serde(default)]
    pub cities: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    /// Treaties and other things the article does not name.
    #[serde(default)]
    pub things: Vec<String>,
    /// Seas, regions and other places the article does not name.
    #[serde(default)]
    pub places: Vec<String>,
    /// Capitalized words that are not names ("However", "Per").
    #[serde(default)]
    pub common: Vec<String>,
}
