//! The severity policy of `data/severity.toml`: for each code and each
//! certainty of a reading, the most severe level a finding may be shown at,
//! calibrated on notes the rules had never read (the file gives the figures
//! beside each entry). Bundled and validated on load; tested to load, so a
//! failure of the bundled file is a build bug.

use crate::finding::{Certainty, Code, Severity};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use toml::Spanned;

/// The bundled policy.
pub const BUNDLED: &str = include_str!("../data/severity.toml");
const BUNDLED_NAME: &str = "data/severity.toml";

/// One entry: the most severe level, and the unseen figures behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub most: Severity,
    /// Lines a finding of this code and certainty got right and wrong on
    /// notes its build had not read (`None`: never measured).
    pub unseen: Option<(u32, u32)>,
}

/// Every note code's entries, by certainty.
#[derive(Debug)]
pub struct Policy {
    rows: HashMap<Code, [Entry; 3]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRow {
    certain: Spanned<RawEntry>,
    likely: Spanned<RawEntry>,
    possible: Spanned<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    most: Spanned<String>,
    right: Option<u32>,
    wrong: Option<u32>,
}

/// Index of a certainty in a row.
fn slot(c: Certainty) -> usize {
    match c {
        Certainty::Certain => 0,
        Certainty::Likely => 1,
        Certainty::Possible => 2,
    }
}

impl Policy {
    /// Parse and validate a policy file; each error names the file, the line
    /// and the field.
    pub fn parse(text: &str, file: &str) -> Result<Policy, Vec<String>> {
        let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
        let raw: BTreeMap<Spanned<String>, RawRow> = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(String::new(), |s| format!(":{}", line(s.start)));
            vec![format!("{file}{at}: {}", e.message().trim())]
        })?;
        let mut errors = Vec::new();
        let mut rows = HashMap::new();
        for (name, row) in &raw {
            let Some(code) = Code::parse(name.get_ref()) else {
                errors.push(format!(
                    "{file}:{}: `{}` is not a code of a finding (codes: {})",
                    line(name.span().start),
                    name.get_ref(),
                    Code::ALL.map(Code::as_str).join(", ")
                ));
                continue;
            };
            let mut entries = [Entry {
                most: Severity::Hint,
                unseen: None,
            }; 3];
            let mut ok = true;
            for (certainty, raw) in [
                (Certainty::Certain, &row.certain),
                (Certainty::Likely, &row.likely),
                (Certainty::Possible, &row.possible),
            ] {
                let at = line(raw.span().start);
                let e = raw.get_ref();
                let field = format!("{}.{}", name.get_ref(), certainty.as_str());
                let Some(most) = Severity::parse(e.most.get_ref()) else {
                    errors.push(format!(
                        "{file}:{}: {field}.most: `{}` is not a severity (error, warning, information, hint)",
                        line(e.most.span().start),
                        e.most.get_ref()
                    ));
                    ok = false;
                    continue;
                };
                if certainty.cap(most) != most {
                    errors.push(format!(
                        "{file}:{at}: {field}.most: a {} reading is shown at most as {}, not {}",
                        certainty.as_str(),
                        certainty.cap(Severity::Error).as_str(),
                        most.as_str()
                    ));
                    ok = false;
                }
                let unseen = match (e.right, e.wrong) {
                    (Some(r), Some(w)) => Some((r, w)),
                    (None, None) => None,
                    _ => {
                        errors.push(format!("{file}:{at}: {field}: `right` and `wrong` go together"));
                        ok = false;
                        None
                    }
                };
                entries[slot(certainty)] = Entry { most, unseen };
            }
            if ok {
                for pair in entries.windows(2) {
                    if pair[1].most < pair[0].most {
                        errors.push(format!(
                            "{file}:{}: {}: a less certain reading may not be shown more severely ({} after {})",
                            line(name.span().start),
                            name.get_ref(),
                            pair[1].most.as_str(),
                            pair[0].most.as_str()
                        ));
                    }
                }
            }
            rows.insert(code, entries);
        }
        for code in Code::ALL {
            if !rows.contains_key(&code) && !raw.keys().any(|k| k.get_ref() == code.as_str()) {
                errors.push(format!("{file}: no entry for `{code}` (every code needs [{code}])"));
            }
        }
        if errors.is_empty() {
            Ok(Policy { rows })
        } else {
            Err(errors)
        }
    }

    /// The entry for a code and certainty.
    pub fn entry(&self, code: Code, certainty: Certainty) -> Entry {
        self.rows[&code][slot(certainty)]
    }

    /// The most severe level a finding of `code` read with `certainty` is
    /// shown at, unless the user set the code's severity (a code with no row,
    /// `claim-base`, is capped by the certainty alone).
    pub fn most(&self, code: Code, certainty: Certainty) -> Severity {
        self.rows
            .get(&code)
            .map_or(certainty.cap(Severity::Error), |r| r[slot(certainty)].most)
    }
}

impl Policy {
    /// Why a finding shown at `shown` is less severe than its certainty
    /// allows, when the policy made it so (hover): the unseen figures.
    pub fn reason(&self, code: Code, certainty: Certainty, shown: Severity) -> Option<String> {
        let e = self.rows.get(&code)?[slot(certainty)];
        if e.most != shown || e.most == certainty.cap(Severity::Error) {
            return None;
        }
        let figures = match e.unseen {
            Some((right, wrong)) => format!(
                "{} {code} readings were right {right} times of {} on notes the rules had not been fitted to",
                certainty.as_str(),
                right + wrong
            ),
            None => format!(
                "{} {code} readings have not been measured on unseen notes",
                certainty.as_str()
            ),
        };
        Some(format!(
            "shown as {}: {figures} (an error needs 98% over at least 50; data/severity.toml)",
            shown.as_str()
        ))
    }
}

/// The bundled policy.
pub fn bundled() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(|| match Policy::parse(BUNDLED, BUNDLED_NAME) {
        Ok(p) => p,
        Err(e) => panic!("the bundled severity policy does not load: {}", e.join("; ")),
    })
}

/// The severity of a certain finding of `code` by the bundled policy (a
/// claim-base problem is an error).
pub fn default_severity(code: Code) -> Severity {
    bundled().most(code, Certainty::Certain)
}
