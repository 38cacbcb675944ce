//! `claimlint claims --check`: each class of problem is reported, with file,
//! line and field, on a claim base made to fail it (the invented article of
//! tests/fixtures/harbour); the bundled base is clean.

use claimlint::article::Article;
use claimlint::audit::{check, Report};
use std::path::PathBuf;

fn fixture() -> (String, Article) {
    let dir = crate::common::harbour_dir();
    let src = std::fs::read_to_string(dir.join("claims.toml")).unwrap();
    (src, Article::read(&dir.join("article.txt")).unwrap())
}

/// The fixture with `tail` inserted before its lexicon; the line where `tail` starts.
fn with(tail: &str) -> (String, usize) {
    let (src, _) = fixture();
    let at = src.find("[lexicon]").unwrap();
    let line = src[..at].lines().count() + 1;
    (format!("{}{tail}\n{}", &src[..at], &src[at..]), line)
}

fn run(src: &str) -> Report {
    let (_, a) = fixture();
    check(src, "h.toml", Some(&a))
}

fn lines(r: &Report) -> Vec<String> {
    r.problems
        .iter()
        .map(|p| format!("{} [{}]", p.error, p.class))
        .collect()
}

#[test]
fn the_fixture_is_clean_and_its_coverage_counted() {
    let (src, _) = fixture();
    let r = run(&src);
    assert!(r.problems.is_empty(), "{:#?}", lines(&r));
    let (covered, total) = r.coverage.unwrap();
    assert!(covered >= 5 && covered <= total, "{covered} of {total}");
}

#[test]
fn an_anchor_not_on_its_line_or_not_unique_is_a_load_problem() {
    let claim = "[[claim]]\nid = \"x\"\nsection = \"doubts\"\nline = 9\nanchor = \"ANCHOR\"\nsummary = \"Something in our own words.\"\n\n";
    let (src, start) = with(&claim.replace("ANCHOR", "seabed cables"));
    let r = run(&src);
    let got = lines(&r);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with(&format!(
            "h.toml:{}: field `anchor`: claim `x`: anchor `seabed cables` is not found on line 9",
            start + 4
        )),
        "{got:#?}"
    );
    assert!(got[0].ends_with("[load]"));
    let (src, _) = with(&claim.replace("ANCHOR", "it"));
    let got = lines(&run(&src));
    assert!(
        got[0].contains("occurs") && got[0].contains("times in its section"),
        "{got:#?}"
    );
}

#[test]
fn a_summary_copying_the_article_is_an_own_words_problem() {
    let (src, start) = with(
        "[[claim]]\nid = \"copied\"\nsection = \"doubts\"\nline = 9\nanchor = \"joint panel\"\nsummary = \"Either side may leave it with six months' notice, the piece says.\"\n",
    );
    let got = lines(&run(&src));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with(&format!(
            "h.toml:{}: field `summary`: shares 8 words with the article",
            start + 5
        )),
        "{got:#?}"
    );
    assert!(got[0].ends_with("[own-words]"));
}

#[test]
fn a_rival_the_article_states_is_reported() {
    // The article has both countries sign: Veska is no rival of Norland here.
    let (src, start) = with(
        "[[claim]]\nid = \"signer\"\nsection = \"opening\"\nline = 3\nanchor = \"Norland and Veska\"\nsummary = \"Norland signed.\"\nwhen = [[\"@accord\"], [\"sign*\"]]\n[claim.actor]\nvalue = [\"@norland\"]\nrival = [\"@veska\"]\nverb = [\"sign*\"]\n",
    );
    let got = lines(&run(&src));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with(&format!(
            "h.toml:{}: field `rival`: claim `signer` flags the article's own words on line 3",
            start + 1
        )),
        "{got:#?}"
    );
    assert!(got[0].ends_with("[rival-stated]"));
}

#[test]
fn claims_that_contradict_each_other_are_reported() {
    let (src, start) = with(
        "[[claim]]\nid = \"review-year-again\"\nsection = \"outlook\"\nline = 15\nanchor = \"A review\"\nsummary = \"A review in 2025.\"\nwhen = [[\"review*\"], [\"@accord\", \"due\", \"held\"]]\n[claim.date]\nvalue = [\"2025\"]\n",
    );
    let got = lines(&run(&src));
    assert!(
        got.iter().any(|g| g.starts_with(&format!(
            "h.toml:{}: field `value`: claim `review-year-again` reads the same sentences as claim `review-year`",
            start + 1
        )) && g.ends_with("[contradiction]")),
        "{got:#?}"
    );
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_claimlint"))
}

#[test]
fn the_cli_reports_and_exits_1_and_is_clean_on_the_bundled_base() {
    let dir = crate::common::harbour_dir();
    let o = std::process::Command::new(bin())
        .args(["claims", "--check", "--claims"])
        .arg(dir.join("claims.toml"))
        .arg("--article")
        .arg(dir.join("article.txt"))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("coverage: "), "{out}");

    let (src, _) =
        with("[[claim]]\nid = \"x\"\nsection = \"doubts\"\nline = 9\nanchor = \"nowhere at all\"\nsummary = \"y\"\n");
    let tmp = std::env::temp_dir().join(format!("claimlint-claims-check-{}.toml", std::process::id()));
    std::fs::write(&tmp, src).unwrap();
    let o = std::process::Command::new(bin())
        .args(["claims", "--check", "--claims"])
        .arg(&tmp)
        .arg("--article")
        .arg(dir.join("article.txt"))
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&tmp);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("field `anchor`: claim `x`") && out.contains("1 problem(s)"),
        "{out}"
    );
    // The article was given: what went unchecked is for the base's failing to load.
    assert!(
        !out.contains("no article given") && out.contains("the claim base does not load"),
        "{out}"
    );

    // The bundled claim base against the real article: clean.
    if let Some(art) = crate::common::article_path() {
        let o = std::process::Command::new(bin())
            .args(["claims", "--check", "--article"])
            .arg(&art)
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{out}");
        assert!(out.contains("0 problem(s)"), "{out}");
    }
}
