//! What the checker reports: a finding carries everything a surface needs
//! (code, severity, span, message, claim, section, article position, fix), so
//! the CLI, SARIF and the language server only format it.

use crate::span::NoteSpan;
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// One table makes `Code` and what each code knows of itself: the codes of
/// findings about a note (in `Code::ALL`), then the others; each with its
/// spelling (part of the JSON contract) and one line on what it means (SARIF
/// rules, documentation). How severe a note code's findings are shown is
/// data: the severity policy, `data/severity.toml` (`policy::default_severity`).
macro_rules! codes {
    (
        note { $($code:ident $name:literal $about:literal;)* }
        other { $($(#[$doc:meta])* $other:ident $other_name:literal $other_about:literal;)* }
    ) => {
        /// The stable diagnostic codes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum Code {
            $($code,)*
            $($(#[$doc])* $other,)*
        }

        impl Code {
            /// The codes of findings about a note.
            pub const ALL: [Code; [$($name),*].len()] = [$(Code::$code),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => $name,)*
                    $(Code::$other => $other_name,)*
                }
            }

            /// One line on what the code means, for SARIF rules and documentation.
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$code => $about,)*
                    $(Code::$other => $other_about,)*
                }
            }
        }
    };
}

codes! {
    note {
        WrongDate "wrong-date" "A date, year, season or order of events that the article gives differently.";
        WrongNumber "wrong-number" "A count, ordinal or quantity that the article gives differently.";
        WrongAttribution "wrong-attribution" "Words, a view or a role credited to the wrong person or holder.";
        WrongActor "wrong-actor" "The wrong party to an action: who did what to whom.";
        WrongPlace "wrong-place" "A place or venue that the article gives differently.";
        WrongList "wrong-list" "A member of one of the article's enumerated lists that is not on it.";
        Misquote "misquote" "Quoted words the article does not contain, or altered wording of a real quotation.";
        StanceReversal "stance-reversal" "The note says the author argues the opposite of what the article argues.";
        UnknownSection "unknown-section" "A reference to a section the article does not have.";
        WrongSection "wrong-section" "A section reference whose section does not hold the point made.";
        Unsupported "unsupported" "A factual statement about the article's subject that no claim supports.";
    }
    other {
        /// A problem of a claim-base file open in the editor (`claimlint claims
        /// --check`): not a finding about a note, so not in `ALL`.
        ClaimBase "claim-base" "A problem of a claim-base file: it does not load, copies the article, flags the article's own words, or contradicts itself.";
    }
}

impl Code {
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// Where the truth stands in the article (when the article text is known).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleSpan {
    /// Byte range in the article text.
    pub range: Range<usize>,
    /// Zero-based line of the range's start.
    pub line: u32,
    /// Zero-based character column of the range's start.
    pub col: u32,
}

/// A replacement the user may apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub range: NoteSpan,
    pub replacement: String,
}

/// How sure the reading behind a finding is. With the code it decides the
/// severity shown: the severity policy (`data/severity.toml`) gives the most
/// severe level of each code and certainty, calibrated on unseen notes; a
/// severity the user set for a code is capped by the certainty alone
/// (`Certainty::cap`: likely at most a warning, possible at most information).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Only possible: the reading has a strong doubt (a question, a heading,
    /// quoted words, outside knowledge) or several weak ones.
    Possible,
    /// Likely: one weak doubt (the claim's subject in another clause, a
    /// hedge, telegraphic shorthand).
    Likely,
    /// Unambiguous: subject and contradicting words in one plain clause.
    Certain,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Possible => "possible",
            Certainty::Likely => "likely",
            Certainty::Certain => "certain",
        }
    }

    pub fn parse(s: &str) -> Option<Certainty> {
        match s {
            "possible" => Some(Certainty::Possible),
            "likely" => Some(Certainty::Likely),
            "certain" => Some(Certainty::Certain),
            _ => None,
        }
    }

    /// The severity shown for a finding of this certainty whose user
    /// setting (or policy entry) gives `base`: never more severe than the
    /// certainty allows.
    pub fn cap(self, base: Severity) -> Severity {
        let most = match self {
            Certainty::Certain => Severity::Error,
            Certainty::Likely => Severity::Warning,
            Certainty::Possible => Severity::Information,
        };
        base.max(most)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// How sure the reading is; `severity` follows from it and the code
    /// (the severity policy).
    pub certainty: Certainty,
    /// Why the finding has its certainty, in one line: what lowered it, or
    /// for a certain finding the evidence that made it so (empty when no
    /// reading graded it). Shared by the finding's clones, as its message.
    pub why: Arc<str>,
    pub range: NoteSpan,
    /// The message, and the ids below, shared by a finding's clones: the
    /// server keeps each finding twice (the incremental cache, the analysis).
    pub message: Arc<str>,
    /// Id of the claim the finding rests on.
    pub claim: Option<Arc<str>>,
    /// Id of the section where the truth stands.
    pub section: Option<Arc<str>>,
    pub article: Option<ArticleSpan>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// No reason (yet): one empty text, shared by every finding without one.
    pub fn no_why() -> Arc<str> {
        static NONE: std::sync::OnceLock<Arc<str>> = std::sync::OnceLock::new();
        NONE.get_or_init(|| "".into()).clone()
    }

    /// Why the finding has its certainty, in one line (hover, JSON). A
    /// finding no claim rests on has no claim's subject to be read with.
    pub fn why_line(&self) -> String {
        let why = match (&*self.why, &self.claim) {
            ("", Some(_)) => "read in one plain clause with the claim's subject",
            ("", None) => "read in one plain clause",
            (why, _) => why,
        };
        format!("{}: {why}", self.certainty.as_str())
    }

    /// Lower the certainty to at most `to`, noting why.
    pub fn lower<'a>(&mut self, to: Certainty, why: impl IntoIterator<Item = &'a str>) {
        let mut text = self.why.to_string();
        if to < self.certainty {
            // What made the finding certain no longer explains it.
            if self.certainty == Certainty::Certain {
                text.clear();
            }
            self.certainty = to;
        }
        for w in why {
            if !text.contains(w) {
                if !text.is_empty() {
                    text.push_str("; ");
                }
                text.push_str(w);
            }
        }
        if *text != *self.why {
            self.why = text.into();
        }
    }
}
