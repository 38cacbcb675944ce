//! The claim-base file as written by people (TOML). `load.rs` turns it into
//! the checked, compiled `ClaimBase`. Every field is documented in
//! `docs/claim-base.md`.

use serde::Deserialize;
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
    #[serde(default)]
    pub date: Option<String>,
    /// The article file's usual name, to find it in a workspace.
    #[serde(default)]
    pub file: Option<String>,
    /// The entity (`@id`) that stands for the article's author.
    #[serde(default)]
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
    /// Titles the article gives a person ("foreign minister").
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
}

#[derive(Deserialize, Debug, Default)]
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
    /// Groups of terms; the claim applies to a sentence when every group
    /// has a term in it.
    #[serde(default)]
    pub when: Vec<Vec<String>>,
    /// date | number | place | actor | attribution | term | stance | order | list | quote | none
    #[serde(default)]
    pub check: Option<String>,
    #[serde(default)]
    pub value: Vec<String>,
    #[serde(default)]
    pub rival: Vec<String>,
    #[serde(default)]
    pub unit: Vec<String>,
    #[serde(default)]
    pub verb: Vec<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub says: Vec<String>,
    #[serde(default)]
    pub opposite: Vec<String>,
    #[serde(default)]
    pub polarity: Option<String>,
    #[serde(default)]
    pub first: Vec<String>,
    #[serde(default)]
    pub then: Vec<String>,
    #[serde(default)]
    pub member: Vec<RawMember>,
    /// A list check: is the article's list closed (every member named) or
    /// open ("such as", "and so on")? Required on a list.
    #[serde(default)]
    pub list: Option<String>,
    /// Terms for items the article itself rules out of an open list.
    #[serde(default)]
    pub excluded: Vec<String>,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    /// Entities this claim is about, for hover and coverage.
    #[serde(default)]
    pub about: Vec<String>,
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
