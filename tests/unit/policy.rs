//! Tests of `src/policy.rs` and the bundled `data/severity.toml`.

use claimlint::engine::{finish, Options};
use claimlint::finding::{Certainty, Code, Severity};
use claimlint::policy::{self, Policy};

const CERTAINTIES: [Certainty; 3] = [Certainty::Certain, Certainty::Likely, Certainty::Possible];

/// Every entry of the bundled policy follows the file's rule from its own
/// unseen figures: error only at >= 98% right over >= 50 findings;
/// information for a certain or likely reading only below 50%.
#[test]
fn every_entry_follows_the_calibration_rule() {
    let p = Policy::parse(policy::BUNDLED, "data/severity.toml").expect("the bundled policy loads");
    for code in Code::ALL {
        for c in CERTAINTIES {
            let e = p.entry(code, c);
            let precision = e.unseen.map(|(r, w)| (r as f64 / (r + w).max(1) as f64, r + w));
            let at = format!("{code} {}", c.as_str());
            let earns_error = precision.is_some_and(|(p, n)| p >= 0.98 && n >= 50);
            if c == Certainty::Certain && code != Code::Unsupported {
                assert_eq!(e.most == Severity::Error, earns_error, "{at}: {e:?}");
            }
            if e.most >= Severity::Information && c != Certainty::Possible && code != Code::Unsupported {
                assert!(
                    precision.is_some_and(|(p, _)| p < 0.5),
                    "{at}: information needs < 50% right: {e:?}"
                );
            }
        }
    }
}

/// Certain misquotes and wrong places are errors (the two entries
/// right 98% of the time on unseen notes), other certain readings warnings;
/// a likely stance reversal is a warning; a user's setting replaces a code's row.
#[test]
fn severity_follows_the_policy_unless_the_user_set_it() {
    let finding = |code, certainty| crate::common::bare_finding(code, Severity::Error, certainty);
    let shown = |opts: &Options, code, certainty| finish("x", vec![finding(code, certainty)], opts)[0].severity;
    let default = Options::default();
    assert_eq!(shown(&default, Code::Misquote, Certainty::Certain), Severity::Error);
    assert_eq!(
        shown(&default, Code::WrongAttribution, Certainty::Certain),
        Severity::Warning
    );
    assert_eq!(shown(&default, Code::WrongPlace, Certainty::Certain), Severity::Error);
    assert_eq!(
        shown(&default, Code::WrongNumber, Certainty::Certain),
        Severity::Warning
    );
    assert_eq!(shown(&default, Code::Misquote, Certainty::Likely), Severity::Warning);
    assert_eq!(
        shown(&default, Code::StanceReversal, Certainty::Likely),
        Severity::Warning
    );
    assert_eq!(
        shown(&default, Code::StanceReversal, Certainty::Certain),
        Severity::Warning
    );
    assert_eq!(shown(&default, Code::WrongDate, Certainty::Likely), Severity::Warning);
    assert_eq!(
        shown(&default, Code::Misquote, Certainty::Possible),
        Severity::Information
    );
    assert_eq!(shown(&default, Code::Unsupported, Certainty::Certain), Severity::Hint);
    assert_eq!(policy::default_severity(Code::Misquote), Severity::Error);
    assert_eq!(policy::default_severity(Code::WrongDate), Severity::Warning);
    let mut raised = Options::default();
    raised.severity.insert(Code::StanceReversal, Severity::Error);
    assert_eq!(
        shown(&raised, Code::StanceReversal, Certainty::Certain),
        Severity::Error
    );
    assert_eq!(
        shown(&raised, Code::StanceReversal, Certainty::Likely),
        Severity::Warning
    );
    assert_eq!(
        shown(&raised, Code::StanceReversal, Certainty::Possible),
        Severity::Information
    );
    let mut lowered = Options::default();
    lowered.severity.insert(Code::Misquote, Severity::Hint);
    assert_eq!(shown(&lowered, Code::Misquote, Certainty::Certain), Severity::Hint);
}

fn errors(text: &str) -> String {
    match Policy::parse(text, "p.toml") {
        Ok(_) => String::new(),
        Err(e) => e.join("\n"),
    }
}

/// The bundled rows with one replaced (or removed, `with` empty).
fn bundled_with(code: &str, with: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for l in policy::BUNDLED.lines() {
        if l.starts_with('[') {
            skip = l == format!("[{code}]");
            if skip {
                out.push_str(with);
            }
        }
        if !skip {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_bad_policy_is_refused_with_file_line_and_field() {
    let row = |c: &str, l: &str, p: &str| {
        format!("[misquote]\ncertain = {{ most = \"{c}\" }}\nlikely = {{ most = \"{l}\" }}\npossible = {{ most = \"{p}\" }}\n")
    };
    // Above what the certainty allows.
    let e = errors(&bundled_with("misquote", &row("error", "error", "information")));
    assert!(
        e.contains("p.toml:") && e.contains("misquote.likely.most") && e.contains("at most as warning"),
        "{e}"
    );
    // Not a severity.
    let e = errors(&bundled_with("misquote", &row("eror", "warning", "information")));
    assert!(
        e.contains("misquote.certain.most") && e.contains("`eror` is not a severity"),
        "{e}"
    );
    // A less certain reading more severe than a more certain one.
    let e = errors(&bundled_with("misquote", &row("information", "warning", "information")));
    assert!(e.contains("less certain reading"), "{e}");
    // A missing code, an unknown code, a missing certainty, figures half given.
    let e = errors(&bundled_with("misquote", ""));
    assert!(e.contains("no entry for `misquote`"), "{e}");
    let e = errors(&format!("{}[mis-quote]\ncertain = {{ most = \"error\" }}\nlikely = {{ most = \"warning\" }}\npossible = {{ most = \"hint\" }}\n", policy::BUNDLED));
    assert!(e.contains("`mis-quote` is not a code"), "{e}");
    let e = errors(&bundled_with(
        "misquote",
        "[misquote]\ncertain = { most = \"error\" }\nlikely = { most = \"warning\" }\n",
    ));
    assert!(e.contains("p.toml:") && e.contains("possible"), "{e}");
    let e = errors(&bundled_with(
        "misquote",
        &row("error", "warning", "information").replace("most = \"error\"", "most = \"error\", right = 3"),
    ));
    assert!(
        e.contains("p.toml:") && e.contains(": misquote.certain: `right` and `wrong` go together"),
        "{e}"
    );
    assert_eq!(errors(policy::BUNDLED), "");
}
