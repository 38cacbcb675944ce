//! The English word classes of `data/english.toml`, loaded once. The file is
//! bundled; it is tested to load, so a failure here is a build bug.

use std::sync::OnceLock;

/// The bundled word classes (see `data/english.toml` for what each holds).
pub const BUNDLED: &str = include_str!("../data/english.toml");

/// One word class: single words, and phrases of several words.
#[derive(Debug, Default)]
pub struct Class {
    /// Every one-word member and every phrase's last word, with what it is
    /// to the class (`WORD`, `ENDS_PHRASE`): `ending_at` is asked at every
    /// word of a sentence, and one lookup answers it at a word that ends no
    /// phrase (callgrind: comparing each phrase in turn was a tenth of a
    /// check, and a second lookup for the word another 1%).
    words: std::collections::HashMap<String, u8, std::hash::BuildHasherDefault<QuickHasher>>,
    phrases: Vec<Vec<String>>,
}

/// A one-word member.
const WORD: u8 = 1;
/// The last word of a member phrase.
const ENDS_PHRASE: u8 = 2;

impl Class {
    fn of(entries: &[String]) -> Class {
        let mut c = Class::default();
        for e in entries {
            let ws: Vec<String> = e.split_whitespace().map(str::to_string).collect();
            match ws.len() {
                0 => {}
                1 => *c.words.entry(ws[0].clone()).or_default() |= WORD,
                _ => {
                    *c.words.entry(ws[ws.len() - 1].clone()).or_default() |= ENDS_PHRASE;
                    c.phrases.push(ws)
                }
            }
        }
        c
    }

    /// Is `w` a one-word member?
    pub fn has(&self, w: &str) -> bool {
        self.words.get(w).is_some_and(|f| f & WORD != 0)
    }

    /// Length in words of a member (word or phrase) that ends at word `end`
    /// of `words` (inclusive), if any.
    pub fn ending_at<'a>(&self, word: impl Fn(usize) -> &'a str, end: usize) -> Option<usize> {
        let flags = self.words.get(word(end)).copied().unwrap_or(0);
        if flags & ENDS_PHRASE != 0 {
            if let Some(p) = self
                .phrases
                .iter()
                .filter(|p| p.len() <= end + 1 && p.iter().rev().enumerate().all(|(i, w)| word(end - i) == w))
                .map(Vec::len)
                .max()
            {
                return Some(p);
            }
        }
        (flags & WORD != 0).then_some(1)
    }

    /// Are `words`, all of them, exactly one member?
    pub fn is_exactly(&self, words: &[&str]) -> bool {
        match words {
            [] => false,
            [w] => self.has(w),
            _ => self
                .phrases
                .iter()
                .any(|p| p.len() == words.len() && p.iter().zip(words).all(|(a, b)| a == b)),
        }
    }

    /// Do `words` start with a member (word or phrase)?
    pub fn starts(&self, words: &[&str]) -> bool {
        words.first().is_some_and(|w| self.has(w))
            || self
                .phrases
                .iter()
                .any(|p| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b))
    }

    /// Does `text` (normalized) hold a member as whole words?
    pub fn in_text(&self, text: &str) -> bool {
        let ws: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.'))
            .filter(|w| !w.is_empty())
            .collect();
        ws.iter().any(|w| self.has(w))
            || self
                .phrases
                .iter()
                .any(|p| ws.windows(p.len()).any(|win| win.iter().zip(p).all(|(a, b)| a == b)))
    }
}

#[derive(Debug)]
pub struct Lexicon {
    pub negators: Class,
    pub negating_phrases: Class,
    pub preference_words: Class,
    pub clause_openers: Class,
    pub hypothetical: Class,
    pub condition_openers: Class,
    pub inverted_conditions: Class,
    pub hedges: Class,
    pub reporting_verbs: Class,
    pub determiners: Class,
    pub list_introducers: Class,
    pub open_list_markers: Class,
    pub outside_frames: Class,
    pub outside_tags: Class,
    pub stop_words: Class,
    pub auxiliaries: Class,
    pub consequence_verbs: Class,
    pub rejecting_verdicts: Class,
    pub accepting_verdicts: Class,
    pub verdict_labels: Class,
    pub proposition_nouns: Class,
    pub denying_predicates: Class,
    pub reporters: Class,
    pub linking_verbs: Class,
    pub item_prepositions: Class,
    pub item_contrasts: Class,
    pub item_etcetera: Class,
    pub item_degrees: Class,
    pub item_subordinators: Class,
    pub item_appositions: Class,
    pub item_companions: Class,
    pub recipient_nouns: Class,
    pub item_closes: Class,
    pub item_sequels: Class,
    pub measure_nouns: Class,
    pub back_pointers: Class,
    pub place_nouns: Class,
    pub agreement_nouns: Class,
    pub likelihood_nouns: Class,
    pub placeholder_names: Class,
    pub object_markers: Class,
    pub relaying_verbs: Class,
    pub clause_verbs: Class,
    pub ed_adjectives: Class,
    pub locatives: Class,
    pub place_modifiers: Class,
    pub venue_nouns: Class,
    pub section_links: Class,
    pub new_subjects: Class,
    pub author_pronouns: Class,
    pub verb_coordinators: Class,
    pub contrast_conjunctions: Class,
    pub recipient_verbs: Class,
    pub target_nouns: Class,
    pub be_forms: Class,
    pub attempt_verbs: Class,
    pub nominal_negators: Class,
    pub passive_participles: Class,
    pub agent_markers: Class,
    pub source_markers: Class,
    pub section_nouns: Class,
    pub beside_words: Class,
    pub placement_disputes: Class,
    pub futility_words: Class,
    pub sequel_pointers: Class,
    pub rejecting_verbs: Class,
    pub regarding_verbs: Class,
    pub subject_adverbs: Class,
    pub degree_words: Class,
    pub part_conjunctions: Class,
    pub section_columns: Class,
    pub back_reference_determiners: Class,
    pub back_reference_nouns: Class,
    pub back_reference_pronouns: Class,
    pub reading_pointers: Class,
    pub other_voices: Class,
    pub focus_asides: Class,
    pub own_view_markers: Class,
    pub sentence_adverbs: Class,
    pub intent_verbs: Class,
    pub possibility_modals: Class,
    pub view_verbs: Class,
    pub thinking_verbs: Class,
    pub quoting_words: Class,
    pub assertion_verbs: Class,
    pub prompt_frames: Class,
    pub reading_verbs: Class,
    pub topic_prepositions: Class,
    pub date_relations: Class,
    pub relative_pronouns: Class,
    pub order_after: Class,
    pub order_before: Class,
    /// Marks matched as written in normalized text (`[marks]`).
    pub marks: Marks,
}

/// Strings matched in a sentence's normalized text exactly as written,
/// spaces and punctuation included.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marks {
    pub list_separators: Vec<String>,
    pub enumeration_openers: Vec<String>,
    /// What joins an enumeration's last item to the ones before it.
    pub final_conjunctions: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    classes: RawClasses,
    marks: Marks,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClasses {
    negators: Vec<String>,
    negating_phrases: Vec<String>,
    preference_words: Vec<String>,
    clause_openers: Vec<String>,
    hypothetical: Vec<String>,
    condition_openers: Vec<String>,
    inverted_conditions: Vec<String>,
    hedges: Vec<String>,
    reporting_verbs: Vec<String>,
    determiners: Vec<String>,
    list_introducers: Vec<String>,
    open_list_markers: Vec<String>,
    outside_frames: Vec<String>,
    outside_tags: Vec<String>,
    stop_words: Vec<String>,
    auxiliaries: Vec<String>,
    consequence_verbs: Vec<String>,
    rejecting_verdicts: Vec<String>,
    accepting_verdicts: Vec<String>,
    verdict_labels: Vec<String>,
    proposition_nouns: Vec<String>,
    denying_predicates: Vec<String>,
    reporters: Vec<String>,
    linking_verbs: Vec<String>,
    item_prepositions: Vec<String>,
    item_contrasts: Vec<String>,
    item_etcetera: Vec<String>,
    item_degrees: Vec<String>,
    item_subordinators: Vec<String>,
    item_appositions: Vec<String>,
    item_companions: Vec<String>,
    recipient_nouns: Vec<String>,
    item_closes: Vec<String>,
    item_sequels: Vec<String>,
    measure_nouns: Vec<String>,
    back_pointers: Vec<String>,
    place_nouns: Vec<String>,
    agreement_nouns: Vec<String>,
    likelihood_nouns: Vec<String>,
    placeholder_names: Vec<String>,
    object_markers: Vec<String>,
    relaying_verbs: Vec<String>,
    clause_verbs: Vec<String>,
    ed_adjectives: Vec<String>,
    locatives: Vec<String>,
    place_modifiers: Vec<String>,
    venue_nouns: Vec<String>,
    section_links: Vec<String>,
    new_subjects: Vec<String>,
    author_pronouns: Vec<String>,
    verb_coordinators: Vec<String>,
    contrast_conjunctions: Vec<String>,
    recipient_verbs: Vec<String>,
    target_nouns: Vec<String>,
    be_forms: Vec<String>,
    attempt_verbs: Vec<String>,
    nominal_negators: Vec<String>,
    passive_participles: Vec<String>,
    agent_markers: Vec<String>,
    source_markers: Vec<String>,
    section_nouns: Vec<String>,
    beside_words: Vec<String>,
    placement_disputes: Vec<String>,
    futility_words: Vec<String>,
    sequel_pointers: Vec<String>,
    rejecting_verbs: Vec<String>,
    regarding_verbs: Vec<String>,
    subject_adverbs: Vec<String>,
    degree_words: Vec<String>,
    part_conjunctions: Vec<String>,
    section_columns: Vec<String>,
    back_reference_determiners: Vec<String>,
    back_reference_nouns: Vec<String>,
    back_reference_pronouns: Vec<String>,
    reading_pointers: Vec<String>,
    other_voices: Vec<String>,
    focus_asides: Vec<String>,
    own_view_markers: Vec<String>,
    sentence_adverbs: Vec<String>,
    intent_verbs: Vec<String>,
    possibility_modals: Vec<String>,
    view_verbs: Vec<String>,
    thinking_verbs: Vec<String>,
    quoting_words: Vec<String>,
    assertion_verbs: Vec<String>,
    prompt_frames: Vec<String>,
    reading_verbs: Vec<String>,
    topic_prepositions: Vec<String>,
    date_relations: Vec<String>,
    relative_pronouns: Vec<String>,
    order_after: Vec<String>,
    order_before: Vec<String>,
}

impl Lexicon {
    /// Parse a word-class file; the error names the field.
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let raw: Raw = toml::from_str(text).map_err(|e| format!("english word classes: {e}"))?;
        let c = raw.classes;
        Ok(Lexicon {
            negators: Class::of(&c.negators),
            negating_phrases: Class::of(&c.negating_phrases),
            preference_words: Class::of(&c.preference_words),
            clause_openers: Class::of(&c.clause_openers),
            hypothetical: Class::of(&c.hypothetical),
            condition_openers: Class::of(&c.condition_openers),
            inverted_conditions: Class::of(&c.inverted_conditions),
            hedges: Class::of(&c.hedges),
            reporting_verbs: Class::of(&c.reporting_verbs),
            determiners: Class::of(&c.determiners),
            list_introducers: Class::of(&c.list_introducers),
            open_list_markers: Class::of(&c.open_list_markers),
            outside_frames: Class::of(&c.outside_frames),
            outside_tags: Class::of(&c.outside_tags),
            stop_words: Class::of(&c.stop_words),
            auxiliaries: Class::of(&c.auxiliaries),
            consequence_verbs: Class::of(&c.consequence_verbs),
            rejecting_verdicts: Class::of(&c.rejecting_verdicts),
            accepting_verdicts: Class::of(&c.accepting_verdicts),
            verdict_labels: Class::of(&c.verdict_labels),
            proposition_nouns: Class::of(&c.proposition_nouns),
            denying_predicates: Class::of(&c.denying_predicates),
            reporters: Class::of(&c.reporters),
            linking_verbs: Class::of(&c.linking_verbs),
            item_prepositions: Class::of(&c.item_prepositions),
            item_contrasts: Class::of(&c.item_contrasts),
            item_etcetera: Class::of(&c.item_etcetera),
            item_degrees: Class::of(&c.item_degrees),
            item_subordinators: Class::of(&c.item_subordinators),
            item_appositions: Class::of(&c.item_appositions),
            item_companions: Class::of(&c.item_companions),
            recipient_nouns: Class::of(&c.recipient_nouns),
            item_closes: Class::of(&c.item_closes),
            item_sequels: Class::of(&c.item_sequels),
            measure_nouns: Class::of(&c.measure_nouns),
            back_pointers: Class::of(&c.back_pointers),
            place_nouns: Class::of(&c.place_nouns),
            agreement_nouns: Class::of(&c.agreement_nouns),
            likelihood_nouns: Class::of(&c.likelihood_nouns),
            placeholder_names: Class::of(&c.placeholder_names),
            object_markers: Class::of(&c.object_markers),
            relaying_verbs: Class::of(&c.relaying_verbs),
            clause_verbs: Class::of(&c.clause_verbs),
            ed_adjectives: Class::of(&c.ed_adjectives),
            locatives: Class::of(&c.locatives),
            place_modifiers: Class::of(&c.place_modifiers),
            venue_nouns: Class::of(&c.venue_nouns),
            section_links: Class::of(&c.section_links),
            new_subjects: Class::of(&c.new_subjects),
            author_pronouns: Class::of(&c.author_pronouns),
            verb_coordinators: Class::of(&c.verb_coordinators),
            contrast_conjunctions: Class::of(&c.contrast_conjunctions),
            recipient_verbs: Class::of(&c.recipient_verbs),
            target_nouns: Class::of(&c.target_nouns),
            be_forms: Class::of(&c.be_forms),
            attempt_verbs: Class::of(&c.attempt_verbs),
            nominal_negators: Class::of(&c.nominal_negators),
            passive_participles: Class::of(&c.passive_participles),
            agent_markers: Class::of(&c.agent_markers),
            source_markers: Class::of(&c.source_markers),
            section_nouns: Class::of(&c.section_nouns),
            beside_words: Class::of(&c.beside_words),
            placement_disputes: Class::of(&c.placement_disputes),
            futility_words: Class::of(&c.futility_words),
            sequel_pointers: Class::of(&c.sequel_pointers),
            rejecting_verbs: Class::of(&c.rejecting_verbs),
            regarding_verbs: Class::of(&c.regarding_verbs),
            subject_adverbs: Class::of(&c.subject_adverbs),
            degree_words: Class::of(&c.degree_words),
            part_conjunctions: Class::of(&c.part_conjunctions),
            section_columns: Class::of(&c.section_columns),
            back_reference_determiners: Class::of(&c.back_reference_determiners),
            back_reference_nouns: Class::of(&c.back_reference_nouns),
            back_reference_pronouns: Class::of(&c.back_reference_pronouns),
            reading_pointers: Class::of(&c.reading_pointers),
            other_voices: Class::of(&c.other_voices),
            focus_asides: Class::of(&c.focus_asides),
            own_view_markers: Class::of(&c.own_view_markers),
            sentence_adverbs: Class::of(&c.sentence_adverbs),
            intent_verbs: Class::of(&c.intent_verbs),
            possibility_modals: Class::of(&c.possibility_modals),
            view_verbs: Class::of(&c.view_verbs),
            thinking_verbs: Class::of(&c.thinking_verbs),
            quoting_words: Class::of(&c.quoting_words),
            assertion_verbs: Class::of(&c.assertion_verbs),
            prompt_frames: Class::of(&c.prompt_frames),
            reading_verbs: Class::of(&c.reading_verbs),
            topic_prepositions: Class::of(&c.topic_prepositions),
            date_relations: Class::of(&c.date_relations),
            relative_pronouns: Class::of(&c.relative_pronouns),
            order_after: Class::of(&c.order_after),
            order_before: Class::of(&c.order_before),
            marks: raw.marks,
        })
    }
}

/// The bundled lexicon.
pub fn english() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| match Lexicon::parse(BUNDLED) {
        Ok(l) => l,
        Err(e) => panic!("the bundled word classes do not load: {e}"),
    })
}

/// FxHash's word-at-a-time mixing (rustc's hasher): for sets of words and
/// keys made of long messages, where std's SipHash was a measured cost of a
/// check (word-class lookups) and of a publication (callgrind). Not for keys
/// an adversary chooses to collide (every use here compares on a hit, so the
/// hash's quality is a matter of speed, not of correctness).
#[derive(Default, Clone, Copy)]
pub struct QuickHasher(u64);

/// A set of words hashed with `QuickHasher`.
pub type WordSet = std::collections::HashSet<String, std::hash::BuildHasherDefault<QuickHasher>>;

impl QuickHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(<[u8; 8]>::try_from(w).unwrap_or_default()));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(n.into());
    }

    fn write_u32(&mut self, n: u32) {
        self.add(n.into());
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
