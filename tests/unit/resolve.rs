//! Tests of `src/resolve.rs`.

use claimlint::config::{self, Config};
use claimlint::finding::{Code, Severity};
use claimlint::resolve::*;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// A folder with a stand-in article under each name given.
fn fixture(name: &str, articles: &[&str], settings: Option<&str>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-resolve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = String::from("Stand-in\n");
    for s in &claimlint::claims::bundled().sections {
        text.push_str(&format!("\n{}\n\nBody.\n", s.title));
    }
    for a in articles {
        std::fs::write(dir.join(a), &text).unwrap();
    }
    if let Some(s) = settings {
        std::fs::write(dir.join(config::FILE_NAME), s).unwrap();
    }
    dir
}

fn run(dir: &Path, front: Front, given: &Config, env: Option<&str>) -> Resolved {
    resolve(&Request {
        front,
        given,
        given_base: dir,
        start: dir,
        roots: &[],
        env_article: env.map(OsStr::new),
        cwd: dir,
    })
}

fn article_of(r: &Resolved) -> (String, String) {
    let (p, s) = r.article.as_ref().expect("an article");
    (p.file_name().unwrap().to_string_lossy().into_owned(), s.to_string())
}

#[test]
fn the_client_setting_beats_the_file_which_beats_the_variable() {
    let dir = fixture(
        "clash",
        &["client.txt", "file.txt", "env.txt"],
        Some("article = \"file.txt\"\n"),
    );
    let given = Config {
        article: Some("client.txt".into()),
        ..Config::default()
    };
    let r = run(&dir, Front::Client, &given, Some("env.txt"));
    assert_eq!(
        article_of(&r),
        ("client.txt".into(), "the client setting claimlint.article".into())
    );
    let r = run(&dir, Front::Client, &Config::default(), Some("env.txt"));
    let file = dir.join(config::FILE_NAME).display().to_string();
    assert_eq!(article_of(&r), ("file.txt".into(), format!("{file}:1 article")));
    std::fs::remove_file(dir.join(config::FILE_NAME)).unwrap();
    let r = run(&dir, Front::Client, &Config::default(), Some("env.txt"));
    assert_eq!(article_of(&r), ("env.txt".into(), "CLAIMLINT_ARTICLE".into()));
    assert!(r.messages.is_empty(), "{:?}", r.messages);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_article_warns_with_its_source_and_falls_through() {
    let dir = fixture("missing", &["env.txt"], Some("\narticle = \"gone.txt\"\n"));
    let r = run(&dir, Front::Cli, &Config::default(), Some("env.txt"));
    assert_eq!(article_of(&r).1, "CLAIMLINT_ARTICLE");
    assert_eq!(r.messages.len(), 1, "{:?}", r.messages);
    assert_eq!(r.messages[0].level, Level::Warning);
    assert!(r.messages[0].text.contains(":2 article") && r.messages[0].text.contains("gone.txt"));
    // Nothing left (no file for discovery either): no article, and still an engine.
    std::fs::remove_file(dir.join("env.txt")).unwrap();
    let r = run(&dir, Front::Cli, &Config::default(), None);
    assert!(r.article.is_none() && r.engine.article.is_none());
    assert!(!r.claims_failed);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn severities_merge_code_by_code_and_disabled_codes_add_up() {
    let dir = fixture(
        "codes",
        &[],
        Some("disable = [\"unsupported\"]\n[severity]\nmisquote = \"hint\"\nwrong-date = \"warning\"\n"),
    );
    let given = Config {
        disable: vec![Code::WrongList],
        severity: [(Code::Misquote, Severity::Error)].into_iter().collect(),
        ..Config::default()
    };
    let r = run(&dir, Front::Client, &given, None);
    assert_eq!(
        r.severity[&Code::Misquote],
        (Severity::Error, Source::Client("severity"))
    );
    assert_eq!(r.severity[&Code::WrongDate].0, Severity::Warning);
    assert!(matches!(
        r.severity[&Code::WrongDate].1,
        Source::File { line: Some(4), .. }
    ));
    let disabled: Vec<Code> = r.disabled.iter().map(|(c, _)| *c).collect();
    assert_eq!(disabled, [Code::WrongList, Code::Unsupported]);
    assert!(r.options.disabled.contains(&Code::Unsupported));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_claim_base_that_does_not_load_is_an_error_naming_its_source() {
    let dir = fixture("claims", &[], Some("claims = \"broken.toml\"\n"));
    std::fs::write(dir.join("broken.toml"), "[[claims]]\nid = 3\n").unwrap();
    let r = run(&dir, Front::Cli, &Config::default(), None);
    assert!(r.claims_failed);
    assert_eq!(r.claims.1, Source::Bundled);
    assert!(
        r.messages
            .iter()
            .any(|m| m.level == Level::Error && m.text.contains(":1 claims")),
        "{:?}",
        r.messages
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn min_certainty_is_described_with_its_source() {
    let dir = fixture("certainty", &[], Some("# ours\nmin-certainty = \"likely\"\n"));
    let line = |r: &Resolved| {
        let lines = r.describe();
        lines.into_iter().find(|l| l.starts_with("min-certainty:")).unwrap()
    };
    let r = run(&dir, Front::Cli, &Config::default(), None);
    let file = dir.join(config::FILE_NAME);
    assert_eq!(
        line(&r),
        format!("min-certainty: likely (from {}:2 min-certainty)", file.display())
    );
    let flag = Config {
        min_certainty: claimlint::finding::Certainty::parse("certain"),
        ..Config::default()
    };
    assert_eq!(
        line(&run(&dir, Front::Cli, &flag, None)),
        "min-certainty: certain (from --min-certainty)"
    );
    assert_eq!(
        line(&run(&dir, Front::Client, &flag, None)),
        "min-certainty: certain (from the client setting claimlint.min-certainty)"
    );
    let bare = fixture("certainty-none", &[], None);
    assert_eq!(
        line(&run(&bare, Front::Cli, &Config::default(), None)),
        "min-certainty: possible (the default)"
    );
}

/// A custom claim base is parsed and built once, without the article (its
/// titles find the article), and then checked against it: the same errors,
/// at the same lines and fields and in the same order (each claim's in its
/// place among the others), as loading it with the article.
#[test]
fn a_claim_base_checked_against_the_article_has_the_errors_loading_with_it_gives() {
    use claimlint::claims::{load_claims, Draft};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour");
    let src = std::fs::read_to_string(dir.join("claims.toml")).unwrap();
    let article = claimlint::article::Article::new(
        dir.join("article.txt"),
        std::fs::read_to_string(dir.join("article.txt")).unwrap(),
    );
    let broken = src
        .replacen("anchor = \"March 3, 2019\"", "anchor = \"March 4, 2019\"", 1)
        .replacen(
            "a fair bargain for two small nations",
            "a fair bargain for two nations",
            1,
        );
    // And an error the article has no part in, between and after them.
    let worse = broken
        .replacen("speaker = \"@columnist\"", "speaker = \"@nobody\"", 1)
        .replacen("anchor = \"Kesmouth\"", "anchor = \"Nowhere\"", 1);
    assert!(src != broken && broken != worse);
    for text in [&src, &broken, &worse] {
        let with = load_claims(text, "c.toml", Some(&article)).err().unwrap_or_default();
        let draft = Draft::parse(text, "c.toml").expect("parses");
        assert_eq!(draft.errors().is_empty(), text != &worse);
        assert!(!draft.base().sections.is_empty());
        let checked = draft.finish(Some(&article)).err().unwrap_or_default();
        assert_eq!(checked, with);
        assert_eq!(with.is_empty(), text == &src, "{with:?}");
        let lines: Vec<usize> = with.iter().map(|e| e.line.unwrap()).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{with:#?}");
    }
    let fields: Vec<_> = load_claims(&worse, "c.toml", Some(&article))
        .unwrap_err()
        .into_iter()
        .map(|e| e.field.unwrap())
        .collect();
    assert_eq!(fields, ["anchor", "text", "speaker", "anchor"]);
}
