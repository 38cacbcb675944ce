//! Loading a claim base: parse the TOML, check every reference, compile every
//! term. Errors name the file, the line and the field; nothing panics on a
//! user's file.

use super::schema::{Polarity, RawBase, RawClaim};
use super::*;
use crate::article::Article;
use crate::finding::Code;
use crate::word_classes::WordSet;
use std::collections::{HashMap, HashSet};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    /// 1-based line in the claim-base file.
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for LoadError {}

/// The bundled claim base. It is tested to load; a failure here is a build bug.
pub fn bundled() -> ClaimBase {
    match load_claims(BUNDLED, BUNDLED_NAME, None) {
        Ok(b) => b,
        Err(e) => panic!("the bundled claim base does not load: {}", e[0]),
    }
}

/// Parse and validate a claim base. With the article, every snippet and
/// quotation must be found in it.
pub fn load_claims(src: &str, file: &str, article: Option<&Article>) -> Result<ClaimBase, Vec<LoadError>> {
    Draft::parse(src, file)?.finish(article)
}

/// A claim base parsed and built once, kept with its parsed source until
/// it is finished: the article, found later (the base's titles help find
/// it), is checked against it without parsing or building again. Its
/// errors then stand where loading with the article would have put them.
pub struct Draft<'s> {
    b: Builder<'s>,
    raw: RawBase,
    /// For each claim the article can check: its index in `raw.claim`, its
    /// section, and how many errors came before its anchor's.
    article_slots: Vec<(usize, SectionId, usize)>,
}

impl<'s> Draft<'s> {
    /// Parse `src` (named `file` in errors) and build the base. Only a
    /// file that does not parse is an error here; the rest wait in `errors`.
    pub fn parse(src: &'s str, file: &'s str) -> Result<Draft<'s>, Vec<LoadError>> {
        let lines = LineStarts::new(src);
        let raw: RawBase = toml::from_str(src).map_err(|e| {
            let line = e.span().map(|s| lines.line(s.start));
            let mut message = e.message().trim().to_string();
            if message.starts_with("unknown field `check`") {
                message.push_str(" (a check is a typed table now: `[claim.date]`, see docs/claim-base.md)");
            }
            let field = error_field(&message, line.and_then(|l| src.lines().nth(l - 1)));
            vec![LoadError {
                file: file.to_string(),
                line,
                field,
                message,
            }]
        })?;
        let mut b = Builder {
            file,
            src,
            lines,
            errors: Vec::new(),
            base: ClaimBase {
                title: raw.article.title.clone(),
                file_hint: raw.article.file.clone(),
                ..ClaimBase::default()
            },
            pattern_ids: HashMap::new(),
            term_ids: HashMap::new(),
        };
        if let Some(d) = &raw.article.date {
            match DateSpec::parse(d) {
                Some(spec) => b.base.date = Some(spec),
                None => b.err(None, Some("article.date"), format!("`{d}` is not a date")),
            }
        }
        b.sections(&raw);
        b.title_finder();
        b.entities(&raw);
        b.lexicon(&raw);
        b.author(&raw);
        b.affiliations();
        let article_slots = b.claims(&raw);
        b.quotes();
        b.section_words();
        b.lists_of_term();
        Ok(Draft { b, raw, article_slots })
    }

    /// The base as built so far (complete unless `errors` says otherwise).
    pub fn base(&self) -> &ClaimBase {
        &self.b.base
    }

    pub fn errors(&self) -> &[LoadError] {
        &self.b.errors
    }

    /// The base, or every error. With the article, every anchor and
    /// quotation must be found in it: an error each that is not, in its
    /// claim's place among the others.
    pub fn finish(mut self, article: Option<&Article>) -> Result<ClaimBase, Vec<LoadError>> {
        if let Some(a) = article {
            let ranges = section_ranges(a, &self.b.base.sections);
            for &(ci, section, at) in self.article_slots.iter().rev() {
                let before = self.b.errors.len();
                let c = &self.raw.claim[ci];
                self.b.article_problems(c.get_ref(), c.span(), section, &ranges, a);
                let found: Vec<LoadError> = self.b.errors.drain(before..).collect();
                self.b.errors.splice(at..at, found);
            }
        }
        if self.b.errors.is_empty() {
            Ok(self.b.base)
        } else {
            Err(self.b.errors)
        }
    }
}

/// The field a TOML or schema error is about: the one the message names
/// ("missing field `value`", "unknown field `colour`"), else the key of
/// the line it points at.
fn error_field(message: &str, line: Option<&str>) -> Option<String> {
    let named = ["missing field `", "unknown field `", "duplicate field `"]
        .iter()
        .find_map(|p| {
            message
                .split_once(p)
                .and_then(|(_, rest)| rest.split_once('`'))
                .map(|r| r.0)
        });
    let keyed = || {
        let (key, _) = line?.split_once('=')?;
        let key = key.trim();
        (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')).then_some(key)
    };
    named.or_else(keyed).map(str::to_string)
}

struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(src: &str) -> LineStarts {
        let mut v = vec![0];
        v.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(v)
    }
    fn line(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

struct Builder<'a> {
    file: &'a str,
    src: &'a str,
    lines: LineStarts,
    errors: Vec<LoadError>,
    base: ClaimBase,
    pattern_ids: HashMap<Pattern, usize>,
    term_ids: HashMap<String, TermId>,
}

impl Builder<'_> {
    fn lists_of_term(&mut self) {
        let mut index = vec![Vec::new(); self.base.terms.len()];
        for (ci, claim) in self.base.claims.iter().enumerate() {
            if let Check::List { members, .. } = &claim.check {
                for &t in members.iter().flat_map(|m| &m.matches) {
                    if index[t].last() != Some(&ci) {
                        index[t].push(ci);
                    }
                }
            }
        }
        self.base.lists_of_term = index;
    }

    fn author(&mut self, raw: &RawBase) {
        if let Some(a) = &raw.article.author {
            let l = self.field_line(0..self.src.len(), "author");
            self.base.author = self.entity_ref(a, l, "article.author");
        }
    }

    fn affiliations(&mut self) {
        let mut words = WordSet::default();
        for e in self.base.entities.iter().filter(|e| !e.external) {
            if !matches!(e.kind, EntityKind::Country | EntityKind::Org | EntityKind::Group) {
                continue;
            }
            for n in &e.names {
                let n = crate::text::norm(n);
                let ws = crate::text::word_list(&n);
                if let [w] = ws.as_slice() {
                    let w = w.trim_end_matches('.').to_string();
                    if !w.ends_with("'s") {
                        words.insert(format!("{w}'s"));
                    }
                    words.insert(w);
                }
            }
        }
        self.base.affiliations = words;
    }

    fn title_finder(&mut self) {
        // A title is also written without its article ("the Limits of
        // Possibility section").
        let titled: Vec<(SectionId, &str)> = (self.base.sections.iter().enumerate())
            .filter(|(_, s)| !s.title.is_empty())
            .flat_map(|(id, s)| {
                let t = s.title.trim_end_matches('?');
                std::iter::once((id, t)).chain(t.strip_prefix("The ").map(|bare| (id, bare)))
            })
            .collect();
        self.base.title_finder = aho_corasick::AhoCorasick::new(titled.iter().map(|t| t.1)).ok();
        self.base.title_sections = titled.iter().map(|t| t.0).collect();
    }

    fn err(&mut self, line: Option<usize>, field: Option<&str>, message: String) {
        self.errors.push(LoadError {
            file: self.file.to_string(),
            line,
            field: field.map(str::to_string),
            message,
        });
    }

    /// The line of `field = ...` inside the table spanning `span`, else the table's first line.
    fn field_line(&self, span: std::ops::Range<usize>, field: &str) -> usize {
        let text = &self.src[span.start.min(self.src.len())..span.end.min(self.src.len())];
        let mut off = span.start;
        for l in text.split_inclusive('\n') {
            let t = l.trim_start();
            if let Some(rest) = t.strip_prefix(field) {
                if rest.trim_start().starts_with('=') {
                    return self.lines.line(off);
                }
            }
            off += l.len();
        }
        self.lines.line(span.start)
    }

    /// Each quotation claim's words, normalized once (`ClaimBase::quote_claim`).
    fn quotes(&mut self) {
        let base = &mut self.base;
        base.quotes = (base.claims.iter().enumerate())
            .filter_map(|(i, c)| match &c.check {
                Check::Quote { quote, speaker } => {
                    Some((i, format!(" {} ", crate::text::word_list(quote).join(" ")), *speaker))
                }
                _ => None,
            })
            .collect();
    }

    fn section_words(&mut self) {
        let b = &mut self.base;
        let mut words = vec![WordSet::default(); b.sections.len()];
        for c in &b.claims {
            let set: &mut WordSet = &mut words[c.section];
            let mut add = |text: &str| {
                set.extend(crate::text::word_list(text).into_iter().filter(|w| is_content_word(w)));
            };
            add(&c.summary);
            for g in &c.when {
                for &t in g {
                    let term = &b.terms[t];
                    match term.entity {
                        Some(e) => b.entities[e].names.iter().for_each(|n| add(n)),
                        None => add(term.source.trim_end_matches('*')),
                    }
                }
            }
        }
        b.section_words = words;
    }

    fn sections(&mut self, raw: &RawBase) {
        let mut seen = HashSet::new();
        for s in &raw.section {
            let span = s.span();
            let s = s.get_ref();
            if !seen.insert(s.id.clone()) {
                let l = self.field_line(span, "id");
                self.err(Some(l), Some("id"), format!("duplicate section id `{}`", s.id));
            }
            let mut names: Vec<String> = std::iter::once(&s.title)
                .chain(s.aliases.iter())
                .map(|n| section_key(n))
                .filter(|n| !n.is_empty())
                .collect();
            names.dedup();
            self.base.sections.push(Section {
                id: s.id.clone(),
                title: s.title.clone(),
                summary: s.summary.clone(),
                names,
            });
        }
        if self.base.sections.is_empty() {
            self.err(None, Some("section"), "the claim base has no sections".into());
        }
    }

    fn entities(&mut self, raw: &RawBase) {
        let mut seen = HashSet::new();
        for e in &raw.entity {
            let span = e.span();
            let e = e.get_ref();
            if !seen.insert(e.id.clone()) {
                let l = self.field_line(span.clone(), "id");
                self.err(Some(l), Some("id"), format!("duplicate entity id `{}`", e.id));
                continue;
            }
            let Some(kind) = EntityKind::parse(&e.kind) else {
                let l = self.field_line(span, "kind");
                self.err(
                    Some(l),
                    Some("kind"),
                    format!(
                        "unknown entity kind `{}` (person, country, org, city, place, thing, group)",
                        e.kind
                    ),
                );
                continue;
            };
            if e.names.is_empty() {
                let l = self.field_line(span, "names");
                self.err(Some(l), Some("names"), format!("entity `{}` has no names", e.id));
                continue;
            }
            self.add_entity(&e.id, kind, &e.names, e.summary.clone(), false);
        }
    }

    fn add_entity(&mut self, id: &str, kind: EntityKind, names: &[String], summary: Option<String>, external: bool) {
        let patterns: Vec<usize> = names.iter().map(|n| self.pattern_for(n)).collect();
        let term = self.base.terms.len();
        self.base.terms.push(Term {
            source: format!("@{id}"),
            patterns,
            regex: None,
            entity: Some(self.base.entities.len()),
        });
        self.term_ids.insert(format!("@{id}"), term);
        self.base.entities.push(Entity {
            id: id.to_string(),
            kind,
            names: names.to_vec(),
            roles: Vec::new(),
            role_names: Vec::new(),
            summary,
            external,
        });
    }

    fn lexicon(&mut self, raw: &RawBase) {
        let known: HashSet<String> = self
            .base
            .entities
            .iter()
            .flat_map(|e| e.names.iter().map(|n| crate::text::norm(n)))
            .collect();
        for (list, kind) in [
            (&raw.lexicon.cities, EntityKind::City),
            (&raw.lexicon.countries, EntityKind::Country),
            (&raw.lexicon.places, EntityKind::Place),
            (&raw.lexicon.things, EntityKind::Thing),
        ] {
            for name in list {
                if known.contains(&crate::text::norm(name)) {
                    continue;
                }
                let id = format!("lexicon:{}", crate::text::norm(name).replace(' ', "-"));
                if self.term_ids.contains_key(&format!("@{id}")) {
                    continue;
                }
                self.add_entity(&id, kind, std::slice::from_ref(name), None, true);
            }
        }
        for t in &raw.lexicon.titles {
            let id = self.literal_term(t);
            self.base.titles.push(id);
        }
        self.base.common = raw.lexicon.common.iter().map(|w| w.to_lowercase()).collect();
    }

    fn pattern_for(&mut self, s: &str) -> usize {
        let trimmed = s.trim();
        let (body, prefix) = match trimmed.strip_suffix('*') {
            Some(b) => (b, true),
            None => (trimmed, false),
        };
        let letters: String = body.chars().filter(|c| c.is_alphanumeric()).collect();
        // Any length: "START" and "SWIFT" are also English words, and a
        // form in other case the claim base lists itself ("Nato").
        let exact = (!letters.is_empty() && letters.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
            .then(|| body.to_string());
        let p = Pattern {
            text: crate::text::norm(body),
            prefix,
            exact,
        };
        if let Some(&id) = self.pattern_ids.get(&p) {
            return id;
        }
        let id = self.base.patterns.len();
        self.pattern_ids.insert(p.clone(), id);
        self.base.patterns.push(p);
        id
    }

    /// A term matched by a regex (a `/.../` term, or a stemmed phrase).
    fn regex_term(&mut self, s: &str, re: TermRegex) -> TermId {
        let id = self.base.terms.len();
        self.base.terms.push(Term {
            source: s.to_string(),
            patterns: Vec::new(),
            regex: Some(re),
            entity: None,
        });
        self.term_ids.insert(s.to_string(), id);
        id
    }

    fn literal_term(&mut self, s: &str) -> TermId {
        if let Some(&id) = self.term_ids.get(s) {
            return id;
        }
        let p = self.pattern_for(s);
        let id = self.base.terms.len();
        self.base.terms.push(Term {
            source: s.to_string(),
            patterns: vec![p],
            regex: None,
            entity: None,
        });
        self.term_ids.insert(s.to_string(), id);
        id
    }

    /// Compile a term: `@entity`, `/regex/`, `stem*` or a literal phrase.
    fn term(&mut self, s: &str, line: usize, field: &str) -> Option<TermId> {
        if let Some(&id) = self.term_ids.get(s) {
            return Some(id);
        }
        if s.trim().is_empty() || crate::text::norm(s.trim_end_matches('*')).is_empty() && !s.starts_with('/') {
            self.err(Some(line), Some(field), "empty term".into());
            return None;
        }
        if let Some(id) = s.strip_prefix('@') {
            self.err(Some(line), Some(field), format!("unknown entity `@{id}`"));
            return None;
        }
        if s.len() >= 2 && s.starts_with('/') && s.ends_with('/') {
            let body = &s[1..s.len() - 1];
            return match regex::RegexBuilder::new(body)
                .case_insensitive(true)
                .size_limit(1 << 20)
                .build()
            {
                Ok(re) => Some(self.regex_term(s, TermRegex::Regex(re))),
                Err(e) => {
                    let msg = e.to_string().lines().last().unwrap_or("invalid").trim().to_string();
                    self.err(Some(line), Some(field), format!("bad regex `{s}`: {msg}"));
                    None
                }
            };
        }
        // "count* on", "pull* back": a stem inside a phrase (any of its
        // words may end in `*`) is read word by word, as a pattern.
        if s.trim().trim_end_matches('*').contains('*') {
            return Some(self.regex_term(s, stemmed_phrase(s)));
        }
        Some(self.literal_term(s))
    }

    fn terms(&mut self, list: &[String], line: usize, field: &str) -> Vec<TermId> {
        list.iter().filter_map(|s| self.term(s, line, field)).collect()
    }

    fn entity_ref(&mut self, s: &str, line: usize, field: &str) -> Option<EntityId> {
        match s.strip_prefix('@').and_then(|id| self.base.entity_by_id(id)) {
            Some(e) => Some(e),
            None => {
                self.err(
                    Some(line),
                    Some(field),
                    format!("`{s}` is not a known entity (write `@id`)"),
                );
                None
            }
        }
    }

    /// A claim's anchor and quotation found in the article, or an error each.
    fn article_problems(
        &mut self,
        c: &RawClaim,
        span: std::ops::Range<usize>,
        section: usize,
        section_ranges: &[Option<std::ops::Range<usize>>],
        a: &Article,
    ) {
        if let Some((field, message)) = anchor_problem(a, section_ranges, section, c.line, &c.anchor) {
            let l = self.field_line(span, field);
            self.err(Some(l), Some(field), format!("claim `{}`: {message}", c.id));
        }
        if let Some(q) = &c.quote {
            if a.locate(&q.get_ref().text).is_none() {
                let l = self.field_line(q.span(), "text");
                self.err(
                    Some(l),
                    Some("text"),
                    format!("claim `{}`: quotation not found in the article", c.id),
                );
            }
        }
    }

    /// Builds the claims; returns where the article's checks of their
    /// anchors and quotations belong (`Draft::article_slots`).
    fn claims(&mut self, raw: &RawBase) -> Vec<(usize, SectionId, usize)> {
        let mut seen = HashSet::new();
        let mut article_slots = Vec::new();
        for (ci, c) in raw.claim.iter().enumerate() {
            let span = c.span();
            let c = c.get_ref();
            let at = |b: &Self, f: &str| b.field_line(span.clone(), f);
            if !seen.insert(c.id.clone()) {
                let l = at(self, "id");
                self.err(Some(l), Some("id"), format!("duplicate claim id `{}`", c.id));
                continue;
            }
            let Some(section) = self.base.section_by_id(&c.section) else {
                let l = at(self, "section");
                let known: Vec<&str> = self.base.sections.iter().map(|s| s.id.as_str()).collect();
                self.err(
                    Some(l),
                    Some("section"),
                    format!(
                        "claim `{}` names unknown section `{}` (known: {})",
                        c.id,
                        c.section,
                        known.join(", ")
                    ),
                );
                continue;
            };
            let anchor_words = crate::text::word_list(&c.anchor).len();
            if anchor_words == 0 || anchor_words > MAX_ANCHOR_WORDS {
                let l = at(self, "anchor");
                self.err(
                    Some(l),
                    Some("anchor"),
                    format!(
                        "claim `{}`: an anchor is 1 to {MAX_ANCHOR_WORDS} of the article's words, not {anchor_words}",
                        c.id
                    ),
                );
            }
            article_slots.push((ci, section, self.errors.len()));
            let holder = match &c.speaker {
                Some(h) => {
                    let hl = at(self, "speaker");
                    match self.entity_ref(h, hl, "speaker") {
                        Some(e) => Some(e),
                        None => continue,
                    }
                }
                None => None,
            };
            let mut about: Vec<EntityId> = Vec::new();
            let al = at(self, "about");
            for a in &c.about {
                if let Some(e) = self.entity_ref(a, al, "about") {
                    about.push(e);
                }
            }
            let before = self.errors.len();
            let mut checks = self.checks(c, holder);
            if self.errors.len() > before {
                continue;
            }
            if checks.is_empty() {
                checks.push((Check::None, None, span.clone()));
            }
            for (n, (check, own_when, slot_span)) in checks.into_iter().enumerate() {
                // A table's own `when` replaces the claim's.
                let (groups, wl) = match own_when {
                    Some(w) => (w, self.field_line(slot_span, "when")),
                    None => (&c.when, at(self, "when")),
                };
                let when_errors = self.errors.len();
                let when: Vec<Vec<TermId>> = groups.iter().map(|g| self.terms(g, wl, "when")).collect();
                // A `when` term that failed has said so: no second error for the same line.
                let when_failed = self.errors.len() > when_errors;
                let needs_when = !matches!(
                    check,
                    Check::Quote { .. } | Check::List { .. } | Check::Role { .. } | Check::None
                );
                if needs_when && !when_failed && when.iter().all(|g| g.is_empty()) {
                    self.err(
                        Some(wl),
                        Some("when"),
                        format!("claim `{}`: a {} check needs `when` terms", c.id, check.kind_name()),
                    );
                }
                if self.errors.len() > before {
                    continue;
                }
                let mut entities = about.clone();
                let mut collect = |t: &TermId, base: &ClaimBase| {
                    if let Some(e) = base.terms[*t].entity {
                        if !entities.contains(&e) {
                            entities.push(e);
                        }
                    }
                };
                for t in when.iter().flatten() {
                    collect(t, &self.base);
                }
                if let Check::Party { value, .. } = &check {
                    for t in value {
                        collect(t, &self.base);
                    }
                }
                if let Check::Quote { speaker: Some(e), .. } | Check::Role { person: e } = &check {
                    if !entities.contains(e) {
                        entities.push(*e);
                    }
                }
                self.base.claims.push(Claim {
                    holder,
                    id: c.id.clone(),
                    section,
                    snippet: c.anchor.clone(),
                    article_line: c.line,
                    summary: c.summary.clone(),
                    // Coverage counts the fact once.
                    key: c.key && n == 0,
                    when,
                    check,
                    entities,
                });
            }
        }
        article_slots
    }

    /// The compiled checks of a claim's typed tables, each with its own
    /// `when` (if any) and the table's span. Types, required and unknown
    /// fields were checked by serde; what is left is what needs the rest of
    /// the base (entities, terms) and non-empty lists.
    #[allow(clippy::type_complexity)]
    fn checks<'c>(
        &mut self,
        c: &'c RawClaim,
        speaker: Option<EntityId>,
    ) -> Vec<(Check, Option<&'c Vec<Vec<String>>>, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        let id = &c.id;
        // A list field that must not be empty: its line, else an error.
        let nonempty = |b: &mut Self, len: usize, span: &std::ops::Range<usize>, f: &str| -> Option<usize> {
            let l = b.field_line(span.clone(), f);
            if len == 0 {
                b.err(Some(l), Some(f), format!("claim `{id}`: `{f}` is empty"));
                return None;
            }
            Some(l)
        };
        if let Some(s) = &c.date {
            let (span, t) = (s.span(), s.get_ref());
            if nonempty(self, t.value.len(), &span, "value").is_some() {
                let check = Check::Date {
                    value: t.value.iter().map(|v| v.spec.clone()).collect(),
                    text: t.value.iter().map(|v| v.text.clone()).collect(),
                };
                out.push((check, t.when.as_ref(), span));
            }
        }
        if let Some(s) = &c.number {
            let (span, t) = (s.span(), s.get_ref());
            if nonempty(self, t.value.len(), &span, "value").is_some() {
                let ul = self.field_line(span.clone(), "unit");
                let n = crate::text::norm(&t.value[0].text);
                let ordinal = crate::values::numbers::find_numbers(&n, &crate::text::words(&n))
                    .first()
                    .is_some_and(|m| m.ordinal);
                let check = Check::Number {
                    value: t.value.iter().map(|v| v.quantity).collect(),
                    text: t.value.iter().map(|v| v.text.clone()).collect(),
                    unit: self.terms(&t.unit, ul, "unit"),
                    ordinal,
                };
                out.push((check, t.when.as_ref(), span));
            }
        }
        if let Some(s) = &c.place {
            let (span, t) = (s.span(), s.get_ref());
            if let Some(vl) = nonempty(self, t.value.len(), &span, "value") {
                let value = t.value.iter().filter_map(|v| self.entity_ref(v, vl, "value")).collect();
                out.push((Check::Place { value }, t.when.as_ref(), span));
            }
        }
        for (slot, code) in [(&c.actor, Code::WrongActor), (&c.attribution, Code::WrongAttribution)] {
            let Some(s) = slot else { continue };
            let (span, t) = (s.span(), s.get_ref());
            let vl = nonempty(self, t.value.len(), &span, "value");
            let rl = nonempty(self, t.rival.len(), &span, "rival");
            if let (Some(vl), Some(rl)) = (vl, rl) {
                let bl = self.field_line(span.clone(), "verb");
                let check = Check::Party {
                    code,
                    value: self.terms(&t.value, vl, "value"),
                    rival: self.terms(&t.rival, rl, "rival"),
                    verb: self.terms(&t.verb, bl, "verb"),
                };
                out.push((check, t.when.as_ref(), span));
            }
        }
        if let Some(s) = &c.stance {
            let (span, t) = (s.span(), s.get_ref());
            if let Some(sl) = nonempty(self, t.says.len(), &span, "says") {
                let ol = self.field_line(span.clone(), "opposite");
                let check = Check::Stance {
                    says: self.terms(&t.says, sl, "says"),
                    opposite: self.terms(&t.opposite, ol, "opposite"),
                    affirms: t.polarity == Polarity::Affirms,
                };
                out.push((check, t.when.as_ref(), span));
            }
        }
        if let Some(s) = &c.order {
            let (span, t) = (s.span(), s.get_ref());
            let fl = nonempty(self, t.first.len(), &span, "first");
            let tl = nonempty(self, t.then.len(), &span, "then");
            if let (Some(fl), Some(tl)) = (fl, tl) {
                let check = Check::Order {
                    first: self.terms(&t.first, fl, "first"),
                    then: self.terms(&t.then, tl, "then"),
                };
                out.push((check, t.when.as_ref(), span));
            }
        }
        if let Some(s) = &c.list {
            let (span, t) = (s.span(), s.get_ref());
            let ml = self.field_line(span.clone(), "member");
            if t.member.len() < 2 {
                self.err(
                    Some(ml),
                    Some("member"),
                    format!("claim `{id}`: a list needs two members or more"),
                );
            } else {
                let mut members = Vec::new();
                for m in &t.member {
                    let matches = self.terms(&m.matches, ml, "match");
                    let with = m.with.iter().filter_map(|w| self.entity_ref(w, ml, "with")).collect();
                    members.push(Member {
                        name: m.name.clone(),
                        matches,
                        with,
                    });
                }
                let xl = self.field_line(span.clone(), "excluded");
                let check = Check::List {
                    members,
                    open: t.open,
                    excluded: self.terms(&t.excluded, xl, "excluded"),
                    kind: t.kind.clone(),
                };
                out.push((check, t.when.as_ref(), span));
            }
        }
        if let Some(s) = &c.quote {
            let check = Check::Quote {
                quote: s.get_ref().text.clone(),
                speaker,
            };
            out.push((check, None, s.span()));
        }
        if let Some(s) = &c.role {
            let (span, t) = (s.span(), s.get_ref());
            let pl = self.field_line(span.clone(), "person");
            let tl = nonempty(self, t.titles.len(), &span, "titles");
            if let (Some(person), Some(_)) = (self.entity_ref(&t.person, pl, "person"), tl) {
                for title in &t.titles {
                    let term = self.literal_term(title);
                    self.base.entities[person].roles.push(term);
                    self.base.entities[person].role_names.push(title.clone());
                }
                out.push((Check::Role { person }, None, span));
            }
        }
        let words = [
            (&c.date_words, Code::WrongDate),
            (&c.number_words, Code::WrongNumber),
            (&c.place_words, Code::WrongPlace),
            (&c.actor_words, Code::WrongActor),
            (&c.attribution_words, Code::WrongAttribution),
            (&c.stance_words, Code::StanceReversal),
            (&c.list_words, Code::WrongList),
        ];
        for (slot, code) in words {
            let Some(s) = slot else { continue };
            let (span, t) = (s.span(), s.get_ref());
            let rl = nonempty(self, t.right.len(), &span, "right");
            let wl = nonempty(self, t.wrong.len(), &span, "wrong");
            if let (Some(rl), Some(wl)) = (rl, wl) {
                let check = Check::Term {
                    code,
                    value: self.terms(&t.right, rl, "right"),
                    rival: self.terms(&t.wrong, wl, "wrong"),
                };
                out.push((check, t.when.as_ref(), span));
            }
        }
        out
    }
}

/// The longest anchor, in words: enough to be unique, too short to carry prose.
pub const MAX_ANCHOR_WORDS: usize = 6;

/// Where each section stands in the article: from its heading (the opening:
/// from the start) to the next heading. `None` when its heading is missing.
pub fn section_ranges(a: &Article, sections: &[Section]) -> Vec<Option<std::ops::Range<usize>>> {
    let starts: Vec<Option<usize>> = sections
        .iter()
        .map(|s| {
            if s.title.is_empty() {
                Some(0)
            } else {
                a.heading(&s.title).map(|r| r.start)
            }
        })
        .collect();
    starts
        .iter()
        .map(|st| {
            let st = (*st)?;
            let end = starts
                .iter()
                .flatten()
                .filter(|&&o| o > st)
                .min()
                .copied()
                .unwrap_or(a.text.len());
            Some(st..end)
        })
        .collect()
}

/// What is wrong with a claim's line and anchor, as (field, message).
pub fn anchor_problem(
    a: &Article,
    sections: &[Option<std::ops::Range<usize>>],
    section: SectionId,
    line: usize,
    anchor: &str,
) -> Option<(&'static str, String)> {
    let Some(lr) = a.line_range(line) else {
        return Some(("line", format!("the article has no line {line}")));
    };
    let sr = sections.get(section).cloned().flatten();
    if let Some(sr) = &sr {
        if !(sr.start <= lr.start && lr.end <= sr.end) {
            return Some(("line", format!("line {line} is not in the claim's section")));
        }
    }
    if a.locate_on_line(anchor, line).is_none() {
        return Some((
            "anchor",
            format!(
                "anchor `{anchor}` is not found on line {line} of the article {}",
                a.path.display()
            ),
        ));
    }
    if let Some(sr) = sr {
        let n = a
            .occurrences(anchor)
            .into_iter()
            .filter(|o| sr.start <= o.start && o.end <= sr.end)
            .count();
        if n > 1 {
            return Some((
                "anchor",
                format!("anchor `{anchor}` occurs {n} times in its section: lengthen it until it is unique"),
            ));
        }
    }
    None
}

/// A word that carries content: not a function word, not too short.
pub fn is_content_word(w: &str) -> bool {
    w.len() > 3
        && !matches!(
            w,
            "that"
                | "this"
                | "with"
                | "from"
                | "have"
                | "been"
                | "were"
                | "their"
                | "there"
                | "they"
                | "than"
                | "which"
                | "would"
                | "could"
                | "will"
                | "into"
                | "about"
                | "what"
                | "when"
                | "also"
                | "only"
                | "such"
                | "some"
                | "more"
                | "most"
                | "other"
                | "said"
                | "says"
                | "article"
                | "author"
                | "note"
        )
}

/// A phrase whose words may end in `*` ("count* on", "guarantee*
/// absolute*"): over the normalized sentence, each starred word a stem that
/// runs on to its word's end, the others whole words. Matched word by word
/// (`StemmedPhrase`), or by its pattern when a word is not ASCII.
fn stemmed_phrase(s: &str) -> TermRegex {
    match StemmedPhrase::new(s) {
        Some(p) => TermRegex::Stemmed(p),
        None => TermRegex::Regex(
            regex::RegexBuilder::new(&StemmedPhrase::pattern(s))
                .case_insensitive(true)
                .build()
                .expect("escaped words make a valid pattern"),
        ),
    }
}
