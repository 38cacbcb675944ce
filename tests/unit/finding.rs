//! Tests of `src/finding.rs`.

use claimlint::finding::{Code, Severity};

#[test]
fn every_code_is_spelled_one_way_in_json_text_and_settings() {
    for code in Code::ALL.into_iter().chain([Code::ClaimBase]) {
        let json = serde_json::to_value(code).unwrap();
        assert_eq!(json, code.as_str(), "{code:?}");
        assert!(!code.description().is_empty());
    }
    for code in Code::ALL {
        assert_eq!(Code::parse(code.as_str()), Some(code));
    }
    // A claim-base problem is no finding about a note: it cannot be configured.
    assert_eq!(Code::parse("claim-base"), None);
    assert_eq!(Code::ALL.len(), 11);
    assert_eq!(claimlint::policy::default_severity(Code::Unsupported), Severity::Hint);
    assert_eq!(
        claimlint::policy::default_severity(Code::WrongSection),
        Severity::Warning
    );
    assert_eq!(claimlint::policy::default_severity(Code::Misquote), Severity::Error);
}
